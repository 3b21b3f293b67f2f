"""The French a translation behind translates, rendered: what French first compares it with.

While an English page is behind its French page (readers/translation_state.py),
its parity (paragraphs, list items, links, figures: checks/parity.py) and its
paragraph lengths (checks/language_integrity.py) are checked against the French
text it translates, an older version from git, not against the French text now:
a French-only change of a figure, a date, a paragraph or a sentence publishes at
once, the English page says it is behind, and the translator catches up later.
Once the English changes, it translates the French as it is, and is compared
with it again.

That version is rendered with the site's own Markdown configuration
(markdown/render.py), after what the build does to any page's Markdown (the
home page's list of questions, from the questions as they are now).
"""

from __future__ import annotations

from collections.abc import Callable

from faq_site.checks.rendered import RenderedPage
from faq_site.languages import Languages
from faq_site.markdown.render import SiteMarkdown
from faq_site.readers.translation_state import TranslationState
from faq_site.sources.page import MarkdownPage


def translated_french(
    state: TranslationState,
    src_uri: str,
    languages: Languages,
    markdown: SiteMarkdown,
    prepare: Callable[[str], str] | None = None,
) -> tuple[MarkdownPage, RenderedPage] | None:
    """The French a translation (`src_uri`) translates, read by the page model and rendered, if
    it is behind; None if it is up to date. The pair is what checks/page_problems.py compares a
    translation with (`french`), in place of the French page as it is now."""
    version = state.translated_french(src_uri)
    if version is None:
        return None
    french_uri = languages.uri_for(languages.norm_uri(src_uri), languages.default)
    french = MarkdownPage.parse(french_uri, version.text, languages)
    return french, markdown.rendered(french, prepare)

"""What one build learns, across its languages: the plugin's state, on its instance.

static-i18n builds the default language, then every other language inside the
default language's post-build, on the same configuration and the same plugin
instance. So the plugin starts a new `BuildState` when the default language's
build starts, and every language's build adds to it: the problems are reported
once every language is rendered (one rule decides which: messages/problems.py),
the sitemap lists every page, a translation is compared with the French page
rendered before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.pages import Page

from faq_site.checks.rendered import RenderedPage
from faq_site.markdown.render import SiteMarkdown
from faq_site.messages.problems import Problems
from faq_site.readers.navigation import Question
from faq_site.readers.redirects import Redirect
from faq_site.readers.seo import PageLinks
from faq_site.readers.translation_state import TranslationState
from faq_site.readers.withdrawn import Withdrawal
from faq_site.sources.page import MarkdownPage


@dataclass
class BuildState:
    problems: Problems = field(default_factory=Problems)
    # Every page of every language, as its editor wrote it: read once (on_files), by src_uri. The
    # same dict all build long: MkDocs' warnings are worded from it (messages/mkdocs_warnings.py).
    sources: dict[str, MarkdownPage] = field(default_factory=dict)
    # Each page's content as rendered, parsed once (on_page_content), by src_uri: every check of
    # the page reads it, and so do the JSON-LD and the published page's script check.
    rendered: dict[str, RenderedPage] = field(default_factory=dict)
    # What git says of every page (read in the default language's build): its last change
    # readers see, the translations behind their French page (readers/translation_state.py).
    translations: TranslationState = field(default_factory=TranslationState)
    # The site's Markdown, to render another version of a page than the one built (the French a
    # translation behind translates: readers/translated_french.py), set with the state above.
    site_markdown: SiteMarkdown = field(default_factory=SiteMarkdown)
    # NATO's 2022 text, by section, and each French page's state against it.
    record: list[list[str]] = field(default_factory=list)
    provenance: dict[str, str | None] = field(default_factory=dict)
    # The questions of each language, in number order (from the files of the current language's build).
    questions: dict[str, list[Question]] = field(default_factory=dict)
    # Old addresses to keep, every language; the current language's pages: src_uri -> (title, url).
    redirects: list[Redirect] = field(default_factory=list)
    # Withdrawn questions, whose old addresses tell readers so, every language.
    withdrawals: list[Withdrawal] = field(default_factory=list)
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    # This language's "all questions" page, rendered from every answer joined (its content is in
    # `rendered`): its allow-list runs once every question's page has (on_env), for what none of them
    # reported.
    joined_page: Page | None = None
    # The hashes of the inline scripts the site's templates write (readers/csp.py), computed
    # before any page of the language is written: the only scripts a page may run.
    script_hashes: frozenset[str] = frozenset()
    # Every page built so far (every language), by absolute URL: the sitemap.
    page_links: dict[str, PageLinks] = field(default_factory=dict)

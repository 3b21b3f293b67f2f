"""What one build learns, across its languages: the plugin's state, on its instance.

static-i18n builds the default language, then every other language inside the
default language's post-build, on the same configuration and the same plugin
instance. So the plugin starts a new `BuildState` when the default language's
build starts, and every language's build adds to it: the problems are reported
once every language is rendered, the sitemap lists every page, a translation
is compared with the French page rendered before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.pages import Page

from faq_site.checks.parity import RenderedPage
from faq_site.checks.what_nato_says import CheckedPage
from faq_site.messages.problems import Problem, Problems
from faq_site.readers.navigation import Question
from faq_site.readers.redirects import Redirect
from faq_site.readers.seo import PageLinks
from faq_site.readers.translation_state import TranslationState


@dataclass
class BuildState:
    problems: Problems = field(default_factory=Problems)
    # Links MkDocs already warned about, as (src_uri, target): not reported twice.
    warned_links: set[tuple[str, str]] = field(default_factory=set)
    # What git says of every page (read in the default language's build): its last change
    # readers see, the translations behind their French page (readers/translation_state.py).
    translations: TranslationState = field(default_factory=TranslationState)
    # NATO's 2022 text, by section, and each French page's state against it.
    record: list[list[str]] = field(default_factory=list)
    provenance: dict[str, str | None] = field(default_factory=dict)
    # The questions of each language, in number order (from the files of the current language's build).
    questions: dict[str, list[Question]] = field(default_factory=dict)
    # Old addresses to keep, every language; the current language's pages: src_uri -> (title, url).
    redirects: list[Redirect] = field(default_factory=list)
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    # The French pages as rendered, by address, and the differences of the current translation.
    french_pages: dict[str, RenderedPage] = field(default_factory=dict)
    parity_problems: list[Problem] = field(default_factory=list)
    # The same pages as the language checks read them, and this language's description and
    # paragraph-length problems, reported unless they echo another one.
    checked_pages: dict[str, CheckedPage] = field(default_factory=dict)
    # Each checked page's content addresses, by page address: the published page's check skips them.
    judged_urls: dict[str, set[str]] = field(default_factory=dict)
    quotation_problems: list[Problem] = field(default_factory=list)
    # This language's "all questions" page and its HTML, rendered from every answer joined: its
    # allow-list runs once every question's page has (on_env), for what none of them reported.
    joined_page: tuple[Page, str] | None = None
    # The languages where two joined pages define one link reference (checks/generated_parts.py).
    clashing_references: set[str] = field(default_factory=set)
    # The hashes of the inline scripts the site's templates write (readers/csp.py), computed
    # before any page of the language is written: the only scripts a page may run.
    script_hashes: frozenset[str] = frozenset()
    # Every page built so far (every language), by absolute URL: the sitemap.
    page_links: dict[str, PageLinks] = field(default_factory=dict)

"""Every page shows when its text last changed, and a translation behind its French text says so.

The translation state (readers/translation_state.py) is read once per build,
when the default language's build starts, and reused by the other languages.
It gives:

- each page's last change readers can see: Material shows it at the end of the
  page (`page.meta.revision_date`), in the reader's language. The "all
  questions" page's is its questions' latest;
- the translations behind their French text: the build lists each in an INFO
  line (information only: an urgent French correction must still publish), and
  the template (overrides/partials/translation-notice.html) shows a notice at
  the top of the page, linking to the French page; on "all questions", one line
  for each question behind, named. `scripts/outdated_translations.py` prints the
  same lines for the CI job summary, and the review report reads the notices.

A checkout without git history (a downloaded archive, a copy) or a shallow
clone, whose dates would be wrong, builds without dates and without notices.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from faq_site.languages import LanguageRules, Languages, rules_for
from faq_site.markdown.render import SiteMarkdown
from faq_site.markdown.typography import typeset
from faq_site.readers.navigation import Question
from faq_site.readers.translation_state import Behind, TranslationState, read_state
from faq_site.sources.history import NOT_NEEDED, TRAILER
from faq_site.sources.names import ALL_QUESTIONS, is_question

__all__ = ["NOT_NEEDED", "TRAILER", "Notice", "read_dates", "state_of"]

log = logging.getLogger("mkdocs.plugins.faq.dates")


def build_day() -> date:
    """The build's date (SOURCE_DATE_EPOCH, if set, as MkDocs reads it): no page is updated later."""
    return get_build_datetime().date()


def state_of(
    config: MkDocsConfig,
    languages: Languages,
    today: date | None = None,
    markdown: SiteMarkdown | None = None,
) -> TranslationState:
    """The translation state of the site's docs/, read with its Markdown configuration."""
    markdown = markdown or SiteMarkdown.of_config(config)
    return read_state(Path(config.docs_dir), languages, markdown, today or build_day())


def read_dates(config: MkDocsConfig, languages: Languages, markdown: SiteMarkdown) -> TranslationState:
    """The build's translation state, and its INFO lines: no history, or each translation behind."""
    state = state_of(config, languages, markdown=markdown)
    if state.missing:
        log.info(f"{state.missing}: pages are built without their last-changed date.")
    for item in state.behind.values():
        log.info(str(item))
    return state


def format_date(day: date, strings: dict, rules: LanguageRules) -> Markup:
    """`Page mise à jour le 1er mars 2022`, `Page updated on 25 November 2026`."""
    return Markup(
        f'{escape(strings["last_changed"])} <time datetime="{day.isoformat()}">'
        f"{escape(rules.date_text(day))}</time>"
    )


def last_changed(page: Page, state: TranslationState, languages: Languages) -> date | None:
    """The date of the page's last change readers see; on "all questions", its questions' latest too."""
    src_uri = page.file.src_uri
    days = [state.updated[src_uri]] if src_uri in state.updated else []
    if languages.norm_uri(src_uri) == ALL_QUESTIONS:
        language = languages.of(src_uri)
        days += [
            day for uri, day in state.updated.items() if is_question(uri) and languages.of(uri) == language
        ]
    return max(days, default=None)


def set_revision_date(
    page: Page, config: MkDocsConfig, state: TranslationState, languages: Languages
) -> None:
    """`page.meta.revision_date`, which Material shows at the end of the page."""
    day = last_changed(page, state, languages)
    if day is not None:
        language = config.theme["language"]
        page.meta["revision_date"] = format_date(day, config.extra["strings"][language], rules_for(language))


@dataclass(frozen=True)
class Notice:
    """The notice on a page behind its French text (overrides/partials/translation-notice.html)."""

    title: str
    lines: list[Markup]  # one per text behind: the page's own, or each question's on "all questions"
    behind: list[str]  # the French pages' addresses, as the notice links them


def french_url(item: Behind, config: MkDocsConfig) -> str:
    french = File(item.original_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    return urljoin(config.site_url or "", french.url)


def _line(item: Behind, config: MkDocsConfig, languages: Languages, question: str | None = None) -> Markup:
    """One sentence of the notice: the link to the French page and its date (and the question's title)."""
    language = config.theme["language"]
    strings, rules = config.extra["strings"][language], rules_for(language)
    text, link = (
        (strings["outdated_text"], strings["outdated_link"])
        if question is None
        else (strings["outdated_question_text"], strings["outdated_question_link"])
    )
    day = item.original_changed
    parts = {
        "french_page": Markup('<a href="{}" hreflang="{}">{}</a>').format(
            french_url(item, config), languages.default, link
        ),
        "date": Markup('<time datetime="{}">{}</time>').format(day.isoformat(), rules.date_text(day)),
        "question": escape(typeset(question or "", language)),
    }
    sentence = escape(text)
    for key, value in parts.items():
        sentence = Markup(sentence.replace(escape(f"{{{key}}}"), value))
    return sentence


def notice(
    page: Page,
    config: MkDocsConfig,
    state: TranslationState,
    languages: Languages,
    questions: list[Question],
) -> Notice | None:
    """What the page's notice says, if its text (or, on "all questions", a question's) is behind."""
    own = state.behind.get(page.file.src_uri)
    lines = [(own, None)] if own else []
    if languages.norm_uri(page.file.src_uri) == ALL_QUESTIONS:
        lines += [
            (state.behind[question.source.src_uri], question.title)
            for question in questions
            if question.source.src_uri in state.behind
        ]
    if not lines:
        return None
    return Notice(
        config.extra["strings"][config.theme["language"]]["outdated_title"],
        [_line(item, config, languages, title) for item, title in lines],
        [french_url(item, config) for item, _ in lines],
    )

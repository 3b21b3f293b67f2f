"""Withdrawn questions keep their old addresses.

Deleting a question's two files removes its page in every language, and a link
someone shared would lead to "page not found". The editor lists the question in
the front matter of the "all questions" page (docs/faq/index.md and its
translations, alike), with the day it was withdrawn:

    withdrawn:
      - old-question 2026-12-01

(its old file name, without folder, language or `.md`, then the date, year-month-day),
and the build writes, at `faq/old-question/` in each language, a small page that tells
readers, in their language, that the question was withdrawn and when, with a link to
all questions; `noindex`, written after the build: in neither the sitemap nor the search
index. It has no script and loads nothing but the site's favicon (readers/csp.py gives it the
policy of a page without scripts).

Why the "all questions" page: the question's own files are gone, and that page is the
one that lists every question; a list of lines `name date` reads as the guide says it,
and each line is checked on its own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from faq_site.languages import Languages, rules_for
from faq_site.messages.problems import Problem
from faq_site.readers import csp
from faq_site.readers.redirects import Redirect, key_line, mismatch, notice_page
from faq_site.readers.typography import plain_title
from faq_site.sources.front_matter import FRONT_MATTER_KEYS
from faq_site.sources.names import ALL_QUESTIONS, KEBAB_CASE, QUESTIONS_DIR
from faq_site.sources.page import MarkdownPage

KEY = "withdrawn"
EXAMPLE = "- old-question 2026-12-01"
_ENTRY = re.compile(r"(?P<name>\S+)\s+(?P<day>\S+)")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Withdrawal:
    name: str  # the question's old file name: it was published at faq/<name>/
    day: date
    line: int  # in the French "all questions" page

    @property
    def address(self) -> str:
        """Its old address in the default language: `faq/old-question/`."""
        return f"{QUESTIONS_DIR}/{self.name}/"


def entries(source: MarkdownPage) -> list[tuple[str, int]] | None:
    """The page's `withdrawn` lines as written, each with its line: none without the key, None if its
    value is of the wrong form (reported with every front matter key, checks/questions.py)."""
    value = source.meta.get(KEY)
    if value is None:
        return []
    if not FRONT_MATTER_KEYS[KEY].valid(value):
        return None
    written = [value] if isinstance(value, str) else list(value)
    lines = source.front_matter.item_lines.get(KEY) or ()
    return [(entry, lines[i] if i < len(lines) else key_line(source, KEY)) for i, entry in enumerate(written)]


def read_entry(source: MarkdownPage, entry: str, line: int) -> Withdrawal | Problem:
    """One line, `old-question 2026-12-01`: the withdrawal it says, or what is wrong with it."""
    match = _ENTRY.fullmatch(entry.strip())
    if match is None or not KEBAB_CASE.fullmatch(match["name"]):
        return Problem(
            source.src_uri,
            f"`{KEY}` lists `{entry}`: write each withdrawn question on its own line, its old file name in "
            f"lower case with hyphens (without folder, language or `.md`), a space, then the date it was "
            f"withdrawn, year-month-day: `{EXAMPLE}`.",
            line,
        )
    name, day = match["name"], match["day"]
    try:
        when = date.fromisoformat(day) if _ISO_DAY.fullmatch(day) else None
    except ValueError:
        when = None
    if when is None:
        return Problem(
            source.src_uri,
            f"`{KEY}` gives `{day}` as the date '{name}' was withdrawn, which is not a date written "
            "year-month-day. Write it like `2026-12-01` (the 1st of December 2026).",
            line,
        )
    return Withdrawal(name, when, line)


def read_withdrawals(source: MarkdownPage) -> tuple[list[Withdrawal], list[Problem]]:
    """The withdrawals one page lists (an "all questions" page, any language), and what is wrong
    with its lines on their own: not `name date`, not a date, a name twice. One page's
    matter: checked with its front matter (checks/questions.py), without the rest of the site."""
    withdrawals: list[Withdrawal] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for entry, line in entries(source) or []:
        found = read_entry(source, entry, line)
        if isinstance(found, Problem):
            problems.append(found)
        elif found.name in seen:
            problems.append(
                Problem(
                    source.src_uri,
                    f"`{KEY}` lists '{found.name}' twice (lines {seen[found.name]} and {line}). "
                    "Keep one line.",
                    line,
                )
            )
        else:
            seen[found.name] = line
            withdrawals.append(found)
    return withdrawals, problems


def _spaced(written: list[tuple[str, int]]) -> list[str]:
    """The lines with one space between their words: `old-question  2026-12-01` is the same line."""
    return [" ".join(entry.split()) for entry, _ in written]


def check_withdrawals(
    sources: list[MarkdownPage], languages: Languages, redirects: list[Redirect]
) -> tuple[list[Withdrawal], list[Problem]]:
    """The withdrawn questions the "all questions" pages list (in every language alike), and what is
    wrong with them across the site: a list that differs between languages, a question still
    published at its address, an old address a renamed page keeps. (Each line on its own:
    read_withdrawals, with the page's front matter.)"""
    by_uri = {source.src_uri: source for source in sources}
    french = by_uri.get(ALL_QUESTIONS)
    if french is None or (written := entries(french)) is None:
        return [], []  # no such page (reported as missing), or a value of the wrong form (reported)
    problems: list[Problem] = []
    for language in languages.others:
        twin = by_uri.get(languages.uri_for(ALL_QUESTIONS, language))
        twin_written = None if twin is None else entries(twin)
        if twin is not None and twin_written is not None and _spaced(twin_written) != _spaced(written):
            shown = [" ".join(entry.split()) for entry, _ in written]
            problems.append(mismatch(french, shown, twin, _spaced(twin_written), KEY))
    published = {(source.language, source.address): source.src_uri for source in sources}
    renamed = {redirect.old_url: redirect.src_uri for redirect in redirects}
    withdrawals = []
    for withdrawal in read_withdrawals(french)[0]:
        name, old, line = withdrawal.name, withdrawal.address, withdrawal.line
        page = next((published[lang, old] for lang in languages.all if (lang, old) in published), None)
        if page is not None:
            message = (
                f"`{KEY}` lists '{name}', but docs/{page} is still published at that address ({old}). "
                f"Delete the question's files in every language, or remove '{name}' from `{KEY}`."
            )
        elif old in renamed:
            message = (
                f"`{KEY}` lists '{name}', which docs/{renamed[old]} lists in `renamed_from`: its old address "
                f"leads to that page. Remove '{name}' from one of them."
            )
        else:
            withdrawals.append(withdrawal)
            continue
        problems.append(Problem(french.src_uri, message, line))
    return withdrawals, problems


def withdrawn_page(
    withdrawal: Withdrawal, old_url: str, all_questions: tuple[str, str], config: MkDocsConfig
) -> str:
    """The page at a withdrawn question's old address, in the build's language."""
    language = config.theme["language"]
    strings = config.extra["strings"][language]
    title, url = all_questions
    when = (
        f'<time datetime="{withdrawal.day.isoformat()}">'
        f"{escape(rules_for(language).date_text(withdrawal.day))}</time>"
    )
    text = escape(strings["withdrawn_text"]).replace(escape("{date}"), when)
    body = (
        f"<main>\n<h1>{escape(strings['withdrawn_title'])}</h1>\n<p>{text}</p>\n"
        f'<p><a href="{escape(get_relative_url(url, old_url))}">{escape(plain_title(title))}</a></p>\n'
        "</main>\n"
    )
    # The site's favicon, which every page loads (cached): without it a browser asks for /favicon.ico,
    # which the site does not have (a 404 in the console). Nothing else to load.
    icon = escape(get_relative_url(config.theme["favicon"], old_url))
    head = f'<link rel="icon" href="{icon}" type="image/svg+xml">\n'
    page_title = f"{strings['withdrawn_title']} – {config.site_name}"
    return notice_page(language, page_title, head, body, strings["unofficial"])


def write_withdrawn(
    config: MkDocsConfig,
    withdrawals: list[Withdrawal],
    pages: dict[str, tuple[str, str]],
    languages: Languages,
) -> None:
    """Writes this language's withdrawn-question pages. `pages`: this language's pages, src_uri ->
    (title as MkDocs' HTML, url): the "all questions" page is their link."""
    language = config.theme["language"]
    all_questions = pages.get(languages.uri_for(ALL_QUESTIONS, language))
    if all_questions is None:
        return
    for withdrawal in withdrawals:
        old_url = languages.prefix(language) + withdrawal.address
        html = csp.with_policy(withdrawn_page(withdrawal, old_url, all_questions, config), [])
        path = Path(config.site_dir) / old_url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")

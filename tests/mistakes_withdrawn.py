"""Editor mistakes in `withdrawn`, the withdrawn questions the "all questions" page lists
(src/faq_site/readers/withdrawn.py).

Each `make(docs)` writes the `withdrawn` lines of a copy's "all questions" pages (tests' FAQ site,
which withdrew one question already), or of a question, and returns the exact lines the build
must print. tests/test_editor_errors.py adds them to its MISTAKES; those that need the other
pages (a question still published, a renamed page's old name, the two languages' lists) are built.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from grouped_builds import first
from mistakes_renames import KEY as RENAMED
from page_editing import SourcePage, questions

Make = Callable[[Path], list[str]]
KEY = "withdrawn"
ALL_QUESTIONS = {"fr": "faq/index.md", "en": "faq/index.en.md"}
EXAMPLE = "- old-question 2026-12-01"


def all_questions(docs: Path, language: str = "fr") -> SourcePage:
    return SourcePage(docs, ALL_QUESTIONS[language])


def write_withdrawn(page: SourcePage, items: list[str]) -> list[int]:
    """`withdrawn:` and its `- ` lines in the page's front matter, in place of those it has; their lines."""
    if page.has_key(KEY):
        start = page.key_line(KEY)
        while start < page.front_matter_end() - 1 and page.line(start + 1).lstrip().startswith("- "):
            page.delete(start + 1)
        page.delete(start)
    start = page.front_matter_end()
    page.insert(start, f"{KEY}:", *(f"  - {item}" for item in items))
    return [start + 1 + index for index in range(len(items))]


def in_both(docs: Path, items: list[str]) -> list[tuple[SourcePage, list[int]]]:
    return [(page, write_withdrawn(page, items)) for page in (all_questions(docs), all_questions(docs, "en"))]


def wrong_line(written: str) -> Make:
    def make(docs: Path) -> list[str]:
        return [
            f"{page.where}:{lines[0]}: `{KEY}` lists `{written}`: write each withdrawn question on its own "
            "line, its old file name in lower case with hyphens (without folder, language or `.md`), a "
            f"space, then the date it was withdrawn, year-month-day: `{EXAMPLE}`."
            for page, lines in in_both(docs, [written])
        ]

    return make


def not_a_date(day: str) -> Make:
    def make(docs: Path) -> list[str]:
        return [
            f"{page.where}:{lines[0]}: `{KEY}` gives `{day}` as the date 'old-question' was withdrawn, which "
            "is not a date written year-month-day. Write it like `2026-12-01` (the 1st of December 2026)."
            for page, lines in in_both(docs, [f"old-question {day}"])
        ]

    return make


def listed_twice(docs: Path) -> list[str]:
    return [
        f"{page.where}:{lines[1]}: `{KEY}` lists 'old-question' twice (lines {lines[0]} and {lines[1]}). "
        "Keep one line."
        for page, lines in in_both(docs, ["old-question 2026-12-01", "old-question 2026-12-02"])
    ]


def on_a_question(docs: Path) -> list[str]:
    page = first(docs)
    page.insert(page.front_matter_end(), f"{KEY}: [old-question 2026-12-01]")
    return [
        f"{page.where}:{page.key_line(KEY)}: `{KEY}` belongs in the front matter of the “all questions” "
        "page, docs/faq/index.md, and of its translations. Move that line there."
    ]


def not_a_list(docs: Path) -> list[str]:
    made = []
    for page in (all_questions(docs), all_questions(docs, "en")):
        write_withdrawn(page, [])
        line = page.key_line(KEY)
        page.set(line, f"{KEY}: {{old-question: 2026-12-01}}")
        made.append(
            f"{page.where}:{line}: `{KEY}` must be a list of the withdrawn questions, one a line: its old "
            "file name, without `.md`, and the date it was withdrawn, not `{old-question: 2026-12-01}`. "
            f"Write it like `{KEY}: [old-question 2026-12-01]`."
        )
    return made


def still_published(docs: Path) -> list[str]:
    """A question listed as withdrawn, but its files are still there."""
    page = first(docs)
    (line,) = in_both(docs, [f"{page.slug} 2026-12-01"])[0][1]
    return [
        f"docs/faq/index.md:{line}: `{KEY}` lists '{page.slug}', but {page.where} is still published at that "
        f"address (faq/{page.slug}/). Delete the question's files in every language, or remove "
        f"'{page.slug}' from `{KEY}`."
    ]


def renamed(docs: Path) -> list[str]:
    """A renamed question's old name listed as withdrawn: that address leads to the renamed page."""
    page = next(page for page in questions(docs) if page.has_key(RENAMED))
    old = page.value(RENAMED)
    old = old if isinstance(old, str) else old[0]
    (line,) = in_both(docs, [f"{old} 2026-12-01"])[0][1]
    return [
        f"docs/faq/index.md:{line}: `{KEY}` lists '{old}', which {page.where} lists in `renamed_from`: its "
        f"old address leads to that page. Remove '{old}' from one of them."
    ]


def in_the_french_file_only(docs: Path) -> list[str]:
    write_withdrawn(all_questions(docs), ["old-question 2026-12-01"])
    english = all_questions(docs, "en")
    line = english.key_line(KEY)
    while english.line(line + 1).lstrip().startswith("- "):
        english.delete(line + 1)
    english.delete(line)
    return [
        f"{english.where}:1: has no `{KEY}`, but docs/faq/index.md has `{KEY}: [old-question 2026-12-01]`. "
        "Add the same line to both files."
    ]


def different_in_each_language(docs: Path) -> list[str]:
    write_withdrawn(all_questions(docs), ["old-question 2026-12-01"])
    english = all_questions(docs, "en")
    write_withdrawn(english, ["old-question 2026-12-02"])
    return [
        f"{english.where}:{english.key_line(KEY)}: has `{KEY}: [old-question 2026-12-02]`, but "
        f"docs/faq/index.md has `{KEY}: [old-question 2026-12-01]`. Write the same old names in both files."
    ]


WITHDRAWN_MISTAKES: list[tuple[str, Make]] = [
    ("withdrawn question without its date", wrong_line("old-question")),
    ("withdrawn question written as a file name", wrong_line("faq/old_question.md 2026-12-01")),
    ("withdrawn question dated day/month/year", not_a_date("01/12/2026")),
    ("withdrawal date that is no date", not_a_date("2026-13-01")),
    ("withdrawn question listed twice", listed_twice),
    ("withdrawn questions listed on a question", on_a_question),
    ("withdrawn questions that are not a list", not_a_list),
    ("withdrawn question still published", still_published),
    ("withdrawn question that was renamed", renamed),
    ("withdrawn questions in the French file only", in_the_french_file_only),
    ("withdrawn questions different in the two languages", different_in_each_language),
]
# What needs the other pages: the build checks it once every page is read (readers/withdrawn.py).
WITHDRAWN_BUILT = [
    "withdrawn question still published",
    "withdrawn question that was renamed",
    "withdrawn questions in the French file only",
    "withdrawn questions different in the two languages",
]

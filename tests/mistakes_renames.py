"""Editor mistakes in `renamed_from`, the old names of a renamed page (src/faq_site/readers/redirects.py).

Each `make(docs)` writes a page's `renamed_from` in a copy's docs/ (of the tests' FAQ site), on
the question the mistake's place in its group gives (tests/grouped_builds.py), and returns the
exact lines the build must print. tests/test_editor_errors.py adds them to its MISTAKES.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from grouped_builds import first
from page_editing import SourcePage

Make = Callable[[Path], list[str]]
KEY = "renamed_from"
# The form of the value is checked with every front matter key (faq_site.sources.front_matter).
WRONG_FORM = (
    "{where}:{line}: `renamed_from` must be a list of the page's old file names, without `.md`, in lower "
    "case with hyphens, not `{shown}`. Write it like `renamed_from: [old-name]`."
)


def write_old_names(page: SourcePage, value: str) -> int:
    """`renamed_from: <value>` in the page's front matter (in place of the one it has, if any); its line."""
    if page.has_key(KEY):
        page.set(page.key_line(KEY), f"{KEY}: {value}")
    else:
        page.insert(page.front_matter_end(), f"{KEY}: {value}")
    return page.key_line(KEY)


def old_name_in_use(docs: Path) -> list[str]:
    """An old name that is another question's name: that question is published at that address."""
    page, other = first(docs), first(docs, index=1)
    line = write_old_names(page, f"[{other.slug}]")
    write_old_names(page.twin, f"[{other.slug}]")
    return [
        f"{page.where}:{line}: `{KEY}` lists '{other.slug}', but {other.where} is published at that address "
        f"(faq/{other.slug}/): it is still in use. Remove '{other.slug}' from `{KEY}`, or rename "
        f"{other.where}."
    ]


def not_in_kebab_case(written: str) -> Make:
    def make(docs: Path) -> list[str]:
        page = first(docs)
        value = f"[{json.dumps(written)}]"
        lines = [write_old_names(language, value) for language in (page, page.twin)]
        return [
            WRONG_FORM.format(where=language.where, line=line, shown=f"[{written}]")
            for language, line in zip((page, page.twin), lines, strict=True)
        ]

    return make


def in_one_language_only(language: str) -> Make:
    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        value = f"[old-{page.slug}]"
        write_old_names(page, value)
        if page.twin.has_key(KEY):
            page.twin.delete(page.twin.key_line(KEY))
        return [
            f"{page.twin.where}:1: has no `{KEY}`, but {page.where} has `{KEY}: {value}`. Add the same line "
            "to both files."
        ]

    return make


def different_in_each_language(docs: Path) -> list[str]:
    page = first(docs)
    write_old_names(page, "[old-a]")
    line = write_old_names(page.twin, "[old-b]")
    return [
        f"{page.twin.where}:{line}: has `{KEY}: [old-b]`, but {page.where} has `{KEY}: [old-a]`. Write the "
        "same old names in both files."
    ]


def one_old_name_for_two_pages(docs: Path) -> list[str]:
    pages = sorted([first(docs), first(docs, index=1)], key=lambda page: page.rel)
    lines = [write_old_names(language, "[old-name]") for page in pages for language in (page, page.twin)]
    earlier, later = pages
    return [
        f"{later.where}:{lines[2]}: `{KEY}` lists 'old-name', like {earlier.where}: an old address can lead "
        "to one page only. Remove it from one of them."
    ]


def not_a_list(docs: Path) -> list[str]:
    page = first(docs)
    lines = [write_old_names(language, "{old: name}") for language in (page, page.twin)]
    return [
        WRONG_FORM.format(where=language.where, line=line, shown="{old: name}")
        for language, line in zip((page, page.twin), lines, strict=True)
    ]


RENAMES_MISTAKES: list[tuple[str, Make]] = [
    ("old name of a page still published", old_name_in_use),
    ("old name written as a file name", not_in_kebab_case("Old Question.md")),
    ("old name with its folder and language", not_in_kebab_case("faq/old_question.en.md")),
    ("old name with capitals", not_in_kebab_case("Ancienne-Question")),
    ("old name in the French file only", in_one_language_only("fr")),
    ("old name in the English file only", in_one_language_only("en")),
    ("different old names in the two languages", different_in_each_language),
    ("one old name for two pages", one_old_name_for_two_pages),
    ("old names that are not a list", not_a_list),
]

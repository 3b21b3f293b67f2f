"""A translation that drops or adds a paragraph, list item, link or figure stops the build.

src/faq_site/checks/parity.py compares each rendered English page with
its French page. Each test edits a copy of the project: it appends a sentence
with figures to the first answer paragraph of the first question, in both
languages, faithfully or not, or adds a paragraph, a list item or a link to the
English only; then builds with --strict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import PROJECT, build

FRENCH_QUESTION = next(
    path.relative_to(PROJECT / "docs").as_posix()
    for path in sorted((PROJECT / "docs/faq").glob("*.md"))
    if not path.name.endswith(".en.md") and path.name != "index.md"
)
ENGLISH_QUESTION = FRENCH_QUESTION.removesuffix(".md") + ".en.md"

FRENCH_FIGURES = (
    "Ajout de 40\u202f000 soldats le 1er mars 2022, comme en 2014, soit 1,5 fois plus (WCAG 2.1)."
)
ENGLISH_FIGURES = "Added 40,000 troops on 1 March 2022, as in 2014, or 1.5 times more (WCAG 2.1)."


def first_paragraph_line(path: Path) -> int:
    """The line number of the first paragraph after the page's title."""
    lines = path.read_text(encoding="utf-8").splitlines()
    title = next(index for index, line in enumerate(lines) if line.startswith("# "))
    return next(
        index + 1
        for index, line in enumerate(lines)
        if index > title and line.strip() and not line.startswith(("#", "<!--", "-", "!!!"))
    )


def append_to_first_paragraph(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    number = first_paragraph_line(path)
    lines[number - 1] += f" {text}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return number


def insert_after_first_paragraph(path: Path, block: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    number = first_paragraph_line(path)
    lines[number:number] = ["", block]
    path.write_text("\n".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class Mismatch:
    name: str
    english: str | None  # the English figures sentence, if the test changes it
    block: str | None  # a block added to the English only
    expected: str  # regular expression, {fr}/{en} and {fr_line}/{en_line} filled in


MISMATCHES = [
    Mismatch(
        "a number",
        ENGLISH_FIGURES.replace("40,000", "4,000"),
        None,
        r"docs/{en}:{en_line}: the figure “40 000” is in its French version \(docs/{fr}:{fr_line}\) "
        r"but not here\. Write it in the English too, as figures: 40,000\.",
    ),
    Mismatch(
        "a date",
        ENGLISH_FIGURES.replace("1 March", "2 March"),
        None,
        r"docs/{en}:{en_line}: the figure “1er mars 2022” is in its French version "
        r"\(docs/{fr}:{fr_line}\) but not here\. Write it in the English too, as figures: 1 March 2022\.",
    ),
    Mismatch(
        "a year",
        ENGLISH_FIGURES.replace("2014", "2015"),
        None,
        r"docs/{en}:{en_line}: the figure “2014” is (\d+ times )?in its French version",
    ),
    Mismatch(
        "a decimal",
        ENGLISH_FIGURES.replace("1.5", "1"),
        None,
        r"docs/{en}:{en_line}: the figure “1,5” is in its French version .* as figures: 1\.5\.",
    ),
    Mismatch(
        "a version number",
        ENGLISH_FIGURES.replace("2.1", "2"),
        None,
        r"docs/{en}:{en_line}: the figure “2\.1” is in its French version .* as figures: 2\.1\.",
    ),
    Mismatch(
        "a paragraph",
        None,
        "An added paragraph.",
        r"docs/{en}:\d+: has (\d+) paragraphs where its French version, docs/{fr}, "
        r"has (?!\1)\d+ paragraphs?\. "
        r"Translate every paragraph, list item and link of the French, no more and no fewer\.",
    ),
    Mismatch(
        "a list item",
        None,
        "- an added item",
        r"docs/{en}:\d+: has (\d+) list items where its French version, docs/{fr}, "
        r"has (?!\1)\d+ list items?\.",
    ),
    Mismatch(
        "a link",
        None,
        "An added [link](https://www.nato.int/).",
        r"docs/{en}:\d+: has \d+ paragraphs and (\d+) links where its French version, docs/{fr}, "
        r"has \d+ paragraphs? and (?!\1)\d+ links?\.",
    ),
]


@pytest.fixture
def with_figures(project_copy: Path) -> Path:
    """The copy, with the same figures added to the question in both languages."""
    docs = project_copy / "docs"
    append_to_first_paragraph(docs / FRENCH_QUESTION, FRENCH_FIGURES)
    append_to_first_paragraph(docs / ENGLISH_QUESTION, ENGLISH_FIGURES)
    return project_copy


def test_a_faithful_translation_builds(with_figures: Path, tmp_path: Path) -> None:
    result = build(with_figures, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output


@pytest.mark.parametrize("mismatch", MISMATCHES, ids=lambda m: m.name)
def test_a_mismatch_stops_the_build(mismatch: Mismatch, with_figures: Path, tmp_path: Path) -> None:
    docs = with_figures / "docs"
    english = docs / ENGLISH_QUESTION
    if mismatch.english:
        english.write_text(
            english.read_text(encoding="utf-8").replace(ENGLISH_FIGURES, mismatch.english), encoding="utf-8"
        )
    if mismatch.block:
        insert_after_first_paragraph(english, mismatch.block)

    result = build(with_figures, tmp_path / "site", "http://127.0.0.1:8000/")

    assert result.returncode != 0, f"the build passed despite {mismatch.name}:\n{result.output}"
    expected = mismatch.expected.format(
        en=re.escape(ENGLISH_QUESTION),
        fr=re.escape(FRENCH_QUESTION),
        en_line=first_paragraph_line(english),
        fr_line=first_paragraph_line(docs / FRENCH_QUESTION),
    )
    assert re.search(expected, result.output), f"{expected!r} not in:\n{result.output}"
    assert "Traceback" not in result.output
    assert len(re.findall(r"^  - docs/", result.output, re.MULTILINE)) == 1, result.output


def test_every_mismatch_is_reported_at_once(with_figures: Path, tmp_path: Path) -> None:
    docs = with_figures / "docs"
    english = docs / ENGLISH_QUESTION
    english.write_text(
        english.read_text(encoding="utf-8").replace(
            ENGLISH_FIGURES, ENGLISH_FIGURES.replace("40,000", "4,000").replace("2014", "2015")
        ),
        encoding="utf-8",
    )
    home = docs / "index.en.md"
    insert_after_first_paragraph(home, "An added paragraph.")

    result = build(with_figures, tmp_path / "site", "http://127.0.0.1:8000/")

    assert result.returncode != 0, result.output
    assert "docs/index.en.md:" in result.output
    assert f"docs/{ENGLISH_QUESTION}:" in result.output
    assert "the figure “40 000”" in result.output and "the figure “2014”" in result.output

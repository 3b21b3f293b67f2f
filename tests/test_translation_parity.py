"""A translation that drops or adds a paragraph, list item, link or figure stops the build.

src/faq_site/checks/parity.py compares each rendered English page with its French page. One copy
of the tests' FAQ site holds every mismatch, each on a question of its own (and one on the English
home page): a sentence with figures appended to the answer's first paragraph in both languages,
unfaithfully in the English, or a paragraph, a list item or a link added to the English only. Its
one build must report each mismatch in exactly one line, all at once. (The same sentence, faithful
in both languages, is a correct edit: tests/test_correct_edits.py.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from fixture_site import copy_fixture
from page_editing import SourcePage, questions

from faq_site.checks.parity import figures
from faq_site.languages import rules_for

from conftest import BuildResult, build_many

FRENCH_FIGURES = (
    "Ajout de 40\u202f000 soldats le 1er mars 2022, comme en 2014, soit 1,5 fois plus (WCAG 2.1)."
)
ENGLISH_FIGURES = "Added 40,000 troops on 1 March 2022, as in 2014, or 1.5 times more (WCAG 2.1)."
# A figure the question has already is counted: "is 2 times in its French version".
TIMES = r"(\d+ times )?"


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
        rf"docs/{{en}}:{{en_line}}: the figure “40 000” is {TIMES}in its French version "
        r"\(docs/{fr}:{fr_line}\) but not here\. Write it in the English too, as figures: 40,000\.",
    ),
    Mismatch(
        "a date",
        ENGLISH_FIGURES.replace("1 March", "2 March"),
        None,
        rf"docs/{{en}}:{{en_line}}: the figure “1er mars 2022” is {TIMES}in its French version "
        r"\(docs/{fr}:{fr_line}\) but not here\. Write it in the English too, as figures: 1 March 2022\.",
    ),
    Mismatch(
        "a year",
        ENGLISH_FIGURES.replace("2014", "2015"),
        None,
        rf"docs/{{en}}:{{en_line}}: the figure “2014” is {TIMES}in its French version",
    ),
    Mismatch(
        "a decimal",
        ENGLISH_FIGURES.replace("1.5", "1"),
        None,
        rf"docs/{{en}}:{{en_line}}: the figure “1,5” is {TIMES}in its French version .* as figures: 1\.5\.",
    ),
    Mismatch(
        "a version number",
        ENGLISH_FIGURES.replace("2.1", "2"),
        None,
        rf"docs/{{en}}:{{en_line}}: the figure “2\.1” is {TIMES}in its French version .* as figures: 2\.1\.",
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
HOME = "index.md"  # more mismatches than questions: the last one is made on the home page


@dataclass(frozen=True)
class Made:
    english: SourcePage
    en_line: int
    fr_line: int


@dataclass(frozen=True)
class Built:
    made: dict[str, Made]  # by mismatch
    result: BuildResult


def with_mismatch(page: SourcePage, mismatch: Mismatch) -> Made:
    """The figures sentence appended in both languages (the English one changed), or a block added
    to the English only."""
    if mismatch.block:
        fr_line, en_line = page.answer_end(), page.twin.answer_end()
        page.twin.after_answer(mismatch.block)
    else:
        fr_line = page.append_to_answer(f" {FRENCH_FIGURES}")
        page.twin.append_to_answer(f" {mismatch.english}")
        # A figure missing is named on the first line of the paragraph that lacks it.
        en_line = page.twin.answer_line()
    return Made(page.twin, en_line, fr_line)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """One copy with every mismatch, each on a page of its own (the questions, then the home page):
    one build (in-process, conftest's build_many)."""
    root = tmp_path_factory.mktemp("parity")
    project = copy_fixture(root / "copy")
    docs = project / "docs"
    places = [*questions(docs), SourcePage(docs, HOME)]
    assert len(places) >= len(MISMATCHES), "one page per mismatch"
    made = {
        mismatch.name: with_mismatch(page, mismatch)
        for mismatch, page in zip(MISMATCHES, places[: len(MISMATCHES)], strict=True)
    }
    result = build_many([project], root / "sites")[project]
    return Built(made, result)


def lines_of(result: BuildResult, where: str) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith(f"  - {where}:")]


@pytest.mark.parametrize("mismatch", MISMATCHES, ids=lambda m: m.name)
def test_a_mismatch_stops_the_build_with_one_line(mismatch: Mismatch, built: Built) -> None:
    made, result = built.made[mismatch.name], built.result
    assert result.returncode != 0, f"the build passed despite {mismatch.name}:\n{result.output}"
    assert "Traceback" not in result.output
    expected = mismatch.expected.format(
        en=re.escape(made.english.rel),
        fr=re.escape(made.english.twin.rel),
        en_line=made.en_line,
        fr_line=made.fr_line,
    )
    (line,) = lines_of(result, made.english.where)
    assert re.search(expected, line), f"{expected!r} not in:\n{result.output}"


def test_every_mismatch_is_reported_at_once(built: Built) -> None:
    # One line per page with a mismatch (the home page's too): all in one list.
    count = len(built.made)
    assert f"The FAQ has {count} problems to fix" in built.result.output, built.result.output
    assert len(re.findall(r"^  - docs/", built.result.output, re.MULTILINE)) == count


# -- how each language writes a time of day (no build needed) ---------------------------------


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("14 h 30", "2.30 pm"),
        ("14h30", "2:30 p.m."),
        ("9 h", "9 am"),
        ("12 h", "12 pm"),
        ("0 h 15", "12.15 am"),
    ],
)
def test_a_time_is_the_same_figure_in_each_languages_style(french: str, english: str) -> None:
    assert [f.key for f in figures(f"à {french}.", rules_for("fr"))] == [
        f.key for f in figures(f"at {english}.", rules_for("en"))
    ]


def test_a_different_time_is_a_missing_figure() -> None:
    french = figures("La réunion commence à 14 h 30.", rules_for("fr"))
    english = figures("The meeting starts at 3.30 pm.", rules_for("en"))
    assert [f.key for f in french] != [f.key for f in english]
    assert [f.written(rules_for("en")) for f in french] == ["2.30 pm"]
    assert [f.written(rules_for("fr")) for f in english] == ["15 h 30"]

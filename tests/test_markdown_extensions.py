"""The pymdownx extensions the site takes so that Markdown behaves as editors expect (README,
"Markdown extensions"): each with a correct edit and a malicious or mistaken variant.

- pymdownx.saneheaders: a heading is `#` and a space, as on GitHub where editors preview their
  pages. `#StandWithUkraine` at the start of a line publishes as text (a correct edit, built on the
  tests' FAQ by tests/test_correct_edits.py); a heading typed without its space is read as text by
  the page model and by Markdown alike, so the build refuses the page for what it then lacks, with
  the line (never a heading the checks did not see).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from grouped_builds import paragraph_added
from snippets import check
from test_snippet_mistakes import QUESTION

from faq_site.markdown.typography import NBSP as S

from conftest import Page, Site

Q = "docs/faq/what-is-nato.md"


NO_LEARN_MORE = (
    f"{Q}: this question has no learn-more section. Add a heading `## Pour en savoir plus {{#learn-more}}` "
    "(English: `## Learn more {#learn-more}`) followed by a list of links, one "
    "`- [title](https://www.nato.int/…)` per line."
)


def shown_as_text(line: int, heading_id: str) -> str:
    return (
        f"{Q}:{line}: readers see `{{#{heading_id}}}` as text: a heading id `{{#…}}` that is not at the very "
        "end of its heading line, or has a space in it. Fix the Markdown on this line."
    )


def edited(old: str, new: str) -> str:
    assert old in QUESTION
    return QUESTION.replace(old, new, 1)


def test_a_hashtag_at_the_start_of_a_line_is_text() -> None:
    assert check("faq/what-is-nato.md", edited("L'OTAN est une", "#StandWithUkraine : L'OTAN est une")) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "## Pour en savoir plus",
            "##Pour en savoir plus",
            [
                NO_LEARN_MORE,
                shown_as_text(9, "learn-more"),
            ],
            id="the learn-more heading without its space",
        ),
        pytest.param(
            "# Qu'est",
            "#Qu'est",
            [
                f"{Q}:5: has no title. Start the text with one line `# Title {{#id}}` (for a question, the "
                "question itself).",
                shown_as_text(5, "what-is-nato"),
            ],
            id="the title without its space",
        ),
        pytest.param(
            "## Pour en savoir plus {#learn-more}",
            "####### Pour en savoir plus {#learn-more}",
            [
                NO_LEARN_MORE,
                shown_as_text(9, "learn-more"),
            ],
            id="seven # to sneak a heading past the page model",
        ),
    ],
)
def test_a_heading_without_its_space_is_refused_with_its_line(
    old: str, new: str, expected: list[str]
) -> None:
    assert check("faq/what-is-nato.md", edited(old, new)) == expected


HASHTAG = {
    "fr": "#StandWithUkraine : l'OTAN soutient l'Ukraine.",
    "en": "#StandWithUkraine: NATO supports Ukraine.",
}
PUBLISHED_HASHTAG = {
    "fr": f"<p>#StandWithUkraine{S}: l’OTAN soutient l’Ukraine.</p>",
    "en": "<p>#StandWithUkraine: NATO supports Ukraine.</p>",
}


def hashtag_at_the_start_of_a_line(docs: Path) -> Callable[[Site], None]:
    """An editor starts a paragraph of an answer with a hashtag, in both languages: it publishes
    as text, as GitHub's preview shows it (pymdownx.saneheaders), not as a title. A correct edit
    (tests/test_correct_edits.py builds it)."""

    def one_title(page: Page) -> None:
        assert len(page.soup.find("article").find_all("h1")) == 1

    return paragraph_added(docs, 2, HASHTAG, PUBLISHED_HASHTAG, one_title)

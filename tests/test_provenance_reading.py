"""Unit tests: NATO's label is computed from everything a reader sees or hears (issue 23, item 3).

Each question of the fixture that is NATO's text is rendered with the site's own Markdown (as the
build renders it, tests/snippets.py) and edited as a hostile contributor would: words put where the
label used not to read (a link to a part of the page, a remark of the site's own in the answer, a
tooltip), or NATO's words made to read otherwise (struck out, small print, quoted, an image). Each
edit makes the page "adapted"; what is navigation or typography keeps it NATO's.
"""

from __future__ import annotations

import pytest
from fixture_site import FIXTURE
from page_editing import questions
from snippets import check_page

from faq_site.checks.rendered import read_page
from faq_site.readers import provenance
from faq_site.readers.provenance_reading import reading

RECORD = provenance.read_record(next((FIXTURE / "record").glob("*.txt")).read_text(encoding="utf-8"))


def state(src_uri: str, text: str) -> str | None:
    return provenance.page_state(check_page(src_uri, text)[2], RECORD)


@pytest.fixture(scope="module")
def natos() -> tuple[str, str, str]:
    """A French question of the fixture that is NATO's text: (its file, its Markdown, its answer's first
    paragraph's first line)."""
    for page in questions(FIXTURE / "docs"):
        text = page.path.read_text(encoding="utf-8")
        if page.language == "fr" and state(page.rel, text) == provenance.NATO:
            return page.rel, text, page.line(page.answer_line())
    raise LookupError("the fixture has no question of NATO's text")


def edited(natos: tuple[str, str, str], change) -> str | None:
    src_uri, text, line = natos
    return state(src_uri, text.replace(line, change(line), 1))


def first_word(line: str) -> str:
    return line.split()[0]


CHANGED_WORDS = {
    "a link to a part of the page": lambda line: line + " [L'OTAN ne le dit pas.](#learn-more)",
    "a link to another page in a sentence": lambda line: line + " Voir [ce que l'OTAN nie](../about.md).",
    "a remark of the site's own in the answer": lambda line: line + " *(Ceci est faux.)*{.faq-note}",
}
CHANGED_READING = {
    "struck out": lambda line: line.replace(first_word(line), f"<del>{first_word(line)}</del>", 1),
    "struck out (s)": lambda line: line.replace(first_word(line), f"<s>{first_word(line)}</s>", 1),
    "small print, nested": lambda line: line.replace(
        first_word(line), "<small>" * 12 + first_word(line) + "</small>" * 12, 1
    ),
    "scare quotes": lambda line: line.replace(first_word(line), f"<q>{first_word(line)}</q>", 1),
    "a tooltip": lambda line: line.replace(
        first_word(line), f'<span title="Faux">{first_word(line)}</span>', 1
    ),
    "an abbreviation's expansion": lambda line: line.replace(
        first_word(line), f'<abbr title="Faux">{first_word(line)}</abbr>', 1
    ),
    "an image inside the answer": lambda line: line + " ![Un drapeau](../assets/images/carte-ukraine.svg)",
    "raised words": lambda line: line.replace(first_word(line), f"<sup>{first_word(line)}</sup>", 1),
    "highlighted": lambda line: line.replace(first_word(line), f"<mark>{first_word(line)}</mark>", 1),
    # Allow, don't deny: NATO's text is in paragraphs, headings, lists and learn-more links; any other
    # element reframes it (a hostile probe's cases, each once published under NATO's label).
    "in a danger box": lambda line: f'!!! danger ""\n    {line}',
    "shown as a quotation": lambda line: f"> {line}",
    "a line break inside a word": lambda line: line.replace(
        first_word(line), f"{first_word(line)[:2]}<br>{first_word(line)[2:]}", 1
    ),
    "a link on NATO's words": lambda line: line.replace(
        first_word(line), f"[{first_word(line)}](https://www.nato.int/cps/fr/natohq/news.htm)", 1
    ),
    "styled as the site's remark": lambda line: line.replace(
        first_word(line), f"*{first_word(line)}*{{.faq-note}}", 1
    ),
    "in bold": lambda line: line.replace(first_word(line), f"**{first_word(line)}**", 1),
    "in italics": lambda line: line.replace(first_word(line), f"*{first_word(line)}*", 1),
    "as code": lambda line: line.replace(first_word(line), f"`{first_word(line)}`", 1),
    "as keys": lambda line: line.replace(first_word(line), f"<kbd>{first_word(line)}</kbd>", 1),
    "as a title of a work": lambda line: line.replace(
        first_word(line), f"<cite>{first_word(line)}</cite>", 1
    ),
    "in another language": lambda line: line.replace(
        first_word(line), f'<span lang="ru">{first_word(line)}</span>', 1
    ),
}


@pytest.mark.parametrize("change", CHANGED_WORDS, ids=list(CHANGED_WORDS))
def test_words_readers_read_anywhere_change_the_label(natos: tuple[str, str, str], change: str) -> None:
    assert edited(natos, CHANGED_WORDS[change]) == provenance.ADAPTED


@pytest.mark.parametrize("change", CHANGED_READING, ids=list(CHANGED_READING))
def test_natos_words_made_to_read_otherwise_are_adapted(natos: tuple[str, str, str], change: str) -> None:
    assert edited(natos, CHANGED_READING[change]) == provenance.ADAPTED


def test_the_change_is_named_for_the_review(natos: tuple[str, str, str]) -> None:
    src_uri, text, line = natos
    word = first_word(line)
    rendered = check_page(src_uri, text.replace(line, line.replace(word, f"<del>{word}</del>", 1), 1))[2]
    assert reading(rendered).changes == [f"`<del>` (struck out): {word}".replace("'", "’")]


def test_navigation_and_typography_keep_natos_text(natos: tuple[str, str, str]) -> None:
    # A link that is its own paragraph to another page of the site is navigation (the home page's list
    # of questions); a raised ordinal is typography; a remark beside a learn-more link is about its
    # address (the fixture has one on a page of NATO's text).
    src_uri, text, _ = natos
    with_navigation = text.rstrip("\n") + "\n\n[Toutes les questions](index.md)\n"
    assert state(src_uri, with_navigation) == provenance.NATO
    ordinal = "<h1>Qu’est-ce que l’OTAN ?</h1><p>Le 1<sup>er</sup> mars.</p>"
    record = provenance.read_record("Intro.\n1. Qu'est-ce que l'OTAN ?\nLe 1er mars.\n")
    assert provenance.page_state(read_page(ordinal, "fr"), record) == provenance.NATO

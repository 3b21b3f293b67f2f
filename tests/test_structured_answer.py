"""Unit tests: search engines are told the answer readers read (issue 23, item 7).

The FAQPage JSON-LD's answer (readers/seo.py) is `RenderedPage.answer_text()`, read from the
page's one parse. Here a fixture question is edited as a contributor could, to make the two
differ: a comment holding `>` (a reader of HTML by patterns ends the comment there, and puts
the rest into the answer), a paragraph given an `{#id}` (a reader by patterns misses the
paragraph). The answer is then compared with what a browser shows, read independently: the
text of the paragraphs and list items between the title and the learn-more heading.
"""

from __future__ import annotations

import pytest
from fixture_site import FIXTURE
from page_editing import questions
from selectolax.lexbor import LexborHTMLParser
from snippets import check_page

from faq_site.checks.compare_text import folded

QUESTION = next(page for page in questions(FIXTURE / "docs") if page.language == "fr")


def shown_answer(html: str) -> str:
    """The answer as a browser shows it: each paragraph or list item of the answer, one per block."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    blocks, inside = [], False
    for node in body.iter(include_text=False):
        if node.tag == "h1":
            inside = True
        elif node.tag in ("h2", "h3", "h4", "h5", "h6"):
            break
        elif inside and node.tag in ("p", "ul", "ol"):
            blocks += [node] if node.tag == "p" else node.css("li")
    return "\n\n".join(folded(block.text(deep=True)) for block in blocks if folded(block.text(deep=True)))


EDITS = {
    "a comment holding >": lambda line: f"{line} <!-- la réponse > ceci est caché -->",
    "a comment holding > on its own line": lambda line: f"<!-- a > b -->\n\n{line}",
    "an id on a paragraph": lambda line: f"{line}\n{{#reponse}}",
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_the_json_ld_answer_is_the_answer_readers_read(edit: str) -> None:
    text = QUESTION.path.read_text(encoding="utf-8")
    line = QUESTION.line(QUESTION.answer_line())
    problems, _, rendered = check_page(QUESTION.rel, text.replace(line, EDITS[edit](line), 1))
    assert not problems, problems
    if edit == "an id on a paragraph":
        assert '<p id="reponse">' in rendered.html
    answer = rendered.answer_text()
    assert answer and answer == shown_answer(rendered.html)
    assert "caché" not in answer and "a > b" not in answer

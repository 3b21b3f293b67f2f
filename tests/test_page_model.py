"""Unit tests: the page model (sources/page.py) reads a page's Markdown as Python-Markdown does.

Each test is a snippet of Markdown. The last ones render every snippet with the
site's Python-Markdown extensions and check that the model's blocks are the
rendered page's top-level elements, one to one.
"""

from __future__ import annotations

import dataclasses
import re

import markdown
import pytest
from selectolax.lexbor import LexborHTMLParser

from faq_site.languages import Languages
from faq_site.sources.page import Heading, MarkdownPage, Span

LANGUAGES = Languages("fr", ("fr", "en"), ("fr", "en"))

QUESTION = """\
---
number: 2
description: "L'OTAN aide."
---

# Comment l'OTAN aide-t-elle ? {#comment-aider}

L'OTAN coordonne les demandes.
Elle soutient les Alliés.

> Une citation.

![Carte des Alliés](../assets/carte.png)

## Pour en savoir plus {#learn-more}

<!-- une note pour les éditeurs -->

- [Déclaration du 24 mars 2022](https://www.nato.int/a.htm)
- [Actualités](https://www.nato.int/news.htm){hreflang=en} *(note)*{.faq-note}
"""


def parse(text: str, src_uri: str = "faq/q.md") -> MarkdownPage:
    return MarkdownPage.parse(src_uri, text, LANGUAGES)


def kinds(page: MarkdownPage) -> list[tuple[str, int, int]]:
    return [(block.kind, block.span.first, block.span.last) for block in page.blocks]


def test_front_matter_values_and_the_line_of_each_key() -> None:
    page = parse(QUESTION)
    assert dict(page.meta) == {"number": 2, "description": "L'OTAN aide."}
    assert dict(page.front_matter.key_lines) == {"number": 2, "description": 3}
    assert page.front_matter.span == (1, 4)
    assert page.front_matter.error is None and page.front_matter.problems == ()
    assert page.body_line == 5


def test_a_front_matter_error_is_named_and_the_page_still_read() -> None:
    page = parse("---\nnumber: 2\n\n# Titre {#t}\n\nTexte.\n")
    assert page.front_matter.error == "unclosed"
    assert [problem.line for problem in page.front_matter.problems] == [1]
    assert page.title == Heading(1, "Titre", "t", 4, "#t")


def test_conflict_markers_leave_the_yaml_unread() -> None:
    page = parse("---\n<<<<<<< HEAD\nnumber: 2\n=======\nnumber: 3\n>>>>>>> b\n---\n\n# T\n")
    assert page.front_matter.error == "conflict"
    assert [line for line, _ in page.conflicts] == [2]


def test_headings_as_python_markdown_reads_them() -> None:
    page = parse(
        '# Titre\n\n## Section ##\n\nSous-titre\n---\n\n### Avec id {#mon-id .c}\n\n<h4 id="h">H</h4>\n'
        "\n#StandWithUkraine\n\n####### sept\n"
    )
    # `#StandWithUkraine` and seven `#` are text (pymdownx.saneheaders, as on GitHub).
    assert [(h.level, h.title, h.id, h.line, h.form) for h in page.headings] == [
        (1, "Titre", None, 1, "atx"),
        (2, "Section", None, 3, "atx"),
        (2, "Sous-titre", None, 5, "setext"),
        (3, "Avec id", "mon-id", 8, "atx"),
        (4, "", "h", 10, "html"),
    ]
    assert page.headings[3].attributes == "#mon-id .c"


def test_attributes_need_a_space_before_their_brace() -> None:
    (heading,) = parse("# Titre{#t}\n").headings
    assert heading.title == "Titre{#t}" and heading.id is None


def test_the_blocks_of_a_question_with_their_lines() -> None:
    page = parse(QUESTION)
    assert kinds(page) == [
        ("heading", 6, 6),
        ("paragraph", 8, 9),
        ("blockquote", 11, 11),
        ("image", 13, 13),
        ("heading", 15, 15),
        ("comment", 17, 17),
        ("list", 19, 20),
    ]
    assert [item.span for item in page.blocks[-1].items] == [Span(19, 19), Span(20, 20)]
    assert [block.section for block in page.blocks] == [
        None,
        "comment-aider",
        "comment-aider",
        "comment-aider",
        "comment-aider",
        "learn-more",
        "learn-more",
    ]


def test_title_answer_and_learn_more() -> None:
    page = parse(QUESTION)
    assert page.title is not None and page.title.title == "Comment l'OTAN aide-t-elle ?"
    assert [block.kind for block in page.answer()] == ["paragraph", "blockquote", "image"]
    learn_more = page.learn_more()
    assert learn_more is not None and learn_more.heading.line == 15
    assert [(link.text, link.url, link.line, link.attributes) for link in learn_more.links] == [
        ("Déclaration du 24 mars 2022", "https://www.nato.int/a.htm", 19, ""),
        ("Actualités", "https://www.nato.int/news.htm", 20, "hreflang=en"),
    ]
    assert page.section("nowhere") is None and parse("# T\n").learn_more() is None


def test_links_of_every_kind_outside_code() -> None:
    page = parse(
        '# T\n\nVoir [le site](https://a.example/ "titre"), [réf][r], [r], <https://b.example/>,\n'
        '![alt](../assets/i.png) et <a href="https://c.example/">c</a>. `[pas](un-lien)`\n\n'
        "[r]: https://r.example/\n\n```\n[pas](non)\n```\n"
    )
    assert [(link.kind, link.url, link.line, link.column) for link in page.links] == [
        ("inline", "https://a.example/", 3, 6),
        ("reference", "https://r.example/", 3, 45),
        ("reference", "https://r.example/", 3, 55),
        ("autolink", "https://b.example/", 3, 60),
        ("image", "../assets/i.png", 4, 1),
        ("html", "https://c.example/", 4, 28),
    ]
    assert dict(page.references) == {"r": ("https://r.example/", 6)}


def test_raw_tags_outside_code_with_their_lines() -> None:
    page = parse('Un <strong>mot\net `<b>` <span class="x">fin</span>\n\n<div>\n<p>a</p>\n</div>\n')
    assert [(tag.name, tag.closing, tag.line, tag.column) for tag in page.tags] == [
        ("strong", False, 1, 4),
        ("span", False, 2, 10),
        ("span", True, 2, 29),
        ("div", False, 4, 1),
        ("p", False, 5, 1),
        ("p", True, 5, 5),
        ("div", True, 6, 1),
    ]


def test_fences_as_fenced_code_pairs_them() -> None:
    # An indented fence is text; a fence closes only on the same fence alone on its line.
    page = parse("   ```\ntexte\n\n````\ncode\n```\n````\n")
    assert kinds(page) == [("paragraph", 1, 2), ("code", 4, 7)]
    assert page.fenced_lines == frozenset(range(4, 8))
    assert [number for number, _ in page.body_lines()] == [1, 2, 3, 8]


def test_a_comment_never_closed_is_text_and_an_html_block_runs_to_the_end() -> None:
    assert kinds(parse("<!-- note\n\nTexte.\n")) == [("paragraph", 1, 1), ("paragraph", 3, 3)]
    assert kinds(parse("<div>\n\nTexte.\n\nEncore.\n")) == [("html", 1, 5)]


def test_a_list_under_a_line_of_text_is_glued_to_it() -> None:
    (block,) = parse("Les Alliés :\n- la France\n- l'Italie\n").blocks
    assert block.kind == "paragraph" and block.glued
    assert not parse("1) un\n").blocks[0].glued


def test_the_model_is_immutable_and_cheap_to_read_again() -> None:
    page = parse(QUESTION)
    with pytest.raises(dataclasses.FrozenInstanceError):
        page.text = ""  # type: ignore[misc]
    assert kinds(parse(page.text)) == kinds(page)


# -- the model's blocks are Python-Markdown's ------------------------------------------------

SNIPPETS = [
    "#Title\ntext",
    "# Title{#id}\n\n## A {#b .c}",
    "para\n<!-- c\nmore\n\nnext",
    "para\n- a\n- b",
    "> a\n\n> b\nlazy",
    "text\n> q",
    "<div>\na\n\nb",
    "<div>a</div> tail\nnext\n\npara",
    '!!! note "T"\n    a\n\n    b\n\nc',
    "   ```\ncode\n```\n\n```\nx\n```",
    "1) a\n\n2. b\n3. c\n\n    cont\n\nafter",
    "Title\n=====\n\nx\n---",
    "a\n[r]: http://x\nb",
    "text\n    indented\n\n    code",
    "- a\n\n    more\n\n- b",
    "![alt](a.png)\n\n![a](b.png){.x}\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    "text\n***\nmore",
    "# Title ##  \n\n#\n\n####### seven",
    "#hashtag\ntext\n\n#\ttab\n\n###### six",
    "- a\n\n1. b",
    "para\n<div>x</div>\nafter",
    "<div>\n<p>a</p>\n</div>\n\n```\n<div>\n```\n\nz",
    "    code\n\n    more\n\npara",
    "!!! warning\n    x\n\n    y\nz\n\nw",
    "<!-- one -->\n<!-- two -->\ntext",
    "<details><summary>s</summary>\n\ntext\n\n</details>\n\nafter",
    "| a |\n|---|\n| b |",
    "a | b\n--|--\n1 | 2",
    "> q\n- item\n\n- x",
    "- a\n# h\n- b",
    "~~~\ncode\n~~~~\n~~~\n\nafter",
    "text\n```\nfenced\n```",
    "1. a\n  b\n2. c",
    QUESTION.split("---\n", 2)[2],
]
_RENDERED_KIND = {"p": "paragraph", "ul": "list", "ol": "list", "table": "table", "pre": "code"}
_RENDERED_KIND |= {"blockquote": "blockquote", "hr": "rule", "-comment": "comment"}


def rendered_kinds(text: str) -> list[str]:
    """The kinds of the top-level elements Python-Markdown writes (a raw HTML block: `html`)."""
    md = markdown.Markdown(
        extensions=["toc", "tables", "fenced_code", "attr_list", "admonition", "pymdownx.saneheaders"]
    )
    root = LexborHTMLParser(f"<div id=root>{md.convert(text)}</div>").css_first("#root")
    assert root is not None
    found = []
    for node in root.iter(include_text=False):
        classes = (node.attributes.get("class") or "").split()
        if re.fullmatch(r"h[1-6]", node.tag):
            found.append("heading")
        elif node.tag == "div" and "admonition" in classes:
            found.append("admonition")
        elif (
            node.tag == "p" and node.child is not None and node.child.tag == "img" and node.child.next is None
        ):
            found.append("image")
        else:
            found.append(_RENDERED_KIND.get(node.tag, "html"))
    return found


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_the_blocks_are_python_markdowns_top_level_elements(snippet: str) -> None:
    page = parse(snippet, "s.md")
    assert [block.kind for block in page.blocks if block.kind != "references"] == rendered_kinds(snippet)

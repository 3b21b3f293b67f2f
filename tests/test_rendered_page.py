"""Unit tests: the rendered page, parsed once (src/faq_site/checks/rendered.py), and its answer.

The answer is what the page's JSON-LD says and what a derived description quotes: one function
of the rendered page, `answer_text()`, which tests call on a published page as the plugin does.
"""

from __future__ import annotations

from snippets import check_page

from faq_site.checks.rendered import PublishedPage, RenderedPage, read_page

QUESTION = """\
---
number: 1
---

# Qu'est-ce que l'OTAN ? {#what-is-nato}

{answer}

## Pour en savoir plus {#learn-more}

- [Déclaration du sommet](https://www.nato.int/cps/fr/natohq/official_texts_193719.htm)
"""


def answer_of(answer: str) -> str:
    problems, _, rendered = check_page("faq/what-is-nato.md", QUESTION.replace("{answer}", answer))
    assert problems == []
    return rendered.answer_text()


def test_the_answer_is_every_paragraph_and_list_item_before_the_learn_more_heading() -> None:
    text = "L'OTAN est une alliance.\n\n> Une citation de l'OTAN.\n\n- un point ;\n- un autre."
    assert answer_of(text) == (
        "L’OTAN est une alliance.\n\nUne citation de l’OTAN.\n\nun point\u202f;\n\nun autre."
    )


def test_a_comment_holding_a_greater_than_sign_is_no_part_of_the_answer() -> None:
    # Issue 23 (5): `<[^>]+>` once ended the comment at its `>`, and its end reached the JSON-LD.
    assert answer_of("L'OTAN est une alliance.\n\n<!-- 3 > 2, une note -->") == "L’OTAN est une alliance."


def test_an_id_on_a_paragraph_keeps_it_in_the_answer() -> None:
    # Issue 23 (5): `<p>(.*?)</p>` once missed `<p id="…">`, and the answer was empty.
    assert answer_of("L'OTAN est une alliance.\n{#alliance}") == "L’OTAN est une alliance."


def test_the_sites_notice_is_no_part_of_the_answer() -> None:
    html = (
        '<h1 id="q">Q</h1><div class="admonition faq-outdated"><p>Traduction en retard.</p></div>'
        "<p>Texte <code>x</code>.</p><h2 id='learn-more'>Liens</h2><ul><li>Lien</li></ul>"
    )
    assert read_page(html, "fr").answer_text() == "Texte x."


def test_the_published_pages_answer_is_its_contents() -> None:
    published = (
        '<html><body><article class="md-content__inner md-typeset"><a class="md-content__button">e</a>'
        '<h1 id="q">Q</h1><p>Réponse.</p><h2 id="learn-more">Liens</h2></article></body></html>'
    )
    assert RenderedPage(PublishedPage(published).content(), "fr").answer_text() == "Réponse."


def test_text_inside_deeply_nested_elements_is_read_without_recursion() -> None:
    depth = 20_000
    page = read_page("<p>" + "<span>" * depth + "mot" + "</span>" * depth + "</p>", "fr")
    assert [block.text for block in page.blocks] == ["mot"]
    assert page.outline.paragraphs == ["mot"]

"""Unit tests: Markdown that does not render as written is named, on the rendered page, at its line."""

from __future__ import annotations

import markdown
import pytest

from faq_site.checks import markdown_rendering as rendering
from faq_site.checks.rendered import RenderedPage
from faq_site.languages import Languages
from faq_site.sources.page import MarkdownPage


def check(source: str) -> list[tuple[int | None, str]]:
    html = markdown.markdown(source, extensions=["attr_list", "admonition", "toc"])
    page = MarkdownPage.parse("q.md", source, Languages("fr", ("fr", "en"), ("fr", "en")))
    return rendering.check(page, RenderedPage(html))


def test_correct_markdown_is_not_named() -> None:
    assert (
        check(
            "# Titre {#title}\n\nDu **gras**, de l'*italique*, _aussi_, snake_case, 2 * 3, un \\*.\n\n"
            "- [lien](https://www.nato.int/a_b/*x)\n\n<strong>fort</strong> et <em>x</em>\n\n"
            "Titre\n\n---\n\nFin `<h2>` et `**`."
        )
        == []
    )


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        (
            "# T {#t}\n\nL'OTAN **condamne l'invasion.",
            3,
            "the `**` before “condamne” opens bold that is never closed, so readers see it as text. Put `**` "
            "on both sides of the words, with no space inside (`**words**`), or write `\\*\\*` to show it as "
            "it is.",
        ),
        (
            "Texte\nimportant* suite.",
            2,
            "the `*` after “important” closes italics that was never opened, so readers see it as text. Put "
            "`*` on both sides of the words, with no space inside (`*words*`), or write `\\*` to show it as "
            "it is.",
        ),
        (
            "Le _mot seul.",
            1,
            "the `_` before “mot” opens italics that is never closed, so readers see it as text. Put `_` on "
            "both sides of the words, with no space inside (`_words_`), or write `\\_` to show it as it is.",
        ),
    ],
)
def test_an_emphasis_marker_left_open_is_named(source: str, line: int, message: str) -> None:
    assert check(source) == [(line, message)]


def test_markers_with_spaces_inside_are_named() -> None:
    assert [line for line, _ in check("un ** deux ** trois")] == [1, 1]


def test_footnote_syntax_is_named_on_each_line() -> None:
    message = (
        "readers see `[^1]` as text: footnotes are not enabled on this site. Put the note in the text "
        "itself, in parentheses or in a sentence of its own."
    )
    assert check("Texte[^1].\n\n[^1]: La note.") == [(1, message), (3, message)]


@pytest.mark.parametrize(("space", "kind"), [(" ", "a space"), ("\u00a0", "a no-break space")])
def test_a_link_split_by_a_space_is_named(space: str, kind: str) -> None:
    assert check(f"Voir\n[l'OTAN]{space}(https://www.nato.int/) ici.") == [
        (
            2,
            f"readers see `[l'OTAN] (https://www.nato.int/)` as text, not a link: there is {kind} between "
            "`]` and `(`. Write them together: `[l'OTAN](https://www.nato.int/)`.",
        )
    ]


def test_a_stray_closing_tag_is_named() -> None:
    assert check("Texte.\n\n</div>\n\nSuite </em> ici.") == [
        (
            3,
            "the closing tag `</div>` closes no element: there is no `<div>` open before it. Delete it, or "
            "add the `<div>` where the element starts.",
        ),
        (
            5,
            "the closing tag `</em>` closes no element: there is no `<em>` open before it. Delete it, or add "
            "the `<em>` where the element starts.",
        ),
    ]


def test_an_inline_element_left_open_is_named() -> None:
    assert check("Texte <strong>a</strong>.\n\nTexte <strong>gras\nsuite.\n\nFin.") == [
        (
            3,
            "the HTML element `<strong>` is not closed before the end of its paragraph, so it runs on into "
            "the rest of the page. Close it with `</strong>` in the same paragraph, or write Markdown "
            "instead of HTML.",
        )
    ]


def test_an_underlined_heading_is_named() -> None:
    assert check("# T {#t}\n\nMa section\n---\n\nTexte\n\nAutre\n=====") == [
        (
            3,
            "the heading “Ma section” is underlined with `---` on the next line, so it has no explicit id. "
            "Write it on one line with its id: `## Ma section {#id}` (the same id in both languages); for "
            "a horizontal line instead, leave an empty line above the `---`.",
        ),
        (
            8,
            "the heading “Autre” is underlined with `=====` on the next line, so it has no explicit id. "
            "Write it on one line with its id: `# Autre {#id}` (the same id in both languages).",
        ),
    ]
    assert check("Ma section {#section}\n---") == []


def test_an_html_heading_without_id_is_named() -> None:
    assert check('Texte\n\n<h2>Contexte</h2>\n\n<h3 id="x">X</h3>') == [
        (
            3,
            "the heading `<h2>` “Contexte” is written in HTML, so it has no id and is left out of the "
            "page's table of contents. Write it in Markdown with its id: `## Contexte {#id}` (the same id "
            "in both languages).",
        )
    ]


def test_a_link_to_a_language_file_is_named() -> None:
    text = "\n\n\nVoir [la question](other.en.md#learn-more) et [x](x.md).\n[ref]: ../faq/y.en.md"
    page = MarkdownPage.parse("q.md", text, Languages("fr", ("fr", "en"), ("fr", "en")))
    assert rendering.language_file_links(page, ["en"]) == [
        (
            4,
            "the link `other.en.md#learn-more` names one language's file. Link `other.md#learn-more` "
            "instead: the site leads each language's readers to their own version of it.",
        ),
        (
            5,
            "the link `../faq/y.en.md` names one language's file. Link `../faq/y.md` instead: the site leads "
            "each language's readers to their own version of it.",
        ),
    ]


def test_a_marker_with_a_space_on_each_side_is_named() -> None:
    assert check("un ** important ** ici") == [
        (
            1,
            f"the `**` after “{word}” has a space on each side, so readers see it as text. Put it against "
            "the words, with no space inside (`**words**`), or delete it.",
        )
        for word in ("un", "important")
    ]


def test_a_link_split_by_a_line_break_is_named() -> None:
    [(line, message)] = check("Voir [l'OTAN]\n(https://www.nato.int/) ici.")
    assert line == 1
    assert "there is a line break between `]` and `(`" in message


def test_an_inline_element_across_paragraphs_is_named_at_both_ends() -> None:
    assert [line for line, _ in check("Texte <em>début\n\nfin</em> suite.")] == [3, 1]

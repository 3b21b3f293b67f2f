"""Editor mistakes as unit tests: one page of Markdown checked as the build checks it (tests/snippets.py).

Each message is the one tests/test_editor_errors.py expects from a whole build for the same
mistake, word for word; here the page is a snippet, its lines known, and no build runs.
"""

from __future__ import annotations

import pytest
from snippets import check

QUESTION = """\
---
number: 1
---

# Qu'est-ce que l'OTAN ? {#what-is-nato}

L'OTAN est une alliance défensive de 32 pays.

## Pour en savoir plus {#learn-more}

- [Déclaration du sommet](https://www.nato.int/cps/fr/natohq/official_texts_193719.htm)
"""
Q = "docs/faq/what-is-nato.md"
CODE = (
    "this text shows as a block of code, because it is indented by four spaces or a tab (or fenced by "
    "```): readers and search engines do not get it as text. Start the line at the margin."
)


def edited(old: str, new: str) -> str:
    assert old in QUESTION
    return QUESTION.replace(old, new, 1)


def test_the_correct_page_has_no_problem() -> None:
    assert check("faq/what-is-nato.md", QUESTION) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "L'OTAN est",
            "    L'OTAN est",
            [f"{Q}:7: {CODE}"],
            id="answer indented by four spaces",
        ),
        pytest.param(
            "L'OTAN est une alliance défensive de 32 pays.\n",
            "```\nL'OTAN est une alliance défensive de 32 pays.\n```\n",
            [f"{Q}:8: {CODE}"],
            id="answer in a fenced block",
        ),
        pytest.param(
            "32 pays.\n",
            "32 pays.\n\n<div>\n",
            [
                f"{Q}:9: the HTML element `<div>` is never closed, so it swallows the rest of the page. "
                "Close it with `</div>`, or write Markdown instead of HTML."
            ],
            id="HTML element never closed",
        ),
        pytest.param(
            "number: 1\n",
            "number: 1\nauteur: Marie\n",
            [
                f"{Q}:3: the front matter key `auteur` is unknown. The keys are `number`, `description`, "
                "`search`, `renamed_from`, `withdrawn`."
            ],
            id="unknown front matter key",
        ),
        pytest.param(
            "une alliance",
            "une **alliance",
            [
                f"{Q}:7: the `**` before “alliance” opens bold that is never closed, so readers see it as "
                "text. Put `**` on both sides of the words, with no space inside (`**words**`), or write "
                "`\\*\\*` to show it as it is."
            ],
            id="bold never closed",
        ),
        pytest.param(
            "une alliance",
            "une [alliance](membres.md)",
            [
                f"{Q}:7: the link `membres.md` leads to no page: there is no such file in docs/. Check the "
                "file name; it is relative to this page's folder."
            ],
            id="link to a page that does not exist",
        ),
        pytest.param(
            "32 pays.\n",
            "32 pays.\n\nContexte\n---\n",
            [
                f"{Q}:9: the heading “Contexte” is underlined with `---` on the next line, so it has no "
                "explicit id. Write it on one line with its id: `## Contexte {#id}` (the same id in both "
                "languages); for a horizontal line instead, leave an empty line above the `---`."
            ],
            id="heading underlined with ---",
        ),
        pytest.param(
            "{#learn-more}",
            "{#learn\u200d-more}",
            [
                f"{Q}:9: has an invisible character, U+200D zero-width joiner, after “savoir plus {{#learn”. "
                "Readers do not see it, but it changes how the text is searched, read aloud and copied. "
                "Delete it."
            ],
            id="zero-width joiner in a heading id",
        ),
    ],
)
def test_a_mistake_is_named_as_the_build_names_it(old: str, new: str, expected: list[str]) -> None:
    assert check("faq/what-is-nato.md", edited(old, new)) == expected


def test_a_problem_of_the_markdown_hides_what_follows_from_it_on_the_rendered_page() -> None:
    # The `<div>` swallows the learn-more section: its missing links follow from it, and so would
    # the bold marker after it, seen as text: the editor is told the cause.
    text = edited("32 pays.\n", "32 pays.\n\n<div>\n\nUn **mot.\n")
    assert len(check("faq/what-is-nato.md", text)) == 1

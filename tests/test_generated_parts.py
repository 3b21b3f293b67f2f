"""Unit tests: the generated parts' markers, and the pages the site cannot do without."""

from __future__ import annotations

from faq_site.checks import generated_parts as parts
from faq_site.languages import Languages
from faq_site.sources.page import MarkdownPage

HOME = "<!-- faq:questions -->"
ANSWERS = "<!-- faq:answers -->"
LIST = "the list of questions"


def home(*lines: str) -> list[tuple[int | None, str]]:
    return parts.marker_problems("\n".join(["# T {#t}", "", *lines]), HOME, False, LIST)


def test_the_marker_alone_between_empty_lines_is_right() -> None:
    assert home("Texte.", "", HOME, "", "[Toutes](faq/index.md)") == []
    assert parts.marker_problems("# T {#t}\n\nIntro.\n\n" + ANSWERS + "\n", ANSWERS, True, "x") == []


def test_a_marker_twice() -> None:
    assert home(HOME, "", HOME) == [
        (
            5,
            f"the line `{HOME}` is there 2 times (lines 3, 5): the build writes the list of questions once. "
            "Keep one of them.",
        )
    ]


def test_a_marker_with_text() -> None:
    assert home(f"Les questions : {HOME}") == [
        (
            3,
            f"the line `{HOME}` must stand alone on its line: the build replaces the whole line with the "
            "list of questions. Put the rest of this line on a line of its own, with an empty line between.",
        )
    ]


def test_hand_written_items_under_the_list() -> None:
    message = (
        f"this list item stands under the line `{HOME}`, where the build writes the list of questions, and "
        "would join it. The list is made from the question files in docs/faq/: to add a question, add its "
        "two files; otherwise leave an empty line and a sentence between."
    )
    assert home(HOME, "10. [Ma question](faq/x.md)") == [(4, message)]
    assert home(HOME, "", "10. [Ma question](faq/x.md)") == [(5, message)]


def test_text_glued_above_the_list() -> None:
    assert home("Les questions :", HOME) == [
        (
            3,
            f"this line stands above the line `{HOME}`, where the build writes the list of questions, and "
            "would join it. Leave an empty line between them.",
        )
    ]


def test_text_after_the_answers() -> None:
    assert parts.marker_problems(f"# T {{#t}}\n\n{ANSWERS}\n\nMerci.", ANSWERS, True, "every answer") == [
        (
            5,
            f"this text follows the line `{ANSWERS}`, where the build writes every answer, to the end of the "
            "page: readers would take it for part of the last answer. Move it above that line, or delete it.",
        )
    ]


def test_a_marker_elsewhere() -> None:
    assert parts.misplaced_marker(f"# Q {{#q}}\n\n{ANSWERS}", ANSWERS, "the “all questions” page") == [
        (
            3,
            f"the line `{ANSWERS}` only works on the “all questions” page; here the build writes nothing in "
            "its place. Delete it.",
        )
    ]


def uri_for(page: str, language: str) -> str:
    return page if language == "fr" else page.removesuffix(".md") + f".{language}.md"


def test_required_pages() -> None:
    required = {"index.md": "the home page", "about.md": "the About page"}
    pages = {"index.md", "index.en.md", "about.en.md", "faq/q.md", "faq/q.en.md"}
    assert parts.missing_pages(pages, required, 1, ["fr", "en"], uri_for) == []
    assert parts.missing_pages(pages - {"about.en.md"}, required, 0, ["fr", "en"], uri_for) == [
        (
            "about.md",
            "is missing, in every language: the About page. Put back docs/about.md and docs/about.en.md (on "
            "GitHub, from the history of the folder, or by undoing the deletion in your pull request).",
        ),
        (
            "faq/",
            "has no question: the site publishes none. Put back the questions' files, or add one (its two "
            "files, such as docs/faq/nato-summits.md and docs/faq/nato-summits.en.md, with `number: 1`).",
        ),
    ]


def test_a_marker_written_without_its_spaces() -> None:
    assert home("<!--faq:questions-->") == [
        (
            3,
            f"the line `<!--faq:questions-->` must be written exactly `{HOME}`, with its spaces: the build "
            "looks for that line to write the list of questions in its place.",
        )
    ]


LANGUAGES = Languages("fr", ("fr", "en"), ("fr", "en"))


def source(src_uri: str, *body: str) -> MarkdownPage:
    return MarkdownPage.parse(
        src_uri, "\n".join(["---", "number: 1", "---", "", "# T {#t}", "", *body, ""]), LANGUAGES
    )


def test_a_reference_label_matches_as_markdown_matches_it() -> None:
    assert parts.reference_label(" Dissuasion   et\tDéfense ") == parts.reference_label(
        "dissuasion et défense"
    )


def test_one_reference_in_two_joined_pages_of_one_language() -> None:
    first = source("faq/a.md", "Texte [x][dd].", "", "[dd]: https://www.nato.int/")
    second = source("faq/b.md", "Texte.", "", "   [DD]: https://evil.example/")
    found = parts.shared_references([first, second])
    assert [(p.src_uri, p.line) for p in found] == [("faq/a.md", 9), ("faq/b.md", 9)]
    assert "`[DD]` is also defined in docs/faq/a.md (line 9)" in found[1].message


def test_references_in_code_other_languages_or_other_pages_are_not_joined() -> None:
    fenced = source("faq/a.md", "```", "[dd]: https://x.example/", "```")
    indented = source("faq/b.md", "Texte.", "", "    [dd]: https://x.example/")
    english = source("faq/c.en.md", "[dd]: https://www.nato.int/")
    about = source("about.md", "[dd]: https://www.nato.int/")
    french = source("faq/d.md", "[dd]: https://www.nato.int/")
    assert parts.shared_references([fenced, indented, english, about, french]) == []


def test_the_all_questions_page_is_joined_too() -> None:
    index = source("faq/index.md", "[dd]: https://www.nato.int/", "", "<!-- faq:answers -->")
    question = source("faq/a.md", "[dd]: https://www.nato.int/")
    assert {p.src_uri for p in parts.shared_references([index, question])} == {"faq/a.md", "faq/index.md"}


def test_a_page_address_is_the_one_mkdocs_gives() -> None:
    addresses = {uri: source(uri).address for uri in ("index.md", "faq.md", "faq/index.en.md", "faq/a.md")}
    assert addresses == {"index.md": "", "faq.md": "faq/", "faq/index.en.md": "faq/", "faq/a.md": "faq/a/"}

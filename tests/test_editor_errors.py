"""Every editor mistake stops the build with its exact message, naming the file and line.

Each mistake is made in a copy of the tests' FAQ site (tests/fixture/; conftest's
`project_copy`), found by the pages' structure, never by their wording
(tests/page_editing.py finds the first question, its answer, its learn-more list
through the site's page model). The build must fail, print
each expected problem as one line `docs/<file>:<line>: what is wrong. What to
do.`, count exactly those problems, never show a Python traceback, never blame
the generated "all questions" page, and leave what the editor wrote untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixture_checks import check_pages
from fixture_site import FIXTURE, FIXTURE_PLACE, site_root
from grouped_builds import Outcome, Scratch, build_mistakes, first, problem_lines, snapshot, sort_key
from mistakes_assets import ASSETS_MISTAKES, SVG_FIX
from mistakes_generated import GENERATED_MISTAKES
from mistakes_presentation import PRESENTATION_MISTAKES
from mistakes_renames import RENAMES_MISTAKES
from mistakes_sources import SOURCE_MISTAKES
from mistakes_text import NOT_PLAIN_COMMENT, TEXT_MISTAKES
from mistakes_urls import URLS_MISTAKES
from mistakes_withdrawn import WITHDRAWN_BUILT, WITHDRAWN_MISTAKES
from page_editing import SourcePage, questions
from problem_matcher import annotate_each, expected_annotation
from site_settings import allowed_link_domains
from test_config_file import page_text_examples, settings_examples
from test_content_allowlist import published_page_examples
from test_csp import script_problem_examples
from test_language_checks import guide_examples
from test_record import record_examples
from test_written_numbers import translation_message_examples

from faq_site.checks.compare_text import normalised, sentences
from faq_site.checks.language_integrity import LENGTH_RATIO, MIN_COMPARED_LENGTH

from conftest import PROJECT, Site, build_with_the_command, selected

LEARN_MORE_EXAMPLE = "`- [title](https://www.nato.int/…)`"
# As the build lists them: read from mkdocs.yml, where an editor may allow another domain.
ALLOWED = ", ".join(allowed_link_domains(FIXTURE))
# The list of allowed domains in mkdocs.yml, wherever it is and whatever it holds, one item per line
# or `[a, b]`; `first` is its first domain.
DOMAIN_LIST = re.compile(
    r"allowed_link_domains:(?:[ \t]*\[[ \t]*(?P<first>[^,\]\s]+)[^\]\n]*\]"
    r"|[ \t]*\n[ \t]+- (?P<first_item>\S+)\n(?:[ \t]+- \S+\n)*)"
)


@dataclass(frozen=True)
class Mistake:
    name: str
    make: Callable[[Path], list[str]]  # makes the mistake in docs/; returns the expected problem lines


def copy_page(page: SourcePage, rel: str) -> SourcePage:
    target = SourcePage(page.docs, rel)
    target.path.parent.mkdir(parents=True, exist_ok=True)
    target.path.write_bytes(page.path.read_bytes())
    return target


# -- files: names, places, encodings, strays -------------------------------------------------


def not_utf8(docs: Path) -> list[str]:
    page = first(docs)
    line = page.first_non_ascii_line()
    page.path.write_bytes(page.path.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    return [
        f"{page.where}:{line}: is not saved as UTF-8 text, so its accents would be garbled. Save it again "
        "with the encoding UTF-8 (in most editors: Save As, Encoding: UTF-8)."
    ]


def badly_named(name: str, proposed: str) -> Callable[[Path], list[str]]:
    def make(docs: Path) -> list[str]:
        copy_page(first(docs), f"faq/{name}")
        return [
            f"docs/faq/{name}: a page's file name is in lower case, without accents or spaces, words "
            f"joined by hyphens. Rename it to docs/faq/{proposed} (and its other language's file alike)."
        ]

    return make


def named_like_a_language(docs: Path) -> list[str]:
    # docs/en.md is published at en/, the English home page's address: MkDocs would keep one of the two.
    copy_page(first(docs), "en.md")
    return [
        "docs/en.md: would be published at en/, the address of the English home page, which would replace "
        "it. Give it another name (and its other language's file alike)."
    ]


def french_suffix(docs: Path) -> list[str]:
    page = first(docs)
    copy_page(page, f"faq/{page.slug}.fr.md")
    return [
        f"docs/faq/{page.slug}.fr.md: French pages have no language suffix. Rename it to "
        f"docs/faq/{page.slug}.md (the English version is {page.slug}.en.md)."
    ]


def other_language(docs: Path) -> list[str]:
    page = first(docs)
    copy_page(page, f"faq/{page.slug}.de.md")
    return [
        f"docs/faq/{page.slug}.de.md: `.de` is not a language of this site (fr, en). Name the French "
        f"page {page.slug}.md and the English one {page.slug}.en.md."
    ]


def finder_copy(suffix: str, language: str) -> Callable[[Path], list[str]]:
    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        ending = ".en.md" if language == "en" else ".md"
        name = f"{page.slug}{suffix}{ending}"
        copy_page(page, f"faq/{name}")
        return [
            f"docs/faq/{name}: looks like a copy of docs/faq/{page.slug}{ending}. Delete it; for a new "
            "page, give it its own name in lower case with hyphens, such as "
            f"docs/faq/{page.slug}-2{ending}."
        ]

    return make


def in_sub_folder(docs: Path) -> list[str]:
    page = first(docs)
    copy_page(page, f"faq/archive/{page.slug}.md")
    return [
        f"docs/faq/archive/{page.slug}.md: pages are in docs/ (home and general pages) or docs/faq/ "
        f"(questions), not in sub-folders. Move it to docs/faq/{page.slug}.md."
    ]


def markdown_extension(docs: Path) -> list[str]:
    page = first(docs)
    copy_page(page, "faq/new-question.markdown")
    return ["docs/faq/new-question.markdown: pages end in `.md`. Rename it to new-question.md."]


def stray(rel: str) -> Callable[[Path], list[str]]:
    def make(docs: Path) -> list[str]:
        (docs / rel).write_bytes(b"draft")
        return [
            f"docs/{rel}: only pages (.md files) and their images (docs/assets/) belong in docs/, and "
            "everything in it is published. Move this file out of docs/ or delete it."
        ]

    return make


def lock_file(docs: Path) -> list[str]:
    (docs / "faq" / "~$ponse.docx").write_bytes(b"lock")
    return [
        "docs/faq/~$ponse.docx: is a temporary or lock file (Word and other editors leave one while a "
        "document is open), not part of the site. Close the document and delete this file."
    ]


def backup_file(docs: Path) -> list[str]:
    page = first(docs)
    copy_page(page, page.rel + "~")
    return [
        f"{page.where}~: is a temporary or lock file (Word and other editors leave one while a document is "
        "open), not part of the site. Close the document and delete this file."
    ]


def missing_twin(language: str) -> Callable[[Path], list[str]]:
    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        page.twin.path.unlink()
        other = "English" if language == "fr" else "French"
        return [
            f"{page.where}: has no {other} version. Create {page.twin.where} with the same headings and "
            "heading ids, translated."
        ]

    return make


# -- front matter -----------------------------------------------------------------------------


def described(docs: Path, language: str = "fr") -> SourcePage:
    """The first question, with a `description` (questions may leave it out: one is written first,
    as an editor would)."""
    page = first(docs, language)
    page.description_line()
    return page


def description_line(docs: Path, value: str, language: str = "fr") -> tuple[SourcePage, int]:
    page = described(docs, language)
    line = page.description_line()
    page.set(line, f"description: {value}")
    return page, line


def unquoted_colon(docs: Path) -> list[str]:
    page, line = description_line(docs, "Une alliance : trente pays.")
    return [
        f"{page.where}:{line}: the value of `description` contains a colon followed by a space, which "
        'YAML cannot read. Put the whole value in double quotes: `description: "…"`.'
    ]


def quote_in_quotes(docs: Path) -> list[str]:
    page, line = description_line(docs, '"NATO says "no" to war."', "en")
    return [
        f"{page.where}:{line}: the value of `description` is in double quotes and also contains a double "
        'quote, which ends it early. Put a backslash before each double quote inside the text (`\\"`), '
        "or use « » or “ ”."
    ]


def apostrophe_in_single_quotes(docs: Path) -> list[str]:
    page, line = description_line(docs, "'L'OTAN est une alliance.'")
    return [
        f"{page.where}:{line}: the value of `description` is in single quotes and also contains an "
        'apostrophe, which ends it early. Put the value in double quotes instead: `description: "…"`.'
    ]


def unclosed_quote(docs: Path) -> list[str]:
    page, line = description_line(docs, '"Une alliance de pays.')
    return [
        f"{page.where}:{line}: the quoted text on this line has no closing quote. End the value with the "
        'same quote it starts with: `description: "…"`.'
    ]


def tab(docs: Path) -> list[str]:
    page = described(docs)
    line = page.description_line()
    page.set(line, "\t" + page.line(line))
    return [
        f"{page.where}:{line}: this front matter line contains a tab character. Replace the tab with spaces."
    ]


def indented_key(docs: Path) -> list[str]:
    page = described(docs)
    line = page.description_line()
    page.set(line, "  " + page.line(line))
    return [
        f"{page.where}:{line}: this front matter line starts with spaces. Remove them: every `key: value` "
        "line starts at the beginning of the line."
    ]


def yaml_alias(docs: Path) -> list[str]:
    """A value repeated by a YAML alias, which refers to the value it is in: without end (a hostile
    probe's front matter, which once stopped the build with a RecursionError)."""
    page = described(docs)
    line = page.description_line()
    page.insert(line + 1, "search: &a {exclude: *a}")
    return [
        f"{page.where}:{line + 1}: this front matter line uses a YAML anchor or alias (`&name`, `*name`), "
        "which repeats a value written elsewhere. Write the value itself."
    ]


def no_closing_dashes(docs: Path) -> list[str]:
    page = first(docs)
    page.delete(page.front_matter_end())
    return [
        f"{page.where}:1: the front matter has no closing `---` line. Add a line `---` after its last "
        "`key: value` line."
    ]


def no_opening_dashes(docs: Path) -> list[str]:
    page = first(docs)
    page.delete(1)
    return [
        f"{page.where}:1: the front matter has no opening `---` line. The file must start with a line "
        "`---`, then the `key: value` lines, then `---`."
    ]


def blank_line_first(docs: Path) -> list[str]:
    page = first(docs)
    page.insert(1, "")
    return [
        f"{page.where}:1: the front matter's `---` must be the very first line. Remove the lines above it."
    ]


def front_matter_list(docs: Path) -> list[str]:
    page = first(docs)
    end = page.front_matter_end()
    lines = page.lines()
    page.write(["---", "- number: 1", "- description: x", *lines[end - 1 :]])
    return [
        f"{page.where}:1: the front matter must be `key: value` lines, one per line, between the two `---`."
    ]


def added_key(text: str, message: str, language: str = "fr", index: int = 0) -> Callable[[Path], list[str]]:
    """Adds a line at the end of the front matter; `message` follows `docs/<file>:<line>: `."""

    def make(docs: Path) -> list[str]:
        page = first(docs, language, index)
        line = page.front_matter_end()
        page.insert(line, text)
        return [f"{page.where}:{line}: {message}"]

    return make


def duplicated_key(docs: Path) -> list[str]:
    page = described(docs)
    first_line = page.description_line()
    line = page.front_matter_end()
    page.insert(line, page.line(first_line))
    return [
        f"{page.where}:{line}: the key `description` is written twice (lines {first_line} and {line}); "
        "only the last one would count. Keep one."
    ]


def changed_key(
    key: str, value: str, message: str, language: str = "fr", at_line: int | None = None
) -> Callable[[Path], list[str]]:
    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        line = page.description_line() if key == "description" else page.key_line(key)
        page.set(line, f"{key}: {value}")
        return [f"{page.where}:{at_line or line}: {message}"]

    return make


def removed_key(key: str, example: str) -> Callable[[Path], list[str]]:
    def make(docs: Path) -> list[str]:
        page = first(docs)
        page.delete(page.key_line(key))
        return [
            f"{page.where}:1: the front matter has no `{key}`. Add a line `{example}` between the two `---` "
            "at the top of the file."
        ]

    return make


def number_on_home(docs: Path) -> list[str]:
    home = SourcePage(docs, "index.md")
    line = home.front_matter_end()
    home.insert(line, "number: 1")
    return [f"docs/index.md:{line}: `number` is only for questions (pages in docs/faq/). Remove that line."]


# -- numbers ----------------------------------------------------------------------------------


def same_number(docs: Path) -> list[str]:
    one, two = first(docs), first(docs, index=1)
    two.set(two.key_line("number"), "number: 1")
    ordered = sorted([one, two], key=lambda page: page.rel)
    return [
        f"{ordered[0].where}:{ordered[0].key_line('number')}: has number 1, like {ordered[1].where}. Give "
        "every question its own number.",
        f"{two.twin.where}:{two.twin.key_line('number')}: has number 2, but its French version {two.where} "
        "has 1. Give both versions the same number.",
    ]


def gap(docs: Path) -> list[str]:
    count = len(questions(docs))
    two = first(docs, index=1)
    for page in (two, two.twin):
        page.set(page.key_line("number"), "number: 99")
    return [
        f"{two.where}:{two.key_line('number')}: has number 99, but there are {count} questions and none has "
        "number 2. Give it number 2, in both languages (the questions are numbered 1, 2, 3… with no gap)."
    ]


def twins_differ(docs: Path) -> list[str]:
    english = first(docs, "en")
    english.set(english.key_line("number"), "number: 2")
    french = english.twin
    return [
        f"{english.where}:{english.key_line('number')}: has number 2, but its French version {french.where} "
        "has 1. Give both versions the same number."
    ]


# -- headings and ids -------------------------------------------------------------------------


def retitled_heading(heading_id: str, new: Callable[[str, str], str], language: str = "en"):
    """Rewrites the heading with this id of the first question: new(marks + title, id) is the line."""

    def edit(docs: Path) -> tuple[SourcePage, int]:
        page = first(docs, language)
        line = page.heading_line(heading_id)
        _, level, title, _ = next(h for h in page.headings() if h[0] == line)
        page.set(line, new("#" * level + " " + title, heading_id))
        return page, line

    return edit


def ids(page: SourcePage) -> list[str | None]:
    return [identifier for _, _, _, identifier in page.headings()]


def id_list(page: SourcePage) -> str:
    return ", ".join(f"`{{#{identifier}}}`" for identifier in ids(page))


def ids_differ(page: SourcePage) -> str:
    return (
        f"{page.where}: its heading ids ({id_list(page)}) differ from those of {page.twin.where} "
        f"({id_list(page.twin)}). Give both versions the same headings, in the same order, with the same ids."
    )


def other_id(docs: Path) -> list[str]:
    page, line = retitled_heading("learn-more", lambda text, _: f"{text} {{#more}}")(docs)
    # The page's learn-more section is gone with its id: a follow-on of the ids (messages/problems.py).
    return [ids_differ(page)]


def no_id(docs: Path) -> list[str]:
    page, line = retitled_heading("learn-more", lambda text, _: text)(docs)
    title = page.line(line).lstrip("# ")
    return [
        f"{page.where}:{line}: the heading “{title}” has no explicit id. End it with an id in English "
        "kebab-case, the same in both languages, e.g. `## Learn more {#learn-more}`."
    ]


def capital_id(docs: Path) -> list[str]:
    page, line = retitled_heading("learn-more", lambda text, _: f"{text} {{#Learn-More}}")(docs)
    return [
        ids_differ(page),
        f"{page.where}:{line}: the id `Learn-More` must be in lower case, with letters, digits and hyphens "
        "only. Write `{#learn-more}`, in both languages.",
    ]


def underscore_id_both(docs: Path) -> list[str]:
    expected = []
    for language in ("fr", "en"):
        page, line = retitled_heading("learn-more", lambda text, _: f"{text} {{#learn_more}}", language)(docs)
        expected.append(
            f"{page.where}:{line}: the id `learn_more` must be in lower case, with letters, digits and "
            "hyphens only. Write `{#learn-more}`, in both languages."
        )
    return expected


def reused_id(docs: Path) -> list[str]:
    page = first(docs, "en")
    title_line = page.title_line()
    title_id = page.headings()[0][3]
    page, line = retitled_heading("learn-more", lambda text, _: f"{text} {{#{title_id}}}")(docs)
    return [
        ids_differ(page),
        f"{page.where}:{line}: the id `{title_id}` is given to two headings (lines {title_line} and {line}). "
        "Give each heading its own id, in both languages.",
    ]


def skipped_level(docs: Path) -> list[str]:
    expected = []
    for language in ("fr", "en"):
        page, line = retitled_heading("learn-more", lambda text, i: f"#{text} {{#{i}}}", language)(docs)
        title = page.headings()[1][2]
        expected.append(
            f"{page.where}:{line}: the heading “{title}” is level 3 (###) right after a level 1: a level "
            "is skipped. Write it with ##."
        )
    return expected


def second_title(docs: Path) -> list[str]:
    expected = []
    for language in ("fr", "en"):
        page, line = retitled_heading("learn-more", lambda text, i: f"{text[1:]} {{#{i}}}", language)(docs)
        title = page.headings()[1][2]
        expected.append(
            f"{page.where}:{line}: has a second title `# {title}`: a page has one `# ` title. Make this one "
            "a section heading, `## …`."
        )
    return expected


def no_title(docs: Path) -> list[str]:
    expected = []
    for language in ("fr", "en"):
        page = first(docs, language)
        line = page.title_line()
        title_id = page.headings()[0][3]
        page.set(line, page.line(line).lstrip("# "))
        expected += [
            f"{page.where}:{line}: has no title. Start the text with one line `# Title {{#id}}` (for a "
            "question, the question itself).",
            f"{page.where}:{line}: readers see `{{#{title_id}}}` as text: a heading id `{{#…}}` that "
            f"is not at "
            "the very end of its heading line, or has a space in it. Fix the Markdown on this line.",
        ]
    return expected


# -- what readers would see -------------------------------------------------------------------


def appended_to_answer(addition: str, message: Callable[[str], str], language: str = "fr"):
    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        line = page.append_to_answer(addition)
        return [f"{page.where}:{line}: {message(page.line(line))}"]

    return make


def leak(shown: str, what: str) -> Callable[[str], str]:
    return lambda _: f"readers see `{shown}` as text: {what}. Fix the Markdown on this line."


def glued_list(docs: Path) -> list[str]:
    page = first(docs)
    line = page.answer_end() + 1
    page.insert(line, "- un point ajouté")
    return [
        f"{page.where}:{line}: this list is glued to the line above it, so it shows as part of that "
        "paragraph. Leave an empty line before the list."
    ]


def indented_answer(docs: Path) -> list[str]:
    page = first(docs)
    line = page.answer_line()
    page.set(line, "    " + page.line(line))
    return [
        f"{page.where}:{line}: this text shows as a block of code, because it is indented by four spaces "
        "or a tab (or fenced by ```): readers and search engines do not get it as text. Start the line "
        "at the margin."
    ]


def fenced_answer(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.answer_line()
    page.insert(line + 1, "```")
    page.insert(line, "```")
    return [
        f"{page.where}:{line + 1}: this text shows as a block of code, because it is indented by four "
        "spaces or a tab (or fenced by ```): readers and search engines do not get it as text. Start the "
        "line at the margin."
    ]


def unclosed_element(docs: Path, language: str = "fr") -> list[str]:
    # Its learn-more heading swallowed, the page's heading ids differ from its twin's: a follow-on.
    page = first(docs, language)
    line = page.after_answer("<div>")
    return [
        f"{page.where}:{line}: the HTML element `<div>` is never closed, so it swallows the rest of "
        "the page. Close it with `</div>`, or write Markdown instead of HTML."
    ]


def unclosed_comment(docs: Path) -> list[str]:
    page = first(docs)
    line = page.after_answer("<!-- à revoir")
    return [
        f"{page.where}:{line}: readers see `<!-- à revoir` as text: a comment `<!--` that shows on the "
        "page. Write it on lines of its own, ending with `-->`. Fix the Markdown on this line."
    ]


def removed_marker(docs: Path) -> list[str]:
    home = SourcePage(docs, "index.en.md")
    line = home.lines().index("<!-- faq:questions -->") + 1
    home.delete(line)
    return [
        "docs/index.en.md: the line `<!-- faq:questions -->` is missing. Put it back where the site should "
        "list the questions; it is filled in at build time."
    ]


# -- learn-more lists -------------------------------------------------------------------------


def no_learn_more(docs: Path) -> list[str]:
    expected = []
    for language in ("fr", "en"):
        page = first(docs, language)
        lines = page.lines()
        page.write(lines[: page.heading_line("learn-more") - 1])
        expected.append(
            f"{page.where}: this question has no learn-more section. Add a heading `## Pour en savoir plus "
            "{#learn-more}` (English: `## Learn more {#learn-more}`) followed by a list of links, one "
            f"{LEARN_MORE_EXAMPLE} per line."
        )
    return expected


def learn_more_changed(
    change: Callable[[SourcePage, list[int]], None],
    why: str,
    language: str = "fr",
    also: Callable[[int], str] | None = None,
):
    """Breaks the learn-more list; `also(first link's line)` is a second problem it causes."""

    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        links = page.link_lines()
        change(page, links)
        line = page.heading_line("learn-more")
        expected = [f"{page.where}:{line}: the learn-more section shows no link. {why}"]
        return expected + ([f"{page.where}:{links[0]}: {also(links[0])}"] if also else [])

    return make


def empty_list(page: SourcePage, links: list[int]) -> None:
    for number in reversed(links):
        page.delete(number)


def commented_list(page: SourcePage, links: list[int]) -> None:
    page.insert(links[-1] + 1, "-->")
    page.insert(links[0], "<!--")


def indented_list(page: SourcePage, links: list[int]) -> None:
    for number in links:
        page.set(number, "    " + page.line(number))


def glued_links(page: SourcePage, links: list[int]) -> None:
    page.set(links[0] - 1, "Voir aussi :")


def links_not_in_a_list(page: SourcePage, links: list[int]) -> None:
    for number in links:
        page.set(number, page.line(number).removeprefix("- "))


def item_without_link(docs: Path) -> list[str]:
    page = first(docs)
    line = page.link_lines()[-1] + 1
    page.insert(line, "- Le site de l’OTAN")
    return [f"{page.where}:{line}: this learn-more item has no link. Write it as {LEARN_MORE_EXAMPLE}."]


def learn_more_url(new_url: Callable[[str], str], message: Callable[[str], str], language: str = "fr"):
    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        line, text, url = page.first_link()
        page.set(line, f"- [{text}]({new_url(url)})")
        return [f"{page.where}:{line}: {message(new_url(url))}"]

    return make


def not_allowed(url: str) -> str:
    host = re.match(r"https://([^/]+)", url)[1]
    return (
        f"the link `{url}` points to {host}, which is not an allowed domain ({ALLOWED}). Link to an "
        "official page, or ask a developer to add the domain to the faq plugin's `allowed_link_domains` "
        "in mkdocs.yml."
    )


def not_https(url: str) -> str:
    return f"the link `{url}` does not use https. Use the page's `https://` address."


# -- MkDocs' own link checks ------------------------------------------------------------------


def linked(markdown: Callable[[SourcePage], str], message: Callable[[SourcePage], str], language: str = "fr"):
    """Adds a sentence with a link at the end of the first question's answer."""

    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        line = page.append_to_answer(f" {markdown(page)}")
        return [f"{page.where}:{line}: {message(page)}"]

    return make


def comment_ended_at_once(docs: Path) -> list[str]:
    """`<!-->` ends at once in a browser: what follows is published, and checked as such."""
    page = first(docs, "en")
    line = page.append_to_answer(' <!--><img src="x" onerror="alert(1)">-->')
    return [f"{page.where}:{line}: {NOT_PLAIN_COMMENT}", f"{page.where}:{line}: {handler('onerror', 'img')}"]


def second(page: SourcePage) -> SourcePage:
    return first(page.docs, "fr", 1)


# -- settings ---------------------------------------------------------------------------------


def settings(
    old: str | re.Pattern[str], new: str | Callable[[re.Match[str]], str], message: str
) -> Callable[[Path], list[str]]:
    """A setting of the faq plugin changed: MkDocs' own message, naming the plugin and the option."""

    def make(docs: Path) -> list[str]:
        config = docs.parent / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        pattern = old if isinstance(old, re.Pattern) else re.compile(re.escape(old))
        assert pattern.search(text), pattern.pattern
        config.write_text(pattern.sub(new, text, count=1), encoding="utf-8")
        return [f"Config value 'plugins': Plugin 'faq' option {message}"]

    return make


def without_the_domains(docs: Path) -> list[str]:
    """No `allowed_link_domains`, in the site's mkdocs.yml nor in the one that inherits it: MkDocs'
    own message, naming the plugin's option."""
    for config in (docs.parent / "mkdocs.yml", site_root(docs.parent) / "mkdocs.yml"):
        text = config.read_text(encoding="utf-8")
        assert DOMAIN_LIST.search(text), config
        config.write_text(DOMAIN_LIST.sub("", text, count=1), encoding="utf-8")
    return [
        "Config value 'plugins': Plugin 'faq' option 'allowed_link_domains': Required configuration not "
        "provided."
    ]


def domains_as_text(listing: re.Match[str]) -> str:
    """The list of allowed domains written as its first domain alone, a text."""
    if listing["first"]:
        return f"allowed_link_domains: {listing['first']}"
    return f"allowed_link_domains: {listing['first_item']}\n"


def mkdocs_setting(docs: Path) -> list[str]:
    """A text where MkDocs expects a list: MkDocs' own message, once, naming the setting."""
    config = docs.parent / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(f"{text}\nextra_css: assets/stylesheets/extra.css\n", encoding="utf-8")
    return ["Config value 'extra_css': Expected type: <class 'list'> but received: <class 'str'>"]


def in_both_languages(*mistakes: Callable[[Path], list[str]]) -> Callable[[Path], list[str]]:
    """Several mistakes at once: all reported together, in one sorted list."""
    return lambda docs: [line for make in mistakes for line in make(docs)]


# -- what a page may contain: elements, attributes, addresses, images, SVG files ---------------

NO_SCRIPT = "the site runs only its own scripts"
EMBED = (
    "it would load another site's content into the page, which the About page promises never "
    "happens. Link to it instead: `[title](https://…)`."
)
FORM = "a page asks readers for nothing and sends nothing anywhere. Remove it."
WHOLE_PAGE = "it would change the whole page (redirect it, or change where its links lead). Remove it."


def added_html(html: str, message: str, language: str = "fr") -> Callable[[Path], list[str]]:
    """Adds a block of raw HTML, on its own line, after the first question's answer."""

    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        line = page.after_answer(html)
        return [f"{page.where}:{line}: {message}"]

    return make


def element(tag: str, why: str) -> str:
    return f"the HTML element `<{tag}>` is not allowed in a page: {why}"


def handler(name: str, tag: str) -> str:
    return f"the attribute `{name}` on `<{tag}>` would run a script: {NO_SCRIPT}. Remove `{name}=…`."


def refused_link(url: str, reason: str) -> Callable[[SourcePage], str]:
    return lambda _: f"the link `{url}` {reason}"


def paragraph_attributes(attributes: str, message: str) -> Callable[[Path], list[str]]:
    """An attribute list `{: …}` on the line after the first answer's paragraph."""

    def make(docs: Path) -> list[str]:
        page = first(docs, "en")
        line = page.answer_end()
        page.insert(line + 1, f"{{: {attributes} }}")
        return [f"{page.where}:{line + 1}: {message}"]

    return make


def svg_asset(name: str, body: str, message: str) -> Callable[[Path], list[str]]:
    """A drawing docs/assets/<name> whose second line holds `body` (each mistake's drawing has a name
    of its own, so that they can share a build)."""

    def make(docs: Path) -> list[str]:
        (docs / "assets" / name).write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'viewBox="0 0 8 8">\n{body}\n<rect width="8" height="8"/>\n</svg>\n',
            encoding="utf-8",
        )
        return [f"docs/assets/{name}:2: {message} {SVG_FIX}"]

    return make


def asset_image(docs: Path) -> str:
    """An image the site has in docs/assets/, as a question page links to it."""
    return "../" + next(p for p in sorted((docs / "assets").rglob("*.svg"))).relative_to(docs).as_posix()


def image_without_alt(docs: Path) -> list[str]:
    page = first(docs)
    src = asset_image(docs)
    line = page.append_to_answer(f" ![]({src})")
    return [
        f"{page.where}:{line}: the image `{src}` has no description: screen readers would read nothing, or "
        f"its file name. Write what it shows between the square brackets: `![description]({src})`."
    ]


BACKSLASH = (
    "contains a backslash `\\`, which browsers read as `/`, so it leads to evil.example. Write the address "
    "with `/` only, as the browser's address bar shows it."
)
OTHER_SITE_IMAGE = (
    "is on another site: readers' browsers would fetch it there, which the About page promises never "
    "happens. Save the image in docs/assets/ and show it from there: `![description](…/assets/name.png)`."
)
NOT_ALLOWED = (
    "which is not an allowed domain ({ALLOWED}). Link to an official page, or ask a developer to add the "
    "domain to the faq plugin's `allowed_link_domains` in mkdocs.yml."
).replace("{ALLOWED}", ALLOWED)
# -- what the site says for NATO, and in which language ---------------------------------------

QUOTE_ADVICE = (
    "Copy one or more of the answer's sentences word for word (shorten them with “…”), or remove "
    "the `description` line to use the answer's first sentence."
)


def with_most_paragraphs(docs: Path, language: str = "en") -> SourcePage:
    """The question whose answer has the most paragraphs of prose (in both languages: twins have as
    many), the first in their order of those."""
    return max(questions(docs, language), key=lambda page: len(page.paragraphs()))


def english_copy_of_french(docs: Path) -> list[str]:
    page = first(docs, "en")
    page.path.write_bytes(page.twin.path.read_bytes())
    return [
        f"{page.where}:{page.title_line()}: this page is a copy of its French version, {page.twin.where}, "
        "not its English translation. Translate it into English."
    ]


def french_paragraph_pasted(docs: Path) -> list[str]:
    page = with_most_paragraphs(docs)
    english, french = page.paragraphs()[1], page.twin.paragraphs()[1]
    line, french_line = english.first, french.first
    lines = page.lines()
    lines[english.first - 1 : english.last] = page.twin.lines()[french.first - 1 : french.last]
    page.write(lines)
    return [
        f"{page.where}:{line}: this paragraph is in French: it is a copy of paragraph 2 of "
        f"{page.twin.where}:{french_line}. Translate it into English."
    ]


def french_description_pasted(docs: Path) -> list[str]:
    # The French description of the longest first sentence: the surest to read as French.
    page = max(questions(docs, "en"), key=lambda page: len(page.twin.answer_text()))
    french = page.twin.line(page.twin.description_line())
    line = page.description_line()
    page.set(line, french)
    return [
        f"{page.where}:{line}: the description is in French, but the page is in English. Write it in "
        "English: copy sentences of this page's answer, or remove the `description` line to use its "
        "first sentence."
    ]


def nato_link_in_other_language(language: str) -> Callable[[Path], list[str]]:
    """A learn-more link to NATO's page in the other language, without `{hreflang=…}`."""
    own, other = ("en", "fr") if language == "en" else ("fr", "en")
    names = {"fr": "French", "en": "English"}

    def make(docs: Path) -> list[str]:
        for page in questions(docs, language):
            for line, _, written, attributes in page.links():
                if f"/cps/{own}/" in written and "hreflang" not in attributes:
                    url = written.replace(f"/cps/{own}/", f"/cps/{other}/")
                    page.set(line, page.line(line).replace(f"]({written})", f"]({url})", 1))
                    return [
                        f"{page.where}:{line}: the link `{url}` leads to NATO's {names[other]} page "
                        f"(`/cps/{other}/` in its address), but this page is in {names[own]}. Link to "
                        f"NATO's {names[own]} version of that page, or, if it has none, write "
                        f"`{{hreflang={other}}}` right after the link, so that readers are told."
                    ]
        raise LookupError(f"no learn-more link to NATO's /cps/{own}/ pages")

    return make


def readable_length(text: str) -> int:
    """About the length readers see of a paragraph (no links in answers)."""
    return len(normalised(re.sub(r"[*_`]", "", text)))


def dropped_and_split(docs: Path) -> list[str]:
    """An English answer drops a paragraph and splits another in two: the counts still match.

    Which pair of paragraphs gives itself away first is worked out from the lengths, and only
    edits whose every pair is well inside or well outside the accepted ratio are made.
    """
    low, high = LENGTH_RATIO
    page = with_most_paragraphs(docs)
    english, french = page.paragraphs(), page.twin.paragraphs()
    texts = [page.text(span) for span in english]
    for dropped in range(len(english) - 1):
        split = dropped + 1
        words = texts[split].split(" ")
        middle = next(
            (
                i
                for i in sorted(range(1, len(words)), key=lambda i: abs(i - len(words) / 2))
                if words[i - 1].endswith(".")
            ),
            len(words) // 2,
        )
        halves = [" ".join(words[:middle]), " ".join(words[middle:])]
        new = texts[:dropped] + halves + texts[split + 1 :]
        ratios = [
            (readable_length(ours), readable_length(page.twin.text(theirs)))
            for ours, theirs in zip(new, french, strict=True)
        ]
        verdicts = []
        for ours, theirs in ratios:
            ratio = ours / theirs
            if max(ours, theirs) < MIN_COMPARED_LENGTH or low * 1.15 <= ratio <= high / 1.15:
                verdicts.append(False)
            elif ratio < low / 1.15 or ratio > high * 1.15:
                verdicts.append(True)
            else:
                verdicts.append(None)  # too close to call: try another paragraph
        if None in verdicts or True not in verdicts:
            continue
        lines = page.lines()
        lines[english[dropped].first - 1 : english[split].last] = [halves[0], "", halves[1]]
        page.write(lines)
        index = verdicts.index(True)
        line = page.paragraphs()[index].first
        ours, theirs = ratios[index]
        return [
            f"{page.where}:{line}: this paragraph is far {'shorter' if ours < theirs else 'longer'} than "
            f"paragraph {index + 1} of the French page, {page.twin.where}:{french[index].first}, which it "
            "stands for: more than translation explains. Check that no paragraph was left out, split or "
            "merged: each French paragraph becomes one paragraph here, whole, in the same order."
        ]
    raise LookupError(f"{page.rel}: no paragraph to drop and split that the lengths tell clearly")


def paraphrased_description(docs: Path) -> list[str]:
    """The description says the answer's first sentence in other words: one word added."""
    page = described(docs)
    sentence = sentences(page.answer_text())[0]
    words = sentence.split(" ")
    paraphrase = " ".join([words[0], "vraiment", *words[1:]])
    page.set(page.description_line(), f'description: "{paraphrase}"')
    shown = normalised(paraphrase).split(" ")[1:]
    quoted = " ".join(shown[:8]) + ("…" if len(shown) > 8 else "")
    return [
        f"{page.where}:{page.key_line('description')}: the description is not a quotation of this "
        f"question's answer: “{quoted}” is not in the answer. {QUOTE_ADVICE}"
    ]


def description_cut_without_ellipsis(docs: Path) -> list[str]:
    """The description stops in the middle of the answer's first sentence, without “…”."""
    page = described(docs, "en")
    words = sentences(page.answer_text())[0].rstrip(".").split(" ")
    cut = " ".join(words[: max(2, len(words) // 2)])
    page.set(page.description_line(), f'description: "{cut}"')
    shown = normalised(cut).split(" ")
    quoted = ("…" + " ".join(shown[-8:])) if len(shown) > 8 else " ".join(shown)
    return [
        f"{page.where}:{page.key_line('description')}: the description stops in the middle of a sentence "
        f"of the answer (“{quoted}”). End it where that sentence ends, or end it with “…” to show the cut."
    ]


def page_without_description(docs: Path) -> list[str]:
    """The home page (not a question) needs its description.

    Another key stays in its front matter: with none, there would be no front matter at all,
    another message.
    """
    page = SourcePage(docs, "index.md")
    page.insert(page.front_matter_end(), "search: {exclude: false}")
    page.delete(page.description_line())
    return [
        f'{page.where}:1: the front matter has no `description`. Add a line `description: "One '
        'sentence."` between the two `---` at the top of the file.'
    ]


def count_misspelt(docs: Path) -> list[str]:
    """The home page's description asks for the number of questions with a name the build does not
    know: readers would see the braces."""
    page = SourcePage(docs, "index.en.md")
    line = page.description_line()
    page.set(line, page.line(line).replace("{number_of_questions}", "{questions}", 1))
    assert "{questions}" in page.line(line), "the fixture's home description has no count to misspell"
    return [
        f"{page.where}:{line}: the description holds `{{questions}}`, which the build does not fill in: it "
        "writes the number of questions where it finds `{number_of_questions}`, and nothing else. Write "
        "`{number_of_questions}`, or remove the braces."
    ]


MISTAKES = [
    # Files
    Mistake("missing English version", missing_twin("fr")),
    Mistake("missing French version", missing_twin("en")),
    Mistake("file not in UTF-8", not_utf8),
    Mistake("file name with spaces", badly_named("Nouvelle question.md", "nouvelle-question.md")),
    Mistake("file name with accents", badly_named("élargissement.md", "elargissement.md")),
    Mistake("file name with capitals", badly_named("NATO-Summits.en.md", "nato-summits.en.md")),
    Mistake("file name with an underscore", badly_named("nato_summits.md", "nato-summits.md")),
    Mistake("French page with .fr.md", french_suffix),
    Mistake("page named like a language", named_like_a_language),
    Mistake("unknown language suffix", other_language),
    Mistake("Finder copy", finder_copy(" copy", "fr")),
    Mistake("Windows copy of an English page", finder_copy(" (1)", "en")),
    Mistake("page in a sub-folder", in_sub_folder),
    Mistake("page with .markdown", markdown_extension),
    Mistake("stray text file", stray("brouillon.txt")),
    Mistake("stray image outside assets", stray("faq/photo.png")),
    Mistake("Word lock file", lock_file),
    Mistake("editor's backup file", backup_file),
    # Front matter
    Mistake("unquoted colon in front matter", unquoted_colon),
    Mistake("straight double quote inside double quotes", quote_in_quotes),
    Mistake("apostrophe inside single quotes", apostrophe_in_single_quotes),
    Mistake("quote never closed", unclosed_quote),
    Mistake("tab in front matter", tab),
    Mistake("indented front matter line", indented_key),
    Mistake("front matter without closing ---", no_closing_dashes),
    Mistake("front matter without opening ---", no_opening_dashes),
    Mistake("empty line before the front matter", blank_line_first),
    Mistake("front matter as a list", front_matter_list),
    Mistake("duplicated key", duplicated_key),
    Mistake(
        "misspelt key",
        added_key(
            'descripton: "x"', "the front matter key `descripton` is unknown. Did you mean `description`?"
        ),
    ),
    Mistake(
        "title key",
        added_key(
            'title: "x"',
            "the front matter key `title` is unknown. The page's title is its `# ` heading: remove the "
            "`title` line.",
        ),
    ),
    Mistake(
        "unknown key",
        added_key(
            "auteur: Marie",
            "the front matter key `auteur` is unknown. The keys are `number`, `description`, `search`, "
            "`renamed_from`, `withdrawn`.",
        ),
    ),
    Mistake(
        "number with a leading zero",
        changed_key(
            "number",
            "01",
            "`number: 01` starts with a zero, which YAML reads as another number (octal). Write `number: 1`.",
        ),
    ),
    Mistake(
        "number in words",
        changed_key(
            "number",
            "one",
            "`number` must be a whole number (the question's place: 1, 2, 3…), not `one`. "
            "Write it like `number: 3`.",
            "en",
        ),
    ),
    Mistake(
        "number with a decimal",
        changed_key(
            "number",
            "1.5",
            "`number` must be a whole number (the question's place: 1, 2, 3…), not `1.5`. "
            "Write it like `number: 3`.",
        ),
    ),
    Mistake(
        "empty description",
        changed_key(
            "description",
            '""',
            "`description` must be one sentence of text, in double quotes, not empty. "
            'Write it like `description: "One sentence."`.',
        ),
    ),
    Mistake(
        "list never closed in front matter",
        changed_key(
            "description",
            "[Une liste",
            "this front matter line cannot be read (expected ',' or ']', but got '<stream end>'). Each line "
            "must be `key: value`; put a value with punctuation in double quotes.",
        ),
    ),
    Mistake(
        "front matter value YAML cannot convert",
        changed_key(
            "number",
            "!!int un",
            "the front matter cannot be read (invalid literal for int() with base 10: 'un'). Write "
            "each line as "
            "`key: value`, and put a value with punctuation in double quotes.",
            at_line=1,
        ),
    ),
    Mistake("no number", removed_key("number", "number: 3")),
    Mistake("page other than a question without description", page_without_description),
    Mistake("number on a page that is not a question", number_on_home),
    Mistake(
        "renamed_from not a list of file names",
        added_key(
            "renamed_from: Old Name",
            "`renamed_from` must be a list of the page's old file names, without `.md`, in lower case with "
            "hyphens, not `Old Name`. Write it like `renamed_from: [old-name]`.",
        ),
    ),
    Mistake(
        "search setting misspelt",
        added_key(
            "search: exclude",
            "`search` must be `exclude: true` or `exclude: false`, not `exclude`. Write it like "
            "`search: {exclude: true}`.",
        ),
    ),
    # Numbers
    Mistake("two questions with the same number", same_number),
    Mistake("a gap in the numbering", gap),
    Mistake("twins with different numbers", twins_differ),
    # Headings and ids
    Mistake("twins with different heading ids", other_id),
    Mistake("heading without an explicit id", no_id),
    Mistake("heading id with capitals", capital_id),
    Mistake("heading id with an underscore", underscore_id_both),
    Mistake("heading id reused", reused_id),
    Mistake("skipped heading level", skipped_level),
    Mistake("two titles", second_title),
    Mistake("no title", no_title),
    # What readers would see
    Mistake(
        "heading id in the middle of a sentence",
        appended_to_answer(
            " {#note} Suite.",
            leak(
                "{#note} Suite.",
                "a heading id `{#…}` that is not at the very end of its heading line, or has a space in it",
            ),
        ),
    ),
    Mistake(
        "link without its closing parenthesis",
        appended_to_answer(
            " [OTAN](https://www.nato.int/ suite.",
            leak(
                "](https://www.nato.int/ suite.",
                "a link whose square brackets or parentheses do not match: `[text](https://…)`",
            ),
        ),
    ),
    Mistake(
        "reference link without its definition",
        appended_to_answer(
            " [OTAN][nato]",
            leak(
                "][nato]", "a reference link `[text][name]` without its definition line `[name]: https://…`"
            ),
        ),
    ),
    Mistake(
        "comment inside a sentence never closed",
        appended_to_answer(
            " <!-- à revoir",
            leak(
                "<!-- à revoir",
                "a comment `<!--` that shows on the page. Write it on lines of its own, ending with `-->`",
            ),
        ),
    ),
    Mistake(
        "template syntax in an answer",
        appended_to_answer(
            " {{ page.title }}",
            leak(
                "{{ page.title }}",
                "a template's `{{ … }}`, which pages do not process: write the text itself",
            ),
        ),
    ),
    Mistake(
        "template tag in an answer",
        appended_to_answer(
            " {% include 'x.md' %}",
            leak(
                "{% include 'x.md' %}",
                "a template's `{% … %}`, which pages do not process: write the text itself",
            ),
        ),
    ),
    Mistake(
        "attribute list in the middle of a sentence",
        appended_to_answer(
            " {.note} Suite.", leak("{.note} Suite.", "an attribute list `{.…}` that does not apply")
        ),
    ),
    Mistake(
        "attribute list with a colon in the middle of a sentence",
        appended_to_answer(
            " {: .note} Suite.", leak("{: .note} Suite.", "an attribute list `{: …}` that does not apply")
        ),
    ),
    Mistake("comment never closed", unclosed_comment),
    Mistake("list glued to the answer", glued_list),
    Mistake("home page without its list of questions", removed_marker),
    Mistake("answer indented by four spaces", indented_answer),
    Mistake("answer in a fenced block", fenced_answer),
    Mistake("HTML element never closed", unclosed_element),
    Mistake("HTML element never closed in English", lambda docs: unclosed_element(docs, "en")),
    # Learn-more lists
    Mistake("no learn-more section", no_learn_more),
    Mistake(
        "empty learn-more list",
        learn_more_changed(empty_list, f"Under this heading, add at least one line {LEARN_MORE_EXAMPLE}."),
    ),
    Mistake(
        "learn-more list in a comment",
        learn_more_changed(
            commented_list,
            "Its links are inside a comment `<!-- … -->`, which readers do not see: end the comment "
            "before them.",
        ),
    ),
    Mistake(
        "learn-more list indented",
        learn_more_changed(
            indented_list,
            "Its list is indented by four spaces or a tab, so it shows as code: start each line `- "
            "[` at the margin.",
            "en",
            lambda _: (
                "this text shows as a block of code, because it is indented by four spaces or a tab (or "
                "fenced by ```): readers and search engines do not get it as text. Start the line "
                "at the margin."
            ),
        ),
    ),
    Mistake(
        "learn-more list glued to a sentence",
        learn_more_changed(
            glued_links,
            "Its list is glued to the line above it: leave an empty line before the list.",
            also=lambda _: (
                "this list is glued to the line above it, so it shows as part of that paragraph. "
                "Leave an empty line before the list."
            ),
        ),
    ),
    Mistake(
        "learn-more links not in a list",
        learn_more_changed(
            links_not_in_a_list, f"Its links are not in a list: write one per line, as {LEARN_MORE_EXAMPLE}."
        ),
    ),
    Mistake("learn-more item without a link", item_without_link),
    Mistake(
        "learn-more link without https",
        learn_more_url(lambda url: url.replace("https://", "http://", 1), not_https),
    ),
    Mistake(
        "learn-more link outside the allowed domains",
        learn_more_url(
            lambda url: re.sub(r"https://[^/]+", "https://nato.example.com", url), not_allowed, "en"
        ),
    ),
    Mistake(
        "learn-more link with a space in its address",
        learn_more_url(
            lambda url: f'{url} "NATO',
            lambda url: (
                f"the address of the link `{url}` contains a space or a quote: a `)` or a quote is "
                "missing or misplaced. Write it as `[text](https://…)`."
            ),
        ),
    ),
    # Links anywhere
    Mistake(
        "link in an answer to another domain",
        linked(
            lambda _: "[source](https://example.com/page)", lambda _: not_allowed("https://example.com/page")
        ),
    ),
    Mistake(
        "raw HTML link to another domain",
        linked(
            lambda _: '<a href="https://example.org/">source</a>',
            lambda _: not_allowed("https://example.org/"),
            "en",
        ),
    ),
    Mistake(
        "e-mail link",
        linked(
            lambda _: "[écrire](mailto:info@example.com)",
            refused_link(
                "mailto:info@example.com",
                "is an e-mail address: a page links only to web pages. Remove it, or link to the page's "
                "`https://` address.",
            ),
        ),
    ),
    Mistake(
        "raw HTML link to no page",
        linked(
            lambda _: '<a href="../nowhere/">voir</a>',
            lambda _: (
                "the link `../nowhere/` leads to no page of this site. Link to the page's .md file, "
                "relative to this one, in Markdown: `[text](other-page.md)`."
            ),
        ),
    ),
    Mistake(
        "raw HTML link to a page's file",
        linked(
            lambda _: '<a href="../about.md">voir</a>',
            lambda _: (
                "the link `../about.md` is written in HTML (`<a href=…>`), which the site publishes as it "
                "is: readers would get a page that does not exist. Write it in Markdown: "
                "`[text](../about.md)`."
            ),
        ),
    ),
    Mistake(
        "raw HTML link to an anchor that does not exist",
        linked(
            lambda _: '<a href="#nowhere">voir</a>',
            lambda page: (
                "the link `#nowhere` points to no heading of this page. Use one of its ids: "
                f"{', '.join(f'`#{i}`' for i in ids(page))}."
            ),
        ),
    ),
    Mistake(
        "link with empty text",
        linked(
            lambda _: "[](https://www.nato.int/)",
            lambda _: (
                "the link to `https://www.nato.int/` has no text. Write what the reader will find there "
                "between the square brackets: `[title](…)`."
            ),
        ),
    ),
    Mistake(
        "link to a page that does not exist",
        linked(
            lambda _: "[voir](membres.md)",
            lambda _: (
                "the link `membres.md` leads to no page: there is no such file in docs/. Check the file "
                "name; it is relative to this page's folder."
            ),
        ),
    ),
    Mistake(
        "link to an anchor that does not exist",
        linked(
            lambda page: f"[voir]({second(page).slug}.md#article-5)",
            lambda page: (
                f"the link `{second(page).slug}.md#article-5` points to `#article-5`, which is not the "
                f"id of a heading of {second(page).where}. Use one of its `{{#…}}` ids, or remove "
                f"the `#…` part. "
                f"Its ids: {', '.join(f'`{i}`' for i in ids(second(page)))}."
            ),
        ),
    ),
    Mistake(
        "link to an anchor of the same page that does not exist",
        linked(
            lambda _: "[voir](#article-5)",
            lambda page: (
                "the link `#article-5` points to `#article-5`, which is not the id of a heading of "
                "this page. Use one of its `{#…}` ids, or remove the `#…` part. Its ids: "
                f"{', '.join(f'`{i}`' for i in ids(page))}."
            ),
        ),
    ),
    Mistake(
        "absolute link",
        linked(
            lambda page: f"[voir](/faq/{second(page).slug}/)",
            lambda page: (
                f"the link `/faq/{second(page).slug}/` starts with `/`, which breaks once the site is "
                "published under its own address. Link to the page's .md file, relative to this page, e.g. "
                f"`[text](other-page.md)`. Did you mean `{second(page).slug}.md`?"
            ),
        ),
    ),
    Mistake(
        "link to a page's address instead of its file",
        linked(
            lambda page: f"[voir]({second(page).slug}/)",
            lambda page: (
                f"the link `{second(page).slug}/` is not the name of a page's file. Link to the "
                f"page's .md file, relative to this page, e.g. `[text](other-page.md)`. Did you mean "
                f"`{second(page).slug}.md`?"
            ),
        ),
    ),
    # What the site says for NATO, and in which language
    Mistake("English page identical to its French page", english_copy_of_french),
    Mistake("French paragraph pasted into the English page", french_paragraph_pasted),
    Mistake("French description pasted into the English file", french_description_pasted),
    Mistake("English page linking NATO's French page without hreflang", nato_link_in_other_language("en")),
    Mistake("French page linking NATO's English page without hreflang", nato_link_in_other_language("fr")),
    Mistake("English answer dropping a paragraph and splitting another", dropped_and_split),
    Mistake("description that paraphrases the answer", paraphrased_description),
    Mistake("description cut without an ellipsis", description_cut_without_ellipsis),
    # Settings and navigation
    Mistake(
        "allowed domains as a text instead of a list",
        settings(
            DOMAIN_LIST,
            domains_as_text,
            "'allowed_link_domains': Expected a list of items, but a <class 'str'> was given.",
        ),
    ),
    Mistake("no faq settings", without_the_domains),
    Mistake("MkDocs setting of the wrong kind", mkdocs_setting),
    # Several at once, in both languages: one sorted list
    Mistake(
        "mistakes in both languages, found at different stages",
        in_both_languages(
            added_key(
                'descripton: "x"',
                "the front matter key `descripton` is unknown. Did you mean `description`?",
                "en",
                1,
            ),
            glued_list,
            learn_more_url(lambda url: url.replace("https://", "http://", 1), not_https, "en"),
        ),
    ),
]

# What a page may contain: one allow-list (src/faq_site/checks/content_allowlist.py), one address rule.
MISTAKES += [
    Mistake(
        "raw HTML script",
        added_html('<script>alert("x")</script>', element("script", f"{NO_SCRIPT}. Remove it.")),
    ),
    Mistake(
        "raw HTML style element",
        added_html(
            "<style>.md-content { display: none }</style>",
            element(
                "style",
                "the site's look comes from its own stylesheet. Remove it; a developer can change "
                "overrides/assets/stylesheets/extra.css.",
            ),
            "en",
        ),
    ),
    Mistake(
        "raw HTML iframe",
        added_html('<iframe src="https://www.nato.int/"></iframe>', element("iframe", EMBED)),
    ),
    Mistake(
        "raw HTML form",
        added_html('<form action="https://evil.example/"><input name="q"></form>', element("form", FORM)),
    ),
    Mistake(
        "meta refresh",
        added_html(
            '<meta http-equiv="refresh" content="0; url=https://evil.example/">', element("meta", WHOLE_PAGE)
        ),
    ),
    Mistake(
        "base element", added_html('<base href="https://evil.example/">', element("base", WHOLE_PAGE), "en")
    ),
    Mistake(
        "link element",
        added_html('<link rel="stylesheet" href="https://evil.example/x.css">', element("link", WHOLE_PAGE)),
    ),
    Mistake(
        "object with data",
        added_html('<object data="https://evil.example/x.swf"></object>', element("object", EMBED)),
    ),
    Mistake("embed", added_html('<embed src="https://evil.example/x.swf">', element("embed", EMBED), "en")),
    Mistake(
        "video with a poster",
        added_html('<video poster="https://evil.example/p.png"></video>', element("video", EMBED)),
    ),
    Mistake(
        "button with formaction",
        added_html('<button formaction="https://evil.example/">Envoyer</button>', element("button", FORM)),
    ),
    Mistake(
        "inline SVG with xlink:href",
        added_html(
            '<svg><a xlink:href="javascript:alert(1)"><text y="10">x</text></a></svg>',
            element(
                "svg",
                "a drawing is a file: save it in docs/assets/ and show it as an image, "
                "`![description](…/assets/name.svg)`.",
            ),
        ),
    ),
    Mistake(
        "noscript",
        added_html(
            "<noscript>Activez JavaScript.</noscript>",
            element("noscript", f"{NO_SCRIPT}, so there is nothing to replace. Remove it."),
        ),
    ),
    Mistake(
        "element outside the list",
        linked(
            lambda _: "<marquee>Urgent</marquee>",
            lambda _: (
                "the HTML element `<marquee>` is not one a page may contain. Write the text in Markdown "
                "instead (CONTRIBUTING.md lists the HTML a page may use)."
            ),
        ),
    ),
    Mistake(
        "raw HTML event handler",
        linked(lambda _: '<span onmouseover="alert(1)">ici</span>', lambda _: handler("onmouseover", "span")),
    ),
    Mistake("comment that browsers end early", comment_ended_at_once),
    Mistake(
        "attribute list onclick",
        linked(
            lambda _: '[voir](https://www.nato.int/){onclick="alert(1)"}', lambda _: handler("onclick", "a")
        ),
    ),
    Mistake(
        "attribute list onmouseover",
        linked(
            lambda _: '[see](https://www.nato.int/){onmouseover="alert(1)"}',
            lambda _: handler("onmouseover", "a"),
            "en",
        ),
    ),
    Mistake(
        "attribute list style",
        paragraph_attributes(
            'style="display:none"',
            "the attribute `style` on `<p>` changes how the text shows (and can hide it): the site's look "
            "comes from its own stylesheet. Remove `style=…`.",
        ),
    ),
    Mistake(
        "attribute list class",
        paragraph_attributes(
            ".md-sidebar",
            "the class `md-sidebar` is not one a page may use: it could change how the site shows the page. "
            "Remove `.md-sidebar`.",
        ),
    ),
    Mistake(
        "attribute list target",
        linked(
            lambda _: '[voir](https://www.nato.int/){target="_blank"}',
            lambda _: (
                "the attribute `target` is not allowed on `<a>`. Remove it (allowed: `class`, `href`, "
                "`hreflang`, `id`, `lang`, `title`)."
            ),
        ),
    ),
    Mistake(
        "remote image",
        linked(
            lambda _: "![Carte](https://www.nato.int/carte.png)",
            lambda _: f"the image `https://www.nato.int/carte.png` {OTHER_SITE_IMAGE}",
        ),
    ),
    Mistake("image without alt text", image_without_alt),
    Mistake(
        "image whose file is not in docs/assets",
        linked(
            lambda _: "![Carte](../assets/carte-des-allies.png)",
            # MkDocs finds no such file and says so: the allow-list does not repeat it.
            lambda _: (
                "the link `../assets/carte-des-allies.png` leads to no page: there is no such file in "
                "docs/. Check the file name; it is relative to this page's folder."
            ),
        ),
    ),
    Mistake(
        "image that is a page",
        linked(
            lambda _: "![Carte](../index.md)",
            lambda _: (
                "the image `../index.md` is not in docs/assets/: images are files of that folder. Move "
                "it there and show it from there: `![description](…/assets/name.png)`."
            ),
        ),
    ),
    Mistake(
        "srcset with a remote address",
        linked(
            lambda page: (
                f'<img src="../{asset_image(page.docs)}" srcset="https://evil.example/x.png 2x" alt="Logo">'
            ),
            lambda _: f"the image `https://evil.example/x.png` {OTHER_SITE_IMAGE}",
        ),
    ),
    Mistake(
        "link with a backslash before @",
        linked(
            lambda _: "[source](https://evil.example\\@www.nato.int/)",
            refused_link(
                "https://evil.example\\@www.nato.int/",
                BACKSLASH,
            ),
        ),
    ),
    Mistake(
        "raw HTML link with a backslash before @",
        linked(
            lambda _: '<a href="https://evil.example\\@www.nato.int/">source</a>',
            refused_link(
                "https://evil.example\\@www.nato.int/",
                BACKSLASH,
            ),
            "en",
        ),
    ),
    Mistake(
        "link with a user name",
        linked(
            lambda _: "[source](https://www.nato.int@evil.example/)",
            refused_link(
                "https://www.nato.int@evil.example/",
                "has `www.nato.int@` before its host, so it leads to evil.example. Remove everything between "
                "`https://` and `@`.",
            ),
        ),
    ),
    Mistake(
        "javascript link",
        linked(
            lambda _: "[voir](javascript:alert(document.domain))",
            refused_link(
                "javascript:alert(document.domain)",
                "runs code or carries its content in the address (`javascript:`) instead of opening a page. "
                "Link to the page's `https://` address.",
            ),
        ),
    ),
    Mistake(
        "data link",
        linked(
            lambda _: '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">voir</a>',
            refused_link(
                "data:text/html,<script>alert(1)</script>",
                "runs code or carries its content in the address (`data:`) instead of opening a page. "
                "Link to the page's `https://` address.",
            ),
        ),
    ),
    Mistake(
        "link starting with //",
        linked(
            lambda _: "[source](//evil.example/)",
            refused_link(
                "//evil.example/",
                "starts with `//`, so it leads to evil.example, another site. Write the whole address, "
                "`https://…`, or link to a page's .md file.",
            ),
        ),
    ),
    Mistake(
        "link with a malformed bracketed host",
        linked(
            lambda _: "[source](https://[nato.int/)",
            refused_link(
                "https://[nato.int/",
                "is not a valid web address (a `[` or `]` in its host). Copy the address again from the "
                "browser's address bar: `https://…`.",
            ),
        ),
    ),
    Mistake(
        "link to a lookalike domain",
        linked(
            lambda _: "[source](https://www.n\u0430to.int/)",
            refused_link(
                "https://www.n\u0430to.int/",
                "points to www.xn--nto-6cd.int, a name written “www.n\u0430to.int” with letters of another "
                "alphabet that look like Latin ones. Type the address again, letter by letter, or copy it "
                "from the official site.",
            ),
        ),
    ),
    Mistake(
        "link to a host ending with a dot",
        linked(
            lambda _: "[source](https://www.NATO.int./)",
            refused_link(
                "https://www.NATO.int./",
                "ends its host with a dot (`www.nato.int.`), which many sites refuse. Remove that dot: "
                "`www.nato.int`.",
            ),
        ),
    ),
    Mistake(
        "link with a port",
        linked(
            lambda _: "[source](https://www.nato.int:8080/)",
            refused_link(
                "https://www.nato.int:8080/",
                "names a port (`:8080`), which public pages do not need. Remove `:8080`.",
            ),
            "en",
        ),
    ),
    Mistake(
        "link to an IP address",
        linked(
            lambda _: "[source](https://185.199.108.153/)",
            refused_link(
                "https://185.199.108.153/",
                "points to an IP address (185.199.108.153), not a domain name. Use the page's address on its "
                "domain name.",
            ),
        ),
    ),
    Mistake(
        "link to a subdomain lookalike",
        linked(
            lambda _: "[source](https://nato.int.evil.example/)",
            refused_link("https://nato.int.evil.example/", f"points to nato.int.evil.example, {NOT_ALLOWED}"),
        ),
    ),
    Mistake(
        "SVG asset with a script",
        svg_asset(
            "carte-script.svg",
            "<script>alert(1)</script>",
            "this SVG file contains `<script>`, which runs a script or embeds other content.",
        ),
    ),
    Mistake(
        "SVG asset with onload",
        svg_asset(
            "carte-onload.svg",
            '<g onload="alert(1)"/>',
            "this SVG file has an event handler `onload`, which runs a script.",
        ),
    ),
    Mistake(
        "SVG asset with a remote href",
        svg_asset(
            "carte-href.svg",
            '<image href="https://evil.example/x.png" width="8" height="8"/>',
            "this SVG file refers to `https://evil.example/x.png`: a drawing may only refer to its own "
            "parts (`#…`).",
        ),
    ),
]


# Files, text and the generated parts (issue 15, section 2): tests/mistakes_sources.py.
MISTAKES += [Mistake(name, make) for name, make in SOURCE_MISTAKES]
# What docs/assets/ publishes: images only, SVG drawings that are pictures (tests/mistakes_assets.py).
MISTAKES += [Mistake(name, make) for name, make in ASSETS_MISTAKES]
# Characters as readers get them, the site's classes, ids, one-line values: tests/mistakes_text.py.
MISTAKES += [Mistake(name, make) for name, make in TEXT_MISTAKES]
# Addresses as published, written with character references (round 2): tests/mistakes_urls.py.
MISTAKES += [Mistake(name, make) for name, make in URLS_MISTAKES]
# The "all questions" page and the addresses of pages and redirects: tests/mistakes_generated.py.
MISTAKES += [Mistake(name, make) for name, make in GENERATED_MISTAKES]
# What snippets would include, and the About page's publisher and contact: tests/mistakes_presentation.py.
MISTAKES += [Mistake(name, make) for name, make in PRESENTATION_MISTAKES]
# The old names of a renamed page (`renamed_from`): tests/mistakes_renames.py.
MISTAKES += [Mistake(name, make) for name, make in RENAMES_MISTAKES]
# The withdrawn questions the "all questions" page lists (`withdrawn`): tests/mistakes_withdrawn.py.
MISTAKES += [Mistake(name, make) for name, make in WITHDRAWN_MISTAKES]
# Last, so that the mistakes above keep the questions they land on (tests/grouped_builds.py).
MISTAKES += [Mistake("number of questions misspelt in a description", count_misspelt)]
MISTAKES += [Mistake("front matter value repeated by a YAML alias", yaml_alias)]

# The mistakes that need the whole site, built (tests/grouped_builds.py), by what they need. Every
# other mistake is on its own pages: those pages and their other language's are checked as the
# build checks them, without a build (tests/fixture_checks.py). Those that stop the build before any
# page is rendered are built alone (with others, they would hide the others' lines); the others
# share builds.
STOPS_BEFORE_PAGES = {
    "the files of docs/ (names, places, encodings, links, types, files added or deleted): the build "
    "stops when it collects them": [
        "missing English version",
        "missing French version",
        "file not in UTF-8",
        "file name with spaces",
        "file name with accents",
        "file name with capitals",
        "file name with an underscore",
        "French page with .fr.md",
        "page named like a language",
        "unknown language suffix",
        "Finder copy",
        "Windows copy of an English page",
        "page in a sub-folder",
        "page with .markdown",
        "stray text file",
        "stray image outside assets",
        "Word lock file",
        "editor's backup file",
        "symbolic link to a file outside docs/",
        "symbolic links that loop",
        "symbolic link among the assets",
        "About page deleted",
        "home page deleted",
        "all-questions page deleted",
        "every question deleted",
        "web pages in docs/assets/",
        "a stylesheet and a script in docs/assets/",
        "page at the address of the all questions page",
    ],
    "the glossaries (glossary/), read when the files are collected": [
        "a glossary includes a file",
        "a glossary of no language",
    ],
    "a page too long or nested too deep: the build stops when it reads the pages, before any is rendered": [
        "page over the size limit",
        "lists nested too deep",
    ],
    "the settings (mkdocs.yml), read before any page": [
        "allowed domains as a text instead of a list",
        "no faq settings",
        "MkDocs setting of the wrong kind",
        "allowed domain that is a top-level domain",
        "allowed domain written as an address",
        "allowed domain with a wildcard",
    ],
}
WHOLE_SITE = {
    "the drawings of docs/assets/, read when the files are collected": [
        "SVG asset with a script",
        "SVG asset with onload",
        "SVG asset with a remote href",
        "SVG asset with an xml-stylesheet instruction",
        "SVG asset with CSS in style elements",
        "SVG asset with a style attribute",
        "SVG asset with addresses in presentation attributes",
    ],
    "every question's number, and the order they make": [
        "two questions with the same number",
        "a gap in the numbering",
        "twins with different numbers",
        "number far past the others",
        "last question numbered one too high",
    ],
    "both languages' headings at once (twins have the same ids)": [
        "twins with different heading ids",
        "heading without an explicit id",
        "heading id with capitals",
        "heading id reused",
    ],
    "another page's headings, or this page's once rendered: MkDocs checks anchors after every page": [
        "link to an anchor that does not exist",
        "link to an anchor of the same page that does not exist",
    ],
    "the About page, whose links to the repository and publisher the build writes (readers/about.py, "
    "readers/unofficial.py)": [
        "an About page without its publisher",
        "invisible characters written as YAML escapes in a description",
        "old name that is the address of the all questions page",
    ],
    'the "all questions" page, which joins every answer': [
        "link reference defined in two questions",
        "link reference defined only in another question",
    ],
    "every page's old names at once (renamed_from)": [
        "old name of a page still published",
        "old name in the French file only",
        "old name in the English file only",
        "different old names in the two languages",
        "one old name for two pages",
    ],
    "the withdrawn questions against every page and both languages' lists (withdrawn)": WITHDRAWN_BUILT,
}
# Built alone though the build goes on: the page its message names besides its own (the renamed
# question whose old name it lists) is one the renamed_from mistakes change, in any group.
BUILT_ALONE = {"withdrawn question that was renamed"}
ALONE = {name for names in STOPS_BEFORE_PAGES.values() for name in names} | BUILT_ALONE
BUILT = ALONE | {name for names in WHOLE_SITE.values() for name in names}
ON_ITS_PAGES = [mistake for mistake in MISTAKES if mistake.name not in BUILT]


@pytest.fixture(scope="module")
def original_docs() -> dict[str, str]:
    return snapshot(FIXTURE / "docs")


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Each mistake this run selected (`-k`…: conftest's `selected`) made and built, with others on
    different pages where it can be (tests/grouped_builds.py): in-process, in few builds."""
    chosen = [mistake for mistake in selected(request, "mistake") if mistake.name in BUILT]
    return build_mistakes(chosen, tmp_path_factory.mktemp("mistakes"), on_their_own=ALONE)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Scratch:
    """A copy of the fixture every mistake on its own pages is made in, in turn."""
    return Scratch(tmp_path_factory.mktemp("pages"))


@pytest.mark.parametrize(
    ("question", "page_mistake"),
    [pytest.param(index, mistake, id=mistake.name) for index, mistake in enumerate(ON_ITS_PAGES)],
)
def test_mistake_on_its_pages_gives_its_message(
    question: int, page_mistake: Mistake, scratch: Scratch
) -> None:
    """The mistake made on its pages, spread over every question as editors' edits are (the n-th
    mistake on the n-th question, in turn): those pages, checked as the build checks them, give
    exactly the expected lines."""
    assert_made_on_its_pages(page_mistake, question % len(questions(scratch.docs)), scratch)


# Questions of the fixture whose shape once made the plugin word a mistake wrongly (each a defect,
# fixed): the mistake is made there too, wherever the rotation above puts it.
SHAPES_THAT_SHOWED_A_DEFECT = [
    # Its front matter's `renamed_from: [x]`: YAML reads an indented line after it as a mapping.
    ("indented front matter line", "support-since-crimea"),
    # A Markdown image of the same address above the raw HTML `<img>`.
    ("HTML image relative to the Markdown file", "support-since-crimea"),
    # A one-line comment already in its learn-more section.
    ("learn-more list in a comment", "allied-help-to-ukraine"),
    # Its twin's heading ids differ (the learn-more heading swallowed), in either language.
    ("HTML element never closed", "nato-in-brief"),
    ("HTML element never closed in English", "nato-in-brief"),
]


@pytest.mark.parametrize(
    ("name", "slug"), [pytest.param(*shape, id=" on ".join(shape)) for shape in SHAPES_THAT_SHOWED_A_DEFECT]
)
def test_mistake_on_the_question_that_showed_a_defect_gives_its_message(
    name: str, slug: str, scratch: Scratch
) -> None:
    mistake = next(mistake for mistake in ON_ITS_PAGES if mistake.name == name)
    slugs = [page.slug for page in questions(scratch.docs)]
    assert_made_on_its_pages(mistake, slugs.index(slug), scratch)


def assert_made_on_its_pages(mistake: Mistake, question: int, scratch: Scratch) -> None:
    made = scratch.make(mistake.name, mistake.make, question)
    pages = {path.removeprefix(f"{FIXTURE_PLACE.as_posix()}/docs/") for path in made.files}
    assert all(path.endswith(".md") and isinstance(made.files[path], bytes) for path in made.files) and all(
        f"{FIXTURE_PLACE.as_posix()}/docs/" in path for path in made.files
    ), f"{mistake.name} changes more than pages ({', '.join(made.files)}): it needs a build (WHOLE_SITE)"
    with scratch.applied(made) as docs:
        found = check_pages(docs, pages)
    expected = sorted(made.made, key=sort_key)
    assert found == expected, "\n".join(["FOUND:", *found, "EXPECTED:", *expected])


@pytest.mark.parametrize(
    "mistake", [mistake for mistake in MISTAKES if mistake.name in BUILT], ids=lambda m: m.name
)
def test_mistake_stops_the_build_with_its_message(
    mistake: Mistake, outcomes: dict[str, Outcome], original_docs: dict[str, str]
) -> None:
    outcome = outcomes[mistake.name]
    result, expected = outcome.result, outcome.expected

    assert result.returncode != 0, f"the build passed despite: {mistake.name}\n{result.output}"
    assert "Traceback" not in result.output, result.output
    if not expected[0].startswith("docs/"):  # a settings mistake
        assert expected[0] in result.output, result.output
        assert "docs/" not in result.output, result.output  # the settings, not thirty pages
    else:
        # Exactly the expected problems, each on one line, sorted as the build sorts them.
        found = problem_lines(result.output)
        assert found == sorted(expected, key=sort_key), "\n".join(["FOUND:", *found, "EXPECTED:", *expected])
        count = len(expected)
        assert f"The FAQ has {count} problem{'s' if count > 1 else ''} to fix" in result.output
    # One message per problem, for the file the editor changed: the "all
    # questions" page, which repeats every answer, does not report it again
    # (unless the mistake is about that page itself).
    if not any("faq/index" in line for line in expected):
        assert "faq/index" not in result.output, result.output
    # Nothing the editor wrote is lost or rewritten, in the copy or in the fixture it came from.
    assert snapshot(outcome.docs) == outcome.before
    assert snapshot(FIXTURE / "docs") == original_docs


def test_every_build_annotates_each_problem_on_its_file_and_line(outcomes: dict[str, Outcome]) -> None:
    """CI's problem matcher (tests/problem_matcher.py, as GitHub's runner runs it) over the real
    output of every build above: one annotation per problem line, with its file (of the project, as
    GitHub needs it), line and message; no other line gives one."""
    builds = list({outcome.group: outcome for outcome in outcomes.values()}.values())
    if not builds:
        pytest.skip("this run selected no mistake that is built")
    for outcome, annotated in zip(builds, annotate_each([b.result.output for b in builds]), strict=True):
        expected = [expected_annotation(line) for line in outcome.expected]
        assert sorted(annotated, key=str) == sorted(expected, key=str), outcome.result.output
        assert all(
            file in (None, "mkdocs.yml") or file.startswith(("docs/", "glossary/"))
            for file, _, _ in annotated
        )


def test_at_least_sixty_distinct_mistakes() -> None:
    assert len({mistake.name for mistake in MISTAKES}) == len(MISTAKES) >= 60
    assert {mistake.name for mistake in MISTAKES} >= BUILT, "WHOLE_SITE names a mistake there is not"


def test_the_unbroken_copy_builds(fixture_site: Site) -> None:
    # The mistakes above are the only reason those builds fail: the fixture builds, strictly.
    assert "WARNING" not in fixture_site.output


def guide_messages() -> list[str]:
    """The messages of CONTRIBUTING.md's table "What the messages mean"."""
    text = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## What the messages mean", 1)[1].split("\n## ", 1)[0]
    return [match[1].strip() for match in re.finditer(r"^\| ``(.+?)`` \|", section, re.MULTILINE)]


def as_pattern(template: str) -> re.Pattern[str]:
    """`docs/x:N: … `…` …` -> a regular expression: x, y any file, N any line, … anything."""
    pattern = re.escape(template).replace("…", ".*?").replace(":N:", r":\d+:")
    return re.compile(pattern.replace("docs/x", "docs/.+?").replace("docs/y", "docs/.+?"))


def test_the_guide_explains_every_message_and_only_those(scratch: Scratch) -> None:
    # The messages each mistake expects (the tests above check them against the build).
    # The checks' messages no mistake below makes (tests/test_language_checks.py, test_content_allowlist.py,
    # test_csp.py, test_config_file.py, test_record.py).
    messages = guide_examples() + published_page_examples() + script_problem_examples() + settings_examples()
    messages += translation_message_examples()
    messages += record_examples() + page_text_examples()
    for mistake in MISTAKES:
        messages += scratch.make(mistake.name, mistake.make, 0).made
    templates = guide_messages()
    patterns = [as_pattern(template) for template in templates]
    unexplained = [message for message in messages if not any(p.fullmatch(message) for p in patterns)]
    assert not unexplained, "CONTRIBUTING.md does not explain:\n" + "\n".join(unexplained)
    unused = [
        t for t, p in zip(templates, patterns, strict=True) if not any(p.fullmatch(m) for m in messages)
    ]
    assert not unused, "CONTRIBUTING.md explains messages the build does not give:\n" + "\n".join(unused)


def test_the_mkdocs_command_stops_with_every_problem_of_both_languages(
    project_copy: Path, tmp_path: Path
) -> None:
    """The real `mkdocs build --strict` (not tests/batch_build.py): one sorted list, exit status 1."""
    mistake = next(m for m in MISTAKES if m.name == "mistakes in both languages, found at different stages")
    expected = mistake.make(project_copy / "docs")
    result = build_with_the_command(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 1, result.output
    assert "Traceback" not in result.output, result.output
    assert problem_lines(result.output) == sorted(expected, key=sort_key), result.output
    assert result.output.count("The FAQ has 3 problems to fix") == 1, result.output
    assert "Aborted with a BuildError!" in result.output

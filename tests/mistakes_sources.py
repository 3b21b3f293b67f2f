"""Editor mistakes about files, text and the generated parts (issue 15, section 2).

Each `make(docs)` makes one mistake in a copy's docs/ (of the tests' FAQ site), found by the
pages' structure (tests/page_editing.py), never by their wording, and returns the exact
lines the build must print. tests/test_editor_errors.py adds them to its
MISTAKES: they are built in the same batch, and CONTRIBUTING.md's table must
explain each message.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from grouped_builds import first
from page_editing import SourcePage, questions

Make = Callable[[Path], list[str]]
HOME_MARKER = "<!-- faq:questions -->"
ANSWERS_MARKER = "<!-- faq:answers -->"


# -- files ---------------------------------------------------------------------------------------


def symlink(target: str) -> str:
    return (
        f"is a symbolic link (to `{target}`), not a file: the site would publish whatever it points to. "
        "Replace the link with a copy of the file itself, or delete it."
    )


def link_to_a_file_outside(docs: Path) -> list[str]:
    secret = docs.parent / "secret.txt"
    secret.write_text("the build machine's file", encoding="utf-8")
    (docs / "faq" / "notes.md").symlink_to(secret)
    return [f"docs/faq/notes.md: {symlink(str(secret))}"]


def link_loops(docs: Path) -> list[str]:
    (docs / "faq" / "loop").symlink_to("..", target_is_directory=True)
    (docs / "assets" / "again").symlink_to(".", target_is_directory=True)
    return [f"docs/assets/again: {symlink('.')}", f"docs/faq/loop: {symlink('..')}"]


def link_in_assets(docs: Path) -> list[str]:
    image = docs.parent / "photo.svg"
    image.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    os.symlink(os.path.relpath(image, docs / "assets"), docs / "assets" / "photo.svg")
    return [f"docs/assets/photo.svg: {symlink('../../photo.svg')}"]


# -- conflict markers -------------------------------------------------------------------------------


def conflict(first_line: int, *others: tuple[str, int]) -> str:
    markers = [("<<<<<<<", first_line), *others]
    where = ", ".join(f"`{marker}` (line {line})" for marker, line in markers[:-1])
    last, line = markers[-1]
    return (
        f"an unresolved merge conflict: git's marker lines {where} and `{last}` (line {line}) "
        "are still there, "
        "around two versions of the same text. Keep the right version, and delete the marker lines."
    )


def conflict_in_answer(docs: Path) -> list[str]:
    page = first(docs)
    line = page.answer_line()
    text = page.line(line)
    page.set(line, text.replace(" ", "  ", 1))
    page.insert(line, "<<<<<<< HEAD", text, "=======")
    page.insert(line + 4, ">>>>>>> relecture")
    return [f"{page.where}:{line}: {conflict(line, ('=======', line + 2), ('>>>>>>>', line + 4))}"]


def conflict_in_front_matter(docs: Path) -> list[str]:
    page = first(docs, "en", 1)
    line = page.description_line()
    text = page.line(line)
    page.insert(line, "<<<<<<< HEAD", text, "||||||| base", text, "=======")
    page.insert(line + 6, ">>>>>>> update")
    expected = conflict(line, ("|||||||", line + 2), ("=======", line + 4), (">>>>>>>", line + 6))
    return [f"{page.where}:{line}: {expected}"]


def lone_marker(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.answer_end() + 1
    page.insert(line, ">>>>>>> main")
    return [
        f"{page.where}:{line}: the line `>>>>>>> main` is a merge-conflict marker left by git. "
        "Delete it, and "
        "check that the text around it says what it should, once."
    ]


# -- invisible characters ----------------------------------------------------------------------------


def invisible(name: str, before: str, count: int = 1) -> str:
    what = (
        f"an invisible character, {name}, {before}"
        if count == 1
        else f"{count} invisible characters {name}, the first {before}"
    )
    return (
        f"has {what}. Readers do not see it, but it changes how the text is searched, read aloud and copied. "
        f"Delete {'it' if count == 1 else 'them'}."
    )


def after_text(text: str) -> str:
    return f"after “{text[-20:].lstrip()}”"


def zero_width_space(docs: Path) -> list[str]:
    page = first(docs)
    line = page.answer_line()
    text = page.line(line)
    cut = text.index(" ", 10)
    page.set(line, text[:cut] + "\u200b" + text[cut:])
    return [f"{page.where}:{line}: {invisible('U+200B zero-width space', after_text(text[:cut]))}"]


def soft_hyphens(docs: Path) -> list[str]:
    page = first(docs, "en", 1)
    line = page.answer_line()
    words = page.line(line).split(" ")
    cut = next(index for index, word in enumerate(words) if len(word) > 6)
    before = " ".join(words[:cut] + [words[cut][:3]])
    words[cut] = words[cut][:3] + "\u00ad" + words[cut][3:]
    words[cut + 1 :] = [
        word[:2] + "\u00ad" + word[2:] if len(word) > 6 else word for word in words[cut + 1 :]
    ]
    page.set(line, " ".join(words))
    count = page.line(line).count("\u00ad")
    return [f"{page.where}:{line}: {invisible('U+00AD soft hyphen', after_text(before), count)}"]


def bidi_override_in_description(docs: Path) -> list[str]:
    page = first(docs, "fr", 2)
    line = page.description_line()
    page.set(line, page.line(line).replace('"', '"\u202e', 1))
    before = page.line(line).split("\u202e")[0]
    return [f"{page.where}:{line}: {invisible('U+202E right-to-left override', after_text(before))}"]


def invisible_link_text(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.append_to_answer(" [\u200b](https://www.nato.int/)")
    before = page.line(line).split("\u200b")[0]
    return [f"{page.where}:{line}: {invisible('U+200B zero-width space', after_text(before))}"]


def joiner_in_an_id(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.heading_line("learn-more")
    text = page.line(line)
    page.set(line, text.replace("{#learn-more}", "{#learn\u200d-more}"))
    before = text.split("{#learn-more}")[0] + "{#learn"
    return [f"{page.where}:{line}: {invisible('U+200D zero-width joiner', after_text(before))}"]


# -- generated parts and required pages --------------------------------------------------------------


def marker_line(page: SourcePage, marker: str) -> int:
    return page.lines().index(marker) + 1


def marker_twice(docs: Path) -> list[str]:
    home = SourcePage(docs, "index.md")
    line = marker_line(home, HOME_MARKER)
    home.insert(line + 1, "", HOME_MARKER)
    return [
        f"docs/index.md:{line + 2}: the line `{HOME_MARKER}` is there 2 times (lines {line}, "
        f"{line + 2}): the "
        "build writes the list of questions once. Keep one of them."
    ]


def marker_with_text(docs: Path) -> list[str]:
    home = SourcePage(docs, "index.en.md")
    line = marker_line(home, HOME_MARKER)
    home.set(line, f"The questions: {HOME_MARKER}")
    return [
        f"docs/index.en.md:{line}: the line `{HOME_MARKER}` must stand alone on its line: the build replaces "
        "the whole line with the list of questions. Put the rest of this line on a line of its own, with an "
        "empty line between."
    ]


def marker_without_spaces(docs: Path) -> list[str]:
    home = SourcePage(docs, "index.md")
    line = marker_line(home, HOME_MARKER)
    home.set(line, HOME_MARKER.replace(" ", ""))
    return [
        f"docs/index.md:{line}: the line `{HOME_MARKER.replace(' ', '')}` must be written exactly "
        f"`{HOME_MARKER}`, with its spaces: the build looks for that line to write the list of questions in "
        "its place."
    ]


def item_under_the_list(docs: Path) -> list[str]:
    home = SourcePage(docs, "index.md")
    line = marker_line(home, HOME_MARKER) + 1
    count = len(questions(docs))
    home.insert(line, f"{count + 1}. [{first(docs).slug}](faq/{first(docs).slug}.md)")
    return [
        f"docs/index.md:{line}: this list item stands under the line `{HOME_MARKER}`, where the build writes "
        "the list of questions, and would join it. The list is made from the question files in docs/faq/: to "
        "add a question, add its two files; otherwise leave an empty line and a sentence between."
    ]


def text_glued_above_the_list(docs: Path) -> list[str]:
    home = SourcePage(docs, "index.en.md")
    line = marker_line(home, HOME_MARKER)
    home.insert(line, "The questions:")
    return [
        f"docs/index.en.md:{line}: this line stands above the line `{HOME_MARKER}`, where the build writes "
        "the list of questions, and would join it. Leave an empty line between them."
    ]


def text_after_the_answers(docs: Path) -> list[str]:
    page = SourcePage(docs, "faq/index.md")
    page.write([*page.lines(), "", "Merci de votre lecture."])
    line = len(page.lines())
    return [
        f"docs/faq/index.md:{line}: this text follows the line "
        f"`{ANSWERS_MARKER}`, where the build writes every answer, to the end of the page: "
        "readers would take "
        "it for part of the last answer. Move it above that line, or delete it."
    ]


def answers_marker_on_a_question(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.after_answer(ANSWERS_MARKER)
    return [
        f"{page.where}:{line}: the line `{ANSWERS_MARKER}` only works on the “all questions” page, "
        "docs/faq/index.md; here the build writes nothing in its place. Delete it."
    ]


def missing(page: str, purpose: str) -> Make:
    def make(docs: Path) -> list[str]:
        french = SourcePage(docs, page)
        french.path.unlink()
        french.twin.path.unlink()
        return [
            f"docs/{page}: is missing, in every language: {purpose}. Put back docs/{page} and "
            f"{french.twin.where} (on GitHub, from the history of the folder, or by undoing the deletion in "
            "your pull request)."
        ]

    return make


def no_question(docs: Path) -> list[str]:
    for language in ("fr", "en"):
        for page in questions(docs, language):
            page.path.unlink()
    return [
        "docs/faq/: has no question: the site publishes none. Put back the questions' files, or add one (its "
        "two files, such as docs/faq/nato-summits.md and docs/faq/nato-summits.en.md, with `number: 1`)."
    ]


# -- Markdown that does not render as written -------------------------------------------------------


def emphasis(marker: str, role: str, context: str) -> str:
    what = {1: "italics", 2: "bold", 3: "bold italics"}[len(marker)]
    escaped = "\\" + "\\".join(marker)
    return (
        f"the `{marker}` {context} {role.format(what=what)}, so readers see it as text. Put "
        f"`{marker}` on both "
        f"sides of the words, with no space inside (`{marker}words{marker}`), or write "
        f"`{escaped}` to show it "
        "as it is."
    )


def unclosed_bold(docs: Path) -> list[str]:
    page = first(docs)
    line = page.append_to_answer(" **Important.")
    return [
        f"{page.where}:{line}: {emphasis('**', 'opens {what} that is never closed', 'before “Important.”')}"
    ]


def unclosed_italics(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.append_to_answer(" _Note")
    return [f"{page.where}:{line}: {emphasis('_', 'opens {what} that is never closed', 'before “Note”')}"]


def unopened_italics(docs: Path) -> list[str]:
    page = first(docs, "fr", 1)
    line = page.append_to_answer(" essentiel*")
    return [
        f"{page.where}:{line}: {emphasis('*', 'closes {what} that was never opened', 'after “essentiel”')}"
    ]


def bold_apart(docs: Path) -> list[str]:
    page = first(docs, "en", 2)
    line = page.append_to_answer(" It is ** important ** to note.")
    return [
        f"{page.where}:{line}: the `**` after “{word}” has a space on each side, so readers see it as text. "
        "Put it against the words, with no space inside (`**words**`), or delete it."
        for word in ("is", "important")
    ]


def footnote(docs: Path) -> list[str]:
    page = first(docs)
    line = page.append_to_answer("[^1]")
    note = page.after_answer("[^1]: Source : OTAN.")
    message = (
        "readers see `[^1]` as text: footnotes are not enabled on this site. Put the note in "
        "the text itself, "
        "in parentheses or in a sentence of its own."
    )
    return [f"{page.where}:{line}: {message}", f"{page.where}:{note}: {message}"]


def split_link(space: str, kind: str, language: str) -> Make:
    def make(docs: Path) -> list[str]:
        page = first(docs, language, 1)
        url = page.first_link()[2]
        line = page.append_to_answer(f" [NATO]{space}({url})")
        return [
            f"{page.where}:{line}: readers see `[NATO] ({url})` as text, not a link: there is {kind} between "
            f"`]` and `(`. Write them together: `[NATO]({url})`."
        ]

    return make


def link_split_by_a_line_break(docs: Path) -> list[str]:
    page = first(docs, "fr", 2)
    url = page.first_link()[2]
    line = page.after_answer("Voir [OTAN]", f"({url}).")
    return [
        f"{page.where}:{line}: readers see `[OTAN] ({url})` as text, not a link: there is a line break "
        f"between `]` and `(`. Write them together: `[OTAN]({url})`."
    ]


def stray_closing_tag(docs: Path) -> list[str]:
    page = first(docs)
    line = page.after_answer("</div>")
    return [
        f"{page.where}:{line}: the closing tag `</div>` closes no element: there is no `<div>` "
        "open before it. "
        "Delete it, or add the `<div>` where the element starts."
    ]


def inline_tag_left_open(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.append_to_answer(" <strong>Important.")
    return [
        f"{page.where}:{line}: the HTML element `<strong>` is not closed before the end of its paragraph, so "
        "it runs on into the rest of the page. Close it with `</strong>` in the same paragraph, or write "
        "Markdown instead of HTML."
    ]


def underlined_heading(docs: Path) -> list[str]:
    page = first(docs, "fr", 1)
    line = page.after_answer("Contexte", "---")
    return [
        f"{page.where}:{line}: the heading “Contexte” is underlined with `---` on the next line, "
        "so it has no "
        "explicit id. Write it on one line with its id: `## Contexte {#id}` (the same id in both languages); "
        "for a horizontal line instead, leave an empty line above the `---`."
    ]


def html_heading(docs: Path) -> list[str]:
    page = first(docs, "en", 1)
    line = page.after_answer("<h2>Background</h2>")
    return [
        f"{page.where}:{line}: the heading `<h2>` “Background” is written in HTML, so it has no "
        "id and is left "
        "out of the page's table of contents. Write it in Markdown with its id: `## Background {#id}` (the "
        "same id in both languages)."
    ]


# -- messages: numbers, links to a language's file, figures, allowed domains ------------------------


def number(value: str, message: Callable[[str], str], language: str = "fr") -> Make:
    def make(docs: Path) -> list[str]:
        page = first(docs, language, 1)
        line = page.key_line("number")
        page.set(line, f"number: {value}")
        return [f"{page.where}:{line}: {message(page.value('number'))}"]

    return make


def far_number(docs: Path) -> list[str]:
    count = len(questions(docs))
    two = first(docs, "fr", 1)
    for page in (two, two.twin):
        page.set(page.key_line("number"), "number: 999")
    return [
        f"{two.where}:{two.key_line('number')}: has number 999, but there are {count} questions and none has "
        "number 2. Give it number 2, in both languages (the questions are numbered 1, 2, 3… with no gap)."
    ]


def last_number_too_high(docs: Path) -> list[str]:
    count = len(questions(docs))
    last = questions(docs)[-1]
    for page in (last, last.twin):
        page.set(page.key_line("number"), f"number: {count + 1}")
    return [
        f"{last.where}:{last.key_line('number')}: has number {count + 1}, but no question has number "
        f"{count}. Number the questions 1, 2, 3… with no gap."
    ]


def link_to_a_language_file(docs: Path) -> list[str]:
    page, other = first(docs, "en"), first(docs, "en", 1)
    target = f"{other.slug}.en.md#learn-more"
    line = page.append_to_answer(f" [See also]({target})")
    return [
        f"{page.where}:{line}: the link `{target}` names one language's file. Link "
        f"`{other.slug}.md#learn-more` "
        "instead: the site leads each language's readers to their own version of it."
    ]


def french_thousands_with_a_point(docs: Path) -> list[str]:
    page = first(docs)
    line = page.append_to_answer(" Plus de 40.000 soldats.")
    return [
        f"{page.where}:{line}: the figure “40.000” groups its thousands with a point, which French readers "
        "take for a decimal point. Write it the French way, with a space: `40 000`."
    ]


def french_thousands_with_a_comma(docs: Path) -> list[str]:
    page = first(docs, "fr", 1)
    line = page.append_to_answer(" Plus de 300,000 soldats.")
    return [
        f"{page.where}:{line}: the figure “300,000” groups its thousands with a comma, which French readers "
        "take for a decimal comma. Write it the French way, with a space: `300 000`."
    ]


def allowed_domain(entry: str, message: str) -> Make:
    def make(docs: Path) -> list[str]:
        config = docs.parent / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        old = "allowed_link_domains:\n"
        assert old in text
        indent = text.split(old, 1)[1].split("-", 1)[0]
        config.write_text(text.replace(old, f"{old}{indent}- {entry!r}\n", 1), encoding="utf-8")
        return [f"Config value 'plugins': Plugin 'faq' option 'allowed_link_domains': {message}"]

    return make


SETTING = "plugins.faq.allowed_link_domains"


def page_too_long(docs: Path) -> list[str]:
    page = first(docs)
    page.append_to_answer(" Texte." * 30_000)
    size = len(page.path.read_bytes()) // 1000
    return [
        f"{page.where}: is {size} KB: a page may be 200 KB at most (a question is about 3 KB). Split it "
        "into several pages, or shorten it."
    ]


def lists_nested_too_deep(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.after_answer(*(" " * 4 * level + "- item" for level in range(60)))
    return [
        f"{page.where}:{line + 59}: the text here is nested 60 levels deep (lists, quotations, emphasis or "
        "brackets one inside another): a page may nest 50 at most. Write it with fewer levels."
    ]


SOURCE_MISTAKES: list[tuple[str, Make]] = [
    # Too long or nested too deep to render
    ("page over the size limit", page_too_long),
    ("lists nested too deep", lists_nested_too_deep),
    # Files
    ("symbolic link to a file outside docs/", link_to_a_file_outside),
    ("symbolic links that loop", link_loops),
    ("symbolic link among the assets", link_in_assets),
    # Conflict markers
    ("merge conflict in an answer", conflict_in_answer),
    ("merge conflict in the front matter", conflict_in_front_matter),
    ("merge-conflict marker left alone", lone_marker),
    # Invisible characters
    ("zero-width space in an answer", zero_width_space),
    ("soft hyphens pasted in an answer", soft_hyphens),
    ("right-to-left override in a description", bidi_override_in_description),
    ("link whose only text is invisible", invisible_link_text),
    ("zero-width joiner in a heading id", joiner_in_an_id),
    # Generated parts and required pages
    ("home list marker twice", marker_twice),
    ("home list marker with text on its line", marker_with_text),
    ("home list marker written without its spaces", marker_without_spaces),
    ("hand-written item under the home list", item_under_the_list),
    ("text glued above the home list", text_glued_above_the_list),
    ("text after the answers of the all-questions page", text_after_the_answers),
    ("answers marker on a question page", answers_marker_on_a_question),
    (
        "About page deleted",
        missing(
            "about.md",
            "the About page, linked from every page, says who publishes the site and how it treats readers",
        ),
    ),
    ("home page deleted", missing("index.md", "the home page, where the site opens, lists the questions")),
    (
        "all-questions page deleted",
        missing("faq/index.md", "the “all questions” page, linked from the home page, has every answer"),
    ),
    ("every question deleted", no_question),
    # Markdown that does not render as written
    ("bold never closed", unclosed_bold),
    ("italics never closed", unclosed_italics),
    ("italics closed but never opened", unopened_italics),
    ("bold with a space on each side", bold_apart),
    ("footnote syntax", footnote),
    ("link split by a line break", link_split_by_a_line_break),
    ("space between a link's ] and (", split_link(" ", "a space", "fr")),
    ("no-break space between a link's ] and (", split_link("\u00a0", "a no-break space", "en")),
    ("stray closing tag", stray_closing_tag),
    ("inline HTML element left open", inline_tag_left_open),
    ("heading underlined with ---", underlined_heading),
    ("heading in HTML", html_heading),
    # Messages
    (
        "number in quotes",
        number(
            '"2"',
            lambda _: (
                '`number: "2"` is in quotes, so it is read as text, not as a number. Remove the quotes: '
                "`number: 2`."
            ),
        ),
    ),
    (
        "number zero",
        number(
            "0",
            lambda _: (
                "`number` is the question's place, 1 or more, not 0. Write it like `number: 3`, and number "
                "the questions 1, 2, 3…"
            ),
            "en",
        ),
    ),
    (
        "negative number",
        number(
            "-2",
            lambda _: (
                "`number` is the question's place, 1 or more, not -2. Write it like `number: 3`, and "
                "number the questions 1, 2, 3…"
            ),
        ),
    ),
    ("number far past the others", far_number),
    ("last question numbered one too high", last_number_too_high),
    ("link to a page's English file", link_to_a_language_file),
    ("French figure with a point between thousands", french_thousands_with_a_point),
    ("French figure with a comma between thousands", french_thousands_with_a_comma),
    (
        "allowed domain that is a top-level domain",
        allowed_domain(
            "int",
            "`int` is a suffix that many sites share (like `int` or `co.uk`), not one site's "
            "domain: it would "
            f"allow them all. In {SETTING}, write the site's own domain, such as `nato.int`.",
        ),
    ),
    (
        "allowed domain written as an address",
        allowed_domain(
            "https://www.nato.int/",
            f"`https://www.nato.int/` is an address, not a domain. In {SETTING}, write the domain alone: "
            "`www.nato.int`.",
        ),
    ),
    (
        "allowed domain with a wildcard",
        allowed_domain(
            "*.nato.int",
            f"`*.nato.int` has a wildcard. In {SETTING}, a domain allows its subdomains already: write "
            "`nato.int`.",
        ),
    ),
]

"""The parts of pages the build writes, and the pages the site cannot do without.

The home page's list of questions and the "all questions" page are written by
the build, each in place of one marker line (`<!-- faq:questions -->`,
`<!-- faq:answers -->`). The marker must be there once, alone on its line, on
its own page, and nothing hand-written may stand where the build writes: a
list item or a line of text touching the home page's marker would join the
generated list (Markdown continues a list across an empty line), and whatever
follows the "all questions" marker would read as part of the last answer.

The site has a home page, an "all questions" page, an About page (every page
links to it) and at least one question. A file deleted by mistake is named,
with what it is for, instead of a navigation warning or an empty site.

Pure: the page's text in, `(line, message)` findings out.
"""

from __future__ import annotations

import re

from faq_site.languages import Languages
from faq_site.messages.problems import Problem
from faq_site.sources.names import ALL_QUESTIONS, HOME, MARKERS
from faq_site.sources.page import MarkdownPage

Finding = tuple[int | None, str]
# What the build writes in place of each marker, and whether it writes to the end of the page.
WRITES = {HOME: ("the list of questions", False), ALL_QUESTIONS: ("every answer", True)}
PAGES = {HOME: "the home page, docs/index.md", ALL_QUESTIONS: "the “all questions” page, docs/faq/index.md"}
# The pages the site cannot do without, and what each is for.
REQUIRED = {
    HOME: "the home page, where the site opens, lists the questions",
    ALL_QUESTIONS: "the “all questions” page, linked from the home page, has every answer",
    "about.md": (
        "the About page, linked from every page, says who publishes the site and how it treats readers"
    ),
}

_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])(?:[ \t]|$)")
_INDENTED = re.compile(r"^(?: {4}|\t)")


def _is_list_line(line: str) -> bool:
    return bool(_LIST_ITEM.match(line) or _INDENTED.match(line))


def marker_problems(text: str, marker: str, writes_to_end: bool, what: str) -> list[Finding]:
    """What is wrong around the marker of a page the build writes into.

    `what` says what the build writes there ("the list of questions");
    `writes_to_end`: the build writes from the marker to the end of the page.
    """
    lines = text.split("\n")
    found = [number for number, line in enumerate(lines, start=1) if marker in line]
    if not found:
        loose = re.compile(r"<!--\s*" + re.escape(marker[4:-3].strip()) + r"\s*-->", re.I)
        near = [(n, m[0]) for n, line in enumerate(lines, start=1) if (m := loose.search(line))]
        if near:
            number, written = near[0]
            return [
                (
                    number,
                    f"the line `{written}` must be written exactly `{marker}`, with its spaces: the build "
                    f"looks for that line to write {what} in its place.",
                )
            ]
        return [
            (
                None,
                f"the line `{marker}` is missing. Put it back where the site should list the questions; "
                "it is filled in at build time.",
            )
        ]
    findings: list[Finding] = []
    if len(found) > 1:
        findings.append(
            (
                found[1],
                f"the line `{marker}` is there {len(found)} times (lines {', '.join(map(str, found))}): the "
                f"build writes {what} once. Keep one of them.",
            )
        )
    number = found[0]
    line = lines[number - 1]
    if line.strip() != marker:
        return findings + [
            (
                number,
                f"the line `{marker}` must stand alone on its line: the build replaces the whole line with "
                f"{what}. Put the rest of this line on a line of its own, with an empty line between.",
            )
        ]
    after = [(n, text) for n, text in enumerate(lines[number:], start=number + 1)]
    before = [(n, text) for n, text in reversed(list(enumerate(lines[: number - 1], start=1)))]
    written = next(((n, t) for n, t in after if t.strip()), None)
    if writes_to_end and written:
        return findings + [
            (
                written[0],
                f"this text follows the line `{marker}`, where the build writes {what}, to the end of the "
                "page: readers would take it for part of the last answer. Move it above that line, or "
                "delete it.",
            )
        ]
    for side, neighbours in (("under", after), ("above", before)):
        touching = neighbours[0] if neighbours and neighbours[0][1].strip() else None
        nearest = next(((n, t) for n, t in neighbours if t.strip()), None)
        if touching or (nearest and _is_list_line(nearest[1])):
            n, t = touching or nearest
            kind = "list item" if _is_list_line(t) else "line"
            findings.append(
                (
                    n,
                    f"this {kind} stands {side} the line `{marker}`, where the build writes {what}, and "
                    "would join it. The list is made from the question files in docs/faq/: to add a "
                    "question, add its two files; otherwise leave an empty line and a sentence between."
                    if kind == "list item"
                    else f"this {kind} stands {side} the line `{marker}`, where the build writes {what}, "
                    "and would join it. Leave an empty line between them.",
                )
            )
    return findings


def misplaced_marker(text: str, marker: str, page: str) -> list[Finding]:
    """A marker on a page the build does not write into: it would stay an invisible comment."""
    return [
        (
            number,
            f"the line `{marker}` only works on {page}; here the build writes nothing in its place. Delete "
            "it.",
        )
        for number, line in enumerate(text.split("\n"), start=1)
        if marker in line
    ]


def missing_pages(
    pages: set[str], required: dict[str, str], question_count: int, languages: list[str], uri_for
) -> list[tuple[str, str]]:
    """(file, message) for each page the site needs and has in no language; and no question at all.

    `pages`: every page's path (`faq/x.en.md`); `required`: path in the default
    language -> what the page is for; `uri_for(path, language)` gives a
    language's file. A page missing in one language only is reported as a
    missing translation.
    """
    problems = []
    for page, purpose in required.items():
        files = [uri_for(page, language) for language in languages]
        if not any(file in pages for file in files):
            listed = " and ".join(f"docs/{file}" for file in files)
            problems.append(
                (
                    page,
                    f"is missing, in every language: {purpose}. Put back {listed} (on GitHub, from the "
                    "history of the folder, or by undoing the deletion in your pull request).",
                )
            )
    if question_count == 0:
        problems.append(
            (
                "faq/",
                "has no question: the site publishes none. Put back the questions' files, or add one "
                "(its two files, such as docs/faq/nato-summits.md and docs/faq/nato-summits.en.md, with "
                "`number: 1`).",
            )
        )
    return problems


def can_write(norm_uri: str, markdown: str) -> bool:
    """Whether the build may write a page's generated part: its marker is where it should be.

    Otherwise the marker is left as it is (a comment readers do not see), and
    its problem alone is named, not what a list written in the wrong place
    would break around it.
    """
    what, to_end = WRITES[norm_uri]
    return not marker_problems(markdown, MARKERS[norm_uri], to_end, what)


def check_generated_parts(source: MarkdownPage) -> list[Problem]:
    """The markers of a page: its own where the build writes, none of another page's."""
    findings: list[Finding] = []
    for page, marker in MARKERS.items():
        if source.norm_uri == page:
            what, to_end = WRITES[page]
            findings += marker_problems(source.text, marker, to_end, what)
        else:
            findings += misplaced_marker(source.text, marker, PAGES[page])
    return [Problem(source.src_uri, message, line) for line, message in findings]


def check_required_pages(sources: list[MarkdownPage], languages: Languages) -> list[Problem]:
    pages = {source.src_uri for source in sources}
    questions = sum(1 for source in sources if source.is_question)
    missing = missing_pages(pages, REQUIRED, questions, list(languages.all), languages.uri_for)
    return [Problem(page, message) for page, message in missing]


def reference_label(label: str) -> str:
    """A reference label as Markdown matches it: case and runs of spaces do not count."""
    return " ".join(label.split()).casefold()


def shared_references(sources: list[MarkdownPage]) -> list[Problem]:
    """Reference labels defined in two of the pages the "all questions" page joins, in one language.

    On its own page, each `[label]` leads where its page defines it; joined into one
    document, one definition would replace the other, silently, and a definition
    no page of its own uses (so never rendered nor checked) could take over.
    """
    defined: dict[tuple[str, str], list[tuple[MarkdownPage, int, str]]] = {}
    for source in sources:
        if source.is_question or source.norm_uri == ALL_QUESTIONS:
            for definition in source.definitions:
                key = (source.language, reference_label(definition.label))
                defined.setdefault(key, []).append((source, definition.line, definition.label))
    return [
        Problem(
            source.src_uri,
            f"the link reference `[{label}]` is also defined in "
            f"{', '.join(f'docs/{other.src_uri} (line {line})' for other, line, _ in others)}: on the "
            '"all questions" page, which joins every answer, one would replace the other. '
            "Give one of them another name.",
            number,
        )
        for definitions in defined.values()
        for source, number, label in definitions
        if (others := [(o, n, lbl) for o, n, lbl in definitions if o is not source])
    ]

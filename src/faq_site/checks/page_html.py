"""Checks each rendered page, as readers get it, and names the line to fix.

Markdown forgives a lot and shows the rest as text: a heading id that does not
apply, a link whose brackets do not match, a list glued to the sentence above
it, an indented paragraph turned into a block of code, an HTML element never
closed that swallows the rest of the page. The plugin reads the HTML each page
renders to (`on_page_content`) and reports, for the editor's file and line:

- a page without exactly one `# ` title, a skipped heading level (`#` then `###`);
- heading ids that repeat, or are not lower-case letters, digits and hyphens;
- Markdown or HTML syntax left visible: `{#`, `](`, `][`, `<!--`, a list marker
  inside a paragraph; an HTML element or comment never closed;
- a block of code (an answer indented by four spaces becomes one, and search
  engines' copy of the answer, the FAQPage structured data, loses it).

Links are checks/links.py's. The generated "all questions" page repeats the
question pages, whose own check covers it.
"""

from __future__ import annotations

import re
from collections import Counter

from faq_site.checks.rendered import Outline
from faq_site.messages.problems import Problem
from faq_site.sources.lines import plain
from faq_site.sources.names import kebab_case
from faq_site.sources.page import MarkdownPage
from faq_site.sources.text import has_invisible

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Markdown syntax that only shows as text when it did not apply.
_LEAKS = {
    "{#": "a heading id `{#…}` that is not at the very end of its heading line, or has a space in it",
    "{:": "an attribute list `{: …}` that does not apply",
    "{.": "an attribute list `{.…}` that does not apply",
    "](": "a link whose square brackets or parentheses do not match: `[text](https://…)`",
    "][": "a reference link `[text][name]` without its definition line `[name]: https://…`",
    "{{": "a template's `{{ … }}`, which pages do not process: write the text itself",
    "{%": "a template's `{% … %}`, which pages do not process: write the text itself",
    "<!--": "a comment `<!--` that shows on the page. Write it on lines of its own, ending with `-->`",
}
_GLUED_ITEM = re.compile(r"\n[ \t]*(?:[-*+]|\d+[.)])[ \t]+(\S.*)")


def check_headings(source: MarkdownPage, outline: Outline) -> list[Problem]:
    problems: list[Problem] = []
    lines = {heading.id: heading.line for heading in source.headings if heading.id}

    def line_of(heading_id: str | None, text: str = "") -> int | None:
        return lines.get(heading_id) or source.finder.written(f"{{#{heading_id}", text.strip())

    titles = [heading for heading in outline.headings if heading.level == 1]
    if not titles:
        problems.append(
            Problem(
                source.src_uri,
                "has no title. Start the text with one line `# Title {#id}` (for a question, the "
                "question itself).",
                next((n for n, line in source.body_lines() if line.strip()), source.body_line),
            )
        )
    for extra in titles[1:]:
        problems.append(
            Problem(
                source.src_uri,
                f"has a second title `# {extra.text.strip()}`: a page has one `# ` title. Make this "
                "one a section heading, `## …`.",
                line_of(extra.id, extra.text),
            )
        )
    previous = 0
    for heading in outline.headings:
        if heading.level > previous + 1 and previous:
            problems.append(
                Problem(
                    source.src_uri,
                    f"the heading “{heading.text.strip()}” is level {heading.level} "
                    f"({'#' * heading.level}) right after a level {previous}: a level is skipped. "
                    f"Write it with {'#' * (previous + 1)}.",
                    line_of(heading.id, heading.text),
                )
            )
        previous = heading.level
    return problems


def check_ids(source: MarkdownPage, outline: Outline) -> list[Problem]:
    """Ids given twice, or not in lower-case kebab-case: the editor wrote them (`{#id}`, `id="…"`),
    rendering does not change them. An id holding an invisible character is named for that."""
    problems: list[Problem] = []
    given, by_headings = Counter(outline.ids), Counter(heading.id for heading in outline.headings)
    for identifier, count in given.items():  # each id once: its repeats say the same
        if has_invisible(identifier):
            continue
        if count > 1:
            problems.append(_duplicate_id(source, identifier, by_headings[identifier]))
        if not _ID.fullmatch(identifier):
            problems.append(
                Problem(
                    source.src_uri,
                    f"the id `{identifier}` must be in lower case, with letters, digits and hyphens "
                    f"only. Write `{{#{kebab_case(identifier)}}}`, in both languages.",
                    source.finder.written(f"#{identifier}", identifier),
                )
            )
    return problems


def _duplicate_id(source: MarkdownPage, identifier: str, headings: int) -> Problem:
    """An id given twice: by two headings `{#id}`, or to another element (`{#id}`, `id="…"`)."""
    name = re.escape(identifier)
    written = re.compile(rf"""\{{[^}}]*#{name}(?![\w-])[^}}]*\}}|\bid\s*=\s*["']?{name}(?![\w-])""")
    lines = source.finder.matching(written)
    two = "headings" if headings >= 2 else "elements"
    where = f" (lines {lines[0]} and {lines[1]})" if len(lines) >= 2 else ""
    return Problem(
        source.src_uri,
        f"the id `{identifier}` is given to two {two}{where}. Give each "
        f"{'heading' if headings >= 2 else 'one'} its own id, in both languages.",
        lines[1] if len(lines) >= 2 else (lines or [None])[0],
    )


def check_text(source: MarkdownPage, outline: Outline) -> list[Problem]:
    problems: list[Problem] = []
    text = "".join(outline.visible_text)
    for leak, what in _LEAKS.items():
        if leak in text:
            context = text[text.index(leak) :].split("\n", 1)[0][:60]
            problems.append(
                Problem(
                    source.src_uri,
                    # Quoted as the editor typed it, without the typography readers get.
                    f"readers see `{plain(context.strip())}` as text: {what}. Fix the Markdown on this line.",
                    source.finder.written(context.strip(), leak),
                )
            )
    glued = [paragraph for paragraph in outline.paragraphs if _GLUED_ITEM.search(paragraph)]
    candidates = _glued_lines(source)
    for index, _ in enumerate(glued):
        problems.append(
            Problem(
                source.src_uri,
                "this list is glued to the line above it, so it shows as part of that paragraph. "
                "Leave an empty line before the list.",
                candidates[index] if index < len(candidates) else None,
            )
        )
    for block in outline.code_blocks:
        first = next((line.strip() for line in block.splitlines() if line.strip()), "")
        problems.append(
            Problem(
                source.src_uri,
                "this text shows as a block of code, because it is indented by four spaces or a tab "
                "(or fenced by ```): readers and search engines do not get it as text. Start the "
                "line at the margin.",
                source.finder.written(first[:40], fenced=True),
            )
        )
    return problems


_ITEM_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _glued_lines(source: MarkdownPage) -> list[int]:
    """The lines of paragraphs that start a list item right under a line of text (page order)."""
    found = []
    for block in source.blocks:
        if block.kind == "paragraph":
            lines = range(block.span.first, block.span.last + 1)
            found += [
                n
                for n in lines[1:]
                if _ITEM_LINE.match(source.line(n)) and not _ITEM_LINE.match(source.line(n - 1))
            ]
    return found


def unclosed_elements(source: MarkdownPage) -> list[Problem]:
    """Raw HTML elements never closed (sources/page.py): the rest of the page is not rendered."""
    named: dict[str, Problem] = {}
    for tag in source.balance.unclosed:
        named.setdefault(
            tag.name,
            Problem(
                source.src_uri,
                f"the HTML element `<{tag.name}>` is never closed, so it swallows the rest of the page. "
                f"Close it with `</{tag.name}>`, or write Markdown instead of HTML.",
                tag.line,
            ),
        )
    return list(named.values())


def check_page(source: MarkdownPage, outline: Outline) -> list[Problem]:
    """The rendered page's headings and text (its ids: `check_ids`, on what the editor wrote)."""
    return check_headings(source, outline) + check_text(source, outline)

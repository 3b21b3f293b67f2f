"""What an editor cannot see in a page's text, and links to one language's file.

Invisible characters (sources/text.py) are named by code point on their line,
in the front matter and the text alike; so are those written as character
references (`&#8203;`, `&shy;`) that readers get in the rendered page, and those
written as YAML escapes (`"\\u200b"`) in a front matter value, with accents
written apart from their letter (`e&#x301;`, not NFC once read). A link to
`x.en.md` is named too: the i18n plugin leads each language's readers to their
own version of `x.md`, so pages link the default language's file. A heading's
`data-toc-label` is refused: the table of contents shows the heading itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from faq_site.checks.markdown_rendering import language_file_links
from faq_site.checks.rendered import RenderedPage
from faq_site.languages import Languages
from faq_site.messages.problems import Problem, Stage
from faq_site.sources.page import MarkdownPage
from faq_site.sources.text import invisible_characters, written_characters

# `{… data-toc-label=…}`: the attribute, or a brace, read left to right (never backtracking).
_TOC_LABEL = re.compile(r"[{}]|\bdata-toc-label\s*=", re.IGNORECASE)


def _has_toc_label(line: str) -> bool:
    """Whether a line holds `data-toc-label=` inside an attribute list `{…}`."""
    inside = False
    for match in _TOC_LABEL.finditer(line):
        if match[0] in "{}":
            inside = match[0] == "{"
        elif inside:
            return True
    return False


def check_text(source: MarkdownPage, languages: Languages) -> list[Problem]:
    findings = invisible_characters(source.text) + language_file_links(source, list(languages.others))
    findings += [
        (
            number,
            "the heading's `data-toc-label` would show another title in the table of contents than the "
            "heading readers see. Remove `data-toc-label=…`: the table of contents shows the heading.",
        )
        for number, line in source.body_lines()
        if _has_toc_label(line)
    ]
    problems = [Problem(source.src_uri, message, line, _stage(source, line)) for line, message in findings]
    return problems + front_matter_characters(source)


def _stage(source: MarkdownPage, line: int | None) -> Stage:
    return Stage.FRONT_MATTER if line is not None and line < source.body_line else Stage.MARKDOWN


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def front_matter_characters(source: MarkdownPage) -> list[Problem]:
    """Invisible or decomposed characters a front matter value gets from YAML's escapes (`"\\u202e"`)."""
    written = "\n".join(
        line for number, line in enumerate(source.text.split("\n"), 1) if number < source.body_line
    )
    return [
        Problem(source.src_uri, message, source.key_line(str(key)), Stage.FRONT_MATTER)
        for key, value in source.meta.items()
        for string in _strings(value)
        for message in dict.fromkeys(written_characters(written, string))
    ]


def referenced_characters(source: MarkdownPage, rendered: RenderedPage) -> list[Problem]:
    """Invisible or decomposed characters written as character references (`&#8203;`, `e&#x301;`)
    that readers get in the page's rendered content, on the line that writes them."""
    shown = rendered.readers_text()
    return [
        Problem(source.src_uri, message, number)
        for number, line in source.body_lines()
        if (decoded := html.unescape(line)) != line
        for message in written_characters(line, decoded, shown)
    ]

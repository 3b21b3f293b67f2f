"""What the build refuses to render at all: a page too long, or nested too deep.

Every check of the site reads a page in linear time. Python-Markdown does not always:
it reads nested emphasis and nested lists by recursion (about 1,000 levels of `*`, 250
of lists, and Python stops with a traceback), and brackets inside brackets in a time
that grows with their square. So before MkDocs renders anything, a page longer than
MAX_PAGE_BYTES, or nested deeper than MAX_DEPTH, stops the build with its size or its
line (the plugin reports these as blocking problems, `on_files`).

Why these limits: the longest page today is about 4 KB and nests 2 levels; 200 KB is
fifty times the longest, and renders in a second or two at worst; 50 levels is far
beyond any prose, and far below where Python-Markdown fails.
"""

from __future__ import annotations

import re

from faq_site.messages.problems import Problem
from faq_site.sources.page import MarkdownPage

MAX_PAGE_BYTES = 200_000
MAX_DEPTH = 50

_QUOTE = re.compile(r"(?:[ ]{0,3}>)+")
_ITEM = re.compile(r"([ ]*)(?:[-*+]|\d+\.)[ ]")
# What opens or closes a level inline: an escape (neither), a bracket, a run of emphasis markers.
_INLINE = re.compile(r"\\.|[\[\]]|[*_]+")


def limit_problems(page: MarkdownPage) -> list[Problem]:
    """The page's size over MAX_PAGE_BYTES (in UTF-8), or its deepest nesting over MAX_DEPTH."""
    size = len(page.text.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        return [
            Problem(
                page.src_uri,
                f"is {size // 1000} KB: a page may be {MAX_PAGE_BYTES // 1000} KB at most (a question is "
                "about 3 KB). Split it into several pages, or shorten it.",
            )
        ]
    depth, line = deepest(page)
    if depth <= MAX_DEPTH:
        return []
    return [
        Problem(
            page.src_uri,
            f"the text here is nested {depth} levels deep (lists, quotations, emphasis or brackets one "
            f"inside another): a page may nest {MAX_DEPTH} at most. Write it with fewer levels.",
            line,
        )
    ]


def deepest(page: MarkdownPage) -> tuple[int, int | None]:
    """(depth, line) of the page's deepest nesting outside code: list items by their indentation,
    quotations by their `>`, and inline, the brackets and emphasis markers open."""
    best: tuple[int, int | None] = (0, None)
    for block, text in page.prose():
        if block.kind in ("comment", "html"):
            continue
        inline = 0
        for number, line in enumerate(text.expandtabs(4).split("\n"), start=block.span.first):
            quotes = _QUOTE.match(line)
            depth = quotes[0].count(">") if quotes else 0
            item = _ITEM.match(line) if block.kind == "list" else None
            if item:
                depth = max(depth, len(item[1]) // 4 + 1)
            for marker in _INLINE.finditer(line):
                inline = max(0, inline + _opens(marker, line))
                depth = max(depth, inline)
            if depth > best[0]:
                best = (depth, number)
    return best


def _opens(marker: re.Match[str], line: str) -> int:
    """How many levels a marker opens (negative: closes), read as Markdown reads emphasis."""
    text = marker[0]
    if text[0] == "\\":
        return 0
    if text in "[]":
        return 1 if text == "[" else -1
    before = line[marker.start() - 1] if marker.start() else " "
    after = line[marker.end()] if marker.end() < len(line) else " "
    if before.isalnum() and after.isalnum():  # snake_case, 2*3
        return 0
    if not after.isspace() and (before.isspace() or not before.isalnum()):
        return len(text)
    return -len(text) if not before.isspace() else 0

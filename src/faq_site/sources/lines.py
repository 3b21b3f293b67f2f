"""Finding the line an editor wrote something on: one line finder, explicit about how it compares.

Every check that names a line asks the page model first when the thing is structural (a
heading by its id, a front matter key, a link, a block: sources/page.py). What is left is
text searched in the editor's lines, and `LineFinder` is the one way to search it. Each
search says how a needle compares with a line:

- `fold`: CASE (markup: `<SCRIPT>` is `<script`); TYPOGRAPHY (words as rendered: ’ « »
  and no-break spaces are the editor's ' " and spaces, `plain`); SPACES (no-break spaces
  as spaces, runs of spaces as one); MARKDOWN (the line's text without Markdown's syntax,
  normalised as compare_text reads text); or nothing;
- `references`: 0, the line as written; 1, then as the page reads it (`&#46;` is `.`);
  2, then as the published page would read that again (`&amp;sol;` is `/`);
- `fenced`: fenced code blocks are left out, unless True;
- `within`: only the lines of a span (a block);
- `after`: only lines after this one;
- repeats are the caller's: `lines_of` gives every line of the first needle found, and the
  caller chooses (`nth`), with no counter hidden in here.

Needles are tried in order, on the lines as written first, then as read: the first needle
found wins. Each line's folded forms are computed once per page and kept.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Iterator
from enum import Flag, auto
from typing import TYPE_CHECKING

from faq_site.checks.compare_text import normalised

if TYPE_CHECKING:
    from faq_site.sources.page import MarkdownPage, Span


class Fold(Flag):
    NONE = 0
    CASE = auto()
    TYPOGRAPHY = auto()
    SPACES = auto()
    MARKDOWN = auto()


_PLAIN = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " "}
)
_SPACE_BEFORE = re.compile(r" +([?!;:])")
# The spaces on both sides of a quote: « x » (typed, or made of `"x"` in French) reads `"x"`, as
# typed; both sides, or a quote's own spaces would be taken by the match of the quote before it.
_SPACE_IN_QUOTES = re.compile(r' *" *')
_NO_BREAK = re.compile("[ \u00a0\u202f]")
# Markdown's syntax, out of a line's text: a link's address, attribute lists, HTML tags, a
# heading's, list item's or quote's mark, brackets, emphasis, code and escapes.
_MARKDOWN = [
    (re.compile(r"\]\([^)]*\)"), ""),
    (re.compile(r"\{[^}]*\}"), ""),
    (re.compile(r"<[^>]+>"), ""),
    (re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)"), ""),
    (re.compile(r"[\[\]*`\\]"), ""),
]


def plain(text: str) -> str:
    """Text as an editor types it: rendered typography (’ « » no-break spaces) undone."""
    text = _SPACE_BEFORE.sub(r"\1", text.translate(_PLAIN))
    return _SPACE_IN_QUOTES.sub('"', text)


def folded(text: str, fold: Fold) -> str:
    """A line or a needle as a search with this fold compares it."""
    if Fold.MARKDOWN in fold:
        for pattern, replacement in _MARKDOWN:
            text = pattern.sub(replacement, text)
        return normalised(text)
    if Fold.TYPOGRAPHY in fold:
        text = plain(text)
    if Fold.SPACES in fold:
        text = " ".join(_NO_BREAK.sub(" ", text).split())
    if Fold.CASE in fold:
        text = text.lower()
    return text


def _as_read(line: str, references: int) -> str:
    """The line as the page reads it (`references` 1), and as the published page reads that again (2)."""
    once = html.unescape(line)
    return once if references == 1 else f"{once}\n{html.unescape(once)}"


# The readings of the lines each `references` tries, in order: as written (0), as the page
# reads them (1), and as the page reads them with what the published page reads again (2).
_PASSES = {0: (0,), 1: (0, 1), 2: (0, 2)}


class SearchableLines:
    """One reading of a page's lines, joined once: a needle is found with one search of the text."""

    def __init__(self, lines: tuple[tuple[int, str], ...]) -> None:
        self.lines = lines
        self.text = "\n".join(line for _, line in lines)
        self.starts = list(itertools.accumulate((len(line) + 1 for _, line in lines[:-1]), initial=0))
        self.numbers = [number for number, _ in lines]

    def holding(self, needle: str) -> Iterator[int]:
        """The number of each line holding the needle (a needle is never found across two lines)."""
        if "\n" in needle:
            yield from (number for number, line in self.lines if needle in line)
            return
        position, last = self.text.find(needle), -1
        while position >= 0:
            index = bisect.bisect_right(self.starts, position) - 1
            if index != last:
                yield self.lines[index][0]
                last = index
            position = self.text.find(needle, position + 1)

    def first(self, needle: str, after: int = 0) -> int | None:
        """The first line after line `after` holding the needle (one search, however many lines)."""
        index = bisect.bisect_right(self.numbers, after)
        if not needle or index >= len(self.lines):
            return None
        position = self.text.find(needle, self.starts[index])
        return None if position < 0 else self.lines[bisect.bisect_right(self.starts, position) - 1][0]


class LineFinder:
    """The lines of one page, searched as each check needs (see the module's docstring)."""

    def __init__(self, page: MarkdownPage) -> None:
        self.page = page
        self._readings: dict[tuple[Fold, int, bool], SearchableLines] = {}

    def _lines(self, fold: Fold, read: int, fenced: bool) -> SearchableLines:
        key = (fold, read, fenced)
        if key not in self._readings:
            lines = self.page.body_lines(fenced=fenced)
            self._readings[key] = SearchableLines(
                tuple(
                    (number, folded(_as_read(line, read) if read else line, fold)) for number, line in lines
                )
            )
        return self._readings[key]

    def lines_of(
        self,
        *needles: str,
        fold: Fold = Fold.NONE,
        references: int = 0,
        fenced: bool = False,
        within: Span | None = None,
        after: int = 0,
    ) -> tuple[str, list[int]] | None:
        """The first needle found (in order, on the lines as written, then as read) and every line
        holding it; None if no line holds any."""
        for read in _PASSES[references]:
            lines = self._lines(fold, read, fenced)
            for needle in filter(None, needles):
                found = [
                    number
                    for number in lines.holding(folded(needle, fold))
                    if number > after and (within is None or number in within)
                ]
                if found:
                    return needle, found
        return None

    def first(self, *needles: str, nth: int = 0, **how: object) -> int | None:
        """The line of the first needle found (its `nth` line, or its last if it has fewer)."""
        found = self.lines_of(*needles, **how)  # type: ignore[arg-type]
        if found is None:
            return None
        lines = found[1]
        return lines[min(nth, len(lines) - 1)]

    def written(self, *needles: str, fenced: bool = False, within: Span | None = None) -> int | None:
        """Words as the editor wrote them: typography folded, then the lines as the page reads them."""
        return self.first(*needles, fold=Fold.TYPOGRAPHY, references=1, fenced=fenced, within=within)

    def markup(self, *needles: str, nth: int = 0) -> int | None:
        """HTML as written, in any case (`<SCRIPT>`), then as the page and the published page read it."""
        return self.first(*needles, fold=Fold.CASE, references=2, nth=nth)

    def all(self, needle: str, **how: object) -> list[int]:
        """Every line holding the needle."""
        found = self.lines_of(needle, **how)  # type: ignore[arg-type]
        return found[1] if found else []

    def matching(self, pattern: re.Pattern[str], *, fenced: bool = False) -> list[int]:
        """Every line the pattern matches, as written."""
        return [number for number, line in self._lines(Fold.NONE, 0, fenced).lines if pattern.search(line)]

"""One page's Markdown, read once: the one reader of a page's structure.

`MarkdownPage.parse(src_uri, text, languages)` reads an editor's page the way the
site's Python-Markdown reads it (MkDocs' defaults, fenced_code, tables and toc, with
attr_list, admonition and pymdownx.saneheaders; no md_in_html), and keeps every line number:

- the front matter (sources/front_matter.py): its values, each key's line, why it
  cannot be read;
- git's conflict markers;
- the headings (`# Title`, not `#Title`: pymdownx.saneheaders; `Title` underlined too,
  and `<h2>` written in HTML), each with its level, title, explicit id and line;
- the body's blocks with their first and last lines: paragraph, list and its items,
  image, table, blockquote, admonition, raw HTML block, comment, fenced or indented
  code, heading, link reference definitions, rule;
- the links (inline, reference, autolink, image, raw `<a>`), and the raw HTML tags
  written outside code, each with its line;
- the title (the first level-1 heading), the answer (the blocks between it and the
  next heading) and the learn-more section.

Pure functions of the text, immutable, linear in the page's length: the plugin, the
tests and scripts/ read pages with it. It does not render: what readers get is the
rendered page's business (checks/rendered.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Literal

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.util import BLOCK_LEVEL_ELEMENTS
from mkdocs.structure.files import File

from faq_site.languages import Languages
from faq_site.sources.front_matter import FrontMatter, read_front_matter
from faq_site.sources.lines import LineFinder
from faq_site.sources.names import LEARN_MORE_ID, is_question
from faq_site.sources.text import conflict_markers, read

BlockKind = Literal[
    "paragraph",
    "list",
    "item",
    "image",
    "table",
    "blockquote",
    "admonition",
    "html",
    "comment",
    "code",
    "heading",
    "references",
    "rule",
]
# Blocks that put nothing in front of readers.
SILENT: frozenset[str] = frozenset({"references", "comment"})

TAB_LENGTH = 4  # Python-Markdown's: a block indented this much is code, or a list item's


@dataclass(frozen=True)
class Span:
    """Lines `first` to `last` of the file, both included, counted from 1 as messages count."""

    first: int
    last: int

    def __contains__(self, line: object) -> bool:
        return isinstance(line, int) and self.first <= line <= self.last


@dataclass(frozen=True)
class Heading:
    level: int
    title: str  # as written, without its `{…}` and closing `#`s
    id: str | None  # the id written by the editor (`{#id}`, or `id="…"` in HTML); None: toc makes one
    line: int
    attributes: str = ""  # the `{…}` as written, without its braces
    form: Literal["atx", "setext", "html"] = "atx"


@dataclass(frozen=True)
class Link:
    text: str  # between the brackets, as written (an image's alt text; an `<a>`'s content)
    url: str  # as written; a reference link's from its definition ("" if none)
    line: int
    column: int  # of its `[` (or `<`), counted from 1
    kind: Literal["inline", "reference", "autolink", "image", "html"]
    label: str | None = None  # `[text][label]`
    attributes: str = ""  # `{hreflang=en}` right after it, without its braces


@dataclass(frozen=True)
class RawTag:
    """An HTML tag written in the Markdown, outside code (`<span class="x">`, `</div>`)."""

    name: str  # in lower case
    closing: bool
    line: int
    column: int  # counted from 1
    text: str  # as written

    @property
    def self_closing(self) -> bool:
        return not self.closing and self.text.endswith("/>")


@dataclass(frozen=True)
class Reference:
    """A link reference definition, `[label]: https://…`."""

    label: str  # as written
    url: str
    line: int


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    span: Span
    section: str | None = None  # the id of the last heading above it
    items: tuple[Block, ...] = ()  # a list's items
    heading: Heading | None = None  # a heading block's
    code: Literal["", "fenced", "indented"] = ""
    # A paragraph holding lines that start a list item: Python-Markdown reads a list only after
    # an empty line, so readers see the markers as text.
    glued: bool = False


@dataclass(frozen=True)
class Balance:
    """Raw HTML that does not balance, as the browser will read it (it repairs all three silently)."""

    # Closing tags that close nothing (`</div>` with no `<div>` open).
    stray: tuple[RawTag, ...] = ()
    # Elements opened inside a block (a paragraph, a list item…) and not closed there: the browser
    # carries them on into what follows.
    left_open: tuple[RawTag, ...] = ()
    # Elements of a raw HTML block never closed: Python-Markdown passes the rest of the page through
    # as it is, unread.
    unclosed: tuple[RawTag, ...] = ()


@dataclass(frozen=True)
class LearnMore:
    heading: Heading
    blocks: tuple[Block, ...]  # every block of the section
    links: tuple[Link, ...]  # the links of its lists' items


# -- Python-Markdown's block syntax, line by line (its own patterns search a whole block; these
#    read one line, so that no page can make them backtrack).
_FENCE_OPEN = re.compile(
    r"(?P<fence>~{3,}|`{3,})[ ]*(?:\{[^\n]*\}|(?:\.?[\w#.+-]*[ ]*)?(?:hl_lines=(?P<q>\"|').*?(?P=q)[ ]*)?)"
)
_ADMONITION = re.compile(r"!!! ?[\w\-]+(?: +[\w\-]+)*(?: +\"(?:.*?)\")? *")
_OLIST = re.compile(r"[ ]{0,3}\d+\.[ ]+")
_ULIST = re.compile(r"[ ]{0,3}[*+-][ ]+")
_ITEM = re.compile(r"[ ]{0,3}(?:\d+\.|[*+-])[ ]+")
_SETEXT = re.compile(r"(?:=+|-+)[ ]*")
_QUOTE = re.compile(r"[ ]{0,3}>")
# `[label]: https://…`, with an optional title in quotes or parentheses (the address may be on the next line).
_REFERENCE = re.compile(r"[ ]{0,3}\[(?P<label>[^\[\]]*)\]:[ ]*(?P<url>\S*)[ ]*(?P<title>.*)")
_TITLE = re.compile(r"(?:\".*\"|'.*'|\(.*\))?[ ]*")
_IMAGE_ONLY = re.compile(r"\s*!\[[^\]\n]*\]\([^)\n]*\)(?:\{[^}\n]*\})?\s*")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_AUTOLINK = re.compile(r"<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
# Elements with no content, never closed (the HTML standard's void elements).
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"}
    | {"track", "wbr"}
)
# The tags that start a raw HTML block at the start of a line (Python-Markdown's own list).
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)


def _is_rule(line: str) -> bool:
    """`---`, `* * *`, `___`: a horizontal rule (Python-Markdown's HRProcessor, on one line)."""
    if len(line) - len(line.lstrip(" ")) > 3:
        return False
    body = line.strip(" ")
    if not body or body[0] not in "-_*":
        return False
    count = spaces = 0
    for character in body:
        if character == body[0]:
            count, spaces = count + 1, 0
        elif character == " " and spaces < 2:
            spaces += 1
        else:
            return False
    return count >= 3


def _atx(line: str) -> tuple[int, str] | None:
    """`## Title ##` -> (2, `Title`): pymdownx.saneheaders' HashHeaderProcessor, on one line.

    As on GitHub, one to six `#` and a space: `#StandWithUkraine` and `####### x` are text.
    """
    level = len(line) - len(line.lstrip("#"))
    if not 1 <= level <= 6 or line[level : level + 1] != " ":
        return None
    header = line[level:]
    stripped = header.rstrip("#")
    # Closing `#`s go only when they end the line, and not an escaped one (`\#`).
    if stripped != header:
        run = header[len(stripped) :]
        backslashes = len(stripped) - len(stripped.rstrip("\\"))
        if backslashes % 2:
            stripped, run = stripped + run[0], run[1:]
        header = stripped
    return level, header.strip()


def _heading_attributes(title: str) -> tuple[str, str, str | None]:
    """(title, attributes, id) as attr_list reads a heading: ` {#id .class}` at its end.

    attr_list's `[ ]+{:?[ ]*([^}\\n ][^\\n]*)}[ ]*$`, read without backtracking: the first
    ` {` whose content is not empty, to the `}` that ends the line.
    """
    end = title.rstrip(" ")
    if not end.endswith("}"):
        return title, "", None
    brace = end.find("{")
    while brace != -1:
        if brace > 0 and end[brace - 1] == " ":
            content = brace + 1 + (end[brace + 1 : brace + 2] == ":")
            while content < len(end) and end[content] == " ":
                content += 1
            if content < len(end) - 1 and end[content] != "}":
                attributes = end[content : len(end) - 1]
                pairs, _ = get_attrs_and_remainder(attributes)
                ids = [value for key, value in pairs if key == "id"]
                return end[:brace].rstrip(" "), attributes, (ids[-1] if ids else None)
        brace = end.find("{", brace + 1)
    return title, "", None


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span (`` `x` ``, ``` ``x`` ```) of a block's text, in one pass."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", text) if not _escaped(text, m.start())]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans, index = [], 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        position = bisect.bisect_right(same, index)
        if position < len(same):
            closing = same[position]
            spans.append((start, runs[closing][1]))
            index = closing + 1
        else:
            index += 1
    return spans


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with these spans replaced by spaces (lines and columns kept)."""
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _comments(text: str) -> list[tuple[int, int]]:
    spans, start = [], text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


@dataclass
class _Line:
    number: int
    text: str  # tabs expanded, as Python-Markdown reads it

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class _BlockReader:
    """Reads the body's lines into blocks, as Python-Markdown's block parser does."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.headings: list[Heading] = []
        self.definitions: list[Reference] = []
        self.fenced: set[int] = set()
        self.section: str | None = None

    # -- the three kinds of lines Python-Markdown takes out before it reads blocks ----------

    def read(self) -> None:
        lines, index = self.lines, 0
        fences = self._fences()
        chunk: list[_Line] = []
        while index < len(lines):
            line = lines[index]
            if index in fences:
                end = fences[index]
                self._chunk(chunk)
                chunk = []
                self._add("code", line.number, lines[end].number, code="fenced")
                self.fenced.update(line.number for line in lines[index : end + 1])
                index = end + 1
                continue
            raw = self._raw_block(index, fences) if line.indent <= 3 else None
            if raw is not None:
                kind, end, tail = raw
                self._chunk(chunk)
                chunk = []
                self._add(kind, line.number, lines[end].number)
                if kind == "html":
                    self._html_headings(index, end)
                if tail is not None:  # text after the closing tag, on its line: a new block
                    lines[end] = _Line(lines[end].number, tail)
                    index = end
                else:
                    index = end + 1
                continue
            if line.blank:
                self._chunk(chunk)
                chunk = []
            else:
                chunk.append(line)
            index += 1
        self._chunk(chunk)

    def _fences(self) -> dict[int, int]:
        """Fenced code blocks, as fenced_code finds them before anything else is read: from an
        opening fence at the start of a line to the next line holding the same fence alone.
        {index of the opening line: index of the closing line}."""
        closers: dict[str, list[int]] = {}
        for index, line in enumerate(self.lines):
            text = line.text.rstrip(" ")
            if len(text) >= 3 and (set(text) == {"`"} or set(text) == {"~"}):
                closers.setdefault(text, []).append(index)
        fences, index = {}, 0
        while index < len(self.lines):
            opening = _FENCE_OPEN.fullmatch(self.lines[index].text)
            if opening:
                candidates = closers.get(opening["fence"], [])
                position = bisect.bisect_right(candidates, index)
                if position < len(candidates):
                    fences[index] = candidates[position]
                    index = candidates[position] + 1
                    continue
            index += 1
        return fences

    def _raw_block(self, index: int, fences: dict[int, int]) -> tuple[str, int, str | None] | None:
        """("html" or "comment", index of its last line, text after it on that line) for a raw
        HTML block starting on this line, as Python-Markdown's HTML extractor reads one: a block
        tag or a comment at the start of a line, to its closing tag (or the end of the page)."""
        text = self.lines[index].text.lstrip(" ")
        if text.startswith("<!--"):
            position = self._find("-->", index, len(self.lines[index].text) - len(text) + 4)
            if position is None:
                return None  # never closed: Python-Markdown reads it as text
            end, column = position
            tail = self.lines[end].text[column + 3 :]
            return "comment", end, (tail if tail.strip() else None)
        match = _TAG.match(text)
        if not match or match[1] or match[2].lower() not in _BLOCK_TAGS:
            return None
        name = match[2].lower()
        if name == "hr" or (match[3] or "").rstrip().endswith("/"):
            tail = text[match.end() :]
            return "html", index, (tail if tail.strip() else None)
        stack: list[str] = []
        start = len(self.lines[index].text) - len(text)
        line_index = index
        while line_index < len(self.lines):
            if line_index in fences:  # fenced code is out of the HTML before it is read
                line_index = fences[line_index] + 1
                continue
            line = self.lines[line_index]
            line_index += 1
            column = start if line_index - 1 == index else 0
            for tag in _TAG.finditer(_blank(line.text, _comments(line.text)), column):
                tag_name = tag[2].lower()
                if not tag[1]:
                    if not (tag[3] or "").rstrip().endswith("/"):
                        stack.append(tag_name)
                    continue
                if tag_name in stack:
                    while stack and stack.pop() != tag_name:
                        pass
                if not stack:
                    tail = line.text[tag.end() :]
                    return "html", line_index - 1, (tail if tail.strip() else None)
        # Never closed: Python-Markdown passes the rest of the page through as it is.
        last = len(self.lines) - 1
        while last > index and self.lines[last].blank:
            last -= 1
        return "html", last, None

    def _find(self, needle: str, index: int, column: int) -> tuple[int, int] | None:
        for line_index in range(index, len(self.lines)):
            found = self.lines[line_index].text.find(needle, column if line_index == index else 0)
            if found != -1:
                return line_index, found
        return None

    def _html_headings(self, first: int, last: int) -> None:
        for line in self.lines[first : last + 1]:
            for tag in _TAG.finditer(line.text):
                if not tag[1] and re.fullmatch(r"h[1-6]", tag[2].lower()):
                    attributes = _attributes(tag[3] or "")
                    self._heading(
                        Heading(int(tag[2][1]), "", attributes.get("id") or None, line.number, form="html"),
                        add_block=False,
                    )

    # -- blocks -----------------------------------------------------------------------------

    def _add(self, kind: BlockKind, first: int, last: int, **fields: object) -> Block:
        block = Block(kind, Span(first, last), self.section, **fields)  # type: ignore[arg-type]
        self.blocks.append(block)
        return block

    def _heading(self, heading: Heading, *, add_block: bool = True) -> None:
        self.headings.append(heading)
        if add_block:
            self.blocks.append(
                Block("heading", Span(heading.line, heading.line), self.section, heading=heading)
            )
        self.section = heading.id

    def _replace_last(self, block: Block) -> None:
        self.blocks[-1] = block

    def _chunk(self, chunk: list[_Line]) -> None:
        """One block of lines between empty lines (Python-Markdown's `\\n\\n` split), in the order
        of its block processors' priorities."""
        if not chunk:
            return
        last = self.blocks[-1] if self.blocks else None
        indented = chunk[0].indent >= TAB_LENGTH
        # Admonition (105): `!!! note` anywhere in the block, its content indented under it.
        for position, line in enumerate(chunk):
            if _ADMONITION.fullmatch(line.text.rstrip("\n")):
                self._chunk(chunk[:position])
                content, rest = self._detab(chunk[position + 1 :])
                self._add("admonition", line.number, (content or [line])[-1].number)
                self._chunk(rest)
                return
        if indented and last is not None and last.kind == "admonition":
            content, rest = self._detab(chunk)
            self._replace_last(Block("admonition", Span(last.span.first, content[-1].number), last.section))
            self._chunk(rest)
            return
        # A list's item continued after an empty line (90).
        if indented and last is not None and last.kind == "list":
            self._extend_list(last, chunk)
            return
        # Indented code (80): to the first line that is not indented.
        if indented:
            content, rest = self._detab(chunk)
            if last is not None and last.kind == "code" and last.code == "indented":
                self._replace_last(
                    Block("code", Span(last.span.first, content[-1].number), last.section, code="indented")
                )
            else:
                self._add("code", content[0].number, content[-1].number, code="indented")
            self._chunk(rest)
            return
        # Table (75): a header row and its `|---|` row at the start of the block: all of it.
        if len(chunk) > 1 and _is_table(chunk[0].text, chunk[1].text):
            self._add("table", chunk[0].number, chunk[-1].number)
            return
        # Heading `#` (70), anywhere in the block.
        for position, line in enumerate(chunk):
            atx = _atx(line.text)
            if atx is not None:
                self._chunk(chunk[:position])
                level, header = atx
                title, attributes, heading_id = _heading_attributes(header)
                self._heading(Heading(level, title.strip(), heading_id, line.number, attributes))
                self._chunk(chunk[position + 1 :])
                return
        # Underlined heading (60), at the start of the block.
        if len(chunk) > 1 and _SETEXT.fullmatch(chunk[1].text):
            level = 1 if chunk[1].text.startswith("=") else 2
            title, attributes, heading_id = _heading_attributes(chunk[0].text.strip())
            self._heading(Heading(level, title.strip(), heading_id, chunk[0].number, attributes, "setext"))
            self.blocks[-1] = Block(
                "heading",
                Span(chunk[0].number, chunk[1].number),
                self.blocks[-1].section,
                heading=self.headings[-1],
            )
            self._chunk(chunk[2:])
            return
        # Rule (50), anywhere in the block.
        for position, line in enumerate(chunk):
            if _is_rule(line.text):
                self._chunk(chunk[:position])
                self._add("rule", line.number, line.number)
                self._chunk(chunk[position + 1 :])
                return
        # Lists (40, 30), at the start of the block; a list right after a list goes on with it.
        if _OLIST.match(chunk[0].text) or _ULIST.match(chunk[0].text):
            items = self._items(chunk)
            if last is not None and last.kind == "list":
                self._replace_last(
                    Block("list", Span(last.span.first, chunk[-1].number), last.section, last.items + items)
                )
            else:
                self._add("list", chunk[0].number, chunk[-1].number, items=items)
            return
        # Blockquote (20), from its first `>` line to the end of the block.
        for position, line in enumerate(chunk):
            if _QUOTE.match(line.text):
                self._chunk(chunk[:position])
                if position == 0 and last is not None and last.kind == "blockquote":
                    self._replace_last(
                        Block("blockquote", Span(last.span.first, chunk[-1].number), last.section)
                    )
                else:
                    self._add("blockquote", line.number, chunk[-1].number)
                return
        # Link reference definitions (15), anywhere in the block.
        for position, line in enumerate(chunk):
            reference = _REFERENCE.fullmatch(line.text)
            if reference is None:
                continue
            url, title, last_line = reference["url"], reference["title"], position
            if not url and position + 1 < len(chunk):  # the address on the next line
                url, _, title = chunk[position + 1].text.strip().partition(" ")
                last_line = position + 1
            if url and _TITLE.fullmatch(title.strip()):
                self._chunk(chunk[:position])
                self.definitions.append(Reference(reference["label"], url.strip("<>"), line.number))
                self._add("references", line.number, chunk[last_line].number)
                self._chunk(chunk[last_line + 1 :])
                return
        # Paragraph (10); alone, an image is one.
        text = "\n".join(line.text for line in chunk)
        kind: BlockKind = "image" if _IMAGE_ONLY.fullmatch(text) else "paragraph"
        glued = any(_ITEM.match(line.text) for line in chunk[1:])
        self._add(kind, chunk[0].number, chunk[-1].number, glued=glued)

    @staticmethod
    def _detab(chunk: list[_Line]) -> tuple[list[_Line], list[_Line]]:
        """The lines indented by TAB_LENGTH (or more) at the start of a block, and the rest."""
        for position, line in enumerate(chunk):
            if line.indent < TAB_LENGTH and not line.blank:
                return chunk[:position], chunk[position:]
        return chunk, []

    def _items(self, chunk: list[_Line]) -> tuple[Block, ...]:
        starts = [position for position, line in enumerate(chunk) if _ITEM.match(line.text)]
        starts = [0] + [position for position in starts if position > 0]
        ends = [*starts[1:], len(chunk)]
        return tuple(
            Block("item", Span(chunk[start].number, chunk[end - 1].number), self.section)
            for start, end in zip(starts, ends, strict=True)
        )

    def _extend_list(self, last: Block, chunk: list[_Line]) -> None:
        items = last.items
        if items:
            item = items[-1]
            items = (*items[:-1], Block("item", Span(item.span.first, chunk[-1].number), item.section))
        self._replace_last(Block("list", Span(last.span.first, chunk[-1].number), last.section, items))


def _split_row(row: str) -> list[str]:
    row = row.strip(" ")
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not _escaped(row, len(row) - 1):
        row = row[:-1]
    cells, current, index = [], [], 0
    while index < len(row):
        character = row[index]
        if character == "\\" and index + 1 < len(row):
            current.append(row[index : index + 2])
            index += 2
            continue
        if character == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(character)
        index += 1
    cells.append("".join(current))
    return cells


def _is_table(header: str, separator: str) -> bool:
    """A header row and its separator row, as the tables extension tests a block."""
    header_cells = _split_row(header)
    bordered = header.strip(" ").startswith("|") or header.strip(" ").endswith("|")
    if len(header_cells) < 2 and not (len(header_cells) == 1 and bordered):
        return False
    separator_cells = _split_row(separator)
    return (
        len(separator_cells) == len(header_cells)
        and set("".join(separator_cells)) <= set("|:- ")
        and ("-" in separator)
    )


def _attributes(text: str) -> dict[str, str]:
    return {
        match[1].lower(): next((value for value in match.groups()[1:] if value is not None), "")
        for match in _ATTRIBUTE.finditer(text)
    }


@dataclass(frozen=True, eq=False)
class MarkdownPage:
    """One page of docs/ as its editor wrote it, read as Python-Markdown reads it."""

    src_uri: str
    languages: Languages
    text: str  # NFC, `\n` line ends
    lines: tuple[str, ...]  # the file's lines; line n is lines[n - 1]
    conflicts: tuple[tuple[int, str], ...]  # git's markers: (line, message)
    front_matter: FrontMatter
    body_line: int  # the first line after the front matter
    headings: tuple[Heading, ...]
    blocks: tuple[Block, ...]
    definitions: tuple[Reference, ...]  # link reference definitions, in order
    fenced_lines: frozenset[int] = field(default_factory=frozenset)  # lines of fenced code blocks

    @classmethod
    def parse(cls, src_uri: str, text: str, languages: Languages) -> MarkdownPage:
        """Read a page's text (read NFC here; line ends `\\n`)."""
        text = read(text)
        conflicts = tuple((line or 1, message) for line, message in conflict_markers(text))
        front_matter = read_front_matter(src_uri, text, readable=not conflicts)
        lines = tuple(text.split("\n"))
        body_line = front_matter.span[1] + 1 if front_matter.span else 1
        body = [_Line(number, line.expandtabs(TAB_LENGTH)) for number, line in enumerate(lines, 1)]
        reader = _BlockReader(body[body_line - 1 :])
        reader.read()
        return cls(
            src_uri,
            languages,
            text,
            lines,
            conflicts,
            front_matter,
            body_line,
            tuple(reader.headings),
            tuple(reader.blocks),
            tuple(reader.definitions),
            frozenset(reader.fenced),
        )

    @classmethod
    def read(cls, file: File, languages: Languages) -> MarkdownPage:
        """A page of MkDocs' `Files`: its bytes, read as MkDocs reads them (universal newlines)."""
        # Not UTF-8: reported by checks/files.py; the rest of the page is still read.
        text = file.content_bytes.decode("utf-8-sig", errors="replace")
        return cls.parse(file.src_uri, text.replace("\r\n", "\n").replace("\r", "\n"), languages)

    # -- what the page is -------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self.languages.of(self.src_uri)

    @property
    def norm_uri(self) -> str:
        return self.languages.norm_uri(self.src_uri)

    @property
    def is_question(self) -> bool:
        return is_question(self.src_uri)

    @property
    def meta(self) -> Mapping[str, object]:
        return self.front_matter.values

    def key_line(self, key: str) -> int | None:
        return self.front_matter.key_lines.get(key)

    @property
    def body(self) -> str:
        return "\n".join(self.lines[self.body_line - 1 :])

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def text_of(self, span: Span) -> str:
        return "\n".join(self.lines[span.first - 1 : span.last])

    def body_lines(self, *, fenced: bool = False) -> tuple[tuple[int, str], ...]:
        """(line number, line) of the body; fenced code blocks left out unless `fenced`."""
        return tuple(
            (number, self.lines[number - 1])
            for number in range(self.body_line, len(self.lines) + 1)
            if fenced or number not in self.fenced_lines
        )

    # -- its structure ----------------------------------------------------------------------

    @property
    def title(self) -> Heading | None:
        """The page's title: its first level-1 heading."""
        return next((heading for heading in self.headings if heading.level == 1), None)

    def heading(self, heading_id: str) -> Heading | None:
        return next((heading for heading in self.headings if heading.id == heading_id), None)

    def blocks_between(self, first: int, last: int | None) -> tuple[Block, ...]:
        """The blocks starting after line `first` and before line `last` (None: the end)."""
        return tuple(
            block
            for block in self.blocks
            if block.span.first > first and (last is None or block.span.first < last)
        )

    def section(self, heading_id: str) -> tuple[Heading, tuple[Block, ...]] | None:
        """The heading with this id, and the blocks under it up to the next heading of its level or above."""
        heading = self.heading(heading_id)
        if heading is None:
            return None
        end = next(
            (h.line for h in self.headings if h.line > heading.line and h.level <= heading.level), None
        )
        return heading, self.blocks_between(heading.line, end)

    def answer(self) -> tuple[Block, ...]:
        """What the page says under its title: the blocks up to the next heading (readers see them)."""
        title = self.title
        if title is None:
            return ()
        end = next((h.line for h in self.headings if h.line > title.line), None)
        blocks = self.blocks_between(title.line, end)
        return tuple(block for block in blocks if block.kind not in SILENT and block.kind != "heading")

    def learn_more(self) -> LearnMore | None:
        """The `## … {#learn-more}` section: its heading, blocks, and the links of its lists' items."""
        found = self.section(LEARN_MORE_ID)
        if found is None:
            return None
        heading, blocks = found
        items = [item.span for block in blocks if block.kind == "list" for item in block.items]
        links = tuple(link for link in self.links if any(link.line in span for span in items))
        return LearnMore(heading, blocks, links)

    def block_at(self, line: int) -> Block | None:
        """The (top-level) block holding this line."""
        starts = [block.span.first for block in self.blocks]
        position = bisect.bisect_right(starts, line) - 1
        if position >= 0 and line in self.blocks[position].span:
            return self.blocks[position]
        return None

    @cached_property
    def references(self) -> Mapping[str, tuple[str, int]]:
        """Where `[text][label]` leads: label (lower case) -> (URL, line); the last definition wins."""
        return MappingProxyType({reference_key(d.label): (d.url, d.line) for d in self.definitions})

    @cached_property
    def finder(self) -> LineFinder:
        """Text searched in the page's lines (sources/lines.py), for what has no structure of its own."""
        return LineFinder(self)

    @property
    def address(self) -> str:
        """Where the page is published, in its language's part of the site (`faq/` for
        faq/index.md or faq.md, `about/` for about.md, `` for the home page), as MkDocs
        computes it (directory URLs, as this site and its redirects use)."""
        url = File(self.norm_uri, None, "", use_directory_urls=True).url
        return "" if url == "./" else url

    # -- what its text holds ----------------------------------------------------------------

    def prose(self) -> Iterator[tuple[Block, str]]:
        """Each block that is not code, with its text, code spans and comments blanked (lines and
        columns kept)."""
        for block in self.blocks:
            if block.kind == "code":
                continue
            text = self.text_of(block.span)
            if block.kind not in ("html", "comment"):
                text = _blank(text, _code_spans(text))
            yield block, _blank(text, _comments(text))

    @cached_property
    def balance(self) -> Balance:
        """The raw HTML tags that do not balance. Python-Markdown writes its own elements balanced and
        passes raw HTML on as it is: inside a block it renders (a paragraph, a list item, a heading…),
        what is opened must close there; a raw HTML block's elements close anywhere after."""
        by_line: dict[int, list[RawTag]] = {}
        for tag in self.tags:
            by_line.setdefault(tag.line, []).append(tag)
        open_elements = _OpenElements()

        def read(span: Span) -> None:
            for number in range(span.first, span.last + 1):
                for tag in by_line.get(number, []):
                    if tag.name in VOID or tag.self_closing:
                        continue
                    if tag.closing:
                        open_elements.close(tag)
                    else:
                        open_elements.open(tag)

        for item in self.blocks:
            if item.kind == "html":
                read(item.span)
            elif item.kind not in ("code", "comment", "references", "rule"):
                for rendered in item.items if item.kind == "list" else (item,):
                    open_elements.start_block()
                    read(rendered.span)
                    open_elements.end_block()
        unclosed = tuple(
            tag for tag in open_elements.stack if tag is not None and tag.name not in ("p", "li")
        )
        return Balance(tuple(open_elements.stray), tuple(open_elements.left_open), unclosed)

    @cached_property
    def links(self) -> tuple[Link, ...]:
        """Every link and image of the page, in order, outside code."""
        found: list[Link] = []
        for block, text in self.prose():
            found.extend(_links(text, block.span.first, self.references))
        return tuple(found)

    @cached_property
    def tags(self) -> tuple[RawTag, ...]:
        """Every HTML tag written in the page, in order, outside code and comments."""
        found: list[RawTag] = []
        for block, text in self.prose():
            starts = _line_starts(text)
            for match in _TAG.finditer(text):
                line, column = _position(starts, match.start())
                tag = RawTag(match[2].lower(), bool(match[1]), block.span.first + line, column + 1, match[0])
                found.append(tag)
        return tuple(found)


class _OpenElements:
    """The raw HTML elements open, as a browser keeps them, in time linear in the tags read."""

    def __init__(self) -> None:
        self.stack: list[RawTag | None] = []  # None: where a block Python-Markdown renders starts
        self.blocks: list[int] = []  # where each of those starts in the stack
        self.by_name: dict[str, list[int]] = {}  # where each element of a name is in the stack
        self.stray: list[RawTag] = []
        self.left_open: list[RawTag] = []

    def open(self, tag: RawTag) -> None:
        self.by_name.setdefault(tag.name, []).append(len(self.stack))
        self.stack.append(tag)

    def close(self, tag: RawTag) -> None:
        positions = self.by_name.get(tag.name)
        block = self.blocks[-1] if self.blocks else -1
        # None open, or only outside the block around it, which it cannot close: the browser ignores it.
        if not positions or positions[-1] < block:
            self.stray.append(tag)
            return
        self.left_open.extend(self._pop_to(positions[-1])[1:])

    def start_block(self) -> None:
        self.blocks.append(len(self.stack))
        self.stack.append(None)

    def end_block(self) -> None:
        """Closes what is open in the block: each element name once a block, left open."""
        names: set[str] = set()
        for tag in self._pop_to(self.blocks.pop()):
            if tag is not None and tag.name not in names:
                self.left_open.append(tag)
                names.add(tag.name)

    def _pop_to(self, position: int) -> list[RawTag]:
        """Removes the stack from `position` on; the elements removed, in order."""
        removed = self.stack[position:]
        del self.stack[position:]
        for tag in removed:
            if tag is not None:
                self.by_name[tag.name].pop()
        return [tag for tag in removed if tag is not None]


def reference_key(label: str) -> str:
    """A reference label as Python-Markdown matches it: case and the spaces around it do not count."""
    return label.strip().lower()


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    """(line within the text, from 0; column, from 0) of an offset."""
    line = bisect.bisect_right(starts, offset) - 1
    return line, offset - starts[line]


def _pairs(text: str, opening: str, closing: str) -> dict[int, int]:
    """Where each bracket that is not escaped closes, in one pass."""
    pairs, stack = {}, []
    for index, character in enumerate(text):
        if character == opening and not _escaped(text, index):
            stack.append(index)
        elif character == closing and stack and not _escaped(text, index):
            pairs[stack.pop()] = index
        elif character == "\n" and index + 1 < len(text) and text[index + 1] == "\n":
            stack = []
    return pairs


def _links(text: str, first: int, references: Mapping[str, tuple[str, int]]) -> list[Link]:
    """The links of one block's text (code spans and comments blanked), as Python-Markdown reads them."""
    starts = _line_starts(text)
    brackets, parens = _pairs(text, "[", "]"), _pairs(text, "(", ")")
    found: list[tuple[int, Link]] = []

    def add(offset: int, **fields: object) -> None:
        line, column = _position(starts, offset)
        found.append((offset, Link(line=first + line, column=column + 1, **fields)))  # type: ignore[arg-type]

    inside_url_until = -1
    for start in sorted(brackets):
        end = brackets[start]
        if start < inside_url_until:
            continue
        image = start > 0 and text[start - 1] == "!" and not _escaped(text, start - 1)
        label_text = text[start + 1 : end]
        after = end + 1
        attributes = ""
        if after < len(text) and text[after] == "(" and after in parens:
            close = parens[after]
            url, _, _ = text[after + 1 : close].strip().partition(" ")
            url = url.strip("<>") if url.startswith("<") else url
            tail = text[close + 1 :]
            if tail.startswith("{") and "}" in tail.split("\n", 1)[0]:
                attributes = tail[1 : tail.index("}")]
            add(
                start - 1 if image else start,
                text=label_text,
                url=url,
                kind="image" if image else "inline",
                attributes=attributes,
            )
            inside_url_until = close
            continue
        if image:
            continue
        rest = text[after : after + 2]
        label_start = (
            after + 1
            if rest[:1] == "["
            else after + 2
            if rest[:1] in (" ", "\n") and rest[1:] == "["
            else None
        )
        if label_start is not None and label_start - 1 in brackets:
            label_end = brackets[label_start - 1]
            label = text[label_start:label_end] or label_text
            url = references.get(reference_key(label), ("", 0))[0]
            add(start, text=label_text, url=url, kind="reference", label=label)
            inside_url_until = label_end
            continue
        label = reference_key(label_text)
        if label in references and not (after < len(text) and text[after] == ":"):
            add(start, text=label_text, url=references[label][0], kind="reference", label=label_text)
    for match in _AUTOLINK.finditer(text):
        add(match.start(), text=match[1], url=match[1], kind="autolink")
    for match in _TAG.finditer(text):
        if match[2].lower() == "a" and not match[1]:
            attributes = _attributes(match[3] or "")
            if "href" in attributes:
                close = text.find("</a", match.end())
                inner = text[match.end() : close] if close != -1 else ""
                add(match.start(), text=inner, url=attributes["href"], kind="html")
    return [link for _, link in sorted(found, key=lambda pair: pair[0])]

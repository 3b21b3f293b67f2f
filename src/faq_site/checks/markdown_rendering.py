"""Markdown that does not render as the editor wrote it, found on the rendered page.

Python-Markdown never fails: what it cannot read it shows as text, or passes on
as HTML. So each page's rendered HTML is read back, and compared with its
source to name the line:

- an emphasis marker left open (`**gras`, `*mot`, `_mot`), or closed without
  being opened: readers see the asterisks or underscores. A marker the editor
  escaped (`\\*`) is meant to show, and is left alone;
- footnote syntax, `[^1]` (the footnotes extension is not enabled);
- a link whose `]` and `(` are apart, by a space or a no-break space:
  `[text] (https://…)` shows as typed;
- raw HTML that does not balance: a closing tag with no element open (`</div>`),
  an inline element (`<strong>`, `<em>`…) left open at the end of its paragraph,
  which the browser carries on into the rest of the page;
- a heading with no explicit id: underlined (setext, `---` or `===` on the
  next line), or written in HTML (`<h2>`). Every heading has an id, the same in
  both languages (an element left open to the end of the page, and ATX headings
  `## Title` without id, are named by the other checks).

`check` is pure: the page's source lines and its rendered HTML in, `(line,
message)` findings out; `check_page` gives them as the plugin's problems.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from faq_site.checks.outline import RenderedHeading
from faq_site.messages.problems import Problem
from faq_site.sources.source import Source, plain

Finding = tuple[int | None, str]
Lines = list[tuple[int, str]]  # (line number, text) of the page's body, fenced code left out

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_HIDDEN = frozenset(["code", "pre", "script", "style", "kbd", "samp"])
_BLOCKS = frozenset(
    ["p", "li", "ul", "ol", "div", "blockquote", "td", "th", "tr", "dd", "dt", "table", "details", "summary"]
    + [f"h{level}" for level in range(1, 7)]
)


@dataclass
class _Reader(HTMLParser):
    """The visible text of each block, the headings, and the raw HTML that does not balance."""

    blocks: list[str] = field(default_factory=list)
    headings: list[RenderedHeading] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)  # closing tags that close nothing
    left_open: list[str] = field(default_factory=list)  # elements closed only by their parent's end

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)
        self._open: list[str] = []
        self._text: list[str] = []
        self._hidden = 0
        self._heading: RenderedHeading | None = None

    def _flush(self) -> None:
        if "".join(self._text).strip():
            self.blocks.append("".join(self._text))
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in _BLOCKS:
            self._flush()
        if tag in _VOID:
            return
        self._open.append(tag)
        if self._hidden or tag in _HIDDEN or "headerlink" in (attributes.get("class") or "").split():
            self._hidden += 1
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._heading = RenderedHeading(int(tag[1]), attributes.get("id"))
            self.headings.append(self._heading)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag in _VOID:
            return
        if tag not in self._open:
            self.stray.append(tag)
            return
        while self._open:
            closed = self._open.pop()
            if self._hidden:
                self._hidden -= 1
            if closed == tag:
                break
            self.left_open.append(closed)
        if tag[:1] == "h" and tag[1:] in ("1", "2", "3", "4", "5", "6"):
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        self._text.append(data)
        if self._heading is not None:
            self._heading.text += data


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._flush()
    return reader


def _same(text: str) -> str:
    return text


@dataclass
class _Source:
    lines: Lines
    normalise: Callable[[str], str]

    def line_of(self, *needles: str) -> int | None:
        for needle in filter(None, needles):
            wanted = self.normalise(needle)
            for number, line in self.lines:
                if wanted in self.normalise(line):
                    return number
        return None

    def lines_with(self, needle: str) -> list[int]:
        wanted = self.normalise(needle)
        return [number for number, line in self.lines if wanted in self.normalise(line)]


# -- emphasis -----------------------------------------------------------------------------------

_MARKER_RUN = re.compile(r"(?<![*_\\])(\*{1,3}|_{1,3})(?![*_])")
_URL = re.compile(r"\S+://\S*|\S+@\S+\.\S+")
_WHAT = {1: "italics", 2: "bold", 3: "bold italics"}


def _word_before(text: str, end: int) -> str:
    return text[:end].split()[-1] if text[:end].split() else ""


def _word_after(text: str, start: int) -> str:
    return text[start:].split()[0] if text[start:].split() else ""


def _apart(marker: str, before: str, source: _Source) -> Finding:
    return (
        source.line_of(f"{before} {marker}", marker),
        f"the `{marker}` after “{before}” has a space on each side, so readers see it as text. Put it "
        f"against the words, with no space inside (`{marker}words{marker}`), or delete it.",
    )


def emphasis(blocks: list[str], source: _Source) -> list[Finding]:
    findings: list[Finding] = []
    for block in blocks:
        text = _URL.sub(lambda match: " " * len(match[0]), block)
        for match in _MARKER_RUN.finditer(text):
            marker = match[1]
            before = text[match.start() - 1] if match.start() else " "
            after = text[match.end()] if match.end() < len(text) else " "
            opens = not after.isspace() and (before.isspace() or not before.isalnum())
            closes = not before.isspace() and (after.isspace() or not after.isalnum())
            if len(marker) == 1 and (before.isalnum() and after.isalnum() or not (opens or closes)):
                continue  # `snake_case`, `2 * 3`: not a marker
            if not opens and not closes:  # `un ** deux`: a space on each side
                findings.append(_apart(marker, _word_before(text, match.start()), source))
                continue
            opening = opens
            context = _word_after(text, match.end()) if opening else _word_before(text, match.start())
            typed = f"{marker}{context}" if opening else f"{context}{marker}"
            escaped = "\\" + "\\".join(marker)
            if source.line_of(f"{escaped}{context}" if opening else f"{context}{escaped}"):
                continue  # written `\*` on purpose, to show the character
            where = f"before “{context}”" if opening else f"after “{context}”"
            what = _WHAT[len(marker)]
            role = f"opens {what} that is never closed" if opening else f"closes {what} that was never opened"
            findings.append(
                (
                    source.line_of(typed, marker),
                    f"the `{marker}` {where} {role}, so readers see it as text. Put `{marker}` on both "
                    f"sides of the words, with no space inside (`{marker}words{marker}`), or write "
                    f"`{escaped}` to show it as it is.",
                )
            )
    return findings


# -- footnotes and split links --------------------------------------------------------------------

_FOOTNOTE = re.compile(r"\[\^[^\]\s]*\]")
_SPLIT_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\](?P<space>[ \t\n\u00a0\u202f]+)\((?P<url>[^()\s]*)\)?")
_SPACE_NAMES = {
    "\n": "a line break",
    "\u00a0": "a no-break space",
    "\u202f": "a narrow no-break space",
    "\t": "a tab",
}


def footnotes(blocks: list[str], source: _Source) -> list[Finding]:
    findings: list[Finding] = []
    shown = dict.fromkeys(match[0] for block in blocks for match in _FOOTNOTE.finditer(block))
    for footnote in shown:
        for line in source.lines_with(footnote) or [None]:
            findings.append(
                (
                    line,
                    f"readers see `{footnote}` as text: footnotes are not enabled on this site. Put the "
                    "note in the text itself, in parentheses or in a sentence of its own.",
                )
            )
    return findings


def split_links(blocks: list[str], source: _Source) -> list[Finding]:
    findings: list[Finding] = []
    for block in blocks:
        for match in _SPLIT_LINK.finditer(block):
            space = match["space"]
            kind = next((name for char, name in _SPACE_NAMES.items() if char in space), "a space")
            text, url = source.normalise(match["text"]), match["url"]
            findings.append(
                (
                    source.line_of(f"]{space}({url}", f"[{match['text']}]"),
                    f"readers see `[{text}] ({url})` as text, not a link: there is {kind} between `]` and "
                    f"`(`. Write them together: `[{text}]({url})`.",
                )
            )
    return findings


# -- raw HTML that does not balance ---------------------------------------------------------------


_CODE_SPAN = re.compile(r"(`+).*?\1")


def _without_code(lines: Lines) -> Lines:
    """The lines with their inline code (`<h2>` between backquotes shows as typed) blanked out."""
    return [(number, _CODE_SPAN.sub(lambda m: " " * len(m[0]), line)) for number, line in lines]


def _paragraphs(lines: Lines) -> list[Lines]:
    paragraphs: list[Lines] = [[]]
    for number, line in lines:
        if line.strip():
            paragraphs[-1].append((number, line))
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def _tags(tag: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(rf"<{tag}(?=[\s/>])", re.I), re.compile(rf"</{tag}\s*>", re.I)


# Elements that live inside a paragraph: the end of the paragraph closes them.
_INLINE = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark"]
    + ["q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"]
)


def _stray_lines(tag: str, lines: Lines) -> list[int]:
    if tag in _INLINE:  # counted paragraph by paragraph
        return [line for paragraph in _paragraphs(lines) for line in _stray_lines_in(tag, paragraph)]
    return _stray_lines_in(tag, lines)


def _stray_lines_in(tag: str, lines: Lines) -> list[int]:
    opening, closing = _tags(tag)
    found, depth = [], 0
    for number, line in lines:
        events = sorted(
            [(m.start(), 1) for m in opening.finditer(line)]
            + [(m.start(), -1) for m in closing.finditer(line)]
        )
        for _, step in events:
            if step < 0 and depth == 0:
                found.append(number)
            else:
                depth += step
    return found


def _left_open_lines(tag: str, lines: Lines) -> list[int]:
    opening, closing = _tags(tag)
    found = []
    for paragraph in _paragraphs(lines):
        opened: list[int] = []
        for number, line in paragraph:
            events = sorted(
                [(m.start(), number) for m in opening.finditer(line)]
                + [(m.start(), -1) for m in closing.finditer(line)]
            )
            for _, event in events:
                if event > 0:
                    opened.append(event)
                elif opened:
                    opened.pop()
        found += opened[:1]
    return found


def unbalanced_html(reader: _Reader, source: _Source) -> list[Finding]:
    findings: list[Finding] = []
    for tag in dict.fromkeys(reader.stray):
        lines = _stray_lines(tag, _without_code(source.lines)) or [None]
        for line in lines[: reader.stray.count(tag)]:
            findings.append(
                (
                    line,
                    f"the closing tag `</{tag}>` closes no element: there is no `<{tag}>` open before it. "
                    f"Delete it, or add the `<{tag}>` where the element starts.",
                )
            )
    for tag in dict.fromkeys(reader.left_open):
        lines = _left_open_lines(tag, _without_code(source.lines)) or [None]
        for line in lines[: reader.left_open.count(tag)]:
            findings.append(
                (
                    line,
                    f"the HTML element `<{tag}>` is not closed before the end of its paragraph, so it runs "
                    f"on into the rest of the page. Close it with `</{tag}>` in the same paragraph, or "
                    "write Markdown instead of HTML.",
                )
            )
    return findings


# -- headings without an explicit id --------------------------------------------------------------

_UNDERLINE = re.compile(r"^ {0,3}(?P<marks>=+|-+)[ \t]*$")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_RAW_HEADING = re.compile(
    r"<h(?P<level>[1-6])(?P<attributes>(?:\s[^>]*)?)>(?P<title>.*?)(?:</h(?P=level)\s*>|$)", re.I
)
_ATTRIBUTE_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
_TAG = re.compile(r"<[^>]+>")


def headings(reader: _Reader, source: _Source) -> list[Finding]:
    findings: list[Finding] = []
    shown = {(heading.level, " ".join(source.normalise(heading.text).split())) for heading in reader.headings}
    previous: tuple[int, str] | None = None
    for number, line in source.lines:
        match = _UNDERLINE.match(line)
        if match and previous and previous[1].strip() and not _ATX.match(previous[1]):
            level = 1 if match["marks"][0] == "=" else 2
            title = _ATTRIBUTE_LIST.sub("", previous[1]).strip()
            has_id = "{#" in previous[1] or re.search(r"\{[^}]*#[A-Za-z]", previous[1])
            if not has_id and (level, " ".join(source.normalise(title).split())) in shown:
                marks = match["marks"]
                hint = (
                    f"; for a horizontal line instead, leave an empty line above the `{marks}`"
                    if level == 2
                    else ""
                )
                findings.append(
                    (
                        previous[0],
                        f"the heading “{title}” is underlined with `{marks}` on the next line, so it has "
                        "no explicit id. Write it on one line with its id: "
                        f"`{'#' * level} {title} {{#id}}` (the same id in both languages){hint}.",
                    )
                )
        previous = (number, line)
        for raw in _RAW_HEADING.finditer(_without_code([(number, line)])[0][1]):
            if re.search(r"\bid\s*=", raw["attributes"]):
                continue
            level, title = int(raw["level"]), _TAG.sub("", raw["title"]).strip()
            findings.append(
                (
                    number,
                    f"the heading `<h{level}>` “{title}” is written in HTML, so it has no id and is left out "
                    f"of the page's table of contents. Write it in Markdown with its id: "
                    f"`{'#' * level} {title} {{#id}}` (the same id in both languages).",
                )
            )
    return findings


def check(lines: Lines, html: str, normalise: Callable[[str], str] = _same) -> list[Finding]:
    """Every place where a page's rendered HTML does not say what its Markdown meant."""
    reader = read(html)
    source = _Source(lines, normalise)
    return (
        emphasis(reader.blocks, source)
        + footnotes(reader.blocks, source)
        + split_links(reader.blocks, source)
        + unbalanced_html(reader, source)
        + headings(reader, source)
    )


def check_page(source: Source, html: str) -> list[Problem]:
    findings = check(source.lines(), html, plain)
    return [Problem(source.src_uri, message, line) for line, message in findings]


# -- links to a language's file --------------------------------------------------------------------


def language_file_links(lines: Lines, languages: list[str]) -> list[Finding]:
    """Links to `x.en.md`: static-i18n links each language's page to that language's version of `x.md`."""
    suffix = "|".join(re.escape(language) for language in languages)
    target = re.compile(
        rf"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?)(?P<path>[^)\s>#]*?)\.(?:{suffix})\.md(?P<anchor>#[^)\s>]*)?"
    )
    findings: list[Finding] = []
    for number, line in _without_code(lines):
        for match in target.finditer(line):
            written = match[0][match.start("path") - match.start() :]
            page = f"{match['path']}.md{match['anchor'] or ''}"
            findings.append(
                (
                    number,
                    f"the link `{written}` names one language's file. Link `{page}` instead: the site "
                    "leads each language's readers to their own version of it.",
                )
            )
    return findings

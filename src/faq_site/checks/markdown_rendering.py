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
  which the browser carries on into the rest of the page (the browser repairs
  both silently: sources/page.py reads them from the Markdown's raw tags);
- a heading with no explicit id: underlined (setext, `---` or `===` on the
  next line), or written in HTML (`<h2>`), as the page model reads them. Every
  heading has an id, the same in both languages (an element left open to the
  end of the page, and ATX headings `## Title` without id, are named by the
  other checks).

`check` is pure: the page read and rendered in, `(line, message)` findings out;
`markdown_problems` (what the Markdown shows) and `rendered_problems` (what the
rendered page shows) give them as the plugin's problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from faq_site.checks.rendered import Inside, RenderedPage
from faq_site.messages.problems import Problem
from faq_site.sources.lines import Fold, plain
from faq_site.sources.page import MarkdownPage

Finding = tuple[int | None, str]

# What readers do not see as text: code, keyboard input, scripts and styles, the `¶` after headings.
_HIDDEN = Inside.CODE | Inside.KEYBOARD | Inside.PRE | Inside.SCRIPT | Inside.PERMALINK
_BLOCKS = frozenset(
    ["p", "li", "ul", "ol", "div", "blockquote", "td", "th", "tr", "dd", "dt", "table", "details", "summary"]
    + [f"h{level}" for level in range(1, 7)]
)


@dataclass
class _Source:
    """The page's lines, searched for rendered words as the editor typed them (typography folded)."""

    page: MarkdownPage

    def normalise(self, text: str) -> str:
        return plain(text)

    def line_of(self, *needles: str) -> int | None:
        return self.page.finder.first(*needles, fold=Fold.TYPOGRAPHY)

    def lines_with(self, needle: str) -> list[int]:
        return self.page.finder.all(needle, fold=Fold.TYPOGRAPHY)


# -- emphasis -----------------------------------------------------------------------------------

_MARKER_RUN = re.compile(r"(?<![*_\\])(\*{1,3}|_{1,3})(?![*_])")
_WORD = re.compile(r"\S+")
_WHAT = {1: "italics", 2: "bold", 3: "bold italics"}
# Characters of a word a message quotes, at most (a word longer than this is no word of prose).
_WORD_LIMIT = 80


def _is_address(word: str) -> bool:
    """`https://…`, `name@example.org`: their `_` and `*` are not emphasis (`\\S+://\\S*|\\S+@\\S+\\.\\S+`)."""
    if word.find("://", 1) >= 1:
        return True
    at = word.find("@", 1)
    return at >= 1 and word.find(".", at + 2, len(word) - 1) >= 0


def _without_addresses(text: str) -> str:
    """The text with each word that is an address blanked, read word by word (in linear time)."""
    return _WORD.sub(lambda match: " " * len(match[0]) if _is_address(match[0]) else match[0], text)


def _word_before(text: str, end: int) -> str:
    """The word that ends at or before `end`, its last _WORD_LIMIT characters at most."""
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > 0 and stop - start < _WORD_LIMIT and not text[start - 1].isspace():
        start -= 1
    return text[start:stop]


def _word_after(text: str, start: int) -> str:
    """The word that starts at or after `start`, its first _WORD_LIMIT characters at most."""
    match = _WORD.search(text, start)
    return match[0][:_WORD_LIMIT] if match else ""


def _apart(marker: str, before: str, source: _Source) -> Finding:
    return (
        source.line_of(f"{before} {marker}", marker),
        f"the `{marker}` after “{before}” has a space on each side, so readers see it as text. Put it "
        f"against the words, with no space inside (`{marker}words{marker}`), or delete it.",
    )


def emphasis(blocks: list[str], source: _Source) -> list[Finding]:
    findings: list[Finding] = []
    for block in blocks:
        text = _without_addresses(block)
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


def unbalanced_html(page: MarkdownPage) -> list[Finding]:
    """Closing tags that close nothing, and inline elements left open at the end of their block
    (sources/page.py reads them from the Markdown's raw tags: the browser repairs both silently)."""
    balance = page.balance
    findings: list[Finding] = [
        (
            tag.line,
            f"the closing tag `</{tag.name}>` closes no element: there is no `<{tag.name}>` open before it. "
            f"Delete it, or add the `<{tag.name}>` where the element starts.",
        )
        for tag in balance.stray
    ]
    findings += [
        (
            tag.line,
            f"the HTML element `<{tag.name}>` is not closed before the end of its paragraph, so it runs "
            f"on into the rest of the page. Close it with `</{tag.name}>` in the same paragraph, or "
            "write Markdown instead of HTML.",
        )
        for tag in balance.left_open
    ]
    return findings


# -- headings without an explicit id --------------------------------------------------------------

_HEADING_TAG = re.compile(r"h[1-6]")
_TAG = re.compile(r"<[^>]+>")


def headings(page: MarkdownPage) -> list[Finding]:
    """Headings underlined (setext) or written in HTML (`<h2>`): neither has an explicit id."""
    findings: list[Finding] = []
    for heading in page.headings:
        if heading.form != "setext" or heading.id is not None:
            continue
        level, title = heading.level, heading.title
        marks = page.line(heading.line + 1).strip()
        hint = (
            f"; for a horizontal line instead, leave an empty line above the `{marks}`" if level == 2 else ""
        )
        findings.append(
            (
                heading.line,
                f"the heading “{title}” is underlined with `{marks}` on the next line, so it has "
                "no explicit id. Write it on one line with its id: "
                f"`{'#' * level} {title} {{#id}}` (the same id in both languages){hint}.",
            )
        )
    for tag in page.tags:
        if tag.closing or not _HEADING_TAG.fullmatch(tag.name) or re.search(r"\bid\s*=", tag.text):
            continue
        line = page.line(tag.line)
        start = tag.column - 1 + len(tag.text)
        end = line.lower().find(f"</{tag.name}", start)
        title = _TAG.sub("", line[start : end if end >= 0 else len(line)]).strip()
        level = int(tag.name[1])
        findings.append(
            (
                tag.line,
                f"the heading `<h{level}>` “{title}” is written in HTML, so it has no id and is left out "
                f"of the page's table of contents. Write it in Markdown with its id: "
                f"`{'#' * level} {title} {{#id}}` (the same id in both languages).",
            )
        )
    return sorted(findings, key=lambda finding: finding[0] or 0)


def check(page: MarkdownPage, rendered: RenderedPage) -> list[Finding]:
    """Every place where a page's rendered HTML does not say what its Markdown meant."""
    blocks = rendered.texts(_BLOCKS, _HIDDEN)
    source = _Source(page)
    return (
        emphasis(blocks, source)
        + footnotes(blocks, source)
        + split_links(blocks, source)
        + unbalanced_html(page)
        + headings(page)
    )


def markdown_problems(source: MarkdownPage) -> list[Problem]:
    """What the page model reads in the Markdown itself: raw HTML that does not balance, headings
    that can have no id."""
    findings = unbalanced_html(source) + headings(source)
    return [Problem(source.src_uri, message, line) for line, message in findings]


def rendered_problems(source: MarkdownPage, rendered: RenderedPage) -> list[Problem]:
    """What only the rendered page shows: emphasis markers left as text, footnotes, split links."""
    blocks, lines = rendered.texts(_BLOCKS, _HIDDEN), _Source(source)
    findings = emphasis(blocks, lines) + footnotes(blocks, lines) + split_links(blocks, lines)
    return [Problem(source.src_uri, message, line) for line, message in findings]


# -- links to a language's file --------------------------------------------------------------------


def language_file_links(page: MarkdownPage, languages: list[str]) -> list[Finding]:
    """Links to `x.en.md`: static-i18n links each language's page to that language's version of `x.md`."""
    suffix = "|".join(re.escape(language) for language in languages)
    target = re.compile(rf"(?P<path>[^)\s>#]*?)\.(?:{suffix})\.md(?P<anchor>#[^)\s>]*)?")
    written = [(link.line, link.url) for link in page.links if link.kind in ("inline", "image")]
    written += [(definition.line, definition.url) for definition in page.definitions]
    findings: list[Finding] = []
    for number, url in sorted(written):
        match = target.match(url)
        if match:
            page_file = f"{match['path']}.md{match['anchor'] or ''}"
            findings.append(
                (
                    number,
                    f"the link `{match[0]}` names one language's file. Link `{page_file}` instead: the site "
                    "leads each language's readers to their own version of it.",
                )
            )
    return findings

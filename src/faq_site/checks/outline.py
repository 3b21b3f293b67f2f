"""What a page's rendered HTML shows readers, read once with the standard library.

The checks of rendered pages (checks/page_html.py, checks/links.py) read each
page's outline: its headings, ids, links, code blocks and visible text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class RenderedHeading:
    level: int
    id: str | None
    text: str = ""


@dataclass
class RenderedLink:
    href: str
    text: str = ""
    has_image: bool = False
    in_list_item: bool = False
    section: str | None = None  # id of the heading it is under


@dataclass
class Outline(HTMLParser):
    """Headings, ids, links, code blocks and visible text of a page's rendered content."""

    headings: list[RenderedHeading] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[RenderedLink] = field(default_factory=list)
    code_blocks: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    visible_text: list[str] = field(default_factory=list)  # outside code
    list_items: dict[str | None, list[str]] = field(default_factory=dict)  # by section id
    unclosed: list[str] = field(default_factory=list)

    _VOID = frozenset(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    )
    _RAW = frozenset(["code", "pre", "script", "style"])

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)
        self._open: list[str] = []
        self._section: str | None = None
        self._heading: RenderedHeading | None = None
        self._link: RenderedLink | None = None
        self._paragraph: list[str] | None = None
        self._item: list[str] | None = None
        self._pre: list[str] | None = None
        self._permalink = False

    @classmethod
    def of(cls, html: str) -> Outline:
        outline = cls()
        outline.feed(html)
        outline.close()
        outline.unclosed = [tag for tag in outline._open if tag not in ("p", "li")]
        return outline

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag not in self._VOID:
            self._open.append(tag)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._heading = RenderedHeading(int(tag[1]), attributes.get("id"))
            self.headings.append(self._heading)
            self._section = attributes.get("id")
        elif tag == "a" and "headerlink" in (attributes.get("class") or ""):
            self._permalink = True  # the ¶ after a heading, added by the build
        elif tag == "a" and attributes.get("href") is not None:
            self._link = RenderedLink(
                attributes["href"] or "",
                in_list_item=self._item is not None,
                section=self._section,
            )
            self.links.append(self._link)
        elif tag == "img" and self._link is not None and (attributes.get("alt") or "").strip():
            self._link.has_image = True
        elif tag == "p":
            self._paragraph = []
        elif tag == "li":
            self._item = []
        elif tag == "pre":
            self._pre = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass
        if tag == "a":
            self._link, self._permalink = None, False
        elif tag[:1] == "h" and tag[1:] in ("1", "2", "3", "4", "5", "6"):
            self._heading = None
        elif tag == "p" and self._paragraph is not None:
            self.paragraphs.append("".join(self._paragraph))
            self._paragraph = None
        elif tag == "li" and self._item is not None:
            self.list_items.setdefault(self._section, []).append("".join(self._item))
            self._item = None
        elif tag == "pre" and self._pre is not None:
            self.code_blocks.append("".join(self._pre))
            self._pre = None

    def handle_data(self, data: str) -> None:
        if self._pre is not None:
            self._pre.append(data)
        if self._permalink or any(tag in self._RAW for tag in self._open):
            return
        self.visible_text.append(data)
        for part in (self._heading, self._link):
            if part is not None:
                part.text += data
        for collected in (self._paragraph, self._item):
            if collected is not None:
                collected.append(data)

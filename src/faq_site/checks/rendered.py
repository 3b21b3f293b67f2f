"""What a rendered page shows readers, block by block: the text the language checks read.

Reads the HTML MkDocs renders from a page's Markdown (the article, before the
theme's template) with the standard library's parser. Each heading, paragraph
and list item is one block, with the text readers see; the ¶ after headings and
the notice the site adds to a translation behind its French text are not the
editor's text and are left out, as are code blocks, scripts and styles.

Each block also keeps its text *in the page's language*: without the parts the
editor marked as another language (`lang="en"`, a link `{hreflang=en}`),
without code, and without the titles of the site's other pages (the home
page's list of questions), which are checked on those pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from faq_site.checks.compare_text import folded

# Added by the build, not written by editors: the headings' ¶, the notice on an outdated translation.
SKIPPED_CLASSES = frozenset({"headerlink", "faq-outdated"})
_HIDDEN = frozenset({"script", "style", "template", "pre"})
_BLOCKS = {
    "p": "paragraph",
    "li": "list item",
    "dt": "list item",
    "dd": "list item",
    "td": "cell",
    "th": "cell",
}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_SCHEME_OR_ANCHOR = re.compile(r"[A-Za-z][\w+.-]*:|#")


@dataclass
class Link:
    href: str
    hreflang: str | None
    text: str = ""
    section: str | None = None  # the id of the heading it is under


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "list item" or "cell"
    section: str | None  # the id of the heading it is under (its own id, for a heading)
    level: int = 0  # a heading's level
    text: str = ""  # what readers see
    in_language: str = ""  # the same, less what is marked as another language, code and other pages' titles


@dataclass
class RenderedPage:
    language: str
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == "paragraph"]

    def answer(self, learn_more_id: str) -> list[Block]:
        """The paragraphs and list items between the title and the learn-more heading."""
        answer = []
        for block in self.blocks:
            if block.kind == "heading" and block.section == learn_more_id:
                break
            if block.kind in ("paragraph", "list item"):
                answer.append(block)
        return answer


class _Reader(HTMLParser):
    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = RenderedPage(language)
        # One entry per open element: (tag, skipped, other_language, own block or None, own link or None).
        self.open: list[tuple[str, bool, bool, Block | None, Link | None]] = []
        self.section: str | None = None

    def _state(self) -> tuple[bool, bool]:
        skipped = any(entry[1] for entry in self.open)
        other_language = any(entry[2] for entry in self.open)
        return skipped, other_language

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br":
                self.handle_data(" ")
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        skipped = tag in _HIDDEN or bool(classes & SKIPPED_CLASSES)
        language = attributes.get("lang") or (attributes.get("hreflang") if tag == "a" else None)
        href = attributes.get("href") if tag == "a" else None
        other_language = (
            tag == "code"
            or (language is not None and language.split("-")[0].lower() != self.page.language)
            or (href is not None and not _SCHEME_OR_ANCHOR.match(href))  # another page of the site
        )
        block = link = None
        if not skipped and not self._state()[0]:
            if tag in _HEADINGS:
                self.section = attributes.get("id")
                block = Block("heading", self.section, int(tag[1]))
            elif tag in _BLOCKS:
                block = Block(_BLOCKS[tag], self.section)
            if block is not None:
                self.page.blocks.append(block)
            if href is not None:
                link = Link(href, attributes.get("hreflang"), section=self.section)
                self.page.links.append(link)
        self.open.append((tag, skipped, other_language, block, link))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        # Close up to the matching element (HTML lets some end tags be left out).
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data: str) -> None:
        skipped, other_language = self._state()
        if skipped:
            return
        block = next((entry[3] for entry in reversed(self.open) if entry[3] is not None), None)
        if block is not None:
            block.text += data
            if not other_language:
                block.in_language += data
        for entry in self.open:
            if entry[4] is not None:
                entry[4].text += data


def read_page(html: str, language: str) -> RenderedPage:
    """The blocks and links of a page's rendered content, written in `language`."""
    reader = _Reader(language)
    reader.feed(html)
    reader.close()
    page = reader.page
    for block in page.blocks:
        block.text, block.in_language = folded(block.text), folded(block.in_language)
    for link in page.links:
        link.text = folded(link.text)
    page.blocks = [block for block in page.blocks if block.text]
    return page

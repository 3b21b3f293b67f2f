"""A rendered page, parsed once as a browser parses it: the one tree every check of it reads.

MkDocs renders each page's Markdown to HTML (the article, before the theme's template).
The plugin parses that HTML once, with Lexbor (the WHATWG HTML parser, through
selectolax: what the allow-list reads, what browsers read), and keeps the content in
document order: each element, with its attributes and where it is (`Element`), and each
piece of text, with what it is inside (`Text.inside`: a permalink `¶`, the site's notice,
a remark of the site's own, code, a link to another page of the site, text marked as
another language…). Every check reads its own view of that one list:

- `outline()`: headings, ids, links, code blocks, paragraphs, visible text, list items
  (checks/page_html.py, checks/links.py);
- `texts(split_at, leave_out)`: the text cut into runs at block elements
  (checks/markdown_rendering.py's blocks, readers/provenance.py's sentences);
- `blocks`, `links`: headings, paragraphs, list items and cells, with
  their text in the page's language (checks/language_integrity.py, the descriptions);
- `article()`: counts and text compared between languages (checks/parity.py);
- `readers_text()`: every text and attribute value, character references read
  (checks/text.py);
- `answer()`, `answer_text()`: what the page answers, for the JSON-LD (readers/seo.py) and the
  description (checks/description_quote.py): one definition;
- `elements`, `comments`, `inline_scripts()`: the allow-list (checks/content_allowlist.py),
  the CSP (readers/csp.py).

What a browser repairs (an element never closed, a stray closing tag, an inline element
left open) is not in a tree: sources/page.py reads it from the Markdown's raw tags.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Flag, auto
from functools import cached_property

from selectolax.lexbor import LexborHTMLParser, LexborNode

from faq_site.checks.compare_text import folded
from faq_site.sources.names import LEARN_MORE_ID, SITE_NOTE

NOTICE_CLASS = "faq-outdated"  # the site's notice on a translation behind its French page (readers/dates.py)
PERMALINK_CLASS = "headerlink"  # the `¶` after each heading (toc)
HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# No scheme and not an anchor of the page: a link to another page of the site.
_SCHEME_OR_ANCHOR = re.compile(r"[A-Za-z][\w+.-]*:|#")
# Script types a browser runs (the HTML standard's JavaScript MIME types, and modules).
RUN_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript"})


class Inside(Flag):
    """What a piece of text is inside: each view leaves out what it does not read."""

    NOTHING = 0
    PERMALINK = auto()  # the `¶` after a heading (any element of class headerlink)
    NOTICE = auto()  # the site's notice on an out-of-date translation
    SITE_NOTE = auto()  # a remark of the site's own, `*(…)*{.faq-note}`
    CODE = auto()  # <code>
    KEYBOARD = auto()  # <kbd>, <samp>
    PRE = auto()  # <pre>
    SCRIPT = auto()  # <script>, <style>
    TEMPLATE = auto()  # <template>
    SITE_LINK = auto()  # a link to another page of the site
    ANCHOR_LINK = auto()  # a link to a part of this page (`#id`)
    OTHER_LANGUAGE = auto()  # `lang` or a link's `hreflang` other than the page's
    LIST_ITEM = auto()  # <li>: no view leaves it out; where a link is


# What readers do not read as text: the permalink, scripts and styles, and code.
RAW = Inside.CODE | Inside.PRE | Inside.SCRIPT | Inside.PERMALINK


@dataclass(frozen=True, eq=False)
class Element:
    index: int
    tag: str
    attributes: Mapping[str, str | None]
    parent: int | None  # index of the parent element (None: the content's top level)
    section: str | None  # the id of the last heading started at or before it
    inside: Inside  # what it is inside, itself included
    block: int | None  # the heading, paragraph, list item or cell it is in, itself included (`blocks`)
    node: LexborNode  # for the allow-list, which reads the tree itself

    @property
    def classes(self) -> frozenset[str]:
        return frozenset((self.attributes.get("class") or "").split())

    @property
    def level(self) -> int:
        return int(self.tag[1]) if self.tag in HEADINGS else 0


@dataclass(frozen=True, eq=False)
class Comment:
    node: LexborNode
    parent: int | None


@dataclass(frozen=True)
class Text:
    text: str
    parent: int | None
    inside: Inside
    block: int | None


# Events, in document order: an element starts or ends (its index), a text or a comment (its index).
START, END, TEXT, COMMENT = 0, 1, 2, 3


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
class Outline:
    """Headings, ids, links, code blocks and visible text of a page's rendered content."""

    headings: list[RenderedHeading] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[RenderedLink] = field(default_factory=list)
    code_blocks: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    visible_text: list[str] = field(default_factory=list)  # outside code
    list_items: dict[str | None, list[str]] = field(default_factory=dict)  # by section id


@dataclass
class Link:
    href: str
    hreflang: str | None
    text: str = ""
    section: str | None = None  # the id of the heading it is under
    in_list_item: bool = False


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "list item" or "cell"
    section: str | None  # the id of the heading it is under (its own id, for a heading)
    level: int = 0  # a heading's level
    text: str = ""  # what readers see
    in_language: str = ""  # the same, less what is marked as another language, code and other pages' titles


@dataclass
class Article:
    """What is compared of a rendered article between languages (checks/parity.py)."""

    paragraphs: int = 0
    list_items: int = 0
    links: int = 0
    text: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"paragraph": self.paragraphs, "list item": self.list_items, "link": self.links}


_BLOCK_KINDS = {"p": "paragraph", "li": "list item", "dt": "list item", "dd": "list item", "td": "cell"}
_BLOCK_KINDS |= {"th": "cell"}
# What the language checks do not read: the permalink, the site's notice, scripts, templates, <pre>.
_NOT_READ = Inside.PERMALINK | Inside.NOTICE | Inside.SCRIPT | Inside.TEMPLATE | Inside.PRE
# What is not the page's own language: code, text marked as another language, other pages' titles.
_NOT_IN_LANGUAGE = Inside.CODE | Inside.OTHER_LANGUAGE | Inside.SITE_LINK
# Elements that end a run of text for parity ("1<sup>er</sup> mars" is one run, two paragraphs two).
_PARITY_BLOCKS = frozenset({"blockquote", "dd", "div", "dt", "li", "p", "td", "th", "tr", *HEADINGS})


class RenderedPage:
    """A page's rendered content (MkDocs' `page.content`), parsed once, in a language."""

    def __init__(self, html: str, language: str = "") -> None:
        self.html = html
        self.language = language
        # As the content sits in the published page's body; a closing tag such as `</div>` that
        # closes the wrapper leaves what follows it in the body, still read.
        self.tree = LexborHTMLParser(
            f"<!doctype html><html><head></head><body><div>{html}</div></body></html>"
        )
        self.elements: list[Element] = []
        self.texts_: list[Text] = []
        self.comments: list[Comment] = []
        self.events: list[tuple[int, int]] = []
        self._spans: list[list[int]] = []  # each element's START and END event positions
        body = self.tree.body
        if body is not None:
            wrapper = body.child
            for node in _children(body):
                if node == wrapper and node.tag == "div":  # selectolax makes a new object per access
                    for child in _children(node, text=True):
                        self._read(child)
                else:
                    self._read(node)

    # -- the one walk -------------------------------------------------------------------------

    def _read(self, root: LexborNode) -> None:
        """A top-level node and what it holds, in document order, without recursion (no nesting
        depth can stop it): each element and text with what it is inside and its block."""
        section = self.elements[-1].section if self.elements else None
        # (node, its parent, what its parent is inside, its parent's block, None); or, to end an
        # element, (node, None, NOTHING, None, the element's index).
        stack: list[tuple[LexborNode, int | None, Inside, int | None, int | None]] = [
            (root, None, Inside.NOTHING, None, None)
        ]
        while stack:
            node, parent, inside, block, ending = stack.pop()
            if ending is not None:
                self._spans[ending].append(len(self.events))
                self.events.append((END, ending))
                continue
            tag = node.tag or ""
            if tag == "-text":
                self.events.append((TEXT, len(self.texts_)))
                self.texts_.append(Text(node.text_content or "", parent, inside, block))
                continue
            if tag == "-comment":
                self.events.append((COMMENT, len(self.comments)))
                self.comments.append(Comment(node, parent))
                continue
            if tag.startswith(("-", "#", "!")):
                continue
            attributes = dict(node.attributes)
            if tag in HEADINGS:
                section = attributes.get("id")
            index = len(self.elements)
            own = inside | self._inside(tag, attributes)
            if (tag in HEADINGS or tag in _BLOCK_KINDS) and not own & _NOT_READ:
                block = index
            self.elements.append(Element(index, tag, attributes, parent, section, own, block, node))
            self._spans.append([len(self.events)])
            self.events.append((START, index))
            stack.append((node, None, Inside.NOTHING, None, index))
            children = reversed(list(_children(node, text=True)))
            stack.extend((child, index, own, block, None) for child in children)

    def _inside(self, tag: str, attributes: Mapping[str, str | None]) -> Inside:
        classes = (attributes.get("class") or "").split()
        inside = Inside.NOTHING
        if PERMALINK_CLASS in classes:
            inside |= Inside.PERMALINK
        if NOTICE_CLASS in classes:
            inside |= Inside.NOTICE
        if SITE_NOTE in classes:
            inside |= Inside.SITE_NOTE
        inside |= {
            "code": Inside.CODE,
            "kbd": Inside.KEYBOARD,
            "samp": Inside.KEYBOARD,
            "pre": Inside.PRE,
            "script": Inside.SCRIPT,
            "style": Inside.SCRIPT,
            "template": Inside.TEMPLATE,
            "li": Inside.LIST_ITEM,
        }.get(tag, Inside.NOTHING)
        href = attributes.get("href") if tag == "a" else None
        if href is not None:
            if href.startswith("#"):
                inside |= Inside.ANCHOR_LINK
            elif not _SCHEME_OR_ANCHOR.match(href):
                inside |= Inside.SITE_LINK
        language = attributes.get("lang") or (attributes.get("hreflang") if tag == "a" else None)
        if language is not None and self.language and language.split("-")[0].lower() != self.language:
            inside |= Inside.OTHER_LANGUAGE
        return inside

    # -- what an element holds ----------------------------------------------------------------

    def within(self, element: Element) -> list[tuple[int, int]]:
        """The events inside an element, its own start and end left out."""
        start, end = self._spans[element.index]
        return self.events[start + 1 : end]

    def text_of(self, element: Element, leave_out: Inside = Inside.NOTHING) -> str:
        return "".join(
            self.texts_[index].text
            for kind, index in self.within(element)
            if kind == TEXT and not self.texts_[index].inside & leave_out
        )

    # -- views --------------------------------------------------------------------------------

    def texts(self, split_at: frozenset[str], leave_out: Inside, left_out: Collection[int] = ()) -> list[str]:
        """The text in runs cut at the start and end of these elements, without what is left out (by
        what it is inside, or as the text of one of the elements `left_out`)."""
        runs, run = [], []
        for kind, index in self.events:
            if kind == TEXT:
                text = self.texts_[index]
                if not text.inside & leave_out and text.parent not in left_out:
                    run.append(text.text)
            elif kind != COMMENT and self.elements[index].tag in split_at:
                if "".join(run).strip():
                    runs.append("".join(run))
                run = []
        if "".join(run).strip():
            runs.append("".join(run))
        return runs

    @cached_property
    def outline(self) -> Outline:
        outline = Outline()
        for element in self.elements:
            tag, attributes = element.tag, element.attributes
            if attributes.get("id"):
                outline.ids.append(attributes["id"] or "")
            if tag in HEADINGS:
                outline.headings.append(
                    RenderedHeading(element.level, attributes.get("id"), self.text_of(element, RAW))
                )
            elif tag == "a" and attributes.get("href") is not None and PERMALINK_CLASS not in element.classes:
                inner = self.within(element)
                images = [
                    self.elements[i] for kind, i in inner if kind == START and self.elements[i].tag == "img"
                ]
                outline.links.append(
                    RenderedLink(
                        attributes["href"] or "",
                        self.text_of(element, RAW),
                        any((image.attributes.get("alt") or "").strip() for image in images),
                        bool(element.inside & Inside.LIST_ITEM),
                        element.section,
                    )
                )
            elif tag == "p":
                outline.paragraphs.append(self.text_of(element, RAW))
            elif tag == "li":
                outline.list_items.setdefault(element.section, []).append(self.text_of(element, RAW))
            elif tag == "pre":
                outline.code_blocks.append(self.text_of(element))
        outline.visible_text = [text.text for text in self.texts_ if not text.inside & RAW]
        return outline

    @cached_property
    def blocks(self) -> list[Block]:
        """Headings, paragraphs, list items and cells, each with the text readers see (folded)."""
        blocks: list[Block] = []
        owner: dict[int, Block] = {}
        for element in self.elements:
            if element.block == element.index:
                kind = "heading" if element.tag in HEADINGS else _BLOCK_KINDS[element.tag]
                owner[element.index] = Block(kind, element.section, element.level)
                blocks.append(owner[element.index])
        for text in self.texts_:
            if text.inside & _NOT_READ:
                continue
            block = owner.get(text.block) if text.block is not None else None
            if block is not None:
                block.text += text.text
                if not text.inside & _NOT_IN_LANGUAGE:
                    block.in_language += text.text
        for block in blocks:
            block.text, block.in_language = folded(block.text), folded(block.in_language)
        return [block for block in blocks if block.text]

    @staticmethod
    def _read_by_language_checks(element: Element) -> bool:
        return not element.inside & _NOT_READ

    @cached_property
    def links(self) -> list[Link]:
        """Every link readers can follow, with its text (folded) and the section it is in."""
        return [
            Link(
                element.attributes["href"] or "",
                element.attributes.get("hreflang"),
                folded(self.text_of(element, _NOT_READ)),
                element.section,
                bool(element.inside & Inside.LIST_ITEM),
            )
            for element in self.elements
            if element.tag == "a"
            and element.attributes.get("href") is not None
            and self._read_by_language_checks(element)
        ]

    @property
    def paragraphs(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == "paragraph"]

    def answer(self, learn_more_id: str = LEARN_MORE_ID) -> list[Block]:
        """What the page answers: the paragraphs and list items after its title and before the
        learn-more heading, quotations and notes of the editor's included, the site's notice not."""
        blocks = self.blocks
        title = next((i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 1), -1)
        answer = []
        for block in blocks[title + 1 :]:
            if block.kind == "heading" and block.section == learn_more_id:
                break
            if block.kind in ("paragraph", "list item"):
                answer.append(block)
        return answer

    def learn_more_links(self) -> list[Link]:
        """The links of the learn-more section's lists, as readers follow them."""
        return [link for link in self.links if link.section == LEARN_MORE_ID and link.in_list_item]

    def answer_text(self) -> str:
        """What the page answers, as its JSON-LD says it (readers/seo.py) and a description quotes it:
        the text of `answer()`'s blocks, one paragraph each."""
        return "\n\n".join(block.text for block in self.answer())

    def article(self) -> Article:
        """Counts of paragraphs, list items and links, and the text with its figures (checks/parity.py)."""
        article = Article()
        for kind, index in self.events:
            if kind == TEXT:
                text = self.texts_[index]
                if not text.inside & (Inside.NOTICE | Inside.PERMALINK | Inside.SITE_LINK):
                    article.text.append(text.text)
                continue
            if kind == COMMENT:
                continue
            element = self.elements[index]
            if element.tag in _PARITY_BLOCKS or (element.tag == "br" and kind == START):
                article.text.append(" ")
            if kind == END or element.inside & (Inside.NOTICE | Inside.PERMALINK):
                continue
            if element.tag == "p":
                article.paragraphs += 1
            elif element.tag == "li":
                article.list_items += 1
            elif element.tag == "a" and element.attributes.get("href") is not None:
                article.links += 1
        return article

    def readers_text(self) -> str:
        """Every text and attribute value of the content, character references read."""
        parts = [text.text for text in self.texts_]
        parts += [value for element in self.elements for value in element.attributes.values() if value]
        return "".join(parts)

    def inline_scripts(self) -> list[str]:
        """The text of each inline script the browser would run, in page order."""
        return inline_scripts_of(self.tree)


class PublishedPage:
    """The page as published (the theme's template around the content), parsed once: every element."""

    def __init__(self, output: str) -> None:
        self.output = output
        self.elements: list[LexborNode] = LexborHTMLParser(output).css("*")

    def inline_scripts(self) -> list[str]:
        return _runnable([node for node in self.elements if node.tag == "script"])

    def content(self) -> str:
        """The page's content as MkDocs rendered it, inside the theme's article (with what the theme
        adds there): `RenderedPage(published.content(), language).answer_text()` is the answer the
        page's JSON-LD gives."""
        article = next(
            (
                n
                for n in self.elements
                if n.tag == "article" and "md-content__inner" in (n.attributes.get("class") or "")
            ),
            None,
        )
        return article.inner_html or "" if article is not None else ""


def inline_scripts_of(tree: LexborHTMLParser) -> list[str]:
    """The text of each inline script of a parsed document a browser would run, as it reads it."""
    return _runnable(tree.css("script"))


def _runnable(scripts: list[LexborNode]) -> list[str]:
    found = []
    for script in scripts:
        attributes = script.attributes
        kind = (attributes.get("type") or "").strip().lower()
        if "src" in attributes or kind not in RUN_TYPES:
            continue
        # The text exactly as written: the HTML parser leaves a script's text as it is.
        found.append(script.text(deep=True) or "")
    return found


def _children(node: LexborNode, *, text: bool = False) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        if text or child.tag != "-text":
            yield child
        child = child.next


def read_page(html: str, language: str) -> RenderedPage:
    """A page's rendered content, parsed, in its language (for tests and scripts on snippets)."""
    return RenderedPage(html, language)

"""What a reader of a page reads or hears of it, as its provenance label judges it (readers/provenance.py).

The label "NATO's text" is a claim about every word on the page, so it is computed from every
word a reader sees or a screen reader speaks, not from the words a check chose to read:

- every text node, the text of every link included (a link to a part of the page, `[…](#x)`,
  and a link to another page in a sentence are read as part of it), the site's own remarks
  (`*(…)*{.faq-note}`) in the answer included;
- left out only what is certainly not a claim about NATO's words: the permalink `¶`, the
  site's notice on an out-of-date translation, scripts (refused anyway), a link that is a whole
  paragraph or list item to another page of the site (navigation: the home page's list of
  questions, "all questions on one page"), and a remark of the site beside a learn-more link
  (it is about the link's address, which is the site's, not NATO's text: the record holds
  only the links' titles).

Besides the words, how they read: an element that changes how NATO's words read while they stay
the same (struck out, in small print, in quotation marks, raised or lowered, highlighted,
underlined, marked as inserted), an image, and a `title` (a tooltip, and the expansion of an
`<abbr>`) make the page "adapted": the words are NATO's, the page is not. They are not refused:
an adapted page may use them, and the review report shows them (scripts/review.py). A raised
ordinal (`1<sup>er</sup>`, `2<sup>nd</sup>`) is typography, not a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from faq_site.checks.rendered import END, HEADINGS, START, Element, Inside, RenderedPage
from faq_site.sources.names import LEARN_MORE_ID, SITE_NOTE

# Elements that change how the words in them read, though the words stay the same.
CHANGES_READING = {
    "del": "struck out",
    "s": "struck out",
    "small": "in small print",
    "q": "in quotation marks",
    "sub": "lowered",
    "sup": "raised",
    "mark": "highlighted",
    "u": "underlined",
    "ins": "marked as inserted",
    "img": "an image",
}
# The elements NATO's text is published in: paragraphs, headings, lists, and the links of the
# learn-more lists (the record holds their titles). Allow, don't deny: the words of a page that
# keeps NATO's label are in these only, and any other element makes it "adapted" (named with what
# it does, below, or as itself): a box, a quotation, a table, emphasis, code, a line break, a span
# in another language... each reframes NATO's words though they stay the same.
NATO_ELEMENTS = frozenset({"p", "ul", "ol", "li", "a", *HEADINGS})
REFRAMES = {
    "blockquote": "shown as a quotation",
    "div": "in a box",
    "table": "in a table",
    "em": "in italics",
    "i": "in italics",
    "strong": "in bold",
    "b": "in bold",
    "code": "as code",
    "kbd": "as code",
    "samp": "as code",
    "var": "as code",
    "cite": "as a title",
    "br": "a line break",
    "span": "set apart",
    "abbr": "an abbreviation",
}
# The end of an ordinal, raised as typography writes it: 1er, 1re, 2e, 2nd, 3rd, 4th.
_ORDINAL = re.compile(r"(?:er|re|e|es|ers|res|ème|nd|st|rd|th|d)")
# Elements whose text is a block of its own (a sentence never runs across two).
BLOCKS = frozenset({"p", "li", "ul", "ol", "div", "blockquote", "td", "th", "dd", "dt", *HEADINGS})
# Never read as a claim about NATO's words: the `¶`, the site's notice, scripts and styles.
_NOT_READ = Inside.PERMALINK | Inside.NOTICE | Inside.SCRIPT | Inside.TEMPLATE


@dataclass(frozen=True)
class Reading:
    """A page's text in runs cut at block elements, and how its words are made to read otherwise."""

    runs: list[str]
    changes: list[str]  # e.g. "`<del>` (struck out): pas"


def reading(page: RenderedPage) -> Reading:
    """What readers read of a rendered page: its text, and what changes how it reads."""
    left_out = _left_out(page)
    runs = page.texts(BLOCKS, _NOT_READ, left_out)
    changes = [
        change
        for element in page.elements
        if not element.inside & _NOT_READ and element.index not in left_out
        for change in _changes(page, element)
    ]
    return Reading(runs, changes)


def changes_reading(page: RenderedPage, element: Element) -> str | None:
    """How an element makes the words in it read ("struck out", "in small print"…), or None."""
    words = " ".join(page.text_of(element).split())
    if element.tag == "sup" and _ORDINAL.fullmatch(words):
        return None
    if element.tag in CHANGES_READING:
        return CHANGES_READING[element.tag]
    if element.tag == "em" and SITE_NOTE in element.classes:
        # The site's own remark, `*(…)*{.faq-note}`: its words are the site's, read as such (they are
        # not in the record). NATO's words in its style would read as the site's.
        return None if words.startswith("(") and words.endswith(")") else "styled as the site's own remark"
    learn_more = element.section is not None and (
        element.section == LEARN_MORE_ID or element.section.endswith(f"-{LEARN_MORE_ID}")  # all questions
    )
    if element.tag == "a" and not learn_more and not element.inside & Inside.PERMALINK:
        return "a link NATO's text does not have"
    if element.tag not in NATO_ELEMENTS:
        return REFRAMES.get(element.tag, "an element NATO's text does not have")
    return None


def _changes(page: RenderedPage, element: Element) -> list[str]:
    words = " ".join(page.text_of(element).split())
    found = []
    what = changes_reading(page, element)
    if what is not None:
        shown = words or element.attributes.get("alt") or ""
        found.append(f"`<{element.tag}>` ({what}): {shown}".rstrip(": "))
    title = element.attributes.get("title")
    if title is not None and title.strip():
        found.append(f"`title` on `<{element.tag}>` (a tooltip): {' '.join(title.split())}")
    return found


def _left_out(page: RenderedPage) -> set[int]:
    """The elements whose text is not a claim about NATO's words, and what they hold: a link that is
    its whole paragraph or list item to another page of the site; a site remark beside a learn-more
    link."""
    roots: set[int] = set()
    for element in page.elements:
        if element.tag == "a" and element.inside & Inside.SITE_LINK and element.block is not None:
            block = page.elements[element.block]
            if " ".join(page.text_of(block).split()) == " ".join(page.text_of(element).split()):
                roots.add(element.index)
        elif element.inside & Inside.SITE_NOTE and element.tag == "em" and element.section == LEARN_MORE_ID:
            item = page.elements[element.block] if element.block is not None else None
            if item is not None and item.tag == "li" and _holds_link(page, item):
                roots.add(element.index)
    left_out = set(roots)
    for root in roots:
        left_out.update(index for kind, index in page.within(page.elements[root]) if kind in (START, END))
    return left_out


def _holds_link(page: RenderedPage, item: Element) -> bool:
    return any(
        kind == START and page.elements[index].tag == "a" and page.elements[index].attributes.get("href")
        for kind, index in page.within(item)
    )

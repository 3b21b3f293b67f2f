"""Typography from plain text: a Python-Markdown extension, `faq_site.markdown.typography`.

Editors type ordinary spaces and straight quotes; the rendered page gets the
characters typography wants, in the page's language:

French (`language: fr`)
- `'` becomes `’`;
- a space typed before `?`, `!` or `;` becomes a narrow no-break space (U+202F),
  and one before `:` a no-break space (U+00A0);
- `"` becomes `«` where a quotation opens and `»` where it closes (see "Straight double
  quotes" below);
- `«` and `»` get a no-break space (U+00A0) inside, typed or not;
- a space typed before `%` becomes a no-break space (U+00A0): `0,25 %`;
- a space between a number and a group of exactly three digits (`40 000`)
  becomes a narrow no-break space: `40 000`. (So does `en 2014 500 soldats`:
  write such rare sequences differently.)

English (`language: en`)
- `'` becomes `’` (or `‘` where a quotation opens: after a space or `(`);
- `"` becomes `“` where a quotation opens and `”` where it closes, a space typed inside
  them goes;
- a space typed before `%` becomes a no-break space (U+00A0).

Straight double quotes are paired per block of text (a paragraph, a list item, a heading, a
table cell, an attribute's value), across inline markup (`"*OTAN*"`): the 1st, 3rd… open, the
2nd, 4th… close, whatever spaces are typed around them (`il a dit " non " hier` is
`il a dit « non » hier`). With an odd number, the one left unpaired is the one whose absence
leaves the others most as their context suggests (the last one on a tie), and it follows the
context rule: `"` opens at the start, after a space, a bracket or a dash (in French also after
an elided word, `l'"Alliance"`), and closes elsewhere. An odd number is not refused: a French
quotation over several paragraphs opens each one with `«` and closes only the last.

Only text readers see changes: the text of every element, and the attributes readers see,
`alt` and `title` (an image's description, a link's or an abbreviation's tooltip). Code
(`code`, `pre`, `kbd`), scripts and styles, text Markdown keeps as typed (autolinks' URLs),
every other attribute (addresses, ids, `{hreflang=en}`) and raw HTML stay exactly as written.
A backslash keeps a straight quote: `\\'`, `\\"`. The rules are each language's, in
faq_site/languages/ (fr.py, en.py); a language without rules is left unchanged.

Use `typeset(text, language)` for text that does not go through Markdown
(a page's front matter `description`, for instance).

    import markdown
    markdown.markdown("Qu'est-ce que l'OTAN ?", extensions=["faq_site.markdown.typography"],
                      extension_configs={"faq_site.markdown.typography": {"language": "fr"}})
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from faq_site.languages import NARROW_NBSP, NBSP, rules_for

__all__ = ["NARROW_NBSP", "NBSP", "TypographyExtension", "makeExtension", "typeset"]

# Elements whose text is shown as typed.
VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "math"})
# Attributes whose value readers see (or hear), typeset like the text. Every other attribute (an
# address, an id, `hreflang`, a class) is left exactly as written.
SHOWN_ATTRIBUTES = ("alt", "title")


STRAIGHT_DOUBLE_QUOTE = re.compile('"')
# What code reads as, for the quote after it: a word (a quote right after code closes).
CODE_AS_CONTEXT = "x"


def quote_guesses(text: str, language: str, before: str = "") -> list[bool]:
    """Whether each straight double quote of the text opens a quotation by its context alone."""
    rules = rules_for(language)
    if not rules.double_quotes or '"' not in text:
        return []
    # Every quote rule replaces one character by one: positions are kept.
    context = before[-1:]
    judged = context + text
    for pattern, replacement in rules.quotes:
        judged = pattern.sub(replacement, judged)
    return [
        judged[len(context) + match.start()] == rules.double_quotes[0]
        for match in STRAIGHT_DOUBLE_QUOTE.finditer(text)
    ]


def paired(guesses: Sequence[bool]) -> list[bool]:
    """Whether each straight double quote of a block opens, given what its context suggests.

    The quotes pair in order: the 1st, 3rd… open, the 2nd, 4th… close. With an odd number, one is
    left unpaired: the one whose absence leaves the others most as their context suggests (the last
    on a tie), and it does what its context suggests. Linear in the number of quotes.
    """
    count = len(guesses)
    if count % 2 == 0:
        return [index % 2 == 0 for index in range(count)]
    # Disagreements with the context before each quote if the ones before it alternate from the
    # first (`before`), and after it if the ones after it alternate from the second (`after`).
    before, after = [0] * (count + 1), [0] * (count + 1)
    for index, guess in enumerate(guesses):
        before[index + 1] = before[index] + (guess != (index % 2 == 0))
    for index in range(count - 1, -1, -1):
        after[index] = after[index + 1] + (guesses[index] != ((index - 1) % 2 == 0))
    unpaired = min(reversed(range(count)), key=lambda index: before[index] + after[index + 1])
    return [
        guesses[index] if index == unpaired else (index - (index > unpaired)) % 2 == 0
        for index in range(count)
    ]


def typeset(text: str, language: str, before: str = "", opens: Sequence[bool] | None = None) -> str:
    """The text with its language's typography. `before`: the character just before it, if any.

    `opens`: whether each of its straight double quotes opens a quotation, when the text is part of
    a block whose quotes were paired; without it, the text is a block of its own.
    """
    rules = rules_for(language)
    if not text:
        return text
    if rules.double_quotes and '"' in text:
        roles = iter(paired(quote_guesses(text, language, before)) if opens is None else opens)
        opening, closing = rules.double_quotes
        text = STRAIGHT_DOUBLE_QUOTE.sub(lambda _: opening if next(roles) else closing, text)
    if rules.quotes:
        # The character before the text decides whether its first quote opens or closes; every
        # quote rule replaces one character by one, so the context comes off unchanged.
        context = before[-1:]
        text = context + text
        for pattern, replacement in rules.quotes:
            text = pattern.sub(replacement, text)
        text = text[len(context) :]
    for pattern, replacement in rules.typography:
        text = pattern.sub(replacement, text)
    return text


@dataclass
class Text:
    """A text node of the page, in document order, and the block of text it belongs to."""

    block: etree.Element  # its nearest block-level element: its quotes pair with that block's
    value: str
    store: Callable[[str], None] | None  # None: shown as typed (code, an autolink's address)


class TypographyTreeprocessor(Treeprocessor):
    """Typesets every text node of the page, in document order, except verbatim ones.

    Each text's straight double quotes are paired with those of its block first: all the texts of
    the page are gathered, then typeset.
    """

    def __init__(self, md: Markdown, language: str) -> None:
        super().__init__(md)
        self.language = language

    def run(self, root: etree.Element) -> None:
        texts: list[Text] = []
        self.gather(root, root, texts)
        # What the context suggests for each quote of each text, then gathered per block.
        guesses: list[list[bool]] = []
        per_block: dict[etree.Element, list[bool]] = defaultdict(list)
        previous = ""  # the last character seen, for the quotes at a text's start
        for text in texts:
            guesses.append(quote_guesses(text.value, self.language, previous) if text.store else [])
            per_block[text.block].extend(guesses[-1])
            previous = text.value[-1]
        roles = {block: iter(paired(block_guesses)) for block, block_guesses in per_block.items()}
        previous = ""
        for text, text_guesses in zip(texts, guesses, strict=True):
            value = text.value
            if text.store:
                opens = [next(roles[text.block]) for _ in text_guesses]
                value = typeset(value, self.language, previous, opens)
                text.store(value)
            previous = value[-1]

    def gather(self, element: etree.Element, block: etree.Element, texts: list[Text]) -> None:
        # An element's text belongs to its own block if it is one (a paragraph, a cell), else to
        # its parent's (emphasis, a link); its tail is the parent's text, after it.
        own = element if self.md.is_block_level(element.tag) else block
        if element.tag in VERBATIM:
            texts.append(Text(own, CODE_AS_CONTEXT, None))
        else:
            # What readers see of an element's attributes: an image's description (read aloud, shown
            # when it does not load), a tooltip (a glossary's meaning, a link's or image's title).
            # Each value is a block of its own.
            for name in SHOWN_ATTRIBUTES:
                if element.get(name):
                    element.set(name, typeset(element.get(name), self.language))
            self.add(texts, own, element.text, lambda text: setattr(element, "text", text))
            for child in element:
                self.gather(child, own, texts)
        self.add(texts, block, element.tail, lambda text: setattr(element, "tail", text))

    @staticmethod
    def add(texts: list[Text], block: etree.Element, value: str | None, store: Callable[[str], None]) -> None:
        if value:
            texts.append(Text(block, value, None if isinstance(value, AtomicString) else store))


class TableOfContentsTypography(Treeprocessor):
    """Typesets the titles of the toc extension's table of contents again.

    toc reduces every title to plain text with its spaces collapsed, which
    turns the no-break spaces back into ordinary ones; typesetting restores them.
    """

    def __init__(self, md: Markdown, language: str) -> None:
        super().__init__(md)
        self.language = language

    def run(self, root: etree.Element) -> None:
        tokens = list(getattr(self.md, "toc_tokens", []))
        while tokens:
            token = tokens.pop()
            token["name"] = typeset(token["name"], self.language)
            tokens.extend(token.get("children", []))


class TypographyExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"language": ["", "The page's language: its rules come from faq_site.languages."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After attr_list (8) has taken `{…}` out of the text, before toc (5)
        # reads the headings: the table of contents, the navigation and the
        # search index get the typeset titles.
        # `\'` and `\"` keep a straight quote, as with Python-Markdown's smarty.
        md.ESCAPED_CHARS.extend(char for char in "'\"" if char not in md.ESCAPED_CHARS)
        language = self.getConfig("language")
        md.treeprocessors.register(TypographyTreeprocessor(md, language), "faq_typography", 7)
        md.treeprocessors.register(TableOfContentsTypography(md, language), "faq_typography_toc", 4)
        md.registerExtension(self)


def makeExtension(**kwargs) -> TypographyExtension:  # noqa: N802 (Python-Markdown's name)
    return TypographyExtension(**kwargs)

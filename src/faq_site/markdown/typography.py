"""Typography from plain text: a Python-Markdown extension, `faq_site.markdown.typography`.

Editors type ordinary spaces and straight quotes; the rendered page gets the
characters typography wants, in the page's language:

French (`language: fr`)
- `'` becomes `’`;
- a space typed before `?`, `!` or `;` becomes a narrow no-break space (U+202F),
  and one before `:` a no-break space (U+00A0);
- `"` becomes `«` where a quotation opens (at the start, after a space, a bracket or a
  dash) and `»` elsewhere;
- `«` and `»` get a no-break space (U+00A0) inside, typed or not;
- a space typed before `%` becomes a no-break space (U+00A0): `0,25 %`;
- a space between a number and a group of exactly three digits (`40 000`)
  becomes a narrow no-break space: `40 000`. (So does `en 2014 500 soldats`:
  write such rare sequences differently.)

English (`language: en`)
- `'` becomes `’` (or `‘` where a quotation opens: after a space or `(`);
- `"` becomes `“` where a quotation opens and `”` where it closes;
- a space typed before `%` becomes a no-break space (U+00A0).

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

import xml.etree.ElementTree as etree
from collections.abc import Callable

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


def typeset(text: str, language: str, before: str = "") -> str:
    """The text with its language's typography. `before`: the character just before it, if any."""
    rules = rules_for(language)
    if not text:
        return text
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


class TypographyTreeprocessor(Treeprocessor):
    """Typesets every text node of the page, in document order, except verbatim ones."""

    def __init__(self, md: Markdown, language: str) -> None:
        super().__init__(md)
        self.language = language
        self.previous = ""  # the last character seen, for the quotes at a node's start

    def run(self, root: etree.Element) -> None:
        self.previous = ""
        self.walk(root)

    def set(self, text: str | None, store: Callable[[str], None]) -> None:
        if not text:
            return
        if not isinstance(text, AtomicString):
            text = typeset(text, self.language, self.previous)
            store(text)
        self.previous = text[-1]

    def walk(self, element: etree.Element) -> None:
        if element.tag in VERBATIM:
            self.previous = "x"  # code reads as a word: a quote after it closes
        else:
            # What readers see of an element's attributes: an image's description (read aloud, shown
            # when it does not load), a tooltip (a glossary's meaning, a link's or image's title).
            for name in SHOWN_ATTRIBUTES:
                if element.get(name):
                    element.set(name, typeset(element.get(name), self.language))
            self.set(element.text, lambda text: setattr(element, "text", text))
            for child in element:
                self.walk(child)
        # The tail is the parent's text, after this element.
        self.set(element.tail, lambda text: setattr(element, "tail", text))


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

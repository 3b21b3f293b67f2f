"""The editors' Markdown pages, read as text, with line numbers.

Everything here reads the editors' files as text, so that every problem can be
reported as `docs/<file>:<line>`: the front matter (FRONT_MATTER_KEYS, each
key's form in an editor's words), the headings and their ids, sections.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from mkdocs.structure.files import File

from faq_site.languages import Languages
from faq_site.messages.problems import Problem
from faq_site.sources.front_matter import (  # noqa: F401 (re-exported)
    FRONT_MATTER,
    FRONT_MATTER_KEYS,
    FrontMatterKey,
    explain_yaml_error,
    one_line,
    read_front_matter,
)
from faq_site.sources.names import (  # noqa: F401 (re-exported)
    ALL_QUESTIONS,
    ASSETS_DIR,
    HOME,
    KEBAB_CASE,
    LEARN_MORE_ID,
    MARKERS,
    QUESTIONS_DIR,
    SITE_NOTE,
    is_question,
    kebab_case,
)
from faq_site.sources.text import conflict_markers, read

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    id: str | None
    line: int


@dataclass
class Source:
    """One Markdown page of the docs, as the editor wrote it."""

    src_uri: str
    text: str
    languages: Languages  # the site's languages: which one this page is in
    meta: dict = field(default_factory=dict)
    meta_error: str | None = None  # the front matter could not be read at all
    meta_problems: list[Problem] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1  # line number of the first line after the front matter

    @classmethod
    def read(cls, file: File, languages: Languages) -> Source:
        # Not UTF-8: reported by checks/files.py; the rest of the page is still checked.
        text = file.content_bytes.decode("utf-8-sig", errors="replace")
        # Windows line endings, as MkDocs reads them (universal newlines).
        return cls.parse(file.src_uri, text.replace("\r\n", "\n").replace("\r", "\n"), languages)

    @classmethod
    def parse(cls, src_uri: str, text: str, languages: Languages) -> Source:
        # Read as NFC (sources/text.py): `é` typed as one character or as two is the same text.
        text = read(text)
        source = cls(src_uri, text, languages)
        conflicts = conflict_markers(text)
        front_matter = read_front_matter(src_uri, text, readable=not conflicts)
        if front_matter.span:
            source.body_line = front_matter.span[1] + 1
        source.meta = dict(front_matter.values)
        source.key_lines = dict(front_matter.key_lines)
        source.meta_error = front_matter.error
        # Git's markers, in the front matter or the text: neither YAML nor Markdown
        # reads the file as the editor meant it, so the markers are all that is said.
        source.meta_problems = [Problem(src_uri, message, line) for line, message in conflicts]
        source.meta_problems += front_matter.problems
        return source

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
    def address(self) -> str:
        """Where the page is published, in its language's part of the site (`faq/` for
        faq/index.md or faq.md, `about/` for about.md, `` for the home page), as MkDocs
        computes it (directory URLs, as this site and its redirects use)."""
        url = File(self.norm_uri, None, "", use_directory_urls=True).url
        return "" if url == "./" else url

    @property
    def body(self) -> str:
        match = FRONT_MATTER.match(self.text)
        return self.text[match.end() :] if match else self.text

    def lines(self) -> list[tuple[int, str]]:
        """(line number, line) for every line outside fenced code blocks."""
        result, fenced = [], False
        for number, line in enumerate(self.text.split("\n"), start=1):
            if number < self.body_line:
                continue
            if _FENCE.match(line):
                fenced = not fenced
                continue
            if not fenced:
                result.append((number, line))
        return result

    def line_of(self, *needles: str, in_code: bool = False) -> int | None:
        """The first line of the body holding one of these texts (tried in order)."""
        lines = self.lines()
        if in_code:  # fenced code blocks included
            lines = list(enumerate(self.text.split("\n"), start=1))[self.body_line - 1 :]
        # Then as the page reads the lines: an address written with character references (`&#46;`).
        for read_as in (str, html.unescape):
            for needle in filter(None, needles):
                for number, line in lines:
                    if plain(needle) in plain(read_as(line)):
                        return number
        return None

    def glued_list_lines(self) -> list[int]:
        """Lines starting a list right under a line of text, with no empty line between."""
        result, previous = [], ""
        for number, line in self.lines():
            is_item = bool(_LIST_ITEM.match(line))
            if (
                is_item
                and previous.strip()
                and not _LIST_ITEM.match(previous)
                and not _HEADING.match(previous)
            ):
                result.append(number)
            previous = line
        return result

    def headings(self) -> list[Heading]:
        headings = []
        for number, line in self.lines():
            match = _HEADING.match(line)
            if match:
                text = match.group(2)
                id_match = _HEADING_ID.search(text)
                title = _ATTRIBUTES.sub("", text).strip()
                headings.append(Heading(len(match.group(1)), title, id_match and id_match.group(1), number))
        return headings

    @property
    def title(self) -> str | None:
        for heading in self.headings():
            if heading.level == 1:
                return heading.title
        return None

    def section(self, heading_id: str) -> tuple[Heading, list[tuple[int, str]]] | None:
        """The heading with this id and the lines up to the next heading of its level or above."""
        headings = self.headings()
        for index, heading in enumerate(headings):
            if heading.id == heading_id:
                end = next(
                    (h.line for h in headings[index + 1 :] if h.level <= heading.level),
                    None,
                )
                lines = [
                    (n, line) for n, line in self.lines() if n > heading.line and (end is None or n < end)
                ]
                return heading, lines
        return None


_PLAIN = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " "}
)


def plain(text: str) -> str:
    """Text as an editor types it: rendered typography (’ « » no-break spaces) undone."""
    text = re.sub(r" +([?!;:])", r"\1", text.translate(_PLAIN))
    return re.sub(r'" +| +"', '"', text)

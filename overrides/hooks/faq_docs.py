"""What the hooks know about the FAQ's Markdown sources.

Not a hook itself: the hooks import it (MkDocs puts their folder on `sys.path`
while it loads them). Everything here reads the editors' files as text, with
line numbers, so that every problem can be reported as `docs/<file>:<line>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

DEFAULT_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")
QUESTIONS_DIR = "faq"
HOME = "index.md"
ALL_QUESTIONS = f"{QUESTIONS_DIR}/index.md"  # every answer on one page, generated
LEARN_MORE_ID = "learn-more"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
# An inline link or image: [text](target "title"){attributes}
LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, where it is and what to do."""

    src_uri: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"docs/{self.src_uri}" + (f":{self.line}" if self.line else "")
        return f"{where}: {self.message}"


# What the checking hooks found in this build; overrides/hooks/problems.py
# empties it when a build starts and stops the build if it is not empty.
PROBLEMS: list[Problem] = []


def report(problems: list[Problem]) -> None:
    """Record problems; the build stops once every check has run."""
    PROBLEMS.extend(problems)


def stop_if(problems: list[Problem]) -> None:
    """Stop the build with one line per problem, sorted by file and line."""
    if not problems:
        return
    lines = sorted(set(problems), key=lambda p: (p.src_uri, p.line or 0, p.message))
    count = f"{len(lines)} problem{'s' if len(lines) > 1 else ''}"
    body = "\n".join(f"  - {problem}" for problem in lines)
    raise PluginError(f"The FAQ has {count} to fix before it can be built:\n{body}")


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    id: str | None
    line: int


@dataclass(frozen=True)
class Link:
    text: str
    target: str
    line: int
    is_image: bool


@dataclass
class Source:
    """One Markdown page of the docs, as the editor wrote it."""

    src_uri: str
    text: str
    meta: dict = field(default_factory=dict)
    meta_error: str | None = None
    body_line: int = 1  # line number of the first line after the front matter

    @classmethod
    def read(cls, file: File) -> Source:
        return cls.parse(file.src_uri, file.content_string)

    @classmethod
    def parse(cls, src_uri: str, text: str) -> Source:
        source = cls(src_uri, text)
        match = _FRONT_MATTER.match(text)
        if match:
            source.body_line = text[: match.end()].count("\n") + 1
            try:
                meta = yaml.safe_load(match.group(1)) or {}
            except yaml.YAMLError as error:
                source.meta_error = f"the front matter is not valid YAML ({error.__class__.__name__})"
            else:
                if isinstance(meta, dict):
                    source.meta = meta
                else:
                    source.meta_error = "the front matter must be a list of `key: value` lines"
        return source

    @property
    def language(self) -> str:
        return language_of(self.src_uri)

    @property
    def norm_uri(self) -> str:
        return norm_uri(self.src_uri)

    @property
    def is_question(self) -> bool:
        return is_question(self.src_uri)

    @property
    def body(self) -> str:
        match = _FRONT_MATTER.match(self.text)
        return self.text[match.end() :] if match else self.text

    def lines(self) -> list[tuple[int, str]]:
        """(line number, line) for every line outside fenced code blocks."""
        result, fenced = [], False
        for number, line in enumerate(self.text.splitlines(), start=1):
            if number < self.body_line:
                continue
            if _FENCE.match(line):
                fenced = not fenced
                continue
            if not fenced:
                result.append((number, line))
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

    def links(self) -> list[Link]:
        return [
            Link(match.group(2), match.group(3), number, bool(match.group(1)))
            for number, line in self.lines()
            for match in LINK.finditer(line)
        ]

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

    def list_items(self, heading_id: str) -> list[tuple[int, str]]:
        """The list items (line, text) of the section with this heading id."""
        section = self.section(heading_id)
        if section is None:
            return []
        return [(number, match.group(1)) for number, line in section[1] if (match := _LIST_ITEM.match(line))]


def language_of(src_uri: str) -> str:
    suffixes = PurePosixPath(src_uri).suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in LANGUAGES:
        return suffixes[-2][1:]
    return DEFAULT_LANGUAGE


def norm_uri(src_uri: str) -> str:
    """The page's path without its language suffix: `faq/what-is-nato.md`."""
    language = language_of(src_uri)
    if language == DEFAULT_LANGUAGE:
        return src_uri
    return src_uri[: -len(f".{language}.md")] + ".md"


def uri_for(norm: str, language: str) -> str:
    """The source path of a page in a language: `faq/what-is-nato.en.md`."""
    if language == DEFAULT_LANGUAGE:
        return norm
    return norm[: -len(".md")] + f".{language}.md"


def is_question(src_uri: str) -> bool:
    path = PurePosixPath(norm_uri(src_uri))
    return path.parent.as_posix() == QUESTIONS_DIR and path.stem != "index"


def markdown_sources(files: Files) -> list[Source]:
    """Every Markdown page the editors wrote, in both languages, sorted by path."""
    return sorted(
        (Source.read(file) for file in files.documentation_pages()),
        key=lambda source: source.src_uri,
    )

"""Reading and editing a copy of docs/ the way an editor would, whatever it says today.

Tests never search for today's sentences: they find "the question numbered 1",
"the first line of its answer", "its learn-more heading", "its first link" by
reading the Markdown's structure, and edit those lines. Line numbers are 1-based,
as in the build's messages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from faq_site.sources.source import plain

FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_]\w*):(?P<value>.*)$")
HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.*?)\s*(?:\{#(?P<id>[\w-]+)\})?\s*$")
LINK_ITEM = re.compile(r"^- \[(?P<text>.*)\]\((?P<url>[^)\s]+)\)")


@dataclass(frozen=True)
class SourcePage:
    """One Markdown file of a docs/ directory."""

    docs: Path
    rel: str  # e.g. faq/what-is-nato.md

    @property
    def path(self) -> Path:
        return self.docs / self.rel

    @property
    def where(self) -> str:
        return f"docs/{self.rel}"

    @property
    def twin(self) -> SourcePage:
        """The page in the other language."""
        if self.rel.endswith(".en.md"):
            return SourcePage(self.docs, self.rel.removesuffix(".en.md") + ".md")
        return SourcePage(self.docs, self.rel.removesuffix(".md") + ".en.md")

    @property
    def slug(self) -> str:
        return Path(self.rel).name.split(".")[0]

    def lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8").split("\n")

    def write(self, lines: list[str]) -> None:
        self.path.write_text("\n".join(lines), encoding="utf-8")

    def line(self, number: int) -> str:
        return self.lines()[number - 1]

    def set(self, number: int, text: str) -> None:
        lines = self.lines()
        lines[number - 1] = text
        self.write(lines)

    def insert(self, number: int, *texts: str) -> None:
        """Insert lines so that the first one becomes line `number`."""
        lines = self.lines()
        lines[number - 1 : number - 1] = list(texts)
        self.write(lines)

    def delete(self, number: int) -> None:
        lines = self.lines()
        del lines[number - 1]
        self.write(lines)

    # What the page holds, found by its structure.
    def front_matter_end(self) -> int:
        """The line of the closing `---`."""
        return self.lines().index("---", 1) + 1

    def key_line(self, key: str) -> int:
        for number, text in enumerate(self.lines()[: self.front_matter_end()], start=1):
            if (match := FRONT_MATTER_KEY.match(text)) and match["key"] == key:
                return number
        raise LookupError(f"{self.rel} has no front matter key {key}")

    def description_line(self) -> int:
        """The line of `description`. A question has none unless an editor writes one (the build
        takes the answer's first sentences): this writes one first, as an editor would, the
        answer's first sentence word for word."""
        if not self.has_key("description"):
            first = re.match(r"(.+?[.?!])(?:\s|$)", self.line(self.answer_line()).strip())
            sentence = first[1] if first else self.line(self.answer_line()).strip()
            self.insert(self.front_matter_end(), f"description: {json.dumps(sentence, ensure_ascii=False)}")
        return self.key_line("description")

    def value(self, key: str) -> str:
        return FRONT_MATTER_KEY.match(self.line(self.key_line(key)))["value"].strip()

    def headings(self) -> list[tuple[int, int, str, str | None]]:
        """(line, level, title, id) of each heading."""
        result = []
        for number, text in enumerate(self.lines(), start=1):
            if number > self.front_matter_end() and (match := HEADING.match(text)):
                result.append((number, len(match["marks"]), match["title"], match["id"]))
        return result

    def heading_line(self, heading_id: str) -> int:
        return next(line for line, _, _, identifier in self.headings() if identifier == heading_id)

    def title_line(self) -> int:
        return next(line for line, level, _, _ in self.headings() if level == 1)

    def answer_line(self) -> int:
        """The first line of text after the title."""
        lines = self.lines()
        for number in range(self.title_line() + 1, len(lines) + 1):
            text = lines[number - 1]
            if text.strip() and not text.startswith(("#", "-", "<", "[")):
                return number
        raise LookupError(f"{self.rel} has no answer")

    def paragraph_lines(self) -> list[int]:
        """The first line of each paragraph of the answer (between the title and the next heading)."""
        lines = self.lines()
        end = next((line for line, level, _, _ in self.headings() if level > 1), len(lines) + 1)
        starts, previous = [], ""
        for number in range(self.title_line() + 1, end):
            text = lines[number - 1]
            if text.strip() and not previous.strip() and not text.startswith(("#", "-", "<", "[", " ")):
                starts.append(number)
            previous = text
        return starts

    def keys(self) -> list[str]:
        """The front matter's keys, in order."""
        lines = self.lines()[1 : self.front_matter_end() - 1]
        return [match["key"] for text in lines if (match := FRONT_MATTER_KEY.match(text))]

    def has_key(self, key: str) -> bool:
        try:
            self.key_line(key)
        except LookupError:
            return False
        return True

    def link_lines(self) -> list[int]:
        """The lines of the learn-more list."""
        start = self.heading_line("learn-more")
        return [
            number
            for number, text in enumerate(self.lines(), start=1)
            if number > start and LINK_ITEM.match(text)
        ]

    def first_link(self) -> tuple[int, str, str]:
        """(line, text, url) of the first learn-more link."""
        number = self.link_lines()[0]
        match = LINK_ITEM.match(self.line(number))
        return number, match["text"], match["url"]

    def first_non_ascii_line(self) -> int:
        return next(n for n, text in enumerate(self.lines(), start=1) if not text.isascii())


def questions(docs: Path, language: str = "fr") -> list[SourcePage]:
    """The question pages of a language, in the order of their `number`."""
    found = []
    for path in sorted((docs / "faq").glob("*.md")):
        is_english = path.name.endswith(".en.md")
        if path.stem.startswith("index") or is_english != (language == "en"):
            continue
        page = SourcePage(docs, path.relative_to(docs).as_posix())
        found.append((int(page.value("number")), page))
    return [page for _, page in sorted(found, key=lambda item: item[0])]


def pages(docs: Path) -> list[SourcePage]:
    return [SourcePage(docs, path.relative_to(docs).as_posix()) for path in sorted(docs.rglob("*.md"))]


def same_text(text: str) -> str:
    """Text to compare a source with its rendering: typography undone, whitespace folded."""
    return " ".join(plain(text).split())

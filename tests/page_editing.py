"""Reading and editing a copy of the tests' FAQ site (tests/fixture/) as an editor would.

Tests never search for a page's sentences: they find "the question numbered 1", "its answer's
first paragraph", "its learn-more heading", "its first link" through the site's one reader of a
page's structure, faq_site.sources.page (the plugin's own), and edit those lines here. Line
numbers are 1-based, as in the build's messages. A test takes the line it expects in a message
from where it edits, never from the model, so that a mistake of the model cannot hide itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from faq_site.checks.compare_text import sentences
from faq_site.languages import Languages
from faq_site.sources.lines import plain
from faq_site.sources.page import Block, MarkdownPage, Span

# The fixture's languages, as its mkdocs.yml (the site's) lists them.
LANGUAGES = Languages("fr", ("fr", "en"), ("fr", "en"))
# What stands alone in a paragraph of its own besides prose: a paragraph that is one image is a block
# of its own kind, "image".
PROSE = "paragraph"


@dataclass(frozen=True)
class SourcePage:
    """One Markdown file of a copy's docs/."""

    docs: Path
    rel: str  # e.g. faq/nato-in-brief.md

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

    @property
    def language(self) -> str:
        return LANGUAGES.of(self.rel)

    # -- the lines, edited as text -------------------------------------------------------------

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

    # -- what the page holds, found by its structure (faq_site.sources.page) -------------------

    def model(self) -> MarkdownPage:
        """The page as the site reads it, now (read again after every edit)."""
        return parsed(self.rel, self.path.read_text(encoding="utf-8"))

    def front_matter_end(self) -> int:
        """The line of the closing `---`."""
        span = self.model().front_matter.span
        if span is None:
            raise LookupError(f"{self.rel} has no front matter")
        return span[1]

    def key_line(self, key: str) -> int:
        line = self.model().key_line(key)
        if line is None:
            raise LookupError(f"{self.rel} has no front matter key {key}")
        return line

    def has_key(self, key: str) -> bool:
        return self.model().key_line(key) is not None

    def value(self, key: str) -> object:
        return self.model().meta[key]

    def keys(self) -> list[str]:
        """The front matter's keys, in order."""
        return list(self.model().front_matter.key_lines)

    def description_line(self) -> int:
        """The line of `description`. A question has none unless an editor writes one (the build
        takes the answer's opening sentences): this writes one first, as an editor would, the
        answer's first sentence word for word."""
        if not self.has_key("description"):
            sentence = sentences(self.answer_text())[0]
            self.insert(self.front_matter_end(), f"description: {json.dumps(sentence, ensure_ascii=False)}")
        return self.key_line("description")

    def headings(self) -> list[tuple[int, int, str, str | None]]:
        """(line, level, title, id) of each heading."""
        return [(h.line, h.level, h.title, h.id) for h in self.model().headings]

    def heading_line(self, heading_id: str) -> int:
        heading = self.model().heading(heading_id)
        if heading is None:
            raise LookupError(f"{self.rel} has no heading {{#{heading_id}}}")
        return heading.line

    def title_line(self) -> int:
        return self.model().title.line

    def answer(self) -> tuple[Block, ...]:
        """The blocks of the answer (between the title and the next heading)."""
        return self.model().answer()

    def paragraphs(self) -> list[Span]:
        """The lines of each paragraph of prose of the answer (of the text, for a page that is not a
        question: its blocks after the title)."""
        return [block.span for block in self.answer() if block.kind == PROSE]

    def first_paragraph(self) -> Span:
        paragraphs = self.paragraphs()
        if not paragraphs:
            raise LookupError(f"{self.rel} has no paragraph of prose in its answer")
        return paragraphs[0]

    def answer_line(self) -> int:
        """The first line of the answer's first paragraph of prose (an image, a table before it are
        not prose)."""
        return self.first_paragraph().first

    def answer_end(self) -> int:
        """The last line of the answer's first paragraph of prose."""
        return self.first_paragraph().last

    def text(self, span: Span) -> str:
        """A paragraph's text as one line (its lines joined by a space, as readers read it)."""
        return " ".join(line.strip() for line in self.lines()[span.first - 1 : span.last])

    def answer_text(self) -> str:
        return self.text(self.first_paragraph())

    def append_to_answer(self, text: str) -> int:
        """Adds `text` at the end of the answer's first paragraph; returns the line it is on."""
        line = self.answer_end()
        self.set(line, self.line(line) + text)
        return line

    def after_answer(self, *texts: str) -> int:
        """Adds lines after the answer's first paragraph, after an empty line; returns the first one's
        number."""
        line = self.answer_end() + 1
        self.insert(line, "", *texts)
        return line + 1

    def link_lines(self) -> list[int]:
        """The lines of the learn-more list's links."""
        learn_more = self.model().learn_more()
        if learn_more is None:
            raise LookupError(f"{self.rel} has no learn-more section")
        return [link.line for link in learn_more.links]

    def first_link(self) -> tuple[int, str, str]:
        """(line, text, url) of the first learn-more link."""
        link = self.model().learn_more().links[0]
        return link.line, link.text, link.url

    def links(self) -> list[tuple[int, str, str, str]]:
        """(line, text, url, attributes) of each learn-more link."""
        return [(link.line, link.text, link.url, link.attributes) for link in self.model().learn_more().links]

    def first_non_ascii_line(self) -> int:
        return next(n for n, text in enumerate(self.lines(), start=1) if not text.isascii())


@lru_cache(maxsize=1024)
def parsed(rel: str, text: str) -> MarkdownPage:
    """A page's text read by the page model, once per text (tests read the same pages often)."""
    return MarkdownPage.parse(rel, text, LANGUAGES)


def questions(docs: Path, language: str = "fr") -> list[SourcePage]:
    """The question pages of a language, in the order of their `number`."""
    found = [
        SourcePage(docs, path.relative_to(docs).as_posix())
        for path in sorted((docs / "faq").glob("*.md"))
        if LANGUAGES.of(path.name) == language and not path.name.startswith("index.")
    ]
    return sorted(found, key=lambda page: int(page.value("number")))


def pages(docs: Path) -> list[SourcePage]:
    return [SourcePage(docs, path.relative_to(docs).as_posix()) for path in sorted(docs.rglob("*.md"))]


def same_text(text: str) -> str:
    """Text to compare a source with its rendering: typography undone, whitespace folded."""
    return " ".join(plain(text).split())

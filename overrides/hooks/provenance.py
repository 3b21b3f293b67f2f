"""Whether each page is still NATO's text of 2022, or adapted from it since.

record/nato-2022.fr.txt is NATO's French page as published in 2022, kept as
the edition's record (`extra.faq.record` in mkdocs.yml). The build compares
each French page with it, sentence by sentence, once whitespace and
typography are set aside:

- "nato": the page says exactly what its part of the record says (the
  introduction for the home page, its question for a question page);
- "adapted": it has some of the record's sentences but not exactly its part;
- no provenance: a page with none of them (a page of the site's own).

The "all questions" page is NATO's while every question is. An English page
takes the state of its French version. Links to the site's own pages
(navigation, the list of questions) are not compared, nor are code blocks.
An adapted page shows the date its file last changed (from git, as
overrides/hooks/last_changed.py reads it; without history, no date) and a
link to the file's history in the repository.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from faq_docs import ALL_QUESTIONS, DEFAULT_LANGUAGE, LAST_CHANGED, is_question, norm_uri
from last_changed import day_text

NATO = "nato"
ADAPTED = "adapted"
LEARN_MORE = "Pour en savoir plus"
# Left by the copy of NATO's web page, not part of its text.
_RESIDUE = {"-", "INFORMATIONS COMPLÉMENTAIRES – THÈMES CONNEXES"}
_QUESTION = re.compile(r"^\d+\.\s+(.*)$")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-ZÀ-ÖØ-Þ«])")
_SPACE_BEFORE = re.compile(r"\s+(?=[?!;:»])")
_SPACE_AFTER = re.compile(r"(?<=«)\s+")
# Elements whose text is a block of its own (a sentence never runs across two).
_HEADINGS = {f"h{level}" for level in range(1, 7)}
_BLOCKS = frozenset({"p", "li", "ul", "ol", "div", "blockquote", "td", "th", "dd", "dt", *_HEADINGS})


def normalise(text: str) -> str:
    """A sentence without its typography: straight apostrophes, no space before ? ! ; : », one space."""
    text = text.replace("’", "'")
    text = _SPACE_BEFORE.sub("", _SPACE_AFTER.sub("", text))
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    return [normalise(sentence) for sentence in _SENTENCE_END.split(normalise(text)) if sentence.strip()]


def read_record(text: str) -> list[list[str]]:
    """The record's sentences, by section: the introduction, then each question with its links' titles."""
    sections: list[list[str]] = [[]]
    for line in text.splitlines():
        line = line.strip().removeprefix("more")  # "moreFoire aux questions": a menu's residue
        if not line or line in _RESIDUE:
            continue
        question = _QUESTION.match(line)
        if question:
            sections.append(sentences(question.group(1)))
        elif line.startswith(f"{LEARN_MORE} : "):
            if LEARN_MORE not in sections[-1]:
                sections[-1].append(LEARN_MORE)
            sections[-1].extend(sentences(line.removeprefix(f"{LEARN_MORE} : ")))
        else:
            sections[-1].extend(sentences(line))
    return sections


class _PageText(HTMLParser):
    """The sentences of a rendered page, block by block, without its links to the site's own pages."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.text: list[str] = []
        self.skipping: list[str] = []  # tags whose text is not compared, while open

    def flush(self) -> None:
        if "".join(self.text).strip():
            self.blocks.append("".join(self.text))
        self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[0]:  # the same tag, nested
                self.skipping.append(tag)
            return
        attributes = dict(attrs)
        href = attributes.get("href") or ""
        own_page = tag == "a" and not re.match(r"[a-z]+:", href)
        if own_page or "headerlink" in (attributes.get("class") or "") or tag in {"pre", "script", "style"}:
            self.skipping.append(tag)
        elif tag in _BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
            return
        if tag in _BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.text.append(data)


def page_sentences(html: str) -> list[str]:
    parser = _PageText()
    parser.feed(html)
    parser.close()
    parser.flush()
    return [sentence for block in parser.blocks for sentence in sentences(block)]


def state_of(page: list[str], record: list[list[str]]) -> str | None:
    """NATO, ADAPTED or None (nothing from the record), for a French page's sentences."""
    if any(page == section for section in record):
        return NATO
    known = {sentence for section in record for sentence in section}
    return ADAPTED if known.intersection(page) else None


@dataclass(frozen=True)
class Provenance:
    state: str
    date: date | None  # when the page's file last changed, for an adapted page
    date_text: str
    history: str | None  # the file's history in the repository


# From the default language's build, kept for the others: the French pages' states.
_record: list[list[str]] = []
_states: dict[str, str | None] = {}


def record_path(config: MkDocsConfig) -> Path:
    setting = config.extra.get("faq", {}).get("record")
    if not isinstance(setting, str):
        raise PluginError(
            "mkdocs.yml: extra.faq.record must name NATO's 2022 text, e.g. record/nato-2022.fr.txt."
        )
    return Path(config.config_file_path).parent / setting


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _record
    if config.theme["language"] == DEFAULT_LANGUAGE:
        path = record_path(config)
        try:
            _record = read_record(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise PluginError(
                f"mkdocs.yml: extra.faq.record: cannot read {path.name} ({error.__class__.__name__}). "
                "Put NATO's 2022 text back at that path."
            ) from None
        _states.clear()
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if config.theme["language"] == DEFAULT_LANGUAGE:
        _states[page.file.src_uri] = state_of(page_sentences(html), _record)
    return html


def history_url(src_uri: str, config: MkDocsConfig) -> str | None:
    """`{repo_url}/commits/<branch>/docs/<file>`, the branch and folder taken from edit_uri."""
    match = re.match(r"/?(?:edit|blob|tree)/([^/]+)/(.*)$", config.edit_uri or "")
    if not config.repo_url or not match:
        return None
    branch, folder = match.groups()
    return f"{config.repo_url.rstrip('/')}/commits/{branch}/{folder.rstrip('/')}/{src_uri}"


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav) -> dict[str, Any]:
    norm = norm_uri(page.file.src_uri)
    if norm == ALL_QUESTIONS:
        questions = [state for uri, state in _states.items() if is_question(uri)]
        state = NATO if questions and all(state == NATO for state in questions) else ADAPTED
    else:
        state = _states.get(norm)
    if state is None:
        return context
    path = Path(page.file.abs_src_path).resolve()
    if norm == ALL_QUESTIONS:
        # Its text is the questions': their latest change, the folder's history.
        same_language = [
            day
            for other, day in LAST_CHANGED.items()
            if other.parent == path.parent and other.name.endswith(".en.md") == path.name.endswith(".en.md")
        ]
        day = max(same_language, default=None)
        history = history_url(str(Path(page.file.src_uri).parent), config)
    else:
        day = LAST_CHANGED.get(path)
        history = history_url(page.file.src_uri, config)
    strings = config.extra["strings"][config.theme["language"]]
    context["faq_provenance"] = Provenance(
        state=state,
        date=day if state == ADAPTED else None,
        date_text=day_text(day, strings) if day and state == ADAPTED else "",
        history=history if state == ADAPTED else None,
    )
    return context

"""Whether each page is still NATO's text of 2022, or adapted from it since.

record/nato-2022.fr.txt is NATO's French page as published in 2022, kept as
the edition's record (the faq plugin's `record` in mkdocs.yml). The build compares
each French page with it, sentence by sentence, once whitespace and
typography are set aside:

- "nato": the page says exactly what its part of the record says (the
  introduction for the home page, its question for a question page);
- "adapted": it has some of the record's sentences but not exactly its part;
- no provenance: a page with none of them (a page of the site's own).

The "all questions" page is NATO's while every question is. An English page
takes the state of its French version. The page is read as readers read it
(readers/provenance_reading.py): every word, and what changes how the words
read (struck out, small print, an image, a tooltip…), which makes a page that
says NATO's words "adapted".
An adapted page shows the date its text last changed for readers (from git, as
readers/translation_state.py reads it; without history, no date) and a
link to the file's history in the repository.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from faq_site.checks import compare_text
from faq_site.checks.rendered import RenderedPage
from faq_site.languages import Languages, rules_for
from faq_site.readers.provenance_reading import reading
from faq_site.readers.translation_state import TranslationState
from faq_site.sources.names import ALL_QUESTIONS, is_question
from faq_site.sources.text import read, visible

NATO = "nato"
ADAPTED = "adapted"
LEARN_MORE = "Pour en savoir plus"
# Left by the copy of NATO's web page, not part of its text.
_RESIDUE = {"-", "INFORMATIONS COMPLÉMENTAIRES – THÈMES CONNEXES"}
_QUESTION = re.compile(r"^\d+\.\s+(.*)$")
_SPACE_BEFORE = re.compile(r"\s+(?=[?!;:»])")
_SPACE_AFTER = re.compile(r"(?<=«)\s+")


def normalise(text: str) -> str:
    """A sentence as compared: NFC, without invisible characters or typography (straight
    apostrophes, no space before ? ! ; : », one space). An invisible change never flips the label."""
    text = visible(read(text)).replace("’", "'")
    text = _SPACE_BEFORE.sub("", _SPACE_AFTER.sub("", text))
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    """A text's sentences, each as compared; split where the site's other checks split them
    (checks/compare_text.py: not after an initial or an abbreviation such as "M.")."""
    return [normalise(sentence) for sentence in compare_text.sentences(normalise(text))]


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


def page_sentences(page: RenderedPage) -> list[str]:
    """The sentences of a rendered page, block by block, as readers read them."""
    return [sentence for block in reading(page).runs for sentence in sentences(block)]


def state_of(page: list[str], record: list[list[str]], changes: Sequence[str] = ()) -> str | None:
    """NATO, ADAPTED or None (nothing from the record), for a French page's sentences and what
    changes how they read (`provenance_reading.Reading.changes`): NATO's words made to read
    otherwise are not NATO's text."""
    if any(page == section for section in record):
        return ADAPTED if changes else NATO
    known = {sentence for section in record for sentence in section}
    return ADAPTED if known.intersection(page) else None


def page_state(page: RenderedPage, record: list[list[str]]) -> str | None:
    """NATO, ADAPTED or None, for a French page as rendered."""
    read = reading(page)
    return state_of([s for block in read.runs for s in sentences(block)], record, read.changes)


@dataclass(frozen=True)
class Provenance:
    state: str
    date: date | None  # when the page's file last changed, for an adapted page
    date_text: str
    history: str | None  # the file's history in the repository


def read_record_file(path: Path) -> list[list[str]]:
    """The record's sentences, or a message naming the setting if the file cannot be read."""
    try:
        return read_record(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise PluginError(
            f"mkdocs.yml: plugins.faq.record: cannot read {path.name} ({error.__class__.__name__}). "
            "Put NATO's 2022 text back at that path."
        ) from None


def history_url(src_uri: str, config: MkDocsConfig) -> str | None:
    """`{repo_url}/commits/<branch>/docs/<file>`, the branch and folder taken from edit_uri."""
    match = re.match(r"/?(?:edit|blob|tree)/([^/]+)/(.*)$", config.edit_uri or "")
    if not config.repo_url or not match:
        return None
    branch, folder = match.groups()
    return f"{config.repo_url.rstrip('/')}/commits/{branch}/{folder.rstrip('/')}/{src_uri}"


def provenance(
    page: Page,
    config: MkDocsConfig,
    states: dict[str, str | None],
    translations: TranslationState,
    languages: Languages,
) -> Provenance | None:
    """What the page's provenance note says; None for a page of the site's own.

    `states`: the French pages' states, from the default language's build.
    """
    norm = languages.norm_uri(page.file.src_uri)
    if norm == ALL_QUESTIONS:
        questions = [state for uri, state in states.items() if is_question(uri)]
        state = NATO if questions and all(state == NATO for state in questions) else ADAPTED
    else:
        state = states.get(norm)
    if state is None:
        return None
    src_uri = page.file.src_uri
    if norm == ALL_QUESTIONS:
        # Its text is the questions': their latest change, the folder's history.
        parent = PurePosixPath(src_uri).parent
        same_language = [
            day
            for other, day in translations.updated.items()
            if PurePosixPath(other).parent == parent and languages.of(other) == languages.of(src_uri)
        ]
        day = max(same_language, default=None)
        link = history_url(str(parent), config)
    else:
        day = translations.updated.get(src_uri)
        link = history_url(src_uri, config)
    rules = rules_for(config.theme["language"])
    return Provenance(
        state=state,
        date=day if state == ADAPTED else None,
        date_text=rules.date_text(day) if day and state == ADAPTED else "",
        history=link if state == ADAPTED else None,
    )

"""MkDocs' own link and anchor checks, reported once, with the line and what to do.

MkDocs already catches a link to a missing page or anchor ("Doc file
'faq/x.md' contains a link 'y.md', but …"); this hook does not check links
again. It adds to each of those warnings where the link is (docs/faq/x.md:8)
and what to do, and drops the copy of the warning that the "all questions"
page (questions.py) would add for a link it only repeats from a question page.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from faq_docs import ALL_QUESTIONS, QUESTIONS_DIR, is_question, language_of, norm_uri

_WARNING = re.compile(r"^Doc file '(?P<doc>[^']+)' contains a link '(?P<target>[^']+)', but (?P<problem>.+)$")
_ADVICE = {
    "anchor": "Use one of the `{#…}` ids of that page, or remove the `#…` part.",
    "page": "Point it to an existing page: its .md file, relative to this one.",
}


class LinkWarnings(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.docs_dir = Path()

    def filter(self, record: logging.LogRecord) -> bool:
        match = _WARNING.match(record.getMessage())
        if match is None:
            return True
        doc, target = match["doc"], match["target"]
        if norm_uri(doc) == ALL_QUESTIONS and self.repeated_from_a_question(doc, target):
            return False  # reported for the question page it comes from
        line = self.line_of(doc, target)
        where = f"docs/{doc}" + (f":{line}" if line else "")
        advice = _ADVICE["anchor" if "anchor" in match["problem"] else "page"]
        record.msg, record.args = f"{where}: {record.getMessage()} {advice}", ()
        return True

    def line_of(self, doc: str, target: str) -> int | None:
        path = self.docs_dir / doc
        if not path.exists():
            return None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if f"]({target}" in line or f"]: {target}" in line:
                return number
        return None

    def repeated_from_a_question(self, doc: str, target: str) -> bool:
        language = language_of(doc)
        for path in (self.docs_dir / QUESTIONS_DIR).glob("*.md"):
            src_uri = path.relative_to(self.docs_dir).as_posix()
            if (
                is_question(src_uri)
                and language_of(src_uri) == language
                and f"]({target}" in path.read_text(encoding="utf-8")
            ):
                return True
        return False


# One filter for the process: MkDocs loads hooks once, and `mkdocs serve`
# reloads the configuration for every rebuild.
_filter = LinkWarnings()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _filter.docs_dir = Path(config.docs_dir)
    logger = logging.getLogger("mkdocs.structure.pages")
    if _filter not in logger.filters:
        logger.addFilter(_filter)
    return config

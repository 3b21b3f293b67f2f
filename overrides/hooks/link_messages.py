"""MkDocs' own warnings, as one problem each, in an editor's words, with the line.

MkDocs already checks Markdown links (to a missing page or anchor, an absolute
`/…` link, a link to a folder instead of a page's .md file) and the pages left
out of the navigation. This hook does not check them again: it turns each of
those warnings into a problem of the list overrides/hooks/problems.py prints,
`docs/<file>:<line>: what is wrong. What to do.`, and drops the copy the "all
questions" page (questions.py) would add for a link it only repeats from a
question page.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from faq_docs import (
    ALL_QUESTIONS,
    QUESTIONS_DIR,
    WARNED_LINKS,
    Problem,
    Source,
    is_question,
    language_of,
    norm_uri,
    report,
)

_LINK = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains (?:a|an (?P<kind>absolute|unrecognized relative)) link "
    r"'(?P<target>[^']+)'(?:, but (?P<problem>.+?)\.|, it was left as is\.)(?: Did you mean "
    r"'(?P<hint>[^']*)'\?)?$"
)
_ANCHOR = re.compile(
    r"the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'|there is no such "
    r"anchor on this page"
)
_OMITTED = re.compile(r'^The following pages exist in the docs directory, but are not included in the "nav"')


class LinkWarnings(logging.Filter):
    """Turns the warnings above into problems; the warning itself is dropped."""

    def __init__(self) -> None:
        super().__init__()
        self.docs_dir = Path()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        if _OMITTED.match(message):
            report(self.omitted(message))
            return False
        match = _LINK.match(message)
        if match is None:
            return True
        doc, target = match["doc"], match["target"]
        WARNED_LINKS.add((doc, target))
        if norm_uri(doc) == ALL_QUESTIONS and (
            target.startswith("#") or self.repeated_from_a_question(doc, target)
        ):
            return False  # reported for the question page it comes from
        source = self.source(doc)
        line = source.line_of(f"]({target}", f"]: {target}", target) if source else None
        report([Problem(doc, self.advice(match), line)])
        return False

    def advice(self, match: re.Match[str]) -> str:
        target, hint = match["target"], match["hint"]
        did_you_mean = f" Did you mean `{hint}`?" if hint else ""
        if match["kind"] == "absolute":
            return (
                f"the link `{target}` starts with `/`, which breaks once the site is published under "
                "its own address. Link to the page's .md file, relative to this page, e.g. "
                f"`[text](other-page.md)`.{did_you_mean}"
            )
        if match["kind"] == "unrecognized relative":
            return (
                f"the link `{target}` is not the name of a page's file. Link to the page's .md file, "
                f"relative to this page, e.g. `[text](other-page.md)`.{did_you_mean}"
            )
        anchor = _ANCHOR.search(match["problem"] or "")
        if anchor:
            page = anchor["doc"] or match["doc"]
            source = self.source(page)
            ids = [heading.id for heading in source.headings() if heading.id] if source else []
            where = f"docs/{page}" if anchor["doc"] else "this page"
            known = f" Its ids: {', '.join(f'`{i}`' for i in ids)}." if ids else ""
            return (
                f"the link `{target}` points to `#{anchor['anchor'] or target.split('#', 1)[1]}`, which is "
                f"not the id of a heading of {where}. Use one of its `{{#…}}` ids, or remove the "
                f"`#…` part.{known}"
            )
        return (
            f"the link `{target}` leads to no page: there is no such file in docs/. Check the file "
            f"name; it is relative to this page's folder.{did_you_mean}"
        )

    def omitted(self, message: str) -> list[Problem]:
        pages = [line.strip().removeprefix("- ").strip() for line in message.splitlines()[1:]]
        return [
            Problem(
                page,
                "this page is in no menu of the site. Put questions in docs/faq/ with a `number`; "
                "other pages need a developer to add them to the navigation.",
            )
            for page in pages
            if not is_question(page)  # a question without a valid number: reported with its number
        ]

    def source(self, doc: str) -> Source | None:
        path = self.docs_dir / doc
        try:
            return Source.parse(doc, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None

    def repeated_from_a_question(self, doc: str, target: str) -> bool:
        language = language_of(doc)
        for path in (self.docs_dir / QUESTIONS_DIR).glob("*.md"):
            src_uri = path.relative_to(self.docs_dir).as_posix()
            if (
                is_question(src_uri)
                and language_of(src_uri) == language
                and f"]({target}" in path.read_text(encoding="utf-8", errors="replace")
            ):
                return True
        return False


_LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # One filter per logger: MkDocs loads hooks again for every build of
    # `mkdocs serve`, so a filter of an earlier load is replaced, not doubled.
    link_filter = LinkWarnings()
    link_filter.docs_dir = Path(config.docs_dir)
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if type(f).__name__ == LinkWarnings.__name__]:
            logger.removeFilter(old)
        logger.addFilter(link_filter)
    return config

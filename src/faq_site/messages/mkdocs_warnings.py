"""MkDocs' own warnings, as one problem each, in an editor's words, with the line.

MkDocs already checks Markdown links (to a missing page or anchor, an absolute
`/…` link, a link to a folder instead of a page's .md file) and the pages left
out of the navigation. The site does not check them again: this filter turns
each of those warnings into a problem of the list the build stops with,
`docs/<file>:<line>: what is wrong. What to do.`, and drops the copy the "all
questions" page (readers/navigation.py) would add for a link it only repeats from a
question page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

from faq_site.languages import Languages
from faq_site.messages.problems import Problem, Problems, Stage, address_subject
from faq_site.sources.lines import Fold
from faq_site.sources.names import ALL_QUESTIONS, is_question
from faq_site.sources.page import MarkdownPage

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


@dataclass(eq=False)  # a filter is one object, compared by identity
class LinkWarnings(logging.Filter):
    """Turns the warnings above into problems of this build; the warning itself is dropped."""

    languages: Languages
    # The build's pages, as read once when the files are collected (BuildState.sources).
    pages: Mapping[str, MarkdownPage]
    problems: Problems

    def __post_init__(self) -> None:
        logging.Filter.__init__(self)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        if _OMITTED.match(message):
            self.problems.report(self.omitted(message), Stage.ACROSS)
            return False
        match = _LINK.match(message)
        if match is None:
            return True
        doc, target = match["doc"], match["target"]
        if self.languages.norm_uri(doc) == ALL_QUESTIONS and (
            target.startswith("#") or self.repeated_from_a_question(doc, target)
        ):
            return False  # reported for the question page it comes from
        source = self.pages.get(doc)
        line = (
            source.finder.first(f"]({target}", f"]: {target}", target, fold=Fold.TYPOGRAPHY, references=1)
            if source
            else None
        )
        # One address of one page: the site's checks of it (checks/links.py, the allow-list) say nothing more.
        self.problems.report(
            [Problem(doc, self.advice(match), line, subject=address_subject(doc, target))], Stage.RENDERED
        )
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
            source = self.pages.get(page)
            ids = (
                [heading.id for heading in source.headings if heading.id and heading.form == "atx"]
                if source
                else []
            )
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

    def repeated_from_a_question(self, doc: str, target: str) -> bool:
        language = self.languages.of(doc)
        return any(
            page.is_question and page.language == language and any(link.url == target for link in page.links)
            for page in self.pages.values()
        )


# The loggers whose warnings are an editor's: links, and pages out of the navigation.
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")


def listen(link_filter: LinkWarnings) -> None:
    """Puts the filter on MkDocs' loggers, in place of any earlier one (an earlier build's)."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if type(f).__name__ == LinkWarnings.__name__]:
            logger.removeFilter(old)
        logger.addFilter(link_filter)


def stop_listening() -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if type(f).__name__ == LinkWarnings.__name__]:
            logger.removeFilter(old)

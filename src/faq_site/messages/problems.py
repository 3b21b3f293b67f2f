"""What an editor must fix: one line each, all at once, sorted by file and line.

The checks add problems to the build's `Problems` (the plugin's state, see
faq_site/state.py). The plugin stops the build with them at the end of the last
language's build, once every page of every language is rendered; or, for a
problem with the files themselves (a name, a place, an encoding), as soon as
the files are collected, since MkDocs could not render them.

One rule decides which problems are shown, applied once, when the build stops
(`Problems.shown`). Each problem has a stage, the form of the page its check reads:
the file itself, then its front matter, then its Markdown, then the rendered page,
then what is compared across pages and languages. What a later stage finds in a file
that already has an earlier-stage problem follows from that problem (an answer
indented into code is no answer to quote; an element never closed swallows the links
after it): it is not shown, and the editor fixes the first cause first. A problem can
also name the other files it follows from (`causes`: a translation's parity follows
from its French page), and the thing it is about (`subject`: one link judged by two
readers is one problem, the earliest found).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum

from mkdocs.exceptions import PluginError


class Stage(IntEnum):
    """The form of a page a check reads, in the order the build reads them."""

    FILE = 1  # the file itself: its name, place, encoding, twin; git's conflict markers
    FRONT_MATTER = 2  # its YAML
    MARKDOWN = 3  # its Markdown, as written
    RENDERED = 4  # the page as rendered, and as published
    ACROSS = 5  # compared with other pages and languages


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, where it is and what to do."""

    src_uri: str
    message: str
    line: int | None = None
    # Where the problem stands in the precedence rule; the plugin gives each check's (`report`).
    stage: Stage | None = field(default=None, compare=False)
    # Other files it follows from, each with the last stage whose problems cause it.
    causes: tuple[tuple[str, Stage], ...] = field(default=(), compare=False)
    # What it is about, when two checks can judge one thing (a link's address): one problem each.
    subject: tuple[str, ...] | None = field(default=None, compare=False)

    def __str__(self) -> str:
        where = f"docs/{self.src_uri}" + (f":{self.line}" if self.line else "")
        return f"{where}: {self.message}"


@dataclass
class Problems:
    """The problems one build (every language) has found so far."""

    found: list[Problem] = field(default_factory=list)
    blocking: bool = False  # a problem makes rendering the pages pointless or unsafe

    def report(
        self,
        problems: list[Problem],
        stage: Stage | None = None,
        *,
        causes: tuple[tuple[str, Stage], ...] = (),
        blocking: bool = False,
    ) -> None:
        """Record problems of a stage (a problem that says its own keeps it), following from
        `causes` too; the build stops once every check has run (or at the files, if blocking)."""
        for problem in problems:
            own = problem.stage or stage
            if own is None:
                raise ValueError(f"a problem without a stage: {problem}")
            self.found.append(replace(problem, stage=own, causes=problem.causes + causes))
        if problems and blocking:
            self.blocking = True

    def shown(self) -> list[Problem]:
        """The problems an editor is shown: each once, none that follows from another one shown.

        1. One problem per subject: the earliest stage's, then the first found.
        2. Not a problem of a file that has a problem of an earlier stage.
        3. Not a problem caused by another file's problem up to the stage it names.
        """
        chosen: dict[tuple[str, ...], Problem] = {}
        for problem in self.found:
            if problem.subject is not None:
                kept = chosen.setdefault(problem.subject, problem)
                if _stage(problem) < _stage(kept):
                    chosen[problem.subject] = problem
        candidates = [p for p in self.found if p.subject is None or chosen[p.subject] is p]
        earliest: dict[str, Stage] = {}
        for problem in candidates:
            earliest[problem.src_uri] = min(earliest.get(problem.src_uri, Stage.ACROSS), _stage(problem))
        return [
            problem
            for problem in candidates
            if earliest[problem.src_uri] >= _stage(problem)
            and not any(earliest.get(src_uri, Stage.ACROSS + 1) <= stage for src_uri, stage in problem.causes)
        ]

    def stop_if_any(self) -> None:
        stop_if(self.shown())


def address_subject(src_uri: str, url: str) -> tuple[str, str, str]:
    """One address of one page, as written there: whichever check judges it first, it is one problem."""
    return ("address", src_uri, url)


def _stage(problem: Problem) -> Stage:
    return problem.stage or Stage.RENDERED


def stop_if(problems: list[Problem]) -> None:
    """Stop the build with one line per problem, sorted by file and line."""
    if not problems:
        return
    lines = sorted(set(problems), key=lambda p: (p.src_uri == "", p.src_uri, p.line or 0, p.message))
    count = f"{len(lines)} problem{'s' if len(lines) > 1 else ''}"
    body = "\n".join(f"  - {problem}" for problem in lines)
    raise PluginError(f"The FAQ has {count} to fix before it can be built:\n{body}")

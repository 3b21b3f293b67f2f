"""Editor mistakes built in few builds: mistakes on different pages share one copy and one build.

The build reports every problem at once, so a copy holding several mistakes,
each on pages of its own, must give exactly the lines each mistake gives
alone: the union of their expected lines, nothing more. One build then checks
many mistakes. How it goes:

1. Each mistake is made alone in its own copy of the tests' FAQ site
   (tests/fixture_site.py; `make(docs)`, on the first question), and the
   files it changed are compared with the fixture's.
2. A mistake that changes the settings (mkdocs.yml), adds, removes or
   garbles a file (problems that stop the build before pages render, or
   concern every page), renumbers a question (the order of every question)
   or expects a line that names no page is built alone.
3. The others are grouped, each group at most one mistake per question: the
   first mistake of a group is made on the first question, the next on the
   second question, and so on (FIRST_QUESTION, which `first()` reads). A
   mistake that touches a page another member touches (a question and its
   translation count as one page), or that would be moved
   onto a page another page links to, goes to another group.
   Each group's copy gets the files its members changed.
4. All copies are built together, in-process (conftest's build_many).
5. A group whose build does not give exactly its members' lines, stops
   without a traceback, counts them, and names the "all questions" page only
   if a member's lines do, has each of its mistakes built again alone, on the first question
   as written: the test of a mistake then reports that build, naming it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import warnings
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from fixture_site import copy_fixture
from page_editing import SourcePage, questions

from conftest import BuildResult, build_many

# Which question `first()` means while a mistake is made: 0, the first, unless the mistake is
# made as a member of a group (step 3 above).
FIRST_QUESTION: ContextVar[int] = ContextVar("FIRST_QUESTION", default=0)
NUMBER_LINE = re.compile(r"^\s*number\s*:", re.MULTILINE)
T = TypeVar("T")


def first(docs: Path, language: str = "fr", index: int = 0) -> SourcePage:
    """The first question (`index` more): the one numbered 1, or, for a change made as a member of
    a group, the question its place in the group gives (step 3 above)."""
    pages = questions(docs, language)
    return pages[(FIRST_QUESTION.get() + index) % len(pages)]


class Mistake(Protocol):
    name: str
    make: Callable[[Path], list[str]]  # makes the mistake in docs/; returns the expected problem lines


@dataclass(frozen=True)
class Outcome:
    expected: list[str]  # every line the build must give: this mistake's and its group's
    before: dict[str, str]  # the broken docs/, as the editors left it
    docs: Path
    result: BuildResult
    group: tuple[str, ...]  # the mistakes built together with it, itself included


def snapshot(directory: Path) -> dict[str, str]:
    """Each file under a directory, by relative path: a hash of its bytes, or where a symlink points
    (never followed)."""
    found = {}
    for folder, folders, names in os.walk(directory):
        for name in sorted(names + [f for f in folders if (Path(folder) / f).is_symlink()]):
            path = Path(folder) / name
            relative = path.relative_to(directory).as_posix()
            if path.is_symlink():
                found[relative] = f"-> {os.readlink(path)}"
            else:
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(found.items()))


def problem_lines(output: str) -> list[str]:
    return [line.removeprefix("  - ") for line in output.splitlines() if line.startswith("  - ")]


def sort_key(line: str) -> tuple[str, int, str]:
    match = re.match(r"docs/(?P<file>[^:]+?)(?::(?P<line>\d+))?: (?P<message>.*)$", line)
    return match["file"], int(match["line"] or 0), match["message"]


def reports_exactly(result: BuildResult, expected: list[str]) -> bool:
    """What tests/test_editor_errors.py asserts of a build with these problems (docs/ aside)."""
    count = len(expected)
    return (
        result.returncode != 0
        and "Traceback" not in result.output
        and problem_lines(result.output) == sorted(expected, key=sort_key)
        and f"The FAQ has {count} problem{'s' if count > 1 else ''} to fix" in result.output
        # the "all questions" page, which repeats every answer, is named only by the problems on it
        and ("faq/index" not in result.output or any("faq/index" in line for line in expected))
    )


@dataclass(frozen=True)
class Made(Generic[T]):
    """A change (a mistake, a correct edit) made in a copy of its own."""

    name: str
    project: Path
    made: T  # what making it returned: a mistake's expected lines, an edit's check
    changed: dict[str, str | None]  # path in the project -> its new content's hash, None if removed


def make(
    name: str, change: Callable[[Path], T], project: Path, first_question: int, pristine: dict[str, str]
) -> Made[T]:
    project = copy_fixture(project)
    token = FIRST_QUESTION.set(first_question)
    try:
        made = change(project / "docs")
    finally:
        FIRST_QUESTION.reset(token)
    now = snapshot(project)
    changed = {
        path: now.get(path) for path in pristine.keys() | now.keys() if pristine.get(path) != now.get(path)
    }
    return Made(name, project, made, changed)


def page_of(path: str) -> str:
    """A page and its other language's file are one: docs/faq/x.en.md -> docs/faq/x."""
    return re.sub(r"(\.[a-z]{2})?\.md$", "", path)


def number_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if NUMBER_LINE.match(line)]


def pages_changed(made: Made[T], pristine_project: Path) -> set[str] | None:
    """The pages a change touched, or None if it must be built alone (step 2 above): it changed
    the settings, added, removed or garbled a file, or renumbered a question."""
    for path, content in made.changed.items():
        before, after = pristine_project / path, made.project / path
        if not path.startswith("docs/") or content is None or not before.is_file() or after.is_symlink():
            return None
        try:
            old, new = before.read_text(encoding="utf-8"), after.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            return None
        if number_lines(old) != number_lines(new):
            return None
    return {page_of(path) for path in made.changed}


MARKDOWN_LINK = re.compile(r"\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?\)")


def linked_pages(project: Path) -> set[str]:
    """The pages another page links to: a mistake made on one of them would also show on the page
    that links to it (a heading id changed, say), so no mistake is moved onto one of them."""
    docs = project / "docs"
    linked = set()
    for path in docs.rglob("*.md"):
        for match in MARKDOWN_LINK.finditer(path.read_text(encoding="utf-8", errors="replace")):
            target = (path.parent / match["target"]).resolve()
            if target.is_relative_to(docs.resolve()) and page_of(str(path)) != page_of(str(target)):
                linked.add(page_of(f"docs/{target.relative_to(docs.resolve()).as_posix()}"))
    return linked


def apply(made: Made[T], project: Path) -> None:
    """Carries a change's files over to another copy."""
    for path, content in made.changed.items():
        target = project / path
        if content is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(made.project / path, target, follow_symlinks=False)


@dataclass(frozen=True)
class Plan(Generic[T]):
    builds: list[list[Made[T]]]  # each list: the changes one copy holds (one, or a group)
    alone: dict[str, Made[T]]  # each change made alone, on the first question: to build it again


def plan(
    changes: dict[str, Callable[[Path], T]], root: Path, alone_if: Callable[[T], bool] = lambda _: False
) -> Plan[T]:
    """Makes every change, and groups those that can share a copy (steps 1 to 3 above)."""
    pristine_project = copy_fixture(root / "pristine")
    pristine = snapshot(pristine_project)
    per_group = len(questions(pristine_project / "docs"))
    linked = linked_pages(pristine_project)
    alone = {
        name: make(name, change, root / "alone" / str(i), 0, pristine)
        for i, (name, change) in enumerate(changes.items())
    }
    pages = {
        name: None if alone_if(made.made) else pages_changed(made, pristine_project)
        for name, made in alone.items()
    }

    builds: list[list[Made[T]]] = [[made] for name, made in alone.items() if pages[name] is None]
    groups: list[dict[str, tuple[Made[T], set[str]]]] = []
    left: list[Made[T]] = []
    for position, name in enumerate(name for name in alone if pages[name] is not None):
        number, place = divmod(position, per_group)
        if place == 0:
            groups.append({})
        made = (
            alone[name]
            if place == 0
            else make(name, changes[name], root / "rotated" / str(position), place, pristine)
        )
        changed = None if alone_if(made.made) else pages_changed(made, pristine_project)
        if changed is None or changed & taken(groups[number]) or (place and changed & linked):
            left.append(alone[name])
        else:
            groups[number][name] = (made, changed)
    # What did not fit, on the first question as written, where no member touches its pages.
    for made in left:
        group = next((group for group in groups if not pages[made.name] & taken(group)), None)
        if group is None:
            groups.append(group := {})
        group[made.name] = (made, pages[made.name])
    builds += [[made for made, _ in group.values()] for group in groups if group]
    return Plan(builds, alone)


R = TypeVar("R")


def built_in_groups(
    planned: Plan[T],
    root: Path,
    build: Callable[[list[list[Made[T]]], Path], dict[str, R]],
    group_is_fine: Callable[[list[Made[T]], dict[str, R]], bool],
    what: str,
) -> dict[str, R]:
    """Builds every planned copy (step 4 above); a group that is not fine has each of its changes
    built again alone, on the first question as written (step 5), and a warning names them."""
    outcomes = build(planned.builds, root)
    again = [
        [planned.alone[made.name]]
        for members in planned.builds
        if len(members) > 1 and not group_is_fine(members, outcomes)
        for made in members
    ]
    if again:
        warnings.warn(
            f"{what} built together did not pass as each passes alone; built again one by one: "
            + ", ".join(made.name for (made,) in again),
            stacklevel=2,
        )
        outcomes.update(build(again, root / "again"))
    return outcomes


def build_mistakes(mistakes: Sequence[Mistake], root: Path) -> dict[str, Outcome]:
    """Every mistake made and built, in groups where it can be (see the module's docstring)."""
    # A mistake whose message names no page (the settings) is built alone.
    planned = plan(
        {m.name: m.make for m in mistakes},
        root,
        alone_if=lambda expected: not all(line.startswith("docs/") for line in expected),
    )
    return built_in_groups(
        planned,
        root,
        build_all,
        lambda members, outcomes: reports_exactly(
            outcomes[members[0].name].result, outcomes[members[0].name].expected
        ),
        "mistakes",
    )


def taken(group: dict[str, tuple[Made, set[str]]]) -> set[str]:
    return {page for _, changed in group.values() for page in changed}


def copies_for(builds: list[list[Made[T]]], root: Path) -> list[Path]:
    """The copy each build uses: a change's own, or a new one with every member's files."""
    projects = []
    for number, members in enumerate(builds):
        if len(members) == 1:
            projects.append(members[0].project)
            continue
        projects.append(project := copy_fixture(root / "groups" / str(number)))
        for made in members:
            apply(made, project)
    return projects


def build_all(builds: list[list[Made[list[str]]]], root: Path) -> dict[str, Outcome]:
    """Builds every group of mistakes at once (a group of one in its own copy); each mistake's
    outcome is its group's."""
    projects = copies_for(builds, root)
    before = {project: snapshot(project / "docs") for project in projects}
    results = build_many(projects, root / "sites")
    outcomes = {}
    for project, members in zip(projects, builds, strict=True):
        expected = [line for made in members for line in made.made]
        group = tuple(made.name for made in members)
        for made in members:
            outcomes[made.name] = Outcome(
                expected, before[project], project / "docs", results[project], group
            )
    return outcomes

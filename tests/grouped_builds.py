"""Editor mistakes built in few builds: mistakes on different pages share one copy and one build.

The build reports every problem at once, so a copy holding several mistakes,
each on pages of its own, must give exactly the lines each mistake gives
alone: the union of their expected lines, nothing more. One build then checks
many mistakes. How it goes:

1. Each mistake is made alone in a copy of the tests' FAQ site
   (tests/fixture_site.py; `make(docs)`, on the first question), and the
   files it changed are kept: one scratch copy serves every mistake, put back
   as it was after each (a copy is made only for what is built).
2. A mistake that changes the settings (mkdocs.yml), adds (but an image
   of docs/assets/), removes or garbles a file (problems that stop the build
   before pages render, or concern every page), or expects a line that names
   no page is built alone. Two mistakes that renumber questions never share
   a build (each one's message counts the questions).
3. The others are grouped: each goes to the first group where it fits, made
   on a question no member touches (FIRST_QUESTION, which `first()` reads:
   the first question, or the second, and so on), so that it touches no page
   another member touches (a question and its translation count as one
   page), nor, moved, a page another page links to; else it starts a group.
   A mistake made on a page of its own (the home page, say) is not moved.
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
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from fixture_site import FIXTURE_PLACE, copy_fixture, site_root
from page_editing import SourcePage, parsed, questions

from conftest import BuildResult, Page, Site, build_many

# Which question `first()` means while a mistake is made: 0, the first, unless the mistake is
# made as a member of a group (step 3 above).
FIRST_QUESTION: ContextVar[int] = ContextVar("FIRST_QUESTION", default=0)
T = TypeVar("T")


def first(docs: Path, language: str = "fr", index: int = 0) -> SourcePage:
    """The first question (`index` more): the one numbered 1, or, for a change made as a member of
    a group, the question its place in the group gives (step 3 above)."""
    pages = questions(docs, language)
    return pages[(FIRST_QUESTION.get() + index) % len(pages)]


def paragraph_added(
    docs: Path,
    index: int,
    typed: dict[str, str],
    published: dict[str, str],
    also: Callable[[Page], None] | None = None,
) -> Callable[[Site], None]:
    """A correct edit: a paragraph, `typed` in each language, added at the end of a question's answer
    (`first(docs, "fr", index)`, and its twin), before its learn-more heading. Returns the check of
    the built site: each language's page holds its `published` bytes (and passes `also`)."""
    french = first(docs, "fr", index)
    address = f"faq/{french.slug}/"
    for page in (french, french.twin):
        page.insert(page.heading_line("learn-more"), typed[page.language], "")

    def check(site: Site) -> None:
        for language, prefix in (("fr", ""), ("en", "en/")):
            page = site.page(f"{prefix}{address}")
            assert published[language] in page.html, page.path
            if also is not None:
                also(page)

    return check


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


def file_states(directory: Path) -> dict[str, tuple[int, ...] | str]:
    """Each file under a directory, by relative path: its size, mode and time of change (a change
    writes it), or where a symlink points: cheaper than `snapshot`, for a copy changed in turn."""
    found: dict[str, tuple[int, ...] | str] = {}
    base = len(str(directory)) + 1
    for folder, folders, names in os.walk(directory):
        for name in names + [f for f in folders if os.path.islink(os.path.join(folder, f))]:
            path = os.path.join(folder, name)
            state = os.lstat(path)
            if os.path.islink(path):
                found[path[base:]] = os.readlink(path)
            else:
                found[path[base:]] = (state.st_size, state.st_mode, state.st_mtime_ns)
    return found


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
class Symlink:
    target: str  # as written in the link (never followed)


@dataclass(frozen=True)
class Made(Generic[T]):
    """A change (a mistake, a correct edit), made in a copy and kept as the files it changed."""

    name: str
    made: T  # what making it returned: a mistake's expected lines, an edit's check
    # Each file the change changed, by its path in the copy (from the copy's root, where the site's
    # code is; the fixture's files under FIXTURE_PLACE): its new bytes, where a symbolic link
    # points, or None if it was removed.
    files: dict[str, bytes | Symlink | None]


class Scratch:
    """One copy every change is made in, in turn, and put back as it was after each."""

    def __init__(self, root: Path) -> None:
        self.pristine_root = site_root(copy_fixture(root / "pristine"))
        self.root = site_root(copy_fixture(root / "scratch"))
        self.pristine = file_states(self.root)

    @property
    def docs(self) -> Path:
        return self.root / FIXTURE_PLACE / "docs"

    @contextmanager
    def applied(self, made: Made[T]) -> Iterator[Path]:
        """The scratch copy with a change made again (its files), for as long as the block runs:
        its docs/."""
        apply(made, self.root)
        try:
            yield self.docs
        finally:
            self._put_back(sorted(made.files))

    def make(self, name: str, change: Callable[[Path], T], first_question: int) -> Made[T]:
        token = FIRST_QUESTION.set(first_question)
        try:
            made = change(self.root / FIXTURE_PLACE / "docs")
        finally:
            FIRST_QUESTION.reset(token)
        now = file_states(self.root)
        changed = sorted(
            path for path in self.pristine.keys() | now.keys() if self.pristine.get(path) != now.get(path)
        )
        files = {path: self._content(path) if path in now else None for path in changed}
        self._put_back(changed)
        return Made(name, made, files)

    def _content(self, path: str) -> bytes | Symlink:
        file = self.root / path
        return Symlink(os.readlink(file)) if file.is_symlink() else file.read_bytes()

    def _put_back(self, changed: list[str]) -> None:
        for path in changed:
            file = self.root / path
            if file.is_symlink() or file.is_file():
                file.unlink()
            if path in self.pristine:
                shutil.copy2(self.pristine_root / path, file)
                os.utime(file, ns=(self.pristine[path][2],) * 2)
            # Folders the change added, now empty.
            for folder in file.parents:
                if folder == self.root or (self.pristine_root / folder.relative_to(self.root)).is_dir():
                    break
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()


def page_of(path: str) -> str:
    """A page and its other language's file are one: docs/faq/x.en.md -> docs/faq/x."""
    return re.sub(r"(\.[a-z]{2})?\.md$", "", path)


def number_lines(path: str, text: str) -> list[str]:
    """A page's `number` line as written (the page model's front matter), or, where its front
    matter cannot be read, all of it: a change there may renumber the page."""
    page = parsed(path.removeprefix("docs/"), text)
    line = page.key_line("number")
    if line is not None:
        return [page.line(line)]
    span = page.front_matter.span
    return list(page.lines[span[0] - 1 : span[1]]) if span and page.front_matter.error else []


# What a change that renumbers a question touches besides its page: the order of every question,
# so that two such changes never share a build (each one's message counts the questions).
NUMBERS = "the questions' numbers"
# Files a change may add and still share a build: an image of docs/assets/ is checked for what it
# holds, on its own (a file of another kind there, or elsewhere, stops the build before any page).
SHARED_NEW_FILES = re.compile(r"docs/assets/.+\.(?:svg|png)")


def pages_changed(made: Made[T], pristine_root: Path, pages_come_and_go: bool = False) -> set[str] | None:
    """The pages a change touched, or None if it must be built alone (step 2 above): it changed
    the settings, removed or garbled a file, or added one (but an image of docs/assets/). With
    `pages_come_and_go` (correct edits: nothing stops their build early), a page added or removed
    is a page it touched."""
    touched = set()
    for place, content in made.files.items():
        path = place.removeprefix(f"{FIXTURE_PLACE.as_posix()}/")
        before = pristine_root / place
        if pages_come_and_go and path.endswith(".md") and (content is None or not before.exists()):
            text = before.read_text(encoding="utf-8") if content is None else content.decode("utf-8")
            touched |= {page_of(path), NUMBERS} if number_lines(path, text) else {page_of(path)}
            continue
        if path == place or not path.startswith("docs/") or not isinstance(content, bytes):
            return None
        if not before.is_file():
            if not SHARED_NEW_FILES.fullmatch(path):
                return None
            touched.add(path)
            continue
        try:
            old, new = before.read_text(encoding="utf-8"), content.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if number_lines(path, old) != number_lines(path, new):
            touched.add(NUMBERS)
        touched.add(page_of(path))
    return touched


def linked_pages(project: Path) -> set[str]:
    """The pages another page links to: a mistake made on one of them would also show on the page
    that links to it (a heading id changed, say), so no mistake is moved onto one of them."""
    docs = project / "docs"
    linked = set()
    for path in docs.rglob("*.md"):
        page = parsed(path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8", errors="replace"))
        for link in page.links:
            address = link.url.split("#")[0]
            if "://" in address or not address.endswith(".md"):
                continue
            target = (path.parent / address).resolve()
            if target.is_relative_to(docs.resolve()) and page_of(str(path)) != page_of(str(target)):
                linked.add(page_of(f"docs/{target.relative_to(docs.resolve()).as_posix()}"))
    return linked


def apply(made: Made[T], root: Path) -> None:
    """Carries a change's files over to a copy (from its root)."""
    for path, content in made.files.items():
        target = root / path
        if content is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Symlink):
            target.symlink_to(content.target)
        else:
            target.write_bytes(content)


@dataclass(frozen=True)
class Plan(Generic[T]):
    builds: list[list[Made[T]]]  # each list: the changes one copy holds (one, or a group)
    alone: dict[str, Made[T]]  # each change made alone, on the first question: to build it again


def plan(
    changes: dict[str, Callable[[Path], T]],
    root: Path,
    alone_if: Callable[[T], bool] = lambda _: False,
    names: Callable[[T], set[str]] = lambda _: set(),
    pages_come_and_go: bool = False,
    on_their_own: Collection[str] = (),
) -> Plan[T]:
    """Makes every change, and groups those that can share a copy (steps 1 to 3 above): `names`
    gives the pages a change's outcome names besides those it changed (a mistake's messages)."""
    scratch = Scratch(root)

    def touched(made: Made[T]) -> set[str] | None:
        changed = (
            None if alone_if(made.made) else pages_changed(made, scratch.pristine_root, pages_come_and_go)
        )
        return None if changed is None else changed | names(made.made)

    pristine_project = scratch.pristine_root / FIXTURE_PLACE
    question_pages = [page_of(page.where) for page in questions(pristine_project / "docs")]
    linked = linked_pages(pristine_project)
    alone = {name: scratch.make(name, change, 0) for name, change in changes.items()}
    pages = {name: None if name in on_their_own else touched(made) for name, made in alone.items()}
    made_on: dict[tuple[str, int], tuple[Made[T], set[str] | None]] = {}

    def made_on_question(name: str, place: int) -> tuple[Made[T], set[str] | None]:
        """The change made on the question at `place` (0: as written), and the pages it touches."""
        if place == 0:
            return alone[name], pages[name]
        if (name, place) not in made_on:
            made = scratch.make(name, changes[name], place)
            made_on[name, place] = (made, touched(made))
        return made_on[name, place]

    def fits(name: str, group: dict[str, tuple[Made[T], set[str]]]) -> tuple[Made[T], set[str]] | None:
        """The change made where it fits in `group`: on a question no member touches, its pages none
        of theirs (nor, moved, a page another page links to)."""
        busy = taken(group)
        # A change made on no question (the home page's, say) is not moved.
        places = range(len(question_pages)) if set(question_pages) & pages[name] else [0]
        for place in places:
            if place and question_pages[place] in busy:
                continue
            made, changed = made_on_question(name, place)
            if changed is not None and not changed & busy and not (place and changed & linked):
                return made, changed
        return None

    builds: list[list[Made[T]]] = [[made] for name, made in alone.items() if pages[name] is None]
    groups: list[dict[str, tuple[Made[T], set[str]]]] = []
    for name in (name for name in alone if pages[name] is not None):
        # The first group it fits in, or a group of its own.
        for group in groups:
            if (placed := fits(name, group)) is not None:
                group[name] = placed
                break
        else:
            groups.append({name: (alone[name], pages[name])})
    builds += [[made for made, _ in group.values()] for group in groups]
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


def build_mistakes(
    mistakes: Sequence[Mistake], root: Path, on_their_own: Collection[str] = ()
) -> dict[str, Outcome]:
    """Every mistake made and built, in groups where it can be (see the module's docstring); those
    named in `on_their_own` (they stop the build before any page renders) each in a build of its own."""
    # A mistake whose message names no page (the settings) is built alone.
    planned = plan(
        {m.name: m.make for m in mistakes},
        root,
        on_their_own=on_their_own,
        alone_if=lambda expected: not all(line.startswith("docs/") for line in expected),
        # A mistake's message names pages it did not change (`… like docs/faq/y.md`): no other
        # member may be made on those.
        names=lambda expected: {page_of(line.split(": ", 1)[0].split(":")[0]) for line in expected},
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
    """The copy each build uses, with every member's files: the project to build in it."""
    projects = []
    for number, members in enumerate(builds):
        projects.append(project := copy_fixture(root / "copies" / str(number)))
        for made in members:
            apply(made, site_root(project))
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

"""Proof, while they run, that the tests of the plugin never read the real docs/ (issue 22).

tests/test_fixture_only.py reads each module's code for a path to docs/ or a fixture of the real
site; that misses a path built another way (`Path("docs")` from the project's folder, a glob, a
helper of another module). This guard watches what each test does instead, through Python's audit
hooks (PEP 578): a test not marked `published_site` that opens, lists or copies a path inside the
project's docs/, or starts a process there or a `mkdocs` build of the project itself, fails with
the path it reached. So one run of the suite proves what a second run on another FAQ would (the
suite passing whatever docs/ holds), without that run's minutes.

Python cannot remove an audit hook once added, so the guard is added once per process and judges
only while a test of the plugin runs (`watching`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# The audit events through which a test reaches a file or starts a process (the Python docs'
# "Audit events table"): `open` covers open(), io.open(), Path.read_text() and os.open().
PATH_EVENTS = frozenset({"open", "os.listdir", "os.scandir", "shutil.copytree", "shutil.copyfile"})
PROCESS_EVENT = "subprocess.Popen"
# A build by the test process's builder, which is one process for all its builds (tests/conftest.py).
BUILD_EVENT = "faq_tests.build"


class DocsGuard:
    """Records every access to `docs` made while `watching` names a test."""

    def __init__(self, project: Path) -> None:
        self.project = str(project)
        self.docs = os.path.join(self.project, "docs")
        self.watching: str | None = None  # the test's node id, while one of the plugin's runs
        self.reached: list[str] = []

    def install(self) -> None:
        sys.addaudithook(self.audit)

    def audit(self, event: str, args: tuple) -> None:
        if self.watching is None:
            return
        if event in PATH_EVENTS:
            paths = args[:2] if event.startswith("shutil.") else args[:1]
            self.reached += [f"{event} {path}" for path in paths if self.in_docs(path)]
        elif event == BUILD_EVENT:
            (project,) = args
            if self.is_project(project) or self.in_docs(project):
                self.reached.append(f"a build of {project}")
        elif event == PROCESS_EVENT:
            _, command, cwd, _ = args
            words = [os.fsdecode(word) for word in command] if isinstance(command, list | tuple) else []
            # A relative path in a command is the process's, from the folder it starts in.
            start = os.fsdecode(cwd) if cwd is not None else os.getcwd()
            inside = [word for word in words if self.in_docs(os.path.join(start, word))]
            builds_project = cwd is not None and self.is_project(cwd) and "mkdocs" in words
            if inside or builds_project or (cwd is not None and self.in_docs(cwd)):
                self.reached.append(f"a process {' '.join(words)} (in {os.fsdecode(cwd or '.')})")

    def in_docs(self, path: object) -> bool:
        if isinstance(path, int) or path is None:  # a file descriptor: opened already
            return False
        try:
            name = os.path.abspath(os.fsdecode(path))
        except TypeError:
            return False
        return name == self.docs or name.startswith(self.docs + os.sep)

    def is_project(self, path: object) -> bool:
        return os.path.abspath(os.fsdecode(path)) == self.project

    def start(self, nodeid: str) -> None:
        self.watching, self.reached = nodeid, []

    def stop(self) -> list[str]:
        """What the test reached of docs/, once each, in order."""
        self.watching = None
        return list(dict.fromkeys(self.reached))

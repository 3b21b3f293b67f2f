"""The guard that proves, in the same run, that no test of the plugin reads the real docs/
(tests/docs_guard.py), on a project of its own: this module may not read the real docs/ either."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docs_guard import BUILD_EVENT, DocsGuard

from conftest import DOCS_GUARD


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "faq").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "index.md").write_text("# Autre\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def guard(project: Path) -> DocsGuard:
    guard = DocsGuard(project)
    guard.install()  # for this process's life: it judges only between start() and stop()
    return guard


def test_reading_listing_or_copying_docs_is_reached(guard: DocsGuard, project: Path) -> None:
    guard.start("a test")
    (project / "docs" / "index.md").read_text(encoding="utf-8")
    list((project / "docs").rglob("*.md"))
    shutil.copytree(project / "docs", project / "copy")
    reached = guard.stop()
    assert f"open {project / 'docs' / 'index.md'}" in reached
    assert f"os.scandir {project / 'docs'}" in reached
    assert any(line.startswith("shutil.copytree") for line in reached)


def test_a_build_of_the_project_or_a_process_in_docs_is_reached(guard: DocsGuard, project: Path) -> None:
    guard.start("a test")
    subprocess.run([sys.executable, "-c", "pass", "mkdocs"], cwd=project, check=True)
    subprocess.run([sys.executable, "-c", "pass"], cwd=project / "docs", check=True)
    subprocess.run([sys.executable, "-c", "pass", "docs/index.md"], cwd=project, check=True)
    reached = guard.stop()
    assert len(reached) == 3 and all(line.startswith("a process") for line in reached)


def test_a_build_by_the_test_process_s_builder_is_reached(guard: DocsGuard, project: Path) -> None:
    """The builder is one process for all a test process's builds: each build is seen, not its start."""
    guard.start("a test")
    sys.audit(BUILD_EVENT, str(project))
    sys.audit(BUILD_EVENT, str(project / "other"))
    assert guard.stop() == [f"a build of {project}"]


def test_a_relative_path_is_read_from_the_process_s_own_folder(guard: DocsGuard, project: Path) -> None:
    # `git log -- docs/` in a copy of the project reads the copy's docs/; in the project, its own.
    guard.start("a test")
    subprocess.run([sys.executable, "-c", "pass", "docs/"], cwd=project / "other", check=True)
    assert guard.stop() == []
    guard.start("a test")
    subprocess.run([sys.executable, "-c", "pass", "docs/"], cwd=project, check=True)
    assert len(guard.stop()) == 1


def test_everything_else_is_not_reached(guard: DocsGuard, project: Path) -> None:
    guard.start("a test")
    (project / "other" / "index.md").read_text(encoding="utf-8")
    subprocess.run([sys.executable, "-c", "pass"], cwd=project, check=True)  # not a build
    # `docs/` in a command run in another folder is that folder's docs/ (git log -- docs/).
    subprocess.run([sys.executable, "-c", "pass", "docs/"], cwd=project / "other", check=True)
    assert guard.stop() == []
    (project / "docs" / "index.md").read_text(encoding="utf-8")  # no test running: not judged
    assert guard.stop() == []


def test_each_test_of_the_plugin_runs_watched(request: pytest.FixtureRequest) -> None:
    assert request.config.stash[DOCS_GUARD].watching == request.node.nodeid

"""The tests' own FAQ site (tests/fixture/), and the copies of it the tests build.

The plugin is tested on this small bilingual FAQ, frozen and owned by the tests, never on the
real docs/: changing docs/ can never break a test of the plugin. Its mkdocs.yml inherits the
site's real configuration (`INHERIT: ../../mkdocs.yml`: theme, templates, Markdown extensions,
strings, plugins) and keeps only what is content its own: its docs/, its record and its allowed
domains.

A copy keeps that layout, so that the fixture's relative paths hold in it:

    <copy>/mkdocs.yml, <copy>/overrides/   the site's code-level configuration and templates
    <copy>/tests/fixture/                  the fixture's mkdocs.yml, docs/ and record/: the project
                                           the tests build (`mkdocs build` runs there)

Dates and provenance need git: `commit` makes the copy a repository whose commits have fixed
dates, so that what a build says of dates is the same on every run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
FIXTURE = PROJECT / "tests" / "fixture"
# Where the fixture lies in the project, and so in every copy.
FIXTURE_PLACE = FIXTURE.relative_to(PROJECT)
# What a build of the fixture reads of the project (the site's code), and of the fixture (content).
SITE_CODE = ("mkdocs.yml", "overrides")
FIXTURE_INPUTS = ("mkdocs.yml", "docs", "record", "glossary")
# The date of the copy's one commit: pages' dates are this day.
# In the past: no page is dated after its build (readers/translation_state.py).
FIRST_COMMIT_DATE = "2024-03-01T12:00:00+00:00"


def copy_fixture(root: Path, *, git: bool = False) -> Path:
    """Copies the fixture and the site's code under `root`; returns the project to build
    (`root/tests/fixture`). With `git`, the copy is a repository with one commit (FIRST_COMMIT_DATE)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in SITE_CODE:
        _copy(PROJECT / name, root / name)
    project = root / FIXTURE_PLACE
    project.mkdir(parents=True)
    for name in FIXTURE_INPUTS:
        _copy(FIXTURE / name, project / name)
    if git:
        run_git(root, "init", "--quiet", "--initial-branch=main")
        commit(root, "The tests' FAQ site", FIRST_COMMIT_DATE)
    return project


def site_root(project: Path) -> Path:
    """The copy's root, where the site's code (mkdocs.yml, overrides/) and git's repository are."""
    return project.parents[len(FIXTURE_PLACE.parts) - 1]


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        shutil.copy2(source, target)


def run_git(root: Path, *arguments: str, date: str | None = None) -> str:
    """git in a copy, as a fixed author, with `date` as the author's and committer's date."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    process = subprocess.run(
        ["git", *arguments], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return process.stdout


def commit(root: Path, message: str, date: str, *paths: str) -> None:
    """Commits everything (or `paths`) in the copy at `root`, dated `date` (ISO 8601)."""
    run_git(root, "add", "--all", *paths)
    run_git(root, "commit", "--quiet", "--allow-empty", "-m", message, date=date)

"""Every page shows when its text last changed, from git history, in the reader's language.

One `git log` per build maps each file under docs/ to the date of the last
commit that touched it. Material shows `page.meta.revision_date` at the end of
the page. A checkout without git history (a downloaded archive, a copy) or a
shallow clone, whose dates would be wrong, builds without dates.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

# Absolute path of each file under docs/ -> date of its last commit.
_last_changed: dict[Path, date] = {}


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        process = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return process.stdout if process.returncode == 0 else None


def read_history(docs_dir: Path) -> dict[Path, date]:
    top = _git(["rev-parse", "--show-toplevel"], docs_dir)
    if top is None:
        log.info("No git repository: pages are built without their last-changed date.")
        return {}
    if (_git(["rev-parse", "--is-shallow-repository"], docs_dir) or "").strip() == "true":
        log.info("Shallow git clone: pages are built without their last-changed date.")
        return {}
    history = _git(["log", "--format=%x00%cs", "--name-only", "--no-renames", "--", "."], docs_dir)
    dates: dict[Path, date] = {}
    root = Path(top.strip())
    for entry in (history or "").split("\0")[1:]:
        day, *names = entry.strip().splitlines()
        for name in filter(None, names):
            dates.setdefault((root / name).resolve(), date.fromisoformat(day))
    return dates


def format_date(day: date, strings: dict) -> Markup:
    """`Page mise à jour le 1er mars 2022`, `Page updated on 25 November 2026`."""
    ordinal = strings.get("first_day_of_month", "1") if day.day == 1 else str(day.day)
    text = f"{ordinal} {strings['months'][day.month - 1]} {day.year}"
    return Markup(
        f'{escape(strings["last_changed"])} <time datetime="{day.isoformat()}">{escape(text)}</time>'
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _last_changed
    _last_changed = read_history(Path(config.docs_dir))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    day = _last_changed.get(Path(page.file.abs_src_path).resolve())
    if day is not None:
        strings = config.extra["strings"][config.theme["language"]]
        page.meta["revision_date"] = format_date(day, strings)
    return markdown

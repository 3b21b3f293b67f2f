"""The project's Python (the faq_site package, tests, scripts) passes ruff's lint and format checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT

PYTHON = ["src", "tests", "scripts"]
RUFF = str(Path(sys.executable).with_name("ruff"))


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff(command: list[str]) -> None:
    process = subprocess.run([RUFF, *command, *PYTHON], cwd=PROJECT, capture_output=True, text=True)
    assert process.returncode == 0, process.stdout + process.stderr

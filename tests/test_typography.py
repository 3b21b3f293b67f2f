"""French typography in the French sources, and typographic apostrophes everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PROJECT

DOCS = PROJECT / "docs"
FRENCH = sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md"))
ALL = sorted(DOCS.rglob("*.md"))


def prose_lines(path: Path):
    """(line number, text) of the lines an editor wrote, without URLs and {#ids}."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() in {"---", ""} or line.lstrip().startswith(("<!--", "search:", "exclude:")):
            continue
        line = re.sub(r"\]\([^)]*\)(\{[^}]*\})?", "]", line)  # link targets and their attributes
        line = re.sub(r"\{#[\w-]+\}", "", line)
        yield number, line


@pytest.mark.parametrize("path", FRENCH, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_french_punctuation_has_non_breaking_spaces(path: Path) -> None:
    for number, line in prose_lines(path):
        assert not re.search(r"[ \u00a0][?!;]", line), f"{path}:{number}: want U+202F before ? ! ;"
        assert not re.search(r"[ \u202f]:(?=\s)", line), f"{path}:{number}: want U+00A0 before :"
        assert not re.search(r"\w[?!;]", line), f"{path}:{number}: want U+202F before ? ! ;"
        assert not re.search(r"\d \d{3}\b", line), f"{path}:{number}: want U+202F in numbers"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_apostrophes_are_typographic(path: Path) -> None:
    for number, line in prose_lines(path):
        assert "'" not in line, f"{path}:{number}: use ’ rather than '"

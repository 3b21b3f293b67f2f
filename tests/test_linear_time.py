"""Pathological pages finish within seconds, or stop with a message naming the file (issue 23, 6).

Each page is checked as the build checks it (tests/snippets.py), all in one process of their own
(MkDocs and the settings read once), one after the other: each once took minutes or hours (a
regular expression backtracking on an 18 KB title, sentence ends found by re-reading the text
before each one), or stopped with a traceback. Each page's CPU time is measured, not the time on
the clock, which a shared machine's load stretches; the clock only stops a process that hangs, and
the page it hung on is the one that has no result.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from faq_site.checks.compare_text import sentence_ends

from conftest import selected

TESTS = Path(__file__).resolve().parent
CPU_SECONDS = 30  # each takes a few seconds of CPU (Python-Markdown's rendering, mostly)
HANG_SECONDS = 900  # the clock, on two shared cores

PAGE = """\
---
number: 1
---

# Qu'est-ce que l'OTAN ? {#what-is-nato}

L'OTAN est une alliance.

{extra}

## Pour en savoir plus {#learn-more}

- [Déclaration du sommet](https://www.nato.int/cps/fr/natohq/official_texts_193719.htm)
"""
CASES = {
    "an 18 KB title line of `{#a`": ("title", "{#a" * 6000),
    "100 KB of short sentences": ("extra", "A b. " * 20_000),
    "3,000 headings": ("extra", "\n\n".join(f"## Titre {i} {{#t{i}}}" for i in range(3000))),
    "a 150 KB word": ("extra", "x" * 150_000),
    "15,000 nested spans": ("extra", "<span>" * 15_000 + "mot" + "</span>" * 15_000),
    "lists nested 300 deep": ("extra", "\n".join("    " * level + "- x" for level in range(300))),
    "emphasis nested 3,000 deep": ("extra", "*a " * 3000 + "x" + " a*" * 3000),
    "brackets nested 3,000 deep": ("extra", "[" * 3000 + "x" + "]" * 3000),
    "a page of 250 KB": ("extra", "Texte. " * 36_000),
}
_CHECK = """
import json, sys, time, traceback
sys.path.insert(0, sys.argv[1])
from snippets import check, config, site
config("fr"), site()  # mkdocs.yml, read once a process: not the checks' time
for name, text in json.load(sys.stdin).items():
    start = time.process_time()
    try:
        found = {"lines": check("faq/what-is-nato.md", text)}
    except Exception:
        found = {"error": traceback.format_exc()[-3000:]}
    print(json.dumps({"name": name, "seconds": time.process_time() - start, **found}), flush=True)
"""


def page(where: str, text: str) -> str:
    if where == "title":
        return PAGE.replace("# Qu'est-ce", f"# {text} Qu'est-ce").replace("{extra}", "")
    return PAGE.replace("{extra}", text)


@pytest.fixture(scope="module")
def checked(request: pytest.FixtureRequest) -> dict[str, dict]:
    """Each selected page's check (`lines`, or the `error` it stopped with) and its CPU seconds, by name;
    a page the process hung on, or died on, has none."""
    pages = {name: page(*CASES[name]) for name in selected(request, "name")}
    try:
        process = subprocess.run(
            [sys.executable, "-c", _CHECK, str(TESTS)],
            input=json.dumps(pages),
            capture_output=True,
            text=True,
            timeout=HANG_SECONDS,
        )
        output, stopped = process.stdout, process.stderr[-3000:]
    except subprocess.TimeoutExpired as hung:
        output, stopped = hung.stdout or "", f"hung: no result in {HANG_SECONDS} s"
    if isinstance(output, bytes):
        output = output.decode()
    results = {found["name"]: found for found in map(json.loads, output.splitlines())}
    return {name: results.get(name, {"error": stopped}) for name in pages}


@pytest.mark.parametrize("name", CASES)
def test_a_pathological_page_is_checked_in_seconds(name: str, checked: dict[str, dict]) -> None:
    found = checked[name]
    assert "error" not in found, found["error"]
    lines = found["lines"]
    assert found["seconds"] < CPU_SECONDS, f"{name}: {found['seconds']:.1f} s"
    assert all(line.startswith("docs/faq/what-is-nato.md") for line in lines), lines
    if "nested" in name and "spans" not in name:
        assert len(lines) == 1 and "levels deep" in lines[0], lines
    if "250 KB" in name:
        assert lines == [
            "docs/faq/what-is-nato.md: is 252 KB: a page may be 200 KB at most (a question is about 3 KB). "
            "Split it into several pages, or shorten it."
        ]


def test_sentence_ends_are_found_in_one_pass() -> None:
    text = "A b. " * 20_000
    start = time.process_time()
    assert len(sentence_ends(text)) == 20_001  # and the text's end
    assert time.process_time() - start < 5  # it once took 91 s

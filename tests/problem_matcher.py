"""The CI's problem matcher (.github/faq-problem-matcher.json) run as GitHub's runner runs it.

GitHub's runner matches every line a step prints against each pattern, as a .NET regular
expression in ECMAScript mode: JavaScript's syntax and meaning. So the patterns run here in
Node.js. tests/test_problem_matcher.py checks the matcher; tests/test_editor_errors.py runs it
over the output of every build of editor mistakes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import PROJECT

MATCHER = PROJECT / ".github" / "faq-problem-matcher.json"
OWNERS = {"faq-docs", "faq-mkdocs"}

# As the runner does (actions/runner, IssueMatcher.cs): each line against each
# matcher, a matcher's regexp with no flags; an unmatched group gives no value.
# Also reports how many matchers match a line (the runner uses the first one; here
# none may overlap, so that their order does not matter) and each regexp's groups.
RUNNER = r"""
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const matchers = input.matchers.map(m => ({...m, regexp: new RegExp(m.pattern[0].regexp)}));
const groups = matchers.map(m => new RegExp(m.pattern[0].regexp + "|").exec("").length - 1);
const annotations = input.lines.map(line => {
  const found = matchers.map(m => [m, m.regexp.exec(line)]).filter(([, match]) => match);
  if (!found.length) return null;
  const [m, match] = found[0];
  const value = key => (m.pattern[0][key] === undefined ? null : match[m.pattern[0][key]] || null);
  return {owner: m.owner, severity: m.severity, file: value("file"), line: value("line"),
          message: value("message"), matchers: found.length};
});
console.log(JSON.stringify({groups, annotations}));
"""


def node() -> str:
    path = shutil.which("node")
    if path is None:
        message = "Node.js is needed to run the problem matcher's JavaScript regular expressions."
        if os.environ.get("CI"):
            pytest.fail(f"cannot be skipped in CI: {message}", pytrace=False)
        pytest.skip(message)
    return path


def matchers() -> list[dict]:
    return json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"]


def run_matcher(lines: list[str]) -> dict:
    process = subprocess.run(
        [node(), "-e", RUNNER],
        input=json.dumps({"matchers": matchers(), "lines": lines}),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(process.stdout)


def annotate(output: str) -> list[tuple[str | None, int | None, str]]:
    """The annotations GitHub makes from a step's output: (file, line, message)."""
    return annotate_each([output])[0]


def expected_annotation(problem: str) -> tuple[str | None, int | None, str]:
    """What a problem line names, read without a regular expression: `file[:line]: message`."""
    if problem.startswith(("docs/", "glossary/", "mkdocs.yml: ", "mkdocs.yml:")):
        where, message = problem.split(": ", 1)
        file, _, line = where.partition(":")
        return file, int(line) if line else None, message
    return None, None, problem  # MkDocs' own message on mkdocs.yml: on the run, not on a file


def annotate_each(outputs: list[str]) -> list[list[tuple[str | None, int | None, str]]]:
    """`annotate` of each output, in one run of the matcher."""
    lines = [output.splitlines() for output in outputs]
    found = run_matcher([line for output in lines for line in output])["annotations"]
    assert all(a is None or a["matchers"] == 1 for a in found), "two matchers match one line"
    result, start = [], 0
    for output in lines:
        annotations = found[start : start + len(output)]
        result.append(
            [(a["file"], int(a["line"]) if a["line"] else None, a["message"]) for a in annotations if a]
        )
        start += len(output)
    return result

"""The problem matcher turns each problem line of the build into one annotation on its file and line.

GitHub's runner reads `.github/faq-problem-matcher.json` (registered in ci.yml
before the "Build" step) and matches every line the step prints against each
pattern, as a .NET regular expression in ECMAScript mode: JavaScript's syntax
and meaning. So the patterns run here in Node.js, as JavaScript regular
expressions, over the messages of CONTRIBUTING.md's table and over the real
output of builds of copies with mistakes: each problem line must give exactly
one annotation, with the file, the line (none when the message names none) and
the message; every other line none.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_editor_errors import MISTAKES, guide_messages

from conftest import PROJECT, build, build_many, copy_project

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
    found = run_matcher(output.splitlines())["annotations"]
    assert all(a is None or a["matchers"] == 1 for a in found), "two matchers match one line"
    return [(a["file"], int(a["line"]) if a["line"] else None, a["message"]) for a in found if a]


def expected_annotation(problem: str) -> tuple[str | None, int | None, str]:
    """What a problem line names, read without a regular expression: `file[:line]: message`."""
    if problem.startswith(("docs/", "mkdocs.yml: ")):
        where, message = problem.split(": ", 1)
        file, _, line = where.partition(":")
        return file, int(line) if line else None, message
    return None, None, problem  # MkDocs' own message on mkdocs.yml: on the run, not on a file


def printed(problem: str) -> str:
    """The line the build prints for a problem: in the list of problems, or as MkDocs' error."""
    return f"  - {problem}" if problem.startswith("docs/") else f"ERROR   -  {problem}"


def test_the_matcher_is_what_the_runner_accepts() -> None:
    """The runner's checks (IssueMatcher.cs): distinct owners, a known severity, groups that exist."""
    found = matchers()
    assert {matcher["owner"] for matcher in found} == OWNERS and len(found) == len(OWNERS)
    groups = run_matcher([])["groups"]
    for matcher, count in zip(found, groups, strict=True):
        assert matcher["severity"] == "error"
        (pattern,) = matcher["pattern"]
        used = [pattern[key] for key in ("file", "line", "message") if key in pattern]
        assert "message" in pattern and all(0 < group <= count for group in used), matcher


def table_messages() -> list[str]:
    """The messages of CONTRIBUTING.md's table, with a file name and a line number put in."""
    return [
        message.replace("docs/x:N:", "docs/faq/what-is-nato.md:12:").replace(
            "docs/x:", "docs/faq/what-is-nato.md:"
        )
        for message in guide_messages()
    ]


def test_every_message_of_the_guide_annotates_its_file_and_line() -> None:
    messages = table_messages()
    assert len(messages) >= 50, "CONTRIBUTING.md's table of messages was not found"
    assert any(m.startswith("Config value") for m in messages)
    output = "\n".join(printed(message) for message in messages)
    assert annotate(output) == [expected_annotation(message) for message in messages]


def test_a_settings_message_annotates_mkdocs_yml(tmp_path: Path) -> None:
    """The plugin's messages on a setting (`mkdocs.yml: …`) annotate mkdocs.yml, as printed."""
    project = copy_project(tmp_path / "project")
    record = project / "record"
    for path in record.iterdir():
        path.unlink()
    record.rmdir()
    result = build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    lines = [line for line in result.output.splitlines() if "mkdocs.yml: " in line]
    assert result.returncode == 1 and len(lines) == 1, result.output
    ((file, line, message),) = annotate(result.output)
    assert (file, line) == ("mkdocs.yml", None) and message in lines[0], result.output


def test_lines_that_are_not_problems_give_no_annotation() -> None:
    lines = [
        "INFO    -  Building documentation to directory: /tmp/site",
        "ERROR   -  The FAQ has 2 problems to fix before it can be built:",
        "INFO    -  docs/faq/x.en.md: its French text, docs/faq/x.md, changed after this translation was "
        "last updated (the French on 2022-04-01, this translation on 2022-03-24). Translate the change …",
        "      - nato.int",
        "Aborted with a BuildError!",
        "",
    ]
    assert annotate("\n".join(lines)) == []


MISTAKES_BUILT = [
    "mistakes in both languages, found at different stages",  # with lines, French and English
    "file name with spaces",  # no line; a space in the file's name
    "no learn-more section",  # no line, two files
    "MkDocs setting of the wrong kind",  # MkDocs' own message, on no file
]


@pytest.fixture(scope="module")
def failed_builds(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, list[str], str]]:
    """(the copy, the problem lines expected, what its build printed) for copies with mistakes."""
    folder = tmp_path_factory.mktemp("matcher")
    by_name = {mistake.name: mistake for mistake in MISTAKES}
    copies = [copy_project(folder / str(index)) for index in range(len(MISTAKES_BUILT))]
    expected = [by_name[name].make(copy / "docs") for name, copy in zip(MISTAKES_BUILT, copies, strict=True)]
    results = build_many(copies, folder / "sites")
    return [(copy, problems, results[copy].output) for copy, problems in zip(copies, expected, strict=True)]


@pytest.mark.parametrize("index", range(len(MISTAKES_BUILT)), ids=MISTAKES_BUILT)
def test_real_build_output_gives_one_annotation_per_problem(failed_builds, index: int) -> None:
    copy, problems, output = failed_builds[index]
    annotations = annotate(output)
    assert sorted(annotations, key=str) == sorted(map(expected_annotation, problems), key=str), output
    # GitHub puts an annotation on a file of the checkout: the one the editor wrote.
    assert all(file is None or (copy / file).is_file() for file, _, _ in annotations), annotations

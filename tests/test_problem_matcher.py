"""The problem matcher turns each problem line of the build into one annotation on its file and line.

GitHub's runner reads `.github/faq-problem-matcher.json` (registered in ci.yml
before the "Build" step) and matches every line the step prints against each
pattern, as a .NET regular expression in ECMAScript mode: JavaScript's syntax
and meaning. So the patterns run here in Node.js, as JavaScript regular
expressions (tests/problem_matcher.py), over the messages of CONTRIBUTING.md's
table: each problem line must give exactly one annotation, with the file, the line
(none when the message names none) and the message; every other line none. The
real output of every build of editor mistakes is annotated too, in
tests/test_editor_errors.py (no build of its own here).
"""

from __future__ import annotations

from pathlib import Path

from fixture_site import copy_fixture
from problem_matcher import OWNERS, annotate, expected_annotation, matchers, run_matcher
from test_editor_errors import guide_messages

from conftest import build_with_the_command


def printed(problem: str) -> str:
    """The line the build prints for a problem: in the list of problems, or as MkDocs' error."""
    # The build's list (docs/, the glossaries), or scripts/check_config.py's.
    listed = problem.startswith(("docs/", "glossary/", "mkdocs.yml:"))
    return f"  - {problem}" if listed else f"ERROR   -  {problem}"


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
        message.replace("docs/x:N:", "docs/faq/a-question.md:12:")
        .replace("docs/x:", "docs/faq/a-question.md:")
        .replace("mkdocs.yml:N:", "mkdocs.yml:7:")
        .replace("glossary/…:N:", "glossary/fr.md:3:")
        .replace("glossary/…:", "glossary/fr.md:")
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
    project = copy_fixture(tmp_path / "copy")
    record = project / "record"
    for path in record.iterdir():
        path.unlink()
    record.rmdir()
    result = build_with_the_command(project, tmp_path / "site", "http://127.0.0.1:8000/")
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

"""The GitHub Actions workflows: valid, audited, pinned, least-privileged, in the right order.

They cannot run here (no GitHub); these checks are what stands in for a run:
zizmor's offline audit, the GitHub workflow JSON schema, and the rules below.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT

GITHUB = PROJECT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
# The only permissions that may write, and where.
WRITERS = {("deploy.yml", "deploy"): {"pages", "id-token"}, ("links.yml", "report"): {"issues"}}


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True; keep it a string.
    text = path.read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.BaseLoader)


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def test_the_three_workflows_exist() -> None:
    assert [path.name for path in WORKFLOWS] == ["ci.yml", "deploy.yml", "links.yml"]


def test_zizmor_finds_nothing() -> None:
    process = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--persona=pedantic", str(GITHUB)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 0, process.stdout + process.stderr
    assert "No findings" in process.stdout + process.stderr


@pytest.mark.parametrize("path", [*WORKFLOWS, GITHUB / "dependabot.yml"], ids=lambda p: p.name)
def test_valid_against_the_github_schema(path: Path) -> None:
    schema = "vendor.dependabot" if path.name == "dependabot.yml" else "vendor.github-workflows"
    process = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 0, process.stdout + process.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    uses = [line for line in lines if line.startswith(("uses:", "- uses:"))]
    assert uses, path
    for line in uses:
        reference, _, comment = line.split("uses:", 1)[1].partition("#")
        assert PINNED.match(reference.strip()), f"{path.name}: {line}"
        assert re.fullmatch(r" v\d+(\.\d+)*", comment), f"{path.name}: {line} (version comment)"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_explicit_and_least_privilege(path: Path) -> None:
    workflow = load(path)
    assert workflow.get("permissions") == {}, f"{path.name}: the workflow grants nothing by default"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} has no permissions block"
        writes = {scope for scope, level in job["permissions"].items() if level == "write"}
        assert writes == WRITERS.get((path.name, name), set()), f"{path.name}: job {name} writes {writes}"


def steps(workflow: dict, job: str) -> list[str]:
    return [step.get("run") or step.get("uses", "") for step in workflow["jobs"][job]["steps"]]


def test_ci_runs_what_a_developer_runs() -> None:
    workflow = load(GITHUB / "workflows/ci.yml")
    assert set(workflow["on"]) == {"pull_request", "push"}
    commands = steps(workflow, "test")
    assert "uv sync --locked" in commands
    assert "uv run pytest" in commands
    assert any("playwright install" in command for command in commands)


def test_pull_requests_get_the_build_first_with_annotations_then_the_tests() -> None:
    """An editor's mistake fails the "Build" step, annotated on its lines, before any test runs."""
    workflow = load(GITHUB / "workflows/ci.yml")
    job = workflow["jobs"]["test"]
    commands = steps(workflow, "test")
    matcher = ".github/faq-problem-matcher.json"
    owners = {
        m["owner"] for m in json.loads((PROJECT / matcher).read_text(encoding="utf-8"))["problemMatcher"]
    }
    build = next(i for i, s in enumerate(job["steps"]) if s.get("name") == "Build")
    assert commands[build].startswith("uv run mkdocs build --strict"), commands[build]
    order = [
        commands.index(f'echo "::add-matcher::{matcher}"'),
        build,
        next(i for i, command in enumerate(commands) if "::remove-matcher" in command),
        next(i for i, command in enumerate(commands) if "playwright install" in command),
        commands.index("uv run pytest"),
    ]
    assert order == sorted(order), commands
    # The tests build broken copies on purpose: their messages must not become annotations.
    removed = re.findall(r"::remove-matcher owner=([\w-]+)::", commands[order[2]])
    assert set(removed) == owners
    assert job["steps"][0]["with"]["fetch-depth"] == "0"  # the history, for the page dates
    assert set(job["permissions"].values()) == {"read"}
    assert not any("scripts/review.py" in command for command in commands)  # the review job's


def test_the_review_runs_the_bases_scripts_on_the_pull_requests_build() -> None:
    """The base branch's scripts/review.py and check_config.py, from a checkout of the base, compare
    the pull request's own build (kept by the test job) with the base's: no code of the pull request
    runs in the review job, so a pull request cannot change what its reviewer reads."""
    workflow = load(GITHUB / "workflows/ci.yml")
    test, review = workflow["jobs"]["test"], workflow["jobs"]["review"]
    build = next(i for i, s in enumerate(test["steps"]) if s.get("name") == "Build")
    upload = next(i for i, s in enumerate(test["steps"]) if "upload-artifact" in s.get("uses", ""))
    assert upload > build and "steps.build.outcome == 'success'" in test["steps"][upload]["if"]
    assert test["steps"][upload]["with"]["path"] == test["steps"][build]["run"].split('"')[1].replace(
        "$RUNNER_TEMP", "${{ runner.temp }}"
    )
    assert test["outputs"]["built"] == "${{ steps.build.outcome == 'success' }}"
    assert review["needs"] == "test"
    for condition in (
        "!cancelled()",
        "github.event_name == 'pull_request'",
        "needs.test.outputs.built == 'true'",
    ):
        assert condition in review["if"], review["if"]
    assert review["permissions"] == {"contents": "read"}
    checkouts = [s for s in review["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    base = next(s for s in checkouts if s["with"].get("ref") == "${{ github.event.pull_request.base.sha }}")
    change = next(s for s in checkouts if s is not base)
    assert all(s["with"]["persist-credentials"] == "false" for s in checkouts)
    folder, data = base["with"]["path"], change["with"]["path"]
    commands = steps(workflow, "review")
    assert f"uv sync --locked --project {folder}" in commands
    assert f"uv run --project {folder} {folder}/scripts/check_config.py {data}/mkdocs.yml" in commands
    run = next(command for command in commands if "scripts/review.py" in command)
    assert run.startswith(f'uv run --project {folder} {folder}/scripts/review.py "$BASE" --repository {data}')
    assert "--change-site" in run and run.endswith('>> "$GITHUB_STEP_SUMMARY"')
    # The base comes through the environment, never written into the script (template injection).
    step = next(s for s in review["steps"] if "scripts/review.py" in s.get("run", ""))
    assert step["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    # Nothing of the pull request is installed or run: no `uv sync` or `uv run` of its project.
    assert not any(command.startswith("uv") and f"--project {folder}" not in command for command in commands)


def test_deploy_tests_then_builds_then_deploys() -> None:
    workflow = load(GITHUB / "workflows/deploy.yml")
    assert set(workflow["on"]) == {"push", "workflow_dispatch"}
    assert workflow["concurrency"]["group"] == "pages"
    assert workflow["concurrency"]["cancel-in-progress"] == "false"
    build = steps(workflow, "build")
    order = [
        next(i for i, s in enumerate(build) if s.startswith("actions/configure-pages@")),
        build.index("uv run pytest"),
        next(i for i, s in enumerate(build) if s.startswith("uv run mkdocs build --strict")),
        next(i for i, s in enumerate(build) if s.startswith("actions/upload-pages-artifact@")),
    ]
    assert order == sorted(order), build
    build_step = workflow["jobs"]["build"]["steps"][order[2]]
    assert build_step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert steps(workflow, "deploy")[0].startswith("actions/deploy-pages@")


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_the_job_summary_lists_the_translations_to_update(name: str) -> None:
    workflow = load(GITHUB / "workflows" / name)
    commands = [command for job in workflow["jobs"] for command in steps(workflow, job)]
    assert any(
        "scripts/outdated_translations.py --markdown" in command and '>> "$GITHUB_STEP_SUMMARY"' in command
        for command in commands
    ), name


def test_links_runs_weekly_and_reports_to_an_issue() -> None:
    workflow = load(GITHUB / "workflows/links.yml")
    assert "schedule" in workflow["on"] and "workflow_dispatch" in workflow["on"]
    check = " ".join(steps(workflow, "check"))
    assert "lychee" in check and "--max-retries" in check and "--cache" in check
    assert "--offline" not in check
    report = " ".join(steps(workflow, "report"))
    assert "gh issue create" in report and "gh issue edit" in report


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_check_is_allowed_to_fail(path: Path) -> None:
    assert "continue-on-error" not in path.read_text(encoding="utf-8")


def test_every_lychee_exclusion_gives_its_reason() -> None:
    lines = (PROJECT / ".lycheeignore").read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line and not line.startswith("#"):
            assert index > 0 and lines[index - 1].startswith("#"), f"no reason above {line!r}"


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_mkdocs_yml_is_read_safely_before_anything_reads_it_with_mkdocs(name: str) -> None:
    """MkDocs' loader runs Python tags: scripts/check_config.py reads the file safely first."""
    workflow = load(GITHUB / "workflows" / name)
    commands = [command for job in workflow["jobs"] for command in steps(workflow, job)]
    check = commands.index("uv run scripts/check_config.py")
    readers = [
        i for i, c in enumerate(commands) if "mkdocs" in c and "check_config" not in c or "pytest" in c
    ]
    readers += [
        i for i, c in enumerate(commands) if c.startswith("uv run scripts/") and "check_config" not in c
    ]
    assert readers and check < min(readers), commands


def test_codeowners_guards_how_the_site_is_built_and_its_owner_is_repo_urls() -> None:
    """Configuration, templates, code, scripts, the record, workflows and dependencies: each path that
    changes how the site is built has the owner of mkdocs.yml's `repo_url` (its default)."""
    rules = [
        line.split()
        for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    repo_url = re.search(
        r"^repo_url: !ENV \[REPO_URL, \"([^\"]+)\"\]", (PROJECT / "mkdocs.yml").read_text(), re.M
    )
    owner = repo_url[1].removeprefix("https://github.com/").split("/")[0]
    assert {tuple(rule[1:]) for rule in rules} == {(f"@{owner}",)}
    paths = {rule[0] for rule in rules}
    for path in (
        "/mkdocs.yml",
        "/overrides/",
        "/src/",
        "/scripts/",
        "/record/",
        "/.github/",
        "/pyproject.toml",
    ):
        assert path in paths, path
    assert "/uv.lock" in paths and any(p.startswith("/docs/assets/") for p in paths)


def test_ci_yml_makes_the_passes_ci_run_makes() -> None:
    """.ci/run (what the lead's machine runs) and ci.yml (GitHub's) test the same copy the same way:
    the README's command, and the invariants on a copy edited as editors edit."""
    run = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    commands = "\n".join(steps(load(GITHUB / "workflows/ci.yml"), "test"))
    for passes in ("uv run pytest", "scripts/editor_edits.py", '-m "published_site and not fixture_faq"'):
        assert passes in run and passes in commands, passes

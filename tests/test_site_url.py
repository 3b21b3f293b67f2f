"""The site's public address: a safe default without SITE_URL, and no local address published."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from fixture_site import commit, run_git
from page_editing import questions
from site_settings import read_config

from conftest import PROJECT, build


@pytest.fixture(scope="module")
def site_url_hook():
    from faq_site.readers import site_url

    return site_url


@pytest.mark.parametrize(
    ("repo_url", "expected"),
    [
        ("https://github.com/example/fork", "https://example.github.io/fork/"),
        ("https://github.com/Example-Org/faq.site/", "https://example-org.github.io/faq.site/"),
        ("https://gitlab.com/example/fork", None),
    ],
)
def test_pages_url_of_a_repository(site_url_hook, repo_url: str, expected: str | None) -> None:
    assert site_url_hook.pages_url(repo_url) == expected


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]/", True),
        ("http://192.168.1.20/faq/", True),
        ("http://10.0.0.5/", True),
        ("http://0.0.0.0:8000/", True),
        ("https://example.github.io/fork/", False),
        ("https://faq.example.org/", False),
    ],
)
def test_local_addresses_are_recognised(site_url_hook, url: str, local: bool) -> None:
    assert site_url_hook.is_local(url) is local


def test_without_site_url_the_build_uses_the_pages_address(project_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    # An empty SITE_URL is the same as none (mkdocs.yml reads it with !ENV).
    result = build(project_copy, site, "", REPO_URL="https://github.com/example/fork")
    assert result.returncode == 0, result.output
    page = f"en/faq/{questions(project_copy / 'docs', 'en')[0].slug}/"  # any page of the copy
    canonical = f'href="https://example.github.io/fork/{page}"'
    assert canonical in (site / page / "index.html").read_text(encoding="utf-8")
    for path in [*site.rglob("*.html"), *site.rglob("*.xml"), site / "robots.txt"]:
        text = path.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text and "localhost" not in text, path


def test_a_publishing_build_uses_the_default_repository_s_address(project_copy: Path, tmp_path: Path) -> None:
    # The default of mkdocs.yml's repo_url (`!ENV [REPO_URL, default]`), as the deploy workflow builds.
    repo_url = os.environ.get("REPO_URL") or read_config(project_copy)["repo_url"]
    owner, repository = repo_url.rstrip("/").split("/")[-2:]
    site = tmp_path / "site"
    result = build(project_copy, site, "", SITE_PUBLISHING="true")
    assert result.returncode == 0, result.output
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: https://{owner}.github.io/{repository}/sitemap.xml" in robots


@pytest.mark.parametrize("site_url", ["http://127.0.0.1:8000/", "http://192.168.1.20/faq/"])
def test_publishing_refuses_a_local_address(project_copy: Path, tmp_path: Path, site_url: str) -> None:
    result = build(project_copy, tmp_path / "site", site_url, SITE_PUBLISHING="true")
    assert result.returncode != 0
    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.output
    assert site_url in errors[0] and "Set SITE_URL" in errors[0], errors
    assert "Traceback" not in result.output


def test_gh_deploy_refuses_a_local_address(project_copy: Path, tmp_path: Path) -> None:
    run_git(project_copy, "init", "--quiet", "--initial-branch=main")
    commit(project_copy, "A copy", "2024-03-01T12:00:00+00:00")
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--remote-name", "nowhere"],
        cwd=project_copy,
        env={**os.environ, "SITE_URL": "http://127.0.0.1:8000/", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = process.stdout + process.stderr
    assert process.returncode != 0
    assert "Set SITE_URL" in output, output
    branches = run_git(project_copy, "branch")
    assert "gh-pages" not in branches


def test_the_deploy_workflow_builds_for_publishing() -> None:
    text = (PROJECT / ".github/workflows/deploy.yml").read_text(encoding="utf-8")
    workflow = yaml.load(text, Loader=yaml.BaseLoader)
    build_step = next(
        step
        for step in workflow["jobs"]["build"]["steps"]
        if step.get("run", "").startswith("uv run mkdocs build")
    )
    assert build_step["env"]["SITE_PUBLISHING"] == "true"

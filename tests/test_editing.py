"""The editors' path: one source per question, edit buttons, last-changed dates, live reload."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixture_site import FIRST_COMMIT_DATE, copy_fixture, run_git, site_root
from page_editing import SourcePage, questions, same_text

from conftest import Site, build, free_port, normalise

DEFAULT_REPO = "https://github.com/faq-otan-ukraine/faq-otan-ukraine"


def source_of(url_path: str) -> str:
    """docs/ path of a built page: `en/faq/what-is-nato/` -> `faq/what-is-nato.en.md`."""
    language = "en" if url_path.startswith("en/") else "fr"
    path = url_path.removeprefix("en/").rstrip("/") or "index"
    if path == "faq":
        path = "faq/index"
    return f"{path}.md" if language == "fr" else f"{path}.en.md"


def test_edit_button_opens_the_page_file_in_its_language(fixture_site: Site) -> None:
    for page in fixture_site.pages:
        button = page.soup.select_one("a.md-content__button[href*='/edit/']")
        assert button is not None, page.path
        assert button["href"] == f"{DEFAULT_REPO}/edit/main/docs/{source_of(page.url_path)}", page.path
        assert (fixture_site.docs / source_of(page.url_path)).exists()


FORK = "https://github.com/example/fork"


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A fork's copy, as it builds on its own: its repository and edit path set (REPO_URL, EDIT_URI),
    no git history. (its project, its built site)"""
    root = tmp_path_factory.mktemp("fork")
    project = copy_fixture(root / "copy")
    result = build(
        project, root / "site", "https://example.github.io/fork/", REPO_URL=FORK, EDIT_URI="edit/draft/docs/"
    )
    assert result.returncode == 0, result.output
    return project, root / "site"


def test_repository_and_edit_path_are_overridable(fork: tuple[Path, Path]) -> None:
    project, site = fork
    slug = questions(project / "docs", "en")[0].slug  # any question of the copy
    html = (site / f"en/faq/{slug}/index.html").read_text(encoding="utf-8")
    assert f'href="{FORK}/edit/draft/docs/faq/{slug}.en.md"' in html


def test_a_fork_links_to_its_own_issues(fork: tuple[Path, Path]) -> None:
    _, site = fork
    for prefix in ("", "en/"):
        html = (site / prefix / "about" / "index.html").read_text(encoding="utf-8")
        assert f'href="{FORK}/issues"' in html, prefix
        assert "github.com/faq-otan-ukraine" not in html, prefix


def git_date(path: Path) -> date | None:
    out = run_git(site_root(path.parent), "log", "-1", "--format=%cs", "--", str(path)).strip()
    return date.fromisoformat(out) if out else None


def test_pages_show_when_their_text_last_changed(fixture_site: Site) -> None:
    # The fixture's copy is one commit, dated FIRST_COMMIT_DATE (tests/fixture_site.py).
    committed = date.fromisoformat(FIRST_COMMIT_DATE[:10])
    checked = 0
    for page in fixture_site.pages:
        expected = git_date(fixture_site.docs / source_of(page.url_path))
        assert expected == committed, page.path
        time_element = page.soup.select_one(".md-source-file time")
        assert time_element["datetime"] == expected.isoformat(), page.path
        text = time_element.parent.get_text(" ", strip=True)
        month = expected.strftime("%B")  # English month name under the C locale
        if page.language == "en":
            assert f"Page updated on {expected.day} {month} {expected.year}" in text, page.path
        else:
            assert text.startswith("Page mise à jour le"), page.path
            assert month not in text, page.path
        checked += 1
    assert checked


def test_a_copy_without_git_history_builds_without_dates(fork: tuple[Path, Path]) -> None:
    project, site = fork
    slug = questions(project / "docs")[0].slug  # any question of the copy
    html = (site / f"faq/{slug}/index.html").read_text(encoding="utf-8")
    assert "<time" not in html


def built_questions(site_dir: Path, language: str) -> list[str]:
    home = site_dir / ("index.html" if language == "fr" else "en/index.html")
    soup = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
    return [a.get_text(strip=True) for a in soup.select("article ol li a")]


NEW_QUESTION = """---
number: {number}
description: "{description}"
---

# {title} {{#new-question}}

{answer}

## {learn_more} {{#learn-more}}

- [{link}](https://www.nato.int/cps/{code}/natohq/topics_192648.htm)
"""


NEW_QUESTION_TEXT = {
    "fr": {
        "description": "Une réponse de plus.",  # a question's description quotes its answer
        "title": "Une question de plus\u202f?",
        "answer": "Une réponse de plus.",
        "learn_more": "Pour en savoir plus",
        "link": "La page de l’OTAN",
    },
    "en": {
        "description": "One more answer.",
        "title": "One more question?",
        "answer": "One more answer.",
        "learn_more": "Learn more",
        "link": "NATO’s page",
    },
}


@dataclass(frozen=True)
class Reshaped:
    """A copy whose last question was removed (its two files deleted) and a new one added (its two
    files written), built."""

    site: Path
    before: list[SourcePage]  # the French questions before
    removed_answer: str


@pytest.fixture(scope="module")
def reshaped(tmp_path_factory: pytest.TempPathFactory) -> Reshaped:
    root = tmp_path_factory.mktemp("reshaped")
    project = copy_fixture(root / "copy")
    before = questions(project / "docs")
    last = before[-1]
    removed_answer = same_text(last.answer_text())
    for page in (last, last.twin):
        page.path.unlink()
    for language, text in NEW_QUESTION_TEXT.items():
        name = "new-question.md" if language == "fr" else f"new-question.{language}.md"
        (project / "docs" / "faq" / name).write_text(
            NEW_QUESTION.format(code=language, number=len(before), **text), encoding="utf-8"
        )
    result = build(project, root / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    return Reshaped(root / "site", before, removed_answer)


def test_adding_a_question_is_adding_its_two_files(reshaped: Reshaped) -> None:
    site_dir, before = reshaped.site, reshaped.before
    assert normalise(built_questions(site_dir, "fr")[-1]) == "Une question de plus ?"
    assert built_questions(site_dir, "en")[-1] == "One more question?"
    for language, answer in (("fr", "Une réponse de plus."), ("en", "One more answer.")):
        prefix = "" if language == "fr" else "en/"
        everything = (site_dir / prefix / "faq/index.html").read_text(encoding="utf-8")
        assert answer in everything
        previous = (site_dir / prefix / f"faq/{before[-2].slug}/index.html").read_text()
        assert '<link rel="next" href="../new-question/">' in previous
        new = (site_dir / prefix / "faq/new-question/index.html").read_text(encoding="utf-8")
        assert '<link rel="next" href="../">' in new  # then "all questions"


def test_removing_a_question_is_removing_its_two_files(reshaped: Reshaped) -> None:
    site_dir, before = reshaped.site, reshaped.before
    # One question removed, one added: as many as before, the removed one's answer gone.
    assert len(built_questions(site_dir, "fr")) == len(built_questions(site_dir, "en")) == len(before)
    assert not (site_dir / "faq" / before[-1].slug).exists()
    everything = BeautifulSoup((site_dir / "faq/index.html").read_text(encoding="utf-8"), "html.parser")
    assert reshaped.removed_answer not in same_text(everything.get_text(" "))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_all_questions_page_has_every_answer_in_order(fixture_site: Site, language: str) -> None:
    prefix = "" if language == "fr" else "en/"
    everything = fixture_site.page(f"{prefix}faq/")
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in everything.content.select("h2")]
    assert headings == [page.h1 for page in fixture_site.questions(language)]
    text = normalise(everything.content.get_text(" "))
    for page in fixture_site.questions(language):
        for block in page.rendered.answer():
            assert normalise(block.text) in text


def test_serve_rebuilds_when_an_editor_saves(project_copy: Path) -> None:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project_copy,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    page = questions(project_copy / "docs", "en")[0]
    url = f"http://127.0.0.1:{port}/en/faq/{page.slug}/"
    try:
        html = wait_for(url, lambda body: "<h1" in body)
        assert "livereload" in html  # the script that reloads the browser tab
        # A correct edit: the answer keeps its figures, which its French version has too.
        page.append_to_answer(" Edited while the preview runs.")
        wait_for(url, lambda body: "Edited while the preview runs." in body)
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, ready, seconds: float = 60) -> str:
    deadline, body = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if ready(body):
                return body
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} did not show the expected text within {seconds} s:\n{body[:500]}")

"""The editors' path: one source per question, edit buttons, last-changed dates, live reload."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docs_copy import questions, same_text
from mkdocs.config import load_config

from faq_site.languages import Languages
from faq_site.readers.dates import state_of

from conftest import PROJECT, Site, build, free_port, normalise

DEFAULT_REPO = "https://github.com/faq-otan-ukraine/faq-otan-ukraine"


def source_of(url_path: str) -> str:
    """docs/ path of a built page: `en/faq/what-is-nato/` -> `faq/what-is-nato.en.md`."""
    language = "en" if url_path.startswith("en/") else "fr"
    path = url_path.removeprefix("en/").rstrip("/") or "index"
    if path == "faq":
        path = "faq/index"
    return f"{path}.md" if language == "fr" else f"{path}.en.md"


def test_edit_button_opens_the_page_file_in_its_language(site: Site) -> None:
    for page in site.pages:
        button = page.soup.select_one("a.md-content__button[href*='/edit/']")
        assert button is not None, page.path
        assert button["href"] == f"{DEFAULT_REPO}/edit/main/docs/{source_of(page.url_path)}", page.path
        assert (PROJECT / "docs" / source_of(page.url_path)).exists()


def test_repository_and_edit_path_are_overridable(project_copy: Path, tmp_path: Path) -> None:
    result = build(
        project_copy,
        tmp_path / "site",
        "http://127.0.0.1:8000/",
        REPO_URL="https://github.com/example/fork",
        EDIT_URI="edit/draft/docs/",
    )
    assert result.returncode == 0, result.output
    slug = questions(project_copy / "docs", "en")[0].slug  # any question of the copy
    html = (tmp_path / f"site/en/faq/{slug}/index.html").read_text(encoding="utf-8")
    assert f'href="https://github.com/example/fork/edit/draft/docs/faq/{slug}.en.md"' in html


@cache
def text_dates() -> tuple[Languages, dict[str, date]]:
    """Each page's last change readers can see, as the build reads it from git (its model is
    tested on histories of its own: tests/test_translation_state.py)."""
    config = load_config(str(PROJECT / "mkdocs.yml"))
    languages = Languages.of_config(config)
    return languages, state_of(config, languages).updated


def git_date(path: Path) -> date | None:
    src_uri = path.relative_to(PROJECT / "docs").as_posix()
    languages, days = text_dates()
    if src_uri.startswith("faq/index."):  # "all questions": its questions' latest change too
        language = languages.of(src_uri)
        return max(
            day for uri, day in days.items() if uri.startswith("faq/") and languages.of(uri) == language
        )
    return days.get(src_uri)


def test_pages_show_when_their_text_last_changed(site: Site) -> None:
    shallow = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"], cwd=PROJECT, capture_output=True, text=True
    ).stdout.strip()
    if shallow != "false":
        pytest.skip("no full git history here: the dates are tested where there is one")
    checked = 0
    for page in site.pages:
        expected = git_date(PROJECT / "docs" / source_of(page.url_path))
        time_element = page.soup.select_one(".md-source-file time")
        if expected is None:  # a file not committed yet has no date
            assert time_element is None, page.path
            continue
        assert time_element["datetime"] == expected.isoformat(), page.path
        text = time_element.parent.get_text(" ", strip=True)
        month = expected.strftime("%B")  # English month name under the C locale
        if page.language == "en":
            assert f"Page updated on {expected.day} {month} {expected.year}" in text, page.path
        else:
            assert text.startswith("Page mise à jour le"), page.path
            assert month not in text, page.path
        checked += 1
    assert checked, "no page had a date: is the project committed?"


def test_a_copy_without_git_history_builds_without_dates(project_copy: Path, tmp_path: Path) -> None:
    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    slug = questions(project_copy / "docs")[0].slug  # any question of the copy
    html = (tmp_path / f"site/faq/{slug}/index.html").read_text(encoding="utf-8")
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


def test_adding_a_question_is_adding_its_two_files(project_copy: Path, tmp_path: Path) -> None:
    faq = project_copy / "docs" / "faq"
    before = questions(project_copy / "docs")  # whatever the FAQ holds today
    number = len(before) + 1
    for language, text in NEW_QUESTION_TEXT.items():
        name = "new-question.md" if language == "fr" else f"new-question.{language}.md"
        (faq / name).write_text(NEW_QUESTION.format(code=language, number=number, **text), encoding="utf-8")
    site_dir = tmp_path / "site"
    result = build(project_copy, site_dir, "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output

    assert normalise(built_questions(site_dir, "fr")[-1]) == "Une question de plus ?"
    assert built_questions(site_dir, "en")[-1] == "One more question?"
    assert len(built_questions(site_dir, "en")) == number
    for language, answer in (("fr", "Une réponse de plus."), ("en", "One more answer.")):
        prefix = "" if language == "fr" else "en/"
        everything = (site_dir / prefix / "faq/index.html").read_text(encoding="utf-8")
        assert answer in everything
        last = (site_dir / prefix / f"faq/{before[-1].slug}/index.html").read_text()
        assert '<link rel="next" href="../new-question/">' in last
        new = (site_dir / prefix / "faq/new-question/index.html").read_text(encoding="utf-8")
        assert '<link rel="next" href="../">' in new  # then "all questions"


def test_removing_a_question_is_removing_its_two_files(project_copy: Path, tmp_path: Path) -> None:
    before = questions(project_copy / "docs")
    last = before[-1]
    answer = same_text(last.line(last.answer_line()))
    for page in (last, last.twin):
        page.path.unlink()
    site_dir = tmp_path / "site"
    result = build(project_copy, site_dir, "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    assert len(built_questions(site_dir, "fr")) == len(built_questions(site_dir, "en")) == len(before) - 1
    everything = BeautifulSoup((site_dir / "faq/index.html").read_text(encoding="utf-8"), "html.parser")
    assert answer not in same_text(everything.get_text(" "))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_all_questions_page_has_every_answer_in_order(site: Site, language: str) -> None:
    prefix = "" if language == "fr" else "en/"
    everything = site.page(f"{prefix}faq/")
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in everything.content.select("h2")]
    assert headings == [page.h1 for page in site.questions(language)]
    text = normalise(everything.content.get_text(" "))
    for page in site.questions(language):
        for paragraph in page.content.find("h1").find_next_siblings("p"):
            assert normalise(paragraph.get_text(" ")) in text


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
        line = page.answer_line()
        page.set(line, page.line(line) + " Edited while the preview runs.")
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

"""A translation behind its French page says so, from git history alone.

Each test commits a copy of the project into a new git repository, with fixed
dates, then changes one French page (the first question) in a later commit,
and builds: the English page of that question, and only it, shows the notice;
the build lists it in an INFO line, --strict still passes, and
scripts/outdated_translations.py prints the same line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, build

SITE_URL = "http://127.0.0.1:8000/"
FRENCH = next(
    path.relative_to(PROJECT / "docs").as_posix()
    for path in sorted((PROJECT / "docs/faq").glob("*.md"))
    if not path.name.endswith(".en.md") and path.name != "index.md"
)
ENGLISH = FRENCH.removesuffix(".md") + ".en.md"
PAGE = FRENCH.removesuffix(".md") + "/"  # faq/how-nato-helps-ukraine/


def git(repo: Path, *args: str, day: date | None = None) -> str:
    stamp = f"{(day or date(2022, 3, 24)).isoformat()}T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    process = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return process.stdout


def commit_change(repo: Path, src_uri: str, day: date, message: str) -> None:
    """Change a page's text readers see (one more word in its title) and commit it on that day."""
    path = repo / "docs" / src_uri
    word = " (updated)" if src_uri.endswith(".en.md") else " (mise à jour)"
    text = re.sub(
        r"(?m)^(# .*?)(\s*\{#[^}]*\})?$", lambda m: m[1] + word + (m[2] or ""), path.read_text(), count=1
    )
    path.write_text(text, encoding="utf-8")
    git(repo, "commit", "--quiet", "--all", "--message", message, day=day)


@pytest.fixture
def repo(project_copy: Path) -> Path:
    """The copy, committed in one commit of 24 March 2022."""
    git(project_copy, "init", "--quiet", "--initial-branch=main")
    git(project_copy, "add", "--all")
    git(project_copy, "commit", "--quiet", "--message", "The FAQ")
    return project_copy


def notices(site: Path) -> dict[str, BeautifulSoup]:
    """The out-of-date notice of every built page that has one, by address."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        notice = soup.select_one("article .admonition.faq-outdated")
        if notice is not None:
            found[path.parent.relative_to(site).as_posix() + "/"] = notice
    return found


def build_line() -> str:
    return (
        f"docs/{ENGLISH}: its French text, docs/{FRENCH}, changed after this translation was last updated "
        "(the French on 2022-04-01, this translation on 2022-03-24)"
    )


def script(repo: Path, *args: str) -> str:
    process = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "scripts/outdated_translations.py"),
            "--docs-dir",
            str(repo / "docs"),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return process.stdout


def test_a_french_change_marks_its_translation_until_it_changes(repo: Path, tmp_path: Path) -> None:
    commit_change(repo, FRENCH, date(2022, 4, 1), "Correct the French answer")

    result = build(repo, tmp_path / "behind", SITE_URL)
    assert result.returncode == 0 and "WARNING" not in result.output, result.output
    found = notices(tmp_path / "behind")
    assert set(found) == {f"en/{PAGE}", "en/faq/"}
    # On the "all questions" page, once, naming that question.
    everything = BeautifulSoup(
        (tmp_path / "behind/en/faq/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert len(everything.select("article .faq-outdated")) == 1
    assert found["en/faq/"].select_one("a[hreflang=fr]")["href"] == SITE_URL + PAGE
    title = BeautifulSoup((tmp_path / "behind/en" / PAGE / "index.html").read_text(), "html.parser").h1
    assert title.get_text().rstrip("¶") in found["en/faq/"].get_text()
    notice = found[f"en/{PAGE}"]
    assert "1 April 2022" in notice.get_text(" ")
    link = notice.select_one("a[hreflang=fr]")
    assert link is not None and link["href"] == SITE_URL + PAGE
    # At the top of the article, placed by the template: before the question's title.
    assert notice.find_next_sibling("h1") is not None
    # The notice is not part of the answer search engines are given.
    page = BeautifulSoup(
        (tmp_path / "behind/en" / PAGE / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    answer = json.loads(page.find("script", type="application/ld+json").string)["mainEntity"][0]
    # The notice's closing words (mkdocs.yml's `outdated_text`, whatever it says) are not in the answer.
    closing_words = " ".join(notice.get_text(" ").split()[-4:])
    assert answer["acceptedAnswer"]["text"] and closing_words
    assert closing_words not in " ".join(answer["acceptedAnswer"]["text"].split())
    lines = [line for line in result.output.splitlines() if "changed after this translation" in line]
    assert len(lines) == 1 and lines[0].startswith("INFO") and build_line() in lines[0], result.output
    assert script(repo).strip() == lines[0].split("-  ", 1)[1].strip()
    assert build_line() in script(repo, "--markdown")

    commit_change(repo, ENGLISH, date(2022, 4, 2), "Translate the correction")
    result = build(repo, tmp_path / "caught-up", SITE_URL)
    assert result.returncode == 0, result.output
    assert notices(tmp_path / "caught-up") == {}
    assert "changed after this translation" not in result.output
    assert script(repo) == ""


def test_a_french_change_that_needs_no_translation_says_so(repo: Path, tmp_path: Path) -> None:
    commit_change(repo, FRENCH, date(2022, 4, 1), "Fix a typo\n\nTranslation: not needed")

    result = build(repo, tmp_path / "site", SITE_URL)
    assert result.returncode == 0, result.output
    assert notices(tmp_path / "site") == {}
    assert "changed after this translation" not in result.output
    # The French page itself was updated, and says so.
    french = (tmp_path / "site" / PAGE / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2022-04-01">' in french


def test_a_shallow_clone_shows_no_notice(repo: Path, tmp_path: Path) -> None:
    commit_change(repo, FRENCH, date(2022, 4, 1), "Correct the French answer")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", repo.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )

    result = build(clone, tmp_path / "site", SITE_URL)
    assert result.returncode == 0, result.output
    assert notices(tmp_path / "site") == {}
    assert "Shallow git clone" in result.output
    assert "changed after this translation" not in result.output


def test_a_french_change_of_typography_alone_needs_no_translation(repo: Path, tmp_path: Path) -> None:
    # An editor types what the build would typeset anyway (’ for ', a no-break space): the
    # text is the same in both languages, with no trailer needed.
    path = repo / "docs" / FRENCH
    text = path.read_text(encoding="utf-8")
    assert "'" in text, "the test needs an apostrophe in the French page"
    path.write_text(text.replace("'", "\u2019").replace(" ?", "\u202f?"), encoding="utf-8")
    git(repo, "commit", "--quiet", "--all", "--message", "Typographic apostrophes", day=date(2022, 4, 1))

    result = build(repo, tmp_path / "site", SITE_URL)
    assert result.returncode == 0, result.output
    assert notices(tmp_path / "site") == {}
    assert script(repo) == ""

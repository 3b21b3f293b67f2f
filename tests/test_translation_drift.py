"""A translation behind its French page says so, from git history alone.

A copy of the tests' FAQ site is a git repository with fixed dates (tests/fixture_site.py: one
commit of 1 March 2029). Later commits change French pages, one question each: one change that
needs a translation (the first question), one whose commit says none is needed (the second), one
of typography alone (the third). One build shows the notice on the first question's English page,
and only there; the build lists it in an INFO line, --strict still passes, and
scripts/outdated_translations.py prints the same line. Once translated, no notice is left. A
shallow clone, whose history is cut, shows none.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixture_site import FIXTURE_PLACE, commit, copy_fixture
from page_editing import SourcePage, questions

from conftest import PROJECT, build

SITE_URL = "http://127.0.0.1:8000/"
CHANGED = "2030-04-01T12:00:00+00:00"  # after the copy's first commit
TRANSLATED = "2030-04-02T12:00:00+00:00"


@dataclass(frozen=True)
class Repository:
    root: Path  # the git repository (the copy's root)
    project: Path  # what is built (the fixture, in it)
    behind: SourcePage  # the French page changed, its translation not
    not_needed: SourcePage  # the French page changed, "Translation: not needed"
    typography: SourcePage  # the French page whose typography alone changed

    @property
    def page(self) -> str:
        """The address of the question whose translation is behind: `faq/x/`."""
        return f"faq/{self.behind.slug}/"


def commit_change(root: Path, page: SourcePage, date: str, message: str) -> None:
    """Change a page (one more empty line at its end) and commit it on that date."""
    page.path.write_text(page.path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(root, message, date)


def typography_alone(root: Path, page: SourcePage, date: str) -> None:
    # An editor types what the build would typeset anyway (’ for ', a no-break space): the
    # text is the same in both languages, with no trailer needed.
    text = page.path.read_text(encoding="utf-8")
    assert "'" in text and " ?" in text, "the test needs an apostrophe and a question mark"
    page.path.write_text(text.replace("'", "\u2019").replace(" ?", "\u202f?"), encoding="utf-8")
    commit(root, "Typographic apostrophes", date)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    """The copy, committed, then three French changes committed after it."""
    root = tmp_path_factory.mktemp("drift") / "repository"
    project = copy_fixture(root, git=True)
    behind, not_needed, typography = questions(project / "docs")[:3]
    commit_change(root, behind, CHANGED, "Correct the French answer")
    commit_change(root, not_needed, CHANGED, "Fix a typo\n\nTranslation: not needed")
    typography_alone(root, typography, CHANGED)
    return Repository(root, project, behind, not_needed, typography)


@pytest.fixture(scope="module")
def behind(repository: Repository, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site built with the three French changes: (its folder, what the build printed)."""
    site = tmp_path_factory.mktemp("behind")
    result = build(repository.project, site, SITE_URL)
    assert result.returncode == 0 and "WARNING" not in result.output, result.output
    return site, result.output


def notices(site: Path) -> dict[str, BeautifulSoup]:
    """The out-of-date notice of every built page that has one, by address."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        notice = soup.select_one("article .admonition.faq-outdated")
        if notice is not None:
            found[path.parent.relative_to(site).as_posix() + "/"] = notice
    return found


def build_line(repository: Repository) -> str:
    french = repository.behind
    return (
        f"{french.twin.where}: its French text, {french.where}, was updated on {CHANGED[:10]}, after this "
        "translation"
    )


def script(repository: Repository, *args: str) -> str:
    process = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "scripts/outdated_translations.py"),
            "--docs-dir",
            str(repository.project / "docs"),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return process.stdout


def test_a_french_change_marks_its_translation(repository: Repository, behind: tuple[Path, str]) -> None:
    site, output = behind
    page = repository.page
    found = notices(site)
    # Only the translation of the change that needs one: not the "not needed" one, nor typography.
    assert set(found) == {f"en/{page}", "en/faq/"}
    # On the "all questions" page, once, under that question's heading.
    everything = BeautifulSoup((site / "en/faq/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(everything.select("article .faq-outdated")) == 1
    assert found["en/faq/"].find_previous_sibling("h2")["id"] == repository.behind.slug
    notice = found[f"en/{page}"]
    assert "1 April 2030" in notice.get_text(" ")
    link = notice.select_one("a[hreflang=fr]")
    assert link is not None and link["href"] == SITE_URL + page
    # At the top of the answer: right after the question's title.
    assert notice.find_previous_sibling() is not None and notice.find_previous_sibling().name == "h1"
    # The notice is not part of the answer search engines are given.
    built = BeautifulSoup((site / "en" / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    answer = json.loads(built.find("script", type="application/ld+json").string)["mainEntity"][0]
    # The notice's closing words (mkdocs.yml's `outdated_text`, whatever it says) are not in the answer.
    closing_words = " ".join(notice.get_text(" ").split()[-4:])
    assert answer["acceptedAnswer"]["text"] and closing_words
    assert closing_words not in " ".join(answer["acceptedAnswer"]["text"].split())
    lines = [line for line in output.splitlines() if "was updated on" in line]
    assert len(lines) == 1 and lines[0].startswith("INFO") and build_line(repository) in lines[0], output


def test_the_script_lists_what_the_build_lists(repository: Repository, behind: tuple[Path, str]) -> None:
    _, output = behind
    (line,) = [line for line in output.splitlines() if "was updated on" in line]
    assert script(repository).strip() == line.split("-  ", 1)[1].strip()
    assert build_line(repository) in script(repository, "--markdown")


def test_a_french_change_that_needs_no_translation_says_so(
    repository: Repository, behind: tuple[Path, str]
) -> None:
    site, _ = behind
    # The French page itself was updated, and says so.
    french = (site / f"faq/{repository.not_needed.slug}/index.html").read_text(encoding="utf-8")
    assert f'<time datetime="{CHANGED[:10]}">' in french
    assert f"en/faq/{repository.not_needed.slug}/" not in notices(site)


def test_once_translated_no_notice_is_left(
    repository: Repository, behind: tuple[Path, str], tmp_path: Path
) -> None:
    commit_change(repository.root, repository.behind.twin, TRANSLATED, "Translate the correction")
    result = build(repository.project, tmp_path / "caught-up", SITE_URL)
    assert result.returncode == 0, result.output
    assert notices(tmp_path / "caught-up") == {}
    assert "was updated on" not in result.output
    assert script(repository) == ""


def test_a_shallow_clone_shows_no_notice(repository: Repository, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", repository.root.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    result = build(clone / FIXTURE_PLACE, tmp_path / "site", SITE_URL)
    assert result.returncode == 0, result.output
    assert notices(tmp_path / "site") == {}
    assert "Shallow git clone" in result.output
    assert "was updated on" not in result.output

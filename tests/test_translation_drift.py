"""A translation behind its French page says so, from git history alone.

A copy of the tests' FAQ site is a git repository with fixed dates (tests/fixture_site.py: one
commit of 1 March 2024). Later commits change French pages, one question each: one change that
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
from fixture_site import FIRST_COMMIT_DATE, FIXTURE_PLACE, commit, copy_fixture, run_git
from page_editing import SourcePage, questions

from conftest import PROJECT, build

SITE_URL = "http://127.0.0.1:8000/"
CHANGED = "2025-04-01T12:00:00+00:00"  # after the copy's first commit, before the build
TRANSLATED = "2025-04-02T12:00:00+00:00"


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
    """Change a page's text readers see (one more word in its title) and commit it on that date."""
    line = page.title_line()
    title, marker, heading_id = page.line(line).partition(" {#")
    word = " (mise à jour)" if page.language == "fr" else " (updated)"
    page.set(line, title + word + marker + heading_id)
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


INFO_WORDS = "changed after this translation"


def build_line(repository: Repository) -> str:
    french = repository.behind
    return (
        f"{french.twin.where}: its French text, {french.where}, {INFO_WORDS} was last updated "
        f"(the French on {CHANGED[:10]}, this translation on {FIRST_COMMIT_DATE[:10]})"
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
    # On the "all questions" page, once, naming that question and linking to its French page.
    everything = BeautifulSoup((site / "en/faq/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(everything.select("article .faq-outdated")) == 1
    assert found["en/faq/"].select_one("a[hreflang=fr]")["href"] == SITE_URL + page
    title = BeautifulSoup((site / "en" / page / "index.html").read_text(encoding="utf-8"), "html.parser").h1
    assert title.get_text().rstrip("¶") in found["en/faq/"].get_text()
    notice = found[f"en/{page}"]
    assert "1 April 2025" in notice.get_text(" ")
    link = notice.select_one("a[hreflang=fr]")
    assert link is not None and link["href"] == SITE_URL + page
    # At the top of the article, placed by the template: before the question's title.
    assert notice.find_next_sibling("h1") is not None
    # The notice is not part of the answer search engines are given.
    built = BeautifulSoup((site / "en" / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    answer = json.loads(built.find("script", type="application/ld+json").string)["mainEntity"][0]
    # The notice's closing words (mkdocs.yml's `outdated_text`, whatever it says) are not in the answer.
    closing_words = " ".join(notice.get_text(" ").split()[-4:])
    assert answer["acceptedAnswer"]["text"] and closing_words
    assert closing_words not in " ".join(answer["acceptedAnswer"]["text"].split())
    lines = [line for line in output.splitlines() if INFO_WORDS in line]
    assert len(lines) == 1 and lines[0].startswith("INFO") and build_line(repository) in lines[0], output


def test_the_script_lists_what_the_build_lists(repository: Repository, behind: tuple[Path, str]) -> None:
    _, output = behind
    (line,) = [line for line in output.splitlines() if INFO_WORDS in line]
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
    assert INFO_WORDS not in result.output
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
    assert INFO_WORDS not in result.output


# -- every case of the model, on one history of the tests' site, built ------------------------------
#
# One copy, one history, one build: each question of the fixture gets one case of what editors do
# (issue 24, "What to build" 1), and the build must show a notice on exactly the translations whose
# French really changed, with each page's date its last change readers can see. The same cases are
# tested one by one on small repositories in tests/test_translation_state.py.

EDITED = "2025-05-{:02}T12:00:00+00:00"  # the cases' commits, one day each, in order
# A case's question, by its place among the fixture's questions (tests/page_editing.py's order).
CASES = (
    "description only",
    "whitespace only",
    "renamed while behind",
    "one pull request, French first",
    "one pull request, English first",
    "a change and its revert",
    "not needed, then a change reverted",
)


def add_to_title(page: SourcePage, word: str) -> None:
    """A change readers see: a word more in the page's title (its id kept)."""
    title, marker, heading_id = page.line(page.title_line()).partition(" {#")
    page.set(page.title_line(), title + word + marker + heading_id)


@dataclass(frozen=True)
class History:
    root: Path
    project: Path
    cases: dict[str, SourcePage]  # each case's French question, after the history
    site: Path
    output: str


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    root = tmp_path_factory.mktemp("every-case") / "repository"
    project = copy_fixture(root, git=True)
    docs = project / "docs"
    pages = dict(zip(CASES, questions(docs), strict=True))
    day = iter(EDITED.format(n) for n in range(1, 32))

    def pull_request(branch: str, *commits: tuple[SourcePage, str]) -> None:
        run_git(root, "checkout", "--quiet", "-b", branch)
        for page, word in commits:
            add_to_title(page, word)
            commit(root, f"Change {page.rel}", next(day))
        run_git(root, "checkout", "--quiet", "main")
        run_git(root, "merge", "--no-ff", "--quiet", "--message", f"Merge {branch}", branch, date=next(day))

    # The front matter alone, and spaces and line breaks alone: nothing readers see. Then the two
    # questions swap numbers (as when one is inserted before the other): still nothing.
    described = pages["description only"]
    described.description_line()  # writes one, as an editor would: the answer's first sentence
    spaced = pages["whitespace only"]
    spaced.set(spaced.answer_line(), "  " + spaced.line(spaced.answer_line()).replace(" ", "   ", 3) + "  ")
    spaced.insert(spaced.answer_line(), "")
    commit(root, "Descriptions and spaces", next(day))
    numbers = {page: page.value("number") for page in (described, spaced)}
    for page, other in ((described, spaced), (spaced, described)):
        for language_page in (page, page.twin):
            language_page.set(language_page.key_line("number"), f"number: {numbers[other]}")
    commit(root, "Swap two questions", next(day))
    # A French change of meaning, then both files renamed: the translation stays behind.
    renamed = pages["renamed while behind"]
    add_to_title(renamed, " (mise à jour)")
    commit(root, "Correct the French title", next(day))
    new_name = f"{renamed.slug}-renamed"
    for page in (renamed, renamed.twin):
        page.insert(page.front_matter_end(), f"renamed_from: [{renamed.slug}]")
        run_git(
            root,
            "mv",
            str(page.path),
            str(page.path.with_name(page.path.name.replace(renamed.slug, new_name))),
        )
    commit(root, "Rename the question", next(day))
    pages["renamed while behind"] = SourcePage(docs, renamed.rel.replace(renamed.slug, new_name))
    # French and English in one pull request, in either order.
    french_first = pages["one pull request, French first"]
    pull_request("french-first", (french_first, " (mise à jour)"), (french_first.twin, " (updated)"))
    english_first = pages["one pull request, English first"]
    pull_request("english-first", (english_first.twin, " (updated)"), (english_first, " (mise à jour)"))
    # A French change, and its revert.
    reverted = pages["a change and its revert"]
    add_to_title(reverted, " (mise à jour)")
    commit(root, "Correct the French title", next(day))
    run_git(root, "revert", "--no-edit", "HEAD", date=next(day))
    # A change that needs no translation; a later change, reverted.
    marked = pages["not needed, then a change reverted"]
    add_to_title(marked, " (précision)")
    commit(root, "A French precision\n\nTranslation: not needed", next(day))
    add_to_title(marked, " (mise à jour)")
    commit(root, "Correct the French title", next(day))
    run_git(root, "revert", "--no-edit", "HEAD", date=next(day))
    site = tmp_path_factory.mktemp("every-case-site")
    result = build(project, site, SITE_URL)
    assert result.returncode == 0 and "WARNING" not in result.output, result.output
    return History(root, project, pages, site, result.output)


def revision_date(site: Path, address: str) -> str:
    """The date the page says it was last updated (Material's `.md-source-file`)."""
    soup = BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one(".md-source-file time")["datetime"]


def test_only_a_translation_whose_french_really_changed_shows_a_notice(history: History) -> None:
    renamed = history.cases["renamed while behind"]
    assert set(notices(history.site)) == {f"en/faq/{renamed.slug}/", "en/faq/"}
    lines = [line for line in history.output.splitlines() if INFO_WORDS in line]
    assert len(lines) == 1 and renamed.twin.where in lines[0], history.output
    assert [line.split(":", 1)[0] for line in script_lines(history.project)] == [renamed.twin.where]


def test_each_page_is_dated_by_its_last_change_readers_see(history: History) -> None:
    first = FIRST_COMMIT_DATE[:10]
    for case in ("description only", "whitespace only"):  # and renumbered
        slug = history.cases[case].slug
        assert (
            revision_date(history.site, f"faq/{slug}"),
            revision_date(history.site, f"en/faq/{slug}"),
        ) == (
            first,
            first,
        ), case
    # Renamed: the French page keeps the date of its change, the English its own.
    slug = history.cases["renamed while behind"].slug
    assert revision_date(history.site, f"faq/{slug}") == EDITED.format(3)[:10]
    assert revision_date(history.site, f"en/faq/{slug}") == first
    # A pull request is one change, on the day it is merged.
    slug = history.cases["one pull request, French first"].slug
    assert revision_date(history.site, f"en/faq/{slug}") == EDITED.format(7)[:10]


def script_lines(project: Path) -> list[str]:
    process = subprocess.run(
        [sys.executable, str(PROJECT / "scripts/outdated_translations.py")]
        + ["--config-file", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return process.stdout.splitlines()

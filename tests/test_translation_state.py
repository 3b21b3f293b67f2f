"""Which French text each translation translates, on real git histories (readers/translation_state.py).

Each test makes a small repository with one question in French and English,
commits scripted changes on fixed dates (branches, merges, reverts, trailers as
editors make them), and reads the state as the build does: which translations
are behind, which French text they translate, and each page's last change.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from fixture_site import FIXTURE
from mkdocs.config import load_config

from faq_site.checks.parity import compare, parity_page
from faq_site.languages import Languages
from faq_site.markdown.render import SiteMarkdown
from faq_site.readers.translated_french import translated_french
from faq_site.readers.translation_state import TranslationState, read_state
from faq_site.sources.page import MarkdownPage

LANGUAGES = Languages("fr", ("fr", "en"), ("fr", "en"))
FRENCH, ENGLISH = "faq/q.md", "faq/q.en.md"
TODAY = date(2026, 12, 6)
FRENCH_TEXT = """---
number: 1
description: "L'OTAN compte 30 pays."
---

# Qu'est-ce que l'OTAN ? {#q}

L'OTAN compte 30 pays membres, en Europe et en Amérique du Nord.

## Pour en savoir plus {#learn-more}

- [L'OTAN](https://www.nato.int/cps/fr/natohq/index.htm)
"""
ENGLISH_TEXT = """---
number: 1
description: "NATO has 30 members."
---

# What is NATO? {#q}

NATO has 30 member countries, in Europe and North America.

## Learn more {#learn-more}

- [NATO](https://www.nato.int/cps/en/natohq/index.htm)
"""


@cache
def site_markdown() -> SiteMarkdown:
    """The site's own Markdown configuration, from mkdocs.yml."""
    return SiteMarkdown.of_config(load_config(str(FIXTURE / "mkdocs.yml")))


class Repo:
    """A git repository with docs/, committed to as editors do, on fixed dates."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.docs = path / "docs"
        self.docs.mkdir(parents=True)
        self.git("init", "--quiet", "--initial-branch=main")

    def git(self, *args: str, day: date = date(2026, 1, 5)) -> str:
        stamp = f"{day.isoformat()}T12:00:00+00:00"
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Editor",
            "GIT_AUTHOR_EMAIL": "editor@example.org",
            "GIT_COMMITTER_NAME": "Editor",
            "GIT_COMMITTER_EMAIL": "editor@example.org",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
        }
        process = subprocess.run(
            ["git", *args], cwd=self.path, env=env, capture_output=True, text=True, check=True
        )
        return process.stdout

    def read(self, page: str) -> str:
        return (self.docs / page).read_text(encoding="utf-8")

    def write(self, page: str, text: str) -> None:
        (self.docs / page).parent.mkdir(parents=True, exist_ok=True)
        (self.docs / page).write_text(text, encoding="utf-8")

    def edit(self, page: str, old: str, new: str) -> None:
        text = self.read(page)
        assert old in text, f"{old!r} is not in {page}"
        self.write(page, text.replace(old, new, 1))

    def commit(self, message: str, day: date) -> None:
        self.git("add", "--all")
        self.git("commit", "--quiet", "--allow-empty", "--message", message, day=day)

    def state(self, today: date = TODAY) -> TranslationState:
        return read_state(self.docs, LANGUAGES, site_markdown(), today)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """One question in both languages, committed on 5 January 2026."""
    repo = Repo(tmp_path / "repo")
    repo.write(FRENCH, FRENCH_TEXT)
    repo.write(ENGLISH, ENGLISH_TEXT)
    repo.commit("The FAQ", date(2026, 1, 5))
    return repo


def change_the_french(repo: Repo, day: date, message: str = "Correct the French answer") -> None:
    repo.edit(FRENCH, "30 pays membres", "32 pays membres")
    repo.commit(message, day)


def translate(repo: Repo, day: date, message: str = "Translate the correction") -> None:
    repo.edit(ENGLISH, "30 member countries", "32 member countries")
    repo.commit(message, day)


def test_a_french_change_of_meaning_puts_its_translation_behind_until_it_is_translated(repo: Repo) -> None:
    change_the_french(repo, date(2026, 2, 1))
    state = repo.state()
    assert set(state.behind) == {ENGLISH}
    item = state.behind[ENGLISH]
    assert (item.original_uri, item.original_changed, item.translation_changed) == (
        FRENCH,
        date(2026, 2, 1),
        date(2026, 1, 5),
    )
    assert str(item) == (
        "docs/faq/q.en.md: its French text, docs/faq/q.md, changed after this translation was last "
        "updated (the French on 2026-02-01, this translation on 2026-01-05). Translate the change and "
        "commit it; until then the English page says that it is behind the French."
    )
    # The French it translates: the text before the change.
    assert state.translated_french(ENGLISH).text == FRENCH_TEXT
    assert state.updated == {FRENCH: date(2026, 2, 1), ENGLISH: date(2026, 1, 5)}

    translate(repo, date(2026, 2, 3))
    state = repo.state()
    assert state.behind == {} and state.translated_french(ENGLISH) is None
    assert state.updated == {FRENCH: date(2026, 2, 1), ENGLISH: date(2026, 2, 3)}


def test_two_changes_the_same_day_say_so_once(repo: Repo) -> None:
    repo.edit(ENGLISH, "North America", "North America.")
    repo.commit("English punctuation", date(2026, 2, 1))
    change_the_french(repo, date(2026, 2, 1))
    assert "(both on 2026-02-01)" in str(repo.state().behind[ENGLISH])


@pytest.mark.parametrize(
    "old, new",
    [
        ('description: "L\'OTAN compte 30 pays."', 'description: "L\'OTAN compte trente pays."'),
        ("en Europe et en Amérique du Nord.", "en Europe   et en\nAmérique du Nord.\n\n"),
        ("L'OTAN compte 30", "L\u2019OTAN compte 30"),  # the build's own typography, typed
        ("# Qu'est-ce", "<!-- À revoir. -->\n\n# Qu'est-ce"),
    ],
    ids=["description", "whitespace", "typography", "comment"],
)
def test_a_french_change_readers_do_not_see_puts_nothing_behind_nor_dates_the_page(
    repo: Repo, old: str, new: str
) -> None:
    repo.edit(FRENCH, old, new)
    repo.commit("French", date(2026, 2, 1))
    state = repo.state()
    assert state.behind == {}
    assert state.updated[FRENCH] == date(2026, 1, 5)


@pytest.mark.parametrize(
    "old, new",
    [
        ("# Qu'est-ce que l'OTAN ?", "# Qu'est-ce que l'Alliance ?"),
        ("cps/fr/natohq/index.htm)", "cps/fr/natohq/topics_52044.htm)"),
        ("- [L'OTAN](", "- [L'Organisation du Traité de l'Atlantique Nord]("),
        ("en Amérique du Nord.", "en Amérique du Nord.\n\n![Carte des Alliés](../carte.png)"),
    ],
    ids=["title", "a link's address", "a link's title", "an image"],
)
def test_a_french_change_readers_see_puts_its_translation_behind(repo: Repo, old: str, new: str) -> None:
    repo.edit(FRENCH, old, new)
    repo.commit("French", date(2026, 2, 1))
    state = repo.state()
    assert set(state.behind) == {ENGLISH}
    assert state.updated[FRENCH] == date(2026, 2, 1)


def test_a_renumbered_page_keeps_its_state_and_its_date(repo: Repo) -> None:
    change_the_french(repo, date(2026, 2, 1))
    for page in (FRENCH, ENGLISH):  # a question inserted before it
        repo.edit(page, "number: 1", "number: 2")
    repo.commit("Insert a question before", date(2026, 2, 5))
    state = repo.state()
    assert set(state.behind) == {ENGLISH}
    assert state.updated == {FRENCH: date(2026, 2, 1), ENGLISH: date(2026, 1, 5)}


@pytest.mark.parametrize("behind", [True, False], ids=["behind", "up to date"])
def test_a_renamed_page_keeps_its_state_and_its_date(repo: Repo, behind: bool) -> None:
    if behind:
        change_the_french(repo, date(2026, 2, 1))
    repo.git("mv", "docs/faq/q.md", "docs/faq/nato.md")
    repo.git("mv", "docs/faq/q.en.md", "docs/faq/nato.en.md")
    for page in ("faq/nato.md", "faq/nato.en.md"):
        repo.edit(page, "number: 1", "number: 1\nrenamed_from: [q]")
    repo.commit("Rename the question", date(2026, 2, 5))
    state = repo.state()
    assert set(state.behind) == ({"faq/nato.en.md"} if behind else set())
    french_day = date(2026, 2, 1) if behind else date(2026, 1, 5)
    assert state.updated == {"faq/nato.md": french_day, "faq/nato.en.md": date(2026, 1, 5)}


@pytest.mark.parametrize("english_first", [False, True], ids=["French first", "English first"])
def test_french_and_english_in_one_pull_request_leave_nothing_behind(repo: Repo, english_first: bool) -> None:
    repo.git("checkout", "--quiet", "-b", "correction")
    if english_first:
        translate(repo, date(2026, 2, 1), "Translate first")
        change_the_french(repo, date(2026, 2, 2))
    else:
        change_the_french(repo, date(2026, 2, 1))
        translate(repo, date(2026, 2, 2))
    # The pull request's test merge, then its merge into main: both one step.
    repo.git("checkout", "--quiet", "main")
    repo.git(
        "merge",
        "--no-ff",
        "--quiet",
        "--message",
        "Merge pull request #1",
        "correction",
        day=date(2026, 2, 3),
    )
    state = repo.state()
    assert state.behind == {}
    assert state.updated == {FRENCH: date(2026, 2, 3), ENGLISH: date(2026, 2, 3)}


def test_a_pull_request_merged_while_main_moved_on_is_one_step(repo: Repo) -> None:
    repo.git("checkout", "--quiet", "-b", "correction")
    translate(repo, date(2026, 2, 1), "Translate first")
    change_the_french(repo, date(2026, 2, 2))
    repo.git("checkout", "--quiet", "main")
    repo.write("about.md", "# À propos\n")
    repo.write("about.en.md", "# About\n")
    repo.commit("About", date(2026, 2, 2))
    repo.git(
        "merge",
        "--no-ff",
        "--quiet",
        "--message",
        "Merge pull request #2",
        "correction",
        day=date(2026, 2, 3),
    )
    assert repo.state().behind == {}


def test_a_french_change_and_its_revert_leave_nothing_behind(repo: Repo) -> None:
    change_the_french(repo, date(2026, 2, 1))
    repo.git("revert", "--no-edit", "HEAD", day=date(2026, 2, 2))
    state = repo.state()
    assert state.behind == {}
    # The French text changed twice for its readers; the page says when it last did.
    assert state.updated[FRENCH] == date(2026, 2, 2)


def test_a_change_that_needs_no_translation_stays_translated_after_a_later_change_is_reverted(
    repo: Repo,
) -> None:
    repo.edit(FRENCH, "Amérique du Nord", "Amérique du Nord (typo)")
    repo.commit("A French-only precision\n\nTranslation: not needed", date(2026, 2, 1))
    assert repo.state().behind == {}
    change_the_french(repo, date(2026, 2, 2))
    assert set(repo.state().behind) == {ENGLISH}
    repo.git("revert", "--no-edit", "HEAD", day=date(2026, 2, 3))
    state = repo.state()
    assert state.behind == {}
    # The review shows the marked change, as readers read it before and after.
    (marked,) = state.not_needed
    assert marked.src_uri == FRENCH and marked.day == date(2026, 2, 1)
    assert "(typo)" in marked.after and "(typo)" not in marked.before


def test_a_typo_and_its_fix_marked_not_needed_leave_nothing_behind(repo: Repo) -> None:
    repo.edit(FRENCH, "Amérique du Nord", "Amérque du Nord")
    repo.commit("Reword", date(2026, 2, 1))
    assert set(repo.state().behind) == {ENGLISH}
    repo.edit(FRENCH, "Amérque du Nord", "Amérique du Nord")
    repo.commit("Fix a typo\n\nTranslation: not needed", date(2026, 2, 2))
    assert repo.state().behind == {}


def test_a_change_marked_not_needed_while_behind_keeps_what_still_needs_translating(repo: Repo) -> None:
    change_the_french(repo, date(2026, 2, 1))
    repo.edit(FRENCH, "Amérique du Nord", "Amérique du Nord (précision)")
    repo.commit("A French-only precision\n\nTranslation: not needed", date(2026, 2, 2))
    state = repo.state()
    assert set(state.behind) == {ENGLISH}
    # What it translates: the old figure, with the change that needs no translation.
    translated = state.translated_french(ENGLISH).text
    assert "30 pays membres" in translated and "(précision)" in translated
    # Once the change of meaning is reverted, only the marked change differs: nothing behind.
    repo.edit(FRENCH, "32 pays membres", "30 pays membres")
    repo.commit("Back to 30", date(2026, 2, 3))
    assert repo.state().behind == {}


def test_a_pull_request_whose_french_commits_say_not_needed_leaves_nothing_behind(repo: Repo) -> None:
    repo.git("checkout", "--quiet", "-b", "typo")
    repo.edit(FRENCH, "Amérique du Nord", "Amérique du Nord (précision)")
    repo.commit("A French-only precision\n\nTranslation: not needed", date(2026, 2, 1))
    repo.git("checkout", "--quiet", "main")
    repo.git(
        "merge", "--no-ff", "--quiet", "--message", "Merge pull request #3", "typo", day=date(2026, 2, 2)
    )
    assert repo.state().behind == {}


def test_an_invisible_english_change_is_no_translation(repo: Repo) -> None:
    # A comment in the English file, in the same commit as a French change of meaning.
    repo.edit(FRENCH, "30 pays membres", "32 pays membres")
    repo.edit(ENGLISH, "# What is NATO?", "<!-- Translated. -->\n\n# What is NATO?")
    repo.commit("Correct the French answer", date(2026, 2, 1))
    state = repo.state()
    assert set(state.behind) == {ENGLISH}
    assert state.updated[ENGLISH] == date(2026, 1, 5)


def test_a_commit_dated_in_the_future_dates_no_page_after_the_build(repo: Repo) -> None:
    change_the_french(repo, date(2031, 1, 1))
    state = repo.state()
    assert state.updated[FRENCH] == TODAY
    assert state.behind[ENGLISH].original_changed == TODAY


def test_the_files_on_disk_are_the_last_change(repo: Repo) -> None:
    # `mkdocs serve` while editing: the French changed, not committed yet.
    repo.edit(FRENCH, "30 pays membres", "32 pays membres")
    state = repo.state()
    assert set(state.behind) == {ENGLISH}
    assert state.updated[FRENCH] == TODAY
    repo.edit(ENGLISH, "30 member countries", "32 member countries")
    assert repo.state().behind == {}


def test_a_new_translation_translates_the_french_as_it_is(repo: Repo) -> None:
    repo.write("about.md", "# À propos\n\nUn site.\n")
    repo.commit("About, in French", date(2026, 2, 1))
    repo.edit("about.md", "Un site.", "Un site bilingue.")
    repo.commit("About, more", date(2026, 2, 2))
    repo.write("about.en.md", "# About\n\nA bilingual site.\n")
    repo.commit("About, in English", date(2026, 2, 3))
    assert repo.state().behind == {}


def test_without_history_there_is_no_state(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "faq").mkdir(parents=True)
    (docs / FRENCH).write_text(FRENCH_TEXT, encoding="utf-8")
    state = read_state(docs, LANGUAGES, site_markdown(), TODAY)
    assert state.missing == "No git repository" and state.behind == {} and state.updated == {}


def test_a_shallow_clone_has_no_state(repo: Repo, tmp_path: Path) -> None:
    change_the_french(repo, date(2026, 2, 1))
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", repo.path.as_uri(), str(clone)],
        check=True,
        capture_output=True,
    )
    state = read_state(clone / "docs", LANGUAGES, site_markdown(), TODAY)
    assert state.missing == "Shallow git clone" and state.behind == {}


def test_the_french_a_translation_behind_translates_is_what_its_parity_is_checked_against(repo: Repo) -> None:
    change_the_french(repo, date(2026, 2, 1))
    state = repo.state()
    translated = translated_french(state, ENGLISH, LANGUAGES, site_markdown())
    assert translated is not None
    source, rendered = translated
    assert source.src_uri == FRENCH and source.text == FRENCH_TEXT
    assert "30 pays membres" in rendered.html

    def page(src_uri: str, text: str):
        source = MarkdownPage.parse(src_uri, text, LANGUAGES)
        return parity_page(source, site_markdown().rendered(source))

    english = page(ENGLISH, repo.read(ENGLISH))
    assert compare(parity_page(source, rendered), english, LANGUAGES) == []
    (problem,) = compare(page(FRENCH, repo.read(FRENCH)), english, LANGUAGES)
    assert "the figure “32”" in problem.message
    # Up to date: nothing to substitute.
    translate(repo, date(2026, 2, 2))
    assert translated_french(repo.state(), ENGLISH, LANGUAGES, site_markdown()) is None

"""NATO's 2022 text is the edition's record: each page says whether it is still that text.

record/nato-2022.fr.txt is NATO's French page as published in 2022. The build
compares each French page with it (src/faq_site/readers/provenance.py): a page that
still says exactly its part of the record is "NATO's text"; a page changed
since is "adapted", with its last change and a link to its history. English
pages follow their French version. Editors may change any page: these tests
check the states, not today's text.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from site_settings import read_config, record_setting

from faq_site.readers import provenance

from conftest import DEFAULT_LANGUAGE, PROJECT, BuildResult, Site, build_many, copy_project, counterpart

CONFIG = read_config(PROJECT)
STRINGS = CONFIG["extra"]["strings"]
RECORD_SETTING = record_setting(PROJECT)
RECORD = provenance.read_record((PROJECT / RECORD_SETTING).read_text(encoding="utf-8"))
# Material's own additions to the article, not the page's text.
NOT_TEXT = ".faq-provenance, .md-source-file, .md-content__button, template, script"


def test_the_record_is_natos_whole_page() -> None:
    # The record never changes: an introduction and nine questions, each
    # question with its learn-more titles.
    assert len(RECORD) == 10
    assert RECORD[0][0] == "Réponse de l'OTAN à l'invasion de l'Ukraine par la Russie"
    assert all(provenance.LEARN_MORE in section for section in RECORD[1:])
    assert sum(len(section) for section in RECORD) > 70


def test_the_record_is_not_published(site: Site) -> None:
    assert not list(site.root.rglob(Path(RECORD_SETTING).name))


def stated(soup: BeautifulSoup) -> str | None:
    """The state a built page shows readers, checked against its language's strings."""
    aside = soup.select_one("aside.faq-provenance")
    if aside is None:
        return None
    language = soup.html["lang"]
    # Its first paragraph; the next ones give the date, history and About links.
    text = " ".join(aside.find("p").get_text(" ").split())
    natos = " ".join(BeautifulSoup(STRINGS[language]["provenance"], "html.parser").get_text(" ").split())
    adapted = " ".join(
        BeautifulSoup(STRINGS[language]["provenance_adapted"], "html.parser").get_text(" ").split()
    )
    if text == natos:
        return provenance.NATO
    assert text.startswith(adapted), text
    assert aside.find("a", href=re.compile(r"/commits/")), "an adapted page links to its history"
    return provenance.ADAPTED


def expected_state(soup: BeautifulSoup) -> str | None:
    """The state the record gives a French page's rendered text."""
    article = BeautifulSoup(str(soup.find("article")), "html.parser")
    for element in article.select(NOT_TEXT):
        element.decompose()
    return provenance.state_of(provenance.page_sentences(str(article)), RECORD)


def from_natos_text(url_path: str) -> bool:
    """The home page and the questions come from NATO's text; the site's own pages (About) do not."""
    path = url_path.removeprefix("en/").strip("/").removeprefix(".")
    return path == "" or path == "faq" or path.startswith("faq/")


def test_every_page_states_its_provenance_consistently_with_the_record(site: Site) -> None:
    french = {page.url_path: page for page in site.pages_in(DEFAULT_LANGUAGE)}
    states = {}
    for url_path, page in french.items():
        if url_path == "faq/":  # all questions: NATO's while every question is
            continue
        states[url_path] = stated(page.soup)
        assert states[url_path] == expected_state(page.soup), page.path
        if from_natos_text(url_path):
            assert states[url_path] in {provenance.NATO, provenance.ADAPTED}, page.path
    questions = [state for url_path, state in states.items() if url_path.startswith("faq/")]
    all_natos = all(state == provenance.NATO for state in questions)
    assert stated(french["faq/"].soup) == (provenance.NATO if all_natos else provenance.ADAPTED)
    for page in site.pages_in("en"):
        assert stated(page.soup) == stated(french[counterpart(page.url_path)].soup), page.path


# --- Both states, in a copy --------------------------------------------------


def git(project: Path, *args: str, day: str) -> None:
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    identity = ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=project, env=env, check=True, capture_output=True)


def first_paragraph(text: str) -> str:
    """The first paragraph of the answer: the first line after the H1 that is text."""
    body = text.split("\n# ", 1)[1]
    return next(line for line in body.splitlines()[1:] if line.strip() and line[0].isalpha())


def split_sentences(paragraph: str) -> list[str]:
    return re.split(r"(?<=\.)\s+", paragraph.strip())


def site_states(site: Site) -> dict[str, str | None]:
    """The state each page of the project's own site states, by address (as built_states names them)."""
    return {page.url_path.rstrip("/") or ".": stated(page.soup) for page in site.pages}


def a_question(project: Path, states: dict[str, str | None]) -> str:
    """A French question to edit, whatever the pages say today: one still NATO's text if any is, so
    that an edit can change its state; among those, the one whose first paragraph has the most
    sentences."""
    questions = [
        path
        for path in (project / "docs" / "faq").glob("*.md")
        if not path.name.endswith(".en.md") and path.name != "index.md"
    ]
    best = max(
        questions,
        key=lambda path: (
            states.get(f"faq/{path.stem}") == provenance.NATO,
            len(split_sentences(first_paragraph(path.read_text()))),
            path.name,
        ),
    )
    return best.stem


EDITS = {
    # No figure: the English would then lack it, which translation_parity.py reports.
    "an added word": lambda paragraph: paragraph.rstrip(".") + " désormais.",
    "an added sentence": lambda paragraph: paragraph + " Une phrase de plus.",
    "a removed sentence": lambda paragraph: " ".join(split_sentences(paragraph)[:-1]),
}


def edit_french_answer(project: Path, name: str, edit) -> None:
    path = project / "docs" / "faq" / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    paragraph = first_paragraph(text)
    path.write_text(text.replace(paragraph, edit(paragraph), 1), encoding="utf-8")


def built_states(site_dir: Path) -> dict[str, tuple[str | None, BeautifulSoup]]:
    pages = {}
    for path in sorted(site_dir.rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        pages[path.parent.relative_to(site_dir).as_posix()] = (stated(soup), soup)
    return pages


# Each test's copy, prepared, then all built at once, in-process (conftest's build_many).


def with_typography_alone(project: Path, before: dict[str, str | None]) -> str:
    # Plain or typographic characters, extra spaces.
    name = a_question(project, before)
    edit_french_answer(project, name, lambda paragraph: paragraph.replace("'", "’").replace(" ", "  "))
    return name


def with_an_edit_in_history(edit: str) -> Callable[[Path, dict[str, str | None]], str]:
    def prepare(project: Path, before: dict[str, str | None]) -> str:
        git(project, "init", "-q", "-b", "main", day="2025-03-01")
        git(project, "add", "-A", day="2025-03-01")
        git(project, "commit", "-q", "-m", "The project's text", day="2025-03-01")
        name = a_question(project, before)
        edit_french_answer(project, name, EDITS[edit])
        git(project, "commit", "-q", "-am", "An editor's change", day="2026-01-15")
        return name

    return prepare


def with_an_edit_without_history(project: Path, before: dict[str, str | None]) -> str:
    name = a_question(project, before)
    edit_french_answer(project, name, EDITS["an added sentence"])
    return name


NOTES = {".md": " *(Précision de ce site.)*{.faq-note}", ".en.md": " *(This site's own remark.)*{.faq-note}"}


def with_a_site_note(project: Path, before: dict[str, str | None]) -> str:
    # A remark of the site's own beside NATO's text, marked as such, in both languages.
    name = a_question(project, before)
    for suffix, note in NOTES.items():
        path = project / "docs" / "faq" / f"{name}{suffix}"
        text = path.read_text(encoding="utf-8")
        paragraph = first_paragraph(text)
        path.write_text(text.replace(paragraph, paragraph + note, 1), encoding="utf-8")
    return name


def without_the_record(project: Path, before: dict[str, str | None]) -> str:
    (project / RECORD_SETTING).unlink()
    return ""


def with_a_record_setting_that_is_not_a_path(project: Path, before: dict[str, str | None]) -> str:
    config = project / "mkdocs.yml"
    setting = f"record: {RECORD_SETTING}"
    config.write_text(config.read_text(encoding="utf-8").replace(setting, "record: [x]"), encoding="utf-8")
    return ""


COPIES = {
    "typography alone": with_typography_alone,
    "a site note": with_a_site_note,
    **{f"edited: {edit}": with_an_edit_in_history(edit) for edit in EDITS},
    "edited without history": with_an_edit_without_history,
    "no record": without_the_record,
    "record setting not a path": with_a_record_setting_that_is_not_a_path,
}


@dataclass(frozen=True)
class Copy:
    question: str  # the question the copy edits ("" if none)
    site: Path
    result: BuildResult


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory, site: Site) -> dict[str, Copy]:
    before = site_states(site)
    root = tmp_path_factory.mktemp("fidelity")
    prepared = {}
    for index, (name, prepare) in enumerate(COPIES.items()):
        project = copy_project(root / str(index))
        prepared[name] = (project, prepare(project, before))
    results = build_many([project for project, _ in prepared.values()], root / "sites")
    return {
        name: Copy(question, root / "sites" / str(index), results[project])
        for index, (name, (project, question)) in enumerate(prepared.items())
    }


def test_typography_alone_keeps_natos_text(copies: dict[str, Copy], site: Site) -> None:
    # Every page keeps the state it has in the project (NATO's text stays NATO's text), whatever
    # the pages say today.
    before = site_states(site)
    copy = copies["typography alone"]
    result = copy.result
    assert result.returncode == 0, result.output
    states = {address: state for address, (state, _) in built_states(copy.site).items()}
    assert states == before


def test_a_note_of_the_sites_own_keeps_natos_text(copies: dict[str, Copy], site: Site) -> None:
    # `*(…)*{.faq-note}` is the site's remark, shown to readers, never taken for NATO's words.
    copy = copies["a site note"]
    assert copy.result.returncode == 0, copy.result.output
    pages = built_states(copy.site)
    assert {address: state for address, (state, _) in pages.items()} == site_states(site)
    for address in (f"faq/{copy.question}", f"en/faq/{copy.question}"):
        assert pages[address][1].select_one("article em.faq-note"), address


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_edited_french_page_and_its_twin_become_adapted(
    copies: dict[str, Copy], edit: str, site: Site
) -> None:
    before = site_states(site)
    copy = copies[f"edited: {edit}"]
    name, result = copy.question, copy.result
    assert result.returncode == 0, result.output
    pages = built_states(copy.site)
    # The edited page, its twin and the all-questions page are adapted; every other page keeps the
    # state it has in the project (the pages of NATO's text that editors left alone stay NATO's).
    adapted = {f"faq/{name}", f"en/faq/{name}", "faq", "en/faq"}
    assert set(pages) == set(before)
    for address, (state, _) in pages.items():
        assert state == (provenance.ADAPTED if address in adapted else before[address]), address
    repo = CONFIG["repo_url"] if isinstance(CONFIG["repo_url"], str) else None
    for address, suffix, day, text in (
        (f"faq/{name}", ".md", "2026-01-15", "15 janvier 2026"),
        (f"en/faq/{name}", ".en.md", "2025-03-01", "1 March 2025"),
    ):
        aside = pages[address][1].select_one("aside.faq-provenance")
        time = aside.find("time")
        assert (time["datetime"], time.get_text()) == (day, text), address
        history = aside.find("a", href=re.compile("/commits/"))["href"]
        assert history.endswith(f"/commits/main/docs/faq/{name}{suffix}"), history
        assert repo is None or history.startswith(repo)
    # The all-questions page: the questions' folder, and their latest change.
    aside = pages["faq"][1].select_one("aside.faq-provenance")
    assert aside.find("time")["datetime"] == "2026-01-15"
    assert aside.find("a", href=re.compile("/commits/"))["href"].endswith("/commits/main/docs/faq")


def test_without_git_history_an_adapted_page_has_no_date(copies: dict[str, Copy]) -> None:
    copy = copies["edited without history"]
    name, result = copy.question, copy.result
    assert result.returncode == 0, result.output
    state, soup = built_states(copy.site)[f"faq/{name}"]
    assert state == provenance.ADAPTED
    assert soup.select_one("aside.faq-provenance time") is None


def test_a_missing_record_stops_the_build(copies: dict[str, Copy]) -> None:
    result = copies["no record"].result
    assert result.returncode != 0
    assert (
        "mkdocs.yml: plugins.faq.record: cannot read nato-2022.fr.txt (FileNotFoundError)." in result.output
    )
    assert "Traceback" not in result.output


def test_a_record_setting_that_is_not_a_path_stops_the_build(copies: dict[str, Copy]) -> None:
    result = copies["record setting not a path"].result
    assert result.returncode != 0
    assert (
        "Config value 'plugins': Plugin 'faq' option 'record': Expected type: <class 'str'> but received: "
        "<class 'list'>" in result.output
    )
    assert "Traceback" not in result.output

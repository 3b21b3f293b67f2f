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
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from faq_site.readers import provenance

from conftest import DEFAULT_LANGUAGE, PROJECT, Site, build, counterpart


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with `!ENV [NAME, default]` read as its default, and `!ENV NAME` as None."""


_ConfigLoader.add_constructor(
    "!ENV",
    lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None,
)
CONFIG = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
STRINGS = CONFIG["extra"]["strings"]
# The faq plugin's settings (`plugins: - faq: {record: …}`).
SETTINGS = next(entry["faq"] for entry in CONFIG["plugins"] if isinstance(entry, dict) and "faq" in entry)
RECORD = provenance.read_record((PROJECT / SETTINGS["record"]).read_text(encoding="utf-8"))
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
    assert not list(site.root.rglob(Path(SETTINGS["record"]).name))


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


def a_question(project: Path) -> str:
    """The French question whose first paragraph has the most sentences (whatever the pages say today)."""
    questions = [
        path
        for path in (project / "docs" / "faq").glob("*.md")
        if not path.name.endswith(".en.md") and path.name != "index.md"
    ]
    best = max(
        questions, key=lambda path: (len(split_sentences(first_paragraph(path.read_text()))), path.name)
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


def test_typography_alone_keeps_natos_text(project_copy: Path, tmp_path: Path) -> None:
    # Plain or typographic characters, extra spaces: still NATO's text.
    name = a_question(project_copy)
    edit_french_answer(project_copy, name, lambda paragraph: paragraph.replace("'", "’").replace(" ", "  "))
    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    states = {address: state for address, (state, _) in built_states(tmp_path / "site").items()}
    assert {state for address, state in states.items() if from_natos_text(f"{address}/")} == {provenance.NATO}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_edited_french_page_and_its_twin_become_adapted(
    project_copy: Path, tmp_path: Path, edit: str
) -> None:
    git(project_copy, "init", "-q", "-b", "main", day="2029-03-01")
    git(project_copy, "add", "-A", day="2029-03-01")
    git(project_copy, "commit", "-q", "-m", "NATO's text", day="2029-03-01")
    name = a_question(project_copy)
    edit_french_answer(project_copy, name, EDITS[edit])
    git(project_copy, "commit", "-q", "-am", "An editor's change", day="2030-01-15")

    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    pages = built_states(tmp_path / "site")
    adapted = {f"faq/{name}", f"en/faq/{name}", "faq", "en/faq"}
    for address, (state, _) in pages.items():
        if not from_natos_text(f"{address}/"):
            assert state is None, address
            continue
        assert state == (provenance.ADAPTED if address in adapted else provenance.NATO), address
    repo = CONFIG["repo_url"] if isinstance(CONFIG["repo_url"], str) else None
    for address, suffix, day, text in (
        (f"faq/{name}", ".md", "2030-01-15", "15 janvier 2030"),
        (f"en/faq/{name}", ".en.md", "2029-03-01", "1 March 2029"),
    ):
        aside = pages[address][1].select_one("aside.faq-provenance")
        time = aside.find("time")
        assert (time["datetime"], time.get_text()) == (day, text), address
        history = aside.find("a", href=re.compile("/commits/"))["href"]
        assert history.endswith(f"/commits/main/docs/faq/{name}{suffix}"), history
        assert repo is None or history.startswith(repo)
    # The all-questions page: the questions' folder, and their latest change.
    aside = pages["faq"][1].select_one("aside.faq-provenance")
    assert aside.find("time")["datetime"] == "2030-01-15"
    assert aside.find("a", href=re.compile("/commits/"))["href"].endswith("/commits/main/docs/faq")


def test_without_git_history_an_adapted_page_has_no_date(project_copy: Path, tmp_path: Path) -> None:
    name = a_question(project_copy)
    edit_french_answer(project_copy, name, EDITS["an added sentence"])
    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    state, soup = built_states(tmp_path / "site")[f"faq/{name}"]
    assert state == provenance.ADAPTED
    assert soup.select_one("aside.faq-provenance time") is None


def test_a_missing_record_stops_the_build(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / SETTINGS["record"]).unlink()
    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode != 0
    assert (
        "mkdocs.yml: plugins.faq.record: cannot read nato-2022.fr.txt (FileNotFoundError)." in result.output
    )
    assert "Traceback" not in result.output


def test_a_record_setting_that_is_not_a_path_stops_the_build(project_copy: Path, tmp_path: Path) -> None:
    config = project_copy / "mkdocs.yml"
    setting = f"record: {SETTINGS['record']}"
    config.write_text(config.read_text(encoding="utf-8").replace(setting, "record: [x]"), encoding="utf-8")
    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode != 0
    assert (
        "Config value 'plugins': Plugin 'faq' option 'record': Expected type: <class 'str'> but received: "
        "<class 'list'>" in result.output
    )
    assert "Traceback" not in result.output

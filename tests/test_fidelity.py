"""NATO's 2022 text is the edition's record: each page says whether it is still that text.

The site's record (the faq plugin's `record`) is NATO's French page as published in 2022. The
build compares each French page with it (src/faq_site/readers/provenance.py): a page that still
says exactly its part of the record is "NATO's text"; a page changed since is "adapted", with its
last change and a link to its history. English pages follow their French version. The tests' FAQ
site (tests/fixture/) has its own record, and pages of both states.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixture_site import FIXTURE, commit, copy_fixture, site_root
from page_editing import SourcePage, questions
from site_settings import read_config, record_setting

from faq_site.checks.compare_text import sentences
from faq_site.checks.rendered import read_page
from faq_site.readers import provenance, provenance_labels

from conftest import DEFAULT_LANGUAGE, BuildResult, Site, build_many, counterpart

CONFIG = read_config(FIXTURE)
RECORD_SETTING = record_setting(FIXTURE)
RECORD = provenance.read_record((FIXTURE / RECORD_SETTING).read_text(encoding="utf-8"))
# Material's own additions to the article, not the page's text.
NOT_TEXT = ".faq-provenance, .md-source-file, .md-content__button, template, script"


def test_the_record_is_read_by_sections() -> None:
    # The fixture's record, in NATO's record format: its title and introduction, then seven
    # questions, each with its learn-more titles.
    assert len(RECORD) == 8
    assert RECORD[0][0] == "Réponse de l'OTAN à l'invasion de l'Ukraine par la Russie"
    assert all(provenance.LEARN_MORE in section for section in RECORD[1:])


def test_the_record_is_not_published(fixture_site: Site) -> None:
    assert not list(fixture_site.root.rglob(Path(RECORD_SETTING).name))


def stated(soup: BeautifulSoup) -> str | None:
    """The state a built page shows readers, checked against its language's strings."""
    aside = soup.select_one("aside.faq-provenance")
    if aside is None:
        return None
    language = soup.html["lang"]
    # Its first paragraph; the next ones give the date, history and About links.
    text = " ".join(aside.find("p").get_text(" ").split())
    labels = provenance_labels.LABELS[language]
    natos = " ".join(BeautifulSoup(labels.nato, "html.parser").get_text(" ").split())
    adapted = " ".join(BeautifulSoup(labels.adapted, "html.parser").get_text(" ").split())
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
    # What the article holds, as the build reads a page's content (the `<article>` is the template's).
    return provenance.page_state(read_page(article.find("article").decode_contents(), "fr"), RECORD)


def from_natos_text(url_path: str) -> bool:
    """The home page and the questions come from NATO's text; the site's own pages (About) do not."""
    path = url_path.removeprefix("en/").strip("/").removeprefix(".")
    return path == "" or path == "faq" or path.startswith("faq/")


def test_every_page_states_its_provenance_consistently_with_the_record(fixture_site: Site) -> None:
    french = {page.url_path: page for page in fixture_site.pages_in(DEFAULT_LANGUAGE)}
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
    for page in fixture_site.pages_in("en"):
        assert stated(page.soup) == stated(french[counterpart(page.url_path)].soup), page.path


# --- Both states, in a copy --------------------------------------------------


def site_states(site: Site) -> dict[str, str | None]:
    """The state each page of the project's own site states, by address (as built_states names them)."""
    return {page.url_path.rstrip("/") or ".": stated(page.soup) for page in site.pages}


def natos_questions(project: Path, states: dict[str, str | None]) -> list[SourcePage]:
    """The French questions still NATO's text (so that an edit can change their state), those whose
    answer's first paragraph has the most sentences first."""
    return sorted(
        (page for page in questions(project / "docs") if states.get(f"faq/{page.slug}") == provenance.NATO),
        key=lambda page: (-len(sentences(page.answer_text())), page.slug),
    )


EDITS = {
    # No figure: the English would then lack it, which translation_parity.py reports.
    "an added word": lambda paragraph: paragraph.rstrip(".") + " désormais.",
    "an added sentence": lambda paragraph: paragraph + " Une phrase de plus.",
    "a removed sentence": lambda paragraph: " ".join(sentences(paragraph)[:-1]),
}
NOTES = {"fr": " *(Précision de ce site.)*{.faq-note}", "en": " *(This site's own remark.)*{.faq-note}"}


def edit_french_answer(page: SourcePage, edit: Callable[[str], str]) -> None:
    """The answer's first paragraph, edited as one line."""
    span = page.first_paragraph()
    lines = page.lines()
    lines[span.first - 1 : span.last] = [edit(page.text(span))]
    page.write(lines)


def built_states(site_dir: Path) -> dict[str, tuple[str | None, BeautifulSoup]]:
    """The state each page of a built copy states, by address (as site_states names them)."""
    site = Site(site_dir, "", "")
    return {page.url_path.rstrip("/") or ".": (stated(page.soup), page.soup) for page in site.pages}


# Two copies, each with changes on questions of their own, built at once, in-process (conftest's
# build_many): one without git history (changes that keep NATO's text, and an edit without history),
# one in a git repository (tests/fixture_site.py: everything committed on 1 March 2024), where an
# editor's change of each kind is committed on 15 January 2025. And two copies whose record setting
# is wrong, which stop before any page.

KEPT = ("typography alone", "a site note", "edited without history")


def without_history(project: Path, before: dict[str, str | None]) -> dict[str, str]:
    typography, note, edited = natos_questions(project, before)[:3]
    # Plain or typographic characters, extra spaces.
    edit_french_answer(typography, lambda paragraph: paragraph.replace("'", "’").replace(" ", "  "))
    # A remark of the site's own beside NATO's text, marked as such, in both languages.
    for page in (note, note.twin):
        page.append_to_answer(NOTES[page.language])
    edit_french_answer(edited, EDITS["an added sentence"])
    return dict(zip(KEPT, (typography.slug, note.slug, edited.slug), strict=True))


def with_history(project: Path, before: dict[str, str | None]) -> dict[str, str]:
    pages = natos_questions(project, before)[: len(EDITS)]
    for page, edit in zip(pages, EDITS.values(), strict=True):
        edit_french_answer(page, edit)
    commit(site_root(project), "An editor's change", "2025-01-15T12:00:00+00:00")
    return {f"edited: {name}": page.slug for name, page in zip(EDITS, pages, strict=True)}


def without_the_record(project: Path, before: dict[str, str | None]) -> dict[str, str]:
    (project / RECORD_SETTING).unlink()
    return {"no record": ""}


def with_a_record_setting_that_is_not_a_path(project: Path, before: dict[str, str | None]) -> dict[str, str]:
    config = project / "mkdocs.yml"
    setting = f"record: {RECORD_SETTING}"
    config.write_text(config.read_text(encoding="utf-8").replace(setting, "record: [x]"), encoding="utf-8")
    return {"record setting not a path": ""}


def with_an_edited_record(project: Path, before: dict[str, str | None]) -> dict[str, str]:
    # A pull request that edits the record with a page would keep NATO's label on changed words.
    record = project / RECORD_SETTING
    record.write_bytes(record.read_bytes() + b"Une phrase de plus.\n")
    return {"record edited": ""}


# Each copy: how it is prepared (it returns the question each of its changes was made on, by the
# change's name), and whether it is a git repository.
COPIES = [
    (without_history, False),
    (with_history, True),
    (without_the_record, False),
    (with_a_record_setting_that_is_not_a_path, False),
    (with_an_edited_record, False),
]


@dataclass(frozen=True)
class Copy:
    question: str  # the question the change was made on ("" if none)
    site: Path
    result: BuildResult
    changed: frozenset[str]  # every question its copy changed


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory, fixture_site: Site) -> dict[str, Copy]:
    """Each change's copy, by the change's name."""
    before = site_states(fixture_site)
    root = tmp_path_factory.mktemp("fidelity")
    prepared = []
    for index, (prepare, git) in enumerate(COPIES):
        project = copy_fixture(root / str(index), git=git)
        prepared.append((project, prepare(project, before)))
    results = build_many([project for project, _ in prepared], root / "sites")
    return {
        name: Copy(question, root / "sites" / str(index), results[project], frozenset(made.values()))
        for index, (project, made) in enumerate(prepared)
        for name, question in made.items()
    }


def kept_states(copy: Copy, before: dict[str, str | None]) -> None:
    """Every page but the questions its copy edited (and "all questions", which joins them) states
    what it states in the fixture."""
    adapted = {f"{prefix}faq/{name}" for name in copy.changed for prefix in ("", "en/")} | {"faq", "en/faq"}
    pages = built_states(copy.site)
    assert set(pages) == set(before)
    for address, (state, _) in pages.items():
        assert state == (provenance.ADAPTED if address in adapted else before[address]), address


def test_typography_alone_keeps_natos_text(copies: dict[str, Copy], fixture_site: Site) -> None:
    copy = copies["typography alone"]
    assert copy.result.returncode == 0, copy.result.output
    # The page keeps the state it has in the fixture: NATO's text stays NATO's text.
    pages, before = built_states(copy.site), site_states(fixture_site)
    for address in (f"faq/{copy.question}", f"en/faq/{copy.question}"):
        assert pages[address][0] == before[address] == provenance.NATO, address


def test_a_remark_of_the_sites_own_in_the_answer_makes_it_adapted(
    copies: dict[str, Copy], fixture_site: Site
) -> None:
    # `*(…)*{.faq-note}` is the site's remark, shown to readers: in the answer, its words are read with
    # NATO's (a remark can reverse them), so the page is no longer NATO's text alone. Beside a
    # learn-more link, about its address, it keeps NATO's text (the fixture has one: test_provenance_reading).
    copy = copies["a site note"]
    assert copy.result.returncode == 0, copy.result.output
    pages = built_states(copy.site)
    before = site_states(fixture_site)
    for address in (f"faq/{copy.question}", f"en/faq/{copy.question}"):
        assert before[address] == provenance.NATO, address
        assert pages[address][0] == provenance.ADAPTED, address
        assert pages[address][1].select_one("article em.faq-note"), address


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_an_edited_french_page_and_its_twin_become_adapted(
    copies: dict[str, Copy], edit: str, fixture_site: Site
) -> None:
    copy = copies[f"edited: {edit}"]
    name, result = copy.question, copy.result
    assert result.returncode == 0, result.output
    # The edited pages, their twins and the all-questions page are adapted; every other page keeps
    # the state it has in the fixture (the pages of NATO's text that editors left alone stay NATO's).
    kept_states(copy, site_states(fixture_site))
    pages = built_states(copy.site)
    repo = CONFIG["repo_url"] if isinstance(CONFIG["repo_url"], str) else None
    for address, suffix, day, text in (
        (f"faq/{name}", ".md", "2025-01-15", "15 janvier 2025"),
        (f"en/faq/{name}", ".en.md", "2024-03-01", "1 March 2024"),
    ):
        aside = pages[address][1].select_one("aside.faq-provenance")
        time = aside.find("time")
        assert (time["datetime"], time.get_text()) == (day, text), address
        history = aside.find("a", href=re.compile("/commits/"))["href"]
        assert history.endswith(f"/commits/main/docs/faq/{name}{suffix}"), history
        assert repo is None or history.startswith(repo)
    # The all-questions page: the questions' folder, and their latest change.
    aside = pages["faq"][1].select_one("aside.faq-provenance")
    assert aside.find("time")["datetime"] == "2025-01-15"
    assert aside.find("a", href=re.compile("/commits/"))["href"].endswith("/commits/main/docs/faq")


def test_without_git_history_an_adapted_page_has_no_date(copies: dict[str, Copy], fixture_site: Site) -> None:
    copy = copies["edited without history"]
    name, result = copy.question, copy.result
    assert result.returncode == 0, result.output
    state, soup = built_states(copy.site)[f"faq/{name}"]
    assert state == provenance.ADAPTED
    assert soup.select_one("aside.faq-provenance time") is None
    # The other change that keeps NATO's text (typography) does; the remark in the answer adapts its page.
    noted = copies["a site note"].question
    kept_states(Copy(name, copy.site, result, frozenset({name, noted})), site_states(fixture_site))


def test_a_missing_record_stops_the_build(copies: dict[str, Copy]) -> None:
    result = copies["no record"].result
    assert result.returncode != 0
    assert (
        f"mkdocs.yml: plugins.faq.record: cannot read {Path(RECORD_SETTING).name} (FileNotFoundError)."
        in result.output
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


def test_an_edited_record_stops_the_build_unless_record_changes_lists_it(copies: dict[str, Copy]) -> None:
    copy = copies["record edited"]
    assert copy.result.returncode != 0
    record = (FIXTURE / RECORD_SETTING).read_bytes()
    listed = hashlib.sha256(record).hexdigest()
    actual = hashlib.sha256(record + b"Une phrase de plus.\n").hexdigest()
    assert (
        f"{RECORD_SETTING}: differs from its last version in record/CHANGES (SHA-256 {actual}, listed "
        f"{listed}). NATO's record is never edited: put the file back as it was. If it was copied wrongly "
        "from NATO's page, a developer adds a line to record/CHANGES with the file's name, its new SHA-256 "
        'and why (CONTRIBUTING.md, "NATO\'s record").' in copy.result.output
    ), copy.result.output
    assert "Traceback" not in copy.result.output

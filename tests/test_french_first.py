"""French first: a French-only change publishes at once, its English page says it is behind, and every
place that tells which translations are behind tells the same.

A copy of the tests' FAQ site is a git repository (tests/fixture_site.py: one commit of 1 March
2024). One later commit changes four French questions only: a new figure, a new date, a new
paragraph, two new sentences (far longer than the English paragraph). Each would stop the build if
the English were compared with the new French; it is compared with the French it translates
(readers/translated_french.py), so the build passes, the four English pages show the notice and
the build lists them. In another copy, the next commit translates the four changes: no notice, and
the English pages are compared with the new French again. The same French changes without any
history are compared with the new French, and refused. And the last step of an editor's year
(../shared/tools/real-edits): a French-only sentence with a date and a figure, committed alone.

The translations behind are told in five places: the pages' notices, the build's INFO lines,
scripts/outdated_translations.py, its job-summary section, and the review report's reading of the
built pages (scripts/review.py). They must all name the same pages; one test makes them disagree
on purpose and checks that the comparison fails.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixture_site import FIRST_COMMIT_DATE, FIXTURE, commit, copy_fixture, run_git, site_root
from page_editing import SourcePage, questions

from conftest import PROJECT, BuildResult, build_many

SITE_URL = "http://127.0.0.1:8000/"
CHANGED = "2025-02-01T12:00:00+00:00"  # after the copy's first commit, before any build
TRANSLATED = "2025-02-03T12:00:00+00:00"
INFO_WORDS = "changed after this translation"


def load_review():
    spec = importlib.util.spec_from_file_location("review", PROJECT / "scripts" / "review.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["review"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


review = load_review()


@dataclass(frozen=True)
class Change:
    name: str
    french: str  # what the French answer gets
    english: str  # and its translation
    new_paragraph: bool  # a paragraph of its own, or appended to the first one


TWO_SENTENCES_FR = (
    " Les Alliés ont depuis renforcé leur présence sur le flanc est de l'Alliance, avec des groupements"
    " tactiques multinationaux déployés de la Baltique à la mer Noire. Ils ont aussi augmenté leurs"
    " dépenses de défense, comme ils s'y étaient engagés lors des sommets successifs de l'Alliance."
)
TWO_SENTENCES_EN = (
    " Allies have since reinforced their presence on the Alliance's eastern flank, with multinational"
    " battlegroups deployed from the Baltic to the Black Sea. They have also increased their defence"
    " spending, as they committed to at the Alliance's successive summits."
)
CHANGES = [  # to the questions whose first paragraph is the shortest first: the sentences lengthen it most
    Change("two sentences", TWO_SENTENCES_FR, TWO_SENTENCES_EN, False),
    Change("a figure", " L'Alliance compte 32 membres.", " The Alliance has 32 members.", False),
    Change("a date", " Depuis le 7 mars 2024.", " Since 7 March 2024.", False),
    Change(
        "a paragraph",
        "Les Alliés se réunissent chaque année en sommet.",
        "Allies meet every year at a summit.",
        True,
    ),
]


def french_questions(docs: Path) -> list[SourcePage]:
    """The French questions to change, one per change, the shortest first paragraph first."""
    return sorted(questions(docs), key=lambda page: (len(page.answer_text()), page.rel))[: len(CHANGES)]


def apply(page: SourcePage, change: Change) -> None:
    text = change.french if page.language == "fr" else change.english
    if change.new_paragraph:
        page.after_answer(text)
    else:
        page.append_to_answer(text)


def change(pages: list[SourcePage]) -> None:
    """Makes every change, one to each page (French questions, or their translations)."""
    for page, item in zip(pages, CHANGES, strict=True):
        apply(page, item)


def repository(root: Path, translated: bool) -> Path:
    """The fixture committed, then the French changes; then their translation, if `translated`."""
    project = copy_fixture(root, git=True)
    chosen = french_questions(project / "docs")
    change(chosen)
    commit(root, "Urgent French corrections", CHANGED)
    if translated:
        change([page.twin for page in chosen])
        commit(root, "Translate them", TRANSLATED)
    return project


def real_edits_last_step(root: Path) -> Path:
    """As ../shared/tools/real-edits ends: a French-only sentence with a date and a figure, committed
    alone, after the English pages' own last change."""
    project = copy_fixture(root, git=True)
    page = questions(project / "docs")[-1]
    page.append_to_answer(" Le 4 avril 2024, l'Alliance comptait 32 pays membres.")
    commit(root, "Précision (français d'abord)", CHANGED)
    return project


@dataclass(frozen=True)
class Built:
    project: Path
    site: Path
    result: BuildResult


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    folder = tmp_path_factory.mktemp("french-first")
    projects = {
        "behind": repository(folder / "behind", translated=False),
        "translated": repository(folder / "translated", translated=True),
        "no history": copy_fixture(folder / "no-history"),
        "real edits": real_edits_last_step(folder / "real-edits"),
    }
    change(french_questions(projects["no history"] / "docs"))
    results = build_many(list(projects.values()), folder / "sites", SITE_URL)
    sites = {project: folder / "sites" / str(index) for index, project in enumerate(projects.values())}
    return {name: Built(project, sites[project], results[project]) for name, project in projects.items()}


def expected_behind() -> set[str]:
    """The translations of the questions the changes go to, chosen on the fixture as it is."""
    return {page.twin.rel for page in french_questions(FIXTURE / "docs")}


@dataclass(frozen=True)
class Told:
    """The English files each place says are behind."""

    notices: set[str]
    build: set[str]
    script: set[str]
    summary: set[str]
    review: set[str]


def src_uri_of(path: str) -> str:
    """`en/faq/x/` -> `faq/x.en.md`, for a question page."""
    return path.removeprefix("en/").rstrip("/") + ".en.md"


def outdated_translations(project: Path, *args: str) -> str:
    """scripts/outdated_translations.py on a project, as CI runs it on the site."""
    process = subprocess.run(
        [sys.executable, str(PROJECT / "scripts/outdated_translations.py")]
        + ["--config-file", str(project / "mkdocs.yml"), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return process.stdout


def told(built: Built) -> Told:
    def files(lines: list[str], prefix: str = "") -> set[str]:
        return {
            line.removeprefix(prefix).split(":", 1)[0].removeprefix("docs/")
            for line in lines
            if INFO_WORDS in line
        }

    site = review.read_site(built.site)
    notices = set()
    for path in built.site.rglob("index.html"):
        page = review.read_page(built.site, path, {})
        if isinstance(page, review.PageView) and page.behind and page.language == "en":
            notices.add(src_uri_of(page.path))
    return Told(
        notices=notices,
        build={
            line.split("-  ", 1)[1].split(":", 1)[0].removeprefix("docs/")
            for line in built.result.output.splitlines()
            if line.startswith("INFO") and INFO_WORDS in line
        },
        script=files(outdated_translations(built.project).splitlines()),
        summary=files(outdated_translations(built.project, "--markdown").splitlines(), "- "),
        review={src_uri_of(page.path) for page in site.pages.values() if page.behind},
    )


def disagreements(told: Told) -> list[str]:
    """What each place says beyond what the pages' notices say, or short of it."""
    return [
        f"{place}: {sorted(getattr(told, place) ^ told.notices)}"
        for place in ("build", "script", "summary", "review")
        if getattr(told, place) != told.notices
    ]


def test_a_french_only_change_of_figures_dates_paragraphs_and_sentences_builds_and_is_listed(
    built: dict[str, Built],
) -> None:
    behind = built["behind"]
    assert behind.result.returncode == 0 and "WARNING" not in behind.result.output, behind.result.output
    said = told(behind)
    assert said.notices == expected_behind()
    assert disagreements(said) == []
    # "All questions" names each question behind, once, with a link to its French page.
    everything = (behind.site / "en/faq/index.html").read_text(encoding="utf-8")
    for french in french_questions(FIXTURE / "docs"):
        assert everything.count(f'href="{SITE_URL}faq/{french.slug}/"') == 1, french.slug
    # Each INFO line gives both dates, the French change's and the translation's.
    lines = [line for line in behind.result.output.splitlines() if INFO_WORDS in line]
    assert len(lines) == len(CHANGES)
    assert all(
        f"(the French on {CHANGED[:10]}, this translation on {FIRST_COMMIT_DATE[:10]})" in x for x in lines
    )


def test_translating_the_change_clears_the_notice_and_compares_with_the_new_french(
    built: dict[str, Built],
) -> None:
    translated = built["translated"]
    assert translated.result.returncode == 0, translated.result.output
    said = told(translated)
    assert said == Told(set(), set(), set(), set(), set())


def test_the_same_french_changes_without_history_are_compared_with_the_new_french(
    built: dict[str, Built],
) -> None:
    result = built["no history"].result
    assert result.returncode == 1, result.output
    output = " ".join(result.output.split())
    assert "the figure “32” is in its French version" in output, result.output
    assert "the figure “7 mars 2024” is in its French version" in output, result.output
    assert "where its French version" in output, result.output  # the paragraph
    assert "this paragraph is far" in output, result.output  # the two sentences


def test_the_last_step_of_an_editors_year_builds_with_the_notice(built: dict[str, Built]) -> None:
    """../shared/tools/real-edits' last step: a French-only sentence with a date and a figure."""
    edits = built["real edits"]
    assert edits.result.returncode == 0 and "WARNING" not in edits.result.output, edits.result.output
    page = questions(edits.project / "docs")[-1]
    said = told(edits)
    assert said.notices == {page.twin.rel} and disagreements(said) == []


def test_the_places_that_tell_which_translations_are_behind_cannot_disagree_unnoticed(
    built: dict[str, Built],
) -> None:
    # The notices of the site built before the translation, the other places after it.
    behind, translated = told(built["behind"]), told(built["translated"])
    mixed = Told(behind.notices, translated.build, translated.script, behind.summary, behind.review)
    found = disagreements(mixed)
    assert [line.split(":", 1)[0] for line in found] == ["build", "script"], found


def test_the_review_shows_each_french_change_marked_not_needed_with_what_it_changes(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "project", git=True)
    root = site_root(project)
    base = run_git(root, "rev-parse", "HEAD").strip()
    french = french_questions(project / "docs")[0]
    french.append_to_answer(" L'Alliance compte 32 membres.")
    commit(root, "Typo\n\nTranslation: not needed", CHANGED)

    (marked,) = review.marked_changes(project, base)
    assert (marked.src_uri, marked.day.isoformat()) == (french.rel, CHANGED[:10])
    report = review.report("main", base, review.SiteView(), review.SiteView(), False, [marked])
    section = report.split("### French changes marked “Translation: not needed”", 1)[1]
    assert f"`{french.where}`" in section and "32 membres.</ins>" in section, report
    # Nothing marked since the last commit: no such section.
    assert review.marked_changes(project, "HEAD") == []

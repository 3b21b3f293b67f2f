"""French first: a French-only change publishes at once, its English page says it is behind, and every
place that tells which translations are behind tells the same.

One commit changes four French questions only: a new figure, a new date, a new
paragraph, two new sentences (far longer than the English paragraph). Each
would stop the build if the English were compared with the new French; it is
compared with the French it translates (readers/translated_french.py), so the
build passes, the four English pages show the notice and the build lists them.
The next commit translates the four changes: no notice, and the English pages
are compared with the new French again. The same French changes without any
history are compared with the new French, and refused.

The translations behind are told in five places: the pages' notices, the
build's INFO lines, scripts/outdated_translations.py, its job-summary section,
and the review report's reading of the built pages (scripts/review.py). They
must all name the same pages; the last test makes them disagree on purpose and
checks that the comparison fails.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from faq_site.languages import Languages
from faq_site.sources.source import Source

from conftest import PROJECT, BuildResult, build_many, copy_project

SITE_URL = "http://127.0.0.1:8000/"
LANGUAGES = Languages("fr", ("fr", "en"), ("fr", "en"))


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


def french_questions(docs: Path) -> list[str]:
    """The French questions to change, one per change, the shortest first paragraph first."""

    def first_paragraph_length(src_uri: str) -> int:
        source = Source.parse(src_uri, (docs / src_uri).read_text(encoding="utf-8"), LANGUAGES)
        return len(source.text.split("\n")[first_paragraph_line(source) - 1])

    pages = [
        path.relative_to(docs).as_posix()
        for path in (docs / "faq").glob("*.md")
        if path.name != "index.md" and not path.name.endswith(".en.md")
    ]
    return sorted(sorted(pages), key=first_paragraph_length)[: len(CHANGES)]


def first_paragraph_line(source: Source) -> int:
    """The line number of the answer's first paragraph: the first line of text after the title."""
    title = next(heading.line for heading in source.headings() if heading.level == 1)
    return next(
        number
        for number, line in source.lines()
        if number > title and line.strip() and not line.lstrip().startswith(("#", "<", "-", "!", "|", "*"))
    )


def apply(docs: Path, src_uri: str, text: str, new_paragraph: bool) -> None:
    path = docs / src_uri
    source = Source.parse(src_uri, path.read_text(encoding="utf-8"), LANGUAGES)
    lines = source.text.split("\n")
    number = first_paragraph_line(source)
    if new_paragraph:
        lines[number:number] = ["", text]
    else:
        lines[number - 1] += text
    path.write_text("\n".join(lines), encoding="utf-8")


def change(docs: Path, language: str, questions: list[str]) -> list[str]:
    """Makes every change in one language, to these French questions or their translations."""
    pages = []
    for french, item in zip(questions, CHANGES, strict=True):
        page = french if language == "fr" else LANGUAGES.uri_for(french, language)
        apply(docs, page, item.french if language == "fr" else item.english, item.new_paragraph)
        pages.append(page)
    return pages


def git(repository: Path, *args: str, day: str) -> None:
    stamp = f"{day}T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    subprocess.run(["git", *args], cwd=repository, env=env, check=True, capture_output=True)


def repository(folder: Path, translated: bool) -> Path:
    """The project's inputs committed, then the French changes; then their translation, if `translated`."""
    project = copy_project(folder)
    questions = french_questions(project / "docs")
    git(project, "init", "--quiet", "--initial-branch=main", day="2026-01-05")
    git(project, "add", "--all", day="2026-01-05")
    git(project, "commit", "--quiet", "--message", "The FAQ", day="2026-01-05")
    change(project / "docs", "fr", questions)
    git(project, "commit", "--quiet", "--all", "--message", "Urgent French corrections", day="2026-02-01")
    if translated:
        change(project / "docs", "en", questions)
        git(project, "commit", "--quiet", "--all", "--message", "Translate them", day="2026-02-03")
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
        "no history": copy_project(folder / "no-history"),
    }
    docs = projects["no history"] / "docs"
    change(docs, "fr", french_questions(docs))
    results = build_many(list(projects.values()), folder / "sites", SITE_URL)
    sites = {project: folder / "sites" / str(index) for index, project in enumerate(projects.values())}
    return {name: Built(project, sites[project], results[project]) for name, project in projects.items()}


def expected_behind() -> set[str]:
    return {LANGUAGES.uri_for(page, "en") for page in french_questions(PROJECT / "docs")}


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


def told(built: Built) -> Told:
    def script(*args: str) -> str:
        process = subprocess.run(
            [sys.executable, str(PROJECT / "scripts/outdated_translations.py"), "--docs-dir"]
            + [str(built.project / "docs"), *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return process.stdout

    def files(lines: list[str], prefix: str = "") -> set[str]:
        return {
            line.removeprefix(prefix).split(":", 1)[0].removeprefix("docs/")
            for line in lines
            if "changed after this translation" in line
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
            if line.startswith("INFO") and "changed after this translation" in line
        },
        script=files(script().splitlines()),
        summary=files(script("--markdown").splitlines(), "- "),
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
    # "All questions" names each question behind, once.
    everything = (behind.site / "en/faq/index.html").read_text(encoding="utf-8")
    for french in french_questions(PROJECT / "docs"):
        assert everything.count(f'href="{SITE_URL}{french.removesuffix(".md")}/"') == 1


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


def test_the_places_that_tell_which_translations_are_behind_cannot_disagree_unnoticed(
    built: dict[str, Built],
) -> None:
    # The notices of the site built before the translation, the other places after it.
    behind, translated = told(built["behind"]), told(built["translated"])
    mixed = Told(behind.notices, translated.build, translated.script, behind.summary, behind.review)
    found = disagreements(mixed)
    assert [line.split(":", 1)[0] for line in found] == ["build", "script"], found


def test_the_review_shows_each_french_change_marked_not_needed_with_what_it_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    git(project, "init", "--quiet", "--initial-branch=main", day="2026-01-05")
    git(project, "add", "--all", day="2026-01-05")
    git(project, "commit", "--quiet", "--message", "The FAQ", day="2026-01-05")
    base = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=project, capture_output=True, text=True, check=True
    ).stdout.strip()
    (french,) = french_questions(project / "docs")[:1]
    apply(project / "docs", french, " L'Alliance compte 32 membres.", False)
    git(
        project,
        "commit",
        "--quiet",
        "--all",
        "--message",
        "Typo\n\nTranslation: not needed",
        day="2026-02-01",
    )

    (marked,) = review.marked_changes(project, base)
    assert (marked.src_uri, marked.day.isoformat()) == (french, "2026-02-01")
    report = review.report("main", base, review.SiteView(), review.SiteView(), False, [marked])
    section = report.split("### French changes marked “Translation: not needed”", 1)[1]
    assert f"`docs/{french}`" in section and "32 membres.</ins>" in section, report
    # Nothing marked since the last commit: no such section.
    assert review.marked_changes(project, "HEAD") == []

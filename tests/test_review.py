"""scripts/review.py BASE: what readers will see change, on a git repository with real commits.

A copy of the tests' FAQ site becomes a repository of its own (tests/fixture_site.py): a first
commit (dated in the past, so that page dates move), then a commit that changes only
whitespace in both languages: nothing changes for readers, in one line. Then,
in the working tree, left uncommitted: a word changed in both languages and a
learn-more link added (the first question), a word changed in the French only
(in a question still NATO's text, if one is, with its description), a rename with
`renamed_from` (the third), a new question. Every edit is made on the pages'
structure (tests/page_editing.py), never on their wording. Each review builds two
sites: two reviews in all for the module.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixture_site import FIXTURE_PLACE, commit, copy_fixture, run_git
from page_editing import SourcePage, questions
from test_correct_edits import NEW_QUESTION, added_link, new_question
from test_fidelity import site_states
from test_held_back import review_module

from faq_site.checks.compare_text import sentences
from faq_site.readers import provenance

from conftest import LANGUAGES, PROJECT, Site

REVIEW = PROJECT / "scripts" / "review.py"


@dataclass(frozen=True)
class Review:
    returncode: int
    report: str
    errors: str


def review(repository: Path, base: str) -> Review:
    process = subprocess.run(
        [sys.executable, str(REVIEW), base, "--repository", str(repository), "--project", str(FIXTURE_PLACE)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Review(process.returncode, process.stdout, process.stderr)


def replace_a_word(page: SourcePage, new: str) -> str:
    """Replaces a word of the page's answer (letters only, so typography leaves it as typed); returns it."""
    line = page.answer_end()
    text = page.line(line)
    old = next(word for word in text.split()[1:] if word.isalpha() and len(word) > 4 and word != new)
    page.set(line, text.replace(f" {old}", f" {new}", 1))
    if page.has_key("description"):  # a description quotes its answer: the editor changes both
        key = page.key_line("description")
        page.set(key, page.line(key).replace(f" {old}", f" {new}", 1))
    return old


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two commits: the fixture, then whitespace added in both languages."""
    repository = tmp_path_factory.mktemp("review") / "repository"
    project = copy_fixture(repository, git=True)
    for language in LANGUAGES:
        page = questions(project / "docs", language)[0]
        page.after_answer("")  # two more empty lines after the answer
    commit(repository, "Air between the paragraphs", "2024-06-01T12:00:00+00:00")
    return repository


@pytest.fixture(scope="module")
def quiet(repository: Path) -> Review:
    """The review of the whitespace commit: the working tree is clean."""
    return review(repository, "HEAD~1")


@dataclass(frozen=True)
class Edits:
    both: dict[str, tuple[SourcePage, str, str]]  # language -> (page, old word, new word)
    french_only: tuple[SourcePage, str, str]
    renamed: tuple[str, str]  # (old name, new name)
    french_only_was_natos: bool  # whether the French-only change's page was NATO's text before it
    moved: tuple[str, str, str, str]  # renamed without `renamed_from`: (old name, new name, old word, new)
    marked: SourcePage  # a page given struck words, an image, a tooltip, a word with a Cyrillic letter
    struck: str  # the struck word
    status: str  # `git status` before the review
    head: str


@pytest.fixture(scope="module")
def edits(repository: Path, quiet: Review, fixture_site: Site) -> Edits:
    """Uncommitted edits in the working tree (after the quiet review, which needs a clean tree)."""
    docs = repository / FIXTURE_PLACE / "docs"
    # The French-only change goes to a question still NATO's text, if one is (not the first,
    # changed in both languages, nor the third, renamed), so that its label changes.
    states = site_states(fixture_site)
    natos = [
        index
        for index, page in enumerate(questions(docs, "fr"))
        if index not in (0, 2) and states.get(f"faq/{page.slug}") == provenance.NATO
    ]
    french_index = natos[0] if natos else 1
    new_words = {"fr": "remplacé", "en": "replaced"}
    both = {}
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        both[language] = (page, replace_a_word(page, new_words[language]), new_words[language])
    added_link(docs)
    french = questions(docs, "fr")[french_index]
    french_only = (french, replace_a_word(french, "modifié"), "modifié")
    # Another quotation of the answer: its last sentence.
    last_sentence = sentences(" ".join(french.text(span) for span in french.paragraphs()))[-1]
    french.set(french.description_line(), f'description: "{last_sentence}"')
    old = questions(docs, "fr")[2].slug
    new = f"{old}-renamed"
    for language in LANGUAGES:
        page = questions(docs, language)[2]
        target = page.path.with_name(page.path.name.replace(old, new, 1))
        page.path.rename(target)
        renamed = SourcePage(docs, target.relative_to(docs).as_posix())
        renamed.insert(2, f"renamed_from: [{old}]")
    new_question(docs)
    # Renamed without `renamed_from`, its answer changed: paired by its title's id, its text diffed.
    # (Not a page another page links to: the link would break.)
    linked = " ".join(path.read_text(encoding="utf-8") for path in docs.rglob("*.md"))
    others = [
        index
        for index, page in enumerate(questions(docs, "fr"))
        if index not in (0, 2, french_index) and f"{page.slug}.md" not in linked
    ]
    moved_old = questions(docs, "fr")[others[0]].slug
    moved_new = f"{moved_old}-moved"
    moved_words = {}
    for language in LANGUAGES:
        page = questions(docs, language)[others[0]]
        moved_words[language] = replace_a_word(page, "déplacé" if language == "fr" else "moved")
        page.path.rename(page.path.with_name(page.path.name.replace(moved_old, moved_new, 1)))
    # What a reader sees besides the words, in the French answer of another question.
    marked = questions(docs, "fr")[others[1]]
    line = marked.answer_end()
    text = marked.line(line)
    struck = next(word for word in text.split()[1:] if word.isalpha() and len(word) > 3)
    text = text.replace(f" {struck} ", f" <del>{struck}</del> ", 1)
    text += ' <span title="Une bulle">Survolez.</span> ![Une carte](../assets/images/carte-ukraine.svg)'
    text += " Une аlliance."  # a Cyrillic а
    marked.set(line, text)
    # A change to how the site is built that readers do not see: a comment in the project's mkdocs.yml.
    config = repository / FIXTURE_PLACE / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "# A reviewer reads this first.\n", encoding="utf-8"
    )
    return Edits(
        both,
        french_only,
        (old, new),
        bool(natos),
        (moved_old, moved_new, moved_words["fr"], "déplacé"),
        marked,
        struck,
        run_git(repository, "status", "--porcelain"),
        head(repository),
    )


def head(repository: Path) -> str:
    return run_git(repository, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def changed(repository: Path, edits: Edits) -> Review:
    return review(repository, "HEAD")


def language_part(report: str, page: SourcePage) -> str:
    """The part of the report about one page in one language: from its line to the next language's."""
    marker = f"`{page.where}`"
    assert marker in report, f"{page.where} is not in the report:\n{report}"
    part = report[report.index(marker) :]
    ends = [part.find(mark, 1) for mark in ("\n**", "\n### ")]
    return part[: min([end for end in ends if end > 0], default=len(part))]


def test_a_change_with_no_effect_for_readers_says_so_in_one_line(quiet: Review) -> None:
    assert quiet.returncode == 0, quiet.errors
    assert quiet.report.count("\n") == 1 and quiet.report.startswith("**Nothing changed for readers**"), (
        quiet.report
    )


def test_the_review_runs(changed: Review) -> None:
    assert changed.returncode == 0, changed.errors + changed.report
    assert changed.report.startswith("## Changes to how the site is built\n")
    assert "\n## What readers will see change\n" in changed.report
    assert "uncommitted changes" in changed.report


def test_a_sentence_changed_in_both_languages_shows_as_words(changed: Review, edits: Edits) -> None:
    for page, old, new in edits.both.values():
        part = language_part(changed.report, page)
        assert f"<del>{old}</del> <ins>{new}</ins>" in part, part
        # Once: the "all questions" page repeats the answer, not the report. (The description,
        # which quotes the answer, changed alike: it has a line of its own.)
        text = "\n".join(
            line
            for line in changed.report.splitlines()
            if "Description for search" not in line and "Answer given to search engines" not in line
        )
        assert text.count(f"<del>{old}</del> <ins>{new}</ins>") == 1


def test_a_link_added_is_listed(changed: Review, edits: Edits) -> None:
    for language, (page, _, _) in edits.both.items():
        part = language_part(changed.report, page)
        url = f"https://www.nato.int/cps/{language}/natohq/topics_133127.htm"
        assert f"Learn-more link added: “Dissuasion et défense” <{url}>" in part, part
    assert "<ins>Dissuasion et défense</ins>" not in changed.report  # a link, not a paragraph


def test_a_french_only_change_puts_the_translation_behind_and_the_page_becomes_adapted(
    changed: Review, edits: Edits
) -> None:
    french, old, new = edits.french_only
    part = language_part(changed.report, french)
    assert f"<del>{old}</del> <ins>{new}</ins>" in part, part
    # Its label changes if it was NATO's text (an adapted page stays adapted).
    label = "Label: NATO's text → **adapted**" if edits.french_only_was_natos else None
    assert label in part if label else "Label:" not in part, part
    description = next(line for line in part.splitlines() if "Description for search engines:" in line)
    assert "<ins>" in description, description
    english = language_part(changed.report, french.twin)
    assert "behind its French page" in english, english
    assert "Text:" not in english, english  # its text is the same
    assert label in english if label else "Label:" not in english, english


def test_a_rename_lists_its_redirects(changed: Review, edits: Edits) -> None:
    old, new = edits.renamed
    for prefix in ("", "en/"):
        assert f"- Renamed: `/{prefix}faq/{old}/` → `/{prefix}faq/{new}/`" in changed.report, changed.report
        assert f"`/{prefix}faq/{old}/` now redirects to `/{prefix}faq/{new}/`" in changed.report
    assert "Page removed" not in changed.report and f"New page: `/faq/{new}/`" not in changed.report


def test_a_new_question_is_listed_in_both_languages(changed: Review) -> None:
    for prefix, language in (("", "fr"), ("en/", "en")):
        title = NEW_QUESTION[language][0].replace("'", "’")
        line = next(
            line for line in changed.report.splitlines() if f"New page: `/{prefix}faq/nato-summits/`" in line
        )
        assert " ".join(title.split()[:3]) in line, line
    # The home page's list and the "all questions" page show it too, without repeating it; their
    # descriptions give the number of questions (`{number_of_questions}`), one more.
    assert "Text: the same changes as on the pages above" in changed.report
    counts = re.findall(r"<del>(\d+)</del> <ins>(\d+)</ins> questions", changed.report)
    assert counts and all(int(new) == int(old) + 1 for old, new in counts), counts


def test_the_repository_is_left_as_it_was(repository: Path, changed: Review, edits: Edits) -> None:
    assert run_git(repository, "status", "--porcelain") == edits.status
    assert head(repository) == edits.head
    assert len(run_git(repository, "worktree", "list").splitlines()) == 1
    assert run_git(repository, "branch", "--list").split() == ["*", "main"]


def test_a_base_that_is_not_a_commit_is_refused(repository: Path) -> None:
    result = review(repository, "no-such-branch")
    assert result.returncode == 2 and "no-such-branch is not a commit" in result.errors, result


def test_changes_to_how_the_site_is_built_come_first_each_file_named(changed: Review) -> None:
    first = changed.report.split("\n## What readers will see change\n", 1)[0]
    assert f"- `{FIXTURE_PLACE.as_posix()}/mkdocs.yml`" in first, first
    assert "docs/" not in first  # pages are what readers see, below


def test_a_rename_without_redirect_is_paired_by_its_id_with_its_text_diff(
    changed: Review, edits: Edits
) -> None:
    old, new, old_word, new_word = edits.moved
    assert f"- Renamed: `/faq/{old}/` → `/faq/{new}/`" in changed.report, changed.report
    assert (
        f"New page: `/faq/{new}/`" not in changed.report
        and f"Page removed: `/faq/{old}/`" not in changed.report
    )
    assert f"<del>{old_word}</del> <ins>{new_word}</ins>" in changed.report


def test_what_readers_see_besides_the_words_is_shown(changed: Review, edits: Edits) -> None:
    part = language_part(changed.report, edits.marked)
    # As Markdown shows them (brackets escaped).
    assert f"\\[struck out: {edits.struck}\\]" in part, part
    assert "\\[tooltip: Une bulle\\]" in part and "\\[image “Une carte”:" in part, part
    assert "аlliance. **(mixed alphabets: Latin and Cyrillic)**" in part, part


def test_a_new_page_is_shown_in_full(changed: Review) -> None:
    title, answer, _, _ = NEW_QUESTION["fr"]
    part = changed.report[changed.report.index("`/faq/nato-summits/`, `docs/faq/nato-summits.md`") :]
    assert "Text (new page, in full):" in part
    assert f"<ins>{answer.replace(chr(39), '’')}</ins>" in part, part
    assert "Answer given to search engines (JSON-LD): <ins>" in part, part


def test_a_withdrawn_question_s_address_shows_its_notice(tmp_path: Path) -> None:
    """A question removed and listed as `withdrawn`: its address says so (readers/redirects.py), and the
    review quotes what it says, not "page not found"."""
    review_script = review_module()
    for side, body in (
        ("base", '<article><h1 id="x">Une question ?</h1><p>Une réponse.</p></article>'),
        ("change", '<p>Cette question a été retirée le 1er décembre 2026. <a href="../">Toutes</a></p>'),
    ):
        page = tmp_path / side / "faq" / "x" / "index.html"
        page.parent.mkdir(parents=True)
        robots = '<meta name="robots" content="noindex">' if side == "change" else ""
        page.write_text(f'<!doctype html><html lang="fr"><head>{robots}</head><body>{body}</body></html>')
    base, change = (review_script.read_site(tmp_path / side) for side in ("base", "change"))
    report = review_script.report("base", "0" * 40, base, change, False)
    assert (
        "its address now says that the question was withdrawn: "
        "“Cette question a été retirée le 1er décembre 2026. Toutes”"
    ) in report
    assert "page not found" not in report
    # A notice at an address that was never a page is shown too.
    (tmp_path / "change" / "faq" / "y").mkdir()
    (tmp_path / "change" / "faq" / "y" / "index.html").write_text(
        (tmp_path / "change" / "faq" / "x" / "index.html").read_text().replace("1er", "31"), encoding="utf-8"
    )
    change = review_script.read_site(tmp_path / "change")
    report = review_script.report("base", "0" * 40, base, change, False)
    assert (
        "Notice written: `/faq/y/` says “Cette question a été retirée le 31 décembre 2026. Toutes”" in report
    )

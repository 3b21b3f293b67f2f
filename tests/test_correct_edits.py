"""Every correct edit an editor makes builds strictly and passes the content checks.

Each edit is made in a copy of the project, on whatever the pages say today
(tests/docs_copy.py), in both languages where the guide says so. All copies
are built by one process (tests/batch_build.py); each built copy must pass the
checks of tests/test_content.py against its own docs/, and show the edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docs_copy import SourcePage, questions, same_text
from test_content import CONTENT_CHECKS

from faq_site.checks.description_quote import DEFAULT_LENGTH
from faq_site.checks.text import sentences

from conftest import LANGUAGES, BuildResult, Site, build_many, copy_project

SITE_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class Edit:
    name: str
    make: Callable[[Path], Callable[[Site], None]]  # edits docs/; returns what to check on the built site


def question_page(site: Site, source: SourcePage) -> object:
    prefix = "en/" if source.rel.endswith(".en.md") else ""
    return site.page(f"{prefix}faq/{source.slug}/")


def changed_figure(docs: Path) -> Callable[[Site], None]:
    """A figure of the first answer changes in both languages (e.g. 30 -> 32 countries)."""
    changed = []
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        line = page.answer_line()
        text = page.line(line)
        match = re.search(r"\d+", text)
        new = f"{int(match[0]) + 2}" if match else "2"
        if match:
            text = text[: match.start()] + new + text[match.end() :]
            description_follows(page, match[0], new)
        else:
            text = f"{text} (2)"
        page.set(line, text)
        changed.append((page, text))

    def check(site: Site) -> None:
        for page, text in changed:
            assert same_text(text) in same_text(question_page(site, page).content.get_text())

    return check


def rewritten_sentence(docs: Path) -> Callable[[Site], None]:
    new = {"fr": "L'Alliance compte désormais d'autres membres.", "en": "The Alliance now has other members."}
    pages = []
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        page.set(page.answer_line(), new[language])
        if page.has_key("description"):  # it quoted the answer: it quotes the new one
            page.set(page.key_line("description"), f'description: "{new[language]}"')
        pages.append((page, new[language]))

    def check(site: Site) -> None:
        for page, text in pages:
            paragraphs = [same_text(p.get_text()) for p in question_page(site, page).content.find_all("p")]
            assert same_text(text) in paragraphs

    return check


def added_link(docs: Path) -> Callable[[Site], None]:
    urls = {
        "fr": "https://www.nato.int/cps/fr/natohq/topics_133127.htm",
        "en": "https://www.nato.int/cps/en/natohq/topics_133127.htm",
    }
    pages = []
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        page.insert(page.link_lines()[-1] + 1, f"- [Dissuasion et défense]({urls[language]})")
        pages.append((page, urls[language]))

    def check(site: Site) -> None:
        for page, url in pages:
            links = question_page(site, page).content.select("#learn-more ~ ul a")
            assert links[-1]["href"] == url

    return check


def removed_link(docs: Path) -> Callable[[Site], None]:
    index = next(i for i, page in enumerate(questions(docs)) if len(page.link_lines()) > 1)
    pages = []
    for language in LANGUAGES:
        page = questions(docs, language)[index]
        page.delete(page.link_lines()[-1])
        pages.append((page, len(page.link_lines())))

    def check(site: Site) -> None:
        for page, count in pages:
            assert len(question_page(site, page).content.select("#learn-more ~ ul a")) == count

    return check


NEW_QUESTION = {
    "fr": (
        "Qu'est-ce qu'un sommet de l'OTAN ?",
        "Une réunion des chefs d'État et de gouvernement.",
        "Pour en savoir plus",
        "fr",
    ),
    "en": ("What is a NATO summit?", "A meeting of Heads of State and Government.", "Learn more", "en"),
}


def new_question(docs: Path) -> Callable[[Site], None]:
    number = len(questions(docs)) + 1
    for language, (title, answer, learn_more, code) in NEW_QUESTION.items():
        name = "nato-summits.md" if language == "fr" else f"nato-summits.{language}.md"
        (docs / "faq" / name).write_text(
            f'---\nnumber: {number}\ndescription: "{answer}"\n---\n\n'
            f"# {title} {{#nato-summits}}\n\n{answer}\n\n"
            f"## {learn_more} {{#learn-more}}\n\n- [{title}](https://www.nato.int/cps/{code}/natohq/topics_50115.htm)\n",
            encoding="utf-8",
        )

    def check(site: Site) -> None:
        assert len(site.questions("fr")) == number
        assert site.questions("en")[-1].url_path == "en/faq/nato-summits/"

    return check


def new_page_about_the_site(docs: Path) -> Callable[[Site], None]:
    """A page of the site's own at the docs root: in the navigation, after "all questions"."""
    for name, text in (("glossary.md", "Glossaire"), ("glossary.en.md", "Glossary")):
        (docs / name).write_text(f'---\ndescription: "{text}."\n---\n\n# {text} {{#glossary}}\n\n{text}.\n')

    def check(site: Site) -> None:
        for prefix in ("", "en/"):
            links = [a["href"] for a in site.page(prefix).soup.select("nav.md-nav--primary a.md-nav__link")]
            assert any(href.rstrip("/").endswith("glossary") for href in links), links
            assert site.page(f"{prefix}glossary/").content.find("h1")["id"] == "glossary"

    return check


def withdrawn_question(docs: Path) -> Callable[[Site], None]:
    withdrawn = questions(docs)[1].slug
    for language in LANGUAGES:
        pages = questions(docs, language)
        pages[1].path.unlink()
        for number, page in enumerate(pages[2:], start=2):
            page.set(page.key_line("number"), f"number: {number}")

    def check(site: Site) -> None:
        assert all(withdrawn not in page.url_path for page in site.questions("fr"))
        assert not (site.root / "faq" / withdrawn).exists()

    return check


def swapped_questions(docs: Path) -> Callable[[Site], None]:
    first, second = questions(docs)[:2]
    for language in LANGUAGES:
        one, two = questions(docs, language)[:2]
        one.set(one.key_line("number"), "number: 2")
        two.set(two.key_line("number"), "number: 1")

    def check(site: Site) -> None:
        assert [page.path.parent.name for page in site.questions("fr")[:2]] == [second.slug, first.slug]

    return check


def description_follows(page: SourcePage, old: str, new: str) -> None:
    """An editor who changes the answer changes the description that quotes it alike."""
    if page.has_key("description"):
        line = page.key_line("description")
        page.set(line, page.line(line).replace(old, new, 1))


def description_with_an_ellipsis(docs: Path) -> Callable[[Site], None]:
    """The description quotes the answer, shortened with “…”: its first words, then its last sentence."""
    pages = []
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        text = " ".join(page.line(line) for line in page.paragraph_lines())
        all_sentences = sentences(text)
        first_words = " ".join(all_sentences[0].split(" ")[:4])
        quotation = f"{first_words}… {all_sentences[-1]}" if len(all_sentences) > 1 else f"{first_words}…"
        escaped = quotation.replace('"', '\\"')  # inside YAML's double quotes
        line = f'description: "{escaped}"'
        if page.has_key("description"):
            page.set(page.key_line("description"), line)
        else:
            page.insert(2, line)
        pages.append((page, quotation))

    def check(site: Site) -> None:
        for page, text in pages:
            meta = question_page(site, page).soup.find("meta", attrs={"name": "description"})
            assert same_text(meta["content"]) == same_text(text)

    return check


def without_description(docs: Path) -> Callable[[Site], None]:
    """A question without `description`: the answer's opening sentences describe it."""
    pages = []
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        if page.has_key("description"):
            page.delete(page.key_line("description"))
        pages.append(page)

    def check(site: Site) -> None:
        for page in pages:
            built = question_page(site, page)
            description = built.soup.find("meta", attrs={"name": "description"})["content"]
            shared = built.soup.find("meta", attrs={"property": "og:description"})["content"]
            answer = " ".join(filter(None, (same_text(p.get_text()) for p in built.content.find_all("p"))))
            assert description == shared
            assert 0 < len(description) <= DEFAULT_LENGTH, description
            assert answer.startswith(same_text(description).removesuffix("…")), (description, answer)
            assert description.endswith((".", "?", "!", "…")), description

    return check


def appended(
    addition: dict[str, str], expected: Callable[[object], None]
) -> Callable[[Path], Callable[[Site], None]]:
    """Adds Markdown at the end of the first answer, in both languages."""

    def make(docs: Path) -> Callable[[Site], None]:
        pages = []
        for language in LANGUAGES:
            page = questions(docs, language)[0]
            line = page.answer_line()
            page.set(line, f"{page.line(line)} {addition[language]}")
            pages.append(page)
            if "[nato]" in addition[language]:
                lines = page.lines()
                page.insert(len(lines), "", "[nato]: https://www.nato.int/")

        def check(site: Site) -> None:
            for page in pages:
                expected(question_page(site, page))

        return check

    return make


def has_link(href: str, text: str | None = None) -> Callable[[object], None]:
    def check(page) -> None:
        links = [a for a in page.content.find_all("a", href=href)]
        assert links, f"{page.path}: no link to {href}"
        if text is not None:
            assert same_text(links[0].get_text()) == text

    return check


def windows_line_endings(docs: Path) -> Callable[[Site], None]:
    """Files saved on Windows: every line ends with CR LF."""
    pages = [questions(docs, language)[0] for language in LANGUAGES]
    for page in pages:
        page.path.write_bytes(page.path.read_bytes().replace(b"\n", b"\r\n"))

    def check(site: Site) -> None:
        for page in pages:
            assert question_page(site, page).content.find("h1")

    return check


EDITS = [
    Edit("a figure changed in both languages", changed_figure),
    Edit("a sentence rewritten", rewritten_sentence),
    Edit("a learn-more link added", added_link),
    Edit("a learn-more link removed", removed_link),
    Edit("a tenth question, two files", new_question),
    Edit("a question withdrawn", withdrawn_question),
    Edit("a new page about the site, two files", new_page_about_the_site),
    Edit("two questions swapping numbers", swapped_questions),
    Edit("a description shortened with an ellipsis", description_with_an_ellipsis),
    Edit("a question without description", without_description),
    Edit("files saved with Windows line endings", windows_line_endings),
    Edit(
        "an autolink",
        appended(
            {"fr": "<https://www.nato.int/>", "en": "<https://www.nato.int/>"},
            has_link("https://www.nato.int/"),
        ),
    ),
    Edit(
        "a reference link and its definition",
        appended(
            {"fr": "Voir [l'OTAN][nato].", "en": "See [NATO][nato]."}, has_link("https://www.nato.int/")
        ),
    ),
    Edit(
        "brackets inside a link's text",
        appended(
            {
                "fr": "[Le traité [1949]](https://www.nato.int/)",
                "en": "[The Treaty [1949]](https://www.nato.int/)",
            },
            has_link("https://www.nato.int/"),
        ),
    ),
    Edit(
        "a link to the site's own repository",
        appended(
            {
                "fr": "[Signaler une erreur](https://github.com/faq-otan-ukraine/faq-otan-ukraine/issues)",
                "en": "[Report a mistake](https://github.com/faq-otan-ukraine/faq-otan-ukraine/issues)",
            },
            has_link("https://github.com/faq-otan-ukraine/faq-otan-ukraine/issues"),
        ),
    ),
    Edit(
        "a raw HTML link to an allowed domain",
        appended(
            {
                "fr": '<a href="https://www.nato.int/" hreflang="fr">OTAN</a>',
                "en": '<a href="https://www.nato.int/">NATO</a>',
            },
            has_link("https://www.nato.int/"),
        ),
    ),
]


@dataclass(frozen=True)
class Built:
    docs: Path
    result: BuildResult
    site: Site
    check: Callable[[Site], None]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    root = tmp_path_factory.mktemp("edits")
    made = {}
    for index, edit in enumerate(EDITS):
        project = copy_project(root / f"{index}")
        made[edit.name] = (project, edit.make(project / "docs"))
    results = build_many([project for project, _ in made.values()], root / "sites", SITE_URL)
    outcome = {}
    for index, (name, (project, check)) in enumerate(made.items()):
        result = results[project]
        outcome[name] = Built(
            project / "docs", result, Site(root / "sites" / str(index), SITE_URL, result.output), check
        )
    return outcome


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.name)
def test_a_correct_edit_builds_and_passes_the_content_checks(edit: Edit, built: dict[str, Built]) -> None:
    outcome = built[edit.name]
    assert outcome.result.returncode == 0, outcome.result.output
    assert "WARNING" not in outcome.result.output, outcome.result.output
    for check in CONTENT_CHECKS:
        check(outcome.site, outcome.docs)
    outcome.check(outcome.site)


def test_at_least_six_correct_edits() -> None:
    assert len({edit.name for edit in EDITS}) == len(EDITS) >= 6

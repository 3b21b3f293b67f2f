"""Abbreviations (src/faq_site/markdown/abbreviations.py): a glossary per language, appended to
each page by pymdownx.snippets, which may read nothing else. Each case is an edit an editor
makes, correct or malicious, in a copy of the project."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from fixture_site import FIXTURE, copy_fixture, site_root
from page_editing import SourcePage
from pymdownx.snippets import SnippetMissingError

from faq_site.languages import Languages
from faq_site.markdown.abbreviations import GLOSSARY, glossary_problems, include_problems
from faq_site.sources.page import MarkdownPage

from conftest import LANGUAGES, PROJECT, build_many

GLOSSARIES = {
    "fr": "*[UE]: Union européenne\n*[ONU]: l'Organisation des Nations unies\n",
    "en": "*[EU]: European Union\n",
}
# A sentence of the site's own on each About page, using the abbreviations.
SENTENCES = {
    "fr": "Ce site ne parle ni de l'UE ni de l'ONU.",
    "en": "This site does not speak for the EU.",
}
# Material's own syntax, written in the page itself: never "italics never closed".
IN_PAGE = {
    "fr": "*[OSCE]: Organisation pour la sécurité et la coopération en Europe",
    "en": "*[OSCE]: Organization for Security and Co-operation in Europe",
}
IN_PAGE_SENTENCE = {"fr": "Ni de l'OSCE.", "en": "Nor for the OSCE."}


def about(docs: Path, language: str) -> SourcePage:
    return SourcePage(docs, "about.md" if language == "fr" else f"about.{language}.md")


def add_paragraph(page: SourcePage, *texts: str) -> None:
    lines = page.lines()
    end = len(lines) - 1 if lines[-1] == "" else len(lines)
    lines[end:end] = [line for text in texts for line in ("", text)]
    page.write(lines)


def correct(project: Path) -> None:
    for language in LANGUAGES:
        (project / GLOSSARY / f"{language}.md").write_text(GLOSSARIES[language], encoding="utf-8")
        add_paragraph(
            about(project / "docs", language), SENTENCES[language] + " " + IN_PAGE_SENTENCE[language]
        )
        add_paragraph(about(project / "docs", language), IN_PAGE[language])


def unsafe_setting(name: str, value: str):
    def edit(project: Path) -> None:
        config = site_root(project) / "mkdocs.yml"  # the site's own, which the fixture's inherits
        text = config.read_text(encoding="utf-8")
        config.write_text(re.sub(rf"({name}:) \w+", rf"\1 {value}", text, count=1), encoding="utf-8")

    return edit


EDITS = {
    "correct": correct,
    "restrict_base_path off": unsafe_setting("restrict_base_path", "false"),
    "check_paths off": unsafe_setting("check_paths", "false"),
    "url_download on": unsafe_setting("url_download", "true"),
}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, Path]]:
    base = tmp_path_factory.mktemp("abbreviations")
    projects = {}
    for index, (name, edit) in enumerate(EDITS.items()):
        project = copy_fixture(base / f"project-{index}")
        edit(project)
        projects[name] = project
    results = build_many(list(projects.values()), base / "sites")
    return {
        name: (results[project].returncode, results[project].output, base / "sites" / str(index))
        for index, (name, project) in enumerate(projects.items())
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_abbreviation_publishes_its_meaning(builds, language: str) -> None:
    returncode, output, site = builds["correct"]
    assert returncode == 0, output
    page = site / ("" if language == "fr" else language) / "about" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    shown = {abbr.get_text(): abbr["title"] for abbr in soup.find("article").find_all("abbr")}
    expected = {
        "fr": {
            "UE": "Union européenne",
            "ONU": "l’Organisation des Nations unies",  # typeset as the page
            "OSCE": "Organisation pour la sécurité et la coopération en Europe",
        },
        "en": {"EU": "European Union", "OSCE": "Organization for Security and Co-operation in Europe"},
    }[language]
    assert {name: shown.get(name) for name in expected} == expected, shown
    # The definitions themselves are never shown, as text or as italics.
    text = soup.find("article").get_text()
    assert "*[" not in text and "]:" not in text


@pytest.mark.parametrize("name", [name for name in EDITS if name != "correct"])
def test_a_setting_that_would_let_snippets_read_other_files_stops_the_build(builds, name: str) -> None:
    returncode, output, _ = builds[name]
    setting = name.split()[0]
    assert returncode == 1, output
    assert f"pymdownx.snippets must keep `{setting}: " in output, output
    assert "Traceback" not in output, output


# The checks, on snippets of Markdown


def source(src_uri: str, body: str) -> MarkdownPage:
    return MarkdownPage.parse(
        src_uri, f"---\nnumber: 1\n---\n\n{body}", Languages("fr", ("fr", "en"), ("fr", "en"), {})
    )


@pytest.mark.parametrize(
    "line",
    ['--8<-- "../mkdocs.yml"', "--8<-- '/etc/passwd'", "--8<--", "  -8<- glossary/fr.md", "---8<--- x"],
)
def test_a_page_that_would_include_a_file_is_refused(line: str) -> None:
    problems = include_problems(source("faq/x.md", f"# X {{#x}}\n\n{line}\n"))
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (7, f"the line `{line.strip()}` would include another file into the page")
    ]


def test_shown_as_text_a_snippet_marker_is_no_include() -> None:
    # `;--8<--` is snippets' escape: the page shows `--8<--`, includes nothing.
    assert not include_problems(source("faq/x.md", '# X {#x}\n\n;--8<-- "x"\n\nUn texte --8<-- ici.\n'))


def test_a_glossary_holds_abbreviations_only(tmp_path: Path) -> None:
    (tmp_path / "fr.md").write_text("*[UE]: Union européenne\n\n*[ONU]:Nations unies\n", encoding="utf-8")
    assert glossary_problems(tmp_path, ("fr", "en")) == []
    (tmp_path / "en.md").write_text(
        '*[EU]: European Union\n--8<-- "/etc/passwd"\n*[X]:\nText\n', encoding="utf-8"
    )
    found = [(str(p).split(" is not")[0]) for p in glossary_problems(tmp_path, ("fr", "en"))]
    assert found == [
        f'{GLOSSARY}/en.md:2: `--8<-- "/etc/passwd"`',
        f"{GLOSSARY}/en.md:3: `*[X]:`",
        f"{GLOSSARY}/en.md:4: `Text`",
    ]


def test_snippets_itself_reads_nothing_outside_the_glossary(tmp_path: Path) -> None:
    """Behind the build's own refusal: with the site's settings, pymdown-extensions refuses a
    path outside base_path (restrict_base_path) and says so (check_paths)."""
    folder = tmp_path / GLOSSARY
    folder.mkdir()
    (folder / "fr.md").write_text("*[UE]: Union européenne\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret\n", encoding="utf-8")
    settings = {
        "base_path": [str(folder)],
        "restrict_base_path": True,
        "check_paths": True,
        "url_download": False,
    }
    md = markdown.Markdown(
        extensions=["abbr", "pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings}
    )
    assert '<abbr title="Union européenne">UE</abbr>' in md.convert('--8<-- "fr.md"\n\nL\'UE.')
    for outside in ("../secret.txt", str(tmp_path / "secret.txt")):
        with pytest.raises(SnippetMissingError):
            md.reset().convert(f'--8<-- "{outside}"\n')


@pytest.mark.parametrize("project", [PROJECT, FIXTURE], ids=["site", "fixture"])
def test_every_language_has_a_glossary_of_abbreviations_only(project: Path) -> None:
    assert glossary_problems(project / GLOSSARY, tuple(LANGUAGES)) == []
    for language in LANGUAGES:
        assert (project / GLOSSARY / f"{language}.md").is_file(), language


def test_an_include_line_is_left_out_of_what_is_rendered() -> None:
    from faq_site.markdown.abbreviations import without_includes

    assert without_includes('Texte.\n\n--8<-- "../mkdocs.yml"\n;--8<-- "x"\n') == 'Texte.\n\n\n;--8<-- "x"\n'

"""Unit tests: the provenance label and the translation check read normalised text.

An invisible change (the same letter composed or decomposed, a zero-width
character, a soft hyphen) never flips a page from "NATO's text" to "adapted";
and a time written in each language's style is the same figure.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup
from fixture_site import copy_fixture
from page_editing import questions

from faq_site.checks.parity import Article, ParityPage, compare
from faq_site.checks.rendered import read_page
from faq_site.languages import Languages
from faq_site.readers.provenance import NATO, page_sentences, read_record, state_of
from faq_site.sources.page import MarkdownPage

from conftest import Site, build

RECORD = read_record(
    "Introduction de l'OTAN.\n1. Qu'est-ce que l'OTAN ?\nL'OTAN est une alliance défensive.\n"
)


def test_an_invisible_change_never_flips_the_label() -> None:
    html = "<h1>Qu’est-ce que l’OTAN ?</h1><p>L’OTAN est une alliance défensive.</p>"
    assert state_of(page_sentences(read_page(html, "fr")), RECORD) == NATO
    for changed in (
        unicodedata.normalize("NFD", html),
        html.replace("alliance", "alli\u00adance"),
        html.replace("une ", "une\u200b "),
        html.replace("une ", "une\u00a0"),
    ):
        assert state_of(page_sentences(read_page(changed, "fr")), RECORD) == NATO, changed


def test_a_changed_sentence_still_flips_it() -> None:
    html = "<h1>Qu’est-ce que l’OTAN ?</h1><p>L’OTAN est une alliance de 32 pays.</p>"
    assert state_of(page_sentences(read_page(html, "fr")), RECORD) != NATO


LANGUAGES = Languages("fr", ("fr", "en"), ("fr", "en"))


def page(src_uri: str, text: str) -> ParityPage:
    source = MarkdownPage.parse(
        src_uri, f'---\nnumber: 1\ndescription: "x"\n---\n\n# T {{#t}}\n\n{text}\n', LANGUAGES
    )
    return ParityPage(source, Article(paragraphs=1, text=[text]))


def test_a_time_in_each_language_style_passes_the_translation_check() -> None:
    french = page("faq/q.md", "La réunion a commencé à 14 h 30, le 24 mars 2022.")
    assert (
        compare(french, page("faq/q.en.md", "The meeting began at 2.30 pm on 24 March 2022."), LANGUAGES)
        == []
    )
    assert (
        compare(french, page("faq/q.en.md", "The meeting began at 14:30 on 24 March 2022."), LANGUAGES) == []
    )


def test_a_time_left_out_is_asked_for_in_the_translation_style() -> None:
    french = page("faq/q.md", "La réunion a commencé à 14 h 30.")
    [problem] = compare(french, page("faq/q.en.md", "The meeting began in the afternoon."), LANGUAGES)
    assert problem.message == (
        "the figure “14 h 30” is in its French version (docs/faq/q.md:8) but not here. Write it in the "
        "English too, as figures: 2.30 pm."
    )


def test_a_page_saved_decomposed_builds_unchanged_for_readers(fixture_site: Site, tmp_path: Path) -> None:
    """The first question saved in NFD (as macOS may save it) renders the same page, with the same label,
    as the fixture site shows it (a copy committed the same day, so with the same dates)."""
    project = copy_fixture(tmp_path / "decomposed", git=True)
    page = questions(project / "docs")[0]
    text = page.path.read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text, "the page has no accented letter to decompose"
    page.path.write_text(decomposed, encoding="utf-8")
    result = build(project, tmp_path / "site", fixture_site.url)
    assert result.returncode == 0, result.output
    built = []
    for root in (fixture_site.root, tmp_path / "site"):
        html = (root / "faq" / page.slug / "index.html").read_text(encoding="utf-8")
        article = BeautifulSoup(html, "html.parser")
        built.append((article.find("article").get_text(), article.select_one("[data-faq-provenance]")))
    assert built[0][0] == built[1][0]
    assert (
        built[1][1] is not None and built[1][1]["data-faq-provenance"] == built[0][1]["data-faq-provenance"]
    )

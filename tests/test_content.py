"""The content of the built site: nine questions per language, their learn-more links, provenance."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import DATA, LANGUAGES, PROJECT, Site, normalise

QUESTION_COUNT = 9
LINK_SOURCE = yaml.safe_load((DATA / "learn-more-links.yml").read_text(encoding="utf-8"))


def learn_more_links(page) -> list:
    heading = page.content.find(id="learn-more")
    assert heading is not None, f"{page.path}: no heading with id learn-more"
    listing = heading.find_next_sibling(["ul", "ol"])
    assert listing is not None, f"{page.path}: no list after the learn-more heading"
    return listing.select("li a")


def is_english_address(url: str) -> bool:
    path = urlsplit(url).path
    return "/cps/en/" in path or (path.endswith(".html") and not path.endswith("_fr.html"))


def is_french_address(url: str) -> bool:
    path = urlsplit(url).path
    return "/cps/fr/" in path or path.endswith("_fr.html")


@pytest.mark.parametrize("language", LANGUAGES)
def test_nine_questions_in_each_language(site: Site, language: str) -> None:
    questions = site.questions(language)
    assert len(questions) == QUESTION_COUNT
    assert len({page.path for page in questions}) == QUESTION_COUNT


def test_questions_in_the_same_order_in_both_languages(site: Site) -> None:
    french = [page.url_path for page in site.questions("fr")]
    english = [page.url_path.removeprefix("en/") for page in site.questions("en")]
    assert french == english


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_has_learn_more_links_in_its_language(site: Site, language: str) -> None:
    for page in site.questions(language):
        links = learn_more_links(page)
        assert links, f"{page.path}: the learn-more list has no link"
        for link in links:
            url = link["href"]
            assert url.startswith("https://www.nato.int/"), f"{page.path}: {url}"
            matches = is_french_address(url) if language == "fr" else is_english_address(url)
            assert matches, f"{page.path}: {url} is not a {language} address"
            assert link.get_text(strip=True), f"{page.path}: link to {url} has no text"


@pytest.mark.parametrize("language", LANGUAGES)
def test_learn_more_links_are_those_of_the_source(site: Site, language: str) -> None:
    for number, page in enumerate(site.questions(language), start=1):
        expected = [
            (normalise(item[f"title_{language}"]), item[f"url_{language}"])
            for item in LINK_SOURCE["questions"][number]
        ]
        actual = [(normalise(link.get_text()), link["href"]) for link in learn_more_links(page)]
        assert actual == expected, page.path


def test_unverified_link_keeps_its_fallback_and_says_so(site: Site) -> None:
    unverified = [
        (number, item)
        for number, items in LINK_SOURCE["questions"].items()
        for item in items
        if not item["verified"]
    ]
    assert unverified, "the source marks one link target as unverified"
    for _, item in unverified:
        for language in LANGUAGES:
            sources = [
                path
                for path in (PROJECT / "docs" / "faq").glob("*.md")
                if item[f"url_{language}"] in path.read_text(encoding="utf-8")
                and (path.name.endswith(".en.md") == (language == "en"))
            ]
            assert sources, f"no {language} page links {item[f'url_{language}']}"
            for path in sources:
                text = path.read_text(encoding="utf-8")
                assert re.search(r"<!--[^>]*(vérifié|unverified)[^>]*-->", text), path


def test_french_link_to_an_english_only_page_says_so(site: Site) -> None:
    page = site.page("faq/why-no-troops-or-no-fly-zone/")
    (link,) = learn_more_links(page)
    assert link.get("hreflang") == "en"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_states_its_provenance(site: Site, language: str) -> None:
    source_url = LINK_SOURCE["source_page"][f"url_{language}"]
    for page in site.pages_in(language):
        provenance = page.soup.select_one(".faq-provenance")
        assert provenance is not None, page.path
        assert provenance.find("a", href=source_url), page.path
        text = provenance.get_text(" ", strip=True)
        assert "2022" in text and "30" in text, page.path
        if language == "fr":
            assert "publié par l’OTAN" in text and "pas le site officiel" in text, page.path
        else:  # the English text is this site's translation, and says so
            assert "own translation" in text and "not NATO’s official" in text, page.path


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_has_title_intro_and_numbered_questions(site: Site, language: str) -> None:
    home = site.page("" if language == "fr" else "en/")
    article = home.content
    assert len(article.select("h1")) == 1
    paragraphs = article.find("h1").find_next_siblings("p", limit=3)
    assert len(paragraphs) == 3 and all(len(p.get_text()) > 100 for p in paragraphs)
    assert len(article.select("ol > li > a")) == QUESTION_COUNT


@pytest.mark.parametrize("language", LANGUAGES)
def test_questions_link_to_previous_and_next(site: Site, language: str) -> None:
    questions = site.questions(language)
    for before, page, after in zip(questions, questions[1:], questions[2:], strict=False):
        prev_link = page.soup.find("link", rel="prev")["href"]
        next_link = page.soup.find("link", rel="next")["href"]
        assert prev_link == f"../{before.path.parent.name}/", page.path
        assert next_link == f"../{after.path.parent.name}/", page.path

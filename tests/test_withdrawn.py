"""Withdrawn questions keep their old addresses (`withdrawn` on the "all questions" page,
src/faq_site/readers/withdrawn.py).

The tests' FAQ site withdrew one question: its "all questions" pages list it, with its date. At its
old address, in each language, the built site must tell readers in that language that it was
withdrawn and when, link to all questions, stay out of search engines, the sitemap and the search
indexes, pass the site's allow-list and Content-Security-Policy, and weigh no more than moving
to another page may (README, "Performance"). Read from the files the build wrote, without a browser
(tests/test_browser.py loads every file the build wrote, these too, under their policy). Mistakes
in `withdrawn` stop the build with one line each (tests/mistakes_withdrawn.py).
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
from fixture_checks import config as fixture_config
from fixture_checks import site as fixture_checks_site
from page_editing import SourcePage
from site_settings import read_config
from test_published_browsing import NEXT_PAGE_BYTES

from faq_site.checks.content_allowlist import content_problems, published_problems
from faq_site.checks.rendered import PublishedPage, RenderedPage
from faq_site.languages import rules_for
from faq_site.readers import csp
from faq_site.readers.redirects import redirect_page
from faq_site.readers.withdrawn import Withdrawal, read_withdrawals, withdrawn_page

from conftest import DEFAULT_LANGUAGE, LANGUAGES, Page, Site

ALL_QUESTIONS = {"fr": "faq/index.md", "en": "faq/index.en.md"}


def prefix(language: str) -> str:
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def withdrawn(site: Site) -> Withdrawal:
    """The fixture's withdrawn question, as its "all questions" page lists it (the page model)."""
    found, problems = read_withdrawals(SourcePage(site.docs, ALL_QUESTIONS[DEFAULT_LANGUAGE]).model())
    assert found and not problems, problems
    return found[0]


def notice(site: Site, language: str) -> Page:
    page = site.page(f"{prefix(language)}faq/{withdrawn(site).name}/")
    assert page in site.withdrawn_notices, page.path
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_old_address_says_in_its_language_that_the_question_was_withdrawn_and_when(
    fixture_site: Site, language: str
) -> None:
    page, withdrawal = notice(fixture_site, language), withdrawn(fixture_site)
    strings = read_config(fixture_site.project)["extra"]["strings"][language]
    assert page.tree.css_first("html").attributes["lang"] == language
    assert page.tree.css_first("h1").text() == strings["withdrawn_title"]
    date = page.tree.css_first("time")
    # The date as the site writes dates in that language: « 1er décembre 2026 », "1 December 2026".
    assert date.attributes["datetime"] == withdrawal.day.isoformat()
    assert date.text() == rules_for(language).date_text(withdrawal.day)
    said = strings["withdrawn_text"].replace("{date}", date.text())
    assert said in [p.text() for p in page.tree.css("p")]
    assert page.tree.css_first("title").text().startswith(f"{strings['withdrawn_title']} – ")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_old_address_links_to_all_questions(fixture_site: Site, language: str) -> None:
    page = notice(fixture_site, language)
    (link,) = page.tree.css("a")
    all_questions = fixture_site.page(f"{prefix(language)}faq/")
    assert urljoin(f"/{page.url_path}", link.attributes["href"]) == f"/{all_questions.url_path}"
    assert link.text() == all_questions.h1


def test_the_old_addresses_are_out_of_search_engines_the_sitemap_and_search(fixture_site: Site) -> None:
    name = withdrawn(fixture_site).name
    for language in LANGUAGES:
        assert notice(fixture_site, language).tree.css_first('meta[name="robots"]').attributes["content"] == (
            "noindex"
        )
        locations = [doc["location"] for doc in fixture_site.search_index(language)["docs"]]
        assert locations and not any(location.startswith(f"faq/{name}/") for location in locations)
    sitemap = (fixture_site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "/faq/" in sitemap and f"/faq/{name}/" not in sitemap
    assert all(page.path.parent.name != name for page in fixture_site.pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_old_address_passes_the_allow_list_and_runs_nothing(fixture_site: Site, language: str) -> None:
    """What it shows passes the allow-list every page's content passes, every address of the file
    the rule of every published page; it has no script, and its policy allows none."""
    page, docs = notice(fixture_site, language), fixture_site.docs
    source = SourcePage(docs, ALL_QUESTIONS[language]).model()
    site = fixture_checks_site(docs)
    shown = RenderedPage(page.tree.css_first("main").inner_html, language)
    assert content_problems(source, shown, page.url_path, site) == []
    assert published_problems(PublishedPage(page.html), source, page.url_path, site.rule, set()) == []
    assert csp.inline_scripts(page.html) == [] and page.tree.css("script") == []
    policies = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page.html)
    assert policies == [csp.policy([])], policies


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_old_address_weighs_less_than_moving_to_another_page(fixture_site: Site, language: str) -> None:
    """Nothing to load but the site's favicon, which every page loads (no stylesheet, script, image or
    font), and fewer bytes than the next-page budget (tests/test_published_browsing.py) allows a page
    besides its content."""
    page = notice(fixture_site, language)
    (icon,) = page.tree.css("[src], [href]:not(a), script, style, img")
    favicon = fixture_site.page(prefix(language)).tree.css_first('link[rel="icon"]')
    assert (icon.tag, icon.attributes["rel"]) == ("link", "icon")
    home = f"/{prefix(language)}"
    assert urljoin(f"/{page.url_path}", icon.attributes["href"]) == urljoin(home, favicon.attributes["href"])
    assert len(gzip.compress(page.html.encode("utf-8"), compresslevel=9)) <= NEXT_PAGE_BYTES


def test_the_withdrawn_question_is_listed_alike_in_every_language(fixture_site: Site) -> None:
    """The fixture's own lists, read by the page model: the same withdrawals, every language."""
    lists = [
        read_withdrawals(SourcePage(fixture_site.docs, ALL_QUESTIONS[language]).model())
        for language in LANGUAGES
    ]
    assert all(found for found, _ in lists)
    assert len({json.dumps([(w.name, w.day.isoformat()) for w in found]) for found, _ in lists}) == 1


def test_a_title_with_an_ampersand_is_shown_as_written() -> None:
    """MkDocs' page titles are HTML (`&amp;`): the notices show their text, escaped once."""
    config = fixture_config(DEFAULT_LANGUAGE)
    withdrawal = Withdrawal("old-question", date(2026, 12, 1), 1)
    for html in (
        withdrawn_page(withdrawal, "faq/old-question/", ("Questions &amp; réponses", "faq/"), config),
        redirect_page(
            "faq/old/",
            "faq/new/",
            "Questions &amp; réponses",
            "https://example.org/",
            config.extra["strings"][DEFAULT_LANGUAGE],
            DEFAULT_LANGUAGE,
        ),
    ):
        assert Page(Path("x.html"), html).tree.css_first("a").text() == "Questions & réponses"

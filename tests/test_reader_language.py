"""The reader's language offered, never imposed.

A browser that prefers the other language (its `locale`, or navigator.languages
set by an init script) sees, at the top of the page, a notice in that language
linking to the same page in it. On the tests' fixture FAQ (`fixture_site`,
`fixture_server`); strings and links come from its mkdocs.yml and the built pages,
never from this file. (The header readable on phones, with whatever titles the pages
have, is a published-site invariant: tests/test_published_accessibility.py.)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page, expect
from site_settings import read_config

from browsing import DESKTOP, PHONE, SMALL_PHONE, go, one_tab
from conftest import Site, counterpart

pytestmark = pytest.mark.browser

LOCALE = {"fr": "fr-FR", "en": "en-GB"}
OTHER = {"fr": "en", "en": "fr"}
NOTICE = "section.faq-language"
# A browser preferring these languages (a JSON list), as the notice reads them.
PREFERS = "Object.defineProperty(navigator, 'languages', {get: () => %s})"
# Cumulative Layout Shift of the page so far, as Lighthouse counts it (shifts without recent input).
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 300);
})"""


def strings(site: Site, language: str) -> dict[str, str]:
    """The site's own strings in a language (mkdocs.yml, extra.strings)."""
    return read_config(site.project)["extra"]["strings"][language]


def path_in(language: str, path: str) -> str:
    """A French fixture_site path in a language: `faq/x/` -> `en/faq/x/` for English."""
    return path if language == "fr" else f"en/{path}"


def question(site: Site, language: str = "fr", position: int = 0) -> str:
    """A question page's address, by its place in the home page's list."""
    questions = site.questions(language)
    assert len(questions) > position, (
        f"this test needs {position + 1} questions; the fixture has {len(questions)}"
    )
    return questions[position].url_path


@pytest.fixture
def reader(tab: Page) -> Iterator[Callable[..., Page]]:
    """Makes the module's tab (`tab`, tests/conftest.py) the browser of a reader preferring
    `languages` (navigator.languages, as the notice reads them), at the size of `viewport`, for the
    test's pages; the script that says so is removed after the test (it would outlive it)."""
    scripts = []

    def prefers(languages: list[str], viewport: dict = DESKTOP) -> Page:
        tab.set_viewport_size(viewport)
        scripts.append(tab.add_init_script(PREFERS % json.dumps(languages)))
        return tab

    yield prefers
    for script in scripts:
        script.close()


def switcher_link(page: Page, language: str) -> str:
    return page.locator(f"a.md-select__link[hreflang={language}]").evaluate("a => a.href")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_reader_preferring_the_other_language_is_offered_it(
    browser: Browser, fixture_server: str, fixture_site: Site, language: str
) -> None:
    other = OTHER[language]
    home = fixture_site.page(path_in(language, ""))
    pages = (home, fixture_site.questions(language)[0], fixture_site.page(path_in(language, "about/")))
    with one_tab(browser, locale=LOCALE[other]) as page:  # one tab: each page a new document in it
        for built in pages:
            page.goto(urljoin(fixture_server, built.url_path))
            offered = strings(fixture_site, other)
            notice = page.get_by_role("region", name=offered["language_notice_label"])
            expect(notice).to_have_count(1)
            expect(notice).to_have_attribute("lang", other)
            link = notice.get_by_role("link", name=offered["language_notice"])
            expect(link).to_have_attribute("hreflang", other)
            # The same page in the other language: the switcher's own link.
            href = link.evaluate("a => a.href")
            assert href == switcher_link(page, other) == urljoin(fixture_server, counterpart(built.url_path))
            # Near the top: before the page's heading.
            assert page.evaluate(
                f"document.querySelector('{NOTICE}').compareDocumentPosition("
                "document.querySelector('article h1')) & Node.DOCUMENT_POSITION_FOLLOWING"
            )


@pytest.mark.parametrize(
    ("language", "languages"),
    [
        ("fr", ["fr-FR"]),
        ("en", ["en-GB"]),
        ("fr", ["fr-CA", "en-GB"]),
        ("en", ["en-US", "fr"]),
        ("fr", ["de-DE", "fr", "en"]),  # French ranks above English
        ("en", ["es"]),  # neither: no offer
    ],
)
def test_nothing_for_a_reader_who_prefers_the_page_language(
    reader, fixture_server: str, fixture_site: Site, language: str, languages: list[str]
) -> None:
    page = reader(languages)
    page.goto(urljoin(fixture_server, question(fixture_site, language)))
    assert page.evaluate("[...navigator.languages]") == languages  # this reader's, and no other's
    expect(page.locator(NOTICE)).to_have_count(0)


def test_the_language_ranked_first_among_the_site_languages_is_offered(
    reader, fixture_server: str, fixture_site: Site
) -> None:
    page = reader(["de-DE", "en", "fr"])
    page.goto(urljoin(fixture_server, question(fixture_site)))
    expect(page.locator(NOTICE)).to_have_attribute("lang", "en")


def test_a_dismissed_notice_stays_dismissed(reader, fixture_server: str, fixture_site: Site) -> None:
    page = reader([LOCALE["en"]])
    go(page, urljoin(fixture_server, question(fixture_site)))
    dismiss = page.locator(f"{NOTICE} button")
    expect(dismiss).to_have_attribute("aria-label", strings(fixture_site, "en")["language_notice_dismiss"])
    # With the keyboard: the notice's link, then its button.
    page.locator(f"{NOTICE} a").focus()
    page.keyboard.press("Tab")
    expect(dismiss).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(NOTICE)).to_have_count(0)
    for path in ("faq/", question(fixture_site, position=1), ""):
        page.goto(urljoin(fixture_server, path))
        expect(page.locator("article h1")).to_be_visible()
        expect(page.locator(NOTICE)).to_have_count(0)


def test_choosing_a_language_with_the_switcher_counts_as_a_choice(
    reader, fixture_server: str, fixture_site: Site
) -> None:
    page = reader([LOCALE["fr"]])
    go(page, urljoin(fixture_server, question(fixture_site)))
    expect(page.locator(NOTICE)).to_have_count(0)
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    english = urljoin(fixture_server, question(fixture_site, "en"))
    page.wait_for_url(english)
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(NOTICE)).to_have_count(0)
    # Without that choice (the site's storage empty, as a new reader's), the same reader is
    # offered French there.
    page.evaluate("localStorage.clear()")
    page.goto(english)
    expect(page.locator(NOTICE)).to_have_count(1)


def test_the_notice_is_not_printed(reader, fixture_server: str, fixture_site: Site) -> None:
    page = reader([LOCALE["en"]])
    page.goto(urljoin(fixture_server, question(fixture_site)))
    expect(page.locator(NOTICE)).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(NOTICE)).to_be_hidden()


def test_nothing_without_javascript(browser: Browser, fixture_server: str, fixture_site: Site) -> None:
    with one_tab(browser, locale=LOCALE["en"], java_script_enabled=False) as page:
        page.goto(urljoin(fixture_server, question(fixture_site)))
        expect(page.locator("article h1")).to_be_visible()
        expect(page.locator(NOTICE)).to_have_count(0)
        expect(page.get_by_text(strings(fixture_site, "en")["language_notice"])).to_have_count(0)


def test_the_notice_is_small_and_inline(fixture_site: Site) -> None:
    import gzip
    import re

    html = fixture_site.page(question(fixture_site)).html
    notice = re.search(r"<template[^>]*><section class=\"faq-language.*?</script>", html, re.DOTALL)
    assert notice is not None
    assert len(gzip.compress(notice.group(0).encode(), 9)) < 800


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE, SMALL_PHONE], ids=["desktop", "phone", "small-phone"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_notice_moves_no_content(
    reader, fixture_server: str, fixture_site: Site, viewport: dict, language: str
) -> None:
    page = reader([LOCALE[OTHER[language]]], viewport)
    go(page, urljoin(fixture_server, question(fixture_site, language, position=1)))
    expect(page.locator(NOTICE)).to_have_count(1)
    assert page.evaluate(CLS) <= 0.01


def test_the_layout_shift_measure_sees_a_late_notice(reader, fixture_server: str, fixture_site: Site) -> None:
    # What the measure above would report if the notice were inserted after the page was shown.
    page = reader([LOCALE["fr"]])
    go(page, urljoin(fixture_server, question(fixture_site, position=1)))
    page.evaluate(
        "document.querySelector('article').prepend(Object.assign(document.createElement('p'),"
        " {textContent: 'late', style: 'height: 100px'}))"
    )
    assert page.evaluate(CLS) > 0.01

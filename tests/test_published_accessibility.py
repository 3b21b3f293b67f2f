"""Every page readable by everyone, whatever it says: phones show the header's titles in full
(axe-core on every page: tests/test_published_browsing.py, where every page is visited once).

Published-site invariants (`published_site`, tests/published.py) in headless Chromium
(tests/browsing.py), on every page of the real site and of the fixture FAQ. In CI they always
run; elsewhere, without Chromium, they are skipped with a message that says how to get it.
(Apart from tests/test_published_browsing.py so that pytest-xdist runs the two at once.)
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from published import home_address

from browsing import DESKTOP, PHONE, SMALL_PHONE, axe_results, open_page, start_axe, wait_until_started
from conftest import LANGUAGES, Site

pytestmark = [pytest.mark.published_site, pytest.mark.browser]


# Accessibility: axe-core on every page, in both colour schemes, is checked where every page is
# visited once (tests/test_published_browsing.py); here, that its measure sees a violation.


def test_axe_sees_an_image_without_alt_text(browser: Browser, published_server: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    try:
        page, _ = open_page(context, published_server)
        page.evaluate("document.querySelector('article').append(document.createElement('img'))")
        start_axe(page)
        assert [violation["id"] for violation in axe_results(page).response["violations"]] == ["image-alt"]
    finally:
        context.close()


# The header on phones: the site's name, and the longest title, as Material shows it while
# scrolling, each readable in full.

TITLE_FITS = """() => [...document.querySelectorAll('.md-header__topic')]
  .filter(topic => getComputedStyle(topic).opacity !== '0')
  .map(topic => {
    const text = topic.querySelector('.md-ellipsis');
    const box = text.getBoundingClientRect();
    const header = document.querySelector('.md-header__title').getBoundingClientRect();
    return {text: text.textContent.trim(),
            fits: text.scrollWidth <= text.clientWidth && text.scrollHeight <= text.clientHeight
                  && box.top >= header.top && box.bottom <= header.bottom
                  && box.left >= header.left && box.right <= header.right};
  })"""


def visible_titles(page: Page) -> list[dict]:
    page.wait_for_timeout(500)  # Material's title transition
    return page.evaluate(TITLE_FITS)


@pytest.fixture(scope="module")
def phone(browser: Browser, published: Site) -> Iterator[BrowserContext]:
    """One browser context for the phones' tests of a site: its cache warm after the first page,
    as a reader's is (a new context's first load compiles Material's bundle and stylesheet again).
    Each test opens its own tab, at its own size; none stores anything."""
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, SMALL_PHONE], ids=lambda viewport: f"{viewport['width']}px")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_title_is_readable_in_full_on_phones(
    phone: BrowserContext, published: Site, published_server: str, viewport: dict, language: str
) -> None:
    home = published.page(home_address(language))
    longest = max(published.pages_in(language), key=lambda built: len(built.h1))
    page = phone.new_page()  # one tab, at the phone's size, each page a new document in it
    page.set_viewport_size(viewport)
    try:
        for built in (home, longest):
            page.goto(urljoin(published_server, built.url_path))
            wait_until_started(page)
            for scrolled in (False, True):
                if scrolled:
                    page.mouse.wheel(0, 2000)  # past the heading, where Material may swap the title
                titles = visible_titles(page)
                assert titles and all(title["fits"] for title in titles), (built.path, scrolled, titles)
    finally:
        page.close()


def test_the_title_measure_sees_a_cut_title(browser: Browser, published_server: str) -> None:
    context = browser.new_context(viewport=SMALL_PHONE)
    try:
        page, _ = open_page(context, published_server)
        page.evaluate(
            "document.querySelector('.md-header__topic .md-ellipsis').textContent ="
            " 'A site name far too long to fit in the header of a phone, even on two lines'"
        )
        assert not all(title["fits"] for title in visible_titles(page))
    finally:
        context.close()

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
from playwright.sync_api import Browser, Page
from published import home_address

from browsing import PHONE, SMALL_PHONE, go, one_tab, visible_titles
from conftest import LANGUAGES, Site

pytestmark = [pytest.mark.published_site, pytest.mark.browser]


# The header on phones: the site's name, and the longest title, as Material shows it while
# scrolling, each readable in full (TITLE_FITS; the measure's own test is in tests/test_browser.py).


@pytest.fixture(scope="module")
def phone(browser: Browser, published: Site) -> Iterator[Page]:
    """One tab for the phones' tests of a site, each test setting its size and loading its pages in
    it: a new tab costs its first page compiling Material's bundle and stylesheet again, and a new
    context more (tests/browsing.py). None of the tests stores anything."""
    with one_tab(browser, viewport=PHONE) as made:
        yield made


@pytest.mark.parametrize("viewport", [PHONE, SMALL_PHONE], ids=lambda viewport: f"{viewport['width']}px")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_title_is_readable_in_full_on_phones(
    phone: Page, published: Site, published_server: str, viewport: dict, language: str
) -> None:
    home = published.page(home_address(language))
    longest = max(published.pages_in(language), key=lambda built: len(built.h1))
    phone.set_viewport_size(viewport)
    for built in dict.fromkeys((home, longest)):
        go(phone, urljoin(published_server, built.url_path))
        phone.evaluate("scrollTo(0, 0)")  # loaded again in the tab, a page keeps its place: the top first
        for scrolled in (False, True):
            if scrolled:
                phone.mouse.wheel(0, 2000)  # past the heading, where Material may swap the title
            titles = visible_titles(phone)
            assert titles and all(title["fits"] for title in titles), (built.path, scrolled, titles)

"""Renamed pages keep their old addresses (front matter `renamed_from`, src/faq_site/readers/redirects.py).

One question of the tests' FAQ site was renamed: its two files declare their old name; the old
addresses, in both languages, must lead readers to the new page over HTTP, and stay out of the
sitemap and the search indexes. Mistakes in `renamed_from` stop the build with one line naming
the file and what to do (tests/mistakes_renames.py, with the other editor mistakes).
"""

from __future__ import annotations

import contextlib
import json
import re
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from page_editing import questions
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from faq_site.readers.redirects import REDIRECT_SCRIPT

from conftest import Site

KEY = "renamed_from"


def renamed(docs: Path) -> tuple[str, str]:
    """(old name, new name) of the fixture's renamed question: the one with `renamed_from`."""
    page = next(page for page in questions(docs) if page.has_key(KEY))
    (old,) = page.value(KEY)
    return old, page.slug


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.geturl(), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, url, ""


@pytest.fixture(scope="module")
def renamed_site(fixture_site: Site, fixture_server: str) -> tuple[str, Path, str, str]:
    """The fixture site, served: one of its questions was renamed, and says so (`renamed_from`)."""
    return fixture_server, fixture_site.root, *renamed(fixture_site.docs)


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fr", "en"])
def test_old_address_leads_to_the_renamed_page(renamed_site, prefix: str) -> None:
    url, _, old, new = renamed_site
    new_url = urljoin(url, f"{prefix}faq/{new}/")
    status, _, new_html = fetch(new_url)
    assert status == 200
    new_page = BeautifulSoup(new_html, "html.parser")
    title = new_page.find("article").find("h1").get_text().rstrip("¶")

    status, _, html = fetch(urljoin(url, f"{prefix}faq/{old}/"))
    assert status == 200
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == new_page.html["lang"]
    assert (
        page.find("link", rel="canonical")["href"]
        == new_page.find("link", rel="canonical")["href"]
        == new_url
    )
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    delay, target = re.fullmatch(r"(\d+); url=(.+)", refresh).groups()
    assert delay == "0"
    assert urljoin(urljoin(url, f"{prefix}faq/{old}/"), target) == new_url
    link = page.find("body").find("a")  # for readers whose browser does not follow the refresh
    assert link.get_text() == title
    assert urljoin(urljoin(url, f"{prefix}faq/{old}/"), link["href"]) == new_url
    script = page.find("script")  # keeps #section; its text is the same on every notice (readers/csp.py)
    assert (script["data-to"], script.get_text()) == (target, REDIRECT_SCRIPT)


@pytest.mark.browser
def test_a_browser_lands_on_the_new_page_at_the_same_section(renamed_site, tab: Page) -> None:
    url, _, old, new = renamed_site
    addresses = [urljoin(url, f"{prefix}faq/{{}}/#learn-more") for prefix in ("", "en/")]
    landed = []
    for address in addresses:  # each old address, given ten seconds to reach the new one
        tab.goto(address.format(old))
        with contextlib.suppress(PlaywrightTimeoutError):
            tab.wait_for_url(address.format(new), timeout=10_000)
        landed.append(tab.url)
    assert landed == [address.format(new) for address in addresses]


def test_old_addresses_are_not_in_the_sitemap_or_search(renamed_site) -> None:
    url, root, old, new = renamed_site
    sitemap = (root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/faq/{new}/" in sitemap
    assert f"/faq/{old}/" not in sitemap
    for index_path in (
        root / "search" / "search_index.full.json",
        root / "en" / "search" / "search_index.full.json",
    ):
        locations = {doc["location"] for doc in json.loads(index_path.read_text(encoding="utf-8"))["docs"]}
        assert f"faq/{new}/" in locations
        assert not any(location.startswith(f"faq/{old}/") for location in locations)

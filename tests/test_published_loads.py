"""What a reader's browser fetches from every page: only the site's own files, within a byte and
request budget, whatever the pages say.

Published-site invariants (`published_site`, tests/published.py) in headless Chromium
(tests/browsing.py), on every page of the real site and of the fixture FAQ. In CI they always
run; elsewhere, without Chromium, they are skipped with a message that says how to get it.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from published import home_address

from browsing import (
    DESKTOP,
    Load,
    file_for,
    first_load_bytes,
    first_loads,
    gzip_size,
    open_page,
    settled,
)
from conftest import LANGUAGES, PagesHandler, Site
from conftest import Page as SitePage

pytestmark = [pytest.mark.published_site, pytest.mark.browser]

# What a reader's phone fetches (README, "Performance"), every file counted
# gzip-compressed, besides what editors write (`content_bytes`: it grows with
# the answers, and is theirs): a page's first load, with an empty cache...
FIRST_LOAD_BYTES = 65_000
FIRST_LOAD_REQUESTS = 8
# ...and moving on to another page of the same language: the page alone.
NEXT_PAGE_BYTES = 4_400


def page_urls(site: Site, server: str) -> list[str]:
    return [urljoin(server, page.url_path) for page in site.pages]


# Network: the site alone, every response 200, a quiet console, a byte budget


@dataclass(frozen=True)
class FirstLoad:
    load: Load
    # The hreflang links the page shows once Material has started: Material would fetch a
    # sitemap.xml next to each, so overrides/main.html hides them from it, then puts them back.
    alternates: list[list[str]]


@pytest.fixture(scope="module")
def cold_loads(browser: Browser, published: Site, published_server: str) -> dict[str, FirstLoad]:
    """Every page's first load with an empty cache, by URL."""
    loads = {}
    for url, page, load in first_loads(browser, page_urls(published, published_server)):
        alternates = page.evaluate(
            "[...document.querySelectorAll('link[rel=alternate]')]"
            ".map(link => [link.hreflang, link.getAttribute('href')])"
        )
        loads[url] = FirstLoad(load, alternates)
    return loads


def test_pages_request_nothing_but_the_site(cold_loads: dict[str, FirstLoad], published_server: str) -> None:
    problems = []
    for url, first in cold_loads.items():
        load = first.load
        others = [u for u in load.urls if not u.startswith(published_server) and not u.startswith("data:")]
        bad = [f"{status} {u}" for status, u in load.responses if status != 200]
        if others or bad or load.failed or load.console_errors:
            problems.append(
                f"{url}: other hosts {others}, non-200 {bad}, failed {load.failed}, "
                f"console {load.console_errors}"
            )
    assert not problems, "\n".join(problems)


def test_pages_fetch_no_sitemap_and_keep_their_hreflang_links(
    cold_loads: dict[str, FirstLoad], published: Site, published_server: str
) -> None:
    problems = []
    for url, first in cold_loads.items():
        built = [
            [link.attributes["hreflang"], link.attributes["href"]]
            for link in published.page(url.removeprefix(published_server)).tree.css("link[rel=alternate]")
        ]
        if (
            [u for u in first.load.urls if "sitemap" in u]
            or first.alternates != built
            or len(built) <= len(LANGUAGES)
        ):
            problems.append(
                f"{url}: fetched {first.load.urls}; hreflang links {first.alternates}, built {built}"
            )
    assert not problems, "\n".join(problems)


def content_files(page: SitePage, page_url: str) -> set[str]:
    """The addresses of the files a page's article shows (images: `src`, every `srcset` candidate):
    editors put them there, as they write the text, so the budgets leave them out too."""
    found = set()
    for node in page.tree.css("article img, article source"):
        candidates = [node.attributes.get("src") or ""]
        candidates += [
            part.split()[0] for part in (node.attributes.get("srcset") or "").split(",") if part.strip()
        ]
        found.update(urljoin(page_url, candidate) for candidate in candidates if candidate)
    return found


def content_bytes(html_file: Path) -> int:
    """Compressed bytes of what docs/ puts in a page: its article, its structured data and the
    navigation's list of pages. They grow with the answers and the questions, which are the
    editors': the budgets count every byte but these (and the files the article shows,
    `content_files`)."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    parts = [
        soup.find("article"),
        soup.find("nav", class_="md-nav--primary"),
        *soup.find_all("script", type="application/ld+json"),
    ]
    return gzip_size_of("".join(str(part) for part in parts if part is not None).encode())


def gzip_size_of(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def test_content_bytes_follow_the_answers(tmp_path: Path, site: Site) -> None:
    # An answer made longer (here: with the other pages' paragraphs, some 2 KB of them) adds to
    # the page and to its content alike: what is left, the site's, hardly moves.
    page, *others = site.pages_in(LANGUAGES[0])
    paragraphs = [paragraph.html for other in others for paragraph in other.tree.css("article p")]
    added = ""
    while paragraphs and len(added) < 2000:
        added += paragraphs.pop(0)
    pages = {"before": page.html, "after": page.html.replace("</article>", f"{added}</article>", 1)}
    rest = {}
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
        rest[name] = gzip_size(tmp_path / name) - content_bytes(tmp_path / name)
    assert gzip_size(tmp_path / "after") - gzip_size(tmp_path / "before") > 100
    assert abs(rest["after"] - rest["before"]) < 50, rest


def first_load_problems(url: str, size: int, requests: int) -> list[str]:
    problems = []
    if size > FIRST_LOAD_BYTES:
        problems.append(
            f"{url}: first load {size} bytes (gzip) besides the page's content, over {FIRST_LOAD_BYTES}"
        )
    if requests > FIRST_LOAD_REQUESTS:
        problems.append(f"{url}: first load {requests} requests, over {FIRST_LOAD_REQUESTS}")
    return problems


def test_first_load_budget_catches_a_heavy_page() -> None:
    assert first_load_problems("q", FIRST_LOAD_BYTES + 1, 1)
    assert first_load_problems("q", 1, FIRST_LOAD_REQUESTS + 1)
    assert not first_load_problems("q", FIRST_LOAD_BYTES, FIRST_LOAD_REQUESTS)


def test_first_load_stays_within_the_budget(
    cold_loads: dict[str, FirstLoad], published: Site, published_server: str
) -> None:
    problems = []
    for url, first in cold_loads.items():
        load = first.load
        shown = content_files(published.page(url.removeprefix(published_server)), url)
        site_files = Load(responses=[(status, u) for status, u in load.responses if u not in shown])
        size = first_load_bytes(site_files, published.url, published.root) - content_bytes(
            file_for(url, published.url, published.root)
        )
        problems += first_load_problems(url, size, len(site_files.responses))
    assert not problems, "\n".join(problems)


def next_page_problems(url: str, requested: list[str], size: int) -> list[str]:
    problems = []
    if requested != [urlsplit(url).path]:
        problems.append(f"{url}: moving to it fetched {requested}, not the page alone")
    if size > NEXT_PAGE_BYTES:
        problems.append(f"{url}: {size} bytes (gzip) besides its content, over {NEXT_PAGE_BYTES}")
    return problems


def test_next_page_budget_catches_an_extra_request_or_a_heavy_page() -> None:
    url = "http://127.0.0.1:1/faq/x/"
    assert next_page_problems(url, ["/faq/x/", "/sitemap.xml"], 1)
    assert next_page_problems(url, ["/faq/x/"], NEXT_PAGE_BYTES + 1)
    assert not next_page_problems(url, ["/faq/x/"], NEXT_PAGE_BYTES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_moving_to_another_page_fetches_that_page_alone(
    browser: Browser, published: Site, published_server: str, language: str
) -> None:
    """From the language's home page, "next" through every page of the language: each move, the
    page and nothing else (but the files its article shows, which are the editors')."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page, _ = open_page(context, urljoin(published_server, home_address(language)))
        settled(page)
        problems, moves = [], 0
        next_link = page.locator("a.md-footer__link--next")
        while next_link.count():
            PagesHandler.requested.clear()
            with page.expect_navigation():
                next_link.click()
            settled(page)
            html_file = file_for(page.url, published.url, published.root)
            size = gzip_size(html_file) - content_bytes(html_file)
            shown = {
                urlsplit(u).path
                for u in content_files(published.page(page.url.removeprefix(published_server)), page.url)
            }
            requested = [path for path in PagesHandler.requested if path not in shown]
            problems += next_page_problems(page.url, requested, size)
            moves += 1
    finally:
        context.close()
    assert moves == len(published.pages_in(language)) - 1, "the walk missed pages"
    assert not problems, "\n".join(problems)

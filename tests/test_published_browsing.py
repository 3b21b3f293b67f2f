"""Every page as a reader's browser has it: only the site's own files, within a byte and request
budget, and readable by everyone (axe-core finds no WCAG 2.1 A or AA violation, in either colour
scheme), whatever the pages say.

Published-site invariants (`published_site`, tests/published.py) in headless Chromium
(tests/browsing.py), on every page of the real site and of the fixture FAQ. In CI they always
run; elsewhere, without Chromium, they are skipped with a message that says how to get it.

Every page is visited once (`visits`), as a reader goes through a language: its home page with an
empty cache, then "next" to every other page. What each page used (its `Load`: every file, from
the network or the cache) is what its first load with an empty cache fetches, which
`test_a_visit_sees_what_a_first_load_fetches` proves on the last page of each language; what
reached the server is what moving to it costs; axe-core runs there, in each scheme. The first
language's walk ends on the 404 page, for axe-core too.
"""

from __future__ import annotations

import gzip
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.base import AxeResults
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright
from published import home_address

from browsing import (
    REPORT_CSP_VIOLATIONS,
    Load,
    axe_in_every_scheme,
    cold_load,
    file_for,
    first_load_bytes,
    go,
    gzip_size,
    launch,
    one_tab,
    settled,
    watching,
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
# The site's answer to an address that is no page: its bilingual 404 page.
MISSING = "no-such-page/"


@dataclass(frozen=True)
class Visit:
    """One page, as a reader going through its language had it."""

    language: str
    # Every file the page used, and what its console said (Content-Security-Policy violations
    # included: REPORT_CSP_VIOLATIONS), until it settled.
    load: Load
    fetched: list[str]  # the paths that reached the server: what moving to the page cost
    # The hreflang links the page shows once Material has started: Material would fetch a
    # sitemap.xml next to each, so overrides/main.html hides them from it, then puts them back.
    alternates: list[list[str]]
    axe: dict[str, AxeResults]  # by colour scheme


@dataclass(frozen=True)
class Walks:
    """Every page of every language, visited once (`visit_all`), by URL; and axe-core's results on
    the 404 page, by colour scheme, where the first language's walk ends."""

    visits: dict[str, Visit]
    missing: dict[str, AxeResults]


def visit_all(
    browser: Browser, server: str, language: str, network: threading.Lock, *, missing: str | None = None
) -> tuple[dict[str, Visit], dict[str, AxeResults]]:
    """The language's home page with an empty cache, then "next" through every page, in one tab (so
    the cache is the reader's), waiting each time until nothing more is fetched (`settled`). The
    moves take turns with the other languages' walks (`network`): what reaches the server while a
    page loads is that page's alone. Then, if asked, the `missing` address, with axe-core on it
    (no new context for it: a new context compiles Material again)."""
    visits = {}
    with one_tab(browser) as page:
        # Each page's own load, checked for Content-Security-Policy violations here only (the CSP
        # test of tests/test_browser.py loads the files that are not pages, and what readers do).
        page.context.add_init_script(REPORT_CSP_VIOLATIONS)
        next_link = page.locator("a.md-footer__link--next")
        while True:
            with network:
                PagesHandler.requested.clear()
                with watching(page) as load:
                    if not visits:
                        page.goto(urljoin(server, home_address(language)))
                    else:
                        with page.expect_navigation():
                            next_link.click()
                    settled(page)
                fetched = list(PagesHandler.requested)
            alternates = page.evaluate(
                "[...document.querySelectorAll('link[rel=alternate]')]"
                ".map(link => [link.hreflang, link.getAttribute('href')])"
            )
            visits[page.url] = Visit(language, load, fetched, alternates, axe_in_every_scheme(page))
            if not next_link.count():
                if missing is None:
                    return visits, {}
                with network:  # its requests are no other walk's
                    go(page, missing)
                return visits, axe_in_every_scheme(page)


def visit_all_in_a_thread(server: str, language: str, network: threading.Lock) -> dict[str, Visit]:
    """`visit_all` in a thread of its own, with its own Chromium (Playwright's API is one per thread)."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            visits, _ = visit_all(browser, server, language, network)
            return visits
        finally:
            browser.close()


@pytest.fixture(scope="module")
def walks(browser: Browser, published: Site, published_server: str) -> Walks:
    """Every page of every language, visited once (`visit_all`): the first language here, then the
    404 page, the others each in a thread at the same time, so that one runs axe-core while
    another moves."""
    network = threading.Lock()
    first, *others = LANGUAGES
    with ThreadPoolExecutor(max(1, len(others))) as walkers:
        other_walks = [
            walkers.submit(visit_all_in_a_thread, published_server, language, network) for language in others
        ]
        visits, missing = visit_all(
            browser, published_server, first, network, missing=urljoin(published_server, MISSING)
        )
        for walk in other_walks:
            visits.update(walk.result())
    return Walks(visits, missing)


@pytest.fixture(scope="module")
def visits(walks: Walks) -> dict[str, Visit]:
    return walks.visits


def test_every_page_is_visited(visits: dict[str, Visit], published: Site, published_server: str) -> None:
    """ "Next" leads through every page of each language, once: no page escapes the checks below."""
    for language in LANGUAGES:
        visited = [url for url, visit in visits.items() if visit.language == language]
        expected = [urljoin(published_server, page.url_path) for page in published.pages_in(language)]
        assert sorted(visited) == sorted(expected), f"the walk through {language} missed pages"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visit_sees_what_a_first_load_fetches(
    browser: Browser, visits: dict[str, Visit], language: str
) -> None:
    """The budgets below read each page's visit as its first load with an empty cache: the files it
    used, from the cache or the network. A first load of the page the walk reaches last (the
    cache then fullest) must fetch the same files, with the same answers."""
    last = [url for url, visit in visits.items() if visit.language == language][-1]
    first = cold_load(browser, last)
    assert sorted(set(first.responses)) == sorted(set(visits[last].load.responses)), last


# Network: the site alone, every response 200, a quiet console, a byte budget


def test_pages_request_nothing_but_the_site(visits: dict[str, Visit], published_server: str) -> None:
    problems = []
    for url, visit in visits.items():
        load = visit.load
        others = [u for u in load.urls if not u.startswith(published_server) and not u.startswith("data:")]
        bad = [f"{status} {u}" for status, u in load.responses if status != 200]
        if others or bad or load.failed or load.console_errors:
            problems.append(
                f"{url}: other hosts {others}, non-200 {bad}, failed {load.failed}, "
                f"console {load.console_errors}"
            )
    assert not problems, "\n".join(problems)


def test_pages_fetch_no_sitemap_and_keep_their_hreflang_links(
    visits: dict[str, Visit], published: Site, published_server: str
) -> None:
    problems = []
    for url, visit in visits.items():
        built = [
            [link.attributes["hreflang"], link.attributes["href"]]
            for link in published.page(url.removeprefix(published_server)).tree.css("link[rel=alternate]")
        ]
        if (
            [u for u in visit.load.urls if "sitemap" in u]
            or visit.alternates != built
            or len(built) <= len(LANGUAGES)
        ):
            problems.append(
                f"{url}: fetched {visit.load.urls}; hreflang links {visit.alternates}, built {built}"
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
    visits: dict[str, Visit], published: Site, published_server: str
) -> None:
    problems = []
    for url, visit in visits.items():
        load = visit.load
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


def test_moving_to_another_page_fetches_that_page_alone(
    visits: dict[str, Visit], published: Site, published_server: str
) -> None:
    """Each move from a page to the next of its language: the page and nothing else (but the files
    its article shows, which are the editors')."""
    problems = []
    homes = {urljoin(published_server, home_address(language)) for language in LANGUAGES}
    for url, visit in visits.items():
        if url in homes:  # the first page of the walk: a first load
            continue
        html_file = file_for(url, published.url, published.root)
        size = gzip_size(html_file) - content_bytes(html_file)
        built = published.page(url.removeprefix(published_server))
        shown = {urlsplit(u).path for u in content_files(built, url)}
        requested = [path for path in visit.fetched if path not in shown]
        problems += next_page_problems(url, requested, size)
    assert not problems, "\n".join(problems)


# Accessibility: axe-core, WCAG 2.1 A and AA, every page and the 404 page, both colour schemes


def test_axe_finds_no_violations(walks: Walks, published_server: str) -> None:
    results = {url: visit.axe for url, visit in walks.visits.items()}
    results[urljoin(published_server, MISSING)] = walks.missing
    found = {
        f"{url} ({scheme})": result.generate_report()
        for url, schemes in results.items()
        for scheme, result in schemes.items()
        if result.violations_count
    }
    assert not found, "\n\n".join(f"{url}\n{report}" for url, report in found.items())

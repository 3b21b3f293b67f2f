"""The reading experience in a real browser: search, accessibility, keyboard, print, no JavaScript,
requests and bytes.

Headless Chromium (Debian's, see tests/browsing.py) against the built site served
under its sub-path. In CI these tests always run; elsewhere, without Chromium,
they are skipped with a message that says how to get it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browsing import (
    DESKTOP,
    PHONE,
    Load,
    cold_load,
    first_load_bytes,
    gzip_size,
    open_page,
)
from conftest import PagesHandler, Site

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# What a reader's phone fetches (README, "Performance"), every file counted
# gzip-compressed: a page's first load, with an empty cache...
FIRST_LOAD_BYTES = 68_000
ALL_QUESTIONS_FIRST_LOAD_BYTES = 74_000  # every answer on one page
FIRST_LOAD_REQUESTS = 8
# ...and moving on to another page of the same language: the page alone.
NEXT_PAGE_BYTES = 8_000
SCHEMES = ("light", "dark")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


def page_urls(site: Site, server: str) -> list[str]:
    return [urljoin(server, page.url_path) for page in site.pages]


def open_search(page: Page) -> None:
    page.keyboard.press("/")  # Material's shortcut; "s" and "f" work too
    expect(page.locator("input.md-search__input")).to_be_focused()


def search(page: Page, query: str) -> list[str]:
    """The result links for a query: path, then `?h=` terms and `#fragment` where there are some."""
    open_search(page)
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    return results.evaluate_all(
        "links => links.map(a => { const u = new URL(a.href);"
        " return u.pathname + (u.searchParams.get('h') ? '?h=' + u.searchParams.get('h') : '') + u.hash })"
    )


def matched_pages(results: list[str]) -> set[str]:
    """Pages whose own text matched the query: a result with terms to highlight and no #section."""
    return {result.split("?")[0] for result in results if "?h=" in result and "#" not in result}


# Search in the reader's language


def test_french_search_finds_french_pages_only(context: BrowserContext, server: str) -> None:
    page, _ = open_page(context, urljoin(server, "faq/what-is-nato/"))
    paths = [result.split("?")[0] for result in search(page, "Article 5")]
    base = urlsplit(server).path
    assert f"{base}faq/why-does-nato-exist/" in paths
    assert not [path for path in paths if path.startswith(f"{base}en/")], paths


def test_english_search_finds_english_pages_only(context: BrowserContext, server: str) -> None:
    page, _ = open_page(context, urljoin(server, "en/faq/what-is-nato/"))
    paths = [result.split("?")[0] for result in search(page, "nuclear")]
    base = urlsplit(server).path
    assert f"{base}en/faq/nuclear-chemical-biological-rhetoric/" in paths
    assert all(path.startswith(f"{base}en/") for path in paths), paths


@pytest.mark.parametrize(
    ("path", "query", "page_with_other_form"),
    [
        # Question 3's answer says "membre"; only its learn-more list says "membres".
        ("", "membres", "faq/is-ukraine-a-nato-member/"),
        # Question 1 says "alliance", never "alliances".
        ("", "alliances", "faq/what-is-nato/"),
        # Question 2 says "attack", never "attacks".
        ("en/", "attacks", "en/faq/why-does-nato-exist/"),
        # Question 1's answer only says "L’OTAN".
        ("", "OTAN", "faq/what-is-nato/"),
    ],
)
def test_search_finds_inflected_and_elided_words(
    context: BrowserContext, server: str, path: str, query: str, page_with_other_form: str
) -> None:
    page, load = open_page(context, urljoin(server, path))
    assert f"{urlsplit(server).path}{page_with_other_form}" in matched_pages(search(page, query))
    # The French stemmer was loaded for it, and only on French pages.
    assert any(url.endswith("/lunr.fr.min.js") for url in load.urls) == (path == "")


@pytest.mark.parametrize("path", ["", "en/"])
def test_search_engine_loads_on_the_first_search(context: BrowserContext, server: str, path: str) -> None:
    def engine(urls: list[str]) -> list[str]:
        return [
            url
            for url in urls
            if "/workers/search." in url or "/workers/stemming.js" in url or "/lunr/" in url
        ]

    def pages_text(urls: list[str]) -> list[str]:
        return [url for url in urls if url.endswith(f"{path}search/search_index.full.json")]

    page, load = open_page(context, urljoin(server, path))
    # The page loads the index's settings and the small worker in front of Material's...
    assert any("/workers/search-on-demand.js?worker=" in url for url in load.urls), load.urls
    assert any(url.endswith(f"{path}search/search_index.json") for url in load.urls), load.urls
    # ...and Material's search engine and the pages' text only when the reader searches.
    assert not engine(load.urls), engine(load.urls)
    assert not pages_text(load.urls), pages_text(load.urls)
    search(page, "OTAN" if path == "" else "NATO")
    assert engine(load.urls)
    assert len(pages_text(load.urls)) == 1, load.urls


@pytest.mark.parametrize("path", ["", "en/"])
def test_search_dialog_is_named_in_the_page_language(
    context: BrowserContext, site: Site, server: str, path: str
) -> None:
    page, _ = open_page(context, urljoin(server, path))
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert not results.violations_count, results.generate_report()
    names = {other.url_path: other.soup.find(attrs={"role": "dialog"})["aria-label"] for other in site.pages}
    # One name per language, each page with its own language's.
    other = "en/" if path == "" else ""
    expect(page.get_by_role("dialog")).to_have_accessible_name(names[path])
    assert names[path] != names[other], names
    assert (
        len({name for url_path, name in names.items() if url_path.startswith("en/") == (path == "en/")}) == 1
    )


def test_a_search_result_opens_its_page(context: BrowserContext, server: str) -> None:
    page, _ = open_page(context, urljoin(server, "en/"))
    search(page, "nuclear")
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"{urlsplit(server).path}en/faq/nuclear-chemical-biological-rhetoric/"
    expect(page.locator("article h1")).to_contain_text("nuclear")


# Keyboard


def test_skip_link_is_the_first_stop(context: BrowserContext, server: str) -> None:
    page, _ = open_page(context, urljoin(server, "faq/what-is-nato/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#what-is-nato"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_search_works_without_a_mouse(context: BrowserContext, server: str) -> None:
    page, _ = open_page(context, urljoin(server, "en/faq/what-is-nato/"))
    search(page, "nuclear")
    page.keyboard.press("ArrowDown")  # from the field to the first result
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/en/faq/nuclear-chemical-biological-rhetoric/.*"))


def test_focus_is_visible_on_links(context: BrowserContext, server: str) -> None:
    page, _ = open_page(context, urljoin(server, "faq/what-is-nato/"))
    link = page.locator("article a[href^='https://www.nato.int']").first
    link.focus()
    style = link.evaluate("a => getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth")
    assert not style.startswith("none") and not style.endswith(" 0px"), style


# Accessibility: axe-core, WCAG 2.1 A and AA, every page, both colour schemes


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations(browser: Browser, site: Site, server: str, scheme: str) -> None:
    axe = Axe()
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    found = {}
    try:
        for url in [*page_urls(site, server), urljoin(server, "no-such-page/")]:
            page, _ = open_page(context, url)
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
            if results.violations_count:
                found[url] = results.generate_report()
            page.close()
    finally:
        context.close()
    assert not found, "\n\n".join(f"{url}\n{report}" for url, report in found.items())


def test_colour_scheme_toggle_is_labelled_in_the_page_language(context: BrowserContext, server: str) -> None:
    page, _ = open_page(context, urljoin(server, ""))
    toggle = page.locator("form[data-md-component=palette] label:visible")
    expect(toggle).to_have_attribute("title", "Passer au thème sombre")
    toggle.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    expect(page.locator("form[data-md-component=palette] label:visible")).to_have_attribute(
        "title", "Passer au thème clair"
    )
    # The reader's choice follows them into the other language.
    english, _ = open_page(context, urljoin(server, "en/"))
    assert english.evaluate("document.body.dataset.mdColorScheme") == "slate"
    expect(english.locator("form[data-md-component=palette] label:visible")).to_have_attribute(
        "title", "Switch to light mode"
    )


# Network: the site alone, every response 200, a quiet console, a byte budget


@pytest.fixture(scope="module")
def cold_loads(browser: Browser, site: Site, server: str) -> dict[str, Load]:
    """Every page's first load with an empty cache, by URL."""
    return {url: cold_load(browser, url) for url in page_urls(site, server)}


def test_pages_request_nothing_but_the_site(cold_loads: dict[str, Load], server: str) -> None:
    problems = []
    for url, load in cold_loads.items():
        others = [u for u in load.urls if not u.startswith(server) and not u.startswith("data:")]
        bad = [f"{status} {u}" for status, u in load.responses if status != 200]
        if others or bad or load.failed or load.console_errors:
            problems.append(
                f"{url}: other hosts {others}, non-200 {bad}, failed {load.failed}, "
                f"console {load.console_errors}"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("path", "other"), [("faq/what-is-nato/", "en"), ("en/faq/what-is-nato/", "fr")])
def test_language_switcher_goes_straight_to_the_counterpart(
    context: BrowserContext, server: str, path: str, other: str
) -> None:
    page, load = open_page(context, urljoin(server, path))
    page.locator(".md-header__option .md-select").hover()
    switcher = page.locator(f"a.md-select__link[hreflang={other}]")
    expect(switcher).to_have_attribute("lang", other)
    switcher.click()
    page.wait_for_load_state("networkidle")
    counterpart = path.removeprefix("en/") if other == "fr" else f"en/{path}"
    assert page.url == urljoin(server, counterpart)
    # No redirect on the way; the second page may revalidate cached files (304).
    assert all(status in (200, 304) for status, _ in load.responses), load.responses


def test_missing_page_gets_the_bilingual_404(context: BrowserContext, server: str) -> None:
    page = context.new_page()
    response = page.goto(urljoin(server, "en/faq/no-such-question/"))
    assert response.status == 404
    # Each section in its language: its own lang, or the page's (the minifier drops a lang
    # attribute that only repeats the page's).
    sections = page.locator("section.faq-not-found").evaluate_all(
        "sections => sections.map(s => [s.closest('[lang]').lang, s.querySelector('h1').textContent])"
    )
    assert sorted(sections) == [["en", "Page not found"], ["fr", "Page introuvable"]], sections
    page.locator("section[lang=en] a").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"{urlsplit(server).path}en/"


def is_all_questions(url: str, site: Site) -> bool:
    """The page with every answer: faq/ in each language."""
    return url.removeprefix(site.url).removeprefix("en/") == "faq/"


def first_load_problems(url: str, size: int, requests: int, all_questions: bool) -> list[str]:
    budget = ALL_QUESTIONS_FIRST_LOAD_BYTES if all_questions else FIRST_LOAD_BYTES
    problems = []
    if size > budget:
        problems.append(f"{url}: first load {size} bytes (gzip), over {budget}")
    if requests > FIRST_LOAD_REQUESTS:
        problems.append(f"{url}: first load {requests} requests, over {FIRST_LOAD_REQUESTS}")
    return problems


def test_first_load_budget_catches_a_heavy_page() -> None:
    assert first_load_problems("q", FIRST_LOAD_BYTES + 1, 1, all_questions=False)
    assert first_load_problems("q", 1, FIRST_LOAD_REQUESTS + 1, all_questions=False)
    assert first_load_problems("all", ALL_QUESTIONS_FIRST_LOAD_BYTES + 1, 1, all_questions=True)
    assert not first_load_problems(
        "all", ALL_QUESTIONS_FIRST_LOAD_BYTES, FIRST_LOAD_REQUESTS, all_questions=True
    )


def test_first_load_stays_within_the_budget(cold_loads: dict[str, Load], site: Site) -> None:
    problems = [
        problem
        for url, load in cold_loads.items()
        for problem in first_load_problems(
            url, first_load_bytes(load, site.url, site.root), len(load.responses), is_all_questions(url, site)
        )
    ]
    assert not problems, "\n".join(problems)


def test_pages_fetch_no_sitemap_and_keep_their_hreflang_links(
    browser: Browser, site: Site, server: str
) -> None:
    # Material's bundle would fetch a sitemap.xml next to every <link rel="alternate">;
    # overrides/main.html hides those links from it while it looks, then puts them back.
    for url_path in ("", "faq/what-is-nato/", "en/faq/"):
        context = browser.new_context(viewport=DESKTOP)
        try:
            page, load = open_page(context, urljoin(server, url_path))
            assert not [url for url in load.urls if "sitemap" in url], load.urls
            built = [
                [link["hreflang"], link["href"]]
                for link in site.page(url_path).soup.find_all("link", rel="alternate")
            ]
            shown = page.evaluate(
                "[...document.querySelectorAll('link[rel=alternate]')]"
                ".map(link => [link.hreflang, link.getAttribute('href')])"
            )
            assert len(built) >= 3 and shown == built, (built, shown)
        finally:
            context.close()


def next_page_problems(url: str, requested: list[str], size: int, all_questions: bool) -> list[str]:
    problems = []
    if requested != [urlsplit(url).path]:
        problems.append(f"{url}: moving to it fetched {requested}, not the page alone")
    if size > NEXT_PAGE_BYTES and not all_questions:
        problems.append(f"{url}: {size} bytes (gzip), over {NEXT_PAGE_BYTES}")
    return problems


def test_next_page_budget_catches_an_extra_request_or_a_heavy_page() -> None:
    url = "http://127.0.0.1:1/faq/x/"
    assert next_page_problems(url, ["/faq/x/", "/sitemap.xml"], 1, all_questions=False)
    assert next_page_problems(url, ["/faq/x/"], NEXT_PAGE_BYTES + 1, all_questions=False)
    assert not next_page_problems(url, ["/faq/x/"], NEXT_PAGE_BYTES + 1, all_questions=True)


@pytest.mark.parametrize("home", ["", "en/"])
def test_moving_to_another_page_fetches_that_page_alone(
    context: BrowserContext, site: Site, server: str, home: str
) -> None:
    """From the home page, "next" through every page of the language: each move, the page and nothing else."""
    page, _ = open_page(context, urljoin(server, home))
    problems = []
    next_link = page.locator("a.md-footer__link--next")
    while next_link.count():
        PagesHandler.requested.clear()
        next_link.click()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)  # as open_page: anything the worker would fetch
        page.wait_for_load_state("networkidle")
        url = page.url
        size = gzip_size(site.root / url.removeprefix(site.url) / "index.html")
        problems += next_page_problems(url, list(PagesHandler.requested), size, is_all_questions(url, site))
    assert len(PagesHandler.requested) == 1, "the walk never moved"
    assert not problems, "\n".join(problems)


# Print and no JavaScript


def test_question_prints_cleanly(context: BrowserContext, server: str) -> None:
    page, _ = open_page(context, urljoin(server, "faq/why-does-nato-exist/"))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".md-content__button"):
        assert not page.locator(selector).first.is_visible(), selector
    expect(page.locator("article h1")).to_be_visible()
    link = page.locator("article a[href^='https://www.nato.int']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://www.nato.int/" in after, after


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_readable_and_navigable_without_javascript(browser: Browser, server: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(urljoin(server, ""))
        expect(page.locator("article h1")).to_be_visible()
        question = page.locator("article ol li a").nth(1)
        expect(question).to_be_visible()
        question.click()
        page.wait_for_load_state()
        expect(page.locator("article h1")).to_contain_text("Pourquoi l’OTAN existe-t-elle")
        expect(page.locator("article #learn-more + ul a").first).to_be_visible()
        next_link = page.locator("a.md-footer__link--next")
        expect(next_link).to_be_visible()
        next_link.click()
        page.wait_for_load_state()
        expect(page.locator("article h1")).to_contain_text("L’Ukraine est-elle membre")
    finally:
        context.close()

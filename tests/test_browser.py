"""The reading experience in a real browser: search, accessibility, keyboard, print, no JavaScript,
requests and bytes.

Headless Chromium (Debian's, see tests/browsing.py) against the built site served
under its sub-path. In CI these tests always run; elsewhere, without Chromium,
they are skipped with a message that says how to get it.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, Page, expect
from search_words import (
    SearchIndex,
    lunr_forms,
    plural_not_indexed,
    word_on_one_page,
    word_only_after_an_elision,
    word_shared_with,
)

from browsing import (
    DESKTOP,
    PHONE,
    Load,
    cold_load,
    file_for,
    first_load_bytes,
    gzip_size,
    open_page,
)
from conftest import LANGUAGES, PagesHandler, Site, counterpart

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# What a reader's phone fetches (README, "Performance"), every file counted
# gzip-compressed, besides what editors write (`content_bytes`: it grows with
# the answers, and is theirs): a page's first load, with an empty cache...
FIRST_LOAD_BYTES = 65_000
FIRST_LOAD_REQUESTS = 8
# ...and moving on to another page of the same language: the page alone.
NEXT_PAGE_BYTES = 4_400
SCHEMES = ("light", "dark")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


def page_urls(site: Site, server: str) -> list[str]:
    return [urljoin(server, page.url_path) for page in site.pages]


def a_question(site: Site, language: str = "fr", position: int = 0):
    """A question page, by its place in the home page's list (whatever the questions are today)."""
    questions = site.questions(language)
    assert len(questions) > position, f"this test needs {position + 1} questions; docs/ has {len(questions)}"
    return questions[position]


def title_of(page) -> str:
    """A built page's title as readers see it, without its permalink sign."""
    h1 = page.content.find("h1")
    return " ".join(h1.get_text(" ").replace("¶", " ").split())


@pytest.fixture(scope="module")
def indexes(browser: Browser, site: Site, server: str) -> dict[str, SearchIndex]:
    """Each language's search index as words, with the site's own stemming of them."""
    indexes = {
        language: SearchIndex(site, language, partial(lunr_forms, browser, server)) for language in LANGUAGES
    }
    for index in indexes.values():
        assert index.forms  # computed now, outside the tests' own pages
    return indexes


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


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_pages_of_the_page_language_only(
    context: BrowserContext, site: Site, server: str, indexes: dict[str, SearchIndex], language: str
) -> None:
    # A word both languages' pages use: a search mixing the two indexes would list the others.
    other = next(code for code in LANGUAGES if code != language)
    word, found = word_shared_with(indexes[language], indexes[other])
    page, _ = open_page(context, urljoin(server, a_question(site, language).url_path))
    paths = [result.split("?")[0] for result in search(page, word)]
    base = urlsplit(server).path
    assert f"{base}{indexes[language].url_path(found)}" in paths, (word, paths)
    own = [path for path in paths if path.startswith(f"{base}en/") == (language == "en")]
    assert own == paths, (word, paths)


def other_form(indexes: dict[str, SearchIndex], language: str, case: str) -> tuple[str, str]:
    """(query, the page it must find) for a case of test_search_finds_inflected_and_elided_words."""
    index = indexes[language]
    if case == "plural":  # a page says "alliance", no page "alliances": search "alliances"
        return plural_not_indexed(index)
    if case == "plural on another page":
        return plural_not_indexed(index, other_than=plural_not_indexed(index))
    return word_only_after_an_elision(index)  # a page only says "l’OTAN": search "OTAN"


@pytest.mark.parametrize(
    ("language", "case"),
    [
        ("fr", "plural"),
        ("fr", "plural on another page"),
        ("en", "plural"),
        ("fr", "elided"),
    ],
)
def test_search_finds_inflected_and_elided_words(
    context: BrowserContext, server: str, indexes: dict[str, SearchIndex], language: str, case: str
) -> None:
    query, page_with_other_form = other_form(indexes, language, case)
    path = indexes[language].prefix
    page, load = open_page(context, urljoin(server, path))
    found = matched_pages(search(page, query))
    expected = f"{urlsplit(server).path}{indexes[language].url_path(page_with_other_form)}"
    assert expected in found, (query, found)
    # The French stemmer was loaded for it, and only on French pages.
    assert any(url.endswith("/lunr.fr.min.js") for url in load.urls) == (path == "")


@pytest.mark.parametrize("path", ["", "en/"])
def test_search_engine_loads_on_the_first_search(
    context: BrowserContext, server: str, indexes: dict[str, SearchIndex], path: str
) -> None:
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
    search(page, word_on_one_page(indexes["en" if path else "fr"])[0])
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


def test_a_search_result_opens_its_page(
    context: BrowserContext, site: Site, server: str, indexes: dict[str, SearchIndex]
) -> None:
    word, found = word_on_one_page(indexes["en"])
    target = indexes["en"].url_path(found)
    page, _ = open_page(context, urljoin(server, "en/"))
    search(page, word)
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == f"{urlsplit(server).path}{target}", word
    expect(page.locator("article h1")).to_contain_text(title_of(site.page(target)))


# Keyboard


def test_skip_link_is_the_first_stop(context: BrowserContext, site: Site, server: str) -> None:
    question = a_question(site)
    page, _ = open_page(context, urljoin(server, question.url_path))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == f"#{question.content.find('h1')['id']}"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_search_works_without_a_mouse(
    context: BrowserContext, site: Site, server: str, indexes: dict[str, SearchIndex]
) -> None:
    word, found = word_on_one_page(indexes["en"])
    target = indexes["en"].url_path(found)
    # From another question's page.
    start = next(page for page in site.questions("en") if page.url_path != target)
    page, _ = open_page(context, urljoin(server, start.url_path))
    search(page, word)
    page.keyboard.press("ArrowDown")  # from the field to the first result
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    with page.expect_navigation(url=re.compile(re.escape(urljoin(server, target)) + r"([?#].*)?$")):
        page.keyboard.press("Enter")


# A question's first learn-more link: every question has one (tests/test_content.py).
LEARN_MORE_LINK = "article #learn-more + ul a"


def test_focus_is_visible_on_links(context: BrowserContext, site: Site, server: str) -> None:
    page, _ = open_page(context, urljoin(server, a_question(site).url_path))
    link = page.locator(LEARN_MORE_LINK).first
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


@pytest.mark.parametrize(("language", "other"), [("fr", "en"), ("en", "fr")])
def test_language_switcher_goes_straight_to_the_counterpart(
    context: BrowserContext, site: Site, server: str, language: str, other: str
) -> None:
    path = a_question(site, language).url_path
    page, load = open_page(context, urljoin(server, path))
    page.locator(".md-header__option .md-select").hover()
    switcher = page.locator(f"a.md-select__link[hreflang={other}]")
    expect(switcher).to_have_attribute("lang", other)
    switcher.click()
    page.wait_for_load_state("networkidle")
    assert page.url == urljoin(server, counterpart(path))
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


def content_bytes(html_file: Path) -> int:
    """Compressed bytes of what docs/ puts in a page: its article, its structured data and the
    navigation's list of pages. They grow with the answers and the questions, which are the
    editors': the budgets count every byte but these."""
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
    # An answer made longer (here: another question's paragraphs added to it) adds to the
    # page and to its content alike: what is left, the site's, hardly moves.
    question, other = a_question(site), a_question(site, position=1)
    added = "".join(str(paragraph) for paragraph in other.content.find_all("p"))
    pages = {"before": question.html, "after": question.html.replace("</article>", f"{added}</article>", 1)}
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


def test_first_load_stays_within_the_budget(cold_loads: dict[str, Load], site: Site) -> None:
    problems = [
        problem
        for url, load in cold_loads.items()
        for problem in first_load_problems(
            url,
            first_load_bytes(load, site.url, site.root) - content_bytes(file_for(url, site.url, site.root)),
            len(load.responses),
        )
    ]
    assert not problems, "\n".join(problems)


def test_pages_fetch_no_sitemap_and_keep_their_hreflang_links(
    browser: Browser, site: Site, server: str
) -> None:
    # Material's bundle would fetch a sitemap.xml next to every <link rel="alternate">;
    # overrides/main.html hides those links from it while it looks, then puts them back.
    for url_path in ("", a_question(site).url_path, "en/faq/"):
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
        html_file = file_for(url, site.url, site.root)
        size = gzip_size(html_file) - content_bytes(html_file)
        problems += next_page_problems(url, list(PagesHandler.requested), size)
    assert len(PagesHandler.requested) == 1, "the walk never moved"
    assert not problems, "\n".join(problems)


# Print and no JavaScript


def test_question_prints_cleanly(context: BrowserContext, site: Site, server: str) -> None:
    page, _ = open_page(context, urljoin(server, a_question(site).url_path))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".md-content__button"):
        assert not page.locator(selector).first.is_visible(), selector
    expect(page.locator("article h1")).to_be_visible()
    link = page.locator(LEARN_MORE_LINK).first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after, after


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_readable_and_navigable_without_javascript(
    browser: Browser, site: Site, server: str, viewport: dict
) -> None:
    # The home page's second question, then the page its "next" link leads to.
    second = a_question(site, position=1)
    after = site.page(urljoin(second.url_path, second.soup.find("link", rel="next")["href"]))
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(urljoin(server, ""))
        expect(page.locator("article h1")).to_be_visible()
        question = page.locator("article ol li a").nth(1)
        expect(question).to_be_visible()
        question.click()
        page.wait_for_load_state()
        expect(page.locator("article h1")).to_contain_text(title_of(second))
        expect(page.locator("article #learn-more + ul a").first).to_be_visible()
        next_link = page.locator("a.md-footer__link--next")
        expect(next_link).to_be_visible()
        next_link.click()
        page.wait_for_load_state()
        expect(page.locator("article h1")).to_contain_text(title_of(after))
    finally:
        context.close()


# Reports each Content-Security-Policy violation to the console, where the test collects it.
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e =>
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample}`))"""


def test_no_page_breaks_its_content_security_policy(browser: Browser, site: Site, server: str) -> None:
    """Every HTML file the build wrote (404 and moved-page notices included), with what runs on it:
    the offer to read it in the other language (the browser prefers that language), the palette
    toggle, and a search, which starts the search worker and fetches the index."""
    problems: list[str] = []
    html_files = sorted(site.root.rglob("*.html"))
    assert len(html_files) > len(site.pages) / 2
    for language in LANGUAGES:
        other = next(code for code in LANGUAGES if code != language)
        context = browser.new_context(viewport=DESKTOP, locale=other)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        try:
            for path in html_files:
                relative = path.relative_to(site.root).as_posix()
                in_language = relative.startswith(f"{language}/") or (
                    language == LANGUAGES[0] and not any(relative.startswith(f"{c}/") for c in LANGUAGES)
                )
                if not in_language:
                    continue
                page, load = open_page(context, urljoin(server, relative.removesuffix("index.html")))
                if relative.endswith("index.html") and page.locator("[data-md-component=palette]").count():
                    page.locator("[data-md-component=palette] label:visible").first.click()
                    page.keyboard.press("/")
                    page.keyboard.type("otan")
                    page.wait_for_load_state("networkidle")
                problems += [f"{relative}: {error}" for error in load.console_errors]
                page.close()
        finally:
            context.close()
    assert not problems, "\n".join(problems)

"""The reading experience in a real browser: search, keyboard, colour schemes, the language
switcher, the 404 page, print, no JavaScript, the Content-Security-Policy; and the measures the
published-site invariants make in Chromium, each seeing what it is there to see.

Headless Chromium (Debian's, see tests/browsing.py) against the tests' fixture FAQ, built
and served under its sub-path as GitHub Pages serves it (`fixture_site`, `fixture_server`):
what the site does, not what docs/ says. What must hold on the real site too (requests, byte
budgets, accessibility) is tested on both: tests/test_published_browsing.py and
test_published_accessibility.py. In CI these tests always run; elsewhere, without Chromium,
they are skipped with a message that says how to get it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from search_words import (
    SearchIndex,
    lunr_forms,
    measuring_tab,
    plural_not_indexed,
    word_on_one_page,
    word_only_after_an_elision,
    word_shared_with,
)
from site_settings import plugin_entries, read_config

from browsing import (
    DESKTOP,
    PHONE,
    REPORT_CSP_VIOLATIONS,
    SMALL_PHONE,
    axe_results,
    go,
    one_tab,
    start_axe,
    visible_titles,
    wait_until_started,
    watching,
)
from conftest import LANGUAGES, Site, counterpart

pytestmark = pytest.mark.browser


def a_question(site: Site, language: str = "fr", position: int = 0):
    """A question page, by its place in the home page's list."""
    questions = site.questions(language)
    assert len(questions) > position, (
        f"this test needs {position + 1} questions; the fixture has {len(questions)}"
    )
    return questions[position]


def title_of(page) -> str:
    """A built page's title as readers see it, without its permalink sign."""
    h1 = page.content.find("h1")
    return " ".join(h1.get_text(" ").replace("¶", " ").split())


@pytest.fixture(scope="module")
def indexes(browser: Browser, fixture_site: Site, fixture_server: str) -> Iterator[dict[str, SearchIndex]]:
    """Each language's search index as words, with the site's own stemming of them."""
    with measuring_tab(browser) as tab:
        indexes = {
            language: SearchIndex(fixture_site, language, partial(lunr_forms, tab, fixture_server))
            for language in LANGUAGES
        }
        for index in indexes.values():
            assert index.forms  # computed now, outside the tests' own pages
        yield indexes


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
    tab: Page,
    fixture_site: Site,
    fixture_server: str,
    indexes: dict[str, SearchIndex],
    language: str,
) -> None:
    # A word both languages' pages use: a search mixing the two indexes would list the others.
    other = next(code for code in LANGUAGES if code != language)
    word, found = word_shared_with(indexes[language], indexes[other])
    go(tab, urljoin(fixture_server, a_question(fixture_site, language).url_path))
    paths = [result.split("?")[0] for result in search(tab, word)]
    base = urlsplit(fixture_server).path
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
    tab: Page, fixture_server: str, indexes: dict[str, SearchIndex], language: str, case: str
) -> None:
    query, page_with_other_form = other_form(indexes, language, case)
    path = indexes[language].prefix
    with watching(tab) as load:
        go(tab, urljoin(fixture_server, path))
        found = matched_pages(search(tab, query))
    expected = f"{urlsplit(fixture_server).path}{indexes[language].url_path(page_with_other_form)}"
    assert expected in found, (query, found)
    # The French stemmer was loaded for it, and only on French pages.
    assert any(url.endswith("/lunr.fr.min.js") for url in load.urls) == (path == "")


@pytest.mark.parametrize("path", ["", "en/"])
def test_search_engine_loads_on_the_first_search(
    tab: Page, fixture_server: str, indexes: dict[str, SearchIndex], path: str
) -> None:
    def engine(urls: list[str]) -> list[str]:
        return [
            url
            for url in urls
            if "/workers/search." in url or "/workers/stemming.js" in url or "/lunr/" in url
        ]

    def pages_text(urls: list[str]) -> list[str]:
        return [url for url in urls if url.endswith(f"{path}search/search_index.full.json")]

    with watching(tab) as load:
        go(tab, urljoin(fixture_server, path))
        # The page loads the index's settings and the small worker in front of Material's...
        assert any("/workers/search-on-demand.js?worker=" in url for url in load.urls), load.urls
        assert any(url.endswith(f"{path}search/search_index.json") for url in load.urls), load.urls
        # ...and Material's search engine and the pages' text only when the reader searches.
        assert not engine(load.urls), engine(load.urls)
        assert not pages_text(load.urls), pages_text(load.urls)
        search(tab, word_on_one_page(indexes["en" if path else "fr"])[0])
    assert engine(load.urls)
    assert len(pages_text(load.urls)) == 1, load.urls


@pytest.mark.parametrize("path", ["", "en/"])
def test_search_dialog_is_named_in_the_page_language(
    tab: Page, fixture_site: Site, fixture_server: str, path: str
) -> None:
    go(tab, urljoin(fixture_server, path))
    results = Axe().run(tab, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert not results.violations_count, results.generate_report()
    names = {
        other.url_path: other.soup.find(attrs={"role": "dialog"})["aria-label"]
        for other in fixture_site.pages
    }
    # One name per language, each page with its own language's.
    other = "en/" if path == "" else ""
    expect(tab.get_by_role("dialog")).to_have_accessible_name(names[path])
    assert names[path] != names[other], names
    assert (
        len({name for url_path, name in names.items() if url_path.startswith("en/") == (path == "en/")}) == 1
    )


def test_a_search_result_opens_its_page(
    tab: Page, fixture_site: Site, fixture_server: str, indexes: dict[str, SearchIndex]
) -> None:
    word, found = word_on_one_page(indexes["en"])
    target = indexes["en"].url_path(found)
    go(tab, urljoin(fixture_server, "en/"))
    search(tab, word)
    tab.locator(".md-search-result__item > a").first.click()
    tab.wait_for_load_state()
    assert urlsplit(tab.url).path == f"{urlsplit(fixture_server).path}{target}", word
    expect(tab.locator("article h1")).to_contain_text(title_of(fixture_site.page(target)))


# Keyboard


def test_skip_link_is_the_first_stop(tab: Page, fixture_site: Site, fixture_server: str) -> None:
    question = a_question(fixture_site)
    go(tab, urljoin(fixture_server, question.url_path))
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.getAttribute('href')")
    assert focused == f"#{question.content.find('h1')['id']}"
    assert tab.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_search_works_without_a_mouse(
    tab: Page, fixture_site: Site, fixture_server: str, indexes: dict[str, SearchIndex]
) -> None:
    word, found = word_on_one_page(indexes["en"])
    target = indexes["en"].url_path(found)
    # From another question's page.
    start = next(page for page in fixture_site.questions("en") if page.url_path != target)
    go(tab, urljoin(fixture_server, start.url_path))
    search(tab, word)
    tab.keyboard.press("ArrowDown")  # from the field to the first result
    assert tab.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    with tab.expect_navigation(url=re.compile(re.escape(urljoin(fixture_server, target)) + r"([?#].*)?$")):
        tab.keyboard.press("Enter")


# A question's first learn-more link: every question has one (tests/test_content.py).
LEARN_MORE_LINK = "article #learn-more + ul a"


def test_focus_is_visible_on_links(tab: Page, fixture_site: Site, fixture_server: str) -> None:
    go(tab, urljoin(fixture_server, a_question(fixture_site).url_path))
    link = tab.locator(LEARN_MORE_LINK).first
    link.focus()
    style = link.evaluate("a => getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth")
    assert not style.startswith("none") and not style.endswith(" 0px"), style


def strings(site: Site, language: str) -> dict:
    """The site's own strings in a language (mkdocs.yml, extra.strings)."""
    return read_config(site.project)["extra"]["strings"][language]


def toggle_names(site: Site, language: str) -> list[str]:
    """The colour scheme toggle's labels in a language, as mkdocs.yml gives them (the default
    language's in theme.palette, the others' in the i18n plugin's languages)."""
    config = read_config(site.project)
    palette = config["theme"]["palette"]
    for name, options in plugin_entries(config["plugins"]):
        if name == "i18n":
            for settings in options["languages"]:
                if settings["locale"] == language and "theme" in settings:
                    palette = settings["theme"]["palette"]
    return [scheme["toggle"]["name"] for scheme in palette]


SCHEME_TOGGLE = "form[data-md-component=palette] label:visible"


def test_the_colour_scheme_follows_the_reader_s_preference(tab: Page, fixture_server: str) -> None:
    tab.emulate_media(color_scheme="dark")  # a reader's preference, as a context's `color_scheme`
    go(tab, fixture_server)
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"


def test_colour_scheme_toggle_is_labelled_in_the_page_language(
    tab: Page, fixture_site: Site, fixture_server: str
) -> None:
    french, english = (toggle_names(fixture_site, language) for language in LANGUAGES)
    go(tab, fixture_server)
    expect(tab.locator(SCHEME_TOGGLE)).to_have_attribute("title", french[0])
    tab.locator(SCHEME_TOGGLE).click()
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    expect(tab.locator(SCHEME_TOGGLE)).to_have_attribute("title", french[1])
    # The reader's choice follows them into the other language.
    go(tab, urljoin(fixture_server, f"{LANGUAGES[1]}/"))
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    expect(tab.locator(SCHEME_TOGGLE)).to_have_attribute("title", english[1])


@pytest.mark.parametrize(("language", "other"), [("fr", "en"), ("en", "fr")])
def test_language_switcher_goes_straight_to_the_counterpart(
    tab: Page, fixture_site: Site, fixture_server: str, language: str, other: str
) -> None:
    path = a_question(fixture_site, language).url_path
    with watching(tab) as load:
        go(tab, urljoin(fixture_server, path))
        tab.locator(".md-header__option .md-select").hover()
        switcher = tab.locator(f"a.md-select__link[hreflang={other}]")
        expect(switcher).to_have_attribute("lang", other)
        with tab.expect_navigation():
            switcher.click()
        wait_until_started(tab)
    assert tab.url == urljoin(fixture_server, counterpart(path))
    # No redirect on the way; the second page may revalidate cached files (304).
    assert all(status in (200, 304) for status, _ in load.responses), load.responses


def test_missing_page_gets_the_bilingual_404(tab: Page, fixture_site: Site, fixture_server: str) -> None:
    response = tab.goto(urljoin(fixture_server, f"{LANGUAGES[1]}/faq/no-such-question/"))
    assert response.status == 404
    # Each section in its language, titled in it.
    sections = tab.locator("section.faq-not-found").evaluate_all(
        "sections => sections.map(s => [s.closest('[lang]').lang, s.querySelector('h1').textContent])"
    )
    assert sorted(sections) == sorted(
        [language, strings(fixture_site, language)["not_found_title"]] for language in LANGUAGES
    ), sections
    with tab.expect_navigation():
        tab.locator(f"section[lang={LANGUAGES[1]}] a").click()
    assert urlsplit(tab.url).path == f"{urlsplit(fixture_server).path}{LANGUAGES[1]}/"


# The measures of the published-site invariants, each seeing what it is there to see: axe-core
# (every page, tests/test_published_browsing.py) and the header's titles on phones
# (tests/test_published_accessibility.py). They measure the same on any site: here, the fixture's.


def test_axe_sees_an_image_without_alt_text(tab: Page, fixture_server: str) -> None:
    go(tab, fixture_server)
    tab.evaluate("document.querySelector('article').append(document.createElement('img'))")
    start_axe(tab)
    assert [violation["id"] for violation in axe_results(tab).response["violations"]] == ["image-alt"]


def test_the_title_measure_sees_a_cut_title(tab: Page, fixture_server: str) -> None:
    tab.set_viewport_size(SMALL_PHONE)
    go(tab, fixture_server)
    tab.evaluate(
        "document.querySelector('.md-header__topic .md-ellipsis').textContent ="
        " 'A site name far too long to fit in the header of a phone, even on two lines'"
    )
    assert not all(title["fits"] for title in visible_titles(tab))


# Print and no JavaScript


def test_question_prints_cleanly(tab: Page, fixture_site: Site, fixture_server: str) -> None:
    go(tab, urljoin(fixture_server, a_question(fixture_site).url_path))
    tab.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".md-content__button"):
        assert not tab.locator(selector).first.is_visible(), selector
    expect(tab.locator("article h1")).to_be_visible()
    link = tab.locator(LEARN_MORE_LINK).first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after, after


@pytest.fixture(scope="module")
def without_javascript(browser: Browser) -> Iterator[Page]:
    """A tab of a context with JavaScript off, for the tests of reading without it (they store nothing)."""
    with one_tab(browser, java_script_enabled=False) as made:
        yield made


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_readable_and_navigable_without_javascript(
    without_javascript: Page, fixture_site: Site, fixture_server: str, viewport: dict
) -> None:
    # The home page's second question, then the page its "next" link leads to.
    second = a_question(fixture_site, position=1)
    after = fixture_site.page(urljoin(second.url_path, second.soup.find("link", rel="next")["href"]))
    page = without_javascript
    page.set_viewport_size(viewport)
    page.goto(urljoin(fixture_server, ""))
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


def searched(page: Page, query: str) -> None:
    """A search for `query` typed, and its results shown (or none): the search engine loaded and ran."""
    open_search(page)
    page.keyboard.type(query)
    page.wait_for_function(
        """() => {
          const invitation = JSON.parse(document.getElementById("__config").textContent)
            .translations["search.result.placeholder"];
          return document.querySelector(".md-search-result__meta").textContent.trim() !== invitation;
        }""",
        polling=50,
    )


def test_no_page_breaks_its_content_security_policy(
    browser: Browser, fixture_site: Site, fixture_server: str
) -> None:
    """Every HTML file the build wrote that is not a page (the 404 page, the notices at old
    addresses), and a page of each language with what runs on it: the offer to read it in the other
    language (the browser prefers that language), the palette toggle, and a search, which starts the
    search worker and fetches the index. Every page has the same policy (tests/test_published_csp.py)
    and runs the same code: one page of a language is all of them. Each page's own load is checked
    where every page is visited (tests/test_published_browsing.py: it reports violations to the
    console too, and its console must stay quiet)."""
    problems: list[str] = []
    notices = {page.path for page in fixture_site.moved_page_notices}
    assert notices, "the fixture FAQ has no renamed page: its notices would go untested"
    # A withdrawn question's notice runs nothing, Material neither: loaded is all there is to wait for.
    withdrawn = {page.path for page in fixture_site.withdrawn_notices}
    assert withdrawn, "the fixture FAQ has no withdrawn question: its notices would go untested"
    pages = set(fixture_site.pages)
    for language in LANGUAGES:
        other = next(code for code in LANGUAGES if code != language)
        with one_tab(browser, locale=other) as page:
            page.context.add_init_script(REPORT_CSP_VIOLATIONS)
            its_files = [built for built in fixture_site.html_files if built.language == language]
            one_page = next(built for built in its_files if built in pages)
            for built in [one_page, *(built for built in its_files if built not in pages)]:
                with watching(page) as load:
                    page.goto(urljoin(fixture_server, built.path.as_posix().removesuffix("index.html")))
                    if built.path in notices:  # it sends the reader on at once, by its one script
                        page.wait_for_url(built.tree.css_first('link[rel="canonical"]').attributes["href"])
                    if built.path not in withdrawn:
                        wait_until_started(page)
                    if built is one_page:
                        page.locator(SCHEME_TOGGLE).first.click()
                        searched(page, max(built.h1.split(), key=len))
                problems += [f"{built.path}: {error}" for error in load.console_errors]
    assert not problems, "\n".join(problems)

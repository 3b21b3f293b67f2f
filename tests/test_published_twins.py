"""Every page in every language, each language's version the twin of the others.

Published-site invariants (`published_site`): they hold for any content that builds, and
run on the real site (docs/) and on the tests' fixture FAQ alike (tests/published.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest
from published import address_in, mutated
from selectolax.lexbor import LexborHTMLParser

from conftest import DEFAULT_LANGUAGE, LANGUAGES, Page, Site

pytestmark = pytest.mark.published_site

HEADINGS = "article h1, article h2, article h3, article h4, article h5, article h6"


def heading_ids(page: Page) -> list[str]:
    return [heading.attributes["id"] for heading in page.tree.css(HEADINGS) if heading.attributes.get("id")]


def article_text(page: Page) -> str:
    return page.tree.css_first("article").text()


def twin_problems(site: Site) -> list[str]:
    """Every page of the default language has a version in every language, with the same headings
    (ids), each declaring its language, the translations not the default language's text."""
    addresses = {page.url_path for page in site.pages}
    problems = []
    for page in site.pages:
        declared = page.tree.css_first("html").attributes.get("lang")
        if declared != page.language:
            problems.append(f"{page.path}: lang={declared}, not {page.language}")
        for language in LANGUAGES:
            if address_in(language, page) not in addresses:
                problems.append(f"{page.path}: no {language} version at /{address_in(language, page)}")
    for page in site.pages_in(DEFAULT_LANGUAGE):
        ids = heading_ids(page)
        if not ids:
            problems.append(f"{page.path}: no heading with an id")
        for language in LANGUAGES:
            if language == DEFAULT_LANGUAGE or address_in(language, page) not in addresses:
                continue
            twin = site.page(address_in(language, page))
            if heading_ids(twin) != ids:
                problems.append(f"{twin.path}: headings {heading_ids(twin)}, not {ids} as {page.path}")
            # A translation missing at build time (static-i18n's fallback) would publish the
            # default language's text at the other language's address.
            if article_text(twin) == article_text(page):
                problems.append(f"{twin.path}: the same text as {page.path}")
    return problems


def switcher_problems(site: Site) -> list[str]:
    """On every page, the language switcher offers every language, each link to the page's twin."""
    problems = []
    for page in site.pages:
        here = urljoin(site.url, page.url_path)
        links = {
            link.attributes.get("hreflang"): link.attributes.get("href")
            for link in page.tree.css("a.md-select__link")
        }
        if set(links) != set(LANGUAGES):
            problems.append(
                f"{page.path}: the switcher offers {sorted(map(str, links))}, not {list(LANGUAGES)}"
            )
            continue
        for language, href in links.items():
            if urljoin(here, href or "") != urljoin(site.url, address_in(language, page)):
                problems.append(f"{page.path}: the switcher's {language} link goes to {href}")
    return problems


def test_every_page_has_its_twin_in_every_language(published: Site) -> None:
    assert published.pages
    assert not twin_problems(published), "\n".join(twin_problems(published))


def test_every_source_page_is_published(published: Site) -> None:
    # One page per source file of the default language (its translations are `x.en.md`): none lost.
    sources = [path for path in (published.project / "docs").rglob("*.md") if path.name.count(".") == 1]
    assert len(published.pages_in(DEFAULT_LANGUAGE)) == len(sources)


def test_the_language_switcher_leads_to_the_twin(published: Site) -> None:
    assert not switcher_problems(published), "\n".join(switcher_problems(published))


def a_translation(site: Site) -> Page:
    return next(page for page in site.pages if page.language != DEFAULT_LANGUAGE)


def a_page_with_a_second_heading(site: Site) -> Page:
    return next(page for page in site.pages if len(heading_ids(page)) > 1)


def set_attribute(selector: str, name: str, value: str) -> Callable[[LexborHTMLParser], None]:
    """A mutation: the first element matching `selector` gets `name="value"`."""

    def change(tree: LexborHTMLParser) -> None:
        tree.css_first(selector).attrs[name] = value

    return change


MUTATIONS = {
    "translation missing": (a_translation, None, "no {language} version"),
    "wrong lang": (a_translation, set_attribute("html", "lang", "x"), "lang=x"),
    "heading id changed": (
        a_page_with_a_second_heading,
        set_attribute("article h2[id], article h3[id]", "id", "another-id"),
        "headings",
    ),
    "switcher to the home page": (
        a_translation,
        set_attribute("a.md-select__link", "href", "/"),
        "the switcher's",
    ),
}


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_the_twin_checks_see_a_broken_twin(site: Site, tmp_path: Path, mutation: str) -> None:
    choose, change, expected = MUTATIONS[mutation]
    page = choose(site)
    broken = mutated(site, tmp_path / "site", page.path.as_posix(), change)
    found = twin_problems(broken) + switcher_problems(broken)
    assert any(expected.format(language=page.language) in problem for problem in found), found

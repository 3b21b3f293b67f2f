"""What search engines and link previews read: canonical and hreflang links, `x-default`, Open
Graph, description, title, the sitemap and robots.txt (src/faq_site/readers/seo.py).

Published-site invariants (`published_site`, tests/published.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from published import address_in, mutated

from conftest import DEFAULT_LANGUAGE, LANGUAGES, Page, Site, normalise

pytestmark = pytest.mark.published_site

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def meta(page: Page, selector: str) -> str | None:
    tag = page.tree.css_first(selector)
    return None if tag is None else tag.attributes.get("content")


def title_of(page: Page) -> str:
    """The page's H1 as readers see it, without its permalink sign."""
    return normalise(page.tree.css_first("article h1").text().rstrip("¶"))


def is_home(page: Page) -> bool:
    return page.url_path in ("", f"{page.language}/")


def titles_of(page: Page, site_name: str | None) -> tuple[str, str]:
    """The `<title>` and `og:title` a page must have: its H1, then the site's name; a home page,
    whose H1 is NATO's own title, the site's name first in both (src/faq_site/readers/unofficial.py)."""
    if is_home(page):
        return (f"{site_name} – {title_of(page)}",) * 2
    return f"{title_of(page)} – {site_name}", title_of(page)


def alternates(site: Site, page: Page) -> dict[str, str]:
    """What a page's hreflang links must be: its version in every language, and `x-default`, the
    default language's."""
    found = {language: urljoin(site.url, address_in(language, page)) for language in LANGUAGES}
    return {**found, "x-default": found[DEFAULT_LANGUAGE]}


def link_problems(site: Site) -> list[str]:
    """Each page: canonical, its absolute address; hreflang, every version of it."""
    problems = []
    for page in site.pages:
        url = urljoin(site.url, page.url_path)
        canonical = [link.attributes.get("href") for link in page.tree.css('link[rel="canonical"]')]
        if canonical != [url]:
            problems.append(f"{page.path}: canonical {canonical}, not [{url}]")
        shown = {
            link.attributes.get("hreflang"): link.attributes.get("href")
            for link in page.tree.css('link[rel="alternate"][hreflang]')
        }
        if shown != alternates(site, page):
            problems.append(f"{page.path}: hreflang links {shown}, not {alternates(site, page)}")
    return problems


def preview_problems(site: Site) -> list[str]:
    """Each page: a description of its own, Open Graph saying what the page says, in its
    language's locale, with its other languages' as alternates, and the title `H1 – site name`
    (`site name – H1` on a home page)."""
    problems = []
    locales = {page.url_path: meta(page, 'meta[property="og:locale"]') for page in site.pages}
    for page in site.pages:
        description = meta(page, 'meta[name="description"]')
        site_name = meta(page, 'meta[property="og:site_name"]')
        document_title, shared_title = titles_of(page, site_name)
        expected = {
            "og:url": urljoin(site.url, page.url_path),
            "og:title": shared_title,
            "og:description": description,
            "og:type": "website" if is_home(page) else "article",
        }
        for name, value in expected.items():
            shown = meta(page, f'meta[property="{name}"]')
            if shown is None or normalise(shown) != normalise(value or ""):
                problems.append(f"{page.path}: {name} {shown!r}, not {value!r}")
        if not (description or "").strip():
            problems.append(f"{page.path}: no description")
        if not re.fullmatch(rf"{page.language}_[A-Z]{{2}}", locales[page.url_path] or ""):
            problems.append(f"{page.path}: og:locale {locales[page.url_path]!r}, not the page's language")
        shown = sorted(
            tag.attributes.get("content") for tag in page.tree.css('meta[property="og:locale:alternate"]')
        )
        others = sorted(
            locales.get(address_in(language, page)) for language in LANGUAGES if language != page.language
        )
        if shown != others:
            problems.append(f"{page.path}: og:locale:alternate {shown}, not its versions' {others}")
        title = normalise(page.tree.css_first("title").text())
        if not site_name or title != normalise(document_title):
            problems.append(f"{page.path}: title {title!r}, not “{document_title}”")
    for language in LANGUAGES:
        names = {meta(page, 'meta[property="og:site_name"]') for page in site.pages_in(language)}
        if len(names) != 1:
            problems.append(f"{language}: the site's name differs between pages: {sorted(map(str, names))}")
    return problems


def sitemap_problems(site: Site) -> list[str]:
    """sitemap.xml at the root only, listing every page (no moved-page notice) with its versions;
    robots.txt pointing to it."""
    problems = []
    sitemaps = [path.relative_to(site.root).as_posix() for path in site.root.rglob("sitemap*.xml")]
    if sitemaps != ["sitemap.xml"]:
        problems.append(f"sitemaps {sitemaps}, not the root's sitemap.xml alone")
    root = ET.parse(site.root / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=SITEMAP_NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
    pages = {urljoin(site.url, page.url_path): page for page in site.pages}
    for url in sorted(set(entries) - set(pages)):
        problems.append(f"sitemap.xml: lists {url}, which is not a page")
    for url in sorted(set(pages) - set(entries)):
        problems.append(f"sitemap.xml: does not list {url}")
    for url, listed in entries.items():
        if url in pages and listed != alternates(site, pages[url]):
            problems.append(f"sitemap.xml: {url} with {listed}, not {alternates(site, pages[url])}")
    robots = (site.root / "robots.txt").read_text(encoding="utf-8").splitlines()
    if f"Sitemap: {site.url}sitemap.xml" not in robots:
        problems.append(f"robots.txt: no line `Sitemap: {site.url}sitemap.xml`")
    return problems


CHECKS = [link_problems, preview_problems, sitemap_problems]


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_every_page_tells_search_engines_and_previews_what_it_is(published: Site, check) -> None:
    assert published.pages
    assert not check(published), "\n".join(check(published))


def a_translation(site: Site) -> Page:
    return next(page for page in site.pages if page.language != DEFAULT_LANGUAGE)


def set_attribute(selector: str, name: str, value: str):
    def change(tree) -> None:
        tree.css_first(selector).attrs[name] = value

    return change


MUTATIONS = {
    "canonical elsewhere": ('link[rel="canonical"]', "href", "https://example.org/", "canonical"),
    "x-default another language": ('link[hreflang="x-default"]', "href", "", "hreflang links"),
    "og:title not the title": ('meta[property="og:title"]', "content", "Another title", "og:title"),
    "description left empty": ('meta[name="description"]', "content", " ", "no description"),
    "og:locale of the default language": ('meta[property="og:locale"]', "content", "xx_XX", "og:locale"),
}


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_the_metadata_checks_see_a_wrong_tag(site: Site, tmp_path: Path, mutation: str) -> None:
    selector, name, value, expected = MUTATIONS[mutation]
    page = a_translation(site)
    broken = mutated(site, tmp_path, page.path.as_posix(), set_attribute(selector, name, value))
    found = [problem for check in CHECKS for problem in check(broken)]
    assert any(expected in problem and str(page.path) in problem for problem in found), found


def test_the_sitemap_check_sees_a_page_it_should_not_list(site: Site, tmp_path: Path) -> None:
    page = a_translation(site)
    broken = mutated(site, tmp_path, page.path.as_posix(), None)
    url = urljoin(site.url, page.url_path)
    assert f"sitemap.xml: lists {url}, which is not a page" in sitemap_problems(broken)

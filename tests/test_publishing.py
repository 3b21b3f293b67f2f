"""What search engines and link previews read, and the site working under a GitHub Pages sub-path."""

from __future__ import annotations

import json
import re
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin

import pytest
from site_settings import read_config

from conftest import DEFAULT_LANGUAGE, PROJECT, Site, counterpart, normalise

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
OG_LOCALE = {"fr": "fr_FR", "en": "en_GB"}


def french(url_path: str) -> str:
    return url_path.removeprefix("en/")


def meta(page, **attributes) -> str:
    tag = page.soup.find("meta", attrs=attributes)
    assert tag is not None, f"{page.path}: no <meta {attributes}>"
    return tag["content"]


def test_canonical_and_hreflang_links_are_absolute(site: Site) -> None:
    for page in site.pages:
        url = urljoin(site.url, page.url_path)
        assert page.soup.find("link", rel="canonical")["href"] == url, page.path
        alternates = {link["hreflang"]: link["href"] for link in page.soup.find_all("link", rel="alternate")}
        assert alternates == {
            page.language: url,
            "en" if page.language == "fr" else "fr": urljoin(site.url, counterpart(page.url_path)),
            "x-default": urljoin(site.url, french(page.url_path)),
        }, page.path


def site_descriptions() -> dict[str, str]:
    """mkdocs.yml's `site_description` per language: what Material shows on a page without its own."""
    config = read_config(PROJECT)
    default = config["site_description"]
    found = {DEFAULT_LANGUAGE: default}
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                found[language["locale"]] = language.get("site_description", default)
    return found


def test_descriptions_are_written_for_each_page_in_its_language(site: Site) -> None:
    # Each page has its own description (a question's quotes its answer, however short its first
    # sentence is), never the site's, and never its other language's.
    site_wide = {language: normalise(text) for language, text in site_descriptions().items()}
    descriptions = {}
    for page in site.pages:
        description = meta(page, name="description")
        assert description.strip() and normalise(description) != site_wide[page.language], page.path
        descriptions[page.url_path] = description
    for path, description in descriptions.items():
        assert description != descriptions[counterpart(path)], path
    assert len(set(descriptions.values())) == len(descriptions)


def test_open_graph_tags(site: Site) -> None:
    for page in site.pages:
        url = urljoin(site.url, page.url_path)
        assert meta(page, property="og:url") == url
        # A home page's shared title names the site first: its own title is NATO's (readers/unofficial.py).
        title = (
            page.h1
            if page.url_path not in ("", "en/")
            else f"{meta(page, property='og:site_name')} – {page.h1}"
        )
        assert normalise(meta(page, property="og:title")) == normalise(title), page.path
        assert meta(page, property="og:description") == meta(page, name="description")
        assert meta(page, property="og:locale") == OG_LOCALE[page.language]
        other = "en" if page.language == "fr" else "fr"
        assert meta(page, property="og:locale:alternate") == OG_LOCALE[other]
        assert meta(page, property="og:site_name")


def test_sitemap_lists_every_page_with_its_alternates(site: Site) -> None:
    root = ET.parse(site.root / "sitemap.xml").getroot()
    entries = {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
    assert set(entries) == {urljoin(site.url, page.url_path) for page in site.pages}
    for page in site.pages:
        alternates = entries[urljoin(site.url, page.url_path)]
        assert alternates["fr"] == urljoin(site.url, french(page.url_path))
        assert alternates["en"] == urljoin(site.url, "en/" + french(page.url_path))
        assert alternates["x-default"] == alternates["fr"]


def test_only_the_site_root_has_a_sitemap(site: Site) -> None:
    assert [path.relative_to(site.root).as_posix() for path in site.root.rglob("sitemap*.xml")] == [
        "sitemap.xml"
    ]


def test_robots_txt_points_to_the_sitemap(site: Site) -> None:
    robots = (site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site.url}sitemap.xml" in robots.splitlines()


def test_question_pages_carry_faq_structured_data(site: Site) -> None:
    from conftest import LANGUAGES

    for language in LANGUAGES:
        for page in site.questions(language):
            scripts = page.soup.find_all("script", type="application/ld+json")
            assert len(scripts) == 1, page.path
            data = json.loads(scripts[0].string)
            assert data["@type"] == "FAQPage" and data["inLanguage"] == language
            (question,) = data["mainEntity"]
            assert question["@type"] == "Question"
            assert normalise(question["name"]) == normalise(page.h1)
            answer = " ".join(p.get_text(" ") for p in page.content.find("h1").find_next_siblings("p"))
            assert normalise(question["acceptedAnswer"]["text"]) == normalise(answer), page.path
    for path in ("", "en/", "faq/", "en/faq/"):
        assert not site.page(path).soup.find("script", type="application/ld+json"), path


def internal_links(site: Site, server: str) -> set[str]:
    links = set()
    for page in [*site.pages, site.page("404.html")]:
        here = urljoin(server, page.url_path) if page.path.name == "index.html" else server
        for tag in page.soup.find_all(["a", "link", "script", "img"]):
            target = tag.get("href") or tag.get("src")
            if target and not target.startswith(("data:", "mailto:")):
                url = urldefrag(urljoin(here, target)).url
                if url.startswith(server):
                    links.add(url)
        # What the JavaScript fetches: the search index of the page's language
        # (its settings, then its pages on the first search), and the search worker.
        config = page.soup.find("script", id="__config")
        if config is not None:
            settings = json.loads(config.string)
            base = urljoin(here, settings["base"])
            links.add(urljoin(base, "search/search_index.json"))
            links.add(urljoin(base, "search/search_index.full.json"))
            links.add(urljoin(here, settings["search"]))
    return links


def test_every_internal_link_and_asset_resolves_under_the_sub_path(site: Site, server: str) -> None:
    links = internal_links(site, server)
    assert len(links) > len(site.pages) + 5  # pages, stylesheets, scripts, icons, search indexes
    broken = []
    for url in sorted(links):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                status = response.status
        except HTTPError as error:
            status = error.code
        if status != 200:
            broken.append(f"{status} {url}")
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("path", ["", "en/"])
def test_the_404_page_links_home_under_the_sub_path(site: Site, path: str) -> None:
    not_found = site.page("404.html")
    homes = {a["href"] for a in not_found.soup.select(".faq-not-found a")}
    assert f"/{site.url.split('/', 3)[3]}{path}" in homes


def test_the_404_page_is_titled_in_both_languages(site: Site) -> None:
    title = site.page("404.html").soup.title.get_text()
    assert "Page introuvable" in title and "Page not found" in title


@pytest.mark.parametrize(
    ("pattern", "where"),
    [
        # Material's palette stylesheet is dropped, so the main one is named.
        (r"assets/stylesheets/main\.\w+\.min\.css", "block styles"),
        # The bundle is loaded after the first paint (block scripts).
        (r"assets/javascripts/bundle\.\w+\.min\.js", "faq_bundle"),
    ],
)
def test_overrides_name_materials_files_as_material_does(pattern: str, where: str) -> None:
    # overrides/main.html names some of Material's files itself; their names
    # change with Material's version.
    import material

    base = Path(material.__file__).parent / "templates" / "base.html"
    (materials,) = set(re.findall(pattern, base.read_text(encoding="utf-8")))
    ours = set(re.findall(pattern, (PROJECT / "overrides" / "main.html").read_text(encoding="utf-8")))
    assert ours == {materials}, (
        f"overrides/main.html, {where}: name {materials}, as Material's base.html does"
    )


def test_the_site_has_no_extra_javascript() -> None:
    # overrides/main.html's block scripts replaces Material's, which would
    # also write mkdocs.yml's extra_javascript after the bundle.
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^extra_javascript\s*:", config, re.MULTILINE), (
        "mkdocs.yml: extra_javascript is not loaded by overrides/main.html, block scripts"
    )


def test_structured_data_cannot_swallow_the_page(project_copy: Path, tmp_path: Path) -> None:
    """An answer's code span `<!--<script>` reaches the JSON-LD as text: it must stay text, for a
    browser's parser (Lexbor) too, and the page around it intact."""
    from docs_copy import questions
    from selectolax.lexbor import LexborHTMLParser

    from conftest import build

    page = questions(project_copy / "docs")[0]
    line = page.answer_line()
    page.set(line, page.line(line) + " Voir `<!--<script>` ici & `</script>`.")
    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    html = (tmp_path / "site" / "faq" / page.slug / "index.html").read_text(encoding="utf-8")
    tree = LexborHTMLParser(html)
    (script,) = tree.css('script[type="application/ld+json"]')
    data = json.loads(script.text())
    assert "Voir <!--<script> ici & </script>." in data["mainEntity"][0]["acceptedAnswer"]["text"]
    h1 = tree.css_first("article h1")
    assert h1 is not None and h1.text(strip=True).rstrip("¶") == data["mainEntity"][0]["name"]
    assert "Voir <!--<script> ici" in tree.css_first("article").text()

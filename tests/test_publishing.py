"""Descriptions, the 404 page and the overrides of Material's templates, on the fixture FAQ (structured
data that cannot swallow a page is a correct edit: tests/test_correct_edits.py).

What search engines and link previews read on every page (canonical, hreflang, Open Graph,
title, sitemap, robots.txt, the FAQPage JSON-LD) and every link under the sub-path are
published-site invariants, checked on the real site and on the fixture alike:
tests/test_published_metadata.py, test_published_structured_data.py, test_published_links.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_settings import plugin_entries, read_config

from conftest import DEFAULT_LANGUAGE, PROJECT, Site, counterpart, normalise

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
OG_LOCALE = {"fr": "fr_FR", "en": "en_GB"}


def french(url_path: str) -> str:
    return url_path.removeprefix("en/")


def meta(page, **attributes) -> str:
    tag = page.soup.find("meta", attrs=attributes)
    assert tag is not None, f"{page.path}: no <meta {attributes}>"
    return tag["content"]


def site_descriptions(project: Path) -> dict[str, str]:
    """mkdocs.yml's `site_description` per language: what Material shows on a page without its own."""
    config = read_config(project)
    default = config["site_description"]
    found = {DEFAULT_LANGUAGE: default}
    for name, options in plugin_entries(config["plugins"]):
        if name == "i18n":
            for language in options["languages"]:
                found[language["locale"]] = language.get("site_description", default)
    return found


def test_descriptions_are_written_for_each_page_in_its_language(fixture_site: Site) -> None:
    # Each page has its own description (a question's quotes its answer, however short its first
    # sentence is), never the site's, and never its other language's.
    site_wide = {
        language: normalise(text) for language, text in site_descriptions(fixture_site.project).items()
    }
    descriptions = {}
    for page in fixture_site.pages:
        description = meta(page, name="description")
        assert description.strip() and normalise(description) != site_wide[page.language], page.path
        descriptions[page.url_path] = description
    for path, description in descriptions.items():
        assert description != descriptions[counterpart(path)], path
    assert len(set(descriptions.values())) == len(descriptions)


@pytest.mark.parametrize("path", ["", "en/"])
def test_the_404_page_links_home_under_the_sub_path(fixture_site: Site, path: str) -> None:
    not_found = fixture_site.page("404.html")
    homes = {a["href"] for a in not_found.soup.select(".faq-not-found a")}
    assert f"/{fixture_site.url.split('/', 3)[3]}{path}" in homes


def test_the_404_page_is_titled_in_both_languages(fixture_site: Site) -> None:
    title = fixture_site.page("404.html").soup.title.get_text()
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

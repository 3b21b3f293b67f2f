"""The 404 page, the overrides of Material's templates, and structured data that cannot swallow a page.

What search engines and link previews read on every page, and every link under the
sub-path, are published-site invariants: tests/test_published_metadata.py,
test_published_structured_data.py and test_published_links.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import PROJECT, Site


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

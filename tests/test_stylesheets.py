"""The site's stylesheets load nothing but the site's own files (src/faq_site/checks/stylesheets.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from faq_site.checks.stylesheets import check_stylesheet

from conftest import PROJECT

DOCS = PROJECT / "docs"
SITE_FILES = frozenset(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*") if path.is_file())
CSS = "assets/stylesheets/x.css"
FILES = frozenset({CSS, "assets/images/map.png"})


@pytest.mark.parametrize("path", sorted(DOCS.rglob("*.css")), ids=lambda p: p.name)
def test_the_sites_own_stylesheets_pass(path: Path) -> None:
    assert check_stylesheet(path.relative_to(DOCS).as_posix(), path.read_bytes(), SITE_FILES) == []


def test_a_file_of_the_site_by_its_path() -> None:
    css = b'a { background: url(../images/map.png) } b { background: u\\72l("../images/map.png") }'
    assert check_stylesheet(CSS, css, FILES) == []


def said(css: str) -> list[tuple[int | None, str]]:
    """Each problem of `css`, on the second line of a stylesheet: its line, and what it says is wrong."""
    problems = check_stylesheet(CSS, f"/* x */\n{css}".encode(), FILES)
    return [(problem.line, problem.message.split(", which")[0]) for problem in problems]


@pytest.mark.parametrize(
    ("css", "address"),
    [
        ("a { background: url(https://evil.example/x.png) }", "https://evil.example/x.png"),
        ("a { background: url(//evil.example/x.png) }", "//evil.example/x.png"),
        ("a { background: URL( 'https://evil.example/x.png' ) }", "https://evil.example/x.png"),
        ("a { background: u\\72l(https://evil.example/x.png) }", "https://evil.example/x.png"),
        ("a { background: url(\nhttps://evil.example/x.png\n) }", "https://evil.example/x.png"),
        ('a { background: image-set("https://evil.example/x.png" 1x) }', "https://evil.example/x.png"),
        ('a { background: -webkit-image-set("x.png" 1x) }', "x.png"),
        ("a { background: url(data:image/png;base64,AA) }", "data:image/png;base64,AA"),
        ("a { background: url(../images/missing.png) }", "../images/missing.png"),
        ("a { background: url(/assets/images/map.png) }", "/assets/images/map.png"),
        ("a { background: url(../images/map.png?x) }", "../images/map.png?x"),
        ("@media print { a { background: url(https://evil.example/x.png) } }", "https://evil.example/x.png"),
        ("@font-face { src: url(https://evil.example/f.woff2) }", "https://evil.example/f.woff2"),
    ],
)
def test_an_address_that_is_not_a_file_of_the_site(css: str, address: str) -> None:
    assert said(css) == [(2, f"the stylesheet loads `{address}`")]


@pytest.mark.parametrize(
    "css",
    [
        "@import url(https://evil.example/x.css);",
        '@import "../images/map.png";',
        "@IMPORT url(x.css);",
        "@\\69mport url(x.css);",
    ],
)
def test_an_import(css: str) -> None:
    assert said(css) == [(2, "the stylesheet has an `@import`")]


def test_a_comment_cuts_a_word_as_browsers_do() -> None:
    # `@imp/**/ort` is `@imp` then `ort` for a browser: nothing is fetched, nothing refused.
    assert check_stylesheet(CSS, b'@imp/**/ort "https://evil.example/x.css";', FILES) == []

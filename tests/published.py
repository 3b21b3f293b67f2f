"""Helpers of the published-site invariants (tests/test_published_*.py): a built site's pages
by language and kind, read from what the build wrote, never from what docs/ says today.

Each invariant is a function returning its problems, one line each; its test asserts there
are none on every site of `published` (tests/conftest.py), and `mutated` makes a copy of a
built site with one thing broken, to prove the invariant sees it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from conftest import DEFAULT_LANGUAGE, Page, Site


def home_address(language: str) -> str:
    """A language's home page, from the site root."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def address_in(language: str, page: Page) -> str:
    """The address of a page's version in a language, from the site root."""
    own = (
        page.url_path.removeprefix(f"{page.language}/")
        if page.language != DEFAULT_LANGUAGE
        else page.url_path
    )
    return own if language == DEFAULT_LANGUAGE else f"{language}/{own}"


def copied(site: Site, copy: Path) -> Site:
    """A copy of a built site, to break: in `copy/<sub-path>/`, so that its addresses still resolve."""
    root = copy / site.root.name
    shutil.copytree(site.root, root, symlinks=True)
    return Site(root, site.url, site.output, site.project)


def mutated(
    site: Site, copy: Path, relative: str, change: Callable[[LexborHTMLParser], object] | None
) -> Site:
    """A copy of a built site (`copied`) in which one page is changed as `change` changes its tree
    (as browsers parse it), or removed where `change` is None; the change must change something."""
    broken = copied(site, copy)
    path = broken.root / relative
    if change is None:
        path.unlink()
    else:
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        before = tree.html
        change(tree)
        assert tree.html != before, f"the mutation left {relative} as it was"
        path.write_text(tree.html, encoding="utf-8")
    return broken

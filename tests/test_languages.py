"""Languages are configuration: a third language needs no code.

Adding a language is, as CONTRIBUTING.md says: one entry in the i18n plugin's
`languages` list, its `extra.strings.<lang>`, and a `*.<lang>.md` twin of
every page. This test does exactly that in a copy of the tests' FAQ site and of
the site's mkdocs.yml (German, `de`, its pages copied from the English ones,
their times of day written on the 24-hour clock as a German translator writes
them, their links to NATO's English pages marked `{hreflang=en}`: a language
without rules of its own in src/faq_site/languages/ is typeset as typed,
compared as digits, and its words are not checked for their language), builds it
strictly with every check on, and looks at what its readers get: pages in
`lang="de"`, hreflang alternates in every language, its own search index and
its own 404 text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from fixture_site import copy_fixture, site_root
from site_settings import ConfigLoader

from faq_site.languages import NEUTRAL, rules_for

from conftest import Page, build, is_notice

THIRD = "de"
# German words for the strings a reader of this test's pages sees; the others are the English ones.
GERMAN = {
    "og_locale": "de_DE",
    "permalink_title": "Permanenter Link zu diesem Abschnitt",
    "search_label": "Suche",
    "about": "Über diese Website",
    "language_notice": "Diese Seite gibt es auf Deutsch",
    "not_found_title": "Seite nicht gefunden",
    "not_found_text": "Diese Seite existiert nicht oder wurde verschoben.",
    "not_found_link": "Zurück zur Startseite",
    "last_changed": "Seite aktualisiert am",
}


def end_of_block(lines: list[str], key: re.Pattern[str]) -> tuple[int, int]:
    """(index of the line after the block under the first line matching `key`, that line's indent)."""
    start = next(index for index, line in enumerate(lines) if key.match(line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line.lstrip().startswith("#") and len(line) - len(line.lstrip()) <= indent:
            return index, indent
    return len(lines), indent


def on_the_24_hour_clock(text: str) -> str:
    """English text with its times of day (`2.30 pm`) written as a language without rules of its own
    writes them (`14:30`): the figures its readers compare with the French ones."""
    english = rules_for("en")

    def written(match: re.Match[str]) -> str:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if "half" in match.groupdict() and match["half"]:
            hour = hour % 12 + (12 if match["half"] == "p" else 0)
        return NEUTRAL.time(hour, minute)

    for pattern in english.times:
        text = pattern.sub(written, text)
    return text


def add_language(project: Path, language: str, name: str) -> None:
    """A language added as a developer would: the site's mkdocs.yml's two entries, and a twin of every
    page."""
    config_path = site_root(project) / "mkdocs.yml"
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=ConfigLoader)
    lines = config_path.read_text(encoding="utf-8").split("\n")
    # 1. One entry at the end of the i18n plugin's `languages` list.
    end, indent = end_of_block(lines, re.compile(r"^\s+languages:\s*$"))
    item = " " * (indent + 2)
    lines[end:end] = [f"{item}- locale: {language}", f"{item}  name: {name}", f"{item}  build: true"]
    # 2. Its interface strings, the English ones with German words where readers see them.
    strings = {**config["extra"]["strings"]["en"], **GERMAN}
    end, indent = end_of_block(lines, re.compile(r"^\s+strings:\s*$"))
    block = yaml.safe_dump({language: strings}, allow_unicode=True, sort_keys=False, width=10_000)
    lines[end:end] = [" " * (indent + 2) + line for line in block.rstrip("\n").split("\n")]
    config_path.write_text("\n".join(lines), encoding="utf-8")
    # 3. A twin of every page.
    docs = project / "docs"
    for english in sorted(docs.rglob("*.en.md")):
        twin = english.with_name(english.name.removesuffix(".en.md") + f".{language}.md")
        # NATO has no German pages: the links to its English ones say so, as CONTRIBUTING.md
        # asks, with `{hreflang=en}` (unless they already do).
        text = re.sub(
            r"(\]\(https://www\.nato\.int/cps/en/[^)\s]*\))(?!\{)",
            r"\1{hreflang=en}",
            on_the_24_hour_clock(english.read_text(encoding="utf-8")),
        )
        twin.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def third_language(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("languages")
    project = copy_fixture(root / "copy")
    add_language(project, THIRD, "Deutsch")
    site = root / "site"
    result = build(project, site, "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output
    return site


def pages(root: Path) -> dict[str, BeautifulSoup]:
    """The documentation pages under a folder, by address relative to it (other languages' folders and
    the notices at old addresses aside)."""
    found = {}
    for path in sorted(root.rglob("index.html")):
        page = Page(path.relative_to(root), path.read_text(encoding="utf-8"))
        if path.relative_to(root).parts[0] not in ("en", THIRD) and not is_notice(page):
            found[path.parent.relative_to(root).as_posix()] = page.soup
    return found


def test_the_third_language_publishes_every_page(third_language: Path) -> None:
    english, german = pages(third_language / "en"), pages(third_language / THIRD)
    assert german and set(german) == set(english)
    for address, soup in german.items():
        assert soup.html["lang"] == THIRD, address


def test_every_page_links_its_versions_in_every_language(third_language: Path) -> None:
    for folder in ("", "en", THIRD):
        for address, soup in pages(third_language / folder).items():
            hreflangs = {link["hreflang"] for link in soup.select('head link[rel="alternate"][hreflang]')}
            assert hreflangs == {"fr", "en", THIRD, "x-default"}, f"{folder}/{address}"
    sitemap = (third_language / "sitemap.xml").read_text(encoding="utf-8")
    assert f"http://127.0.0.1:8000/{THIRD}/" in sitemap


def test_the_third_language_has_its_own_search_index(third_language: Path) -> None:
    index = json.loads((third_language / THIRD / "search" / "search_index.full.json").read_text())
    assert index["config"]["lang"] == [THIRD]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    addresses = {f"{address}/" if address != "." else "" for address in pages(third_language / THIRD)}
    assert locations and locations <= addresses
    for language in ("", "en"):
        other = json.loads((third_language / language / "search" / "search_index.full.json").read_text())
        assert not any(doc["location"].startswith(f"{THIRD}/") for doc in other["docs"])


def test_the_404_page_speaks_the_third_language_too(third_language: Path) -> None:
    soup = BeautifulSoup((third_language / "404.html").read_text(encoding="utf-8"), "html.parser")
    section = soup.select_one(f'section.faq-not-found[lang="{THIRD}"]')
    assert section is not None
    assert section.h1.get_text(strip=True) == GERMAN["not_found_title"]
    assert GERMAN["not_found_text"] in section.get_text()
    assert GERMAN["not_found_title"] in soup.title.get_text()

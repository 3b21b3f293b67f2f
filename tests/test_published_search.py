"""Search in the reader's language: each language's index holds its own pages only, with its
stemming (src/faq_site/readers/search.py).

Published-site invariants (`published_site`, tests/published.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from published import copied
from selectolax.lexbor import LexborHTMLParser

from conftest import DEFAULT_LANGUAGE, LANGUAGES, Site, normalise

pytestmark = pytest.mark.published_site


# What is left of a token once its punctuation is trimmed, as lunr's trimmer does.
PUNCTUATION_AT_ENDS = re.compile(r"^\W+|\W+$")


def words(text: str, separator: re.Pattern[str]) -> set[str]:
    """The words of a text as the index splits it, lower case, punctuation trimmed."""
    tokens = (PUNCTUATION_AT_ENDS.sub("", token) for token in separator.split(normalise(text).lower()))
    return {token for token in tokens if token}


def page_words(article, separator: re.Pattern[str]) -> set[str]:
    """An article's words, whether its elements' texts are read apart (a paragraph's last word and
    the next one's first) or joined (a word split by inline markup)."""
    return words(article.text(separator=" "), separator) | words(article.text(), separator)


def search_problems(site: Site, language: str) -> list[str]:
    """The language's index: its settings name the language (the worker loads its stemmer from
    them); each entry is a page of that language, or a section of one, with its title and words;
    every question page has an entry; the settings file every page fetches is the index
    without its entries."""
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    index = site.search_index(language)
    problems = []
    config = index["config"]
    if config["lang"] != [language] or "stemmer" not in config["pipeline"]:
        problems.append(
            f"{prefix}search: settings {config['lang']} {config['pipeline']}, not [{language}] stemmed"
        )
    if site.search_index(language, settings_only=True) != {**index, "docs": []}:
        problems.append(f"{prefix}search/search_index.json: not the index's settings alone")
    separator = re.compile(config["separator"])
    pages = {page.url_path: page for page in site.pages_in(language)}
    entries = set()
    for doc in index["docs"]:
        location, _, section = doc["location"].partition("#")
        page = pages.get(f"{prefix}{location}")
        if page is None:
            problems.append(f"{prefix}search: an entry for {doc['location']}, not a page of the language")
            continue
        entries.add(page.url_path)
        heading = page.tree.css_first(f'[id="{section}"]') if section else page.tree.css_first("article h1")
        title = heading.text().rstrip("¶") if heading is not None else None
        if title is None or normalise(doc["title"]) != normalise(title):
            problems.append(f"{prefix}search: {doc['location']} titled {doc['title']!r}, not {title!r}")
        text = LexborHTMLParser(f"<div>{doc['text']}</div>").css_first("div").text(separator=" ")
        unknown = words(text, separator) - words(
            page.tree.css_first("article").text(separator=" "), separator
        )
        if unknown:
            problems.append(
                f"{prefix}search: {doc['location']} holds words its page lacks: {sorted(unknown)[:5]}"
            )
    for page in site.question_pages(language):
        if page.url_path not in entries:
            problems.append(f"{prefix}search: no entry for the question {page.url_path}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_searches_its_own_pages_with_its_stemming(published: Site, language: str) -> None:
    assert published.search_index(language)["docs"]
    assert not search_problems(published, language), "\n".join(search_problems(published, language))


def test_the_search_checks_see_another_language_s_entry(site: Site, tmp_path: Path) -> None:
    other = next(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)
    index_file = site.root / "search" / "search_index.full.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    other_index = site.search_index(other)
    # The other language's entry for a page, in place of this language's.
    first = next(i for i, doc in enumerate(index["docs"]) if "#" not in doc["location"])
    index["docs"][first] = next(
        doc for doc in other_index["docs"] if doc["location"] == index["docs"][first]["location"]
    )
    broken = copied(site, tmp_path)
    (broken.root / "search" / "search_index.full.json").write_text(json.dumps(index), encoding="utf-8")
    problems = search_problems(broken, DEFAULT_LANGUAGE)
    assert any("titled" in problem for problem in problems), problems

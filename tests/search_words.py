"""Words to search for, chosen at test time from the built site's own search index.

The search tests never type today's words ("nuclear", "membres"…): they ask
this module for a word with the property they need (found on one page only,
an inflected form the index does not hold, a word only ever written after an
elision), read from the language's `search_index.full.json`. Whether a typed
word finds an indexed one is decided by the site's own stemmer and stop
words: the lunr files the site ships, run in a browser worker (`lunr_forms`),
so the choice agrees with what the search does, whatever the pages say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from browsing import one_tab
from conftest import DEFAULT_LANGUAGE, Site

# French elided words: l’OTAN, d’Europe, qu’elle… (with ’ or ').
ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?P<word>\w+)$", re.IGNORECASE)
NOT_WORD_AT_ENDS = re.compile(r"^\W+|\W+$")
LETTERS = re.compile(r"^[^\W\d_]+$")
SHORTEST = 4  # letters: shorter words are mostly stop words or parts of others

# How the site's search turns a word into what it stores and what it looks for: the index
# runs each word through the language's trimmer, stop words and stemmer; the query is
# stemmed only, then Material adds a trailing wildcard (see overrides/assets/javascripts/workers).
LUNR_FORMS = """async ({language, words}) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const worker = new URL(new URL(config.search, location.href).searchParams.get("worker"), location.href);
  const scripts = [worker.href];
  if (language !== "en")
    for (const name of ["lunr.stemmer.support.min.js", `lunr.${language}.min.js`])
      scripts.push(new URL(`../lunr/min/${name}`, worker).href);
  const source = `importScripts(...${JSON.stringify(scripts)});
    const l = ${JSON.stringify(language)} === "en" ? lunr : lunr[${JSON.stringify(language)}];
    const indexed = new lunr.Pipeline();
    indexed.add(l.trimmer, l.stopWordFilter, l.stemmer);
    postMessage(${JSON.stringify(words)}.map(word => [
      indexed.runString(word).join(" "), l.stemmer(new lunr.Token(word)).toString()]));`;
  const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
  const forms = await new Promise((resolve, reject) => {
    const stemmer = new Worker(url);
    stemmer.onmessage = event => { resolve(event.data); stemmer.terminate(); };
    stemmer.onerror = event => reject(new Error(event.message));
  });
  URL.revokeObjectURL(url);
  return forms;
}"""


@dataclass(frozen=True)
class Forms:
    indexed: str  # what the index stores for the word ("" for a stop word)
    query: str  # what a search for the word looks for, as a prefix


@contextmanager
def measuring_tab(browser: Browser) -> Iterator[Page]:
    """A tab for `lunr_forms`, kept for as long as words come to measure. The test's own worker, made
    from a `blob:` address, is not one of the site's files: the page's Content-Security-Policy
    (`worker-src 'self'`) rightly blocks it, so this measuring context, and it alone, sets the
    policy aside."""
    with one_tab(browser, bypass_csp=True) as made:
        yield made


def lunr_forms(tab: Page, server: str, language: str, words: Iterable[str]) -> dict[str, Forms]:
    """Each lower-case word's forms, computed by the site's own lunr files in a browser worker,
    from a page of the language in `tab` (`measuring_tab`)."""
    words = sorted(set(words))
    home = urljoin(server, "" if language == DEFAULT_LANGUAGE else f"{language}/")
    if tab.url != home:
        tab.goto(home)
    forms = tab.evaluate(LUNR_FORMS, {"language": language, "words": words})
    return {word: Forms(indexed, query) for word, (indexed, query) in zip(words, forms, strict=True)}


def text_of(doc: dict) -> str:
    return f"{doc['title']} {BeautifulSoup(doc['text'], 'html.parser').get_text(' ')}"


class SearchIndex:
    """A language's search index as words: per page (its sections included), and per page's own text."""

    def __init__(self, site: Site, language: str, forms) -> None:
        self.language = language
        self.prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        index = site.search_index(language)
        self.separator = separator = re.compile(index["config"]["separator"])
        self.own_text: dict[str, str] = {}  # page location -> the title and text of its own entry
        self.words: dict[str, set[str]] = {}  # page location -> its lower-case words, sections included
        for doc in index["docs"]:
            page = doc["location"].split("#")[0]
            text = text_of(doc)
            if "#" not in doc["location"]:
                self.own_text[page] = text
            tokens = (NOT_WORD_AT_ENDS.sub("", token.lower()) for token in separator.split(text))
            self.words.setdefault(page, set()).update(token for token in tokens if token)
        # Question pages, in the home page's order, as index locations.
        self.questions = [page.url_path.removeprefix(self.prefix) for page in site.questions(language)]
        self._forms = forms

    @cached_property
    def all_words(self) -> set[str]:
        return set().union(*self.words.values())

    @cached_property
    def forms(self) -> dict[str, Forms]:
        return self._forms(self.language, self.all_words)

    def own_words(self, page: str) -> list[str]:
        """The words of a page's own entry (title and text before its first section), in order, once."""
        tokens = self.separator.split(self.own_text[page])
        words = [NOT_WORD_AT_ENDS.sub("", token.lower()) for token in tokens]
        return list(dict.fromkeys(word for word in words if LETTERS.match(word) and len(word) >= SHORTEST))

    def pages_found_by(self, query: str) -> set[str]:
        """The pages a search for `query` (lower case) finds: an indexed word starts with its stem."""
        stem = self.form(query).query
        return {
            page
            for page, words in self.words.items()
            if any(self.forms[word].indexed.startswith(stem) for word in words if self.forms[word].indexed)
        }

    def form(self, word: str) -> Forms:
        if word not in self.forms:
            self.forms.update(self._forms(self.language, [word]))
        return self.forms[word]

    def url_path(self, page: str) -> str:
        """A page's address from the site root."""
        return f"{self.prefix}{page}"


def no_word(what: str, index: SearchIndex) -> None:
    pytest.fail(
        f"docs/ offers no {what} in the {index.language} search index: this test needs one to prove "
        "its point. Choose another rule for the word in tests/search_words.py.",
        pytrace=False,
    )


def word_on_one_page(index: SearchIndex) -> tuple[str, str]:
    """(word, question page): a word of a question's own text that a search finds on that page alone."""
    for page in index.questions:
        for word in index.own_words(page):
            if index.form(word).indexed and index.pages_found_by(word) == {page}:
                return word, page
    no_word("word found on one page alone", index)


def word_shared_with(index: SearchIndex, other: SearchIndex) -> tuple[str, str]:
    """(word, question page): a word of a question's own text that the other language's pages use too
    (so a search mixing both indexes would show them), found on as few pages as possible."""
    candidates = [
        (len(index.pages_found_by(word)), position, word, page)
        for position, (page, word) in enumerate(
            (page, word) for page in index.questions for word in index.own_words(page)
        )
        if word in other.all_words and index.form(word).indexed and other.form(word).indexed
    ]
    if not candidates:
        no_word("word used by both languages", index)
    _, _, word, page = min(candidates)
    return word, page


def plural_not_indexed(index: SearchIndex, other_than: tuple[str, str] | None = None) -> tuple[str, str]:
    """(word + "s", question page): the page's own text has the word, no word of the index starts
    with word + "s", and the search stems word + "s" to a prefix of the indexed word. `other_than`:
    a (query, page) already used, for another word on another page."""
    for page in index.questions:
        if other_than is not None and page == other_than[1]:
            continue
        for word in index.own_words(page):
            inflected = f"{word}s"
            if other_than is not None and inflected == other_than[0]:
                continue
            if word.endswith("s") or any(other.startswith(inflected) for other in index.all_words):
                continue
            indexed = index.form(word).indexed
            if indexed and indexed.startswith(index.form(inflected).query):
                return inflected, page
    no_word("plural a search finds only by its stem", index)


def word_only_after_an_elision(index: SearchIndex) -> tuple[str, str]:
    """(word as written, question page): in the page's own text, the word only ever follows an
    elision (l’OTAN) and no word starts with it: only a search that splits at apostrophes finds it."""
    for page in index.questions:
        written = [NOT_WORD_AT_ENDS.sub("", token) for token in index.own_text[page].split()]
        starts = {token.lower() for token in written}
        for token in written:
            match = ELISION.match(token)
            if match is None or len(match["word"]) < SHORTEST or not LETTERS.match(match["word"]):
                continue
            word = match["word"]
            if any(other.startswith(word.lower()) for other in starts):
                continue
            if index.form(word.lower()).indexed and page in index.pages_found_by(word.lower()):
                return word, page
    no_word("word written only after an elision", index)

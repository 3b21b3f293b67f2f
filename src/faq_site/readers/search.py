"""One search index per language, each with its own stemmer.

static-i18n merges the French and English pages into one index at
search/search_index.json, so French readers get English results and the
reverse. After that merge (priority below static-i18n's -100) the plugin splits
it: search/search_index.json keeps the French pages with French stemming, and
en/search/search_index.json the English pages with English stemming.

Material's search fetches `search/search_index.json` relative to the `base`
of the page and resolves result locations against it. So every page's `base`
is its language's root (`en/` for English pages), and the English index holds
locations relative to that root. Reader preferences (colour scheme) stay
shared by both languages: their storage scope is the site root.

Material's bundle fetches that index on every page load, before anyone
searches. So each language's index is written twice: whole, as
search/search_index.full.json, which the search worker fetches on the first
search (overrides/assets/javascripts/workers/stemming.js), and at
search/search_index.json with its settings only and no pages, which is all the
page itself needs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from faq_site.languages import Languages

INDEX = Path("search") / "search_index.json"
FULL_INDEX = Path("search") / "search_index.full.json"  # also named in overrides/main.html


def set_scope(config: MkDocsConfig) -> None:
    """Reader preferences are stored for the whole site: an absolute path, the same from every page."""
    config.extra.setdefault("scope", urlsplit(config.site_url or "/").path or "/")


def language_base(context: dict[str, Any], page: Page, languages: Languages) -> None:
    """Every page's `base` is its language's root (`en/` for English pages)."""
    for language in languages.others:
        if page.url.startswith(f"{language}/"):
            context["base_url"] = get_relative_url(f"{language}/", page.url)


def split_index(index: dict[str, Any], languages: Languages) -> dict[str, dict[str, Any]]:
    """The merged index as one index per language, locations relative to each language's root."""
    docs: dict[str, list[dict[str, Any]]] = {language: [] for language in languages.all}
    for doc in index["docs"]:
        for language in languages.others:
            prefix = f"{language}/"
            if doc["location"].startswith(prefix):
                docs[language].append({**doc, "location": doc["location"][len(prefix) :]})
                break
        else:
            docs[languages.default].append(doc)
    return {
        language: {**index, "config": {**index["config"], "lang": [language]}, "docs": entries}
        for language, entries in docs.items()
    }


def write_indexes(config: MkDocsConfig, languages: Languages) -> None:
    """Splits the merged index static-i18n wrote: one index per language, each whole and settings-only."""
    site = Path(config.site_dir)
    merged_path = site / INDEX
    if not merged_path.exists():
        raise PluginError(f"{merged_path} was not written: is the search plugin enabled in mkdocs.yml?")
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for language, index in split_index(merged, languages).items():
        root = site / languages.prefix(language)
        (root / INDEX).parent.mkdir(parents=True, exist_ok=True)
        for path, content in ((root / FULL_INDEX, index), (root / INDEX, {**index, "docs": []})):
            path.write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

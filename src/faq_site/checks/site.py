"""What the checks of one page need to know of the site: its languages, its address rule, its files.

The plugin makes it from MkDocs' files (`Site.of`); a test makes one by hand to check a page of
Markdown on its own (checks/page_problems.py, `check_markdown`).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import Files

from faq_site.checks.urls import UrlRule
from faq_site.languages import Languages
from faq_site.sources.names import ASSETS_DIR


@dataclass(frozen=True)
class Site:
    languages: Languages
    rule: UrlRule  # what a page may link to or load (checks/urls.py)
    urls: frozenset[str]  # every file's address, as MkDocs gives it: pages (`faq/x/`), assets, the theme's
    asset_urls: frozenset[str]  # the site's files in docs/assets/, by address: `assets/x.png`

    @classmethod
    def of(cls, files: Files, languages: Languages, rule: UrlRule) -> Site:
        return cls(
            languages,
            rule,
            frozenset(file.url for file in files),
            frozenset(file.url for file in files if file.src_uri.startswith(f"{ASSETS_DIR}/")),
        )

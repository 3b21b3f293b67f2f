"""Check one page of Markdown as the build checks it, without a build: an editor's mistake as a unit test.

`check("faq/q.md", text)` renders the page with the site's own Markdown configuration
(mkdocs.yml, read with its plugins, in the page's language) through the plugin's one
per-page entry point (src/faq_site/checks/page_problems.py, `check_markdown`), and gives
the lines the build would print for it, `docs/<file>:<line>: …`, after the precedence rule.
What needs several pages (twins, numbers, the "all questions" page) needs a build.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from faq_site.checks.page_problems import check_markdown
from faq_site.checks.rendered import RenderedPage
from faq_site.checks.site import Site
from faq_site.checks.urls import UrlRule
from faq_site.languages import Languages
from faq_site.readers import typography
from faq_site.sources.page import MarkdownPage

PROJECT = Path(__file__).resolve().parents[1]
SITE_URL = "https://owner.github.io/faq/"
REPO_URL = "https://github.com/owner/faq"
# The other pages a snippet may link to (by their Markdown files), in every language.
PAGES = ("index.md", "about.md", "faq/index.md", "faq/other.md")
ASSETS = ("assets/map.png",)


@cache
def config(language: str) -> MkDocsConfig:
    """mkdocs.yml as MkDocs reads it (plugins included), its Markdown in `language`."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    loaded = load_config(str(PROJECT / "mkdocs.yml"), site_url=SITE_URL, repo_url=REPO_URL)
    loaded.theme["language"] = language
    typography.configure(loaded)
    return loaded


@cache
def site() -> Site:
    loaded = config("fr")
    languages = Languages.of_config(loaded)
    domains = tuple(loaded.plugins["faq"].config.allowed_link_domains)
    pages = [languages.uri_for(page, language) for page in PAGES for language in languages.all]
    urls = {MarkdownPage.parse(page, "", languages).address for page in pages}
    urls |= {f"{languages.prefix(language)}{url}" for url in urls for language in languages.others}
    return Site(
        languages, UrlRule(domains, REPO_URL, SITE_URL), frozenset(urls | set(ASSETS)), frozenset(ASSETS)
    )


def pages(language: str) -> tuple[str, ...]:
    languages = site().languages
    return tuple(languages.uri_for(page, language) for page in PAGES) + ASSETS


def check_page(
    src_uri: str, text: str, french: tuple[MarkdownPage, RenderedPage] | None = None
) -> tuple[list[str], MarkdownPage, RenderedPage]:
    """The build's lines for this page, and the page as read and as rendered."""
    language = site().languages.of(src_uri)
    problems, page, rendered = check_markdown(
        src_uri, text, site(), config(language), pages(language), french
    )
    lines = sorted(problems, key=lambda p: (p.src_uri, p.line or 0, p.message))
    return [str(problem) for problem in dict.fromkeys(lines)], page, rendered


def check(src_uri: str, text: str) -> list[str]:
    """The build's lines for this page, `docs/<file>:<line>: …`, sorted as the build sorts them."""
    return check_page(src_uri, text)[0]

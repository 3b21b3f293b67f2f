"""The pages of a copy of the tests' FAQ site checked one by one, as the build checks them, without a build.

An editor's mistake made on one page (its front matter, its Markdown, what it renders, its
links to files) is a unit test: the page, and its other language's page, are checked through
the plugin's one per-page entry point (src/faq_site/checks/page_problems.py, `check_markdown`,
as tests/snippets.py checks a snippet), among the copy's own files, with the fixture's own
settings (tests/fixture/mkdocs.yml: the site's configuration, its allowed domains), and the two
pages' old names and heading ids compared. The lines are the build's, after the precedence rule.
What needs the whole site (numbers, the "all questions" page, anchors of other pages, files,
settings) needs a build (tests/grouped_builds.py).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from fixture_site import FIXTURE
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from faq_site.checks.page_problems import check_markdown
from faq_site.checks.rendered import RenderedPage
from faq_site.checks.site import Site
from faq_site.checks.translations import check_translations
from faq_site.checks.urls import UrlRule
from faq_site.languages import Languages
from faq_site.messages.problems import Problems, Stage
from faq_site.readers import typography
from faq_site.readers.redirects import check_renames
from faq_site.sources.page import MarkdownPage

SITE_URL = "http://127.0.0.1:8000/"


@cache
def config(language: str) -> MkDocsConfig:
    """The fixture's mkdocs.yml as MkDocs reads it (its plugins, the site's configuration it
    inherits), its Markdown in `language`."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    loaded = load_config(str(FIXTURE / "mkdocs.yml"), site_url=SITE_URL)
    loaded.theme["language"] = language
    typography.configure(loaded)
    return loaded


def site(docs: Path) -> Site:
    """What the checks of one page know of the site: its languages, its address rule, the copy's files."""
    loaded = config("fr")
    languages = Languages.of_config(loaded)
    rule = UrlRule(tuple(loaded.plugins["faq"].config.allowed_link_domains), loaded.repo_url, SITE_URL)
    urls, assets = set(), set()
    for uri in files(docs):
        if uri.endswith(".md"):
            page = MarkdownPage.parse(uri, "", languages)
            urls.add(languages.prefix(page.language) + page.address)
        else:
            assets.add(uri)
    # Each language's build publishes the assets under its own folder too (static-i18n's fallback).
    assets |= {f"{languages.prefix(language)}{asset}" for asset in assets for language in languages.others}
    urls |= {f"{languages.prefix(language)}{url}" for url in urls for language in languages.others}
    return Site(languages, rule, frozenset(urls | assets), frozenset(assets))


def files(docs: Path) -> tuple[str, ...]:
    return tuple(sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()))


def check_pages(docs: Path, src_uris: set[str]) -> list[str]:
    """The build's lines for these pages of the copy and their other language's pages, as the
    build sorts them."""
    checked = site(docs)
    languages = checked.languages
    every_file = files(docs)
    # Each page's problems, then the precedence rule across them: what follows from a French page's
    # problem is not its translation's (messages/problems.py).
    together = Problems()
    for norm in sorted({languages.norm_uri(uri) for uri in src_uris}):
        french: tuple[MarkdownPage, RenderedPage] | None = None
        twins = []
        for language in languages.all:
            uri = languages.uri_for(norm, language)
            text = (docs / uri).read_text(encoding="utf-8")
            settings = config(language)
            problems, page, rendered = check_markdown(uri, text, checked, settings, every_file, french)
            french = french or (page, rendered)
            together.report(problems)
            twins.append(page)
        # What the build compares between the twins: their old names, their heading ids.
        together.report(check_renames(twins, languages)[1], Stage.FRONT_MATTER)
        together.report(check_translations(twins, languages), Stage.MARKDOWN)
    lines = [str(problem) for problem in together.shown()]
    return sorted(dict.fromkeys(lines), key=_sort_key)


def _sort_key(line: str) -> tuple[str, int, str]:
    where, _, message = line.partition(": ")
    file, _, number = where.partition(":")
    return file, int(number or 0), message

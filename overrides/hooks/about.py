"""The About page (docs/about.md and docs/about.en.md): linked from every page, with the repository's links.

- Every page's Markdown can use two reference links, `[text][repository]` and
  `[text][issues]`, to the site's repository and its issues: they come from
  `repo_url`, so a fork (or `REPO_URL`) links to its own repository.
- Every page's template gets `faq_about`, the About page in its language, for
  the footer and the provenance note (None if there is no About page).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from faq_docs import norm_uri

ABOUT = "about.md"


def repository_references(repo_url: str | None) -> str:
    if not repo_url:
        return ""
    repository = repo_url.rstrip("/")
    return f"\n\n[repository]: {repository}\n[issues]: {repository}/issues\n"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown + repository_references(config.repo_url)


def about_page(nav: Navigation | None) -> Page | None:
    pages = nav.pages if nav is not None else []
    return next((page for page in pages if norm_uri(page.file.src_uri) == ABOUT), None)


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    context["faq_about"] = about_page(nav)
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    context["faq_about"] = about_page(context.get("nav"))
    return context

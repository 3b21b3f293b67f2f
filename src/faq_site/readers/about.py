"""The About page (docs/about.md and docs/about.en.md): linked from every page, with the repository's links.

- Every page's Markdown can use two reference links, `[text][repository]` and
  `[text][issues]`, to the site's repository and its issues: they come from
  `repo_url`, so a fork (or `REPO_URL`) links to its own repository.
- Every page's template gets `faq_about`, the About page in its language, for
  the footer and the provenance note (None if there is no About page).
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from faq_site.languages import Languages

ABOUT = "about.md"


def repository_references(repo_url: str | None) -> str:
    if not repo_url:
        return ""
    repository = repo_url.rstrip("/")
    return f"\n\n[repository]: {repository}\n[issues]: {repository}/issues\n"


def about_page(nav: Navigation | None, languages: Languages) -> Page | None:
    """The About page in the language of this navigation (None if there is none)."""
    pages = nav.pages if nav is not None else []
    return next((page for page in pages if languages.norm_uri(page.file.src_uri) == ABOUT), None)

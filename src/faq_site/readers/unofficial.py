"""Never taken for NATO's own site: how every page says whose site it is.

- The site's name carries its marker in each language (mkdocs.yml: `site_name`, and the
  English one under the i18n plugin's `en`): every `<title>`, `og:site_name`, share card
  (readers/cards.py) and Material's header show it.
- A line at the top of every page, above the header, says it in the page's language and
  links to the About page (overrides/main.html, block `announce`; mkdocs.yml:
  `extra.strings.<language>.unofficial`): on a phone, the header's name is cut short.
- A home page's title starts with the site's name: NATO's title alone ("Réponse de l'OTAN
  à…") would read as NATO's own page in a search result or a shared link.
- The About page names its publisher and a contact: `<!-- faq:publisher -->` and
  `<!-- faq:contact -->` become the faq plugin's `publisher` and `contact` settings, or,
  unset, the repository's owner and its issues page (from `repo_url`).
"""

from __future__ import annotations

from dataclasses import dataclass

import ada_url
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from faq_site.messages.problems import Problem
from faq_site.readers.about import ABOUT
from faq_site.readers.typography import plain_title
from faq_site.sources.page import MarkdownPage

PUBLISHER = "<!-- faq:publisher -->"
CONTACT = "<!-- faq:contact -->"


@dataclass(frozen=True)
class Publisher:
    name: str  # plain text (config.py: letters, digits, spaces and . , ' ’ & ( ) -)
    contact: str  # an https address

    def markdown(self, markdown: str) -> str:
        """The page's Markdown with the publisher's name and contact in place of their markers."""
        return markdown.replace(PUBLISHER, self.name).replace(CONTACT, f"<{self.contact}>")


def publisher(name: str | None, contact: str | None, repo_url: str | None) -> Publisher:
    """The settings, or what `repo_url` says: its owner, and its issues page."""
    repository = (repo_url or "").rstrip("/")
    owner = ""
    if repository:
        try:
            owner = ada_url.URL(repository).pathname.strip("/").split("/")[0]
        except ValueError:
            owner = ""
    return Publisher(name or owner, contact or (f"{repository}/issues" if repository else ""))


def about_problems(source: MarkdownPage) -> list[Problem]:
    """An About page names the publisher and a contact (its language's, each)."""
    if source.norm_uri != ABOUT:
        return []
    return [
        Problem(
            source.src_uri,
            f"the About page does not name the site's {what}. Write `{marker}` where it goes: the build "
            f"writes there the faq plugin's `{what}` setting (mkdocs.yml), or {derived}.",
        )
        for marker, what, derived in (
            (PUBLISHER, "publisher", "the repository's owner"),
            (CONTACT, "contact", "the repository's issues page"),
        )
        if marker not in source.body
    ]


def check_known(who: Publisher) -> None:
    """Without `repo_url`, the publisher and contact must be set: the About page names them."""
    if not who.name or not who.contact:
        raise PluginError(
            "mkdocs.yml: plugins: faq: set `publisher` and `contact` (or `repo_url`): the About page names "
            "who publishes the site and how to contact them."
        )


@dataclass(frozen=True)
class Titles:
    document: str  # the `<title>`
    shared: str  # `og:title`


def page_titles(page: Page, site_name: str, home: bool) -> Titles:
    """A page's `<title>` and `og:title`, as plain text: the page's title, then the site's name;
    on a home page (`home`: either language's), whose title is NATO's own, the site's name first,
    in both (elsewhere `og:site_name` and the card say whose site it is)."""
    title = plain_title(page.title)
    if home:
        return Titles(f"{site_name} – {title}", f"{site_name} – {title}")
    return Titles(f"{title} – {site_name}", title)

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
from mkdocs.structure.pages import Page

from faq_site.messages.problems import Problem
from faq_site.readers.about import ABOUT
from faq_site.readers.typography import plain_title
from faq_site.sources.source import Source

PUBLISHER = "<!-- faq:publisher -->"
CONTACT = "<!-- faq:contact -->"
# Characters Markdown reads as syntax, escaped in a publisher's name.
_MARKDOWN = str.maketrans({character: f"\\{character}" for character in "\\`*_{}[]<>()#+-.!|"})


@dataclass(frozen=True)
class Publisher:
    name: str
    contact: str  # an https address

    def markdown(self, markdown: str) -> str:
        """The page's Markdown with the publisher's name and contact in place of their markers."""
        shown = self.contact.removeprefix("https://").rstrip("/")
        return markdown.replace(PUBLISHER, self.name.translate(_MARKDOWN)).replace(
            CONTACT, f"[{shown.translate(_MARKDOWN)}]({self.contact})"
        )


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


def about_problems(sources: list[Source], who: Publisher) -> list[Problem]:
    """Each language's About page names the publisher and a contact, which must be known."""
    problems = []
    for source in sources:
        if source.norm_uri != ABOUT:
            continue
        for marker, what, value in ((PUBLISHER, "publisher", who.name), (CONTACT, "contact", who.contact)):
            if marker not in source.body:
                problems.append(
                    Problem(
                        source.src_uri,
                        f"the About page does not name the site's {what}. Write `{marker}` where it goes: "
                        f"the build writes the faq plugin's `{what}` setting there (mkdocs.yml).",
                    )
                )
            elif not value:
                problems.append(
                    Problem(
                        source.src_uri,
                        f"the About page names the site's {what}, which nobody has set: give the faq plugin "
                        f"its `{what}` setting in mkdocs.yml, or set `repo_url`.",
                        source.line_of(marker),
                    )
                )
    return problems


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

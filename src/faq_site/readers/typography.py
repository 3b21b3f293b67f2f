"""Typography in each build's language, and in the text that does not go through Markdown.

The Python-Markdown extension faq_site.markdown.typography renders the page
bodies, titles, navigation and search index; it takes its language from its
settings, which the plugin sets to the language static-i18n is building. A
page's front matter `description` (meta description, Open Graph, structured
data) is not Markdown: it is typeset here with the same rules. So is MkDocs'
page title (navigation, `<title>`, search): MkDocs takes it from the rendered
H1 but collapses its spaces, no-break ones included. MkDocs' title is HTML (`&amp;`
for `&`, as the navigation writes it); what is not HTML (the `<title>`, Open Graph,
structured data) takes its plain text, `plain_title`.
"""

from __future__ import annotations

import html

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from faq_site.markdown.typography import typeset

EXTENSION = "faq_site.markdown.typography"
TYPESET_KEYS = ("description",)


def configure(config: MkDocsConfig) -> None:
    config.mdx_configs.setdefault(EXTENSION, {})["language"] = config.theme["language"]


def typeset_meta(page: Page, language: str) -> None:
    for key in TYPESET_KEYS:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = typeset(page.meta[key], language)


def typeset_title(page: Page, language: str) -> None:
    if page.title:
        page.title = typeset(page.title, language)


def plain_title(title: str | None) -> str:
    """MkDocs' page title (HTML: `&amp;`, `&lt;`) as plain text (`&`, `<`), to escape once where it goes."""
    return html.unescape(title or "")


def add_filters(env: Environment) -> None:
    """`{{ page.title | plain_title | e }}`: the title as plain text, escaped once."""
    env.filters["plain_title"] = plain_title

"""Typography in each build's language, and in the text that does not go through Markdown.

The Python-Markdown extension faq_typography (src/faq_typography) renders
the page bodies, titles, navigation and search index; it takes its language
from its settings, which this hook sets to the language static-i18n is
building. A page's front matter `description` (meta description, Open Graph,
structured data) is not Markdown: this hook typesets it with the same rules.
So does MkDocs' page title (navigation, `<title>`, search): MkDocs takes it
from the rendered H1 but collapses its spaces, no-break ones included.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from faq_typography import typeset

EXTENSION = "faq_typography"
TYPESET_KEYS = ("description",)


@event_priority(-110)  # after static-i18n has set the build's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.mdx_configs.setdefault(EXTENSION, {})["language"] = config.theme["language"]
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for key in TYPESET_KEYS:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = typeset(page.meta[key], config.theme["language"])
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.title:
        page.title = typeset(page.title, config.theme["language"])
    return html

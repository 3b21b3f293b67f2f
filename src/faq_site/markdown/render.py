"""A page's Markdown rendered as the site renders it, outside MkDocs' build of that page.

Two parts of the site need a page's text in a version that is not the one being
built: the translation state (readers/translation_state.py) compares each
version of a page in git as readers read it, and the parity check compares a
translation behind its French page with the French it translates
(readers/translated_french.py). Both render with the site's own Markdown
configuration (mkdocs.yml's `markdown_extensions` and their settings, the
typography in the page's language, the `[repository]` and `[issues]`
references), but without MkDocs' link resolution: an old version may link to a
page that no longer exists, which is no warning of this build.

What readers read of the result is the one parse of a rendered page
(checks/rendered.py), as for the page being built.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
from mkdocs.config.defaults import MkDocsConfig

from faq_site.checks.rendered import RenderedPage
from faq_site.readers.about import repository_references
from faq_site.sources.page import MarkdownPage

TYPOGRAPHY = "faq_site.markdown.typography"


@dataclass
class SiteMarkdown:
    """The site's Markdown configuration: extensions, their settings, the repository's address."""

    extensions: list = field(default_factory=list)
    configs: dict = field(default_factory=dict)
    repo_url: str | None = None

    @classmethod
    def of_config(cls, config: MkDocsConfig) -> SiteMarkdown:
        return cls(list(config.markdown_extensions), dict(config.mdx_configs or {}), config.repo_url)

    renderers: dict[str, markdown.Markdown] = field(default_factory=dict, repr=False, compare=False)

    def html(self, page: MarkdownPage, prepare: Callable[[str], str] | None = None) -> str:
        """A page (one version of its file, read by the page model) rendered in its language: its
        article's HTML. MkDocs renders what follows a front matter it can read, the whole text
        otherwise (as checks/page_problems.py does).

        `prepare`: what the build does to the page's Markdown before rendering it, if anything
        (the home page's list of questions)."""
        body = page.body if page.front_matter.span and not page.front_matter.error else page.text
        if prepare is not None:
            body = prepare(body)
        language = page.language
        renderer = self.renderers.get(language)
        if renderer is None:
            configs = copy.deepcopy(self.configs)
            if TYPOGRAPHY in self.extensions:  # in the page's language, as the plugin sets it per build
                configs.setdefault(TYPOGRAPHY, {})["language"] = language
            renderer = self.renderers[language] = markdown.Markdown(
                extensions=self.extensions, extension_configs=configs
            )
        return renderer.reset().convert(body + repository_references(self.repo_url))

    def rendered(self, page: MarkdownPage, prepare: Callable[[str], str] | None = None) -> RenderedPage:
        """The page rendered and parsed once, as the build parses the page it renders."""
        return RenderedPage(self.html(page, prepare), page.language)

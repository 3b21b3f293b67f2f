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

`reader_text` is what readers read of rendered HTML: the text of each block
and the addresses and alternative texts they follow or see, whitespace folded;
not comments, scripts, styles or the headings' `¶`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data
from selectolax.lexbor import LexborHTMLParser

from faq_site.readers.about import repository_references
from faq_site.sources.text import read

TYPOGRAPHY = "faq_site.markdown.typography"
# Elements whose content readers never read as text.
_HIDDEN = "script, style, template, .headerlink"
# Attributes whose values readers follow or see: where a link goes, an image and its text.
_SEEN_ATTRIBUTES = ("href", "src", "alt", "title")
_BLOCKS = frozenset(
    {"p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "blockquote", "pre", "div", "tr"}
    | {f"h{level}" for level in range(1, 7)}
)


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

    def html(self, page_text: str, language: str, prepare: Callable[[str], str] | None = None) -> str:
        """A whole page file (front matter and all) rendered in a language: its article's HTML.

        `prepare`: what the build does to the page's Markdown before rendering it, if anything
        (the home page's list of questions)."""
        body, _ = get_data(read(page_text))
        if prepare is not None:
            body = prepare(body)
        renderer = self.renderers.get(language)
        if renderer is None:
            configs = copy.deepcopy(self.configs)
            if TYPOGRAPHY in self.extensions:  # in the page's language, as the plugin sets it per build
                configs.setdefault(TYPOGRAPHY, {})["language"] = language
            renderer = self.renderers[language] = markdown.Markdown(
                extensions=self.extensions, extension_configs=configs
            )
        return renderer.reset().convert(body + repository_references(self.repo_url))


def reader_text(html: str) -> str:
    """What readers read of an article: one line per block, with the addresses it shows, spaces folded."""
    tree = LexborHTMLParser(f"<!doctype html><html><body><div>{html}</div></body></html>")
    body = tree.body
    if body is None:
        return ""
    for hidden in body.css(_HIDDEN):
        hidden.decompose()
    parts: list[str] = []
    for node in body.traverse(include_text=True):
        if node.tag == "-text":  # its line breaks are spaces; a block starts a line
            parts.append(" ".join((node.text_content or "").split("\n")))
            continue
        if node.tag in _BLOCKS or node.tag == "br":
            parts.append("\n")
        parts.extend(f" ⟨{node.attributes[name]}⟩ " for name in _SEEN_ATTRIBUTES if node.attributes.get(name))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)

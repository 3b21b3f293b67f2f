"""Per-language settings that MkDocs and Material cannot take per language.

static-i18n builds French, then English, on the same configuration. After it
has switched languages (priority below its -100), the plugin:

- titles the heading permalinks in the build's language (the `toc` extension
  takes one global setting);
- renders the 404 page, in every language at once (overrides/404.html), once:
  in the default language's build, instead of letting the last language built
  overwrite it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from faq_site.languages import Languages

NOT_FOUND = "404.html"


def strings_of(config: MkDocsConfig, language: str) -> dict:
    """The interface strings of a language (`extra.strings.<language>`), which the templates read too."""
    strings = (config.extra.get("strings") or {}).get(language)
    if strings is None:
        raise PluginError(
            f"mkdocs.yml: extra.strings has no entry for the language '{language}'. "
            f"Add one with the same keys as extra.strings.en."
        )
    return strings


def configure(config: MkDocsConfig, languages: Languages) -> None:
    language = config.theme["language"]
    strings = strings_of(config, language)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings["permalink_title"]
    if language != languages.default:
        config.theme.static_templates.discard(NOT_FOUND)

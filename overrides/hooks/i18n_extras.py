"""Per-language settings that MkDocs and Material cannot take per language.

static-i18n builds French, then English, on the same configuration. This hook
runs after it has switched languages (priority below its -100) and:

- titles the heading permalinks in the build's language (the `toc` extension
  takes one global setting);
- renders the bilingual 404 page once, in the default language, instead of
  letting the last language built overwrite it;
- stops the build if mkdocs.yml's languages and those the checks know
  (faq_docs.LANGUAGES) ever differ.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from faq_docs import DEFAULT_LANGUAGE, LANGUAGES

NOT_FOUND = "404.html"


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language = config.theme["language"]
    strings = config.extra["strings"].get(language)
    if strings is None:
        raise PluginError(
            f"mkdocs.yml: extra.strings has no entry for the language '{language}'. "
            "Add one with the same keys as extra.strings.fr."
        )
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings["permalink_title"]
    i18n = config.plugins["i18n"]
    if i18n.default_language != DEFAULT_LANGUAGE or set(i18n.build_languages) != set(LANGUAGES):
        raise PluginError(
            f"mkdocs.yml builds {i18n.build_languages} (default {i18n.default_language}), but "
            f"overrides/hooks/faq_docs.py checks {list(LANGUAGES)} (default {DEFAULT_LANGUAGE}). "
            "Make them the same."
        )
    if language != i18n.default_language:
        config.theme.static_templates.discard(NOT_FOUND)
    return config

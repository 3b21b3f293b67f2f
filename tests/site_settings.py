"""The site's settings as the tests read them from a project's mkdocs.yml, never pinned.

The FAQ's own settings (the domains learn-more links may point to, NATO's
record) live under `extra.faq` while the site's logic is a set of hooks, and in
the `faq` plugin's entry (`plugins: - faq: {…}`) once it is a plugin. Tests ask
this module, which reads either place: an editor who allows another domain, as
CONTRIBUTING.md says, changes what the tests expect with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with `!ENV [NAME, default]` read as its default, and `!ENV NAME` as None."""


ConfigLoader.add_constructor(
    "!ENV",
    lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None,
)


def read_config(project: Path) -> dict[str, Any]:
    """A project's mkdocs.yml, as MkDocs reads it when no environment variable is set."""
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)


def plugin_entries(plugins: list[Any] | dict[str, Any] | None) -> Iterator[tuple[str, Any]]:
    """(name, options) of each plugin of mkdocs.yml's `plugins`, a list or a mapping."""
    if isinstance(plugins, dict):
        yield from plugins.items()
        return
    for entry in plugins or []:
        if isinstance(entry, dict):
            yield from entry.items()
        else:
            yield entry, None


def faq_settings(config: dict[str, Any]) -> dict[str, Any]:
    """The `faq` plugin's options, or `extra.faq` where the site still keeps them there."""
    for name, options in plugin_entries(config.get("plugins")):
        if name == "faq":
            return options or {}
    return (config.get("extra") or {}).get("faq") or {}


def allowed_link_domains(project: Path) -> list[str]:
    """The domains learn-more links may point to, as the project's mkdocs.yml lists them."""
    return [str(domain) for domain in faq_settings(read_config(project))["allowed_link_domains"]]


def record_setting(project: Path) -> str:
    """Where NATO's 2022 text, the edition's record, is: a path relative to the project."""
    return faq_settings(read_config(project))["record"]

"""The site's settings as the tests read them from a project's mkdocs.yml, never pinned.

The FAQ's own settings (the domains learn-more links may point to, NATO's record) are the `faq`
plugin's options (`plugins: faq: {…}`). Tests ask this module: an editor who allows another
domain, as CONTRIBUTING.md says, changes what the tests expect with it. A mkdocs.yml that
inherits another (`INHERIT:`, as the tests' own site does) is read merged with it, as MkDocs
merges them: mappings key by key, anything else replaced.
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
    return read_config_file(project / "mkdocs.yml")


def read_config_file(path: Path) -> dict[str, Any]:
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=ConfigLoader)
    parent = config.pop("INHERIT", None)
    return merged(read_config_file(path.parent / parent), config) if parent else config


def merged(parent: Any, child: Any) -> Any:
    if isinstance(parent, dict) and isinstance(child, dict):
        return {**parent, **{key: merged(parent.get(key), value) for key, value in child.items()}}
    return child


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

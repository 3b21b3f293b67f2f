"""The checks cannot be switched off by accident: the project as committed runs them.

The checks are the faq plugin's (src/faq_site), enabled under `plugins:` in
mkdocs.yml with its typed settings. The tests' FAQ site inherits that mkdocs.yml
as committed (tests/fixture/mkdocs.yml), so every build of an editor mistake
(tests/test_editor_errors.py, and there the real `mkdocs build` command) proves
that the committed configuration runs the checks: if the plugin were left out of
mkdocs.yml, or a check out of the plugin, those builds would pass. And MkDocs
itself checks the plugin's settings: an unknown option stops a strict build,
named.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from site_settings import plugin_entries

from conftest import FIXTURE, PROJECT, build


def test_mkdocs_yml_enables_the_plugin_and_no_hooks() -> None:
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "hooks" not in config
    assert "faq" in dict(plugin_entries(config["plugins"]))
    # The tests' site builds with this very configuration.
    fixture = yaml.load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert (FIXTURE / fixture["INHERIT"]).resolve() == PROJECT / "mkdocs.yml"


def test_an_unknown_setting_of_the_plugin_stops_the_build(project_copy: Path, tmp_path: Path) -> None:
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    setting = "\n  faq:\n"
    assert setting in text
    config.write_text(text.replace(setting, f"{setting}    allowed_link_domain: x\n"), encoding="utf-8")
    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode != 0, result.output
    assert "Plugin 'faq' option 'allowed_link_domain': Unrecognised configuration name" in result.output
    assert "Traceback" not in result.output, result.output

"""The checks cannot be switched off by accident: the project as committed runs them.

The checks are the faq plugin's (src/faq_site), enabled under `plugins:` in
mkdocs.yml with its typed settings. The tests' FAQ site inherits that mkdocs.yml
as committed (tests/fixture/mkdocs.yml): a copy of it with known mistakes must
stop, so if the plugin were left out of mkdocs.yml, or a check out of the plugin,
the build would pass and publish them. And MkDocs itself checks the plugin's
settings: an unknown option stops a strict build, named.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from page_editing import questions
from site_settings import allowed_link_domains, plugin_entries

from conftest import FIXTURE, PROJECT, build

# As the fixture's mkdocs.yml lists them; the links use the first.
ALLOWED = ", ".join(allowed_link_domains(FIXTURE))
DOMAIN = allowed_link_domains(FIXTURE)[0]


def test_mkdocs_yml_enables_the_plugin_and_no_hooks() -> None:
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "hooks" not in config
    assert "faq" in dict(plugin_entries(config["plugins"]))
    # The tests' site builds with this very configuration.
    fixture = yaml.load((FIXTURE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert (FIXTURE / fixture["INHERIT"]).resolve() == PROJECT / "mkdocs.yml"


def test_mistakes_in_the_committed_project_stop_the_build(project_copy: Path, tmp_path: Path) -> None:
    docs = project_copy / "docs"
    # A link to a foreign site in a French answer (checked on the rendered page)...
    page = questions(docs, "fr")[0]
    url = "https://example.com/page"
    line = page.append_to_answer(f" [Voir]({url}).")
    # ...and, in an English answer, a link that a screen reader would announce as "link" alone.
    english = questions(docs, "en")[1]
    english_line = english.append_to_answer(f" [](https://www.{DOMAIN}/).")

    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")

    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    assert "The FAQ has 2 problems to fix" in result.output, result.output
    assert (
        f"  - {page.where}:{line}: the link `{url}` points to example.com, which is not an allowed domain "
        f"({ALLOWED}). Link to an official page, or ask a developer to add the domain to the faq plugin's "
        "`allowed_link_domains` in mkdocs.yml."
    ) in result.output
    assert (
        f"  - {english.where}:{english_line}: the link to `https://www.{DOMAIN}/` has no text. Write what "
        "the reader will find there between the square brackets: `[title](…)`."
    ) in result.output


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

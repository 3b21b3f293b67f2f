"""The faq plugin keeps Material's compiled templates (src/faq_site/template_cache.py) for every
language of a build, and MkDocs keeps the plugin for the next build in the same process
(`mkdocs serve`, tests/batch_build.py). An edited template must still show in the next build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from fixture_site import copy_fixture, site_root

# Two builds of one copy in one process, as `mkdocs serve` rebuilds after a save: the template
# is edited between them. Prints what the faq plugin's cache holds after each build.
TWO_BUILDS = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from batch_build import build_one
from mkdocs.config.defaults import MkDocsConfig

project, template = Path({project!r}), Path({template!r})
first = build_one(project, project / "site-1")
cache = MkDocsConfig.plugins.plugin_cache["faq"].templates
print("compiled after the first build:", len(cache.compiled))
template.write_text(template.read_text().replace(
    "{{% block extrahead %}}", '{{% block extrahead %}}<meta name="edited-between-builds" content="yes">'))
second = build_one(project, project / "site-2")
print("returncodes:", first["returncode"], second["returncode"])
print(first["output"], second["output"])
"""


def test_an_edited_template_shows_in_the_next_build_of_the_same_process(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "copy")
    template = site_root(project) / "overrides" / "main.html"
    script = TWO_BUILDS.format(tests=str(Path(__file__).parent), project=str(project), template=str(template))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    process = subprocess.run(
        [sys.executable, "-c", script], cwd=project, env=env, capture_output=True, text=True, timeout=300
    )
    assert "returncodes: 0 0" in process.stdout, process.stdout + process.stderr
    compiled = int(process.stdout.split("compiled after the first build:")[1].split()[0])
    assert compiled > 10, process.stdout  # Material's templates and the overrides, kept
    for language in ("", "en/"):
        before = (project / "site-1" / language / "index.html").read_text(encoding="utf-8")
        after = (project / "site-2" / language / "index.html").read_text(encoding="utf-8")
        assert "edited-between-builds" not in before
        assert 'name="edited-between-builds"' in after, f"{language or 'fr'}: the old template was used"


def test_no_template_has_text_whose_indentation_shows() -> None:
    """`Dedented` removes the spaces that start each line of the templates' own text: harmless but
    in a `<pre>` or `<textarea>`, whose spaces readers see. Neither Material's templates nor the
    site's have one (a new Material release that adds one fails here)."""
    import material

    from faq_site.template_cache import Dedented

    themes = [Path(material.__file__).parent / "templates", Path(__file__).parents[1] / "overrides"]
    shown = [
        str(path)
        for theme in themes
        for path in theme.rglob("*.html")
        if re.search(
            r"<(pre|textarea)\b", re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        )
    ]
    assert not shown, shown
    assert (
        Dedented.preprocess(None, "<div>\n    <p>a\n\tb</p>\n  </div>", "t.html")
        == "<div>\n<p>a\nb</p>\n</div>"
    )

"""mkdocs.yml read safely before MkDocs reads it (src/faq_site/config_file.py, scripts/check_config.py).

MkDocs' loader runs Python tags; YAML keeps the last of two equal keys; a literal site_url or
repo_url sends readers' links elsewhere. Unit tests on configuration texts, and the command CI
runs before the build.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from faq_site.config_file import problems_of, settings_problems

PROJECT = Path(__file__).resolve().parents[1]
PLAIN = """\
site_name: FAQ
site_url: !ENV SITE_URL
repo_url: !ENV [REPO_URL, "https://github.com/owner/faq"]
theme:
  name: material
plugins:
  - faq:
      allowed_link_domains:
        - nato.int
"""


def lines(text: str) -> list[str]:
    return [str(problem) for problem in problems_of(text)]


def test_the_projects_settings_are_plain_and_safe() -> None:
    assert settings_problems(PROJECT / "mkdocs.yml") == []
    assert lines(PLAIN) == []


def test_a_python_tag_is_refused_on_its_line_without_running() -> None:
    marker = Path("/tmp/faq-config-tag-ran")
    marker.unlink(missing_ok=True)
    text = PLAIN + f'extra:\n  x: !!python/object/apply:os.system ["touch {marker}"]\n'
    assert lines(text) == [
        "mkdocs.yml:11: the tag `!!python/object/apply:os.system` would run Python code when MkDocs reads "
        "this file. Remove it: the site's settings are plain values (text, numbers, lists), or `!ENV` for a "
        "value from the environment."
    ]
    assert not marker.exists()
    assert lines(PLAIN + "extra:\n  x: !custom 1\n") == [
        "mkdocs.yml:11: the tag `!custom` is not a plain value MkDocs reads safely. Remove it: the site's "
        "settings are plain values (text, numbers, lists), or `!ENV` for a value from the environment."
    ]


def test_a_key_written_twice_is_refused_at_any_depth() -> None:
    text = PLAIN + "        - evil.example\n      allowed_link_domains: [evil.example]\n"
    assert lines(text) == [
        "mkdocs.yml:11: the key `allowed_link_domains` is written twice (lines 8 and 11): YAML keeps only "
        "the last one, and silently drops the first. Keep one, with everything it must hold."
    ]


def test_the_sites_addresses_come_from_the_environment() -> None:
    text = PLAIN.replace("!ENV SITE_URL", "https://evil.example/").replace(
        '!ENV [REPO_URL, "https://github.com/owner/faq"]', "https://github.com/other/faq"
    )
    assert [problem.line for problem in problems_of(text)] == [2, 3]
    assert lines(text)[0] == (
        "mkdocs.yml:2: `site_url` is written as a literal value: it decides where the site's links, "
        "canonical addresses and edit buttons point, so it comes from the environment. Write "
        "`site_url: !ENV SITE_URL` (the deploy workflow sets SITE_URL; README, Publishing)."
    )


def test_an_unknown_top_level_key_is_named() -> None:
    assert lines(PLAIN + "site_nmae: x\n") == [
        "mkdocs.yml:10: `site_nmae` is not a setting MkDocs knows: it would be ignored. Check its spelling "
        "and its indentation (a plugin's option goes under its plugin), or remove it."
    ]


def test_yaml_that_cannot_be_read_is_named_on_its_line() -> None:
    assert lines("site_name: x\nextra: [a\n") == [
        "mkdocs.yml:3: is not valid YAML (expected ',' or ']', but got '<stream end>'). Check the "
        "indentation and the quotes on this line."
    ]


# Texts the templates write into every page unescaped (issue 23, 4): the copyright, a string of
# `extra`, a language's site name, in the page and inside attributes.
PAGE_TEXTS = (
    PLAIN
    + 'copyright: \'<script>alert(1)</script> <a href="https://www.nato.int/" onclick="x()">OTAN</a>\'\n'
    + "extra:\n  strings:\n    fr:\n      about: 'À propos <!-- x --><img src=x>'\n"
    + "      label: 'Le \"site\"'\n"
    # A text with HTML as it may be: its attributes' values between single quotes.
    + "      fine: \"Texte de l’<abbr title='Organisation'>OTAN</abbr> : <a href='https://www.nato.int/' "
    + "hreflang='fr'>page</a>\"\n"
)


def test_texts_that_reach_pages_hold_only_the_html_of_a_short_list() -> None:
    assert lines(PAGE_TEXTS) == [
        'mkdocs.yml:10: `copyright` holds a straight double quote `"`: the templates write this text inside '
        "HTML attributes too, where it would end the attribute and let what follows act as HTML. Write “ ” "
        "or « » in the text, and `'…'` around an HTML attribute's value.",
        "mkdocs.yml:10: `copyright` holds the HTML element `<script>`: this text is published on every page "
        "as HTML, where it may hold only links `<a href=…>`, `<em>`, `<strong>`, `<abbr title=…>`, `<span "
        "lang=…>`, `<code>`, `<br>`. Remove it.",
        "mkdocs.yml:10: `copyright` gives `<a>` the attribute `onclick`, which a text of the site may not "
        "have (allowed: `href`, `hreflang`, `lang`). Remove it.",
        "mkdocs.yml:14: `extra.strings.fr.about` holds an HTML comment: this text is published on every page "
        "as it is, and a comment there can hide, or end early and show, what follows. Remove it.",
        "mkdocs.yml:14: `extra.strings.fr.about` holds the HTML element `<img>`: this text is published on "
        "every page as HTML, where it may hold only links `<a href=…>`, `<em>`, `<strong>`, `<abbr "
        "title=…>`, `<span lang=…>`, `<code>`, `<br>`. Remove it.",
        'mkdocs.yml:15: `extra.strings.fr.label` holds a straight double quote `"`: the templates write '
        "this text inside HTML attributes too, where it would end the attribute and let what follows act as "
        "HTML. Write “ ” or « » in the text, and `'…'` around an HTML attribute's value.",
    ]


def page_text_examples() -> list[str]:
    """The page texts' messages, for tests/test_editor_errors.py's check of CONTRIBUTING.md's table."""
    return lines(PAGE_TEXTS)


def test_the_command_ci_runs_before_the_build(tmp_path: Path) -> None:
    script = PROJECT / "scripts" / "check_config.py"
    good = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert (good.returncode, good.stdout) == (0, "")
    bad = tmp_path / "mkdocs.yml"
    bad.write_text(PLAIN + "site_nmae: x\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(script), str(bad)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "mkdocs.yml has 1 problem to fix before the site can be built:",
        f"  - {lines(PLAIN + 'site_nmae: x' + chr(10))[0]}",
    ]


def settings_examples() -> list[str]:
    """The settings' messages, for tests/test_editor_errors.py's check of CONTRIBUTING.md's table."""
    text = (
        PLAIN.replace("!ENV SITE_URL", "https://evil.example/")
        + "extra:\n  x: !!python/name:os.system\n  y: !custom 1\n  y: 2\nsite_nmae: x\n"
    )
    return lines(text) + lines("site_name: x\nextra: [a\n")

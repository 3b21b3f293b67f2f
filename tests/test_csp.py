"""Each page's Content-Security-Policy (src/faq_site/readers/csp.py): the site's own files, and only
the inline scripts its templates write, known before any page is written."""

from __future__ import annotations

import base64
import hashlib

import pytest

from faq_site.checks.rendered import PublishedPage
from faq_site.languages import Languages
from faq_site.readers.csp import (
    excerpt,
    inline_script_hashes,
    policy,
    script_hash,
    script_problems,
    unknown_scripts,
    with_policy,
)
from faq_site.sources.page import MarkdownPage

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
    "<script>var a=1</script>"
    '<script type="application/ld+json">{"@type":"FAQPage"}</script>'
    '<script id="__config" type="application/json">{}</script>'
    '<script src="assets/bundle.js"></script>'
    "</head><body><script>\r\nvar b = '</'+'script>'\r\n</script><script>var a=1</script></body></html>"
)
LANGUAGES = Languages("fr", ("fr", "en"), ("fr", "en"))


def sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_hashes_are_of_the_scripts_the_browser_runs_as_it_reads_them() -> None:
    # Data blocks and files are not hashed; line endings as the browser reads them; each once.
    assert inline_script_hashes(PAGE) == [sha256("var a=1"), sha256("\nvar b = '</'+'script>'\n")]
    assert script_hash("a\r\nb") == sha256("a\nb")


def test_the_policy_allows_only_the_sites_own_files_and_scripts() -> None:
    assert policy(["'sha256-y'", "'sha256-x'", "'sha256-y'"]) == (
        "default-src 'none'; script-src 'self' 'sha256-x' 'sha256-y'; style-src 'self'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
        "manifest-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'"
    )


def test_the_policy_comes_first_in_head_before_any_script() -> None:
    allowed = [sha256("var a=1")]
    page = with_policy(PAGE, allowed)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(allowed)}">'
    assert page == PAGE.replace('<meta charset="utf-8">', f'<meta charset="utf-8">{tag}', 1)


def test_a_page_without_charset_or_with_a_policy_is_a_developers_problem() -> None:
    with pytest.raises(ValueError, match="no <meta charset"):
        with_policy("<html><head><script>x</script></head></html>", [])
    with pytest.raises(ValueError, match="already has"):
        with_policy(with_policy(PAGE, []), [])


def test_a_script_the_templates_do_not_write_is_the_pages_problem_on_its_line() -> None:
    """However it got there (a comment a browser ends early, a string of mkdocs.yml, a template),
    a script that is not the site's own stops the build: the allowed hashes come from the templates."""
    assert unknown_scripts(PAGE, [sha256("var a=1")]) == ["\nvar b = '</'+'script>'\n"]
    assert excerpt("  var  x =\n 1; " + "y" * 60) == "var x = 1; " + "y" * 29 + "…"
    assert script_problem_examples() == [
        "docs/faq/q.md:5: the published page runs a script that is not the site's own "
        "(`document.title='x'`): a page may hold no script, however it is written. Remove the HTML "
        "that writes it."
    ]


def script_problem_examples() -> list[str]:
    """The message of a script in a published page, which the content's checks refuse before it: no
    editor mistake makes it (tests/test_editor_errors.py checks that CONTRIBUTING.md explains it)."""
    source = MarkdownPage.parse(
        "faq/q.md", "---\nnumber: 1\n---\n\n<!--!><script>document.title='x'</script>", LANGUAGES
    )
    page = (
        "<html><head><script>var a=1</script></head><body><script>document.title='x'</script></body></html>"
    )
    return [str(problem) for problem in script_problems(PublishedPage(page), source, [sha256("var a=1")])]

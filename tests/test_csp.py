"""Each page's Content-Security-Policy (src/faq_site/readers/csp.py), on pages as the build writes them."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from faq_site.readers.csp import inline_script_hashes, policy, with_policy

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
    "<script>var a=1</script>"
    '<script type="application/ld+json">{"@type":"FAQPage"}</script>'
    '<script id="__config" type="application/json">{}</script>'
    '<script src="assets/bundle.js"></script>'
    "</head><body><script>\r\nvar b = '</'+'script>'\r\n</script><script>var a=1</script></body></html>"
)


def sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_hashes_are_of_the_scripts_the_browser_runs_as_it_reads_them() -> None:
    # Data blocks and files are not hashed; line endings as the browser reads them; each once.
    assert inline_script_hashes(PAGE) == [sha256("var a=1"), sha256("\nvar b = '</'+'script>'\n")]


def test_the_policy_allows_only_the_sites_own_files_and_scripts() -> None:
    assert policy(["'sha256-x'"]) == (
        "default-src 'none'; script-src 'self' 'sha256-x'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; "
        "form-action 'self'; object-src 'none'"
    )


def test_the_policy_comes_first_in_head_before_any_script() -> None:
    page = with_policy(PAGE)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(PAGE))}">'
    assert page == PAGE.replace('<meta charset="utf-8">', f'<meta charset="utf-8">{tag}', 1)


def test_a_page_without_charset_or_with_a_policy_is_a_developers_problem() -> None:
    with pytest.raises(ValueError, match="no <meta charset"):
        with_policy("<html><head><script>x</script></head></html>")
    with pytest.raises(ValueError, match="already has"):
        with_policy(with_policy(PAGE))


def test_every_built_page_carries_the_policy_of_its_own_scripts(site) -> None:
    """Pages, the 404 page and moved-page notices: the policy right after `<meta charset>`,
    with exactly the hashes of the scripts the page runs (tests/test_browser.py opens them)."""
    tag = re.compile(r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">')
    problems = []
    for path in sorted(site.root.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        match = tag.search(html)
        without = html.replace(match[0], '<meta charset="utf-8">') if match else html
        expected = policy(inline_script_hashes(without))
        if not match or match[1] != expected or html.count("Content-Security") != 1:
            problems.append(str(path.relative_to(site.root)))
    assert not problems, problems

"""Every file the build wrote carries its Content-Security-Policy, which allows exactly the inline
scripts the site's templates write (src/faq_site/readers/csp.py).

Published-site invariants (`published_site`, tests/published.py). The browser side, no page
breaking its policy: every page's load where every page is visited (tests/test_published_browsing.py,
whose console must stay quiet), and what the reader does (the offer of the other language, the
palette, a search) and the files that are not pages (the 404 page, the notices) in
tests/test_browser.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from published import mutated

from faq_site.readers.csp import inline_script_hashes

from conftest import Site

pytestmark = pytest.mark.published_site

# The policy, first in <head>, right after the character set: before any script.
POLICY_TAG = re.compile(
    r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">'
)
HASH = re.compile(r"'sha256-[^']+'")


def policy_problems(site: Site) -> list[str]:
    """Each HTML file has one policy, right after its charset, allowing every inline script the file
    runs; the pages and the 404 page share one policy, each of whose scripts runs on some page;
    a notice at an old address allows the scripts it runs and nothing else (a moved page's its one
    script, a withdrawn question's none)."""
    problems = []
    policies: dict[str, list[str]] = defaultdict(list)
    ran: dict[str, set[str]] = defaultdict(set)
    notices = {page.path for page in site.notices}
    for page in site.html_files:
        match = POLICY_TAG.search(page.html)
        if not match or page.html.count("Content-Security-Policy") != 1:
            problems.append(f"{page.path}: no policy right after <meta charset>, or more than one")
            continue
        allowed = set(HASH.findall(match[1]))
        scripts = set(inline_script_hashes(page.html.replace(match[0], '<meta charset="utf-8">')))
        if not scripts <= allowed:
            problems.append(f"{page.path}: runs a script its policy does not allow")
        if page.path in notices:
            if scripts != allowed:
                problems.append(f"{page.path}: a notice allowing {sorted(allowed - scripts)} it does not run")
            continue
        policies[match[1]].append(page.path.as_posix())
        ran[match[1]] |= scripts
    if len(policies) != 1:
        problems.append(
            f"the pages have {len(policies)} policies, not one: {[paths[:3] for paths in policies.values()]}"
        )
    for policy, scripts in ran.items():
        if set(HASH.findall(policy)) != scripts:
            problems.append(
                f"the policy allows a script no page runs: {sorted(set(HASH.findall(policy)) - scripts)}"
            )
    return problems


def test_every_file_runs_only_the_site_s_own_scripts_under_its_policy(published: Site) -> None:
    assert published.html_files
    assert not policy_problems(published), "\n".join(policy_problems(published))


def test_the_policy_check_sees_a_script_the_templates_do_not_write(site: Site, tmp_path: Path) -> None:
    page = site.pages[0]

    def add_script(tree) -> None:
        script = tree.create_node("script")
        script.inner_html = "document.title = 'x'"
        tree.body.insert_child(script)

    broken = mutated(site, tmp_path, page.path.as_posix(), add_script)
    assert f"{page.path}: runs a script its policy does not allow" in policy_problems(broken)

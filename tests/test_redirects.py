"""Renamed pages keep their old addresses (front matter `renamed_from`, src/faq_site/readers/redirects.py).

In a copy of the project, a question's two files are renamed and declare their
old name; the old addresses, in both languages, must lead readers to the new
page over HTTP, and stay out of the sitemap and the search indexes. Mistakes in
`renamed_from` stop the build with one line naming the file and what to do.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from faq_site.readers.redirects import REDIRECT_SCRIPT

from browsing import CHROMIUM, chromium_executable, launch
from conftest import SUB_PATH, PagesHandler, build, copy_project, free_port

KEY = "renamed_from"


def questions(project: Path) -> list[str]:
    """The French question names, whatever the pages are today."""
    return sorted(
        path.stem
        for path in (project / "docs" / "faq").glob("*.md")
        if not path.name.endswith(".en.md") and path.stem != "index"
    )


def add_front_matter(path: Path, line: str) -> None:
    """Adds a line right after the opening `---` (so it is line 2)."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", f"---\n{line}\n", 1), encoding="utf-8")


def rename(project: Path, old: str, new: str, line: str | None = None) -> None:
    """Renames a question's two files, as an editor does: with its old name in `renamed_from`, and
    the links other pages make to it updated (whichever pages link to it today)."""
    for suffix in (".md", ".en.md"):
        source = project / "docs" / "faq" / f"{old}{suffix}"
        target = source.with_name(f"{new}{suffix}")
        source.rename(target)
        add_front_matter(target, line or f"{KEY}: [{old}]")
    link = re.compile(rf"(\]\((?:[^)\s]*/)?){re.escape(old)}(\.md[#)])")
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if link.search(text):
            page.write_text(link.sub(rf"\g<1>{new}\2", text), encoding="utf-8")


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.geturl(), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, url, ""


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory):
    """A copy whose first question was renamed, built and served under a sub-path; the tests
    that read it share it."""
    tmp_path = tmp_path_factory.mktemp("renamed")
    project_copy = copy_project(tmp_path / "project")
    old = questions(project_copy)[0]
    new = f"{old}-renamed"
    rename(project_copy, old, new)
    port = free_port()
    www = tmp_path / "www"
    url = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    result = build(project_copy, www / SUB_PATH, url)
    assert result.returncode == 0 and "WARNING" not in result.output, result.output
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(PagesHandler, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url, www / SUB_PATH, old, new
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fr", "en"])
def test_old_address_leads_to_the_renamed_page(renamed_site, prefix: str) -> None:
    url, _, old, new = renamed_site
    new_url = urljoin(url, f"{prefix}faq/{new}/")
    status, _, new_html = fetch(new_url)
    assert status == 200
    new_page = BeautifulSoup(new_html, "html.parser")
    title = new_page.find("article").find("h1").get_text().rstrip("¶")

    status, _, html = fetch(urljoin(url, f"{prefix}faq/{old}/"))
    assert status == 200
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == new_page.html["lang"]
    assert (
        page.find("link", rel="canonical")["href"]
        == new_page.find("link", rel="canonical")["href"]
        == new_url
    )
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    delay, target = re.fullmatch(r"(\d+); url=(.+)", refresh).groups()
    assert delay == "0"
    assert urljoin(urljoin(url, f"{prefix}faq/{old}/"), target) == new_url
    link = page.find("body").find("a")  # for readers whose browser does not follow the refresh
    assert link.get_text() == title
    assert urljoin(urljoin(url, f"{prefix}faq/{old}/"), link["href"]) == new_url
    script = page.find("script")  # keeps #section; its text is the same on every notice (readers/csp.py)
    assert (script["data-to"], script.get_text()) == (target, REDIRECT_SCRIPT)


def landings(routes: list[tuple[str, str]]) -> list[str]:
    """Where a browser lands from each old address, given ten seconds to reach the new one.

    Raises FileNotFoundError without Chromium.
    """
    with sync_playwright() as playwright:
        if chromium_executable(playwright) is None:
            raise FileNotFoundError(f"Chromium not found at {CHROMIUM}.")
        browser = launch(playwright)
        try:
            page = browser.new_page()
            landed = []
            for old_url, new_url in routes:
                page.goto(old_url)
                with contextlib.suppress(PlaywrightTimeoutError):
                    page.wait_for_url(new_url, timeout=10_000)
                landed.append(page.url)
            return landed
        finally:
            browser.close()


@pytest.mark.browser
def test_a_browser_lands_on_the_new_page_at_the_same_section(renamed_site) -> None:
    url, _, old, new = renamed_site
    addresses = [urljoin(url, f"{prefix}faq/{{}}/#learn-more") for prefix in ("", "en/")]
    # Playwright's sync API takes the thread's event loop, which test_browser.py's
    # session-wide browser may hold: drive this browser from a thread of its own.
    with ThreadPoolExecutor(max_workers=1) as executor:
        try:
            routes = [(address.format(old), address.format(new)) for address in addresses]
            landed = executor.submit(landings, routes).result()
        except FileNotFoundError as error:
            if os.environ.get("CI"):
                pytest.fail(f"browser tests cannot be skipped in CI: {error}", pytrace=False)
            pytest.skip(str(error))
    assert landed == [address.format(new) for address in addresses]


def test_old_addresses_are_not_in_the_sitemap_or_search(renamed_site) -> None:
    url, root, old, new = renamed_site
    sitemap = (root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/faq/{new}/" in sitemap
    assert f"/faq/{old}/" not in sitemap
    for index_path in (
        root / "search" / "search_index.full.json",
        root / "en" / "search" / "search_index.full.json",
    ):
        locations = {doc["location"] for doc in json.loads(index_path.read_text(encoding="utf-8"))["docs"]}
        assert f"faq/{new}/" in locations
        assert not any(location.startswith(f"faq/{old}/") for location in locations)


def failing_build(project: Path, tmp_path: Path) -> str:
    result = build(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode != 0, "the build should have stopped"
    assert "Traceback" not in result.output
    return result.output


def test_old_name_of_an_existing_page_is_refused(project_copy: Path, tmp_path: Path) -> None:
    first, second, *_ = questions(project_copy)
    for suffix in (".md", ".en.md"):
        add_front_matter(project_copy / "docs" / "faq" / f"{first}{suffix}", f"{KEY}: [{second}]")
    assert (
        f"docs/faq/{first}.md:2: `{KEY}` lists '{second}', but docs/faq/{second}.md is published at that "
        f"address (faq/{second}/): it is still in use. Remove '{second}' from `{KEY}`, or rename "
        f"docs/faq/{second}.md."
    ) in failing_build(project_copy, tmp_path)


# The form of the value is checked with every front matter key (faq_site.sources.source.FRONT_MATTER_KEYS).
WRONG_FORM = (
    "docs/faq/{page}.md:2: `renamed_from` must be a list of the page's old file names, without `.md`, "
    "in lower case with hyphens, not `{shown}`. Write it like `renamed_from: [old-name]`."
)


@pytest.mark.parametrize("written", ["Old Question.md", "faq/old_question.en.md", "Ancienne-Question"])
def test_old_name_not_in_kebab_case_is_refused(project_copy: Path, tmp_path: Path, written: str) -> None:
    name = questions(project_copy)[0]
    rename(project_copy, name, f"{name}-renamed", f"{KEY}: [{json.dumps(written)}]")
    output = failing_build(project_copy, tmp_path)
    assert WRONG_FORM.format(page=f"{name}-renamed", shown=f"[{written}]") in output
    assert "has no `renamed_from`" not in output  # the English has it, in the same wrong form


@pytest.mark.parametrize("declared_in", [".md", ".en.md"], ids=["French only", "English only"])
def test_old_name_in_one_language_only_is_refused(
    project_copy: Path, tmp_path: Path, declared_in: str
) -> None:
    name = questions(project_copy)[0]
    add_front_matter(project_copy / "docs" / "faq" / f"{name}{declared_in}", f"{KEY}: [old-{name}]")
    missing = ".en.md" if declared_in == ".md" else ".md"
    assert (
        f"docs/faq/{name}{missing}:1: has no `{KEY}`, but docs/faq/{name}{declared_in} has "
        f"`{KEY}: [old-{name}]`. Add the same line to both files."
    ) in failing_build(project_copy, tmp_path)


def test_different_old_names_in_the_two_languages_are_refused(project_copy: Path, tmp_path: Path) -> None:
    name = questions(project_copy)[0]
    add_front_matter(project_copy / "docs" / "faq" / f"{name}.md", f"{KEY}: [old-a]")
    add_front_matter(project_copy / "docs" / "faq" / f"{name}.en.md", f"{KEY}: [old-b]")
    assert (
        f"docs/faq/{name}.en.md:2: has `{KEY}: [old-b]`, but docs/faq/{name}.md has `{KEY}: [old-a]`. "
        "Write the same old names in both files."
    ) in failing_build(project_copy, tmp_path)


def test_one_old_name_for_two_pages_is_refused(project_copy: Path, tmp_path: Path) -> None:
    first, second, *_ = questions(project_copy)
    for name in (first, second):
        for suffix in (".md", ".en.md"):
            add_front_matter(project_copy / "docs" / "faq" / f"{name}{suffix}", f"{KEY}: [old-name]")
    assert (
        f"docs/faq/{second}.md:2: `{KEY}` lists 'old-name', like docs/faq/{first}.md: an old address can "
        "lead to one page only. Remove it from one of them."
    ) in failing_build(project_copy, tmp_path)


def test_renamed_from_that_is_not_a_list_of_names_is_refused(project_copy: Path, tmp_path: Path) -> None:
    name = questions(project_copy)[0]
    for suffix in (".md", ".en.md"):
        add_front_matter(project_copy / "docs" / "faq" / f"{name}{suffix}", f"{KEY}: {{old: name}}")
    assert WRONG_FORM.format(page=name, shown="{old: name}") in failing_build(project_copy, tmp_path)


def test_a_single_old_name_without_brackets_is_accepted(project_copy: Path, tmp_path: Path) -> None:
    name = questions(project_copy)[0]
    rename(project_copy, name, f"{name}-renamed", f"{KEY}: {name}")
    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output
    assert (tmp_path / "site" / "en" / "faq" / name / "index.html").exists()

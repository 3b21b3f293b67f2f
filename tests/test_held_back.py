"""Issue 23's "done when", in Chromium: a copy of the fixture carrying every held-back case that
builds runs no script of its own, leaves for no other host, and shows no text the review missed.

The held-back cases that the build stops are tests of their own, with their messages
(test_editor_errors.py, test_content_allowlist.py, test_csp.py, test_config_file.py,
test_record.py, test_linear_time.py). The others build, and must then be what the review
report shows: NATO's words struck out or in twelve nested `<small>`, scare quotes, a tooltip, an
image inside the answer, words in a link to a part of the page, a remark of the site's own in the
answer, an abbreviation's expansion, a Cyrillic letter in a French word, a comment holding `>`,
an `{#id}` on a paragraph, a question renamed without `renamed_from` while its answer changes.

One copy, in a git repository: its commit is the base, its working tree the change. Both are
built by the test process's builder; the change is served under its sub-path and every page opened in
Chromium; the review report is made from the two builds by scripts/review.py's own functions.
The text compared is each article's as Chromium lays it out (`innerText`: hidden text left out),
less the parts the report shows on their own (label, date, edit button, `¶`): every word of it
that no page of the base has must be in the report.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fixture_site import FIXTURE_PLACE, copy_fixture, site_root
from page_editing import questions
from playwright.sync_api import Browser

from browsing import REPORT_CSP_VIOLATIONS, go, watching
from conftest import LANGUAGES, PROJECT, SUB_PATH, Site, build_many, free_port, serving

pytestmark = pytest.mark.browser


def review_module():
    spec = importlib.util.spec_from_file_location("review", PROJECT / "scripts" / "review.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("review", module)
    spec.loader.exec_module(module)
    return module


def hold_back(docs: Path) -> None:
    """Every held-back case that builds, each on a question of its own, found by the page model."""
    french = questions(docs, "fr")

    def last_line(index: int) -> tuple:
        page = french[index]
        return page, page.answer_end()

    # NATO's words struck out, and made tiny.
    page, line = last_line(0)
    text = page.line(line)
    word = next(w for w in text.split()[1:] if w.isalpha() and len(w) > 3)
    nested = "<small>" * 12 + "Minuscule" + "</small>" * 12
    page.set(line, text.replace(f" {word} ", f" <del>{word}</del> ", 1) + f" {nested}")
    # Scare quotes, a tooltip, an image inside the answer.
    page, line = last_line(1)
    text = page.line(line)
    word = next(w for w in text.split()[1:] if w.isalpha() and len(w) > 3)
    page.set(
        line,
        text.replace(f" {word} ", f" <q>{word}</q> ", 1)
        + ' <span title="Bulle inventée">Survolez.</span>'
        + " ![Carte inventée](../assets/images/carte-ukraine.svg)",
    )
    # Words in a link to a part of the page (in both languages: a link is counted for parity), a remark
    # of the site's own in the answer, an abbreviation's expansion.
    page, line = last_line(2)
    page.set(
        line,
        page.line(line) + " [Phrase glissée](#learn-more) *(Remarque glissée.)*{.faq-note} "
        '<abbr title="Expansion glissée">OTAN</abbr>',
    )
    twin = page.twin
    twin.set(twin.answer_end(), twin.line(twin.answer_end()) + " [Slipped sentence](#learn-more)")
    # A Cyrillic letter in a French word, a comment holding `>`, an id on a paragraph.
    page, line = last_line(3)
    page.set(line, page.line(line) + " Une аlliance. <!-- réponse > masquée -->")
    page.insert(line + 1, "{#paragraphe-marque}")
    # Renamed without `renamed_from`, its answer changed in both languages.
    old = french[4].slug
    for language in LANGUAGES:
        page = questions(docs, language)[4]
        line = page.answer_end()
        page.set(line, page.line(line) + (" Phrase déplacée." if language == "fr" else " Moved sentence."))
        page.path.rename(page.path.with_name(page.path.name.replace(old, f"{old}-ailleurs", 1)))


def words(text: str) -> set[str]:
    """Words as compared: letters and digits, in lower case, apostrophes straight."""
    return {word.casefold() for word in re.findall(r"\w+", text.replace("’", "'"))}


# What the report shows on its own, or never (the "last updated" date moves with any commit), and the
# site's offer to read the page in the reader's language (the same on both sites: mkdocs.yml's strings,
# whose change the report's first section names).
NOT_COMPARED = ".faq-provenance, .md-source-file, .md-content__button, .headerlink, .faq-language"
READ_ARTICLE = f"""() => {{
  const article = document.querySelector("article");
  if (article === null) return "";
  article.querySelectorAll("{NOT_COMPARED}").forEach(e => e.remove());
  return article.innerText;
}}"""
# Event handlers anywhere in the page (the site's own scripts are elements the CSP allows by their hash:
# any other inline script is a violation, reported to the console).
HANDLERS = """() => [...document.querySelectorAll("*")]
  .filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length"""


@pytest.fixture(scope="module")
def held_back(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, str]:
    """The change's site (built for a local address, under its sub-path) and the review report."""
    root = tmp_path_factory.mktemp("held-back")
    base = copy_fixture(root / "base", git=True)
    change_root = root / "change"
    shutil.copytree(site_root(base), change_root)
    change = change_root / FIXTURE_PLACE
    hold_back(change / "docs")
    url = f"http://127.0.0.1:{free_port()}/{SUB_PATH}/"
    results = build_many([base, change], root / "sites", url)
    for project, result in results.items():
        assert result.returncode == 0 and "WARNING" not in result.output, f"{project}:\n{result.output}"
    www = root / "www"
    www.mkdir()
    (root / "sites" / "1").rename(www / SUB_PATH)
    review = review_module()
    report = review.report(
        "base",
        "0" * 40,
        review.read_site(root / "sites" / "0", url),
        review.read_site(www / SUB_PATH, url),
        False,
    )
    return Site(www / SUB_PATH, url, "", change), report


def test_no_page_runs_a_script_leaves_the_site_or_shows_text_the_review_missed(
    browser: Browser, held_back: tuple[Site, str]
) -> None:
    site, report = held_back
    base = review_module().read_site(site.root.parents[1] / "sites" / "0", site.url)
    known = {word for page in base.pages.values() for block in page.blocks for word in words(block)}
    # The page's text as the report shows it: not its search engines' lines, which repeat the answer.
    shown = words(
        "\n".join(line.replace("\\", "") for line in report.splitlines() if "search engines" not in line)
    )
    origin = urlsplit(site.url)
    pages = sorted(path.parent.relative_to(site.root).as_posix() for path in site.root.rglob("index.html"))
    unshown: dict[str, set[str]] = {}
    with serving(site) as url:
        context = browser.new_context()
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        page = context.new_page()  # one tab, each page a new document in it: cheaper than a tab each
        for path in pages:
            address = url + ("" if path == "." else f"{path}/")
            with watching(page) as load:
                go(page, address)
            assert page.evaluate(HANDLERS) == 0, address
            assert not load.console_errors, (address, load.console_errors)
            elsewhere = [u for u in load.urls if urlsplit(u)[:2] != origin[:2] and not u.startswith("data:")]
            assert not elsewhere, (address, elsewhere)
            new = words(page.evaluate(READ_ARTICLE)) - known
            if new - shown:
                unshown[path] = new - shown
        context.close()
    assert not unshown, f"text readers see that the review did not show: {unshown}\n\n{report}"
    # Each case is in the report, as the review names it (a check that the copy holds them).
    for shown_case in ("struck out", "in small print", "in quotation marks", "tooltip: Bulle inventée"):
        assert shown_case in report, report
    assert "Carte inventée" in report and "mixed alphabets: Latin and Cyrillic" in report
    assert "Phrase glissée" in report and "Remarque glissée" in report and "Expansion glissée" in report
    assert "masquée" not in report  # a comment: readers never see it

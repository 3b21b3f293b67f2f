"""The About page: in both languages, in the navigation after "all questions", linked from every
page's footer and provenance note, with the links to the site's own repository."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import LANGUAGES, Site, counterpart

ABOUT = "about/"


def in_language(language: str, url_path: str) -> str:
    return url_path if language == "fr" else f"en/{url_path}"


def site_pages_after_the_faq(docs: Path) -> list[str]:
    """The pages at the docs root other than the home page (about.md…), as URL paths."""
    return sorted(
        f"{path.stem}/"
        for path in docs.glob("*.md")
        if not path.name.endswith(".en.md") and path.name != "index.md"
    )


def nav_paths(site: Site, page) -> list[str]:
    """The primary navigation of a page, as URL paths from the site root, in order."""
    here = urljoin(site.url, page.url_path)
    links = page.soup.select(".md-nav--primary a.md-nav__link[href]")
    paths = [urljoin(here, link["href"]).removeprefix(site.url) for link in links]
    return [path for path in paths if "#" not in path]  # not the current page's sections


def test_the_about_page_exists_in_both_languages_with_the_same_headings(fixture_site: Site) -> None:
    assert ABOUT in site_pages_after_the_faq(fixture_site.docs)
    for language in LANGUAGES:
        assert (fixture_site.docs / ("about.md" if language == "fr" else "about.en.md")).exists()
    french, english = fixture_site.page(ABOUT), fixture_site.page(counterpart(ABOUT))
    ids = [h["id"] for h in french.content.find_all(["h1", "h2", "h3"])]
    assert ids and ids == [h["id"] for h in english.content.find_all(["h1", "h2", "h3"])]
    assert french.h1 != english.h1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_about_page_comes_after_all_questions_in_the_navigation(
    fixture_site: Site, language: str
) -> None:
    expected_tail = [in_language(language, path) for path in site_pages_after_the_faq(fixture_site.docs)]
    all_questions = in_language(language, "faq/")
    for page in fixture_site.pages_in(language):
        paths = nav_paths(fixture_site, page)
        tail = paths[paths.index(all_questions) + 1 :]
        assert tail == expected_tail, (page.path, paths)
    previous = fixture_site.page(in_language(language, ABOUT)).soup.select_one("a.md-footer__link--prev")
    assert (
        urljoin(fixture_site.url + in_language(language, ABOUT), previous["href"])
        == fixture_site.url + all_questions
    )


@pytest.mark.parametrize("where", [".md-footer .md-copyright", ".faq-provenance"])
def test_every_page_links_to_the_about_page_in_its_language(fixture_site: Site, where: str) -> None:
    # The site's own pages (About itself) have no provenance note, but every other page has one.
    pages = [page for page in fixture_site.pages if page.soup.select_one(where)]
    assert len(pages) >= len(fixture_site.pages) - len(LANGUAGES), where
    for page in pages:
        here = urljoin(fixture_site.url, page.url_path)
        targets = {urljoin(here, a["href"]) for a in page.soup.select(f"{where} a[href]")}
        assert urljoin(fixture_site.url, in_language(page.language, ABOUT)) in targets, (page.path, targets)
    not_found = fixture_site.page("404.html")
    footer = {
        urljoin(fixture_site.url, a["href"]) for a in not_found.soup.select(".md-footer .md-copyright a")
    }
    assert footer == {urljoin(fixture_site.url, "/" + fixture_site.url.split("/", 3)[3] + ABOUT)}


def repository_links(page, repo_url: str) -> set[str]:
    return {a["href"] for a in page.content.select("a[href]") if a["href"].startswith(repo_url)}


def test_the_about_page_links_to_the_repository_and_its_issues(fixture_site: Site) -> None:
    source = fixture_site.page(ABOUT).soup.select_one("a.md-content__button[href*='/edit/']")["href"]
    repo_url = source.split("/edit/")[0]
    for language in LANGUAGES:
        links = repository_links(fixture_site.page(in_language(language, ABOUT)), repo_url)
        assert f"{repo_url}/issues" in links, (language, links)

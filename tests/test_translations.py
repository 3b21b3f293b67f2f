"""Translation parity: every page in both languages, same heading ids, right lang, own switcher."""

from __future__ import annotations

from urllib.parse import urljoin

from conftest import Site, counterpart


def heading_ids(page) -> list[str]:
    return [h["id"] for h in page.content.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]) if h.get("id")]


def test_every_source_page_has_its_twin(fixture_site: Site) -> None:
    docs = fixture_site.docs
    french = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if not p.name.endswith(".en.md")}
    english = {p.relative_to(docs).as_posix().removesuffix(".en.md") + ".md" for p in docs.rglob("*.en.md")}
    assert french == english


def test_every_built_page_has_its_twin(fixture_site: Site) -> None:
    french = {page.url_path for page in fixture_site.pages_in("fr")}
    english = {page.url_path.removeprefix("en/") for page in fixture_site.pages_in("en")}
    assert french == english
    sources = [p for p in fixture_site.docs.rglob("*.md") if not p.name.endswith(".en.md")]
    assert len(french) == len(sources)  # one page per French source


def test_twins_have_the_same_heading_ids(fixture_site: Site) -> None:
    for page in fixture_site.pages_in("fr"):
        twin = fixture_site.page(counterpart(page.url_path))
        assert heading_ids(page) == heading_ids(twin), page.path
        assert heading_ids(page), page.path


def test_pages_declare_their_language(fixture_site: Site) -> None:
    for page in fixture_site.pages:
        assert page.soup.html["lang"] == page.language, page.path


def test_english_pages_are_translated(fixture_site: Site) -> None:
    # With fallback_to_default, a missing translation would show the French text here.
    for page in fixture_site.pages_in("en"):
        twin = fixture_site.page(counterpart(page.url_path))
        assert page.h1 != twin.h1, page.path
        assert page.content.get_text() != twin.content.get_text(), page.path


def test_language_switcher_goes_to_the_counterpart_page(fixture_site: Site) -> None:
    for page in fixture_site.pages:
        links = {a["hreflang"]: a["href"] for a in page.soup.select("a.md-select__link")}
        assert set(links) == {"fr", "en"}, page.path
        here = urljoin(fixture_site.url, page.url_path)
        for language, href in links.items():
            expected = page.url_path if language == page.language else counterpart(page.url_path)
            assert urljoin(here, href) == urljoin(fixture_site.url, expected), (
                f"{page.path}: the {language} link goes to {href}"
            )

"""The search indexes: one per language, each listing every question page of its language."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, Site


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_lists_every_question_of_its_language(fixture_site: Site, language: str) -> None:
    index = fixture_site.search_index(language)
    locations = {doc["location"] for doc in index["docs"]}
    prefix = "" if language == "fr" else f"{language}/"
    for page in fixture_site.questions(language):
        assert page.url_path.removeprefix(prefix) in locations, page.path


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_holds_only_its_language_with_its_stemmer(fixture_site: Site, language: str) -> None:
    index = fixture_site.search_index(language)
    assert index["config"]["lang"] == [language]
    titles = {doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    own = {page.h1 for page in fixture_site.questions(language)}
    other = {page.h1 for page in fixture_site.questions("en" if language == "fr" else "fr")}
    assert own <= titles
    assert not (other & titles)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_fetches_the_index_settings_alone(fixture_site: Site, language: str) -> None:
    settings = fixture_site.search_index(language, settings_only=True)
    assert settings == {**fixture_site.search_index(language), "docs": []}

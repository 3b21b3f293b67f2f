"""Never taken for NATO's site (src/faq_site/readers/unofficial.py): every page, title and card
says whose site it is, in its language; the About page names the publisher and a contact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture_site import FIXTURE, copy_fixture
from mkdocs.config.base import ValidationError
from site_settings import faq_settings, read_config

from faq_site.config import PlainName
from faq_site.readers.unofficial import CONTACT, PUBLISHER, Publisher, publisher

from conftest import LANGUAGES, Site, build_many, normalise

STRINGS = read_config(FIXTURE)["extra"]["strings"]


def marker(language: str) -> str:
    """The words that say it, as the line above every page starts: `Site non officiel`."""
    return STRINGS[language]["unofficial"].split(":")[0].strip()


def meta(page, **attributes) -> str:
    return page.soup.find("meta", attrs=attributes)["content"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_name_says_it_is_unofficial(fixture_site: Site, language: str) -> None:
    for page in fixture_site.pages_in(language):
        site_name = meta(page, property="og:site_name")
        assert normalise(marker(language)).lower() in normalise(site_name).lower(), (page.path, site_name)
        assert site_name in page.soup.title.get_text(), page.path
        assert site_name in meta(page, property="og:image:alt"), page.path


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_says_it_at_the_top_before_the_header(fixture_site: Site, language: str) -> None:
    for page in fixture_site.pages_in(language):
        banner = page.soup.select_one("aside.md-banner")
        assert banner is not None, page.path
        header = page.soup.find("header")
        assert banner.find_next("header") is header, f"{page.path}: the line is not above the header"
        assert normalise(STRINGS[language]["unofficial"]) in normalise(banner.get_text(" ")), page.path
        # It links to the About page of the page's language, which names the publisher.
        link = banner.find("a", href=True)
        about = "about/" if language == "fr" else f"{language}/about/"
        target = (fixture_site.root / page.path.parent / link["href"]).resolve()
        assert target == (fixture_site.root / about).resolve(), (page.path, link["href"])


def test_every_old_address_says_it_first(fixture_site: Site) -> None:
    """The pages at a renamed or withdrawn question's old address have no header: their first line
    says it (readers/redirects.py, `notice_page`), in the page's language."""
    notices = fixture_site.moved_page_notices + fixture_site.withdrawn_notices
    assert fixture_site.moved_page_notices and fixture_site.withdrawn_notices
    for page in notices:
        language = page.tree.css_first("html").attributes["lang"]
        first = page.tree.body.css_first("p")
        assert first.attributes.get("role") == "note", page.path
        assert normalise(first.text()) == normalise(STRINGS[language]["unofficial"]), page.path


def test_the_not_found_page_says_it_in_every_language(fixture_site: Site) -> None:
    banner = fixture_site.page("404.html").soup.select_one("aside.md-banner")
    for language in LANGUAGES:
        assert banner.find(lang=language, string=re.compile(re.escape(marker(language)))), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_home_page_title_names_the_site_first(fixture_site: Site, language: str) -> None:
    # The home page's own title is NATO's: alone, it would read as NATO's page.
    home = fixture_site.page("" if language == "fr" else f"{language}/")
    site_name = meta(home, property="og:site_name")
    assert home.soup.title.get_text().startswith(site_name)
    assert meta(home, property="og:title").startswith(site_name)


# The publisher and the contact


def test_publisher_and_contact_come_from_the_settings_or_the_repository() -> None:
    repository = "https://github.com/someone/faq"
    assert publisher(None, None, repository) == Publisher("someone", f"{repository}/issues")
    assert publisher(None, None, repository + "/") == Publisher("someone", f"{repository}/issues")
    assert publisher("Jane", "https://example.org/contact", repository) == Publisher(
        "Jane", "https://example.org/contact"
    )


def test_a_publisher_name_is_plain_text() -> None:
    assert PlainName().validate("Jane Doe & Co. (l’éditrice)") == "Jane Doe & Co. (l’éditrice)"
    for name in ("Jane *Doe*", "x_y", "[x](https://evil.example)", "<b>x</b>", ""):
        with pytest.raises(ValidationError):
            PlainName().validate(name)
    who = Publisher("Jane", "https://github.com/o/r/issues")
    assert who.markdown(f"By {PUBLISHER}. Contact: {CONTACT}.") == (
        "By Jane. Contact: <https://github.com/o/r/issues>."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_about_page_names_the_publisher_and_a_contact(fixture_site: Site, language: str) -> None:
    config = read_config(FIXTURE)
    settings = faq_settings(config)
    who = publisher(settings.get("publisher"), settings.get("contact"), config["repo_url"])
    about = fixture_site.page("about/" if language == "fr" else f"{language}/about/")
    text = normalise(about.content.get_text(" "))
    assert who.name and who.name in text, text
    assert about.content.find("a", href=who.contact), who.contact
    assert PUBLISHER not in about.html and CONTACT not in about.html


@pytest.fixture(scope="module")
def set_publisher(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    """A copy whose mkdocs.yml sets a publisher (with Markdown characters) and a contact page."""
    base = tmp_path_factory.mktemp("publisher")
    project = copy_fixture(base / "project")
    config = project / "mkdocs.yml"
    repo_url = read_config(project)["repo_url"]
    text = config.read_text(encoding="utf-8").replace(
        "    record: record/fixture-2022.fr.txt\n",
        "    record: record/fixture-2022.fr.txt\n"
        '    publisher: "Jane Doe & Co. (l\'éditrice)"\n'
        f"    contact: {repo_url}/discussions\n",
    )
    assert "publisher:" in text
    config.write_text(text, encoding="utf-8")
    result = build_many([project], base / "sites")[project]
    return result.returncode, result.output, base / "sites" / "0"


def test_the_publisher_setting_is_named_as_written(set_publisher: tuple[int, str, Path]) -> None:
    returncode, output, site = set_publisher
    assert returncode == 0, output
    for about in (site / "about" / "index.html", site / "en" / "about" / "index.html"):
        html = about.read_text(encoding="utf-8")
        assert "Jane Doe &amp; Co. (l’éditrice)" in html, about
        assert re.search(r'<a href="https://github\.com/[^"]+/discussions">', html), about

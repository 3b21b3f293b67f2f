"""The content of the built site, checked against the docs/ it was built from, never against pinned
text.

What the checks expect (how many questions, in which order, which learn-more links, which
home-page list) is read from the Markdown sources the site was built from (through the site's
page model, tests/page_editing.py). The check functions take any built site and its docs/: here
the tests' FAQ site, and in tests/test_correct_edits.py the copies an editor changed correctly.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from page_editing import SourcePage, questions, same_text
from site_settings import allowed_link_domains

from conftest import LANGUAGES, Site


def source_links(source: SourcePage) -> list[tuple[str, str]]:
    """(text, url) of the learn-more list, as the editor wrote it."""
    return [(text, url) for _, text, url, _ in source.links()]


def is_english_address(url: str) -> bool:
    path = urlsplit(url).path
    return "/cps/en/" in path or (path.endswith(".html") and not path.endswith("_fr.html"))


def is_french_address(url: str) -> bool:
    path = urlsplit(url).path
    return "/cps/fr/" in path or path.endswith("_fr.html")


def home(site: Site, language: str):
    return site.page("" if language == "fr" else f"{language}/")


# -- checks, for the real site and for edited copies ------------------------------------------


def check_questions(site: Site, docs: Path) -> None:
    """One page per question file, in the order of their `number`, the same in both languages."""
    for language in LANGUAGES:
        expected = [
            f"{'' if language == 'fr' else 'en/'}faq/{source.slug}/" for source in questions(docs, language)
        ]
        assert expected, f"no {language} question in {docs}"
        assert [page.url_path for page in site.questions(language)] == expected
        titles = [page.h1 for page in site.questions(language)]
        assert len(set(titles)) == len(titles), titles
    french = [page.url_path for page in site.questions("fr")]
    assert french == [page.url_path.removeprefix("en/") for page in site.questions("en")]


def check_learn_more(site: Site, docs: Path) -> None:
    """Each question shows the learn-more links its file lists, https to a domain its mkdocs.yml allows."""
    allowed = allowed_link_domains(docs.parent)
    for language in LANGUAGES:
        for source, page in zip(questions(docs, language), site.questions(language), strict=True):
            shown = [(same_text(link.text), link.href) for link in page.rendered.learn_more_links()]
            written = source_links(source)
            assert written, f"{source.where}: no learn-more link"
            assert [url for _, url in shown] == [url for _, url in written], page.path
            for link in page.rendered.learn_more_links():
                url = link.href
                host = urlsplit(url).hostname or ""
                assert url.startswith("https://"), f"{page.path}: {url}"
                assert any(host == d or host.endswith(f".{d}") for d in allowed), url
                assert link.text.strip(), f"{page.path}: link to {url} has no text"
                # NATO's pages exist in both languages: a page links its own language's, or says
                # (hreflang) that the target is in the other one.
                other = is_english_address(url) if language == "fr" else is_french_address(url)
                if other:
                    assert link.hreflang and link.hreflang != language, f"{page.path}: {url}"


def check_home(site: Site, docs: Path) -> None:
    """The home page: one title, the introduction of its file, the numbered list of questions."""
    for language in LANGUAGES:
        page = home(site, language)
        article = page.content
        assert len(article.select("h1")) == 1
        source = SourcePage(docs, "index.md" if language == "fr" else f"index.{language}.md")
        paragraphs = [source.text(span) for span in source.paragraphs()]
        shown = page.rendered.paragraphs[: len(paragraphs)]
        assert [same_text(p.text) for p in shown] == [same_text(p) for p in paragraphs]
        items = [same_text(a.get_text()) for a in article.select("ol > li > a")]
        assert items == [same_text(page.h1) for page in site.questions(language)]


def check_previous_and_next(site: Site, docs: Path) -> None:
    """The questions link to each other in their order: Material's footer and <link rel>."""
    for language in LANGUAGES:
        pages = site.questions(language)
        for before, page, after in zip(pages, pages[1:], pages[2:], strict=False):
            assert page.soup.find("link", rel="prev")["href"] == f"../{before.path.parent.name}/", page.path
            assert page.soup.find("link", rel="next")["href"] == f"../{after.path.parent.name}/", page.path


def check_provenance(site: Site, docs: Path) -> None:
    """Every page of NATO's text (home, questions, all questions) says where its text comes from;
    the site's own pages (About) make no such claim."""
    for page in site.pages:
        provenance = page.soup.select_one(".faq-provenance")
        path = page.url_path.removeprefix(f"{page.language}/" if page.language != "fr" else "")
        if path == "" or path.startswith("faq/"):
            assert provenance is not None, page.path
            assert provenance.find("a", href=True), page.path
        else:
            assert provenance is None, page.path


def check_question_names(site: Site, docs: Path) -> None:
    """The structured data, <title>, navigation and description say what the page's file says."""
    for language in LANGUAGES:
        for source, page in zip(questions(docs, language), site.questions(language), strict=True):
            h1 = same_text(page.h1)
            data = json.loads(page.soup.find("script", type="application/ld+json").string)
            question = data["mainEntity"][0]
            assert same_text(question["name"]) == h1, page.path
            assert question["acceptedAnswer"]["text"].strip(), (
                f"{page.path}: no answer in the structured data"
            )
            assert same_text(page.soup.title.get_text()).startswith(h1), page.path
            active = page.soup.select_one("a.md-nav__link--active")
            assert same_text(active.get_text(" ")) == h1, page.path
            description = page.soup.find("meta", attrs={"name": "description"})["content"]
            if source.has_key("description"):
                written = str(source.value("description"))
                assert same_text(description) == same_text(written), page.path
            else:  # the answer's opening sentences
                answer = same_text(page.rendered.answer_text())
                assert answer.startswith(same_text(description).removesuffix("…")), page.path


CONTENT_CHECKS = [
    check_question_names,
    check_questions,
    check_learn_more,
    check_home,
    check_previous_and_next,
    check_provenance,
]


@pytest.mark.parametrize("check", CONTENT_CHECKS, ids=lambda check: check.__name__)
def test_the_site_shows_what_docs_holds(fixture_site: Site, check) -> None:
    check(fixture_site, fixture_site.docs)


def test_french_link_to_an_english_only_page_says_so(fixture_site: Site) -> None:
    # Derived: whichever French page links an English address marks it.
    for page in fixture_site.questions("fr"):
        for link in page.rendered.learn_more_links():
            if is_english_address(link.href):
                assert link.hreflang == "en", f"{page.path}: {link.href}"

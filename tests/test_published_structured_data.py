"""Each question page tells search engines its question and its answer (schema.org FAQPage
JSON-LD), the answer being what the page shows, as the plugin computes it.

Published-site invariants (`published_site`, tests/published.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from published import mutated

from faq_site.checks.rendered import RenderedPage

from conftest import LANGUAGES, Page, Site, normalise

pytestmark = pytest.mark.published_site

JSON_LD = 'script[type="application/ld+json"]'


def page_content(page: Page) -> str:
    """The page's own content as the plugin had it before the theme wrapped it: the article from
    its H1 up to what the theme adds after it (the last update, the provenance, `aside`s)."""
    parts = []
    node = page.tree.css_first("article h1")
    while node is not None and node.tag != "aside":
        parts.append(node.html or "")
        node = node.next
    return "".join(parts)


def structured_data_problems(site: Site) -> list[str]:
    """Question pages carry one FAQPage of one question, in their language, at their address, named
    as their H1, answered with the page's answer as the plugin computes it from the page's content
    (`RenderedPage.answer_text`, the one definition the JSON-LD and descriptions use); other pages
    carry none."""
    problems = []
    questions = {page.path for language in LANGUAGES for page in site.question_pages(language)}
    for page in site.pages:
        scripts = page.tree.css(JSON_LD)
        if page.path not in questions:
            if scripts:
                problems.append(f"{page.path}: structured data on a page that is not a question")
            continue
        if len(scripts) != 1:
            problems.append(f"{page.path}: {len(scripts)} JSON-LD scripts, not 1")
            continue
        data = json.loads(scripts[0].text())
        expected = {
            "@type": "FAQPage",
            "inLanguage": page.language,
            "url": urljoin(site.url, page.url_path),
        }
        for key, value in expected.items():
            if data.get(key) != value:
                problems.append(f"{page.path}: JSON-LD {key} {data.get(key)!r}, not {value!r}")
        entities = data.get("mainEntity") or []
        if len(entities) != 1 or entities[0].get("@type") != "Question":
            problems.append(f"{page.path}: JSON-LD mainEntity is not one Question")
            continue
        (question,) = entities
        title = page.tree.css_first("article h1").text().rstrip("¶")
        if normalise(question.get("name", "")) != normalise(title):
            problems.append(f"{page.path}: JSON-LD name {question.get('name')!r}, not the title {title!r}")
        answer = RenderedPage(page_content(page), page.language).answer_text()
        if not answer or question.get("acceptedAnswer", {}).get("text") != answer:
            problems.append(
                f"{page.path}: JSON-LD answer {question.get('acceptedAnswer', {}).get('text')!r}, "
                f"not the page's {answer!r}"
            )
    return problems


def test_question_pages_give_search_engines_their_question_and_answer(published: Site) -> None:
    assert any(published.question_pages(language) for language in LANGUAGES)
    assert not structured_data_problems(published), "\n".join(structured_data_problems(published))


def test_the_structured_data_check_sees_an_answer_the_page_does_not_give(site: Site, tmp_path: Path) -> None:
    question = site.question_pages(LANGUAGES[-1])[0]

    def another_answer(tree) -> None:
        script = tree.css_first(JSON_LD)
        data = json.loads(script.text())
        data["mainEntity"][0]["acceptedAnswer"]["text"] += " And more."
        script.inner_html = json.dumps(data)

    broken = mutated(site, tmp_path, question.path.as_posix(), another_answer)
    assert any("JSON-LD answer" in problem for problem in structured_data_problems(broken))

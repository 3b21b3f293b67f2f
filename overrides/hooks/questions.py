"""The question pages are the single source of truth for everything about them.

Each page under docs/faq/ declares its `number` and a one-sentence
`description` in its front matter. From those pages alone this hook derives:

- the navigation: home, the questions in number order, then "all questions";
  Material's previous/next links follow it;
- the numbered list of questions on the home page (the line `<!-- faq:questions -->`
  in docs/index.md and docs/index.en.md);
- the "all questions" page, every answer on one page (the line
  `<!-- faq:answers -->` in docs/faq/index.md and docs/faq/index.en.md).

Adding or removing a question is adding or removing its two Markdown files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from faq_docs import (
    ALL_QUESTIONS,
    DEFAULT_LANGUAGE,
    FRONT_MATTER_KEYS,
    HOME,
    LANGUAGES,
    Problem,
    Source,
    language_of,
    markdown_sources,
    norm_uri,
    report,
)

MARKERS = {HOME: "<!-- faq:questions -->", ALL_QUESTIONS: "<!-- faq:answers -->"}

_HEADING_LINE = re.compile(r"^(#{1,5})(?=[ \t])", re.MULTILINE)
_HEADING_ID = re.compile(r"\{#([A-Za-z][\w-]*)")
_LOCAL_ANCHOR = re.compile(r"\]\(#([A-Za-z][\w-]*)\)")


@dataclass(frozen=True)
class Question:
    number: int
    slug: str
    source: Source  # in one language

    @property
    def title(self) -> str:
        return self.source.title or self.slug


# Ordered questions per language, from the last on_files; read by on_page_markdown.
_questions: dict[str, list[Question]] = {}


def check_front_matter(source: Source) -> list[Problem]:
    """What faq_docs found in the front matter (FRONT_MATTER_KEYS), and the generated lists' markers."""
    problems = list(source.meta_problems)
    marker = MARKERS.get(source.norm_uri)
    if marker and marker not in source.text:
        problems.append(
            Problem(
                source.src_uri,
                f"the line `{marker}` is missing. Put it back where the site should list "
                "the questions; it is filled in at build time.",
            )
        )
    return problems


def valid_number(source: Source) -> int | None:
    number = source.meta.get("number")
    return number if isinstance(number, int) and not isinstance(number, bool) else None


def order_questions(sources: list[Source]) -> tuple[dict[str, list[Question]], list[Problem]]:
    """The questions of each language in number order, and what is wrong with the numbers.

    The French pages are numbered 1…n with no repeat; each translation has the
    number of its French page. (A page without a valid number is reported by
    check_front_matter, and a page without its twin by translations.py.)
    """
    questions: dict[str, list[Question]] = {language: [] for language in LANGUAGES}
    unnumbered = False
    for source in filter(lambda source: source.is_question, sources):
        number = valid_number(source)
        if number is None:
            unnumbered |= source.language == DEFAULT_LANGUAGE
            continue
        slug = PurePosixPath(source.norm_uri).stem
        questions[source.language].append(Question(number, slug, source))
    for items in questions.values():
        items.sort(key=lambda question: (question.number, question.source.src_uri))

    problems: list[Problem] = []
    by_number: dict[int, list[Question]] = {}
    for question in questions[DEFAULT_LANGUAGE]:
        by_number.setdefault(question.number, []).append(question)
    for number, same in by_number.items():
        if len(same) > 1:
            others = ", ".join(f"docs/{q.source.src_uri}" for q in same[1:])
            problems.append(
                Problem(
                    same[0].source.src_uri,
                    f"has number {number}, like {others}. Give every question its own number.",
                    1,
                )
            )
    french_slugs = {question.slug for question in questions[DEFAULT_LANGUAGE]}
    unnumbered |= any(q.slug not in french_slugs for language in LANGUAGES for q in questions[language])
    # A repeated number or a missing French page is reported as such, not as a gap too.
    if not unnumbered and not problems:
        for position, number in enumerate(sorted(by_number), start=1):
            if position != number:
                problems.append(
                    Problem(
                        by_number[number][0].source.src_uri,
                        f"has number {number}, but no question has number {position}. "
                        "Number the questions 1, 2, 3… with no gap.",
                        1,
                    )
                )
                break
    french = {q.slug: q for q in questions[DEFAULT_LANGUAGE]}
    for language in LANGUAGES:
        for question in questions[language]:
            twin = french.get(question.slug)
            if twin is not None and twin.number != question.number:
                problems.append(
                    Problem(
                        question.source.src_uri,
                        f"has number {question.number}, but its French version "
                        f"docs/{twin.source.src_uri} has {twin.number}. "
                        "Give both versions the same number.",
                        1,
                    )
                )
    return questions, problems


@event_priority(10)  # before overrides/hooks/problems.py reports
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _questions
    sources = markdown_sources(files)
    problems = [problem for source in sources for problem in check_front_matter(source)]
    _questions, order_problems = order_questions(sources)
    report(problems + order_problems)
    # The navigation derives from the pages, never from a list kept by hand.
    config.nav = [
        HOME,
        *(question.source.norm_uri for question in _questions[DEFAULT_LANGUAGE]),
        ALL_QUESTIONS,
        # Then the pages about the site (docs/about.md).
        *sorted({source.norm_uri for source in sources if not source.is_question} - {HOME, ALL_QUESTIONS}),
    ]
    return files


def question_list(language: str) -> str:
    return "\n".join(
        f"{question.number}. [{question.title}]({question.source.norm_uri})"
        for question in _questions[language]
    )


def all_answers(language: str) -> str:
    """Every question of a language, one heading level down, with ids made unique."""
    parts = []
    for question in _questions[language]:
        body = question.source.body

        def unique_id(match: re.Match[str], slug: str = question.slug) -> str:
            anchor = match.group(1)
            return f"{{#{anchor if anchor == slug else f'{slug}-{anchor}'}"

        def unique_anchor(match: re.Match[str], slug: str = question.slug) -> str:
            return f"](#{slug}-{match.group(1)})"

        body = _HEADING_LINE.sub(lambda m: m.group(1) + "#", body)
        body = _HEADING_ID.sub(unique_id, body)
        body = _LOCAL_ANCHOR.sub(unique_anchor, body)
        parts.append(body.strip())
    return "\n\n".join(parts)


@event_priority(100)  # before anything reads page.meta
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Only the keys of FRONT_MATTER_KEYS, with valid values, reach the templates
    # and plugins: a mistake is reported (check_front_matter), never a crash.
    page.meta = {
        key: value
        for key, value in page.meta.items()
        if key in FRONT_MATTER_KEYS and FRONT_MATTER_KEYS[key].valid(value)
    }
    language = language_of(page.file.src_uri)
    norm = norm_uri(page.file.src_uri)
    if norm == HOME:
        return markdown.replace(MARKERS[HOME], question_list(language))
    if norm == ALL_QUESTIONS:
        return markdown.replace(MARKERS[ALL_QUESTIONS], all_answers(language))
    return markdown

"""The question pages are the single source of truth for everything about them.

Each page under docs/faq/ declares its `number` and a one-sentence
`description` in its front matter. From those pages alone the site derives:

- the navigation: home, the questions in number order, then "all questions";
  Material's previous/next links follow it;
- the numbered list of questions on the home page (the line `<!-- faq:questions -->`
  in docs/index.md and docs/index.en.md);
- the "all questions" page, every answer on one page (the line
  `<!-- faq:answers -->` in docs/faq/index.md and docs/faq/index.en.md).

Adding or removing a question is adding or removing its Markdown files, one per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from mkdocs.structure.pages import Page

from faq_site.checks.generated_parts import can_write
from faq_site.checks.question_numbers import Numbered, gap_problems
from faq_site.languages import Languages
from faq_site.messages.problems import Problem
from faq_site.sources.front_matter import FRONT_MATTER_KEYS
from faq_site.sources.names import ALL_QUESTIONS, HOME, MARKERS, QUESTION_COUNT
from faq_site.sources.page import MarkdownPage

_HEADING_ID = re.compile(r"\{#([A-Za-z][\w-]*)")
_LOCAL_ANCHOR = re.compile(r"\]\(#([A-Za-z][\w-]*)\)")


@dataclass(frozen=True)
class Question:
    number: int
    slug: str
    source: MarkdownPage  # in one language

    @property
    def title(self) -> str:
        title = self.source.title
        return title.title if title is not None else self.slug


def number_line(source: MarkdownPage) -> int:
    """The line of a page's `number:` key, where its problems are named."""
    return source.key_line("number") or 1


def valid_number(source: MarkdownPage) -> int | None:
    number = source.meta.get("number")
    return number if isinstance(number, int) and not isinstance(number, bool) else None


def order_questions(
    sources: list[MarkdownPage], languages: Languages
) -> tuple[dict[str, list[Question]], list[Problem]]:
    """The questions of each language in number order, and what is wrong with the numbers.

    The French (default language's) pages are numbered 1…n with no repeat; each
    translation has the number of its French page. (A page without a valid number is reported by
    check_front_matter, and a page without its twin by translations.py.)
    """
    default = languages.default  # French: its numbers are the reference
    questions: dict[str, list[Question]] = {language: [] for language in languages.all}
    unnumbered = False
    for source in filter(lambda source: source.is_question, sources):
        number = valid_number(source)
        if number is None:
            unnumbered |= source.language == default
            continue
        slug = PurePosixPath(source.norm_uri).stem
        questions[source.language].append(Question(number, slug, source))
    for items in questions.values():
        items.sort(key=lambda question: (question.number, question.source.src_uri))

    problems: list[Problem] = []
    by_number: dict[int, list[Question]] = {}
    for question in questions[default]:
        by_number.setdefault(question.number, []).append(question)
    for number, same in by_number.items():
        if len(same) > 1:
            others = ", ".join(f"docs/{q.source.src_uri}" for q in same[1:])
            problems.append(
                Problem(
                    same[0].source.src_uri,
                    f"has number {number}, like {others}. Give every question its own number.",
                    number_line(same[0].source),
                )
            )
    french_slugs = {question.slug for question in questions[default]}
    unnumbered |= any(q.slug not in french_slugs for language in languages.all for q in questions[language])
    # A repeated number or a missing French page is reported as such, not as a gap too.
    if not unnumbered and not problems:
        numbered = [Numbered(q.source.src_uri, q.number, number_line(q.source)) for q in questions[default]]
        problems += [Problem(src_uri, message, line) for src_uri, line, message in gap_problems(numbered)]
    french = {q.slug: q for q in questions[default]}
    for language in languages.all:
        for question in questions[language]:
            twin = french.get(question.slug)
            if twin is not None and twin.number != question.number:
                problems.append(
                    Problem(
                        question.source.src_uri,
                        f"has number {question.number}, but its French version "
                        f"docs/{twin.source.src_uri} has {twin.number}. "
                        "Give both versions the same number.",
                        number_line(question.source),
                    )
                )
    return questions, problems


def navigation(questions: list[Question], sources: list[MarkdownPage]) -> list[str]:
    """Home, the questions in number order, "all questions", then the pages about the site (about.md).

    The navigation derives from the pages, never from a list kept by hand;
    Material's previous/next links follow it.
    """
    return [
        HOME,
        *(question.source.norm_uri for question in questions),
        ALL_QUESTIONS,
        *sorted({source.norm_uri for source in sources if not source.is_question} - {HOME, ALL_QUESTIONS}),
    ]


def question_list(questions: list[Question]) -> str:
    return "\n".join(
        f"{question.number}. [{question.title}]({question.source.norm_uri})" for question in questions
    )


def all_answers(questions: list[Question]) -> str:
    """Every question of a language, one heading level down, with ids made unique (fenced code as it is)."""
    parts = []
    for question in questions:
        page, slug = question.source, question.slug

        def unique_id(match: re.Match[str], slug: str = slug) -> str:
            anchor = match.group(1)
            return f"{{#{anchor if anchor == slug else f'{slug}-{anchor}'}"

        def unique_anchor(match: re.Match[str], slug: str = slug) -> str:
            return f"](#{slug}-{match.group(1)})"

        down = {heading.line for heading in page.headings if heading.form == "atx" and heading.level < 6}
        lines = []
        for number, line in page.body_lines(fenced=True):
            if number not in page.fenced_lines:
                line = ("#" if number in down else "") + line
                line = _LOCAL_ANCHOR.sub(unique_anchor, _HEADING_ID.sub(unique_id, line))
            lines.append(line)
        parts.append("\n".join(lines).strip())
    return "\n\n".join(parts)


def valid_meta(meta: dict) -> dict:
    """Only the keys of FRONT_MATTER_KEYS, with valid values: what reaches the templates and plugins.

    A mistake is reported (checks/questions.py), never a crash.
    """
    return {
        key: value
        for key, value in meta.items()
        if key in FRONT_MATTER_KEYS and FRONT_MATTER_KEYS[key].valid(value)
    }


def with_count(meta: dict, questions: list[Question]) -> dict:
    """The description with the number of questions where it says `{number_of_questions}`: written by the
    build, it follows every question added or withdrawn (sources/front_matter.py refuses other braces)."""
    description = meta.get("description")
    if not isinstance(description, str) or QUESTION_COUNT not in description:
        return meta
    return {**meta, "description": description.replace(QUESTION_COUNT, str(len(questions)))}


def with_lists(markdown: str, page: Page, questions: list[Question], languages: Languages) -> str:
    """The home page with its list of questions, the "all questions" page with every answer."""
    norm = languages.norm_uri(page.file.src_uri)
    if norm not in MARKERS or not can_write(norm, markdown):
        return markdown
    written = question_list(questions) if norm == HOME else all_answers(questions)
    return markdown.replace(MARKERS[norm], written)

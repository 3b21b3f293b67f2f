"""What the site says for NATO is NATO's, in the page's language: one rendered page's checks.

For each rendered page (but "all questions", which repeats the questions):

- the page, its blocks and its description in the page's language, and its NATO
  links to pages in that language or saying otherwise (checks/language_integrity.py);
- a question's description quotes its answer; without one, the page gets its
  answer's opening sentences as `page.meta["description"]` (meta description,
  Open Graph) (checks/description_quote.py);
- a translation's paragraphs as long as translation explains
  (checks/language_integrity.py), against its default-language page, rendered
  before it in the same build.

The description and paragraph-length problems compare the page with another text
(its answer, its French page): they are of the last stage of the precedence rule
(messages/problems.py), shown only where nothing earlier is wrong with the page
(an answer indented into code is no answer to quote, a glued list lengthens a
paragraph), nor, for the lengths, with its French page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from faq_site.checks.description_quote import Answer, opening_sentences, quotation_problem
from faq_site.checks.language_integrity import (
    Finding,
    PageSource,
    Profiles,
    blocks_in_other_language,
    description_in_other_language,
    nato_links,
    page_in_other_language,
    paragraph_lengths,
)
from faq_site.checks.rendered import RenderedPage
from faq_site.languages import Languages, rules_for
from faq_site.messages.problems import Problem
from faq_site.sources.names import LEARN_MORE_ID
from faq_site.sources.page import MarkdownPage

# What to do about a question's description in the wrong language, after "Write it in English".
_QUESTION_DESCRIPTION_ADVICE = (
    ": copy sentences of this page's answer, or remove the `description` line to use its first sentence"
)


def profiles(languages: Languages) -> Profiles:
    """Each language's function words (from its rules) and name in the messages."""
    return Profiles(
        {language: words for language in languages.all if (words := rules_for(language).function_words)},
        {language: languages.name(language) for language in languages.all},
    )


@dataclass
class Findings:
    problems: list[Problem] = field(default_factory=list)  # the page in its language (rendered)
    quotations: list[Problem] = field(default_factory=list)  # its description against its answer
    lengths: list[Problem] = field(default_factory=list)  # its paragraphs against its French page's
    # A question without a description: its answer's opening sentences, to describe it.
    description: str | None = None


def page_source(source: MarkdownPage) -> PageSource:
    title = source.title.line if source.title is not None else None
    return PageSource(
        f"docs/{source.src_uri}", list(source.body_lines()), title, source.key_line("description")
    )


def check_page(
    description: object,
    rendered: RenderedPage,
    source: MarkdownPage,
    languages: Languages,
    default_page: tuple[MarkdownPage, RenderedPage] | None,
) -> Findings:
    """The checks of one rendered page; `default_page` is its default-language version, if rendered."""
    language = languages.of(source.src_uri)
    langs = profiles(languages)
    here = page_source(source)
    if default_page is not None:
        twin, twin_source = default_page[1], page_source(default_page[0])
    else:  # the default language's page: its translations are not rendered yet
        other = next((lang for lang in languages.all if lang != language), language)
        twin, twin_source = None, PageSource(f"docs/{languages.uri_for(source.norm_uri, other)}", [])
    findings = Findings()

    def add(found: list[Finding | None], into: list[Problem]) -> None:
        into.extend(Problem(source.src_uri, message, line) for line, message in filter(None, found))

    whole = page_in_other_language(rendered, here, twin, twin_source, langs)
    if whole is not None:  # one problem: the page is to be translated, links and description with it
        add([whole], findings.problems)
        return findings
    add(blocks_in_other_language(rendered, here, twin, twin_source, langs), findings.problems)
    add(nato_links(rendered, here, langs), findings.problems)
    if not isinstance(description, str) or not description.strip():
        answer = rendered.answer(LEARN_MORE_ID)
        if source.is_question and answer:
            findings.description = opening_sentences(answer)
    elif source.is_question:
        wrong = description_in_other_language(
            description, language, here.description_line, langs, _QUESTION_DESCRIPTION_ADVICE
        )
        add([wrong], findings.problems)
        if wrong is None:
            quoted = quotation_problem(description, Answer.of(rendered.answer(LEARN_MORE_ID)))
            add([(here.description_line, quoted) if quoted else None], findings.quotations)
    else:
        add(
            [description_in_other_language(description, language, here.description_line, langs)],
            findings.problems,
        )
    if default_page is not None:
        add(
            paragraph_lengths(rendered, here, twin, twin_source, langs),
            findings.lengths,
        )
    return findings

"""Every page exists in every language, with the same heading ids.

static-i18n falls back to the default language (French) when a translation is
missing, so a forgotten translation would silently publish French text under /en/. And deep
links (`…/what-is-nato/#learn-more`) only survive a language switch if both
versions of a page give their headings the same explicit ids.
"""

from __future__ import annotations

from faq_site.languages import Languages
from faq_site.messages.problems import Problem, Stage
from faq_site.sources.page import Heading, MarkdownPage
from faq_site.sources.text import has_invisible


def missing_twins(sources: list[MarkdownPage], languages: Languages) -> list[Problem]:
    """A page without its twin in every language: it cannot be built (static-i18n and seo pair them)."""
    problems: list[Problem] = []
    by_uri = {source.src_uri: source for source in sources}
    for source in sources:
        for language in languages.all:
            twin_uri = languages.uri_for(source.norm_uri, language)
            if twin_uri not in by_uri:
                problems.append(
                    Problem(
                        source.src_uri,
                        f"has no {languages.name(language)} version. Create docs/{twin_uri} "
                        f"with the same headings and heading ids, translated.",
                    )
                )
    return problems


def check_translations(sources: list[MarkdownPage], languages: Languages) -> list[Problem]:
    problems: list[Problem] = []
    by_uri = {source.src_uri: source for source in sources}
    for source in sources:
        for heading in written_headings(source):
            if heading.id is None:
                problems.append(
                    Problem(
                        source.src_uri,
                        f"the heading “{heading.title}” has no explicit id. End it with an id "
                        "in English kebab-case, the same in both languages, e.g. "
                        "`## Learn more {#learn-more}`.",
                        heading.line,
                    )
                )
    for source in sources:
        if source.language == languages.default:
            continue
        original = by_uri.get(languages.uri_for(source.norm_uri, languages.default))
        if original is None:
            continue
        ids = [heading.id for heading in written_headings(source)]
        original_ids = [heading.id for heading in written_headings(original)]
        if None in ids or None in original_ids:
            continue  # a heading without an id is reported above
        if source.conflicts or original.conflicts:
            continue  # git's conflict markers are named: what they surround is not the page yet
        if source.balance.unclosed:
            # Its own raw HTML block never closed swallows its headings (page_html.py names it, at
            # the same stage): compared once it is closed. The French page's is a cause, below.
            continue
        if has_invisible(source.text) or has_invisible(original.text):
            continue  # an invisible character is named, and would cut an id short: compared once it is gone
        if ids != original_ids:
            problems.append(
                Problem(
                    source.src_uri,
                    f"its heading ids ({id_list(ids)}) differ from those of docs/{original.src_uri} "
                    f"({id_list(original_ids)}). Give both versions the same headings, in the same "
                    "order, with the same ids.",
                    # A problem of the other version's Markdown (an element never closed hides its
                    # headings) comes first: its ids are compared once it is fixed.
                    causes=((original.src_uri, Stage.MARKDOWN),),
                )
            )
    return problems


def written_headings(page: MarkdownPage) -> list[Heading]:
    """The headings written `# Title {#id}`: an underlined or HTML heading, which can have no id,
    is named by checks/markdown_rendering.py."""
    return [heading for heading in page.headings if heading.form == "atx"]


def id_list(ids: list[str | None]) -> str:
    return ", ".join(f"`{{#{identifier}}}`" for identifier in ids)

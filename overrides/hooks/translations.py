"""Every page exists in French and English, with the same heading ids.

static-i18n falls back to French when an English page is missing, so a
forgotten translation would silently publish French text under /en/. And deep
links (`…/what-is-nato/#learn-more`) only survive a language switch if both
versions of a page give their headings the same explicit ids.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from faq_docs import LANGUAGES, Problem, Source, markdown_sources, report, uri_for


def missing_twins(sources: list[Source]) -> list[Problem]:
    problems: list[Problem] = []
    by_uri = {source.src_uri: source for source in sources}
    for source in sources:
        for language in LANGUAGES:
            twin_uri = uri_for(source.norm_uri, language)
            if twin_uri not in by_uri:
                problems.append(
                    Problem(
                        source.src_uri,
                        f"has no {language_name(language)} version. Create docs/{twin_uri} "
                        f"with the same headings and heading ids, translated.",
                    )
                )
    return problems


def check_translations(sources: list[Source]) -> list[Problem]:
    problems: list[Problem] = []
    by_uri = {source.src_uri: source for source in sources}
    for source in sources:
        for heading in source.headings():
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
        if source.language == LANGUAGES[0]:
            continue
        original = by_uri.get(uri_for(source.norm_uri, LANGUAGES[0]))
        if original is None:
            continue
        ids = [heading.id for heading in source.headings()]
        original_ids = [heading.id for heading in original.headings()]
        if None in ids or None in original_ids:
            continue  # a heading without an id is reported above
        if ids != original_ids:
            problems.append(
                Problem(
                    source.src_uri,
                    f"its heading ids ({id_list(ids)}) differ from those of docs/{original.src_uri} "
                    f"({id_list(original_ids)}). Give both versions the same headings, in the same "
                    "order, with the same ids.",
                )
            )
    return problems


def id_list(ids: list[str | None]) -> str:
    return ", ".join(f"`{{#{identifier}}}`" for identifier in ids)


def language_name(language: str) -> str:
    return {"fr": "French", "en": "English"}[language]


@event_priority(10)  # before overrides/hooks/problems.py reports
def on_files(files: Files, config: MkDocsConfig) -> Files:
    sources = markdown_sources(files)
    # A page without its twin cannot be built: static-i18n and seo.py pair every page.
    report(missing_twins(sources), blocking=True)
    report(check_translations(sources))
    return files

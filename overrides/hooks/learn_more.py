"""Every question ends with a "Pour en savoir plus" / "Learn more" list of safe links.

Each question page has a section with the id `learn-more` holding a list of at
least one link; those links use https and point to an allowed domain
(`extra.faq.allowed_link_domains` in mkdocs.yml). No link on any page may have
empty text: a screen reader would announce nothing but "link".
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from faq_docs import LEARN_MORE_ID, LINK, Problem, Source, markdown_sources, report


def check_learn_more(source: Source, allowed_domains: list[str]) -> list[Problem]:
    section = source.section(LEARN_MORE_ID)
    if section is None:
        return [
            Problem(
                source.src_uri,
                "this question has no learn-more section. Add a heading "
                "`## Pour en savoir plus {#learn-more}` (English: `## Learn more {#learn-more}`) "
                "followed by a list of links, one `- [title](https://www.nato.int/…)` per line.",
            )
        ]
    heading, _ = section
    items = source.list_items(LEARN_MORE_ID)
    if not items:
        return [
            Problem(
                source.src_uri,
                "the learn-more list is empty. Under this heading, add at least one line "
                "`- [title](https://www.nato.int/…)`.",
                heading.line,
            )
        ]
    problems = []
    for line, item in items:
        links = list(LINK.finditer(item))
        if not links:
            problems.append(
                Problem(
                    source.src_uri,
                    "this learn-more item has no link. Write it as `- [title](https://…)`.",
                    line,
                )
            )
        for link in links:
            problems.extend(check_external_link(source, line, link.group(3), allowed_domains))
    return problems


def check_external_link(source: Source, line: int, url: str, allowed_domains: list[str]) -> list[Problem]:
    parts = urlsplit(url)
    if parts.scheme != "https":
        return [
            Problem(
                source.src_uri,
                f"the learn-more link `{url}` does not use https. Use the page's `https://` address.",
                line,
            )
        ]
    host = (parts.hostname or "").lower()
    if not any(host == domain or host.endswith(f".{domain}") for domain in allowed_domains):
        return [
            Problem(
                source.src_uri,
                f"the learn-more link `{url}` points to {host or 'no host'}, which is not an "
                f"allowed domain ({', '.join(allowed_domains)}). Link to an official page, or "
                "add the domain to `extra.faq.allowed_link_domains` in mkdocs.yml.",
                line,
            )
        ]
    return []


def check_link_texts(source: Source) -> list[Problem]:
    return [
        Problem(
            source.src_uri,
            f"the link to `{link.target}` has no text. Write what the reader will find there "
            "between the square brackets: `[title](…)`.",
            link.line,
        )
        for link in source.links()
        if not link.is_image and not link.text.strip()
    ]


@event_priority(10)  # before overrides/hooks/problems.py reports
def on_files(files: Files, config: MkDocsConfig) -> Files:
    allowed_domains = [domain.lower() for domain in config.extra["faq"]["allowed_link_domains"]]
    problems: list[Problem] = []
    for source in markdown_sources(files):
        if source.is_question:
            problems.extend(check_learn_more(source, allowed_domains))
        problems.extend(check_link_texts(source))
    report(problems)
    return files

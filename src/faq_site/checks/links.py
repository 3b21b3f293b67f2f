"""Every link readers can click is safe, and every question ends with some.

On each rendered page (`on_page_content`), every link, raw HTML ones included:

- to another page of the site: MkDocs checks Markdown links (messages/mkdocs_warnings.py
  words its warnings); a raw HTML link must lead to a page or asset that exists;
- anywhere else: the one address rule of checks/urls.py, which checks/content_allowlist.py
  applies to every address of the page (links, images and the rest), reports it;
- with text: a screen reader would announce nothing but "link".

Each question page has a section with the id `learn-more` that shows at least
one link in a list: a list hidden in a comment, indented into a block of code or
glued to a sentence does not count, and the message says which it is.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin, urlsplit

from faq_site.checks.rendered import Outline, RenderedLink
from faq_site.checks.site import Site
from faq_site.checks.urls import Local, judge, shown
from faq_site.messages.problems import Problem, address_subject
from faq_site.sources.names import LEARN_MORE_ID, kebab_case
from faq_site.sources.page import MarkdownPage

_EXAMPLE = "`- [title](https://www.nato.int/…)`"


def check_link(
    source: MarkdownPage, link: RenderedLink, page_url: str, site: Site, outline: Outline
) -> list[Problem]:
    """What is wrong with one link of a page (about its address: MkDocs' own warning comes first)."""
    line = source.finder.written(f"]({link.href}", f'href="{link.href}"', link.href)

    def problem(message: str) -> list[Problem]:
        return [Problem(source.src_uri, message, line, subject=address_subject(source.src_uri, link.href))]

    if not link.text.strip() and not link.has_image:
        return problem(
            f"the link to `{shown(link.href)}` has no text. Write what the reader will find there between "
            "the square brackets: `[title](…)`."
        )
    # A tab or a line break (`&#x09;`): browsers remove them, and the address rule judges what remains.
    if any(
        (character.isspace() and character not in "\t\n\r") or character == '"' for character in link.href
    ):
        return problem(
            f"the address of the link `{shown(link.href)}` contains a space or a quote: a `)` or a quote is "
            "missing or misplaced. Write it as `[text](https://…)`."
        )
    verdict = judge(link.href, page_url, site.rule)
    if not isinstance(verdict, Local) or not verdict.relative:
        # Another site, or this one at its full address (the link from an out-of-date
        # translation's notice to its French page): the address rule is checks/urls.py's.
        return []
    parts = urlsplit(link.href)
    if parts.path.endswith(".md"):
        if any(written.kind == "html" and written.url == link.href for written in source.links):
            # MkDocs rewrites only Markdown links to a page's file into its address: an HTML one is
            # published as written, relative to the page's address, and leads nowhere.
            return problem(
                f"the link `{shown(link.href)}` is written in HTML (`<a href=…>`), which the site publishes "
                "as it is: readers would get a page that does not exist. Write it in Markdown: "
                f"`[text]({shown(link.href)})`."
            )
        return []  # a page's file MkDocs did not rewrite into its address: it says why (mkdocs_warnings.py)
    if not parts.path:
        if source.finder.written(f"]({link.href}"):
            return []  # a Markdown link: MkDocs checks its anchor (messages/mkdocs_warnings.py)
        if parts.fragment and parts.fragment not in outline.ids:
            return problem(
                f"the link `{shown(link.href)}` points to no heading of this page. Use one of its ids: "
                f"{', '.join(f'`#{i}`' for i in outline.ids)}."
            )
        return []
    target = posixpath.normpath(urlsplit(urljoin(f"/{page_url}", parts.path)).path).lstrip("/")
    known = {url.rstrip("/") for url in site.urls}
    if target.rstrip("/") not in known and target not in {"", "."}:
        return problem(
            f"the link `{shown(link.href)}` leads to no page of this site. Link to the page's .md file, "
            "relative to this one, in Markdown: `[text](other-page.md)`."
        )
    return []


def check_learn_more(source: MarkdownPage, outline: Outline) -> list[Problem]:
    ids = [heading.id for heading in outline.headings]
    if LEARN_MORE_ID not in ids:
        if any(kebab_case(i or "") == LEARN_MORE_ID for i in ids) or len(set(outline.ids)) < len(outline.ids):
            return []  # the heading's id is wrong or repeated: page_html.py says so
        return [
            Problem(
                source.src_uri,
                "this question has no learn-more section. Add a heading "
                "`## Pour en savoir plus {#learn-more}` (English: `## Learn more {#learn-more}`) "
                f"followed by a list of links, one {_EXAMPLE} per line.",
                None,
            )
        ]
    links = [link for link in outline.links if link.section == LEARN_MORE_ID and link.in_list_item]
    section = source.section(LEARN_MORE_ID)
    heading_line = section[0].line if section else None
    if not links:
        spans = [block.span for block in section[1]] if section else []
        lines = [(n, text) for n, text in source.body_lines() if any(n in span for span in spans)]
        written = [(n, text) for n, text in lines if "](" in text]
        why = "Under this heading, add at least one line " + _EXAMPLE + "."
        if written:
            number, text = written[0]
            if any("<!--" in t for n, t in lines if n <= number) and not any(
                "-->" in t for n, t in lines if n < number
            ):
                why = (
                    "Its links are inside a comment `<!-- … -->`, which readers do not see: end "
                    "the comment before them."
                )
            elif text.startswith(("    ", "\t")):
                why = (
                    "Its list is indented by four spaces or a tab, so it shows as code: start "
                    "each line `- [` at the margin."
                )
            elif not text.lstrip().startswith(("- ", "* ", "+ ")) and not text.lstrip()[:1].isdigit():
                why = f"Its links are not in a list: write one per line, as {_EXAMPLE}."
            else:
                why = "Its list is glued to the line above it: leave an empty line before the list."
        return [Problem(source.src_uri, f"the learn-more section shows no link. {why}", heading_line)]
    problems = []
    for item in outline.list_items.get(LEARN_MORE_ID, []):
        if not any(link.text and link.text in item for link in links):
            problems.append(
                Problem(
                    source.src_uri,
                    f"this learn-more item has no link. Write it as {_EXAMPLE}.",
                    source.finder.written(item.strip()[:40]) or heading_line,
                )
            )
    return problems


def check_links(
    source: MarkdownPage,
    outline: Outline,
    page_url: str,
    site: Site,
) -> list[Problem]:
    """Every link of a rendered page; and a question's learn-more section."""
    problems = [
        problem for link in outline.links for problem in check_link(source, link, page_url, site, outline)
    ]
    if source.is_question:
        problems += check_learn_more(source, outline)
    return problems

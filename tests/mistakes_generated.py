"""Editor mistakes about what the build generates: the "all questions" page, which joins every
answer, and the addresses of pages and redirects.

Each `make(docs)` makes one mistake in a copy's docs/, found by the pages' structure
(tests/page_editing.py), and returns the exact lines the build must print.
tests/test_editor_errors.py adds them to its MISTAKES.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from page_editing import SourcePage, questions
from site_settings import allowed_link_domains

from faq_site.sources.names import ALL_QUESTIONS

Make = Callable[[Path], list[str]]
KEY = "renamed_from"


def append_lines(page: SourcePage, *texts: str) -> int:
    """Adds lines at the end of the page, after an empty line; returns the first one's number."""
    lines = page.lines()
    end = len(lines) - 1 if lines[-1] == "" else len(lines)  # before the final newline
    lines[end:end] = ["", *texts]
    page.write(lines)
    return end + 2


def reference_defined_in_two_questions(docs: Path) -> list[str]:
    """A learn-more link written as a reference, `[text][dd]`, and another question defining `[DD]`
    without using it: the "all questions" page would lead to the second address."""
    used, other = questions(docs)[:2]
    line, text, url = used.first_link()
    used.set(line, f"- [{text}][dd]")
    own = append_lines(used, f"[dd]: {url}")
    unused = append_lines(other, "[DD]: https://evil.example/phish")
    joined = (
        'on the "all questions" page, which joins every answer, one would replace the other. '
        "Give one of them another name."
    )
    return [
        f"{used.where}:{own}: the link reference `[dd]` is also defined in {other.where} (line {unused}): "
        + joined,
        f"{other.where}:{unused}: the link reference `[DD]` is also defined in {used.where} (line {own}): "
        + joined,
    ]


def reference_defined_only_in_another_question(docs: Path) -> list[str]:
    """A reference `[text][dd]` its own page does not define, and another question defining `[dd]`
    without using it: the "all questions" page, where the two meet, would link to that address.
    Its own page shows `[dd]` as text; the joined page's link is refused there."""
    used, other = questions(docs)[:2]
    line, text, _ = used.first_link()
    links_left = len(used.link_lines()) - 1
    used.set(line, f"- [{text}][dd]")
    append_lines(other, "[dd]: https://evil.example/phish")
    allowed = ", ".join(allowed_link_domains(docs.parent))
    # The item shows as text: the section still has links, or none.
    no_link = (
        f"{used.where}:{line}: this learn-more item has no link. Write it as "
        "`- [title](https://www.nato.int/…)`."
        if links_left
        else f"{used.where}:{used.heading_line('learn-more')}: the learn-more section shows no link. Under "
        "this heading, add at least one line `- [title](https://www.nato.int/…)`."
    )
    return [
        f"docs/{ALL_QUESTIONS}: the link `https://evil.example/phish` points to evil.example, which is not "
        f"an allowed domain ({allowed}). Link to an official page, or ask a developer "
        "to add the domain to the faq plugin's `allowed_link_domains` in mkdocs.yml.",
        no_link,
        f"{used.where}:{line}: readers see `][dd]` as text: a reference link `[text][name]` without its "
        "definition line `[name]: https://…`. Fix the Markdown on this line.",
    ]


def about_pages(docs: Path) -> list[SourcePage]:
    return [SourcePage(docs, "about.md"), SourcePage(docs, "about.en.md")]


def old_name_is_the_all_questions_address(docs: Path) -> list[str]:
    """`renamed_from: [faq]` on About: `faq/` is the "all questions" page's address (faq/index.md)."""
    folder = ALL_QUESTIONS.split("/")[0]
    for page in about_pages(docs):
        page.insert(page.front_matter_end(), f"{KEY}: [{folder}]")
    about = about_pages(docs)[0]
    return [
        f"{about.where}:{about.key_line(KEY)}: `{KEY}` lists '{folder}', but docs/{ALL_QUESTIONS} is "
        f"published at that address ({folder}/): it is still in use. Remove '{folder}' from `{KEY}`, "
        f"or rename docs/{ALL_QUESTIONS}."
    ]


def page_at_the_all_questions_address(docs: Path) -> list[str]:
    """docs/faq.md beside docs/faq/index.md: both would be published at faq/."""
    folder = ALL_QUESTIONS.split("/")[0]
    lines = []
    for page, prefix in zip(about_pages(docs), ("", "en/"), strict=True):
        suffix = page.rel.removeprefix("about")
        shutil.copy(page.path, docs / f"{folder}{suffix}")
        index = f"docs/{folder}/index{suffix}"
        same = "one would replace the other. Rename one of them (and its other language's file alike)."
        lines += [
            f"docs/{folder}{suffix}: is published at the same address as {index} ({prefix}{folder}/): {same}",
            f"{index}: is published at the same address as docs/{folder}{suffix} ({prefix}{folder}/): {same}",
        ]
    return lines


GENERATED_MISTAKES: list[tuple[str, Make]] = [
    ("link reference defined in two questions", reference_defined_in_two_questions),
    ("link reference defined only in another question", reference_defined_only_in_another_question),
    ("old name that is the address of the all questions page", old_name_is_the_all_questions_address),
    ("page at the address of the all questions page", page_at_the_all_questions_address),
]

"""Copy the project and edit the copy as editors edit the FAQ, so that CI can test the copy.

    uv run scripts/editor_edits.py COPY_DIR
    uv run scripts/editor_edits.py --french-first COPY_DIR
    uv run scripts/editor_edits.py --faq tests/fixture/docs COPY_DIR

COPY_DIR (new, outside the project) becomes a clone of the project with its history and its
uncommitted changes, plus one more commit, "Editors' edits", that makes the correct edits
editors make, in both languages, each of every kind:

- a figure updated, a sentence of an answer rewritten, a time of day (« 14 h 30 », "2.30 pm");
- an image with its alt text (before an answer's first paragraph), a table and a quotation
  (after one);
- a question withdrawn (listed under `withdrawn`, as CONTRIBUTING.md says) and one inserted in
  the middle (the later ones renumbered), two questions swapped, a question's page renamed
  (`renamed_from`, the links to it updated);
- a learn-more link added, a question's title changed (its id kept);
- another domain allowed in mkdocs.yml, and a learn-more link to it;
- an abbreviation, where the site has its glossaries (glossary/<language>.md, issue 25).

`--french-first` then commits, alone, a French-only change (a sentence with a date and a
figure), its translation to follow: the build accepts it once issue 24 ("French first") is in.

`--faq FOLDER` makes no edit: the copy's docs/ becomes FOLDER (another FAQ, such as the tests'
own, tests/fixture/docs), with the domains its links need allowed. CI runs the whole suite
there: only the published-site invariants may read docs/, so nothing else may notice.

Each edit finds its place from the pages' structure, read by the site's own reader of a page
(faq_site.sources.page: front matter `number`, the title, the answer's blocks, the learn-more
list, the links), never from today's wording: the script works on whatever the pages say.
.ci/run then runs the published-site invariants inside the copy.

Prints one line per edit. Exits 2, saying why, if an edit cannot be found.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

from faq_site.languages import Languages
from faq_site.sources.names import ALL_QUESTIONS
from faq_site.sources.page import Block, Link, MarkdownPage

PROJECT = Path(__file__).resolve().parents[1]
LANGUAGES = Languages("fr", ("fr", "en"), ("fr", "en"))
# Another domain an editor allows, and a page of it in each language.
NEW_DOMAIN = "un.org"
NEW_DOMAIN_LINKS = {
    "fr": ("Nations unies", "https://www.un.org/fr/"),
    "en": ("United Nations", "https://www.un.org/en/"),
}
# Text an editor writes: a sentence that replaces another, a time of day, a title said more
# precisely, a question inserted, an image, a table, a quotation.
REWRITTEN_SENTENCE = {"fr": "Les Alliés l'ont réaffirmé depuis.", "en": "Allies have reaffirmed this since."}
TIME_OF_DAY = {"fr": "Les Alliés se sont réunis à 14 h 30.", "en": "Allies met at 2.30 pm."}
TITLE_ADDITION = {"fr": " aujourd'hui", "en": " today"}
NEW_QUESTION = {
    "fr": (
        "Qu'ont décidé les Alliés depuis 2022 ?",
        "Les Alliés ont renforcé leur soutien à l'Ukraine depuis 2022.",
        "Pour en savoir plus",
    ),
    "en": (
        "What have Allies decided since 2022?",
        "Allies have strengthened their support for Ukraine since 2022.",
        "Learn more",
    ),
}
NEW_QUESTION_SLUG = "decisions-since-2022"
RENAMED_SUFFIX = "-explained"
IMAGE = "assets/images/members-chart.png"  # under docs/
# A 1×1 PNG: what the picture shows does not matter to the build, its alt text does.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154"
    "78da63f8ffff3f0005fe02fea7d6a4a90000000049454e44ae426082"
)
IMAGE_ALT = {"fr": "Graphique du nombre de pays membres", "en": "Chart of the number of member countries"}
TABLE = {
    "fr": ["| Année | Pays membres |", "| --- | ---: |", "| 2022 | 30 |", "| 2024 | 32 |"],
    "en": ["| Year | Member countries |", "| --- | ---: |", "| 2022 | 30 |", "| 2024 | 32 |"],
}
QUOTATION = {"fr": "> « Nous resterons aux côtés de l'Ukraine. »", "en": '> "We will stand with Ukraine."'}
# Issue 25: an abbreviation, defined in the language's glossary, used in an answer.
ABBREVIATION = {
    "fr": ("UE", "Union européenne", "L'UE coordonne son aide avec les Alliés."),
    "en": ("EU", "European Union", "The EU coordinates its aid with Allies."),
}
# Issue 24: a French-only change, its translation to come in a later commit.
FRENCH_FIRST = "Le 4 avril 2023, 31 pays en étaient membres."
SENTENCE_END = re.compile(r"(?<=[.?!])[ \t]+(?=\S)")
# A figure an editor updates: a whole number of two digits or more, not a part of a longer one.
FIGURE = re.compile(r"(?<![\d,.])(?<!\d[ \u00a0\u202f])\d{2,}(?![\d,.]\d|[ \u00a0\u202f]\d{3})")
# The list of allowed domains in mkdocs.yml, wherever it is, one item per line or `[a, b]`.
DOMAIN_LIST = re.compile(
    r"allowed_link_domains:(?:[ \t]*\[(?P<flow>[^\]\n]*)\]|[ \t]*\n(?P<block>(?:(?P<item>[ \t]+)- \S+\n)+))"
)


class EditNotFound(Exception):
    """The pages' structure does not offer what an edit needs."""


@dataclass(frozen=True)
class Page:
    """One Markdown file of the copy: read with the site's own reader, edited line by line."""

    docs: Path
    src_uri: str  # e.g. faq/what-is-nato.en.md

    @property
    def path(self) -> Path:
        return self.docs / self.src_uri

    @property
    def language(self) -> str:
        return LANGUAGES.of(self.src_uri)

    def model(self) -> MarkdownPage:
        """The page as it is now (read again after every edit: parsing is cheap)."""
        return MarkdownPage.parse(self.src_uri, self.path.read_text(encoding="utf-8"), LANGUAGES)

    def lines(self) -> list[str]:
        return list(self.model().lines)

    def write(self, lines: list[str]) -> None:
        self.path.write_text("\n".join(lines), encoding="utf-8")

    def replace_lines(self, first: int, last: int, new: list[str]) -> None:
        """Lines `first` to `last` (both included, from 1) become `new`."""
        lines = self.lines()
        lines[first - 1 : last] = new
        self.write(lines)

    def insert(self, before: int, new: list[str]) -> None:
        """`new` lines inserted so that the first becomes line `before`."""
        self.replace_lines(before, before - 1, new)

    # -- what the model finds --------------------------------------------------------------

    def number(self) -> int:
        number = self.model().meta.get("number")
        if not isinstance(number, int):
            raise EditNotFound(f"docs/{self.src_uri} has no `number` in its front matter")
        return number

    def set_number(self, number: int) -> None:
        line = self.model().key_line("number")
        self.replace_lines(line, line, [f"number: {number}"])

    def add_key(self, line: str) -> None:
        """A front matter key, last of the front matter."""
        span = self.model().front_matter.span
        if not span:
            raise EditNotFound(f"docs/{self.src_uri} has no front matter")
        self.insert(span[1], [line])

    def first_paragraph(self) -> Block:
        """The answer's first paragraph of text."""
        paragraph = next((block for block in self.model().answer() if block.kind == "paragraph"), None)
        if paragraph is None:
            raise EditNotFound(f"docs/{self.src_uri} has no paragraph of text in its answer")
        return paragraph

    def first_paragraph_text(self) -> str:
        return self.model().text_of(self.first_paragraph().span)

    def set_first_paragraph(self, text: str) -> None:
        span = self.first_paragraph().span
        self.replace_lines(span.first, span.last, text.split("\n"))

    def blocks_after_first_paragraph(self, new: list[str]) -> None:
        """New blocks right after the answer's first paragraph, an empty line around each."""
        self.insert(self.first_paragraph().span.last + 1, ["", *new])

    def blocks_before_first_paragraph(self, new: list[str]) -> None:
        self.insert(self.first_paragraph().span.first, [*new, ""])

    def title(self):
        title = self.model().title
        if title is None or title.form != "atx":
            raise EditNotFound(f"docs/{self.src_uri} has no title line `# …`")
        return title

    def learn_more_links(self) -> tuple[Link, ...]:
        learn_more = self.model().learn_more()
        if learn_more is None or not learn_more.links:
            raise EditNotFound(f"docs/{self.src_uri} has no learn-more list")
        return learn_more.links

    def add_link(self, text: str, url: str) -> None:
        """A learn-more item after the last one (after its whole item: a note may follow its link)."""
        learn_more = self.model().learn_more()
        if learn_more is None:
            raise EditNotFound(f"docs/{self.src_uri} has no learn-more section")
        items = [item for block in learn_more.blocks if block.kind == "list" for item in block.items]
        if not items:
            raise EditNotFound(f"docs/{self.src_uri} has no learn-more list")
        self.insert(items[-1].span.last + 1, [f"- [{text}]({url})"])

    def links_to(self, target: Page) -> list[Link]:
        """This page's links to the target's file (any language's), anchors included."""
        names = {PurePosixPath(target.src_uri).name, PurePosixPath(target.twin.src_uri).name}
        return [
            link
            for link in self.model().links
            if link.kind != "image" and PurePosixPath(urlsplit(link.url).path).name in names
        ]

    @property
    def twin(self) -> Page:
        stem = self.src_uri.removesuffix(".md").removesuffix(f".{self.language}")
        other = next(language for language in LANGUAGES.all if language != self.language)
        suffix = "" if other == LANGUAGES.default else f".{other}"
        return Page(self.docs, f"{stem}{suffix}.md")


@dataclass(frozen=True)
class Question:
    """A question: its file in each language."""

    pages: dict[str, Page]

    @property
    def slug(self) -> str:
        return PurePosixPath(self.pages[LANGUAGES.default].src_uri).stem

    @property
    def files(self) -> str:
        return f"docs/faq/{self.slug}(.en).md"


def pages(docs: Path) -> list[Page]:
    return [Page(docs, path.relative_to(docs).as_posix()) for path in sorted(docs.rglob("*.md"))]


def questions(docs: Path) -> list[Question]:
    """The questions with a file in every language, in the order of their `number`."""
    found = []
    for page in pages(docs):
        model = page.model()
        if page.language != LANGUAGES.default or not model.is_question:
            continue
        versions = {LANGUAGES.default: page, **{language: page.twin for language in LANGUAGES.all[1:]}}
        if all(version.path.exists() for version in versions.values()):
            found.append((page.number(), Question(versions)))
    return [question for _, question in sorted(found, key=lambda item: item[0])]


def pick(docs: Path, position: float) -> Question:
    """The question at a fraction of the list (0: the first, 1: the last): edits spread over the
    questions, whatever their number."""
    found = questions(docs)
    if not found:
        raise EditNotFound("no question with a file in every language")
    return found[min(len(found) - 1, int(position * len(found)))]


def sentences(paragraph: str) -> list[str]:
    return SENTENCE_END.split(paragraph.strip())


def figures(text: str) -> list[str]:
    return FIGURE.findall(text)


def with_figure_changed(text: str, old: str, new: str) -> str:
    """The text with its first figure `old` written `new`."""
    match = next(match for match in FIGURE.finditer(text) if match[0] == old)
    return text[: match.start()] + new + text[match.end() :]


def renumber(docs: Path, first: int, step: int) -> int:
    """Every question numbered `first` or more moves by `step`; how many moved."""
    moved = [question for question in questions(docs) if question.pages[LANGUAGES.default].number() >= first]
    for question in moved:
        for page in question.pages.values():
            page.set_number(page.number() + step)
    return len(moved)


# -- the edits, each returning what it did ------------------------------------------------------


def withdraw_a_question(docs: Path) -> str:
    """A question no other page links to goes (the middle one of those); the later ones move up."""
    found = questions(docs)
    others = pages(docs)

    def linked(question: Question) -> bool:
        own = {page.src_uri for page in question.pages.values()}
        return any(
            page.links_to(question.pages[LANGUAGES.default]) for page in others if page.src_uri not in own
        )

    candidates = [question for question in found[1:] if not linked(question)]
    if len(found) < 3 or not candidates:
        raise EditNotFound("no question that no other page links to, among three or more")
    withdrawn = candidates[len(candidates) // 2]
    number = withdrawn.pages[LANGUAGES.default].number()
    slug = PurePosixPath(withdrawn.pages[LANGUAGES.default].src_uri).stem
    for page in withdrawn.pages.values():
        page.path.unlink()
    later = renumber(docs, number + 1, -1)
    # As CONTRIBUTING.md says: its old address then says that it was withdrawn, and when.
    for language in LANGUAGES.all:
        list_withdrawn(Page(docs, LANGUAGES.uri_for(ALL_QUESTIONS, language)), f"{slug} {date.today()}")
    return f"withdrew {withdrawn.files}, listed as withdrawn, and renumbered the {later} questions after it"


def list_withdrawn(page: Page, entry: str) -> None:
    """`entry` added to the `withdrawn` list of an "all questions" page (the list made if none)."""
    line = page.model().key_line("withdrawn")
    if line is None:
        page.add_key(f"withdrawn:\n  - {entry}")
    elif page.lines()[line - 1].strip() == "withdrawn:":  # a list of lines: the new one first
        page.insert(line + 1, [f"  - {entry}"])
    else:
        raise EditNotFound(f"docs/{page.src_uri}: `withdrawn` is not a list of lines")


def insert_a_question(docs: Path) -> str:
    """A new question in the middle, in every language, with a learn-more link like the one of the
    question it comes before; that one and the later ones move down."""
    before = pick(docs, 0.5)
    number = before.pages[LANGUAGES.default].number()
    later = renumber(docs, number, 1)
    for language, (title, answer, learn_more) in NEW_QUESTION.items():
        model = before.pages[language].learn_more_links()[0]
        attributes = f"{{{model.attributes}}}" if model.attributes else ""
        suffix = "" if language == LANGUAGES.default else f".{language}"
        (docs / "faq" / f"{NEW_QUESTION_SLUG}{suffix}.md").write_text(
            f'---\nnumber: {number}\ndescription: "{answer}"\n---\n\n'
            f"# {title} {{#{NEW_QUESTION_SLUG}}}\n\n{answer}\n\n"
            f"## {learn_more} {{#learn-more}}\n\n- [{model.text}]({model.url}){attributes}\n",
            encoding="utf-8",
        )
    return (
        f"inserted docs/faq/{NEW_QUESTION_SLUG}(.en).md as question {number}, the {later} after it renumbered"
    )


def swap_two_questions(docs: Path) -> str:
    first, second = questions(docs)[:2]
    numbers = first.pages[LANGUAGES.default].number(), second.pages[LANGUAGES.default].number()
    for question, number in ((first, numbers[1]), (second, numbers[0])):
        for page in question.pages.values():
            page.set_number(number)
    return f"swapped questions {numbers[0]} and {numbers[1]}: {first.slug} and {second.slug}"


def rename_a_page(docs: Path) -> str:
    """A question's files renamed in every language, their old name in `renamed_from`, and every
    link to them updated: a question other pages link to, where there is one."""
    everything = pages(docs)
    linked = [
        question
        for question in questions(docs)
        if any(
            page.links_to(question.pages[LANGUAGES.default])
            for page in everything
            if not page.model().is_question
        )
    ]
    question = linked[0] if linked else pick(docs, 0.75)
    old = question.slug
    new = f"{old}{RENAMED_SUFFIX}"
    target = question.pages[LANGUAGES.default]
    updated = 0
    for page in pages(docs):
        for link in sorted(page.links_to(target), key=lambda link: (link.line, link.column), reverse=True):
            line = page.model().line(link.line)
            start = line.index(link.url, link.column - 1)
            url = link.url.replace(f"{old}.", f"{new}.", 1)
            page.replace_lines(link.line, link.line, [line[:start] + url + line[start + len(link.url) :]])
            updated += 1
    for page in question.pages.values():
        renamed = page.path.with_name(page.path.name.replace(old, new, 1))
        page.path.rename(renamed)
        Page(docs, renamed.relative_to(docs).as_posix()).add_key(f"renamed_from: [{old}]")
    return f"renamed docs/faq/{old}(.en).md to {new}, renamed_from: [{old}], {updated} links to it updated"


def update_a_figure(docs: Path) -> str:
    """A figure both first paragraphs of a question give (30 countries, 2014…) goes up by two, in the
    answer and, where it gives it too, in the description."""
    for question in questions(docs):
        paragraphs = {language: page.first_paragraph_text() for language, page in question.pages.items()}
        shared = [figure for figure in figures(paragraphs["fr"]) if figure in figures(paragraphs["en"])]
        if shared:
            old = shared[0]
            new = str(int(old) + 2)
            for language, page in question.pages.items():
                page.set_first_paragraph(with_figure_changed(paragraphs[language], old, new))
                line = page.model().key_line("description")
                if line is not None and old in figures(page.model().line(line)):
                    page.replace_lines(line, line, [with_figure_changed(page.model().line(line), old, new)])
            return f"updated the figure {old} to {new} in {question.files}"
    raise EditNotFound("no figure that both languages give in a question's first paragraph")


def rewrite_a_sentence(docs: Path) -> str:
    """The last sentence of a first paragraph of two sentences or more, in every language, where
    the last sentences give the same figures, and no description quotes them."""
    for question in reversed(questions(docs)):
        split = {
            language: sentences(page.first_paragraph_text()) for language, page in question.pages.items()
        }
        if (
            all(len(parts) > 1 for parts in split.values())
            and len({tuple(sorted(figures(parts[-1]))) for parts in split.values()}) == 1
            and not any("description" in page.model().meta for page in question.pages.values())
        ):
            for language, page in question.pages.items():
                page.set_first_paragraph(" ".join([*split[language][:-1], REWRITTEN_SENTENCE[language]]))
            return f"rewrote the last sentence of the answer in {question.files}"
    raise EditNotFound("no answer whose first paragraph has two sentences or more in every language")


def add_a_time_of_day(docs: Path) -> str:
    """A sentence giving a time of day, as each language writes it, at the end of a first paragraph."""
    question = pick(docs, 0.9)
    for language, page in question.pages.items():
        page.set_first_paragraph(f"{page.first_paragraph_text()} {TIME_OF_DAY[language]}")
    return f"added a time of day (« 14 h 30 », 2.30 pm) to {question.files}"


def add_an_image(docs: Path) -> str:
    """An image of docs/assets/, with its alt text in each language, before an answer's first
    paragraph (the answer then starts with it)."""
    image = docs / IMAGE
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(PNG)
    question = pick(docs, 0.25)
    for language, page in question.pages.items():
        relative = os.path.relpath(image, page.path.parent).replace(os.sep, "/")
        page.blocks_before_first_paragraph([f"![{IMAGE_ALT[language]}]({relative})"])
    return f"added docs/{IMAGE}, shown with its alt text before the answer of {question.files}"


def add_a_table(docs: Path) -> str:
    question = pick(docs, 0.4)
    for language, page in question.pages.items():
        page.blocks_after_first_paragraph(TABLE[language])
    return f"added a table after the first paragraph of {question.files}"


def add_a_quotation(docs: Path) -> str:
    question = pick(docs, 0.6)
    for language, page in question.pages.items():
        page.blocks_after_first_paragraph([QUOTATION[language]])
    return f"added a quotation after the first paragraph of {question.files}"


def add_a_link(docs: Path) -> str:
    """The first question gains a learn-more link another question has (a target editors use)."""
    first, *others = questions(docs)
    known = {
        language: {link.url for link in page.learn_more_links()} for language, page in first.pages.items()
    }
    for other in reversed(others):
        links = {language: page.learn_more_links()[-1] for language, page in other.pages.items()}
        if all(links[language].url not in known[language] for language in links):
            for language, page in first.pages.items():
                page.add_link(links[language].text, links[language].url)
            return f"added to {first.files} the last learn-more link of {other.slug}"
    raise EditNotFound("no learn-more link of another question that the first one lacks")


def change_a_title(docs: Path) -> str:
    """A question's title says more, in every language, before its question or exclamation mark;
    its id and attributes stay."""
    question = pick(docs, 0.2)
    for language, page in question.pages.items():
        title = page.title()
        words = title.title.rstrip()
        mark = re.search(r"[ \t\u00a0\u202f]*[?!]$", words)
        end = mark.start() if mark else len(words)
        new = f"{words[:end]}{TITLE_ADDITION[language]}{words[end:]}"
        attributes = f" {{{title.attributes}}}" if title.attributes else ""
        page.replace_lines(title.line, title.line, [f"{'#' * title.level} {new}{attributes}"])
    return f"changed the title of {question.files}"


def with_domain_allowed(config: str, domain: str) -> str:
    """mkdocs.yml's text with one more allowed domain, at the end of the list, in the list's style."""
    listing = DOMAIN_LIST.search(config)
    if listing is None:
        raise EditNotFound("mkdocs.yml has no list `allowed_link_domains:`")
    if listing["flow"] is not None:
        end = listing.end("flow")
        return f"{config[:end]}{', ' if listing['flow'].strip() else ''}{domain}{config[end:]}"
    end = listing.end("block")
    return f"{config[:end]}{listing['item']}- {domain}\n{config[end:]}"


def allow_another_domain(docs: Path) -> str:
    """mkdocs.yml allows one more domain, and a question links to it in every language."""
    config = docs.parent / "mkdocs.yml"
    config.write_text(with_domain_allowed(config.read_text(encoding="utf-8"), NEW_DOMAIN), encoding="utf-8")
    question = questions(docs)[-1]
    for language, page in question.pages.items():
        page.add_link(*NEW_DOMAIN_LINKS[language])
    return f"allowed {NEW_DOMAIN} in mkdocs.yml and linked to it from {question.files}"


def add_an_abbreviation(docs: Path) -> str:
    """Issue 25: an abbreviation defined in each language's glossary (glossary/<language>.md) and
    used in a sentence of an answer. Made only where the site has its glossaries."""
    question = pick(docs, 0.1)
    for language, page in question.pages.items():
        abbreviation, meaning, sentence = ABBREVIATION[language]
        glossary = docs.parent / "glossary" / f"{language}.md"
        glossary.write_text(
            glossary.read_text(encoding="utf-8").rstrip("\n") + f"\n*[{abbreviation}]: {meaning}\n",
            encoding="utf-8",
        )
        page.set_first_paragraph(f"{page.first_paragraph_text()} {sentence}")
    return f"defined an abbreviation in glossary/ and used it in {question.files}"


def has_glossaries(docs: Path) -> bool:
    return all((docs.parent / "glossary" / f"{language}.md").is_file() for language in LANGUAGES.all)


def french_first(docs: Path) -> str:
    """Issue 24: a French-only sentence with a date and a figure, its translation to come."""
    question = pick(docs, 0.0)
    page = question.pages[LANGUAGES.default]
    page.set_first_paragraph(f"{page.first_paragraph_text()} {FRENCH_FIRST}")
    return f"a French-only sentence with a date and a figure in docs/faq/{question.slug}.md, committed alone"


EDITS: list[Callable[[Path], str]] = [
    withdraw_a_question,
    insert_a_question,
    swap_two_questions,
    update_a_figure,
    rewrite_a_sentence,
    add_a_time_of_day,
    add_an_image,
    add_a_table,
    add_a_quotation,
    add_a_link,
    change_a_title,
    allow_another_domain,
    rename_a_page,
]


# -- another FAQ --------------------------------------------------------------------------------


def replace_the_faq(docs: Path, faq: Path) -> str:
    """The copy's docs/ becomes another FAQ's, with every domain its links lead to allowed."""
    shutil.rmtree(docs)
    shutil.copytree(faq, docs)
    suffixes = PublicSuffixList()
    config = docs.parent / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    allowed = []
    for page in pages(docs):
        for link in page.model().links:
            host = urlsplit(link.url).hostname
            domain = suffixes.privatesuffix(host) if host and link.url.startswith("https://") else None
            if domain and domain not in allowed and not re.search(rf"- {re.escape(domain)}\n", text):
                text = with_domain_allowed(text, domain)
                allowed.append(domain)
    config.write_text(text, encoding="utf-8")
    return f"replaced docs/ with {faq}, allowing {', '.join(allowed) or 'no other domain'}"


# -- the copy ---------------------------------------------------------------------------------


def git(directory: Path, *arguments: str) -> str:
    identity = ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]
    process = subprocess.run(
        ["git", *identity, *arguments], cwd=directory, capture_output=True, text=True, check=True
    )
    return process.stdout


def copy_project(project: Path, copy: Path) -> None:
    """A clone with the project's history (the pages' dates come from it), plus its uncommitted changes:
    what a reviewer would merge, before the editors' edits."""
    head = git(project, "rev-parse", "HEAD").strip()
    git(project.parent, "clone", "--quiet", "--no-checkout", str(project), str(copy))
    git(copy, "checkout", "--quiet", "-B", "editors-edits", head)
    listed = git(project, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source, target = project / name, copy / name
        if source.is_file() and not source.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        elif not source.exists() and target.exists():
            target.unlink()
    git(copy, "add", "--all")
    if git(copy, "status", "--porcelain").strip():
        git(copy, "commit", "--quiet", "--message", "Uncommitted changes of the project")


def commit(copy: Path, message: str) -> None:
    git(copy, "add", "--all")
    git(copy, "commit", "--quiet", "--message", message)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("copy", type=Path, help="a new directory, outside the project")
    parser.add_argument(
        "--french-first",
        action="store_true",
        help="then commit, alone, a French-only change (the build accepts it once issue 24 is in)",
    )
    parser.add_argument("--faq", type=Path, help="make no edit: the copy's docs/ becomes this folder's pages")
    arguments = parser.parse_args()
    copy = arguments.copy.resolve()
    if copy.exists() or copy.is_relative_to(PROJECT):
        parser.error(f"{copy} must be a new directory outside the project")
    copy_project(PROJECT, copy)
    docs = copy / "docs"
    try:
        if arguments.faq is not None:
            print(f"editor_edits: {replace_the_faq(docs, arguments.faq.resolve())}")
            commit(copy, "Another FAQ")
            return 0
        edits = [*EDITS, *([add_an_abbreviation] if has_glossaries(docs) else [])]
        for edit in edits:
            print(f"editor_edits: {edit(docs)}")
        commit(copy, "Editors' edits")
        if arguments.french_first:
            print(f"editor_edits: {french_first(docs)}")
            commit(copy, "French first: the English follows later")
    except (EditNotFound, IndexError) as error:
        print(f"editor_edits: cannot derive the edits from the pages' structure: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    os.environ.setdefault("GIT_TERMINAL_PROMPT", "0")
    sys.exit(main())

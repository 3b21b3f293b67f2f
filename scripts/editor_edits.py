"""Copy the project and edit the copy as editors edit the FAQ, so that CI can test the copy.

    uv run scripts/editor_edits.py COPY_DIR

COPY_DIR (new, outside the project) becomes a clone of the project with its
history and its uncommitted changes, plus one more commit, "Editors' edits",
that makes the correct edits editors make, in both languages:

- a figure updated, and a sentence of an answer rewritten;
- a question withdrawn (the later ones renumbered), a question added, two questions swapped;
- a learn-more link added, and a question's title changed (its id kept);
- another domain allowed in mkdocs.yml, and a learn-more link to it.

Each edit is found from the pages' structure (front matter `number`, the H1,
the first paragraph of text, the learn-more list, the list of allowed
domains), never from today's wording: the script works on whatever the pages
say. .ci/run then runs the offline tests inside the copy; a test that pins
today's text fails there, in the project's CI, rather than in the next
editor's pull request.

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
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
LANGUAGES = ("fr", "en")
# Another domain an editor allows, and a page of it in each language.
NEW_DOMAIN = "un.org"
NEW_DOMAIN_LINKS = {
    "fr": ("Nations unies", "https://www.un.org/fr/"),
    "en": ("United Nations", "https://www.un.org/en/"),
}
# Text an editor writes: a sentence that replaces another, a new question.
REWRITTEN_SENTENCE = {"fr": "Les Alliés l'ont réaffirmé depuis.", "en": "Allies have reaffirmed this since."}
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

FRONT_MATTER = re.compile(r"\A---\n(?P<keys>.*?\n)---\n", re.DOTALL)
NUMBER = re.compile(r"^number:[ \t]*(?P<number>\d+)[ \t]*$", re.MULTILINE)
H1 = re.compile(r"^# (?P<title>.*?)(?P<mark>[ \t]*[?!])?[ \t]*(?P<id>\{#[\w-]+\})[ \t]*$", re.MULTILINE)
LEARN_MORE = re.compile(r"^##[ \t].*\{#learn-more\}[ \t]*$", re.MULTILINE)
LINK_ITEM = re.compile(r"^- \[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)\)", re.MULTILINE)
# A block of text, not a heading, list, HTML, comment, admonition, quote or table.
NOT_PROSE = re.compile(r"[ \t]*(?:#|[-*+][ \t]|\d+[.)][ \t]|<|\{|!|>|\||\[\^)")
SENTENCE_END = re.compile(r"(?<=[.?!])[ \t]+(?=\S)")
# A figure an editor updates: a whole number of two digits or more, not a part of a longer one.
FIGURE = re.compile(r"(?<![\d,.])(?<!\d[ \u00a0\u202f])\d{2,}(?![\d,.]\d|[ \u00a0\u202f]\d{3})")
# The list of allowed domains in mkdocs.yml, wherever it is: its last item, with its indentation.
# The list of allowed domains in mkdocs.yml, wherever it is (extra.faq or the faq plugin's
# options), one item per line or `[a, b]`.
DOMAIN_LIST = re.compile(
    r"allowed_link_domains:(?:[ \t]*\[(?P<flow>[^\]\n]*)\]|[ \t]*\n(?P<block>(?:(?P<item>[ \t]+)- \S+\n)+))"
)


class EditNotFound(Exception):
    """The pages' structure does not offer what an edit needs."""


@dataclass
class Page:
    """One Markdown file of the copy, edited as text."""

    path: Path

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @text.setter
    def text(self, value: str) -> None:
        self.path.write_text(value, encoding="utf-8")

    def body_start(self) -> int:
        match = FRONT_MATTER.match(self.text)
        return match.end() if match else 0

    def number(self) -> int:
        match = FRONT_MATTER.match(self.text)
        found = NUMBER.search(match["keys"]) if match else None
        if found is None:
            raise EditNotFound(f"{self.path.name} has no `number` in its front matter")
        return int(found["number"])

    def set_number(self, number: int) -> None:
        end = self.body_start()
        keys = NUMBER.sub(f"number: {number}", self.text[:end], count=1)
        self.text = keys + self.text[end:]

    def update_description(self, old: str, new: str) -> None:
        """The figure `old` of the front matter's description, if it gives it, becomes `new`."""
        end = self.body_start()
        lines = self.text[:end].split("\n")
        for index, line in enumerate(lines):
            if line.startswith("description:") and old in figures(line):
                lines[index] = with_figure_changed(line, old, new)
        self.text = "\n".join(lines) + self.text[end:]

    def title(self) -> re.Match[str]:
        match = H1.search(self.text, self.body_start())
        if match is None:
            raise EditNotFound(f"{self.path.name} has no title line `# … {{#id}}`")
        return match

    def first_paragraph(self) -> str:
        """The first block of text after the title: the answer's first paragraph."""
        blocks = re.split(r"\n[ \t]*\n", self.text[self.title().end() :])
        for block in blocks:
            if block.strip() and not NOT_PROSE.match(block):
                return block.strip("\n")
        raise EditNotFound(f"{self.path.name} has no paragraph of text after its title")

    def replace(self, old: str, new: str) -> None:
        start = self.body_start()
        index = self.text.index(old, start)
        self.text = self.text[:index] + new + self.text[index + len(old) :]

    def learn_more_links(self) -> list[re.Match[str]]:
        heading = LEARN_MORE.search(self.text)
        if heading is None:
            raise EditNotFound(f"{self.path.name} has no learn-more heading `## … {{#learn-more}}`")
        return list(LINK_ITEM.finditer(self.text, heading.end()))

    def add_link(self, text: str, url: str) -> None:
        links = self.learn_more_links()
        if not links:
            raise EditNotFound(f"{self.path.name} has no learn-more list")
        end = self.text.index("\n", links[-1].end()) if "\n" in self.text[links[-1].end() :] else None
        item = f"\n- [{text}]({url})"
        self.text = self.text + item if end is None else self.text[:end] + item + self.text[end:]


@dataclass
class Question:
    """A question: its French and English files."""

    fr: Page
    en: Page

    @property
    def slug(self) -> str:
        return self.fr.path.stem

    def pages(self) -> dict[str, Page]:
        return {"fr": self.fr, "en": self.en}


def questions(docs: Path) -> list[Question]:
    """The questions with both files, in the order of their `number`."""
    found = []
    for path in sorted((docs / "faq").glob("*.md")):
        if path.name.count(".") > 1 or path.stem == "index":
            continue
        english = path.with_name(f"{path.stem}.en.md")
        if english.exists():
            question = Question(Page(path), Page(english))
            found.append((question.fr.number(), question))
    return [question for _, question in sorted(found, key=lambda item: item[0])]


def sentences(paragraph: str) -> list[str]:
    return SENTENCE_END.split(paragraph.strip())


def figures(text: str) -> list[str]:
    return FIGURE.findall(text)


def with_figure_changed(text: str, old: str, new: str) -> str:
    """The text with its first figure `old` written `new`."""
    match = next(match for match in FIGURE.finditer(text) if match[0] == old)
    return text[: match.start()] + new + text[match.end() :]


# -- the edits, each returning what it did ------------------------------------------------------


def withdraw_a_question(docs: Path) -> str:
    """The middle question no other page links to goes; the later ones move up by one."""
    all_questions = questions(docs)
    texts = {path: path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}

    def linked(question: Question) -> bool:
        names = [question.fr.path.name, question.en.path.name]
        return any(
            f"{name})" in text or f"{name}#" in text
            for path, text in texts.items()
            if path not in (question.fr.path, question.en.path)
            for name in names
        )

    candidates = [q for q in all_questions[1:] if not linked(q)]
    if len(all_questions) < 3 or not candidates:
        raise EditNotFound("no question that no other page links to, among three or more")
    withdrawn = candidates[len(candidates) // 2]
    position = all_questions.index(withdrawn)
    withdrawn.fr.path.unlink()
    withdrawn.en.path.unlink()
    for number, question in enumerate(all_questions[position + 1 :], start=position + 1):
        for page in question.pages().values():
            page.set_number(number)
    later = len(all_questions) - position - 1
    return f"withdrew docs/faq/{withdrawn.slug}(.en).md and renumbered the {later} questions after it"


def add_a_question(docs: Path) -> str:
    """A new last question, in both languages, with a learn-more link like the first question's."""
    existing = questions(docs)
    number = len(existing) + 1
    for language, (title, answer, learn_more) in NEW_QUESTION.items():
        model = existing[0].pages()[language].learn_more_links()
        if not model:
            raise EditNotFound(f"{existing[0].pages()[language].path.name} has no learn-more link to copy")
        suffix = "" if language == LANGUAGES[0] else f".{language}"
        (docs / "faq" / f"{NEW_QUESTION_SLUG}{suffix}.md").write_text(
            f'---\nnumber: {number}\ndescription: "{answer}"\n---\n\n'
            f"# {title} {{#{NEW_QUESTION_SLUG}}}\n\n{answer}\n\n"
            f"## {learn_more} {{#learn-more}}\n\n{model[0][0]}\n",
            encoding="utf-8",
        )
    return f"added docs/faq/{NEW_QUESTION_SLUG}(.en).md as question {number}"


def swap_two_questions(docs: Path) -> str:
    first, second = questions(docs)[:2]
    for page in first.pages().values():
        page.set_number(2)
    for page in second.pages().values():
        page.set_number(1)
    return f"swapped questions 1 and 2: {first.slug} and {second.slug}"


def update_a_figure(docs: Path) -> str:
    """A figure both first paragraphs of a question give (30 countries, 2014…) goes up by two, in the
    answer and, where it gives it too, in the description."""
    for question in questions(docs):
        paragraphs = {language: page.first_paragraph() for language, page in question.pages().items()}
        shared = [figure for figure in figures(paragraphs["fr"]) if figure in figures(paragraphs["en"])]
        if shared:
            old = shared[0]
            new = str(int(old) + 2)
            for language, page in question.pages().items():
                page.replace(paragraphs[language], with_figure_changed(paragraphs[language], old, new))
                page.update_description(old, new)
            return f"updated the figure {old} to {new} in docs/faq/{question.slug}(.en).md"
    raise EditNotFound("no figure that both languages give in a question's first paragraph")


def rewrite_a_sentence(docs: Path) -> str:
    """The last sentence of a first paragraph, in both languages, where both end with the same figures."""
    for question in reversed(questions(docs)):
        paragraphs = {language: page.first_paragraph() for language, page in question.pages().items()}
        split = {language: sentences(paragraph) for language, paragraph in paragraphs.items()}
        if (
            all(len(parts) > 1 for parts in split.values())
            and len({tuple(sorted(figures(parts[-1]))) for parts in split.values()}) == 1
        ):
            for language, page in question.pages().items():
                rewritten = " ".join([*split[language][:-1], REWRITTEN_SENTENCE[language]])
                page.replace(paragraphs[language], rewritten)
            return f"rewrote the last sentence of the answer in docs/faq/{question.slug}(.en).md"
    raise EditNotFound("no answer whose first paragraph has two sentences or more in both languages")


def add_a_link(docs: Path) -> str:
    """The first question gains a learn-more link another question has (a target editors use)."""
    first, *others = questions(docs)
    for other in reversed(others):
        links = {language: page.learn_more_links() for language, page in other.pages().items()}
        known = {
            language: {link["url"] for link in page.learn_more_links()}
            for language, page in first.pages().items()
        }
        if all(
            links[language] and links[language][-1]["url"] not in known[language] for language in LANGUAGES
        ):
            for language, page in first.pages().items():
                page.add_link(links[language][-1]["text"], links[language][-1]["url"])
            return f"added to docs/faq/{first.slug}(.en).md the last learn-more link of {other.slug}"
    raise EditNotFound("no learn-more link of another question that the first one lacks")


def change_a_title(docs: Path) -> str:
    """A question's title says more, in both languages; its id stays."""
    question = questions(docs)[1]
    for language, page in question.pages().items():
        title = page.title()
        page.replace(
            title[0], f"# {title['title']}{TITLE_ADDITION[language]}{title['mark'] or ''} {title['id']}"
        )
    return f"changed the title of docs/faq/{question.slug}(.en).md"


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
    """mkdocs.yml allows one more domain, and a question links to it in both languages."""
    config = docs.parent / "mkdocs.yml"
    config.write_text(with_domain_allowed(config.read_text(encoding="utf-8"), NEW_DOMAIN), encoding="utf-8")
    question = questions(docs)[-1]
    for language, page in question.pages().items():
        page.add_link(*NEW_DOMAIN_LINKS[language])
    return f"allowed {NEW_DOMAIN} in mkdocs.yml and linked to it from docs/faq/{question.slug}(.en).md"


EDITS: list[Callable[[Path], str]] = [
    withdraw_a_question,
    add_a_question,
    swap_two_questions,
    update_a_figure,
    rewrite_a_sentence,
    add_a_link,
    change_a_title,
    allow_another_domain,
]


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("copy", type=Path, help="a new directory, outside the project")
    copy = parser.parse_args().copy.resolve()
    if copy.exists() or copy.is_relative_to(PROJECT):
        parser.error(f"{copy} must be a new directory outside the project")
    copy_project(PROJECT, copy)
    docs = copy / "docs"
    try:
        for edit in EDITS:
            print(f"editor_edits: {edit(docs)}")
    except (EditNotFound, IndexError) as error:
        print(f"editor_edits: cannot derive the edits from the pages' structure: {error}", file=sys.stderr)
        return 2
    git(copy, "add", "--all")
    git(copy, "commit", "--quiet", "--message", "Editors' edits")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("GIT_TERMINAL_PROMPT", "0")
    sys.exit(main())

"""Every editor mistake stops the build with a message that names the file.

Each test copies the project's build inputs to a temporary directory, makes one
mistake there, builds with --strict, and checks that the build fails, that its
message names the file (and the line, where there is one) and says what to do,
and that neither the copy nor the project's own docs/ was rewritten.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import PROJECT, build


def snapshot(directory: Path) -> dict[str, str]:
    return {
        path.relative_to(directory).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass(frozen=True)
class Mistake:
    name: str
    make: Callable[[Path], None]  # breaks the docs/ it is given
    expected: tuple[str, ...]  # what the build's message must say (regular expressions)


QUESTION = "faq/what-is-nato.md"
QUESTION_EN = "faq/what-is-nato.en.md"
# The answer's only sentence, on line 8 of QUESTION.
BODY = "composée de 30 pays européens et nord-américains."

MISTAKES = [
    Mistake(
        "missing translation",
        lambda docs: (docs / QUESTION_EN).unlink(),
        (re.escape(f"docs/{QUESTION}: has no English version. Create docs/{QUESTION_EN}"),),
    ),
    Mistake(
        "link to a page that does not exist",
        lambda docs: edit(docs / QUESTION, BODY, BODY[:-1] + " ([voir](membres.md))."),
        (
            re.escape(f"docs/{QUESTION}:8: Doc file '{QUESTION}' contains a link 'membres.md'"),
            "not found",
            re.escape("Point it to an existing page"),
        ),
    ),
    Mistake(
        "link to an anchor that does not exist",
        lambda docs: edit(docs / QUESTION, BODY, BODY[:-1] + " ([voir](why-does-nato-exist.md#article-5))."),
        (
            re.escape(f"docs/{QUESTION}:8: Doc file '{QUESTION}'"),
            re.escape("does not contain an anchor '#article-5'"),
            re.escape("Use one of the `{#…}` ids of that page"),
        ),
    ),
    Mistake(
        "question without a learn-more section",
        lambda docs: edit(
            docs / QUESTION,
            "## Pour en savoir plus {#learn-more}\n\n- [Qu'est-ce que l'OTAN ?](https://www.nato.int/nato-welcome/index_fr.html)\n",
            "",
        ),
        (re.escape(f"docs/{QUESTION}: this question has no learn-more section"),),
    ),
    Mistake(
        "empty learn-more list",
        lambda docs: edit(
            docs / QUESTION,
            "- [Qu'est-ce que l'OTAN ?](https://www.nato.int/nato-welcome/index_fr.html)\n",
            "",
        ),
        (re.escape(f"docs/{QUESTION}:10: the learn-more list is empty"),),
    ),
    Mistake(
        "learn-more link without https",
        lambda docs: edit(
            docs / QUESTION, "https://www.nato.int/nato-welcome", "http://www.nato.int/nato-welcome"
        ),
        (
            re.escape(
                f"docs/{QUESTION}:12: the learn-more link "
                "`http://www.nato.int/nato-welcome/index_fr.html` does not use https"
            ),
        ),
    ),
    Mistake(
        "learn-more link outside the allowed domains",
        lambda docs: edit(
            docs / QUESTION, "https://www.nato.int/nato-welcome", "https://nato.example.com/nato-welcome"
        ),
        (
            re.escape(f"docs/{QUESTION}:12: the learn-more link"),
            re.escape("nato.example.com, which is not an allowed domain (nato.int)"),
            re.escape("extra.faq.allowed_link_domains"),
        ),
    ),
    Mistake(
        "front matter without a required key",
        lambda docs: edit(docs / QUESTION, "number: 1\n", ""),
        (re.escape(f"docs/{QUESTION}:1: the front matter has no `number`"),),
    ),
    Mistake(
        "front matter value of the wrong type",
        lambda docs: edit(docs / QUESTION_EN, "number: 1\n", "number: one\n"),
        (re.escape(f"docs/{QUESTION_EN}:1: `number` in the front matter must be a whole number, not 'one'"),),
    ),
    Mistake(
        "two questions with the same number",
        lambda docs: edit(docs / "faq/why-does-nato-exist.md", "number: 2\n", "number: 1\n"),
        (re.escape("has number 1, like docs/faq/why-does-nato-exist.md"),),
    ),
    Mistake(
        "a gap in the numbering",
        lambda docs: [
            edit(docs / "faq/why-does-nato-exist.md", "number: 2\n", "number: 12\n"),
            edit(docs / "faq/why-does-nato-exist.en.md", "number: 2\n", "number: 12\n"),
        ],
        (re.escape("docs/faq/is-ukraine-a-nato-member.md:1: has number 3, but no question has number 2"),),
    ),
    Mistake(
        "twins with different heading ids",
        lambda docs: edit(docs / QUESTION_EN, "## Learn more {#learn-more}", "## Learn more {#more}"),
        (
            re.escape(
                f"docs/{QUESTION_EN}: its heading ids ['what-is-nato', 'more'] "
                f"differ from those of docs/{QUESTION}"
            ),
        ),
    ),
    Mistake(
        "heading without an explicit id",
        lambda docs: edit(docs / QUESTION_EN, "## Learn more {#learn-more}", "## Learn more"),
        (re.escape(f"docs/{QUESTION_EN}:10: the heading “Learn more” has no explicit id"),),
    ),
    Mistake(
        "link with empty text",
        lambda docs: edit(docs / QUESTION, BODY, BODY[:-1] + " [](https://www.nato.int/)."),
        (re.escape(f"docs/{QUESTION}:8: the link to `https://www.nato.int/` has no text"),),
    ),
]


@pytest.fixture(scope="module")
def original_docs() -> dict[str, str]:
    return snapshot(PROJECT / "docs")


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_mistake_stops_the_build_and_names_the_file(
    mistake: Mistake, project_copy: Path, original_docs: dict[str, str], tmp_path: Path
) -> None:
    docs = project_copy / "docs"
    mistake.make(docs)
    broken = snapshot(docs)

    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")

    assert result.returncode != 0, f"the build passed despite: {mistake.name}\n{result.output}"
    for expected in mistake.expected:
        assert re.search(expected, result.output), f"{expected!r} not in:\n{result.output}"
    # One message per problem, for the file the editor changed: the "all
    # questions" page, which repeats every answer, does not report it again.
    assert "faq/index.md" not in result.output, result.output
    # Nothing the editor wrote is lost or rewritten, in the copy or in the project.
    assert snapshot(docs) == broken
    assert snapshot(PROJECT / "docs") == original_docs


def test_the_unbroken_copy_builds(project_copy: Path, tmp_path: Path) -> None:
    # The mistakes above are the only reason those builds fail.
    result = build(project_copy, tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.output

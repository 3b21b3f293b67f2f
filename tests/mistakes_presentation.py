"""Editor mistakes of issue 25: what snippets would include (a page's `--8<--`, a glossary that
is not one), and an About page that no longer names its publisher or contact.

Each `make(docs)` makes one mistake in a copy's docs/ (or its glossary/, beside it), and returns
the exact lines the build must print. tests/test_editor_errors.py adds them to its MISTAKES.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from page_editing import SourcePage, questions

from faq_site.markdown.abbreviations import GLOSSARY
from faq_site.readers.unofficial import CONTACT, PUBLISHER

Make = Callable[[Path], list[str]]
GLOSSARY_LINE = (
    "A glossary holds one abbreviation a line, its meaning after a colon: `*[UE]: Union européenne`."
)


def append(page: SourcePage, text: str) -> int:
    """Adds a paragraph at the end of the page; returns its line."""
    lines = page.lines()
    end = len(lines) - 1 if lines[-1] == "" else len(lines)
    lines[end:end] = ["", text]
    page.write(lines)
    return end + 2


def included(where: str, line: int, written: str, language: str) -> str:
    return (
        f"{where}:{line}: the line `{written}` would include another file into the page: pages hold their "
        f"own text only. Delete it; abbreviations go in {GLOSSARY}/{language}.md."
    )


def page_includes_the_configuration(docs: Path) -> list[str]:
    """`--8<-- "../mkdocs.yml"` in a French question: never rendered (snippets would read it)."""
    page = questions(docs, "fr")[-1]
    written = '--8<-- "../mkdocs.yml"'
    return [included(page.where, append(page, written), written, "fr")]


def page_includes_an_absolute_path(docs: Path) -> list[str]:
    """An absolute path, and the block form, in an English question."""
    page = questions(docs, "en")[-1]
    first = append(page, '--8<-- "/etc/hostname"')
    block = append(page, "--8<--")
    lines = page.lines()
    lines[block:block] = ["/etc/passwd", "--8<--"]
    page.write(lines)
    return [
        included(page.where, first, '--8<-- "/etc/hostname"', "en"),
        included(page.where, block, "--8<--", "en"),
        included(page.where, block + 2, "--8<--", "en"),
    ]


def glossary(docs: Path, language: str) -> Path:
    folder = docs.parent / GLOSSARY
    folder.mkdir(exist_ok=True)
    return folder / f"{language}.md"


def glossary_includes_a_file(docs: Path) -> list[str]:
    """The glossary, which snippets appends to every page, including another file."""
    path = glossary(docs, "fr")
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    written = '--8<-- "../mkdocs.yml"'
    path.write_text("\n".join([*lines, written, "<b>Union</b>", ""]), encoding="utf-8")
    return [
        f"{GLOSSARY}/fr.md:{len(lines) + 1}: `{written}` is not an abbreviation. {GLOSSARY_LINE}",
        f"{GLOSSARY}/fr.md:{len(lines) + 2}: `<b>Union</b>` is not an abbreviation. {GLOSSARY_LINE}",
    ]


def glossary_of_no_language(docs: Path) -> list[str]:
    """A file in glossary/ that is no language's glossary, and a glossary not in UTF-8."""
    (docs.parent / GLOSSARY / "notes.txt").write_text("*[UE]: Union européenne\n", encoding="utf-8")
    glossary(docs, "en").write_bytes("*[EU]: Union europ\u00e9enne\n".encode("latin-1"))
    return [
        f"{GLOSSARY}/en.md: is not saved as UTF-8 text. Save it again as UTF-8.",
        f"{GLOSSARY}/notes.txt: only the glossaries belong in {GLOSSARY}/: {GLOSSARY}/fr.md or "
        f"{GLOSSARY}/en.md. Move it elsewhere.",
    ]


def about_page_without_its_publisher(docs: Path) -> list[str]:
    """The English About page's publisher and contact markers deleted: nothing names them."""
    page = SourcePage(docs, "about.en.md")
    page.write([line.replace(PUBLISHER, "us").replace(CONTACT, "our issues") for line in page.lines()])
    return [
        f"{page.where}: the About page does not name the site's contact. Write `{CONTACT}` where it goes: "
        "the build writes there the faq plugin's `contact` setting (mkdocs.yml), or the repository's "
        "issues page.",
        f"{page.where}: the About page does not name the site's publisher. Write `{PUBLISHER}` where it "
        "goes: the build writes there the faq plugin's `publisher` setting (mkdocs.yml), or the "
        "repository's owner.",
    ]


PRESENTATION_MISTAKES: list[tuple[str, Make]] = [
    ("a page includes the configuration", page_includes_the_configuration),
    ("a page includes an absolute path", page_includes_an_absolute_path),
    ("a glossary includes a file", glossary_includes_a_file),
    ("a glossary of no language", glossary_of_no_language),
    ("an About page without its publisher", about_page_without_its_publisher),
]

"""Only pages and their images in docs/, with names an editor cannot get wrong.

Everything in docs/ is published: a stray `brouillon.txt` or a Word lock file
`~$x.docx` would be too. docs/ is the editors' content; the site's own code
(stylesheet, scripts, favicon) is the theme's, in overrides/assets/, published
at the same addresses. Page files are named in lower-case kebab-case (their
name is their address), the default language's without a language suffix, the
others' with theirs (`.en`), in docs/ or docs/faq/, and saved as UTF-8. A file
that breaks one of these rules stops the build when the files are collected,
with what to rename, move or delete; MkDocs could not render it sensibly.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from mkdocs.structure.files import File, Files

from faq_site.languages import Languages
from faq_site.messages.problems import Problem
from faq_site.sources.names import ASSETS_DIR, KEBAB_CASE, QUESTIONS_DIR, kebab_case
from faq_site.sources.page import MarkdownPage


def file_problems(files: Files, docs_dir: Path, languages: Languages) -> list[Problem]:
    """What is wrong with the files of docs/ themselves (the theme's own files are not the editors')."""
    docs_dir = docs_dir.resolve()
    return [
        problem
        for file in files
        if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs_dir)
        if (problem := file_problem(file, languages)) is not None
    ]


def markdown_sources(files: Files, languages: Languages) -> list[MarkdownPage]:
    """Every Markdown page the editors wrote, in every language, sorted by path.

    Pages with a wrong name or place are left out: that one message says what
    to do, and nothing else is said of them.
    """
    return sorted(
        (
            MarkdownPage.read(file, languages)
            for file in files.documentation_pages()
            if name_problem(file, languages) is None
        ),
        key=lambda source: source.src_uri,
    )


_COPY = re.compile(r"(?P<original>.+?)(?: copy(?: \d+)?| \(\d+\)| - cop(?:y|ie)(?: \(\d+\))?)", re.IGNORECASE)
_LANGUAGE_SUFFIX = re.compile(r"(?P<stem>.+)\.(?P<language>[A-Za-z]{2})")
PAGE_FOLDERS = ("", QUESTIONS_DIR)


def file_problem(file: File, languages: Languages) -> Problem | None:
    """What is wrong with a file of docs/ itself (its name, place or encoding), if anything."""
    return name_problem(file, languages) or encoding_problem(file)


def name_problem(file: File, languages: Languages) -> Problem | None:
    """What is wrong with a file's name or place in docs/, if anything."""
    path = PurePosixPath(file.src_uri)
    folder = "" if path.parent.as_posix() == "." else path.parent.as_posix()
    if path.name.startswith(("~$", "~")) or path.name.endswith(("~", ".tmp", ".bak")):
        return Problem(
            file.src_uri,
            "is a temporary or lock file (Word and other editors leave one while a document is open), "
            "not part of the site. Close the document and delete this file.",
        )
    if not file.is_documentation_page():
        if folder == ASSETS_DIR or folder.startswith(f"{ASSETS_DIR}/"):
            return None if is_folder_keeper(file) else asset_type_problem(file)
        return Problem(
            file.src_uri,
            "only pages (.md files) and their images (docs/assets/) belong in docs/, and everything in it "
            "is published. Move this file out of docs/ or delete it.",
        )
    if path.suffix != ".md":
        return Problem(file.src_uri, f"pages end in `.md`. Rename it to {path.stem}.md.")
    name = path.name.removesuffix(".md")
    language = ""
    if match := _LANGUAGE_SUFFIX.fullmatch(name):
        name, language = match["stem"], match["language"]
    where = f"docs/{folder}/" if folder else "docs/"
    default, other = languages.default, (languages.others or ("xx",))[0]
    if language == default:
        return Problem(
            file.src_uri,
            f"{languages.name(default)} pages have no language suffix. Rename it to {where}{name}.md "
            f"(the {languages.name(other)} version is {name}.{other}.md).",
        )
    if language and language not in languages.all:
        return Problem(
            file.src_uri,
            f"`.{language}` is not a language of this site ({', '.join(languages.all)}). Name the "
            f"{languages.name(default)} page {name}.md and the {languages.name(other)} one "
            f"{name}.{other}.md.",
        )
    suffix = f".{language}.md" if language else ".md"
    if copy := _COPY.fullmatch(name):
        original = f"{where}{copy['original']}{suffix}"
        return Problem(
            file.src_uri,
            f"looks like a copy of {original}. Delete it; for a new page, give it its own name in lower "
            f"case with hyphens, such as {where}{kebab_case(copy['original'])}-2{suffix}.",
        )
    if folder not in PAGE_FOLDERS:
        target = "" if folder == ASSETS_DIR else QUESTIONS_DIR
        target_where = f"docs/{target}/" if target else "docs/"
        return Problem(
            file.src_uri,
            f"pages are in docs/ (home and general pages) or docs/{QUESTIONS_DIR}/ (questions), not in "
            f"sub-folders. Move it to {target_where}{kebab_case(name)}{suffix}.",
        )
    if not folder and not language and name in languages.others:
        # `docs/en.md` is published at `en/`, where the English home page is: one replaces the other.
        return Problem(
            file.src_uri,
            f"would be published at {name}/, the address of the {languages.name(name)} home page, which "
            "would replace it. Give it another name (and its other language's file alike).",
        )
    if not KEBAB_CASE.fullmatch(name):
        return Problem(
            file.src_uri,
            "a page's file name is in lower case, without accents or spaces, words joined by hyphens. "
            f"Rename it to {where}{kebab_case(name)}{suffix} (and its other language's file alike).",
        )
    return None


# What docs/assets/ may publish, by type (the ending of the name, in any case): the images pages
# show. Anything else would be published as it is, on the site's own address: an .html or .xhtml
# page without the site's Content-Security-Policy, a stylesheet or a script that pages could load.
# The site's own stylesheet and scripts are code, in the theme (overrides/assets/).
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico")


def asset_type_problem(file: File) -> Problem | None:
    """A file of docs/assets/ of a type the site does not publish, if it is one."""
    suffix = PurePosixPath(file.src_uri).suffix.lower()
    if suffix in IMAGE_TYPES:
        return None
    return Problem(
        file.src_uri,
        f"a file of this type ({suffix or 'no ending'}) is not published from docs/{ASSETS_DIR}/: only "
        f"images ({', '.join(IMAGE_TYPES)}) belong there. Move this file out of docs/ or delete it.",
    )


def is_folder_keeper(file: File) -> bool:
    """An empty `.gitkeep`: git keeps no empty folder, so docs/assets/ holds one until it holds an
    image. MkDocs publishes no file whose name starts with a dot (`exclude_docs`)."""
    return (
        PurePosixPath(file.src_uri).name == ".gitkeep"
        and file.inclusion.is_excluded()
        and not file.content_bytes
    )


def encoding_problem(file: File) -> Problem | None:
    if not file.is_documentation_page():
        return None
    try:
        file.content_bytes.decode("utf-8")
    except UnicodeDecodeError as error:
        line = file.content_bytes[: error.start].count(b"\n") + 1
        return Problem(
            file.src_uri,
            "is not saved as UTF-8 text, so its accents would be garbled. Save it again with the "
            "encoding UTF-8 (in most editors: Save As, Encoding: UTF-8).",
            line,
        )
    return None


def address_problems(sources: list[MarkdownPage]) -> list[Problem]:
    """Two pages of one language published at the same address (`faq.md` and `faq/index.md` are
    both `faq/`): MkDocs would keep one and drop the other without a word."""
    by_address: dict[tuple[str, str], list[MarkdownPage]] = {}
    for source in sources:
        by_address.setdefault((source.language, source.address), []).append(source)
    return [
        Problem(
            source.src_uri,
            f"is published at the same address as {', '.join(others)} "
            f"({source.languages.prefix(source.language) + source.address or 'the home page'}): "
            "one would replace the other. Rename one of them (and its other language's file alike).",
        )
        for same in by_address.values()
        if len(same) > 1
        for source in same
        if (others := [f"docs/{other.src_uri}" for other in same if other is not source])
    ]

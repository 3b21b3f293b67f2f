"""Abbreviations, one glossary per language: `*[UE]: Union européenne` shows "UE" with its meaning.

As Material documents it ("Tooltips", "Adding a glossary"): Python-Markdown's `abbr`
turns each abbreviation into `<abbr title="Union européenne">UE</abbr>` wherever the page
says "UE", and `pymdownx.snippets` appends the glossary to every page (`auto_append`). The
glossary of a language is `glossary/<language>.md` (`glossary/fr.md`, `glossary/en.md`),
outside docs/: it is no page of its own. The plugin points `auto_append` at the glossary of
the language being built, and `base_path` at the folder, as an absolute path (pymdownx reads
a relative one from the current directory, not from mkdocs.yml's).

pymdown-extensions' snippets can include any file, or a web page, into a page. Here it may
read the glossary folder and nothing else:

- mkdocs.yml must keep `restrict_base_path: true`, `check_paths: true` and
  `url_download: false` (the build stops, naming the setting, otherwise);
- a page may not include anything (`--8<--`): every line that would is refused, named, and
  left out of what is rendered;
- a glossary holds abbreviations only, one a line (`*[UE]: Union européenne`), and
  blank lines: anything else, an include (`--8<-- "../mkdocs.yml"`) too, is refused, named.

What the abbreviations publish goes through the page's checks like the rest of the page:
`<abbr>` and its `title` are on the content allow-list (checks/content_allowlist.py), and
the meaning is typeset as the page's language wants (markdown/typography.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from faq_site.messages.problems import Problem
from faq_site.sources.page import MarkdownPage

GLOSSARY = "glossary"
SNIPPETS = "pymdownx.snippets"
# The settings that keep snippets inside the glossary folder, and their only safe value.
SAFE_SETTINGS = {"restrict_base_path": True, "check_paths": True, "url_download": False}
# pymdownx.snippets' include line: `--8<-- "file"`, or `--8<--` opening a block of file names.
# Written `;--8<--`, it is shown as text: that is not an include.
_INCLUDE = re.compile(r"^[ \t]*-+8<-+")
# Python-Markdown's abbreviation definition, on one line.
_DEFINITION = re.compile(r"^\*\[(?P<abbr>[^\]\\]+)\]:[ \t]*(?P<title>\S.*)$")


@dataclass(frozen=True)
class GlossaryProblem(Problem):
    """A problem in a glossary, named from the repository's root (`glossary/fr.md:3`), not docs/."""

    def __str__(self) -> str:
        return f"{self.src_uri}" + (f":{self.line}" if self.line else "") + f": {self.message}"


def glossary_folder(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / GLOSSARY


def configure(config: MkDocsConfig) -> None:
    """Point snippets at this language's glossary (if it has one), inside the glossary folder only."""
    if SNIPPETS not in config.mdx_configs and SNIPPETS not in config.markdown_extensions:
        return
    settings = config.mdx_configs.setdefault(SNIPPETS, {})
    unsafe = [name for name, value in SAFE_SETTINGS.items() if settings.get(name, not value) is not value]
    if unsafe:
        wanted = ", ".join(f"`{name}: {str(SAFE_SETTINGS[name]).lower()}`" for name in unsafe)
        raise PluginError(
            f"mkdocs.yml: markdown_extensions: {SNIPPETS} must keep {wanted}: otherwise a page or a "
            "glossary could include any file of the computer that builds the site, or a web page."
        )
    folder = glossary_folder(config)
    settings["base_path"] = [str(folder)]
    glossary = folder / f"{config.theme['language']}.md"
    settings["auto_append"] = [glossary.name] if glossary.is_file() else []


def include_problems(source: MarkdownPage) -> list[Problem]:
    """A page including a file (`--8<--`): pages hold their own text."""
    return [
        Problem(
            source.src_uri,
            f"the line `{line.strip()}` would include another file into the page: pages hold their own "
            f"text only. Delete it; abbreviations go in {GLOSSARY}/{source.language}.md.",
            number,
        )
        for number, line in enumerate(source.lines, start=1)
        if _INCLUDE.match(line)
    ]


def without_includes(markdown: str) -> str:
    """The page's Markdown without its include lines (reported by `include_problems`): snippets
    never reads what they name, and the build goes on to report every other problem at once."""
    return "\n".join("" if _INCLUDE.match(line) else line for line in markdown.split("\n"))


def glossary_problems(folder: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Each line of each glossary is an abbreviation or blank; no other file is a glossary."""
    if not folder.is_dir():
        return []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        name = f"{GLOSSARY}/{path.name}"
        if path.suffix != ".md" or path.stem not in languages or not path.is_file() or path.is_symlink():
            expected = " or ".join(f"{GLOSSARY}/{language}.md" for language in languages)
            problems.append(
                GlossaryProblem(
                    name, f"only the glossaries belong in {GLOSSARY}/: {expected}. Move it elsewhere."
                )
            )
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(GlossaryProblem(name, "is not saved as UTF-8 text. Save it again as UTF-8."))
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not _DEFINITION.match(line):
                problems.append(
                    GlossaryProblem(
                        name,
                        f"`{line.strip()[:60]}` is not an abbreviation. A glossary holds one abbreviation a "
                        "line, its meaning after a colon: `*[UE]: Union européenne`.",
                        number,
                    )
                )
    return problems

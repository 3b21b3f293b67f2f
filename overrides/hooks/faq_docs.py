"""What the hooks know about the FAQ's Markdown sources.

Not a hook itself: the hooks import it (MkDocs puts their folder on `sys.path`
while it loads them). Everything here reads the editors' files as text, with
line numbers, so that every problem can be reported as `docs/<file>:<line>`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

DEFAULT_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")
QUESTIONS_DIR = "faq"
HOME = "index.md"
ALL_QUESTIONS = f"{QUESTIONS_DIR}/index.md"  # every answer on one page, generated
LEARN_MORE_ID = "learn-more"
ASSETS_DIR = "assets"  # the site's images, styles and scripts: the only files besides pages

# As MkDocs reads it (mkdocs.utils.meta): `---`, YAML, then `---` or `...`.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_DELIMITER = re.compile(r"-{3}[ \t]*")
_KEY_LINE = re.compile(r"^[A-Za-z_]\w*:(\s|$)")
_LEADING_ZERO = re.compile(r"[+-]?0[0-9_]+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, where it is and what to do."""

    src_uri: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"docs/{self.src_uri}" + (f":{self.line}" if self.line else "")
        return f"{where}: {self.message}"


# What the checking hooks found in this run (both languages); overrides/hooks/problems.py
# empties it when a run starts and stops the build once every page of every
# language is rendered, or as soon as the files themselves cannot be read.
PROBLEMS: list[Problem] = []
# Each file under docs/ (absolute path) -> the day of its last commit: read once per build,
# from git, by overrides/hooks/last_changed.py; empty without the history. provenance.py
# reads it too.
LAST_CHANGED: dict[Path, date] = {}
_blocking: list[bool] = [False]
# Links MkDocs already warned about, as (src_uri, target): not reported twice.
WARNED_LINKS: set[tuple[str, str]] = set()


def report(problems: list[Problem], *, blocking: bool = False) -> None:
    """Record problems; the build stops once every check has run (or now, if blocking)."""
    PROBLEMS.extend(problems)
    if problems and blocking:
        _blocking[0] = True


def must_stop_now() -> bool:
    """Whether a problem found so far makes rendering the pages pointless or unsafe."""
    return _blocking[0]


def start_run() -> None:
    PROBLEMS.clear()
    WARNED_LINKS.clear()
    _blocking[0] = False


def stop_if(problems: list[Problem]) -> None:
    """Stop the build with one line per problem, sorted by file and line."""
    if not problems:
        return
    lines = sorted(set(problems), key=lambda p: (p.src_uri == "", p.src_uri, p.line or 0, p.message))
    count = f"{len(lines)} problem{'s' if len(lines) > 1 else ''}"
    body = "\n".join(f"  - {problem}" for problem in lines)
    raise PluginError(f"The FAQ has {count} to fix before it can be built:\n{body}")


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    id: str | None
    line: int


@dataclass(frozen=True)
class FrontMatterKey:
    what: str  # what the value must be, in an editor's words
    example: str  # a correct line
    valid: Callable[[object], bool]
    questions_only: bool = False
    required: bool = False


def _is_whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _is_text(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_search_setting(value: object) -> bool:
    return isinstance(value, dict) and set(value) == {"exclude"} and isinstance(value["exclude"], bool)


def _is_list_of_names(value: object) -> bool:
    """`[old-name, other-name]`, or one name alone: `old-name`."""
    names = [value] if isinstance(value, str) else value
    return (
        isinstance(names, list)
        and bool(names)
        and all(isinstance(name, str) and KEBAB_CASE.fullmatch(name) for name in names)
    )


KEBAB_CASE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

FRONT_MATTER_KEYS: dict[str, FrontMatterKey] = {
    "number": FrontMatterKey(
        "a whole number (the question's place: 1, 2, 3…)", "number: 3", _is_whole_number, True, True
    ),
    "description": FrontMatterKey(
        "one sentence of text, in double quotes", 'description: "One sentence."', _is_text, required=True
    ),
    "search": FrontMatterKey(
        "`exclude: true` or `exclude: false`", "search: {exclude: true}", _is_search_setting
    ),
    "renamed_from": FrontMatterKey(
        "a list of the page's old file names, without `.md`, in lower case with hyphens",
        "renamed_from: [old-name]",
        _is_list_of_names,
    ),
}
_NOT_KEYS = {"title": "The page's title is its `# ` heading: remove the `title` line"}


@dataclass
class Source:
    """One Markdown page of the docs, as the editor wrote it."""

    src_uri: str
    text: str
    meta: dict = field(default_factory=dict)
    meta_error: str | None = None  # the front matter could not be read at all
    meta_problems: list[Problem] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1  # line number of the first line after the front matter

    @classmethod
    def read(cls, file: File) -> Source:
        # Not UTF-8: reported by doc_files.py; the rest of the page is still checked.
        text = file.content_bytes.decode("utf-8-sig", errors="replace")
        # Windows line endings, as MkDocs reads them (universal newlines).
        return cls.parse(file.src_uri, text.replace("\r\n", "\n").replace("\r", "\n"))

    @classmethod
    def parse(cls, src_uri: str, text: str) -> Source:
        source = cls(src_uri, text)
        match = _FRONT_MATTER.match(text)
        if match:
            source.body_line = text[: match.end()].count("\n") + 1
            source._read_front_matter(match.group(1))
        else:
            source._no_front_matter()
        return source

    def _problem(self, message: str, line: int | None = 1) -> None:
        self.meta_problems.append(Problem(self.src_uri, message, line))

    def _no_front_matter(self) -> None:
        lines = self.text.splitlines()
        if lines and _DELIMITER.fullmatch(lines[0]):
            self.meta_error = "unclosed"
            self._problem(
                "the front matter has no closing `---` line. Add a line `---` after its last "
                "`key: value` line."
            )
        elif self.text.lstrip().startswith("---") and self.text.strip():
            self.meta_error = "not first"
            self._problem("the front matter's `---` must be the very first line. Remove the lines above it.")
        elif lines and _KEY_LINE.match(lines[0]):
            self.meta_error = "unopened"
            self._problem(
                "the front matter has no opening `---` line. The file must start with a line `---`, "
                "then the `key: value` lines, then `---`."
            )

    def _read_front_matter(self, yaml_text: str) -> None:
        loader = yaml.SafeLoader(yaml_text)
        try:
            node = loader.get_single_node()
            meta = loader.construct_document(node) if node is not None else {}
        except yaml.MarkedYAMLError as error:
            self.meta_error = "yaml"
            line, message = explain_yaml_error(error, yaml_text)
            self._problem(message, line + 2)  # the front matter starts on line 2
            return
        except (yaml.YAMLError, ValueError, TypeError) as error:  # e.g. `number: !!int x`
            self.meta_error = "yaml"
            self._problem(
                f"the front matter cannot be read ({error}). Write each line as `key: value`, and put "
                "a value with punctuation in double quotes."
            )
            return
        finally:
            loader.dispose()
        if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
            self.meta_error = "not a mapping"
            self._problem("the front matter must be `key: value` lines, one per line, between the two `---`.")
            return
        for key_node, value_node in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + 2
            if key in self.key_lines:
                self._problem(
                    f"the key `{key}` is written twice (lines {self.key_lines[key]} and {line}); "
                    "only the last one would count. Keep one.",
                    line,
                )
            self.key_lines.setdefault(key, line)
            if (
                isinstance(value_node, yaml.ScalarNode)
                and not value_node.style
                and _LEADING_ZERO.fullmatch(value_node.value)
            ):
                self._problem(
                    f"`{key}: {value_node.value}` starts with a zero, which YAML reads as another number "
                    f"(octal). Write `{key}: {int(value_node.value.lstrip('0') or '0')}`.",
                    line,
                )
                meta[key] = None
        self.meta = meta
        self._check_keys()

    def _check_keys(self) -> None:
        for key, value in self.meta.items():
            line = self.key_lines.get(str(key), 1)
            spec = FRONT_MATTER_KEYS.get(key)
            if spec is None:
                if key in _NOT_KEYS:
                    advice = _NOT_KEYS[key] + "."
                else:
                    close = difflib.get_close_matches(str(key), FRONT_MATTER_KEYS, n=1, cutoff=0.6)
                    known = ", ".join(f"`{name}`" for name in FRONT_MATTER_KEYS)
                    advice = f"Did you mean `{close[0]}`?" if close else f"The keys are {known}."
                self._problem(f"the front matter key `{key}` is unknown. {advice}", line)
            elif spec.questions_only and not self.is_question:
                self._problem(
                    f"`{key}` is only for questions (pages in docs/{QUESTIONS_DIR}/). Remove that line.", line
                )
            elif value is not None and not spec.valid(value):
                shown = value if isinstance(value, str) else yaml.safe_dump(value, default_flow_style=True)
                shown = str(shown).strip().removesuffix("...").strip()
                shown = f"`{shown}`" if shown else "empty"
                self._problem(
                    f"`{key}` must be {spec.what}, not {shown}. Write it like `{spec.example}`.", line
                )
        for key, spec in FRONT_MATTER_KEYS.items():
            if spec.required and key not in self.meta and (self.is_question or not spec.questions_only):
                self._problem(
                    f"the front matter has no `{key}`. Add a line `{spec.example}` between the two "
                    "`---` at the top of the file."
                )

    @property
    def language(self) -> str:
        return language_of(self.src_uri)

    @property
    def norm_uri(self) -> str:
        return norm_uri(self.src_uri)

    @property
    def is_question(self) -> bool:
        return is_question(self.src_uri)

    @property
    def body(self) -> str:
        match = _FRONT_MATTER.match(self.text)
        return self.text[match.end() :] if match else self.text

    def lines(self) -> list[tuple[int, str]]:
        """(line number, line) for every line outside fenced code blocks."""
        result, fenced = [], False
        for number, line in enumerate(self.text.splitlines(), start=1):
            if number < self.body_line:
                continue
            if _FENCE.match(line):
                fenced = not fenced
                continue
            if not fenced:
                result.append((number, line))
        return result

    def line_of(self, *needles: str, in_code: bool = False) -> int | None:
        """The first line of the body holding one of these texts (tried in order)."""
        lines = self.lines()
        if in_code:  # fenced code blocks included
            lines = list(enumerate(self.text.splitlines(), start=1))[self.body_line - 1 :]
        for needle in filter(None, needles):
            for number, line in lines:
                if plain(needle) in plain(line):
                    return number
        return None

    def glued_list_lines(self) -> list[int]:
        """Lines starting a list right under a line of text, with no empty line between."""
        result, previous = [], ""
        for number, line in self.lines():
            is_item = bool(_LIST_ITEM.match(line))
            if (
                is_item
                and previous.strip()
                and not _LIST_ITEM.match(previous)
                and not _HEADING.match(previous)
            ):
                result.append(number)
            previous = line
        return result

    def headings(self) -> list[Heading]:
        headings = []
        for number, line in self.lines():
            match = _HEADING.match(line)
            if match:
                text = match.group(2)
                id_match = _HEADING_ID.search(text)
                title = _ATTRIBUTES.sub("", text).strip()
                headings.append(Heading(len(match.group(1)), title, id_match and id_match.group(1), number))
        return headings

    @property
    def title(self) -> str | None:
        for heading in self.headings():
            if heading.level == 1:
                return heading.title
        return None

    def section(self, heading_id: str) -> tuple[Heading, list[tuple[int, str]]] | None:
        """The heading with this id and the lines up to the next heading of its level or above."""
        headings = self.headings()
        for index, heading in enumerate(headings):
            if heading.id == heading_id:
                end = next(
                    (h.line for h in headings[index + 1 :] if h.level <= heading.level),
                    None,
                )
                lines = [
                    (n, line) for n, line in self.lines() if n > heading.line and (end is None or n < end)
                ]
                return heading, lines
        return None


def explain_yaml_error(error: yaml.MarkedYAMLError, yaml_text: str) -> tuple[int, str]:
    """(line in the front matter, counted from 0; the cause in an editor's words)."""
    mark = error.problem_mark
    lines = yaml_text.splitlines() or [""]
    line = mark.line if mark else 0
    if line >= len(lines) and error.context_mark:  # the text ended first: where it started
        line = error.context_mark.line
    tab_lines = [number for number, text in enumerate(lines) if "\t" in text]
    problem = error.problem or ""
    if "\\t" in problem or ("tab" in problem and tab_lines):
        line = tab_lines[0] if tab_lines else line
        return line, "this front matter line contains a tab character. Replace the tab with spaces."
    if "end of stream" in problem and "quoted" in (error.context or ""):
        line = error.context_mark.line if error.context_mark else line
        return line, (
            "the quoted text on this line has no closing quote. End the value with the same quote "
            'it starts with: `description: "…"`.'
        )
    text = lines[min(line, len(lines) - 1)]
    key, _, value = text.partition(":")
    key, value = key.strip(), value.strip()
    if "mapping values are not allowed" in problem:
        if text[:1] in " \t" and line > 0:
            return line, (
                "this front matter line starts with spaces. Remove them: every `key: value` line "
                "starts at the beginning of the line."
            )
        return line, (
            f"the value of `{key}` contains a colon followed by a space, which YAML cannot read. "
            f'Put the whole value in double quotes: `{key}: "…"`.'
        )
    if value.startswith('"'):
        return line, (
            f"the value of `{key}` is in double quotes and also contains a double quote, which ends it "
            'early. Put a backslash before each double quote inside the text (`\\"`), or use « » or “ ”.'
        )
    if value.startswith("'"):
        return line, (
            f"the value of `{key}` is in single quotes and also contains an apostrophe, which ends it "
            'early. Put the value in double quotes instead: `description: "…"`.'
        )
    return line, (
        f"this front matter line cannot be read ({problem}). Each line must be `key: value`; "
        "put a value with punctuation in double quotes."
    )


_PLAIN = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " "}
)


def plain(text: str) -> str:
    """Text as an editor types it: rendered typography (’ « » no-break spaces) undone."""
    text = re.sub(r" +([?!;:])", r"\1", text.translate(_PLAIN))
    return re.sub(r'" +| +"', '"', text)


def language_of(src_uri: str) -> str:
    suffixes = PurePosixPath(src_uri).suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in LANGUAGES:
        return suffixes[-2][1:]
    return DEFAULT_LANGUAGE


def norm_uri(src_uri: str) -> str:
    """The page's path without its language suffix: `faq/what-is-nato.md`."""
    language = language_of(src_uri)
    if language == DEFAULT_LANGUAGE:
        return src_uri
    return src_uri[: -len(f".{language}.md")] + ".md"


def uri_for(norm: str, language: str) -> str:
    """The source path of a page in a language: `faq/what-is-nato.en.md`."""
    if language == DEFAULT_LANGUAGE:
        return norm
    return norm[: -len(".md")] + f".{language}.md"


def is_question(src_uri: str) -> bool:
    path = PurePosixPath(norm_uri(src_uri))
    return path.parent.as_posix() == QUESTIONS_DIR and path.stem != "index"


def markdown_sources(files: Files) -> list[Source]:
    """Every Markdown page the editors wrote, in both languages, sorted by path.

    Pages with a wrong name or place are left out: that one message says what
    to do, and nothing else is said of them.
    """
    return sorted(
        (Source.read(file) for file in files.documentation_pages() if name_problem(file) is None),
        key=lambda source: source.src_uri,
    )


_COPY = re.compile(r"(?P<original>.+?)(?: copy(?: \d+)?| \(\d+\)| - cop(?:y|ie)(?: \(\d+\))?)", re.IGNORECASE)
_LANGUAGE_SUFFIX = re.compile(r"(?P<stem>.+)\.(?P<language>[A-Za-z]{2})")
PAGE_FOLDERS = ("", QUESTIONS_DIR)


def kebab_case(text: str) -> str:
    """`Qu'est-ce que l'OTAN` -> `qu-est-ce-que-l-otan`: no accents, capitals or spaces."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "page"


def file_problem(file: File) -> Problem | None:
    """What is wrong with a file of docs/ itself (its name, place or encoding), if anything."""
    return name_problem(file) or encoding_problem(file)


def name_problem(file: File) -> Problem | None:
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
            return None
        return Problem(
            file.src_uri,
            "only pages (.md files) and the site's images, styles and scripts (docs/assets/) belong in "
            "docs/, and everything in it is published. Move this file out of docs/ or delete it.",
        )
    if path.suffix != ".md":
        return Problem(file.src_uri, f"pages end in `.md`. Rename it to {path.stem}.md.")
    name = path.name.removesuffix(".md")
    language = ""
    if match := _LANGUAGE_SUFFIX.fullmatch(name):
        name, language = match["stem"], match["language"]
    where = f"docs/{folder}/" if folder else "docs/"
    if language == DEFAULT_LANGUAGE:
        return Problem(
            file.src_uri,
            f"French pages have no language suffix. Rename it to {where}{name}.md "
            f"(the English version is {name}.en.md).",
        )
    if language and language not in LANGUAGES:
        return Problem(
            file.src_uri,
            f"`.{language}` is not a language of this site ({', '.join(LANGUAGES)}). Name the French "
            f"page {name}.md and the English one {name}.en.md.",
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
    if not KEBAB_CASE.fullmatch(name):
        return Problem(
            file.src_uri,
            "a page's file name is in lower case, without accents or spaces, words joined by hyphens. "
            f"Rename it to {where}{kebab_case(name)}{suffix} (and its other language's file alike).",
        )
    return None


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


# What a page's rendered HTML shows readers, read once with the standard library.
@dataclass
class RenderedHeading:
    level: int
    id: str | None
    text: str = ""


@dataclass
class RenderedLink:
    href: str
    text: str = ""
    has_image: bool = False
    in_list_item: bool = False
    section: str | None = None  # id of the heading it is under


@dataclass
class Outline(HTMLParser):
    """Headings, ids, links, code blocks and visible text of a page's rendered content."""

    headings: list[RenderedHeading] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    links: list[RenderedLink] = field(default_factory=list)
    code_blocks: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    visible_text: list[str] = field(default_factory=list)  # outside code
    list_items: dict[str | None, list[str]] = field(default_factory=dict)  # by section id
    unclosed: list[str] = field(default_factory=list)

    _VOID = frozenset(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    )
    _RAW = frozenset(["code", "pre", "script", "style"])

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)
        self._open: list[str] = []
        self._section: str | None = None
        self._heading: RenderedHeading | None = None
        self._link: RenderedLink | None = None
        self._paragraph: list[str] | None = None
        self._item: list[str] | None = None
        self._pre: list[str] | None = None
        self._permalink = False

    @classmethod
    def of(cls, html: str) -> Outline:
        outline = cls()
        outline.feed(html)
        outline.close()
        outline.unclosed = [tag for tag in outline._open if tag not in ("p", "li")]
        return outline

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"] or "")
        if tag not in self._VOID:
            self._open.append(tag)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._heading = RenderedHeading(int(tag[1]), attributes.get("id"))
            self.headings.append(self._heading)
            self._section = attributes.get("id")
        elif tag == "a" and "headerlink" in (attributes.get("class") or ""):
            self._permalink = True  # the ¶ after a heading, added by the build
        elif tag == "a" and attributes.get("href") is not None:
            self._link = RenderedLink(
                attributes["href"] or "",
                in_list_item=self._item is not None,
                section=self._section,
            )
            self.links.append(self._link)
        elif tag == "img" and self._link is not None and (attributes.get("alt") or "").strip():
            self._link.has_image = True
        elif tag == "p":
            self._paragraph = []
        elif tag == "li":
            self._item = []
        elif tag == "pre":
            self._pre = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass
        if tag == "a":
            self._link, self._permalink = None, False
        elif tag[:1] == "h" and tag[1:] in ("1", "2", "3", "4", "5", "6"):
            self._heading = None
        elif tag == "p" and self._paragraph is not None:
            self.paragraphs.append("".join(self._paragraph))
            self._paragraph = None
        elif tag == "li" and self._item is not None:
            self.list_items.setdefault(self._section, []).append("".join(self._item))
            self._item = None
        elif tag == "pre" and self._pre is not None:
            self.code_blocks.append("".join(self._pre))
            self._pre = None

    def handle_data(self, data: str) -> None:
        if self._pre is not None:
            self._pre.append(data)
        if self._permalink or any(tag in self._RAW for tag in self._open):
            return
        self.visible_text.append(data)
        for part in (self._heading, self._link):
            if part is not None:
                part.text += data
        for collected in (self._paragraph, self._item):
            if collected is not None:
                collected.append(data)


# The last page read by rendered_page(): page_html.py and learn_more.py both check
# each rendered page, one after the other; it is parsed once.
_last_rendered: list[tuple[str, str, Source, Outline]] = []


def rendered_page(file: File, html: str) -> tuple[Source, Outline] | None:
    """The editor's source and the rendered outline of a page the checks read, or None.

    None for the "all questions" page (its answers are checked on their own pages)
    and for a page whose front matter could not be read (its message comes first,
    and what follows it is not rendered right).
    """
    if norm_uri(file.src_uri) == ALL_QUESTIONS:
        return None
    if _last_rendered and _last_rendered[0][:2] == (file.src_uri, html):
        _, _, source, outline = _last_rendered[0]
    else:
        source, outline = Source.read(file), Outline.of(html)
        _last_rendered[:] = [(file.src_uri, html, source, outline)]
    return None if source.meta_error else (source, outline)

"""The editors' Markdown pages, read as text, with line numbers.

Everything here reads the editors' files as text, so that every problem can be
reported as `docs/<file>:<line>`: the front matter (FRONT_MATTER_KEYS, each
key's form in an editor's words), the headings and their ids, sections.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml
from mkdocs.structure.files import File

from faq_site.checks.question_numbers import value_problem
from faq_site.languages import Languages
from faq_site.messages.problems import Problem
from faq_site.sources.text import conflict_markers, read

QUESTIONS_DIR = "faq"
HOME = "index.md"
ALL_QUESTIONS = f"{QUESTIONS_DIR}/index.md"  # every answer on one page, generated
LEARN_MORE_ID = "learn-more"
# The class of a remark the site writes beside NATO's text, `*(…)*{.faq-note}` in Markdown:
# readers see it; it is never compared with NATO's record (readers/provenance.py).
SITE_NOTE = "faq-note"
# The lines the site fills in at build time: the home page's list, every answer on one page.
MARKERS = {HOME: "<!-- faq:questions -->", ALL_QUESTIONS: "<!-- faq:answers -->"}
ASSETS_DIR = "assets"  # the site's images, styles and scripts: the only files besides pages

# As MkDocs reads it (mkdocs.utils.meta): `---`, YAML, then `---` or `...`.
# The lines between may be none: an editor who removes the last key leaves `---` and `---`.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n((?:.*?\n)?)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_DELIMITER = re.compile(r"-{3}[ \t]*")
_KEY_LINE = re.compile(r"^[A-Za-z_]\w*:(\s|$)")
_LEADING_ZERO = re.compile(r"[+-]?0[0-9_]+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")


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
    # A question may leave it out: something of its own stands in (the answer's opening sentences).
    questions_may_omit: bool = False


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
    # A question's description quotes its answer (checks/description_quote.py); without one, the
    # answer's opening sentences describe it. Other pages have nothing to quote: they need one.
    "description": FrontMatterKey(
        "one sentence of text, in double quotes",
        'description: "One sentence."',
        _is_text,
        required=True,
        questions_may_omit=True,
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
    languages: Languages  # the site's languages: which one this page is in
    meta: dict = field(default_factory=dict)
    meta_error: str | None = None  # the front matter could not be read at all
    meta_problems: list[Problem] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1  # line number of the first line after the front matter

    @classmethod
    def read(cls, file: File, languages: Languages) -> Source:
        # Not UTF-8: reported by checks/files.py; the rest of the page is still checked.
        text = file.content_bytes.decode("utf-8-sig", errors="replace")
        # Windows line endings, as MkDocs reads them (universal newlines).
        return cls.parse(file.src_uri, text.replace("\r\n", "\n").replace("\r", "\n"), languages)

    @classmethod
    def parse(cls, src_uri: str, text: str, languages: Languages) -> Source:
        # Read as NFC (sources/text.py): `é` typed as one character or as two is the same text.
        text = read(text)
        source = cls(src_uri, text, languages)
        match = _FRONT_MATTER.match(text)
        if match:
            source.body_line = text[: match.end()].count("\n") + 1
        if conflicts := conflict_markers(text):
            # Git's markers, in the front matter or the text: neither YAML nor Markdown
            # reads the file as the editor meant it, so the markers are all that is said.
            source.meta_error = "conflict"
            source.meta_problems = [Problem(src_uri, message, line) for line, message in conflicts]
        elif match:
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
        if node is None:
            # No key at all: the required ones are named below. MkDocs does not read an empty
            # front matter as one, and renders its `---` lines: nothing rendered is checked.
            self.meta_error = "empty"
            self.meta = {}
            self._check_keys()
            return
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
            if key == "number" and isinstance(value_node, yaml.ScalarNode):
                problem = value_problem(meta.get(key), value_node.value, value_node.style)
                if problem:
                    self._problem(problem, line)
                    meta[key] = None
                    continue
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
                shown = one_line(value)
                shown = f"`{shown}`" if shown else "empty"
                self._problem(
                    f"`{key}` must be {spec.what}, not {shown}. Write it like `{spec.example}`.", line
                )
        for key, spec in FRONT_MATTER_KEYS.items():
            needed = not spec.questions_may_omit if self.is_question else not spec.questions_only
            if spec.required and key not in self.meta and needed:
                self._problem(
                    f"the front matter has no `{key}`. Add a line `{spec.example}` between the two "
                    "`---` at the top of the file."
                )

    @property
    def language(self) -> str:
        return self.languages.of(self.src_uri)

    @property
    def norm_uri(self) -> str:
        return self.languages.norm_uri(self.src_uri)

    @property
    def is_question(self) -> bool:
        return is_question(self.src_uri)

    @property
    def address(self) -> str:
        """Where the page is published, in its language's part of the site (`faq/` for
        faq/index.md or faq.md, `about/` for about.md, `` for the home page), as MkDocs
        computes it (directory URLs, as this site and its redirects use)."""
        url = File(self.norm_uri, None, "", use_directory_urls=True).url
        return "" if url == "./" else url

    @property
    def body(self) -> str:
        match = _FRONT_MATTER.match(self.text)
        return self.text[match.end() :] if match else self.text

    def lines(self) -> list[tuple[int, str]]:
        """(line number, line) for every line outside fenced code blocks."""
        result, fenced = [], False
        for number, line in enumerate(self.text.split("\n"), start=1):
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
            lines = list(enumerate(self.text.split("\n"), start=1))[self.body_line - 1 :]
        # Then as the page reads the lines: an address written with character references (`&#46;`).
        for read_as in (str, html.unescape):
            for needle in filter(None, needles):
                for number, line in lines:
                    if plain(needle) in plain(read_as(line)):
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


class _OneLineDumper(yaml.SafeDumper):
    """YAML in flow style on one line, with no `&id001` anchors: a value repeated is written again."""

    def ignore_aliases(self, data: object) -> bool:
        return True


_SHOWN_LENGTH = 60  # characters of a value quoted in a message, then `…`


def one_line(value: object) -> str:
    """A front matter value as a message quotes it: on one line, cut with `…` after about 60 characters."""
    if isinstance(value, str):
        shown = value
    else:
        dumped = yaml.dump(value, Dumper=_OneLineDumper, default_flow_style=True, width=float("inf"))
        shown = dumped.strip().removesuffix("...").strip()
    shown = " ".join(shown.split())
    return shown if len(shown) <= _SHOWN_LENGTH else shown[:_SHOWN_LENGTH].rstrip() + "…"


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


def is_question(src_uri: str) -> bool:
    """Whether a page, in any language, is a question: in docs/faq/, and not its index."""
    path = PurePosixPath(src_uri)
    return path.parent.as_posix() == QUESTIONS_DIR and path.stem.split(".")[0] != "index"


def kebab_case(text: str) -> str:
    """`Qu'est-ce que l'OTAN` -> `qu-est-ce-que-l-otan`: no accents, capitals or spaces."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "page"

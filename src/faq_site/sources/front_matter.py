"""A page's front matter: the `---` block at its top, read as YAML with each key's line.

What an editor may write there (FRONT_MATTER_KEYS, each key's form in an editor's
words), and what is wrong with what they wrote, one problem per line. Pure: the
page's text in, a `FrontMatter` out (sources/page.py reads it as part of a page).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import yaml

from faq_site.checks.question_numbers import value_problem
from faq_site.messages.problems import Problem
from faq_site.sources.names import (
    ALL_QUESTIONS,
    KEBAB_CASE,
    QUESTION_COUNT,
    QUESTIONS_DIR,
    is_all_questions,
    is_question,
)

# As MkDocs reads it (mkdocs.utils.meta): `---`, YAML, then `---` or `...`.
# The lines between may be none: an editor who removes the last key leaves `---` and `---`.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n((?:.*?\n)?)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_DELIMITER = re.compile(r"-{3}[ \t]*")
_KEY_LINE = re.compile(r"^[A-Za-z_]\w*:(\s|$)")
_LEADING_ZERO = re.compile(r"[+-]?0[0-9_]+")
# Braces in a description: the build fills in QUESTION_COUNT, and nothing else.
_BRACES = re.compile(r"\{[^{}\n]*\}|[{}]")


@dataclass(frozen=True)
class FrontMatterKey:
    what: str  # what the value must be, in an editor's words
    example: str  # a correct line
    valid: Callable[[object], bool]
    questions_only: bool = False
    required: bool = False
    # A question may leave it out: something of its own stands in (the answer's opening sentences).
    questions_may_omit: bool = False
    # Only on the "all questions" page: what it says is about questions no page holds any more.
    all_questions_only: bool = False


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


def _is_list_of_lines(value: object) -> bool:
    """`[old-question 2026-12-01]`, one line per item, or one line alone (readers/withdrawn.py reads each)."""
    lines = [value] if isinstance(value, str) else value
    return isinstance(lines, list) and bool(lines) and all(isinstance(line, str) for line in lines)


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
    "withdrawn": FrontMatterKey(
        "a list of the withdrawn questions, one a line: its old file name, without `.md`, and the date it "
        "was withdrawn",
        "withdrawn: [old-question 2026-12-01]",
        _is_list_of_lines,
        all_questions_only=True,
    ),
}
_NOT_KEYS = {"title": "The page's title is its `# ` heading: remove the `title` line"}


@dataclass(frozen=True)
class FrontMatter:
    """The front matter as YAML read it, before the plugin checks its values.

    `error`: why it could not be read at all (`conflict`: git's markers in the file;
    `unclosed`, `not first`, `unopened`, `yaml`, `empty`, `not a mapping`), else None.
    `problems`: what is wrong, one per line (the conflict markers are the page's own).
    """

    span: tuple[int, int] | None = None  # the lines of its opening and closing `---`
    values: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    key_lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    error: str | None = None
    problems: tuple[Problem, ...] = ()
    # The line of each item of a list value (`- item` lines, or the key's line for `[a, b]`), by key;
    # a value of one item written alone, its key's line.
    item_lines: Mapping[str, tuple[int, ...]] = field(default_factory=lambda: MappingProxyType({}))


def read_front_matter(src_uri: str, text: str, *, readable: bool = True) -> FrontMatter:
    """The front matter of a page's text (NFC, `\\n` line ends).

    `readable`: False when the file holds git's conflict markers; its YAML is then not read.
    """
    match = FRONT_MATTER.match(text)
    span = (1, text[: match.end()].count("\n")) if match else None
    if not readable:
        return FrontMatter(span, error="conflict")
    reader = _Reader(src_uri, is_question(src_uri))
    if match:
        reader.read_yaml(match.group(1))
    else:
        reader.no_front_matter(text)
    return FrontMatter(
        span,
        MappingProxyType(reader.meta),
        MappingProxyType(reader.key_lines),
        reader.error,
        tuple(reader.problems),
        MappingProxyType(reader.item_lines),
    )


class _Reader:
    """Reads one front matter, collecting its values, key lines and problems."""

    def __init__(self, src_uri: str, question: bool) -> None:
        self.src_uri = src_uri
        self.is_question = question
        self.is_all_questions = is_all_questions(src_uri)
        self.meta: dict = {}
        self.key_lines: dict[str, int] = {}
        self.item_lines: dict[str, tuple[int, ...]] = {}
        self.error: str | None = None
        self.problems: list[Problem] = []

    def _problem(self, message: str, line: int | None = 1) -> None:
        self.problems.append(Problem(self.src_uri, message, line))

    def no_front_matter(self, text: str) -> None:
        lines = text.splitlines()
        if lines and _DELIMITER.fullmatch(lines[0]):
            self.error = "unclosed"
            self._problem(
                "the front matter has no closing `---` line. Add a line `---` after its last "
                "`key: value` line."
            )
        elif text.lstrip().startswith("---") and text.strip():
            self.error = "not first"
            self._problem("the front matter's `---` must be the very first line. Remove the lines above it.")
        elif lines and _KEY_LINE.match(lines[0]):
            self.error = "unopened"
            self._problem(
                "the front matter has no opening `---` line. The file must start with a line `---`, "
                "then the `key: value` lines, then `---`."
            )

    def read_yaml(self, yaml_text: str) -> None:
        if (line := _anchor_line(yaml_text)) is not None:
            # An alias repeats a value, or the value it is in (`&a {x: *a}`: without end); no page needs one.
            self.error = "yaml"
            self._problem(
                "this front matter line uses a YAML anchor or alias (`&name`, `*name`), which repeats a "
                "value written elsewhere. Write the value itself.",
                line + 2,
            )
            return
        loader = yaml.SafeLoader(yaml_text)
        try:
            node = loader.get_single_node()
            meta = loader.construct_document(node) if node is not None else {}
        except yaml.MarkedYAMLError as error:
            self.error = "yaml"
            line, message = explain_yaml_error(error, yaml_text)
            self._problem(message, line + 2)  # the front matter starts on line 2
            return
        except (yaml.YAMLError, ValueError, TypeError) as error:  # e.g. `number: !!int x`
            self.error = "yaml"
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
            self.error = "empty"
            self.check_keys()
            return
        if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
            self.error = "not a mapping"
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
            if isinstance(value_node, yaml.SequenceNode):
                self.item_lines[key] = tuple(item.start_mark.line + 2 for item in value_node.value)
            else:
                self.item_lines[key] = (line,)
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
        self.check_keys()

    def check_keys(self) -> None:
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
            elif spec.all_questions_only and not self.is_all_questions:
                self._problem(
                    f"`{key}` belongs in the front matter of the “all questions” page, docs/{ALL_QUESTIONS}, "
                    "and of its translations. Move that line there.",
                    line,
                )
            elif value is not None and not spec.valid(value):
                shown = one_line(value)
                shown = f"`{shown}`" if shown else "empty"
                self._problem(
                    f"`{key}` must be {spec.what}, not {shown}. Write it like `{spec.example}`.", line
                )
            elif key == "description" and value is not None:
                self.check_placeholders(str(value), line)
        for key, spec in FRONT_MATTER_KEYS.items():
            needed = not spec.questions_may_omit if self.is_question else not spec.questions_only
            if spec.required and key not in self.meta and needed:
                self._problem(
                    f"the front matter has no `{key}`. Add a line `{spec.example}` between the two "
                    "`---` at the top of the file."
                )

    def check_placeholders(self, description: str, line: int) -> None:
        """Braces in a description are the build's: QUESTION_COUNT, or a mistake readers would see."""
        for braces in _BRACES.findall(description):
            if braces != QUESTION_COUNT:
                self._problem(
                    f"the description holds `{braces}`, which the build does not fill in: it writes the "
                    f"number of questions where it finds `{QUESTION_COUNT}`, and nothing else. Write "
                    f"`{QUESTION_COUNT}`, or remove the braces.",
                    line,
                )


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
    # An indented `key: value` line: YAML reads it as the value above going on (a colon inside a
    # value), or, after a value that has ended (`[a, b]`, `"…"`), as a mapping of its own.
    indented = text[:1] in " \t" and line > 0
    if indented and ("mapping values are not allowed" in problem or "<block mapping start>" in problem):
        return line, (
            "this front matter line starts with spaces. Remove them: every `key: value` line "
            "starts at the beginning of the line."
        )
    if "mapping values are not allowed" in problem:
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


def _anchor_line(yaml_text: str) -> int | None:
    """The line (from 0) of the front matter's first YAML anchor or alias, if it has one (read as YAML
    reads them, event by event, before any value is built)."""
    try:
        for event in yaml.parse(yaml_text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return event.start_mark.line
    except yaml.YAMLError:
        return None  # the error is reported as YAML reads it
    return None

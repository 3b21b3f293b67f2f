"""mkdocs.yml read safely, before MkDocs reads it: plain settings, each once, none literal that must not be.

MkDocs reads its configuration with PyYAML's full loader (mkdocs.utils.yaml), which runs
Python: a value `!!python/object/apply:os.system ["…"]` runs a command as soon as MkDocs
reads the file, in CI and in the deploy job. And YAML silently keeps the last of two equal
keys: a second `allowed_link_domains:` replaces the first list. So the file is read here
first, with PyYAML's safe loader, as a tree of nodes with their lines, and refused when it:

- carries a tag other than YAML's plain types and MkDocs' own `!ENV` and `!relative`;
- writes a key twice in one mapping, at any depth;
- has a top-level key MkDocs does not know (a typo would be ignored with a warning);
- writes `site_url` or `repo_url` literally: they decide where canonical, hreflang, sitemap,
  robots, "edit" and "report an error" point, so they come from the environment
  (`!ENV SITE_URL`; `!ENV [REPO_URL, default]`), set by the deploy workflow;
- gives a text that reaches pages (`PAGE_TEXT`: the site's name and description, `copyright`,
  every string of `extra`, a language's or a colour toggle's) HTML beyond a short list
  (`TEXT_ELEMENTS`: links, emphasis, abbreviations, a language's span), an HTML comment, or a
  straight double quote. The templates write these texts as they are, unescaped, every page:
  in the page (`{{ config.copyright }}`), where HTML would act as the page's own, and inside
  attributes (`aria-label="{{ config.site_name }}"`), which a `"` would end. They are
  read as browsers read HTML (Lexbor, as checks/content_allowlist.py reads pages); their
  addresses are judged on the published page, as every address is.

`scripts/check_config.py` runs it from the command line (CI runs it before "Build", and
before the deploy job builds); the faq plugin runs it again on `mkdocs serve` and
`mkdocs build`, so that editors get the same lines locally (after MkDocs has read the file:
only the CI step comes before any tag could run).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig

from faq_site.checks.rendered import RenderedPage

# YAML's own types, as the safe loader resolves plain values and collections.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "binary", "merge")
)
# MkDocs' own tags (mkdocs.utils.yaml): a value from the environment, a folder relative to a page.
_MKDOCS_TAGS = frozenset({"!ENV", "!relative"})
# Top-level keys MkDocs reads (its configuration's schema), and INHERIT, which its loader reads.
KNOWN_KEYS = frozenset(name for name, _ in MkDocsConfig._schema) - {"config_file_path"} | {"INHERIT"}
# Settings that must come from the environment: where the site and its repository are.
FROM_ENVIRONMENT = {
    "site_url": "`site_url: !ENV SITE_URL` (the deploy workflow sets SITE_URL; README, Publishing)",
    "repo_url": '`repo_url: !ENV [REPO_URL, "https://github.com/<owner>/<repository>"]`',
}


# Settings whose text the templates write into every page, unescaped: any string under these keys.
PAGE_TEXT = frozenset({"site_name", "site_description", "copyright", "extra"})
# The HTML such a text may hold, and each element's attributes (the strings' links, with their
# languages; emphasis; an abbreviation and its expansion; a span in another language).
TEXT_ELEMENTS = {
    "a": frozenset({"href", "hreflang", "lang"}),
    "em": frozenset({"lang"}),
    "strong": frozenset({"lang"}),
    "abbr": frozenset({"title", "lang"}),
    "span": frozenset({"lang"}),
    "code": frozenset(),
    "br": frozenset(),
}
_ALLOWED_TEXT = "links `<a href=…>`, `<em>`, `<strong>`, `<abbr title=…>`, `<span lang=…>`, `<code>`, `<br>`"


@dataclass(frozen=True)
class SettingsProblem:
    line: int | None
    message: str

    def __str__(self) -> str:
        return "mkdocs.yml" + (f":{self.line}" if self.line else "") + f": {self.message}"


def settings_problems(path: Path) -> list[SettingsProblem]:
    """Every problem of mkdocs.yml, in line order; none when it is plain, safe settings."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [SettingsProblem(None, f"cannot be read ({error.__class__.__name__}). Save it as UTF-8 text.")]
    return problems_of(text)


def problems_of(text: str) -> list[SettingsProblem]:
    """The problems of a configuration's text (see the module's docstring)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        return [
            SettingsProblem(
                mark.line + 1 if mark else None,
                f"is not valid YAML ({reason}). Check the indentation and the quotes on this line.",
            )
        ]
    if root is None:
        return []
    problems = [*_tags(root), *_repeated_keys(root), *_page_texts(root)]
    if isinstance(root, yaml.MappingNode):
        problems += _top_level(root)
    return sorted(problems, key=lambda problem: problem.line or 0)


def _walk(node: yaml.Node, seen: set[int] | None = None):
    """Every node once (anchors and aliases point several places at one node)."""
    seen = set() if seen is None else seen
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, yaml.MappingNode):
            stack.extend(child for pair in reversed(current.value) for child in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))


def _tags(root: yaml.Node) -> list[SettingsProblem]:
    problems = []
    for node in _walk(root):
        if node.tag in _PLAIN_TAGS or node.tag in _MKDOCS_TAGS:
            continue
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        runs = (
            "would run Python code when MkDocs reads this file"
            if "python" in node.tag
            else ("is not a plain value MkDocs reads safely")
        )
        problems.append(
            SettingsProblem(
                node.start_mark.line + 1,
                f"the tag `{shown}` {runs}. Remove it: the site's settings are plain values (text, "
                "numbers, lists), or `!ENV` for a value from the environment.",
            )
        )
    return problems


def _repeated_keys(root: yaml.Node) -> list[SettingsProblem]:
    problems = []
    for node in _walk(root):
        if not isinstance(node, yaml.MappingNode):
            continue
        first_lines: dict[str, int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            line = key.start_mark.line + 1
            if key.value in first_lines:
                problems.append(
                    SettingsProblem(
                        line,
                        f"the key `{key.value}` is written twice (lines {first_lines[key.value]} and "
                        f"{line}): YAML keeps only the last one, and silently drops the first. Keep one, "
                        "with everything it must hold.",
                    )
                )
            else:
                first_lines[key.value] = line
    return problems


def _top_level(root: yaml.MappingNode) -> list[SettingsProblem]:
    problems = []
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        line = key.start_mark.line + 1
        if key.value not in KNOWN_KEYS:
            problems.append(
                SettingsProblem(
                    line,
                    f"`{key.value}` is not a setting MkDocs knows: it would be ignored. Check its spelling "
                    "and its indentation (a plugin's option goes under its plugin), or remove it.",
                )
            )
        elif key.value in FROM_ENVIRONMENT and value.tag != "!ENV":
            problems.append(
                SettingsProblem(
                    line,
                    f"`{key.value}` is written as a literal value: it decides where the site's links, "
                    "canonical addresses and edit buttons point, so it comes from the environment. "
                    f"Write {FROM_ENVIRONMENT[key.value]}.",
                )
            )
    return problems


def _page_text_nodes(root: yaml.Node):
    """(dotted name, node) of every string the templates write into pages (PAGE_TEXT, and a colour
    toggle's `name`), at any depth (a language's own `site_name` under the i18n plugin too)."""
    stack: list[tuple[yaml.Node, tuple[str, ...]]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                stack.append((value, (*path, str(name))))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, str(index))) for index, item in reversed(list(enumerate(node.value))))
        elif node.tag == "tag:yaml.org,2002:str" and (
            PAGE_TEXT.intersection(path) or path[-2:] == ("toggle", "name")
        ):
            yield ".".join(path), node


def _page_texts(root: yaml.Node) -> list[SettingsProblem]:
    problems = []
    for name, node in _page_text_nodes(root):
        line, text = node.start_mark.line + 1, str(node.value)
        if '"' in text:
            problems.append(
                SettingsProblem(
                    line,
                    f'`{name}` holds a straight double quote `"`: the templates write this text inside HTML '
                    "attributes too, where it would end the attribute and let what follows act as HTML. "
                    "Write “ ” or « » in the text, and `'…'` around an HTML attribute's value.",
                )
            )
        if "<" not in text and "&" not in text:
            continue
        parsed = RenderedPage(text)
        if parsed.comments:
            problems.append(
                SettingsProblem(
                    line,
                    f"`{name}` holds an HTML comment: this text is published on every page as it is, and a "
                    "comment there can hide, or end early and show, what follows. Remove it.",
                )
            )
        for element in parsed.elements:
            if element.index == 0 and element.tag == "div" and not element.attributes:
                continue  # the wrapper RenderedPage parses a content in (`<div>…</div>`)
            if element.tag not in TEXT_ELEMENTS:
                problems.append(
                    SettingsProblem(
                        line,
                        f"`{name}` holds the HTML element `<{element.tag}>`: this text is published on every "
                        f"page as HTML, where it may hold only {_ALLOWED_TEXT}. Remove it.",
                    )
                )
                continue
            for attribute in element.attributes:
                if attribute not in TEXT_ELEMENTS[element.tag]:
                    allowed = ", ".join(f"`{a}`" for a in sorted(TEXT_ELEMENTS[element.tag])) or "none"
                    problems.append(
                        SettingsProblem(
                            line,
                            f"`{name}` gives `<{element.tag}>` the attribute `{attribute}`, which a text of "
                            f"the site may not have (allowed: {allowed}). Remove it.",
                        )
                    )
    return problems

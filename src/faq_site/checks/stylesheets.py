"""The site's stylesheets (docs/assets/…/*.css) load nothing but the site's own files.

Every page loads docs/assets/stylesheets/extra.css: an `@import` or a `url(…)` there
would make every reader's browser fetch from wherever it points. So each stylesheet
under docs/ is read as browsers read CSS (tinycss2: escapes such as `u\\72l(` and
comments such as `@imp/**/ort` are read as a browser reads them, which a regular
expression is not), and refused, line by line, when it has:

- an `@import` (another stylesheet, fetched);
- an address that is not a file of docs/, written as its path from the stylesheet
  (`../images/x.png`): no other host, no `data:`, no `#…` (the site uses none today).

An address is a `url(…)` (quoted or not), a `src(…)`, or a string in one of the
image functions (`image-set("x.png" 1x)`), which browsers fetch as addresses too.
What a rule hides or shows is the maintainers' review, not this check's.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote

import tinycss2
from mkdocs.structure.files import Files
from tinycss2 import ast

from faq_site.messages.problems import Problem

_BLOCKS = (ast.CurlyBracketsBlock, ast.SquareBracketsBlock, ast.ParenthesesBlock)
# CSS Images 4 and CSS Values 4: the functions whose strings are addresses.
_ADDRESS_FUNCTIONS = frozenset({"url", "src"})
_IMAGE_FUNCTIONS = frozenset({"image-set", "-webkit-image-set", "image", "cross-fade", "-webkit-cross-fade"})


def css_addresses(nodes: Iterable[ast.Node]) -> Iterator[tuple[int, str]]:
    """Every address the CSS `nodes` would fetch, with its line (from the start of `nodes`' text)."""
    for node in nodes:
        if isinstance(node, ast.URLToken):
            yield node.source_line, node.value
        elif isinstance(node, ast.FunctionBlock):
            if node.lower_name in _ADDRESS_FUNCTIONS | _IMAGE_FUNCTIONS:
                for argument in node.arguments:
                    if isinstance(argument, ast.StringToken):
                        yield argument.source_line, argument.value
            yield from css_addresses(node.arguments)
        elif isinstance(node, _BLOCKS):
            yield from css_addresses(node.content)
        elif isinstance(node, ast.AtRule) and node.lower_at_keyword == "import":
            continue  # refused as a whole (_imports)
        elif isinstance(node, ast.QualifiedRule | ast.AtRule):
            yield from css_addresses(node.prelude)
            yield from css_addresses(node.content or [])


def _imports(nodes: Iterable[ast.Node]) -> Iterator[int]:
    """The lines of every `@import`, at the top or nested (where browsers ignore it, but say so)."""
    for node in nodes:
        if isinstance(node, ast.AtRule):
            if node.lower_at_keyword == "import":
                yield node.source_line
            yield from _imports(node.content or [])
        elif isinstance(node, ast.AtKeywordToken) and node.lower_value == "import":
            yield node.source_line
        elif isinstance(node, (ast.QualifiedRule, *_BLOCKS)):
            yield from _imports(node.content)
        elif isinstance(node, ast.FunctionBlock):
            yield from _imports(node.arguments)


def check_stylesheet(src_uri: str, data: bytes, site_files: frozenset[str]) -> list[Problem]:
    """Problems of the stylesheet `src_uri` (from docs/), given every file of docs/ by its src_uri."""
    rules, _ = tinycss2.parse_stylesheet_bytes(data, skip_comments=True, skip_whitespace=True)
    problems = [
        Problem(
            src_uri,
            "the stylesheet has an `@import`, which loads another stylesheet, from wherever it points. "
            "Write its rules in this file instead.",
            line,
        )
        for line in _imports(rules)
    ]
    problems += [
        Problem(
            src_uri,
            f"the stylesheet loads `{address}`, which is not a file of this site: a stylesheet loads only "
            "files of docs/, by their path from it (`../images/name.png`). Save the file in docs/assets/ "
            "and write its path.",
            line,
        )
        for line, address in css_addresses(rules)
        if not _is_site_file(address, src_uri, site_files)
    ]
    return problems


def _is_site_file(address: str, src_uri: str, site_files: frozenset[str]) -> bool:
    """A relative path, from the stylesheet, to a file of docs/ (nothing else: no host, scheme, query)."""
    if not address or address.startswith("/") or any(char in address for char in ":\\?#"):
        return False
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(address)))
    return target in site_files


def stylesheet_problems(files: Files, docs_dir: Path) -> list[Problem]:
    """Every stylesheet of docs/ (not the theme's own), checked."""
    docs_dir = docs_dir.resolve()
    ours = [
        file
        for file in files
        if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs_dir)
    ]
    site_files = frozenset(file.src_uri for file in ours)
    return [
        problem
        for file in ours
        if file.src_uri.lower().endswith(".css")
        for problem in check_stylesheet(file.src_uri, file.content_bytes, site_files)
    ]

"""An SVG file in docs/ is a picture, never a program: no script, no event handler, nothing
fetched from another host.

A browser that opens an SVG file by its address (a reader following the image's link)
runs its scripts, with the site's address: an SVG is a page in disguise. So every SVG
under docs/ is read as XML (the standard library's expat, which gives each element's
line) and refused, line by line, when it holds:

- a `<script>`, or an element that embeds other content (`<foreignObject>`, `<iframe>`…);
- an event handler (`onload=…`, `onclick=…`);
- an address (`href`, `xlink:href`, `src`) that is not `#…` in the same file or a file of
  the site next to it; an animation that changes an address;
- a processing instruction other than the XML declaration (`<?xml-stylesheet …?>` loads
  a stylesheet);
- any CSS: a `<style>` element or a `style` attribute. CSS has too many ways to fetch a
  file (escapes, `image-set(…)`, text cut by comments or CDATA) for a list of what to
  refuse; a drawing needs none, its presentation attributes (`fill=`, `stroke=`…) remain;
- an attribute whose value, read as CSS (tinycss2: escapes and comments as browsers read
  them), has an address other than `url(#…)`, a part of the same file;
- a DOCTYPE or entity declaration (they can read other files or expand without end).

A file that is not well-formed XML is refused too: browsers would not show it.
"""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Iterable, Iterator
from pathlib import Path

import tinycss2
from mkdocs.structure.files import Files
from tinycss2 import ast

from faq_site.checks.urls import Local, UrlRule, judge
from faq_site.messages.problems import Problem

Finding = tuple[int | None, str]

_EMBEDDING = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"})
_ADDRESS_ATTRIBUTES = frozenset({"href", "src"})
_NO_RULE = UrlRule(allowed_domains=())
_FIX = "Export the drawing again as a plain SVG (in Inkscape: Save As, Optimized SVG or Plain SVG)"
_NO_CSS = 'a drawing holds no CSS, only presentation attributes (`fill="#1a3668"`, `stroke=…`)'
_NO_CSS_FIX = (
    "Write each property as an attribute, or export the drawing again as an Optimized SVG (in Inkscape: "
    "Save As, Optimized SVG, with “Convert CSS attributes to XML attributes”)"
)
_BLOCKS = (ast.CurlyBracketsBlock, ast.SquareBracketsBlock, ast.ParenthesesBlock)
# CSS Images 4 and CSS Values 4: the functions whose strings are addresses.
_ADDRESS_FUNCTIONS = frozenset({"url", "src"})
_IMAGE_FUNCTIONS = frozenset({"image-set", "-webkit-image-set", "image", "cross-fade", "-webkit-cross-fade"})


def css_addresses(nodes: Iterable[ast.Node]) -> Iterator[tuple[int, str]]:
    """Every address a CSS value would fetch, with its line: a `url(…)` (quoted or not), a `src(…)`,
    or a string in one of the image functions (`image-set("x.png" 1x)`), as browsers read them."""
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


def check_svg(path: str, data: bytes) -> list[Finding]:
    """Problems of the SVG file at `path` (its address from the site's root: `assets/logo.svg`)."""
    findings: list[Finding] = []
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def local_name(name: str) -> str:
        return name.rsplit(" ", 1)[-1].lower()

    def attribute_name(name: str) -> str:
        namespace, _, local = name.rpartition(" ")
        return f"xlink:{local}" if namespace.endswith("/xlink") else local.lower()

    def add(message: str, fix: str = _FIX) -> None:
        findings.append((parser.CurrentLineNumber, f"{message}. {fix}."))

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = local_name(name)
        if tag in _EMBEDDING:
            add(f"this SVG file contains `<{tag}>`, which runs a script or embeds other content")
        if tag == "style":
            add(f"this SVG file has a `<style>` element: {_NO_CSS}", _NO_CSS_FIX)
        for raw_name, value in attributes.items():
            attribute = attribute_name(raw_name)
            if attribute.startswith("on"):
                add(f"this SVG file has an event handler `{attribute}`, which runs a script")
            elif attribute == "style":
                add(f"this SVG file has a `style` attribute on `<{tag}>`: {_NO_CSS}", _NO_CSS_FIX)
            elif attribute.removeprefix("xlink:") in _ADDRESS_ATTRIBUTES and not _is_own(value, path):
                add(f"this SVG file refers to `{value}`: a drawing may only refer to its own parts (`#…`)")
            elif attribute == "attributename" and value.removeprefix("xlink:").lower() in _ADDRESS_ATTRIBUTES:
                add(f"this SVG file has an animation that changes an address (`{value}`)")
            else:
                for _, address in css_addresses(tinycss2.parse_component_value_list(value)):
                    if not address.strip().startswith("#"):
                        add(
                            f"this SVG file refers to `{address}`: a drawing may only refer to its own "
                            "parts (`#…`)"
                        )

    def instruction(target: str, _: str) -> None:
        add(f"this SVG file has a processing instruction `<?{target} …?>`, which can load a stylesheet")

    def declaration(*_: object) -> None:
        add("this SVG file declares a DOCTYPE or an entity, which can read other files")

    parser.StartElementHandler = start
    parser.ProcessingInstructionHandler = instruction
    parser.StartDoctypeDeclHandler = declaration
    parser.EntityDeclHandler = declaration
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as error:
        findings.append(
            (
                error.lineno,
                f"this SVG file is not well-formed ({xml.parsers.expat.ErrorString(error.code)}), so "
                f"browsers would not show it. {_FIX}.",
            )
        )
    return findings


def _is_own(url: str, path: str) -> bool:
    """`#part`, or a file of the site next to the drawing (never another host)."""
    if url.strip().startswith("#"):
        return True
    verdict = judge(url, path, _NO_RULE)
    return isinstance(verdict, Local)


def svg_problems(files: Files, docs_dir: Path) -> list[Problem]:
    """Every SVG file of docs/ (not the theme's own), checked."""
    docs_dir = docs_dir.resolve()
    return [
        Problem(file.src_uri, message, line)
        for file in files
        if file.src_uri.lower().endswith(".svg")
        and file.abs_src_path
        and Path(file.abs_src_path).resolve().is_relative_to(docs_dir)
        for line, message in check_svg(file.url, file.content_bytes)
    ]

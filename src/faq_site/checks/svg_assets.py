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
- `url(…)` to anything but `#…`, or `@import`, in a style;
- a DOCTYPE or entity declaration (they can read other files or expand without end).

A file that is not well-formed XML is refused too: browsers would not show it.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

from mkdocs.structure.files import Files

from faq_site.checks.urls import Local, UrlRule, judge
from faq_site.messages.problems import Problem

Finding = tuple[int | None, str]

_EMBEDDING = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"})
_ADDRESS_ATTRIBUTES = frozenset({"href", "src"})
_URL_FUNCTION = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_NO_RULE = UrlRule(allowed_domains=())
_FIX = "Export the drawing again as a plain SVG (in Inkscape: Save As, Optimized SVG or Plain SVG)"


def check_svg(path: str, data: bytes) -> list[Finding]:
    """Problems of the SVG file at `path` (its address from the site's root: `assets/logo.svg`)."""
    findings: list[Finding] = []
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    in_style: list[int] = []

    def local_name(name: str) -> str:
        return name.rsplit(" ", 1)[-1].lower()

    def attribute_name(name: str) -> str:
        namespace, _, local = name.rpartition(" ")
        return f"xlink:{local}" if namespace.endswith("/xlink") else local.lower()

    def add(message: str) -> None:
        findings.append((parser.CurrentLineNumber, f"{message}. {_FIX}."))

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = local_name(name)
        if tag in _EMBEDDING:
            add(f"this SVG file contains `<{tag}>`, which runs a script or embeds other content")
        if tag == "style":
            in_style.append(parser.CurrentLineNumber)
        for raw_name, value in attributes.items():
            attribute = attribute_name(raw_name)
            if attribute.startswith("on"):
                add(f"this SVG file has an event handler `{attribute}`, which runs a script")
            elif attribute.removeprefix("xlink:") in _ADDRESS_ATTRIBUTES and not _is_own(value, path):
                add(f"this SVG file refers to `{value}`: a drawing may only refer to its own parts (`#…`)")
            elif attribute == "attributename" and value.removeprefix("xlink:").lower() in _ADDRESS_ATTRIBUTES:
                add(f"this SVG file has an animation that changes an address (`{value}`)")
            else:
                findings.extend(_styles(value, path, parser.CurrentLineNumber))

    def end(name: str) -> None:
        if local_name(name) == "style" and in_style:
            in_style.pop()

    def text(data: str) -> None:
        if in_style:
            findings.extend(_styles(data, path, parser.CurrentLineNumber))

    def declaration(*_: object) -> None:
        add("this SVG file declares a DOCTYPE or an entity, which can read other files")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
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


def _styles(text: str, path: str, line: int) -> list[Finding]:
    if "@import" in text.lower():
        return [(line, f"this SVG file's style has an `@import`, which fetches a file. {_FIX}.")]
    findings = []
    for match in _URL_FUNCTION.finditer(text):
        if not _is_own(match[2], path):
            findings.append(
                (
                    line,
                    f"this SVG file refers to `{match[2]}`: a drawing may only refer to its own parts "
                    f"(`#…`). {_FIX}.",
                )
            )
    return findings


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

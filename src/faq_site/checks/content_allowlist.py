"""What a page's content may contain: the elements, attributes, classes and addresses of one list.

The list is declared here, in one place, and everything else stops the build: the check
never removes or rewrites what an editor wrote. It reads each page's content as rendered
from Markdown (raw HTML and attribute lists `{…}` included), the way a browser parses it
(the WHATWG HTML parser of Lexbor, through selectolax: Python's own `html.parser` ends a
comment `<!-->` later than browsers do, which would hide what follows it).

Why a declared list, and not a sanitizer such as nh3 (ammonia): a sanitizer repairs, by
dropping what it does not allow, and cannot say what it dropped or where; the build must
refuse, with the editor's line and what to write instead. ammonia's defaults are the
reference this list is measured against (tests/test_content_allowlist.py compares them):
it keeps a subset of them (the text elements Markdown writes, tables, and images), and adds
only what the site's own Markdown produces: `id` on headings, a few declared classes (the
permalink `¶` and admonitions), `hreflang` as ammonia does. It leaves out ammonia's
layout-era attributes (`align` but on table cells, `char`, `size`, `summary`), `area` and
`map` (image maps, addresses without text), and the structural elements pages do not use
(`article`, `nav`, `header`…, which would confuse the page's landmarks).

Images: only files in docs/assets/, with a description (alt text). Addresses: the one
rule of urls.py, for every attribute that holds one.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import ada_url
from selectolax.lexbor import LexborNode

from faq_site.checks.rendered import COMMENT, START, PublishedPage, RenderedPage
from faq_site.checks.site import Site
from faq_site.checks.urls import (
    Local,
    Refused,
    UrlRule,
    judge,
    shown,
    srcset_urls,
    unreadable_addresses,
)
from faq_site.messages.problems import Problem, address_subject
from faq_site.sources.lines import Fold
from faq_site.sources.names import SITE_NOTE
from faq_site.sources.page import MarkdownPage

# (line or None, message): the message follows `docs/<file>:<line>: `.
Finding = tuple[int | None, str]
# And the address it is about, if any: another check (MkDocs' link warnings) may judge the same one.
_Finding = tuple[int | None, str, str | None]

ASSETS = "assets/"

# Attributes any allowed element may have (ammonia's generic attributes are `lang` and `title`).
GLOBAL_ATTRIBUTES = frozenset({"id", "lang", "title", "class"})
_TABLE_CELL = frozenset({"align", "colspan", "rowspan"})
# Each element a page may contain, with the attributes it may have besides the global ones.
ELEMENTS: dict[str, frozenset[str]] = {
    **{f"h{level}": frozenset() for level in range(1, 7)},
    **dict.fromkeys(["p", "br", "hr", "div", "span", "pre", "code"], frozenset()),
    "blockquote": frozenset({"cite"}),
    **dict.fromkeys(["em", "strong", "i", "b", "u", "s", "small", "mark", "sub", "sup"], frozenset()),
    **dict.fromkeys(["abbr", "dfn", "cite", "kbd", "samp", "var", "bdi", "wbr"], frozenset()),
    **dict.fromkeys(["ul", "li", "dl", "dt", "dd", "figure", "figcaption"], frozenset()),
    "ol": frozenset({"start"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "srcset", "alt", "width", "height"}),
    # Tables as Python-Markdown writes them with `use_align_attribute` (not `style`).
    **dict.fromkeys(["table", "caption", "thead", "tbody", "tr"], frozenset()),
    "th": _TABLE_CELL | {"scope"},
    "td": _TABLE_CELL,
}
# Material's admonition types (`!!! note`), the permalink `¶` after headings, and the
# site's notice on an out-of-date translation: the only classes a page uses.
ADMONITION_TYPES = frozenset(
    {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check"}
    | {"done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing"}
    | {"danger", "error", "bug", "example", "quote", "cite"}
)
# `faq-note`: a remark of the site's own beside NATO's text (readers/provenance.py).
CLASSES = frozenset(
    {"headerlink", "admonition", "admonition-title", "faq-outdated", SITE_NOTE, *ADMONITION_TYPES}
)

# Every attribute that holds an address. Only `href`, `src`, `srcset` and `cite` are on the
# list above; the others belong to elements that are never allowed (whose message comes
# first), and would pass the same rule.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "cite", "action", "data", "poster", "formaction", "xlink:href"}
)
# The addresses a page's `<head>` gives in a `<meta>`'s content: where it is shared from, and its card.
META_ADDRESSES = frozenset({"og:url", "og:image"})

_NO_SCRIPT = "the site runs only its own scripts"
_EMBED = (
    "it would load another site's content into the page, which the About page promises never "
    "happens. Link to it instead: `[title](https://…)`"
)
_FORM = "a page asks readers for nothing and sends nothing anywhere. Remove it"
_WHOLE_PAGE = "it would change the whole page (redirect it, or change where its links lead). Remove it"
# Elements that are never allowed, with why, and what to do: `the HTML element <x> is not
# allowed in a page: <why>.`
NEVER: dict[str, str] = {
    "script": f"{_NO_SCRIPT}. Remove it",
    "noscript": f"{_NO_SCRIPT}, so there is nothing to replace. Remove it",
    "style": (
        "the site's look comes from its own stylesheet. Remove it; a developer can change "
        "overrides/assets/stylesheets/extra.css"
    ),
    **dict.fromkeys(
        [
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "video",
            "audio",
            "source",
            "track",
            "portal",
            "picture",
        ],
        _EMBED,
    ),
    **dict.fromkeys(
        [
            "form",
            "input",
            "button",
            "select",
            "textarea",
            "option",
            "optgroup",
            "datalist",
            "fieldset",
            "output",
            "label",
            "dialog",
        ],
        _FORM,
    ),
    **dict.fromkeys(["meta", "base", "link"], _WHOLE_PAGE),
    **dict.fromkeys(
        ["svg", "math", "canvas"],
        "a drawing is a file: save it in docs/assets/ and show it as an image, "
        "`![description](…/assets/name.svg)`",
    ),
}


@dataclass
class Locator:
    """Finds the editor's line for what the HTML shows: HTML as written, in any case, then as the page
    and the published page read it (sources/lines.py, `LineFinder.markup`).

    Repeats: the n-th finding of one check for the same text goes to the n-th line that holds it, so
    that two `<script>` on two lines are reported on both (`seen` counts them, per check); `None` when
    no line holds it (the message then names the file alone).
    """

    page: MarkdownPage
    seen: dict[str, int] = field(default_factory=dict)

    @property
    def lines(self) -> tuple[tuple[int, str], ...]:
        return self.page.body_lines()

    def line_of(self, *needles: str) -> int | None:
        found = self.page.finder.lines_of(*needles, fold=Fold.CASE, references=2)
        if found is None:
            return None
        needle, lines = found
        index = self.seen.get(needle.lower(), 0)
        self.seen[needle.lower()] = index + 1
        return lines[min(index, len(lines) - 1)]

    def holds(self, needle: str) -> bool:
        return self.page.finder.lines_of(needle, fold=Fold.CASE, references=2) is not None


@dataclass(frozen=True)
class PageContext:
    """What the check needs to know of the page and the site."""

    page_url: str  # the page's address from the site's root: `faq/x/`
    src_uri: str  # its Markdown file in docs/: `faq/x.md`
    rule: UrlRule
    asset_urls: frozenset[str]  # the site's files in docs/assets/, by address: `assets/x.png`
    # Elements and comments judged on other pages (`element_signatures`): the "all questions" page
    # judges only what no question page holds.
    judged_elsewhere: frozenset[tuple] = frozenset()
    # False on the "all questions" page: its relative addresses were written for each question's
    # own page, and judged there; an address to another site means the same on every page.
    judge_relative: bool = True

    def judges(self, url: str) -> bool:
        return self.judge_relative or bool(_ABSOLUTE.match(url.strip()))


# A scheme (`https:`, `javascript:`) or `//`: the same address whatever page holds it.
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|[/\\]{2}")


def check_content(rendered: RenderedPage, page: PageContext, source: MarkdownPage) -> list[Finding]:
    """Every element, attribute, address and comment of the content that is not on the list."""
    return [(line, message) for line, message, _ in _check(rendered, page, source)]


def _check(rendered: RenderedPage, page: PageContext, source: MarkdownPage) -> list[_Finding]:
    locator = Locator(source)
    content = rendered.html
    findings: list[_Finding] = []
    for node in _nodes(rendered):
        if _signature(node) in page.judged_elsewhere:
            continue
        tag = node.tag
        if tag == _COMMENT:
            # Its text as the browser read it (Lexbor writes a comment `<!--` text `-->`; its
            # `comment_content` strips the text's spaces).
            text = (node.html or "<!---->")[4:-3]
            if not _is_plain_comment(text, content):
                written = [f"<!--{text[:30]}"] if text.strip() else ["<!-->", "<!--->", f"<!--{text}-->"]
                findings.append((locator.line_of(*written), _NOT_PLAIN_COMMENT, None))
            continue
        if tag in NEVER:
            findings.append(
                (
                    locator.line_of(f"<{tag}"),
                    f"the HTML element `<{tag}>` is not allowed in a page: {NEVER[tag]}.",
                    None,
                )
            )
            continue
        if tag not in ELEMENTS:
            findings.append(
                (
                    locator.line_of(f"<{tag}"),
                    f"the HTML element `<{tag}>` is not one a page may contain. Write the text in "
                    "Markdown instead (CONTRIBUTING.md lists the HTML a page may use).",
                    None,
                )
            )
            continue
        findings += _check_attributes(node, page, locator)
    return findings


_COMMENT = "-comment"
_NOT_PLAIN_COMMENT = (
    "this HTML comment is not a plain one, `<!-- … -->` (it is empty, starts with `!`, `[` or `>`, or "
    "holds `<!--` or `--!>`): browsers and other tools may end it elsewhere, or read it as something "
    "else. Write it as `<!-- a note for editors -->`, or remove it."
)


def _is_plain_comment(text: str, content: str) -> bool:
    """A comment written `<!-- text -->`, as the HTML standard writes one and every tool reads it alike.

    `text` is what the browser read as the comment; the content must hold it, between `<!--` and
    `-->`, as written: `<!--a--!>b` is read as the comment `a`, then the text `b`. Not empty
    (`<!-->` ends at once), not `!` or `[` first (a minifier keeps `<!--! … -->` and drops its
    `!`, publishing `<!-->…`; `<!--[if …]>` is a conditional comment), not `>` first, no `<!--`.
    """
    return (
        bool(text.strip())
        and not text.lstrip().startswith(("!", "[", ">", "->"))
        and "<!--" not in text
        and "--!>" not in text
        and f"<!--{text}-->" in content
    )


def _nodes(rendered: RenderedPage) -> Iterable[LexborNode]:
    """The content's elements and comments, as a browser parses them (checks/rendered.py), in
    document order; none inside a refused element."""
    refused: set[int] = set()
    for kind, index in rendered.events:
        if kind == START:
            element = rendered.elements[index]
            if element.parent in refused:
                refused.add(index)
                continue
            yield element.node
            if element.tag not in ELEMENTS:
                refused.add(index)
        elif kind == COMMENT:
            comment = rendered.comments[index]
            if comment.parent not in refused:
                yield comment.node


def content_addresses(rendered: RenderedPage) -> set[str]:
    """Every address of the content, refused elements' included, as read and as read again: the
    content's check judges them (the published page's check reads the others: the theme's)."""
    return {
        written
        for element in rendered.elements
        for name, value in element.attributes.items()
        if name in URL_ATTRIBUTES and value
        for url in (srcset_urls(value) if name == "srcset" else [value])
        for written in (url, html.unescape(url))
    }


def _signature(node: LexborNode) -> tuple:
    """What the allow-list judges of an element (its tag, its attributes) or a comment (its text), on
    the "all questions" page: its relative addresses, which MkDocs writes for each page's address,
    are judged on each question's page only (`judge_relative`)."""
    if node.tag == _COMMENT:
        return (_COMMENT, node.html)
    attributes = [
        (name, "" if name in URL_ATTRIBUTES and value and not _ABSOLUTE.match(value.strip()) else value or "")
        for name, value in node.attributes.items()
    ]
    return (node.tag, tuple(sorted(attributes)))


def element_signatures(pages: Iterable[RenderedPage]) -> frozenset[tuple]:
    """The elements and comments of these pages, as the allow-list judges them."""
    return frozenset(
        [_signature(element.node) for page in pages for element in page.elements]
        + [_signature(comment.node) for page in pages for comment in page.comments]
    )


def _check_attributes(node: LexborNode, page: PageContext, locator: Locator) -> list[_Finding]:
    tag = node.tag
    handlers = [name for name in node.attributes if name.startswith("on")]
    if handlers:  # code, not text: removing it is the fix, whatever else the element has
        return [
            (
                locator.line_of(f"{name}=", f"{name} =", name),
                f"the attribute `{name}` on `<{tag}>` would run a script: {_NO_SCRIPT}. Remove `{name}=…`.",
                None,
            )
            for name in handlers
        ]
    findings: list[_Finding] = []
    for name, value in node.attributes.items():
        value = value or ""
        if name == "style":
            findings.append(
                (
                    locator.line_of("style=", "style ="),
                    f"the attribute `style` on `<{tag}>` changes how the text shows (and can hide it): "
                    "the site's look comes from its own stylesheet. Remove `style=…`.",
                    None,
                )
            )
        elif name not in GLOBAL_ATTRIBUTES and name not in ELEMENTS[tag]:
            allowed = ", ".join(f"`{a}`" for a in sorted(ELEMENTS[tag] | GLOBAL_ATTRIBUTES))
            findings.append(
                (
                    locator.line_of(f"{name}=", f"{name} =", f" {name}"),
                    f"the attribute `{name}` is not allowed on `<{tag}>`. Remove it (allowed: {allowed}).",
                    None,
                )
            )
        elif name == "class":
            for value_class in value.split():
                if value_class in CLASSES and (misplaced := _misplaced_class(node, value_class, locator)):
                    findings.append((locator.line_of(f".{value_class}", value_class), misplaced, None))
                elif value_class not in CLASSES:
                    findings.append(
                        (
                            locator.line_of(f".{value_class}", value_class),
                            f"the class `{value_class}` is not one a page may use: it could change how "
                            f"the site shows the page. Remove `.{value_class}`.",
                            None,
                        )
                    )
        elif tag == "img" and name in ("src", "srcset"):
            urls = srcset_urls(value) if name == "srcset" else [value]
            alt = (node.attributes.get("alt") or "").strip()
            findings += [
                f for url in urls if page.judges(url) for f in _check_image(url, name, page, locator, alt)
            ]
        elif name in URL_ATTRIBUTES and page.judges(value):
            findings += _check_address(tag, name, value, page, locator)
    if tag == "img" and not (node.attributes.get("alt") or "").strip():
        src = _as_written(node.attributes.get("src") or "", page, locator)
        findings.append(
            (
                # A Markdown image with empty brackets, before any other image of the same address.
                locator.line_of(f"![]({src}", f"![ ]({src}")
                or _line_of_url(src, "src", locator)
                or locator.line_of("<img", "!["),
                f"the image `{src}` has no description: screen readers would read nothing, or its file "
                f"name. Write what it shows between the square brackets: `![description]({src})`.",
                None,
            )
        )
    return findings


_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))


def _classes(node: LexborNode | None) -> set[str]:
    return set((node.attributes.get("class") or "").split()) if node is not None else set()


def _misplaced_class(node: LexborNode, value_class: str, locator: Locator) -> str | None:
    """Why a class of the list is not where the site puts it, or None: each one draws a part of the
    site (the `¶` Material hides until hovered, a notice box, the site's remark), which an editor's
    element would imitate, or hide text with."""
    parent = node.parent
    if value_class == "headerlink":
        heading_id = parent.attributes.get("id") if parent is not None and parent.tag in _HEADINGS else None
        if node.tag == "a" and heading_id and node.attributes.get("href") == f"#{heading_id}":
            return None
        return (
            "the class `headerlink` is the `¶` link the site adds after each heading, hidden until "
            "hovered: elsewhere it would hide text. Remove `.headerlink` (the site adds the `¶` itself)."
        )
    if value_class == "faq-outdated":
        if not locator.holds("faq-outdated"):  # the site's notice (readers/dates.py), not the file's
            return None
        return (
            "the class `faq-outdated` is the notice the site adds to a translation behind its French "
            "text: a page does not write it. Remove `.faq-outdated`."
        )
    if value_class == SITE_NOTE:
        if node.tag == "em":
            return None
        return (
            f"the class `{SITE_NOTE}` marks a remark of the site in italics, `*(…)*{{.{SITE_NOTE}}}`: "
            f"on `<{node.tag}>` it would mark other text as the site's. Write the remark that way."
        )
    admonition = node.tag == "div" and "admonition" in _classes(node)
    if value_class == "admonition-title":
        admonition = node.tag == "p" and "admonition" in _classes(parent) and parent.tag == "div"
    if admonition:
        return None
    return (
        f"the class `{value_class}` draws a box of the site's look (a note, a warning): on `<{node.tag}>` "
        f'it would imitate one. Remove `.{value_class}`, and write a box `!!! note "Title"` instead.'
    )


def _check_address(tag: str, name: str, url: str, page: PageContext, locator: Locator) -> list[_Finding]:
    verdict, subject = judge(url, page.page_url, page.rule), url
    if not isinstance(verdict, Refused):
        return []
    what = "the link" if (tag, name) == ("a", "href") else f"the address in `{name}` of `<{tag}>`"
    line = _line_of_url(url, name, locator)
    if line is None and url.lower().startswith("mailto:"):  # an autolink `<name@example.org>`
        address = url[len("mailto:") :]
        line = locator.line_of(f"<{address}>", address)
        url = f"<{address}>" if line is not None and locator.line_of(f"<{address}>") else url
    return [(line, f"{what} `{shown(url)}` {verdict.reason}", subject)]


def _check_image(url: str, attribute: str, page: PageContext, locator: Locator, alt: str) -> list[_Finding]:
    return [(line, message, url) for line, message in _image_problem(url, attribute, page, locator, alt)]


def _image_problem(url: str, attribute: str, page: PageContext, locator: Locator, alt: str) -> list[Finding]:
    verdict = judge(url, page.page_url, page.rule)
    url = _as_written(url, page, locator)
    path = posixpath.normpath(verdict.path) if isinstance(verdict, Local) and verdict.path else ""
    if isinstance(verdict, Local) and path in page.asset_urls:
        return []
    # MkDocs leaves the address of a missing file as written, relative to the Markdown file.
    from_file = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), url.split("#")[0]))
    # A Markdown image of a file of the site is rewritten to the page's address: an element still
    # showing the address as written, of such a file, is the page's raw HTML, never a Markdown
    # image of the same address above it.
    markdown = from_file not in page.asset_urls
    line = _line_of_url(url, attribute, locator, markdown=markdown)
    if isinstance(verdict, Refused) and not verdict.other_site:
        return [(line, f"the image `{shown(url)}` {verdict.reason}")]
    if not isinstance(verdict, Local):
        return [
            (
                line,
                f"the image `{url}` is on another site: readers' browsers would fetch it there, which the "
                "About page promises never happens. Save the image in docs/assets/ and show it from "
                "there: `![description](…/assets/name.png)`.",
            )
        ]
    if not path.startswith(ASSETS) and not from_file.startswith(ASSETS):
        return [
            (
                line,
                f"the image `{url}` is not in docs/assets/: images are files of that folder. Move it "
                "there and show it from there: `![description](…/assets/name.png)`.",
            )
        ]
    if from_file in page.asset_urls:  # raw HTML: relative to the page's address, not its file
        address = posixpath.relpath(from_file, page.page_url or ".")
        return [
            (
                line,
                f"the image `{url}` is not a file of docs/assets/: in HTML, addresses are relative to the "
                f"page's address `{page.page_url}`, not its file. Write `{address}`, or the Markdown image "
                f"`![{alt or 'description'}]({url})`.",
            )
        ]
    return [
        (
            line,
            f"the image `{url}` is not a file of docs/assets/. Check its name; it is relative to this "
            "page's folder.",
        )
    ]


def _as_written(url: str, page: PageContext, locator: Locator) -> str:
    """The address as the editor wrote it: MkDocs rewrites `../assets/x.png`, relative to the
    Markdown file, into `../../assets/x.png`, relative to the page's address."""
    if any(url in line for _, line in locator.lines):
        return url
    verdict = judge(url, page.page_url, page.rule)
    if isinstance(verdict, Local):
        folder = posixpath.dirname(page.src_uri) or "."
        # A file as it is; a page by its Markdown file (`x/` was `x.md` or `x/index.md`).
        paths = [verdict.path] if verdict.path and not verdict.path.endswith("/") else []
        if not paths:
            paths = [f"{verdict.path}index.md", f"{verdict.path.rstrip('/')}.md"]
        for path in paths:
            written = posixpath.relpath(path, folder)
            if any(f"]({written}" in line or f'"{written}"' in line for _, line in locator.lines):
                return written
    return url


def _line_of_url(url: str, attribute: str, locator: Locator, *, markdown: bool = True) -> int | None:
    """The line of an address: in a Markdown link or image (unless `markdown` is False: the element
    is raw HTML), or an HTML attribute."""
    written = [url, html.escape(url)]
    needles = [f"]({w}" for w in written] if markdown else []
    needles += [f"{attribute}{q}{w}" for w in written for q in ('="', "='", "=")]
    if attribute == "srcset":
        needles += written
    if len(url) >= 8:  # a longer address, anywhere in the line (`[text]: https://…` definitions)
        needles += [*written, re.sub(r"\s+", " ", url)[:40]]
    return locator.line_of(*needles)


def content_problems(
    source: MarkdownPage,
    rendered: RenderedPage,
    page_url: str,
    site: Site,
    *,
    judged_elsewhere: frozenset[tuple] = frozenset(),
    judge_relative: bool = True,
) -> list[Problem]:
    """The allow-list's problems of one rendered page, for its editor's file and lines. A problem
    about an address names it as its subject: MkDocs' own warning about it comes first."""
    context = PageContext(
        judge_relative=judge_relative,
        page_url=page_url,
        src_uri=source.src_uri,
        rule=site.rule,
        asset_urls=site.asset_urls,
        judged_elsewhere=judged_elsewhere,
    )
    return [
        Problem(source.src_uri, message, line, subject=address_subject(source.src_uri, url) if url else None)
        for line, message, url in _check(rendered, context, source)
    ]


def without_unreadable_addresses(
    markdown: str, source: MarkdownPage | None, page_url: str, rule: UrlRule
) -> tuple[str, list[Problem]]:
    """The page's Markdown, to render, without the addresses MkDocs cannot read; and their problems.

    MkDocs would stop the build with a traceback on them (checks/urls.py). The build stops
    anyway, with their messages: the Markdown rendered here is never published, and the
    editor's file is left as it is. `source`: None for a page whose answers are another
    page's (the "all questions" page), which reports nothing.
    """
    problems = []
    for url in unreadable_addresses(markdown):
        if source is not None:
            verdict = judge(url, page_url, rule)
            reason = (
                verdict.reason
                if isinstance(verdict, Refused)
                else "is not a valid web address. Copy the address again from the browser's address bar: "
                "`https://…`."
            )
            problems.append(Problem(source.src_uri, f"the link `{url}` {reason}", source.finder.written(url)))
        markdown = markdown.replace(url, "#")
    return markdown, problems


def published_problems(
    published: PublishedPage, source: MarkdownPage, page_url: str, rule: UrlRule, judged: set[str]
) -> list[Problem]:
    """The addresses of the page as published that its content's check did not judge.

    Every address of the final page passes the same rule: the theme's own (canonical, languages,
    repository, assets) as the content's, and any that a template or a transformation after the
    checks would write from what an editor wrote (a minifier once read `&amp;sol;` as `&sol;`,
    then `/`). What was judged already is not reported twice.
    """
    locator = Locator(source)
    problems, seen = [], set(judged)
    for node in published.elements:
        meta_address = node.tag == "meta" and node.attributes.get("property") in META_ADDRESSES
        for name, value in node.attributes.items():
            if not (name in URL_ATTRIBUTES or (meta_address and name == "content")) or not value:
                continue
            for url in srcset_urls(value) if name == "srcset" else [value]:
                if url in seen:
                    continue
                seen.add(url)
                verdict = judge(_from_site_root(url, rule.site_url), page_url, rule)
                if isinstance(verdict, Refused):
                    message = f"the address `{shown(url)}`, as the published page holds it, {verdict.reason}"
                    problems.append(Problem(source.src_uri, message, _line_of_url(url, name, locator)))
    return problems


def _from_site_root(url: str, site_url: str | None) -> str:
    """A theme's address from the server's root (`/en/`, static-i18n's language switcher on the
    home page): the full address it leads to on the site's server, which the rule knows."""
    if site_url and url.startswith("/") and not url.startswith("//"):
        try:
            return ada_url.URL(url, base=site_url).href
        except ValueError:
            return url
    return url

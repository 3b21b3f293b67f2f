"""Editor mistakes in what readers get of the text: characters written as character references
or YAML escapes, the site's own classes on an editor's element, a heading's table-of-contents
label, an id given to two elements, a front matter value YAML writes over several lines.

As in tests/mistakes_sources.py, each `make(docs)` edits a copy's docs/ found by the pages'
structure (tests/page_editing.py) and returns the exact lines the build must print.
"""

from __future__ import annotations

import html
from pathlib import Path

from grouped_builds import first
from mistakes_sources import Make, after_text, invisible
from page_editing import SourcePage

from faq_site.sources.text import visible

NAMES = {
    "\u200b": "U+200B zero-width space",
    "\u00ad": "U+00AD soft hyphen",
    "\u202e": "U+202E right-to-left override",
    "\u202c": "U+202C pop directional formatting",
    "\u200d": "U+200D zero-width joiner",
}


def before(decoded: str, character: str) -> str:
    """`after “…”` for the first `character` of a line as readers get it."""
    return after_text(visible(decoded[: decoded.index(character)]))


def references_in_answer(docs: Path) -> list[str]:
    page = first(docs)
    line = page.append_to_answer(
        " Zéro&#8203;largeur, tiret&shy;conditionnel, &#x202E;inversé&#x202C; et &zwj;joint."
    )
    decoded = html.unescape(page.line(line))
    return [
        f"{page.where}:{line}: {invisible(name, before(decoded, character))}"
        for character, name in NAMES.items()
    ]


def accent_written_apart(docs: Path) -> list[str]:
    page = first(docs, "fr", 1)
    line = page.append_to_answer(" Cafe&#x301;.")
    decoded = html.unescape(page.line(line))
    return [
        f"{page.where}:{line}: has U+0301 combining acute accent written apart from its letter, "
        f"{before(decoded, chr(0x301))}: readers get two characters where they see one, which search and "
        "copy do not match. Write the letter with its accent, `é`."
    ]


def escapes_in_description(docs: Path) -> list[str]:
    page = SourcePage(docs, "about.md")
    line = page.key_line("description")
    page.set(line, page.line(line).replace('"', '"\\u202E\\u200B', 1))
    return [
        f"{page.where}:{line}: {invisible(NAMES[character], 'at the start of the line')}"
        for character in ("\u202e", "\u200b")
    ]


def headerlink_span(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.append_to_answer(' <span class="headerlink">Hidden text added.</span>')
    return [
        f"{page.where}:{line}: the class `headerlink` is the `¶` link the site adds after each heading, "
        "hidden until hovered: elsewhere it would hide text. Remove `.headerlink` (the site adds the `¶` "
        "itself)."
    ]


def admonition_class_on_text(docs: Path) -> list[str]:
    page = first(docs, "en", 1)
    line = page.append_to_answer(' <span class="admonition warning">Note.</span>')
    return [
        f"{page.where}:{line}: the class `{name}` draws a box of the site's look (a note, a warning): on "
        f'`<span>` it would imitate one. Remove `.{name}`, and write a box `!!! note "Title"` instead.'
        for name in ("admonition", "warning")
    ]


def outdated_notice_class(docs: Path) -> list[str]:
    page = first(docs, "fr", 2)
    line = page.append_to_answer(" *(traduction à jour)*{.faq-outdated}")
    return [
        f"{page.where}:{line}: the class `faq-outdated` is the notice the site adds to a translation behind "
        "its French text: a page does not write it. Remove `.faq-outdated`."
    ]


def site_note_on_bold(docs: Path) -> list[str]:
    page = first(docs, "en", 2)
    line = page.append_to_answer(" **(a remark)**{.faq-note}")
    return [
        f"{page.where}:{line}: the class `faq-note` marks a remark of the site in italics, "
        "`*(…)*{.faq-note}`: on `<strong>` it would mark other text as the site's. Write the remark that way."
    ]


def table_of_contents_label(docs: Path) -> list[str]:
    page = first(docs, "en")
    line = page.heading_line("learn-more")
    page.set(line, page.line(line).replace("{#learn-more}", '{#learn-more data-toc-label="Read more"}'))
    return [
        f"{page.where}:{line}: the heading's `data-toc-label` would show another title in the table of "
        "contents than the heading readers see. Remove `data-toc-label=…`: the table of contents shows "
        "the heading."
    ]


def id_of_a_heading_on_a_span(docs: Path) -> list[str]:
    page = first(docs)
    line = page.append_to_answer(' <span id="learn-more">Voir</span>.')
    heading = page.heading_line("learn-more")
    return [
        f"{page.where}:{heading}: the id `learn-more` is given to two elements (lines {line} and {heading}). "
        "Give each one its own id, in both languages."
    ]


def search_setting_with_anchors(docs: Path) -> list[str]:
    page = first(docs)
    page.insert(2, "search: {a: &a [x, x, x, x], b: &b [*a, *a], exclude: [*b, *b]}")
    # Refused for its anchors before any value is built (a value repeated 4 × 4 × 4… times, or without end).
    return [
        f"{page.where}:2: this front matter line uses a YAML anchor or alias (`&name`, `*name`), which "
        "repeats a value written elsewhere. Write the value itself."
    ]


NOT_PLAIN_COMMENT = (
    "this HTML comment is not a plain one, `<!-- … -->` (it is empty, starts with `!`, `[` or `>`, or holds "
    "`<!--` or `--!>`): browsers and other tools may end it elsewhere, or read it as something else. Write "
    "it as `<!-- a note for editors -->`, or remove it."
)


def comment_a_minifier_opens(docs: Path) -> list[str]:
    """`<!--!>…<!-- -->` is one comment for every parser; a minifier that keeps `<!--!` comments and
    drops the `!` would publish `<!-->…`, which browsers end at once, running what was inside."""
    page = first(docs, "fr", 1)
    line = page.after_answer("<!--!><script>document.title='x'</script><p>Paragraphe inventé.</p><!-- -->")
    return [f"{page.where}:{line}: {NOT_PLAIN_COMMENT}"]


def comments_browsers_end_early(docs: Path) -> list[str]:
    """Comments a browser ends before their `-->`, holding another, or read as a conditional comment;
    beside a plain comment, which stays (with commented-out Markdown in it, as editors comment a line
    out). (`<!--a--!>` is not among them: Python-Markdown writes it `<!--a-->`, a plain comment.)"""
    page = first(docs, "en", 1)
    line = page.after_answer(
        "<!-- To check: - [Old link](https://www.nato.int/x.htm) -->",
        "",
        "<!-->Shown to readers.",
        "",
        "<!-- old note <!-- new note -->",
        "",
        "<!--[if IE]>x<![endif]-->",
    )
    return [f"{page.where}:{number}: {NOT_PLAIN_COMMENT}" for number in (line + 2, line + 4, line + 6)]


TEXT_MISTAKES: list[tuple[str, Make]] = [
    ("a comment a minifier would open", comment_a_minifier_opens),
    ("comments browsers end early or read as something else", comments_browsers_end_early),
    ("invisible characters written as character references", references_in_answer),
    ("accent written apart from its letter as a character reference", accent_written_apart),
    ("invisible characters written as YAML escapes in a description", escapes_in_description),
    ("text hidden with the permalink's class", headerlink_span),
    ("admonition classes on a span", admonition_class_on_text),
    ("the outdated-translation notice's class written by an editor", outdated_notice_class),
    ("the site's remark class on bold text", site_note_on_bold),
    ("a heading's own table-of-contents label", table_of_contents_label),
    ("a heading's id given to a span", id_of_a_heading_on_a_span),
    ("front matter value with YAML anchors", search_setting_with_anchors),
]

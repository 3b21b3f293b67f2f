"""Each page is in its own language: its text, its description, its NATO links, its paragraphs' lengths.

Three checks on the rendered pages (faq_site.checks.rendered), each finding one
line `(line, message)` for the page it concerns, naming its other-language
version where that helps:

1. Text in another language. Every block (title, heading, paragraph, list
   item) and the description is scored with its language's function words
   (each language's `function_words`, faq_site/languages/<code>.py): a block is another language's when it has
   at least MIN_FUNCTION_WORDS of that language's and more than OUTWEIGH times
   as many as of its page's. Text marked as another language (`lang`, a link's
   `hreflang`), code and the titles of the site's other pages are not scored.
   A page none of whose blocks reads as its own language, and some as
   another's, is one problem: the whole page is in that language.
   A language without function words is not checked.
2. NATO links in another language. A link to NATO's site whose address names
   a language (`/cps/fr/`, `index_fr.html`, `?selectedLocale=fr`) other than
   the page's must say so with `{hreflang=…}` naming that language, so that
   readers are told where it leads.
3. Paragraphs of a translation that cannot be the French paragraph they stand
   for. The n-th paragraph of a page is the translation of the n-th paragraph
   of its default-language version (their counts are checked by the
   translation parity check); their lengths in characters differ by more than
   translation explains when outside LENGTH_RATIO. The first such pair of a
   page is reported: after it, the paragraphs no longer stand for each other.

Why function words rather than a language detector. py3langid (4.6 MB of
model, with numpy) judged today's 175 blocks right too, restricted to French
and English, but it takes about 4 s to import in every build (the whole build
takes about as long), gives a verdict for any text, names and short titles
included, so it would need thresholds of its own, and cannot say why; lingua
is more accurate but far heavier; langdetect is unmaintained and random unless
seeded. Counting function words is deterministic, instant, explainable in the
guide ("3 French words like le, des, qui"), and its rules live with each
language (languages/<code>.py), so a language without them is simply not
checked.

Thresholds, from the site's pages on 30 November 2026 (after the descriptions
became quotations and the English took NATO's wording): 11 pages per language
but "all questions", 198 blocks and descriptions, 31 aligned paragraph pairs;
see each constant.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from faq_site.checks.compare_text import normalised
from faq_site.checks.rendered import Block, Link, RenderedPage
from faq_site.sources.lines import Fold, SearchableLines, folded

Finding = tuple[int | None, str]

# Today no block or description has a single function word of the other
# language (`on`, which both write, counts for neither), while 54 of 62
# paragraphs, all 22 descriptions and 26 of 52 headings have 3 or more of
# their own. Short headings, names and titles stay unjudged: "Learn more" has
# none, "Place de la Concorde" 2.
MIN_FUNCTION_WORDS = 3
# And more than twice as many as of the page's language: a sentence quoting
# a title in the other language keeps far more of its own. About's first
# English paragraph, with NATO's French title even without its hreflang:
# 7 French, 29 English.
OUTWEIGH = 2
# English length / French length of the 31 aligned paragraphs today: 0.77 to
# 1.13 (0.77 to 1.03 for paragraphs of 60 characters or more; median 0.89). The
# bounds give each end 40 % of margin: 0.77 / 1.4 = 0.55, 1.13 × 1.4 ≈ 1.6. A
# paragraph left out, or one split in two, gives about 0.5 or less.
LENGTH_RATIO = (0.55, 1.6)
# Pairs whose longer paragraph is shorter than this are not compared: "Known
# limitations:" is 18 characters for the French 16.
MIN_COMPARED_LENGTH = 60

NATO_DOMAIN = "nato.int"
_WORD = re.compile(r"[^\W\d_]+")


def _markers(language: str) -> list[tuple[re.Pattern[str], str]]:
    """How NATO's addresses name a language, and how a message shows each."""
    code = re.escape(language)
    return [
        (re.compile(rf"/cps/{code}/", re.I), f"/cps/{language}/"),
        (re.compile(rf"_{code}\.html?(?:$|[?#])", re.I), f"_{language}.html"),
        (
            re.compile(rf"[?&](?:selectedLocale|locale|lang)={code}(?:$|[&#_-])", re.I),
            f"selectedLocale={language}",
        ),
    ]


@dataclass(frozen=True)
class Profiles:
    """The function words of each language that has them, and every language's name in messages."""

    function_words: Mapping[str, frozenset[str]]  # language -> its function words
    names: Mapping[str, str]  # language -> its name in the messages: "French"

    def name(self, language: str) -> str:
        return self.names.get(language, language)

    def checked(self, language: str) -> bool:
        return language in self.function_words

    def counts(self, text: str) -> dict[str, int]:
        """How many function words of each language the text has (words both have are not counted)."""
        counts = dict.fromkeys(self.function_words, 0)
        for word in _WORD.findall(text):
            if len(word) > 1 and word.isupper():
                continue  # an acronym: UN is not "un", OTAN no word at all
            owners = [language for language, words in self.function_words.items() if word.lower() in words]
            if len(owners) == 1:
                counts[owners[0]] += 1
        return counts

    def other_language(self, text: str, language: str) -> str | None:
        """The other language `text` is clearly written in, if any."""
        counts = self.counts(text)
        own = counts.get(language, 0)
        others = [(count, other) for other, count in counts.items() if other != language]
        count, other = max(others, default=(0, None))
        if other is not None and count >= MIN_FUNCTION_WORDS and count > OUTWEIGH * own:
            return other
        return None

    def is_own(self, text: str, language: str) -> bool:
        counts = self.counts(text)
        own = counts.get(language, 0)
        return own >= MIN_FUNCTION_WORDS and own > OUTWEIGH * max(
            (count for other, count in counts.items() if other != language), default=0
        )


@dataclass(frozen=True)
class PageSource:
    """What the checks need of a page's Markdown file: where it is and its lines."""

    where: str  # docs/faq/what-is-nato.en.md
    lines: list[tuple[int, str]]  # (line number, text) of the body, outside code
    title_line: int | None = None
    description_line: int | None = None


def block_lines(blocks: list[Block], source: PageSource) -> list[int | None]:
    """The line of the Markdown where each block starts, found from its first words, in order
    (on the lines' text without Markdown's syntax, sources/lines.py)."""
    readable = SearchableLines(tuple((number, folded(line, Fold.MARKDOWN)) for number, line in source.lines))
    result: list[int | None] = []
    after = 0
    for block in blocks:
        start = " ".join(normalised(block.text).split(" ")[:5])
        found = readable.first(start, after)
        found = found if found is not None else readable.first(start)
        result.append(found)
        after = found or after
    return result


_KINDS = {"heading": "heading", "paragraph": "paragraph", "list item": "list item", "cell": "table cell"}


def _kind(block: Block) -> str:
    return "title" if block.kind == "heading" and block.level == 1 else _KINDS[block.kind]


def page_in_other_language(
    page: RenderedPage,
    source: PageSource,
    twin: RenderedPage | None,
    twin_source: PageSource | None,
    languages: Profiles,
) -> Finding | None:
    """The whole page in another language: none of its blocks reads as its own, some as another's."""
    language = page.language
    if not languages.checked(language):
        return None
    if any(languages.is_own(block.in_language, language) for block in page.blocks):
        return None
    verdict = next(
        (v for block in page.blocks if (v := languages.other_language(block.in_language, language))), None
    )
    if verdict is None:
        return None
    name, other = languages.name(language), languages.name(verdict)
    line = source.title_line or next((n for n in block_lines(page.blocks, source) if n), None)
    if twin is not None and twin_source is not None and _same_text(page, twin):
        return (
            line,
            f"this page is a copy of its {other} version, {twin_source.where}, not its {name} "
            f"translation. Translate it into {name}.",
        )
    where = f" (the {other} text is {twin_source.where})" if twin_source is not None else ""
    return (line, f"this page is in {other}, not {name}. Translate it into {name}{where}.")


def blocks_in_other_language(
    page: RenderedPage,
    source: PageSource,
    twin: RenderedPage | None,
    twin_source: PageSource | None,
    languages: Profiles,
) -> list[Finding]:
    """Each title, heading, paragraph or list item in another language, and where it was copied from."""
    language = page.language
    if not languages.checked(language):
        return []
    name = languages.name(language)
    twin_blocks = twin.blocks if twin is not None else []
    twin_lines = (
        block_lines(twin_blocks, twin_source) if twin_source is not None else [None] * len(twin_blocks)
    )
    copies = {
        normalised(block.text): (block, line) for block, line in zip(twin_blocks, twin_lines, strict=True)
    }
    findings: list[Finding] = []
    for block, line in zip(page.blocks, block_lines(page.blocks, source), strict=True):
        verdict = languages.other_language(block.in_language, language)
        if verdict is None:
            continue
        other = languages.name(verdict)
        copied = copies.get(normalised(block.text))
        if copied is not None and twin_source is not None:
            original, at = copied
            number = [b for b in twin_blocks if b.kind == original.kind].index(original) + 1
            origin = f"{twin_source.where}:{at}" if at else twin_source.where
            message = (
                f"this {_kind(block)} is in {other}: it is a copy of {_kind(original)} {number} of "
                f"{origin}. Translate it into {name}."
            )
        else:
            message = (
                f"this {_kind(block)} is in {other}, but the page is in {name}. Translate it into {name}."
            )
        findings.append((line, message))
    return findings


def description_in_other_language(
    description: str, language: str, line: int | None, languages: Profiles, advice: str = ""
) -> Finding | None:
    """The description in another language than its page's. `advice` ends the message's "what to do"."""
    if not languages.checked(language):
        return None
    verdict = languages.other_language(description, language)
    if verdict is None:
        return None
    name, other = languages.name(language), languages.name(verdict)
    return (line, f"the description is in {other}, but the page is in {name}. Write it in {name}{advice}.")


def wrong_language(
    page: RenderedPage,
    source: PageSource,
    twin: RenderedPage | None,
    twin_source: PageSource | None,
    languages: Profiles,
    description: str | None = None,
    description_advice: str = "",
) -> list[Finding]:
    """The whole page in another language (one finding), or else each block and the description that is."""
    whole = page_in_other_language(page, source, twin, twin_source, languages)
    if whole is not None:
        return [whole]
    findings = blocks_in_other_language(page, source, twin, twin_source, languages)
    if description:
        found = description_in_other_language(
            description, page.language, source.description_line, languages, description_advice
        )
        findings += [found] if found else []
    return findings


def _same_text(page: RenderedPage, twin: RenderedPage) -> bool:
    return [normalised(b.text) for b in page.blocks] == [normalised(b.text) for b in twin.blocks]


def link_language(href: str, languages: Profiles) -> tuple[str, str] | None:
    """The language a NATO address names, and the part of it that names it."""
    try:
        host = (urlsplit(href).hostname or "").lower()
    except ValueError:
        return None
    if host != NATO_DOMAIN and not host.endswith(f".{NATO_DOMAIN}"):
        return None
    for language in languages.names:
        for pattern, shown in _markers(language):
            if pattern.search(href):
                return language, shown
    return None


def _link_line(link: Link, source: PageSource) -> int | None:
    return next((n for n, line in source.lines if link.href in line), None)


def nato_links(page: RenderedPage, source: PageSource, languages: Profiles) -> list[Finding]:
    """Links to NATO's pages in another language than the page's, that do not say so with hreflang."""
    findings: list[Finding] = []
    for link in page.links:
        found = link_language(link.href, languages)
        if found is None:
            continue
        language, marker = found
        declared = (link.hreflang or "").split("-")[0].lower()
        if language == page.language or declared == language:
            continue
        name = languages.name(language)
        own = languages.name(page.language)
        findings.append(
            (
                _link_line(link, source),
                f"the link `{link.href}` leads to NATO's {name} page (`{marker}` in its address), "
                f"but this page is in {own}. Link to NATO's {own} version of that page, or, if it has "
                f"none, write `{{hreflang={language}}}` right after the link, so that readers are told.",
            )
        )
    return findings


def paragraph_lengths(
    page: RenderedPage,
    source: PageSource,
    default: RenderedPage,
    default_source: PageSource,
    languages: Profiles,
) -> list[Finding]:
    """The first paragraph too short or too long to translate its default-language paragraph."""
    ours, theirs = page.paragraphs, default.paragraphs
    if len(ours) != len(theirs):
        return []  # the translation parity check reports the counts
    our_lines, their_lines = block_lines(ours, source), block_lines(theirs, default_source)
    low, high = LENGTH_RATIO
    for number, (our, their) in enumerate(zip(ours, theirs, strict=True), start=1):
        length, reference = len(normalised(our.text)), len(normalised(their.text))
        if max(length, reference) < MIN_COMPARED_LENGTH or low <= length / max(reference, 1) <= high:
            continue
        other = languages.name(default.language)
        at = their_lines[number - 1]
        origin = f"{default_source.where}:{at}" if at else default_source.where
        longer = "shorter" if length < reference else "longer"
        return [
            (
                our_lines[number - 1],
                f"this paragraph is far {longer} than paragraph {number} of the {other} page, {origin}, "
                "which it stands for: more than translation explains. Check that no paragraph was left "
                f"out, split or merged: each {other} paragraph becomes one paragraph here, whole, in the "
                "same order.",
            )
        ]
    return []

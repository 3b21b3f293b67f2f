"""Each English page says as much as its French page: same paragraphs, list items, links, figures.

static-i18n renders every French page, then every English page. For each page
this hook reads the article as rendered (after Markdown, before the theme) and
records how many paragraphs, list items and links it has and which figures its
text holds: numbers (`40 000` is `40,000` in English), years and dates
(`1er mars 2022` is `1 March 2022`), times (`14 h 30` is `2.30 pm`). Each English page must have the counts of
its French page and every figure of it; if not, each difference is one more
problem in the list overrides/hooks/problems.py stops the build with (none for
a page that has a problem of its own: its difference would only echo it).

Left out: the notice on a translation behind its French text (last_changed.py),
the headings' permalinks, the "all questions" page (it repeats the questions,
each checked on its own page), and the text of links to other pages of the
site (their titles, checked on those pages: the home page lists the questions).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from faq_docs import (
    ALL_QUESTIONS,
    DEFAULT_LANGUAGE,
    HOME,
    PROBLEMS,
    Problem,
    Source,
    is_question,
    norm_uri,
    report,
    uri_for,
)

# Elements left out of the comparison, by class.
SKIPPED_CLASSES = {"faq-outdated", "headerlink"}
# Elements that end a run of text: "1<sup>er</sup> mars" is one run, two paragraphs are two.
_BLOCKS = {"blockquote", "dd", "div", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "li", "p", "td", "th", "tr"}
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SPACE = "[ \u00a0\u202f]"

MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
_FR_MONTH = "|".join(MONTHS["fr"])
_EN_MONTH = "|".join(MONTHS["en"])
# Each pattern names its parts: day, month, year (day or year may be missing, not both).
DATES = {
    "fr": [
        re.compile(
            rf"\b(?:(?P<day>1er|\d{{1,2}}){_SPACE}+)?(?P<month>{_FR_MONTH})\b(?:{_SPACE}+(?P<year>\d{{4}})\b)?",
            re.I,
        )
    ],
    "en": [
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_SPACE}+(?P<month>{_EN_MONTH})\b(?:,?{_SPACE}+(?P<year>\d{{4}})\b)?"
        ),
        re.compile(
            rf"\b(?P<month>{_EN_MONTH}){_SPACE}+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?{_SPACE}*(?P<year>\d{{4}})\b)?"
        ),
    ],
}
# Times of day, as each language writes them: "14 h 30", "14 h" in French; "2.30 pm", "2 pm" or
# "14:30" in English. Each names its parts: hour, minute (may be missing), and am or pm (English).
TIMES = {
    "fr": [re.compile(rf"\b(?P<hour>[01]?\d|2[0-3]){_SPACE}*h(?:{_SPACE}*(?P<minute>[0-5]\d))?\b")],
    "en": [
        re.compile(
            rf"\b(?P<hour>1[0-2]|0?[1-9])(?:[.:](?P<minute>[0-5]\d))?{_SPACE}*(?P<half>[ap])\.?m\b\.?", re.I
        ),
        re.compile(r"\b(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\b"),
    ],
}
# Thousands grouped by spaces in French, by commas in English; decimal comma, decimal point.
NUMBERS = {
    "fr": re.compile(
        rf"(?<![\d,.])\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?(?!\d)|(?<![\d,.])\d+(?:[,.]\d+)?(?!\d)"
    ),
    "en": re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d,.])\d+(?:\.\d+)?(?!\d)"),
}


@dataclass(frozen=True)
class Figure:
    key: str  # the same in both languages: "40000", "2022-03-24"
    text: str  # as written: "40 000"
    english: str  # as English writes it: "40,000"


def dates(text: str, language: str) -> tuple[list[Figure], str]:
    """The dates in a text, and the text without them."""
    found = []

    def take(match: re.Match[str]) -> str:
        day, year = match["day"], match["year"]
        if day is None and year is None:
            return match[0]  # a month's name alone is a word, not a figure
        month = next(
            i for i, name in enumerate(MONTHS[language], 1) if name.lower() == match["month"].lower()
        )
        day_number = 1 if day == "1er" else int(day) if day else None
        key = "-".join(
            part for part in (year or "", f"{month:02}", f"{day_number:02}" if day else "") if part
        )
        english = " ".join(
            part for part in (str(day_number) if day else "", MONTHS["en"][month - 1], year or "") if part
        )
        found.append(Figure(key, " ".join(match[0].split()), english))
        return " "

    for pattern in DATES[language]:
        text = pattern.sub(take, text)
    return found, text


def times(text: str, language: str) -> tuple[list[Figure], str]:
    """The times of day in a text, and the text without them: "14 h 30" is "2.30 pm"."""
    found = []

    def take(match: re.Match[str]) -> str:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        half = (match.groupdict().get("half") or "").lower()
        if half:
            hour = hour % 12 + (12 if half == "p" else 0)
        english = f"{hour % 12 or 12}{f'.{minute:02}' if minute else ''} {'pm' if hour >= 12 else 'am'}"
        found.append(Figure(f"T{hour:02}:{minute:02}", " ".join(match[0].split()), english))
        return " "

    for pattern in TIMES[language]:
        text = pattern.sub(take, text)
    return found, text


def figures(text: str, language: str) -> list[Figure]:
    found_times, text = times(text, language)
    found, rest = dates(text, language)
    found = found_times + found
    # French writes decimals with a comma, but a version number with a point
    # (WCAG 2.1) is written the same in both languages.
    decimal_marks = ",." if language == "fr" else "."
    for match in NUMBERS[language].finditer(rest):
        whole, decimals = match[0], ""
        for mark in decimal_marks:
            if mark in whole:
                whole, _, decimals = whole.partition(mark)
                break
        digits = re.sub(r"\D", "", whole)
        fraction = f".{decimals}" if decimals else ""
        grouped = f"{int(digits):,}" if digits != whole else digits  # thousands separated
        found.append(Figure(digits + fraction, " ".join(match[0].split()), grouped + fraction))
    return found


@dataclass
class Article:
    """What is compared of a rendered article."""

    paragraphs: int = 0
    list_items: int = 0
    links: int = 0
    text: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"paragraph": self.paragraphs, "list item": self.list_items, "link": self.links}


class _ArticleReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article = Article()
        self.skipping = 0  # depth inside a skipped element
        self.open_links: list[bool] = []  # for each open <a>: does it link to another page of the site?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "br":
            self.article.text.append(" ")
        if tag in _VOID:
            return
        attributes = dict(attrs)
        if self.skipping or SKIPPED_CLASSES & set((attributes.get("class") or "").split()):
            self.skipping += 1
            return
        if tag == "p":
            self.article.paragraphs += 1
        elif tag == "li":
            self.article.list_items += 1
        elif tag == "a":
            href = attributes.get("href")
            if href is not None:
                self.article.links += 1
            # No scheme and not an anchor on this page: a page of this site.
            self.open_links.append(href is not None and not re.match(r"[A-Za-z][\w+.-]*:|#", href))

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.article.text.append(" ")
        if tag in _VOID:
            return
        if self.skipping:
            self.skipping -= 1
        elif tag == "a" and self.open_links:
            self.open_links.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping and not any(self.open_links):
            self.article.text.append(data)


def read_article(html: str) -> Article:
    reader = _ArticleReader()
    reader.feed(html)
    reader.close()
    return reader.article


@dataclass(frozen=True)
class RenderedPage:
    source: Source
    article: Article

    @property
    def figures(self) -> list[Figure]:
        return figures("".join(self.article.text), self.source.language)

    def blocks(self) -> list[int]:
        """The first line of each block (paragraph, heading, list…) of the page's Markdown."""
        starts, previous_blank = [], True
        for number, line in self.source.lines():
            if line.strip() and previous_blank:
                starts.append(number)
            previous_blank = not line.strip()
        return starts

    def title_line(self) -> int:
        headings = self.source.headings()
        return headings[0].line if headings else self.source.body_line

    def line_of(self, figure: Figure) -> int | None:
        for number, line in self.source.lines():
            if figure.text in " ".join(re.sub(_SPACE, " ", line).split()):
                return number
        return None


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def compare(french: RenderedPage, english: RenderedPage) -> list[Problem]:
    problems = []
    here, there = english.source.src_uri, french.source.src_uri
    ours, theirs = english.article.counts(), french.article.counts()
    differ = [kind for kind in ours if ours[kind] != theirs[kind]]
    if differ:
        problems.append(
            Problem(
                here,
                f"has {' and '.join(plural(ours[kind], kind) for kind in differ)} where its French "
                f"version, docs/{there}, has {' and '.join(plural(theirs[kind], kind) for kind in differ)}. "
                "Translate every paragraph, list item and link of the French, no more and no fewer.",
                english.title_line(),
            )
        )
    english_figures = Counter(figure.key for figure in english.figures)
    french_figures = french.figures
    wanted = Counter(figure.key for figure in french_figures)
    french_blocks, english_blocks = french.blocks(), english.blocks()
    for key, count in wanted.items():
        if english_figures[key] >= count:
            continue
        figure = next(figure for figure in french_figures if figure.key == key)
        french_line = french.line_of(figure)
        block = sum(1 for start in french_blocks if french_line and start <= french_line) - 1
        line = english_blocks[block] if 0 <= block < len(english_blocks) else english.title_line()
        where = f"docs/{there}" + (f":{french_line}" if french_line else "")
        found = english_figures[key]
        in_french = (
            f"is in its French version ({where})"
            if count == 1
            else f"is {count} times in its French version ({where})"
        )
        problems.append(
            Problem(
                here,
                f"the figure “{figure.text}” {in_french} but {f'{found} times' if found else 'not'} here. "
                f"Write it in the English too, as figures: {figure.english}.",
                line,
            )
        )
    return problems


# The French pages of this build, by address; the differences found in the other languages.
_french: dict[str, RenderedPage] = {}
_problems: list[Problem] = []


@event_priority(-110)  # after static-i18n has set the build's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.theme["language"] == DEFAULT_LANGUAGE:  # a new build starts
        _french.clear()
        _problems.clear()
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = config.theme["language"]
    if norm_uri(page.file.src_uri) == ALL_QUESTIONS:
        return html
    rendered = RenderedPage(Source.parse(page.file.src_uri, page.file.content_string), read_article(html))
    if language == DEFAULT_LANGUAGE:
        _french[page.url] = rendered
    else:
        french = _french.get(page.url.removeprefix(f"{language}/"))
        if french is not None:
            _problems.extend(compare(french, rendered))
    return html


def worth_reporting(problem: Problem, others: list[Problem]) -> bool:
    """Whether a difference is the translation's, not the echo of another problem.

    A page with a problem of its own (its front matter unreadable, say) renders
    differently from its twin because of it; and the home page lists the
    questions, so a question with a problem can change its list.
    """
    english = problem.src_uri
    french = uri_for(norm_uri(english), DEFAULT_LANGUAGE)
    if any(other.src_uri in (english, french) for other in others):
        return False
    return norm_uri(english) != HOME or not any(is_question(other.src_uri) for other in others)


def on_env(env, config: MkDocsConfig, files: Files):
    # Every page of this language has been rendered, none written yet; the
    # problems found so far, in both languages, are all in faq_docs.PROBLEMS,
    # and overrides/hooks/problems.py stops the build with them at its end.
    if config.theme["language"] != DEFAULT_LANGUAGE:
        others = list(PROBLEMS)
        report([problem for problem in _problems if worth_reporting(problem, others)])
    return env

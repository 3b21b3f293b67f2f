"""Each translated page says as much as its French page: same paragraphs, list items, links, figures.

static-i18n renders every French page, then every English page. For each page
the plugin reads the article as rendered (after Markdown, before the theme) and
records how many paragraphs, list items and links it has and which figures its
text holds: numbers (`40 000` is `40,000` in English), years and dates
(`1er mars 2022` is `1 March 2022`), times (`à 18 heures` is `6 pm`), ordinals
(`2e` is `2nd` or "second"), fractions in words (« un tiers » is "a third"), and
numbers in words, read as their figures by text2num (`1 milliard`, « un
milliard », "one billion" are one figure; each language says from which value a
number word counts: French `un` is also an article). Each English page must have the counts of
its French page and every figure of it (as each language writes figures:
faq_site/languages/); if not, each difference is one more problem in the list
the build stops with (unless the page or its French page has a problem of its
own: the difference would only echo it, messages/problems.py).

Left out: the notice on a translation behind its French text (readers/dates.py),
the headings' permalinks, the "all questions" page (it repeats the questions,
each checked on its own page), and the text of links to other pages of the
site (their titles, checked on those pages: the home page lists the questions).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from text_to_num import alpha2digit

from faq_site.checks.rendered import Article, RenderedPage
from faq_site.languages import NEUTRAL, LanguageRules, Languages, rules_for
from faq_site.messages.problems import Problem
from faq_site.sources.lines import Fold
from faq_site.sources.page import MarkdownPage

__all__ = ["Article", "ParityPage", "compare", "misfigures", "parity_page"]


@dataclass(frozen=True)
class Figure:
    key: str  # the same in every language: "40000", "2022-03-24"
    text: str  # as written: "40 000"
    # Its parts, to write it as another language does: a date's, or a number's.
    day: int | None = None
    month: int | None = None
    year: str | None = None
    grouped: bool = False  # a number written with its thousands separated
    hour: int | None = None  # a time's: 14, 30
    minute: int = 0
    ordinal: int | None = None  # `2e`, "second": 2
    fraction: tuple[int, int] | None = None  # « un tiers »: (1, 3)
    scale: tuple[str, int] | None = None  # `1,5 milliard`: ("1.5", 9)

    def written(self, rules: LanguageRules) -> str:
        """As a language writes it: `40,000`, `1 March 2022`, `2.30 pm`, `2nd`, `1 billion` in English;
        digits without rules."""
        if self.hour is not None:
            return rules.time(self.hour, self.minute)
        if self.month is not None:
            return rules.written(self.day, self.month, self.year)
        if self.ordinal is not None:
            return rules.ordinal(self.ordinal) if rules.ordinal else str(self.ordinal)
        if self.fraction is not None:
            return rules.fraction(*self.fraction) if rules.fraction else "/".join(map(str, self.fraction))
        if self.scale is not None and (words := [w for w, power in rules.scales if power == self.scale[1]]):
            mantissa = self.scale[0].replace(".", rules.decimal_marks[:1] or ".")
            return f"{mantissa} {words[-1]}"
        whole, _, fraction = self.key.partition(".")
        if self.grouped and rules.thousands_separator:
            whole = f"{int(whole):,}".replace(",", rules.thousands_separator)
        return whole + (f".{fraction}" if fraction else "")


def dates(text: str, rules: LanguageRules) -> tuple[list[Figure], str]:
    """The dates in a text, and the text without them."""
    found = []

    def take(match: re.Match[str]) -> str:
        day, year = match["day"], match["year"]
        if day is None and year is None:
            return match[0]  # a month's name alone is a word, not a figure
        month = next(i for i, name in enumerate(rules.months, 1) if name.lower() == match["month"].lower())
        day_number = 1 if day and day == rules.first_day else int(day) if day else None
        key = "-".join(
            part for part in (year or "", f"{month:02}", f"{day_number:02}" if day else "") if part
        )
        found.append(Figure(key, " ".join(match[0].split()), day_number, month, year))
        return " "

    for pattern in rules.dates:
        text = pattern.sub(take, text)
    return found, text


def times(text: str, rules: LanguageRules) -> tuple[list[Figure], str]:
    """The times of day in a text (`14 h 30`, `2.30 pm`: the same time), and the text without them."""
    found = []

    def take(match: re.Match[str]) -> str:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        half = (match.groupdict().get("half") or "").lower()
        if half:
            hour = hour % 12 + (12 if half == "p" else 0)
        found.append(
            Figure(f"time {hour:02}:{minute:02}", " ".join(match[0].split()), hour=hour, minute=minute)
        )
        return " "

    for pattern in rules.times:
        text = pattern.sub(take, text)
    return found, text


def number_key(written: str, rules: LanguageRules) -> tuple[str, bool]:
    """A number as compared (`40000`, `1.5`), and whether its thousands were grouped."""
    whole, decimals = written, ""
    for mark in rules.decimal_marks:
        if mark in whole:
            whole, _, decimals = whole.partition(mark)
            break
    digits = re.sub(r"\D", "", whole)
    return digits + (f".{decimals}" if decimals else ""), digits != whole


def fractions(text: str, rules: LanguageRules) -> tuple[list[Figure], str]:
    """The fractions in words (« un tiers », "two thirds"), and the text without them."""
    found: list[Figure] = []
    if rules.fractions is None or rules.read_fraction is None:
        return found, text

    def take(match: re.Match[str]) -> str:
        value = rules.read_fraction(match["numerator"], match["denominator"])
        found.append(Figure(f"fraction {value[0]}/{value[1]}", " ".join(match[0].split()), fraction=value))
        return " "

    return found, rules.fractions.sub(take, text)


def scaled(text: str, rules: LanguageRules) -> tuple[list[Figure], str]:
    """Figures with a word for their size (`1,5 milliard`, `2 billion`), and the text without them."""
    found: list[Figure] = []
    if not rules.scales:
        return found, text
    words = "|".join(word for word, _ in rules.scales)
    pattern = re.compile(rf"(?<![\d,.])(?P<number>\d+(?:[,.]\d+)?)[ \u00a0\u202f]+(?P<word>{words})\b", re.I)

    def take(match: re.Match[str]) -> str:
        mantissa, _ = number_key(match["number"], rules)
        power = dict(rules.scales)[match["word"].lower()]
        whole, _, decimals = mantissa.partition(".")
        key = str(int(whole + decimals.ljust(power, "0")[:power]) if power >= len(decimals) else mantissa)
        found.append(Figure(key, " ".join(match[0].split()), scale=(mantissa, power)))
        return " "

    return found, pattern.sub(take, text)


def ordinals(text: str, rules: LanguageRules) -> tuple[list[Figure], str]:
    """The ordinals in figures (`2e`, `10th`), and the text without them."""
    found: list[Figure] = []
    if rules.ordinals is None:
        return found, text

    def take(match: re.Match[str]) -> str:
        number = int(match["number"])
        found.append(Figure(f"ordinal {number}", " ".join(match[0].split()), ordinal=number))
        return " "

    return found, rules.ordinals.sub(take, text)


def in_figures(text: str, rules: LanguageRules) -> str:
    """The text with its numbers and ordinals in words as figures (text2num): `trente-deux` is `32`."""
    if not rules.number_words:
        return text
    return alpha2digit(text, rules.number_words, rules.number_words_from)


def figures(text: str, rules: LanguageRules) -> list[Figure]:
    # Fractions and sizes before the words become figures: text2num reads "one third" as an
    # ordinal, `1 milliard` as two numbers.
    found, rest = fractions(text, rules)
    found_scaled, rest = scaled(rest, rules)
    found += found_scaled
    rest = in_figures(rest, rules)
    for read in (dates, times, ordinals):
        more, rest = read(rest, rules)
        found += more
    for match in rules.numbers.finditer(rest):
        key, grouped = number_key(match[0], rules)
        found.append(Figure(key, " ".join(match[0].split()), grouped=grouped))
    return found


@dataclass(frozen=True)
class ParityPage:
    """A page as the parity check compares it: its Markdown (for lines) and its rendered article."""

    source: MarkdownPage
    article: Article

    def figures(self, rules: LanguageRules) -> list[Figure]:
        return figures("".join(self.article.text), rules)

    def blocks(self) -> list[int]:
        """The first line of each block (paragraph, heading, list…) of the page's Markdown."""
        return [block.span.first for block in self.source.blocks]

    def title_line(self) -> int:
        headings = self.source.headings
        return headings[0].line if headings else self.source.body_line

    def line_of(self, figure: Figure) -> int | None:
        return self.source.finder.first(figure.text, fold=Fold.SPACES)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def compare(french: ParityPage, english: ParityPage, languages: Languages) -> list[Problem]:
    """What a translation (`english`, in any language) lacks of its French page.

    Each language reads figures with its own rules (`40 000` and `40,000` are
    the same figure); if either language has none, both are read as digits.
    """
    french_rules, english_rules = rules_for(french.source.language), rules_for(english.source.language)
    if french_rules.neutral or english_rules.neutral:
        french_rules = english_rules = NEUTRAL
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
    english_figures = Counter(figure.key for figure in english.figures(english_rules))
    french_figures = french.figures(french_rules)
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
                f"Write it in the {languages.name(english.source.language)} too, as "
                f"{'' if figure.fraction else 'figures: '}{figure.written(english_rules)}.",
                line,
            )
        )
    return problems


def misfigures(page: ParityPage) -> list[Problem]:
    """Figures written as the page's language does not write them, with that language's advice."""
    rules = rules_for(page.source.language)
    text = "".join(page.article.text)
    problems = []
    for pattern, advice in rules.misfigures:
        for match in pattern.finditer(text):
            figure = Figure(match[0], match[0])
            problems.append(Problem(page.source.src_uri, advice(match[0]), page.line_of(figure)))
    return problems


def parity_page(source: MarkdownPage, rendered: RenderedPage) -> ParityPage:
    return ParityPage(source, rendered.article())

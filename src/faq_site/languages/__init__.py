"""The site's languages, and how each one writes.

Which languages the site has comes from one place only: the i18n plugin's
`languages` list in mkdocs.yml (`Languages.of_config`). How a language writes
(its typography, how it writes figures and dates, its function words, its name
in messages) comes
from its module here, `fr.py`, `en.py`: `rules_for("fr")`. A language without a
module gets `NEUTRAL`: text as typed, figures compared as digits. Adding a
language needs no module; a module only makes its typography and its parity
check finer.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
# Any space a figure's parts may be separated by: typed, no-break or narrow no-break.
SPACE = "[ \u00a0\u202f]"
# A language without rules: a figure is its digits, whatever separates them (`40 000`,
# `40,000` and `40.000` are all 40000), so a translation is compared as figures.
NEUTRAL_NUMBER = re.compile(rf"(?<!\d)\d+(?:(?:{SPACE}|[,.])\d+)*(?!\d)")
# Where a quotation opens: at the start, or after a space, an opening bracket or a dash.
OPENS = r"(?:^|(?<=[\s(\[{\u2013\u2014]))"
# A time on the 24-hour clock, `14:30`, written so in many languages.
CLOCK = re.compile(r"(?<![\d,.:])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])")


@dataclass(frozen=True)
class LanguageRules:
    """How one language writes. Every field's default is the neutral rule."""

    name: str = ""  # in English, for the messages ("French"); empty: the i18n plugin's name
    # Quotes typed straight, made typographic first: (pattern, replacement), each replacing one
    # character by one, read with the character before the text (whether a quote opens or closes
    # depends on it, and a text node may start right after a quote's first word, `"*NATO*"`).
    quotes: tuple[tuple[re.Pattern[str], str], ...] = ()
    # What a straight double quote becomes where it opens a quotation and where it closes one, when
    # the quotes of a block of text are paired (faq_site.markdown.typography): `("«", "»")`. Empty:
    # every quote is judged by `quotes` alone.
    double_quotes: tuple[str, str] | tuple[()] = ()
    # Typography: (pattern, replacement), applied in order to the text readers see, after `quotes`.
    typography: tuple[tuple[re.Pattern[str], str], ...] = ()
    # Figures (translation parity): month names, date patterns naming their parts
    # (day, month, year), the number pattern, the decimal marks, the day written "1er".
    months: tuple[str, ...] = ()
    dates: tuple[re.Pattern[str], ...] = ()
    numbers: re.Pattern[str] = NEUTRAL_NUMBER
    decimal_marks: str = ""
    thousands_separator: str = ""  # how a grouped number is written back: `40,000`
    first_day: str = ""  # how the first day of a month is written in a date: `1er`
    # Times of day, read before the numbers: patterns naming `hour`, `minute` (may be
    # missing) and `half` (`a` or `p`, on a 12-hour clock); and how the language writes one.
    times: tuple[re.Pattern[str], ...] = ()
    clock: Callable[[int, int], str] | None = None
    # Numbers and ordinals in words, read as their figures by text2num (« trente-deux », "second"):
    # its language code ("" for none), and the value from which a number word alone counts
    # (French `un` is also an article: below 3, a word stays a word).
    number_words: str = ""
    number_words_from: float = 0
    # Ordinals in figures (`2e`, `2nd`), naming `number`; how the language writes one.
    ordinals: re.Pattern[str] | None = None
    ordinal: Callable[[int], str] | None = None
    # Large numbers written with a word (`1,5 milliard`, `1 billion`): each word's power of ten.
    scales: tuple[tuple[str, int], ...] = ()
    # Fractions in words (« un tiers », "two thirds"), naming `numerator` and `denominator`, and how
    # the language writes one; read before the number words (text2num reads "one third" as `1 3rd`).
    fractions: re.Pattern[str] | None = None
    read_fraction: Callable[[str, str], tuple[int, int]] | None = None
    fraction: Callable[[int, int], str] | None = None
    # Figures the language does not write that way (`40.000` in French), each with the
    # advice for the page: (pattern, advice(figure as written)).
    misfigures: tuple[tuple[re.Pattern[str], Callable[[str], str]], ...] = ()
    # Its most frequent function words (articles, prepositions, pronouns…): the language
    # checks find text of another language with them. None: its pages are not checked.
    function_words: frozenset[str] = frozenset()

    @property
    def neutral(self) -> bool:
        return self.numbers is NEUTRAL_NUMBER

    def time(self, hour: int, minute: int) -> str:
        """A time as this language writes it: `2.30 pm` in English; `14:30` without rules."""
        return self.clock(hour, minute) if self.clock else f"{hour:02}:{minute:02}"

    def date_text(self, day: date) -> str:
        """A page's date as readers read it: `1er mars 2022`, `25 November 2026`; ISO without rules."""
        if not self.months:
            return day.isoformat()
        ordinal = self.first_day if day.day == 1 and self.first_day else str(day.day)
        return f"{ordinal} {self.months[day.month - 1]} {day.year}"

    def written(self, day: int | None, month: int, year: str | None) -> str:
        """A date as this language writes it in figures and words: `1 March 2022`."""
        name = self.months[month - 1] if self.months else f"{month:02}"
        return " ".join(part for part in (str(day) if day else "", name, year or "") if part)


NEUTRAL = LanguageRules()


def rules_for(locale: str) -> LanguageRules:
    """The rules of a language: its module's RULES, or NEUTRAL if it has no module."""
    if not re.fullmatch(r"[a-z]{2,3}(?:_[A-Za-z]+)?", locale or ""):
        return NEUTRAL
    try:
        module = importlib.import_module(f"{__name__}.{locale}")
    except ModuleNotFoundError:
        return NEUTRAL
    return module.RULES


@dataclass(frozen=True)
class Languages:
    """The site's languages, as the i18n plugin lists them.

    A page is `x.md` in the default language and `x.<lang>.md` in the others.
    """

    default: str
    all: tuple[str, ...]  # the default first, then the others in the i18n plugin's order
    built: tuple[str, ...]  # in the order static-i18n builds them: the default first
    names: dict[str, str] = field(default_factory=dict)  # the i18n plugin's names ("Français")

    @classmethod
    def of_config(cls, config: MkDocsConfig) -> Languages:
        i18n = config.plugins.get("i18n")
        if i18n is None or not getattr(i18n, "default_language", None):
            raise PluginError(
                "mkdocs.yml: the faq plugin takes the site's languages from the i18n plugin. "
                "Enable `i18n` under `plugins:`, with its `languages`, one of them `default: true`."
            )
        default = i18n.default_language
        others = tuple(language for language in i18n.all_languages if language != default)
        built = tuple(language for language in i18n.build_languages if language != default)
        names = {language.locale: language.name for language in i18n.config.languages}
        return cls(default, (default, *others), (default, *built), names)

    @property
    def others(self) -> tuple[str, ...]:
        """The languages published under their own folder (`en/`); the default one is at the root."""
        return self.all[1:]

    def name(self, language: str) -> str:
        """A language's name in the messages: `French`, or the i18n plugin's name without rules."""
        return rules_for(language).name or self.names.get(language) or language

    def of(self, src_uri: str) -> str:
        """The language of a page from its file name: `x.en.md` is `en`, `x.md` the default."""
        suffixes = PurePosixPath(src_uri).suffixes
        if len(suffixes) >= 2 and suffixes[-2][1:] in self.others:
            return suffixes[-2][1:]
        return self.default

    def norm_uri(self, src_uri: str) -> str:
        """The page's path without its language suffix: `faq/what-is-nato.md`."""
        language = self.of(src_uri)
        if language == self.default:
            return src_uri
        return src_uri[: -len(f".{language}.md")] + ".md"

    def uri_for(self, norm: str, language: str) -> str:
        """The source path of a page in a language: `faq/what-is-nato.en.md`."""
        if language == self.default:
            return norm
        return norm[: -len(".md")] + f".{language}.md"

    def prefix(self, language: str) -> str:
        """Where a language's pages are published: `` for the default, `en/` for English."""
        return "" if language == self.default else f"{language}/"

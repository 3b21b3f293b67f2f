"""French: how it is typeset, and how it writes figures and dates."""

from __future__ import annotations

import re

from faq_site.languages import CLOCK, NARROW_NBSP, NBSP, OPENS, SPACE, LanguageRules

MONTHS = (
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
)
# `14 h 30`, `14h30`, `9 h`: the hour, `h`, the minutes if any.
TIME = re.compile(rf"(?<![\d,.])(?P<hour>[01]?\d|2[0-3]){SPACE}?h(?:{SPACE}?(?P<minute>[0-5]\d))?(?!\w)")
# « à 18 heures », « vers 9 heures 30 »: a time of day after a word that introduces one
# (« pendant 18 heures » is a duration: 18 as a number).
_INTRODUCES_A_TIME = "|".join(
    rf"(?<=\b{word}[ \u00a0])" for word in ("à", "vers", "dès", "avant", "après", "jusqu’à", "jusqu'à")
)
TIME_IN_WORDS = re.compile(
    rf"(?:{_INTRODUCES_A_TIME})(?P<hour>[01]?\d|2[0-3]){SPACE}heures?(?:{SPACE}(?P<minute>[0-5]\d))?\b"
)
# `2e`, `2ème`, `1er`, `1re`, `2nd`: an ordinal in figures (not `1er mars`: a date, read first).
ORDINALS = re.compile(r"(?<![\d,.])(?P<number>\d+)(?:er|re|ère|e|ème|nd|nde)\b")
# « un tiers », « deux tiers », « trois quarts », « 1 quart »: a fraction in words.
FRACTIONS = re.compile(rf"\b(?P<numerator>une?|deux|trois|\d+){SPACE}(?P<denominator>tiers|quarts?)\b", re.I)
_NUMERATORS = {"un": 1, "une": 1, "deux": 2, "trois": 3}
_DENOMINATORS = {"tiers": 3, "quart": 4, "quarts": 4}


def ordinal(number: int) -> str:
    return "1er" if number == 1 else f"{number}e"


def read_fraction(numerator: str, denominator: str) -> tuple[int, int]:
    """(1, 3) for `un tiers`: a fraction's numerator and denominator, as written."""
    value = int(numerator) if numerator.isdigit() else _NUMERATORS[numerator.lower()]
    return value, _DENOMINATORS[denominator.lower()]


def fraction(numerator: int, denominator: int) -> str:
    """`un tiers`, `deux tiers`, `3 quarts`."""
    words = {1: "un", 2: "deux", 3: "trois"}
    name = "tiers" if denominator == 3 else "quarts" if numerator > 1 else "quart"
    return f"{words.get(numerator, numerator)} {name}"


# Thousands grouped by points (`40.000`, `1.250.000`: German, Italian) or commas
# (`40,000`: English, which French reads as forty, the comma marking decimals).
POINT_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)")
COMMA_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.,]*\d)")


def clock(hour: int, minute: int) -> str:
    return f"{hour} h {minute:02}" if minute else f"{hour} h"


def point_thousands(figure: str) -> str:
    return (
        f"the figure “{figure}” groups its thousands with a point, which French readers take for a "
        f"decimal point. Write it the French way, with a space: `{figure.replace('.', ' ')}`."
    )


def comma_thousands(figure: str) -> str:
    return (
        f"the figure “{figure}” groups its thousands with a comma, which French readers take for a "
        f"decimal comma. Write it the French way, with a space: `{figure.replace(',', ' ')}`."
    )


# The most frequent function words: words every sentence has, whatever its subject,
# and names and titles rarely contain (checks/language_integrity.py). Elided words
# count alone: `l’OTAN` is `l` and `OTAN`. One line per kind, kept as written:
# fmt: off
FUNCTION_WORDS = frozenset({
    "le", "la", "les", "l", "un", "une", "des", "du", "au", "aux", "ce", "cette", "ces",
    "de", "d", "dans", "pour", "sur", "par", "avec", "en",
    "il", "ils", "elle", "elles", "nous", "vous", "on", "se", "son", "sa", "ses", "leur", "leurs",
    "et", "ou", "où", "que", "qu", "qui", "mais", "comme", "aussi", "plus", "ne", "n", "pas",
    "est", "sont", "ont", "été", "être",
})
# fmt: on

RULES = LanguageRules(
    name="French",
    # A French keyboard has no « » key: `"` typed where a quotation opens is `«`, elsewhere `»`;
    # the spaces inside them follow (typography, below).
    quotes=(
        # Also after an elided word: `l'"Alliance"` is `l’« Alliance »`.
        (re.compile(rf"(?:{OPENS}|(?<=['’]))\""), "«"),
        (re.compile('"'), "»"),
    ),
    double_quotes=("«", "»"),
    typography=(
        (re.compile("'"), "’"),
        (re.compile(r"\s+(?=[?!;])"), NARROW_NBSP),
        (re.compile(r"\s+(?=:)"), NBSP),
        (re.compile(r"«\s*"), "«" + NBSP),
        (re.compile(r"\s*»"), NBSP + "»"),
        # `0,25 %`: the space typed before `%` is a no-break space, as inside « » and before `:`
        # (Imprimerie nationale); `25%`, typed glued, stays so.
        (re.compile(r"\s+(?=%)"), NBSP),
        (re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))"), NARROW_NBSP),
    ),
    months=MONTHS,
    # `1er mars 2022`, `24 février`, `mars 2022` (day or year may be missing, not both).
    dates=(
        re.compile(
            rf"\b(?:(?P<day>1er|\d{{1,2}}){SPACE}+)?(?P<month>{'|'.join(MONTHS)})\b"
            rf"(?:{SPACE}+(?P<year>\d{{4}})\b)?",
            re.I,
        ),
    ),
    # Thousands grouped by spaces (`40 000`), a decimal comma (`2,5`).
    numbers=re.compile(
        rf"(?<![\d,.])\d{{1,3}}(?:{SPACE}\d{{3}})+(?:,\d+)?(?!\d)|(?<![\d,.])\d+(?:[,.]\d+)?(?!\d)"
    ),
    # French writes decimals with a comma, but a version number with a point
    # (WCAG 2.1) is written the same in both languages.
    thousands_separator=" ",
    decimal_marks=",.",
    first_day="1er",
    times=(TIME, TIME_IN_WORDS, CLOCK),
    clock=clock,
    number_words="fr",
    number_words_from=3,
    ordinals=ORDINALS,
    ordinal=ordinal,
    scales=(("milliards", 9), ("milliard", 9), ("millions", 6), ("million", 6)),
    fractions=FRACTIONS,
    read_fraction=read_fraction,
    fraction=fraction,
    misfigures=((POINT_THOUSANDS, point_thousands), (COMMA_THOUSANDS, comma_thousands)),
    function_words=FUNCTION_WORDS,
)

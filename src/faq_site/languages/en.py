"""English (British): how it is typeset, and how it writes figures and dates."""

from __future__ import annotations

import re

from faq_site.languages import CLOCK, NBSP, OPENS, SPACE, LanguageRules

MONTHS = (
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
)
_MONTH = "|".join(MONTHS)
# `2.30 pm`, `2 p.m.`, `9 am`: a 12-hour clock, as NATO's British English writes it.
TIME = re.compile(
    rf"(?<![\d,.:])(?P<hour>1[0-2]|0?[1-9])(?:[.:](?P<minute>[0-5]\d))?{SPACE}?(?P<half>[ap])\.?m\b\.?",
    re.I,
)


# `2nd`, `10th`: an ordinal in figures (not `1st March`: a date, read first).
ORDINALS = re.compile(r"(?<![\d,.])(?P<number>\d+)(?:st|nd|rd|th)\b")
# "a third of", "one third", "two thirds", "three quarters": a fraction in words.
FRACTIONS = re.compile(
    rf"\b(?P<numerator>an?|one|two|three|\d+){SPACE}(?P<denominator>thirds?|quarters?)\b(?!{SPACE}+(?!of\b)[a-z])",
    re.I,
)
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_DENOMINATORS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4}


def ordinal(number: int) -> str:
    """`1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`."""
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def read_fraction(numerator: str, denominator: str) -> tuple[int, int]:
    """(1, 3) for "a third": a fraction's numerator and denominator, as written."""
    value = int(numerator) if numerator.isdigit() else _NUMERATORS[numerator.lower()]
    return value, _DENOMINATORS[denominator.lower()]


def fraction(numerator: int, denominator: int) -> str:
    """`one third`, `two thirds`, `3 quarters`."""
    words = {1: "one", 2: "two", 3: "three"}
    name = "third" if denominator == 3 else "quarter"
    return f"{words.get(numerator, numerator)} {name}{'s' if numerator > 1 else ''}"


def clock(hour: int, minute: int) -> str:
    """`2.30 pm`, `9 am`, `12 noon`, `12 midnight`."""
    if minute == 0 and hour in (0, 12):
        return "12 midnight" if hour == 0 else "12 noon"
    half = "am" if hour < 12 else "pm"
    twelve = hour % 12 or 12
    return f"{twelve}.{minute:02} {half}" if minute else f"{twelve} {half}"


# The most frequent function words: words every sentence has, whatever its subject,
# and names and titles rarely contain (checks/language_integrity.py). One line per
# kind, kept as written:
# fmt: off
FUNCTION_WORDS = frozenset({
    "the", "an", "this", "these", "its", "their",
    "of", "to", "in", "for", "with", "on", "by", "from", "at", "as",
    "it", "they", "who", "which", "that",
    "and", "or", "but", "also", "not",
    "is", "are", "was", "were", "be", "been", "have", "has", "will", "would",
})
# fmt: on

RULES = LanguageRules(
    name="English",
    quotes=(
        (re.compile(OPENS + '"'), "“"),
        (re.compile('"'), "”"),
        (re.compile(OPENS + "'(?=\\w)"), "‘"),
        (re.compile("'"), "’"),
    ),
    double_quotes=("“", "”"),
    typography=(
        # English has no space inside quotation marks: one typed there (`" no "`, a French
        # keyboard's habit) goes.
        (re.compile(r"(?<=“)\s+"), ""),
        (re.compile(r"\s+(?=”)"), ""),
        # A space typed before `%` (`25 %`) keeps the figure and its sign on one line; `25%`, as
        # British English writes it, stays as typed.
        (re.compile(r"\s+(?=%)"), NBSP),
    ),
    months=MONTHS,
    # `1 March 2022`, `1st March`, `March 1, 2022`, `March 2022`.
    dates=(
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{SPACE}+(?P<month>{_MONTH})\b"
            rf"(?:,?{SPACE}+(?P<year>\d{{4}})\b)?"
        ),
        re.compile(
            rf"\b(?P<month>{_MONTH}){SPACE}+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
            rf"(?:,?{SPACE}*(?P<year>\d{{4}})\b)?"
        ),
    ),
    # Thousands grouped by commas (`40,000`), a decimal point (`2.5`).
    numbers=re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?<![\d,.])\d+(?:\.\d+)?(?!\d)"),
    thousands_separator=",",
    decimal_marks=".",
    times=(TIME, CLOCK),
    clock=clock,
    # Every number word counts: English writes small numbers in words ("two countries"), and
    # a figure the English has beyond its French page ("one of them") is no mistake.
    number_words="en",
    number_words_from=0,
    ordinals=ORDINALS,
    ordinal=ordinal,
    scales=(("billion", 9), ("million", 6)),
    fractions=FRACTIONS,
    read_fraction=read_fraction,
    fraction=fraction,
    function_words=FUNCTION_WORDS,
)

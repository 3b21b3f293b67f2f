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
    times=(TIME, CLOCK),
    clock=clock,
    misfigures=((POINT_THOUSANDS, point_thousands), (COMMA_THOUSANDS, comma_thousands)),
    function_words=FUNCTION_WORDS,
)

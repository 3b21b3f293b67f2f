"""English (British): how it is typeset, and how it writes figures and dates."""

from __future__ import annotations

import re

from faq_site.languages import SPACE, LanguageRules

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
# Where a quotation opens: at the start, or after a space, an opening bracket or a dash.
_OPENS = r"(?:^|(?<=[\s(\[{\u2013\u2014]))"

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
    typography=(
        (re.compile(_OPENS + '"'), "“"),
        (re.compile('"'), "”"),
        (re.compile(_OPENS + "'(?=\\w)"), "‘"),
        (re.compile("'"), "’"),
    ),
    # Every rule replaces one character by one: the character before a text
    # decides whether its first quote opens or closes.
    quotes_need_context=True,
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
    function_words=FUNCTION_WORDS,
)

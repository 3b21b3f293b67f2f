"""How each language writes times and figures: what the translation check compares, and advises.

A time is one figure, written each language's way: French `14 h 30`, `14h30`,
`14 h` or `14:30`; English (British, as NATO writes it) `2.30 pm`, `2 pm` or
`14:30`. Both are read as the same time, `14:30`, so a translation that
writes the time its own way passes, and one that drops it is told how to write
it: `2.30 pm`.

Figures: French groups thousands with a space (`40 000`) and writes decimals
with a comma (`2,5`). A French page that groups them with a point (`40.000`)
is told so, in French terms, on the French page: the English translation is
not asked to copy the mistake.

Pure: text in, figures or findings out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPACE = "[ \u00a0\u202f]"
_HOUR_24 = r"(?P<hour>[01]?\d|2[0-3])"
_MINUTE = r"(?P<minute>[0-5]\d)"
_CLOCK = re.compile(rf"(?<![\d,.:]){_HOUR_24}:{_MINUTE}(?![\d:])")
TIMES = {
    "fr": [
        re.compile(rf"(?<![\d,.]){_HOUR_24}{SPACE}?h(?:{SPACE}?{_MINUTE})?(?![\w])"),
        _CLOCK,
    ],
    "en": [
        re.compile(
            rf"(?<![\d,.:])(?P<hour>1[0-2]|0?[1-9])(?:[.:]{_MINUTE})?{SPACE}?(?P<half>[ap])\.?m\b\.?",
            re.I,
        ),
        _CLOCK,
    ],
}


@dataclass(frozen=True)
class Time:
    key: str  # the same in every language: "time 14:30"
    text: str  # as written: "14 h 30"
    english: str  # as English writes it: "2.30 pm"


def english_time(hour: int, minute: int) -> str:
    """British style, as NATO writes it: `2.30 pm`, `9 am`, `12 noon`, `12 midnight`."""
    if minute == 0 and hour in (0, 12):
        return "12 midnight" if hour == 0 else "12 noon"
    half = "am" if hour < 12 else "pm"
    twelve = hour % 12 or 12
    return f"{twelve}.{minute:02} {half}" if minute else f"{twelve} {half}"


def times(text: str, language: str) -> tuple[list[Time], str]:
    """The times of day in a text, and the text without them."""
    found: list[Time] = []

    def take(match: re.Match[str]) -> str:
        hour = int(match["hour"])
        minute = int(match["minute"] or 0)
        half = (match.groupdict().get("half") or "").lower()
        if half:
            hour = hour % 12 + (12 if half == "p" else 0)
        found.append(
            Time(f"time {hour:02}:{minute:02}", " ".join(match[0].split()), english_time(hour, minute))
        )
        return " "

    for pattern in TIMES.get(language, []):
        text = pattern.sub(take, text)
    return found, text


# Thousands grouped by points (`40.000`, `1.250.000`): German or Italian, not French.
_POINT_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]*\d)")


def figure_style_problems(text: str, language: str) -> list[tuple[str, str]]:
    """(figure as written, advice) for figures a language does not write that way."""
    if language != "fr":
        return []
    return [
        (
            match[0],
            f"the figure “{match[0]}” groups its thousands with a point, which French readers take for "
            f"a decimal point. Write it the French way, with a space: `{match[0].replace('.', ' ')}`.",
        )
        for match in _POINT_THOUSANDS.finditer(text)
    ]

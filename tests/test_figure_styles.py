"""Unit tests: times in each language's style, and figures a language does not write that way."""

from __future__ import annotations

import pytest
from unit_loading import load

styles = load("checks/figure_styles.py")


@pytest.mark.parametrize(
    ("text", "language", "key", "english"),
    [
        ("à 14 h 30 précises", "fr", "time 14:30", "2.30 pm"),
        ("à 14h30", "fr", "time 14:30", "2.30 pm"),
        ("à 9\u00a0h", "fr", "time 09:00", "9 am"),
        ("à 12 h", "fr", "time 12:00", "12 noon"),
        ("at 2.30 pm sharp", "en", "time 14:30", "2.30 pm"),
        ("at 2.30\u00a0p.m.", "en", "time 14:30", "2.30 pm"),
        ("at 9 am", "en", "time 09:00", "9 am"),
        ("at 14:30", "en", "time 14:30", "2.30 pm"),
        ("à 00 h 15", "fr", "time 00:15", "12.15 am"),
    ],
)
def test_a_time_is_read_in_each_language_style(text: str, language: str, key: str, english: str) -> None:
    found, rest = styles.times(text, language)
    assert [(time.key, time.english) for time in found] == [(key, english)]
    assert not any(character.isdigit() for character in rest)


def test_numbers_are_not_times() -> None:
    assert styles.times("40 000 soldats en 2022, 2,5 %", "fr")[0] == []
    assert styles.times("40,000 troops in 2022, 2.5 per cent, WCAG 2.1", "en")[0] == []


def test_french_thousands_with_a_point_get_french_advice() -> None:
    assert styles.figure_style_problems("40.000 soldats, WCAG 2.1, 1.250.000 euros", "fr") == [
        (
            "40.000",
            "the figure “40.000” groups its thousands with a point, which French readers take for a decimal "
            "point. Write it the French way, with a space: `40 000`.",
        ),
        (
            "1.250.000",
            "the figure “1.250.000” groups its thousands with a point, which French readers take for a "
            "decimal point. Write it the French way, with a space: `1 250 000`.",
        ),
    ]
    assert styles.figure_style_problems("40.000 troops", "en") == []

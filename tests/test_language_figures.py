"""Unit tests: times in each language's style, and figures a language does not write that way."""

from __future__ import annotations

import pytest

from faq_site.checks.parity import figures
from faq_site.languages import rules_for


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
    [figure] = figures(text, rules_for(language))
    assert (figure.key, figure.written(rules_for("en"))) == (key, english)


def test_a_french_time_is_written_the_french_way() -> None:
    [figure] = figures("at 2.30 pm", rules_for("en"))
    assert figure.written(rules_for("fr")) == "14 h 30"


def test_numbers_are_not_times() -> None:
    assert {figure.key for figure in figures("40 000 soldats en 2022, 2,5 %", rules_for("fr"))} == {
        "40000",
        "2022",
        "2.5",
    }
    assert {figure.key for figure in figures("40,000 troops, 2.5 per cent, WCAG 2.1", rules_for("en"))} == {
        "40000",
        "2.5",
        "2.1",
    }


def test_french_thousands_with_a_point_get_french_advice() -> None:
    (pattern, advice), (comma, comma_advice) = rules_for("fr").misfigures
    found = [match[0] for match in pattern.finditer("40.000 soldats, WCAG 2.1, 1.250.000 euros, 24.03.2022")]
    assert found == ["40.000", "1.250.000"]
    assert advice("40.000") == (
        "the figure “40.000” groups its thousands with a point, which French readers take for a decimal "
        "point. Write it the French way, with a space: `40 000`."
    )
    assert [m[0] for m in comma.finditer("40,000 soldats, 2,5 %, 1,250,000 euros, 0,75")] == [
        "40,000",
        "1,250,000",
    ]
    assert comma_advice("40,000").endswith("Write it the French way, with a space: `40 000`.")
    assert rules_for("en").misfigures == ()

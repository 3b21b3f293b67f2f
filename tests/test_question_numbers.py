"""Unit tests: each question's number, and the file named when they do not run 1…n."""

from __future__ import annotations

from faq_site.checks import question_numbers as numbers

Numbered = numbers.Numbered


def test_quoted_zero_and_negative_numbers() -> None:
    assert numbers.value_problem("1", "1", '"') == (
        '`number: "1"` is in quotes, so it is read as text, not as a number. Remove the quotes: `number: 1`.'
    )
    assert numbers.value_problem(0, "0", None) == (
        "`number` is the question's place, 1 or more, not 0. Write it like `number: 3`, and number the "
        "questions 1, 2, 3…"
    )
    assert "not -2." in numbers.value_problem(-2, "-2", None)
    assert numbers.value_problem(3, "3", None) is None
    assert numbers.value_problem("x", "x", '"') is None  # not a number at all: the general message


def questions(*values: int) -> list:
    return [Numbered(f"faq/q{index}.md", value, 2) for index, value in enumerate(values, start=1)]


def test_numbers_one_to_n() -> None:
    assert numbers.gap_problems(questions(1, 2, 3)) == []
    assert numbers.gap_problems(questions(3, 1, 2)) == []


def test_a_far_number_names_its_own_file() -> None:
    assert numbers.gap_problems(questions(1, 999, 3, 4)) == [
        (
            "faq/q2.md",
            2,
            "has number 999, but there are 4 questions and none has number 2. Give it number 2, in both "
            "languages (the questions are numbered 1, 2, 3… with no gap).",
        )
    ]


def test_a_removed_question_names_the_one_after_the_gap() -> None:
    assert numbers.gap_problems(questions(1, 2, 4, 5)) == [
        (
            "faq/q3.md",
            2,
            "has number 4, but no question has number 3. Number the questions 1, 2, 3… with no gap.",
        )
    ]

"""Each question's `number`: a whole number of 1 or more, unique, the questions numbered 1…n.

A problem is named in the file that has it, at its `number` line: a number in
quotes (YAML reads `"1"` as text), zero or negative, or far past the others
(`number: 999` among nine questions: that page is named, not the question
after the gap). When numbers stop at one place and go on one higher (a question
was removed, or added twice), the first question after the gap is named, with
the number it should have.

Pure: front matter values and numbers in, messages out.
"""

from __future__ import annotations

from dataclasses import dataclass

EXAMPLE = "number: 3"


def value_problem(value: object, scalar: str, style: str | None) -> str | None:
    """What is wrong with one page's `number` as YAML read it, or None.

    `scalar` is the value as written, without its quotes; `style` its quote (`"`, `'`) or None.
    """
    if style in ('"', "'") and scalar.strip().lstrip("+").isdigit():
        return (
            f"`number: {style}{scalar}{style}` is in quotes, so it is read as text, not as a number. Remove "
            f"the quotes: `number: {int(scalar.strip())}`."
        )
    if isinstance(value, int) and not isinstance(value, bool) and value < 1:
        return (
            f"`number` is the question's place, 1 or more, not {value}. Write it like `{EXAMPLE}`, and "
            "number the questions 1, 2, 3…"
        )
    return None


@dataclass(frozen=True)
class Numbered:
    src_uri: str
    number: int
    line: int  # of its `number:` key


def gap_problems(questions: list[Numbered]) -> list[tuple[str, int, str]]:
    """(file, line, message) when the numbers of distinct questions do not run 1…n."""
    count = len(questions)
    by_number = {question.number: question for question in sorted(questions, key=lambda q: q.number)}
    free = [number for number in range(1, count + 1) if number not in by_number]
    if not free:
        return []
    beyond = sorted(number for number in by_number if number > count)
    shifted = 0  # the numbers count+1, count+2… that only follow a gap
    while shifted < len(beyond) and beyond[shifted] == count + 1 + shifted:
        shifted += 1
    outliers = beyond[shifted:]
    if not outliers:
        after = by_number[min(number for number in by_number if number > free[0])]
        return [
            (
                after.src_uri,
                after.line,
                f"has number {after.number}, but no question has number {free[0]}. Number the questions "
                "1, 2, 3… with no gap.",
            )
        ]
    missing = " or ".join(str(number) for number in free[: len(outliers)] or free[:1])
    problems = []
    for index, number in enumerate(outliers):
        question = by_number[number]
        wanted = free[index] if index < len(free) else free[-1]
        problems.append(
            (
                question.src_uri,
                question.line,
                f"has number {number}, but there are {count} questions and none has number {missing}. "
                f"Give it number {wanted}, in both languages (the questions are numbered 1, 2, 3… with no "
                "gap).",
            )
        )
    return problems

"""Unit tests: one precedence rule decides which problems an editor is shown (messages/problems.py)."""

from __future__ import annotations

from faq_site.messages.problems import Problem, Problems, Stage, address_subject


def shown(*reported: tuple[list[Problem], Stage]) -> list[str]:
    problems = Problems()
    for found, stage in reported:
        problems.report(found, stage)
    return [f"{p.src_uri}:{p.message}" for p in problems.shown()]


def test_a_later_stage_on_a_file_with_an_earlier_one_is_not_shown() -> None:
    assert shown(
        ([Problem("q.md", "front matter")], Stage.FRONT_MATTER),
        ([Problem("q.md", "rendered"), Problem("r.md", "rendered")], Stage.RENDERED),
        ([Problem("q.md", "across")], Stage.ACROSS),
    ) == ["q.md:front matter", "r.md:rendered"]


def test_problems_of_the_same_stage_are_all_shown() -> None:
    assert shown(([Problem("q.md", "a", 1), Problem("q.md", "b", 2)], Stage.MARKDOWN)) == ["q.md:a", "q.md:b"]


def test_a_problem_caused_by_another_files_problem_is_not_shown() -> None:
    parity = Problem("q.en.md", "parity", causes=(("q.md", Stage.ACROSS),))
    assert shown(([Problem("q.md", "code block")], Stage.RENDERED), ([parity], Stage.ACROSS)) == [
        "q.md:code block"
    ]
    assert shown(([parity], Stage.ACROSS)) == ["q.en.md:parity"]
    # Only up to the stage it names: a later problem of the other file is no cause.
    ids = Problem("q.en.md", "ids differ", causes=(("q.md", Stage.MARKDOWN),))
    assert shown(([Problem("q.md", "rendered")], Stage.RENDERED), ([ids], Stage.MARKDOWN)) == [
        "q.md:rendered",
        "q.en.md:ids differ",
    ]


def test_one_address_judged_twice_is_one_problem_the_earliest_found() -> None:
    subject = address_subject("q.md", "nowhere/")
    mkdocs = Problem("q.md", "MkDocs: not a page's file", 3, subject=subject)
    links = Problem("q.md", "links: leads to no page", 3, subject=subject)
    assert shown(([mkdocs], Stage.RENDERED), ([links], Stage.RENDERED)) == ["q.md:MkDocs: not a page's file"]
    # An earlier stage wins whatever the order found.
    assert shown(([links], Stage.RENDERED), ([mkdocs], Stage.MARKDOWN)) == ["q.md:MkDocs: not a page's file"]

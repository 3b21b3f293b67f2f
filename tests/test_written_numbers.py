"""Figures as translators write them: numbers in words, ordinals, fractions, sizes and times count as their
figures in both languages (checks/parity.py, faq_site/languages/fr.py and en.py, text2num).

Each case renders a French and an English answer with the site's own Markdown
configuration and compares them as the build does.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest
from fixture_site import FIXTURE
from mkdocs.config import load_config

from faq_site.checks.domains import domain_problem
from faq_site.checks.parity import ParityPage, compare, figures, parity_page
from faq_site.languages import Languages, rules_for
from faq_site.markdown.render import SiteMarkdown
from faq_site.readers.translation_state import Behind
from faq_site.sources.page import MarkdownPage

LANGUAGES = Languages("fr", ("fr", "en"), ("fr", "en"))


@cache
def site_markdown() -> SiteMarkdown:
    """The site's Markdown configuration, as the tests' site has it (it inherits the site's)."""
    return SiteMarkdown.of_config(load_config(str(FIXTURE / "mkdocs.yml")))


def page(src_uri: str, answer: str) -> ParityPage:
    source = MarkdownPage.parse(src_uri, f"# Question {{#q}}\n\n{answer}\n", LANGUAGES)
    return parity_page(source, site_markdown().rendered(source))


def problems(french: str, english: str) -> list[str]:
    return [problem.message for problem in compare(page("q.md", french), page("q.en.md", english), LANGUAGES)]


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("L'aide atteint 1 milliard d'euros.", "The aid reaches one billion euros."),
        ("L'aide atteint un milliard d'euros.", "The aid reaches 1 billion euros."),
        ("L'aide atteint 1,5 milliard d'euros.", "The aid reaches €1.5 billion."),
        ("La Finlande est le 2e pays à adhérer.", "Finland is the second country to join."),
        ("C'est le 10e élargissement.", "It is the tenth enlargement."),
        ("C'est le dixième élargissement.", "It is the 10th enlargement."),
        ("Un tiers des Alliés y participe.", "A third of the Allies take part."),
        ("Deux tiers des Alliés y participent.", "Two thirds of the Allies take part."),
        ("La réunion commence à 18 heures.", "The meeting starts at 6 pm."),
        ("La réunion a duré 18 heures.", "The meeting lasted 18 hours."),
        ("Les 3 pays baltes.", "The three Baltic countries."),
        ("Les trente-deux Alliés.", "The 32 Allies."),
        ("Un pays, deux fois.", "A country, twice."),  # « un » is an article; « deux » stays a word
        ("Un pays tiers.", "A third country."),  # a third country is no fraction
    ],
)
def test_a_correct_translation_of_a_figure_written_either_way_is_accepted(french: str, english: str) -> None:
    assert problems(french, english) == []


@pytest.mark.parametrize(
    ("french", "english", "advice"),
    [
        ("La Finlande est le 2e pays à adhérer.", "Finland joined.", "as figures: 2nd."),
        ("C'est le dixième élargissement.", "It is an enlargement.", "as figures: 10th."),
        ("L'aide atteint 1 milliard d'euros.", "The aid reaches a million euros.", "as figures: 1 billion."),
        ("Un tiers des Alliés y participe.", "Some Allies take part.", "as one third."),
        ("La réunion commence à 18 heures.", "The meeting starts in the evening.", "as figures: 6 pm."),
        ("Les 3 pays baltes.", "The Baltic countries.", "as figures: 3."),
    ],
)
def test_a_missing_figure_is_named_in_the_form_the_english_writes_it(
    french: str, english: str, advice: str
) -> None:
    (message,) = problems(french, english)
    assert message.endswith(f"Write it in the English too, {advice}"), message


def test_each_language_reads_its_own_words() -> None:
    french, english = rules_for("fr"), rules_for("en")
    assert [f.key for f in figures("le 2e, 1er mars 2022, 40 000, un tiers, vingt-quatre", french)] == [
        "fraction 1/3",
        "2022-03-01",
        "ordinal 2",
        "40000",
        "24",
    ]
    assert [f.key for f in figures("2nd, 1 March 2022, 40,000, a third of them, two", english)] == [
        "fraction 1/3",
        "2022-03-01",
        "ordinal 2",
        "40000",
        "2",
    ]


def test_a_shared_suffix_refused_as_an_allowed_domain_names_what_works() -> None:
    message = domain_problem("gov.uk")
    assert message is not None and "`www.gov.uk` for links to https://www.gov.uk/…" in message
    assert domain_problem("www.gov.uk") is None


def translation_message_examples() -> list[str]:
    """The translation's messages, as the build writes them (tests/test_editor_errors.py checks
    CONTRIBUTING.md's table against them)."""
    french, english = (
        page("faq/q.md", "Le 2e pays.\n\nUn autre paragraphe."),
        page("faq/q.en.md", "A country."),
    )
    behind = Behind("faq/q.en.md", "faq/q.md", date(2026, 2, 1), date(2026, 1, 5))
    return [str(problem) for problem in compare(french, english, LANGUAGES)] + [str(behind)]


def test_the_translation_examples_are_the_messages_of_the_guide() -> None:
    examples = translation_message_examples()
    assert [example.split(": ", 1)[1][:12] for example in examples] == [
        "has 1 paragr",
        "the figure “",
        "its French t",
    ]

"""The checks of issue 16 on their own: descriptions that quote their answer, and language integrity.

Unit tests on small rendered pages written here (no MkDocs build): the editor
mistakes and correct edits that go through the whole build are in
tests/test_editor_errors.py and tests/test_correct_edits.py.
"""

from __future__ import annotations

import pytest

from faq_site.checks.compare_text import normalised, sentences
from faq_site.checks.description_quote import (
    DEFAULT_LENGTH,
    MIN_LENGTH,
    Answer,
    opening_sentences,
    quotation_problem,
)
from faq_site.checks.language_integrity import (
    LENGTH_RATIO,
    PageSource,
    Profiles,
    link_language,
    nato_links,
    paragraph_lengths,
    wrong_language,
)
from faq_site.checks.rendered import read_page
from faq_site.languages import rules_for

NBSP, NNBSP = "\u00a0", "\u202f"
FUNCTION_WORDS = {language: rules_for(language).function_words for language in ("fr", "en")}
LANGUAGES = Profiles(FUNCTION_WORDS, {"fr": "French", "en": "English"})

FRENCH_ANSWER = (
    "<h1 id='q'>L’OTAN aide-t-elle l’Ukraine\u202f?</h1>"
    "<p>L’OTAN aide à coordonner les demandes d’assistance de l’Ukraine et soutient les Alliés. "
    "Différents pays de l’OTAN fournissent à l’Ukraine des armes, des munitions et du matériel. "
    "Ils lui apportent aussi une aide financière.</p>"
    "<p>En outre, de nombreux Alliés accueillent des millions de réfugiés\u00a0: c’est un effort "
    "sans précédent.</p>"
    "<h2 id='learn-more'>Pour en savoir plus</h2>"
    "<ul><li><a href='https://www.nato.int/cps/fr/natohq/topics_1.htm'>La page de l’OTAN</a></li></ul>"
)
ENGLISH_ANSWER = (
    "<h1 id='q'>Is NATO helping Ukraine?</h1>"
    "<p>NATO helps to coordinate Ukraine’s requests for assistance and supports Allies. Various NATO "
    "countries are supplying Ukraine with weapons, ammunition and equipment. They are also providing "
    "it with financial aid.</p>"
    "<p>In addition, many Allies are hosting millions of refugees: it is an unprecedented effort.</p>"
    "<h2 id='learn-more'>Learn more</h2>"
    "<ul><li><a href='https://www.nato.int/cps/en/natohq/topics_1.htm'>NATO’s page</a></li></ul>"
)


def answer(html: str = FRENCH_ANSWER, language: str = "fr") -> Answer:
    return Answer.of(read_page(html, language).answer("learn-more"))


def source(html: str, where: str) -> PageSource:
    """A page's Markdown as an editor would have written this HTML: one block a line, 1 blank between."""
    page = read_page(html, "fr")
    lines, number = [], 5
    for block in page.blocks:
        prefix = (
            "#" * block.level + " " if block.kind == "heading" else "- " if block.kind == "list item" else ""
        )
        lines.append((number, prefix + block.text))
        number += 2
    return PageSource(where, lines, title_line=5, description_line=3)


# -- text -------------------------------------------------------------------------------------


def test_typography_does_not_count_in_comparisons() -> None:
    assert normalised(f"L’OTAN{NNBSP}?  «{NBSP}Oui{NBSP}»") == normalised('L\'OTAN? "Oui"')
    assert normalised("“NATO’s”\n text") == normalised('"NATO\'s" text')
    assert normalised("e\u0301") == "é"  # NFC


def test_sentences_end_at_their_punctuation_not_at_initials_or_abbreviations() -> None:
    assert sentences("Il a parlé à M. Poutine. J. Smith est venu\u202f! Article 5. Fin") == [
        "Il a parlé à M. Poutine.",
        "J. Smith est venu\u202f!",
        "Article 5.",
        "Fin",
    ]


# -- descriptions quote their answer ------------------------------------------------------------


@pytest.mark.parametrize(
    "description",
    [
        "L'OTAN aide à coordonner les demandes d'assistance de l'Ukraine et soutient les Alliés.",
        # two sentences, the second one without its full stop
        "Ils lui apportent aussi une aide financière. En outre, de nombreux Alliés accueillent des "
        "millions de réfugiés : c'est un effort sans précédent",
        # typed as editors type, typeset as the page shows it
        "L’OTAN aide à coordonner les demandes d’assistance de l’Ukraine et soutient les Alliés.",
        "L'OTAN aide à coordonner les demandes d'assistance de l'Ukraine…",
        "… fournissent à l'Ukraine des armes, des munitions et du matériel.",
        "L'OTAN aide à coordonner les demandes… Ils lui apportent aussi une aide financière.",
        "L'OTAN aide à coordonner les demandes d'assistance de l'Ukraine, ... et du matériel.",
        "L'OTAN aide à coordonner [...] les Alliés. […] de nombreux Alliés accueillent des millions "
        "de réfugiés…",
    ],
)
def test_a_quotation_of_the_answer_passes(description: str) -> None:
    assert quotation_problem(description, answer()) is None


USE_THE_ANSWER = (
    "Copy one or more of the answer's sentences word for word (shorten them with “…”), or remove "
    "the `description` line to use the answer's first sentence."
)


@pytest.mark.parametrize(
    ("description", "message"),
    [
        (
            "L'OTAN coordonne les demandes d'assistance de l'Ukraine.",
            "the description is not a quotation of this question's answer: “coordonne les demandes "
            f"d'assistance de l'Ukraine.” is not in the answer. {USE_THE_ANSWER}",
        ),
        (
            "L'OTAN aide à coordonner les demandes… les pays de l'OTAN fournissent des armes.",
            "the description is not a quotation of this question's answer: “pays de l'OTAN "
            f"fournissent des armes.” is not in the answer. {USE_THE_ANSWER}",
        ),
        (
            "les demandes d'assistance de l'Ukraine et soutient les Alliés.",
            "the description starts in the middle of a sentence of the answer (“les demandes "
            "d'assistance de l'Ukraine et soutient les…”). Start it where that sentence starts, or "
            "begin it with “…” to show the cut.",
        ),
        (
            "L'OTAN aide à coordonner les demandes d'assistance",
            "the description stops in the middle of a sentence of the answer (“L'OTAN aide à "
            "coordonner les demandes d'assistance”). End it where that sentence ends, or end it "
            "with “…” to show the cut.",
        ),
        (
            "Ils lui apportent aussi une aide financière… L'OTAN aide à coordonner les demandes…",
            "the description quotes the answer out of order: “L'OTAN aide à coordonner les demandes” "
            "comes before the words quoted ahead of it in the answer. Keep the answer's order, with "
            "“…” for what is left out.",
        ),
        ("…", f"the description is only an ellipsis. {USE_THE_ANSWER}"),
        # the other language's answer is not this one's
        (
            "NATO helps to coordinate Ukraine's requests for assistance and supports Allies.",
            "the description is not a quotation of this question's answer: “NATO helps to coordinate "
            f"Ukraine's requests for assistance…” is not in the answer. {USE_THE_ANSWER}",
        ),
    ],
)
def test_a_description_that_is_not_a_quotation_says_where_it_differs(description: str, message: str) -> None:
    assert quotation_problem(description, answer()) == message


def test_words_case_and_accents_count() -> None:
    assert quotation_problem("l'OTAN aide à coordonner les demandes…", answer()) is not None
    assert quotation_problem("L'OTAN aide a coordonner les demandes…", answer()) is not None


def test_without_a_description_the_answer_gives_its_opening_sentences() -> None:
    blocks = read_page(ENGLISH_ANSWER, "en").answer("learn-more")
    opening = opening_sentences(blocks)
    # The second sentence would make it longer than DEFAULT_LENGTH.
    assert opening == "NATO helps to coordinate Ukraine’s requests for assistance and supports Allies."
    assert opening_sentences(blocks, limit=200) == (
        "NATO helps to coordinate Ukraine’s requests for assistance and supports Allies. Various NATO "
        "countries are supplying Ukraine with weapons, ammunition and equipment."
    )
    assert quotation_problem(opening, answer(ENGLISH_ANSWER, "en")) is None


def test_a_long_first_sentence_is_kept_whole_as_the_page_shows_it() -> None:
    first = "L’OTAN, qui compte trente pays, soutient l’Ukraine" + " et ses Alliés" * 20 + "."
    long = f"<p>{first} Suite.</p>"
    blocks = read_page(long, "fr").blocks
    opening = opening_sentences(blocks)
    # Never cut short: the whole first sentence, even longer than DEFAULT_LENGTH, and no more.
    assert len(opening) > DEFAULT_LENGTH and opening.endswith("et ses Alliés.")
    assert "’" in opening  # typeset, as readers see it
    assert quotation_problem(opening, Answer.of(blocks)) is None
    assert opening_sentences(blocks, limit=40) == opening


def test_a_one_word_answer_is_described_by_the_sentences_after_it() -> None:
    """« Oui. » alone would be what search results and link previews show: the next sentences are
    added, whole, until the description says something, even past DEFAULT_LENGTH."""
    second = "L’OTAN soutient l’Ukraine" + " et ses Alliés" * 12 + "."
    blocks = read_page(f"<p>Oui. {second} Suite de la réponse.</p>", "fr").blocks
    opening = opening_sentences(blocks)
    assert opening == f"Oui. {second}"
    assert len(opening) > DEFAULT_LENGTH
    assert quotation_problem(opening, Answer.of(blocks)) is None
    # Past `limit`, short sentences are added until there are MIN_LENGTH characters, then no more.
    short = read_page("<p>Oui. Elle le fait. Elle aide l’Ukraine. Elle le fait depuis 2014. Fin.</p>", "fr")
    opening = opening_sentences(short.blocks, limit=10)
    assert opening == "Oui. Elle le fait. Elle aide l’Ukraine. Elle le fait depuis 2014."
    assert len(opening) >= MIN_LENGTH > len(opening.removesuffix(" Elle le fait depuis 2014."))
    # An answer shorter than that is all of it.
    assert opening_sentences(read_page("<p>Oui. Toujours.</p>", "fr").blocks) == "Oui. Toujours."


# -- text in the other language -----------------------------------------------------------------

FR_SOURCE = source(FRENCH_ANSWER, "docs/faq/q.md")
EN_SOURCE = source(ENGLISH_ANSWER, "docs/faq/q.en.md")


def test_today_like_pages_and_descriptions_are_in_their_language() -> None:
    for html, language, where in ((FRENCH_ANSWER, "fr", FR_SOURCE), (ENGLISH_ANSWER, "en", EN_SOURCE)):
        page = read_page(html, language)
        assert (
            wrong_language(
                page,
                where,
                None,
                None,
                LANGUAGES,
                "Une alliance de pays." if language == "fr" else "An alliance of countries.",
            )
            == []
        )
        assert nato_links(page, where, LANGUAGES) == []
    english, french = read_page(ENGLISH_ANSWER, "en"), read_page(FRENCH_ANSWER, "fr")
    assert paragraph_lengths(english, EN_SOURCE, french, FR_SOURCE, LANGUAGES) == []


def test_an_english_page_identical_to_its_french_page_is_one_problem() -> None:
    copy = read_page(FRENCH_ANSWER, "en")
    assert wrong_language(copy, FR_SOURCE, read_page(FRENCH_ANSWER, "fr"), FR_SOURCE, LANGUAGES) == [
        (
            5,
            "this page is a copy of its French version, docs/faq/q.md, not its English translation. "
            "Translate it into English.",
        )
    ]


def test_a_page_in_the_other_language_is_one_problem() -> None:
    rewritten = FRENCH_ANSWER.replace("En outre, de", "De")
    french = read_page(rewritten, "en")
    english_source = source(rewritten, "docs/faq/q.en.md")
    french_page = read_page(FRENCH_ANSWER, "fr")
    assert wrong_language(french, english_source, french_page, FR_SOURCE, LANGUAGES) == [
        (
            5,
            "this page is in French, not English. Translate it into English (the French text is "
            "docs/faq/q.md).",
        )
    ]


def test_a_french_paragraph_pasted_into_the_english_page_names_where_it_comes_from() -> None:
    french_paragraph = read_page(FRENCH_ANSWER, "fr").paragraphs[1].text
    mixed_html = ENGLISH_ANSWER.replace(
        "<p>In addition, many Allies are hosting millions of refugees: it is an unprecedented effort.</p>",
        f"<p>{french_paragraph}</p>",
    )
    mixed = read_page(mixed_html, "en")
    mixed_source = source(mixed_html, "docs/faq/q.en.md")
    assert wrong_language(mixed, mixed_source, read_page(FRENCH_ANSWER, "fr"), FR_SOURCE, LANGUAGES) == [
        (
            9,
            "this paragraph is in French: it is a copy of paragraph 2 of docs/faq/q.md:9. "
            "Translate it into English.",
        )
    ]
    # Written anew in French, not copied: the page's twin is still named as where French belongs.
    rewritten_html = mixed_html.replace("En outre, de", "De")
    rewritten = read_page(rewritten_html, "en")
    assert wrong_language(rewritten, source(rewritten_html, "docs/faq/q.en.md"), None, None, LANGUAGES) == [
        (9, "this paragraph is in French, but the page is in English. Translate it into English.")
    ]


def test_a_french_description_in_the_english_file() -> None:
    english = read_page(ENGLISH_ANSWER, "en")
    found = wrong_language(
        english,
        EN_SOURCE,
        None,
        None,
        LANGUAGES,
        "L’OTAN aide à coordonner les demandes de l’Ukraine.",
        " (x)",
    )
    assert found == [
        (3, "the description is in French, but the page is in English. Write it in English (x).")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Learn more",
        "Place de la Concorde",  # 2 French function words: too few to judge
        "NATO Response Force",
        "North Atlantic Treaty Organization (NATO)",
        "The UN and the EU",  # `UN` is an acronym, not the French `un`
        "This site publishes NATO’s FAQ “Réponse de l’OTAN à l’invasion de l’Ukraine par la Russie” "
        "as NATO published it in 2022: its introduction, its questions and their answers.",
    ],
)
def test_short_texts_names_titles_and_quoted_titles_are_not_judged_the_other_language(text: str) -> None:
    assert LANGUAGES.other_language(text, "en") is None


def test_text_marked_as_another_language_is_not_scored() -> None:
    html = (
        "<p>As NATO wrote: <span lang='fr'>la guerre de la Russie contre l’Ukraine est une guerre de "
        "choix</span>.</p>"
    )
    assert wrong_language(read_page(html, "en"), EN_SOURCE, None, None, LANGUAGES) == []
    unmarked = html.replace(" lang='fr'", "").replace("As NATO wrote: ", "")
    assert wrong_language(read_page(unmarked, "en"), EN_SOURCE, None, None, LANGUAGES) != []


def test_a_language_without_function_words_is_not_checked() -> None:
    german = Profiles({"fr": FUNCTION_WORDS["fr"]}, {"fr": "French", "de": "German"})
    assert wrong_language(read_page(FRENCH_ANSWER, "de"), FR_SOURCE, None, None, german) == []


# -- NATO links in the other language -----------------------------------------------------------


@pytest.mark.parametrize(
    ("href", "language"),
    [
        ("https://www.nato.int/cps/fr/natohq/topics_52044.htm", "fr"),
        ("https://www.nato.int/cps/en/natohq/topics_52044.htm", "en"),
        ("https://www.nato.int/nato-welcome/index_fr.html", "fr"),
        ("https://www.nato.int/cps/fr/natohq/news.htm?selectedLocale=en", "fr"),
        ("https://www.nato.int/natohq/news.htm?selectedLocale=fr", "fr"),
        ("https://shape.nato.int/page_fr.html", "fr"),
        ("https://www.nato.int/nato-welcome/index.html", None),
        ("https://www.nato.int/", None),
        ("https://example.com/cps/fr/natohq/topics_1.htm", None),  # not NATO
    ],
)
def test_the_language_a_nato_address_names(href: str, language: str | None) -> None:
    found = link_language(href, LANGUAGES)
    assert (found and found[0]) == language


def nato_link(href: str, attributes: str = "") -> str:
    return f"<h1>x</h1><ul><li><a href='{href}'{attributes}>La page</a></li></ul>"


def test_a_nato_link_to_the_other_language_must_say_so() -> None:
    french = "https://www.nato.int/cps/fr/natohq/topics_1.htm"
    lines = [(12, f"- [La page]({french})")]
    page_source = PageSource("docs/faq/q.en.md", lines)
    message = (
        f"the link `{french}` leads to NATO's French page (`/cps/fr/` in its address), but this page is in "
        "English. Link to NATO's English version of that page, or, if it has none, write "
        "`{hreflang=fr}` right after the link, so that readers are told."
    )
    assert nato_links(read_page(nato_link(french), "en"), page_source, LANGUAGES) == [(12, message)]
    assert nato_links(read_page(nato_link(french, " hreflang='en'"), "en"), page_source, LANGUAGES) == [
        (12, message)
    ]
    assert nato_links(read_page(nato_link(french, " hreflang='fr'"), "en"), page_source, LANGUAGES) == []
    # The reverse, and a French page linking NATO's French address of an English-only text.
    english = "https://www.nato.int/nato-welcome/index_en.html"
    assert nato_links(read_page(nato_link(english), "fr"), page_source, LANGUAGES)[0][1].startswith(
        f"the link `{english}` leads to NATO's English page (`_en.html` in its address), but this page is "
        "in French."
    )
    assert nato_links(read_page(nato_link(french, " hreflang='en'"), "fr"), page_source, LANGUAGES) == []


# -- paragraphs of a translation ----------------------------------------------------------------


def test_a_translation_that_drops_a_paragraph_and_splits_another_is_found() -> None:
    french = read_page(FRENCH_ANSWER, "fr")
    first, second = read_page(ENGLISH_ANSWER, "en").paragraphs
    halves = sentences(first.text)
    split = ENGLISH_ANSWER.replace(first.text, " ".join(halves[:2]) + "</p><p>" + halves[2]).replace(
        f"<p>{second.text}</p>", ""
    )
    english = read_page(split, "en")
    assert len(english.paragraphs) == len(french.paragraphs)
    assert paragraph_lengths(english, source(split, "docs/faq/q.en.md"), french, FR_SOURCE, LANGUAGES) == [
        (
            9,
            "this paragraph is far shorter than paragraph 2 of the French page, docs/faq/q.md:9, which it "
            "stands for: more than translation explains. Check that no paragraph was left out, split or "
            "merged: each French paragraph becomes one paragraph here, whole, in the same order.",
        )
    ]


def test_paragraph_lengths_within_the_ratio_or_short_pass() -> None:
    low, high = LENGTH_RATIO

    def pair(english_length: int, french_length: int) -> list:
        english = read_page(f"<p>{'e' * english_length}</p>", "en")
        french = read_page(f"<p>{'f' * french_length}</p>", "fr")
        return paragraph_lengths(english, EN_SOURCE, french, FR_SOURCE, LANGUAGES)

    assert pair(int(200 * low) + 1, 200) == [] and pair(int(200 * high) - 1, 200) == []
    assert pair(int(200 * low) - 2, 200) != [] and pair(int(200 * high) + 2, 200) != []
    assert pair(20, 50) == []  # both short: "Known limitations:" and the like


# -- the guide ----------------------------------------------------------------------------------


def guide_examples() -> list[str]:
    """Messages only the tests above make (no editor mistake builds them), as the build words them.

    tests/test_editor_errors.py checks that CONTRIBUTING.md explains these too.
    """
    french = answer()
    found = [
        quotation_problem("les demandes d'assistance de l'Ukraine et soutient les Alliés.", french),
        quotation_problem("Ils lui apportent aussi une aide financière… L'OTAN aide à coordonner…", french),
        quotation_problem("…", french),
    ]
    rewritten = FRENCH_ANSWER.replace("En outre, de", "De")
    in_french = read_page(rewritten, "en")
    found += [message for _, message in wrong_language(in_french, EN_SOURCE, None, FR_SOURCE, LANGUAGES)]
    mixed = read_page(
        ENGLISH_ANSWER.replace(
            "In addition, many Allies are hosting millions of refugees: it is an unprecedented effort.",
            "De nombreux Alliés accueillent des millions de réfugiés : c’est un effort sans précédent.",
        ),
        "en",
    )
    found += [message for _, message in wrong_language(mixed, EN_SOURCE, None, None, LANGUAGES)]
    return [f"docs/faq/q.en.md:3: {message}" for message in found if message]


def test_the_guide_examples_are_messages() -> None:
    assert len(guide_examples()) == 5

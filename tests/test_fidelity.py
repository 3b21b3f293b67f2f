"""Every sentence of NATO's French page is on the built French site, word for word.

tests/data/faq-source.fr.txt is the project's copy of the page as published.
Only whitespace (non-breaking spaces included) and apostrophes are normalised,
and the scraping residue named in DEVELOPERS.md is left out.
"""

from __future__ import annotations

import re

import pytest

from conftest import DATA, Site, normalise

RESIDUE = ("more", "INFORMATIONS COMPLÉMENTAIRES – THÈMES CONNEXES", "-")


def source_sentences() -> list[str]:
    text = (DATA / "faq-source.fr.txt").read_text(encoding="utf-8")
    text = text.replace("moreFoire aux questions", "Foire aux questions")
    text = text.replace("INFORMATIONS COMPLÉMENTAIRES – THÈMES CONNEXES", "")
    sentences = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line in RESIDUE:
            continue
        line = re.sub(r"^\d+\.\s+", "", line)  # the list numbers of the questions
        line = line.removeprefix("Pour en savoir plus : ")
        sentences.extend(s for s in re.split(r"(?<=[.?!])\s+(?=[A-ZÀ-ÖÉ])", line) if s)
    return [normalise(sentence) for sentence in sentences]


SENTENCES = source_sentences()


def test_the_source_is_the_whole_page() -> None:
    # Intro, nine questions with their answers, 19 learn-more titles.
    assert len(SENTENCES) > 60
    assert "Foire aux questions" in SENTENCES


@pytest.fixture(scope="module")
def french_text(site: Site) -> str:
    return normalise(" ".join(page.content.get_text(" ") for page in site.pages_in("fr")))


@pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: s[:40])
def test_every_source_sentence_is_published(french_text: str, sentence: str) -> None:
    assert sentence in french_text

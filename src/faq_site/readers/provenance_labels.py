"""The provenance label's wording, per language: the plugin's own, never a setting of mkdocs.yml.

The label "Texte publié par l'OTAN en 2022" is a claim about the page, which the build
makes only when the page reads as NATO's (readers/provenance.py). Its wording is code:
a setting an editor can reword (mkdocs.yml's `extra.strings`) could make "adapted" read as
NATO's own label, while the review report still said "adapted". A change to it is a change
to `src/`, which the review report opens with ("Changes to how the site is built") and
CODEOWNERS sends to the site's owner. A language without its own wording (a third one) gets
the English, which says that the text is this site's translation: true of every translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from faq_site.readers.provenance import NATO

_FRENCH_PAGE = "https://www.nato.int/cps/fr/natohq/topics_192648.htm"
_ENGLISH_PAGE = "https://www.nato.int/cps/en/natohq/topics_192648.htm"
_FRENCH_TITLE = "Réponse de l’OTAN à l’invasion de l’Ukraine par la Russie"


@dataclass(frozen=True)
class Labels:
    nato: str  # HTML: the page is NATO's text
    adapted: str  # HTML: the page is adapted from it
    card_nato: str  # text: the same, in a few words, on the page's share card (readers/cards.py)
    card_adapted: str

    def of(self, state: str) -> str:
        return self.nato if state == NATO else self.adapted

    def card(self, state: str) -> str:
        return self.card_nato if state == NATO else self.card_adapted


LABELS = {
    "fr": Labels(
        nato=(
            "Texte publié par l’OTAN en 2022\u00a0: "
            f'<a href="{_FRENCH_PAGE}" hreflang="fr">{_FRENCH_TITLE}</a>. '
            "Il reflète la position de l’OTAN à cette date (l’Alliance comptait alors 30 membres). "
            "Ce site n’est pas le site officiel de l’OTAN."
        ),
        adapted=(
            "Texte adapté de celui publié par l’OTAN en 2022\u00a0: "
            f'<a href="{_FRENCH_PAGE}" hreflang="fr">{_FRENCH_TITLE}</a>. '
            "Ce site n’est pas le site officiel de l’OTAN."
        ),
        card_nato="Texte de l’OTAN, 2022",
        card_adapted="Texte adapté de celui de l’OTAN (2022)",
    ),
    # The English is the site's translation of NATO's French text: the label links that French
    # text, and NATO's own English page, which is not it.
    "en": Labels(
        nato=(
            "This site’s own translation of the text NATO published in French in 2022: "
            f'<a href="{_FRENCH_PAGE}" hreflang="fr" lang="fr">{_FRENCH_TITLE}</a>. '
            "It reflects NATO’s position at that date (the Alliance then had 30 members). "
            "NATO’s own English page is a different text: "
            f'<a href="{_ENGLISH_PAGE}" hreflang="en">NATO’s response to Russia’s invasion of Ukraine</a>. '
            "This is not NATO’s official website."
        ),
        adapted=(
            "This site’s own translation of a text adapted from the one NATO published in French in 2022: "
            f'<a href="{_FRENCH_PAGE}" hreflang="fr" lang="fr">{_FRENCH_TITLE}</a>. '
            "NATO’s own English page is a different text: "
            f'<a href="{_ENGLISH_PAGE}" hreflang="en">NATO’s response to Russia’s invasion of Ukraine</a>. '
            "This is not NATO’s official website."
        ),
        card_nato="This site’s translation of NATO’s text, 2022",
        card_adapted="This site’s translation, adapted from NATO’s text of 2022",
    ),
}


def label(language: str, state: str) -> str:
    """The label of a page in this language and state, as HTML."""
    return LABELS.get(language, LABELS["en"]).of(state)


def card_label(language: str, state: str) -> str:
    """The label on a page's share card in this language and state, as text."""
    return LABELS.get(language, LABELS["en"]).card(state)

"""The most frequent function words of each language: what the language checks count.

Per-language rules (they move to faq_site/languages/<code>.py): a language
without a list is not checked. Articles, prepositions, pronouns, conjunctions
and auxiliaries: words every sentence of the language has, whatever its
subject, and that names and titles rarely contain. A word both languages
write (`on`) counts for neither (faq_site.checks.language_integrity).
Elided French words are counted alone: `l’OTAN` is `l` and `OTAN`.
"""

from __future__ import annotations

# One line per kind of word, kept as written:
# fmt: off
FRENCH = frozenset({
    "le", "la", "les", "l", "un", "une", "des", "du", "au", "aux", "ce", "cette", "ces",
    "de", "d", "dans", "pour", "sur", "par", "avec", "en",
    "il", "ils", "elle", "elles", "nous", "vous", "on", "se", "son", "sa", "ses", "leur", "leurs",
    "et", "ou", "où", "que", "qu", "qui", "mais", "comme", "aussi", "plus", "ne", "n", "pas",
    "est", "sont", "ont", "été", "être",
})

ENGLISH = frozenset({
    "the", "an", "this", "these", "its", "their",
    "of", "to", "in", "for", "with", "on", "by", "from", "at", "as",
    "it", "they", "who", "which", "that",
    "and", "or", "but", "also", "not",
    "is", "are", "was", "were", "be", "been", "have", "has", "will", "would",
})
# fmt: on

FUNCTION_WORDS: dict[str, frozenset[str]] = {"fr": FRENCH, "en": ENGLISH}

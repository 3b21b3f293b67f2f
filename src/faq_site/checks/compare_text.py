"""Text as readers read it, in one form, so that two renderings of the same words compare equal.

The typography extension writes `’`, `« »`, `“ ”` and no-break spaces where
editors type `'`, `"` and spaces; a description and its answer are typeset
separately, and an editor may type `OTAN ?` in one and `OTAN?` in the other.
`normalised` folds all of that: Unicode NFC, one apostrophe, one double quote
(without the spaces French puts inside « »), one kind of space, runs of spaces
folded, no space before `? ! ; :`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u2007": " ",  # figure space
    }
)
_SPACE_BEFORE_PUNCTUATION = re.compile(r" +(?=[?!;:])")
# French quotation marks, with the spaces inside them that French typography adds.
_GUILLEMETS = ((re.compile(r"«\s*"), '"'), (re.compile(r"\s*»"), '"'))

# Where a sentence ends: its punctuation, then any closing quote or bracket (typeset or not).
_SENTENCE_END = re.compile("[.!?…](?:[\"')\\]’”]|[\u00a0\u202f]?»)*(?= |$)")
_ASCII_SPACE = re.compile(r"[ \t\r\n\f]+")
# A full stop after these does not end the sentence: "M. Poutine", "p. ex.", "e.g.".
_WORDS = re.compile(r"\w+")
_ABBREVIATIONS = frozenset({"m", "mm", "mme", "mr", "mrs", "ms", "dr", "st", "art", "cf", "vol"})


def normalised(text: str) -> str:
    """The text in one form: NFC, `'` and `"` for every apostrophe and quote, spaces folded."""
    text = unicodedata.normalize("NFC", text)
    for pattern, quote in _GUILLEMETS:
        text = pattern.sub(quote, text)
    text = " ".join(text.translate(_FOLD).split())
    return _SPACE_BEFORE_PUNCTUATION.sub("", text)


def folded(text: str) -> str:
    """The text with runs of ordinary whitespace as one space: as readers see it, no-break spaces kept."""
    return _ASCII_SPACE.sub(" ", text).strip()


def sentence_ends(text: str) -> list[int]:
    """The offsets just after each sentence's end (the text's end included), in a folded text.

    In one pass: the word before each full stop is the text's last word ending before it.
    """
    words = list(_WORDS.finditer(text))
    word_ends = [word.end() for word in words]
    ends = []
    for match in _SENTENCE_END.finditer(text):
        index = bisect.bisect_right(word_ends, match.start() + 1) - 1
        word = words[index][0] if index >= 0 else ""
        initial = len(word) == 1 and word.isupper()
        if match[0].startswith(".") and word and (initial or word.lower() in _ABBREVIATIONS):
            continue  # an initial ("J. Stoltenberg") or an abbreviation
        ends.append(match.end())
    if text and (not ends or ends[-1] != len(text)):
        ends.append(len(text))
    return ends


def sentences(text: str) -> list[str]:
    """The sentences of a folded text, in order."""
    result, start = [], 0
    for end in sentence_ends(text):
        if text[start:end].strip():
            result.append(text[start:end].strip())
        start = end
    return result

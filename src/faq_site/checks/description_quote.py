"""A question's description quotes its answer; without one, the answer's opening sentences.

A question's `description` (search results, link previews) is what the site
says NATO says, so it may only be NATO's words: one or more sentences of the
page's own answer, word for word as the page shows them, possibly shortened
with an ellipsis (`…` or `...`, also `[…]` or `(…)`) at the start, the end or
inside. Each piece between ellipses must be in the answer, in the answer's
order; a description that does not start (end) with an ellipsis starts (ends)
where a sentence of the answer does. The comparison is on the rendered text in
one form (faq_site.checks.compare_text.normalised): typography, quotes and spaces do
not count; words, letters' case, punctuation and accents do.

Without a description the page gets its answer's opening sentences, as many as
fit in DEFAULT_LENGTH characters, as the page shows them, and always the whole
first sentence, however long: never a sentence of NATO's cut short. And never
less than MIN_LENGTH characters while the answer has more: an answer that opens
with « Oui. » would otherwise be described, in search results and link
previews, by that one word; it takes the next sentences, whole, even past
DEFAULT_LENGTH.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from faq_site.checks.compare_text import normalised, sentence_ends
from faq_site.checks.rendered import Block

# Search engines show about 155-160 characters of a description; longer is cut anywhere.
DEFAULT_LENGTH = 160
# Below this a description says nothing a reader can use ("Oui.", "Yes, it does."): whole
# sentences are added until it has this many characters.
MIN_LENGTH = 50
ELLIPSIS = "…"
_ELLIPSIS = re.compile(r"\s*(?:\[(?:…|\.\.\.)\]|\((?:…|\.\.\.)\)|…|\.\.\.)\s*")
# Punctuation an editor may leave or drop where the description cuts the answer.
_CUT_PUNCTUATION = " ,;:."
_SHOWN_WORDS = 8  # words of the description shown in a message


@dataclass(frozen=True)
class Answer:
    """An answer's text in normalised form, with where its sentences start and end."""

    text: str
    starts: frozenset[int]
    ends: frozenset[int]

    @classmethod
    def of(cls, blocks: list[Block]) -> Answer:
        text, starts, ends = "", set(), set()
        for block in blocks:
            block_text = normalised(block.text)
            if not block_text:
                continue
            if text:
                text += " "
            offset = len(text)
            starts.add(offset)
            block_ends = [offset + end for end in sentence_ends(block_text)]
            ends.update(block_ends)
            starts.update(end + 1 for end in block_ends)  # after the space that follows
            text += block_text
        return cls(text, frozenset(starts), frozenset(ends))

    def is_start(self, offset: int) -> bool:
        return offset in self.starts

    def is_end(self, offset: int) -> bool:
        # The sentence's full stop may be left out.
        return offset in self.ends or (self.text[offset : offset + 1] == "." and offset + 1 in self.ends)


def opening_sentences(blocks: list[Block], limit: int = DEFAULT_LENGTH) -> str:
    """The answer's opening sentences that fit in `limit` characters, as readers see them.

    The first sentence is always whole, however long: a sentence cut short can drop what
    qualifies NATO's words (`une aide humanitaire et des moyens non létaux`). Search
    engines shorten a long description when they show it; its text stays NATO's sentence.
    Sentences are added, whole, until it has MIN_LENGTH characters (or the answer ends).
    """
    text = " ".join(block.text for block in blocks)
    ends = sentence_ends(text)
    fitting = max((end for end in ends if end <= limit), default=0)
    enough = next((end for end in ends if len(text[:end].strip()) >= MIN_LENGTH), len(text))
    return text[: max(fitting, enough)].strip()


def _shown(words: list[str], tail: bool = False) -> str:
    """A few words of the description (its first ones, or its last), as the message quotes them."""
    if len(words) <= _SHOWN_WORDS:
        return " ".join(words)
    if tail:
        return ELLIPSIS + " ".join(words[-_SHOWN_WORDS:])
    return " ".join(words[:_SHOWN_WORDS]) + ELLIPSIS


def _pieces(description: str) -> tuple[list[str], bool, bool]:
    """The description's pieces between ellipses, and whether it starts and ends with one."""
    parts = _ELLIPSIS.split(description)
    cut_start, cut_end = parts[0].strip() == "", parts[-1].strip() == ""
    pieces = [part for part in parts if part.strip()]
    trimmed = []
    for index, piece in enumerate(pieces):
        if index > 0 or cut_start:
            piece = piece.lstrip(_CUT_PUNCTUATION)
        if index < len(pieces) - 1 or cut_end:
            piece = piece.rstrip(_CUT_PUNCTUATION)
        trimmed.append(piece.strip())
    return [piece for piece in trimmed if piece], cut_start, cut_end


def _first_difference(piece: str, answer: str, start: int) -> str:
    """The words of `piece` from the first one that the answer, from `start` on, does not go on with."""
    words = piece.split(" ")
    found = 0
    for count in range(1, len(words) + 1):
        if answer.find(" ".join(words[:count]), start) < 0:
            break
        found = count
    return _shown(words[found:])


_USE_THE_ANSWER = (
    f"Copy one or more of the answer's sentences word for word (shorten them with “{ELLIPSIS}”), "
    "or remove the `description` line to use the answer's first sentence."
)


def quotation_problem(description: str, answer: Answer) -> str | None:
    """Why `description` is not a quotation of the answer, as a whole message; None if it is one."""
    pieces, cut_start, cut_end = _pieces(normalised(description))
    if not pieces:
        return f"the description is only an ellipsis. {_USE_THE_ANSWER}"
    position = 0
    for index, piece in enumerate(pieces):
        must_start = index == 0 and not cut_start
        must_end = index == len(pieces) - 1 and not cut_end
        found = answer.text.find(piece, position)
        candidates = []
        while found >= 0:
            candidates.append(found)
            if (not must_start or answer.is_start(found)) and (
                not must_end or answer.is_end(found + len(piece))
            ):
                break
            found = answer.text.find(piece, found + 1)
        if found >= 0:
            position = found + len(piece)
            continue
        words = piece.split(" ")
        if candidates and must_start and not any(answer.is_start(c) for c in candidates):
            return (
                f"the description starts in the middle of a sentence of the answer (“{_shown(words)}”). "
                f"Start it where that sentence starts, or begin it with “{ELLIPSIS}” to show the cut."
            )
        if candidates:
            return (
                "the description stops in the middle of a sentence of the answer "
                f"(“{_shown(words, tail=True)}”). End it where that sentence ends, or end it with "
                f"“{ELLIPSIS}” to show the cut."
            )
        if index > 0 and piece in answer.text:
            return (
                f"the description quotes the answer out of order: “{_shown(words)}” comes before the "
                f"words quoted ahead of it in the answer. Keep the answer's order, with “{ELLIPSIS}” for "
                "what is left out."
            )
        return (
            "the description is not a quotation of this question's answer: "
            f"“{_first_difference(piece, answer.text, position)}” is not in the answer. {_USE_THE_ANSWER}"
        )
    return None

"""The editors' text as the site reads it: NFC-normalised, with what they cannot see named.

Three things an editor cannot see in GitHub's editor, and the build names:

- the same letter typed two ways: `é` as one character or as `e` and a combining
  accent (macOS and some PDFs give the second). The site reads every page in
  Unicode's composed form, NFC, so both are the same text for the typography,
  the translation check, the provenance label and search;
- invisible characters (Unicode's "format" characters: zero-width spaces and
  joiners, bidirectional controls, the soft hyphen), pasted with text from a
  PDF, a word processor or a web page. Each is named by its code point and line;
- git's merge-conflict markers (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`),
  left when two changes to the same lines meet, in the text or in the front
  matter: named as such, with their lines, before anything tries to read the
  file as Markdown or YAML.

Everything here is pure: text in, `(line, message)` findings out (line 1-based,
counted on `\\n` only, as editors' tools count lines).
"""

from __future__ import annotations

import re
import unicodedata

Finding = tuple[int | None, str]

# Names as an editor reads them; any other "format" (Cf) character gets Unicode's own name.
INVISIBLE_NAMES = {
    "\u00ad": "soft hyphen",
    "\u061c": "Arabic letter mark",
    "\u180e": "Mongolian vowel separator",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2060": "word joiner",
    "\u2061": "function application",
    "\u2062": "invisible times",
    "\u2063": "invisible separator",
    "\u2064": "invisible plus",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\ufeff": "zero-width no-break space (byte order mark)",
}
_CONTEXT = 20  # characters of the line quoted before an invisible character
_STREAM_SAFE = 31  # a starter and the combining characters after it, at most (UAX #15)


def is_invisible(character: str) -> bool:
    """A character that takes no room on screen: zero-width, bidirectional control, soft hyphen."""
    return character in INVISIBLE_NAMES or unicodedata.category(character) == "Cf"


def has_invisible(text: str) -> bool:
    return any(is_invisible(character) for character in text)


def invisible_name(character: str) -> str:
    """`U+200B zero-width space`."""
    name = INVISIBLE_NAMES.get(character) or unicodedata.name(character, "invisible character").lower()
    return f"U+{ord(character):04X} {name}"


def read(text: str) -> str:
    """Text as the site reads it: NFC, Unicode's composed form (`é` one character, not two)."""
    return unicodedata.normalize("NFC", text)


def visible(text: str) -> str:
    """The text without its invisible characters: what readers see."""
    return "".join(character for character in text if not is_invisible(character))


def invisible_characters(text: str, only: str | None = None) -> list[Finding]:
    """Each line's invisible characters, one finding per kind of character on a line.

    `only`: a function of the line's number and text giving the characters to name
    (others on the line are named elsewhere); by default every one.
    """
    findings: list[Finding] = []
    for number, line in enumerate(text.split("\n"), start=1):
        seen: dict[str, list[int]] = {}
        for column, character in enumerate(line):
            if is_invisible(character) and (only is None or character in only):
                seen.setdefault(character, []).append(column)
        for character, columns in seen.items():
            count = len(columns)
            what = (
                f"an invisible character, {invisible_name(character)}, {_where(line, columns[0])}"
                if count == 1
                else f"{count} invisible characters {invisible_name(character)}, the first "
                f"{_where(line, columns[0])}"
            )
            findings.append(
                (
                    number,
                    f"has {what}. Readers do not see it, but it changes how the text is searched, read "
                    f"aloud and copied. Delete {'it' if count == 1 else 'them'}.",
                )
            )
    return findings


def _where(line: str, column: int) -> str:
    before = visible(line[:column])[-_CONTEXT:].lstrip()
    return f"after “{before}”" if before.strip() else "at the start of the line"


def decomposed_characters(text: str) -> list[Finding]:
    """Accents typed apart from their letter (`e` then U+0301) that NFC would join: one finding a line.

    The site reads the editors' text as NFC (`read`), but not what a character
    reference (`e&#x301;`) or a YAML escape (`"e\\u0301"`) writes, which readers get as is.
    """
    findings: list[Finding] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        starter = 0  # NFC joins a character only with what follows the last starter before it
        for column, character in enumerate(line):
            # At most 30 combining characters follow a starter in any text Unicode composes
            # (UAX #15, stream-safe text): a window that long reads the line in linear time.
            window = line[max(starter, column - _STREAM_SAFE) : column]
            if not unicodedata.combining(character):
                starter = column
            joined = unicodedata.normalize("NFC", window + character)
            if column and joined != unicodedata.normalize("NFC", window) + character:
                name = unicodedata.name(character, "combining character").lower()
                findings.append(
                    (
                        number,
                        f"has U+{ord(character):04X} {name} written apart from its letter, "
                        f"{_where(line, column)}: readers get two characters where they see one, which "
                        f"search and copy do not match. Write the letter with its accent, `{joined[-1]}`.",
                    )
                )
                break
    return findings


def written_characters(line: str, decoded: str, shown: str | None = None) -> list[str]:
    """What `invisible_characters` and `decomposed_characters` say of `decoded` (a line with its
    character references or escapes read), for the characters `line` does not hold as such (the
    line's own are named by `invisible_characters`) and readers get (in `shown`, if given)."""

    def got(character: str) -> bool:
        return character not in line and (shown is None or character in shown)

    hidden = "".join(c for c in dict.fromkeys(decoded) if is_invisible(c) and got(c))
    findings = invisible_characters(decoded, hidden) if hidden else []
    if unicodedata.is_normalized("NFC", line) and not unicodedata.is_normalized("NFC", decoded):
        findings += [
            finding
            for finding in decomposed_characters(decoded)
            if any(unicodedata.combining(c) and got(c) for c in decoded)
        ]
    return [message for _, message in findings]


# Git writes exactly seven of these characters at the start of a line, then a space and a name, or nothing.
_MARKER = re.compile(r"^(?P<kind><{7}|\|{7}|={7}|>{7})(?:[ \t].*)?$")
_OPENING, _BASE, _SEPARATOR, _CLOSING = "<" * 7, "|" * 7, "=" * 7, ">" * 7


def conflict_markers(text: str) -> list[Finding]:
    """Git's merge-conflict markers left in a file: one finding per conflict, at its first marker.

    A line `=======` alone is also how Markdown underlines a title: it is a
    marker only in a file with other markers (an underlined title is named by
    the rendered-page checks).
    """
    markers = [
        (number, line.rstrip(), match["kind"])
        for number, line in enumerate(text.split("\n"), start=1)
        if (match := _MARKER.match(line))
    ]
    if all(kind == _SEPARATOR for _, _, kind in markers):
        return []
    findings: list[Finding] = []
    block: list[tuple[int, str, str]] = []

    def close_block() -> None:
        if not block:
            return
        if len(block) == 1:
            number, line, _ = block[0]
            findings.append(
                (
                    number,
                    f"the line `{line}` is a merge-conflict marker left by git. Delete it, and check "
                    "that the text around it says what it should, once.",
                )
            )
        else:
            where = ", ".join(f"`{kind}` (line {number})" for number, _, kind in block[:-1])
            number, _, kind = block[-1]
            findings.append(
                (
                    block[0][0],
                    f"an unresolved merge conflict: git's marker lines {where} and `{kind}` (line "
                    f"{number}) are still there, around two versions of the same text. Keep the right "
                    "version, and delete the marker lines.",
                )
            )
        block.clear()

    for marker in markers:
        kind = marker[2]
        if kind == _OPENING:
            close_block()
        block.append(marker)
        if kind == _CLOSING:
            close_block()
    close_block()
    return findings

"""Unit tests: NFC reading, invisible characters named by code point, git's conflict markers."""

from __future__ import annotations

import html
import unicodedata

import yaml

from faq_site.sources import text
from faq_site.sources.front_matter import one_line


def test_text_is_read_in_composed_form() -> None:
    decomposed = unicodedata.normalize("NFD", "défense")
    assert len(decomposed) == 8
    assert text.read(decomposed) == "défense"


def test_an_invisible_character_is_named_by_code_point_with_its_line() -> None:
    findings = text.invisible_characters("---\ndescription: x\n---\n\nL'OTAN\u200b est une alliance.")
    assert findings == [
        (
            5,
            "has an invisible character, U+200B zero-width space, after “L'OTAN”. Readers do not see it, "
            "but it changes how the text is searched, read aloud and copied. Delete it.",
        )
    ]


def test_several_of_a_kind_on_a_line_are_one_finding() -> None:
    [(line, message)] = text.invisible_characters("dé\u00adfen\u00adsive")
    assert line == 1
    assert message.startswith("has 2 invisible characters U+00AD soft hyphen, the first after “dé”.")
    assert message.endswith("Delete them.")


def test_bidirectional_controls_and_joiners_are_named() -> None:
    names = [
        message.split(", ")[1] for _, message in text.invisible_characters("\u202eabc\u2066x\u2069\ufeff")
    ]
    assert names == [
        "U+202E right-to-left override",
        "U+2066 left-to-right isolate",
        "U+2069 pop directional isolate",
        "U+FEFF zero-width no-break space (byte order mark)",
    ]
    assert "at the start of the line" in text.invisible_characters("\u200dx")[0][1]


def test_visible_characters_are_not_invisible() -> None:
    assert text.invisible_characters("l’OTAN\u00a0: 40\u202f000 « x » é") == []
    assert text.visible("a\u200bb\u00adc") == "abc"


def test_a_conflict_is_named_at_its_first_marker_with_every_marker_line() -> None:
    source = "a\n<<<<<<< HEAD\nb\n||||||| base\nc\n=======\nd\n>>>>>>> other\ne"
    assert text.conflict_markers(source) == [
        (
            2,
            "an unresolved merge conflict: git's marker lines `<<<<<<<` (line 2), `|||||||` (line 4), "
            "`=======` (line 6) and `>>>>>>>` (line 8) are still there, around two versions of the same "
            "text. Keep the right version, and delete the marker lines.",
        )
    ]


def test_a_lone_marker_is_named() -> None:
    assert text.conflict_markers("a\n>>>>>>> main\n") == [
        (
            2,
            "the line `>>>>>>> main` is a merge-conflict marker left by git. Delete it, and check that "
            "the text around it says what it should, once.",
        )
    ]


def test_an_underlined_title_is_not_a_conflict() -> None:
    assert text.conflict_markers("Titre\n=======\n\nTexte") == []
    assert text.conflict_markers("a <<<<<<< b\n<<<<<<<<\n") == []


def test_characters_written_as_references_are_named_unless_written_as_such() -> None:
    line = "Zéro&#8203;largeur et dé\u00adjà&shy;vu"
    decoded = html.unescape(line)
    # The literal soft hyphen is invisible_characters' to name; the reference's zero-width space, here.
    [message] = text.written_characters(line, decoded)
    assert message.startswith("has an invisible character, U+200B zero-width space, after “Zéro”.")
    # Not what readers do not get (a reference shown as code, `&amp;#8203;`).
    assert text.written_characters(line, decoded, shown="Zérolargeur") == []


def test_an_accent_apart_from_its_letter_is_named_with_the_letter_to_write() -> None:
    [(line, message)] = text.decomposed_characters("Un cafe\u0301")
    assert line == 1
    assert message.startswith(
        "has U+0301 combining acute accent written apart from its letter, after “Un cafe”:"
    )
    assert message.endswith("Write the letter with its accent, `é`.")
    assert text.decomposed_characters("Un café noir") == []


def test_a_front_matter_value_is_quoted_on_one_line_without_anchors() -> None:
    value = yaml.safe_load("{a: &a [x, x, x, x], b: &b [*a, *a], exclude: [*b, *b]}")
    shown = one_line(value)
    assert "\n" not in shown and "&" not in shown and "*" not in shown
    assert shown == "{a: [x, x, x, x], b: [[x, x, x, x], [x, x, x, x]], exclude:…"
    assert one_line({"exclude": "yes"}) == "{exclude: 'yes'}"
    assert one_line("two\nlines") == "two lines"

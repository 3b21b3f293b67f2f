"""Editor mistakes on addresses: what a page publishes is what was checked (round 2: 1, 13, 15, 16).

Each `make(docs)` makes one mistake in a copy's docs/, found by the pages' structure
(tests/page_editing.py), never by their wording, and returns the exact lines the build must
print. tests/test_editor_errors.py adds them to its MISTAKES; CONTRIBUTING.md's table must
explain each message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fixture_site import FIXTURE
from grouped_builds import first
from page_editing import SourcePage
from site_settings import allowed_link_domains

Make = Callable[[Path], list[str]]
NOT_ALLOWED = (
    f"which is not an allowed domain ({', '.join(allowed_link_domains(FIXTURE))}). Link to an official page, "
    "or ask a developer to add the domain to the faq plugin's `allowed_link_domains` in mkdocs.yml."
)
READ_AGAIN = "Write the address as the browser's address bar shows it, without `&…;`."
RUNS_CODE = (
    "runs code or carries its content in the address (`javascript:`) instead of opening a page. Link to "
    "the page's `https://` address."
)


def in_answer(written: str, message: str | Callable[[SourcePage], str], language: str = "fr") -> Make:
    """A sentence `written` at the end of the answer's first line; `message` follows `docs/x:N: `."""

    def make(docs: Path) -> list[str]:
        page = first(docs, language)
        line = page.append_to_answer(f" {written}")
        text = message if isinstance(message, str) else message(page)
        return [f"{page.where}:{line}: {text}"]

    return make


def image_relative_to_the_file(docs: Path) -> list[str]:
    """Raw HTML `<img>` whose address is right from the Markdown file, wrong from the page's address."""
    page = first(docs)
    asset = next(p for p in sorted((docs / "assets").rglob("*.svg"))).relative_to(docs).as_posix()
    from_file = f"../{asset}"  # a question is in docs/faq/
    line = page.after_answer(f'<img src="{from_file}" alt="Logo">')
    address = f"faq/{page.slug}/"
    return [
        f"{page.where}:{line}: the image `{from_file}` is not a file of docs/assets/: in HTML, addresses "
        f"are relative to the page's address `{address}`, not its file. Write `../../{asset}`, or the "
        f"Markdown image `![Logo]({from_file})`."
    ]


URLS_MISTAKES: list[tuple[str, Make]] = [
    (
        "HTML link with a character reference the published page reads again",
        in_answer(
            'Voir <a href="https://evil.example&amp;sol;.nato.int/x">ici</a>.',
            "the link `https://evil.example&sol;.nato.int/x` holds `&sol;`, which the published page "
            f"reads as `/`, so it leads to evil.example. {READ_AGAIN}",
        ),
    ),
    (
        "HTML link whose slashes are character references written with &amp;",
        in_answer(
            'Voir <a href="&amp;#47;&amp;#47;evil.example/x">ici</a>.',
            "the link `&#47;&#47;evil.example/x` holds `&#47;`, which the published page reads as `/`, "
            f"so it leads to evil.example. {READ_AGAIN}",
            "en",
        ),
    ),
    (
        "HTML link whose host holds characters no domain name has",
        # `&lt=` is text to a browser, in an attribute: the host is `evil.example&lt=.nato.int`.
        in_answer(
            'Voir <a href="https://evil.example&lt=.nato.int/x">ici</a>.',
            "the link `https://evil.example&lt=.nato.int/x` has a host, `evil.example&lt=.nato.int`, with "
            "characters no domain name holds: a domain is made of letters, digits, hyphens and dots. Copy "
            "the address again from the browser's address bar.",
        ),
    ),
    (
        "HTML link with a tab written as a character reference",
        in_answer(
            'Voir <a href="java&#x09;script:alert(1)">ici</a>.',
            f"the link `java<U+0009>script:alert(1)` {RUNS_CODE}",
        ),
    ),
    (
        "e-mail address between angle brackets",
        in_answer(
            "Écrire à <evil@evil.example>.",
            "the link `<evil@evil.example>` is an e-mail address: a page links only to web pages. Remove it, "
            "or link to the page's `https://` address.",
        ),
    ),
    (
        "Markdown link with a dot written as a character reference",
        in_answer(
            "Voir [ici](https://evil&#46;example/).",
            f"the link `https://evil.example/` points to evil.example, {NOT_ALLOWED}",
        ),
    ),
    (
        "Markdown link with a slash written as a named character reference",
        in_answer(
            "Voir [ici](https://evil.example&sol;.nato.int/y).",
            f"the link `https://evil.example/.nato.int/y` points to evil.example, {NOT_ALLOWED}",
            "en",
        ),
    ),
    (
        "link without the slashes after https:",
        in_answer(
            "Voir [ici](https:evil.example/x).",
            "the link `https:evil.example/x` lacks the two slashes after `https:`, so browsers read it as a "
            "page of this site. Write `https://…`.",
        ),
    ),
    ("HTML image relative to the Markdown file", image_relative_to_the_file),
]

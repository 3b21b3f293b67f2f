"""Every correct edit an editor makes builds strictly and passes the content checks.

Each edit is made in a copy of the tests' FAQ site (tests/fixture/), found by the
pages' structure (tests/page_editing.py), in both languages where the guide says so. Edits on
different pages share one copy (tests/grouped_builds.py), all built in-process
(tests/batch_build.py --serve); each built copy must pass the checks of
tests/test_content.py against its own docs/, and show each edit.
"""

from __future__ import annotations

import json
import re
import struct
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from grouped_builds import Made, built_in_groups, copies_for, first, plan
from mistakes_renames import write_old_names
from page_editing import SourcePage, questions, same_text
from test_content import CONTENT_CHECKS
from test_markdown_extensions import hashtag_at_the_start_of_a_line
from test_translation_parity import ENGLISH_FIGURES, FRENCH_FIGURES
from test_typography import plain_text_everywhere, quotes_percent_and_image_texts, quotes_typed_with_spaces

from conftest import LANGUAGES, PROJECT, BuildResult, Site, build_many, is_moved_page_notice, selected

sys.path.insert(0, str(PROJECT / "scripts"))
# mkdocs.yml's list of allowed domains, edited as CI's edited copy is (one implementation).
from editor_edits import with_domain_allowed  # noqa: E402

from faq_site.checks.compare_text import sentences
from faq_site.checks.description_quote import DEFAULT_LENGTH, MIN_LENGTH

SITE_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class Edit:
    name: str
    make: Callable[[Path], Callable[[Site], None]]  # edits docs/; returns what to check on the built site


def question_page(site: Site, source: SourcePage) -> object:
    prefix = "en/" if source.rel.endswith(".en.md") else ""
    return site.page(f"{prefix}faq/{source.slug}/")


def changed_figure(docs: Path) -> Callable[[Site], None]:
    """A figure the first answer gives in both languages changes in both (e.g. 30 -> 32 countries);
    if the two languages share no figure there (`trente` and `30`), one is added to both."""
    pages = {language: first(docs, language) for language in LANGUAGES}
    texts = {language: page.line(page.answer_end()) for language, page in pages.items()}
    # Whole numbers only: not the `1` of `1er`.
    figures = {language: re.findall(r"\b\d+\b", text) for language, text in texts.items()}
    shared = [
        figure for figure in figures[LANGUAGES[0]] if all(figure in other for other in figures.values())
    ]
    changed = []
    for language, page in pages.items():
        text = texts[language]
        if shared:
            match = next(match for match in re.finditer(r"\b\d+\b", text) if match[0] == shared[0])
            new = f"{int(shared[0]) + 2}"
            text = f"{text[: match.start()]}{new}{text[match.end() :]}"
            description_follows(page, shared[0], new)
        else:
            text = f"{text} (2)"
        page.set(page.answer_end(), text)
        changed.append((page, text))

    def check(site: Site) -> None:
        for page, text in changed:
            assert same_text(text) in same_text(question_page(site, page).content.get_text())

    return check


def rewritten_sentence(docs: Path) -> Callable[[Site], None]:
    new = {"fr": "L'Alliance compte désormais d'autres membres.", "en": "The Alliance now has other members."}
    pages = []
    for language in LANGUAGES:
        page = first(docs, language)
        span = page.first_paragraph()
        lines = page.lines()
        lines[span.first - 1 : span.last] = [new[language]]
        page.write(lines)
        if page.has_key("description"):  # it quoted the answer: it quotes the new one
            page.set(page.key_line("description"), f'description: "{new[language]}"')
        pages.append((page, new[language]))

    def check(site: Site) -> None:
        for page, text in pages:
            paragraphs = [same_text(p.text) for p in question_page(site, page).rendered.paragraphs]
            assert same_text(text) in paragraphs

    return check


def added_link(docs: Path) -> Callable[[Site], None]:
    urls = {
        "fr": "https://www.nato.int/cps/fr/natohq/topics_133127.htm",
        "en": "https://www.nato.int/cps/en/natohq/topics_133127.htm",
    }
    pages = []
    for language in LANGUAGES:
        page = first(docs, language)
        page.insert(page.link_lines()[-1] + 1, f"- [Dissuasion et défense]({urls[language]})")
        pages.append((page, urls[language]))

    def check(site: Site) -> None:
        for page, url in pages:
            links = question_page(site, page).rendered.learn_more_links()
            assert links[-1].href == url

    return check


def removed_link(docs: Path) -> Callable[[Site], None]:
    index = next(i for i, page in enumerate(questions(docs)) if len(page.link_lines()) > 1)
    pages = []
    for language in LANGUAGES:
        page = questions(docs, language)[index]
        page.delete(page.link_lines()[-1])
        pages.append((page, len(page.link_lines())))

    def check(site: Site) -> None:
        for page, count in pages:
            assert len(question_page(site, page).rendered.learn_more_links()) == count

    return check


NEW_QUESTION = {
    "fr": (
        "Qu'est-ce qu'un sommet de l'OTAN ?",
        "Une réunion des chefs d'État et de gouvernement.",
        "Pour en savoir plus",
        "fr",
    ),
    "en": ("What is a NATO summit?", "A meeting of Heads of State and Government.", "Learn more", "en"),
}


def counted(site: Site, number: int) -> None:
    """The home and "all questions" pages' descriptions give the number of questions the site has
    (`{number_of_questions}` in the fixture's): no editor touched them."""
    for address in ("", "en/", "faq/", "en/faq/"):
        description = site.page(address).soup.find("meta", attrs={"name": "description"})["content"]
        assert f"{number} questions" in description and "{" not in description, (address, description)


def new_question(docs: Path) -> Callable[[Site], None]:
    number = len(questions(docs)) + 1
    for language, (title, answer, learn_more, code) in NEW_QUESTION.items():
        name = "nato-summits.md" if language == "fr" else f"nato-summits.{language}.md"
        (docs / "faq" / name).write_text(
            f'---\nnumber: {number}\ndescription: "{answer}"\n---\n\n'
            f"# {title} {{#nato-summits}}\n\n{answer}\n\n"
            f"## {learn_more} {{#learn-more}}\n\n- [{title}](https://www.nato.int/cps/{code}/natohq/topics_50115.htm)\n",
            encoding="utf-8",
        )

    def check(site: Site) -> None:
        assert len(site.questions("fr")) == number
        assert site.questions("en")[-1].url_path == "en/faq/nato-summits/"
        counted(site, number)

    return check


def new_page_about_the_site(docs: Path) -> Callable[[Site], None]:
    """A page of the site's own at the docs root: in the navigation, after "all questions"."""
    for name, text in (("glossary.md", "Glossaire"), ("glossary.en.md", "Glossary")):
        (docs / name).write_text(f'---\ndescription: "{text}."\n---\n\n# {text} {{#glossary}}\n\n{text}.\n')

    def check(site: Site) -> None:
        for prefix in ("", "en/"):
            links = [a["href"] for a in site.page(prefix).soup.select("nav.md-nav--primary a.md-nav__link")]
            assert any(href.rstrip("/").endswith("glossary") for href in links), links
            assert site.page(f"{prefix}glossary/").content.find("h1")["id"] == "glossary"

    return check


def withdrawn_question(docs: Path) -> Callable[[Site], None]:
    withdrawn = questions(docs)[1].slug
    for language in LANGUAGES:
        pages = questions(docs, language)
        pages[1].path.unlink()
        for number, page in enumerate(pages[2:], start=2):
            page.set(page.key_line("number"), f"number: {number}")

    def check(site: Site) -> None:
        assert all(withdrawn not in page.url_path for page in site.questions("fr"))
        assert not (site.root / "faq" / withdrawn).exists()
        counted(site, len(site.questions("fr")))

    return check


def swapped_questions(docs: Path) -> Callable[[Site], None]:
    first, second = questions(docs)[:2]
    for language in LANGUAGES:
        one, two = questions(docs, language)[:2]
        one.set(one.key_line("number"), "number: 2")
        two.set(two.key_line("number"), "number: 1")

    def check(site: Site) -> None:
        assert [page.path.parent.name for page in site.questions("fr")[:2]] == [second.slug, first.slug]

    return check


def description_follows(page: SourcePage, old: str, new: str) -> None:
    """An editor who changes the answer changes the description that quotes it alike."""
    if page.has_key("description"):
        line = page.key_line("description")
        page.set(line, page.line(line).replace(old, new, 1))


def description_with_an_ellipsis(docs: Path) -> Callable[[Site], None]:
    """The description quotes the answer, shortened with “…”: its first words, then its last sentence."""
    pages = []
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        text = " ".join(page.text(span) for span in page.paragraphs())
        all_sentences = sentences(text)
        first_words = " ".join(all_sentences[0].split(" ")[:4])
        quotation = f"{first_words}… {all_sentences[-1]}" if len(all_sentences) > 1 else f"{first_words}…"
        escaped = quotation.replace('"', '\\"')  # inside YAML's double quotes
        line = f'description: "{escaped}"'
        if page.has_key("description"):
            page.set(page.key_line("description"), line)
        else:
            page.insert(2, line)
        pages.append((page, quotation))

    def check(site: Site) -> None:
        for page, text in pages:
            meta = question_page(site, page).soup.find("meta", attrs={"name": "description"})
            assert same_text(meta["content"]) == same_text(text)

    return check


def without_description(docs: Path) -> Callable[[Site], None]:
    """A question without `description`: the answer's opening sentences describe it."""
    pages = []
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        if page.has_key("description"):
            page.delete(page.key_line("description"))
        pages.append(page)

    def check(site: Site) -> None:
        for page in pages:
            built = question_page(site, page)
            description = built.soup.find("meta", attrs={"name": "description"})["content"]
            shared = built.soup.find("meta", attrs={"property": "og:description"})["content"]
            answer = same_text(built.rendered.answer_text())
            assert description == shared
            # Whole sentences of the answer: as many as fit in DEFAULT_LENGTH, and at least the first.
            assert description and answer.startswith(same_text(description)), (description, answer)
            assert description.endswith((".", "?", "!")), description
            # Past DEFAULT_LENGTH only with its first sentence, or the sentences it takes to say something.
            said = " ".join(sentences(description)[:-1])
            assert len(description) <= DEFAULT_LENGTH or len(said) < MIN_LENGTH, description

    return check


def answer_opening_with_yes(docs: Path) -> Callable[[Site], None]:
    """An answer that opens with « Oui. » / "Yes.", without a description: described by that word and
    the sentences after it, never by the word alone (search results and link previews show it)."""
    pages = []
    for language, yes in (("fr", "Oui."), ("en", "Yes.")):
        page = questions(docs, language)[-1]
        if page.has_key("description"):
            page.delete(page.key_line("description"))
        line = page.first_paragraph().first
        page.set(line, f"{yes} {page.line(line)}")
        pages.append((page, yes))

    def check(site: Site) -> None:
        for page, yes in pages:
            description = question_page(site, page).soup.find("meta", attrs={"name": "description"})[
                "content"
            ]
            assert description.startswith(f"{yes} ") and len(description) >= MIN_LENGTH, description

    return check


def appended(
    addition: dict[str, str], expected: Callable[[object], None]
) -> Callable[[Path], Callable[[Site], None]]:
    """Adds Markdown at the end of the first answer, in both languages."""

    def make(docs: Path) -> Callable[[Site], None]:
        pages = []
        for language in LANGUAGES:
            page = first(docs, language)
            page.append_to_answer(f" {addition[language]}")
            pages.append(page)
            if "[nato]" in addition[language]:
                lines = page.lines()
                page.insert(len(lines), "", "[nato]: https://www.nato.int/")

        def check(site: Site) -> None:
            for page in pages:
                expected(question_page(site, page))

        return check

    return make


def has_link(href: str, text: str | None = None) -> Callable[[object], None]:
    def check(page) -> None:
        links = [a for a in page.content.find_all("a", href=href)]
        assert links, f"{page.path}: no link to {href}"
        if text is not None:
            assert same_text(links[0].get_text()) == text

    return check


def has_element(selector: str) -> Callable[[object], None]:
    def check(page) -> None:
        assert page.content.select(selector), f"{page.path}: no {selector}"

    return check


def table(docs: Path) -> Callable[[Site], None]:
    """A table after the first answer, in both languages, its figures aligned right."""
    heads = {"fr": ("Année", "Membres"), "en": ("Year", "Members")}
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        first, second = heads[language]
        page.after_answer(f"| {first} | {second} |", "| --- | ---: |", "| 1949 | 12 |", "| 2022 | 30 |")

    def check(site: Site) -> None:
        for language in LANGUAGES:
            page = question_page(site, questions(docs, language)[0])
            assert page.content.select("table td[align=right]"), page.path

    return check


def has_text(texts: dict[str, str]) -> Callable[[object], None]:
    def check(page) -> None:
        assert same_text(texts[page.language]) in same_text(page.content.get_text()), page.path

    return check


def windows_line_endings(docs: Path) -> Callable[[Site], None]:
    """Files saved on Windows: every line ends with CR LF."""
    pages = [first(docs, language) for language in LANGUAGES]
    for page in pages:
        page.path.write_bytes(page.path.read_bytes().replace(b"\n", b"\r\n"))

    def check(site: Site) -> None:
        for page in pages:
            assert question_page(site, page).content.find("h1")

    return check


def block_after_the_answer(blocks: dict[str, str], expected: Callable[[object, str], None]):
    """Adds a block of Markdown after the first answer's first paragraph, in both languages."""

    def make(docs: Path) -> Callable[[Site], None]:
        pages = []
        for language in LANGUAGES:
            page = first(docs, language)
            page.after_answer(blocks[language])
            pages.append((page, language))

        def check(site: Site) -> None:
            for page, language in pages:
                expected(question_page(site, page), language)

        return check

    return make


QUOTE = {"fr": "Nous resterons unis.", "en": "We will stay united."}


def shows_quote(page, language: str) -> None:
    quotes = [same_text(quote.get_text()) for quote in page.content.find_all("blockquote")]
    assert same_text(QUOTE[language]) in quotes, f"{page.path}: {quotes}"


TABLE = {
    "fr": "| Année | Pays membres |\n| --- | --- |\n| 1949 | 12 |\n| 2022 | 30 |",
    "en": "| Year | Member countries |\n| --- | --- |\n| 1949 | 12 |\n| 2022 | 30 |",
}


def shows_table(page, language: str) -> None:
    table = page.content.find("table")
    assert table is not None, page.path
    rows = [
        [same_text(cell.get_text()) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")
    ]
    assert rows == [
        [same_text(cell) for cell in line.strip("|").split("|")]
        for line in TABLE[language].split("\n")
        if "---" not in line
    ], rows


def image_of_the_site(docs: Path) -> Callable[[Site], None]:
    """An image already in docs/assets/ (another question shows it), shown at the end of the first
    answer with its description in each language."""
    image = next(path for path in sorted((docs / "assets").rglob("*")) if path.is_file())
    address = f"../{image.relative_to(docs).as_posix()}"
    return appended(
        {"fr": f"![Une image du site]({address})", "en": f"![An image of the site]({address})"},
        has_element(f"img[alt][src$='{image.name}']"),
    )(docs)


# A 2 x 2 PNG, as an editor's image would be: a real file under docs/assets/.
IMAGE = "assets/images/members.png"
IMAGE_ALT = {"fr": "Carte des pays membres", "en": "Map of the member countries"}


def png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x00\x33\x99" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def local_image(docs: Path) -> Callable[[Site], None]:
    """An image added under docs/assets/, shown in the first answer with alt text in each language."""
    (docs / IMAGE).parent.mkdir(parents=True, exist_ok=True)
    (docs / IMAGE).write_bytes(png())
    pages = []
    for language in LANGUAGES:
        page = questions(docs, language)[0]
        page.after_answer(f"![{IMAGE_ALT[language]}](../{IMAGE})")
        pages.append((page, language))

    def check(site: Site) -> None:
        assert (site.root / IMAGE).read_bytes() == png()
        for page, language in pages:
            built = question_page(site, page)
            image = built.content.find("img", alt=IMAGE_ALT[language])
            assert image is not None, built.path
            assert (site.root / built.path.parent / image["src"]).resolve() == (site.root / IMAGE).resolve()

    return check


TITLE_ADDITION = {"fr": " aujourd'hui", "en": " today"}


def retitled(page: SourcePage, language: str, addition: str) -> tuple[str, str]:
    """The page's title with `addition` before its question mark; (new title, its id, unchanged)."""
    line = page.title_line()
    _, _, title, identifier = next(h for h in page.headings() if h[0] == line)
    mark = title[-1] if title.endswith(("?", "!")) else ""
    space = " " if language == "fr" and mark else ""  # French: "… aujourd'hui ?"
    new = f"{title.removesuffix(mark).rstrip()}{addition}{space}{mark}"
    page.set(line, f"# {new} {{#{identifier}}}")
    return new, identifier


def changed_title(docs: Path) -> Callable[[Site], None]:
    """The second question's title says more in both languages; its id stays."""
    pages = []
    for language in LANGUAGES:
        page = first(docs, language, 1)
        pages.append((page, *retitled(page, language, TITLE_ADDITION[language])))

    def check(site: Site) -> None:
        for page, title, identifier in pages:
            built = question_page(site, page)
            assert same_text(built.h1) == same_text(title), built.path
            assert built.content.find("h1")["id"] == identifier

    return check


# An ampersand, typed as `&` in French and as the reference `&amp;` in English.
AMPERSAND_ADDITION = {"fr": " & l'Ukraine", "en": " &amp; Ukraine"}


def title_with_an_ampersand(docs: Path) -> Callable[[Site], None]:
    """The fourth question's title gets an `&`: the browser's tab, link previews and search
    engines show `&`, escaped once (MkDocs' page title is HTML, `&amp;`)."""
    pages = []
    for language in LANGUAGES:
        page = first(docs, language, 3)
        retitled(page, language, AMPERSAND_ADDITION[language])
        pages.append(page)

    def check(site: Site) -> None:
        for page in pages:
            built = question_page(site, page)
            shown = built.soup.find("h1").get_text().replace("¶", "").strip()
            assert "&" in shown and "&amp;" not in shown, built.path
            assert built.soup.find("title").get_text().startswith(shown), built.path
            assert built.soup.find("meta", property="og:title")["content"].startswith(f"{shown} – "), (
                built.path
            )
            data = json.loads(built.soup.find("script", type="application/ld+json").string)
            assert data["mainEntity"][0]["name"] == shown, built.path

    return check


# A domain the fixture does not allow yet (it allows un.org already, besides nato.int).
ANOTHER_DOMAIN = "osce.org"
ANOTHER_DOMAIN_LINKS = {
    "fr": ("Organisation pour la sécurité et la coopération en Europe", "https://www.osce.org/fr/"),
    "en": ("Organization for Security and Co-operation in Europe", "https://www.osce.org/en/"),
}


def another_domain_allowed(docs: Path) -> Callable[[Site], None]:
    """A developer allows another domain, as CONTRIBUTING.md says, and a question links to it."""
    config = docs.parent / "mkdocs.yml"
    config.write_text(
        with_domain_allowed(config.read_text(encoding="utf-8"), ANOTHER_DOMAIN), encoding="utf-8"
    )
    pages = []
    for language in LANGUAGES:
        page = first(docs, language)
        link_text, url = ANOTHER_DOMAIN_LINKS[language]
        page.insert(page.link_lines()[-1] + 1, f"- [{link_text}]({url})")
        pages.append((page, url))

    def check(site: Site) -> None:
        for page, url in pages:
            links = question_page(site, page).rendered.learn_more_links()
            assert links[-1].href == url

    return check


def link_to_another_questions_section(docs: Path) -> Callable[[Site], None]:
    """The first answer links to the learn-more section of the second question."""
    pages = []
    for language in LANGUAGES:
        page, other = first(docs, language), first(docs, language, 1)
        words = {"fr": "Voir aussi", "en": "See also"}[language]
        page.append_to_answer(f" [{words}]({Path(other.rel).name.replace('.en.md', '.md')}#learn-more).")
        pages.append((page, other))

    def check(site: Site) -> None:
        for page, other in pages:
            built = question_page(site, page)
            target = question_page(site, other)
            links = built.content.find_all("a", href=f"../{other.slug}/#learn-more")
            assert links, built.path
            assert target.content.find(id="learn-more") is not None

    return check


def link_another_question_uses(docs: Path) -> Callable[[Site], None]:
    """The first question's learn-more list gains the last link of a later question that it lacks
    (NATO's news index, say): a target editors already use."""
    by_language = {language: questions(docs, language) for language in LANGUAGES}

    def urls(page: SourcePage) -> list[str]:
        return [url for _, _, url, _ in page.links()]

    french = by_language["fr"]
    index = next(i for i in range(len(french) - 1, 0, -1) if urls(french[i])[-1] not in urls(french[0]))
    pages = []
    for pages_of_language in by_language.values():
        page, source = pages_of_language[0], pages_of_language[index]
        line, _, url, _ = source.links()[-1]
        page.insert(page.link_lines()[-1] + 1, source.line(line))
        pages.append((page, url))

    def check(site: Site) -> None:
        for page, url in pages:
            links = question_page(site, page).rendered.learn_more_links()
            assert links[-1].href == url

    return check


def code_that_reads_like_a_script(docs: Path) -> Callable[[Site], None]:
    """An answer's code span `<!--<script>` reaches the JSON-LD as text: it stays text, for a
    browser's parser (Lexbor) too, and the page around it intact."""
    page = first(docs, "fr")
    page.append_to_answer(" Voir `<!--<script>` ici & `</script>`.")

    def check(site: Site) -> None:
        tree = question_page(site, page).tree
        (script,) = tree.css('script[type="application/ld+json"]')
        data = json.loads(script.text())
        assert "Voir <!--<script> ici & </script>." in data["mainEntity"][0]["acceptedAnswer"]["text"]
        h1 = tree.css_first("article h1")
        assert h1 is not None and h1.text(strip=True).rstrip("¶") == data["mainEntity"][0]["name"]
        assert "Voir <!--<script> ici" in tree.css_first("article").text()

    return check


def old_name_without_brackets(docs: Path) -> Callable[[Site], None]:
    """A question's old name written alone, without brackets (`renamed_from: old-name`): accepted, and
    its old address, in both languages, leads to it."""
    pages = [first(docs, language) for language in LANGUAGES]
    old = f"old-{pages[0].slug}"
    for page in pages:
        write_old_names(page, old)

    def check(site: Site) -> None:
        for prefix in ("", "en/"):
            notice = site.page(f"{prefix}faq/{old}/")
            assert is_moved_page_notice(notice), notice.path
            assert (
                f"../{pages[0].slug}/" in notice.soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
            )

    return check


EDITS = [
    Edit("a figure changed in both languages", changed_figure),
    Edit("a sentence rewritten", rewritten_sentence),
    Edit("a learn-more link added", added_link),
    Edit("a learn-more link removed", removed_link),
    Edit("a tenth question, two files", new_question),
    Edit("a question withdrawn", withdrawn_question),
    Edit("a new page about the site, two files", new_page_about_the_site),
    Edit("two questions swapping numbers", swapped_questions),
    Edit("a description shortened with an ellipsis", description_with_an_ellipsis),
    Edit("a question without description", without_description),
    Edit("an answer that opens with a one-word sentence, without description", answer_opening_with_yes),
    Edit("files saved with Windows line endings", windows_line_endings),
    Edit("a title with an ampersand", title_with_an_ampersand),
    Edit(
        "an autolink",
        appended(
            {"fr": "<https://www.nato.int/>", "en": "<https://www.nato.int/>"},
            has_link("https://www.nato.int/"),
        ),
    ),
    Edit(
        "a reference link and its definition",
        appended(
            {"fr": "Voir [l'OTAN][nato].", "en": "See [NATO][nato]."}, has_link("https://www.nato.int/")
        ),
    ),
    Edit(
        "brackets inside a link's text",
        appended(
            {
                "fr": "[Le traité [1949]](https://www.nato.int/)",
                "en": "[The Treaty [1949]](https://www.nato.int/)",
            },
            has_link("https://www.nato.int/"),
        ),
    ),
    Edit(
        "a link to the site's own repository",
        appended(
            {
                "fr": "[Signaler une erreur](https://github.com/faq-otan-ukraine/faq-otan-ukraine/issues)",
                "en": "[Report a mistake](https://github.com/faq-otan-ukraine/faq-otan-ukraine/issues)",
            },
            has_link("https://github.com/faq-otan-ukraine/faq-otan-ukraine/issues"),
        ),
    ),
    Edit(
        "a raw HTML link to an allowed domain",
        appended(
            {
                "fr": '<a href="https://www.nato.int/" hreflang="fr">OTAN</a>',
                "en": '<a href="https://www.nato.int/">NATO</a>',
            },
            has_link("https://www.nato.int/"),
        ),
    ),
    Edit(
        "a link whose domain is written in capitals",
        appended(
            {"fr": "[OTAN](https://www.NATO.int/)", "en": "[NATO](https://www.NATO.int/)"},
            has_link("https://www.NATO.int/"),
        ),
    ),
    Edit(
        "an abbreviation and a word in another language, in HTML",
        appended(
            {
                "fr": '<abbr title="Organisation du Traité de l\'Atlantique Nord">OTAN</abbr> '
                '(<span lang="uk">Україна</span>)',
                "en": '<abbr title="North Atlantic Treaty Organization">NATO</abbr> '
                '(<span lang="uk">Україна</span>)',
            },
            has_element("abbr[title] + span[lang=uk]"),
        ),
    ),
    Edit(
        "a table with a column aligned right",
        table,
    ),
    Edit("an image the site has, shown again with its description in each language", image_of_the_site),
    # Issue 15's edits
    Edit(
        "a blockquote",
        block_after_the_answer({"fr": f"> {QUOTE['fr']}", "en": f"> {QUOTE['en']}"}, shows_quote),
    ),
    Edit("a table", block_after_the_answer(TABLE, shows_table)),
    Edit("a local image with alt text in each language", local_image),
    Edit("a question's title changed in both languages", changed_title),
    Edit(
        "a time written in each language's style",
        appended(
            {"fr": "La réunion a commencé à 14 h 30.", "en": "The meeting began at 2.30 pm."},
            has_text({"fr": "14 h 30", "en": "2.30 pm"}),
        ),
    ),
    Edit(
        "figures of every kind, each written in its language's style",
        appended(
            {"fr": FRENCH_FIGURES, "en": ENGLISH_FIGURES},
            has_text({"fr": FRENCH_FIGURES, "en": ENGLISH_FIGURES}),
        ),
    ),
    Edit("another domain allowed, and a link to it", another_domain_allowed),
    Edit("a link to another question's section", link_to_another_questions_section),
    Edit("a learn-more link another question uses", link_another_question_uses),
    Edit("an old name written without brackets", old_name_without_brackets),
    Edit("plain text typed in a title, a description and an answer", plain_text_everywhere),
    Edit(
        "straight double quotes, a percentage, an image's description and title typed plain",
        quotes_percent_and_image_texts,
    ),
    Edit("code in an answer that reads like a script", code_that_reads_like_a_script),
    Edit("two quotations typed with spaces inside the straight quotes", quotes_typed_with_spaces),
    Edit("a hashtag at the start of a paragraph", hashtag_at_the_start_of_a_line),
]


@dataclass(frozen=True)
class Built:
    docs: Path
    result: BuildResult
    site: Site
    check: Callable[[Site], None]
    content: str | None  # what tests/test_content.py's checks found wrong in the built copy, if anything


def content_problem(result: BuildResult, site: Site, docs: Path) -> str | None:
    """Whether a built copy builds and passes tests/test_content.py's checks (run once per copy)."""
    if result.returncode != 0 or "WARNING" in result.output:
        return result.output
    try:
        for check in CONTENT_CHECKS:
            check(site, docs)
    except AssertionError as error:
        return f"{check.__name__}: {error}"
    return None


def passes(outcome: Built) -> bool:
    """Whether a built copy passes what the test below asserts of it."""
    try:
        assert outcome.content is None
        outcome.check(outcome.site)
    except Exception:  # an assertion, or a page the check could not find
        return False
    return True


def build(builds: list[list[Made]], root: Path) -> dict[str, Built]:
    projects = copies_for(builds, root)
    results = build_many(projects, root / "sites", SITE_URL)
    outcome = {}
    for index, (project, members) in enumerate(zip(projects, builds, strict=True)):
        site = Site(root / "sites" / str(index), SITE_URL, results[project].output)
        content = content_problem(results[project], site, project / "docs")
        for made in members:
            outcome[made.name] = Built(project / "docs", results[project], site, made.made, content)
    return outcome


@pytest.fixture(scope="module")
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """Every edit made and built, with others on different pages where it can be
    (tests/grouped_builds.py). A group whose copy fails any check has its edits built again
    one by one, as written, and each test reports its own build."""
    root = tmp_path_factory.mktemp("edits")
    planned = plan({edit.name: edit.make for edit in selected(request, "edit")}, root, pages_come_and_go=True)
    return built_in_groups(
        planned,
        root,
        build,
        lambda members, outcome: all(passes(outcome[made.name]) for made in members),
        "correct edits",
    )


@pytest.mark.parametrize("edit", EDITS, ids=lambda edit: edit.name)
def test_a_correct_edit_builds_and_passes_the_content_checks(edit: Edit, built: dict[str, Built]) -> None:
    outcome = built[edit.name]
    assert outcome.result.returncode == 0, outcome.result.output
    assert "WARNING" not in outcome.result.output, outcome.result.output
    assert outcome.content is None, outcome.content  # tests/test_content.py's checks, on its copy
    outcome.check(outcome.site)


def test_at_least_six_correct_edits() -> None:
    assert len({edit.name for edit in EDITS}) == len(EDITS) >= 6

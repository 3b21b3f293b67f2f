"""Typography is the build's job: editors type plain text, readers get typographic text.

- The extension itself (src/faq_site/markdown/typography.py), case by case: each rule, and what
  it must leave alone (code, addresses, ids, attributes, raw HTML).
- The real site, rendered: every text readers see (page, title, navigation,
  descriptions, structured data, search index) follows its language's rules,
  and is exactly what the rules make of its plain form (so nothing was lost
  when the sources were converted to plain characters).
- A copy where an editor types plain text: every place it appears is typeset.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, NavigableString
from grouped_builds import first, paragraph_added
from page_editing import questions

from faq_site.markdown.typography import NARROW_NBSP, NBSP, paired, typeset

from conftest import LANGUAGES, Site

N, S = NARROW_NBSP, NBSP


def plain(text: str) -> str:
    """What an editor types: the conversion of the sources to plain characters."""
    for typographic, typed in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), (N, " "), (S, " ")):
        text = text.replace(typographic, typed)
    return text


def render(text: str, language: str) -> str:
    return markdown.markdown(
        text,
        extensions=["attr_list", "toc", "faq_site.markdown.typography"],
        extension_configs={"faq_site.markdown.typography": {"language": language}},
    )


# --- The extension, case by case ---------------------------------------------

FRENCH_CASES = [
    ("Qu'est-ce que l'OTAN ?", f"Qu’est-ce que l’OTAN{N}?"),
    ("Non ! Oui ; peut-être", f"Non{N}! Oui{N}; peut-être"),
    ("défensive : elle", f"défensive{S}: elle"),
    ("« Réponse de l'OTAN »", f"«{S}Réponse de l’OTAN{S}»"),
    ("«Réponse»", f"«{S}Réponse{S}»"),
    ("40 000 soldats, 1 000 000 d'euros", f"40{N}000 soldats, 1{N}000{N}000 d’euros"),
    ("en 2014, 30 pays", "en 2014, 30 pays"),
    ("l'OTAN?", "l’OTAN?"),  # no space typed: none added
    # Straight double quotes, as a French keyboard types them: « » with their no-break spaces.
    ('Il a dit "non".', f"Il a dit «{S}non{S}»."),
    ('"Réponse de l\'OTAN" ?', f"«{S}Réponse de l’OTAN{S}»{N}?"),
    (
        '("entre parenthèses") et — "après un tiret"',
        f"(«{S}entre parenthèses{S}») et — «{S}après un tiret{S}»",
    ),
    ('"Espaces tapés" ou non', f"«{S}Espaces tapés{S}» ou non"),
    ('l\'"Alliance"', f"l’«{S}Alliance{S}»"),
    # A percentage: the space typed before % is a no-break space; a figure typed glued stays so.
    ("0,25 % du PIB", f"0,25{S}% du PIB"),
    ("25% du PIB", "25% du PIB"),
]


@pytest.mark.parametrize(("typed", "rendered"), FRENCH_CASES, ids=[c[0] for c in FRENCH_CASES])
def test_french_rules(typed: str, rendered: str) -> None:
    assert typeset(typed, "fr") == rendered
    assert render(typed, "fr") == f"<p>{rendered}</p>"


ENGLISH_CASES = [
    ("NATO's response", "NATO’s response"),
    ("\"NATO's response to Russia's invasion\"", "“NATO’s response to Russia’s invasion”"),
    ("the Allies' forces", "the Allies’ forces"),
    ("'quoted' (\"too\")", "‘quoted’ (“too”)"),
    ("a question ? 40 000 : yes", "a question ? 40 000 : yes"),  # French rules only in French
    # A space typed before % is a no-break space; British English's `2%` stays as typed.
    ("0.25 % of GDP, 2% more", f"0.25{S}% of GDP, 2% more"),
]


@pytest.mark.parametrize(("typed", "rendered"), ENGLISH_CASES, ids=[c[0] for c in ENGLISH_CASES])
def test_english_rules(typed: str, rendered: str) -> None:
    assert typeset(typed, "en") == rendered
    assert render(typed, "en") == f"<p>{rendered}</p>"


def test_quotes_around_markup_open_and_close() -> None:
    assert render('"*NATO*" and "[it](https://www.nato.int/)"', "en") == (
        '<p>“<em>NATO</em>” and “<a href="https://www.nato.int/">it</a>”</p>'
    )
    assert render('"*OTAN*" et "[lien](https://www.nato.int/)"', "fr") == (
        f'<p>«{S}<em>OTAN</em>{S}» et «{S}<a href="https://www.nato.int/">lien</a>{S}»</p>'
    )


# Straight double quotes are paired per block of text, whatever spaces are typed around them (a
# French keyboard's habit, `" non "`): the 1st, 3rd… open, the 2nd, 4th… close. Each case: typed,
# and the exact HTML published.
PAIRED = [
    # spaces typed inside: one no-break space in French, none in English
    ("fr", 'Il a dit " non " hier.', f"<p>Il a dit «{S}non{S}» hier.</p>"),
    ("fr", '" Non " a-t-il dit', f"<p>«{S}Non{S}» a-t-il dit</p>"),
    ("en", 'He said " no " yesterday.', "<p>He said “no” yesterday.</p>"),
    ("en", '" No " was the answer', "<p>“No” was the answer</p>"),
    # spaces outside only, and none at all
    ("fr", 'Il a dit "non" hier.', f"<p>Il a dit «{S}non{S}» hier.</p>"),
    ("fr", 'Il a dit"non"hier.', f"<p>Il a dit«{S}non{S}»hier.</p>"),
    ("en", 'He said "no" yesterday.', "<p>He said “no” yesterday.</p>"),
    # across inline markup, spaces inside or not
    ("fr", 'Il a dit " *non* " hier.', f"<p>Il a dit «{S}<em>non</em>{S}» hier.</p>"),
    (
        "fr",
        '"**OTAN**" et " [lien](https://www.nato.int/) "',
        (f'<p>«{S}<strong>OTAN</strong>{S}» et «{S}<a href="https://www.nato.int/">lien</a>{S}»</p>'),
    ),
    ("en", 'He said " *no* " then.', "<p>He said “<em>no</em>” then.</p>"),
    ("fr", '*Il a dit " non " hier*', f"<p><em>Il a dit «{S}non{S}» hier</em></p>"),
    # two quotations in one paragraph
    ("fr", 'Il a dit " non " puis " oui ".', f"<p>Il a dit «{S}non{S}» puis «{S}oui{S}».</p>"),
    ("en", 'He said " no " then " yes ".', "<p>He said “no” then “yes”.</p>"),
    # apostrophes are not quotes
    ("fr", "L'OTAN a dit \" l'aide \" aujourd'hui.", f"<p>L’OTAN a dit «{S}l’aide{S}» aujourd’hui.</p>"),
    ("en", "NATO's \" allies' aid \" today", "<p>NATO’s “allies’ aid” today</p>"),
    # an odd number: the one left unpaired follows its context (here, after a space: it opens)
    ("fr", 'Il a dit " non " puis "oui', f"<p>Il a dit «{S}non{S}» puis «{S}oui</p>"),
    ("en", 'He said " no " then "yes', "<p>He said “no” then “yes</p>"),
    # a French quotation over two paragraphs opens each and closes the last: not paired across
    ("fr", '"Premier.\n\n"Second."', f"<p>«{S}Premier.</p>\n<p>«{S}Second.{S}»</p>"),
    # a list item, a heading, a table cell: each block pairs its own
    ("fr", '- " un "\n- " deux "', f"<ul>\n<li>«{S}un{S}»</li>\n<li>«{S}deux{S}»</li>\n</ul>"),
    ("fr", '## Le " soutien " {#soutien}', f'<h2 id="soutien">Le «{S}soutien{S}»</h2>'),
    ("fr", '| A |\n| --- |\n| " oui " |', f"<td>«{S}oui{S}»</td>"),
    # an image's description and a title: each value pairs its own
    (
        "fr",
        '![Carte " voisins "](carte.png \'Il dit " non "\')',
        f'<p><img alt="Carte «{S}voisins{S}»" src="carte.png" title="Il dit «{S}non{S}»" /></p>',
    ),
    (
        "en",
        '![Map " neighbours "](map.png \'He says " no "\')',
        '<p><img alt="Map “neighbours”" src="map.png" title="He says “no”" /></p>',
    ),
    # code spans keep their quotes, and are not counted
    ("fr", '`" non "` et " oui "', f'<p><code>" non "</code> et «{S}oui{S}»</p>'),
    ("fr", '" `x` " et "y"', f"<p>«{S}<code>x</code>{S}» et «{S}y{S}»</p>"),
    ("en", '`" no "` and " yes "', '<p><code>" no "</code> and “yes”</p>'),
    # a quote kept straight with a backslash is not counted either
    ("fr", '\\" a " b "', f'<p>" a «{S}b{S}»</p>'),
    # a language without rules (a third one, tests/test_languages.py) keeps them as typed
    ("de", 'Er sagte " nein ".', '<p>Er sagte " nein ".</p>'),
]


@pytest.mark.parametrize(("language", "typed", "expected"), PAIRED, ids=[c[1][:40] for c in PAIRED])
def test_straight_double_quotes_pair_per_block(language: str, typed: str, expected: str) -> None:
    rendered = markdown.markdown(
        typed,
        extensions=["attr_list", "tables", "toc", "faq_site.markdown.typography"],
        extension_configs={"faq_site.markdown.typography": {"language": language}},
    )
    assert expected in rendered, rendered


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("fr", 'Il a dit " non " puis " oui ".', f"Il a dit «{S}non{S}» puis «{S}oui{S}»."),
        ("en", 'He said " no " then " yes ".', "He said “no” then “yes”."),
    ],
)
def test_quotes_pair_in_text_outside_markdown(language: str, typed: str, expected: str) -> None:
    # A description in the front matter is one block.
    assert typeset(typed, language) == expected


def test_an_unpaired_quote_is_the_one_its_context_least_pairs() -> None:
    # `a" b "c" d`: read alone, the 1st closes, the 2nd opens, the 3rd closes; leaving the 1st
    # unpaired pairs the others as their context says.
    assert typeset('a" b "c" d', "en") == "a” b “c” d"
    assert paired([False, True, False]) == [False, True, False]
    assert paired([True, True, True]) == [True, False, True]  # a tie: the last is unpaired
    assert paired([True, False, True, False]) == paired([False, False, False, False]) == [True, False] * 2
    assert paired([]) == []


# What readers see besides the text: an image's description, a title (tooltip), a table's cells,
# a heading, an abbreviation's meaning. Typed plain, typeset like the body; the exact output.
SHOWN = [
    (
        "fr",
        '![Carte de l\'OTAN : "voisins"](../assets/carte.png "L\'Ukraine ?")',
        f'<p><img alt="Carte de l’OTAN{S}: «{S}voisins{S}»" src="../assets/carte.png" '
        f'title="L’Ukraine{N}?" /></p>',
    ),
    ("en", '![NATO\'s "map"](map.png)', '<p><img alt="NATO’s “map”" src="map.png" /></p>'),
    (
        "fr",
        "[lien](https://www.nato.int/a'b \"l'OTAN : 0,25 %\")",
        f'<p><a href="https://www.nato.int/a\'b" title="l’OTAN{S}: 0,25{S}%">lien</a></p>',
    ),
    (
        "fr",
        '| Année | Part |\n| --- | --- |\n| "2014" | 0,25 % |',
        f"<td>«{S}2014{S}»</td>\n<td>0,25{S}%</td>",
    ),
    ("fr", '## Le "soutien" : 2 % {#soutien}', f'<h2 id="soutien">Le «{S}soutien{S}»{S}: 2{S}%</h2>'),
    (
        "fr",
        "L'UE.\n\n*[UE]: l'Union européenne : \"UE\"",
        f'<p>L’<abbr title="l’Union européenne{S}: «{S}UE{S}»">UE</abbr>.</p>',
    ),
]


@pytest.mark.parametrize(("language", "typed", "expected"), SHOWN, ids=[c[1][:30] for c in SHOWN])
def test_what_readers_see_besides_the_text_is_typeset(language: str, typed: str, expected: str) -> None:
    rendered = markdown.markdown(
        typed,
        extensions=["abbr", "attr_list", "tables", "toc", "faq_site.markdown.typography"],
        extension_configs={"faq_site.markdown.typography": {"language": language}},
    )
    assert expected in rendered, rendered


UNTOUCHED = [
    # code, inline and fenced
    ("fr", "`l'OTAN ?` et l'OTAN", "<code>l'OTAN ?</code> et l’OTAN"),
    ("en", '`"it\'s"`', '<code>"it\'s"</code>'),
    ("fr", "    x = 'a' ; b : c\n", "<pre><code>x = 'a' ; b : c\n</code></pre>"),
    # link addresses, titles and attributes
    (
        "fr",
        "[Conférence de presse (en anglais)](https://www.nato.int/cps/en/a.htm?x=1 : 2){hreflang=en}",
        'href="https://www.nato.int/cps/en/a.htm?x=1 : 2" hreflang="en"',
    ),
    # (a link's title is what readers see: typeset, SHOWN above; its address is not)
    ("en", "[NATO's page](https://nato.int/a'b \"it's\")", 'href="https://nato.int/a\'b" title="it’s"'),
    # code spans and addresses with quotes and percent signs
    ("fr", '`"non" 25 %` et "oui"', f'<code>"non" 25 %</code> et «{S}oui{S}»'),
    (
        "fr",
        '[x](https://www.nato.int/l\'OTAN%20:b) "y"',
        f'href="https://www.nato.int/l\'OTAN%20:b">x</a> «{S}y{S}»',
    ),
    ("fr", '![x](../a%20b.png){hreflang=fr title="y"}', 'src="../a%20b.png"'),
    # an autolink's address, shown as text
    ("fr", "<https://www.nato.int/?a=1 ;x>", ">https://www.nato.int/?a=1 ;x</a>"),
    # raw HTML: its attributes, and the text of a block of HTML
    ("fr", "<span title=\"l'OTAN ?\">l'OTAN</span>", '<span title="l\'OTAN ?">l’OTAN</span>'),
    ("fr", "<div>\nl'OTAN ?\n</div>", "<div>\nl'OTAN ?\n</div>"),
    # a straight quote kept with a backslash
    ("en", r"a \"straight\" one", 'a "straight" one'),
]


@pytest.mark.parametrize(("language", "typed", "expected"), UNTOUCHED, ids=[c[1][:30] for c in UNTOUCHED])
def test_code_addresses_attributes_raw_html_untouched(language: str, typed: str, expected: str) -> None:
    assert expected in render(typed, language)


def test_heading_ids_are_untouched_and_titles_typeset() -> None:
    md = markdown.Markdown(
        extensions=["attr_list", "toc", "faq_site.markdown.typography"],
        extension_configs={"faq_site.markdown.typography": {"language": "fr"}},
    )
    html = md.convert("# Qu'est-ce que l'OTAN ? {#what-is-nato}\n\n## Pour en savoir plus : x {#learn-more}")
    assert f'<h1 id="what-is-nato">Qu’est-ce que l’OTAN{N}?</h1>' in html
    assert [token["name"] for token in md.toc_tokens[0:1] + md.toc_tokens[0]["children"]] == [
        f"Qu’est-ce que l’OTAN{N}?",
        f"Pour en savoir plus{S}: x",
    ]


@pytest.mark.parametrize("language", [*LANGUAGES, "de", ""])
def test_typeset_text_is_left_as_it_is(language: str) -> None:
    # Typesetting twice changes nothing; other languages are left alone.
    text = "Qu'est-ce que « l'OTAN » ? 40 000 : \"NATO's\""
    once = typeset(text, language)
    assert typeset(once, language) == once
    if language not in LANGUAGES:
        assert once == text


# --- The real site, rendered -------------------------------------------------

# Not typeset: code, and the permalink signs.
SKIP = ("code", "pre", "kbd", "script", "style")
FRENCH_MISTAKES = {
    "a straight apostrophe": re.compile("'"),
    "an ordinary space before ? ! ; (want U+202F)": re.compile(r"[ \u00a0][?!;]"),
    "an ordinary space before : (want U+00A0)": re.compile(r"[ \u202f]:"),
    "an ordinary space inside « » (want U+00A0)": re.compile(r"« | »"),
    "an ordinary space in a number (want U+202F)": re.compile(r"\d \d{3}(?!\d)"),
    "a straight double quote (want « »)": re.compile('"'),
    "an ordinary space before % (want U+00A0)": re.compile(r"[ \u202f]%"),
}
ENGLISH_MISTAKES = {
    "a straight apostrophe": re.compile("'"),
    "a straight double quote": re.compile('"'),
    "an ordinary space before % (want U+00A0)": re.compile(r"[ \u202f]%"),
}


def visible_texts(soup: BeautifulSoup) -> list[str]:
    """Every text node readers see in the page's article, navigation and title, and the article's
    attributes they see: images' descriptions, titles (tooltips)."""
    texts = []
    for area in [soup.find("article"), soup.find("nav", class_="md-nav--primary"), soup.title]:
        for node in area.find_all(string=True) if area else []:
            if type(node) is NavigableString and not node.find_parent(SKIP):  # not comments
                texts.append(str(node))
    article = soup.find("article")
    for element in article.find_all(attrs={"alt": True}) + article.find_all(attrs={"title": True}):
        # The permalink sign's title is the theme's string, not the page's text.
        if "headerlink" not in element.get("class", []):
            texts += [element.get(name) for name in ("alt", "title") if element.get(name)]
    return texts


def metadata_texts(soup: BeautifulSoup) -> list[str]:
    """The page's descriptions, titles and structured data, as search engines read them."""
    texts = [
        meta["content"]
        for meta in soup.find_all("meta")
        if meta.get("name") == "description" or meta.get("property") in {"og:title", "og:description"}
    ]
    for script in soup.find_all("script", type="application/ld+json"):
        question = json.loads(script.string)["mainEntity"][0]
        texts += [question["name"], question["acceptedAnswer"]["text"]]
    return texts


def page_texts(site: Site, language: str) -> list[tuple[str, str]]:
    return [
        (page.path.as_posix(), text)
        for page in site.pages_in(language)
        for text in visible_texts(page.soup) + metadata_texts(page.soup)
    ]


def search_texts(site: Site, language: str) -> list[tuple[str, str]]:
    index = site.search_index(language)
    return [
        (f"search index: {doc['location']}", text)
        for doc in index["docs"]
        for text in (doc["title"], BeautifulSoup(doc["text"], "html.parser").get_text())
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_rendered_text_follows_the_language_rules(fixture_site: Site, language: str) -> None:
    mistakes = FRENCH_MISTAKES if language == "fr" else ENGLISH_MISTAKES
    found = [
        f"{where}: {what} in {text.strip()[:80]!r}"
        for where, text in page_texts(fixture_site, language) + search_texts(fixture_site, language)
        for what, pattern in mistakes.items()
        if pattern.search(text)
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_rendered_text_is_what_the_rules_make_of_plain_text(fixture_site: Site, language: str) -> None:
    # The normaliser undoes the typography; the rules must give back exactly
    # what the site shows. So the sources, typed plain, lose nothing.
    texts = page_texts(fixture_site, language)
    assert any(plain(text) != text for _, text in texts), "the site shows no typography at all"
    different = [
        f"{where}: {text!r} -> {typeset(plain(text), language)!r}"
        for where, text in texts
        if typeset(plain(text), language) != text
    ]
    assert not different, "\n".join(different)


# --- An editor types plain text ---------------------------------------------

PLAIN_FRENCH = "L'OTAN compte 40 000 soldats : « assez » ? Oui ; vraiment !"
PLAIN_ENGLISH = "NATO's \"40,000 troops\": enough? Yes; the Allies' answer!"


def plain_text_everywhere(docs: Path) -> Callable[[Site], None]:
    """An editor types plain text in a question's title, description and answer (a paragraph of its
    own, at the end): the built site shows it typeset in the title, the description, the body, the
    navigation, the home page's list, the structured data and the search index. A correct edit
    (tests/test_correct_edits.py builds it with the others)."""
    french = first(docs, "fr")
    heading_id = french.headings()[0][3]
    for page, title, sentence in (
        (french, "Qu'en dit l'OTAN ?", PLAIN_FRENCH),  # a title no other question has
        (french.twin, "What's NATO's answer?", PLAIN_ENGLISH),
    ):
        page.set(page.description_line(), f"description: {json.dumps(sentence, ensure_ascii=False)}")
        page.set(page.title_line(), f"# {title} {{#{heading_id}}}")
        page.insert(page.heading_line("learn-more"), f"{sentence} `l'x ?`", "")
    address = f"faq/{french.slug}/"

    def check(site: Site) -> None:
        expected = {
            "fr": (f"Qu’en dit l’OTAN{N}?", typeset(PLAIN_FRENCH, "fr"), ""),
            "en": (
                "What’s NATO’s answer?",
                "NATO’s “40,000 troops”: enough? Yes; the Allies’ answer!",
                "en/",
            ),
        }
        assert (
            expected["fr"][1] == f"L’OTAN compte 40{N}000 soldats{S}: «{S}assez{S}»{N}? Oui{N}; vraiment{N}!"
        )
        for title, sentence, prefix in expected.values():
            page, home = site.page(f"{prefix}{address}").soup, site.page(prefix).soup
            h1 = page.find("article").find("h1")
            assert h1["id"] == heading_id
            assert h1.get_text().rstrip("¶") == title
            assert sentence in page.find("article").get_text()
            assert page.find("article").find("code").get_text() == "l'x ?"
            assert page.title.get_text().startswith(title)
            assert title in page.find("nav", class_="md-nav--primary").get_text()
            assert title in home.find("article").get_text()
            assert sentence in metadata_texts(page)
            json_ld = json.loads(page.find("script", type="application/ld+json").string)["mainEntity"][0]
            assert json_ld["name"] == title and sentence in json_ld["acceptedAnswer"]["text"]
            entry = next(
                doc
                for doc in site.search_index(prefix.rstrip("/") or "fr")["docs"]
                if doc["location"] == address
            )
            assert entry["title"] == title and sentence in entry["text"]

    return check


QUOTED = {
    "fr": "Selon l'OTAN, \"l'aide\" atteint 0,25 % du PIB des Alliés.",
    "en": 'According to NATO, "the aid" reaches 0.25 % of the Allies\' GDP.',
}
PUBLISHED_QUOTED = {
    "fr": f"Selon l’OTAN, «{S}l’aide{S}» atteint 0,25{S}% du PIB des Alliés.",
    "en": f"According to NATO, “the aid” reaches 0.25{S}% of the Allies’ GDP.",
}
IMAGE_TEXTS = {
    "fr": ("Carte : \"l'Ukraine\" et les pays de l'OTAN voisins", "L'Ukraine et ses voisins ?"),
    "en": ('Map: "Ukraine" and the neighbouring NATO countries', "Ukraine's neighbours"),
}
PUBLISHED_IMAGE_TEXTS = {
    "fr": (f"Carte{S}: «{S}l’Ukraine{S}» et les pays de l’OTAN voisins", f"L’Ukraine et ses voisins{N}?"),
    "en": ("Map: “Ukraine” and the neighbouring NATO countries", "Ukraine’s neighbours"),
}


def quotes_percent_and_image_texts(docs: Path) -> Callable[[Site], None]:
    """An editor types straight double quotes and a space before `%` in a question's description
    and answer, and an image's description and title, in both languages: the published page shows
    « » (French) and “ ” (English) with their spaces, a no-break space before `%`, and the image's
    `alt` and `title` typeset like the text. A correct edit (tests/test_correct_edits.py builds it)."""
    french = next(page for page in questions(docs, "fr") if any(b.kind == "image" for b in page.answer()))
    address = f"faq/{french.slug}/"
    for page in (french, french.twin):
        language = page.language
        image = next(block for block in page.answer() if block.kind == "image")
        line = image.span.first
        source = re.search(r"\]\(([^)\s]+)", page.line(line)).group(1)
        alt, title = IMAGE_TEXTS[language]
        page.set(line, f'![{alt}]({source} "{title}")')
        page.set(page.description_line(), f"description: {json.dumps(QUOTED[language], ensure_ascii=False)}")
        page.insert(page.heading_line("learn-more"), f'{QUOTED[language]} `"code" 25 %`', "")

    def check(site: Site) -> None:
        for language, prefix in (("fr", ""), ("en", "en/")):
            page = site.page(f"{prefix}{address}")
            published = PUBLISHED_QUOTED[language]
            # The exact bytes readers get: text typeset, code as typed.
            assert f'<p>{published} <code>"code" 25 %</code></p>' in page.html, page.path
            alt, title = PUBLISHED_IMAGE_TEXTS[language]
            image = page.soup.find("article").find("img", src=re.compile("carte-ukraine"))
            assert (image["alt"], image["title"]) == (alt, title), page.path
            assert "%" not in image["src"] and '"' not in image["src"]
            assert published in metadata_texts(page.soup), page.path

    return check


SPACED_QUOTES = {
    "fr": 'Le Conseil a répondu " non " hier, puis " *oui* " aujourd\'hui.',
    "en": 'The Council answered " no " yesterday, then " *yes* " today.',
}
PUBLISHED_SPACED_QUOTES = {
    "fr": f"<p>Le Conseil a répondu «{S}non{S}» hier, puis «{S}<em>oui</em>{S}» aujourd’hui.</p>",
    "en": "<p>The Council answered “no” yesterday, then “<em>yes</em>” today.</p>",
}


def quotes_typed_with_spaces(docs: Path) -> Callable[[Site], None]:
    """An editor types two quotations with spaces inside the straight quotes (as on a French
    keyboard), one around emphasis, in a paragraph of a question's answer, in both languages: the
    published page shows them paired, « » with one no-break space inside and “ ” with none. A
    correct edit (tests/test_correct_edits.py builds it)."""
    return paragraph_added(docs, 1, SPACED_QUOTES, PUBLISHED_SPACED_QUOTES)

"""The allow-list of what a page's content may contain (src/faq_site/checks/content_allowlist.py).

Unit tests on HTML as Python-Markdown renders it; the editor-mistake tests build whole copies.
nh3 (ammonia's defaults) is the reference the list is measured against.
"""

from __future__ import annotations

import markdown
import nh3
import pytest

from faq_site.checks.content_allowlist import (
    ELEMENTS,
    GLOBAL_ATTRIBUTES,
    NEVER,
    URL_ATTRIBUTES,
    PageContext,
    check_content,
    published_problems,
)
from faq_site.checks.rendered import PublishedPage, RenderedPage
from faq_site.checks.urls import UrlRule
from faq_site.languages import Languages
from faq_site.sources.page import MarkdownPage

PAGE = PageContext(
    page_url="faq/q/",
    src_uri="faq/q.md",
    rule=UrlRule(("nato.int",), "https://github.com/owner/faq", None),
    asset_urls=frozenset({"assets/map.png", "assets/map@2x.png"}),
)
# What the site's Markdown writes that ammonia's defaults leave out, and why.
BEYOND_AMMONIA = {
    "id": "headings' ids (`{#learn-more}`): links and the table of contents point to them",
    "class": "only the declared classes: the permalink ¶ and admonitions",
    "img:srcset": "sharper images on dense screens, each address under the image rule",
    "time:datetime": "a date readers' software can read",
}


def render(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=["attr_list", "admonition", "tables", "toc"],
        extension_configs={"tables": {"use_align_attribute": True}},
    )


def page_of(text: str) -> MarkdownPage:
    return MarkdownPage.parse("faq/q.md", text, Languages("fr", ("fr", "en"), ("fr", "en")))


def messages(text: str) -> list[str]:
    html = render(text)
    return [f"{line}: {message}" for line, message in check_content(RenderedPage(html), PAGE, page_of(text))]


def test_the_list_keeps_within_ammonias_defaults_but_for_what_the_site_writes() -> None:
    for element, attributes in ELEMENTS.items():
        assert element in nh3.ALLOWED_TAGS, element
        beyond = attributes - nh3.ALLOWED_ATTRIBUTES.get(element, set())
        assert {f"{element}:{a}" for a in beyond} <= set(BEYOND_AMMONIA), element
    assert GLOBAL_ATTRIBUTES - {"lang", "title"} <= set(BEYOND_AMMONIA)
    # And never anything ammonia removes as dangerous.
    assert not set(NEVER) & nh3.ALLOWED_TAGS


CORRECT = """\
# Title {#title}

An answer with **bold**, *italics*, `code`, a [link](https://www.nato.int/x){hreflang=en},
a [page](../other/) and <abbr title="Organisation du Traité de l'Atlantique Nord">OTAN</abbr>,
x<sup>2</sup>, <span lang="uk">Україна</span>, <q>quoted</q>.

> A quotation.

![A map of the Alliance](../../assets/map.png){width=300 height=200}

<img src="../../assets/map.png" srcset="../../assets/map@2x.png 2x" alt="A map">

| Year | Members |
| ---- | ------: |
| 2022 | 30      |

!!! warning "Note"

    A notice.

- item
1. item

<!-- an editor's comment -->

## Learn more {#learn-more}
"""


def test_what_markdown_writes_passes() -> None:
    assert messages(CORRECT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Text.\n\n<script>alert(1)</script>", "3: the HTML element `<script>` is not allowed in a page"),
        ("Text.\n\n<STYLE>p{display:none}</STYLE>", "3: the HTML element `<style>` is not allowed in a page"),
        ('<iframe src="https://evil.example/"></iframe>', "1: the HTML element `<iframe>` is not allowed"),
        ('<form action="https://evil.example/"><input name=q></form>', "1: the HTML element `<form>`"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "1: the HTML element `<meta>`"),
        ('<base href="https://evil.example/">', "1: the HTML element `<base>`"),
        ('<object data="https://evil.example/x.swf"></object>', "1: the HTML element `<object>`"),
        ('<video poster="https://evil.example/p.png"></video>', "1: the HTML element `<video>`"),
        ("<marquee>x</marquee>", "1: the HTML element `<marquee>` is not one a page may contain."),
        ('A paragraph.\n{onclick="alert(1)"}', "2: the attribute `onclick` on `<p>` would run a script"),
        (
            'A paragraph.\n{style="display:none"}',
            "2: the attribute `style` on `<p>` changes how the text shows",
        ),
        ('<p onmouseover="x">t</p>', "1: the attribute `onmouseover` on `<p>` would run a script"),
        ('<a href="https://www.nato.int/" target="_blank">t</a>', "1: the attribute `target` is not allowed"),
        ("A paragraph.\n{.md-hidden}", "2: the class `md-hidden` is not one a page may use"),
        ("[x](https://evil.example\\@www.nato.int/)", "1: the link `https://evil.example\\@www.nato.int/`"),
        ('<a href="javascript:alert(1)">x</a>', "1: the link `javascript:alert(1)` runs code"),
        (
            "![A map](https://evil.example/map.png)",
            "1: the image `https://evil.example/map.png` is on another",
        ),
        (
            "![A map](https://www.nato.int/map.png)",
            "1: the image `https://www.nato.int/map.png` is on another",
        ),
        ("![](../../assets/map.png)", "1: the image `../../assets/map.png` has no description"),
        (
            '<img src="../../assets/map.png" alt=" ">',
            "1: the image `../../assets/map.png` has no description",
        ),
        ("![A page](../other.png)", "1: the image `../other.png` is not in docs/assets/"),
        (
            "![A map](../../assets/nope.png)",
            "1: the image `../../assets/nope.png` is not a file of docs/assets/",
        ),
        (
            '<img src="../../assets/map.png" srcset="https://evil.example/x.png 2x" alt="A map">',
            "1: the image `https://evil.example/x.png` is on another site",
        ),
        ('<blockquote cite="javascript:x">q</blockquote>', "1: the address in `cite` of `<blockquote>`"),
        # Python's html.parser ends this comment at the last `-->`; browsers at `<!-->`.
        ('<!--><img src="x" onerror="alert(1)">-->', "1: the attribute `onerror` on `<img>` would run"),
        ('<!-- a --!><img src="x" onerror="alert(1)">-->', "1: the attribute `onerror` on `<img>` would run"),
    ],
)
def test_refused(text: str, expected: str) -> None:
    found = messages(text)
    assert any(message.startswith(expected) for message in found), found


def test_one_line_per_refused_element_none_for_what_it_holds() -> None:
    text = "<form>\n<input onclick=x>\n<svg><script>x</script></svg>\n</form>"
    assert messages(text) == [
        "1: the HTML element `<form>` is not allowed in a page: a page asks readers for nothing and "
        "sends nothing anywhere. Remove it."
    ]


def test_each_of_two_mistakes_is_on_its_own_line() -> None:
    found = messages("A.\n\n<script>a</script>\n\nB.\n\n<script>b</script>")
    assert [message.split(":")[0] for message in found] == ["3", "7"]


def test_every_address_attribute_passes_the_rule() -> None:
    assert {"href", "src", "srcset", "action", "data", "poster", "formaction", "xlink:href"} <= URL_ATTRIBUTES
    allowed_with_addresses = {a for attributes in ELEMENTS.values() for a in attributes} & URL_ATTRIBUTES
    assert allowed_with_addresses == {"href", "src", "srcset", "cite"}


ATTACKS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<p style="display:none">x</p>',
    '<iframe src="https://evil.example/"></iframe>',
    '<form action="https://evil.example/"><input></form>',
    '<meta http-equiv="refresh" content="0">',
    '<base href="https://evil.example/">',
    "<style>*{display:none}</style>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<object data="x"></object>',
    '<embed src="x">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<p data-md-component="announce">x</p>',
    "<!--><img src=x onerror=alert(1)>-->",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_what_nh3_would_remove_the_build_refuses(attack: str) -> None:
    # nh3 as the reference: where it would silently change the HTML, the build stops instead.
    assert nh3.clean(attack, url_schemes={"https"}) != attack
    assert check_content(RenderedPage(attack), PAGE, page_of(attack))


def test_images_are_quoted_as_written_in_the_markdown_file() -> None:
    # As MkDocs renders faq/q.md at faq/q/: files relative to the page's address, pages by it.
    written = page_of("![A](../assets/map.png) ![B](other.md) ![C](../assets/nope.png)")
    rendered = (
        '<p><img alt="A" src="../../assets/map.png"><img alt="" src="../other/">'
        '<img alt="C" src="../assets/nope.png"></p>'
    )
    assert [message for _, message in check_content(RenderedPage(rendered), PAGE, written)] == [
        "the image `other.md` is not in docs/assets/: images are files of that folder. Move it there and "
        "show it from there: `![description](…/assets/name.png)`.",
        "the image `other.md` has no description: screen readers would read nothing, or its file name. "
        "Write what it shows between the square brackets: `![description](other.md)`.",
        "the image `../assets/nope.png` is not a file of docs/assets/. Check its name; it is relative to "
        "this page's folder.",
    ]


def test_the_sites_classes_pass_only_where_the_site_puts_them() -> None:
    # The permalink ¶ MkDocs' toc writes after each heading, and an admonition's box and title.
    written = markdown.markdown(
        '## Learn more {#learn-more}\n\n!!! warning "Title"\n\n    Text.\n\n*(a remark)*{.faq-note}',
        extensions=["attr_list", "admonition", "toc"],
        extension_configs={"toc": {"permalink": True}},
    )
    assert 'class="headerlink"' in written
    assert check_content(RenderedPage(written), PAGE, page_of("")) == []
    refused = {
        '<span class="headerlink">Hidden.</span>': "headerlink",
        '## Title {#title}\n\n<a class="headerlink" href="#elsewhere">Hidden.</a>': "headerlink",
        '<p class="admonition-title">Note</p>': "admonition-title",
        '<span class="admonition note">Note.</span>': "admonition",
        "**(remark)**{.faq-note}": "faq-note",
        "*(up to date)*{.faq-outdated}": "faq-outdated",
    }
    for text, name in refused.items():
        found = messages(text)
        assert found and all("the class `" in message for message in found), text
        assert any(f"the class `{name}`" in message for message in found), (text, found)


def test_an_address_written_with_character_references_is_found_on_its_line() -> None:
    assert messages("Texte.\n\nVoir [ici](https://evil&#46;example/).") == [
        "3: the link `https://evil.example/` points to evil.example, which is not an allowed domain "
        "(nato.int). Link to an official page, or ask a developer to add the domain to the faq plugin's "
        "`allowed_link_domains` in mkdocs.yml."
    ]


def test_an_html_image_is_relative_to_the_pages_address_not_its_file() -> None:
    assert messages('Texte.\n\n<img src="../assets/map.png" alt="Carte">') == [
        "3: the image `../assets/map.png` is not a file of docs/assets/: in HTML, addresses are relative to "
        "the page's address `faq/q/`, not its file. Write `../../assets/map.png`, or the Markdown image "
        "`![Carte](../assets/map.png)`."
    ]


WRITTEN = 'Voir <a href="https://evil.example&amp;sol;.nato.int/x">ici</a>.'
# As a minifier that writes `&` as it is would publish it: a browser reads `&sol;` as `/`. The site
# has no minifier; the check stands for any transformation after the content's check.
PUBLISHED = (
    '<html><head><link rel="canonical" href="https://owner.github.io/faq/faq/q/">'
    '<link rel="stylesheet" href="../../assets/main.css"></head><body><p>Voir '
    '<a href="https://evil.example&sol;.nato.int/x">ici</a>.</p>'
    '<a href="https://github.com/owner/faq/edit/main/docs/faq/q.md">edit</a>'
    '<a href="/faq/">home</a></body></html>'
)
WRITTEN_PAGE = page_of(f"Texte.\n\n{WRITTEN}")
PUBLISHED_RULE = UrlRule(("nato.int",), "https://github.com/owner/faq", "https://owner.github.io/faq/")


def published_page_examples() -> list[str]:
    """The published page's message, which no editor mistake can make (nothing rewrites a page after
    its checks): tests/test_editor_errors.py checks that CONTRIBUTING.md explains it."""
    found = published_problems(PublishedPage(PUBLISHED), WRITTEN_PAGE, "faq/q/", PUBLISHED_RULE, set())
    return [str(problem) for problem in found]


def test_the_published_page_is_checked_for_what_the_content_check_did_not_read() -> None:
    found = published_problems(PublishedPage(PUBLISHED), WRITTEN_PAGE, "faq/q/", PUBLISHED_RULE, set())
    assert [(p.line, p.message) for p in found] == [
        (
            3,
            "the address `https://evil.example/.nato.int/x`, as the published page holds it, points to "
            "evil.example, which is not an allowed domain (nato.int). Link to an official page, or ask a "
            "developer to add the domain to the faq plugin's `allowed_link_domains` in mkdocs.yml.",
        )
    ]
    # What the content's check judged (and reported, if refused) is not reported again.
    assert not published_problems(
        PublishedPage(PUBLISHED), page_of(""), "faq/q/", PUBLISHED_RULE, {"https://evil.example/.nato.int/x"}
    )

"""The one address rule (src/faq_site/checks/urls.py), on addresses browsers and Python disagree on."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from faq_site.checks.urls import (
    External,
    Local,
    Refused,
    UrlRule,
    judge,
    shown,
    srcset_urls,
    unreadable_addresses,
)

RULE = UrlRule(
    allowed_domains=("nato.int", "europa.eu"),
    repo_url="https://github.com/owner/faq",
    site_url="https://owner.github.io/faq/",
)
PAGE = "faq/a-question/"


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.nato.int/cps/fr/natohq/topics_192648.htm", "www.nato.int"),
        ("https://nato.int/", "nato.int"),
        ("https://ec.europa.eu/x?y=1#z", "ec.europa.eu"),
        # Browsers lower-case a host: the same site, allowed.
        ("https://www.NATO.int/x", "www.nato.int"),
        # 443 is https' own port: the browser drops it.
        ("https://www.nato.int:443/x", "www.nato.int"),
        ("https://github.com/owner/faq/issues", "github.com"),
        ("https://github.com/owner/faq", "github.com"),
    ],
)
def test_https_to_an_allowed_domain_or_the_repository_is_allowed(url: str, host: str) -> None:
    assert judge(url, PAGE, RULE) == External(host)


@pytest.mark.parametrize(
    ("url", "path", "fragment"),
    [
        ("../other/", "faq/other/", ""),
        ("../../assets/logo.png", "assets/logo.png", ""),
        ("#learn-more", PAGE, "learn-more"),
        ("other.md#x", "faq/a-question/other.md", "x"),
    ],
)
def test_a_relative_address_is_a_page_or_file_of_the_site(url: str, path: str, fragment: str) -> None:
    assert judge(url, PAGE, RULE) == Local(path, fragment)


def test_the_sites_own_full_address_is_a_page_of_the_site() -> None:
    assert judge("https://owner.github.io/faq/faq/x/#y", PAGE, RULE) == Local("faq/x/", "y", relative=False)
    assert isinstance(judge("https://owner.github.io/other-repo/", PAGE, RULE), Refused)


def reason(url: str) -> str:
    verdict = judge(url, PAGE, RULE)
    assert isinstance(verdict, Refused), verdict
    return verdict.reason


def test_a_backslash_before_at_is_read_as_browsers_read_it() -> None:
    url = "https://evil.example\\@www.nato.int/"
    assert urlsplit(url).hostname == "www.nato.int"  # what Python believes
    assert reason(url) == (
        "contains a backslash `\\`, which browsers read as `/`, so it leads to evil.example. Write the "
        "address with `/` only, as the browser's address bar shows it."
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.nato.int@evil.example/",
            "has `www.nato.int@` before its host, so it leads to evil.example.",
        ),
        ("https://user:pw@www.nato.int/", "has `user:pw@` before its host, so it leads to www.nato.int."),
        ("http://www.nato.int/", "does not use https."),
        ("mailto:info@nato.int", "is an e-mail address: a page links only to web pages."),
        (
            "https:evil.example/x",
            "lacks the two slashes after `https:`, so browsers read it as a page of this site.",
        ),
        ("HTTP:/evil.example/", "lacks the two slashes after `HTTP:`"),
        (
            "https://evil.example&sol;.nato.int/",
            "holds `&sol;`, which the published page reads as `/`, so it leads to evil.example.",
        ),
        (
            "&#47;&#47;evil.example/x",
            "holds `&#47;`, which the published page reads as `/`, so it leads to evil.example.",
        ),
        ("https://www.nato.int/&#x09;x", "holds `&#x09;`, which the published page reads as `<U+0009>`."),
        ("javascript:alert(1)", "runs code or carries its content in the address (`javascript:`)"),
        (" JaVa\tScRiPt:alert(1)", "runs code or carries its content in the address (`javascript:`)"),
        ("data:text/html,<script>x</script>", "runs code or carries its content in the address (`data:`)"),
        ("//evil.example/", "starts with `//`, so it leads to evil.example, another site."),
        ("/\t/evil.example/", "starts with `//`, so it leads to evil.example, another site."),
        ("//www.nato.int/", "starts with `//`, so it leads to www.nato.int, another site."),
        ("https://[nato.int/", "is not a valid web address (a `[` or `]` in its host)."),
        ("https://www.nato.int:8443/", "names a port (`:8443`), which public pages do not need."),
        ("https://0x7f.1/", "points to an IP address (127.0.0.1), not a domain name."),
        ("https://[::1]/", "points to an IP address ([::1]), not a domain name."),
        ("https://www.nato.int./", "ends its host with a dot (`www.nato.int.`), which many sites refuse."),
        ("https://www.n\u0430to.int/", "points to www.xn--nto-6cd.int, a name written “www.n\u0430to.int”"),
        ("https://nato.int.evil.example/", "points to nato.int.evil.example, which is not an allowed domain"),
        ("https://evilnato.int/", "points to evilnato.int, which is not an allowed domain"),
        ("https://github.com/owner/faq-fork", "points to github.com, which is not an allowed domain"),
        ("/faq/x/", "starts with `/`, which breaks once the site is published under its own address."),
        ("../../../../etc/", "leads outside this site's pages."),
    ],
)
def test_refused(url: str, expected: str) -> None:
    assert reason(url).startswith(expected)


def test_srcset_is_split_as_browsers_split_it() -> None:
    assert srcset_urls("a.png 1x, https://evil.example/b,c.png 2x,d.png") == [
        "a.png",
        "https://evil.example/b,c.png",
        "d.png",
    ]
    assert srcset_urls("x.png 100w (max-width: 1,2) , y.png") == ["x.png", "y.png"]


def test_addresses_mkdocs_cannot_read_are_found_before_it_tries() -> None:
    markdown = (
        "See [a](https://[nato.int/) and [b](https://www.nato.int/).\n"
        "[ref]: https://nato.int]/x\n"
        '<a href="https://[::1/">c</a> <img src=https://ok.example/x.png>\n'
    )
    assert unreadable_addresses(markdown) == ["https://[nato.int/", "https://nato.int]/x", "https://[::1/"]


def test_messages_name_control_characters_instead_of_holding_them() -> None:
    assert shown("java\tscript:\x00x\x7f") == "java<U+0009>script:<U+0000>x<U+007F>"
    assert shown("https://www.nato.int/é") == "https://www.nato.int/é"


def test_the_placeholder_base_never_shows() -> None:
    for url in ("https:evil.example/x", "http:evil.example", "https:/evil.example/", "https:site.invalid/x"):
        assert "site.invalid" not in reason(url).replace(url, "")

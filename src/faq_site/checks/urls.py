"""The one rule every address in a page passes: `href`, `src`, `srcset`, `action`, `data`,
`poster`, `formaction`, `xlink:href` (and `cite`).

An address is allowed when it is:

- a page or file of this site: a relative address that stays inside the site, or the
  site's own full address (`site_url`, as the build writes the link from an out-of-date
  translation to its French page);
- `https` to an allowed domain (`allowed_link_domains`: the domain itself or one of its
  subdomains);
- `https` to the site's repository (`repo_url`: its history, its issues).

Addresses are read the way browsers read them, by the WHATWG URL standard (ada-url):
Python's `urlsplit` takes `https://evil.example\\@www.nato.int/` to be at www.nato.int,
where every browser goes to evil.example. What the browser would do is what is judged,
and what the editor wrote is what the message quotes. Some addresses a browser accepts
are refused anyway, for what they hide: a user name before `@`, a backslash, a port, an
IP address, a host ending with a dot, a name in lookalike letters.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import ada_url

# Relative addresses are resolved against this made-up site, one folder deep, so that an
# address climbing out of the site (`../../../x`) shows as a path outside that folder.
_BASE_HOST = "site.invalid"
_BASE_ROOT = f"https://{_BASE_HOST}/site/"
# Schemes that do not open a page: they run code or carry the content in the address.
_CODE_SCHEMES = {"javascript:", "data:", "vbscript:", "blob:"}
# A character reference left in an address once the page is read (`&sol;`, `&#47;`): the
# published page, re-serialised by the minifier, is read once more, and holds another address.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# `https:host/…`: a browser reads it relative to the page (WHATWG), not as another site.
_NO_SLASHES = re.compile(r"\s*(?P<scheme>https?):(?!//)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A host name as DNS has them, once the browser has written it in ASCII (punycode for other
# alphabets, lower case): labels of letters, digits and inner hyphens, joined by dots.
_HOST_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?")


def shown(text: str) -> str:
    """Text for a message: an invisible control character by its code (`<U+0009>`)."""
    return _CONTROL.sub(lambda match: f"<U+{ord(match[0]):04X}>", text)


@dataclass(frozen=True)
class UrlRule:
    """What a page may link to or load, from the settings."""

    allowed_domains: tuple[str, ...]  # registrable domains, as written in the settings
    repo_url: str | None = None
    site_url: str | None = None

    @property
    def ascii_domains(self) -> tuple[str, ...]:
        return tuple(ascii_host(domain) for domain in self.allowed_domains)


@dataclass(frozen=True)
class Local:
    """A page or file of this site: its path from the site's root (`faq/x/`), and `#fragment`."""

    path: str
    fragment: str = ""
    relative: bool = True  # False: written as the site's full address


@dataclass(frozen=True)
class External:
    """`https` to an allowed domain or the site's repository."""

    host: str


@dataclass(frozen=True)
class Refused:
    """Why the address is refused and what to write instead, to follow "the link `…` "."""

    reason: str
    other_site: bool = False  # a well-formed `https` address, on a site that is not allowed


Verdict = Local | External | Refused


def ascii_host(host: str) -> str:
    """A host name as browsers send it: lower case, international names in punycode."""
    host = host.strip().lower()
    converted = ada_url.idna_to_ascii(host)  # bytes; empty when it is not a valid name
    return converted.decode("ascii") if converted else host


def judge(url: str, page_url: str, rule: UrlRule) -> Verdict:
    """The verdict on `url`, written in the page at `page_url` (`faq/x/`, from the site's root)."""
    base = ada_url.URL(f"{_BASE_ROOT}{page_url.lstrip('/')}")
    if "\\" in url:
        return Refused(_backslash(url, base.href))
    if reference := _CHARACTER_REFERENCE.search(url):
        return Refused(_character_reference(url, reference[0], base.href))
    if no_slashes := _NO_SLASHES.match(url):
        return Refused(
            f"lacks the two slashes after `{no_slashes['scheme']}:`, so browsers read it as a page of this "
            "site. Write `https://…`."
        )
    try:
        parsed = ada_url.URL(url, base=base.href)
    except ValueError:
        return Refused(
            "is not a valid web address"
            + (" (a `[` or `]` in its host)" if "[" in url or "]" in url else "")
            + ". Copy the address again from the browser's address bar: `https://…`."
        )
    written_whole = ada_url.check_url(url)  # parses alone: not relative to the page
    if not written_whole and parsed.hostname == _BASE_HOST:
        return _local(parsed, url)
    if parsed.protocol in _CODE_SCHEMES:
        return Refused(
            f"runs code or carries its content in the address (`{parsed.protocol}`) instead of "
            "opening a page. Link to the page's `https://` address."
        )
    if parsed.protocol == "mailto:":
        return Refused(
            "is an e-mail address: a page links only to web pages. Remove it, or link to the page's "
            "`https://` address."
        )
    own = _own_site(parsed, rule.site_url)
    if own is not None:
        return own
    if parsed.protocol != "https:":
        return Refused("does not use https. Use the page's `https://` address.")
    if not written_whole:  # `//host/…`: relative to the scheme, it names another host
        return Refused(
            f"starts with `//`, so it leads to {parsed.hostname}, another site. Write the whole "
            "address, `https://…`, or link to a page's .md file."
        )
    host = parsed.hostname
    if parsed.username or parsed.password:
        user_info = parsed.username + (f":{parsed.password}" if parsed.password else "")
        return Refused(
            f"has `{user_info}@` before its host, so it leads to {host}. Remove everything between "
            "`https://` and `@`."
        )
    if parsed.host_type != ada_url.HostType.DEFAULT:
        return Refused(
            f"points to an IP address ({host}), not a domain name. Use the page's address on its domain name."
        )
    if parsed.port:
        return Refused(
            f"names a port (`:{parsed.port}`), which public pages do not need. Remove `:{parsed.port}`."
        )
    if not _HOST_NAME.fullmatch(host):
        return Refused(
            f"has a host, `{shown(host)}`, with characters no domain name holds: a domain is made of "
            "letters, digits, hyphens and dots. Copy the address again from the browser's address bar."
        )
    if host.endswith("."):
        return Refused(
            f"ends its host with a dot (`{host}`), which many sites refuse. Remove that dot: "
            f"`{host.rstrip('.')}`."
        )
    if _is_allowed_host(host, rule.ascii_domains) or _in_repository(parsed, rule.repo_url):
        return External(host)
    if any(label.startswith("xn--") for label in host.split(".")):
        unicode_host = ada_url.idna_to_unicode(host)
        if unicode_host != host:
            return Refused(
                f"points to {host}, a name written “{unicode_host}” with letters of another alphabet that "
                "look like Latin ones. Type the address again, letter by letter, or copy it from the "
                "official site.",
                other_site=True,
            )
    domains = ", ".join(rule.allowed_domains)
    return Refused(
        f"points to {host}, which is not an allowed domain ({domains}). Link to an official page, or ask "
        "a developer to add the domain to the faq plugin's `allowed_link_domains` in mkdocs.yml.",
        other_site=True,
    )


def _local(parsed: ada_url.URL, url: str) -> Verdict:
    root = ada_url.URL(_BASE_ROOT).pathname
    if url.strip().startswith("/"):
        return Refused(
            "starts with `/`, which breaks once the site is published under its own address. Link to "
            "the page's .md file, relative to this page: `[text](other-page.md)`."
        )
    if not parsed.pathname.startswith(root):
        return Refused(
            "leads outside this site's pages. Link to the page's .md file, relative to this page: "
            "`[text](other-page.md)`."
        )
    return Local(parsed.pathname[len(root) :], parsed.hash.removeprefix("#"))


def _own_site(parsed: ada_url.URL, site_url: str | None) -> Local | None:
    """A page of this site at its full address, e.g. `https://<owner>.github.io/<repo>/faq/x/`."""
    if not site_url:
        return None
    try:
        site = ada_url.URL(site_url)
    except ValueError:
        return None
    root = site.pathname if site.pathname.endswith("/") else f"{site.pathname}/"
    same_origin = (parsed.protocol, parsed.host) == (site.protocol, site.host)
    if same_origin and not parsed.username and not parsed.password and parsed.pathname.startswith(root):
        return Local(parsed.pathname[len(root) :], parsed.hash.removeprefix("#"), relative=False)
    return None


def _is_allowed_host(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == domain or host.endswith(f".{domain}") for domain in domains)


def _in_repository(parsed: ada_url.URL, repo_url: str | None) -> bool:
    if not repo_url:
        return False
    try:
        repo = ada_url.URL(repo_url)
    except ValueError:
        return False
    path = repo.pathname.rstrip("/")
    return (
        repo.protocol == "https:"
        and parsed.host == repo.host
        and (parsed.pathname.rstrip("/") == path or parsed.pathname.startswith(f"{path}/"))
    )


def _host(url: str, base: str) -> str:
    try:
        return ada_url.URL(url, base=base).hostname
    except ValueError:
        return ""


def _backslash(url: str, base: str) -> str:
    host = _host(url, base)
    leads = f", so it leads to {host}" if host and host != _BASE_HOST else ""
    return (
        f"contains a backslash `\\`, which browsers read as `/`{leads}. Write the address with `/` only, "
        "as the browser's address bar shows it."
    )


def _character_reference(url: str, reference: str, base: str) -> str:
    host, checked_host = _host(html.unescape(url), base), _host(url, base)
    leads = f", so it leads to {host}" if host and host not in (_BASE_HOST, checked_host) else ""
    return (
        f"holds `{reference}`, which the published page reads as `{shown(html.unescape(reference))}`{leads}. "
        "Write the address as the browser's address bar shows it, without `&…;`."
    )


def srcset_urls(value: str) -> list[str]:
    """The addresses of a `srcset` (`a.png 1x, b.png 2x`), split as browsers split it."""
    urls, position = [], 0
    while position < len(value):
        while position < len(value) and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < len(value) and not value[position].isspace():
            position += 1
        url = value[start:position]
        if not url:
            break
        if url.endswith(","):
            urls.append(url.rstrip(","))
            continue
        urls.append(url)
        depth = 0  # the descriptors, up to the next comma outside parentheses
        while position < len(value) and (value[position] != "," or depth):
            depth += {"(": 1, ")": -1}.get(value[position], 0)
            position += 1
    return urls


# Where Markdown holds an address: `](…)`, a reference `[name]: …`, an HTML `href=` or `src=`.
_MARKDOWN_ADDRESS = re.compile(
    r"\]\(\s*<?(?P<link>[^\s)>]+)"
    r"|^[ ]{0,3}\[[^\]]+\]:[ \t]*<?(?P<reference>[^\s>]+)"
    r"|\b(?:href|src)[ \t]*=[ \t]*[\"']?(?P<html>[^\"'\s>]+)",
    re.MULTILINE,
)


def unreadable_addresses(markdown: str) -> list[str]:
    """Addresses of a page's Markdown that MkDocs cannot even read.

    MkDocs rewrites each link of a page with Python's `urlsplit`, which raises on some
    addresses a browser would accept or refuse (`https://[nato.int/`): the build would stop
    with a traceback, naming whichever page it was rendering. Found before that, they are
    reported on their own line, like every other address.
    """
    found = []
    for match in _MARKDOWN_ADDRESS.finditer(markdown):
        url = match["link"] or match["reference"] or match["html"]
        try:
            urlsplit(url)
        except ValueError:
            found.append(url)
    return list(dict.fromkeys(found))

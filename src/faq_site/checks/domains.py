"""The allowed link domains (plugins.faq.allowed_link_domains): each a registrable domain.

An entry allows the domain and all its subdomains, so it must be exactly a
domain someone registered (`nato.int`, `bbc.co.uk`), or a host under one
(`www.nato.int`): never a suffix shared by many owners (`int`, `co.uk`,
`github.io`), which would allow every site under it. The Public Suffix List
(the `publicsuffixlist` package, which ships it) says which is which, as
browsers use it for cookies; writing that table by hand would be wrong within
a month. Nor an address (`https://…`), a path, a port or a wildcard (`*.nato.int`:
subdomains are allowed already).

`domain_problem` is pure; `AllowedDomain` is the config option that gives its
message through MkDocs, which names the setting.
"""

from __future__ import annotations

import re
from functools import cache

from mkdocs.config import config_options
from publicsuffixlist import PublicSuffixList

SETTING = "plugins.faq.allowed_link_domains"
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


@cache
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList()


def domain_problem(entry: object) -> str | None:
    """Why an entry of the allowed-domain list is not a registrable domain, or None."""
    if not isinstance(entry, str) or not entry.strip():
        return f"each entry of {SETTING} is a domain, such as `nato.int`, not {entry!r}."
    text = entry.strip()
    if "://" in text or "/" in text:
        host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text, flags=re.I).split("/", 1)[0].split(":", 1)[0]
        return f"`{text}` is an address, not a domain. In {SETTING}, write the domain alone: `{host}`."
    if "*" in text:
        return (
            f"`{text}` has a wildcard. In {SETTING}, a domain allows its subdomains already: write "
            f"`{text.lstrip('*.')}`."
        )
    if ":" in text or "@" in text:
        host = text.rsplit("@", 1)[-1].split(":", 1)[0]
        return (
            f"`{text}` is not a domain. In {SETTING}, write the domain alone, without port or user: `{host}`."
        )
    try:
        ascii_domain = text.lower().rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        return f"`{text}` is not a domain name. In {SETTING}, write a domain such as `nato.int`."
    if not all(_LABEL.fullmatch(label) for label in ascii_domain.split(".")):
        return f"`{text}` is not a domain name. In {SETTING}, write a domain such as `nato.int`."
    if _suffixes().privatesuffix(ascii_domain) is None:
        if "." in ascii_domain:  # `gov.uk`: the site of that name is a host under it, which works
            works = f"www.{ascii_domain}"
            return (
                f"`{text}` is a suffix that many sites share (like `int` or `co.uk`), not one site's "
                f"domain: it would allow them all. In {SETTING}, write the host the links go to, as "
                f"their addresses show it: `{works}` for links to https://{works}/…."
            )
        return (
            f"`{text}` is a suffix that many sites share (like `int` or `co.uk`), not one site's domain: "
            f"it would allow them all. In {SETTING}, write the site's own domain, such as `nato.int`."
        )
    return None


class AllowedDomain(config_options.Type):
    """One entry of the allowed-domain list: a registrable domain, in lower case."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        problem = domain_problem(value)
        if problem:
            raise config_options.ValidationError(problem)
        return str(value).strip().lower().rstrip(".")

"""The faq plugin's settings, typed: MkDocs refuses a wrong type or an unknown option, naming it.

    plugins:
      - faq:
          allowed_link_domains: [nato.int]
          record: record/nato-2022.fr.txt
          publisher: Jane Doe           # optional: the repository's owner
          contact: https://…            # optional: the repository's issues
          cards_cache: /path/to/cache   # optional: the user's cache folder

A mistake stops `mkdocs build` before anything is built, with MkDocs' own
message: `Config value 'plugins': Plugin 'faq' option 'allowed_link_domains':
Expected a list of items, but a <class 'str'> was given.` An unknown option is
a warning, which `strict: true` makes an error.
"""

from __future__ import annotations

import re

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from faq_site.checks.domains import AllowedDomain


class Domains(c.ListOfItems[str]):
    """A list of at least one registrable domain, in lower case: `- nato.int` (checks/domains.py)."""

    def __init__(self) -> None:
        super().__init__(AllowedDomain())

    def run_validation(self, value: object) -> list[str]:
        domains = [domain.strip().lower() for domain in super().run_validation(value)]
        if not domains or not all(domains):
            raise ValidationError("Give at least one domain, one per line starting with `- `: `- nato.int`.")
        return domains


class HttpsAddress(c.URL):
    """A web page's full address, `https://…`: pages link only to web pages (no `mailto:`)."""

    def run_validation(self, value: object) -> str:
        address = super().run_validation(value)
        if address and not address.startswith("https://"):
            raise ValidationError(
                f"Write the page's full address, starting with `https://` (not `{address}`)."
            )
        return address


class PlainName(c.Type):
    """A name, shown as it is written: letters, digits, spaces and `. , ' ’ & ( ) -`, nothing
    Markdown or HTML would read (`*`, `_`, `[`, `<`)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value).strip()
        if not re.fullmatch(r"(?:[^\W_]|[ .,'’&()\-])+", name):
            raise ValidationError(
                f"Write the name as plain text: letters, digits, spaces and . , ' & ( ) - (not `{name}`)."
            )
        return name


class FaqConfig(Config):
    # Learn-more links (and every link readers can click) may point only to these
    # domains and their subdomains, besides the site itself and its repository.
    allowed_link_domains = Domains()
    # NATO's French text as published in 2022, the edition's record, relative to
    # mkdocs.yml: each page says whether it is still that text or adapted from it.
    record = c.Type(str)
    # Who publishes the site, and where to contact them: the About page names both
    # (`<!-- faq:publisher -->`, `<!-- faq:contact -->`, readers/unofficial.py). Unset, the
    # repository's owner (from repo_url) and the repository's issues page.
    publisher = c.Optional(PlainName())
    contact = c.Optional(HttpsAddress())
    # Where the share cards are kept between builds (readers/cards.py); unset, the user's
    # cache folder. Relative to mkdocs.yml.
    cards_cache = c.Optional(c.Type(str))

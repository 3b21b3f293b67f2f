"""The faq plugin's settings, typed: MkDocs refuses a wrong type or an unknown option, naming it.

    plugins:
      - faq:
          allowed_link_domains: [nato.int]
          record: record/nato-2022.fr.txt

A mistake stops `mkdocs build` before anything is built, with MkDocs' own
message: `Config value 'plugins': Plugin 'faq' option 'allowed_link_domains':
Expected a list of items, but a <class 'str'> was given.` An unknown option is
a warning, which `strict: true` makes an error.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError


class Domains(c.ListOfItems[str]):
    """A list of at least one domain name, in lower case: `- nato.int`."""

    def __init__(self) -> None:
        super().__init__(c.Type(str))

    def run_validation(self, value: object) -> list[str]:
        domains = [domain.strip().lower() for domain in super().run_validation(value)]
        if not domains or not all(domains):
            raise ValidationError("Give at least one domain, one per line starting with `- `: `- nato.int`.")
        return domains


class FaqConfig(Config):
    # Learn-more links (and every link readers can click) may point only to these
    # domains and their subdomains, besides the site itself and its repository.
    allowed_link_domains = Domains()
    # NATO's French text as published in 2022, the edition's record, relative to
    # mkdocs.yml: each page says whether it is still that text or adapted from it.
    record = c.Type(str)

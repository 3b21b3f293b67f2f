"""Unit tests: each allowed link domain is a registrable domain."""

from __future__ import annotations

import pytest
from mkdocs.config.config_options import ValidationError

from faq_site.checks import domains

SETTING = "plugins.faq.allowed_link_domains"


@pytest.mark.parametrize("entry", ["nato.int", "www.nato.int", "bbc.co.uk", "otan.int."])
def test_registrable_domains_are_allowed(entry: str) -> None:
    assert domains.domain_problem(entry) is None


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "int",
            f"`int` is a suffix that many sites share (like `int` or `co.uk`), not one site's domain: it "
            f"would allow them all. In {SETTING}, write the site's own domain, such as `nato.int`.",
        ),
        ("github.io", None),
        (
            "https://www.nato.int/fr",
            f"`https://www.nato.int/fr` is an address, not a domain. In {SETTING}, write the domain alone: "
            "`www.nato.int`.",
        ),
        (
            "*.nato.int",
            f"`*.nato.int` has a wildcard. In {SETTING}, a domain allows its subdomains already: write "
            "`nato.int`.",
        ),
        (
            "nato.int:443",
            f"`nato.int:443` is not a domain. In {SETTING}, write the domain alone, without port or user: "
            "`nato.int`.",
        ),
        ("nato_int", f"`nato_int` is not a domain name. In {SETTING}, write a domain such as `nato.int`."),
    ],
)
def test_other_entries_are_refused_with_what_to_write(entry: str, message: str | None) -> None:
    problem = domains.domain_problem(entry)
    assert problem is not None
    if message:
        assert problem == message


def test_the_config_option_refuses_through_mkdocs() -> None:
    option = domains.AllowedDomain()
    assert option.validate("NATO.int") == "nato.int"
    with pytest.raises(ValidationError, match="is a suffix"):
        option.validate("int")

"""The site's public address: a safe default, and no local address in a published site.

- Without `SITE_URL`, `site_url` is the GitHub Pages address of the repository
  in `repo_url` (`https://github.com/OWNER/REPO` -> `https://OWNER.github.io/REPO/`),
  the address every canonical, hreflang, Open Graph and sitemap URL derives
  from. `mkdocs serve` sets its own local address before this runs.
- A build meant for publishing (`mkdocs gh-deploy`, or `SITE_PUBLISHING=true`,
  which the deploy workflow sets) stops if `site_url` is a loopback, private or
  local address: search engines and link previews would be sent there.
"""

from __future__ import annotations

import ipaddress
import os
import re
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

PUBLISHING_VARIABLE = "SITE_PUBLISHING"
_GITHUB_REPOSITORY = re.compile(r"^https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")


def pages_url(repo_url: str | None) -> str | None:
    """`https://github.com/OWNER/REPO` -> `https://OWNER.github.io/REPO/` (None if not on GitHub)."""
    match = _GITHUB_REPOSITORY.match(repo_url or "")
    if match is None:
        return None
    owner, repository = match.groups()
    return f"https://{owner.lower()}.github.io/{repository}/"


def is_local(url: str) -> bool:
    """A loopback, private, link-local or unnamed host: no reader can reach it."""
    host = (urlsplit(url).hostname or "").lower()
    if not host or host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified


def is_publishing(command: str | None) -> bool:
    """`mkdocs gh-deploy`, or a build the deploy workflow marks with SITE_PUBLISHING."""
    return command == "gh-deploy" or os.environ.get(PUBLISHING_VARIABLE, "").lower() in {"1", "true", "yes"}


def check_site_url(config: MkDocsConfig, command: str | None) -> None:
    if not config.site_url:
        default = pages_url(config.repo_url)
        if default is None:
            raise PluginError(
                f"mkdocs.yml: no site_url, and repo_url ({config.repo_url}) is not a GitHub repository "
                "to take the GitHub Pages address from. Set SITE_URL to the site's public address, "
                "e.g. SITE_URL=https://example.org/faq/ mkdocs build."
            )
        config.site_url = default
    if is_publishing(command) and is_local(config.site_url):
        raise PluginError(
            f"mkdocs.yml: this build is for publishing, but site_url is {config.site_url}, a local address "
            "no reader can open. Set SITE_URL to the site's public address "
            f"(e.g. SITE_URL={pages_url(config.repo_url) or 'https://example.org/faq/'}), "
            "or leave SITE_URL unset to use the repository's GitHub Pages address."
        )

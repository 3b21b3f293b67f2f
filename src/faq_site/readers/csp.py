"""Every page's Content-Security-Policy: the site's own files, and the site's own inline scripts.

The policy lets a page load only the site's own files (scripts, styles, images, fonts, the
search index, the search worker) and run only the inline scripts the site's templates
write, each named by the SHA-256 hash of its text. Those hashes are known before any page
content exists: every inline script the site runs lives in a template of its own under
`partials/javascripts/` (Material's, and overrides/), whose text is the same on every page
(what differs from page to page, such as an address relative to the page, is a `data-*`
attribute of the script, which the hash does not cover). The faq plugin renders each of
those templates once a build (`site_script_hashes`, in `on_env`, before any page is
written), and every page gets the same policy. A script that got into a page some other
way (a comment the browser ends early, a string of mkdocs.yml, a template changed) is not
one of them: the build stops on it (`unknown_scripts`), and the browser would block it.

Why the policy is written after every other plugin (`on_post_page`, last): it goes first
in `<head>`, right after `<meta charset>`, and a `<meta>` policy only governs what follows
it (Material runs an inline script before its `extrahead` block).

Data blocks (`<script type="application/json">`, `application/ld+json`) are not run, and
the policy does not apply to them. `data:` images: Material's stylesheet draws its icons
(admonitions, the search box…) as `url("data:image/svg+xml…")`, which `img-src` governs.
`<meta>` policies cannot hold `frame-ancestors` or report addresses (browsers ignore them
there); GitHub Pages sends no headers of the site's choosing.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from selectolax.lexbor import LexborHTMLParser

from faq_site.checks.rendered import PublishedPage, RenderedPage, inline_scripts_of
from faq_site.messages.problems import Problem
from faq_site.sources.page import MarkdownPage

# The templates that write the inline scripts the site runs, and nothing else that runs.
# Material's: its storage helpers (`__md_scope`, in <head>), the reader's colour scheme
# (the header), the tab a link points to (the content). The site's (overrides/): the class
# `js` before the first paint, the language notice, search on first use, Material's bundle
# after the first paint. tests/test_csp.py checks that every built page runs exactly these.
SCRIPT_TEMPLATES = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
    "partials/javascripts/faq-js.html",
    "partials/javascripts/faq-language-notice.html",
    "partials/javascripts/faq-search.html",
    "partials/javascripts/faq-bundle.html",
)

_CHARSET = re.compile(r"<meta\s+charset=\"?utf-8\"?\s*/?>", re.IGNORECASE)
_POLICY_TAG = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


def script_hash(text: str) -> str:
    """`'sha256-…'` of a script's text, as the browser hashes it (line endings read as "\\n")."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script the browser would run in a template's output, in order
    (a page's: checks/rendered.py, on the page parsed once)."""
    return inline_scripts_of(LexborHTMLParser(page))


def inline_script_hashes(page: str) -> list[str]:
    """`'sha256-…'` of each inline script the browser would run, in page order, once each."""
    return list(dict.fromkeys(script_hash(text) for text in inline_scripts(page)))


def site_script_hashes(env: Environment, config: MkDocsConfig) -> frozenset[str]:
    """The hashes of the inline scripts the site's templates write (SCRIPT_TEMPLATES), for this build.

    Each template is rendered with the build's configuration alone: no page exists for it, so
    nothing an editor wrote can be among them.
    """
    context = {
        "config": config,
        "features": config.theme.get("features") or [],
        "page": None,
        "base_url": ".",
    }
    hashes = set()
    for name in SCRIPT_TEMPLATES:
        scripts = inline_scripts(env.get_template(name).render(context))
        if not scripts:
            raise ValueError(f"{name} writes no inline script: update csp.SCRIPT_TEMPLATES")
        hashes.update(script_hash(text) for text in scripts)
    return frozenset(hashes)


def unknown_scripts(page: str, allowed: Iterable[str]) -> list[str]:
    """The inline scripts of a page that are not the site's own (their text), in page order."""
    allowed = frozenset(allowed)
    return [text for text in inline_scripts(page) if script_hash(text) not in allowed]


def excerpt(script: str, length: int = 40) -> str:
    """A script's text as a message quotes it: on one line, cut with `…`."""
    text = " ".join(script.split())
    return text if len(text) <= length else text[:length].rstrip() + "…"


def script_problems(
    published: PublishedPage,
    source: MarkdownPage,
    allowed: Iterable[str],
    content: RenderedPage | None = None,
) -> list[Problem]:
    """A problem for each inline script of the published page that is not the site's own.

    `content`: the page's content as its checks read it, inserted as it is in the page. A script
    there is refused by checks/content_allowlist.py already, on its line: not told twice.
    """
    allowed = frozenset(allowed)
    checked = set(content.inline_scripts()) if content is not None else set()
    return [
        Problem(
            source.src_uri,
            f"the published page runs a script that is not the site's own (`{excerpt(text)}`): a page "
            "may hold no script, however it is written. Remove the HTML that writes it.",
            source.finder.written(text.strip()[:40]),
        )
        for text in published.inline_scripts()
        if script_hash(text) not in allowed and text not in checked
    ]


def policy(script_hashes: Iterable[str]) -> str:
    """The policy of a page that may run the inline scripts of these hashes (in a stable order)."""
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", *sorted(set(script_hashes))],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],  # the search index
        "worker-src": ["'self'"],  # the search worker
        "manifest-src": ["'self'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(page: str, allowed: Iterable[str]) -> str:
    """The page with its policy, allowing the scripts of these hashes, first in `<head>`.

    Raises ValueError when the page has no `<meta charset="utf-8">` to put it after, or
    already has a policy: a template changed, and a developer must look.
    """
    if "Content-Security-Policy" in page[: page.lower().find("</head>")]:
        raise ValueError("the page already has a Content-Security-Policy")
    charset = _CHARSET.search(page)
    if charset is None:
        raise ValueError('the page has no <meta charset="utf-8"> to put its Content-Security-Policy after')
    tag = _POLICY_TAG.format(policy=policy(allowed))
    return page[: charset.end()] + tag + page[charset.end() :]

"""Every page's Content-Security-Policy, computed from the page as readers get it.

The policy lets a page load only the site's own files (scripts, styles, images, fonts, the
search index, the search worker) and run only the inline scripts the site's templates
write (Material's and overrides/), each named by the SHA-256 hash of its text. A script
that got into a page some other way, or anything fetched from another host, is blocked by
the browser, whatever the build's checks missed.

Why after every other plugin (`on_post_page`, last): a hash must match the script's text
byte for byte as the browser reads it, and the minify plugin rewrites pages in its own
`on_post_page`; only the final page has the final bytes. A template block cannot know
them (the scripts are rendered by the same template, some by Material's base.html). The
policy goes first in `<head>`, right after `<meta charset>`: a `<meta>` policy only
governs what follows it, and Material runs an inline script before its `extrahead` block.

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

from selectolax.lexbor import LexborHTMLParser

# Script types a browser runs (the HTML standard's JavaScript MIME types, and modules).
_RUN_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript"})
_CHARSET = re.compile(r"<meta\s+charset=\"?utf-8\"?\s*/?>", re.IGNORECASE)
_POLICY_TAG = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


def inline_script_hashes(page: str) -> list[str]:
    """`'sha256-…'` of each inline script the browser would run, in page order, once each."""
    tree = LexborHTMLParser(page)
    hashes: list[str] = []
    for script in tree.css("script"):
        attributes = script.attributes
        kind = (attributes.get("type") or "").strip().lower()
        if "src" in attributes or kind not in _RUN_TYPES:
            continue
        # The text exactly as written: the HTML parser leaves a script's text as it is, but
        # for line endings, which every browser reads as "\n" before hashing.
        text = (script.text(deep=True) or "").replace("\r\n", "\n").replace("\r", "\n")
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def policy(script_hashes: list[str]) -> str:
    """The policy of a page whose inline scripts have these hashes."""
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", *script_hashes],
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


def with_policy(page: str) -> str:
    """The page with its policy first in `<head>`, after `<meta charset>`.

    Raises ValueError when the page has no `<meta charset="utf-8">` to put it after, or
    already has a policy: a template changed, and a developer must look.
    """
    if "Content-Security-Policy" in page[: page.lower().find("</head>")]:
        raise ValueError("the page already has a Content-Security-Policy")
    charset = _CHARSET.search(page)
    if charset is None:
        raise ValueError('the page has no <meta charset="utf-8"> to put its Content-Security-Policy after')
    tag = _POLICY_TAG.format(policy=policy(inline_script_hashes(page)))
    return page[: charset.end()] + tag + page[charset.end() :]

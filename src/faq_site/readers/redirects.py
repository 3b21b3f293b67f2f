"""Renamed pages keep their old addresses.

Renaming a page's two files changes its address in both languages. The
editor lists the old names in both files' front matter:

    renamed_from: [old-name]

(the old file names, without folder, language or `.md`), and the build writes,
at each old address and in each language, a small page that sends readers to
the new one: an immediate refresh (keeping the `#section`), a visible link, a
canonical link to the new page and `noindex`. These pages are written after
the build, so they are in neither the sitemap nor the search index.

Why not the mkdocs-redirects plugin: its map lives in mkdocs.yml, away from
the page an editor renames; its page is in English only, with no link a reader
can follow; and it would need a second mechanism to follow static-i18n's
languages. Writing the page is a few lines here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from faq_site.languages import Languages
from faq_site.messages.problems import Problem
from faq_site.readers import csp
from faq_site.readers.typography import plain_title
from faq_site.sources.front_matter import FRONT_MATTER_KEYS
from faq_site.sources.page import MarkdownPage

KEY = "renamed_from"
# The one script of a moved-page notice, the same on every one (the new address is its
# `data-to`): its hash is the notice's Content-Security-Policy (readers/csp.py).
REDIRECT_SCRIPT = "location.replace(document.currentScript.dataset.to+location.hash)"
_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Redirect:
    language: str
    old_url: str  # the old address, relative to the site root: `faq/old-name/`, `en/faq/old-name/`
    src_uri: str  # the page it now leads to


def key_line(source: MarkdownPage, key: str = KEY) -> int:
    return source.key_line(key) or 1


def old_names(source: MarkdownPage) -> list[str] | None:
    """The page's old names: none if it has no `renamed_from`, None if they are unknown: its value
    is wrong, or its front matter cannot be read (an indented line, a missing `---`...).

    The value's form (a list of names in lower case with hyphens) is checked with
    every front matter key, by checks/questions.py, from FRONT_MATTER_KEYS; a front matter
    that cannot be read is named by sources/front_matter.py.
    """
    if source.front_matter.error not in (None, "empty"):
        return None  # not "no old names": the editor's line is there, unread
    value = source.meta.get(KEY)
    if value is None:
        return []
    if not FRONT_MATTER_KEYS[KEY].valid(value):
        return None
    return [value] if isinstance(value, str) else list(value)


def listed(names: list[str], key: str = KEY) -> str:
    return f"`{key}: [{', '.join(names)}]`"


def mismatch(
    french: MarkdownPage, french_names: list[str], twin: MarkdownPage, twin_names: list[str], key: str = KEY
) -> Problem:
    """Two versions of a page that do not list the same old names (`renamed_from`, or `withdrawn`)."""
    if not twin_names or not french_names:
        missing, other, names = (twin, french, french_names) if not twin_names else (french, twin, twin_names)
        return Problem(
            missing.src_uri,
            f"has no `{key}`, but docs/{other.src_uri} has {listed(names, key)}. "
            "Add the same line to both files.",
            1,
        )
    return Problem(
        twin.src_uri,
        f"has {listed(twin_names, key)}, but docs/{french.src_uri} has {listed(french_names, key)}. "
        "Write the same old names in both files.",
        key_line(twin, key),
    )


def check_renames(sources: list[MarkdownPage], languages: Languages) -> tuple[list[Redirect], list[Problem]]:
    """The redirects the pages ask for, in every language, and what is wrong with their `renamed_from`."""
    problems: list[Problem] = []
    by_uri = {source.src_uri: source for source in sources}
    names = {source.src_uri: old_names(source) for source in sources}
    claimed: dict[str, str] = {}  # old address -> the page that claims it
    # Every page's address, in every language: `faq/` is faq/index.md's, whatever the old name's file.
    published = {(source.language, source.address): source.src_uri for source in sources}
    redirects = []
    for source in filter(lambda source: source.language == languages.default, sources):
        own = names[source.src_uri]
        if own is None:
            continue  # a value of the wrong form: reported with the other front matter keys
        for language in languages.all:
            twin = by_uri.get(languages.uri_for(source.norm_uri, language))
            if twin is None or twin is source or names[twin.src_uri] is None:
                continue
            if names[twin.src_uri] != own:
                problems.append(mismatch(source, own, twin, names[twin.src_uri]))
        folder = PurePosixPath(source.norm_uri).parent
        for name in own:
            old = (folder / name).as_posix().removeprefix("./") + "/"
            if page := next(
                (published[language, old] for language in languages.all if (language, old) in published), None
            ):
                problems.append(
                    Problem(
                        source.src_uri,
                        f"`{KEY}` lists '{name}', but docs/{page} is published at that address ({old}): "
                        f"it is still in use. Remove '{name}' from `{KEY}`, or rename docs/{page}.",
                        key_line(source),
                    )
                )
            elif old in claimed:
                problems.append(
                    Problem(
                        source.src_uri,
                        f"`{KEY}` lists '{name}', like docs/{claimed[old]}: an old address can lead to "
                        "one page only. Remove it from one of them.",
                        key_line(source),
                    )
                )
            else:
                claimed[old] = source.src_uri
                for language in languages.all:
                    old_url = languages.prefix(language) + old
                    redirects.append(
                        Redirect(language, old_url, languages.uri_for(source.norm_uri, language))
                    )
    return redirects, problems


def notice_page(language: str, title: str, head: str, body: str, unofficial: str) -> str:
    """A page the build writes at an old address (moved, or withdrawn): in the reader's language,
    out of search engines' indexes (`noindex`), with nothing to load. It has no header: its first
    line says, as every page's header does, that the site is not NATO's (`unofficial`)."""
    body = f'<p role="note">{escape(unofficial)}</p>\n{body}'
    return f"""<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title>
<meta name="robots" content="noindex">
{head}</head>
<body>
{body}</body>
</html>
"""


def redirect_page(old_url: str, new_url: str, title: str, site_url: str, strings: dict, language: str) -> str:
    relative = get_relative_url(new_url, old_url)
    target = escape(relative)
    head = (
        f'<link rel="canonical" href="{escape(urljoin(site_url, new_url))}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<script data-to="{target}">{REDIRECT_SCRIPT}</script>\n'
    )
    # MkDocs' title is HTML (`&amp;`): its plain text, escaped once.
    body = f'<p>{escape(strings["redirect_text"])} <a href="{target}">{escape(plain_title(title))}</a></p>\n'
    return notice_page(language, strings["redirect_title"], head, body, strings["unofficial"])


def write_redirects(
    config: MkDocsConfig, redirects: list[Redirect], pages: dict[str, tuple[str, str]]
) -> None:
    """Writes this language's redirect pages. `pages`: this language's pages, src_uri -> (title, url)."""
    language = config.theme["language"]
    strings = config.extra["strings"][language]
    for redirect in redirects:
        if redirect.language != language or redirect.src_uri not in pages:
            continue
        title, new_url = pages[redirect.src_uri]
        html = csp.with_policy(
            redirect_page(redirect.old_url, new_url, title, config.site_url, strings, language),
            [csp.script_hash(REDIRECT_SCRIPT)],
        )
        path = Path(config.site_dir) / redirect.old_url / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")

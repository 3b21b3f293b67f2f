"""Search-engine and sharing metadata, from one computation per page.

For every page the plugin works out its absolute URL and those of its versions
in each language (plus `x-default`, the French page). From that one record come:

- the `<head>` links and Open Graph tags (overrides/main.html, block site_meta);
- `sitemap.xml` at the site root, every page of both languages with its
  alternates, and `robots.txt` pointing to it (Material's bundle no longer
  fetches a sitemap next to each alternate: see overrides/main.html);
- schema.org `FAQPage` JSON-LD on each question page, in its language.

static-i18n builds French, then English inside French's post-build: the
sitemap is written after each language's build, complete after the last.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from faq_site.checks.rendered import RenderedPage
from faq_site.readers.typography import plain_title

SITEMAP = "sitemap.xml"


@dataclass(frozen=True)
class PageLinks:
    language: str
    url: str  # absolute
    alternates: dict[str, str]  # language -> absolute URL, this page's language included
    x_default: str

    @property
    def hreflangs(self) -> list[tuple[str, str]]:
        return [*self.alternates.items(), ("x-default", self.x_default)]


def configure(config: MkDocsConfig) -> None:
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url is required (canonical, hreflang and sitemap URLs).")
    # The plugin writes the sitemap; no theme template should.
    config.theme.static_templates.discard(SITEMAP)


def page_links(page: Page, config: MkDocsConfig, default_language: str) -> PageLinks:
    site_url = config.site_url
    language = config.theme["language"]
    alternates = {
        lang: urljoin(site_url, file.url.removeprefix("./"))
        for lang, file in sorted(page.file.alternates.items())
    }
    alternates[language] = urljoin(site_url, page.url)
    return PageLinks(language, alternates[language], alternates, alternates[default_language])


def faq_json_ld(page: Page, links: PageLinks, rendered: RenderedPage) -> str:
    """The page's FAQPage JSON-LD: its question, and its answer as the page shows it
    (checks/rendered.py's `answer_text`, which a question's description also quotes)."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": links.language,
        "url": links.url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": plain_title(page.title),
                "acceptedAnswer": {"@type": "Answer", "text": rendered.answer_text()},
            }
        ],
    }
    return script_json(data)


# In a <script> element, `</script` ends it and `<!--<script` makes the parser look for two
# `</script>`: the rest of the page would vanish into it. JSON's \u escapes of `<`, `>` and `&`
# keep the same value with none of those characters left (as Django's json_script does).
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(value: object) -> str:
    """`value` as JSON that can sit inside a <script> element without changing the page around it."""
    return json.dumps(value, ensure_ascii=False).translate(_SCRIPT_UNSAFE)


def sitemap_xml(entries: list[PageLinks]) -> str:
    urls = []
    for entry in entries:
        alternates = "".join(
            f'\n    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(url)}/>'
            for lang, url in entry.hreflangs
        )
        urls.append(f"  <url>\n    <loc>{escape(entry.url)}</loc>{alternates}\n  </url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(urls) + "\n</urlset>\n"
    )


def write_sitemap(config: MkDocsConfig, pages: dict[str, PageLinks]) -> None:
    """sitemap.xml and robots.txt: after each language's build; by the last one every page is known."""
    entries = sorted(pages.values(), key=lambda entry: entry.url)
    Path(config.site_dir, SITEMAP).write_text(sitemap_xml(entries), encoding="utf-8")
    Path(config.site_dir, "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(config.site_url, SITEMAP)}\n", encoding="utf-8"
    )

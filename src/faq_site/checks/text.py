"""What an editor cannot see in a page's text, and links to one language's file.

Invisible characters (sources/text.py) are named by code point on their line,
in the front matter and the text alike. A link to `x.en.md` is named too: the
i18n plugin leads each language's readers to their own version of `x.md`, so
pages link the default language's file.
"""

from __future__ import annotations

from faq_site.checks.markdown_rendering import language_file_links
from faq_site.languages import Languages
from faq_site.messages.problems import Problem
from faq_site.sources.source import Source
from faq_site.sources.text import invisible_characters


def check_text(source: Source, languages: Languages) -> list[Problem]:
    findings = invisible_characters(source.text) + language_file_links(source.lines(), list(languages.others))
    return [Problem(source.src_uri, message, line) for line, message in findings]

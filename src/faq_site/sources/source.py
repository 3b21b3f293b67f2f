"""Former home of the page reader, kept only so that imports of it keep working during the move.

A page's Markdown is read by sources/page.py (`MarkdownPage`), its front matter by
sources/front_matter.py, the site's names are in sources/names.py and the line finder in
sources/lines.py. Nothing here reads anything; import from those modules.
"""

from __future__ import annotations

from faq_site.sources.front_matter import FRONT_MATTER_KEYS, FrontMatterKey, explain_yaml_error, one_line
from faq_site.sources.lines import plain
from faq_site.sources.names import (
    ALL_QUESTIONS,
    ASSETS_DIR,
    HOME,
    KEBAB_CASE,
    LEARN_MORE_ID,
    MARKERS,
    QUESTIONS_DIR,
    SITE_NOTE,
    is_question,
    kebab_case,
)
from faq_site.sources.page import MarkdownPage

Source = MarkdownPage  # the name sources/page.py's class had here

__all__ = [
    "ALL_QUESTIONS",
    "ASSETS_DIR",
    "FRONT_MATTER_KEYS",
    "HOME",
    "KEBAB_CASE",
    "LEARN_MORE_ID",
    "MARKERS",
    "QUESTIONS_DIR",
    "SITE_NOTE",
    "FrontMatterKey",
    "MarkdownPage",
    "Source",
    "explain_yaml_error",
    "is_question",
    "kebab_case",
    "one_line",
    "plain",
]

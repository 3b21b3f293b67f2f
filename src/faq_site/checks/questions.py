"""The front matter of every page.

What sources/source.py found in each page's front matter (FRONT_MATTER_KEYS:
unknown keys, values of the wrong form, a key written twice, `010`, a `number`
in quotes), or git's conflict markers in the file. The questions' numbers are
checked where they are ordered (readers/navigation.py); the lines the site
fills in, by checks/generated_parts.py.
"""

from __future__ import annotations

from faq_site.messages.problems import Problem
from faq_site.sources.source import Source


def check_front_matter(source: Source) -> list[Problem]:
    """What sources/source.py found in the front matter (FRONT_MATTER_KEYS)."""
    return list(source.meta_problems)

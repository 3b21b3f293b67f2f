"""The front matter of every page.

What sources/front_matter.py found in each page's front matter (FRONT_MATTER_KEYS:
unknown keys, values of the wrong form, a key written twice, `010`, a `number`
in quotes), or git's conflict markers in the file. The questions' numbers are
checked where they are ordered (readers/navigation.py); the lines the site
fills in, by checks/generated_parts.py; each line of `withdrawn` on its own here,
what it says of the other pages by readers/withdrawn.py.
"""

from __future__ import annotations

from dataclasses import replace

from faq_site.messages.problems import Problem, Stage
from faq_site.readers.withdrawn import read_withdrawals
from faq_site.sources.page import MarkdownPage


def check_front_matter(source: MarkdownPage) -> list[Problem]:
    """What sources/front_matter.py found in the front matter (FRONT_MATTER_KEYS), or git's markers."""
    conflicts = [Problem(source.src_uri, message, line, Stage.FILE) for line, message in source.conflicts]
    # The lines of `withdrawn` ("all questions" page), each on its own: form, date, twice.
    listed = read_withdrawals(source)[1]
    return conflicts + [
        replace(problem, stage=Stage.FRONT_MATTER) for problem in [*source.front_matter.problems, *listed]
    ]

"""The front matter of every page, and the lines the site fills in.

What sources/source.py found in each page's front matter (FRONT_MATTER_KEYS:
unknown keys, values of the wrong form, a key written twice, `010`), and the
markers of the generated lists: `<!-- faq:questions -->` on the home page,
`<!-- faq:answers -->` on the "all questions" page. The questions' numbers are
checked where they are ordered (readers/navigation.py).
"""

from __future__ import annotations

from faq_site.messages.problems import Problem
from faq_site.sources.source import MARKERS, Source


def check_front_matter(source: Source) -> list[Problem]:
    """What faq_docs found in the front matter (FRONT_MATTER_KEYS), and the generated lists' markers."""
    problems = list(source.meta_problems)
    marker = MARKERS.get(source.norm_uri)
    if marker and marker not in source.text:
        problems.append(
            Problem(
                source.src_uri,
                f"the line `{marker}` is missing. Put it back where the site should list "
                "the questions; it is filled in at build time.",
            )
        )
    return problems

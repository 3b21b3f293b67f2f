"""Read mkdocs.yml safely, before MkDocs does: plain settings, each once, addresses from the environment.

    uv run scripts/check_config.py [path/to/mkdocs.yml]

Prints one line per problem, `mkdocs.yml:<line>: what is wrong. What to do.`, and exits 1;
prints nothing and exits 0 when the file is plain, safe settings. MkDocs itself reads the file
with a loader that runs Python tags (`!!python/object/apply:…`): CI runs this before "Build",
and the deploy workflow before it builds, so that such a value never runs
(src/faq_site/config_file.py says what is refused and why). It imports nothing from MkDocs'
loader and reads no other file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from faq_site.config_file import settings_problems

PROJECT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else PROJECT / "mkdocs.yml"
    problems = settings_problems(path)
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        print(f"mkdocs.yml has {count} to fix before the site can be built:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

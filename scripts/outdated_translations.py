"""List the translations whose French page changed after them, as the build does.

    uv run scripts/outdated_translations.py [--markdown] [--docs-dir docs]

Prints one line per English file to update, the same lines the build shows
(src/faq_site/readers/dates.py reads the same git history). With
--markdown, prints a section for a GitHub job summary instead; the CI and
deploy workflows append it to $GITHUB_STEP_SUMMARY. Always exits 0: an
out-of-date translation is information, not a failure.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.config import load_config

from faq_site.languages import Languages
from faq_site.readers.dates import NOT_NEEDED, TRAILER, outdated_translations, read_history

PROJECT = Path(__file__).resolve().parents[1]


def site_languages() -> Languages:
    """The site's languages, as mkdocs.yml's i18n plugin lists them."""
    return Languages.of_config(load_config(str(PROJECT / "mkdocs.yml")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a job-summary section")
    parser.add_argument("--docs-dir", type=Path, default=PROJECT / "docs")
    arguments = parser.parse_args()
    docs_dir = arguments.docs_dir.resolve()
    history = read_history(docs_dir)
    outdated = outdated_translations(history, docs_dir, site_languages())
    if not arguments.markdown:
        if history.missing:
            print(f"{history.missing}: out-of-date translations cannot be found.", file=sys.stderr)
        elif not outdated:
            print("Every translation is up to date with its French page.", file=sys.stderr)
        for item in outdated:
            print(item)
        return
    print("## Translations to update\n")
    if history.missing:
        print(f"{history.missing}: out-of-date translations cannot be found without the full history.")
    elif not outdated:
        print("Every translation is up to date with its French page.")
    else:
        print(
            "These English pages show a notice that their French text changed after them. "
            f"Translate the change; a French change that needs no translation says `{TRAILER}: "
            f"{NOT_NEEDED}` in its commit message (CONTRIBUTING.md, “Translate”).\n"
        )
        for item in outdated:
            print(f"- {item}")


if __name__ == "__main__":
    main()

"""List the translations behind their French page, as the build does.

    uv run scripts/outdated_translations.py [--markdown] [--config-file mkdocs.yml] [--docs-dir docs]

Prints one line per English file to update: the same lines the build shows,
from the same translation state (src/faq_site/readers/translation_state.py,
read by src/faq_site/readers/dates.py). With --markdown, prints a section for a
GitHub job summary instead; the CI and deploy workflows append it to
$GITHUB_STEP_SUMMARY. Always exits 0: a translation behind is information, not
a failure.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.config import load_config

from faq_site.languages import Languages
from faq_site.readers.dates import NOT_NEEDED, TRAILER, state_of

PROJECT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a job-summary section")
    parser.add_argument(
        "--config-file", type=Path, default=PROJECT / "mkdocs.yml", help="the site's settings"
    )
    parser.add_argument("--docs-dir", type=Path, help="its pages (default: the settings' docs_dir)")
    arguments = parser.parse_args()
    docs = {"docs_dir": str(arguments.docs_dir.resolve())} if arguments.docs_dir else {}
    config = load_config(str(arguments.config_file), **docs)
    state = state_of(config, Languages.of_config(config))
    behind = list(state.behind.values())
    if not arguments.markdown:
        if state.missing:
            print(f"{state.missing}: translations behind their French page cannot be found.", file=sys.stderr)
        elif not behind:
            print("Every translation is up to date with its French page.", file=sys.stderr)
        for item in behind:
            print(item)
        return
    print("## Translations to update\n")
    if state.missing:
        print(f"{state.missing}: without the full history, translations behind cannot be found.")
    elif not behind:
        print("Every translation is up to date with its French page.")
    else:
        print(
            "These English pages show a notice that their French text changed after them. "
            f"Translate the change; a French change that needs no translation says `{TRAILER}: "
            f"{NOT_NEEDED}` in its commit message (CONTRIBUTING.md, “Translate”).\n"
        )
        for item in behind:
            print(f"- {item}")


if __name__ == "__main__":
    main()

"""NATO's record is protected: a change to it stops the build unless record/CHANGES says so.

The record (record/<file>, the faq plugin's `record` setting) decides which pages carry
NATO's label. A pull request that changed the record and a page together would keep the
label on changed words. So the build reads record/CHANGES, the record's own history, one
line per version of each file, newest last:

    nato-2022.fr.txt <its SHA-256> <why, in words>

and stops unless the record's file is the version its last line names. The label's
wording (readers/provenance_labels.py) is protected the same way, as the entry
`provenance-labels`: the SHA-256 of its texts, every language. Changing the record
is therefore always two changes a reviewer sees: the file, and a line of record/CHANGES
saying why; the review report (scripts/review.py) opens with both, before any page. The
`record` setting must name a file of record/ (next to mkdocs.yml), whose CHANGES lists it:
a setting pointing elsewhere would escape the list.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

from faq_site.readers.provenance_labels import LABELS

RECORD_DIR = "record"
CHANGES = "CHANGES"
LABELS_ENTRY = "provenance-labels"
LABELS_FILE = "src/faq_site/readers/provenance_labels.py"
_HOW = (
    "NATO's record is never edited: put the file back as it was. If it was copied wrongly from NATO's "
    "page, a developer adds a line to record/CHANGES with the file's name, its new SHA-256 and why "
    '(CONTRIBUTING.md, "NATO\'s record").'
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def labels_digest() -> str:
    """The SHA-256 of the label's wording, every language (as JSON, keys sorted)."""
    texts = {language: asdict(labels) for language, labels in LABELS.items()}
    return hashlib.sha256(json.dumps(texts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def listed(changes: str) -> dict[str, str]:
    """Each file's last SHA-256 in record/CHANGES (comments and empty lines left out)."""
    last: dict[str, str] = {}
    for line in changes.splitlines():
        words = line.split(maxsplit=2)
        if len(words) >= 2 and not line.startswith("#"):
            last[words[0]] = words[1].lower()
    return last


def record_problem(config_dir: Path, setting: str) -> str | None:
    """What is wrong with the record the setting names, as one line; None when it is as listed."""
    path = PurePosixPath(setting)
    if len(path.parts) != 2 or path.parts[0] != RECORD_DIR:
        return (
            f"mkdocs.yml: plugins.faq.record: `{setting}` is not a file of {RECORD_DIR}/, where every "
            f"version of NATO's record is listed in {RECORD_DIR}/{CHANGES}. Name a file of that folder, "
            f"e.g. `{RECORD_DIR}/nato-2022.fr.txt`."
        )
    file = config_dir / setting
    if not file.is_file():
        return None  # read_record_file names it
    changes = config_dir / RECORD_DIR / CHANGES
    try:
        versions = listed(changes.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        versions = {}
    labels = labels_digest()
    if versions.get(LABELS_ENTRY) != labels:
        return (
            f"{LABELS_FILE}: the label's wording differs from its last version in {RECORD_DIR}/{CHANGES} "
            f"(SHA-256 {labels}). The label says which text is NATO's: a developer who rewords it adds a "
            f"line to {RECORD_DIR}/{CHANGES}, `{LABELS_ENTRY} <its SHA-256> why`, which the review report "
            "shows first."
        )
    expected, actual = versions.get(path.name), digest(file)
    if expected == actual:
        return None
    if expected is None:
        return f"{setting}: is not listed in {RECORD_DIR}/{CHANGES} (SHA-256 {actual}). {_HOW}"
    return (
        f"{setting}: differs from its last version in {RECORD_DIR}/{CHANGES} (SHA-256 {actual}, "
        f"listed {expected}). {_HOW}"
    )


def check_record(config_dir: Path, setting: str) -> None:
    problem = record_problem(config_dir, setting)
    if problem is not None:
        raise PluginError(problem)

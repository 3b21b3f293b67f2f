"""Unit tests: NATO's record changes only with a line of record/CHANGES saying so (readers/record.py).

The stop itself, in a build with its exact message, is in test_fidelity.py.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from fixture_site import FIXTURE
from site_settings import record_setting

from faq_site.readers.record import labels_digest, record_problem

SETTING = record_setting(FIXTURE)


def copy_record(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "record", tmp_path / "record")
    return tmp_path / SETTING


def test_the_fixtures_record_is_the_version_record_changes_lists(tmp_path: Path) -> None:
    copy_record(tmp_path)
    assert record_problem(tmp_path, SETTING) is None


def test_a_change_marked_in_record_changes_builds(tmp_path: Path) -> None:
    record = copy_record(tmp_path)
    record.write_bytes(record.read_bytes() + b"Une phrase de plus.\n")
    assert record_problem(tmp_path, SETTING) is not None
    digest = hashlib.sha256(record.read_bytes()).hexdigest()
    with (tmp_path / "record" / "CHANGES").open("a", encoding="utf-8") as changes:
        changes.write(f"{record.name} {digest} A sentence NATO's page has, left out when it was copied.\n")
    assert record_problem(tmp_path, SETTING) is None


def test_a_record_outside_record_or_not_listed_is_refused(tmp_path: Path) -> None:
    record = copy_record(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(record, tmp_path / "elsewhere" / record.name)
    assert record_problem(tmp_path, f"elsewhere/{record.name}") == (
        f"mkdocs.yml: plugins.faq.record: `elsewhere/{record.name}` is not a file of record/, where every "
        "version of NATO's record is listed in record/CHANGES. Name a file of that folder, e.g. "
        "`record/nato-2022.fr.txt`."
    )
    shutil.copy(record, tmp_path / "record" / "other.fr.txt")
    digest = hashlib.sha256(record.read_bytes()).hexdigest()
    assert record_problem(tmp_path, "record/other.fr.txt") == (
        f"record/other.fr.txt: is not listed in record/CHANGES (SHA-256 {digest}). NATO's record is never "
        "edited: put the file back as it was. If it was copied wrongly from NATO's page, a developer adds a "
        "line to record/CHANGES with the file's name, its new SHA-256 and why (CONTRIBUTING.md, "
        '"NATO\'s record").'
    )


def without_the_labels_line(root: Path) -> None:
    changes = root / "record" / "CHANGES"
    lines = changes.read_text(encoding="utf-8").splitlines(keepends=True)
    changes.write_text("".join(line for line in lines if not line.startswith("provenance-labels ")))


def test_the_labels_wording_changes_only_with_a_line_of_record_changes(tmp_path: Path) -> None:
    # The wording is the plugin's code; a line of record/CHANGES holds its SHA-256, so that a new
    # wording stops the build until the line says why (the review report shows it first).
    copy_record(tmp_path)
    without_the_labels_line(tmp_path)
    assert record_problem(tmp_path, SETTING) == (
        "src/faq_site/readers/provenance_labels.py: the label's wording differs from its last version in "
        f"record/CHANGES (SHA-256 {labels_digest()}). The label says which text is NATO's: a developer who "
        "rewords it adds a line to record/CHANGES, `provenance-labels <its SHA-256> why`, which the review "
        "report shows first."
    )


def record_examples() -> list[str]:
    """The record's messages, for tests/test_editor_errors.py's check of CONTRIBUTING.md's table."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        record = copy_record(root)
        found = [record_problem(root, f"elsewhere/{record.name}")]
        shutil.copy(record, root / "record" / "other.fr.txt")
        found.append(record_problem(root, "record/other.fr.txt"))
        record.write_bytes(record.read_bytes() + b"x")
        found.append(record_problem(root, SETTING))
        without_the_labels_line(root)
        found.append(record_problem(root, SETTING))
    return [problem for problem in found if problem]

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

from faq_site.readers.record import record_problem

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
    return [problem for problem in found if problem]

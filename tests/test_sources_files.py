"""Unit tests: docs/ is walked without following links, and the walk always ends."""

from __future__ import annotations

import os
from pathlib import Path

from faq_site.sources import files


def make_docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "faq").mkdir(parents=True)
    (docs / "index.md").write_text("# x")
    (docs / "faq" / "q.md").write_text("# q")
    return docs


def test_regular_files_are_listed(tmp_path: Path) -> None:
    found = files.walk(make_docs(tmp_path))
    assert found.files == ["faq/q.md", "index.md"]
    assert found.problems == []


def test_a_link_to_a_file_outside_is_refused_with_its_name_and_not_followed(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    (docs / "faq" / "notes.md").symlink_to(secret)
    found = files.walk(docs)
    assert "faq/notes.md" not in found.files
    assert found.problems == [
        (
            "faq/notes.md",
            f"is a symbolic link (to `{secret}`), not a file: the site would publish whatever it points "
            "to. Replace the link with a copy of the file itself, or delete it.",
        )
    ]


def test_link_loops_end(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    for name in ("a", "b", "c"):
        (docs / "faq" / name).symlink_to("..", target_is_directory=True)
    (docs / "self").symlink_to("self")
    found = files.walk(docs)
    assert [path for path, _ in found.problems] == ["faq/a", "faq/b", "faq/c", "self"]
    assert found.files == ["faq/q.md", "index.md"]


def test_a_named_pipe_is_refused(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    os.mkfifo(docs / "pipe")
    assert files.walk(docs).problems == [
        ("pipe", "is a named pipe, not a file: only files belong in docs/. Delete it.")
    ]

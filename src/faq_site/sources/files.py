"""What is in docs/, read without following a single link: only regular files are published.

MkDocs collects the files of docs/ with `os.walk(docs_dir, followlinks=True)`
(mkdocs.structure.files.get_files): a symbolic link in docs/ would publish
whatever it points to on the build machine (`/etc/passwd`, a private key), and
a link to one of its own folders makes that walk go round (two such links and
it never ends). So, before MkDocs walks docs/, this walk looks at every entry
without following any link (`os.scandir` and `follow_symlinks=False`), and the
build stops if it finds one that is not a regular file or folder. It always ends:
it never enters a link, and a folder is entered once.

`walk` is pure: a folder in, its regular files and the problems found out;
`refuse_links` stops the build with them.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from faq_site.messages.problems import Problem, stop_if

Finding = tuple[str, str]  # (path relative to docs/, message)


@dataclass
class DocsFolder:
    """The regular files of docs/ (paths relative to it, with `/`), and the entries refused."""

    files: list[str] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def symlink_message(target: str) -> str:
    return (
        f"is a symbolic link (to `{target}`), not a file: the site would publish whatever it points "
        "to. Replace the link with a copy of the file itself, or delete it."
    )


def walk(docs_dir: Path) -> DocsFolder:
    """Every entry under docs_dir, links never followed; sorted, so messages come in a stable order."""
    found = DocsFolder()
    root = Path(docs_dir)
    pending = [root]
    visited: set[tuple[int, int]] = set()
    while pending:
        folder = pending.pop()
        try:
            info = folder.stat(follow_symlinks=False)
            if (info.st_dev, info.st_ino) in visited:  # cannot happen without links; never loop anyway
                continue
            visited.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            rel = folder.relative_to(root).as_posix()
            found.problems.append((rel, f"cannot be read ({error.strerror}). Check its permissions."))
            continue
        for entry in entries:
            rel = Path(entry.path).relative_to(root).as_posix()
            try:
                if entry.is_symlink():
                    found.problems.append((rel, symlink_message(os.readlink(entry.path))))
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    found.files.append(rel)
                else:
                    kind = _kind(entry.stat(follow_symlinks=False).st_mode)
                    found.problems.append(
                        (rel, f"is {kind}, not a file: only files belong in docs/. Delete it.")
                    )
            except OSError as error:
                found.problems.append((rel, f"cannot be read ({error.strerror}). Check its permissions."))
    found.files.sort()
    found.problems.sort()
    return found


def refuse_links(docs_dir: Path) -> None:
    """Stop the build, before MkDocs walks docs/, if docs/ holds a link or a special file."""
    stop_if([Problem(path, message) for path, message in walk(docs_dir).problems])

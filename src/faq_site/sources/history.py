"""The git history of docs/, read as the published site lived it: one change set after another.

A change set is one step of the first-parent history of the checked-out commit:
a commit made on the branch itself, or a merge, which brings a whole pull
request at once (its diff against the branch it was merged into). Pull requests
land this way (a merge commit, or one squashed commit), and GitHub's checks of a
pull request build its test merge commit, so a pull request is one step
whatever the order of its own commits. The files on disk, when they differ from
the checked-out commit (`mkdocs serve` while editing), are one last step, made
at the build's date.

Each step gives, for every page of docs/ it changes, the file's text before and
after (git's blobs, read once each through one `git cat-file --batch`), renames
followed, and whether the step says that a French change needs no translation:
the commit-message trailer `Translation: not needed`, on the step's own commit,
or, for a merge, on the merge or on every commit of the pull request that changed
that file.

Nothing here judges the text: readers/translation_state.py does.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

# The commit-message trailer that says a French change needs no translation.
TRAILER = "Translation"
NOT_NEEDED = "not needed"
# One git log record: a start mark, then fields separated by a mark of their own; -z ends
# the raw diff's paths with NUL.
_RECORD, _FIELD = "\x01", "\x02"
_TRAILERS = f"%(trailers:key={TRAILER},valueonly,separator=%x2C)"
_FORMAT = f"{_RECORD}%H{_FIELD}%P{_FIELD}%cI{_FIELD}{_TRAILERS}{_FIELD}"
_NO_BLOB = "0" * 40


class GitError(Exception):
    """git cannot give the history: the message says why, in a reader's words."""


def git(args: list[str], cwd: Path, stdin: str | None = None) -> str:
    try:
        process = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, input=stdin, timeout=120, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"git cannot run ({error.__class__.__name__})") from None
    if process.returncode != 0:
        raise GitError(process.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return process.stdout.decode("utf-8", "replace")


def blob_id(data: bytes) -> str:
    """The id git gives a file's content (its blob), computed without git."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()  # noqa: S324 (git's own id)


@dataclass(frozen=True)
class Change:
    """One page a step changes: its path before and after (under docs/), its blobs (None: absent)."""

    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None


@dataclass
class Step:
    sha: str  # "" for the files on disk
    day: date
    changes: list[Change] = field(default_factory=list)
    # The pages (paths after the step) whose change the step says needs no translation.
    not_needed: set[str] = field(default_factory=set)


def _marked(trailers: str) -> bool:
    return NOT_NEEDED in [value.strip().lower() for value in trailers.split(",")]


def _records(output: str) -> Iterator[tuple[str, list[str], date, bool, list[list[str]]]]:
    """(sha, parents, day, marked, raw entries) of each commit of `git log -z --raw --format=_FORMAT`."""
    for record in output.split(_RECORD)[1:]:
        sha, parents, stamp, trailers, raw = record.split(_FIELD, 4)
        tokens = raw.strip("\0\n").split("\0") if raw.strip("\0\n") else []
        entries, index = [], 0
        while index < len(tokens):
            meta = tokens[index].strip("\n").split()
            paths = 2 if meta[-1][:1] in "RC" else 1
            entries.append([*meta, *tokens[index + 1 : index + 1 + paths]])
            index += 1 + paths
        yield sha, parents.split(), datetime.fromisoformat(stamp).date(), _marked(trailers), entries


@dataclass
class Repository:
    """The git repository that holds docs/, and the folder's path in it (`docs/`)."""

    root: Path
    prefix: str  # docs/'s path in the repository, with its ending slash

    @classmethod
    def of(cls, docs_dir: Path) -> Repository:
        """docs/'s repository; GitError if there is none, or only part of its history (a shallow clone)."""
        top = git(["rev-parse", "--show-toplevel"], docs_dir).strip()
        if git(["rev-parse", "--is-shallow-repository"], docs_dir).strip() == "true":
            raise GitError("Shallow git clone")
        root = Path(top).resolve()
        prefix = docs_dir.resolve().relative_to(root).as_posix()
        return cls(root, "" if prefix == "." else f"{prefix}/")

    def page(self, path: str) -> str | None:
        """A repository path as a page of docs/ (`faq/x.md`), or None for anything else."""
        if path.startswith(self.prefix) and path.endswith(".md"):
            return path[len(self.prefix) :]
        return None

    def _changes(self, entries: list[list[str]]) -> list[Change]:
        changes = []
        for entry in entries:
            old_blob, new_blob, status = entry[2], entry[3], entry[4]
            old_path, new_path = (entry[5], entry[6]) if len(entry) > 6 else (entry[5], entry[5])
            old_page, new_page = self.page(old_path), self.page(new_path)
            if status.startswith("C"):  # a copy: the old file stays as it was
                old_page, old_blob = None, _NO_BLOB
            if old_page is None and new_page is None:
                continue
            changes.append(
                Change(
                    old_page if old_blob != _NO_BLOB else None,
                    new_page if new_blob != _NO_BLOB else None,
                    old_blob if old_blob != _NO_BLOB and old_page else None,
                    new_blob if new_blob != _NO_BLOB and new_page else None,
                )
            )
        return changes

    def steps(self) -> list[Step]:
        """The first-parent steps of HEAD that change docs/, oldest first."""
        try:
            git(["rev-parse", "--verify", "--quiet", "HEAD"], self.root)
        except GitError:
            return []  # a repository without a commit yet
        output = git(
            ["log", "--first-parent", "--diff-merges=first-parent", "--reverse", "--raw", "-M"]
            + ["--no-abbrev", "-z", f"--format={_FORMAT}", "--", self.prefix or "."],
            self.root,
        )
        steps = []
        for sha, parents, day, marked, entries in _records(output):
            step = Step(sha, day, self._changes(entries))
            paths = {change.new_path for change in step.changes if change.new_path}
            if marked:
                step.not_needed = paths
            elif len(parents) > 1:
                step.not_needed = self._marked_in_pull_request(parents[0], sha, paths)
            steps.append(step)
        return steps

    def _marked_in_pull_request(self, base: str, merge: str, paths: set[str]) -> set[str]:
        """The pages that every commit of a merged pull request changing them marks `not needed`."""
        output = git(
            ["log", "--no-merges", "--raw", "-M", "--no-abbrev", "-z", f"--format={_FORMAT}"]
            + [f"{base}..{merge}", "--", self.prefix or "."],
            self.root,
        )
        marked, unmarked = set(), set()
        for _, _, _, is_marked, entries in _records(output):
            for change in self._changes(entries):
                for path in {change.old_path, change.new_path} - {None}:
                    (marked if is_marked else unmarked).add(path)
        return (marked - unmarked) & paths

    def disk_step(self, docs_dir: Path, head: dict[str, str], day: date) -> Step | None:
        """The pages on disk that differ from HEAD (`head`: page -> blob), as one step made on `day`."""
        disk = {
            path.relative_to(docs_dir).as_posix(): blob_id(path.read_bytes())
            for path in docs_dir.rglob("*.md")
            if path.is_file()
        }
        changes = [
            Change(page if page in head else None, page, head.get(page), blob)
            for page, blob in disk.items()
            if head.get(page) != blob
        ]
        changes += [Change(page, None, blob, None) for page, blob in head.items() if page not in disk]
        return Step("", day, changes) if changes else None


class Blobs:
    """The text of git's blobs and of the files on disk, read once each."""

    def __init__(self, repository: Repository, docs_dir: Path) -> None:
        self.repository = repository
        self.docs_dir = docs_dir
        self.texts: dict[str, str] = {}

    def preload(self, ids: set[str]) -> None:
        """Read many blobs with one `git cat-file --batch`."""
        wanted = sorted(ids - self.texts.keys())
        if not wanted:
            return
        process = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=self.repository.root,
            input="\n".join(wanted).encode() + b"\n",
            capture_output=True,
            timeout=120,
            check=False,
        )
        data, position = process.stdout, 0
        while position < len(data):
            end = data.index(b"\n", position)
            header = data[position:end].decode().split()
            position = end + 1
            if len(header) < 3 or header[1] != "blob":
                continue
            size = int(header[2])
            self.texts[header[0]] = data[position : position + size].decode("utf-8", "replace")
            position += size + 1

    def text(self, blob: str, page: str | None = None) -> str:
        if blob not in self.texts and page is not None and (self.docs_dir / page).is_file():
            content = (self.docs_dir / page).read_bytes()
            if blob_id(content) == blob:
                self.texts[blob] = content.decode("utf-8", "replace")
        if blob not in self.texts:
            self.preload({blob})
        return self.texts.get(blob, "")


# Words, runs of spaces and single marks: a change is merged word by word, so two changes to
# one paragraph (often one line of Markdown) merge unless they touch the same words.
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def merge_texts(base: str, ours: str, theirs: str, repository: Repository) -> str | None:
    """`theirs`' change from `base` applied to `ours`, word by word, by `git merge-file`; None on a conflict.

    git merges lines: each text is given to it one word (or space, or mark) per line, its own
    line breaks escaped, and read back the same way.
    """
    with tempfile.TemporaryDirectory(prefix="faq-merge-") as folder:
        names = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            tokens = (token.replace("\\", "\\\\").replace("\n", "\\n") for token in _TOKEN.findall(text))
            path.write_text("".join(f"{token}\n" for token in tokens), encoding="utf-8")
            names.append(str(path))
        process = subprocess.run(
            ["git", "merge-file", "-p", *names],
            cwd=repository.root,
            capture_output=True,
            timeout=60,
            check=False,
        )
    if process.returncode != 0:
        return None
    merged = process.stdout.decode("utf-8").split("\n")[:-1]
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], "".join(merged))

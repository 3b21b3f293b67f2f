"""Which French text each translation translates, and when each page last changed for its readers.

The model, read from git (sources/history.py) once per build:

- A page's **text** is what readers read: the article rendered with the site's
  Markdown (markdown/render.py) and parsed once as the build parses a page
  (checks/rendered.py): its headings (the title), paragraphs, list items and
  cells (the answer, the learn-more links), each as readers see it, whitespace
  folded, and the addresses its links lead to and its images show
  (`read_by_readers`). Front matter (`description`,
  `number`, `renamed_from`), comments and spaces are not text: changing them
  changes nothing here.
- Each translation (an English page) **translates one French text**. When a
  step of the history (a commit on the branch, or a whole merged pull request:
  sources/history.py) changes the translation's text, the translation
  translates the French text as it is after that step: French and English
  changed in one pull request, in either order, leave it up to date. A step
  that changes the French text alone leaves the translation translating what it
  translated; so does one that changes the English invisibly (a comment), even
  with a French change of meaning: only what readers see counts.
- A French change whose step says `Translation: not needed` moves the text the
  translation translates with it: that change is deemed translated. (On a
  translation already behind, the change is carried over onto the French it
  translates, as `git merge-file` does; if it cannot be, the translation stays as
  it was, behind.)
- A translation is **behind** while the French text it translates differs from
  the French text now. A French change and its revert, or a typo and its fix,
  leave nothing behind.
- A page's **last change** ("Page updated on") is the date of the last step that
  changed its text; renumbering or renaming a page keeps its date and its state
  (renames are followed). No date is later than the build's.

Why this model. MDN's translated-content pins, in each translation's front
matter, the source commit it translates (`l10n.sourceCommit`): exact, but written
by hand, and it trusts whoever writes it. Lunaria compares the dates of the last
commits of the source and of the translation, with commit directives to ignore
some: simple, but any commit to a file moves its date (a description, a
renumbering, an invisible change), and a revert counts as a change. This model
keeps MDN's idea, a translation translates one version of its source, but derives
that version from git as Lunaria does, and compares texts as readers read them,
never dates: what cannot be seen cannot steer it, and a revert undoes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from faq_site.checks.rendered import Inside, RenderedPage
from faq_site.languages import Languages
from faq_site.markdown.render import SiteMarkdown
from faq_site.sources.history import Blobs, GitError, Repository, Step, merge_texts
from faq_site.sources.page import MarkdownPage

# What readers follow or see of an element besides its text: where a link leads, an image.
_SEEN = {"a": ("href",), "img": ("src", "alt")}


def read_by_readers(rendered: RenderedPage) -> str:
    """What readers read of a rendered page: one line per block (heading, paragraph, list item,
    cell) as they see it, then the addresses its links lead to and its images, in order."""
    seen = [
        f"{element.tag} {element.attributes.get(name) or ''}"
        for element in rendered.elements
        if not element.inside & Inside.PERMALINK
        for name in _SEEN.get(element.tag, ())
    ]
    return "\n".join([*(f"{block.kind}: {block.text}" for block in rendered.blocks), *seen])


@dataclass(frozen=True)
class Version:
    """One version of a page: its whole file (front matter and all), and the commit it is from."""

    text: str
    sha: str = ""  # "" for the files on disk, or a text merged from two versions


@dataclass(frozen=True)
class Behind:
    """A translation whose French text changed after it."""

    src_uri: str  # the translation: faq/what-is-nato.en.md
    original_uri: str  # its French page: faq/what-is-nato.md
    original_changed: date  # the French text's last change
    translation_changed: date  # the translation's last change

    def __str__(self) -> str:
        """The build's INFO line, the script's line and the CI summary's."""
        french, english = self.original_changed.isoformat(), self.translation_changed.isoformat()
        when = (
            f"both on {french}"
            if french == english
            else f"the French on {french}, this translation on {english}"
        )
        return (
            f"docs/{self.src_uri}: its French text, docs/{self.original_uri}, changed after this "
            f"translation was last updated ({when}). Translate the change and commit it; until then "
            "the English page says that it is behind the French."
        )


@dataclass(frozen=True)
class NotNeeded:
    """A French change a step says needs no translation: the review shows it, for a reviewer to judge."""

    sha: str
    day: date
    src_uri: str  # the French page
    before: str  # its text (as readers read it) before the change, and after
    after: str


@dataclass
class TranslationState:
    """What the history says of every page of docs/ (paths relative to docs/)."""

    # The date of each page's last change readers can see.
    updated: dict[str, date] = field(default_factory=dict)
    # The translations behind their French page, by translation.
    behind: dict[str, Behind] = field(default_factory=dict)
    # For each translation behind: the French version it translates.
    translates: dict[str, Version] = field(default_factory=dict)
    not_needed: list[NotNeeded] = field(default_factory=list)
    missing: str | None = None  # why there is no history, if there is none

    def translated_french(self, src_uri: str) -> Version | None:
        """The French a translation translates, if it is behind; None if it is up to date."""
        return self.translates.get(src_uri)


class _Pages:
    """The pages' texts as the walk goes: each file's version, and its text as readers read it."""

    def __init__(self, blobs: Blobs, markdown: SiteMarkdown, languages: Languages) -> None:
        self.blobs = blobs
        self.markdown = markdown
        self.languages = languages
        self.read_as: dict[tuple[str, str], str] = {}

    def reader_text(self, text: str, src_uri: str) -> str:
        key = (self.languages.of(src_uri), text)
        if key not in self.read_as:
            page = MarkdownPage.parse(src_uri, text, self.languages)
            self.read_as[key] = read_by_readers(self.markdown.rendered(page))
        return self.read_as[key]

    def same(self, one: str, other: str, src_uri: str) -> bool:
        """Whether two versions of a page read the same."""
        return one == other or self.reader_text(one, src_uri) == self.reader_text(other, src_uri)


def walk(
    steps: list[Step],
    blobs: Blobs,
    markdown: SiteMarkdown,
    languages: Languages,
    today: date,
    merge: Callable[[str, str, str], str | None],
) -> TranslationState:
    """The state after every step, oldest first (the model in this module's docstring)."""
    pages = _Pages(blobs, markdown, languages)
    files: dict[str, Version] = {}  # each page's current version
    translates: dict[str, Version] = {}  # each translation's French version
    state = TranslationState()

    def twin(src_uri: str) -> str:
        return languages.uri_for(languages.norm_uri(src_uri), languages.default)

    for step in steps:
        day = min(step.day, today)
        blobs.preload({change.new_blob for change in step.changes if change.new_blob})
        before: dict[str, Version] = {}  # the versions this step changes, by their path after it
        seen: set[str] = set()  # the pages whose text readers see change
        for change in step.changes:  # renames first: a page keeps its state under its new name
            if change.old_path and change.old_path != change.new_path:
                old = files.pop(change.old_path, None)
                if change.new_path and old is not None:
                    files[change.new_path] = old
                    if change.old_path in translates:
                        translates[change.new_path] = translates.pop(change.old_path)
                    if change.old_path in state.updated:
                        state.updated[change.new_path] = state.updated.pop(change.old_path)
                translates.pop(change.old_path, None)
        for change in step.changes:
            if change.new_path is None:
                if change.old_path:
                    files.pop(change.old_path, None)
                    translates.pop(change.old_path, None)
                    state.updated.pop(change.old_path, None)
                continue
            new = Version(blobs.text(change.new_blob or "", change.new_path), step.sha)
            old = files.get(change.new_path)
            before[change.new_path] = old or Version("")
            if old is None or not pages.same(old.text, new.text, change.new_path):
                seen.add(change.new_path)
                state.updated[change.new_path] = day
                files[change.new_path] = new
            else:  # the same text for readers: the version it translates stays the one it was
                files[change.new_path] = Version(new.text, old.sha)
        for src_uri in sorted(files):
            if languages.of(src_uri) == languages.default or twin(src_uri) not in files:
                continue
            french_uri = twin(src_uri)
            if src_uri in seen or src_uri not in translates:
                translates[src_uri] = files[french_uri]  # translated now, from the French as it is
            elif french_uri in seen and french_uri in step.not_needed:
                old_french, translated = before[french_uri], translates[src_uri]
                state.not_needed.append(
                    NotNeeded(
                        step.sha,
                        day,
                        french_uri,
                        pages.reader_text(old_french.text, french_uri),
                        pages.reader_text(files[french_uri].text, french_uri),
                    )
                )
                if pages.same(translated.text, old_french.text, french_uri):
                    translates[src_uri] = files[french_uri]
                else:  # already behind: the change needs no translation, what was behind still does
                    merged = merge(old_french.text, translated.text, files[french_uri].text)
                    if merged is not None:
                        translates[src_uri] = Version(merged)
    for src_uri, translated in translates.items():
        french_uri = twin(src_uri)
        if not pages.same(translated.text, files[french_uri].text, french_uri):
            state.translates[src_uri] = translated
            state.behind[src_uri] = Behind(
                src_uri, french_uri, state.updated[french_uri], state.updated[src_uri]
            )
    return state


def read_state(docs_dir: Path, languages: Languages, markdown: SiteMarkdown, today: date) -> TranslationState:
    """The state of docs/ (its git history, then the files on disk); without history, `missing` says why."""
    try:
        repository = Repository.of(docs_dir)
        steps = repository.steps()
    except GitError as error:
        return TranslationState(missing=str(error) if "Shallow" in str(error) else "No git repository")
    head: dict[str, str] = {}
    for step in steps:
        for change in step.changes:
            if change.old_path and change.old_path != change.new_path:
                head.pop(change.old_path, None)
            if change.new_path:
                head[change.new_path] = change.new_blob or ""
    blobs = Blobs(repository, docs_dir)
    disk = repository.disk_step(docs_dir, head, today)
    state = walk(
        [*steps, *([disk] if disk else [])],
        blobs,
        markdown,
        languages,
        today,
        lambda base, ours, theirs: merge_texts(base, ours, theirs, repository),
    )
    return state

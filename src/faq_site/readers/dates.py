"""Every page shows when it was last updated, and a translation behind its French text says so.

One `git log` per build (read when the default language's build starts, reused
by the other languages) gives, for each file under docs/:

- the date of the last commit that touched it: Material shows it at the end
  of the page (`page.meta.revision_date`), in the reader's language;
- for a French page, the commits that changed it and need translating:
  every commit, except those whose message has the trailer
  `Translation: not needed` (a typo fixed in the French only), and those
  that changed its typography alone (apostrophes, spaces: the same text once
  `sources.lines.plain` has undone them), which the build redoes in both languages.

When a French page has such a commit later than the last commit that touched
its English version, the English page shows a notice at the top of its answer,
linking to the French page (so does the English "all questions" page, under
that question), and the build lists the English file in an INFO
line (information only: an urgent French correction must still publish).
`scripts/outdated_translations.py` prints the same list for the CI job summary.

A checkout without git history (a downloaded archive, a copy) or a shallow
clone, whose dates would be wrong, builds without dates and without notices.
"""

from __future__ import annotations

import logging
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from faq_site.languages import LanguageRules, Languages, rules_for
from faq_site.sources.lines import plain
from faq_site.sources.names import ALL_QUESTIONS, is_question
from faq_site.sources.page import MarkdownPage

log = logging.getLogger("mkdocs.plugins.faq.dates")

# The commit-message trailer that says a French change needs no translation.
TRAILER = "Translation"
NOT_NEEDED = "not needed"
# The notice's CSS classes: Material's "warning" style, and a name of its own
# that checks/parity.py leaves out of its counts.
NOTICE_CLASSES = "warning faq-outdated"


@dataclass(frozen=True)
class Commit:
    order: int  # 0 is the newest commit
    day: date
    sha: str = ""


@dataclass
class History:
    """What the one `git log` of the build says about each file under docs/ (absolute paths)."""

    last: dict[Path, Commit] = field(default_factory=dict)
    # Newest first: the commits whose message does not say the change needs no translation.
    to_translate: dict[Path, list[Commit]] = field(default_factory=dict)
    root: Path | None = None  # the repository's top folder
    missing: str | None = None  # why there is no history to read, if there is none


@dataclass(frozen=True)
class OutdatedTranslation:
    src_uri: str  # the translation: faq/what-is-nato.en.md
    original_uri: str  # its French page: faq/what-is-nato.md
    original_changed: date
    translation_changed: date

    def __str__(self) -> str:
        return (
            f"docs/{self.src_uri}: its French text, docs/{self.original_uri}, was updated on "
            f"{self.original_changed.isoformat()}, after this translation "
            f"({self.translation_changed.isoformat()}). Translate the change and commit it; "
            "until then the English page says that it is behind the French."
        )


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        process = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return process.stdout if process.returncode == 0 else None


def read_history(docs_dir: Path) -> History:
    top = _git(["rev-parse", "--show-toplevel"], docs_dir)
    if top is None:
        return History(missing="No git repository")
    if (_git(["rev-parse", "--is-shallow-repository"], docs_dir) or "").strip() == "true":
        return History(missing="Shallow git clone")
    history = _git(
        [
            "log",
            f"--format=%x00%cs%x09%H%x09%(trailers:key={TRAILER},valueonly,separator=%x2C)",
            "--name-only",
            "--no-renames",
            "--",
            ".",
        ],
        docs_dir,
    )
    root = Path(top.strip())
    result = History(root=root)
    for order, entry in enumerate((history or "").split("\0")[1:]):
        header, *names = entry.strip("\n").splitlines()
        day, sha, trailers = (header.split("\t", 2) + ["", ""])[:3]
        commit = Commit(order, date.fromisoformat(day), sha)
        needs_translation = NOT_NEEDED not in [value.strip().lower() for value in trailers.split(",")]
        for name in filter(None, names):
            path = (root / name).resolve()
            result.last.setdefault(path, commit)
            if needs_translation:
                result.to_translate.setdefault(path, []).append(commit)
    return result


def typography_only(commit: Commit, path: Path, root: Path) -> bool:
    """Whether this commit changed nothing in the file but its typography (’ for ', spaces)."""
    name = path.relative_to(root).as_posix()
    before = _git(["show", f"{commit.sha}^:{name}"], root)
    after = _git(["show", f"{commit.sha}:{name}"], root)
    return before is not None and after is not None and plain(before) == plain(after)


def last_to_translate(history: History, path: Path, since: Commit) -> Commit | None:
    """The newest commit after `since` that changed the file in a way that needs translating."""
    for commit in history.to_translate.get(path, []):
        if commit.order >= since.order:
            return None  # as old as the translation, or older
        if history.root is None or not typography_only(commit, path, history.root):
            return commit
    return None


def outdated_translations(
    history: History, docs_dir: Path, languages: Languages
) -> list[OutdatedTranslation]:
    """The translations whose French page changed, needing translation, after they last did."""
    outdated = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        if languages.of(src_uri) == languages.default:
            continue
        original_uri = languages.uri_for(languages.norm_uri(src_uri), languages.default)
        translation = history.last.get(path.resolve())
        if translation is None:
            continue
        original = last_to_translate(history, (docs_dir / original_uri).resolve(), translation)
        if original is not None:
            outdated.append(OutdatedTranslation(src_uri, original_uri, original.day, translation.day))
    return outdated


def format_date(day: date, strings: dict, rules: LanguageRules) -> Markup:
    """`Page mise à jour le 1er mars 2022`, `Page updated on 25 November 2026`."""
    return Markup(
        f'{escape(strings["last_changed"])} <time datetime="{day.isoformat()}">'
        f"{escape(rules.date_text(day))}</time>"
    )


def notice(
    item: OutdatedTranslation, french_url: str, strings: dict, french: str, rules: LanguageRules
) -> str:
    """The Markdown of the notice at the top of an outdated translation's answer."""
    link = f"[{strings['outdated_link']}]({french_url}){{hreflang={french}}}"
    text = strings["outdated_text"].replace("{french_page}", link)
    text = text.replace("{date}", rules.date_text(item.original_changed))
    return f'!!! {NOTICE_CLASSES} "{strings["outdated_title"]}"\n\n    {text}\n'


def with_notice(
    markdown: str, notice_markdown: str, languages: Languages, heading_id: str | None = None
) -> str:
    """The Markdown with the notice after a heading: the one with this id, or the page's title
    (read as the page model reads headings, sources/page.py).

    Without that heading, the notice goes at the top.
    """
    page = MarkdownPage.parse("", markdown, languages)
    heading = page.heading(heading_id) if heading_id else page.title
    lines = page.lines
    line = heading.line if heading is not None else 0
    return "\n".join([*lines[:line], "", notice_markdown, *lines[line:]])


def read_dates(docs_dir: Path, languages: Languages) -> tuple[History, dict[str, OutdatedTranslation]]:
    """The build's one `git log`, and the translations it finds behind (each one logged: INFO)."""
    history = read_history(docs_dir)
    if history.missing:
        log.info(f"{history.missing}: pages are built without their last-changed date.")
    outdated = outdated_translations(history, docs_dir, languages)
    for item in outdated:
        log.info(str(item))
    return history, {item.src_uri: item for item in outdated}


def with_dates(
    markdown: str,
    page: Page,
    config: MkDocsConfig,
    history: History,
    outdated: dict[str, OutdatedTranslation],
    languages: Languages,
) -> str:
    """The page's last-changed date (`page.meta.revision_date`), and the notice on a translation behind."""
    language = config.theme["language"]
    strings = config.extra["strings"][language]
    rules = rules_for(language)
    commit = history.last.get(Path(page.file.abs_src_path).resolve())
    if commit is not None:
        page.meta["revision_date"] = format_date(commit.day, strings, rules)
    if languages.norm_uri(page.file.src_uri) == ALL_QUESTIONS:
        # Every answer on one page: a notice under each answer that is behind.
        for item in outdated.values():
            if is_question(item.src_uri) and languages.of(item.src_uri) == language:
                slug = PurePosixPath(item.original_uri).stem
                text = notice(item, french_url(item, config), strings, languages.default, rules)
                markdown = with_notice(markdown, text, languages, slug)
        return markdown
    item = outdated.get(page.file.src_uri)
    if item is not None:
        markdown = with_notice(
            markdown, notice(item, french_url(item, config), strings, languages.default, rules), languages
        )
    return markdown


def french_url(item: OutdatedTranslation, config: MkDocsConfig) -> str:
    french = File(item.original_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    return urljoin(config.site_url or "", french.url)

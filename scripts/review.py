"""What readers will see change: the site built from BASE, compared with the working tree.

    uv run scripts/review.py BASE [--repository DIR] [--project PATH]

Builds the site of BASE (any git ref) and of the working tree, both with
`mkdocs build --strict`, and prints a Markdown report of what readers will see
change, page by page and language by language: the text they read (a word-level
diff of the rendered text, not of the Markdown), pages added, removed or renamed
with the redirects written, learn-more links, the label that says whether a page
is NATO's text or adapted from it, translations put behind their French page or
brought up to date, and the title and description search engines show. When
nothing changes for readers, it says so in one line. The CI workflow writes the
report to the job summary of every pull request, with the pull request's base
as BASE.

It reads only what the builds wrote (each page's HTML, its `<head>`, the redirect
pages, the search index), with the plugin's own parse of a page (checks/rendered.py:
one parse, as browsers parse HTML), taken from the checkout this script runs from,
never from the builds': CI runs the base branch's script (.github/workflows/ci.yml),
so that a change cannot alter how its own review reads it. `--change-site DIR`
compares a site built already (CI: the pull request's build) instead of building
the working tree. One part is read from the change's history instead: the French
changes whose commits say `Translation: not needed`, which no page shows, listed
under their own heading with what they change, as the build reads them
(src/faq_site/readers/translation_state.py).

Both versions are built from git checkouts (`git worktree add --detach`) in a
temporary folder, so that each has the history its pages' dates and
translation notices come from: BASE as it is, and the working tree as one more
commit, made today, on top of HEAD when it has uncommitted changes (a commit
object only: HEAD, the branch, the index and the files are left as they are).
Exits 1 if the working tree does not build, 2 if BASE is not a git ref.
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from selectolax.lexbor import LexborNode

from faq_site.checks.rendered import COMMENT, START, TEXT, Inside, PublishedPage, RenderedPage
from faq_site.languages import Languages
from faq_site.readers.dates import state_of
from faq_site.readers.provenance_reading import changes_reading
from faq_site.readers.translation_state import NotNeeded

PROJECT = Path(__file__).resolve().parents[1]
# Both builds declare this address, so that their absolute links compare equal.
SITE_URL = "http://127.0.0.1:8000/"
# What a page's article holds that is not its text: the theme's edit button, and what the report
# shows on its own: the "last updated" date (noise: it moves with any commit) and the provenance
# label. Scripts and templates (never shown), the ¶ of each heading and the outdated-translation
# notice (shown on its own) are what the page's one parse marks them as (checks/rendered.py).
THEME_PARTS = frozenset({"md-content__button", "md-source-file", "faq-provenance"})
NOT_TEXT = Inside.SCRIPT | Inside.TEMPLATE | Inside.PERMALINK | Inside.NOTICE
BLOCKS = frozenset(
    {"p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "summary", "pre", "blockquote", "div"}
    | {f"h{level}" for level in range(1, 7)}
)
# Alphabets whose letters look alike: a word mixing them is marked (`аttack` with a Cyrillic `а`).
LOOKALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
# What the site's build says about how the site is built, not what it says (.github/CODEOWNERS lists
# the same paths): configuration, templates, the faq plugin, scripts, the site's own scripts, styles
# and drawings, NATO's record, workflows, CI and dependencies.
HOW_BUILT = re.compile(
    r"mkdocs\.yml|overrides/.*|src/.*|scripts/.*|record/.*|\.github/.*|\.ci/.*|pyproject\.toml|uv\.lock"
    r"|docs/.*\.(?:js|mjs|css|svg|html?)"
)
LABELS = {"nato": "NATO's text", "adapted": "adapted"}
CONTEXT = 8  # words of unchanged text shown around a change
JOIN = 2  # changes this many words apart or fewer show as one
NAME = "The FAQ's review"


# -- git and the two builds ------------------------------------------------------------------------


class Failure(Exception):
    """The report cannot be made; the message says why."""


def git(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    process = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    if process.returncode != 0:
        raise Failure(f"`git {' '.join(args)}` failed: {process.stderr.strip()}")
    return process.stdout.strip()


def working_tree_commit(repository: Path) -> tuple[str, bool]:
    """HEAD, or a commit of the working tree on top of it: (sha, whether it has uncommitted changes).

    The files, as `git add -A` would stage them, go to a temporary copy of the
    index; `git commit-tree` then makes a commit object that no branch points to.
    """
    head = git(["rev-parse", "HEAD"], repository)
    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "index"
        real_index = Path(repository, git(["rev-parse", "--git-path", "index"], repository))
        if real_index.exists():
            shutil.copy2(real_index, index)
        env = {**os.environ, "GIT_INDEX_FILE": str(index)}
        git(["add", "--all"], repository, env)
        tree = git(["write-tree"], repository, env)
    if tree == git(["rev-parse", "HEAD^{tree}"], repository):
        return head, False
    identity = {
        "GIT_AUTHOR_NAME": NAME,
        "GIT_AUTHOR_EMAIL": "review@localhost",
        "GIT_COMMITTER_NAME": NAME,
        "GIT_COMMITTER_EMAIL": "review@localhost",
    }
    commit = git(
        ["commit-tree", tree, "-p", head, "-m", "The working tree's uncommitted changes"],
        repository,
        {**os.environ, **identity},
    )
    return commit, True


@contextmanager
def checkout(repository: Path, commit: str, folder: Path) -> Iterator[Path]:
    git(["worktree", "add", "--detach", "--quiet", str(folder), commit], repository)
    try:
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=repository, check=False)
        subprocess.run(["git", "worktree", "prune"], cwd=repository, check=False)


def start_build(tree: Path, project: Path, site_dir: Path) -> subprocess.Popen:
    """`mkdocs build --strict` of a checkout's project, with the checkout's own Python package (src/)
    before the installed one."""
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_PUBLISHING", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree / "src"), env.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@dataclass(frozen=True)
class Build:
    ok: bool
    output: str
    root: Path


def build_both(
    repository: Path, base: str, after: str, folder: Path, project: Path = Path()
) -> tuple[Build, Build, list[NotNeeded]]:
    """Both sites, built at the same time (two processes), and the change's French changes marked
    as needing no translation; `project`: where mkdocs.yml is in the repository (its root, or a
    project of its own in it, such as the tests' site, tests/fixture)."""
    with (
        checkout(repository, base, folder / "base") as base_tree,
        checkout(repository, after, folder / "change") as after_tree,
    ):
        sites = folder / "base-site", folder / "change-site"
        processes = [
            start_build(tree, tree / project, site)
            for tree, site in zip((base_tree, after_tree), sites, strict=True)
        ]
        marked = marked_changes(after_tree / project, base)
        outputs = [process.communicate(timeout=600)[0] for process in processes]
        base_build, change_build = (
            Build(process.returncode == 0, output, site)
            for process, output, site in zip(processes, outputs, sites, strict=True)
        )
        return base_build, change_build, marked


def marked_changes(tree: Path, base: str) -> list[NotNeeded]:
    """The French changes since `base` that their commits say need no translation (`Translation: not
    needed`), as the build reads them (src/faq_site/readers/translation_state.py): the one part of
    the report read from the change's history, not from what the builds wrote, for the reviewer to
    judge what no notice will ever show."""
    try:
        config = load_config(str(tree / "mkdocs.yml"))
    except MkDocsException:  # its build says why, in the report
        return []
    state = state_of(config, Languages.of_config(config))
    new = set(git(["rev-list", f"{base}..HEAD"], tree).split())
    return [item for item in state.not_needed if item.sha in new]


def build_base(repository: Path, base: str, folder: Path, project: Path = Path()) -> Build:
    """The base's site alone (the change's was built already)."""
    with checkout(repository, base, folder / "base") as tree:
        site = folder / "base-site"
        process = start_build(tree, tree / project, site)
        output = process.communicate(timeout=600)[0]
        return Build(process.returncode == 0, output, site)


def record_changes(repository: Path, base: str, after: str, changed: list[str]) -> list[str]:
    """The lines the change adds to a record/CHANGES: why NATO's record changes."""
    lines = []
    for path in changed:
        if path.endswith("record/CHANGES"):
            diff = git(["diff", "--unified=0", base, after, "--", path], repository)
            lines += [
                line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")
            ]
    return [line for line in lines if line.strip() and not line.startswith("#")]


def problems(output: str) -> str:
    """What a failed build said, from its first error on."""
    lines = output.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(("ERROR", "WARNING"))), 0)
    return "\n".join(lines[start:]).strip()


# -- what readers get, read from a built site --------------------------------------------------------


@dataclass
class PageView:
    """One built page, as readers get it."""

    path: str  # its address, relative to the site root: `en/faq/what-is-nato/`
    language: str
    key: str  # the address of its default-language version: the same for all its languages
    source: str  # the file it is built from (its edit link), or its address
    heading: str
    heading_id: str | None  # its title's id: the same page under another name keeps it
    title: str
    description: str
    answer: str  # the answer search engines are given (its FAQPage JSON-LD), "" if none
    blocks: list[str]  # its visible text, one entry per paragraph, heading, list item…
    learn_more: list[tuple[str, str]]  # (text, address) of each learn-more link
    provenance: str | None  # "nato", "adapted" or None
    behind: str | None  # the notice saying this translation is behind its French page, if it is
    notice: str | None = None  # the notice the page shows (on "all questions": the questions behind)
    searchable: bool = True


@dataclass
class SiteView:
    pages: dict[str, PageView] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # old address -> new address
    withdrawn: dict[str, str] = field(default_factory=dict)  # a withdrawn question's address -> its notice
    language_names: dict[str, str] = field(default_factory=dict)


def words(text: str) -> list[str]:
    return text.split()


def site_path(url: str, site_url: str = SITE_URL) -> str:
    """An absolute address of the site as a path relative to its root: `en/faq/x/`."""
    return url.removeprefix(site_url).split("#", 1)[0]


def inside_theme_parts(page: RenderedPage) -> set[int]:
    """The elements of the theme's parts of the article (edit button, date, label), and all they hold."""
    skipped: set[int] = set()
    for element in page.elements:
        if element.index not in skipped and element.classes & THEME_PARTS:
            skipped.add(element.index)
            skipped.update(index for kind, index in page.within(element) if kind == START)
    return skipped


def text_blocks(page: RenderedPage, skipped: set[int], path: str = "") -> list[str]:
    """What readers read of an article, one entry per block, in reading order, from the page's one
    parse: its text, and what a reader sees besides the words: an image and its description, a
    tooltip (`title`, an `<abbr>`'s expansion), and words struck out, in small print, quoted, raised
    or lowered, highlighted (readers/provenance_reading.py)."""
    blocks: list[str] = []
    run: list[str] = []

    def close() -> None:
        text = " ".join(words("".join(run)))
        if text:
            blocks.append(text)
        run.clear()

    for kind, index in page.events:
        if kind == COMMENT:
            continue
        if kind == TEXT:
            text = page.texts_[index]
            if not text.inside & NOT_TEXT and text.parent not in skipped:
                run.append(text.text)
            continue
        element = page.elements[index]
        if element.index in skipped or element.inside & NOT_TEXT:
            continue
        if element.tag in BLOCKS:
            close()
            continue
        what = changes_reading(page, element)
        if element.tag == "img":
            if kind == START:
                alt, src = element.attributes.get("alt") or "", element.attributes.get("src") or ""
                # From the site's root: the same image reads the same on every page that shows it.
                if src and not re.match(r"[A-Za-z][\w+.-]*:|/", src):
                    src = posixpath.normpath(posixpath.join(path, src))
                run.append(f" [image “{alt}”: {src}] ")
        elif what is not None and element.tag == "br":  # empty: one mark where it is
            run.append(f" [{what}] " if kind == START else "")
        elif what is not None:
            run.append(f" [{what}: " if kind == START else "] ")
        title = element.attributes.get("title")
        if title and title.strip() and kind != START:
            run.append(f" [tooltip: {title}] ")
    close()
    return blocks


def _first(nodes: list[LexborNode], tag: str, **attributes: str) -> LexborNode | None:
    return next(
        (
            node
            for node in nodes
            if node.tag == tag
            and all(node.attributes.get(k.replace("_", "-")) == v for k, v in attributes.items())
        ),
        None,
    )


def json_ld_answer(nodes: list[LexborNode]) -> str:
    """The answer a question's FAQPage JSON-LD gives search engines, as one text."""
    for node in nodes:
        if node.tag == "script" and node.attributes.get("type") == "application/ld+json":
            try:
                data = json.loads(node.text(deep=True) or "")
                return " ".join(words(data["mainEntity"][0]["acceptedAnswer"]["text"]))
            except (ValueError, KeyError, IndexError, TypeError):
                return "(unreadable structured data)"
    return ""


@dataclass(frozen=True)
class WithdrawnNotice:
    path: str
    text: str  # all it says, as readers read it


def read_page(
    root: Path, file: Path, names: dict[str, str], site_url: str = SITE_URL
) -> PageView | tuple[str, str] | WithdrawnNotice | None:
    """A page, or (old address, new address) for a redirect page: the page as published, parsed once,
    and its article read as the build reads a page (checks/rendered.py)."""
    path = file.parent.relative_to(root).as_posix()
    path = "" if path == "." else f"{path}/"
    published = PublishedPage(file.read_text(encoding="utf-8"))
    nodes = published.elements
    refresh = _first(nodes, "meta", http_equiv="refresh")
    canonical = _first(nodes, "link", rel="canonical")
    if refresh is not None:
        return path, site_path(canonical.attributes.get("href") or "", site_url) if canonical else ""
    if _first(nodes, "article") is None:
        # A withdrawn question's old address (readers/redirects.py, `withdrawn`): a notice, not a page.
        if _first(nodes, "meta", name="robots", content="noindex") and (body := _first(nodes, "body")):
            return WithdrawnNotice(path, " ".join(words(body.text(deep=True))))
        return None
    html_node = _first(nodes, "html")
    language = (html_node.attributes.get("lang") if html_node else "") or ""
    for node in nodes:
        classes = (node.attributes.get("class") or "").split()
        if node.tag == "a" and "md-select__link" in classes and node.attributes.get("hreflang"):
            names.setdefault(node.attributes["hreflang"] or "", " ".join(words(node.text(deep=True))))
    default = _first(nodes, "link", rel="alternate", hreflang="x-default")
    key = site_path(default.attributes.get("href") or "", site_url) if default else path
    description = _first(nodes, "meta", name="description")
    title = _first(nodes, "title")
    label = next((node for node in nodes if "data-faq-provenance" in node.attributes), None)
    page = RenderedPage(published.content(), language)
    skipped = inside_theme_parts(page)
    edit = next(
        (e for e in page.elements if "md-content__button" in e.classes and e.attributes.get("href")), None
    )
    source = re.sub(r"^.*?/(docs/)", r"\1", edit.attributes["href"] or "") if edit else f"/{path}"
    h1 = next((e for e in page.elements if e.tag == "h1" and e.index not in skipped), None)
    learn_more = [
        (" ".join(words(link.text)), link.href)
        for link in page.outline.links
        if link.section == "learn-more" and link.in_list_item
    ]
    behind = notice = None
    # The notice of a translation behind its French text: the template's (overrides/partials/
    # translation-notice.html, marked `data-faq-behind` with the French pages it names, which no
    # page's Markdown can write), with all it says as readers read it: its title, and each French
    # change it names. The page is behind if it names the page's own French version; on "all
    # questions", it names the questions behind, which are.
    for element in (e for e in page.elements if e.attributes.get("data-faq-behind") is not None):
        notice = " ".join(words(page.text_of(element)))
        named = {
            site_path(url, site_url) for url in (element.attributes.get("data-faq-behind") or "").split()
        }
        if key in named:
            behind = notice
    return PageView(
        path=path,
        language=language,
        key=key,
        source=source,
        heading=" ".join(words(page.text_of(h1, Inside.PERMALINK))) if h1 else "",
        heading_id=h1.attributes.get("id") if h1 else None,
        title=" ".join(words(title.text(deep=True))) if title else "",
        description=" ".join(words(description.attributes.get("content") or "")) if description else "",
        answer=json_ld_answer(nodes),
        blocks=text_blocks(page, skipped, path),
        learn_more=learn_more,
        provenance=label.attributes.get("data-faq-provenance") if label else None,
        behind=behind,
        notice=notice,
    )


def read_site(root: Path, site_url: str = SITE_URL) -> SiteView:
    """Every page of a built site, as readers get it; `site_url`: the address it was built for."""
    site = SiteView()
    for file in sorted(root.rglob("index.html")):
        read = read_page(root, file, site.language_names, site_url)
        if isinstance(read, tuple):
            site.redirects[read[0]] = read[1]
        elif isinstance(read, WithdrawnNotice):
            site.withdrawn[read.path] = read.text
        elif read is not None:
            site.pages[read.path] = read
    searchable: set[str] = set()
    for index in root.rglob("search/search_index.full.json"):
        prefix = index.parent.parent.relative_to(root).as_posix()
        prefix = "" if prefix == "." else f"{prefix}/"
        documents = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
        searchable |= {prefix + document["location"].split("#", 1)[0] for document in documents}
    if searchable:
        for page in site.pages.values():
            page.searchable = page.path in searchable
    return site


# -- the differences ----------------------------------------------------------------------------------


def scripts_of(word: str) -> list[str]:
    """The lookalike alphabets a word's letters are written in, if it mixes them (else [])."""
    found = {
        name.split()[0]
        for character in word
        if character.isalpha() and (name := unicodedata.name(character, "")).startswith(LOOKALIKE_SCRIPTS)
    }
    return sorted(found, key=LOOKALIKE_SCRIPTS.index) if len(found) > 1 else []


def mark_mixed(text: str) -> str:
    """A word mixing alphabets that look alike (a Cyrillic `а` in a French word, or in a link's
    address) marked: it reads the same and is not."""

    def mark(match: re.Match[str]) -> str:
        mixed = scripts_of(match[0])
        if not mixed:
            return match[0]
        return f"{match[0]} **(mixed alphabets: {' and '.join(m.title() for m in mixed)})**"

    return re.sub(r"\S+", mark, text)


def escape(text: str) -> str:
    """Text of the site, shown as itself in Markdown, its mixed-alphabet words marked."""
    return mark_mixed(re.sub(r"([\\`*_\[\]|~#])", r"\\\1", html.escape(text, quote=False)))


def word_runs(before: list[str], after: list[str]) -> list[tuple[list[str], list[str], bool]]:
    """(old words, new words, whether they are the same) runs; changes one or two words apart
    make one change, read more easily than a patchwork of small ones."""
    runs: list[tuple[list[str], list[str], bool]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        runs.append((before[i1:i2], after[j1:j2], tag == "equal"))
    merged: list[tuple[list[str], list[str], bool]] = []
    for index, run in enumerate(runs):
        short_gap = run[2] and len(run[0]) <= JOIN and 0 < index < len(runs) - 1
        if merged and not merged[-1][2] and (not run[2] or short_gap):
            old_words, new_words, _ = merged.pop()
            run = (old_words + run[0], new_words + run[1], False)
        merged.append(run)
    return merged


def word_diff(old: str, new: str) -> str:
    """The new text with what changed marked, and a few words of context around each change."""
    runs = word_runs(words(old), words(new))
    parts: list[str] = []
    for index, (before, after, same) in enumerate(runs):
        if same:
            first, last = index == 0, index == len(runs) - 1
            if len(before) > 2 * CONTEXT or ((first or last) and len(before) > CONTEXT):
                before = [*([] if first else before[:CONTEXT]), "…", *([] if last else before[-CONTEXT:])]
            parts.append(" ".join(escape(word) if word != "…" else word for word in before))
            continue
        if before:
            parts.append(f"<del>{escape(' '.join(before))}</del>")
        if after:
            parts.append(f"<ins>{escape(' '.join(after))}</ins>")
    return " ".join(parts)


@dataclass
class TextChanges:
    lines: list[str]  # one Markdown list item each
    removed: set[str]
    added: set[str]


def text_changes(old: list[str], new: list[str], shown: frozenset[str] = frozenset()) -> TextChanges:
    """The blocks removed, added or changed; those in `shown` (learn-more links) are listed apart."""
    changes = TextChanges([], set(), set())
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        changes.removed.update(old[i1:i2])
        changes.added.update(new[j1:j2])
        removed = [text for text in old[i1:i2] if text not in shown]
        added = [text for text in new[j1:j2] if text not in shown]
        paired = min(len(removed), len(added))
        changes.lines.extend(word_diff(before, after) for before, after in zip(removed, added, strict=False))
        changes.lines.extend(f"<del>{escape(text)}</del>" for text in removed[paired:])
        changes.lines.extend(f"<ins>{escape(text)}</ins>" for text in added[paired:])
    return changes


def code(text: str) -> str:
    """Text in a Markdown code span (where nothing needs escaping, but a backquote cannot show)."""
    return "`" + text.replace("`", "'") + "`"


def quoted(text: str) -> str:
    return f"“{escape(text)}”"


def page_changes(old: PageView, new: PageView) -> list[str]:
    """What changed on a page, but its text: one Markdown list item each."""
    lines = []
    if old.title != new.title:
        lines.append(f"Title in browsers and search results: {word_diff(old.title, new.title)}")
    if old.description != new.description:
        lines.append(f"Description for search engines: {word_diff(old.description, new.description)}")
    if old.answer != new.answer:
        lines.append(f"Answer given to search engines (JSON-LD): {word_diff(old.answer, new.answer)}")
    if old.provenance != new.provenance:
        before, after = (
            LABELS.get(state or "", state or "none") for state in (old.provenance, new.provenance)
        )
        lines.append(f"Label: {before} → **{after}**")
    removed = [link for link in old.learn_more if link not in new.learn_more]
    added = [link for link in new.learn_more if link not in old.learn_more]
    lines.extend(f"Learn-more link removed: {quoted(text)} <{mark_mixed(url)}>" for text, url in removed)
    lines.extend(f"Learn-more link added: {quoted(text)} <{mark_mixed(url)}>" for text, url in added)
    if new.behind and not old.behind:
        lines.append(
            f"Translation now **behind its French page**: readers see the notice {quoted(new.behind)}"
        )
    if old.behind and not new.behind:
        lines.append("Translation **brought up to date**: the notice that it is behind its French page goes")
    if new.notice and new.notice != old.notice and not new.behind:
        lines.append(f"Readers see the notice {quoted(new.notice)}")
    if old.searchable != new.searchable:
        lines.append(
            "Now found by the site's search" if new.searchable else "No longer found by the site's search"
        )
    return lines


def links_changed(old: PageView, new: PageView) -> frozenset[str]:
    """The texts of the learn-more links added or removed: the report lists them as links."""
    return frozenset(text for text, _ in set(old.learn_more) ^ set(new.learn_more))


@dataclass
class Section:
    """What changes on one page, in each of its languages."""

    heading: str
    languages: dict[str, list[str]] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)  # each language's address and file
    repeats: bool = True  # its text changes, if any, are those of other pages: shown after them


def language_order(site: SiteView) -> list[str]:
    home = site.pages.get("")
    default = home.language if home else ""
    return sorted({page.language for page in site.pages.values()}, key=lambda code: (code != default, code))


def compare(base: SiteView, change: SiteView) -> tuple[list[str], list[Section], list[str]]:
    """(pages added, removed and renamed; what changes on each page; pages that only repeat those changes)."""
    renamed = {
        old: change.redirects[old]
        for old in base.pages
        if old not in change.pages and change.redirects.get(old) in change.pages
    }
    # A page renamed without a redirect (no `renamed_from`): the same title id, in the same language.
    by_id = {
        (page.language, page.heading_id): path
        for path, page in change.pages.items()
        if page.heading_id and path not in base.pages and path not in renamed.values()
    }
    unredirected = {
        old: by_id[(page.language, page.heading_id)]
        for old, page in base.pages.items()
        if old not in change.pages and old not in renamed and (page.language, page.heading_id) in by_id
    }
    added = [
        path
        for path in change.pages
        if path not in base.pages and path not in renamed.values() and path not in unredirected.values()
    ]
    removed = [path for path in base.pages if path not in change.pages and path not in renamed]
    removed = [path for path in removed if path not in unredirected]
    order = {code: index for index, code in enumerate(language_order(change))}

    def place(page: PageView) -> tuple[str, int]:
        """Where a page's line goes: with its other languages, the default one first."""
        return page.key, order.get(page.language, len(order))

    overview: list[tuple[tuple[str, int], str]] = []
    for old, new in renamed.items():
        page = change.pages[new]
        line = f"Renamed: `/{old}` → `/{new}` ({escape(page.heading)}); `/{old}` now redirects to `/{new}`"
        overview.append((place(page), line))
    for old, new in unredirected.items():
        page = change.pages[new]
        line = (
            f"Renamed: `/{old}` → `/{new}` ({escape(page.heading)}), the same title id; `/{old}` now leads "
            "to “page not found” (no `renamed_from`)"
        )
        overview.append((place(page), line))
    for path in added:
        page = change.pages[path]
        overview.append((place(page), f"New page: `/{path}` ({escape(page.heading)}, `{page.source}`)"))
    for path in removed:
        page, target, notice = base.pages[path], change.redirects.get(path), change.withdrawn.get(path)
        if target:
            then = f"it now redirects to `/{target}`"
        elif notice:
            then = f"its address now says that the question was withdrawn: {quoted(notice)}"
        else:
            then = "its address now leads to “page not found”"
        overview.append((place(page), f"Page removed: `/{path}` ({escape(page.heading)}); {then}"))
    for old, new in sorted(change.redirects.items()):
        if base.redirects.get(old) != new and old not in renamed:
            overview.append(((old, 0), f"Redirect written: `/{old}` → `/{new}`"))
    # A withdrawn question's notice at an address that had none, and was no page: shown as readers read it.
    for path in sorted(set(change.withdrawn) - set(base.withdrawn) - set(base.pages)):
        overview.append(((path, 0), f"Notice written: `/{path}` says {quoted(change.withdrawn[path])}"))
    for old in sorted(set(base.redirects) - set(change.redirects) - set(change.pages)):
        overview.append(((old, 0), f"Redirect removed: `/{old}` now leads to “page not found”"))

    # Text seen elsewhere already: new and removed pages, then pages in order of fewest changes.
    known_added = {text for path in added for text in change.pages[path].blocks}
    known_removed = {text for path in removed for text in base.pages[path].blocks}
    pairs = [(base.pages[path], change.pages[path]) for path in change.pages if path in base.pages]
    pairs += [(base.pages[old], change.pages[new]) for old, new in (renamed | unredirected).items()]
    diffs = {new.path: text_changes(old.blocks, new.blocks, links_changed(old, new)) for old, new in pairs}
    sections: dict[str, Section] = {}
    repeats = []
    # A page that repeats others' text (the "all questions" page) has more blocks than each of them.
    by_size = sorted(
        pairs, key=lambda pair: (len(diffs[pair[1].path].lines), len(pair[1].blocks), pair[1].path)
    )
    for old, new in by_size:
        text = diffs[new.path]
        repeated = text.lines and text.added <= known_added and text.removed <= known_removed
        lines = page_changes(old, new)
        if text.lines and not repeated:
            lines = ["Text:", *(f"  - {line}" for line in text.lines), *lines]
        elif repeated and lines:
            lines = ["Text: the same changes as on the pages above", *lines]
        elif repeated:
            repeats.append(f"{escape(new.heading)} (`/{new.path}`)")
        known_added |= text.added
        known_removed |= text.removed
        if lines:
            section = sections.setdefault(new.key, Section(""))
            section.languages[new.language] = lines
            section.where[new.language] = f"{code('/' + new.path)}, {code(new.source)}"
            section.repeats = section.repeats and bool(repeated or not text.lines)
    # A new page, in full: every block readers read, its description and its JSON-LD answer.
    for path in added:
        page = change.pages[path]
        lines = ["Text (new page, in full):", *(f"  - <ins>{escape(text)}</ins>" for text in page.blocks)]
        lines.append(f"Description for search engines: <ins>{escape(page.description)}</ins>")
        if page.answer:
            lines.append(f"Answer given to search engines (JSON-LD): <ins>{escape(page.answer)}</ins>")
        if page.provenance:
            lines.append(f"Label: **{LABELS.get(page.provenance, page.provenance)}**")
        section = sections.setdefault(page.key, Section(""))
        section.languages[page.language] = lines
        section.where[page.language] = f"{code('/' + page.path)}, {code(page.source)}"
        section.repeats = False
    for key, section in sections.items():
        page = change.pages.get(key) or next(p for p in change.pages.values() if p.key == key)
        section.heading = escape(page.heading)
    for section in sections.values():
        section.languages = dict(sorted(section.languages.items(), key=lambda item: order.get(item[0], 99)))
    return (
        [line for _, line in sorted(overview)],
        [sections[key] for key in sorted(sections, key=lambda k: (sections[k].repeats, k))],
        repeats,
    )


# -- the report ---------------------------------------------------------------------------------------


def marked_section(marked: list[NotNeeded]) -> list[str]:
    """The French changes marked as needing no translation, each with what it changes for readers."""
    if not marked:
        return []
    out = [
        "",
        "### French changes marked “Translation: not needed”",
        "",
        "Their commits say that they need no translation, so no English page shows a notice for them: "
        "check that each changes nothing the English should say.",
    ]
    for item in marked:
        changes = text_changes(item.before.split("\n"), item.after.split("\n")).lines
        out += ["", f"- `docs/{item.src_uri}`, commit {code(item.sha[:12])} ({item.day.isoformat()}):"]
        out += [f"  - {line}" for line in changes] or ["  - (nothing readers see)"]
    return out


def how_built(changed: list[str], project: Path = Path()) -> list[str]:
    """The files of the change that decide how the site is built (HOW_BUILT), at the repository's root
    or in the project built (`--project`)."""
    prefix = "" if project == Path() else f"{project.as_posix().rstrip('/')}/"
    return [
        path
        for path in changed
        if HOW_BUILT.fullmatch(path) or HOW_BUILT.fullmatch(path.removeprefix(prefix))
    ]


def built_section(files: list[str], record_lines: list[str]) -> list[str]:
    """The report's first section: the files that change how the site is built, each named."""
    out = [
        "## Changes to how the site is built",
        "",
        "This change touches files that decide how the site is built, not what it says: configuration, "
        "templates, code, scripts, NATO's record, workflows or dependencies. Review them as code (their "
        "owner is asked to: .github/CODEOWNERS); what readers will see follows below.",
        "",
        *(f"- {code(path)}" for path in files),
    ]
    if record_lines:
        out += ["", "**NATO's record changes** (record/CHANGES says why):", ""]
        out += [f"- {escape(line)}" for line in record_lines]
    return [*out, ""]


def report(
    base_ref: str,
    base_sha: str,
    base: SiteView,
    change: SiteView,
    uncommitted: bool,
    marked: list[NotNeeded] | None = None,
    built: list[str] = (),
    record_lines: list[str] = (),
) -> str:
    overview, sections, repeats = compare(base, change)
    against = f"{code(base_ref)} ({code(base_sha[:12])})" if base_ref != base_sha else code(base_sha[:12])
    first = built_section(list(built), list(record_lines)) if built else []
    if not (overview or sections or marked):
        return "\n".join([*first, f"**Nothing changed for readers** compared with {against}.", ""])
    out = [
        *first,
        "## What readers will see change",
        "",
        f"Compared with {against}: the text readers read (<del>removed</del>, <ins>added</ins>), "
        "page by page, in each language.",
    ]
    if uncommitted:
        out.append("The working tree's uncommitted changes count as one commit made today.")
    if overview:
        out += ["", "### Pages", "", *(f"- {line}" for line in overview)]
    for section in sections:
        out += ["", f"### {section.heading}"]
        for language, lines in section.languages.items():
            out += ["", f"**{change.language_names.get(language, language)}**: {section.where[language]}", ""]
            out += [line if line.startswith("  ") else f"- {line}" for line in lines]
    if repeats:
        out += ["", f"The same text changes also show on: {', '.join(repeats)}."]
    out += marked_section(marked or [])
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", metavar="BASE", help="the git ref to compare with, e.g. main or HEAD~1")
    parser.add_argument("--repository", type=Path, default=PROJECT, help="the project's git checkout")
    parser.add_argument(
        "--project",
        type=Path,
        default=Path(),
        help="the folder of the mkdocs.yml to build, relative to the repository (default: its root)",
    )
    parser.add_argument(
        "--change-site",
        type=Path,
        help="the change's site, built already (CI: the pull request's build, so that none of its code runs "
        "here); without it, the working tree is built",
    )
    arguments = parser.parse_args()
    repository = arguments.repository.resolve()
    try:
        base_sha = git(["rev-parse", "--verify", "--quiet", f"{arguments.base}^{{commit}}"], repository)
    except Failure:
        print(
            f"{arguments.base} is not a commit of {repository}: give a branch, tag or commit.",
            file=sys.stderr,
        )
        return 2
    try:
        after, uncommitted = working_tree_commit(repository)
        changed = git(["diff", "--name-only", "--no-renames", base_sha, after], repository).splitlines()
        built = how_built(changed, arguments.project)
        with tempfile.TemporaryDirectory(prefix="faq-review-") as folder:
            if arguments.change_site is not None:
                base_build = build_base(repository, base_sha, Path(folder), arguments.project)
                change_build = Build(True, "", arguments.change_site.resolve())
                marked = marked_changes(repository / arguments.project, base_sha)
            else:
                base_build, change_build, marked = build_both(
                    repository, base_sha, after, Path(folder), arguments.project
                )
            record_lines = record_changes(repository, base_sha, after, changed)
            first = "\n".join(built_section(built, record_lines)) + "\n" if built else ""
            if not change_build.ok:
                print(
                    f"{first}## What readers will see change\n\nThis change does not build, so there is "
                    "nothing to show yet. Fix what the build says:\n\n```text\n"
                    f"{problems(change_build.output)}\n```"
                )
                return 1
            if not base_build.ok:
                print(
                    f"{first}## What readers will see change\n\n"
                    f"{code(arguments.base)} ({code(base_sha[:12])}) does not build, so there is nothing to "
                    "compare this change with. Its build said:\n\n"
                    f"```text\n{problems(base_build.output)}\n```"
                )
                return 0
            print(
                report(
                    arguments.base,
                    base_sha,
                    read_site(base_build.root),
                    read_site(change_build.root),
                    uncommitted,
                    marked,
                    built,
                    record_lines,
                ),
                end="",
            )
    except Failure as failure:
        print(failure, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

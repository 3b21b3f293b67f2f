"""Strict builds of a site, served as GitHub Pages serves it, and the readers of what they publish.

A site is built with `mkdocs build --strict` into `<tmp>/www/faq-otan-ukraine/` and
served from `<tmp>/www` on a free local port, so it lives under a sub-path exactly like
`https://<owner>.github.io/faq-otan-ukraine/`. `SITE_URL` is that local address:
canonical, hreflang and sitemap URLs all point to the test server, and nothing is
ever fetched from another host.

The plugin is tested on the tests' own FAQ site (tests/fixture/, tests/fixture_site.py):
`fixture_site` is one strict build of a copy of it per test session (per xdist worker), in a
git repository with fixed dates, and `fixture_server` serves it; `project_copy` is a copy of
it for a test to edit and build.

`site` and `server` are the real site, built from docs/: only the published-site
invariants use them (`pytest.mark.published_site`: what holds for any content that
builds). `published` and `published_server` give those invariants every site they must
hold for: the real one, and the tests' own fixture FAQ (proof that they assume nothing
about the content). A test of another module that asks for them fails
(`pytest_runtest_setup`, and tests/test_fixture_only.py reads every module for it).
"""

from __future__ import annotations

import atexit
import contextlib
import gzip
import json
import os
import re
import select
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, cached_property, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from docs_guard import BUILD_EVENT, DocsGuard
from fixture_site import FIXTURE, PROJECT, copy_fixture
from playwright.sync_api import Browser, sync_playwright
from playwright.sync_api import Page as Tab  # a browser's; `Page` here is a built page
from selectolax.lexbor import LexborHTMLParser

from faq_site.checks.rendered import PublishedPage, RenderedPage

from browsing import CHROMIUM, as_new, chromium_executable, launch, one_tab

__all__ = ["FIXTURE", "PROJECT"]  # for the modules that import them from here
SUB_PATH = "faq-otan-ukraine"
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
# A question page's address, from its language's root: one page of docs/faq/ but its index.
QUESTION_ADDRESS = re.compile(r"faq/[^/]+/")
# The marker of the modules that may build and read the real project (its docs/ as editors left it),
# and the fixtures that give it.
PUBLISHED_SITE = "published_site"
REAL_SITE_FIXTURES = frozenset({"site", "server", "published", "published_server"})


def normalise(text: str) -> str:
    """Text with its whitespace (non-breaking included) folded and its apostrophes made typographic."""
    return " ".join(text.replace("'", "’").split())


def counterpart(url_path: str) -> str:
    """The address of a page in the other language: `faq/x/` <-> `en/faq/x/`."""
    return url_path.removeprefix("en/") if url_path.startswith("en/") else f"en/{url_path}"


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str


class Builder:
    """This test process's builder: one process (tests/batch_build.py --serve) that makes every
    build the process's tests ask for, one after the other, as `mkdocs build --strict` makes it.
    Starting Python and importing MkDocs, Material and static-i18n, about a second of CPU, is paid
    once a test process rather than once a build."""

    TIMEOUT = 900  # seconds: a hang fails its test rather than the run

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def build(self, project: Path, site_dir: Path, env: dict[str, str]) -> BuildResult:
        sys.audit(BUILD_EVENT, str(project))  # tests/docs_guard.py: the real project built is seen
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("batch_build.py")), "--serve"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        asked = {"project": str(project), "site_dir": str(site_dir), "env": env}
        self.process.stdin.write(json.dumps(asked) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], self.TIMEOUT)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.close()
            raise AssertionError(f"the build of {project} stopped or hung: no result in {self.TIMEOUT} s")
        return BuildResult(**json.loads(line))

    def close(self) -> None:
        if self.process is not None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None


@cache
def builder() -> Builder:
    """The test process's one Builder, started at its first build, stopped when the process ends."""
    made = Builder()
    atexit.register(made.close)
    return made


def build(project: Path, site_dir: Path, site_url: str, **env_vars: str) -> BuildResult:
    """`mkdocs build --strict` of a project directory, as the command makes it, by the test
    process's builder (`builder()`), with these environment variables set for it."""
    return builder().build(project, site_dir, {"SITE_URL": site_url, **env_vars})


def build_with_the_command(project: Path, site_dir: Path, site_url: str, **env_vars: str) -> BuildResult:
    """The `mkdocs build --strict` command itself, in a process of its own, as an editor or CI runs it:
    for the tests of what the command prints and how it ends."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **env_vars}
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return BuildResult(process.returncode, process.stdout + process.stderr)


def build_many(
    projects: list[Path], sites: Path, site_url: str = "http://127.0.0.1:8000/"
) -> dict[Path, BuildResult]:
    """`mkdocs build --strict` of many projects, one after the other, by the test process's builder:
    the other cores run the other test processes."""
    sites.mkdir(parents=True, exist_ok=True)
    return {project: build(project, sites / str(index), site_url) for index, project in enumerate(projects)}


@dataclass(frozen=True)
class Page:
    """One built HTML page."""

    path: Path  # relative to the site root, e.g. en/faq/what-is-nato/index.html
    html: str

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")

    @cached_property
    def tree(self) -> LexborHTMLParser:
        """The page as browsers parse it (WHATWG HTML, Lexbor), as the plugin's checks read it."""
        return LexborHTMLParser(self.html)

    @property
    def url_path(self) -> str:
        """The page's address relative to the site root: `en/faq/what-is-nato/`."""
        parent = self.path.parent.as_posix()
        return "" if parent == "." else f"{parent}/"

    @property
    def language(self) -> str:
        first = self.path.parts[0]
        return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE

    @property
    def h1(self) -> str:
        return self.soup.find("article").find("h1").get_text(" ", strip=True).rstrip("¶").strip()

    @property
    def content(self):
        return self.soup.find("article")

    @cached_property
    def rendered(self) -> RenderedPage:
        """Its article as the plugin reads a rendered page (faq_site.checks.rendered): its answer,
        blocks, links, learn-more links, in its language."""
        return RenderedPage(PublishedPage(self.html).content(), self.language)


@dataclass(frozen=True)
class Site:
    root: Path  # the built site
    url: str  # its SITE_URL, ending with /
    output: str  # what the build printed
    project: Path | None = None  # what it was built from (mkdocs.yml, docs/), when known

    @property
    def docs(self) -> Path:
        return self.project / "docs"

    def page(self, url_path: str) -> Page:
        """A page of the site by its address (the same Page each time: read and parsed once)."""
        path = Path(url_path) / "index.html" if not url_path.endswith(".html") else Path(url_path)
        return self._by_path.get(path) or Page(path, (self.root / path).read_text(encoding="utf-8"))

    @cached_property
    def _by_path(self) -> dict[Path, Page]:
        return {page.path: page for page in self.html_files}

    @cached_property
    def html_files(self) -> list[Page]:
        """Every HTML file the build wrote: pages, the 404 page, moved-page notices."""
        return [
            Page(path.relative_to(self.root), path.read_text(encoding="utf-8"))
            for path in sorted(self.root.rglob("*.html"))
        ]

    @cached_property
    def pages(self) -> list[Page]:
        """Every documentation page of every language (not the 404 page, nor the notices at old
        addresses)."""
        return [page for page in self.html_files if page.path.name == "index.html" and not is_notice(page)]

    @cached_property
    def notices(self) -> list[Page]:
        """The pages the build writes at old addresses: a renamed page's, a withdrawn question's."""
        return [page for page in self.html_files if is_notice(page)]

    @cached_property
    def moved_page_notices(self) -> list[Page]:
        """The pages at a renamed page's old addresses (front matter `renamed_from`)."""
        return [page for page in self.notices if is_moved_page_notice(page)]

    @cached_property
    def withdrawn_notices(self) -> list[Page]:
        """The pages at a withdrawn question's old addresses (`withdrawn`, on the "all questions" page)."""
        return [page for page in self.notices if not is_moved_page_notice(page)]

    def pages_in(self, language: str) -> list[Page]:
        return [page for page in self.pages if page.language == language]

    def question_pages(self, language: str) -> list[Page]:
        """A language's question pages, by their address (`faq/<name>/`: one per file of docs/faq/
        but its index), in the order of those addresses."""
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        return [
            page
            for page in self.pages_in(language)
            if QUESTION_ADDRESS.fullmatch(page.url_path.removeprefix(prefix))
        ]

    def questions(self, language: str) -> list[Page]:
        """The question pages of a language, in the order of the home page's list."""
        home = self.page("" if language == DEFAULT_LANGUAGE else f"{language}/")
        links = home.soup.select("article ol li a")
        base = home.url_path
        return [self.page(f"{base}{link['href']}") for link in links]

    def search_index(self, language: str, settings_only: bool = False) -> dict:
        """A language's search index: whole, as the search worker fetches it on the first search,
        or with its settings only, as every page fetches it."""
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        name = "search_index.json" if settings_only else "search_index.full.json"
        return json.loads((self.root / prefix / "search" / name).read_text())


def is_notice(page: Page) -> bool:
    """A page at an old address (readers/redirects.py, readers/withdrawn.py): `noindex`."""
    return page.tree.css_first('meta[name="robots"][content="noindex"]') is not None


def is_moved_page_notice(page: Page) -> bool:
    """A renamed page's old address: `noindex`, and a refresh to the new one (readers/redirects.py)."""
    return is_notice(page) and page.tree.css_first('meta[http-equiv="refresh"]') is not None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves files like GitHub Pages: text gzip-compressed for browsers that accept it,
    `Cache-Control: max-age=600` on every response, the site's own 404.html for a missing path."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
    protocol_version = "HTTP/1.1"  # connections kept alive, as browsers use them
    # Every path asked for, in order, by any browser: what reached the network,
    # cached files excluded. Tests clear it before they look.
    requested: ClassVar[list[str]] = []

    def log_message(self, format: str, *args) -> None:  # quiet test output
        pass

    def handle(self) -> None:
        # The browser may close a connection it had kept alive.
        with contextlib.suppress(ConnectionResetError, BrokenPipeError):
            super().handle()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        self.requested.append(self.path)
        path = Path(self.translate_path(self.path))
        if self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.suffix in self.COMPRESSED and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / SUB_PATH / "404.html"
        if code == 404 and not_found.exists():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def build_site(project: Path, www: Path) -> Site:
    """`project` built with --strict into `www/<SUB_PATH>`, for a free local port (`serving` serves it
    there); any warning fails the session, with the build's output."""
    root = www / SUB_PATH
    url = f"http://127.0.0.1:{free_port()}/{SUB_PATH}/"
    result = build(project, root, url)
    if result.returncode != 0 or "WARNING" in result.output:
        pytest.fail(f"mkdocs build --strict of {project} failed:\n{result.output}", pytrace=False)
    return Site(root, url, result.output, project)


@contextmanager
def serving(site: Site) -> Iterator[str]:
    """A built site served over HTTP at its own address, under its sub-path; yields that address."""
    handler = partial(PagesHandler, directory=str(site.root.parent))
    httpd = ThreadingHTTPServer(("127.0.0.1", urlsplit(site.url).port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site.url
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real site, built once from docs/ with --strict: for the published-site invariants only."""
    return build_site(PROJECT, tmp_path_factory.mktemp("www"))


@pytest.fixture(scope="session")
def server(site: Site) -> Iterator[str]:
    """The real site served over HTTP under its sub-path; yields its URL."""
    with serving(site) as url:
        yield url


# The sites every published-site invariant must hold for: what docs/ holds today, and the
# tests' own fixture FAQ (tests/fixture/, another shape of content: images, tables,
# quotations, a renamed page...). An invariant that passes on one and fails on the other
# assumes something about the content.
PUBLISHED_SITES = {"docs": ("site", "server"), "fixture": ("fixture_site", "fixture_server")}


@pytest.fixture(
    scope="session",
    params=[
        pytest.param(name, marks=pytest.mark.fixture_faq) if name == "fixture" else name
        for name in PUBLISHED_SITES
    ],
)
def published_content(request: pytest.FixtureRequest) -> str:
    """Which content the invariants are checking: a key of PUBLISHED_SITES (the tests' ids). On
    the fixture FAQ they are marked `fixture_faq`: a pass on an edited copy of docs/ leaves
    them out (`-m "published_site and not fixture_faq"`), the fixture being the same."""
    return request.param


@pytest.fixture(scope="session")
def published(request: pytest.FixtureRequest, published_content: str) -> Site:
    """Each site the published-site invariants hold for (PUBLISHED_SITES), built."""
    site_fixture, _ = PUBLISHED_SITES[published_content]
    return request.getfixturevalue(site_fixture)


@pytest.fixture(scope="session")
def published_server(request: pytest.FixtureRequest, published_content: str, published: Site) -> str:
    """`published`, served over HTTP under its sub-path; its URL."""
    _, server_fixture = PUBLISHED_SITES[published_content]
    return request.getfixturevalue(server_fixture)


# -- the tests' own FAQ site ------------------------------------------------------------------


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The tests' FAQ site (tests/fixture/), built once with --strict, from a copy in a git
    repository with fixed dates (tests/fixture_site.py)."""
    project = copy_fixture(tmp_path_factory.mktemp("fixture"), git=True)
    return build_site(project, tmp_path_factory.mktemp("fixture-www"))


@pytest.fixture(scope="session")
def fixture_server(fixture_site: Site) -> Iterator[str]:
    """The fixture site served over HTTP under its sub-path; yields its URL."""
    with serving(fixture_site) as url:
        yield url


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the fixture for a test that edits or breaks it: the project to build
    (tests/fixture_site.py), without git."""
    return copy_fixture(tmp_path / "copy")


DOCS_GUARD = pytest.StashKey[DocsGuard]()


def pytest_configure(config: pytest.Config) -> None:
    """The guard that fails a test of the plugin reaching the real docs/ (tests/docs_guard.py)."""
    guard = DocsGuard(PROJECT)
    guard.install()
    config.stash[DOCS_GUARD] = guard


@pytest.hookimpl(tryfirst=True)  # before its fixtures are set up: they are the test's too
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Only the published-site invariants may build and read the real site (docs/)."""
    if item.get_closest_marker(PUBLISHED_SITE) is None:
        item.config.stash[DOCS_GUARD].start(item.nodeid)
    asked = REAL_SITE_FIXTURES.intersection(getattr(item, "fixturenames", ()))
    if asked and item.get_closest_marker(PUBLISHED_SITE) is None:
        pytest.fail(
            f"{item.nodeid} asks for {', '.join(sorted(asked))}: only the published-site invariants "
            f"(`pytestmark = pytest.mark.{PUBLISHED_SITE}`) build the real site; test the plugin on "
            "`fixture_site` or `project_copy` (tests/fixture/).",
            pytrace=False,
        )


@pytest.hookimpl(trylast=True)  # after its fixtures are torn down
def pytest_runtest_teardown(item: pytest.Item) -> None:
    reached = item.config.stash[DOCS_GUARD].stop()
    if reached:
        pytest.fail(
            f"{item.nodeid} reached the real docs/ ({'; '.join(reached[:3])}): only the published-site "
            f"invariants (`pytestmark = pytest.mark.{PUBLISHED_SITE}`) read it; test the plugin on "
            "`fixture_site` or `project_copy` (tests/fixture/).",
            pytrace=False,
        )


# -- what a run selected ------------------------------------------------------------------------


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The modules that drive Chromium first, then the others by their number of tests: pytest-xdist
    hands out whole modules in this order (`--dist loadfile --no-loadscope-reorder`, pyproject.toml).
    The browser modules take longest for their few tests; handed out last, as xdist's own order
    (by number of tests) would, one runs on while the other worker has nothing left to do."""
    modules: dict[object, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(getattr(item, "module", None), []).append(item)

    def weight(module_items: list[pytest.Item]) -> tuple[bool, int]:
        drives_chromium = any(item.get_closest_marker("browser") for item in module_items)
        return (not drives_chromium, -len(module_items))

    items[:] = [item for module_items in sorted(modules.values(), key=weight) for item in module_items]


SELECTED = pytest.StashKey[dict[tuple[str, str], list[object]]]()


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Remembers, per module and parameter, the values of the tests this run will run (after `-k`,
    `-m`, `--lf`…): a module's grouped builds make only those (`selected`)."""
    chosen: dict[tuple[str, str], list[object]] = {}
    for item in session.items:
        for name, value in getattr(getattr(item, "callspec", None), "params", {}).items():
            chosen.setdefault((item.module.__name__, name), []).append(value)
    session.config.stash[SELECTED] = chosen


def selected(request: pytest.FixtureRequest, parameter: str) -> list[object]:
    """The values of the module's parameter `parameter` that this run's selected tests take."""
    return request.config.stash.get(SELECTED, {}).get((request.module.__name__, parameter), [])


@pytest.fixture(scope="module")
def module_tab(browser: Browser) -> Iterator[Tab]:
    """A module's one tab on the fixture site (`tab`), in a desktop-sized context of its own."""
    with one_tab(browser) as made:
        yield made


@pytest.fixture
def tab(module_tab: Tab, fixture_server: str) -> Iterator[Tab]:
    """The module's one tab, as new for each test but for its cache (warm, as a returning reader's)
    and its renderer (`browsing.as_new`): each test loads its pages in it."""
    yield module_tab
    as_new(module_tab, fixture_server)


# The browser tests' one Chromium for the session (Playwright runs one per thread).
@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        if chromium_executable(playwright) is None:
            message = (
                f"Chromium not found at {CHROMIUM}. Install it (Debian/Ubuntu: `sudo apt-get install "
                "chromium`; elsewhere `uv run playwright install chromium`)."
            )
            if os.environ.get("CI"):
                pytest.fail(f"browser tests cannot be skipped in CI: {message}", pytrace=False)
            pytest.skip(message)
        browser = launch(playwright)
        yield browser
        browser.close()

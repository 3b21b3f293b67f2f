"""One strict build of the real site per test session, served as GitHub Pages serves it.

The site is built with `mkdocs build --strict` into `<tmp>/www/faq-otan-ukraine/`
and served from `<tmp>/www` on a free local port, so it lives under a sub-path
exactly like `https://<owner>.github.io/faq-otan-ukraine/`. `SITE_URL` is that
local address: canonical, hreflang and sitemap URLs all point to the test
server, and nothing is ever fetched from another host.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, sync_playwright

from browsing import CHROMIUM, chromium_executable, launch

PROJECT = Path(__file__).resolve().parents[1]
SUB_PATH = "faq-otan-ukraine"
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
# What a build needs from the project; bad-input tests copy exactly this.
PROJECT_INPUTS = ("mkdocs.yml", "docs", "overrides", "record", "glossary")


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


def build(project: Path, site_dir: Path, site_url: str, **env_vars: str) -> BuildResult:
    """`mkdocs build --strict` of a project directory, as an editor or CI runs it."""
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
    """`mkdocs build --strict` of many projects, in two processes at most (tests/batch_build.py): faster."""
    sites.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(2, os.cpu_count() or 1, len(projects)))
    processes = []
    for worker in range(workers):
        pairs = [
            str(item)
            for index, project in enumerate(projects)
            if index % workers == worker
            for item in (project, sites / str(index))
        ]
        results_path = sites / f"results-{worker}.json"
        command = [sys.executable, str(Path(__file__).with_name("batch_build.py")), str(results_path), *pairs]
        env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
        processes.append((subprocess.Popen(command, env=env), results_path))
    results = {}
    for process, results_path in processes:
        assert process.wait(timeout=900) == 0, f"{process.args[:2]} failed"
        results.update(json.loads(results_path.read_text(encoding="utf-8")))
    return {project: BuildResult(**results[str(project)]) for project in projects}


@dataclass(frozen=True)
class Page:
    """One built HTML page."""

    path: Path  # relative to the site root, e.g. en/faq/what-is-nato/index.html
    html: str

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")

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


@dataclass(frozen=True)
class Site:
    root: Path  # the built site
    url: str  # its SITE_URL, ending with /
    output: str  # what the build printed

    def page(self, url_path: str) -> Page:
        path = Path(url_path) / "index.html" if not url_path.endswith(".html") else Path(url_path)
        return Page(path, (self.root / path).read_text(encoding="utf-8"))

    @cached_property
    def pages(self) -> list[Page]:
        """Every documentation page of both languages (not the 404 page)."""
        return [
            Page(path.relative_to(self.root), path.read_text(encoding="utf-8"))
            for path in sorted(self.root.rglob("index.html"))
        ]

    def pages_in(self, language: str) -> list[Page]:
        return [page for page in self.pages if page.language == language]

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


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, port: int) -> Site:
    """The real site, built once with --strict; the session fails on any warning."""
    www = tmp_path_factory.mktemp("www")
    root = www / SUB_PATH
    url = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    result = build(PROJECT, root, url)
    if result.returncode != 0 or "WARNING" in result.output:
        pytest.fail(f"mkdocs build --strict failed:\n{result.output}", pytrace=False)
    return Site(root, url, result.output)


@pytest.fixture(scope="session")
def server(site: Site, port: int):
    """The built site served over HTTP under its sub-path; yields its URL."""
    handler = partial(PagesHandler, directory=str(site.root.parent))
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site.url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of what a build reads, for tests that break it on purpose."""
    return copy_project(tmp_path / "project")


def copy_project(copy: Path) -> Path:
    """Copies what a build reads (PROJECT_INPUTS) to a new directory."""
    copy.mkdir(parents=True)
    for name in PROJECT_INPUTS:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    return copy


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

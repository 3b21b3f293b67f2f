"""Headless Chromium through Playwright, shared by the browser tests and scripts/bench.py.

Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH): Playwright cannot
download its own browser on these machines. Where there is none, Playwright's
own Chromium is used if `playwright install chromium` put one in place, as the
GitHub Actions workflows do.
"""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Playwright

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# Without these, Chromium phones home at start-up: requests that would leave
# the machine, and that this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 740}


def chromium_executable(playwright: Playwright) -> Path | None:
    """The Chromium to drive: Debian's (or CHROMIUM_PATH), else Playwright's own, else none."""
    if CHROMIUM.exists():
        return CHROMIUM
    bundled = Path(playwright.chromium.executable_path)
    return bundled if bundled.exists() else None


def launch(playwright: Playwright) -> Browser:
    executable = chromium_executable(playwright)
    if executable is None:
        raise FileNotFoundError(f"no Chromium at {CHROMIUM}, and `playwright install chromium` was not run")
    return playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)


@dataclass
class Load:
    """What one page load asked the network for, and what the console said."""

    responses: list[tuple[int, str]] = field(default_factory=list)  # (status, url)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        page.on("response", lambda response: self.responses.append((response.status, response.url)))
        page.on("requestfailed", lambda request: self.failed.append(f"{request.url} ({request.failure})"))
        page.on(
            "console", lambda message: message.type == "error" and self.console_errors.append(message.text)
        )
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    @property
    def urls(self) -> list[str]:
        return [url for _, url in self.responses] + [failure.split(" ", 1)[0] for failure in self.failed]


def open_page(context: BrowserContext, url: str) -> tuple[Page, Load]:
    """Load a page and wait until the network is idle (search index and worker included)."""
    page = context.new_page()
    load = Load()
    load.watch(page)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(200)  # the search worker's language files start after the index
    page.wait_for_load_state("networkidle")
    return page, load


def file_for(url: str, site_url: str, site_root: Path) -> Path:
    """The built file the site serves at a URL of its own."""
    path = unquote(urlsplit(url).path)
    relative = path.removeprefix(urlsplit(site_url).path)
    target = site_root / relative
    return target / "index.html" if relative == "" or relative.endswith("/") else target


@cache
def gzip_size(path: Path) -> int:
    """Bytes on the wire when served gzip-compressed (level 9, deterministic)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def cold_load(browser: Browser, url: str) -> Load:
    """A page's first load with an empty cache, in a browser context of its own."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        _, load = open_page(context, url)
    finally:
        context.close()
    return load


def first_load_bytes(load: Load, site_url: str, site_root: Path) -> int:
    """Compressed bytes of every file one page load fetched, each counted once."""
    return sum(
        gzip_size(file_for(url, site_url, site_root)) for url in {u for s, u in load.responses if s == 200}
    )

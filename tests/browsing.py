"""Headless Chromium through Playwright, shared by the browser tests and scripts/bench.py.

Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH): Playwright cannot
download its own browser on these machines. Where there is none, Playwright's
own Chromium is used if `playwright install chromium` put one in place, as the
GitHub Actions workflows do.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

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
        page.on("response", self._response)
        page.on("requestfailed", self._failed)
        page.on("console", self._console)
        page.on("pageerror", self._page_error)

    def unwatch(self, page: Page) -> None:
        """Stops collecting: the page goes on to another load."""
        page.remove_listener("response", self._response)
        page.remove_listener("requestfailed", self._failed)
        page.remove_listener("console", self._console)
        page.remove_listener("pageerror", self._page_error)

    def _response(self, response) -> None:
        self.responses.append((response.status, response.url))

    def _failed(self, request) -> None:
        self.failed.append(f"{request.url} ({request.failure})")

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _page_error(self, error) -> None:
        self.console_errors.append(str(error))

    @property
    def urls(self) -> list[str]:
        return [url for _, url in self.responses] + [failure.split(" ", 1)[0] for failure in self.failed]


# Material has started on the page: its bundle ran (after the first paint, overrides/main.html),
# it read the search index's settings, and the search worker answered its set-up: the search
# box then shows Material's invitation to type (its `search.result.placeholder`, from the
# page's own configuration). Every component Material mounts is in place by then. A page
# without Material (a moved-page notice) has started once it has loaded.
STARTED = """() => {
  const config = document.getElementById("__config");
  if (config === null) return document.readyState === "complete";
  const meta = document.querySelector(".md-search-result__meta");
  const invitation = JSON.parse(config.textContent).translations["search.result.placeholder"];
  return document.readyState === "complete" && meta !== null && meta.textContent.trim() === invitation;
}"""


def wait_until_started(page: Page) -> None:
    page.wait_for_function(STARTED, polling=50)


def go(tab: Page, url: str) -> None:
    """`url` loaded in `tab`, a new document in it, once Material has started on it (STARTED)."""
    tab.goto(url)
    wait_until_started(tab)


@contextmanager
def watching(page: Page) -> Iterator[Load]:
    """What `page` asks the network for and what its console says, while the block runs."""
    load = Load()
    load.watch(page)
    try:
        yield load
    finally:
        load.unwatch(page)


def as_new(tab: Page, site: str) -> None:
    """What a test left in a shared tab undone, so that the next test starts in it as in a new tab
    of a new context, but for the cache and the renderer (a new tab starts a renderer process and
    compiles Material again: about a CPU-second): the context's other tabs closed, the tab's size,
    pointer and media back to the context's, and what the site stored (a language chosen, a colour
    scheme, a notice dismissed) and its cookies cleared. What a page showed, its focus and its
    scroll go with it: the next test loads its own. A test that adds an init script to the tab
    removes it after itself (`reader`, tests/test_reader_language.py)."""
    for page in tab.context.pages:
        if page != tab:
            page.close()
    # A file of the site that runs nothing first: the page the test left would answer the changes
    # below (Material stores the palette a change of preference picks), after the storage is cleared.
    tab.goto(urljoin(site, "robots.txt"))
    tab.set_viewport_size(DESKTOP)
    tab.mouse.move(0, 0)  # off whatever the test hovered: a menu would open on the next page
    tab.emulate_media(media="null", color_scheme="light")  # Playwright's defaults
    tab.evaluate("localStorage.clear(); sessionStorage.clear()")
    tab.context.clear_cookies()


def open_page(context: BrowserContext, url: str) -> tuple[Page, Load]:
    """A new tab of `context` with `url` loaded, once Material has started on it (STARTED), and what
    the tab asks for from then on."""
    page = context.new_page()
    load = Load()
    load.watch(page)
    go(page, url)
    return page, load


@contextmanager
def one_tab(browser: Browser, **options) -> Iterator[Page]:
    """A tab of a new context of its own (`options`: Playwright's, for the context), closed with it."""
    context = browser.new_context(**{"viewport": DESKTOP, **options})
    try:
        yield context.new_page()
    finally:
        context.close()


def settled(page: Page) -> None:
    """Started, and then nothing more fetched for 500 ms: what the page fetches is all there."""
    wait_until_started(page)
    page.wait_for_load_state("networkidle")


# Reports each Content-Security-Policy violation to the console, where Load collects it.
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e =>
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample}`))"""


def cold_load(browser: Browser, url: str) -> Load:
    """A page's first load with an empty cache (a new context, its HTTP cache off), once settled."""
    with one_tab(browser) as page:
        page.context.add_init_script(REPORT_CSP_VIOLATIONS)
        session = page.context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        with watching(page) as load:
            page.goto(url, wait_until="commit")
            settled(page)
        return load


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


def first_load_bytes(load: Load, site_url: str, site_root: Path) -> int:
    """Compressed bytes of every file one page load fetched, each counted once."""
    return sum(
        gzip_size(file_for(url, site_url, site_root)) for url in {u for s, u in load.responses if s == 200}
    )


# Accessibility: axe-core, WCAG 2.1 A and AA, in the colour schemes readers may prefer.

# Violations only: axe's other results (every rule passed, and where) are most of its run's time,
# sent from the page to Python for nothing.
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# The reader's preference (`prefers-color-scheme`), and the scheme Material shows for it.
SCHEMES = {"light": "default", "dark": "slate"}
AXE = Axe()


def start_axe(tab: Page, *, injected: bool = False) -> None:
    """axe-core started on the page as it is (its script put in the page first, unless `injected`
    already: 570 KB to send and compile); `axe_results` waits for it (the page runs it meanwhile)."""
    if not injected:
        tab.evaluate(AXE.axe_script)
    tab.evaluate(
        "options => { window.faqAxe = axe.run(document, options)"
        ".then(results => ({violations: results.violations})) }",
        WCAG_21_AA,
    )


def axe_results(tab: Page) -> AxeResults:
    return AxeResults(tab.evaluate("window.faqAxe"))


# Material's palette picks, when a page starts, the first scheme whose media query matches (its
# `watchPalette`): the same choice, made on a page already shown, for a reader preferring `scheme`.
CHOOSE_PALETTE = """() => {
  const inputs = [...document.querySelectorAll("[data-md-component=palette] input")];
  const chosen = inputs.find(input => matchMedia(input.dataset.mdColorMedia).matches);
  if (chosen && !chosen.checked) chosen.click();
}"""


def axe_in_every_scheme(tab: Page) -> dict[str, AxeResults]:
    """axe-core's results on a started page, as a reader preferring each colour scheme sees it
    (SCHEMES): the page is switched in place, as its palette would have started for that reader
    (the DOM is the same, the colours are the scheme's; `data-md-color-scheme` proves the switch),
    then left as it was for the next page (preference and stored palette)."""
    stored = tab.evaluate("Object.entries(localStorage)")
    results = {}
    try:
        for scheme, material_scheme in SCHEMES.items():
            tab.emulate_media(color_scheme=scheme)
            tab.evaluate(CHOOSE_PALETTE)
            try:
                tab.wait_for_function(
                    "scheme => document.body.dataset.mdColorScheme === scheme"
                    " && !document.body.hasAttribute('data-md-color-switching')",
                    arg=material_scheme,
                    polling=50,
                    timeout=5000,
                )
            except PlaywrightTimeoutError:
                shown = f"{tab.url}: the {scheme} scheme ({material_scheme}) never showed"
                raise AssertionError(shown) from None
            start_axe(tab, injected=bool(results))  # the page's one copy of axe-core, for each scheme
            results[scheme] = axe_results(tab)
    finally:  # light: the tests' contexts' own preference (Playwright's default)
        tab.emulate_media(color_scheme="light")
        tab.evaluate(
            "stored => { localStorage.clear();"
            " for (const [key, value] of stored) localStorage.setItem(key, value) }",
            stored,
        )
    return results


# The header on phones: the site's name, and the page's title, as Material shows them (while
# scrolling, it may swap one for the other), each readable in full.
TITLE_FITS = """() => [...document.querySelectorAll('.md-header__topic')]
  .filter(topic => getComputedStyle(topic).opacity !== '0')
  .map(topic => {
    const text = topic.querySelector('.md-ellipsis');
    const box = text.getBoundingClientRect();
    const header = document.querySelector('.md-header__title').getBoundingClientRect();
    return {text: text.textContent.trim(),
            fits: text.scrollWidth <= text.clientWidth && text.scrollHeight <= text.clientHeight
                  && box.top >= header.top && box.bottom <= header.bottom
                  && box.left >= header.left && box.right <= header.right};
  })"""


def visible_titles(page: Page) -> list[dict]:
    page.wait_for_timeout(500)  # Material's title transition
    return page.evaluate(TITLE_FITS)

"""Benchmark the site against a stock Material site built from the same docs/.

    uv run scripts/bench.py [--builds 5] [--runs 3] [--pages "" faq/what-is-nato/ en/faq/]
                            [--throttling simulate|devtools] [--no-lighthouse]
                            [--reports DIR] [--artifacts DIR] [--markdown] [--project DIR]

In one run it builds two sites from this repository's docs/:

- the project: mkdocs.yml, overrides/ and the faq plugin, as published;
- stock: Material and static-i18n with their defaults (a generated mkdocs.yml
  in a temporary folder: no overrides, no project stylesheet or script), plus
  what the docs need to build and to show the same text: `attr_list` and a
  hook that writes the home page's list and the "all questions" page with the
  plugin's own functions (src/faq_site/readers/navigation.py), nothing else.
  Only `font: false` departs from the
  defaults: Google Fonts cannot be reached from here, and would only add to
  the stock site's cost.

Both are served as GitHub Pages serves them (gzip, `Cache-Control: max-age=600`,
tests/conftest.py's PagesHandler) under a sub-path, and the script prints them
side by side with the ratio project / stock:

- every page's first load in headless Chromium with an empty cache: gzip
  kilobytes of every file fetched (as tests/browsing.py counts them) and requests;
- Lighthouse 12.2.3, mobile preset, on a few pages: the medians over `--runs`
  runs of first and largest contentful paint, the performance score, total
  blocking time, cumulative layout shift, and the accessibility,
  best-practices and SEO scores. Runs alternate between the two sites, so that
  both see the same machine load. Lighthouse runs the tests' Chromium
  (tests/browsing.py: Debian's, else Playwright's own) headless, kept off
  the network. `--throttling simulate` (Lighthouse's default) loads the page
  at full speed and estimates a phone's timings from that load (Lantern);
  `--throttling devtools` slows the network and CPU down while the page
  loads and measures it;
- the median of cold `mkdocs build --strict` runs (the project), once with
  every share card in the cache (a build without a change) and once drawing
  every card (a new, empty cache: a clean clone), alternating; and each
  language's search index.

`--project DIR` builds both sites from another checkout of the repository
(an older commit's worktree, to bisect a regression): its mkdocs.yml,
overrides/ and docs/, with this checkout's script and test helpers.

Lighthouse comes from npm, outside the repository: `npm install --prefix
~/.cache/faq-otan-ukraine-bench/lighthouse-12.2.3 lighthouse@12.2.3` (or set
LIGHTHOUSE to its `cli/index.js`). Without it, the script says so and prints the rest.
Timings vary by machine; bytes do not.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import cache, partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from browsing import (  # noqa: E402
    CHROMIUM_ARGS,
    chromium_executable,
    cold_load,
    first_load_bytes,
    gzip_size,
    launch,
)
from conftest import LANGUAGES, SUB_PATH, PagesHandler, Site, build, free_port  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_HOME = Path.home() / ".cache" / "faq-otan-ukraine-bench" / f"lighthouse-{LIGHTHOUSE_VERSION}"
LIGHTHOUSE_CLI = Path(
    os.environ.get("LIGHTHOUSE", LIGHTHOUSE_HOME / "node_modules" / "lighthouse" / "cli" / "index.js")
)
LIGHTHOUSE_INSTALL = f"npm install --prefix {LIGHTHOUSE_HOME} lighthouse@{LIGHTHOUSE_VERSION}"
# Pages Lighthouse measures by default: a home page, a question, the longest page.
LIGHTHOUSE_PAGES = ["", "faq/what-is-nato/", "en/faq/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

STOCK_CONFIG = """\
site_name: FAQ OTAN – Ukraine
site_url: {site_url}
docs_dir: {docs}
theme:
  name: material
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: fr
          name: Français
          default: true
          build: true
        - locale: en
          name: English
          build: true
markdown_extensions:
  - attr_list
hooks:
  - stock_lists.py
"""
# The navigation, the home page's list and the "all questions" page, as the faq
# plugin makes them (and nothing else of it): the stock site shows the same text.
STOCK_HOOK = """\
from faq_site.checks.files import markdown_sources
from faq_site.languages import Languages
from faq_site.readers import navigation


def questions(files, config):
    languages = Languages.of_config(config)
    return languages, navigation.order_questions(markdown_sources(files, languages), languages)[0]


def on_files(files, config):
    languages, ordered = questions(files, config)
    sources = markdown_sources(files, languages)
    config.nav = navigation.navigation(ordered[languages.default], sources)
    return files


def on_page_markdown(markdown, page, config, files):
    languages, ordered = questions(files, config)
    own = ordered[languages.of(page.file.src_uri)]
    return navigation.with_lists(markdown, page, own, languages)
"""


@dataclass
class Built:
    name: str
    root: Path  # the built site, under www/SUB_PATH
    url: str
    loads: list[tuple[str, int, int]] = field(default_factory=list)  # (page, bytes, requests)
    lighthouse: dict[str, list[dict[str, float]]] = field(default_factory=dict)  # page -> runs


def cold_builds(project: Path, runs: int, site_url: str, cards: Path | None = None) -> list[float]:
    """Seconds of each `mkdocs build --strict`, with the share cards' cache `cards` (the
    faq plugin's `cards_cache`, through FAQ_CARDS_CACHE); without one, a new empty cache each
    time: every card drawn."""
    seconds = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as directory:
            cache = cards or Path(directory) / "cards"
            start = time.perf_counter()
            result = build(project, Path(directory) / "site", site_url, FAQ_CARDS_CACHE=str(cache))
            seconds.append(time.perf_counter() - start)
            if result.returncode != 0:
                sys.exit(f"the build failed:\n{result.output}")
    return seconds


def card_builds(project: Path, runs: int, site_url: str) -> tuple[list[float], list[float]]:
    """Builds with every share card in the cache (after one build that fills it), and builds
    drawing every card (an empty cache each time), alternating so that both see the same load."""
    with tempfile.TemporaryDirectory() as directory:
        cache = Path(directory) / "cards"
        cold_builds(project, 1, site_url, cache)  # fills the cache
        cached, drawn = [], []
        for _ in range(runs):
            cached += cold_builds(project, 1, site_url, cache)
            drawn += cold_builds(project, 1, site_url)
    return cached, drawn


def build_stock(project: Path, directory: Path, site_dir: Path, site_url: str) -> None:
    config = directory / "mkdocs.yml"
    config.write_text(STOCK_CONFIG.format(site_url=site_url, docs=project / "docs"), encoding="utf-8")
    (directory / "stock_lists.py").write_text(STOCK_HOOK, encoding="utf-8")
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config), "--site-dir", str(site_dir)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if process.returncode != 0:
        sys.exit(f"the stock build failed:\n{process.stdout}{process.stderr}")


def first_loads(built: Built) -> None:
    """(page, compressed bytes, requests) for every page, each with an empty cache."""
    site = Site(built.root, built.url, "")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for page in site.pages:
            load = cold_load(browser, urljoin(built.url, page.url_path))
            built.loads.append(
                (f"/{page.url_path}", first_load_bytes(load, built.url, built.root), len(load.responses))
            )
        browser.close()


@cache
def chromium() -> Path | None:
    """The Chromium the browser tests drive (Debian's, else Playwright's own, as on
    GitHub's runners): Lighthouse runs it too."""
    with sync_playwright() as playwright:
        return chromium_executable(playwright)


def lighthouse(url: str, report: Path, throttling: str, artifacts: Path | None = None) -> dict[str, float]:
    """One Lighthouse run (mobile preset) of a page: its scores and timings; its trace
    and network log kept in `artifacts` if given, for scripts/lantern.mjs."""
    flags = " ".join([*CHROMIUM_ARGS, "--headless=new", "--no-sandbox", "--disable-dev-shm-usage"])
    process = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE_CLI),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={flags}",
            f"--throttling-method={throttling}",
            "--quiet",
            *([f"-GA={artifacts}"] if artifacts else []),
        ],
        env={**os.environ, "CHROME_PATH": str(chromium())},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if process.returncode != 0 or not report.exists():
        sys.exit(f"Lighthouse failed on {url}:\n{process.stderr[-2000:]}")
    result = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        sys.exit(f"Lighthouse failed on {url}: {result['runtimeError']}")
    scores = {name: result["categories"][name]["score"] * 100 for name in CATEGORIES}
    audits = result["audits"]
    return {
        **scores,
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def lighthouse_runs(
    sites: list[Built],
    pages: list[str],
    runs: int,
    throttling: str,
    reports: Path,
    artifacts: Path | None = None,
) -> None:
    """Every page of every site, `runs` times, the sites alternating."""
    for run in range(runs):
        for path in pages:
            for built in sites:
                name = f"{built.name}-{path.strip('/').replace('/', '-') or 'home'}-{run + 1}"
                report = reports / f"{name}.json"
                kept = artifacts / name if artifacts else None
                built.lighthouse.setdefault(path, []).append(
                    lighthouse(urljoin(built.url, path), report, throttling, kept)
                )
                print(f"  lighthouse {built.name:<7} /{path} run {run + 1}", file=sys.stderr)


def serve(directory: Path, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(PagesHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def ratio(project: float, stock: float) -> str:
    return f"{project / stock:.2f}" if stock else "-"


def print_loads(project: Built, stock: Built, markdown: bool) -> None:
    stock_loads = {page: (size, requests) for page, size, requests in stock.loads}
    header = ["page", "project KB", "req", "stock KB", "req", "KB ratio"]
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
    else:
        print(f"{header[0]:<48} {header[1]:>10} {header[2]:>4} {header[3]:>9} {header[4]:>4} {header[5]:>9}")
    for page, size, requests in project.loads:
        stock_size, stock_requests = stock_loads.get(page, (0, 0))
        cells = [
            f"{size / 1000:.1f}",
            str(requests),
            f"{stock_size / 1000:.1f}",
            str(stock_requests),
            ratio(size, stock_size),
        ]
        if markdown:
            print(f"| `{page}` | " + " | ".join(cells) + " |")
        else:
            print(f"{page:<48} {cells[0]:>10} {cells[1]:>4} {cells[2]:>9} {cells[3]:>4} {cells[4]:>9}")
    for built in (project, stock):
        sizes = [size for _, size, _ in built.loads]
        requests = sorted({r for _, _, r in built.loads})
        print(
            f"{built.name}: first load {min(sizes) / 1000:.1f} to {max(sizes) / 1000:.1f} KB "
            f"(median {statistics.median(sizes) / 1000:.1f}), {', '.join(map(str, requests))} requests"
        )


# The paints first: the site must show its text sooner than the stock site (README, "Performance").
METRICS = [
    ("fcp", "FCP ms", "{:.0f}"),
    ("lcp", "LCP ms", "{:.0f}"),
    ("performance", "perf", "{:.0f}"),
    ("tbt", "TBT ms", "{:.0f}"),
    ("cls", "CLS", "{:.3f}"),
    ("accessibility", "a11y", "{:.0f}"),
    ("best-practices", "BP", "{:.0f}"),
    ("seo", "SEO", "{:.0f}"),
]


def print_lighthouse(project: Built, stock: Built, runs: int, throttling: str, markdown: bool) -> None:
    print(
        f"\nLighthouse {LIGHTHOUSE_VERSION}, mobile, {throttling} throttling, median of {runs} runs: "
        "project / stock (ratio)"
    )
    header = ["page", *(label for _, label, _ in METRICS)]
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("| --- |" + " ---: |" * len(METRICS))
    else:
        print(f"{'page':<22}" + "".join(f"{label:>22}" for _, label, _ in METRICS))
    for path, project_runs in project.lighthouse.items():
        cells = []
        for key, _, number in METRICS:
            mine = statistics.median(run[key] for run in project_runs)
            theirs = statistics.median(run[key] for run in stock.lighthouse[path])
            cells.append(f"{number.format(mine)} / {number.format(theirs)} ({ratio(mine, theirs)})")
        if markdown:
            print(f"| `/{path}` | " + " | ".join(cells) + " |")
        else:
            print(f"{'/' + path:<22}" + "".join(f"{cell:>22}" for cell in cells))
            spread = {
                built.name: " ".join(f"{run['fcp']:.0f}/{run['lcp']:.0f}" for run in built.lighthouse[path])
                for built in (project, stock)
            }
            print(f"{'':<22}FCP/LCP ms of each run: project {spread['project']}; stock {spread['stock']}")


def machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor() or "unknown CPU",
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    executable = chromium()
    version = (
        subprocess.run(
            [str(executable), "--version"], capture_output=True, text=True, timeout=60
        ).stdout.strip()
        if executable
        else ""
    )
    return f"{os.cpu_count()} cores ({cpu}), {version or 'no Chromium'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builds", type=int, default=5, help="cold builds to time (median)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and site (median)")
    parser.add_argument("--pages", nargs="*", default=LIGHTHOUSE_PAGES, help="pages Lighthouse measures")
    parser.add_argument(
        "--throttling",
        choices=("simulate", "devtools"),
        default="simulate",
        help="Lighthouse's throttling method: simulated from an unthrottled load (its default), "
        "or the page slowed down while it loads",
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="bytes, requests and builds only")
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's JSON reports in this folder")
    parser.add_argument(
        "--artifacts",
        type=Path,
        help="keep each Lighthouse run's trace and network log in this folder, one folder per run, "
        "for `node scripts/lantern.mjs FOLDER/*`",
    )
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables for the README")
    parser.add_argument(
        "--project",
        type=Path,
        default=PROJECT,
        help="build both sites from this checkout of the repository (an older commit's worktree, to bisect)",
    )
    args = parser.parse_args()
    project_dir = args.project.resolve()

    use_lighthouse = not args.no_lighthouse and LIGHTHOUSE_CLI.exists() and shutil.which("node")
    if not args.no_lighthouse and not use_lighthouse:
        print(
            f"Lighthouse not found at {LIGHTHOUSE_CLI}: it is left out. To install it "
            f"(Node.js 18 or newer): {LIGHTHOUSE_INSTALL}",
            file=sys.stderr,
        )

    port = free_port()
    url = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    seconds, drawing = card_builds(project_dir, args.builds, url)
    with tempfile.TemporaryDirectory() as directory:
        www = Path(directory) / "www"
        stock_port = free_port()
        project = Built("project", www / SUB_PATH, url)
        stock = Built(
            "stock", Path(directory) / "stock-www" / SUB_PATH, f"http://127.0.0.1:{stock_port}/{SUB_PATH}/"
        )
        result = build(project_dir, project.root, project.url)
        if result.returncode != 0:
            sys.exit(f"the build failed:\n{result.output}")
        build_stock(project_dir, Path(directory), stock.root, stock.url)
        servers = [
            serve(built.root.parent, int(built.url.split(":")[2].split("/")[0])) for built in (project, stock)
        ]
        try:
            for built in (project, stock):
                first_loads(built)
            if use_lighthouse:
                reports = args.reports or Path(directory) / "lighthouse"
                reports.mkdir(parents=True, exist_ok=True)
                lighthouse_runs(
                    [project, stock], args.pages, args.runs, args.throttling, reports, args.artifacts
                )
        finally:
            for server in servers:
                server.shutdown()
                server.server_close()
        indexes = {
            f"{language}, {name}": project.root / ("" if language == "fr" else language) / "search" / name
            for language in LANGUAGES
            for name in ("search_index.json", "search_index.full.json")
        }
        index_sizes = {
            name: (path.stat().st_size, gzip_size(path)) for name, path in indexes.items() if path.exists()
        }

    print(f"machine: {machine()}")
    if project_dir != PROJECT:
        print(f"project: {project_dir}")
    print()
    print_loads(project, stock, args.markdown)
    if use_lighthouse:
        print_lighthouse(project, stock, args.runs, args.throttling, args.markdown)
    print()
    if seconds:
        print(
            f"cold strict build, every share card cached: median {statistics.median(seconds):.2f} s over "
            f"{len(seconds)} runs ({', '.join(f'{s:.2f}' for s in seconds)})"
        )
        print(
            f"cold strict build, every share card drawn: median {statistics.median(drawing):.2f} s "
            f"({', '.join(f'{s:.2f}' for s in drawing)}), "
            f"{statistics.median(drawing) - statistics.median(seconds):+.2f} s for the cards"
        )
    for language, (raw, compressed) in index_sizes.items():
        print(f"search index ({language}): {raw / 1000:.1f} KB, {compressed / 1000:.1f} KB gzip")


if __name__ == "__main__":
    main()

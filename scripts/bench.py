"""Benchmark the site: what each page costs a reader, and what a build costs an editor.

    uv run scripts/bench.py [--builds 5] [--markdown]

Prints, per page, the first load in headless Chromium with an empty cache:
compressed kilobytes (every file fetched, gzip level 9, as tests/browsing.py
counts them) and requests; then, for the whole site, the median wall time of
cold `mkdocs build --strict` runs and each language's search index size.
Needs Chromium (see README). Timings vary by machine; bytes do not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from browsing import cold_load, first_load_bytes, gzip_size, launch  # noqa: E402
from conftest import LANGUAGES, SUB_PATH, PagesHandler, Site, build, free_port  # noqa: E402


def cold_builds(runs: int, site_url: str) -> list[float]:
    seconds = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as directory:
            start = time.perf_counter()
            result = build(PROJECT, Path(directory) / "site", site_url)
            seconds.append(time.perf_counter() - start)
            if result.returncode != 0:
                sys.exit(f"the build failed:\n{result.output}")
    return seconds


def first_loads(site: Site) -> list[tuple[str, int, int]]:
    """(page, compressed bytes, requests) for every page, each with an empty cache."""
    rows = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for page in site.pages:
            load = cold_load(browser, urljoin(site.url, page.url_path))
            rows.append(
                (f"/{page.url_path}", first_load_bytes(load, site.url, site.root), len(load.responses))
            )
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--builds", type=int, default=5, help="cold builds to time (median)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables for the README")
    args = parser.parse_args()

    port = free_port()
    url = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    seconds = cold_builds(args.builds, url)
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory) / SUB_PATH
        result = build(PROJECT, root, url)
        site = Site(root, url, result.output)
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(PagesHandler, directory=directory))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            rows = first_loads(site)
        finally:
            server.shutdown()
        indexes = {
            language: root / ("" if language == "fr" else language) / "search/search_index.json"
            for language in LANGUAGES
        }
        index_sizes = {lang: (path.stat().st_size, gzip_size(path)) for lang, path in indexes.items()}

    bar = "| --- | ---: | ---: |" if args.markdown else ""
    print(
        "| page | first load (KB, gzip) | requests |"
        if args.markdown
        else f"{'page':<58} {'KB':>6} {'requests':>8}"
    )
    if bar:
        print(bar)
    for page, size, requests in rows:
        if args.markdown:
            print(f"| `{page}` | {size / 1000:.1f} | {requests} |")
        else:
            print(f"{page:<58} {size / 1000:6.1f} {requests:8d}")
    sizes = [size for _, size, _ in rows]
    print()
    print(
        f"first load: {min(sizes) / 1000:.1f} to {max(sizes) / 1000:.1f} KB, "
        f"median {statistics.median(sizes) / 1000:.1f} KB"
    )
    print(
        f"cold strict build: median {statistics.median(seconds):.2f} s over {len(seconds)} runs "
        f"({', '.join(f'{s:.2f}' for s in seconds)})"
    )
    for language, (raw, compressed) in index_sizes.items():
        print(f"search index ({language}): {raw / 1000:.1f} KB, {compressed / 1000:.1f} KB gzip")


if __name__ == "__main__":
    main()

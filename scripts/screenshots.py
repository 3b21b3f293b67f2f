"""Screenshots of the home page, one question and the About page, in both languages, both colour
schemes, at desktop and two phone widths, for a reviewer to look at.

Each page is opened by a browser that prefers the other language, so the offer to read it in
that language shows at its top.

    uv run scripts/screenshots.py [OUTPUT_DIR]   (default: ./screenshots, git-ignored)
"""

from __future__ import annotations

import sys
import tempfile
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from browsing import DESKTOP, PHONE, SMALL_PHONE, launch, open_page  # noqa: E402
from conftest import SUB_PATH, PagesHandler, build, free_port  # noqa: E402

PAGES = {
    "home-fr": "",
    "home-en": "en/",
    "question-fr": "faq/why-does-nato-exist/",
    "question-en": "en/faq/why-does-nato-exist/",
    "about-fr": "about/",
    "about-en": "en/about/",
}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE, "phone-360": SMALL_PHONE}
SCHEMES = ("light", "dark")
# The browser's language for each page's language: the other one.
READER_LOCALE = {"fr": "en-GB", "en": "fr-FR"}


def main() -> None:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else PROJECT / "screenshots")
    output.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    with tempfile.TemporaryDirectory() as directory:
        result = build(PROJECT, Path(directory) / SUB_PATH, url)
        if result.returncode != 0:
            sys.exit(result.output)
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(PagesHandler, directory=directory))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for scheme in SCHEMES:
                for width, viewport in VIEWPORTS.items():
                    for name, path in PAGES.items():
                        locale = READER_LOCALE[name.rsplit("-", 1)[1]]
                        context = browser.new_context(viewport=viewport, color_scheme=scheme, locale=locale)
                        page, _ = open_page(context, urljoin(url, path))
                        target = output / f"{name}-{scheme}-{width}.png"
                        page.screenshot(path=target, full_page=width != "desktop")
                        print(target)
                        context.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()

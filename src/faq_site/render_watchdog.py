"""A page that takes too long to render stops the build, naming its file (issue 23, item 6).

Python-Markdown's inline patterns can take quadratic time on a few tens of kilobytes of unclosed
syntax (`[a](` repeated), and a glossary of thousands of abbreviations multiplies every page's
work: CI would run to its time limit with no message. The size and nesting limits
(checks/limits.py) stop what is certainly too big; this stops whatever else is too slow, as it
happens: a timer started when MkDocs is about to render a page's Markdown (the faq plugin's last
`on_page_markdown`) and stopped when the rendered content arrives (its first `on_page_content`).
It raises in the build's main thread, between two steps of Python's regular expressions, which
check for signals as they run. Where no timer can be set (another thread, or Windows, which has no
SIGALRM), the page renders without one.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

from mkdocs.exceptions import PluginError

from faq_site.sources.names import ALL_QUESTIONS

# A page renders in well under a second; a generous margin for slow CI machines.
RENDER_SECONDS = 20


class RenderWatchdog:
    """The timer of the page being rendered: one at a time, on the plugin instance."""

    def __init__(self, seconds: float = RENDER_SECONDS) -> None:
        self.seconds = seconds
        self.page: str | None = None

    @staticmethod
    def available() -> bool:
        return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def start(self, src_uri: str) -> None:
        if not self.available():
            return
        self.page = src_uri
        signal.signal(signal.SIGALRM, self._expired)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def stop(self) -> None:
        if self.page is not None and self.available():
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
        self.page = None

    def _expired(self, signum: int, frame: FrameType | None) -> None:
        page, self.page = self.page, None
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        # The "all questions" page joins every answer, and renders first: the slow text is a question's.
        where = "one of the answers it joins holds" if page == ALL_QUESTIONS else "it may hold"
        raise PluginError(
            f"docs/{page}: this page took more than {self.seconds:g} seconds to render, and was stopped: "
            f"{where} a long run of unclosed Markdown (`[`, `(`, `<`, `*` repeated), or the glossary is very "
            "long. Remove it."
        )

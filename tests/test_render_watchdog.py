"""A page that takes too long to render stops the build, naming its file (src/faq_site/render_watchdog.py)."""

from __future__ import annotations

import time

import pytest
from mkdocs.exceptions import PluginError

from faq_site.render_watchdog import RenderWatchdog

pytestmark = pytest.mark.skipif(not RenderWatchdog.available(), reason="no SIGALRM here")


def test_a_page_too_slow_to_render_is_stopped_with_its_file() -> None:
    watchdog = RenderWatchdog(0.2)
    watchdog.start("faq/slow.md")
    with pytest.raises(PluginError) as stopped:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # pure Python work, as Python-Markdown's
            sum(range(1000))
    watchdog.stop()
    assert str(stopped.value).startswith("docs/faq/slow.md: this page took more than 0.2 seconds to render")


def test_a_page_rendered_in_time_leaves_no_timer() -> None:
    watchdog = RenderWatchdog(0.2)
    watchdog.start("faq/quick.md")
    watchdog.stop()
    time.sleep(0.4)  # no PluginError


def test_the_all_questions_page_points_to_the_answers_it_joins() -> None:
    watchdog = RenderWatchdog(0.1)
    watchdog.start("faq/index.md")
    with pytest.raises(PluginError, match="one of the answers it joins holds"):
        time.sleep(5)
    watchdog.stop()

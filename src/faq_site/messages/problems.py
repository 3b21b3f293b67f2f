"""What an editor must fix: one line each, all at once, sorted by file and line.

The checks add problems to the build's `Problems` (the plugin's state, see
faq_site/state.py). The plugin stops the build with them at the end of the last
language's build, once every page of every language is rendered; or, for a
problem with the files themselves (a name, a place, an encoding), as soon as
the files are collected, since MkDocs could not render them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, where it is and what to do."""

    src_uri: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"docs/{self.src_uri}" + (f":{self.line}" if self.line else "")
        return f"{where}: {self.message}"


@dataclass
class Problems:
    """The problems one build (every language) has found so far."""

    found: list[Problem] = field(default_factory=list)
    blocking: bool = False  # a problem makes rendering the pages pointless or unsafe

    def report(self, problems: list[Problem], *, blocking: bool = False) -> None:
        """Record problems; the build stops once every check has run (or at the files, if blocking)."""
        self.found.extend(problems)
        if problems and blocking:
            self.blocking = True

    def stop_if_any(self) -> None:
        stop_if(self.found)


def stop_if(problems: list[Problem]) -> None:
    """Stop the build with one line per problem, sorted by file and line."""
    if not problems:
        return
    lines = sorted(set(problems), key=lambda p: (p.src_uri == "", p.src_uri, p.line or 0, p.message))
    count = f"{len(lines)} problem{'s' if len(lines) > 1 else ''}"
    body = "\n".join(f"  - {problem}" for problem in lines)
    raise PluginError(f"The FAQ has {count} to fix before it can be built:\n{body}")

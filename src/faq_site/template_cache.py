"""Material's templates compiled once per build, not once per language.

MkDocs gives each build a new Jinja environment, and mkdocs-static-i18n builds
every other language as a build of its own: without a cache, each language
compiles Material's templates and the site's overrides again (about 90
templates, a quarter of a build's time). Jinja's bytecode cache API keeps what
it compiled; it checks each template's source against a checksum before reusing
it, so an edited template is compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Compiled templates in memory, by Jinja's key (the template's name and file)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()

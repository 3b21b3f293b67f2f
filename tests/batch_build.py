"""`mkdocs build --strict` of many project copies in one Python process.

    python tests/batch_build.py --serve

Starting Python and importing MkDocs, Material and static-i18n takes about a
third of a build; the tests build dozens of copies, so they build them here, one
after the other, each with a fresh configuration, as the `mkdocs build` command
does. The process builds for as long as it runs (tests/conftest.py's `Builder`,
one per test process): a build asked for as a line of JSON on its input
(`project`, `site_dir`, `env`: the environment variables of that build), its
result (what it logged, formatted as the command line formats it, and its exit
status) a line of JSON on its output.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
import traceback
from pathlib import Path


class Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {record.getMessage()}"


def build_one(project: Path, site_dir: Path) -> dict:
    from mkdocs import config, exceptions
    from mkdocs.commands import build

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(Formatter())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    os.chdir(project)
    returncode = 0
    try:
        cfg = config.load_config(config_file=str(project / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except exceptions.MkDocsException as error:  # what the command prints, then exit 1
        stream.write(f"{error.format_message() if hasattr(error, 'format_message') else error}\n")
        returncode = 1
    except Exception:  # a traceback: the tests fail on it
        stream.write(traceback.format_exc())
        returncode = 1
    finally:
        logger.removeHandler(handler)
    return {"returncode": returncode, "output": stream.getvalue()}


def serve() -> None:
    """Builds what each line of the input asks for, until the input ends."""
    # What MkDocs or a plugin prints goes to the error stream: the output is the results' own.
    results = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    for line in sys.stdin:
        asked = json.loads(line)
        before = dict(os.environ)
        os.environ.update(asked["env"])
        try:
            result = build_one(Path(asked["project"]), Path(asked["site_dir"]))
        finally:
            os.environ.clear()
            os.environ.update(before)
        results.write(json.dumps(result) + "\n")
        results.flush()


if __name__ == "__main__":
    if sys.argv[1:] != ["--serve"]:
        sys.exit("usage: python tests/batch_build.py --serve")
    serve()

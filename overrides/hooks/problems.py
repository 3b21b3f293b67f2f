"""Stops the build with every problem the checking hooks found, all at once.

translations.py, questions.py and learn_more.py each check the editors' Markdown
when the files are collected (priority 10) and record what is wrong; this hook
runs after them (priority -50, still before static-i18n) and stops the build
with one line per problem, so an editor sees everything to fix in one go.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from faq_docs import PROBLEMS, stop_if


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    PROBLEMS.clear()
    return config


@event_priority(-50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    stop_if(PROBLEMS)
    return files

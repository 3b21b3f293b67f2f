"""Stops the build with every problem the checking hooks found, all at once.

The other hooks record problems in faq_docs.PROBLEMS: translations.py,
questions.py and doc_files.py when the files are collected, page_html.py and
learn_more.py on each rendered page, link_messages.py for MkDocs' own warnings.
static-i18n builds French, then English inside French's post-build; so this
hook empties the list when the default language's build starts, and stops the
build at the end of the last language's build, once every page of both
languages is rendered: one sorted list, each problem once.

A problem with the files themselves (a name, a place, an encoding) stops the
build when the files are collected, since MkDocs could not render them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from faq_docs import DEFAULT_LANGUAGE, PROBLEMS, must_stop_now, start_run, stop_if


def build_order(config: MkDocsConfig) -> list[str]:
    """The languages in the order static-i18n builds them: the default one first."""
    i18n = config.plugins["i18n"]
    default = i18n.default_language
    return [default, *(language for language in i18n.build_languages if language != default)]


@event_priority(-110)  # after static-i18n has set the build's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.theme["language"] == DEFAULT_LANGUAGE:
        start_run()
    return config


@event_priority(-50)  # after the checks of the files (priority 10)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if must_stop_now():
        stop_if(PROBLEMS)
    return files


@event_priority(100)  # before static-i18n's (-100) and MkDocs' own end of the build
def on_post_build(config: MkDocsConfig) -> None:
    if config.theme["language"] == build_order(config)[-1]:
        stop_if(PROBLEMS)

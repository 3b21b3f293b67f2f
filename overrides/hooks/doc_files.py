"""Only pages and the site's assets in docs/, with names an editor cannot get wrong.

Everything in docs/ is published: a stray `brouillon.txt` or a Word lock file
`~$x.docx` would be too. Page files are named in lower-case kebab-case (their
name is their address), French without a language suffix, English with `.en`,
in docs/ or docs/faq/, and saved as UTF-8. A file that breaks one of these
rules stops the build when the files are collected, with what to rename, move
or delete (faq_docs.file_problem); MkDocs could not render it sensibly.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from faq_docs import file_problem, report


@event_priority(10)  # before overrides/hooks/problems.py reports
def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir).resolve()
    problems = [
        problem
        for file in files
        if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(docs_dir)
        if (problem := file_problem(file)) is not None
    ]
    report(problems, blocking=True)
    return files

"""What the site calls things: its folders, pages, ids, markers and classes, and two names derived.

Pure constants and functions of a name; every part of the plugin reads them from here.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

QUESTIONS_DIR = "faq"
HOME = "index.md"
ALL_QUESTIONS = f"{QUESTIONS_DIR}/index.md"  # every answer on one page, generated
LEARN_MORE_ID = "learn-more"
# The class of a remark the site writes beside NATO's text, `*(…)*{.faq-note}` in Markdown:
# readers see it; in the answer its words are read with NATO's, beside a learn-more link they are
# about the link's address (readers/provenance_reading.py).
SITE_NOTE = "faq-note"
# The lines the site fills in at build time: the home page's list, every answer on one page.
MARKERS = {HOME: "<!-- faq:questions -->", ALL_QUESTIONS: "<!-- faq:answers -->"}
ASSETS_DIR = "assets"  # the site's images, styles and scripts: the only files besides pages

KEBAB_CASE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_question(src_uri: str) -> bool:
    """Whether a page, in any language, is a question: in docs/faq/, and not its index."""
    path = PurePosixPath(src_uri)
    return path.parent.as_posix() == QUESTIONS_DIR and path.stem.split(".")[0] != "index"


def kebab_case(text: str) -> str:
    """`Qu'est-ce que l'OTAN` -> `qu-est-ce-que-l-otan`: no accents, capitals or spaces."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "page"

"""Quiz texts as HTML: every text is escaped; only **bold**, *italic* and paragraph breaks become
markup, so a ``<script>`` in a quiz file is shown, never run."""

from __future__ import annotations

import re
from html import escape

from .emphasis import italic

BOLD = re.compile(r"\*\*(.+?)\*\*")


PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def inline(text: str) -> str:
    """Escape, then allow **bold** and *italic*; line breaks inside a paragraph stay spaces."""
    html = escape(text.strip(), quote=True)
    if "*" not in html:  # most texts: spare the two substitutions (every page of quizzes runs this)
        return html
    html = BOLD.sub(r"<strong>\1</strong>", html)
    return italic(html)  # linear in the text (emphasis.py)


def block(text: str) -> str:
    paragraphs = [p for p in PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    return "".join(f"<p>{inline(p)}</p>" for p in paragraphs)


def dom_id(ref: str) -> str:
    return "q-" + ref.replace(".", "-")

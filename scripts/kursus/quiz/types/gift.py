"""Moodle GIFT, the pieces a question type needs: escaping and one question's answer block.

GIFT (https://docs.moodle.org/en/GIFT_format) gives ``~ = # { } :`` a meaning, so in every text they are
written with a backslash (and a backslash as two); a blank line ends a question, so line breaks are
written as the escape ``\\n``. Texts are exported as ``[markdown]``, the subset quiz files use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..items import Text

SPECIAL = "~=#{}:"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"[ \t\r\n]+")


def gift_text(text: str) -> str:
    """One line of GIFT text: specials and backslashes escaped, inner line breaks made spaces."""
    out = text.replace("\\", "\\\\")
    for ch in SPECIAL:
        out = out.replace(ch, "\\" + ch)
    return _SPACE.sub(" ", out).strip()


def gift_block(text: str) -> str:
    """Paragraphs kept as ``\\n\\n`` escapes (a real blank line would end the question)."""
    paragraphs = [gift_text(p) for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    return "\\n\\n".join(paragraphs)


def weight(share: float) -> str:
    """A GIFT weight: 100/3 -> '33.33333' (Moodle's own precision), 50.0 -> '50'."""
    return f"{share:.5f}".rstrip("0").rstrip(".")


def labelled(label: str, escaped: str) -> str:
    """'Label: text' with the colon escaped; ``escaped`` is GIFT text already."""
    return f"{gift_text(label)}\\: {escaped}"


@dataclass
class GiftAnswer:
    """What a type puts between the braces, what it adds to the general feedback, and how it was
    degraded (``None``: exported as it is)."""

    body: str
    general: list[str] = field(default_factory=list)
    degraded: str | None = None


Texts = Callable[[Text], str]  # a text in the export's language (with the course's fallback)

"""Quiz markers in Markdown pages: ``<!-- kuis: m01.q03 -->`` and ``<!-- kunci: m01 -->``."""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(r"<!--\s*(kuis|kunci)\s*:\s*([^\s>]*)\s*-->")
INLINE_CODE = re.compile(r"(`+).+?\1")


@dataclass(frozen=True)
class Marker:
    kind: str  # "kuis" (interactive) or "kunci" (answer key)
    ref: str  # module, group or question id
    line: int


def find_markers(markdown: str) -> list[Marker]:
    """Every marker with its line in the Markdown source (never in rendered HTML)."""
    found: list[Marker] = []
    in_fence = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        # A marker shown as an example in inline code is not placed (Markdown escapes it too).
        found.extend(Marker(m.group(1), m.group(2), number) for m in MARKER.finditer(INLINE_CODE.sub("", line)))
    return found

"""Abbreviations shown on hover: ``includes/singkatan.<language>.md`` holds ``*[TPT]: Tingkat …`` lines.

They reach Python-Markdown's abbr extension as its ``glossary`` setting, one language per build pass,
instead of being appended to every page (twice as cheap, and pages stay as their authors wrote them).
"""

from __future__ import annotations

import re
from pathlib import Path

_DEFINITION = re.compile(r"^\*\[(.+?)\]:[ \t]*(.*?)\s*$", re.MULTILINE)


def parse(text: str) -> dict[str, str]:
    return {abbr: title for abbr, title in _DEFINITION.findall(text)}


def load(root: Path, pattern: str, language: str) -> dict[str, str]:
    """The definitions for ``language`` (empty when the file does not exist)."""
    path = root / pattern.format(language=language)
    return parse(path.read_text(encoding="utf-8")) if path.is_file() else {}

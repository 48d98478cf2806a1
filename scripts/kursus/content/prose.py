"""What the content checks read of a page: prose lines (no front matter, no code examples) with inline
markup that no reader sees blanked out, and the table rows of such lines."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..translations.structure import prose_lines

# Inline code, comments, link targets, HTML tags and attribute lists ({#anchor}, {.class}).
HIDDEN_MARKUP = re.compile(r"`[^`]*`|<!--.*?-->|\]\([^)]*\)|<[^>]+>|\{[#.:][^}]*\}")
TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def reader_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(line number, prose line as a reader sees it)."""
    for number, line in prose_lines(markdown):
        yield number, HIDDEN_MARKUP.sub(" ", line)

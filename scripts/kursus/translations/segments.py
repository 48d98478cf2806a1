"""A page cut into translatable segments: paragraphs, list items, headings, table cells, titles.

Line-based on purpose: everything that is structure stays outside a segment and is never shown to a
translator, so a translation tool cannot break it: a line's indentation, ``- ``/``1. ``/``> ``/``## ``
prefixes, ``| `` table borders, trailing attribute lists (``{#anchor}``), front matter, fenced code,
HTML lines and comments (the quiz markers). A page is then its skeleton plus the segments' texts, and
putting translated texts into the skeleton changes nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6}[ \t]+)(.*?)([ \t]+#+)?$")
ITEM = re.compile(r"^([-*+]|\d{1,9}[.)])([ \t]+)(\[[ xX]\][ \t]+)?(?=\S)")
FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:[ \t]+(?=\S)")
DEFINITION = re.compile(r"^:[ \t]+(?=\S)")
QUOTE = re.compile(r"^(>[ \t]?)+")
ADMONITION = re.compile(r'^((?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*[ \t]+")(.*)("[ \t]*)$')
ATTRS = re.compile(r"([ \t]*\{[:#.][^{}]*\}|[ \t]*\{[ \t]+[#.][^{}]*\})[ \t]*$")
STRUCTURE = re.compile(
    r"^(<|\{:|\*\[[^\]]+\]:|\[[^\]^][^\]]*\]:[ \t]+\S|-{3,}[ \t]*$|\*{3,}[ \t]*$|_{3,}[ \t]*$|(!!!|\?\?\?))"
)
TABLE_RULE = re.compile(r"^\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")


@dataclass
class Segment:
    kind: str  # paragraph, item, heading, cell, title
    text: str  # what a translator translates; lines joined with "\n"
    line: int  # first line, 1-based
    key: str  # the structure it sits in (heading level, list marker, cell column): pages align on it


@dataclass
class Piece:
    """One line of the skeleton: ``before`` + a segment's line + ``after``; or a fixed line."""

    before: str = ""
    after: str = ""
    segment: int | None = None  # index into Page.segments, None for a fixed line
    part: int = 0  # which line of the segment's text
    same_line: bool = False  # a table cell after the row's first: continues the line before


@dataclass
class Page:
    pieces: list[Piece] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    newline_at_end: bool = True

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.segments]

    def render(self, texts: list[str] | None = None) -> str:
        """The page again, with ``texts`` (one per segment) in place of the segments' own texts."""
        chosen = texts if texts is not None else [s.text for s in self.segments]
        lines = [
            text.split("\n") if self.segments[n].kind in ("paragraph", "item") else [" ".join(text.split("\n"))]
            for n, text in enumerate(chosen)
        ]
        out: list[str] = []
        for piece in self.pieces:
            if piece.segment is None:
                out.append(piece.before)
                continue
            own = lines[piece.segment]
            if piece.part < self._last_part(piece.segment):
                if piece.part < len(own):  # a shorter translation leaves out the lines it lacks
                    out.append(piece.before + own[piece.part] + piece.after)
                continue
            # The segment's last line takes every remaining line of a longer translation.
            if piece.part >= len(own):
                if piece.after.strip():  # an attribute list after the last line stays
                    out[-1] += piece.after
                continue
            rest = own[piece.part :]
            first = piece.before + rest[0] + (piece.after if len(rest) == 1 else "")
            if piece.same_line and out:
                out[-1] += first
            else:
                out.append(first)
            indent = self._continuation(piece)
            out.extend(indent + extra for extra in rest[1:-1])
            if len(rest) > 1:
                out.append(indent + rest[-1] + piece.after)
        return "\n".join(out) + ("\n" if self.newline_at_end else "")

    def _last_part(self, index: int) -> int:
        return max(p.part for p in self.pieces if p.segment == index)

    def _continuation(self, piece: Piece) -> str:
        """The prefix an added line of a segment gets: its continuation lines' own, else spaces."""
        assert piece.segment is not None
        same = [p for p in self.pieces if p.segment == piece.segment and p.part > 0]
        if same:
            return same[-1].before
        kept = QUOTE.match(piece.before.lstrip())
        quote = kept.group(0) if kept else ""
        return (
            " " * (len(piece.before) - len(piece.before.lstrip()))
            + quote
            + (" " * (len(piece.before.lstrip()) - len(quote)) if self.segments[piece.segment].kind == "item" else "")
        )


def _split_attrs(text: str) -> tuple[str, str]:
    found = ATTRS.search(text)
    return (text[: found.start()], text[found.start() :]) if found and found.start() > 0 else (text, "")


def segment(markdown: str) -> Page:
    """Cut a page into its skeleton and segments; ``segment(text).render() == text`` always."""
    page = Page(newline_at_end=markdown.endswith("\n"))
    lines = markdown.split("\n")
    if page.newline_at_end:
        lines.pop()
    fence: str | None = None
    container = False  # inside a list item, note, footnote or HTML block: indented lines are its content
    code = False  # inside an indented code block
    comment = False
    open_segment: int | None = None  # a paragraph or item that the next plain line continues
    index = 0
    if lines and lines[0].strip() == "---":  # front matter
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            page.pieces.extend(Piece(before=line) for line in lines[: end + 1])
            index = end + 1
    while index < len(lines):
        line = lines[index]
        index += 1
        stripped = line.strip()
        if fence is not None or comment:
            page.pieces.append(Piece(before=line))
            if fence is not None and stripped.startswith(fence) and not stripped[len(fence) :].strip():
                fence = None
            elif comment and "-->" in line:
                comment = False
            continue
        opened = FENCE.match(line)
        if opened:
            fence, open_segment = opened.group(1), None
            page.pieces.append(Piece(before=line))
            continue
        if stripped.startswith("<!--"):
            comment = "-->" not in stripped
            open_segment = None
            page.pieces.append(Piece(before=line))
            continue
        indent = line[: len(line) - len(line.lstrip())]
        # Indented code: a line indented 4 after a blank line, outside any list item, note or footnote.
        if stripped and not indent:
            container = bool(ITEM.match(stripped) or FOOTNOTE.match(stripped) or DEFINITION.match(stripped)) or (
                stripped.startswith(("!!!", "???", "<"))
            )
        blank_before = index < 2 or not lines[index - 2].strip()
        if len(indent.expandtabs(4)) >= 4 and not container and (code or (blank_before and open_segment is None)):
            code = True
            page.pieces.append(Piece(before=line))
            continue
        if stripped:
            code = False
        quote_match = QUOTE.match(line[len(indent) :])
        quote = quote_match.group(0) if quote_match else ""
        rest = line[len(indent) + len(quote) :]
        prefix = indent + quote
        if not rest.strip():
            open_segment = None
            page.pieces.append(Piece(before=line))
            continue
        admonition = ADMONITION.match(rest)
        if admonition and admonition.group(2).strip():
            open_segment = None
            _add(page, "title", prefix + admonition.group(1), admonition.group(2), admonition.group(3), "title", index)
            continue
        if STRUCTURE.match(rest) or (TABLE_RULE.match(rest) and "-" in rest):
            open_segment = None
            page.pieces.append(Piece(before=line))
            continue
        heading = HEADING.match(rest)
        if heading:
            open_segment = None
            body, attrs = _split_attrs(heading.group(2))
            level = heading.group(1).count("#")
            if body.strip():
                _add(
                    page,
                    "heading",
                    prefix + heading.group(1),
                    body,
                    attrs + (heading.group(3) or ""),
                    f"h{level}",
                    index,
                )
            else:
                page.pieces.append(Piece(before=line))
            continue
        if rest.startswith("|") or (open_segment is None and _is_table_row(lines, index - 1)):
            open_segment = None
            _add_row(page, prefix, rest, index)
            continue
        marker = ITEM.match(rest) or FOOTNOTE.match(rest) or DEFINITION.match(rest)
        if marker:
            body, attrs = _split_attrs(rest[marker.end() :])
            kind = "item"
            key = "item" + ("1." if rest[0].isdigit() else rest[0]) if ITEM.match(rest) else rest[0]
            open_segment = _add(page, kind, prefix + rest[: marker.end()], body, attrs, key, index)
            continue
        body, attrs = _split_attrs(rest)
        if open_segment is not None and not attrs and page.pieces[-1].segment == open_segment:
            seg = page.segments[open_segment]
            seg.text += "\n" + body
            page.pieces.append(Piece(before=prefix, segment=open_segment, part=seg.text.count("\n")))
            continue
        open_segment = _add(page, "paragraph", prefix, body, attrs, "p", index)
        if attrs:
            open_segment = None
    return page


def _add(page: Page, kind: str, before: str, text: str, after: str, key: str, line: int) -> int:
    page.segments.append(Segment(kind, text, line, key))
    number = len(page.segments) - 1
    page.pieces.append(Piece(before=before, after=after, segment=number))
    return number


def _is_table_row(lines: list[str], index: int) -> bool:
    """A table written without outer pipes: the next line is its rule (| --- | --- |)."""
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return "|" in lines[index] and bool(TABLE_RULE.match(following.strip())) and "|" in following


def _add_row(page: Page, prefix: str, row: str, line: int) -> None:
    """Each cell is a segment; the pipes and the spaces around a cell's text stay in the skeleton.
    A row is one line, so every cell after its first continues that line (``same_line``)."""
    pending = prefix
    cells = 0
    for position, cell in enumerate(re.split(r"(?<!\\)\|", row)):
        if position:
            pending += "|"
        if not cell.strip():
            pending += cell
            continue
        lead, trail = cell[: len(cell) - len(cell.lstrip())], cell[len(cell.rstrip()) :]
        cells += 1
        page.segments.append(Segment("cell", cell.strip(), line, f"cell{cells}"))
        page.pieces.append(Piece(pending + lead, trail, len(page.segments) - 1, same_line=cells > 1))
        pending = ""
    if cells == 0:
        page.pieces.append(Piece(before=prefix + row))
    else:
        page.pieces[-1].after += pending

"""The structure of a page (headings, markers, images, admonitions) and the parity check that
compares a translation with its source page.

Fenced code blocks are skipped and front matter is ignored, so examples in a guide never count.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..problems import Problem, error

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ANCHOR = re.compile(r"\s*\{[^}]*?#([\w.:-]+)[^}]*\}\s*$")
_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")
_MARKER = re.compile(r"<!--\s*(kuis|kunci)\s*:\s*([^\s>]*)\s*-->|<!--\s*(kemajuan|status-terjemahan)\s*-->")
_IMAGE = re.compile(r"!\[[^\]]*\]\s*[(\[]|<img\b", re.IGNORECASE)
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None  # an explicit {#anchor}, the same in every language
    line: int

    @property
    def shown(self) -> str:
        return f"{'#' * self.level} {self.text}"

    @property
    def key(self) -> str:
        return f"{self.level}#{self.anchor}" if self.anchor else f"{self.level}"


@dataclass(frozen=True)
class Item:
    value: str
    line: int


@dataclass
class Outline:
    headings: list[Heading] = field(default_factory=list)
    markers: list[Item] = field(default_factory=list)
    images: list[Item] = field(default_factory=list)
    admonitions: list[Item] = field(default_factory=list)


def prose_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """(line number, line) outside front matter and fenced code blocks."""
    lines = markdown.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        start = end + 1 if end is not None else 0
    fence: str | None = None
    for number in range(start, len(lines)):
        line = lines[number]
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            continue
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not line.strip(" `~"):
                fence = None
            continue
        yield number + 1, line


def outline(markdown: str) -> Outline:
    result = Outline()
    for number, line in prose_lines(markdown):
        heading = _HEADING.match(line)
        if heading:
            text = heading.group(2)
            anchor = _ANCHOR.search(text)
            result.headings.append(
                Heading(len(heading.group(1)), _ATTRS.sub("", text), anchor.group(1) if anchor else None, number)
            )
        for marker in _MARKER.finditer(line):
            value = f"{marker.group(1)}: {marker.group(2)}" if marker.group(1) else str(marker.group(3))
            result.markers.append(Item(value, number))
        result.images.extend(Item(m.group(0), number) for m in _IMAGE.finditer(line))
        admonition = _ADMONITION.match(line)
        if admonition:
            result.admonitions.append(Item(admonition.group(1).lower(), number))
    return result


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def compare(path: str, source_path: str, translation: str, source: str) -> list[Problem]:
    """Problems of ``translation`` (at ``path``) whose structure differs from ``source``."""
    mine, theirs = outline(translation), outline(source)
    problems = _headings(path, source_path, mine.headings, theirs.headings)
    problems += _markers(path, mine.markers, theirs.markers)
    if len(mine.images) != len(theirs.images):
        hint = f"source images at line {', '.join(str(i.line) for i in theirs.images) or '-'} of {source_path}"
        problems.append(
            error(path, 1, "T013", f"{_plural(len(mine.images), 'image')}, source has {len(theirs.images)}", hint)
        )
    if len(mine.admonitions) != len(theirs.admonitions):
        shown = ", ".join(f"{a.value} (line {a.line})" for a in theirs.admonitions) or "none"
        problems.append(
            error(
                path,
                1,
                "T014",
                f"{_plural(len(mine.admonitions), 'admonition')}, source has {len(theirs.admonitions)}",
                f"source: {shown}",
            )
        )
    else:
        for number, (a, b) in enumerate(zip(mine.admonitions, theirs.admonitions, strict=True), start=1):
            if a.value != b.value:
                problems.append(
                    error(
                        path,
                        a.line,
                        "T014",
                        f"admonition {number} is '{a.value}', source has '{b.value}'",
                        f"{source_path}:{b.line}; keep the type, translate only the title",
                    )
                )
    return problems


def _headings(path: str, source_path: str, mine: list[Heading], theirs: list[Heading]) -> list[Problem]:
    if len(mine) != len(theirs):
        return [
            error(
                path,
                1,
                "T010",
                f"{_plural(len(mine), 'heading')}, source has {len(theirs)}",
                _first_difference(source_path, mine, theirs),
            )
        ]
    problems = []
    for number, (a, b) in enumerate(zip(mine, theirs, strict=True), start=1):
        if a.level != b.level:
            problems.append(
                error(
                    path,
                    a.line,
                    "T011",
                    f"heading {number} '{a.shown}' is level {a.level}, source has level {b.level}",
                    f"{source_path}:{b.line} '{b.shown}'",
                )
            )
        elif b.anchor and a.anchor != b.anchor:
            now = f"#{a.anchor}" if a.anchor else "no anchor"
            problems.append(
                error(
                    path,
                    a.line,
                    "T011",
                    f"heading {number} '{a.shown}' has {now}, source has #{b.anchor}",
                    f"end the heading with {{#{b.anchor}}}: links from other pages use it",
                )
            )
    return problems


def _first_difference(source_path: str, mine: list[Heading], theirs: list[Heading]) -> str:
    matcher = difflib.SequenceMatcher(a=[h.key for h in theirs], b=[h.key for h in mine], autojunk=False)
    for tag, i1, _i2, j1, _j2 in matcher.get_opcodes():
        if tag in ("delete", "replace") and i1 < len(theirs):
            h = theirs[i1]
            return f"first difference: '{h.shown}' at {source_path}:{h.line}"
        if tag == "insert" and j1 < len(mine):
            h = mine[j1]
            return f"first difference: '{h.shown}' at line {h.line} is not in the source"
    return ""


def _markers(path: str, mine: list[Item], theirs: list[Item]) -> list[Problem]:
    have, want = Counter(m.value for m in mine), Counter(m.value for m in theirs)
    problems = []
    for value in sorted(want - have):
        where = ", ".join(str(m.line) for m in theirs if m.value == value)
        problems.append(
            error(
                path,
                1,
                "T012",
                f"marker '<!-- {value} -->' is missing ({have[value]} here, source has {want[value]})",
                f"source line {where}; markers stay the same in every language",
            )
        )
    for value, _count in sorted((have - want).items()):
        line = next(m.line for m in mine if m.value == value)
        problems.append(
            error(
                path,
                line,
                "T012",
                f"marker '<!-- {value} -->' is not in the source ({have[value]} here, source has {want[value]})",
                "remove it or add it to the source page first",
            )
        )
    if not problems and [m.value for m in mine] != [m.value for m in theirs]:
        first = next(a for a, b in zip(mine, theirs, strict=True) if a.value != b.value)
        problems.append(
            error(
                path,
                first.line,
                "T012",
                "quiz markers are in a different order than in the source",
                "place each marker where the source places it",
            )
        )
    return problems

"""Facilitator session plans add up: in every facilitator page (``fasilitator/``, every language), a
table whose first column holds time ranges (``0:00-0:10``, with an en dash or a hyphen) is a session
plan, and the nearest heading above it states its total (``## Rencana sesi: 150 menit``,
``### Short version: 120 minutes``).

- F001 the rows do not start at 0:00 or do not follow on from each other;
- F002 the last row ends at another time than the total the heading states;
- F003 the heading above a session plan states no total in minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..problems import Problem, error
from ..translations.structure import prose_lines
from .prose import TABLE_ROW, TABLE_RULE

_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*)$")
_RANGE = re.compile(r"^\s*\**(\d{1,2})[:.](\d{2})\s*[–—-]\s*(\d{1,2})[:.](\d{2})\**\s*$")
_TOTAL = re.compile(r"(\d+)\s*(?:menit|minutes?|min)\b", re.IGNORECASE)


def _minutes(hours: str, minutes: str) -> int:
    return int(hours) * 60 + int(minutes)


def _clock(total: int) -> str:
    return f"{total // 60}:{total % 60:02d}"


def check_session_plans(docs_dir: str, pages: Iterable[tuple[str, str]]) -> list[Problem]:
    problems: list[Problem] = []
    for path, markdown in pages:
        if path.startswith(f"{docs_dir}/") and "/fasilitator/" in path:
            problems += _check_page(path, markdown)
    return problems


def _check_page(path: str, markdown: str) -> list[Problem]:
    problems: list[Problem] = []
    heading: tuple[int, str] | None = None
    table: list[tuple[int, list[str]]] = []

    def close() -> None:
        if table:
            problems.extend(_check_plan(path, heading, table))
            table.clear()

    for number, line in prose_lines(markdown):
        row = TABLE_ROW.match(line)
        if row:
            if not TABLE_RULE.match(line):
                table.append((number, [c.strip() for c in row.group(1).split("|")]))
            continue
        close()
        found = _HEADING.match(line)
        if found:
            heading = (number, found.group(1))
    close()
    return problems


def _check_plan(path: str, heading: tuple[int, str] | None, table: list[tuple[int, list[str]]]) -> list[Problem]:
    rows = [(n, _RANGE.match(cells[0])) for n, cells in table[1:] if cells]
    if not rows or not all(match for _, match in rows):
        return []  # not a session plan: its first column is not all time ranges
    problems: list[Problem] = []
    expected = 0
    for number, match in rows:
        assert match is not None
        start, end = _minutes(match.group(1), match.group(2)), _minutes(match.group(3), match.group(4))
        if start != expected or end <= start:
            wanted = "0:00" if expected == 0 else _clock(expected)
            problems.append(
                error(
                    path,
                    number,
                    "F001",
                    f"this row runs {_clock(start)}–{_clock(end)} but should start at {wanted}",
                    "each row starts where the one before ends, and the first at 0:00",
                )
            )
            return problems
        expected = end
    total = _TOTAL.search(heading[1]) if heading else None
    if heading is None or total is None:
        return [
            error(
                path,
                heading[0] if heading else table[0][0],
                "F003",
                "the heading above this session plan states no total",
                f"write it in minutes, e.g. '## Rencana sesi: {expected} menit' or "
                f"'## Session plan: {expected} minutes'",
            )
        ]
    if int(total.group(1)) != expected:
        problems.append(
            error(
                path,
                heading[0],
                "F002",
                f"the heading says {total.group(1)} minutes but the plan below runs {expected} ({_clock(expected)})",
                "make the rows add up to the stated total, or state the total they add up to",
            )
        )
    return problems

"""Shared pieces of the paper contract (``scoring.paper``) and of result-code digits."""

from __future__ import annotations

import re
from typing import Any, TypeGuard

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # what a typed cell may hold; the paper prints A to J (quiz.labels)
SEPARATORS = re.compile(r"[\s,;/.+>]+")
ORDER_SEPARATORS = re.compile(r"[\s,;/.+>\-–]+")


def indexes(cell: str, count: int, pattern: re.Pattern[str] = SEPARATORS) -> list[int] | None:
    """Letters (separators allowed) -> indexes, or None if any is not one of the first ``count`` letters."""
    found = []
    for ch in pattern.sub("", cell.upper()):
        index = LETTERS.find(ch)
        if index < 0 or index >= count:
            return None
        found.append(index)
    return found


def is_index(x: Any, n: int) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and 0 <= x < n


def valid_list(v: Any, n: int, permutation: bool) -> TypeGuard[list[int]]:
    """A saved answer that is a list of ``n`` indexes below ``n`` (all different if ``permutation``)."""
    if not isinstance(v, list) or len(v) != n:
        return False
    if not all(is_index(x, n) for x in v):
        return False
    return not permutation or sorted(v) == list(range(n))

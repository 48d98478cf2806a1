"""How options, steps and matching items are ordered and lettered wherever a learner meets them: on the
web page, on the paper quiz, and when a trainer types paper answers in for scoring. One place, so the
three can never disagree."""

from __future__ import annotations

import random

from .model import Question

LETTERS = "ABCDEFGHIJ"


def shuffled(seed: str, count: int) -> list[int]:
    """A fixed shuffle per question (same on every build), never the correct order itself."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    if order == sorted(order) and count > 1:
        order = order[1:] + order[:1]
    return order


def step_order(q: Question) -> list[int]:
    """Shown position -> index of the step (the correct order is 0, 1, 2, …)."""
    return shuffled(q.id, len(q.steps))


def right_order(q: Question) -> list[int]:
    """Shown position in the right-hand column -> index of the pair it belongs to."""
    return shuffled(q.id + "r", len(q.pairs))


def letter(index: int) -> str:
    """A, B, C, … for the first ten; numbers after that (no question has more than ten options)."""
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)

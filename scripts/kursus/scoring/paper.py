"""The paper contract: how answers on a printed quiz are labelled, and how they are typed into a CSV file.

The printed quiz (``kursus.printing``), the answer-sheet template (``kursus score template``) and the
scorer (``kursus score``) must agree on these labels, or a right answer on paper is scored as wrong:

* **single / multiple choice** — options are labelled A, B, C, … in the order of the quiz file (the
  answer key, ``Renderer.key_answer``, uses the same letters). Cell: the letter (``B``); for a multiple
  choice question every ticked letter together (``AC``, also ``A, C`` or ``C A``).
* **true/false** — cell: ``B`` (Benar) or ``S`` (Salah), or ``T`` / ``F``; the words benar, salah, true,
  false work too.
* **short answer** — cell: the words written, as written. They are matched like on the website
  (``kursus.quiz.answers.short_answer_matches``: case, accents, extra spaces and edge punctuation do
  not matter), against the accepted answers of every course language.
* **ordering** — the steps are printed in the website's fixed shuffle (``quiz.labels.step_order``)
  and labelled A, B, C, … in that printed order.
  Cell: the letters of the steps in the order the participant chose (``CADB``; ``C-A-D-B`` or ``C A D B``
  too). A sheet that asks for a number in front of each lettered step (1 = first) can be typed as those
  numbers in letter order instead (``2413`` = A is 2nd, B 4th, C 1st, D 3rd); with 10 or more steps,
  separate the numbers (``2 4 1 3``).
* **matching** — left rows are numbered 1, 2, 3, … in the order of the quiz file; the right-hand items
  are printed in the website's fixed shuffle (``quiz.labels.right_order``)
  and labelled A, B, C, … in that printed order. Cell: for each left row in order, the letter of the
  right item chosen (``BCA``); ``-`` for a row the participant left empty (``B-A``).

The labels follow the printed order, not the quiz file's order: the quiz file lists steps and pairs
in their correct order, so letters in file order would give every ordering and matching question the
answer ``ABC…``. The shuffle is the one the website uses, so each printing of a module gives the same
letters; ``kursus.printing.paper`` takes the same functions from ``kursus.quiz.labels``.

In every cell: an empty cell (or ``-`` alone) means not answered; ``X`` alone means answered but not
validly (two boxes ticked on a one-answer question, an unreadable letter): it counts as wrong without
rejecting the row. Lower case is fine. Anything else that does not fit the question is rejected with
its row number, so a typing mistake is never scored silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..quiz.answers import normalise
from ..quiz.labels import letter, right_order, step_order
from ..quiz.model import Question
from .model import BLANK, Response

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # what a typed cell may hold; the paper prints A to J (quiz.labels)
EMPTY_MARKS = {"", "-", "–", "—"}
INVALID_MARK = "X"
_SEPARATORS = re.compile(r"[\s,;/.+>]+")
_ORDER_SEPARATORS = re.compile(r"[\s,;/.+>\-–]+")
_TRUE = {"b", "benar", "t", "true"}
_FALSE = {"s", "salah", "f", "false"}


def letters(count: int) -> str:
    """The letters a question uses, for messages: A to D is written with an en dash."""
    return f"A–{letter(count - 1)}" if count > 1 else "A"


def choices(q: Question) -> int:
    """How many labelled things the question has: options, steps or pairs."""
    return len(q.options) or len(q.steps) or len(q.pairs)


@dataclass(frozen=True)
class BadCell:
    """A cell that does not fit its question; ``how`` is the ui-strings key explaining what fits."""

    how: str
    letters: str
    rows: int = 0


def parse_cell(q: Question, text: str) -> Response | BadCell:
    cell = text.strip()
    if cell in EMPTY_MARKS:
        return BLANK
    if q.type == "short":
        return Response(cell) if normalise(cell) else BLANK
    if cell.upper() == INVALID_MARK and not (q.type in ("single", "multiple") and len(q.options) > 23):
        return Response(invalid=True)
    parse = {
        "single": _single,
        "multiple": _multiple,
        "truefalse": _truefalse,
        "ordering": _ordering,
        "matching": _matching,
    }[q.type]
    found = parse(q, cell)
    return found if found is not None else BadCell(f"score_how_{q.type}", letters(choices(q)), len(q.pairs))


def _indexes(cell: str, count: int, pattern: re.Pattern[str] = _SEPARATORS) -> list[int] | None:
    """Letters (separators allowed) -> indexes, or None if any is not one of the first ``count`` letters."""
    found = []
    for ch in pattern.sub("", cell.upper()):
        index = LETTERS.find(ch)
        if index < 0 or index >= count:
            return None
        found.append(index)
    return found


def _single(q: Question, cell: str) -> Response | None:
    found = _indexes(cell.strip("()[]:. "), len(q.options))
    return Response(found[0]) if found is not None and len(found) == 1 else None


def _multiple(q: Question, cell: str) -> Response | None:
    found = _indexes(cell, len(q.options))
    return Response(tuple(sorted(set(found)))) if found else None


def _truefalse(q: Question, cell: str) -> Response | None:
    word = normalise(cell)
    if word in _TRUE:
        return Response(True)
    if word in _FALSE:
        return Response(False)
    return None


def _ordering(q: Question, cell: str) -> Response | None:
    count, order = len(q.steps), step_order(q)
    squeezed = _ORDER_SEPARATORS.sub("", cell)
    if squeezed.isdigit():  # numbers in letter order: the rank written in front of each step
        tokens = [t for t in _ORDER_SEPARATORS.split(cell) if t]
        ranks = [int(t) for t in tokens] if len(tokens) > 1 else [int(d) for d in squeezed]
        if (len(tokens) == 1 and count > 9) or sorted(ranks) != list(range(1, count + 1)):
            return None
        chosen = [0] * count
        for position, rank in enumerate(ranks):
            chosen[rank - 1] = order[position]
        return Response(tuple(chosen))
    found = _indexes(cell, count, _ORDER_SEPARATORS)
    if found is None or sorted(found) != list(range(count)):
        return None
    return Response(tuple(order[p] for p in found))


def _matching(q: Question, cell: str) -> Response | None:
    count, right = len(q.pairs), right_order(q)
    chosen: list[int | None] = []
    for ch in _SEPARATORS.sub("", cell.upper()):
        if ch in "-_–?":
            chosen.append(None)
            continue
        index = LETTERS.find(ch)
        if index < 0 or index >= count:
            return None
        chosen.append(right[index])
    if len(chosen) != count:
        return None
    return BLANK if all(c is None for c in chosen) else Response(tuple(chosen))


# -- showing responses the way they look on paper (for the report) ---------------------------------


def show(q: Question, r: Response) -> str:
    """A response in paper letters, e.g. 'AC' or 'CADB'; '' when blank."""
    if r.value is None:
        return ""
    if q.type == "single":
        return letter(r.value)
    if q.type == "multiple":
        return "".join(letter(i) for i in r.value)
    if q.type == "truefalse":
        return "B" if r.value else "S"
    if q.type == "ordering":
        order = step_order(q)
        return "".join(letter(order.index(step)) for step in r.value)
    if q.type == "matching":
        right = right_order(q)
        return "".join("-" if i is None else letter(right.index(i)) for i in r.value)
    return str(r.value)


def key(q: Question) -> str:
    """The correct answer in paper letters (short answers: the first accepted answer of each language)."""
    if q.type in ("single", "multiple"):
        return "".join(letter(i) for i, o in enumerate(q.options) if o.correct)
    if q.type == "truefalse":
        return "B" if q.answer else "S"
    if q.type == "ordering":
        return show(q, Response(tuple(range(len(q.steps)))))
    if q.type == "matching":
        return show(q, Response(tuple(range(len(q.pairs)))))
    return " / ".join(dict.fromkeys(a[0] for a in q.accept.values() if a))

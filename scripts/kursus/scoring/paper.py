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

from dataclasses import dataclass

from ..quiz.labels import letter as letter
from ..quiz.labels import right_order as right_order
from ..quiz.labels import step_order as step_order
from ..quiz.model import Question
from ..quiz.types import kind
from ..quiz.types.base import INVALID_MARK as INVALID_MARK
from ..quiz.types.cells import LETTERS as LETTERS
from .model import BLANK, Response

EMPTY_MARKS = {"", "-", "–", "—"}


def letters(count: int) -> str:
    """The letters a question uses, for messages: A to D is written with an en dash."""
    return f"A–{letter(count - 1)}" if count > 1 else "A"


def choices(q: Question) -> int:
    """How many labelled things the question has: options, steps or pairs."""
    return kind(q).count(q)


@dataclass(frozen=True)
class BadCell:
    """A cell that does not fit its question; ``how`` is the ui-strings key explaining what fits."""

    how: str
    letters: str
    rows: int = 0


def parse_cell(q: Question, text: str) -> Response | BadCell:
    """One typed cell (each type's rules: ``quiz.types``, ``parse_cell``)."""
    cell = text.strip()
    if cell in EMPTY_MARKS:
        return BLANK
    found = kind(q).parse_cell(q, cell)
    return found if found is not None else BadCell(f"score_how_{q.type}", letters(choices(q)), len(q.pairs))


# -- showing responses the way they look on paper (for the report) ---------------------------------


def show(q: Question, r: Response) -> str:
    """A response in paper letters, e.g. 'AC' or 'CADB'; '' when blank."""
    if r.value is None:
        return ""
    return kind(q).show(q, r.value)


def key(q: Question) -> str:
    """The correct answer in paper letters (short answers: the first accepted answer of each language)."""
    return kind(q).key(q)

"""What scoring works on: each participant's responses, and notes that account for every input row.

A ``Response`` holds one answer in a form that does not depend on where it came from (a paper
answer sheet typed into a CSV file, or a result code made in the browser):

========== ============================================================================
type       ``value``
========== ============================================================================
single     option index (0 = first option in the quiz file)
multiple   sorted tuple of option indexes
truefalse  ``True`` or ``False``
short      the words written (a result code carries ``judged`` instead, see codes.py)
ordering   tuple of step indexes in the participant's order (correct = 0, 1, 2, …)
matching   tuple, per left row, of the pair index chosen (``None`` = row left empty);
           correct = 0, 1, 2, …
========== ============================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from ..problems import printable
from ..quiz.model import Question, Quiz
from ..quiz.types import TYPES, kind
from .response import BLANK as BLANK
from .response import Response as Response

Strings = Callable[[str], str]
SCORED_TYPES = tuple(name for name, t in TYPES.items() if t.scored)


def is_correct(q: Question, r: Response) -> bool:
    """All-or-nothing, with the website's rules (short answers: ``short_answer_matches``)."""
    if r.judged is not None:
        return r.judged
    if r.value is None or r.invalid:
        return False
    return kind(q).is_correct(q, r.value)


def scored_questions(quiz: Quiz) -> list[Question]:
    return [q for q in quiz.questions() if q.scored]


def question_numbers(quiz: Quiz) -> dict[str, int]:
    """Numbers as on the website and on paper: every question of the module counts, reflective ones too."""
    return {q.id: n for n, q in enumerate(quiz.questions(), start=1)}


@dataclass
class Participant:
    name: str
    path: str  # the file it was read from, as shown in messages
    line: int
    responses: dict[str, Response] = field(default_factory=dict)


class Level(StrEnum):
    FATAL = "fatal"  # the file cannot be read at all: nothing is scored
    REJECTED = "rejected"  # this row or code is not scored
    WARNING = "warning"  # something is ignored (a column), said out loud


@dataclass(frozen=True)
class Note:
    """A message for one place of an input file, translated when shown: ``path:line: text``."""

    path: str
    line: int
    key: str  # an entry of overrides/ui-strings.yml
    params: tuple[tuple[str, str], ...] = ()
    level: Level = Level.REJECTED

    def message(self, t: Strings) -> str:
        # What a file holds (a name, a header) may hold control characters: shown escaped, never acted on.
        values = {name: value if value.startswith("@") else printable(value) for name, value in self.params}
        for name, value in values.items():  # nested messages: a value may itself be a key ('@key')
            if value.startswith("@"):
                values[name] = t(value[1:]).format_map(_Keep(values))
        return t(self.key).format_map(_Keep(values))

    def text(self, t: Strings) -> str:
        return f"{printable(self.path)}:{self.line}: {self.message(t)}"


def note(path: str, line: int, key: str, level: Level = Level.REJECTED, **params: object) -> Note:
    return Note(path, line, key, tuple((k, str(v)) for k, v in params.items()), level)


def in_order(notes: list[Note]) -> list[Note]:
    """By file and line; notes on the same line keep the order they were found in (column order)."""
    return sorted(notes, key=lambda n: (n.path, n.line))


class _Keep(dict[str, str]):
    """Leave unknown ``{placeholders}`` as they are instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class InputError(Exception):
    """A file that cannot be scored at all (not CSV, wrong encoding, empty …)."""

    def __init__(self, found: Note) -> None:
        super().__init__(found.key)
        self.note = found


@dataclass
class Intake:
    """Everything read from the input files: participants to score and how every row was accounted for."""

    module: str = ""
    participants: list[Participant] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    rows: int = 0  # data rows / code lines read, blank and comment ones included
    empty: int = 0
    comments: int = 0
    sources: list[str] = field(default_factory=list)
    columns: list[str] | None = None  # question ids that had a column (None: every scored question)

    @property
    def rejected(self) -> int:
        return len({(n.path, n.line) for n in self.notes if n.level is Level.REJECTED})

    def merge(self, other: Intake) -> None:
        self.participants.extend(other.participants)
        self.notes.extend(other.notes)
        self.rows += other.rows
        self.empty += other.empty
        self.comments += other.comments
        self.sources.extend(other.sources)
        # A question scored for some participants but missing for others would compare unlike with
        # unlike: only questions every source holds are scored (the sheet reader warns about the rest).
        if other.columns is not None:
            mine = self.columns
            self.columns = list(other.columns) if mine is None else [q for q in mine if q in other.columns]

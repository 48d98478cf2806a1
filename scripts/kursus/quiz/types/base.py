"""What a question type is: every part of the course that depends on the type asks it here.

One subclass per type (or family of types) defines, in one place, the type's keys in a quiz file, how
they are read and checked, its HTML on the website and its answer key, its paper form (question paper,
answer sheet, the trainer's quick key), and how an answer is judged, typed in from paper and carried
in a result code. The reader, the checker, the renderers and the scorer look the type up in the
registry (``quiz.types.TYPES``) and never branch on its name.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from ...scoring.response import BLANK, Response
from ..items import Question
from ..markup import block
from .gift import GiftAnswer, gift_block, labelled
from .moodle import MoodleAnswer, combined_feedback

if TYPE_CHECKING:
    from ...printing.paper import PaperRenderer
    from ...problems import Problem
    from ..checks import Settings
    from ..model import Reader
    from ..render import Renderer
    from ..source import LMap

COMMON = frozenset({"id", "type", "text", "hint", "explanation", "points", "objective"})
INVALID_MARK = "X"  # a paper cell 'answered, but not validly' (two boxes ticked): wrong, row kept


class QuestionType(ABC):
    """One question type. Defaults suit a type that is not scored; scored types override them."""

    name: ClassVar[str]
    keys: ClassVar[frozenset[str]]  # every key a question of this type may have
    required: ClassVar[tuple[str, ...]]  # keys it must have besides id, type and text
    scored: ClassVar[bool] = True
    check_label: ClassVar[str] = "check"  # ui string of the website's main button
    key_label: ClassVar[str] = "correct_answer"  # ui string heading its answer in the key

    # -- the quiz file ------------------------------------------------------------------------------

    @abstractmethod
    def read(self, reader: Reader, q: Question, node: LMap) -> None:
        """Fill ``q`` from the type's keys of ``node``, reporting problems through ``reader``."""

    def check(self, q: Question, settings: Settings) -> Iterable[Problem]:
        """Problems of one question that the reader cannot see (counts, repeats, missing feedback)."""
        return ()

    def correct_position(self, q: Question) -> int | None:
        """The position (1 = first) of the one correct option, for the position-bias check."""
        return None

    def count(self, q: Question) -> int:
        """How many labelled things the question has: options, steps or pairs."""
        return 0

    # -- the website ----------------------------------------------------------------------------------

    def data(self, r: Renderer, q: Question) -> str:
        """Extra ``data-`` attributes of the question's fieldset (with a leading space)."""
        return ""

    @abstractmethod
    def body(self, r: Renderer, q: Question) -> str:
        """The controls a learner answers with."""

    @abstractmethod
    def key_answer(self, r: Renderer, q: Question) -> str:
        """The answer as the answer key shows it."""

    # -- paper ----------------------------------------------------------------------------------------

    @abstractmethod
    def paper_body(self, p: PaperRenderer, q: Question, marks: bool) -> str:
        """The question paper's body; ``marks=False`` leaves out boxes, blanks and lines."""

    @abstractmethod
    def sheet_answer(self, p: PaperRenderer, q: Question) -> str:
        """Where the participant ticks or writes on the answer sheet."""

    @abstractmethod
    def compact_answer(self, p: PaperRenderer, q: Question) -> str:
        """What a correct answer sheet shows, for the trainer's quick key."""

    # -- export ---------------------------------------------------------------------------------------

    @abstractmethod
    def gift(self, r: Renderer, q: Question) -> GiftAnswer:
        """The question's answers in Moodle GIFT, in the renderer's language."""

    @abstractmethod
    def moodle(self, r: Renderer, q: Question) -> MoodleAnswer:
        """The question's type-specific part in Moodle XML, in the renderer's language."""

    # -- scoring ----------------------------------------------------------------------------------------

    def is_correct(self, q: Question, value: Any) -> bool:
        """Whether an answer (never blank or invalid here) is right, all or nothing."""
        return False

    def parse_cell(self, q: Question, cell: str) -> Response | None:
        """A typed paper cell (not empty) as a response, or None if it does not fit the question."""
        if cell.upper() == INVALID_MARK and self.takes_invalid_mark(q):
            return Response(invalid=True)
        return self.parse(q, cell)

    def takes_invalid_mark(self, q: Question) -> bool:
        return True

    def parse(self, q: Question, cell: str) -> Response | None:
        return None

    def show(self, q: Question, value: Any) -> str:
        """An answer in paper letters, e.g. 'AC' or 'CADB'."""
        return str(value)

    def key(self, q: Question) -> str:
        """The correct answer in paper letters."""
        return ""

    def version_key(self, q: Question, source_language: str) -> str:
        """The part of the answer key that a result code's version tag covers."""
        return ""

    def radices(self, q: Question) -> list[int]:
        """The digits the question takes in a result code (see ``scoring.codes``)."""
        return []

    def browser_key(self, q: Question, language: str, fallback: str) -> Any:
        """The key as kursus-quiz.js reads it from a quiz (``KK.judge``): the progress page carries it to
        judge stored answers again. None: the identity order is the key (ordering, matching) or none."""
        return None

    def usable(self, q: Question, value: Any) -> bool:
        """Whether a saved browser answer has a shape kursus-storage.js accepts for this question; a code
        counts anything else as blank, as the browser keeps it aside."""
        return False

    def digits(self, q: Question, value: Any, language: str) -> list[int]:
        """A usable saved answer (never blank here) as digits for ``radices``; ``language`` is the page's,
        whose accepted answers judge a short answer."""
        return []

    def response(self, q: Question, digits: list[int]) -> Response | None:
        """A result code's digits as a response; None if they cannot come from any answer."""
        return BLANK

    # -- the trainer's report (scoring.stats, scoring.report, scoring.accept) ----------------------------

    # Answers are words as written (not labels): a trainer may accept more of them for one class
    # (``kursus score --accept``), and a wrong one close to an accepted one is listed as a near miss.
    class_answers: ClassVar[bool] = False

    def tally(self, q: Question) -> list[tuple[str, bool]]:
        """The paper labels counted one by one in the report, each with whether it is (part of) the key;
        [] when the report counts whole responses instead (the most frequent ones)."""
        return []

    def picked(self, q: Question, value: Any, index: int) -> bool:
        """Whether an answer chose the ``index``-th label of ``tally``."""
        return False

    def group(self, q: Question, label: str) -> str:
        """Responses shown as ``label`` that the report counts as one (words: the same once normalised)."""
        return label

    def key_response(self, q: Question) -> str | None:
        """The correct response as the report shows it, always listed among the frequent ones; None when
        no single response is the key (short answers: any accepted one)."""
        return self.key(q)

    def report_label(self, label: str) -> str:
        """A response as the report prints it (words in quotation marks, letters as they are)."""
        return label


def verdicts_as_general(r: Renderer, q: Question) -> list[str]:
    """The feedback for a correct and for an incorrect answer, for GIFT's general feedback (GIFT has no
    place for them in matching and short-answer questions)."""
    return [
        labelled(r.t(label), gift_block(r.text(q.feedback[key])))
        for key, label in (("correct", "export_if_correct"), ("incorrect", "export_if_incorrect"))
        if key in q.feedback and r.text(q.feedback[key])
    ]


def verdicts_as_combined(r: Renderer, q: Question) -> list[ET.Element]:
    """The feedback for a correct and for an incorrect answer as Moodle's combined feedback; a partly
    correct answer is not correct on the website, so it gets the feedback for an incorrect one."""
    right, wrong = (block(r.text(q.feedback.get(key, {}))) for key in ("correct", "incorrect"))
    return combined_feedback(right, wrong, wrong, numbers=True)


def read_verdicts(reader: Reader, q: Question, node: LMap) -> None:
    """The feedback for a correct and for an incorrect answer, if given."""
    if "feedback" in node:
        q.feedback = reader.verdicts(node, q.id)

"""True or false: one statement, one answer."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from ...printing.marks import box
from ...scoring.response import BLANK, Response
from ..answers import normalise
from ..items import Question
from ..markup import block, dom_id
from ..source import line_of
from .base import COMMON, QuestionType, read_verdicts
from .gift import GiftAnswer, gift_block
from .moodle import MoodleAnswer, answer

if TYPE_CHECKING:
    from ...printing.paper import PaperRenderer
    from ..model import Reader
    from ..render import Renderer
    from ..source import LMap

VALUES = ("true", "false")
_TRUE = {"b", "benar", "t", "true"}
_FALSE = {"s", "salah", "f", "false"}


class TrueFalse(QuestionType):
    name = "truefalse"
    keys = COMMON | {"answer", "feedback"}
    required = ("answer", "feedback")

    def read(self, reader: Reader, q: Question, node: LMap) -> None:
        answer = node.get("answer")
        if not isinstance(answer, bool):
            if "answer" in node:
                reader.fail(
                    line_of(node, "answer", node.line),
                    "Q012",
                    f"{q.id}: answer must be true or false",
                    f"got {answer!r}",
                )
        else:
            q.answer = answer
        read_verdicts(reader, q, node)

    # -- the website ----------------------------------------------------------------------------------

    def data(self, r: Renderer, q: Question) -> str:
        return f' data-answer="{str(q.answer).lower()}"' if q.answer is not None else ""

    def body(self, r: Renderer, q: Question) -> str:
        rows = []
        for value in VALUES:
            oid = f"{dom_id(q.id)}-{value}"
            rows.append(
                f'<div class="kk-opt"><input type="radio" name="{dom_id(q.id)}" id="{oid}" value="{value}">'
                f'<label for="{oid}">{escape(r.t(value))}</label></div>'
            )
        return f'<div class="kk-opts kk-opts--inline">{"".join(rows)}</div>'

    def key_answer(self, r: Renderer, q: Question) -> str:
        return f"<p>{escape(r.t('true' if q.answer else 'false'))}</p>"

    # -- paper ----------------------------------------------------------------------------------------

    def paper_body(self, p: PaperRenderer, q: Question, marks: bool) -> str:
        cells = "".join(
            f'<span class="pp-tf">{box(True) if marks else ""}{escape(p.t(value))}</span>' for value in VALUES
        )
        return f'<p class="pp-tfs">{cells}</p>'

    def sheet_answer(self, p: PaperRenderer, q: Question) -> str:
        return " ".join(f'<span class="pp-choice">{box(True)}{escape(p.t(v))}</span>' for v in VALUES)

    def compact_answer(self, p: PaperRenderer, q: Question) -> str:
        return escape(p.t("true" if q.answer else "false"))

    # -- export ---------------------------------------------------------------------------------------

    def gift(self, r: Renderer, q: Question) -> GiftAnswer:
        # {TRUE#feedback when answered wrongly#feedback when answered rightly}: Moodle's importer reads the
        # first as the wrong answer's (gift-pegjs names them trueFeedback and falseFeedback instead)
        wrong, right = (gift_block(r.text(q.feedback.get(k, {}))) for k in ("incorrect", "correct"))
        tail = f"#{wrong}#{right}" if wrong or right else ""
        return GiftAnswer(("TRUE" if q.answer else "FALSE") + tail)

    def moodle(self, r: Renderer, q: Question) -> MoodleAnswer:
        # each answer carries the feedback a learner who picks it gets; a second try would be a sure
        # guess, so it earns nothing (penalty 1, Moodle's own default for the type)
        right, wrong = (block(r.text(q.feedback.get(key, {}))) for key in ("correct", "incorrect"))
        parts = [
            answer("100" if q.answer is side else "0", word, right if q.answer is side else wrong, plain=True)
            for side, word in ((True, "true"), (False, "false"))
        ]
        return MoodleAnswer("truefalse", parts, penalty="1")

    # -- scoring ----------------------------------------------------------------------------------------

    def is_correct(self, q: Question, value: Any) -> bool:
        return bool(value == q.answer)

    def parse(self, q: Question, cell: str) -> Response | None:
        word = normalise(cell)
        if word in _TRUE:
            return Response(True)
        if word in _FALSE:
            return Response(False)
        return None

    def show(self, q: Question, value: Any) -> str:
        return "B" if value else "S"

    def key(self, q: Question) -> str:
        return "B" if q.answer else "S"

    def version_key(self, q: Question, source_language: str) -> str:
        return str(q.answer).lower()

    def tally(self, q: Question) -> list[tuple[str, bool]]:
        key = self.key(q)
        return [(label, label == key) for label in ("B", "S")]

    def picked(self, q: Question, value: Any, index: int) -> bool:
        return bool(value) == (index == 0)  # B (true) is the first label

    def browser_key(self, q: Question, language: str, fallback: str) -> Any:
        return str(q.answer).lower()

    def radices(self, q: Question) -> list[int]:
        return [3]

    def usable(self, q: Question, value: Any) -> bool:
        return value in ("true", "false")

    def digits(self, q: Question, value: Any, language: str) -> list[int]:
        return [1 if value == "true" else 2]

    def response(self, q: Question, digits: list[int]) -> Response | None:
        return BLANK if digits[0] == 0 else Response(digits[0] == 1)

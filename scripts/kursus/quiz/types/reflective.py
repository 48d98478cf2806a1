"""Reflective: a free answer the learner compares with a model answer and a self-check list; not scored."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from ...printing.marks import writing_lines
from ..items import Question
from ..markup import block, dom_id, inline
from .base import QuestionType
from .gift import GiftAnswer, gift_block, gift_text, labelled
from .moodle import MoodleAnswer, html, value

if TYPE_CHECKING:
    from ...printing.paper import PaperRenderer
    from ..model import Reader
    from ..render import Renderer
    from ..source import LMap

PAPER_LINES = 8
SHEET_LINES = 4
MAX_TEXT = 50000  # the longest answer the browser stores (KK.MAX_TEXT in kursus-core.js)


class Reflective(QuestionType):
    name = "reflective"
    keys = frozenset({"id", "type", "text", "hint", "model_answer", "checklist", "objective"})
    required = ("model_answer", "checklist")
    scored = False
    check_label = "submit"
    key_label = "model_answer"

    def read(self, reader: Reader, q: Question, node: LMap) -> None:
        q.model_answer = reader.text(node, "model_answer", q.id, "model answer")
        if "checklist" in node:
            points = reader.items(node, "checklist", q.id)
            if not points:
                reader.fail(points.line, "Q051", f"{q.id}: empty checklist", "add 3-5 self-check points")
            q.checklist = [reader.text(points, i, q.id, f"checklist {i + 1}") for i in range(len(points))]

    def body(self, r: Renderer, q: Question) -> str:
        checks = "".join(
            f'<li><label><input type="checkbox" data-self="{i}"> {inline(r.text(point))}</label></li>'
            for i, point in enumerate(q.checklist)
        )
        return (
            f'<p><label for="{dom_id(q.id)}-in">{escape(r.t("your_answer"))}</label></p>'
            f'<textarea id="{dom_id(q.id)}-in" rows="6"></textarea>'
            f'<div class="kk-model" hidden><p><strong>{escape(r.t("model_answer"))}:</strong></p>'
            f"{block(r.text(q.model_answer))}"
            f'<p><strong>{escape(r.t("self_check"))}:</strong></p><ul class="kk-self">{checks}</ul></div>'
        )

    def key_answer(self, r: Renderer, q: Question) -> str:
        points = "".join(f"<li>{inline(r.text(p))}</li>" for p in q.checklist)
        return f"{block(r.text(q.model_answer))}<ul>{points}</ul>"

    def paper_body(self, p: PaperRenderer, q: Question, marks: bool) -> str:
        return writing_lines(PAPER_LINES) if marks else ""

    def sheet_answer(self, p: PaperRenderer, q: Question) -> str:
        return writing_lines(SHEET_LINES)

    def gift(self, r: Renderer, q: Question) -> GiftAnswer:
        # an essay; the model answer and the self-check points become its general feedback
        points = "\\n".join(f"- {gift_text(r.text(p))}" for p in q.checklist)
        general = [
            labelled(r.t("model_answer"), gift_block(r.text(q.model_answer))),
            labelled(r.t("self_check"), "\\n" + points),
        ]
        return GiftAnswer("", general, "reflective_as_essay")

    def moodle(self, r: Renderer, q: Question) -> MoodleAnswer:
        # an essay with mark 0 (not scored, as on the website); the model answer and the self-check points
        # are the grader's information and, for the learner after answering, the general feedback
        points = "".join(f"<li>{inline(r.text(p))}</li>" for p in q.checklist)
        model = (
            f"<p><strong>{escape(r.t('model_answer'))}:</strong></p>{block(r.text(q.model_answer))}"
            f"<p><strong>{escape(r.t('self_check'))}:</strong></p><ul>{points}</ul>"
        )
        parts = [
            value("responseformat", "editor"),
            value("responserequired", "1"),
            value("responsefieldlines", str(PAPER_LINES + 2)),
            value("attachments", "0"),
            value("attachmentsrequired", "0"),
            html("graderinfo", model),
            html("responsetemplate", ""),
        ]
        return MoodleAnswer("essay", parts, [model], ["reflective_as_essay"], penalty="0", hints=False)

    def compact_answer(self, p: PaperRenderer, q: Question) -> str:
        return escape(p.t("not_scored"))

    def usable(self, q: Question, value: Any) -> bool:
        return isinstance(value, str) and len(value) <= MAX_TEXT and value.strip() != ""

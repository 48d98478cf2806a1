"""Ordering: steps listed in their correct order in the quiz file, shown in a fixed shuffle."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

from ...printing.marks import blank
from ...problems import Problem
from ...scoring.response import BLANK, Response
from ..answers import normalise
from ..items import Question
from ..labels import letter, step_order
from ..markup import inline
from ..source import line_of
from .base import COMMON, QuestionType, read_verdicts, verdicts_as_combined, verdicts_as_general
from .cells import ORDER_SEPARATORS, indexes, valid_list
from .distinct import check_columns
from .gift import GiftAnswer, gift_text
from .moodle import MoodleAnswer, matched, value

if TYPE_CHECKING:
    from ...printing.paper import PaperRenderer
    from ..checks import Settings
    from ..model import Reader
    from ..render import Renderer
    from ..source import LMap


def answered_list(digits: list[int]) -> bool | None:
    """A result code's answered bit: True, False (blank), or None when blank digits are not all 0."""
    if digits[0]:
        return True
    return None if any(digits[1:]) else False


class Ordering(QuestionType):
    name = "ordering"
    keys = COMMON | {"steps", "feedback"}
    required = ("steps", "feedback")

    def read(self, reader: Reader, q: Question, node: LMap) -> None:
        steps = reader.items(node, "steps", q.id) if "steps" in node else None
        if steps is not None:
            q.steps = [reader.text(steps, i, q.id, f"step {i + 1}") for i in range(len(steps))]
            q.entry_lines = [line_of(steps, i, steps.line) for i in range(len(steps))]
        read_verdicts(reader, q, node)

    def check(self, q: Question, s: Settings) -> Iterable[Problem]:
        yield from check_columns(q, [q.steps], s.min_steps, "steps", s.source_language, ["steps"])

    def count(self, q: Question) -> int:
        return len(q.steps)

    # -- the website ----------------------------------------------------------------------------------

    def body(self, r: Renderer, q: Question) -> str:
        items = []
        for step in step_order(q):
            label = inline(r.text(q.steps[step]))
            items.append(
                f'<li data-step="{step}"><span class="kk-step">{label}</span>'
                f'<span class="kk-move"><button type="button" data-act="up" aria-label="{escape(r.t("move_up"))}">'
                f'↑</button><button type="button" data-act="down" aria-label="{escape(r.t("move_down"))}">'
                f"↓</button></span></li>"
            )
        return f'<ol class="kk-order">{"".join(items)}</ol>'

    def key_answer(self, r: Renderer, q: Question) -> str:
        return "<ol>" + "".join(f"<li>{inline(r.text(s))}</li>" for s in q.steps) + "</ol>"

    # -- paper ----------------------------------------------------------------------------------------

    def paper_body(self, p: PaperRenderer, q: Question, marks: bool) -> str:
        rows = "".join(
            f'<li>{blank("number") if marks else ""}<span class="pp-letter">{letter(position)}.</span> '
            f"{inline(p.r.text(q.steps[step]))}</li>"
            for position, step in enumerate(step_order(q))
        )
        return f'<ol class="pp-steps">{rows}</ol>'

    def sheet_answer(self, p: PaperRenderer, q: Question) -> str:
        return " ".join(f'<span class="pp-choice">{letter(i)} {blank("number")}</span>' for i in range(len(q.steps)))

    def compact_answer(self, p: PaperRenderer, q: Question) -> str:
        return " · ".join(f"{letter(pos)} {step + 1}" for pos, step in enumerate(step_order(q)))

    # -- export ---------------------------------------------------------------------------------------

    def gift(self, r: Renderer, q: Question) -> GiftAnswer:
        # GIFT has no ordering question: each step is matched to its position (1 = first)
        rows = [f"\t={gift_text(r.text(step))} -> {n}" for n, step in enumerate(q.steps, start=1)]
        return GiftAnswer("\n" + "\n".join(rows) + "\n", verdicts_as_general(r, q), "ordering_as_matching")

    def moodle(self, r: Renderer, q: Question) -> MoodleAnswer:
        # Moodle's ordering type is a plugin, not in every Moodle: a matching question (a core type),
        # each step to its position (1 = first); the steps are shuffled, as on the website
        parts = [value("shuffleanswers", "true"), *verdicts_as_combined(r, q)]
        parts += [matched(inline(r.text(step)), str(n)) for n, step in enumerate(q.steps, start=1)]
        return MoodleAnswer("match", parts, degraded=["ordering_as_matching"])

    # -- scoring ----------------------------------------------------------------------------------------

    def is_correct(self, q: Question, value: Any) -> bool:
        return tuple(value) == tuple(range(len(q.steps)))

    def parse(self, q: Question, cell: str) -> Response | None:
        count, order = len(q.steps), step_order(q)
        squeezed = ORDER_SEPARATORS.sub("", cell)
        if squeezed.isdigit():  # numbers in letter order: the rank written in front of each step
            tokens = [t for t in ORDER_SEPARATORS.split(cell) if t]
            ranks = [int(t) for t in tokens] if len(tokens) > 1 else [int(d) for d in squeezed]
            if (len(tokens) == 1 and count > 9) or sorted(ranks) != list(range(1, count + 1)):
                return None
            chosen = [0] * count
            for position, rank in enumerate(ranks):
                chosen[rank - 1] = order[position]
            return Response(tuple(chosen))
        found = indexes(cell, count, ORDER_SEPARATORS)
        if found is None or sorted(found) != list(range(count)):
            return None
        return Response(tuple(order[p] for p in found))

    def show(self, q: Question, value: Any) -> str:
        order = step_order(q)
        return "".join(letter(order.index(step)) for step in value)

    def key(self, q: Question) -> str:
        return self.show(q, tuple(range(len(q.steps))))

    def version_key(self, q: Question, source_language: str) -> str:
        return "\x1f".join(normalise(s.get(source_language, "")) for s in q.steps)

    def radices(self, q: Question) -> list[int]:
        return [2, *range(len(q.steps), 0, -1)]

    def usable(self, q: Question, value: Any) -> bool:
        return valid_list(value, len(q.steps), permutation=True)

    def digits(self, q: Question, value: Any, language: str) -> list[int]:
        # Lehmer code: how many later steps come before each step in the correct order
        n = len(q.steps)
        return [1, *(sum(1 for later in value[i + 1 :] if later < value[i]) for i in range(n))]

    def response(self, q: Question, digits: list[int]) -> Response | None:
        answered = answered_list(digits)
        if not answered:
            return None if answered is None else BLANK
        left = list(range(len(digits) - 1))
        return Response(tuple(left.pop(k) for k in digits[1:]))

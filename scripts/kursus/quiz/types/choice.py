"""Single and multiple choice: options, each correct or not, with feedback for the wrong ones."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

from ...printing.marks import box
from ...problems import Problem, error
from ...scoring.response import BLANK, Response
from ..answers import normalise
from ..items import Option, Question
from ..labels import letter
from ..markup import block, dom_id, inline
from ..source import line_of
from .base import COMMON, QuestionType
from .cells import indexes, is_index
from .distinct import same_in_one_language
from .gift import GiftAnswer, gift_block, gift_text, weight
from .moodle import MOST_CORRECT, MoodleAnswer, answer, combined_feedback, shares, value

if TYPE_CHECKING:
    from ...printing.paper import PaperRenderer
    from ..checks import Settings
    from ..model import Reader
    from ..render import Renderer
    from ..source import LMap

OPTION_KEYS = frozenset({"text", "correct", "feedback"})
MAX_INVALID_MARK = 23  # with 24 options or more, 'X' is an option's letter, not the invalid mark


class Choice(QuestionType):
    keys = COMMON | {"options"}
    required = ("options",)
    input_type = "checkbox"
    round_box = False
    one_answer = False  # the learner picks exactly one option
    gift_degraded: str | None = None  # how GIFT changes the type (export.gift.DEGRADATIONS), if it does
    moodle_degraded: str | None = None  # how Moodle XML changes it (export.moodle_xml.DEGRADATIONS)

    def read(self, reader: Reader, q: Question, node: LMap) -> None:
        if "options" not in node:
            return  # already reported as missing (Q011)
        for i, opt in enumerate(reader.maps(reader.items(node, "options", q.id), q.id), start=1):
            reader.keys(opt, set(OPTION_KEYS), f"{q.id} option {i}")
            correct = opt.get("correct", False)
            if not isinstance(correct, bool):
                reader.fail(
                    line_of(opt, "correct", opt.line),
                    "Q012",
                    f"{q.id} option {i}: correct must be true or false",
                    f"got {correct!r}",
                )
                correct = False
            text = reader.text(opt, "text", q.id, f"option {i}")
            feedback = reader.text(opt, "feedback", q.id, f"option {i} feedback", required=False)
            q.options.append(Option(text, correct, feedback, opt.line))

    def check(self, q: Question, s: Settings) -> Iterable[Problem]:
        yield from self.check_correct(q, sum(o.correct for o in q.options))
        if len(q.options) < s.min_options:
            yield error(
                q.path,
                q.line,
                "Q032",
                f"{q.id}: {len(q.options)} options, at least {s.min_options} needed",
                "add plausible wrong options with feedback",
            )
        seen: dict[str, int] = {}
        for number, option in enumerate(q.options, start=1):
            key = normalise(option.text.get(s.source_language, ""))
            if key and key in seen:
                yield error(
                    q.path,
                    option.line,
                    "Q033",
                    f"{q.id}: option {number} repeats option {seen[key]}",
                    "make every option different",
                )
            seen.setdefault(key, number)
            if not option.correct and not option.feedback:
                yield error(
                    q.path,
                    option.line,
                    "Q034",
                    f"{q.id}: wrong option {number} has no feedback",
                    "say why a learner who picks it is mistaken",
                )
        texts, lines = [o.text for o in q.options], [o.line for o in q.options]
        yield from same_in_one_language(q, texts, "options", s.source_language, lines)

    def check_correct(self, q: Question, correct: int) -> Iterable[Problem]:
        return ()

    def count(self, q: Question) -> int:
        return len(q.options)

    # -- the website ----------------------------------------------------------------------------------

    def body(self, r: Renderer, q: Question) -> str:
        rows = []
        for i, option in enumerate(q.options):
            oid = f"{dom_id(q.id)}-o{i}"
            ok = ' data-ok="1"' if option.correct else ""
            feedback = ""
            if r.text(option.feedback):
                feedback = f'<div class="kk-fb" data-opt="{i}" hidden>{block(r.text(option.feedback))}</div>'
            rows.append(
                f'<div class="kk-opt"><input type="{self.input_type}" name="{dom_id(q.id)}" id="{oid}" '
                f'value="{i}"{ok}><label for="{oid}">{inline(r.text(option.text))}</label>{feedback}</div>'
            )
        return f'<div class="kk-opts">{"".join(rows)}</div>'

    def key_answer(self, r: Renderer, q: Question) -> str:
        rows = "".join(
            f"<li>{letter(i)}. {inline(r.text(o.text))} — "
            f"{block(r.text(o.feedback)) if r.text(o.feedback) else ''}</li>"
            for i, o in enumerate(q.options)
            if o.correct
        )
        return f"<ul>{rows}</ul>"

    # -- paper ----------------------------------------------------------------------------------------

    def paper_body(self, p: PaperRenderer, q: Question, marks: bool) -> str:
        rows = "".join(
            f'<li>{box(self.round_box) if marks else ""}<span class="pp-letter">{letter(i)}.</span> '
            f"{inline(p.r.text(option.text))}</li>"
            for i, option in enumerate(q.options)
        )
        return f'<ol class="pp-opts">{rows}</ol>'

    def sheet_answer(self, p: PaperRenderer, q: Question) -> str:
        return " ".join(
            f'<span class="pp-choice">{box(self.round_box)}{letter(i)}</span>' for i in range(len(q.options))
        )

    def compact_answer(self, p: PaperRenderer, q: Question) -> str:
        return escape(", ".join(letter(i) for i, option in enumerate(q.options) if option.correct))

    # -- export ---------------------------------------------------------------------------------------

    def gift_mark(self, q: Question, option: Option) -> str:
        return "=" if option.correct else "~"

    def gift(self, r: Renderer, q: Question) -> GiftAnswer:
        rows = []
        for option in q.options:
            feedback = r.text(option.feedback)
            tail = f"#{gift_block(feedback)}" if feedback else ""
            rows.append(f"\t{self.gift_mark(q, option)}{gift_text(r.text(option.text))}{tail}")
        return GiftAnswer("\n" + "\n".join(rows) + "\n", degraded=self.gift_degraded)

    def moodle_grades(self, q: Question) -> list[str]:
        """Each option's grade in % (Moodle's 'fraction')."""
        return ["100" if option.correct else "0" for option in q.options]

    def moodle(self, r: Renderer, q: Question) -> MoodleAnswer:
        # the website shows the options in the quiz file's order, lettered like the paper (A, B, C)
        parts = [
            value("single", "true" if self.one_answer else "false"),
            value("shuffleanswers", "false"),
            value("answernumbering", "ABCD"),
            value("showstandardinstruction", "1"),
            *combined_feedback("", "", "", numbers=not self.one_answer),
        ]
        for option, grade in zip(q.options, self.moodle_grades(q), strict=True):
            parts.append(answer(grade, inline(r.text(option.text)), block(r.text(option.feedback))))
        return MoodleAnswer("multichoice", parts, degraded=[self.moodle_degraded] if self.moodle_degraded else [])

    # -- scoring ----------------------------------------------------------------------------------------

    def takes_invalid_mark(self, q: Question) -> bool:
        return len(q.options) <= MAX_INVALID_MARK

    def key(self, q: Question) -> str:
        return "".join(letter(i) for i, o in enumerate(q.options) if o.correct)

    def version_key(self, q: Question, source_language: str) -> str:
        return ",".join(str(i) for i, o in enumerate(q.options) if o.correct)

    def tally(self, q: Question) -> list[tuple[str, bool]]:
        key = self.key(q)
        return [(letter(i), letter(i) in key) for i in range(len(q.options))]

    def browser_key(self, q: Question, language: str, fallback: str) -> Any:
        return [i for i, o in enumerate(q.options) if o.correct]


class Single(Choice):
    """Exactly one option is correct; the learner picks one (radio buttons, round boxes)."""

    name = "single"
    input_type = "radio"
    round_box = True
    one_answer = True

    def check_correct(self, q: Question, correct: int) -> Iterable[Problem]:
        if q.options and correct != 1:
            yield error(
                q.path,
                q.line,
                "Q030",
                f"{q.id}: single choice has {correct} correct options, needs exactly 1",
                "mark one option 'correct: true', or make it type: multiple",
            )

    def correct_position(self, q: Question) -> int | None:
        correct = [i for i, o in enumerate(q.options) if o.correct]
        return correct[0] + 1 if len(correct) == 1 else None

    def is_correct(self, q: Question, value: Any) -> bool:
        return bool(0 <= value < len(q.options) and q.options[value].correct)

    def parse(self, q: Question, cell: str) -> Response | None:
        found = indexes(cell.strip("()[]:. "), len(q.options))
        return Response(found[0]) if found is not None and len(found) == 1 else None

    def show(self, q: Question, value: Any) -> str:
        return letter(value)

    def picked(self, q: Question, value: Any, index: int) -> bool:
        return bool(value == index)

    def radices(self, q: Question) -> list[int]:
        return [len(q.options) + 1]

    def usable(self, q: Question, value: Any) -> bool:
        return is_index(value, len(q.options))

    def digits(self, q: Question, value: Any, language: str) -> list[int]:
        return [value + 1]

    def response(self, q: Question, digits: list[int]) -> Response | None:
        return Response(digits[0] - 1) if digits[0] else BLANK


class Multiple(Choice):
    """At least one option is correct; the learner ticks every correct one."""

    name = "multiple"

    gift_degraded = "multiple_partial"  # GIFT has no all-or-nothing: each correct option 100/k %, wrong -100 %
    moodle_degraded = "multiple_partial"  # nor have Moodle's core types (see moodle_grades)

    def gift_mark(self, q: Question, option: Option) -> str:
        correct = max(1, sum(o.correct for o in q.options))  # none correct is refused (Q031) before export
        return f"~%{weight(100 / correct)}%" if option.correct else "~%-100%"

    def moodle_grades(self, q: Question) -> list[str]:
        # partial credit, the nearest to all-or-nothing Moodle's own types allow: the correct options
        # share 100 %, each wrong one takes 100 % away (Moodle never gives less than 0)
        right = iter(shares(sum(o.correct for o in q.options)))
        return [next(right) if option.correct else "-100" for option in q.options]

    def check_correct(self, q: Question, correct: int) -> Iterable[Problem]:
        if q.options and correct == 0:
            yield error(q.path, q.line, "Q031", f"{q.id}: no option is marked correct", "mark at least one")
        if correct > MOST_CORRECT:
            yield error(
                q.path,
                q.line,
                "X001",
                f"{q.id}: {correct} correct options; Moodle's grades cannot share 100 % among more than "
                f"{MOST_CORRECT}, so the question cannot be exported",
                f"mark at most {MOST_CORRECT} options correct, or split the question",
            )

    def is_correct(self, q: Question, value: Any) -> bool:
        return set(value) == {i for i, o in enumerate(q.options) if o.correct}

    def parse(self, q: Question, cell: str) -> Response | None:
        found = indexes(cell, len(q.options))
        return Response(tuple(sorted(set(found)))) if found else None

    def show(self, q: Question, value: Any) -> str:
        return "".join(letter(i) for i in value)

    def picked(self, q: Question, value: Any, index: int) -> bool:
        return index in value

    def radices(self, q: Question) -> list[int]:
        return [2] * len(q.options)

    def usable(self, q: Question, value: Any) -> bool:
        n = len(q.options)
        return (
            isinstance(value, list)
            and 0 < len(value) <= n
            and all(is_index(x, n) for x in value)
            and len(set(value)) == len(value)
        )

    def digits(self, q: Question, value: Any, language: str) -> list[int]:
        return [1 if i in value else 0 for i in range(len(q.options))]

    def response(self, q: Question, digits: list[int]) -> Response | None:
        chosen = tuple(i for i, bit in enumerate(digits) if bit)
        return Response(chosen) if chosen else BLANK

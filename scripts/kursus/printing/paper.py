"""Quizzes on paper: numbered questions with printed boxes, blanks and writing lines, a separate answer
sheet, and the trainer's key at a glance.

Never the interactive HTML: nothing here is a form control or needs a script, and nothing a participant
receives (question paper, answer sheet) holds an answer, a feedback text or an explanation. Options keep
the order of the quiz file, so the letters match ``Renderer.key_answer``; ordering steps and the right-hand
column of a matching question use the website's fixed shuffle (``quiz.labels``), so every printing of
a module gives the same letters.
"""

from __future__ import annotations

from html import escape

from ..quiz.labels import letter, right_order, step_order
from ..quiz.model import Group, Question, Quiz
from ..quiz.render import Renderer, block, inline

WRITING_LINES = {"short": 2, "reflective": 8}
SHEET_LINES = {"reflective": 4}


def box(round_: bool = False) -> str:
    """An empty box to tick (round for 'choose one')."""
    return f'<span class="pp-box{" pp-box--round" if round_ else ""}"></span>'


def blank(kind: str = "") -> str:
    """A short line to write a number or a letter on."""
    return f'<span class="pp-blank{f" pp-blank--{kind}" if kind else ""}"></span>'


def writing_lines(count: int) -> str:
    return '<div class="pp-lines">' + '<span class="pp-line"></span>' * count + "</div>"


class PaperRenderer:
    """Paper versions of one language's quizzes, numbered as on the website."""

    def __init__(self, renderer: Renderer) -> None:
        self.r = renderer
        self.t = renderer.t
        self.lang = renderer.lang

    def number(self, q: Question) -> int:
        return self.r.numbers.get(q.id, 0)

    # -- the question paper ------------------------------------------------------------------------

    def quiz(self, quiz: Quiz) -> str:
        return "".join(self.item(item) for item in quiz.items)

    def item(self, item: Question | Group, marks: bool = True) -> str:
        return self.group(item, marks) if isinstance(item, Group) else self.question(item, marks)

    def placed(self, ref: str) -> str | None:
        """A marker's target on paper (for reading pages), or None if the id is unknown."""
        target = self.r.bank.find(ref)
        if target is None:
            return None
        inner = self.quiz(target) if isinstance(target, Quiz) else self.item(target)
        return f'<div class="pp-quiz pp-quiz--placed">{inner}</div>'

    def case(self, group: Group) -> str:
        numbers = [self.number(q) for q in group.questions]
        span = f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else "".join(map(str, numbers))
        label = f"{self.t('case')} · {self.t('question')} {span}"
        return (
            f'<div class="pp-case"><p class="pp-case__label">{escape(label)}</p>{block(self.r.text(group.case))}</div>'
        )

    def group(self, group: Group, marks: bool = True) -> str:
        questions = "".join(self.question(q, marks) for q in group.questions)
        return f'<section class="pp-group">{self.case(group)}{questions}</section>'

    def question(self, q: Question, marks: bool = True) -> str:
        """One question; ``marks=False`` leaves out boxes, blanks and lines (the second column of a
        bilingual paper, where only the first column is answered)."""
        note = ""
        if not q.scored:
            note = f" ({self.t('not_scored')})"
        elif q.points != 1:
            note = f" ({q.points} {self.t('points')})"
        how = escape(self.t(f"print_how_{q.type}") + note)
        body = getattr(self, f"_body_{q.type}")(q, marks)
        return (
            f'<section class="pp-q pp-q--{q.type}" data-qid="{escape(q.id)}">'
            f'<span class="pp-q__num">{self.number(q)}.</span>'
            f'<div class="pp-q__text">{block(self.r.text(q.text))}</div>'
            f'<p class="pp-q__how">{how}</p>{body}</section>'
        )

    def _body_single(self, q: Question, marks: bool) -> str:
        round_ = q.type == "single"
        rows = "".join(
            f'<li>{box(round_) if marks else ""}<span class="pp-letter">{letter(i)}.</span> '
            f"{inline(self.r.text(option.text))}</li>"
            for i, option in enumerate(q.options)
        )
        return f'<ol class="pp-opts">{rows}</ol>'

    _body_multiple = _body_single

    def _body_truefalse(self, q: Question, marks: bool) -> str:
        cells = "".join(
            f'<span class="pp-tf">{box(True) if marks else ""}{escape(self.t(value))}</span>'
            for value in ("true", "false")
        )
        return f'<p class="pp-tfs">{cells}</p>'

    def _body_short(self, q: Question, marks: bool) -> str:
        return writing_lines(WRITING_LINES["short"]) if marks else ""

    def _body_ordering(self, q: Question, marks: bool) -> str:
        rows = "".join(
            f'<li>{blank("number") if marks else ""}<span class="pp-letter">{letter(position)}.</span> '
            f"{inline(self.r.text(q.steps[step]))}</li>"
            for position, step in enumerate(step_order(q))
        )
        return f'<ol class="pp-steps">{rows}</ol>'

    def _body_matching(self, q: Question, marks: bool) -> str:
        right = right_order(q)
        rows = "".join(
            f'<tr><td class="pp-match__left"><span class="pp-letter">{i + 1}.</span> '
            f"{inline(self.r.text(left))}</td>"
            + (f'<td class="pp-match__blank">{blank("letter")}</td>' if marks else "")
            + f'<td class="pp-match__right"><span class="pp-letter">{letter(i)}.</span> '
            f"{inline(self.r.text(q.pairs[right[i]][1]))}</td></tr>"
            for i, (left, _) in enumerate(q.pairs)
        )
        return f'<table class="pp-match"><tbody>{rows}</tbody></table>'

    def _body_reflective(self, q: Question, marks: bool) -> str:
        return writing_lines(WRITING_LINES["reflective"]) if marks else ""

    # -- the answer sheet --------------------------------------------------------------------------

    def answer_sheet(self, quiz: Quiz) -> str:
        """One row per question number: where to tick or write, and a cell for the trainer's points."""
        rows = []
        for q in quiz.questions():
            points = f"{blank('points')} / {q.points}" if q.scored else "–"
            rows.append(
                f'<tr><th scope="row">{self.number(q)}</th><td class="pp-sheet__answer">{self._sheet_answer(q)}</td>'
                f'<td class="pp-sheet__points">{points}</td></tr>'
            )
        return (
            f'<table class="pp-sheet"><thead><tr><th scope="col">{escape(self.t("print_number"))}</th>'
            f'<th scope="col">{escape(self.t("your_answer"))}</th>'
            f'<th scope="col">{escape(self.t("score"))}</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot><tr><th scope="row" colspan="2">{escape(self.t("print_total"))}</th>'
            f'<td class="pp-sheet__points">{blank("points")} / {max_points(quiz)}</td></tr></tfoot></table>'
        )

    def _sheet_answer(self, q: Question) -> str:
        if q.type in ("single", "multiple"):
            return " ".join(
                f'<span class="pp-choice">{box(q.type == "single")}{letter(i)}</span>' for i in range(len(q.options))
            )
        if q.type == "truefalse":
            return " ".join(f'<span class="pp-choice">{box(True)}{escape(self.t(v))}</span>' for v in ("true", "false"))
        if q.type == "ordering":
            return " ".join(
                f'<span class="pp-choice">{letter(p)} {blank("number")}</span>' for p in range(len(q.steps))
            )
        if q.type == "matching":
            return " ".join(f'<span class="pp-choice">{i + 1} {blank("letter")}</span>' for i in range(len(q.pairs)))
        return writing_lines(SHEET_LINES.get(q.type, 1))

    # -- the trainer's key at a glance -------------------------------------------------------------

    def quick_key(self, quiz: Quiz) -> str:
        """What a correct answer sheet shows, row by row, to mark a pile of sheets quickly."""
        rows = "".join(
            f'<tr><th scope="row">{self.number(q)}</th><td>{self.compact_answer(q)}</td>'
            f'<td class="pp-sheet__points">{q.points if q.scored else "–"}</td></tr>'
            for q in quiz.questions()
        )
        return (
            f'<table class="pp-sheet pp-sheet--key"><thead><tr><th scope="col">{escape(self.t("print_number"))}</th>'
            f'<th scope="col">{escape(self.t("correct_answer"))}</th>'
            f'<th scope="col">{escape(self.t("print_points"))}</th></tr></thead><tbody>{rows}</tbody>'
            f'<tfoot><tr><th scope="row" colspan="2">{escape(self.t("print_total"))}</th>'
            f'<td class="pp-sheet__points">{max_points(quiz)}</td></tr></tfoot></table>'
        )

    def compact_answer(self, q: Question) -> str:
        if q.type in ("single", "multiple"):
            return ", ".join(letter(i) for i, option in enumerate(q.options) if option.correct)
        if q.type == "truefalse":
            return escape(self.t("true" if q.answer else "false"))
        if q.type == "short":
            accepted = q.accept.get(self.lang) or q.accept.get(self.r.fallback, [])
            return escape(" / ".join(accepted))
        if q.type == "ordering":
            return " · ".join(f"{letter(p)} {step + 1}" for p, step in enumerate(step_order(q)))
        if q.type == "matching":
            right = right_order(q)
            return " · ".join(f"{i + 1} {letter(right.index(i))}" for i in range(len(q.pairs)))
        return escape(self.t("not_scored"))


def max_points(quiz: Quiz) -> int:
    return sum(q.points for q in quiz.questions() if q.scored)


def bilingual(quiz: Quiz, first: PaperRenderer, second: PaperRenderer) -> str:
    """The question paper in two languages side by side; only the first column is answered."""

    def row(left: str, right: str) -> str:
        return (
            f'<div class="pp-bi"><div class="pp-bi__col" lang="{first.lang}">{left}</div>'
            f'<div class="pp-bi__col" lang="{second.lang}">{right}</div></div>'
        )

    rows = []
    for item in quiz.items:
        questions = item.questions if isinstance(item, Group) else [item]
        if isinstance(item, Group):
            rows.append(row(first.case(item), second.case(item)))
        rows.extend(row(first.question(q), second.question(q, marks=False)) for q in questions)
    return "".join(rows)

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

from ..quiz.model import Group, Question, Quiz
from ..quiz.render import Renderer, block
from ..quiz.types import kind
from .marks import blank, box, writing_lines

__all__ = ["PaperRenderer", "bilingual", "blank", "box", "max_points", "writing_lines"]


class PaperRenderer:
    """Paper versions of one language's quizzes, numbered as on the website."""

    def __init__(self, renderer: Renderer) -> None:
        self.r = renderer
        self.t = renderer.t
        self.lang = renderer.lang
        self._in: dict[str, PaperRenderer] = {renderer.lang: self}

    def within(self, item: Question | Group) -> PaperRenderer:
        """The paper renderer for one question or group, in the language it is shown in whole
        (``Renderer.within``): a partly translated question is printed whole in its fallback language."""
        r = self.r.within(item)
        if r.lang not in self._in:
            self._in[r.lang] = PaperRenderer(r)
        return self._in[r.lang]

    def notice(self) -> str:
        return self.r.notice().replace('class="kk-fallback"', 'class="pp-fallback"')

    def number(self, q: Question) -> int:
        return self.r.numbers.get(q.id, 0)

    # -- the question paper ------------------------------------------------------------------------

    def quiz(self, quiz: Quiz) -> str:
        return "".join(self.item(item) for item in quiz.items)

    def item(self, item: Question | Group, marks: bool = True) -> str:
        p = self.within(item)
        if isinstance(item, Group):
            return p.group(item, marks)
        return p.question(item, marks, alone=True)

    def placed(self, ref: str) -> str | None:
        """A marker's target on paper (for reading pages), or None if the id is unknown."""
        target = self.r.bank.find(ref)
        if target is None:
            return None
        inner = self.quiz(target) if isinstance(target, Quiz) else self.item(target)
        return f'<div class="pp-quiz pp-quiz--placed">{inner}</div>'

    def case(self, group: Group) -> str:
        p = self.within(group)
        numbers = [self.number(q) for q in group.questions]
        span = f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else "".join(map(str, numbers))
        label = f"{self.t('case')} · {self.t('question')} {span}"
        return (
            f'<div class="pp-case"{p.r.item_lang()}><p class="pp-case__label"{p.r.reader_lang()}>{escape(label)}</p>'
            f"{p.notice()}{block(p.r.text(group.case))}</div>"
        )

    def group(self, group: Group, marks: bool = True) -> str:
        p = self.within(group)
        questions = "".join(p.question(q, marks) for q in group.questions)
        return f'<section class="pp-group">{p.case(group)}{questions}</section>'

    def question(self, q: Question, marks: bool = True, alone: bool = False) -> str:
        """One question; ``marks=False`` leaves out boxes, blanks and lines (the second column of a
        bilingual paper, where only the first column is answered); ``alone``: not under its group's case,
        so it carries its own notice when it falls back."""
        if self.within(q) is not self:
            return self.within(q).question(q, marks, alone)
        note = ""
        if not q.scored:
            note = f" ({self.t('not_scored')})"
        elif q.points != 1:
            note = f" ({q.points} {self.t('points')})"
        how = escape(self.t(f"print_how_{q.type}") + note)
        body = kind(q).paper_body(self, q, marks)
        notice = self.notice() if alone else ""
        return (
            f'<section class="pp-q pp-q--{q.type}" data-qid="{escape(q.id)}"{self.r.item_lang()}>'
            f'<span class="pp-q__num">{self.number(q)}.</span>{notice}'
            f'<div class="pp-q__text">{block(self.r.text(q.text))}</div>'
            f'<p class="pp-q__how"{self.r.reader_lang()}>{how}</p>{body}</section>'
        )

    # -- the answer sheet --------------------------------------------------------------------------

    def answer_sheet(self, quiz: Quiz) -> str:
        """One row per question number: where to tick or write, and a cell for the trainer's points."""
        rows = []
        for q in quiz.questions():
            points = f"{blank('points')} / {q.points}" if q.scored else "–"
            answer = kind(q).sheet_answer(self, q)
            rows.append(
                f'<tr><th scope="row">{self.number(q)}</th><td class="pp-sheet__answer">{answer}</td>'
                f'<td class="pp-sheet__points">{points}</td></tr>'
            )
        return (
            f'<table class="pp-sheet"><thead><tr><th scope="col">{escape(self.t("print_number"))}</th>'
            f'<th scope="col">{escape(self.t("your_answer"))}</th>'
            f'<th scope="col">{escape(self.t("score"))}</th></tr></thead><tbody>{"".join(rows)}</tbody>'
            f'<tfoot><tr><th scope="row" colspan="2">{escape(self.t("print_total"))}</th>'
            f'<td class="pp-sheet__points">{blank("points")} / {max_points(quiz)}</td></tr></tfoot></table>'
        )

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
        return kind(q).compact_answer(self.within(q), q)


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
        alone = not isinstance(item, Group)
        rows.extend(
            row(first.question(q, alone=alone), second.question(q, marks=False, alone=alone)) for q in questions
        )
    return "".join(rows)

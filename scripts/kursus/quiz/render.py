"""Quiz HTML for one language. Excluded wrappers are elements not nested inside themselves
(form, aside): Material's search parser matches excluded elements by tag name only.

Every text from a quiz file is escaped (``quiz.markup``); what each question type shows comes from
the type itself (``quiz.types``), the frame around it (number, hint, buttons, feedback) from here."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .bank import Bank
from .markup import block, dom_id, inline
from .model import Group, Question, Quiz, Text
from .types import kind

__all__ = ["Renderer", "Strings", "block", "dom_id", "inline"]

Strings = Callable[[str], str]


class Renderer:
    def __init__(self, bank: Bank, language: str, fallback: str, strings: Strings) -> None:
        self.bank = bank
        self.lang = language
        self.fallback = fallback
        self.t = strings
        self.numbers = {q.id: n for quiz in bank.quizzes for n, q in enumerate(quiz.questions(), start=1)}

    def text(self, value: Text) -> str:
        return value.get(self.lang) or value.get(self.fallback, "")

    # -- interactive -------------------------------------------------------------------------------

    def placed(self, ref: str) -> str | None:
        """HTML for a marker's target, or None if the id is unknown."""
        target = self.bank.find(ref)
        if isinstance(target, Quiz):
            return self.module_quiz(target)
        if target is None:
            return None
        module = ref.split(".")[0]
        inner = self.group(target) if isinstance(target, Group) else self.question(target)
        return f'<form class="kk-quiz" data-module="{escape(module)}" data-search-exclude>{inner}</form>'

    def module_quiz(self, quiz: Quiz) -> str:
        items = "".join(self.group(i) if isinstance(i, Group) else self.question(i) for i in quiz.items)
        m = escape(quiz.module)
        return (
            f'<form class="kk-quiz kk-quiz--full" data-module="{m}" data-search-exclude>'
            f'<p class="kk-score" aria-live="polite"></p>{items}'
            f'<p class="kk-reset"><button type="button" class="md-button" data-act="reset">'
            f"{escape(self.t('reset_module'))}</button></p></form>"
        )

    def group(self, group: Group) -> str:
        questions = "".join(self.question(q) for q in group.questions)
        return (
            f'<section class="kk-group" id="{dom_id(group.id)}" data-gid="{escape(group.id)}" '
            f'aria-label="{escape(self.t("case"))}"><div class="kk-case">'
            f'<p class="kk-case__label">{escape(self.t("case"))}</p>{block(self.text(group.case))}</div>'
            f"{questions}</section>"
        )

    def question(self, q: Question) -> str:
        number = self.numbers.get(q.id, 0)
        body = kind(q).body(self, q)
        hint = ""
        if self.text(q.hint):
            hint = (
                f'<div class="kk-hint" hidden><p><strong>{escape(self.t("hint"))}:</strong></p>'
                f"{block(self.text(q.hint))}</div>"
            )
        buttons = (
            f'<button type="button" class="md-button md-button--primary" data-act="check">'
            f"{escape(self.t(kind(q).check_label))}</button>"
        )
        if hint:
            buttons += f'<button type="button" class="md-button" data-act="hint">{escape(self.t("hint"))}</button>'
        buttons += (
            f'<button type="button" class="md-button" data-act="retry" hidden>{escape(self.t("try_again"))}</button>'
        )
        explanation = ""
        if self.text(q.explanation):
            explanation = (
                f'<div class="kk-explain" hidden><p><strong>{escape(self.t("explanation"))}:</strong></p>'
                f"{block(self.text(q.explanation))}</div>"
            )
        note = f' <span class="kk-q__note">({escape(self.t("not_scored"))})</span>' if not q.scored else ""
        return (
            f'<fieldset class="kk-q kk-q--{q.type}" id="{dom_id(q.id)}" data-qid="{escape(q.id)}" '
            f'data-type="{q.type}" data-points="{q.points if q.scored else 0}"{kind(q).data(self, q)} '
            f'aria-describedby="{dom_id(q.id)}-text">'
            f'<legend><span class="kk-q__num">{escape(self.t("question"))} {number}</span>{note}</legend>'
            f'<div class="kk-q__text" id="{dom_id(q.id)}-text">{block(self.text(q.text))}</div>{body}{hint}'
            f'<div class="kk-q__actions">{buttons}</div>'
            f'<div class="kk-q__result" role="status" aria-live="polite"></div>'
            f"{self._verdicts(q)}{explanation}</fieldset>"
        )

    def _verdicts(self, q: Question) -> str:
        return "".join(
            f'<div class="kk-fb kk-fb--{k}" data-verdict="{k}" hidden>{block(self.text(v))}</div>'
            for k, v in q.feedback.items()
            if self.text(v)
        )

    # -- answer key (trainer pages, print) ---------------------------------------------------------

    def answer_key(self, quiz: Quiz) -> str:
        parts = []
        for item in quiz.items:
            if isinstance(item, Group):
                parts.append(f'<div class="kk-key__case">{block(self.text(item.case))}</div>')
                parts.extend(self._key_entry(q) for q in item.questions)
            else:
                parts.append(self._key_entry(item))
        return f'<aside class="kk-key" data-search-exclude>{"".join(parts)}</aside>'

    def _key_entry(self, q: Question) -> str:
        answer = self.key_answer(q)
        label = self.t(kind(q).key_label)
        explanation = block(self.text(q.explanation)) if self.text(q.explanation) else ""
        return (
            f'<div class="kk-key__item"><p class="kk-key__head"><strong>{escape(self.t("question"))} '
            f"{self.numbers.get(q.id, 0)}</strong> <code>{escape(q.id)}</code></p>{block(self.text(q.text))}"
            f"<p><strong>{escape(label)}:</strong></p>{answer}{explanation}</div>"
        )

    def key_answer(self, q: Question) -> str:
        return kind(q).key_answer(self, q)

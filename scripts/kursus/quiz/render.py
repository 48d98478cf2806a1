"""Quiz HTML for one language. Excluded wrappers are elements not nested inside themselves
(form, aside): Material's search parser matches excluded elements by tag name only.

 Every text from a quiz file is escaped; only **bold**, *italic* and
paragraph breaks are turned into markup, so a ``<script>`` in a quiz file is shown, never run."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import escape

from .bank import Bank
from .emphasis import italic
from .labels import letter, right_order, step_order
from .model import Group, Question, Quiz, Text

Strings = Callable[[str], str]

_BOLD = re.compile(r"\*\*(.+?)\*\*")


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def inline(text: str) -> str:
    """Escape, then allow **bold** and *italic*; line breaks inside a paragraph stay spaces."""
    html = escape(text.strip(), quote=True)
    if "*" not in html:  # most texts: spare the two substitutions (every page of quizzes runs this)
        return html
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    return italic(html)  # linear in the text (emphasis.py)


def block(text: str) -> str:
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    return "".join(f"<p>{inline(p)}</p>" for p in paragraphs)


def dom_id(ref: str) -> str:
    return "q-" + ref.replace(".", "-")


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
        body = getattr(self, f"_body_{q.type}")(q)
        hint = ""
        if self.text(q.hint):
            hint = (
                f'<div class="kk-hint" hidden><p><strong>{escape(self.t("hint"))}:</strong></p>'
                f"{block(self.text(q.hint))}</div>"
            )
        buttons = (
            f'<button type="button" class="md-button md-button--primary" data-act="check">'
            f"{escape(self.t('submit' if q.type == 'reflective' else 'check'))}</button>"
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
            f'data-type="{q.type}" data-points="{q.points if q.scored else 0}"{self._data(q)} '
            f'aria-describedby="{dom_id(q.id)}-text">'
            f'<legend><span class="kk-q__num">{escape(self.t("question"))} {number}</span>{note}</legend>'
            f'<div class="kk-q__text" id="{dom_id(q.id)}-text">{block(self.text(q.text))}</div>{body}{hint}'
            f'<div class="kk-q__actions">{buttons}</div>'
            f'<div class="kk-q__result" role="status" aria-live="polite"></div>'
            f"{self._verdicts(q)}{explanation}</fieldset>"
        )

    def _data(self, q: Question) -> str:
        if q.type == "truefalse" and q.answer is not None:
            return f' data-answer="{str(q.answer).lower()}"'
        if q.type == "short":
            accepted = q.accept.get(self.lang) or q.accept.get(self.fallback, [])
            return f' data-accept="{escape(json.dumps(accepted, ensure_ascii=False), quote=True)}"'
        return ""

    def _verdicts(self, q: Question) -> str:
        return "".join(
            f'<div class="kk-fb kk-fb--{k}" data-verdict="{k}" hidden>{block(self.text(v))}</div>'
            for k, v in q.feedback.items()
            if self.text(v)
        )

    def _body_single(self, q: Question) -> str:
        kind = "radio" if q.type == "single" else "checkbox"
        rows = []
        for i, option in enumerate(q.options):
            oid = f"{dom_id(q.id)}-o{i}"
            ok = ' data-ok="1"' if option.correct else ""
            feedback = ""
            if self.text(option.feedback):
                feedback = f'<div class="kk-fb" data-opt="{i}" hidden>{block(self.text(option.feedback))}</div>'
            rows.append(
                f'<div class="kk-opt"><input type="{kind}" name="{dom_id(q.id)}" id="{oid}" value="{i}"{ok}>'
                f'<label for="{oid}">{inline(self.text(option.text))}</label>{feedback}</div>'
            )
        return f'<div class="kk-opts">{"".join(rows)}</div>'

    _body_multiple = _body_single

    def _body_truefalse(self, q: Question) -> str:
        rows = []
        for value in ("true", "false"):
            oid = f"{dom_id(q.id)}-{value}"
            rows.append(
                f'<div class="kk-opt"><input type="radio" name="{dom_id(q.id)}" id="{oid}" value="{value}">'
                f'<label for="{oid}">{escape(self.t(value))}</label></div>'
            )
        return f'<div class="kk-opts kk-opts--inline">{"".join(rows)}</div>'

    def _body_short(self, q: Question) -> str:
        return (
            f'<p class="kk-short"><label for="{dom_id(q.id)}-in">{escape(self.t("your_answer"))}</label> '
            f'<input type="text" id="{dom_id(q.id)}-in" autocomplete="off" spellcheck="false"></p>'
        )

    def _body_ordering(self, q: Question) -> str:
        items = []
        for step in step_order(q):
            label = inline(self.text(q.steps[step]))
            items.append(
                f'<li data-step="{step}"><span class="kk-step">{label}</span>'
                f'<span class="kk-move"><button type="button" data-act="up" aria-label="{escape(self.t("move_up"))}">'
                f'↑</button><button type="button" data-act="down" aria-label="{escape(self.t("move_down"))}">'
                f"↓</button></span></li>"
            )
        return f'<ol class="kk-order">{"".join(items)}</ol>'

    def _body_matching(self, q: Question) -> str:
        choices = "".join(f'<option value="{j}">{escape(self.text(q.pairs[j][1]))}</option>' for j in right_order(q))
        rows = []
        for i, (left, _) in enumerate(q.pairs):
            lid = f"{dom_id(q.id)}-l{i}"
            rows.append(
                f'<div class="kk-pair"><label for="{lid}">{inline(self.text(left))}</label>'
                f'<select id="{lid}" data-answer="{i}"><option value="">{escape(self.t("choose"))}</option>'
                f"{choices}</select></div>"
            )
        return f'<div class="kk-pairs">{"".join(rows)}</div>'

    def _body_reflective(self, q: Question) -> str:
        checks = "".join(
            f'<li><label><input type="checkbox" data-self="{i}"> {inline(self.text(point))}</label></li>'
            for i, point in enumerate(q.checklist)
        )
        return (
            f'<p><label for="{dom_id(q.id)}-in">{escape(self.t("your_answer"))}</label></p>'
            f'<textarea id="{dom_id(q.id)}-in" rows="6"></textarea>'
            f'<div class="kk-model" hidden><p><strong>{escape(self.t("model_answer"))}:</strong></p>'
            f"{block(self.text(q.model_answer))}"
            f'<p><strong>{escape(self.t("self_check"))}:</strong></p><ul class="kk-self">{checks}</ul></div>'
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
        label = self.t("model_answer") if q.type == "reflective" else self.t("correct_answer")
        explanation = block(self.text(q.explanation)) if self.text(q.explanation) else ""
        return (
            f'<div class="kk-key__item"><p class="kk-key__head"><strong>{escape(self.t("question"))} '
            f"{self.numbers.get(q.id, 0)}</strong> <code>{escape(q.id)}</code></p>{block(self.text(q.text))}"
            f"<p><strong>{escape(label)}:</strong></p>{answer}{explanation}</div>"
        )

    def key_answer(self, q: Question) -> str:
        if q.type in ("single", "multiple"):
            rows = "".join(
                f"<li>{letter(i)}. {inline(self.text(o.text))} — "
                f"{block(self.text(o.feedback)) if self.text(o.feedback) else ''}</li>"
                for i, o in enumerate(q.options)
                if o.correct
            )
            return f"<ul>{rows}</ul>"
        if q.type == "truefalse":
            return f"<p>{escape(self.t('true' if q.answer else 'false'))}</p>"
        if q.type == "short":
            accepted = q.accept.get(self.lang) or q.accept.get(self.fallback, [])
            return f"<p>{escape(' / '.join(accepted))}</p>"
        if q.type == "ordering":
            return "<ol>" + "".join(f"<li>{inline(self.text(s))}</li>" for s in q.steps) + "</ol>"
        if q.type == "matching":
            rows = "".join(f"<li>{inline(self.text(a))} → {inline(self.text(b))}</li>" for a, b in q.pairs)
            return f"<ul>{rows}</ul>"
        points = "".join(f"<li>{inline(self.text(p))}</li>" for p in q.checklist)
        return f"{block(self.text(q.model_answer))}<ul>{points}</ul>"

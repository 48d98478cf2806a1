"""Quiz HTML for one language. Excluded wrappers are elements not nested inside themselves
(form, aside): Material's search parser matches excluded elements by tag name only.

Every text from a quiz file is escaped (``quiz.markup``); what each question type shows comes from
the type itself (``quiz.types``), the frame around it (number, hint, buttons, feedback) from here."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from ..translations.fallback import fallback_chain
from ..ui import interface_fallbacks, translator
from .bank import Bank
from .fallback import item_languages
from .markup import block, dom_id, inline
from .model import Group, Question, Quiz, Text
from .types import kind

if TYPE_CHECKING:
    from ..project import Project

__all__ = ["Renderer", "Strings", "block", "dom_id", "inline"]

Strings = Callable[[str], str]


class Renderer:
    """Quizzes in the reader's language ``language``; ``fallback`` is the source language and ``chain``
    the reader's fallback chain (translations/fallback.py; default: the source). A question not complete
    in the reader's language is shown whole in the first complete language of the chain (quiz/fallback.py):
    ``within(item)`` is the renderer for it, with the interface strings still in the reader's language."""

    def __init__(self, bank: Bank, language: str, fallback: str, strings: Strings, chain: Sequence[str] = ()) -> None:
        self.bank = bank
        self.lang = language  # the language of the texts this renderer shows
        self.reader = language  # the language of the page and the interface strings
        self.fallback = fallback
        self.t = strings
        self.numbers = {q.id: n for quiz in bank.quizzes for n, q in enumerate(quiz.questions(), start=1)}
        items = [item for quiz in bank.quizzes for item in quiz.items]
        self.shown_in: Mapping[str, str] = item_languages(items, language, chain or (fallback,), fallback)
        self._in: dict[str, Renderer] = {language: self}

    @classmethod
    def for_course(cls, bank: Bank, project: Project, language: str, strings: dict[str, dict[str, str]]) -> Renderer:
        """The renderer a build, print or export uses: interface strings and quiz texts both follow the
        language's fallback chain (``fallbacks`` in mkdocs.yml; translations/fallback.py)."""
        source, complete = project.default_language, project.complete_languages
        via = interface_fallbacks(language, source, complete, project.fallbacks)
        chain = fallback_chain(language, source, complete, project.fallbacks)
        return cls(bank, language, source, translator(strings, language, source, via), chain)

    def text(self, value: Text) -> str:
        return value.get(self.lang) or value.get(self.fallback, "")

    def within(self, item: Question | Group) -> Renderer:
        """The renderer for one question or scenario group: the same one, or one in the language the
        item falls back to whole."""
        language = self.shown_in.get(item.id, self.reader)
        if language not in self._in:
            other = copy.copy(self)
            other.lang = language
            self._in[language] = other
        return self._in[language]

    @property
    def falls_back(self) -> bool:
        return self.lang != self.reader

    def ui(self, key: str) -> str:
        """An interface string, escaped, marked as the reader's language inside a fallen-back question."""
        text = escape(self.t(key))
        return f'<span lang="{escape(self.reader)}">{text}</span>' if self.falls_back else text

    def reader_lang(self) -> str:
        """A lang attribute for the reader's-language parts of a fallen-back question."""
        return f' lang="{escape(self.reader)}"' if self.falls_back else ""

    def item_lang(self) -> str:
        """A lang attribute for a fallen-back question's own texts."""
        return f' lang="{escape(self.lang)}"' if self.falls_back else ""

    def notice(self) -> str:
        """Why a question is in another language, in the reader's (interface fallbacks apply)."""
        if not self.falls_back:
            return ""
        key = f"tr_quiz_in_{self.lang}"
        text = self.t(key)
        if text == key:  # no sentence for this language: name it by its code
            text = self.t("tr_quiz_in_other").replace("{language}", self.lang)
        return f'<p class="kk-fallback" lang="{escape(self.reader)}">{escape(text)}</p>'

    # -- interactive -------------------------------------------------------------------------------

    def placed(self, ref: str) -> str | None:
        """HTML for a marker's target, or None if the id is unknown."""
        target = self.bank.find(ref)
        if isinstance(target, Quiz):
            return self.module_quiz(target)
        if target is None:
            return None
        module = ref.split(".")[0]
        inner = self.item(target)
        return f'<form class="kk-quiz" data-module="{escape(module)}" data-search-exclude>{inner}</form>'

    def module_quiz(self, quiz: Quiz) -> str:
        items = "".join(self.item(i) for i in quiz.items)
        m = escape(quiz.module)
        return (
            f'<form class="kk-quiz kk-quiz--full" data-module="{m}" data-search-exclude>'
            f'<p class="kk-score" aria-live="polite"></p>{items}'
            f'<p class="kk-reset"><button type="button" class="md-button" data-act="reset">'
            f"{escape(self.t('reset_module'))}</button></p></form>"
        )

    def item(self, item: Question | Group) -> str:
        """A question or a scenario group, in the language it is shown in whole."""
        r = self.within(item)
        return r.group(item) if isinstance(item, Group) else r.question(item, alone=True)

    def group(self, group: Group) -> str:
        questions = "".join(self.question(q) for q in group.questions)
        return (
            f'<section class="kk-group" id="{dom_id(group.id)}" data-gid="{escape(group.id)}" '
            f'aria-label="{escape(self.t("case"))}"{self.item_lang()}>{self.notice()}<div class="kk-case">'
            f'<p class="kk-case__label">{self.ui("case")}</p>{block(self.text(group.case))}</div>'
            f"{questions}</section>"
        )

    def question(self, q: Question, alone: bool = False) -> str:
        """One question; ``alone``: not inside its group's section, so it carries its own notice."""
        if self.within(q) is not self:  # called for a question that falls back: show it whole in that language
            return self.within(q).question(q, alone)
        number = self.numbers.get(q.id, 0)
        body = kind(q).body(self, q)
        hint = ""
        if self.text(q.hint):
            hint = (
                f'<div class="kk-hint" hidden><p><strong>{self.ui("hint")}:</strong></p>'
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
                f'<div class="kk-explain" hidden><p><strong>{self.ui("explanation")}:</strong></p>'
                f"{block(self.text(q.explanation))}</div>"
            )
        note = f' <span class="kk-q__note">({escape(self.t("not_scored"))})</span>' if not q.scored else ""
        # A fallen-back question is marked as its texts' language; what the reader's interface says in it
        # (number, buttons, the verdict kursus.js writes) stays marked as the reader's.
        own, theirs = self.item_lang(), self.reader_lang()
        notice = self.notice() if alone else ""
        return (
            f'<fieldset class="kk-q kk-q--{q.type}" id="{dom_id(q.id)}" data-qid="{escape(q.id)}" '
            f'data-type="{q.type}" data-points="{q.points if q.scored else 0}"{kind(q).data(self, q)} '
            f'aria-describedby="{dom_id(q.id)}-text"{own}>'
            f'<legend{theirs}><span class="kk-q__num">{escape(self.t("question"))} {number}</span>{note}</legend>'
            f'{notice}<div class="kk-q__text" id="{dom_id(q.id)}-text">{block(self.text(q.text))}</div>{body}{hint}'
            f'<div class="kk-q__actions"{theirs}>{buttons}</div>'
            f'<div class="kk-q__result" role="status" aria-live="polite"{theirs}></div>'
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
            r = self.within(item)
            if isinstance(item, Group):
                parts.append(f'<div class="kk-key__case"{r.item_lang()}>{r.notice()}{block(r.text(item.case))}</div>')
                parts.extend(r._key_entry(q) for q in item.questions)
            else:
                parts.append(r._key_entry(item, notice=True))
        return f'<aside class="kk-key" data-search-exclude>{"".join(parts)}</aside>'

    def _key_entry(self, q: Question, notice: bool = False) -> str:
        answer = self.key_answer(q)
        explanation = block(self.text(q.explanation)) if self.text(q.explanation) else ""
        return (
            f'<div class="kk-key__item"{self.item_lang()}><p class="kk-key__head"{self.reader_lang()}><strong>'
            f"{escape(self.t('question'))} {self.numbers.get(q.id, 0)}</strong> <code>{escape(q.id)}</code></p>"
            f"{self.notice() if notice else ''}{block(self.text(q.text))}"
            f"<p><strong>{self.ui(kind(q).key_label)}:</strong></p>{answer}{explanation}</div>"
        )

    def key_answer(self, q: Question) -> str:
        return kind(q).key_answer(self, q)

"""Short answer: a few words, matched against accepted answers per language."""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

from ...printing.marks import writing_lines
from ...problems import Problem, error
from ...scoring.response import BLANK, Response
from ..answers import normalise, short_answer_matches
from ..items import Question
from ..markup import dom_id
from ..source import LMap, line_of
from .base import COMMON, QuestionType, read_verdicts

if TYPE_CHECKING:
    from ...printing.paper import PaperRenderer
    from ..checks import Settings
    from ..model import Reader
    from ..render import Renderer

PAPER_LINES = 2


def accepted_answers(q: Question) -> list[str]:
    """Every language's accepted answers: a participant may answer in any language of the course."""
    return [a for answers in q.accept.values() for a in answers]


def accepted_in(q: Question, language: str, fallback: str) -> list[str]:
    return q.accept.get(language) or q.accept.get(fallback, [])


class Short(QuestionType):
    name = "short"
    keys = COMMON | {"accept", "feedback"}
    required = ("accept", "feedback")

    def read(self, reader: Reader, q: Question, node: LMap) -> None:
        accept = node.get("accept")
        q.accept_line = line_of(node, "accept", node.line)
        if accept is None:
            pass
        elif not isinstance(accept, LMap):
            reader.fail(
                q.accept_line,
                "Q012",
                f"{q.id}: accept must list answers per language",
                "write accept: {id: [..], en: [..]}",
            )
        else:
            reader.duplicates(accept, f"{q.id} accept")
            for lang, answers in accept.items():
                if not isinstance(answers, list) or not all(isinstance(a, (str, int)) for a in answers):
                    reader.fail(
                        line_of(accept, lang, q.accept_line),
                        "Q012",
                        f"{q.id}: accept.{lang} must be a list of answers",
                        "write e.g. [jawaban, jawaban lain]",
                    )
                    continue
                q.accept[lang] = [str(a) for a in answers]
        read_verdicts(reader, q, node)

    def check(self, q: Question, s: Settings) -> Iterable[Problem]:
        for language in s.complete_languages:
            if not [a for a in q.accept.get(language, []) if a.strip()]:
                yield error(
                    q.path,
                    q.accept_line or q.line,
                    "Q050",
                    f"{q.id}: no accepted {language} answer",
                    f"list at least one under accept.{language}",
                )

    # -- the website ----------------------------------------------------------------------------------

    def data(self, r: Renderer, q: Question) -> str:
        accepted = accepted_in(q, r.lang, r.fallback)
        return f' data-accept="{escape(json.dumps(accepted, ensure_ascii=False), quote=True)}"'

    def body(self, r: Renderer, q: Question) -> str:
        return (
            f'<p class="kk-short"><label for="{dom_id(q.id)}-in">{escape(r.t("your_answer"))}</label> '
            f'<input type="text" id="{dom_id(q.id)}-in" autocomplete="off" spellcheck="false"></p>'
        )

    def key_answer(self, r: Renderer, q: Question) -> str:
        return f"<p>{escape(' / '.join(accepted_in(q, r.lang, r.fallback)))}</p>"

    # -- paper ----------------------------------------------------------------------------------------

    def paper_body(self, p: PaperRenderer, q: Question, marks: bool) -> str:
        return writing_lines(PAPER_LINES) if marks else ""

    def sheet_answer(self, p: PaperRenderer, q: Question) -> str:
        return writing_lines(1)

    def compact_answer(self, p: PaperRenderer, q: Question) -> str:
        return escape(" / ".join(accepted_in(q, p.lang, p.r.fallback)))

    # -- scoring ----------------------------------------------------------------------------------------

    def is_correct(self, q: Question, value: Any) -> bool:
        return short_answer_matches(str(value), accepted_answers(q))

    def parse_cell(self, q: Question, cell: str) -> Response | None:
        return Response(cell) if normalise(cell) else BLANK  # words as written; 'X' may be one

    def key(self, q: Question) -> str:
        return " / ".join(dict.fromkeys(a[0] for a in q.accept.values() if a))

    def radices(self, q: Question) -> list[int]:
        return [3]

    def digits(self, q: Question, saved: dict[str, Any] | None) -> list[int]:
        return [0 if saved is None else 1 if saved.get("ok") else 2]  # judged in the browser

    def response(self, q: Question, digits: list[int]) -> Response | None:
        return BLANK if digits[0] == 0 else Response(judged=digits[0] == 1)

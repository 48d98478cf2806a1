"""Short answer: a few words, matched against accepted answers per language."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any

from ...printing.marks import writing_lines
from ...problems import Problem, error
from ...scoring.response import BLANK, Response
from ..answers import normalise, short_answer_matches
from ..items import Question
from ..markup import block, dom_id
from ..source import LMap, line_of
from .base import COMMON, QuestionType, read_verdicts
from .gift import GiftAnswer, gift_block, gift_text, labelled
from .moodle import MoodleAnswer, value
from .moodle import answer as moodle_answer

if TYPE_CHECKING:
    from ...printing.paper import PaperRenderer
    from ..checks import Settings
    from ..model import Reader
    from ..render import Renderer

PAPER_LINES = 2
MAX_SHORT = 500  # the longest answer the browser stores (KK.MAX_SHORT in kursus-core.js)


def accepted_answers(q: Question) -> list[str]:
    """Every language's accepted answers: a participant may answer in any language of the course."""
    return [a for answers in q.accept.values() for a in answers]


def accepted_in(q: Question, language: str, fallback: str) -> list[str]:
    return q.accept.get(language) or q.accept.get(fallback, [])


_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def _untypable(c: str) -> bool:
    """Format characters (soft hyphen, zero-width space, joiners, BOM …) and control characters other
    than spaces: nothing a learner types produces them."""
    category = unicodedata.category(c)
    return category == "Cf" or (category == "Cc" and not c.isspace())


def _visible(text: str) -> str:
    return "".join(f"<U+{ord(c):04X}>" if _untypable(c) else c for c in text)


def _numbers(answers: list[str]) -> set[Decimal]:
    """The numbers among the answers ('5', '5,0', '5.0', '-2'); words and numbers with units are not."""
    found = set()
    for answer in answers:
        text = answer.strip()
        if _NUMBER.fullmatch(text):
            found.add(Decimal(text.replace(",", ".")).normalize())
    return found


def _show(numbers: set[Decimal]) -> str:
    return ", ".join(format(n, "f") for n in sorted(numbers))


def _line(q: Question, lang: str, index: int) -> int:
    lines = q.accept_lines.get(lang, [])
    return lines[index] if index < len(lines) else q.accept_line or q.line


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
                first = line_of(accept, lang, q.accept_line)
                q.accept_lines[lang] = [line_of(answers, i, first) for i in range(len(answers))]
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
        yield from self.check_untypable(q)
        yield from self.check_numbers(q)

    def check_untypable(self, q: Question) -> Iterable[Problem]:
        """An accepted answer holding an invisible character (soft hyphen, zero-width space …) can never be
        typed, so it never matches."""
        for lang, answers in q.accept.items():
            for i, answer in enumerate(answers):
                hidden = [c for c in dict.fromkeys(answer) if _untypable(c)]
                if hidden:
                    names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control character')}" for c in hidden)
                    yield error(
                        q.path,
                        _line(q, lang, i),
                        "Q052",
                        f"{q.id}: accepted {lang} answer '{_visible(answer)}' holds {names}, which no one can type",
                        "remove it; write the answer as a learner would type it",
                    )

    def check_numbers(self, q: Question) -> Iterable[Problem]:
        """A numeric answer must be the same number in every language (5, 5,0 and 5.0 are the same)."""
        numbers = {lang: found for lang, answers in q.accept.items() if (found := _numbers(answers))}
        if not numbers:
            return
        first, *others = numbers
        for lang in others:
            if numbers[lang] != numbers[first]:
                yield error(
                    q.path,
                    _line(q, lang, next(i for i, a in enumerate(q.accept[lang]) if _NUMBER.fullmatch(a.strip()))),
                    "Q053",
                    f"{q.id}: the accepted {lang} numbers ({_show(numbers[lang])}) differ from the {first} "
                    f"numbers ({_show(numbers[first])})",
                    "accept the same numbers in every language; 5, 5,0 and 5.0 count as the same",
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

    # -- export ---------------------------------------------------------------------------------------

    def gift(self, r: Renderer, q: Question) -> GiftAnswer:
        right = r.text(q.feedback.get("correct", {}))
        tail = f"#{gift_block(right)}" if right else ""
        rows = [f"\t={gift_text(a)}{tail}" for a in accepted_in(q, r.lang, r.fallback) if a.strip()]
        wrong = r.text(q.feedback.get("incorrect", {}))
        general = [labelled(r.t("export_if_incorrect"), gift_block(wrong))] if wrong else []
        return GiftAnswer("\n" + "\n".join(rows) + "\n", general, "short_incorrect" if wrong else None)

    def moodle(self, r: Renderer, q: Question) -> MoodleAnswer:
        # every accepted answer, case ignored (usecase 0); '*' matches any other answer, so a wrong
        # answer gets the feedback for an incorrect one
        right, wrong = (block(r.text(q.feedback.get(key, {}))) for key in ("correct", "incorrect"))
        parts = [value("usecase", "0")]
        accepted = [a.strip() for a in accepted_in(q, r.lang, r.fallback) if a.strip()]
        parts += [moodle_answer("100", a, right, plain=True) for a in accepted]
        if wrong:
            parts.append(moodle_answer("0", "*", wrong, plain=True))
        return MoodleAnswer("shortanswer", parts, degraded=["short_matching"])

    # -- scoring ----------------------------------------------------------------------------------------

    def is_correct(self, q: Question, value: Any) -> bool:
        return short_answer_matches(str(value), accepted_answers(q))

    def parse_cell(self, q: Question, cell: str) -> Response | None:
        return Response(cell) if normalise(cell) else BLANK  # words as written; 'X' may be one

    def key(self, q: Question) -> str:
        return " / ".join(dict.fromkeys(a[0] for a in q.accept.values() if a))

    class_answers = True

    def group(self, q: Question, label: str) -> str:
        return normalise(label)

    def key_response(self, q: Question) -> str | None:
        return None

    def report_label(self, label: str) -> str:
        return f"“{label}”"

    def browser_key(self, q: Question, language: str, fallback: str) -> Any:
        return accepted_in(q, language, fallback)

    def radices(self, q: Question) -> list[int]:
        return [3]

    def usable(self, q: Question, value: Any) -> bool:
        return isinstance(value, str) and len(value) <= MAX_SHORT and normalise(value) != ""

    def digits(self, q: Question, value: Any, language: str) -> list[int]:
        # the words do not fit a code: judged from the page's key, as the browser does (never a stored flag)
        accepted = q.accept.get(language) or next(iter(q.accept.values()), [])
        return [1 if short_answer_matches(value, accepted) else 2]

    def response(self, q: Question, digits: list[int]) -> Response | None:
        return BLANK if digits[0] == 0 else Response(judged=digits[0] == 1)

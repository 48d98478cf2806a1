"""Matching: pairs listed matched in the quiz file; the right-hand side is shown in a fixed shuffle."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

from ...printing.marks import blank
from ...problems import Problem
from ...scoring.response import BLANK, Response
from ..answers import normalise
from ..items import Question
from ..labels import letter, right_order
from ..markup import dom_id, inline
from .base import COMMON, QuestionType, read_verdicts, verdicts_as_combined, verdicts_as_general
from .cells import LETTERS, SEPARATORS, valid_list
from .distinct import check_columns
from .gift import GiftAnswer, gift_text
from .moodle import MoodleAnswer, matched, value
from .ordering import answered_list

if TYPE_CHECKING:
    from ...printing.paper import PaperRenderer
    from ..checks import Settings
    from ..model import Reader
    from ..render import Renderer
    from ..source import LMap

PAIR_KEYS = frozenset({"left", "right"})


class Matching(QuestionType):
    name = "matching"
    keys = COMMON | {"pairs", "feedback"}
    required = ("pairs", "feedback")

    def read(self, reader: Reader, q: Question, node: LMap) -> None:
        if "pairs" in node:
            for i, pair in enumerate(reader.maps(reader.items(node, "pairs", q.id), q.id), start=1):
                reader.keys(pair, PAIR_KEYS, f"{q.id} pair {i}")
                q.entry_lines.append(pair.line)
                q.pairs.append(
                    (
                        reader.text(pair, "left", q.id, f"pair {i} left"),
                        reader.text(pair, "right", q.id, f"pair {i} right"),
                    )
                )
        read_verdicts(reader, q, node)

    def check(self, q: Question, s: Settings) -> Iterable[Problem]:
        lefts = [left for left, _ in q.pairs]
        rights = [right for _, right in q.pairs]
        sides = ["left sides of pairs", "right sides of pairs"]
        yield from check_columns(q, [lefts, rights], s.min_pairs, "pairs", s.source_language, sides)

    def count(self, q: Question) -> int:
        return len(q.pairs)

    # -- the website ----------------------------------------------------------------------------------

    def body(self, r: Renderer, q: Question) -> str:
        choices = "".join(f'<option value="{j}">{escape(r.text(q.pairs[j][1]))}</option>' for j in right_order(q))
        rows = []
        for i, (left, _) in enumerate(q.pairs):
            lid = f"{dom_id(q.id)}-l{i}"
            rows.append(
                f'<div class="kk-pair"><label for="{lid}">{inline(r.text(left))}</label>'
                f'<select id="{lid}" data-answer="{i}"><option value="">{escape(r.t("choose"))}</option>'
                f"{choices}</select></div>"
            )
        return f'<div class="kk-pairs">{"".join(rows)}</div>'

    def key_answer(self, r: Renderer, q: Question) -> str:
        rows = "".join(f"<li>{inline(r.text(a))} → {inline(r.text(b))}</li>" for a, b in q.pairs)
        return f"<ul>{rows}</ul>"

    # -- paper ----------------------------------------------------------------------------------------

    def paper_body(self, p: PaperRenderer, q: Question, marks: bool) -> str:
        right = right_order(q)
        rows = "".join(
            f'<tr><td class="pp-match__left"><span class="pp-letter">{i + 1}.</span> '
            f"{inline(p.r.text(left))}</td>"
            + (f'<td class="pp-match__blank">{blank("letter")}</td>' if marks else "")
            + f'<td class="pp-match__right"><span class="pp-letter">{letter(i)}.</span> '
            f"{inline(p.r.text(q.pairs[right[i]][1]))}</td></tr>"
            for i, (left, _) in enumerate(q.pairs)
        )
        return f'<table class="pp-match"><tbody>{rows}</tbody></table>'

    def sheet_answer(self, p: PaperRenderer, q: Question) -> str:
        return " ".join(f'<span class="pp-choice">{i + 1} {blank("letter")}</span>' for i in range(len(q.pairs)))

    def compact_answer(self, p: PaperRenderer, q: Question) -> str:
        right = right_order(q)
        return " · ".join(f"{i + 1} {letter(right.index(i))}" for i in range(len(q.pairs)))

    # -- export ---------------------------------------------------------------------------------------

    def gift(self, r: Renderer, q: Question) -> GiftAnswer:
        rows = [f"\t={gift_text(r.text(left))} -> {gift_text(r.text(right))}" for left, right in q.pairs]
        general = verdicts_as_general(r, q)
        return GiftAnswer("\n" + "\n".join(rows) + "\n", general, "matching_verdicts" if general else None)

    def moodle(self, r: Renderer, q: Question) -> MoodleAnswer:
        # left sides in the quiz file's order, as on the website (Moodle always shuffles the right sides,
        # which it shows as plain text in a menu, as the website does)
        parts = [value("shuffleanswers", "false"), *verdicts_as_combined(r, q)]
        parts += [matched(inline(r.text(left)), r.text(right).strip()) for left, right in q.pairs]
        return MoodleAnswer("match", parts)

    # -- scoring ----------------------------------------------------------------------------------------

    def is_correct(self, q: Question, value: Any) -> bool:
        return tuple(value) == tuple(range(len(q.pairs)))

    def parse(self, q: Question, cell: str) -> Response | None:
        count, right = len(q.pairs), right_order(q)
        chosen: list[int | None] = []
        for ch in SEPARATORS.sub("", cell.upper()):
            if ch in "-_–?":
                chosen.append(None)
                continue
            index = LETTERS.find(ch)
            if index < 0 or index >= count:
                return None
            chosen.append(right[index])
        if len(chosen) != count:
            return None
        return BLANK if all(c is None for c in chosen) else Response(tuple(chosen))

    def show(self, q: Question, value: Any) -> str:
        right = right_order(q)
        return "".join("-" if i is None else letter(right.index(i)) for i in value)

    def key(self, q: Question) -> str:
        return self.show(q, tuple(range(len(q.pairs))))

    def version_key(self, q: Question, source_language: str) -> str:
        return "\x1f".join(
            normalise(a.get(source_language, "")) + "\x1e" + normalise(b.get(source_language, "")) for a, b in q.pairs
        )

    def radices(self, q: Question) -> list[int]:
        n = len(q.pairs)
        return [2, *([n] * n)]

    def usable(self, q: Question, value: Any) -> bool:
        return valid_list(value, len(q.pairs), permutation=False)

    def digits(self, q: Question, value: Any, language: str) -> list[int]:
        return [1, *value]

    def response(self, q: Question, digits: list[int]) -> Response | None:
        answered = answered_list(digits)
        if not answered:
            return None if answered is None else BLANK
        return Response(tuple(digits[1:]))

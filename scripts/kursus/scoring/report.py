"""The scoring report as a terminal table, in the trainer's language, and the parts every format shares
(the legend, the class statistics, the small-class caution). CSV: csvreport.py; HTML: html.py.

Every report accounts for every input row: participants scored, rows and codes not scored (with
``path:line`` and the reason), warnings, and a totals line with both counts.
"""

from __future__ import annotations

import textwrap

from ..quiz.model import Question
from ..quiz.types import kind
from .model import Level, Note, Participant, Strings, in_order
from .review import EASY, HARD, MIN_CLASS, WEAK, half_up
from .stats import Choice, ItemStats, NearMiss, Results

MARK = "✓"
TRAINER = "+"  # after the mark: correct through an answer the trainer accepted for this class
WIDTH = 100  # the terminal report's legend is wrapped to this


def number(value: float | None, t: Strings, places: int = 2) -> str:
    """A statistic in the language's decimal style; an en dash when it cannot be computed."""
    if value is None:
        return "–"
    return str(half_up(value, places)).replace(".", t("score_decimal"))


def percent(part: float, whole: float) -> str:
    return f"{half_up(100 * part / whole, 0)}%" if whole else "–"


def name(p: Participant, t: Strings) -> str:
    return p.name or t("score_unnamed").format(line=p.line)


def title(results: Results, language: str, fallback: str) -> str:
    quiz = results.quiz
    text = quiz.title.get(language) or quiz.title.get(fallback, "")
    return f"{quiz.module} · {text}" if text else quiz.module


def choice_label(q: Question, c: Choice, t: Strings) -> str:
    if c.kind == "option":
        label = kind(q).report_label(c.label)
        return label + (MARK if c.correct else "") + (TRAINER if c.trainer else "")
    if c.kind == "judged":
        return t("score_judged_right" if c.correct else "score_judged_wrong")
    return t(f"score_{c.kind}")


def choices_text(item: ItemStats, t: Strings) -> str:
    return " · ".join(f"{choice_label(item.question, c, t)} {c.count}" for c in item.choices)


def flag_text(item: ItemStats, t: Strings) -> str:
    return "; ".join(t(f"score_flag_{flag}") for flag in item.flags)


def totals(results: Results, t: Strings) -> str:
    intake = results.intake
    text = t("score_totals").format(rows=intake.rows, scored=len(results.scored), rejected=intake.rejected)
    if intake.empty or intake.comments:
        text += " " + t("score_totals_skipped").format(empty=intake.empty, comments=intake.comments)
    return text


def summary(results: Results, t: Strings) -> str:
    if not results.scored:
        return t("score_none")
    return t("score_summary").format(
        count=len(results.scored),
        mean=number(results.mean, t, 1),
        max=results.max_points,
        percent=percent(results.mean or 0, results.max_points),
        lowest=results.lowest,
        highest=results.highest,
    )


def spread_text(results: Results, t: Strings) -> str:
    """Standard deviation, median and reliability of the class's scores, in one sentence."""
    s = results.spread
    return t("score_spread").format(
        sd=number(s.sd, t, 1),
        median=number(s.median, t, 1),
        reliability=t(f"score_{s.kind}"),
        value=number(s.reliability, t),
    )


def caution(results: Results, t: Strings) -> str | None:
    """Said before the statistics when the class is too small for D and r-pb."""
    if not results.scored or not results.small:
        return None
    return t("score_small_class").format(count=len(results.scored), min=MIN_CLASS)


def limits(t: Strings) -> dict[str, str]:
    """The legend's thresholds, written as the report writes numbers."""
    return {
        "easy": number(EASY, t),
        "hard": number(HARD, t),
        "weak": number(WEAK, t),
        "min": str(MIN_CLASS),
    }


def legend(results: Results, t: Strings) -> list[tuple[str, str]]:
    """(term, what it means) for everything the report shows; the same in every format."""
    keys = ["score_facility", "score_discrimination", "score_pbis", "score_flags", "score_spread_term"]
    keys += [f"score_{results.spread.kind}", "score_code_term"]
    if any(c.kind == "judged" for item in results.items for c in item.choices):
        keys.append("score_judged_right")  # short answers that came in result codes
    if results.counted or results.near:
        keys.append("score_accepted")
    values = limits(t) | {"mark": MARK + TRAINER}
    terms = [t(key).format(**values) for key in keys]
    return [
        (term[:1].upper() + term[1:], t(key + "_help").format(**values)) for term, key in zip(terms, keys, strict=True)
    ]


def accepted_lines(results: Results, t: Strings) -> list[str]:
    """One line per answer the trainer accepted: where it came from and whom it was counted for."""
    lines = []
    for c in results.counted:
        a = c.answer
        language = f" ({a.language})" if a.language else ""
        whom = ", ".join(c.names) if c.names else t("score_accepted_nobody")
        lines.append(f"{c.number:>3}  {a.qid}  “{a.answer}”{language}  {a.source}  {len(c.names)}: {whom}")
    return lines


def near_text(n: NearMiss, t: Strings) -> str:
    return t("score_near_line").format(
        given=n.given, count=len(n.names), names=", ".join(n.names), close=n.close_to, line=f"{n.question.id},{n.given}"
    )


def notes(results: Results, level: Level) -> list[Note]:
    return in_order([n for n in results.intake.notes if n.level is level])


# -- terminal table ----------------------------------------------------------------------------------


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    return lines


def as_table(results: Results, t: Strings, language: str, fallback: str) -> str:
    out = [f"{t('score_title')}: {title(results, language, fallback)}"]
    out.append(f"{t('score_sources')}: {', '.join(results.intake.sources)}")
    out += ["", summary(results, t)]
    if results.scored:
        out.append(spread_text(results, t))
    warn = caution(results, t)
    if warn:
        out += [_wrap(warn, "")]
    if results.scored:
        out += ["", *_participants_table(results, t), "", *_items_table(results, t)]
        out += ["", t("score_choices") + f" ({MARK} = {t('correct_answer').lower()})"]
        out += [f"{item.number:>3}  {item.question.id}  {choices_text(item, t)}" for item in results.items]
        if results.counted:
            out += ["", t("score_accepted_heading"), *accepted_lines(results, t)]
        if results.near:
            out += ["", t("score_near_heading")]
            out += [f"{n.number:>3}  {n.question.id}  {near_text(n, t)}" for n in results.near]
        out += ["", t("score_revisit")]
        revisit = results.revisit()
        out += [f"{i.number:>3}  {i.question.id}  {flag_text(i, t)}" for i in revisit] or [t("score_revisit_none")]
    for level, heading in ((Level.WARNING, "score_warnings"), (Level.REJECTED, "score_not_scored")):
        found = notes(results, level)
        if found:
            out += ["", t(heading), *(n.text(t) for n in found)]
    out += ["", t("score_legend")]
    out += [_wrap(f"{term}: {text}", "    ") for term, text in legend(results, t)]
    out += ["", totals(results, t)]
    return "\n".join(out) + "\n"


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, WIDTH, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False)


def _participants_table(results: Results, t: Strings) -> list[str]:
    rows = [[t("score_participant"), t("score"), "%", t("score_missed")]]
    for s in results.scored:
        missed = ", ".join(map(str, s.missed(results.numbers))) or "–"
        rows.append(
            [name(s.participant, t), f"{s.score}/{results.max_points}", percent(s.score, results.max_points), missed]
        )
    return _table(rows, {1, 2})


def _items_table(results: Results, t: Strings) -> list[str]:
    rows = [
        [
            t("score_number"),
            "id",
            t("score_type"),
            t("score_points"),
            t("score_facility_short"),
            t("score_discrimination_short"),
            t("score_pbis_short"),
            t("score_flags"),
        ]
    ]
    for item in results.items:
        q = item.question
        rows.append(
            [
                str(item.number),
                q.id,
                t(f"score_type_{q.type}"),
                str(q.points),
                number(item.facility, t),
                number(item.discrimination, t),
                number(item.point_biserial, t),
                flag_text(item, t),
            ]
        )
    return _table(rows, {0, 3, 4, 5, 6})

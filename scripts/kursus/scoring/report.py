"""The scoring report as a terminal table or as CSV, in the trainer's language. HTML: html.py.

Every report accounts for every input row: participants scored, rows and codes not scored (with
``path:line`` and the reason), warnings, and a totals line with both counts.
"""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal

from ..quiz.model import Question
from .model import Level, Note, Participant, Strings, in_order
from .stats import Choice, ItemStats, Results

MARK = "✓"


def number(value: float | None, t: Strings, places: int = 2) -> str:
    """A statistic in the language's decimal style; an en dash when it cannot be computed."""
    if value is None:
        return "–"
    return str(half_up(value, places)).replace(".", t("score_decimal"))


def half_up(value: float, places: int) -> Decimal:
    """Rounded as people do by hand (0.625 -> 0.63), not to even as ``round`` does."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


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
        label = f"“{c.label}”" if q.type == "short" else c.label
        return label + (MARK if c.correct else "")
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
        out += ["", *_participants_table(results, t), "", *_items_table(results, t)]
        out += ["", t("score_choices") + f" ({MARK} = {t('correct_answer').lower()})"]
        out += [f"{item.number:>3}  {item.question.id}  {choices_text(item, t)}" for item in results.items]
        out += ["", t("score_revisit")]
        revisit = results.revisit()
        out += [f"{i.number:>3}  {i.question.id}  {flag_text(i, t)}" for i in revisit] or [t("score_revisit_none")]
    for level, heading in ((Level.WARNING, "score_warnings"), (Level.REJECTED, "score_not_scored")):
        found = notes(results, level)
        if found:
            out += ["", t(heading), *(n.text(t) for n in found)]
    out += ["", totals(results, t)]
    return "\n".join(out) + "\n"


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


# -- CSV ---------------------------------------------------------------------------------------------


def as_csv(results: Results, t: Strings) -> str:
    """Blocks separated by an empty row: participants (1/0 per question), items, rows not scored, totals.
    Numbers use a decimal point, whatever the language, so spreadsheets and scripts read them alike."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    questions = results.questions
    w.writerow([t("score_col_participant"), t("score"), t("score_max"), "%", *(q.id for q in questions)])
    for s in results.scored:
        marks = [1 if s.correct[q.id] else 0 for q in questions]
        w.writerow([name(s.participant, t), s.score, results.max_points, percent(s.score, results.max_points), *marks])
    w.writerow([])
    w.writerow(
        [
            t("score_number"),
            "id",
            t("score_type"),
            t("score_points"),
            t("score_correct_count"),
            t("score_facility"),
            t("score_discrimination"),
            t("score_pbis"),
            t("score_choices"),
            t("score_flags"),
        ]
    )
    for item in results.items:
        q = item.question
        w.writerow(
            [
                item.number,
                q.id,
                t(f"score_type_{q.type}"),
                q.points,
                item.correct,
                _plain(item.facility),
                _plain(item.discrimination),
                _plain(item.point_biserial),
                choices_text(item, t),
                flag_text(item, t),
            ]
        )
    w.writerow([])
    w.writerow([t("score_file"), t("score_line"), t("score_level"), t("score_reason")])
    for n in in_order(results.intake.notes):
        w.writerow([n.path, n.line, t(f"score_level_{n.level.value}"), n.message(t)])
    w.writerow([])
    w.writerow([totals(results, t)])
    return out.getvalue()


def _plain(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"

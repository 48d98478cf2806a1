"""The scoring report as CSV: blocks separated by an empty row (participants with 1/0 per question, the
class statistics, items, answers accepted for the class, near misses, rows not scored, the legend, totals).

Two styles. ``plain``: commas and decimal points whatever the language, so scripts read it alike.
``excel-id``: what Excel set to Indonesian opens by double-click: semicolons (its list separator), decimal
commas, and a byte order mark so it reads UTF-8 (names with accents stay right).
"""

from __future__ import annotations

import csv
import io

from .model import Strings, in_order
from .report import accepted_lines, caution, choices_text, flag_text, legend, name, near_text, percent, totals
from .stats import Results

BOM = "\ufeff"


class Style:
    def __init__(self, excel_id: bool) -> None:
        self.delimiter = ";" if excel_id else ","
        self.decimal = "," if excel_id else "."
        self.bom = BOM if excel_id else ""

    def number(self, value: float | None, places: int = 4) -> str:
        return "" if value is None else f"{value:.{places}f}".replace(".", self.decimal)


def as_csv(results: Results, t: Strings, excel_id: bool = False) -> str:
    style = Style(excel_id)
    out = io.StringIO()
    w = csv.writer(out, delimiter=style.delimiter, lineterminator="\r\n")
    questions = results.questions
    w.writerow([t("score_col_participant"), t("score"), t("score_max"), "%", *(q.id for q in questions)])
    for s in results.scored:
        marks = [1 if s.correct[q.id] else 0 for q in questions]
        w.writerow([name(s.participant, t), s.score, results.max_points, percent(s.score, results.max_points), *marks])
    w.writerow([])
    spread = results.spread
    w.writerow([t("score_participants"), t("score_mean"), t("score_sd"), t("score_median"), t(f"score_{spread.kind}")])
    w.writerow(
        [
            len(results.scored),
            style.number(results.mean),
            style.number(spread.sd),
            style.number(spread.median, 1),
            style.number(spread.reliability),
        ]
    )
    warn = caution(results, t)
    if warn:
        w.writerow([warn])
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
                style.number(item.facility),
                style.number(item.discrimination),
                style.number(item.point_biserial),
                choices_text(item, t),
                flag_text(item, t),
            ]
        )
    if results.counted:
        w.writerow([])
        w.writerow([t("score_accepted_heading")])
        w.writerows([line.strip()] for line in accepted_lines(results, t))
    if results.near:
        w.writerow([])
        w.writerow([t("score_near_heading")])
        w.writerows([n.number, n.question.id, near_text(n, t)] for n in results.near)
    w.writerow([])
    w.writerow([t("score_file"), t("score_line"), t("score_level"), t("score_reason")])
    for n in in_order(results.intake.notes):
        w.writerow([n.path, n.line, t(f"score_level_{n.level.value}"), n.message(t)])
    w.writerow([])
    w.writerow([t("score_legend")])
    w.writerows(legend(results, t))
    w.writerow([])
    w.writerow([totals(results, t)])
    return style.bom + out.getvalue()

"""The learning-gain report (gain.py's figures) as a terminal table, CSV and one self-contained HTML page.
Every format carries the same figures, the participants not paired, the rows not scored and the legend
(*Cara membaca laporan ini*); the HTML page adds two charts (gainchart.py) after the tables they draw."""

from __future__ import annotations

import csv
import io
import textwrap

from .csvreport import Style
from .gain import Gain, ObjectiveGain, PersonGain, Unpaired
from .model import Level, Note, Strings, in_order
from .report import WIDTH, number, percent

Row = list[str]


# -- what every format shows ----------------------------------------------------------------------------


def g_text(value: float | None, t: Strings, undefined: str = "score_gain_g_none") -> str:
    return t(undefined) if value is None else number(value, t)


def signed(value: float, t: Strings, places: int = 1) -> str:
    return ("+" if value > 0 else "") + number(value, t, places)


def summary(gain: Gain, t: Strings) -> str:
    if not gain.people:
        return t("score_gain_none")
    return t("score_gain_summary").format(count=len(gain.people), max_pre=gain.max_pre, max_post=gain.max_post)


def class_rows(gain: Gain, t: Strings) -> list[tuple[str, str]]:
    """(label, value) of the class figures, as the report writes numbers."""
    if not gain.people:
        return []
    return [
        (t("score_gain_mean_pre"), f"{number(gain.mean_pre, t, 1)}/{gain.max_pre}"),
        (t("score_gain_mean_post"), f"{number(gain.mean_post, t, 1)}/{gain.max_post}"),
        (t("score_gain_mean_raw"), signed(gain.mean_gain or 0.0, t)),
        (t("score_gain_class_g"), g_text(gain.class_g, t)),
        (t("score_gain_mean_g"), g_text(gain.mean_g, t, "score_gain_g_none")),
    ]


def undefined_note(gain: Gain, t: Strings) -> str | None:
    return t("score_gain_undefined").format(count=gain.undefined_g) if gain.undefined_g else None


def person_row(p: PersonGain, gain: Gain, t: Strings) -> Row:
    return [
        p.name,
        f"{p.pre}/{gain.max_pre}",
        f"{p.post}/{gain.max_post}",
        signed(p.gain, t, 0) if p.gain else "0",
        g_text(p.g, t),
    ]


def people_header(t: Strings) -> Row:
    return [
        t("score_participant"),
        t("score_gain_pre"),
        t("score_gain_post"),
        t("score_gain_raw"),
        t("score_gain_g"),
    ]


def objective_header(t: Strings) -> Row:
    return [
        t("score_gain_objective"),
        t("score_gain_items"),
        t("score_gain_pre"),
        t("score_gain_post"),
        t("score_gain_change"),
    ]


def objective_row(o: ObjectiveGain, t: Strings) -> Row:
    change = round(100 * o.gain)
    return [
        f"{o.objective} {o.text}".strip(),
        ", ".join(o.numbers),
        percent(o.pre, 1),
        percent(o.post, 1),
        f"{'+' if change > 0 else ''}{change} %".replace(" %", "%"),
    ]


def unpaired_lines(found: list[Unpaired]) -> list[str]:
    return [f"{u.where}: {u.name}" for u in found]


def all_notes(gain: Gain, level: Level) -> list[Note]:
    return in_order([n for r in (gain.pre, gain.post) for n in r.intake.notes if n.level is level])


def legend(t: Strings) -> list[tuple[str, str]]:
    """(term, what it means), the same in every format; the terms are written as shown ("g" stays small)."""
    keys = ["score_gain_pairing", "score_gain_raw", "score_gain_g_term", "score_gain_class_g", "score_gain_mean_g"]
    keys.append("score_gain_objective")
    return [(t(k), t(f"{k}_help")) for k in keys]


def totals(gain: Gain, t: Strings) -> str:
    return t("score_gain_totals").format(
        pre=len(gain.pre.scored),
        post=len(gain.post.scored),
        paired=len(gain.people),
        unpaired=len(gain.only_pre) + len(gain.only_post),
        rejected=gain.pre.intake.rejected + gain.post.intake.rejected,
    )


def title(gain: Gain, t: Strings) -> str:
    return t("score_gain_title")


def sources(gain: Gain, t: Strings) -> str:
    return f"{t('score_sources')}: {', '.join([*gain.pre.intake.sources, *gain.post.intake.sources])}"


# -- terminal ---------------------------------------------------------------------------------------------


def _table(rows: list[Row], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False)


def _unpaired_block(gain: Gain, t: Strings) -> list[str]:
    if not gain.only_pre and not gain.only_post:
        return [t("score_gain_all_paired")]
    out = []
    for heading, found in (("score_gain_only_pre", gain.only_pre), ("score_gain_only_post", gain.only_post)):
        if found:
            out += [t(heading), *unpaired_lines(found)]
    return out


def as_table(gain: Gain, t: Strings) -> str:
    out = [title(gain, t), sources(gain, t), "", _wrap(summary(gain, t))]
    if gain.people:
        out += ["", t("score_gain_class"), *_table([[k, v] for k, v in class_rows(gain, t)], {1})]
        extra = undefined_note(gain, t)
        if extra:
            out.append(_wrap(extra))
        out += ["", t("score_gain_people")]
        out += _table([people_header(t), *(person_row(p, gain, t) for p in gain.people)], {1, 2, 3})
        out += ["", t("score_gain_objectives")]
        if gain.objectives:
            out += _table([objective_header(t), *(objective_row(o, t) for o in gain.objectives)], {2, 3, 4})
        else:
            out.append(t("score_gain_no_objectives"))
    out += ["", *_unpaired_block(gain, t)]
    for level, heading in ((Level.WARNING, "score_warnings"), (Level.REJECTED, "score_not_scored")):
        found = all_notes(gain, level)
        if found:
            out += ["", t(heading), *(n.text(t) for n in found)]
    out += ["", t("score_legend"), *(_wrap(f"{term}: {text}", "    ") for term, text in legend(t))]
    out += ["", _wrap(totals(gain, t))]
    return "\n".join(out) + "\n"


# -- CSV ----------------------------------------------------------------------------------------------------


def as_csv(gain: Gain, t: Strings, excel_id: bool = False) -> str:
    style = Style(excel_id)
    out = io.StringIO()
    w = csv.writer(out, delimiter=style.delimiter, lineterminator="\r\n")
    w.writerow(
        [
            t("score_col_participant"),
            t("score_gain_pre"),
            t("score_gain_post"),
            f"{t('score_max')} ({t('score_gain_pre')})",
            f"{t('score_max')} ({t('score_gain_post')})",
            t("score_gain_raw"),
            t("score_gain_g"),
        ]
    )
    for p in gain.people:
        g = style.number(p.g) if p.g is not None else t("score_gain_g_none")
        w.writerow([p.name, p.pre, p.post, gain.max_pre, gain.max_post, p.gain, g])
    w.writerow([])
    w.writerow([t("score_gain_class")])
    w.writerow([t("score_gain_mean_pre"), style.number(gain.mean_pre)])
    w.writerow([t("score_gain_mean_post"), style.number(gain.mean_post)])
    w.writerow([t("score_gain_mean_raw"), style.number(gain.mean_gain)])
    w.writerow([t("score_gain_class_g"), style.number(gain.class_g)])
    w.writerow([t("score_gain_mean_g"), style.number(gain.mean_g)])
    extra = undefined_note(gain, t)
    if extra:
        w.writerow([extra])
    w.writerow([])
    w.writerow([t("score_gain_objectives")])
    w.writerow(["id", *objective_header(t)])
    for o in gain.objectives:
        numbers = " ".join(o.numbers)
        w.writerow([o.objective, o.text, numbers, style.number(o.pre), style.number(o.post), style.number(o.gain)])
    w.writerow([])
    for heading, found in (("score_gain_only_pre", gain.only_pre), ("score_gain_only_post", gain.only_post)):
        if found:
            w.writerow([t(heading)])
            w.writerows([u.name, u.where] for u in found)
    w.writerow([])
    w.writerow([t("score_file"), t("score_line"), t("score_level"), t("score_reason")])
    for n in in_order([n for r in (gain.pre, gain.post) for n in r.intake.notes]):
        w.writerow([n.path, n.line, t(f"score_level_{n.level.value}"), n.message(t)])
    w.writerow([])
    w.writerow([t("score_legend")])
    w.writerows(legend(t))
    w.writerow([])
    w.writerow([totals(gain, t)])
    return style.bom + out.getvalue()

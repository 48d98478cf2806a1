"""The learning-gain report as one self-contained HTML page, styled like the score report (html.py): each
chart follows the table it draws, which is its text alternative."""

from __future__ import annotations

from html import escape

from .gain import Gain
from .gainchart import Series, svg
from .gainreport import (
    Row,
    all_notes,
    class_rows,
    legend,
    objective_header,
    objective_row,
    people_header,
    person_row,
    sources,
    summary,
    title,
    totals,
    undefined_note,
)
from .html import CSS
from .model import Level, Strings

GAIN_CSS = """
svg.chart { display: block; width: 100%; height: auto; max-width: 44rem; }
figure { margin: .4rem 0 1.2rem; } figcaption { color: #444; font-size: .9em; }
@media print { figure { break-inside: avoid; } }
"""


def _table(header: Row, rows: list[Row], numeric: set[int], caption: str) -> str:
    head = "".join(
        f'<th scope="col"{" class=num" if i in numeric else ""}>{escape(c)}</th>' for i, c in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            (
                f'<th scope="row">{escape(c)}</th>'
                if i == 0
                else f"<td{' class=num' if i in numeric else ''}>{escape(c)}</td>"
            )
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(chart: str, t: Strings) -> str:
    if not chart:
        return ""
    return f"<figure>{chart}<figcaption>{escape(t('score_gain_chart_alt'))}</figcaption></figure>"


def _people_chart(gain: Gain, t: Strings) -> str:
    series = Series(
        t("score_gain_chart_people"),
        [p.name for p in gain.people],
        [100 * p.pre / gain.max_pre if gain.max_pre else 0.0 for p in gain.people],
        [100 * p.post / gain.max_post if gain.max_post else 0.0 for p in gain.people],
        t("score_gain_pre"),
        t("score_gain_post"),
        "%",
    )
    return svg(series, t("score_gain_chart_alt"), "kk-people")


def _objective_chart(gain: Gain, t: Strings) -> str:
    series = Series(
        t("score_gain_chart_objectives"),
        [o.objective for o in gain.objectives],
        [100 * o.pre for o in gain.objectives],
        [100 * o.post for o in gain.objectives],
        t("score_gain_pre"),
        t("score_gain_post"),
        "%",
    )
    return svg(series, t("score_gain_chart_alt"), "kk-objectives")


def _list(lines: list[str], css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f"<ul{attr}>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"


def as_html(gain: Gain, t: Strings, language: str) -> str:
    parts = [f"<h1>{escape(title(gain, t))}</h1>", f'<p class="meta">{escape(sources(gain, t))}</p>']
    parts.append(f"<p>{escape(summary(gain, t))}</p>")
    if gain.people:
        rows = "".join(
            f'<tr><th scope="row">{escape(k)}</th><td class="num">{escape(v)}</td></tr>' for k, v in class_rows(gain, t)
        )
        parts += [f"<h2>{escape(t('score_gain_class'))}</h2>", f'<table class="matrix"><tbody>{rows}</tbody></table>']
        extra = undefined_note(gain, t)
        if extra:
            parts.append(f'<p class="caution">{escape(extra)}</p>')
        parts.append(f"<h2>{escape(t('score_gain_people'))}</h2>")
        people = [person_row(p, gain, t) for p in gain.people]
        parts.append(_table(people_header(t), people, {1, 2, 3, 4}, t("score_gain_people")))
        parts.append(_figure(_people_chart(gain, t), t))
        parts.append(f"<h2>{escape(t('score_gain_objectives'))}</h2>")
        if gain.objectives:
            objectives = [objective_row(o, t) for o in gain.objectives]
            parts.append(_table(objective_header(t), objectives, {1, 2, 3, 4}, t("score_gain_objectives")))
            parts.append(_figure(_objective_chart(gain, t), t))
        else:
            parts.append(f"<p>{escape(t('score_gain_no_objectives'))}</p>")
    for heading, found in (("score_gain_only_pre", gain.only_pre), ("score_gain_only_post", gain.only_post)):
        if found:
            parts += [f"<h2>{escape(t(heading))}</h2>", _list([f"{u.name} ({u.where})" for u in found])]
    for level, heading in ((Level.WARNING, "score_warnings"), (Level.REJECTED, "score_not_scored")):
        notes = all_notes(gain, level)
        if notes:
            parts += [f"<h2>{escape(t(heading))}</h2>", _list([n.text(t) for n in notes], "notes")]
    terms = "".join(f"<dt>{escape(term)}</dt><dd>{escape(text)}</dd>" for term, text in legend(t))
    parts += [f"<h2>{escape(t('score_legend'))}</h2>", f"<dl>{terms}</dl>"]
    parts.append(f'<p class="totals">{escape(totals(gain, t))}</p>')
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title(gain, t))}</title>\n<style>{CSS}{GAIN_CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(p for p in parts if p)
        + "\n</main>\n</body>\n</html>\n"
    )

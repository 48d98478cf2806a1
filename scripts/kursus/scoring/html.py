"""The scoring report as one self-contained HTML page: inline CSS, no script, no request to anything,
readable on screen and printed on A4 in black and white (marks are symbols, not only colours)."""

from __future__ import annotations

from html import escape

from .model import Level, Strings
from .report import (
    MARK,
    caution,
    choice_label,
    flag_text,
    legend,
    name,
    near_text,
    notes,
    number,
    percent,
    spread_text,
    summary,
    title,
    totals,
)
from .stats import ItemStats, Results

CSS = """
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1a1a1a;
  margin: 0; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; border-bottom: 2px solid #00695c; padding-bottom: .2rem; }
.meta { color: #444; margin: 0 0 1rem; }
.totals { font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .95em; }
th, td { border: 1px solid #bbb; padding: .25rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #e0f2f1; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } td.num { white-space: nowrap; }
table.matrix { width: auto; } table.matrix td:first-child { min-width: 10em; }
td.mark { text-align: center; width: 1.6em; padding: .25rem .15rem; }
.ok { color: #1b5e20; } .no { color: #b71c1c; font-weight: 700; } .blank { color: #666; }
.flag { display: inline-block; border: 1px solid #b71c1c; color: #b71c1c; border-radius: .2rem;
  padding: 0 .3rem; margin: 0 .2rem .1rem 0; font-size: .9em; }
.choices { list-style: none; margin: 0; padding: 0; }
.choices li { display: flex; gap: .4rem; align-items: center; }
.choices .label { min-width: 4.5em; }
.bar { display: inline-block; height: .7em; background: #80cbc4; border: 1px solid #00695c; }
.key .label { font-weight: 700; }
.revisit li { margin: .2rem 0; }
.caution { border-left: 4px solid #b71c1c; padding: .3rem .6rem; background: #fff8f6; }
.notes li { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; font-size: .9em; }
dl dt { font-weight: 700; margin-top: .5rem; } dl dd { margin: 0 0 0 1.2rem; }
@page { size: A4; margin: 15mm; }
@media print {
  body { font-size: 9.5pt; } main { max-width: none; padding: 0; }
  h2 { break-after: avoid; } tr, li { break-inside: avoid; } thead { display: table-header-group; }
  .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""


def as_html(results: Results, t: Strings, language: str, fallback: str) -> str:
    heading = f"{t('score_title')}: {title(results, language, fallback)}"
    parts = [
        f"<h1>{escape(heading)}</h1>",
        f'<p class="meta">{escape(t("score_sources"))}: {escape(", ".join(results.intake.sources))}</p>',
        f"<p>{escape(summary(results, t))}</p>",
    ]
    if results.scored:
        parts.append(f"<p>{escape(spread_text(results, t))}</p>")
    warn = caution(results, t)
    if warn:
        parts.append(f'<p class="caution" role="note">{escape(warn)}</p>')
    parts.append(f'<p class="totals">{escape(totals(results, t))}</p>')
    if results.scored:
        parts += [_revisit(results, t), _near(results, t), _accepted(results, t)]
        parts += [_items(results, t), _participants(results, t)]
    for level, key in ((Level.REJECTED, "score_not_scored"), (Level.WARNING, "score_warnings")):
        found = notes(results, level)
        if found:
            rows = "".join(f"<li>{escape(n.text(t))}</li>" for n in found)
            parts.append(f'<h2>{escape(t(key))}</h2><ul class="notes">{rows}</ul>')
    parts.append(_legend(results, t))
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(heading)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(parts)
        + "\n</main>\n</body>\n</html>\n"
    )


def _flags(item: ItemStats, t: Strings) -> str:
    return "".join(f'<span class="flag">{escape(t(f"score_flag_{f}"))}</span>' for f in item.flags)


def _revisit(results: Results, t: Strings) -> str:
    found = results.revisit()
    if not found:
        return f"<h2>{escape(t('score_revisit'))}</h2><p>{escape(t('score_revisit_none'))}</p>"
    rows = "".join(
        f"<li><strong>{escape(t('question'))} {i.number}</strong> <code>{escape(i.question.id)}</code>: "
        f"{escape(flag_text(i, t))} ({escape(t('score_facility'))} {number(i.facility, t)}, "
        f"D {number(i.discrimination, t)}, r<sub>pb</sub> {number(i.point_biserial, t)})</li>"
        for i in found
    )
    return f'<h2>{escape(t("score_revisit"))}</h2><ul class="revisit">{rows}</ul>'


def _choices(item: ItemStats, total: int, t: Strings) -> str:
    rows = []
    for c in item.choices:
        width = round(8 * c.count / total, 2) if total else 0
        bar = f'<span class="bar" style="width:{width}em"></span>' if c.count else ""
        rows.append(
            f'<li class="{"key" if c.correct and c.kind == "option" else ""}">'
            f'<span class="label">{escape(choice_label(item.question, c, t))}</span>'
            f'<span class="num">{c.count}</span>{bar}</li>'
        )
    return f'<ul class="choices">{"".join(rows)}</ul>'


def _items(results: Results, t: Strings) -> str:
    head = (
        f"<tr><th class=num>{escape(t('score_number'))}</th><th>id</th><th>{escape(t('score_type'))}</th>"
        f"<th class=num>{escape(t('score_points'))}</th><th class=num>{escape(t('score_facility'))}</th>"
        f"<th class=num>{escape(t('score_discrimination'))}</th><th class=num>{escape(t('score_pbis'))}</th>"
        f"<th>{escape(t('score_choices'))} ({MARK} = {escape(t('correct_answer').lower())})</th>"
        f"<th>{escape(t('score_flags'))}</th></tr>"
    )
    total = len(results.scored)
    rows = "".join(
        f"<tr><td class=num>{i.number}</td><td><code>{escape(i.question.id)}</code></td>"
        f"<td>{escape(t(f'score_type_{i.question.type}'))}</td><td class=num>{i.question.points}</td>"
        f"<td class=num>{number(i.facility, t)}</td><td class=num>{number(i.discrimination, t)}</td>"
        f"<td class=num>{number(i.point_biserial, t)}</td><td>{_choices(i, total, t)}</td>"
        f"<td>{_flags(i, t)}</td></tr>"
        for i in results.items
    )
    return f"<h2>{escape(t('score_items'))}</h2><table><thead>{head}</thead><tbody>{rows}</tbody></table>"


def _participants(results: Results, t: Strings) -> str:
    numbers = "".join(f"<th class=num>{results.numbers[q.id]}</th>" for q in results.questions)
    head = (
        f"<tr><th>{escape(t('score_participant'))}</th><th class=num>{escape(t('score'))}</th>"
        f"<th class=num>%</th>{numbers}</tr>"
    )
    rows = []
    for s in results.scored:
        marks = []
        for q in results.questions:
            response = s.participant.responses.get(q.id)
            if s.correct[q.id]:
                marks.append(f'<td class="mark ok" title="{escape(t("correct"))}">{MARK}</td>')
            elif response is None or response.blank:
                marks.append(f'<td class="mark blank" title="{escape(t("score_blank"))}">–</td>')
            else:
                marks.append(f'<td class="mark no" title="{escape(t("incorrect"))}">✗</td>')
        rows.append(
            f"<tr><td>{escape(name(s.participant, t))}</td>"
            f"<td class=num>{s.score}/{results.max_points}</td>"
            f"<td class=num>{percent(s.score, results.max_points)}</td>{''.join(marks)}</tr>"
        )
    caption = escape(t("score_matrix_caption"))
    return (
        f"<h2>{escape(t('score_participants'))}</h2><p>{caption}</p>"
        f'<table class="matrix"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _accepted(results: Results, t: Strings) -> str:
    if not results.counted:
        return ""
    rows = []
    for c in results.counted:
        a = c.answer
        language = f" ({escape(a.language)})" if a.language else ""
        whom = escape(", ".join(c.names) if c.names else t("score_accepted_nobody"))
        rows.append(
            f"<li><strong>{escape(t('question'))} {c.number}</strong> <code>{escape(a.qid)}</code>: "
            f"“{escape(a.answer)}”{language} · <code>{escape(a.source)}</code> · {len(c.names)}: {whom}</li>"
        )
    return f'<h2>{escape(t("score_accepted_heading"))}</h2><ul class="revisit">{"".join(rows)}</ul>'


def _near(results: Results, t: Strings) -> str:
    if not results.near:
        return ""
    rows = "".join(
        f"<li><strong>{escape(t('question'))} {n.number}</strong> <code>{escape(n.question.id)}</code>: "
        f"{escape(near_text(n, t))}</li>"
        for n in results.near
    )
    return f'<h2>{escape(t("score_near_heading"))}</h2><ul class="revisit">{rows}</ul>'


def _legend(results: Results, t: Strings) -> str:
    entries = "".join(f"<dt>{escape(term)}</dt><dd>{escape(text)}</dd>" for term, text in legend(results, t))
    return f"<h2>{escape(t('score_legend'))}</h2><dl>{entries}</dl>"

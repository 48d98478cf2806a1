"""The gain report's charts: pre and post side by side as horizontal bars, drawn with matplotlib and
written as SVG to place inline in the HTML report (no file beside it, no request to anything).

Deterministic, so snapshot tests hold and two runs give the same report: no date in the metadata, a
fixed ``svg.hashsalt`` for the ids matplotlib makes, text kept as text (``svg.fonttype: none``, which
also lets a screen reader and a search find the labels). Settings are applied with ``rc_context`` and
the figure is never registered with pyplot, so nothing global is left behind. The pre bars are hatched:
the chart reads the same printed in black and white."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html import escape
from typing import Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

SETTINGS: dict[str, Any] = {
    "svg.hashsalt": "kursus-konselor",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 9,
}
PRE_COLOUR, POST_COLOUR, EDGE = "#cfd8dc", "#00897b", "#263238"
_PROLOGUE = re.compile(r"\A.*?(?=<svg)", re.DOTALL)  # the XML declaration and doctype: not inside HTML
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)  # RDF the HTML checker does not know
_SIZE = re.compile(r' (?:width|height)="[^"]*"')


@dataclass(frozen=True)
class Series:
    """One chart: a label per row and the pre and post values (percent, 0 to 100) of each row."""

    title: str
    labels: list[str]
    pre: list[float]
    post: list[float]
    pre_name: str
    post_name: str
    axis: str


def svg(series: Series, description: str, prefix: str) -> str:
    """The chart as an ``<svg>`` element with ``role="img"``, its title and ``description`` for screen
    readers; an empty string when there is nothing to draw. ``prefix`` keeps its ids (figure_1, clip
    paths …) apart from another chart's in the same page."""
    rows = len(series.labels)
    if not rows:
        return ""
    with rc_context(SETTINGS):  # type: ignore[arg-type]  # matplotlib types the keys as literals
        figure = Figure(figsize=(7.0, 1.0 + 0.32 * rows), layout="constrained")
        FigureCanvasAgg(figure)  # a canvas of its own: never pyplot's global figure manager
        axes = figure.add_subplot()
        positions = list(range(rows))
        height = 0.38
        axes.barh(
            [p - height / 2 for p in positions],
            series.pre,
            height,
            label=series.pre_name,
            color=PRE_COLOUR,
            edgecolor=EDGE,
            hatch="///",
            linewidth=0.6,
        )
        axes.barh(
            [p + height / 2 for p in positions],
            series.post,
            height,
            label=series.post_name,
            color=POST_COLOUR,
            edgecolor=EDGE,
            linewidth=0.6,
        )
        axes.set_yticks(positions, series.labels)
        axes.invert_yaxis()  # the first row (the least improved) at the top, as in the table
        axes.set_xlim(0, 100)
        axes.set_xlabel(series.axis)
        axes.grid(axis="x", color="#b0bec5", linewidth=0.5)
        axes.set_axisbelow(True)
        axes.legend(loc="lower right", frameon=True, fontsize=8)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    text = _METADATA.sub("", _PROLOGUE.sub("", out.getvalue()), count=1)
    for before in ('id="', "url(#", 'href="#'):
        text = text.replace(before, f"{before}{prefix}-")
    head, rest = text.split(">", 1)
    label = escape(f"{series.title}. {description}", quote=True)
    head = _SIZE.sub("", head).replace("<svg ", f'<svg role="img" aria-label="{label}" class="chart" ', 1)
    return f"{head}>{rest}"  # no fixed size: the viewBox scales it to the page's width

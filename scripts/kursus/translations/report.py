"""``kursus translations`` in the terminal: a table per language, then what needs work."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from .layout import Layout
from .status import STATES, Entry, LanguageStatus, State

STATE_NAMES = {
    State.UP_TO_DATE: "up to date",
    State.OUT_OF_DATE: "out of date",
    State.NOT_RECORDED: "not recorded",
    State.MISSING: "missing",
}
KINDS = (("pages", "pages"), ("quiz", "quiz texts"))


def as_json(layout: Layout, statuses: list[LanguageStatus]) -> str:
    data: dict[str, Any] = {
        "source_language": layout.source,
        "languages": [s.as_dict() for s in statuses],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_table(layout: Layout, statuses: list[LanguageStatus], every_text: bool = False) -> list[str]:
    lines = [f"Translation status (source: {layout.name(layout.source)}, {layout.source})", ""]
    header = ["Language", "What", "Total", *(STATE_NAMES[s].capitalize() for s in STATES)]
    rows: list[list[str]] = []
    for s in statuses:
        label = layout.label(s.language) + (" *" if s.complete else "")
        for number, (kind, name) in enumerate(KINDS):
            counts = s.count(kind)
            total = len(s.pages if kind == "pages" else s.quiz)
            rows.append([label if number == 0 else "", name, str(total), *(str(counts[state]) for state in STATES)])
        missing = len(s.interface_missing)
        rows.append(["", "interface", str(s.interface_total), str(s.interface_total - missing), "", "", str(missing)])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [cell.rjust(width) for cell, width in zip(row[2:], widths[2:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    if any(s.complete for s in statuses):
        lines.append("* complete language: a missing page or quiz text fails the build")
    source_folder = layout.show(layout.docs_dir / layout.source) + "/"
    for s in statuses:
        lines += _work(s, layout.label(s.language), source_folder, every_text)
    return lines


def _work(s: LanguageStatus, label: str, source_folder: str, every_text: bool) -> list[str]:
    lines: list[str] = []
    lang = s.language
    advice = {
        (State.OUT_OF_DATE, "pages"): f"see what changed: kursus translations diff {lang} PAGE",
        (State.OUT_OF_DATE, "texts"): f"see what changed: kursus translations diff {lang} ID",
        (State.MISSING, "pages"): f"translate the page of the same path in {source_folder}",
        (State.MISSING, "texts"): f"add '{lang}: …' beside the source text",
        (State.NOT_RECORDED, "pages"): f"check them, then: kursus translations mark {lang} PAGE",
        (State.NOT_RECORDED, "texts"): f"check them, then: kursus translations mark {lang} ID",
    }
    for state in (State.OUT_OF_DATE, State.MISSING, State.NOT_RECORDED):
        pages = [e for e in s.pages if e.state is state]
        texts = [e for e in s.quiz if e.state is state]
        if pages:
            lines.append(f"  {STATE_NAMES[state]} pages ({len(pages)}): {advice[state, 'pages']}")
            lines += [f"    {e.path}" for e in pages]
        if texts:
            lines.append(f"  {STATE_NAMES[state]} quiz texts ({len(texts)}): {advice[state, 'texts']}")
            lines += _texts(texts, every_text)
    if s.interface_missing:
        lines.append(
            f"  missing interface texts ({len(s.interface_missing)}): "
            "ui = overrides/ui-strings.yml, nav = nav_translations in mkdocs.yml"
        )
        for kind in ("ui", "nav"):
            names = [n.partition(": ")[2] for n in s.interface_missing if n.startswith(f"{kind}: ")]
            if names:
                lines += textwrap.wrap(
                    f"{kind}: {', '.join(names)}", width=100, initial_indent="    ", subsequent_indent="      "
                )
    if s.extra_pages:
        lines.append(f"  pages with no source page ({len(s.extra_pages)}): renamed or removed in the source?")
        lines += [f"    {name}" for name in s.extra_pages]
    if s.stale:
        lines.append(
            f"  records of removed pages or texts ({len(s.stale)}): 'kursus translations mark {s.language}' drops them"
        )
    if lines:
        lines.insert(0, "")
        lines.insert(1, label)
    return lines


def _texts(entries: list[Entry], every_text: bool) -> list[str]:
    if every_text:
        return [f"    {e.path}:{e.line} {e.key}" for e in entries]
    grouped: dict[str, list[Entry]] = {}
    for e in entries:
        grouped.setdefault(e.key.split(" ", 1)[0], []).append(e)
    lines = []
    for owner, group in grouped.items():
        first = group[0]
        count = f" ({len(group)} texts)" if len(group) > 1 else f" {first.key.split(' ', 1)[-1]}"
        lines.append(f"    {first.path}:{first.line} {owner}{count}")
    return lines

"""How far each language's translation is: pages, quiz texts and interface strings.

Every page and quiz text of the source language is, in each other language, in exactly one state:
up to date (translated from the current source), out of date (the source changed since), not
recorded (translated, but no record of which source version) or missing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..quiz.bank import Bank
from ..quiz.model import TextRef
from .layout import Layout, blob_id, text_hash
from .records import Record, RecordError, load_record


class State(StrEnum):
    UP_TO_DATE = "up_to_date"
    OUT_OF_DATE = "out_of_date"
    NOT_RECORDED = "not_recorded"
    MISSING = "missing"


STATES = tuple(State)


@dataclass(frozen=True)
class Entry:
    key: str  # a page inside the language folder ("modul-01/index.md") or a quiz text label
    state: State
    path: str  # the translated page (to create, when missing) or the quiz file
    line: int = 1


@dataclass
class LanguageStatus:
    language: str
    name: str
    complete: bool
    pages: list[Entry] = field(default_factory=list)
    quiz: list[Entry] = field(default_factory=list)
    interface_total: int = 0
    interface_missing: list[str] = field(default_factory=list)  # "ui: key" or "nav: Section title"
    extra_pages: list[str] = field(default_factory=list)  # translated pages with no source page
    stale: list[str] = field(default_factory=list)  # recorded names that no longer exist

    def count(self, kind: str) -> Counter[State]:
        return Counter(e.state for e in (self.pages if kind == "pages" else self.quiz))

    def page_state(self, rel: str) -> State | None:
        return next((e.state for e in self.pages if e.key == rel), None)

    def as_dict(self) -> dict[str, Any]:
        def section(entries: list[Entry]) -> dict[str, Any]:
            counts = Counter(e.state for e in entries)
            return {
                "total": len(entries),
                **{state.value: counts[state] for state in STATES},
                "files": {
                    state.value: [{"name": e.key, "path": e.path, "line": e.line} for e in entries if e.state is state]
                    for state in STATES
                },
            }

        return {
            "language": self.language,
            "name": self.name,
            "complete": self.complete,
            "pages": section(self.pages),
            "quiz_texts": section(self.quiz),
            "interface": {
                "total": self.interface_total,
                "missing": len(self.interface_missing),
                "missing_keys": self.interface_missing,
            },
            "extra_pages": self.extra_pages,
            "stale_records": self.stale,
        }


def source_texts(bank: Bank, source: str) -> list[TextRef]:
    """Every quiz text that has a source-language text, in file order."""
    return [ref for quiz in bank.quizzes for ref in quiz.texts if ref.values.get(source, "").strip()]


def _state(recorded: str | None, current: str) -> State:
    if recorded is None:
        return State.NOT_RECORDED
    return State.UP_TO_DATE if recorded == current else State.OUT_OF_DATE


def source_blobs(layout: Layout) -> dict[str, str]:
    return {rel: blob_id(layout.page(layout.source, rel).read_bytes()) for rel in layout.pages(layout.source)}


def language_status(
    layout: Layout,
    language: str,
    record: Record,
    blobs: dict[str, str],
    texts: list[TextRef],
    strings: dict[str, dict[str, str]],
) -> LanguageStatus:
    status = LanguageStatus(language, layout.name(language), language in layout.complete)
    translated = set(layout.pages(language))
    for rel, blob in blobs.items():
        state = _state(record.pages.get(rel), blob) if rel in translated else State.MISSING
        status.pages.append(Entry(rel, state, layout.show(layout.page(language, rel))))
    status.extra_pages = sorted(translated - set(blobs))
    for ref in texts:
        if not ref.values.get(language, "").strip():
            status.quiz.append(Entry(ref.label, State.MISSING, ref.path, ref.line))
        else:
            current = text_hash(ref.values[layout.source])
            status.quiz.append(Entry(ref.label, _state(record.quiz.get(ref.label), current), ref.path, ref.line))
    labels = {ref.label for ref in texts}
    status.stale = sorted(
        [f"halaman: {rel}" for rel in record.pages if rel not in blobs]
        + [f"kuis: {label}" for label in record.quiz if label not in labels]
    )
    keys = sorted(strings)
    status.interface_total = len(keys) + len(layout.nav_sections)
    status.interface_missing = [f"ui: {k}" for k in keys if not strings[k].get(language, "").strip()]
    titles = layout.nav_translations.get(language, {})
    status.interface_missing += [f"nav: {title}" for title in layout.nav_sections if not titles.get(title, "").strip()]
    return status


def collect_status(
    layout: Layout, bank: Bank, strings: dict[str, dict[str, str]], languages: list[str] | None = None
) -> tuple[list[LanguageStatus], list[RecordError]]:
    """The status of every translated language (or those given); unreadable records are returned, not raised."""
    blobs = source_blobs(layout)
    texts = source_texts(bank, layout.source)
    result, errors = [], []
    for language in languages or layout.targets:
        path = layout.records(language)
        try:
            record = load_record(path, layout.show(path))
        except RecordError as exc:
            errors.append(exc)
            record = Record()
        result.append(language_status(layout, language, record, blobs, texts, strings))
    return result, errors

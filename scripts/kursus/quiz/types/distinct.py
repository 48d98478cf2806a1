"""Entries a learner tells apart (options, steps, each side of the pairs) must differ in every language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ...problems import Problem, error
from ..answers import normalise
from ..items import Question, Text


def check_columns(
    q: Question, columns: list[list[Text]], minimum: int, what: str, lang: str, names: list[str]
) -> Iterable[Problem]:
    """Enough entries, and none repeated within a column (steps; each side of the pairs) in any language;
    ``names``: how an entry of each column is called in messages."""
    if len(columns[0]) < minimum:
        yield error(
            q.path,
            q.line,
            "Q040",
            f"{q.id}: {len(columns[0])} {what}, at least {minimum} needed",
            f"add {what} so that the order or match takes thought",
        )
    for column in columns:
        counts = Counter(normalise(t.get(lang, "")) for t in column)
        for text, count in counts.items():
            if text and count > 1:
                yield error(
                    q.path,
                    q.line,
                    "Q041",
                    f"{q.id}: '{text[:40]}' appears {count} times in {what}",
                    "every entry must be distinct, or the answer is ambiguous",
                )
    for column, name in zip(columns, names, strict=True):
        lines = q.entry_lines if len(q.entry_lines) == len(column) else [q.line] * len(column)
        yield from same_in_one_language(q, column, name, lang, lines)


def same_in_one_language(
    q: Question, entries: list[Text], name: str, source: str, lines: list[int]
) -> Iterable[Problem]:
    """Entries that differ in the source language but read the same in another language: a learner of
    that language cannot tell them apart (entries the same in the source language are reported already)."""
    languages = sorted({lang for entry in entries for lang in entry} - {source})
    for lang in languages:
        first: dict[str, int] = {}
        for number, entry in enumerate(entries, start=1):
            text = normalise(entry.get(lang, ""))
            if not text:
                continue
            if text in first:
                earlier = entries[first[text] - 1]
                if normalise(earlier.get(source, "")) != normalise(entry.get(source, "")):
                    yield error(
                        q.path,
                        lines[number - 1],
                        "Q042",
                        f"{q.id}: {name} {first[text]} and {number} are the same in {lang} "
                        f"('{text[:40]}') but differ in {source}",
                        f"translate them so that they differ in {lang} too",
                    )
            else:
                first[text] = number

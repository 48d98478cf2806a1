"""Rules for the question bank and for the markers that place questions in pages.

Each rule returns problems; none prints. ``check_all`` runs them all.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem, error, follows_from, warning
from .answers import normalise
from .bank import Bank
from .markers import find_markers
from .model import Group, Question
from .modules import quiz_file, quiz_page
from .textcheck import check_markup
from .types import kind


@dataclass
class Settings:
    complete_languages: list[str] = field(default_factory=lambda: ["id", "en"])
    source_language: str = "id"
    languages: list[str] = field(default_factory=list)  # every language of the course; empty: not known
    min_options: int = 3
    min_steps: int = 3
    min_pairs: int = 3
    bias_min_questions: int = 10
    bias_max_share: float = 0.5


def check_questions(bank: Bank, settings: Settings) -> list[Problem]:
    problems: list[Problem] = []
    for question in bank.questions():
        problems.extend(_check_question(question, settings))
    return problems


def _check_question(q: Question, s: Settings) -> Iterable[Problem]:
    return kind(q).check(q, s)


def check_ids(bank: Bank) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, tuple[str, int]] = {}
    modules: dict[str, str] = {}
    for quiz in bank.quizzes:
        if quiz.module in modules:
            problems.append(
                error(
                    quiz.path,
                    1,
                    "Q024",
                    f"module {quiz.module} is also in {modules[quiz.module]}",
                    "one file per module",
                )
            )
        modules.setdefault(quiz.module, quiz.path)
        expected = quiz_file(quiz.module)
        if Path(quiz.path).name != expected:
            problems.append(
                warning(
                    quiz.path,
                    1,
                    "Q023",
                    f"module {quiz.module} is in a file not named {expected}",
                    "rename the file",
                )
            )
        for item in quiz.items:
            entries: list[Group | Question] = [item, *(item.questions if isinstance(item, Group) else [])]
            for entry in entries:
                if entry.id in first:
                    where = "{}:{}".format(*first[entry.id])
                    problems.append(
                        error(
                            entry.path,
                            entry.line,
                            "Q021",
                            f"id {entry.id} is already used at {where}",
                            "give this one a new id; never reuse an id",
                        )
                    )
                first.setdefault(entry.id, (entry.path, entry.line))
    return problems


def is_blank(text: str) -> bool:
    """Empty to a reader: only spaces or invisible format characters (zero-width space, soft hyphen,
    word joiner, byte-order mark …)."""
    return not "".join(c for c in text if unicodedata.category(c) != "Cf").strip()


def _unknown_language(path: str, line: int, where: str, key: str, settings: Settings) -> Problem:
    near = difflib.get_close_matches(key, settings.languages, n=1, cutoff=0.3)
    guess = f"did you mean '{near[0]}'? " if near else ""
    return error(
        path,
        line,
        "Q062",
        f"{where}: '{key}' is not a language of this course ({', '.join(settings.languages)})",
        f"{guess}a new language is added with 'kursus new-language'",
    )


def check_translations(bank: Bank, settings: Settings) -> list[Problem]:
    problems: list[Problem] = []
    known = set(settings.languages)
    for quiz in bank.quizzes:
        if known:
            for ref in quiz.texts:
                for key in ref.values:
                    if key not in known:
                        problems.append(
                            _unknown_language(ref.path, ref.lines.get(key, ref.line), ref.label, key, settings)
                        )
            for question in quiz.questions():
                for key in question.accept:
                    if key not in known:
                        problems.append(
                            _unknown_language(
                                question.path, question.accept_line, f"{question.id} accept", key, settings
                            )
                        )
        for ref in quiz.texts:
            for language in settings.complete_languages:
                if language not in ref.values:
                    problems.append(
                        error(
                            ref.path,
                            ref.line,
                            "Q060",
                            f"{ref.label}: no {language} text",
                            f"add '{language}: …' (language {language} is marked complete)",
                        )
                    )
                elif is_blank(ref.values[language]):
                    problems.append(
                        error(
                            ref.path,
                            ref.lines.get(language, ref.line),
                            "Q061",
                            f"{ref.label}: empty {language} text",
                            "write it",
                        )
                    )
    return problems


def check_repeated_texts(bank: Bank, settings: Settings) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Question] = {}
    for q in bank.questions():
        key = normalise(q.text.get(settings.source_language, ""))
        if not key:
            continue
        other = seen.get(key)
        if other is not None:
            problems.append(
                error(
                    q.path,
                    q.line,
                    "Q070",
                    f"{q.id}: same question text as {other.id} ({other.path}:{other.line})",
                    "ask something new or reuse the existing question by its marker",
                )
            )
        seen.setdefault(key, q)
    return problems


def check_position_bias(bank: Bank, settings: Settings) -> list[Problem]:
    """Warn when the correct single-choice answer sits in one position too often across the bank."""
    positions: Counter[int] = Counter()
    for q in bank.questions():
        position = kind(q).correct_position(q)
        if position is not None:
            positions[position] += 1
    total = sum(positions.values())
    if total < settings.bias_min_questions:
        return []
    position, count = positions.most_common(1)[0]
    if count / total <= settings.bias_max_share:
        return []
    spread = ", ".join(f"{p}: {c}" for p, c in sorted(positions.items()))
    where = bank.quizzes[0].path if bank.quizzes else "quizzes"
    return [
        warning(
            where,
            1,
            "B001",
            f"the correct option is number {position} in {count} of {total} single-choice "
            f"questions (by position: {spread})",
            "vary where the correct option stands",
        )
    ]


def check_markers(bank: Bank, pages: list[tuple[str, str]], settings: Settings) -> list[Problem]:
    """``pages`` are (display path, Markdown text) pairs of every language's pages."""
    problems: list[Problem] = []
    placed: set[str] = set()
    full_quiz: set[str] = set()
    for path, text in pages:
        for marker in find_markers(text):
            target = bank.find(marker.ref)
            if target is None:
                close = [q.id for q in bank.questions() if q.id.startswith(marker.ref[:4])][:3]
                hint = f"known ids include {', '.join(close)}" if close else "check the id in quizzes/"
                found = error(
                    path, marker.line, "M001", f"marker '{marker.kind}: {marker.ref}' points to no quiz", hint
                )
                cause = bank.unread(marker.ref)  # its quiz file could not be read: fix that first
                problems.append(follows_from(found, cause) if cause else found)
                continue
            placed.add(marker.ref)
            if marker.kind == "kuis" and marker.ref == getattr(target, "module", None):
                full_quiz.add(marker.ref)
    for quiz in bank.quizzes:
        if quiz.module not in full_quiz:
            problems.append(
                warning(
                    quiz.path,
                    1,
                    "M003",
                    f"module {quiz.module} has no page with its whole quiz",
                    f"add '<!-- kuis: {quiz.module} -->' to docs/<lang>/{quiz_page(quiz.module)}",
                )
            )
            for item in quiz.items:
                inside = [item.id] + ([q.id for q in item.questions] if isinstance(item, Group) else [])
                if not placed.intersection(inside):
                    problems.append(
                        warning(
                            item.path,
                            item.line,
                            "M002",
                            f"{item.id} is placed in no page",
                            f"add '<!-- kuis: {item.id} -->' to a page",
                        )
                    )
    return problems


def check_all(bank: Bank, pages: list[tuple[str, str]], settings: Settings) -> list[Problem]:
    return sorted(
        [
            *check_questions(bank, settings),
            *check_ids(bank),
            *check_translations(bank, settings),
            *check_markup(bank),
            *check_repeated_texts(bank, settings),
            *check_position_bias(bank, settings),
            *check_markers(bank, pages, settings),
        ]
    )

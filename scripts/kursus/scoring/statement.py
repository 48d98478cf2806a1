"""Completion statements: the "My progress" page offers a printable self-study statement once every
module quiz is passed at the pass mark (``pass_mark`` in mkdocs.yml) with the learner's first answers.
Its code lets a trainer check with ``kursus score --codes`` that the statement looks genuine and that
its modules and scores are the ones printed. kursus-statement.js makes the code; this is the reference
and the reader. Same alphabet, grouping and check value as result codes (``codes.py``)::

    0 0 | 1 | T T T T | N N | A A … A | C C C C
    "00"  format  course tag  name  numbers  check

* **00** — no module has number 0: a statement code is never read as a module's result code.
* **course tag** — 20 bits of SHA-256 over every module's id, result-code version tag and points: a
  statement made on another version of the course is recognised, never read against other points.
* **name** — 10 bits of FNV-1a over the normalised name printed on the statement (``name: code`` in
  the trainer's file is checked against it; about one other name in a thousand matches by chance).
* **numbers** — one mixed-radix number: the pass mark (0 to 100), the day the last module was passed
  (days after 2020-01-01) and each module's first-answer points (0 to the module's points).

A statement is a checksum, not a signature: anyone who reads kursus-statement.js can make a valid
code. It shows a typing mistake or a casually edited statement, nothing more.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..quiz.answers import normalise
from ..quiz.bank import Bank
from ..quiz.model import Quiz
from ..quiz.modules import form
from .codes import (
    ALPHABET,
    CHECK_CHARS,
    FORMAT,
    STATEMENT,
    TAG_CHARS,
    CodeError,
    chars_for,
    clean,
    crc20,
    from_values,
    pack,
    to_values,
    unpack,
    version_tag,
)
from .files import read_text
from .model import Note, Strings, note, scored_questions

PREFIX = STATEMENT
NAME_CHARS = 2
HEAD_CHARS = len(PREFIX) + 1 + TAG_CHARS + NAME_CHARS
EPOCH = date(2020, 1, 1)
DAY_RADIX = 32**3  # days after EPOCH: until 2109
MARK_RADIX = 101


def module_quizzes(bank: Bank) -> list[Quiz]:
    """The module quizzes a statement covers: not the pre- and post-course checks."""
    return [quiz for quiz in bank.quizzes if form(quiz.module) is None]


def is_statement(text: str) -> bool:
    return clean(text).startswith(PREFIX)


def points(quiz: Quiz) -> int:
    return sum(q.points for q in scored_questions(quiz))


def course_tag(bank: Bank, source_language: str) -> str:
    parts = ["kursus-statement"]
    parts += [f"{quiz.module}:{version_tag(quiz, source_language)}:{points(quiz)}" for quiz in module_quizzes(bank)]
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).digest()
    value = int.from_bytes(digest[:3], "big") >> 4
    return "".join(ALPHABET[v] for v in to_values(value, TAG_CHARS))


def name_check(name: str) -> int:
    """FNV-1a (32 bits) over the normalised name's UTF-8 bytes, top 10 bits (kursus-statement.js: nameCheck)."""
    h = 0x811C9DC5
    for byte in normalise(name).encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h >> (32 - 5 * NAME_CHARS)


def _radices(bank: Bank) -> list[int]:
    return [MARK_RADIX, DAY_RADIX, *(points(quiz) + 1 for quiz in module_quizzes(bank))]


@dataclass(frozen=True)
class Statement:
    name_check: int
    pass_mark: int
    completed: date
    scores: dict[str, int]  # module -> first-answer points


def encode(bank: Bank, source_language: str, name: str, pass_mark: int, completed: date, scores: dict[str, int]) -> str:
    """The reference encoder: what kursus-statement.js writes on the statement."""
    tag = [ALPHABET.index(c) for c in course_tag(bank, source_language)]
    head = [0, 0, FORMAT, *tag, *to_values(name_check(name), NAME_CHARS)]
    found = [pass_mark, (completed - EPOCH).days, *(scores[quiz.module] for quiz in module_quizzes(bank))]
    return pack(head, list(zip(_radices(bank), found, strict=True)))


def decode(text: str, bank: Bank, source_language: str) -> Statement:
    code = clean(text)
    bad = "".join(dict.fromkeys(c for c in code if c not in ALPHABET))
    if bad:
        raise CodeError("score_rej_code_chars", chars=bad)
    values = [ALPHABET.index(c) for c in code]
    want = HEAD_CHARS + chars_for(_radices(bank)) + CHECK_CHARS
    if len(values) < HEAD_CHARS + CHECK_CHARS or crc20(values[:-CHECK_CHARS]) != from_values(values[-CHECK_CHARS:]):
        if len(values) != want:
            raise CodeError("score_rej_statement_length", got=len(values), want=want)
        raise CodeError("score_rej_code_check")
    if values[2] != FORMAT:
        raise CodeError("score_rej_code_format", format=code[2])
    tag = code[3 : 3 + TAG_CHARS]
    if tag != course_tag(bank, source_language):
        raise CodeError("score_rej_statement_version", got=tag, want=course_tag(bank, source_language))
    if len(values) != want:
        raise CodeError("score_rej_statement_length", got=len(values), want=want)
    found = unpack(values[HEAD_CHARS:-CHECK_CHARS], _radices(bank))
    if found is None:
        raise CodeError("score_rej_code_range")
    mark, days, *scores = found
    if mark > 100:
        raise CodeError("score_rej_code_range")
    return Statement(
        name_check=from_values(values[3 + TAG_CHARS : HEAD_CHARS]),
        pass_mark=mark,
        completed=EPOCH + timedelta(days=days),
        scores={quiz.module: score for quiz, score in zip(module_quizzes(bank), scores, strict=True)},
    )


def passed(quiz: Quiz, score: int, pass_mark: int) -> bool:
    """Whole numbers only, as in the browser: score / points >= pass_mark %."""
    return points(quiz) > 0 and score * 100 >= pass_mark * points(quiz)


@dataclass(frozen=True)
class Checked:
    path: str
    line: int
    name: str  # as given in the trainer's file ('' = not given: the name is not checked)
    statement: Statement


def read_statements(path: Path, shown: str, bank: Bank, source_language: str) -> tuple[list[Checked], list[Note]]:
    """The statement codes in a file of codes (``name: code`` lines); other lines are result codes for
    ``codes.read_codes``. A code is refused if it is damaged, for another course version, for another
    name, or holds a module below the pass mark it states (the page never makes such a code)."""
    found: list[Checked] = []
    notes: list[Note] = []
    for line, raw in enumerate(read_text(path, shown).split("\n"), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        name, _, code = text.rpartition(":") if ":" in text else text.rpartition("\t")
        if not is_statement(code):
            continue
        name = name.strip()
        try:
            statement = decode(code, bank, source_language)
        except CodeError as exc:
            notes.append(Note(shown, line, exc.key, tuple((k, str(v)) for k, v in exc.params.items())))
            continue
        if name and name_check(name) != statement.name_check:
            notes.append(note(shown, line, "score_rej_statement_name", name=name))
            continue
        scores, mark = statement.scores, statement.pass_mark
        below = [q.module for q in module_quizzes(bank) if not passed(q, scores[q.module], mark)]
        if below:
            notes.append(note(shown, line, "score_rej_statement_below", modules=", ".join(below)))
            continue
        found.append(Checked(shown, line, name, statement))
    return found, notes


def report(checked: list[Checked], bank: Bank, pass_mark: int, language: str, fallback: str, t: Strings) -> str:
    """Each verified statement: what its code holds, to compare with the printed statement."""
    out: list[str] = []
    for c in checked:
        s = c.statement
        who = c.name or t("score_statement_unnamed")
        out.append(t("score_statement_head").format(path=c.path, line=c.line, name=who))
        out.append("  " + t("score_statement_genuine" if c.name else "score_statement_genuine_no_name"))
        out.append("  " + t("score_statement_done").format(date=s.completed.isoformat(), mark=s.pass_mark))
        if s.pass_mark != pass_mark:
            out.append("  " + t("score_statement_other_mark").format(mark=s.pass_mark, course=pass_mark))
        width = max(len(_title(q, language, fallback)) for q in module_quizzes(bank))
        for q in module_quizzes(bank):
            score, total = s.scores[q.module], points(q)
            title = _title(q, language, fallback)
            out.append(f"  {q.module}  {title:<{width}}  {score:>3}/{total:<3} {score * 100 // total:>3} %")
        out.append("  " + t("score_statement_checksum"))
        out.append("")
    return "\n".join(out)


def _title(quiz: Quiz, language: str, fallback: str) -> str:
    return quiz.title.get(language) or quiz.title.get(fallback, quiz.module)

"""Short answers the trainer accepts for one class, and near misses listed for the trainer to decide.

An accept file is CSV (comma, semicolon or tab), one answer a line: ``question id, answer[, language]``,
for example ``m01.q04,rapi sopan,id``. A first line headed ``soal``/``question``/``id`` and lines starting
with ``#`` are skipped. The same can be given on the command line: ``--accept "m01.q04=rapi sopan"``.
Each entry is checked before anything is scored; a mistake stops with ``path:line`` and exit status 1.

These answers count only for this report: the quiz file is unchanged, and the report lists each one
with where it came from and whom it was counted for. Result codes carry no words for short answers
(the browser judged them), so accepted answers apply to answer sheets only.

A *near miss* is a wrong short answer close to an accepted one: at most one letter different (added,
missing or changed) from an answer of 4 to 7 letters, at most two from one of 8 or more, or one whole
word added or missing in an answer of two words or more ("rapi sopan" for "rapi dan sopan"). Near
misses stay wrong; the report lists them with a line to paste into the accept file.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path

from ..quiz.answers import normalise, short_answer_matches
from ..quiz.model import Question
from ..quiz.types import kind
from ..quiz.types.short import accepted_answers
from .files import read_text
from .model import InputError, Level, Note, note

HEADERS = {"soal", "question", "id", "id soal", "question id"}
DELIMITERS = ",;\t"


@dataclass(frozen=True)
class ClassAnswer:
    qid: str
    answer: str
    language: str  # '' when not given
    source: str  # 'terima.csv:3' or '--accept'


@dataclass(frozen=True)
class Bad:
    """Why an entry is refused: a ui-strings key and its values."""

    key: str
    params: dict[str, str]


def check(
    qid: str, answer: str, language: str, questions: dict[str, Question], languages: list[str]
) -> ClassAnswer | Bad:
    """One entry, checked against the course (``questions`` by id, every module)."""
    qid, answer, language = qid.strip(), answer.strip(), language.strip()
    q = questions.get(qid)
    if q is None:
        nearest = difflib.get_close_matches(qid, list(questions), n=1)
        if nearest:
            return Bad("score_err_accept_unknown_near", {"qid": qid, "nearest": nearest[0]})
        return Bad("score_err_accept_unknown", {"qid": qid})
    if not kind(q).class_answers:
        return Bad("score_err_accept_type", {"qid": qid})
    if not normalise(answer):
        return Bad("score_err_accept_empty", {"qid": qid})
    if language and language not in languages:
        return Bad("score_err_accept_language", {"language": language, "languages": ", ".join(languages)})
    return ClassAnswer(qid, answer, language, "")


def read_accept_file(
    path: Path, shown: str, questions: dict[str, Question], languages: list[str], notes: list[Note]
) -> list[ClassAnswer]:
    """Every entry of the file, or an ``InputError`` for the first line that is wrong."""
    text = read_text(path, shown, notes)
    header = next((line for line in text.split("\n") if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=max(DELIMITERS, key=header.count), strict=True)
    found: list[ClassAnswer] = []
    seen: dict[tuple[str, str], int] = {}
    line = 1
    try:
        for cells in reader:
            here, line = line, reader.line_num + 1
            cells = [c.strip() for c in cells]
            while cells and not cells[-1]:
                cells.pop()  # trailing empty cells from a spreadsheet
            if not cells or cells[0].startswith("#"):
                continue
            if not found and not seen and cells[0].casefold() in HEADERS:
                continue
            if len(cells) == 1:
                cells.append("")  # an id with no answer: said as such below
            if len(cells) not in (2, 3):
                raise InputError(note(shown, here, "score_err_accept_cells", Level.FATAL, got=len(cells)))
            checked = check(cells[0], cells[1], cells[2] if len(cells) == 3 else "", questions, languages)
            if isinstance(checked, Bad):
                raise InputError(note(shown, here, checked.key, Level.FATAL, **checked.params))
            key = (checked.qid, normalise(checked.answer))
            if already(checked, questions):
                notes.append(note(shown, here, "score_warn_accept_quiz", Level.WARNING, qid=checked.qid))
                continue
            if key in seen:
                notes.append(note(shown, here, "score_warn_accept_twice", Level.WARNING, first=seen[key]))
                continue
            seen[key] = here
            found.append(ClassAnswer(checked.qid, checked.answer, checked.language, f"{shown}:{here}"))
    except csv.Error as exc:
        raise InputError(note(shown, reader.line_num or line, "score_err_csv", Level.FATAL, error=exc)) from None
    if not found:
        raise InputError(note(shown, 1, "score_err_accept_none", Level.FATAL))
    return found


def already(answer: ClassAnswer, questions: dict[str, Question]) -> bool:
    """The quiz file accepts it already: the entry would change nothing (and count for nobody)."""
    return short_answer_matches(answer.answer, accepted_answers(questions[answer.qid]))


def parse_option(text: str, questions: dict[str, Question], languages: list[str]) -> ClassAnswer | Bad:
    """``QID=ANSWER`` from ``--accept``."""
    qid, sep, answer = text.partition("=")
    if not sep:
        return Bad("score_err_accept_option", {})
    checked = check(qid, answer, "", questions, languages)
    return checked if isinstance(checked, Bad) else ClassAnswer(checked.qid, checked.answer, "", "--accept")


def by_question(answers: list[ClassAnswer]) -> dict[str, list[ClassAnswer]]:
    found: dict[str, list[ClassAnswer]] = {}
    for a in answers:
        found.setdefault(a.qid, []).append(a)
    return found


# -- near misses -----------------------------------------------------------------------------------


def distance(a: str, b: str) -> int:
    """Levenshtein distance: letters added, missing or changed."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def allowed(accepted: str) -> int:
    return 2 if len(accepted) >= 8 else 1 if len(accepted) >= 4 else 0


def is_near(given: str, accepted: str) -> bool:
    """Both already normalised; the rule of the module docstring."""
    if not given or given == accepted:
        return False
    if distance(given, accepted) <= allowed(accepted):
        return True
    mine, theirs = given.split(), accepted.split()
    if len(theirs) < 2 or len(mine) < 2 or abs(len(mine) - len(theirs)) != 1:
        return False
    longer, shorter = (mine, theirs) if len(mine) > len(theirs) else (theirs, mine)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def nearest(given: str, accepted: list[str]) -> str | None:
    """The accepted answer (as written in the quiz or accept file) the given one nearly matches."""
    wanted = normalise(given)
    close = [a for a in accepted if is_near(wanted, normalise(a))]
    return min(close, key=lambda a: distance(wanted, normalise(a))) if close else None

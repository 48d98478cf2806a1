"""Answer sheets as CSV: the per-module template, and reading a filled-in sheet (or a spreadsheet export
with the same columns) into participants, accounting for every row.

Layout: the first column is the participant's name (header ``peserta``; ``participant``, ``nama`` and
``name`` work too), then one column per question id in module order (reflective questions have none).
Rows whose first cell starts with ``#`` are comments (the template's hint row is one). Commas,
semicolons or tabs separate the cells (the one the header uses most). How to fill each cell: paper.py.
"""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

from ..quiz.answers import normalise
from ..quiz.model import QUESTION_ID, Question, Quiz
from ..quiz.render import Renderer
from .files import read_text
from .model import (
    InputError,
    Intake,
    Level,
    Note,
    Participant,
    Strings,
    note,
    question_numbers,
    scored_questions,
)
from .paper import BadCell, choices, letters, parse_cell

NAME_HEADERS = {"peserta", "participant", "nama", "name"}
DELIMITERS = ",;\t"


def template(quiz: Quiz, t: Strings) -> str:
    """The empty answer sheet: a header row, then a comment row saying how to fill each column."""
    numbers = question_numbers(quiz)
    questions = scored_questions(quiz)
    hints = [t("score_template_hint_row")]
    for q in questions:
        how = t(f"score_cell_{q.type}").format(letters=letters(choices(q)), rows=len(q.pairs))
        hints.append(f"{t('question')} {numbers[q.id]}: {how}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t("score_col_participant"), *(q.id for q in questions)])
    writer.writerow(hints)
    return out.getvalue()


def template_readme(quiz: Quiz, renderer: Renderer, t: Strings) -> str:
    """How to fill the template, with one line per question: its number, id and what the cell holds."""
    numbers = question_numbers(quiz)
    lines = [t("score_readme").format(module=quiz.module, title=renderer.text(quiz.title)).strip(), ""]
    for q in scored_questions(quiz):
        how = t(f"score_how_{q.type}").format(letters=letters(choices(q)), rows=len(q.pairs))
        lines.append(f"{q.id} ({t('question')} {numbers[q.id]}): {how}")
    lines += ["", t("score_readme_end").strip(), ""]
    return "\n".join(lines)


def _delimiter(text: str) -> str:
    header = next((line for line in text.split("\n") if line.strip()), "")
    return max(DELIMITERS, key=header.count)


def header_modules(path: Path, shown: str) -> list[str]:
    """The modules whose question ids head the sheet's columns (to pick the module when none is given)."""
    rows = _rows(read_text(path, shown), shown)
    header = next((cells for _, cells in rows if any(c.strip() for c in cells)), [])
    found = [m.group(1) for cell in header[1:] if (m := QUESTION_ID.match(cell.strip()))]
    return list(dict.fromkeys(found))


def _rows(text: str, shown: str) -> list[tuple[int, list[str]]]:
    """(line where the row starts, cells) for each row; malformed quoting stops with its line."""
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text), strict=True)
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(note(shown, reader.line_num or line, "score_err_csv", Level.FATAL, error=exc)) from None
    return rows


def read_sheet(path: Path, shown: str, quiz: Quiz, seen: dict[str, str] | None = None) -> Intake:
    """``seen`` maps the normalised names scored so far (in any input file) to where they were read."""
    intake = Intake(module=quiz.module, sources=[shown])
    rows = _rows(read_text(path, shown, intake.notes), shown)
    while rows and not any(c.strip() for c in rows[0][1]):
        rows.pop(0)  # blank lines before the header
    if not rows:
        raise InputError(note(shown, 1, "score_err_empty", Level.FATAL))
    head_line, header = rows[0]
    first = header[0].strip() if header else ""
    if first.casefold() not in NAME_HEADERS:
        raise InputError(note(shown, head_line, "score_err_header", Level.FATAL, found=first))
    columns = _columns(header, quiz, shown, head_line, intake)
    seen = {} if seen is None else seen
    for line, cells in rows[1:]:
        intake.rows += 1
        name = cells[0].strip() if cells else ""
        if not any(c.strip() for c in cells):
            intake.empty += 1
            continue
        if name.startswith("#"):
            intake.comments += 1
            continue
        participant = Participant(name, shown, line)
        problems = _read_row(cells, header, columns, quiz, participant, seen)
        if problems:
            intake.notes.extend(problems)  # the whole row stays out: a typo is never scored as an answer
            continue
        intake.participants.append(participant)
        seen[normalise(name)] = f"{shown}:{line}"  # a scored name: a second row for it is a duplicate
    if not intake.participants and not intake.rejected:
        raise InputError(note(shown, head_line, "score_err_no_rows", Level.FATAL))
    return intake


def _question(quiz: Quiz, qid: str) -> Question:
    return next(q for q in quiz.questions() if q.id == qid)


def _columns(header: list[str], quiz: Quiz, shown: str, line: int, intake: Intake) -> dict[int, str]:
    """Column index -> question id; a column that names no question of the module stops the reading,
    reflective columns are named in a warning and ignored."""
    questions = {q.id: q for q in quiz.questions()}
    numbers = question_numbers(quiz)
    columns: dict[int, str] = {}
    where: dict[str, int] = {}
    for index, cell in enumerate(header[1:], start=1):
        qid = cell.strip()
        if not qid:
            continue  # an unnamed column: any answer in it is reported row by row
        if qid in where:
            raise InputError(
                note(shown, line, "score_err_two_columns", Level.FATAL, qid=qid, first=where[qid] + 1, second=index + 1)
            )
        where[qid] = index
        q = questions.get(qid)
        if q is None:
            # A mistyped column would silently score everyone out of fewer questions: stop and say so.
            nearest = difflib.get_close_matches(qid, list(questions), n=1)
            raise InputError(
                note(
                    shown,
                    line,
                    "score_err_unknown_column_near" if nearest else "score_err_unknown_column",
                    Level.FATAL,
                    name=qid,
                    module=quiz.module,
                    column=index + 1,
                    nearest=nearest[0] if nearest else "",
                )
            )
        elif not q.scored:
            intake.notes.append(note(shown, line, "score_warn_reflective", Level.WARNING, qid=qid))
        else:
            columns[index] = qid
    if not columns:
        raise InputError(note(shown, line, "score_err_no_questions", Level.FATAL, module=quiz.module))
    for q in scored_questions(quiz):
        if q.id not in where:
            intake.notes.append(
                note(shown, line, "score_warn_missing_column", Level.WARNING, qid=q.id, number=numbers[q.id])
            )
    intake.columns = [q.id for q in scored_questions(quiz) if q.id in columns.values()]
    return columns


def _read_row(
    cells: list[str],
    header: list[str],
    columns: dict[int, str],
    quiz: Quiz,
    participant: Participant,
    seen: dict[str, str],
) -> list[Note]:
    """Fill in the participant's responses; return every problem of the row (none: it is scored)."""
    shown, line, name = participant.path, participant.line, participant.name
    extra = [c for c in cells[len(header) :] if c.strip()]
    if len(cells) < len(header) or extra:
        return [note(shown, line, "score_rej_columns", got=len(cells), want=len(header))]
    found = []
    if not name:
        found.append(note(shown, line, "score_rej_no_name"))
    else:
        key = normalise(name)
        if key in seen:
            found.append(note(shown, line, "score_rej_duplicate", name=name, first=seen[key]))
    numbers = question_numbers(quiz)
    for index, cell in enumerate(cells[1 : len(header)], start=1):
        qid = columns.get(index)
        if qid is None:
            if cell.strip() and not header[index].strip():
                found.append(note(shown, line, "score_rej_unnamed_column", column=index + 1, value=cell.strip()))
            continue
        parsed = parse_cell(_question(quiz, qid), cell)
        if not isinstance(parsed, BadCell):
            participant.responses[qid] = parsed
        else:
            found.append(
                note(
                    shown,
                    line,
                    "score_rej_answer",
                    qid=qid,
                    number=numbers[qid],
                    value=cell.strip(),
                    how="@" + parsed.how,
                    letters=parsed.letters,
                    rows=parsed.rows,
                )
            )
    return found

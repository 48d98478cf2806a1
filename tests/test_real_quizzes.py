"""Every real quiz file: clean under the checker and rich enough for a module (issue: content part 1)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kursus.project import load_project
from kursus.quiz.bank import load_bank, quiz_files
from kursus.quiz.checks import check_all
from kursus.quiz.model import Group
from kursus.quiz.modules import form

ROOT = Path(__file__).resolve().parent.parent
PROJECT = load_project(ROOT)
FILES = quiz_files(PROJECT.quizzes_dir)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_quiz_file_is_clean_and_complete(path: Path) -> None:
    bank, problems = load_bank(FILES, ROOT)
    problems += check_all(bank, PROJECT.pages(), PROJECT.settings)
    mine = [p.text() for p in problems if p.path == path.relative_to(ROOT).as_posix()]
    assert not mine, "\n".join(mine)
    quiz = next(q for q in bank.quizzes if q.path == path.relative_to(ROOT).as_posix())
    questions = quiz.questions()
    scored = [q for q in questions if q.scored]
    types = Counter(q.type for q in scored)
    if form(quiz.module):  # the pre- and post-course checks: 20 paper-friendly items, no module's mix
        assert len(scored) >= 20 and set(types) <= {"single", "multiple", "truefalse"}
        return
    assert len(scored) >= 10, f"{len(scored)} scored items, a module needs at least 10"
    assert len(types) >= 3, f"only {sorted(types)}"
    assert any(isinstance(item, Group) for item in quiz.items), "needs a scenario group on the persona"
    assert types["ordering"] + types["matching"] >= 1, "needs an ordering or matching item"
    assert sum(q.type == "reflective" for q in questions) == 1, "needs exactly one reflective question"

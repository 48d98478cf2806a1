"""The register of question ids: an id once published is never given to another question."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kursus.cli import main
from kursus.project import load_project
from kursus.quiz.bank import REGISTER
from kursus.quiz.register import read_register
from kursus.validation import validate

ROOT = Path(__file__).resolve().parent.parent
CLEAN = Path(__file__).resolve().parent / "checker" / "clean"


def codes(root: Path) -> list[tuple[str, int, str]]:
    _, problems = validate(load_project(root))
    return [(p.path, p.line, p.code) for p in problems if p.is_error]


def test_the_course_register_records_every_id_and_the_retired_ones() -> None:
    register, problems = read_register(ROOT / "quizzes" / REGISTER, REGISTER)
    assert problems == []
    assert register is not None
    assert set(register.retired) >= {"m01.q10", "m02.q07", "m02.q14", "m04.q03"}
    assert all(reason for reason, _ in register.retired.values())
    assert [p for p in validate(load_project(ROOT))[1] if p.code in {"Q026", "Q027", "Q028", "Q029"}] == []


def test_record_retire_and_reuse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "course"
    shutil.copytree(CLEAN, root)
    quiz = root / "quizzes" / "modul-01.yml"
    assert main(["--root", str(root), "ids", "--record"]) == 0
    assert "recorded m01.q01" in capsys.readouterr().out
    assert codes(root) == []

    # The question m01.q07 is removed: the check asks for it to be retired, with a reason.
    text = quiz.read_text(encoding="utf-8")
    start, end = text.index("  - id: m01.q07"), text.index("  - id: m01.s01")
    quiz.write_text(text[:start] + text[end:], encoding="utf-8")
    assert [code for _, _, code in codes(root)] == ["Q027"]
    assert main(["--root", str(root), "ids", "--retire", "m01.q07"]) == 2  # no reason
    assert main(["--root", str(root), "ids", "--retire", "m01.q07", "--reason", "terlalu mirip m01.q03"]) == 0
    assert codes(root) == []

    # A new question given the retired id fails, at the line of the id.
    quiz.write_text(text.replace("  - id: m01.q07", "  - id: m01.q07"), encoding="utf-8")
    line = text[:start].count("\n") + 1
    assert codes(root) == [("quizzes/modul-01.yml", line, "Q026")]
    assert main(["--root", str(root), "ids", "--record"]) == 1  # recording never un-retires an id
    capsys.readouterr()

    # A new id is not accepted silently: it must be recorded.
    quiz.write_text(text.replace("  - id: m01.q07", "  - id: m01.q16"), encoding="utf-8")
    assert [code for _, _, code in codes(root)] == ["Q028"]
    assert main(["--root", str(root), "ids", "--record"]) == 0
    assert codes(root) == []

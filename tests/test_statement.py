"""Completion statements (issue 15): the code on a printed self-study statement, checked by
``kursus score --codes`` against the name, the modules and the scores; the pass mark setting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kursus.cli import main
from kursus.quiz.bank import Bank, load_bank
from kursus.scoring import codes, statement
from kursus.settings import validated

from conftest import MINI_QUIZ, make_project

HERE = Path(__file__).parent / "scoring"
QUIZ_ONE = (HERE / "modul-01.yml").read_text(encoding="utf-8")  # 7 points, every scored type
QUIZ_TWO = MINI_QUIZ.replace("m01", "m02").replace("Modul uji", "Modul kedua")  # 1 point
DAY = date(2026, 12, 4)
PASSED = {"m01": 5, "m02": 1}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = {"id/index.md": "# Beranda\n", "en/index.md": "# Home\n"}
    quizzes = {"modul-01.yml": QUIZ_ONE, "modul-02.yml": QUIZ_TWO}
    return make_project(tmp_path_factory.mktemp("statement"), pages, quizzes)


@pytest.fixture(scope="module")
def bank(project: Path) -> Bank:
    found, problems = load_bank(sorted((project / "quizzes").glob("modul-*.yml")))
    assert not problems
    return found


def make(bank: Bank, name: str = "Siti Rahayu", scores: dict[str, int] | None = None, mark: int = 70) -> str:
    return statement.encode(bank, "id", name, mark, DAY, scores or PASSED)


def score_codes(project: Path, tmp_path: Path, text: str, *extra: str) -> int:
    (tmp_path / "kode.txt").write_text(text, encoding="utf-8")
    return main(["--root", str(project), "score", "--codes", str(tmp_path / "kode.txt"), *extra])


def test_a_statement_code_reads_back_what_was_printed(bank: Bank) -> None:
    code = make(bank)
    assert code.startswith("00") and code == make(bank)
    found = statement.decode(code, bank, "id")
    assert (found.pass_mark, found.completed, found.scores) == (70, DAY, PASSED)
    assert found.name_check == statement.name_check("  siti RAHAYU ")  # as the trainer may type it


def test_every_mistyped_character_is_caught(bank: Bank) -> None:
    code = make(bank).replace("-", "")
    for i, original in enumerate(code):
        other = "1" if original != "1" else "2"
        with pytest.raises(codes.CodeError):
            statement.decode(code[:i] + other + code[i + 1 :], bank, "id")


def test_the_cli_reports_a_statement_with_its_modules_and_scores(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = score_codes(project, tmp_path, f"# workshop of 4 December\nSiti Rahayu: {make(bank_of(project))}\n")
    out = capsys.readouterr().out
    assert status == 0
    assert "kode.txt:2: Siti Rahayu" in out
    assert "Kode tampak asli: nilai periksa, versi kursus, dan nama cocok." in out
    assert "2026-12-04" in out and "nilai lulus 70 %" in out
    assert "m01  Kuis uji skor" in out and "5/7" in out and " 71 %" in out
    assert "m02  Modul kedua" in out and "1/1" in out
    assert "checksum, bukan tanda tangan" in out


def test_the_cli_refuses_a_statement_for_another_name_a_mistyped_one_and_one_below_the_mark(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = bank_of(project)
    good = make(bank)
    typo = good[:-1] + ("0" if good[-1] != "0" else "1")
    below = make(bank, scores={"m01": 4, "m02": 1})  # 4 of 7 is 57 %: the page never offers this
    text = f"Budi Santoso: {good}\n{typo}\n{below}\n"
    status = score_codes(project, tmp_path, text, "--language", "en")
    captured = capsys.readouterr()
    assert status == 1
    assert "kode.txt:1: the statement code does not match the name Budi Santoso" in captured.err
    assert "kode.txt:2: the check value does not match" in captured.err
    assert "kode.txt:3: the statement code holds modules below its pass mark (m01)" in captured.err
    assert "Self-study statement" not in captured.out


def test_statements_and_result_codes_in_one_file_are_both_read(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = bank_of(project)
    quiz = bank.module("m01")
    assert quiz is not None
    result = codes.encode(quiz, {"m01.q01": {"v": 1, "t": 1}}, "id")
    status = score_codes(project, tmp_path, f"Ani: {result}\nSiti Rahayu: {make(bank)}\n", "--format", "csv")
    out = capsys.readouterr().out
    assert status == 0
    assert "Pernyataan belajar mandiri, " in out  # the statement …
    assert "\nAni," in out  # … and the module's score report


def test_a_statement_of_another_course_version_is_recognised(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    (other_folder / "modul-01.yml").write_text(QUIZ_ONE, encoding="utf-8")
    other, _ = load_bank([other_folder / "modul-01.yml"])  # one module only: another course
    code = statement.encode(other, "id", "Siti Rahayu", 70, DAY, {"m01": 6})
    assert score_codes(project, tmp_path, f"Siti Rahayu: {code}\n") == 1
    assert "pernyataan dibuat dengan versi lain kursus ini" in capsys.readouterr().err


def bank_of(project: Path) -> Bank:
    return load_bank(sorted((project / "quizzes").glob("modul-*.yml")))[0]


@pytest.mark.parametrize("value", [101, -1, "tujuh puluh", True, 70.5])
def test_a_wrong_pass_mark_names_the_setting(value: object) -> None:
    _, wrong = validated({"pass_mark": value}, "mkdocs.yml")
    assert [key for key, _ in wrong] == ["pass_mark"]


def test_the_pass_mark_is_a_whole_percent_with_a_default() -> None:
    assert validated({}, "mkdocs.yml")[0].pass_mark == 70
    assert validated({"pass_mark": 0}, "mkdocs.yml")[0].pass_mark == 0
    assert validated({"pass_mark": 100}, "mkdocs.yml")[0].pass_mark == 100

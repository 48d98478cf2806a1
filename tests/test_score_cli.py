"""``kursus score`` from the command line: the template, reports as snapshots (tests/scoring/expected/,
rewritten with ``pytest --update-snapshots``), bad files and usage errors: a clear ``path:line:``
message and an exit status, never a traceback."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from kursus.cli import main

from conftest import assert_snapshot, make_project

HERE = Path(__file__).parent / "scoring"
EXPECTED = HERE / "expected"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    quiz = (HERE / "modul-01.yml").read_text(encoding="utf-8")
    return make_project(tmp_path_factory.mktemp("score"), {}, {"modul-01.yml": quiz})


def run(course: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["--root", str(course), "score", *args])
    out, err = capsys.readouterr()
    return status, out, err


# -- reports ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "language", "name"),
    [("csv", "id", "kelas.id.csv"), ("html", "id", "kelas.id.html"), ("table", "en", "kelas.en.txt")],
)
def test_report_snapshots(
    fmt: str,
    language: str,
    name: str,
    course: Path,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(HERE)  # the report names its source as given: kelas.csv
    status, out, err = run(course, "kelas.csv", "--format", fmt, "--language", language, capsys=capsys)
    assert status == 1  # three rows could not be scored: the report is complete, the status says so
    assert_snapshot(request, EXPECTED / name, out)
    if fmt != "table":  # the table holds the problems itself; other formats also say them on stderr
        assert [line.split(":")[1] for line in err.splitlines()] == ["1", "12", "13", "14"]


def test_sheet_and_codes_make_one_report(
    course: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """kode.txt: Joko (all right), Kartini, an unnamed code, Budi (already on the sheet), Lukas (mistyped)."""
    monkeypatch.chdir(HERE)
    status, out, _ = run(course, "kelas.csv", "--codes", "kode.txt", capsys=capsys)
    assert status == 1
    assert_snapshot(request, EXPECTED / "kelas-kode.id.txt", out)
    assert "kode.txt:5: peserta 'Budi' sudah ada di kelas.csv:4" in out
    assert "kode.txt:6: nilai periksa tidak cocok" in out
    assert "19 baris dibaca: 11 dinilai, 5 tidak dinilai." in out


def test_codes_alone_pick_their_module(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        course, "--codes", str(HERE / "kode.txt"), "--format", "html", "--language", "en", capsys=capsys
    )
    assert status == 1 and err.count("kode.txt:") == 1  # Lukas
    assert "<h1>Score report: m01 · Scoring test quiz</h1>" in out
    assert "correct (judged in the browser)" in out  # Kartini's and Joko's short answers
    assert "(no name, line 4)" in out


def test_report_file_is_written_whole_and_named(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "laporan" / "m01.csv"
    status, stdout, _ = run(course, str(HERE / "kelas.csv"), "-o", str(out), capsys=capsys)
    assert status == 1
    assert f"Laporan ditulis: {out}" in stdout and "13 baris dibaca: 8 dinilai, 3 tidak dinilai." in stdout
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["peserta", "Skor", "Maks", "%"] and rows[1][:4] == ["Ani", "6", "7", "86%"]
    assert [p.name for p in out.parent.iterdir()] == ["m01.csv"]  # no temporary file left behind


def test_a_clean_sheet_exits_zero(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "ok.csv"
    sheet.write_text("peserta,m01.q01,m01.q03\nAni,B,B\nBudi,A,S\n", encoding="utf-8")
    status, out, _ = run(course, str(sheet), "--language", "en", capsys=capsys)
    assert status == 0
    assert "2 rows read: 2 scored, 0 not scored." in out
    assert re.search(r"\nAni +2/2 +100% +–\nBudi +0/2 +0% +1, 3\n", out), out


# -- the template ----------------------------------------------------------------------------------


def test_template_and_its_instructions(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(course, "template", "m01", capsys=capsys)
    assert status == 0
    assert out.splitlines()[0] == "peserta,m01.q01,m01.q02,m01.q03,m01.q04,m01.q05,m01.q06"
    assert "m01.q05 (Soal 5): huruf langkah (A–D)" in err
    target = tmp_path / "lembar.csv"
    status, out, _ = run(course, "template", "1", "--language", "en", "-o", str(target), capsys=capsys)
    assert status == 0
    sheet = target.read_text(encoding="utf-8-sig")
    assert sheet.startswith("participant,m01.q01")
    guide = (tmp_path / "lembar-instructions.txt").read_text(encoding="utf-8")
    assert "m01.q06 (Question 6): for each left row in order, the letter of its match" in guide
    # the filled-in template is what the scorer reads
    filled = tmp_path / "filled.csv"
    filled.write_text(sheet + "Ani,B,AC,B,TPT,BADC,BCA\n", encoding="utf-8")
    status, out, _ = run(course, str(filled), "--format", "csv", capsys=capsys)
    assert status == 0 and "Ani,7,7,100%,1,1,1,1,1,1" in out


# -- bad files and usage errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "berkas.csv:1: berkas kosong"),
        (b"\n\n  \n", "berkas.csv:1: berkas kosong"),
        (b"PK\x03\x04\x14\x00\x06\x00", "berkas.csv:1: ini buku kerja spreadsheet (.xlsx, .ods, atau .xls), bukan CSV"),
        (b"peserta,m01.q01\nAni,B\nJos\x81,A\n", "berkas.csv:3: bukan teks UTF-8 (bita 0x81)"),
        (
            b"peserta,m01.q01,m01.q2\nAni,B,A\n",
            "berkas.csv:1: kolom 3 berjudul 'm01.q2', padahal itu bukan soal modul m01; mungkin maksudnya m01.q02?",
        ),
        (b"peserta,m01.q01\nAni\x00,B\n", "berkas.csv:2: ini bukan berkas teks"),
        (b'peserta,m01.q01\nAni,B\n"Budi,A\n', "berkas.csv:3: bukan CSV yang sah"),
        (b"nama lengkap,m01.q01\nAni,B\n", "berkas.csv:1: kolom pertama harus berjudul peserta"),
        (b"peserta,m01.q01,m01.q01\nAni,B,B\n", "berkas.csv:1: soal m01.q01 punya dua kolom (2 dan 3)"),
        (b"peserta,m01.q01\n", "berkas.csv:1: tidak ada baris peserta"),
        (b"peserta,m01.q07\nAni,teks\n", "berkas.csv:1: tidak ada kolom soal modul m01"),
    ],
)
def test_bad_files_get_a_message_with_a_line_and_exit_1(
    content: bytes,
    message: str,
    course: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "berkas.csv").write_bytes(content)
    status, out, err = run(course, "berkas.csv", "--module", "m01", capsys=capsys)
    assert status == 1
    assert err.startswith(message), err
    assert "Traceback" not in err and out == ""


def test_utf16_from_a_spreadsheet_is_read(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "unicode.txt"
    sheet.write_bytes("peserta\tm01.q01\nÁni\tB\n".encode("utf-16"))
    status, out, _ = run(course, str(sheet), "--format", "csv", capsys=capsys)
    assert status == 0 and "Áni,1,1,100%,1" in out


def test_excel_for_windows_csv_with_semicolons_is_read_and_said(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "excel.csv"
    sheet.write_bytes("peserta;m01.q01\r\nJosé;B\r\n".encode("cp1252"))
    status, out, err = run(course, str(sheet), "--format", "csv", capsys=capsys)
    assert status == 0 and "José,1,1,100%,1" in out
    assert "excel.csv:2: " in err and "Windows-1252" in err


def test_missing_file(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(course, "tidak-ada.csv", "--module", "m01", capsys=capsys)
    assert (status, err.strip()) == (1, "tidak-ada.csv:1: berkas tidak ditemukan; periksa nama dan foldernya")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give a CSV answer sheet, --codes FILE, or 'template MODULE'"),
        (("template",), "usage: kursus score template MODULE"),
        (("template", "m09"), "no module 'm09' in this course (modules: m01)"),
        (("template", "m01", "--codes", "x.txt"), "usage: kursus score template MODULE"),
        (("x.csv", "--module", "m02"), "no module 'm02'"),
        (("x.csv", "--language", "fr"), "--language fr: the course has id, en"),
    ],
)
def test_usage_errors_exit_2(
    args: tuple[str, ...], message: str, course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(course, *args, capsys=capsys)
    assert status == 2 and message in err, err


def test_sheet_without_question_columns_needs_a_module(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text("peserta,soal 1\nAni,B\n", encoding="utf-8")
    status, _, err = run(course, str(sheet), capsys=capsys)
    assert status == 2 and "use --module" in err


def test_not_a_course_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--root", str(tmp_path), "score", "x.csv"])
    assert status == 2 and "no mkdocs.yml here" in capsys.readouterr().err

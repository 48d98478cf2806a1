"""The pre/post course checks (``awal``, ``akhir``) work wherever module quizzes work: their pages, the
progress page and its result codes (in the browser and in ``kursus score --codes``), the paper forms,
answer sheets and keys of ``kursus print``, and ``kursus score template``. The course is the checker's
small pre/post case (tests/checker/clean-prepost) with a home page and a progress page."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from kursus.cli import main
from kursus.printing.course import load_course
from kursus.printing.documents import compose
from kursus.quiz.bank import load_bank, quiz_files
from kursus.quiz.objectives import read_objectives
from kursus.scoring import codes
from test_print import print_project

from conftest import ROOT, build, make_project

CASE = Path(__file__).parent / "checker" / "clean-prepost"
EXTRA = {
    "id/index.md": "# Beranda\n",
    "en/index.md": "# Home\n",
    "id/kemajuan.md": "# Kemajuan saya\n\n<!-- kemajuan -->\n",
    "en/kemajuan.md": "# My progress\n\n<!-- kemajuan -->\n",
}


def files() -> tuple[dict[str, str], dict[str, str]]:
    docs = CASE / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    quizzes = {p.name: p.read_text(encoding="utf-8") for p in (CASE / "quizzes").glob("*.yml")}
    return pages | EXTRA, quizzes


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages, quizzes = files()
    folder = make_project(tmp_path_factory.mktemp("prepost"), pages, quizzes)
    build(folder)
    return folder


def test_the_forms_come_first_and_last_in_the_bank(course: Path) -> None:
    bank, problems = load_bank(quiz_files(course / "quizzes"), course)
    assert problems == []
    assert [q.module for q in bank.quizzes] == ["awal", "m01", "m02", "akhir"]


def test_progress_page_lists_and_links_the_forms(course: Path) -> None:
    html = (course / "site" / "kemajuan.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-module="([^"]+)" data-number="(\d+)"[^>]*><td><a href="([^"]+)">([^<]+)</a>', html)
    assert rows == [
        ("awal", "91", "tes-awal.html", "Tes Awal"),
        ("m01", "1", "modul-01/index.html", "Peran"),
        ("m02", "2", "modul-02/index.html", "Wawancara"),
        ("akhir", "92", "tes-akhir.html", "Tes Akhir"),
    ]
    english = (course / "site" / "en" / "kemajuan.html").read_text(encoding="utf-8")
    assert '<a href="tes-akhir.html">Post-course check</a>' in english


def test_browser_data_tells_forms_from_modules(course: Path) -> None:
    """What the pages' script knows: a pre/post check is not a module to pass (e.g. for a completion statement)."""
    html = (course / "site" / "tes-awal.html").read_text(encoding="utf-8")
    found = re.findall(r'"id": ?"(awal|m01|m02|akhir)"[^{}]*?"page": ?"([^"]+)", ?"form": ?(true|false)', html)
    assert found == [
        ("awal", "tes-awal.html", "true"),
        ("m01", "modul-01/index.html", "false"),
        ("m02", "modul-02/index.html", "false"),
        ("akhir", "tes-akhir.html", "true"),
    ]


def test_browser_data_says_which_quizzes_give_feedback_only_after_submitting(course: Path) -> None:
    """Deferred feedback is declared per form (FORMS in quiz/modules.py) and reaches the page's script."""
    html = (course / "site" / "en" / "tes-akhir.html").read_text(encoding="utf-8")
    found = re.findall(r'"id": ?"(awal|m01|m02|akhir)"[^{}]*?"feedback": ?"(\w+)"', html)
    assert found == [("awal", "deferred"), ("m01", "immediate"), ("m02", "immediate"), ("akhir", "deferred")]


def test_a_forms_answer_not_yet_submitted_is_blank_in_its_code(course: Path) -> None:
    """In a form with deferred feedback an answer without a first answer was not submitted (or was given
    after submitting, to a question left blank): the code holds it as blank, unlike a module's old record."""
    bank, _ = load_bank(quiz_files(course / "quizzes"), course)
    form, module = bank.module("awal"), bank.module("m01")
    assert form is not None and module is not None
    unsubmitted = codes.encode(form, {"awal.q01": {"v": "false", "t": 1}}, "id")
    assert unsubmitted == codes.encode(form, {}, "id")
    submitted = codes.encode(form, {"awal.q01": {"v": "false", "t": 1, "first": {"v": "false", "t": 1}}}, "id")
    assert submitted != unsubmitted
    q = next(iter(module.questions()))
    assert q.type == "truefalse" and codes.first_attempt(q, {"v": "true"}) == "true"  # a module's old record: v counts


def test_form_page_shows_its_quiz(course: Path) -> None:
    html = (course / "site" / "tes-awal.html").read_text(encoding="utf-8")
    assert 'id="q-awal-q01"' in html and 'id="q-awal-q02"' in html
    assert "Data klien boleh dibagikan tanpa izin." in html


def test_result_code_of_a_form_round_trips(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank, _ = load_bank(quiz_files(course / "quizzes"), course)
    quiz = bank.module("awal")
    assert quiz is not None
    state = {"awal.q01": {"v": "false", "first": {"v": "false"}}, "awal.q02": {"v": "false", "first": {"v": "false"}}}
    code = codes.encode(quiz, state, "id")
    assert code.replace("-", "").startswith("911")  # the form's number, then the format
    assert codes.decode(code, bank).module == "awal"
    (tmp_path / "kode.txt").write_text(f"Ani: {code}\n", encoding="utf-8")
    assert main(["--root", str(course), "score", "--codes", str(tmp_path / "kode.txt"), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][4:] == ["awal.q01", "awal.q02"] and rows[1][:3] == ["Ani", "1", "2"]  # q01 right, q02 wrong


def test_score_template_of_a_form(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(course), "score", "template", "akhir"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "peserta,akhir.q01,akhir.q02"


def test_print_pack_holds_the_paper_forms(tmp_path: Path) -> None:
    pages, quizzes = files()
    loaded, problems = load_course(print_project(tmp_path / "print", pages, quizzes))
    assert loaded is not None, [p.text() for p in problems]
    documents = {d.target: d for d in compose(loaded, ["id", "en"], with_bilingual=True)}
    papers = [t for t in documents if t.startswith("id/") and "modul-" not in t and t.endswith(("kuis.pdf", "an.pdf"))]
    assert papers == [
        "id/tes-awal-kuis.pdf",
        "id/tes-awal-lembar-jawaban.pdf",
        "id/tes-awal-kunci-jawaban.pdf",
        "id/tes-akhir-kuis.pdf",
        "id/tes-akhir-lembar-jawaban.pdf",
        "id/tes-akhir-kunci-jawaban.pdf",
    ]
    assert documents["id/tes-awal-kuis.pdf"].title == "Tes Awal"
    assert documents["id/tes-awal-lembar-jawaban.pdf"].title == "Lembar Jawaban Tes Awal"
    assert documents["en/tes-akhir-kunci-jawaban.pdf"].title == "Post-course check: Answer Key"
    assert documents["id-en/tes-awal-kuis.pdf"].title == "Tes Awal · Pre-course check"
    assert "Data klien boleh dibagikan tanpa izin." in documents["id/tes-awal-kuis.pdf"].body
    assert not any("tes-awal/" in t or "tes-akhir/" in t for t in documents)  # no module pages looked for


@pytest.mark.browser
def test_browser_makes_the_forms_code_as_codes_py_does(course: Path, browser: Any) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    base = (course / "site").as_uri() + "/"
    page.goto(base + "tes-awal.html")
    page.locator("#q-awal-q01").get_by_label("Salah", exact=True).check()
    page.once("dialog", lambda d: d.accept())  # awal.q02 is left blank: submit anyway
    page.get_by_role("button", name="Kirim semua jawaban").click()
    page.goto(base + "kemajuan.html")
    page.locator("tr[data-module=awal]").get_by_role("button", name="Buat kode hasil").click()
    code = str(page.input_value("#kk-code-value"))
    state = page.evaluate("JSON.parse(localStorage.getItem('kursus-konselor/progress'))")["answers"]
    page.close()
    assert not errors, errors
    bank, _ = load_bank(quiz_files(course / "quizzes"), course)
    quiz = bank.module("awal")
    assert quiz is not None
    assert code == codes.encode(quiz, state, "id")
    assert code.replace("-", "").startswith("911")


def test_every_module_of_the_course_lists_its_objectives() -> None:
    """``objective: mNN.tK`` can name any module's objectives in every language: bulleted or numbered lists."""
    for language in ("id", "en"):
        for n in range(1, 13):
            page = ROOT / "docs" / language / f"modul-{n:02d}" / "index.md"
            found = read_objectives(page.read_text(encoding="utf-8"))
            assert len(found) >= 3, page
            assert all(o.text and not o.text.endswith(";") for o in found)
    numbered = read_objectives("## Tujuan {#tujuan}\n\nIntro:\n\n1. satu;\n2. dua.\n\nTeks.\n\n- bukan\n")
    assert [(o.line, o.text) for o in numbered] == [(5, "satu"), (6, "dua")]

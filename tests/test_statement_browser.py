"""The completion statement in the browser (issue 15): offered on the progress page only when every
module quiz is passed with first answers; name, modules, pass dates, scores and a code that
``kursus score --codes`` verifies; printed on one A4 page."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kursus.cli import main
from kursus.quiz.bank import Bank, load_bank
from kursus.quiz.model import Question
from kursus.scoring import statement
from kursus.scoring.model import scored_questions
from test_accessibility import violations
from test_statement import QUIZ_ONE, QUIZ_TWO

from conftest import build, make_project

PROGRESS_ID = "# Kemajuan saya\n\n<!-- kemajuan -->\n\n## Pernyataan {#pernyataan}\n\n<!-- pernyataan -->\n"
PROGRESS_EN = "# My progress\n\n<!-- kemajuan -->\n\n## Statement {#pernyataan}\n\n<!-- pernyataan -->\n"
PAGES = {
    "id/index.md": "# Beranda\n",
    "en/index.md": "# Home\n",
    "id/kemajuan.md": PROGRESS_ID,
    "en/kemajuan.md": PROGRESS_EN,
    **{
        f"{lang}/modul-{n:02d}/latihan.md": f"# Latihan\n\n<!-- kuis: m{n:02d} -->\n"
        for lang in ("id", "en")
        for n in range(1, 13)
    },
}
# twelve modules, as in the course, with titles as long as its longest: the printed sheet must fit one A4 page
LONG = "title: {id: Pelindungan Data dan Pemantauan Kasus Layanan, en: Data Protection and Caseload Monitoring}"


def module_quiz(n: int) -> str:
    """A one-question module; where the correct option stands varies (the checker's B001)."""
    options = [("Konselor", "The counsellor", False), ("Pemberi kerja", "The employer", False)]
    options.insert(n % 3, ("Pencari kerja", "The job seeker", True))
    rows = "".join(
        f"      - text: {{id: {i}, en: {e}}}\n"
        + ("        correct: true\n" if ok else "")
        + "        feedback: {id: Ya., en: Yes.}\n"
        for i, e, ok in options
    )
    return (
        f"module: m{n:02d}\n{LONG}\nitems:\n  - id: m{n:02d}.q01\n    type: single\n"
        f'    text: {{id: "Siapa yang memutuskan di modul {n}?", en: "Who decides in module {n}?"}}\n'
        f"    options:\n{rows}"
    )


QUIZZES = {
    "modul-01.yml": QUIZ_ONE,
    "modul-02.yml": QUIZ_TWO,
    **{f"modul-{n:02d}.yml": module_quiz(n) for n in range(3, 13)},
}
KEY = "kursus-konselor/progress"
# first answers checked on 2 and 3 December 2026 (local time), the module passed on the later day
DAYS = [int(datetime(2026, 12, d, 10).timestamp() * 1000) for d in (2, 3)]


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_project(tmp_path_factory.mktemp("statement-site"), PAGES, QUIZZES)
    build(folder)
    return folder


def right(q: Question) -> Any:
    """The correct answer in the browser's stored form."""
    if q.type == "single":
        return next(i for i, o in enumerate(q.options) if o.correct)
    if q.type == "multiple":
        return [i for i, o in enumerate(q.options) if o.correct]
    if q.type == "truefalse":
        return "true" if q.answer else "false"
    if q.type == "short":
        return q.accept["id"][0]
    return list(range(len(q.steps) or len(q.pairs)))


def wrong_answer(q: Question) -> Any:
    """A wrong answer to a choice question: its first wrong option."""
    index = next(i for i, o in enumerate(q.options) if not o.correct)
    return index if q.type == "single" else [index]


def progress(bank: Bank, wrong: set[str]) -> dict[str, Any]:
    """Every scored question answered right the first time, except those in ``wrong`` (a later right
    retry is practice: it does not count)."""
    answers: dict[str, Any] = {}
    for quiz in bank.quizzes:
        for n, q in enumerate(scored_questions(quiz)):
            t = DAYS[min(n, 1)]
            first = wrong_answer(q) if q.id in wrong else right(q)
            answers[q.id] = {"v": right(q), "t": t + 5000, "first": {"v": first, "t": t}}
    return {"format": "kursus-konselor-progress", "version": 1, "answers": answers}


def open_progress(
    browser: Any, course: Path, state: dict[str, Any], page_name: str = "kemajuan.html"
) -> tuple[Any, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    url = (course / "site").as_uri() + "/" + page_name
    page.goto(url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(state)])
    page.goto(url)
    return page, errors


@pytest.mark.browser
def test_all_modules_passed_the_statement_is_offered_and_its_code_verifies(
    course: Path, browser: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = load_bank(sorted((course / "quizzes").glob("modul-*.yml")))[0]
    # q01 (1 point) and q02 (2 points) wrong the first time: 4 of 7 = 57 %, below the mark of 70 %
    page, errors = open_progress(browser, course, progress(bank, {"m01.q01", "m01.q02"}))
    assert page.locator(".kk-statement__ready").is_hidden()
    left = page.locator(".kk-statement__left").inner_text()
    assert "Modul yang belum lulus dengan jawaban pertama Anda (1): Modul 1 (skor 4 dari 7, perlu 5)" in left
    assert violations(page) == []
    assert not errors, errors
    page.context.close()

    page, errors = open_progress(browser, course, progress(bank, {"m01.q01"}))  # 6 of 7: passed
    assert page.locator(".kk-statement__left").inner_text() == ""
    assert page.locator(".kk-statement__ready").is_visible()
    page.fill("#kk-statement-name", "Siti Rahayu")
    sheet = page.locator(".kk-statement__sheet")
    assert sheet.locator(".kk-statement__name").inner_text() == "Siti Rahayu"
    rows = [r.split("\t") for r in sheet.locator("tbody tr").all_inner_texts()]
    assert len(rows) == 12
    assert rows[:3] == [
        ["1. Kuis uji skor", "3 Desember 2026", "6/7 (85 %)"],
        ["2. Modul kedua", "2 Desember 2026", "1/1 (100 %)"],
        ["3. Pelindungan Data dan Pemantauan Kasus Layanan", "2 Desember 2026", "1/1 (100 %)"],
    ]
    assert "bukan sertifikat" in sheet.inner_text() and "checksum, bukan tanda tangan" in sheet.inner_text()
    code = sheet.locator(".kk-statement__code").inner_text()
    # the page and the reference encoder (statement.py) agree, also on a name the normalisation changes
    scores = {"m01": 6, **{f"m{n:02d}": 1 for n in range(2, 13)}}
    page.fill("#kk-statement-name", " Ñoman  ŁUKASZ-Śląska ")
    accented = sheet.locator(".kk-statement__code").inner_text()
    assert accented == statement.encode(bank, "id", "ñoman łukasz-slaska", 70, date(2026, 12, 3), scores)
    page.fill("#kk-statement-name", "Siti Rahayu")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["statement"]
    assert stored["name"] == "Siti Rahayu"
    assert stored["passed"] == {"m01": "2026-12-03", **{f"m{n:02d}": "2026-12-02" for n in range(2, 13)}}

    assert violations(page) == []  # axe, with the statement shown
    page.set_viewport_size({"width": 320, "height": 640})  # on a phone: no sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    # printed with its button: the sheet alone, on one A4 page
    page.evaluate("document.documentElement.classList.add('kk-print-statement')")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) == 1
    printed = pdf.pages[0].extract_text()
    assert "Siti Rahayu" in printed and code in printed and "Buat kode hasil" not in printed
    assert not errors, errors
    page.context.close()

    (tmp_path / "kode.txt").write_text(f"Siti Rahayu: {code}\n", encoding="utf-8")
    status = main(["--root", str(course), "score", "--codes", str(tmp_path / "kode.txt")])
    out = capsys.readouterr().out
    assert status == 0
    assert "nama cocok" in out and "2026-12-03" in out
    assert "6/7" in out and "1/1" in out


@pytest.mark.browser
def test_a_damaged_stored_statement_is_kept_aside_and_the_page_goes_on(course: Path, browser: Any) -> None:
    bank = load_bank(sorted((course / "quizzes").glob("modul-*.yml")))[0]
    state = progress(bank, set())
    state["statement"] = {"name": ["not", "a", "name"], "passed": {"m01": "2026-02-30"}}
    page, errors = open_progress(browser, course, state, "en/kemajuan.html")
    assert "damaged" in page.locator(".kk-notice").inner_text()
    assert page.locator(".kk-statement__ready").is_visible()  # pass dates found again from the answers
    kept = page.evaluate(
        "Object.keys(localStorage).filter(k => k.indexOf('.kept-') > 0).map(k => localStorage.getItem(k))"
    )
    assert any('"2026-02-30"' in k for k in kept)
    assert not errors, errors
    page.context.close()


@pytest.mark.browser
def test_a_pass_is_recorded_on_the_quiz_page_when_the_first_answers_reach_the_mark(course: Path, browser: Any) -> None:
    page, errors = open_progress(browser, course, {"format": "kursus-konselor-progress", "version": 1, "answers": {}})
    page.goto((course / "site").as_uri() + "/modul-02/latihan.html")
    page.locator("#q-m02-q01").get_by_label("Pencari kerja").check()
    page.locator("#q-m02-q01").get_by_role("button", name="Periksa").click()
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["statement"]
    today = page.evaluate(
        "(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()"
    )
    assert stored["passed"] == {"m02": "{:04d}-{:02d}-{:02d}".format(*today)}
    assert not errors, errors
    page.context.close()


@pytest.mark.browser
def test_an_import_keeps_the_earlier_pass_date_and_refuses_a_damaged_statement(course: Path, browser: Any) -> None:
    bank = load_bank(sorted((course / "quizzes").glob("modul-*.yml")))[0]
    state = progress(bank, set())
    state["statement"] = {"name": "Siti Rahayu", "passed": {"m01": "2026-12-03"}}
    page, errors = open_progress(browser, course, state)
    moved = dict(state, statement={"name": "Siti", "passed": {"m01": "2026-11-30", "m02": "2026-12-01"}})
    damaged = dict(state, statement={"name": "Siti", "passed": {"m01": "kemarin"}})

    def load(record: dict[str, Any]) -> str:
        if not page.is_visible("#kk-progress-text"):
            page.locator(".kk-progress__text summary").click()
        page.fill("#kk-progress-text", json.dumps(record))
        page.locator("[data-act=text-load]").click()
        return str(page.locator(".kk-progress__textmsg").inner_text())

    assert "Tidak ada yang diubah" in load(damaged)
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["statement"]["passed"]["m01"] == "2026-12-03"
    load(moved)
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["statement"]
    assert stored["name"] == "Siti Rahayu"
    assert [stored["passed"][m] for m in ("m01", "m02", "m03")] == ["2026-11-30", "2026-12-01", "2026-12-02"]
    assert "30 November 2026" in page.locator(".kk-statement__sheet").inner_text()
    assert not errors, errors
    page.context.close()

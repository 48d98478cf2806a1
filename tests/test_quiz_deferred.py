"""The pre/post course checks give feedback only after the whole form is submitted (issue 15, Moodle's
"deferred feedback"): while answering no verdict, mark or feedback shows, answers are kept as given and stay
open to change, a submit with blanks asks first, and the submitted answers are what the result code holds.
Module quizzes still answer at once. On the real course, at 412 px with a touch screen, from disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kursus.quiz.bank import load_bank, quiz_files
from kursus.quiz.model import Question, Quiz
from kursus.scoring import codes
from kursus.scoring.model import is_correct

from conftest import ROOT

pytestmark = pytest.mark.browser

STORE = "kursus-konselor/progress"
# anything that tells right from wrong on screen
VERDICTS = (
    ".kk-fb:not([hidden]), .kk-explain:not([hidden]), .kk-answered, .kk-right, .kk-wrong, .kk-chosen, .kk-part-mark"
)


def pre_test() -> Quiz:
    bank, _ = load_bank(quiz_files(ROOT / "quizzes"), ROOT)
    quiz = bank.module("awal")
    assert quiz is not None
    return quiz


def question(quiz: Quiz, qid: str) -> Question:
    return next(q for q in quiz.questions() if q.id == qid)


def right(q: Question) -> int:
    return next(i for i, o in enumerate(q.options) if o.correct)


def wrong(q: Question, skip: int = 0) -> int:
    return [i for i, o in enumerate(q.options) if not o.correct][skip]


def tap(page: Any, qid: str, option: int) -> None:
    dom = qid.replace(".", "-")
    page.locator(f"label[for=q-{dom}-o{option}]").tap()


def test_the_pre_test_stays_silent_until_submitted_and_the_code_holds_the_submitted_answers(
    course_site: Path, phone: Any
) -> None:
    quiz = pre_test()
    q01, q02 = question(quiz, "awal.q01"), question(quiz, "awal.q02")
    phone.goto((course_site / "tes-awal.html").as_uri())
    assert phone.locator(".kk-quiz--full [data-act=check]:visible").count() == 0, "no per-question check"
    tap(phone, "awal.q01", wrong(q01))
    tap(phone, "awal.q02", right(q02))
    tap(phone, "awal.q01", wrong(q01, 1))  # changed: still open
    assert phone.locator(VERDICTS).count() == 0
    assert phone.locator(".kk-q__result").all_inner_texts() == [""] * len(quiz.questions())
    assert "2 dari 20 soal sudah dijawab" in phone.locator(".kk-score").inner_text()
    assert "poin" not in phone.locator(".kk-quiz--full").inner_text(), "no score before submitting"

    phone.reload()
    assert phone.locator(f"#q-awal-q01-o{wrong(q01, 1)}").is_checked(), "kept over a reload"
    assert phone.locator(f"#q-awal-q02-o{right(q02)}").is_checked()
    assert phone.locator(VERDICTS).count() == 0

    asked: list[str] = []
    phone.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    phone.get_by_role("button", name="Kirim semua jawaban").tap()
    assert asked and "belum dijawab: 18" in asked[0], asked
    assert phone.locator(VERDICTS).count() == 0, "cancelled: nothing submitted"
    tap(phone, "awal.q01", wrong(q01))  # still open to change after cancelling
    phone.once("dialog", lambda d: d.accept())
    phone.get_by_role("button", name="Kirim semua jawaban").tap()

    summary = phone.locator(".kk-summary__score")
    assert summary.is_visible() and "1 dari 20 poin" in summary.inner_text()
    assert phone.evaluate("document.activeElement.className") == "kk-summary__score", "the score is shown first"
    first = phone.locator("#q-awal-q01")
    assert "kk-wrong" in (first.get_attribute("class") or "")
    assert first.locator(f".kk-fb[data-opt='{wrong(q01)}']").is_visible(), "the chosen option's feedback"
    assert "Benar." in phone.locator("#q-awal-q02 .kk-q__result").inner_text()
    assert phone.locator("#q-awal-q03 .kk-q__result").inner_text() == "Tidak dijawab saat jawaban dikirim."
    assert phone.locator(".kk-summary__list a").first.get_attribute("href") == "#q-awal-q01", "review links"
    assert phone.get_by_role("button", name="Kirim semua jawaban").count() == 0

    phone.reload()
    assert "kk-wrong" in (phone.locator("#q-awal-q01").get_attribute("class") or ""), "still submitted"
    assert "1 dari 20 poin" in phone.locator(".kk-summary__score").inner_text()
    # after submitting, a retry and an answer to a blank question are practice
    phone.locator("#q-awal-q01").get_by_role("button", name="Coba lagi").tap()
    tap(phone, "awal.q01", right(q01))
    phone.locator("#q-awal-q01 [data-act=check]").tap()
    assert "Latihan" in phone.locator("#q-awal-q01 .kk-q__practice").inner_text()
    tap(phone, "awal.q03", 0)
    phone.locator("#q-awal-q03 [data-act=check]").tap()
    assert "tidak dijawab" in phone.locator("#q-awal-q03 .kk-q__practice").inner_text()

    phone.goto((course_site / "kemajuan.html").as_uri())
    phone.locator("tr[data-module=awal]").get_by_role("button", name="Buat kode hasil").tap()
    code = phone.input_value("#kk-code-value")
    state = json.loads(phone.evaluate(f"localStorage.getItem('{STORE}')"))
    found = codes.responses(quiz, codes.decode(code).answers)
    assert not is_correct(q01, found["awal.q01"]) and found["awal.q01"].value == wrong(q01), "the submitted answer"
    assert is_correct(q02, found["awal.q02"])
    assert found["awal.q03"].blank, "blank when submitted stays blank"
    assert code == codes.encode(quiz, state["answers"], "id")


def test_a_stored_submitted_flag_of_a_wrong_shape_is_not_trusted(course_site: Path, phone: Any) -> None:
    quiz = pre_test()
    q01 = question(quiz, "awal.q01")
    record = {
        "format": "kursus-konselor-progress",
        "version": 1,
        "submitted": {"awal": "yes"},
        "answers": {"awal.q01": {"v": right(q01), "t": 5}},
    }
    phone.goto((course_site / "tes-awal.html").as_uri())
    phone.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, json.dumps(record)])
    phone.reload()
    assert phone.locator(VERDICTS).count() == 0, "not submitted: no verdict"
    assert phone.locator(f"#q-awal-q01-o{right(q01)}").is_checked(), "the answer itself is kept"
    assert phone.get_by_role("button", name="Kirim semua jawaban").is_visible()
    assert phone.locator(".kk-notice").count() == 1, "the learner is told something was set aside"
    stored = json.loads(phone.evaluate(f"localStorage.getItem('{STORE}')"))
    assert "submitted" not in stored and "first" not in stored["answers"]["awal.q01"]


def test_a_module_quiz_still_gives_feedback_at_once(course_site: Path, phone: Any) -> None:
    phone.goto((course_site / "modul-01" / "latihan.html").as_uri())
    q = phone.locator(".kk-q--single").first
    q.locator(".kk-opt label").first.tap()
    q.locator("[data-act=check]").tap()
    assert q.locator(".kk-q__result").inner_text() in ("Benar.", "Belum tepat.")
    assert q.locator(".kk-fb:not([hidden])").count() >= 1
    assert phone.get_by_role("button", name="Kirim semua jawaban").count() == 0


def test_the_pre_test_before_and_after_submitting_has_no_axe_violations_on_a_phone(
    course_site: Path, phone: Any
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    def violations() -> list[str]:
        phone.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
        found = Axe().run(phone).response["violations"]
        return [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in found]

    phone.goto((course_site / "tes-awal.html").as_uri())
    tap(phone, "awal.q01", 0)
    assert not violations()
    phone.once("dialog", lambda d: d.accept())
    phone.get_by_role("button", name="Kirim semua jawaban").tap()
    assert not violations()


def test_a_form_submitted_in_another_tab_shows_submitted_here_too(course_site: Path, phone: Any) -> None:
    url = (course_site / "tes-awal.html").as_uri()
    phone.goto(url)
    other = phone.context.new_page()
    other.goto(url)
    tap(other, "awal.q01", 0)
    other.once("dialog", lambda d: d.accept())
    other.get_by_role("button", name="Kirim semua jawaban").tap()
    phone.locator(".kk-summary__score").wait_for()
    assert "kk-answered" in (phone.locator("#q-awal-q01").get_attribute("class") or "")
    assert phone.get_by_role("button", name="Kirim semua jawaban").count() == 0

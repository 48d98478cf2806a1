"""Quizzes on a phone (issue 14) and honest result codes (issue 15), at 412 x 915 with a touch screen,
from disk (file://): thumb-sized targets, the chosen answer marked, right and wrong pairs and steps, a
summary at the end, a number pad for numbers, long words that wrap, and retries that are only practice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kursus.quiz.bank import load_bank
from kursus.scoring import codes
from kursus.scoring.model import is_correct

from conftest import HOME, PROGRESS, build, make_project, practice

pytestmark = pytest.mark.browser

PAGES = {**HOME, **practice(1, 2), **PROGRESS}
LONG_WORD = "Ketenagakerjaan" * 20
ADDRESS = "https://contoh.example/" + "jalur-layanan-penempatan/" * 8
NUMBERS_QUIZ = f"""\
module: m02
title: {{id: Modul angka, en: Numbers module}}
items:
  - id: m02.q01
    type: short
    text: {{id: "Berapa persen? Tulis angkanya saja.", en: "What percentage? Write the number only."}}
    accept: {{id: ["5,0"], en: ["5.0"]}}
    feedback:
      correct: {{id: Benar., en: Right.}}
      incorrect: {{id: Jawabannya 5., en: It is 5.}}
  - id: m02.q02
    type: truefalse
    text:
      id: "Kata {LONG_WORD} dan alamat {ADDRESS} ada di sini."
      en: "The word {LONG_WORD} and the address {ADDRESS} are here."
    answer: true
    feedback:
      correct: {{id: Ya., en: Yes.}}
      incorrect: {{id: Tidak., en: No.}}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    demo = (Path(__file__).parent / "demo_quiz.yml").read_text(encoding="utf-8")
    quizzes = {"modul-01.yml": demo, "modul-02.yml": NUMBERS_QUIZ}
    return build(make_project(tmp_path_factory.mktemp("phone"), PAGES, quizzes))


def heights(page: Any, selector: str) -> list[float]:
    """Rendered heights of the visible elements matching ``selector``."""
    return list(
        page.eval_on_selector_all(
            selector, "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)"
        )
    )


def tap_check(page: Any, qid: str) -> None:
    page.locator(f"#q-{qid} [data-act=check]").tap()


def test_every_answer_target_is_at_least_44px_high(site: Path, phone: Any) -> None:
    phone.goto((site / "modul-01" / "latihan.html").as_uri())
    for selector in (
        ".kk-opt label",
        ".kk-q__actions .md-button",
        ".kk-move button",
        ".kk-pair select",
        ".kk-short input",
    ):
        found = heights(phone, selector)
        assert found and min(found) >= 44, (selector, found)
    phone.locator("#q-m01-q05 textarea").fill("Refleksi saya.")
    tap_check(phone, "m01-q05")
    found = heights(phone, ".kk-self label")
    assert len(found) == 3 and min(found) >= 44, found


def test_the_chosen_answer_stays_clearly_marked_after_checking(site: Path, phone: Any) -> None:
    phone.goto((site / "modul-01" / "latihan.html").as_uri())
    phone.locator("#q-m01-q01").get_by_text("Konselor", exact=True).tap()
    tap_check(phone, "m01-q01")
    chosen = phone.locator("#q-m01-q01 .kk-opt.kk-chosen")
    assert chosen.count() == 1 and chosen.locator("input").is_checked()
    style = chosen.locator("label").evaluate(
        "l => { const s = getComputedStyle(l), b = getComputedStyle(document.body);"
        " return {opacity: s.opacity, color: s.color, text: b.color, border: s.borderTopColor, weight: s.fontWeight,"
        " input: getComputedStyle(l.previousElementSibling).opacity,"
        " drawn: getComputedStyle(l.previousElementSibling).appearance}; }"
    )
    assert style["opacity"] == "1" and style["input"] == "1", style
    assert style["drawn"] == "none", "the chosen radio is drawn in the theme colour, not the browser's disabled grey"
    assert style["color"] == style["text"], "not greyed out"
    assert style["border"] not in ("rgba(0, 0, 0, 0)", "transparent") and int(style["weight"]) >= 700, style
    other = phone.locator("#q-m01-q01 .kk-opt:not(.kk-chosen) label").first
    assert other.evaluate("l => getComputedStyle(l).fontWeight") != style["weight"]


def test_matching_and_ordering_show_which_parts_are_right(site: Path, phone: Any) -> None:
    phone.goto((site / "modul-01" / "latihan.html").as_uri())
    match = phone.locator("#q-m01-q03")
    for i, label in enumerate(["Pemagangan", "LTSA", "JKP"]):  # the first pair right, the other two swapped
        match.locator(f"#q-m01-q03-l{i}").select_option(label=label)
    tap_check(phone, "m01-q03")
    assert match.locator(".kk-q__result").inner_text() == "Belum tepat."  # all or nothing, as on paper
    rows = match.locator(".kk-pair")
    assert "kk-part-ok" in (rows.nth(0).get_attribute("class") or "")
    assert rows.nth(0).locator(".kk-part-mark").inner_text().strip() == "(tepat)"
    for i in (1, 2):
        assert "kk-part-bad" in (rows.nth(i).get_attribute("class") or "")
        assert rows.nth(i).locator(".kk-part-mark").inner_text().strip() == "(belum tepat)"
    order = phone.locator("#q-m01-q02")
    steps = order.locator("li").evaluate_all("els => els.map(e => +e.dataset.step)")
    tap_check(phone, "m01-q02")  # the shown (shuffled) order
    marks = order.locator("li").evaluate_all("els => els.map(e => e.classList.contains('kk-part-ok'))")
    assert marks == [step == i for i, step in enumerate(steps)]
    assert order.locator(".kk-part-mark").count() == 3
    assert "Skor modul ini: 0 dari 6 poin" in phone.locator(".kk-score").inner_text()


def test_a_summary_ends_the_quiz_and_the_wrong_ones_can_be_tried_again(site: Path, phone: Any) -> None:
    phone.goto((site / "modul-01" / "latihan.html").as_uri())
    phone.locator("#q-m01-q01").get_by_text("Konselor", exact=True).tap()  # wrong
    tap_check(phone, "m01-q01")
    phone.locator("#q-m01-q06").get_by_text("Benar", exact=True).tap()  # right
    tap_check(phone, "m01-q06")
    phone.locator("#q-m01-q07").get_by_text("Nama sekolah", exact=True).tap()  # wrong
    tap_check(phone, "m01-q07")
    summary = phone.locator(".kk-summary")
    last = phone.eval_on_selector(
        ".kk-quiz--full",
        "f => [...f.querySelectorAll('.kk-q')].pop().compareDocumentPosition(f.querySelector('.kk-summary'))",
    )
    assert last & 4, "the summary comes after the last question"
    assert "Skor modul ini: 1 dari 6 poin (3 dari 7 soal dijawab)" in summary.inner_text()
    links = summary.locator(".kk-summary__list a")
    assert links.evaluate_all("els => els.map(a => a.getAttribute('href'))") == ["#q-m01-q01", "#q-m01-q07"]
    links.first.tap()
    assert phone.evaluate("location.hash") == "#q-m01-q01"
    summary.get_by_role("button", name="Coba lagi soal yang salah").tap()
    for qid in ("m01-q01", "m01-q07"):
        assert phone.locator(f"#q-{qid} [data-act=check]").is_visible(), qid
    assert phone.locator("#q-m01-q06 .kk-q__result").inner_text() == "Benar."
    assert summary.locator(".kk-summary__list a").count() == 0
    phone.locator("#q-m01-q01").get_by_text("Pencari kerja", exact=True).tap()
    tap_check(phone, "m01-q01")
    assert "2 dari 6 poin" in summary.inner_text()


def test_numeric_answers_open_the_number_pad_and_take_a_comma_or_a_point(site: Path, phone: Any) -> None:
    for lang, typed, verdict in (("", "5.0", "Benar."), ("en/", "5,0", "Correct."), ("en/", "5", "Correct.")):
        phone.goto(
            (site / lang / "modul-02" / "latihan.html").as_uri()
            if lang
            else (site / "modul-02" / "latihan.html").as_uri()
        )
        phone.evaluate("localStorage.clear()")
        phone.reload()
        field = phone.locator("#q-m02-q01 input")
        assert field.get_attribute("inputmode") == "decimal"
        field.fill(typed)
        tap_check(phone, "m02-q01")
        assert phone.locator("#q-m02-q01 .kk-q__result").inner_text() == verdict, (lang, typed)
    phone.goto((site / "modul-01" / "latihan.html").as_uri())
    assert phone.locator("#q-m01-q04 input").get_attribute("inputmode") is None  # "TPT" is a word


def test_a_long_word_or_address_wraps_instead_of_widening_the_page(site: Path, phone: Any) -> None:
    for page in (site / "modul-02" / "latihan.html", site / "en" / "modul-02" / "latihan.html"):
        phone.goto(page.as_uri())
        # everything in the page's content fits 412 px (the theme's header menus are the layout's business)
        wide = phone.eval_on_selector_all(
            ".md-content *", "els => els.filter(e => e.getBoundingClientRect().right > 412.5).map(e => e.className)"
        )
        assert not wide, wide
        text = phone.locator("#q-m02-q02 .kk-q__text")
        assert text.evaluate("e => e.getBoundingClientRect().height") > 100, "the long word wraps over lines"


def test_a_retry_is_practice_and_the_code_keeps_the_first_answer(site: Path, phone: Any) -> None:
    phone.goto((site / "modul-01" / "latihan.html").as_uri())
    q = phone.locator("#q-m01-q01")
    q.get_by_text("Konselor", exact=True).tap()
    tap_check(phone, "m01-q01")
    assert q.locator(".kk-q__result").inner_text() == "Belum tepat."
    assert q.locator(".kk-q__practice").count() == 0
    q.get_by_role("button", name="Coba lagi").tap()
    q.get_by_text("Pencari kerja", exact=True).tap()
    tap_check(phone, "m01-q01")
    assert q.locator(".kk-q__result").inner_text() == "Benar."
    assert "Latihan" in q.locator(".kk-q__practice").inner_text()
    phone.reload()
    assert "Latihan" in phone.locator("#q-m01-q01 .kk-q__practice").inner_text(), "still practice after a reload"
    phone.goto((site / "kemajuan.html").as_uri())
    shown = phone.locator("tr[data-module=m01] .kk-p-score").inner_text()
    assert shown.startswith("1/6 poin") and "jawaban pertama: 0 poin" in shown, shown
    phone.locator("tr[data-module=m01]").get_by_role("button", name="Buat kode hasil").tap()
    assert "jawaban pertama" in phone.locator(".kk-code__note").inner_text()
    code = phone.input_value("#kk-code-value")
    quiz = load_bank([site.parent / "quizzes" / "modul-01.yml"])[0].quizzes[0]
    found = codes.responses(quiz, codes.decode(code).answers)
    q01 = next(q for q in quiz.questions() if q.id == "m01.q01")
    assert not found["m01.q01"].blank and not is_correct(q01, found["m01.q01"]), "the first answer, wrong, counts"


def test_labels_sit_beside_their_radio_buttons(site: Path, phone: Any) -> None:
    phone.goto((site / "modul-01" / "latihan.html").as_uri())
    apart = phone.eval_on_selector_all(
        ".kk-opt",
        """opts => opts.map(o => {
          const i = o.querySelector('input').getBoundingClientRect();
          const l = o.querySelector('label').getBoundingClientRect();
          const middle = i.top + i.height / 2;
          return middle >= l.top && middle <= l.bottom && i.right <= l.left + 1 ? null : o.textContent;
        }).filter(x => x)""",
    )
    assert not apart, apart


def test_an_answered_quiz_with_practice_and_marks_has_no_axe_violations_on_a_phone(site: Path, phone: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    phone.goto((site / "modul-01" / "latihan.html").as_uri())
    phone.locator("#q-m01-q01").get_by_text("Konselor", exact=True).tap()
    tap_check(phone, "m01-q01")
    phone.locator("#q-m01-q01 [data-act=retry]").tap()
    phone.locator("#q-m01-q01").get_by_text("Pencari kerja", exact=True).tap()
    tap_check(phone, "m01-q01")  # practice
    tap_check(phone, "m01-q02")  # shuffled order: marks per step
    for i, label in enumerate(["Pemagangan", "LTSA", "JKP"]):
        phone.locator(f"#q-m01-q03-l{i}").select_option(label=label)
    tap_check(phone, "m01-q03")
    phone.locator("#q-m01-q07").get_by_text("Nama sekolah", exact=True).tap()
    tap_check(phone, "m01-q07")
    phone.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")
    found = Axe().run(phone).response["violations"]
    assert not found, [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in found]

"""Worksheets filled in on the screen (issue 14): a page titled `# ... {.kk-isian}` gets a labelled text area
in every empty table cell, saved as it is typed with the current profile's progress, stacked fields on a
phone, the written text on paper when the page is printed; the printed participant book stays blank."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kursus.printing.course import load_course
from kursus.printing.documents import Composer
from learner_site import KEY, build_site, seed, stored

from conftest import ROOT, open_page

PAGE = "modul-01/lembar-kerja"
WORKSHEETS = sorted(ROOT.glob("docs/*/modul-*/lembar-kerja.md"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("worksheets"))


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from open_page(browser, viewport={"width": 1200, "height": 900})


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    yield from open_page(browser, viewport={"width": 412, "height": 900}, has_touch=True, is_mobile=True)


def field(page: Any, name: str) -> Any:
    return page.get_by_role("textbox", name=name, exact=True)


def test_every_module_worksheet_is_marked_fillable_in_both_languages() -> None:
    assert len(WORKSHEETS) == 24
    for path in WORKSHEETS:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert re.fullmatch(r"# .+ \{\.kk-isian\}", first), f"{path}: title without {{.kk-isian}}"


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_printed_participant_book_keeps_blank_worksheets(language: str) -> None:
    course, problems = load_course(ROOT)
    assert course is not None, [p.text() for p in problems]
    pages, _ = Composer(course, language).handbook_pages()
    sheets = [page for page, _ in pages if page.path.endswith("lembar-kerja.md")]
    assert len(sheets) == 12
    for sheet in sheets:
        assert not re.search(r"<(textarea|input|select)\b", sheet.html), sheet.path
        assert "pp-write" in sheet.html or "pp-record__write" in sheet.html, f"{sheet.path}: room to write by hand"


@pytest.mark.browser
def test_typed_text_is_saved_at_once_and_back_after_a_reload(site: Path, page: Any) -> None:
    page.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
    assert page.locator("textarea.kk-fill").count() == 9, "every empty cell, none of the filled ones"
    assert "Peserta 1" in page.locator(".kk-fill-note").inner_text()
    answer = field(page, "Ya / Tidak / Tanya (Perempuan)")
    answer.fill("Tidak")
    field(page, "Pertanyaan untuk pemberi kerja (Usia maksimal 25 tahun)").fill("Apa tugas hariannya?\nSif malam?")
    field(page, "Syarat tertulis (baris 3)").fill("Sehat jasmani")
    page.reload()  # no button, no leaving the field: typing alone saved it
    assert field(page, "Ya / Tidak / Tanya (Perempuan)").input_value() == "Tidak"
    assert field(page, "Pertanyaan untuk pemberi kerja (Usia maksimal 25 tahun)").input_value().endswith("Sif malam?")
    assert field(page, "Syarat tertulis (baris 3)").input_value() == "Sehat jasmani"
    sheets = stored(page, KEY)["worksheets"][PAGE]
    assert sheets["t1.r1.c2"]["v"] == "Tidak" and sheets["t1.r3.c1"]["v"] == "Sehat jasmani"
    # the same cells in English: the learner's text follows them
    page.goto((site / "en" / "modul-01" / "lembar-kerja.html").as_uri())
    assert field(page, "Yes / No / Ask (Female)").input_value() == "Tidak"
    assert not page.errors, page.errors


@pytest.mark.browser
def test_every_field_is_reached_by_keyboard_in_reading_order(site: Path, page: Any) -> None:
    page.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
    first = page.locator("textarea.kk-fill").first
    first.focus()
    names = []
    for _ in range(20):  # a table wider than the screen is one more stop (its scrolling region)
        name = page.evaluate("(a => a.matches('.kk-fill') && a.labels[0].textContent)(document.activeElement)")
        if name:
            names.append(name)
        if len(names) == 9:
            break
        page.keyboard.press("Tab")
    assert names[:3] == [
        "Ya / Tidak / Tanya (Perempuan)",
        "Pertanyaan untuk pemberi kerja (Perempuan)",
        "Ya / Tidak / Tanya (Usia maksimal 25 tahun)",
    ]
    assert names[-2:] == ["Yang berhasil (baris 1)", "Yang bisa lebih baik (baris 1)"]
    assert not page.errors, page.errors


@pytest.mark.browser
def test_on_a_phone_the_tables_become_stacked_fields_labelled_with_their_column(site: Path, phone: Any) -> None:
    phone.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
    assert phone.evaluate("document.documentElement.scrollWidth") <= 412, "nothing scrolls sideways"
    label = phone.locator("label[for=kk-fill-1-1-2]")
    assert label.is_visible() and label.evaluate("l => l.firstChild.textContent") == "Ya / Tidak / Tanya"
    assert label.locator(".kk-visually-hidden").bounding_box()["width"] <= 1, "the row is read out, not repeated"
    area = phone.locator("#kk-fill-1-1-2")
    box, label_box = area.bounding_box(), label.bounding_box()
    assert box["y"] > label_box["y"] and box["width"] > 300, "one field under the other, the full width"
    below = phone.locator("#kk-fill-1-1-3").bounding_box()
    assert below["y"] > box["y"] + box["height"], "the next column's field comes under it, not beside it"
    assert box["height"] >= 44, "a thumb-sized target"
    area.tap()
    phone.keyboard.type("Tanya")
    phone.reload()
    assert phone.locator("#kk-fill-1-1-2").input_value() == "Tanya"
    assert not phone.errors, phone.errors


@pytest.mark.browser
def test_on_a_wide_screen_the_table_stays_a_table(site: Path, page: Any) -> None:
    page.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
    assert page.locator("label[for=kk-fill-1-1-2]").bounding_box()["width"] <= 1, "its name is read out, not shown"
    one, two = page.locator("#kk-fill-1-1-2").bounding_box(), page.locator("#kk-fill-1-1-3").bounding_box()
    assert abs(one["y"] - two["y"]) < 2 and two["x"] > one["x"], "side by side, in their columns"
    assert not page.errors, page.errors


@pytest.mark.browser
def test_printing_the_page_prints_what_was_written(site: Path, page: Any) -> None:
    page.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
    field(page, "Ya / Tidak / Tanya (Perempuan)").fill("Tidak: tugasnya bisa dikerjakan siapa saja")
    page.emulate_media(media="print")
    assert page.locator("#kk-fill-1-1-2").is_hidden()
    printed = page.locator("#kk-fill-1-1-2 + .kk-fill__print")
    assert printed.is_visible() and printed.inner_text() == "Tidak: tugasnya bisa dikerjakan siapa saja"
    assert page.locator(".kk-who").is_hidden() and page.locator(".kk-fill-note").is_hidden()
    page.emulate_media(media="screen")
    page.reload()
    page.emulate_media(media="print")
    assert page.locator("#kk-fill-1-1-2 + .kk-fill__print").inner_text().startswith("Tidak:"), "after a reload too"
    assert not page.errors, page.errors


@pytest.mark.browser
def test_worksheet_text_belongs_to_the_profile_and_travels_in_its_export(site: Path, page: Any) -> None:
    page.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
    field(page, "Yang berhasil (baris 1)").fill("Pertanyaan terbuka")
    text = page.evaluate("KK.progressText()")
    page.goto((site / "kemajuan.html").as_uri())
    page.get_by_label("Nama", exact=True).fill("Eka")
    with page.expect_navigation():
        page.get_by_role("button", name="Tambah sebagai nama baru").click()
    page.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
    assert field(page, "Yang berhasil (baris 1)").input_value() == "", "another learner starts blank"
    assert "Eka" in page.locator(".kk-fill-note").inner_text()
    page.goto((site / "kemajuan.html").as_uri())
    page.locator(".kk-progress__text summary").click()
    page.locator("#kk-progress-text").fill(text)
    page.get_by_role("button", name="Muat dari teks").click()
    assert "Jawaban yang dipakai: 1" in page.locator(".kk-progress__textmsg").inner_text()
    page.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
    assert field(page, "Yang berhasil (baris 1)").input_value() == "Pertanyaan terbuka"
    assert not page.errors, page.errors


@pytest.mark.browser
def test_damaged_worksheet_entries_are_kept_aside_and_the_rest_is_used(site: Path, page: Any) -> None:
    page.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
    sheets = {PAGE: {"t1.r1.c2": {"v": "Ya", "t": 1}, "t1.r2.c2": {"v": 7}, "x": {"v": "?"}}, "../..": []}
    seed(page, {}, worksheets=sheets)
    assert "3 jawaban" in page.locator(".kk-notice").inner_text()
    assert field(page, "Ya / Tidak / Tanya (Perempuan)").input_value() == "Ya"
    assert field(page, "Ya / Tidak / Tanya (Usia maksimal 25 tahun)").input_value() == ""
    kept = page.evaluate(
        "k => Object.keys(localStorage).filter(x => x.startsWith(k + '.kept-'))"
        ".map(x => JSON.parse(localStorage.getItem(x)).worksheets)",
        KEY,
    )
    assert kept == [{PAGE: {"t1.r2.c2": {"v": 7}, "x": {"v": "?"}}, "../..": []}]
    assert not page.errors, page.errors


@pytest.mark.browser
def test_two_tabs_of_one_learner_keep_each_others_work(site: Path, browser: Any) -> None:
    context = browser.new_context()
    try:
        sheet, quiz = context.new_page(), context.new_page()
        sheet.goto((site / "modul-01" / "lembar-kerja.html").as_uri())
        quiz.goto((site / "modul-01" / "latihan.html").as_uri())  # loaded before anything was typed
        field(sheet, "Yang berhasil (baris 1)").fill("Mendengarkan")
        quiz.locator("#q-m01-q06").get_by_label("Benar", exact=True).check()
        quiz.locator("#q-m01-q06 [data-act=check]").click()  # this tab saves its whole record
        field(sheet, "Yang bisa lebih baik (baris 1)").fill("Merangkum")  # and this one saves its own
        quiz.reload()
        assert quiz.locator("#q-m01-q06 .kk-q__result").inner_text() == "Benar."
        sheet.reload()
        assert field(sheet, "Yang berhasil (baris 1)").input_value() == "Mendengarkan"
        assert field(sheet, "Yang bisa lebih baik (baris 1)").input_value() == "Merangkum"
    finally:
        context.close()


@pytest.mark.browser
def test_every_real_worksheet_is_fillable_on_a_phone_in_both_languages(course_site: Path, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 412, "height": 915}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        for path in WORKSHEETS:
            name = path.relative_to(ROOT / "docs" / "id").as_posix() if "/id/" in path.as_posix() else ""
            name = name or "en/" + path.relative_to(ROOT / "docs" / "en").as_posix()
            page.goto((course_site / name.replace(".md", ".html")).as_uri())
            fields = page.locator("textarea.kk-fill")
            assert fields.count() > 0, name
            assert page.evaluate("document.documentElement.scrollWidth") <= 412, f"{name}: wider than the phone"
            unnamed = page.evaluate(
                "[...document.querySelectorAll('textarea.kk-fill')].filter(a => !a.labels[0].textContent.trim()).length"
            )
            assert unnamed == 0, name
    finally:
        context.close()


@pytest.mark.browser
def test_over_http_under_a_sub_path_the_text_is_kept_too(site: Path, serve: Any, page: Any) -> None:
    base = serve(site)
    page.goto(base + "modul-01/lembar-kerja.html")
    field(page, "Yang berhasil (baris 1)").fill("Bertanya dengan hangat")
    page.goto(base + "en/modul-01/lembar-kerja.html")
    assert field(page, "What worked (row 1)").input_value() == "Bertanya dengan hangat"
    assert "Learner 1" in page.locator(".kk-fill-note").inner_text()
    assert page.evaluate("Object.keys(KK.state.worksheets)") == [PAGE]
    assert not page.errors, page.errors

"""The built course in real headless Chromium: from disk (file://) and over HTTP under a sub-path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import DEMO_READING, PROGRESS, build, make_project, practice

pytestmark = pytest.mark.browser

DEMO_PAGES = {**DEMO_READING, **practice(1), **PROGRESS}


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    quiz = (Path(__file__).parent / "demo_quiz.yml").read_text(encoding="utf-8")
    return build(make_project(tmp_path_factory.mktemp("demo"), DEMO_PAGES, {"modul-01.yml": quiz}))


class Visit:
    """A page plus every request it made and every console error, for asserting offline behaviour."""

    def __init__(self, page: Any, allowed_prefix: str) -> None:
        self.page, self.requests, self.errors, self.foreign = page, [], [], []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r: Any) -> None:
            self.requests.append(r.request.url)
            if r.request.url.startswith((allowed_prefix, "data:", "blob:")):
                r.continue_()
            else:
                self.foreign.append(r.request.url)
                r.abort()

        page.route("**/*", route)


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    contexts = []

    def open_page(url: str, allowed_prefix: str) -> Visit:
        context = browser.new_context(accept_downloads=True)
        contexts.append(context)
        v = Visit(context.new_page(), allowed_prefix)
        v.page.goto(url)
        return v

    yield open_page
    for context in contexts:
        context.close()


def search(page: Any, query: str) -> list[str]:
    page.keyboard.press("/")  # Material's keyboard shortcut: works at every screen width
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


def wait_for_message(page: Any, text: str) -> None:
    page.wait_for_function("t => document.querySelector('.kk-progress__msg').textContent.includes(t)", arg=text)


# -- the real course ------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["file", "http"])
def test_course_home_navigation_and_offline(where: str, course_site: Path, http_root: str, visit: Any) -> None:
    base = course_site.as_uri() + "/" if where == "file" else http_root
    v = visit(base + "index.html", base)
    assert "Kursus Konselor" in v.page.title()
    v.page.click("a.md-nav__link[href$='tentang.html']")
    v.page.wait_for_url("**/tentang.html")
    assert v.page.locator("h1").inner_text().startswith("Tentang kursus")
    assert not v.foreign, f"requests to other hosts: {v.foreign}"
    assert not v.errors, v.errors


@pytest.mark.parametrize("where", ["file", "http"])
def test_language_switch_lands_on_the_same_page(where: str, course_site: Path, http_root: str, visit: Any) -> None:
    base = course_site.as_uri() + "/" if where == "file" else http_root
    v = visit(base + "modul-01/index.html", base)
    v.page.locator("a.md-select__link[hreflang=en]").first.dispatch_event("click")
    v.page.wait_for_url("**/en/modul-01/index.html")
    assert v.page.locator("html").get_attribute("lang") == "en"
    v.page.locator("a.md-select__link[hreflang=id]").first.dispatch_event("click")
    v.page.wait_for_url(base + "modul-01/index.html")
    assert not v.foreign and not v.errors, (v.foreign, v.errors)


@pytest.mark.parametrize("where", ["file", "http"])
def test_search_finds_root_words_in_the_current_language_only(
    where: str, course_site: Path, http_root: str, visit: Any
) -> None:
    base = course_site.as_uri() + "/" if where == "file" else http_root
    v = visit(base + "index.html", base)
    results = search(v.page, "rahasia")
    assert results and not [r for r in results if "/en/" in r], results
    assert any("modul-01" in r for r in results), "the root word must find pages that say 'kerahasiaan'"
    en = visit(base + "en/index.html", base)
    results = search(en.page, "confidentiality")
    assert results and all("/en/" in r for r in results), results
    assert not v.foreign and not en.foreign and not v.errors and not en.errors


# -- quizzes and progress on a small demo course --------------------------------------------------


def test_answers_are_checked_saved_and_shown_in_the_other_language(demo_site: Path, visit: Any) -> None:
    base = demo_site.as_uri() + "/"
    v = visit(base + "modul-01/index.html", base)
    q = v.page.locator("#q-m01-q01")
    q.get_by_label("Konselor").check()
    q.get_by_role("button", name="Periksa").click()
    assert q.locator(".kk-q__result").inner_text() == "Belum tepat."
    assert q.locator('.kk-fb[data-opt="0"]').is_visible()
    q.get_by_role("button", name="Coba lagi").click()
    q.get_by_label("Pencari kerja").check()
    q.get_by_role("button", name="Periksa").click()
    assert q.locator(".kk-q__result").inner_text() == "Benar."
    v.page.reload()
    assert v.page.locator("#q-m01-q01 .kk-q__result").inner_text() == "Benar."
    v.page.goto(base + "en/modul-01/index.html")
    en = v.page.locator("#q-m01-q01")
    assert en.locator(".kk-q__result").inner_text() == "Correct."
    assert en.get_by_label("The job seeker").is_checked()
    assert not v.errors, v.errors


def test_ordering_matching_short_and_reflective_by_keyboard(demo_site: Path, visit: Any) -> None:
    base = demo_site.as_uri() + "/"
    v = visit(base + "modul-01/latihan.html", base)
    page = v.page
    order = page.locator("#q-m01-q02")
    for wanted_index in range(3):  # bring step k to position k with the move buttons only
        steps = order.locator("li").evaluate_all("els => els.map(e => +e.dataset.step)")
        at = steps.index(wanted_index)
        for _ in range(at - wanted_index):
            order.locator(f'li[data-step="{wanted_index}"] button[data-act=up]').focus()
            page.keyboard.press("Enter")
    order.get_by_role("button", name="Periksa").click()
    assert order.locator(".kk-q__result").inner_text() == "Benar."
    match = page.locator("#q-m01-q03")
    for i, answer in enumerate(["Pemagangan", "JKP", "LTSA"]):
        match.locator(f"#q-m01-q03-l{i}").select_option(label=answer)
    match.get_by_role("button", name="Periksa").click()
    assert match.locator(".kk-q__result").inner_text() == "Benar."
    short = page.locator("#q-m01-q04")
    short.locator("input").fill("  tpt ")
    short.locator("input").press("Enter")
    assert short.locator(".kk-q__result").inner_text() == "Benar."
    reflect = page.locator("#q-m01-q05")
    reflect.locator("textarea").fill("Saya akan menanyakan tujuan klien lebih dulu.")
    reflect.get_by_role("button", name="Kirim jawaban").click()
    assert reflect.locator(".kk-model").is_visible()
    assert "dari 6 poin" in page.locator(".kk-score").inner_text()
    assert not v.errors, v.errors


def test_hostile_quiz_text_does_not_run(demo_site: Path, visit: Any) -> None:
    base = demo_site.as_uri() + "/"
    v = visit(base + "modul-01/latihan.html", base)
    assert "onerror=window.__pwned=1" in v.page.locator("#q-m01-q06 legend + div").inner_text()
    assert v.page.evaluate("window.__pwned") is None


def test_corrupt_storage_is_kept_aside_and_the_learner_told(demo_site: Path, visit: Any) -> None:
    base = demo_site.as_uri() + "/"
    v = visit(base + "modul-01/latihan.html", base)
    v.page.evaluate("localStorage.setItem('kursus-konselor/progress', '{not json')")
    v.page.reload()
    assert v.page.locator(".kk-notice").is_visible()
    kept = v.page.evaluate("Object.keys(localStorage).filter(k => k.includes('.kept-'))")
    assert kept and v.page.evaluate(f"localStorage.getItem('{kept[0]}')") == "{not json"
    v.page.locator("#q-m01-q01").get_by_label("Pencari kerja").check()
    v.page.locator("#q-m01-q01").get_by_role("button", name="Periksa").click()
    assert v.page.locator("#q-m01-q01 .kk-q__result").inner_text() == "Benar."


def test_progress_export_import_and_reset(demo_site: Path, visit: Any, tmp_path: Path) -> None:
    base = demo_site.as_uri() + "/"
    v = visit(base + "modul-01/latihan.html", base)
    page = v.page
    page.locator("#q-m01-q01").get_by_label("Pencari kerja").check()
    page.locator("#q-m01-q01").get_by_role("button", name="Periksa").click()
    page.goto(base + "kemajuan.html")
    row = page.locator("tr[data-module=m01]")
    assert "1/7" in row.locator(".kk-p-done").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="Simpan kemajuan ke berkas").click()
    saved = tmp_path / "kemajuan.json"
    download.value.save_as(saved)
    page.once("dialog", lambda d: d.accept())
    page.goto(base + "modul-01/latihan.html")
    page.get_by_role("button", name="Hapus jawaban modul ini").click()
    assert page.locator("#q-m01-q01 .kk-q__result").inner_text() == ""
    page.goto(base + "kemajuan.html")
    bad = tmp_path / "rusak.json"
    bad.write_text('{"format": "something-else"}')
    page.set_input_files("#kk-import", str(bad))
    page.wait_for_function("document.querySelector('.kk-progress__msg').textContent.length > 0")
    assert "bukan berkas kemajuan" in page.locator(".kk-progress__msg").inner_text()
    page.set_input_files("#kk-import", str(saved))
    page.wait_for_function(
        "document.querySelector('.kk-progress__msg').textContent.includes('Jawaban yang dipakai: 1.')"
    )
    assert "1/7" in page.locator("tr[data-module=m01] .kk-p-done").inner_text()
    assert not v.errors, v.errors


def test_completed_module_is_marked_in_the_navigation(demo_site: Path, visit: Any) -> None:
    base = demo_site.as_uri() + "/"
    v = visit(base + "index.html", base)
    link = v.page.locator(".md-nav__link[href$='modul-01/index.html']").first
    assert link.locator(".kk-done-mark").count() == 0
    # one answer of the right shape per type (a shape that does not fit its question is kept aside, unused)
    values = [0, [2, 1, 0], [1, 0, 2], "x", "y", "true", [0]]
    answers = {f"m01.q0{i}": {"v": value, "ok": False, "t": 1} for i, value in enumerate(values, start=1)}
    stored = {"format": "kursus-konselor-progress", "version": 1, "answers": answers}
    v.page.evaluate("data => localStorage.setItem('kursus-konselor/progress', JSON.stringify(data))", stored)
    v.page.reload()
    assert "Modul selesai" in link.locator(".kk-done-mark").inner_text()


def test_imported_progress_restores_answers_in_a_fresh_profile(demo_site: Path, visit: Any, tmp_path: Path) -> None:
    base = demo_site.as_uri() + "/"
    first = visit(base + "modul-01/index.html", base)
    first.page.locator("#q-m01-q01").get_by_label("Pencari kerja").check()
    first.page.locator("#q-m01-q01").get_by_role("button", name="Periksa").click()
    first.page.goto(base + "en/kemajuan.html")
    with first.page.expect_download() as download:
        first.page.get_by_role("button", name="Save my progress to a file").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    fresh = visit(base + "en/kemajuan.html", base)  # a new browser context: empty storage
    fresh.page.set_input_files("#kk-import", str(saved))
    fresh.page.wait_for_function(
        "document.querySelector('.kk-progress__msg').textContent.includes('Answers taken over: 1.')"
    )
    fresh.page.goto(base + "en/modul-01/index.html")
    assert fresh.page.locator("#q-m01-q01 .kk-q__result").inner_text() == "Correct."


def test_progress_travels_as_text_where_no_file_can_be_saved(demo_site: Path, visit: Any) -> None:
    """Kiwix on a phone saves no downloaded file: the learner copies the progress as text instead."""
    base = demo_site.as_uri() + "/"
    first = visit(base + "modul-01/index.html", base)
    first.page.locator("#q-m01-q01").get_by_label("Pencari kerja").check()
    first.page.locator("#q-m01-q01").get_by_role("button", name="Periksa").click()
    first.page.goto(base + "kemajuan.html")
    first.page.get_by_text("Tanpa berkas: salin atau tempel teks kemajuan").click()
    first.page.get_by_role("button", name="Tampilkan teks kemajuan").click()
    text = first.page.locator("#kk-progress-text").input_value()
    assert '"m01.q01"' in text
    fresh = visit(base + "kemajuan.html", base)  # another device: empty storage
    fresh.page.get_by_text("Tanpa berkas: salin atau tempel teks kemajuan").click()
    fresh.page.locator("#kk-progress-text").fill("bukan teks kemajuan")
    fresh.page.get_by_role("button", name="Muat dari teks").click()
    assert "Tidak ada yang diubah" in fresh.page.locator(".kk-progress__textmsg").inner_text()
    fresh.page.locator("#kk-progress-text").fill(text)
    fresh.page.get_by_role("button", name="Muat dari teks").click()
    assert "Jawaban yang dipakai: 1." in fresh.page.locator(".kk-progress__textmsg").inner_text()
    fresh.page.goto(base + "modul-01/index.html")
    assert fresh.page.locator("#q-m01-q01 .kk-q__result").inner_text() == "Benar."
    assert not first.errors and not fresh.errors, (first.errors, fresh.errors)


def test_an_abbreviation_explains_itself_when_tapped_on_a_phone(course_site: Path, browser: Any) -> None:
    """Phones have no hover: tapping the first "Disnaker" of module 1 shows what it stands for."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto((course_site / "modul-01" / "index.html").as_uri())
        abbreviation = page.locator("article abbr", has_text="Disnaker").first
        abbreviation.tap()
        tooltip = page.locator("[role=tooltip].md-tooltip2--active")
        tooltip.wait_for(state="visible", timeout=5000)
        assert tooltip.inner_text().startswith("Dinas Ketenagakerjaan")
    finally:
        context.close()


def test_answers_to_removed_questions_do_not_disturb_the_rest(demo_site: Path, visit: Any) -> None:
    """A content update that removes a question keeps every other answer, and the page works."""
    base = demo_site.as_uri() + "/"
    v = visit(base + "kemajuan.html", base)
    answers = {"m01.q01": {"v": 1, "ok": True, "t": 1}, "m01.q99": {"v": 2, "ok": True, "t": 1}}
    stored = {"format": "kursus-konselor-progress", "version": 1, "answers": answers}
    v.page.evaluate("data => localStorage.setItem('kursus-konselor/progress', JSON.stringify(data))", stored)
    v.page.reload()
    assert "1/7" in v.page.locator("tr[data-module=m01] .kk-p-done").inner_text()
    v.page.goto(base + "modul-01/index.html")
    assert v.page.locator("#q-m01-q01 .kk-q__result").inner_text() == "Benar."
    kept = v.page.evaluate("JSON.parse(localStorage.getItem('kursus-konselor/progress')).answers")
    assert "m01.q99" in kept, "an answer the page does not show is still kept"
    assert not v.errors, v.errors


def test_question_text_describes_its_group_for_screen_readers(demo_site: Path, visit: Any) -> None:
    base = demo_site.as_uri() + "/"
    v = visit(base + "modul-01/index.html", base)
    group = v.page.get_by_role("group", name="Soal 1")
    assert group.get_attribute("aria-describedby") == "q-m01-q01-text"
    assert "Siapa yang memutuskan" in v.page.locator("#q-m01-q01-text").inner_text()


def press_on(page: Any, locator: Any, key: str) -> None:
    locator.focus()
    page.keyboard.press(key)


def choose_by_keyboard(page: Any, select: Any, label: str) -> None:
    """Step through a drop-down with the arrow key until ``label`` is chosen."""
    select.focus()
    for _ in range(10):
        if select.evaluate("s => s.options[s.selectedIndex].text") == label:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{label!r} not reachable by keyboard")


@pytest.mark.parametrize("where", ["file", "http"])
def test_every_question_type_by_keyboard_alone_persists_and_follows_the_language(
    where: str, demo_site: Path, serve: Any, visit: Any
) -> None:
    base = demo_site.as_uri() + "/" if where == "file" else serve(demo_site)
    v = visit(base + "modul-01/latihan.html", base)
    page = v.page

    def check(qid: str) -> None:
        press_on(page, page.locator(f"#q-{qid} [data-act=check]"), "Enter")

    press_on(page, page.locator("#q-m01-q01").get_by_label("Pencari kerja"), "Space")  # single
    check("m01-q01")
    order = page.locator("#q-m01-q02")  # ordering: move buttons only
    for wanted in range(3):
        steps = order.locator("li").evaluate_all("els => els.map(e => +e.dataset.step)")
        for _ in range(steps.index(wanted) - wanted):
            press_on(page, order.locator(f'li[data-step="{wanted}"] button[data-act=up]'), "Enter")
    check("m01-q02")
    for i, label in enumerate(["Pemagangan", "JKP", "LTSA"]):  # matching
        choose_by_keyboard(page, page.locator(f"#q-m01-q03-l{i}"), label)
    check("m01-q03")
    press_on(page, page.locator("#q-m01-q04 input"), "End")  # short answer, Enter submits
    page.keyboard.type("TPT")
    page.keyboard.press("Enter")
    page.locator("#q-m01-q05 textarea").focus()  # reflective
    page.keyboard.type("Saya menanyakan tujuan klien lebih dulu.")
    check("m01-q05")
    press_on(page, page.locator("#q-m01-q06").get_by_label("Benar"), "Space")  # true/false
    check("m01-q06")
    for label in ("Data kesehatan", "Catatan kejahatan"):  # multiple response
        press_on(page, page.locator("#q-m01-q07").get_by_label(label), "Space")
    check("m01-q07")

    scored = ["m01-q01", "m01-q02", "m01-q03", "m01-q04", "m01-q06", "m01-q07"]
    for qid in scored:
        assert page.locator(f"#q-{qid} .kk-q__result").inner_text() == "Benar.", qid
        assert page.locator(f'#q-{qid} [data-verdict="correct"], #q-{qid} .kk-fb:visible').count() >= 1, qid
    assert page.locator("#q-m01-q05 .kk-model").is_visible()
    assert "Skor modul ini: 6 dari 6 poin (7 dari 7 soal dijawab)" in page.locator(".kk-score").inner_text()

    page.reload()
    for qid in scored:
        assert page.locator(f"#q-{qid} .kk-q__result").inner_text() == "Benar.", f"{qid} after reload"
    page.goto(base + "en/modul-01/latihan.html")
    for qid in scored:
        assert page.locator(f"#q-{qid} .kk-q__result").inner_text() == "Correct.", f"{qid} in English"
    assert "Saya menanyakan" in page.locator("#q-m01-q05 textarea").input_value()
    assert "Score for this module: 6 of 6 points" in page.locator(".kk-score").inner_text()
    assert not v.foreign and not v.errors, (v.foreign, v.errors)


def test_a_table_wider_than_a_phone_can_be_scrolled_by_keyboard(course_site: Path, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto((course_site / "modul-12" / "lembar-kerja.html").as_uri())
        page.wait_for_load_state("load")
        wraps = page.eval_on_selector_all(
            ".md-typeset__scrollwrap",
            "els => els.map(e => [e.scrollWidth > e.clientWidth + 1, e.getAttribute('tabindex'),"
            " e.getAttribute('aria-label')])",
        )
        scrolling = [w for w in wraps if w[0]]
        assert scrolling, "the register table is wider than a 360 px screen"
        assert all(w[1] == "0" and w[2] for w in scrolling), wraps
        assert all(w[1] is None for w in wraps if not w[0]), "a table that fits needs no extra tab stop"
    finally:
        context.close()

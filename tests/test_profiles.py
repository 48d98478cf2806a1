"""Learner profiles on a shared device (issue 14): each name has its own progress, export and result codes;
progress saved before profiles existed becomes the first profile without loss; a name is not a password."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from learner_site import KEY, PROFILES, build_site, seed, stored

from conftest import open_page

pytestmark = pytest.mark.browser

OLD = {  # progress saved by the course before profiles: q01 right, q06 right, q05 a reflection
    "m01.q01": {"v": 1, "t": 10, "first": {"v": 1, "t": 10}},
    "m01.q06": {"v": "true", "t": 11},
    "m01.q05": {"v": "Saya akan bertanya lebih dulu.", "t": 12, "self": [0, 2]},
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("profiles"))


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from open_page(browser, viewport={"width": 412, "height": 900}, has_touch=True, accept_downloads=True)


def progress(page: Any) -> str:
    return str(page.locator("tr[data-module=m01] .kk-p-done").inner_text())


def code(page: Any, site: Path) -> str:
    """The module's result code made on the progress page, for the profile in use."""
    back = page.url
    page.goto((site / "kemajuan.html").as_uri())
    page.locator("tr[data-module=m01] [data-act=code]").click()
    value = str(page.locator(".kk-code__value").input_value())
    page.goto(back)
    return value


def add(page: Any, name: str) -> None:
    page.get_by_label("Nama", exact=True).fill(name)
    with page.expect_navigation():
        page.get_by_role("button", name="Tambah sebagai nama baru").click()


def switch(page: Any, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=f"Ganti ke {name}").click()


def test_progress_saved_before_profiles_becomes_the_first_profile_without_loss(site: Path, page: Any) -> None:
    page.goto((site / "kemajuan.html").as_uri())
    seed(page, OLD)
    before = page.evaluate("k => localStorage.getItem(k)", KEY)
    assert page.locator(".kk-profiles__name").inner_text() == "Peserta 1"
    assert progress(page) == "3/7 dijawab"
    assert "bukan kata sandi" in page.locator(".kk-profiles__note").inner_text()
    # the learner names the profile that holds their old progress
    page.get_by_label("Nama", exact=True).fill("  Ani   Wulandari ")
    page.get_by_role("button", name="Ganti nama profil ini").click()
    assert page.locator(".kk-profiles__msg").inner_text() == "Nama disimpan."
    assert page.locator(".kk-profiles__name").inner_text() == "Ani Wulandari"
    assert page.evaluate("KursusStorage.profileName()") == "Ani Wulandari"
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == before, "not a byte of the old record changed"
    page.goto((site / "modul-01" / "latihan.html").as_uri())
    assert page.locator(".kk-who__name").inner_text() == "Ani Wulandari", "the name shows on every page"
    assert page.locator("#q-m01-q01 .kk-q__result").inner_text() == "Benar."
    assert page.locator("#q-m01-q05 textarea").input_value() == OLD["m01.q05"]["v"]
    assert not page.errors, page.errors


def test_each_name_has_its_own_progress_and_switching_is_one_tap(site: Path, page: Any) -> None:
    page.goto((site / "kemajuan.html").as_uri())
    seed(page, OLD)
    page.get_by_label("Nama", exact=True).fill("Ani")
    page.get_by_role("button", name="Ganti nama profil ini").click()
    add(page, "Budi")
    assert page.locator(".kk-profiles__name").inner_text() == "Budi", "a new name starts learning at once"
    assert progress(page) == "belum dimulai", "Budi does not see Ani's answers"
    assert page.evaluate("KursusStorage.profileName()") == "Budi"

    page.goto((site / "modul-01" / "latihan.html").as_uri())
    assert page.locator("#q-m01-q01 .kk-q__result").inner_text() == ""
    page.locator("#q-m01-q06").get_by_label("Salah").check()
    page.locator("#q-m01-q06 [data-act=check]").click()
    assert page.locator("#q-m01-q06 .kk-q__result").inner_text() == "Belum tepat."

    # from any page: open "Who is learning?" and switch
    page.locator(".kk-who summary").click()
    assert "bukan kata sandi" in page.locator(".kk-who__note").inner_text()
    switch(page, "Ani")
    assert page.locator(".kk-who__name").inner_text() == "Ani"
    ani_code = code(page, site)
    page.goto((site / "modul-01" / "latihan.html").as_uri())
    assert page.locator("#q-m01-q06 .kk-q__result").inner_text() == "Benar.", "Ani's own answer, untouched by Budi"
    assert page.locator("#q-m01-q01 .kk-q__result").inner_text() == "Benar."
    page.locator(".kk-who summary").click()
    switch(page, "Budi")
    assert page.locator("#q-m01-q06 .kk-q__result").inner_text() == "Belum tepat."
    assert page.locator("#q-m01-q01 .kk-q__result").inner_text() == ""
    assert stored(page, KEY)["answers"]["m01.q06"]["v"] == "true", "Ani's record is still where it always was"
    assert code(page, site) != ani_code, "each name has its own result code"
    assert not page.errors, page.errors


def test_a_name_already_on_the_device_or_an_empty_one_is_refused(site: Path, page: Any) -> None:
    page.goto((site / "kemajuan.html").as_uri())
    page.get_by_label("Nama", exact=True).fill("Citra")
    page.get_by_role("button", name="Ganti nama profil ini").click()
    for name, message in [("citra ", "sudah ada"), ("   ", "Tulis nama dulu")]:
        page.get_by_label("Nama", exact=True).fill(name)
        page.get_by_role("button", name="Tambah sebagai nama baru").click()
        assert message in page.locator(".kk-profiles__msg").inner_text()
    assert page.locator(".kk-profiles__list li").count() == 1
    assert not page.errors, page.errors


def test_export_and_import_are_per_profile(site: Path, page: Any) -> None:
    page.goto((site / "kemajuan.html").as_uri())
    seed(page, OLD)
    page.get_by_label("Nama", exact=True).fill("Ani")
    page.get_by_role("button", name="Ganti nama profil ini").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Simpan kemajuan ke berkas").click()
    download = info.value
    assert download.suggested_filename.startswith("kursus-konselor-kemajuan-ani-")
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert exported["profile"] == "Ani" and set(exported["answers"]) == set(OLD)

    add(page, "Budi")
    assert page.evaluate("KK.progressText()").count('"m01.') == 0, "Budi's export holds none of Ani's answers"
    page.locator("#kk-import").set_input_files(download.path())
    message_box = page.locator(".kk-progress__msg")
    message_box.filter(has_text="Jawaban yang dipakai").wait_for(timeout=10000)  # the file is read asynchronously
    message = message_box.inner_text()
    assert "Jawaban yang dipakai: 3" in message and "berasal dari profil Ani" in message and "dipakai, Budi" in message
    assert progress(page) == "3/7 dijawab"
    # Ani's record did not change: Budi's import went into Budi's own
    assert stored(page, KEY)["answers"] == OLD
    budi = page.evaluate("KK.profiles.current().id")
    assert set(stored(page, f"{KEY}@{budi}")["answers"]) == set(OLD)
    assert not page.errors, page.errors


def test_removing_a_name_asks_first_and_offers_the_export(site: Path, page: Any) -> None:
    page.goto((site / "kemajuan.html").as_uri())
    add(page, "Dewi")
    page.goto((site / "modul-01" / "latihan.html").as_uri())
    page.locator("#q-m01-q06").get_by_label("Benar").check()
    page.locator("#q-m01-q06 [data-act=check]").click()
    page.goto((site / "kemajuan.html").as_uri())
    dewi = page.evaluate("KK.profiles.current().id")
    switch(page, "Peserta 1")

    page.get_by_role("button", name="Hapus Dewi").click()
    confirm = page.locator(".kk-profiles__confirm")
    assert "tidak dapat dibatalkan" in confirm.inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name="Simpan kemajuan Dewi ke berkas").click()
    saved = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert saved["profile"] == "Dewi" and saved["answers"]["m01.q06"]["v"] == "true"
    page.get_by_role("button", name="Batal").click()
    assert confirm.is_hidden() and page.locator(".kk-profiles__list li").count() == 2, "cancel keeps everything"

    page.get_by_role("button", name="Hapus Dewi").click()
    page.get_by_role("button", name="Ya, hapus Dewi").click()
    assert page.locator(".kk-profiles__msg").inner_text() == "Profil Dewi dihapus."
    assert page.locator(".kk-profiles__list li").count() == 1
    assert page.evaluate("k => localStorage.getItem(k)", f"{KEY}@{dewi}") is None
    assert page.get_by_role("button", name="Hapus Peserta 1").count() == 0, "the last name cannot be removed"
    assert not page.errors, page.errors


def test_a_damaged_list_of_names_loses_no_ones_progress(site: Path, page: Any) -> None:
    page.goto((site / "kemajuan.html").as_uri())
    seed(page, OLD)
    seed(page, {"m01.q06": {"v": "false", "t": 3}}, key=f"{KEY}@p4")
    damaged = '{"format": "kursus-konselor-profiles", "profiles": 7'
    page.evaluate("([k, text]) => localStorage.setItem(k, text)", [PROFILES, damaged])
    page.reload()
    names = page.locator(".kk-profiles__item").all_inner_texts()
    assert names == ["Peserta 1", "Peserta 4"], "every stored record is listed again"
    assert progress(page) == "3/7 dijawab"
    switch(page, "Peserta 4")
    assert progress(page) == "1/7 dijawab"
    kept = page.evaluate("k => Object.keys(localStorage).filter(x => x.startsWith(k + '.kept-'))", PROFILES)
    assert len(kept) == 1, "the damaged list is kept aside, not deleted"
    assert not page.errors, page.errors


def test_the_profile_control_speaks_english_on_english_pages(site: Path, page: Any) -> None:
    page.goto((site / "en" / "modul-01" / "latihan.html").as_uri())
    page.locator(".kk-who summary").click()
    assert page.locator(".kk-who summary").inner_text().startswith("Who is learning?")
    assert "not a password" in page.locator(".kk-who__note").inner_text()
    assert page.locator(".kk-who__name").inner_text() == "Learner 1"
    with page.expect_navigation():
        page.get_by_role("link", name="Add or manage names").click()
    assert page.url.endswith("/en/kemajuan.html#kk-profiles")
    add = page.get_by_role("button", name="Add as a new name")
    add.wait_for(state="visible")  # the panel is drawn by the page's script once it has loaded
    assert add.is_visible()
    assert not page.errors, page.errors

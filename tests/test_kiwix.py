"""The ZIM file for Kiwix: checked with openZIM's zimcheck and read through kiwix-serve (Debian's
zim-tools and kiwix-tools) in headless Chromium, as a learner on a phone's Kiwix would read it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kursus import __version__
from kursus.audience import LEARNER
from kursus.commands.build import build_site
from kursus.zim import course_info, write_zim

from conftest import ROOT

BOOK = "kursus-konselor"  # kiwix-serve names a book after its file


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} not found: apt-get install zim-tools kiwix-tools"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def zim(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The real course's learner edition and its ZIM file."""
    folder = tmp_path_factory.mktemp("zim")
    site = folder / "site"
    build_site(ROOT, site, LEARNER)
    return site, write_zim(site, folder / f"{BOOK}.zim", course_info(__version__, ["id", "en"]))


def test_zimcheck_passes_every_check_but_the_one_current_libzim_files_all_fail(zim: tuple[Path, Path]) -> None:
    # -I (integrity) is left out: zimcheck reports "Full Title index table outside (or not fully inside)
    # ZIM file" for every file written by libzim 9, which no longer writes the old v0 title index
    # (openzim/zim-tools#484, openzim/libzim#800). -C verifies the checksum that -I would have.
    checks = ["-0", "-C", "-M", "-F", "-P", "-R", "-U", "-X", "-L", "-D"]
    done = subprocess.run([need("zimcheck"), *checks, str(zim[1])], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Overall Test Status: Pass" in done.stdout


def test_zim_holds_every_learner_page_with_metadata_and_no_trainer_page(zim: tuple[Path, Path]) -> None:
    from libzim.reader import Archive  # type: ignore[import-untyped]

    site, path = zim
    archive = Archive(str(path))
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        entry = archive.get_entry_by_path(page)
        assert entry.get_item().mimetype == "text/html", page
    assert not [p for p in pages if p.startswith(("fasilitator/", "en/fasilitator/"))]
    assert archive.main_entry.get_item().path == "index.html"
    assert archive.has_fulltext_index and archive.has_title_index
    for key in ("Name", "Title", "Description", "LongDescription", "Creator", "Publisher", "Date", "Tags", "Flavour"):
        assert archive.get_metadata(key), key
    assert archive.get_metadata("Language").decode() == "ind,eng"
    assert len(archive.get_metadata("Description").decode()) <= 80
    assert archive.get_illustration_item(48).content.tobytes().startswith(b"\x89PNG")
    entry = archive.get_entry_by_path("assets/kursus/kursus.js")
    assert entry.get_item().mimetype == "application/javascript"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def kiwix(zim: tuple[Path, Path]) -> Iterator[str]:
    """kiwix-serve on 127.0.0.1 with the course's ZIM: returns the book's base URL."""
    port = free_port()
    server = subprocess.Popen(
        [need("kiwix-serve"), "--address=127.0.0.1", f"--port={port}", str(zim[1])],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/{BOOK}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "index.html", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_kiwix_search_finds_an_indonesian_root_word(zim: tuple[Path, Path], kiwix: str) -> None:
    site, _ = zim
    # A form of "rahasia" (secret) written nowhere in the course: Kiwix's index must reduce it to its root.
    text = " ".join(p.read_text(encoding="utf-8").casefold() for p in site.rglob("*.html"))
    word = next(w for w in ("merahasiakan", "dirahasiakan", "kerahasiaannya", "merahasiakannya") if w not in text)
    host = kiwix.rsplit(f"{BOOK}/", 1)[0]
    with urllib.request.urlopen(f"{host}search?content={BOOK}&pattern={word}", timeout=10) as reply:
        results = reply.read().decode()
    assert f"/{BOOK}/modul-01/index.html" in results


@pytest.mark.browser
def test_the_course_works_inside_kiwix(kiwix: str, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    host = kiwix.rsplit(f"{BOOK}/", 1)[0]

    def route(r: Any) -> None:
        if r.request.url.startswith((host, "data:", "blob:")):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        page.goto(kiwix + "index.html")
        assert "Kursus Konselor" in page.title()
        page.goto(kiwix + "en/index.html")
        assert page.locator("html").get_attribute("lang") == "en"
        # the language switch lands on the same page
        page.goto(kiwix + "modul-01/index.html")
        page.locator("a.md-select__link[hreflang=en]").first.dispatch_event("click")
        page.wait_for_url("**/en/modul-01/index.html")
        # a quiz answered is still answered after a reload
        page.goto(kiwix + "modul-01/latihan.html")
        question = page.locator(".kk-q--single").first
        question.locator("input[type=radio]").first.check()
        question.locator("button[data-act=check]").click()
        result = question.locator(".kk-q__result").inner_text()
        assert result
        page.reload()
        again = page.locator(".kk-q--single").first
        assert again.locator(".kk-q__result").inner_text() == result
        assert again.locator("input[type=radio]").first.is_checked()
        # the course's own search, in Indonesian with root words
        page.goto(kiwix + "index.html")
        page.keyboard.press("/")
        page.keyboard.type("rahasia")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        hits = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        assert any("modul-01" in h for h in hits), hits
    finally:
        context.close()
    assert not foreign, foreign
    assert not errors, errors

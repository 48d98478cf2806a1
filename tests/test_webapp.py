"""The hosted course as an installable web app, in headless Chromium over HTTP on 127.0.0.1 with a real
service worker: cached on the first visit, every page of both languages opens offline, a quiz works,
and a new release is offered without touching saved progress."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kursus.webapp import MANIFEST, SERVICE_WORKER

from conftest import build, make_project

PAGES = {
    "id/index.md": "# Beranda\n\nKursus untuk konselor.\n",
    "en/index.md": "# Home\n\nA course for counsellors.\n",
    "id/modul-01/index.md": "# Modul 1\n\nBacaan.\n\n<!-- kuis: m01.q01 -->\n",
    "en/modul-01/index.md": "# Module 1\n\nReading.\n\n<!-- kuis: m01.q01 -->\n",
    "id/modul-01/latihan.md": "# Latihan\n\n<!-- kuis: m01 -->\n",
    "en/modul-01/latihan.md": "# Exercises\n\n<!-- kuis: m01 -->\n",
}


@pytest.fixture
def app_site(tmp_path: Path) -> tuple[Path, Path]:
    quiz = (Path(__file__).parent / "demo_quiz.yml").read_text(encoding="utf-8")
    project = make_project(tmp_path / "course", PAGES, {"modul-01.yml": quiz})
    return project, build(project)


def test_manifests_name_the_course_in_each_language_and_the_worker_lists_every_file(
    app_site: tuple[Path, Path],
) -> None:
    _, site = app_site
    id_manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    en_manifest = json.loads((site / "en" / MANIFEST).read_text(encoding="utf-8"))
    assert (id_manifest["name"], id_manifest["lang"], id_manifest["scope"]) == ("Kursus Konselor", "id", "./")
    assert (en_manifest["name"], en_manifest["lang"], en_manifest["scope"]) == ("Counsellor Course", "en", "./../")
    assert en_manifest["start_url"] == "./index.html" and en_manifest["display"] == "standalone"
    for icon in en_manifest["icons"]:
        assert (site / "en" / icon["src"]).resolve().read_bytes().startswith(b"\x89PNG")
    worker = (site / SERVICE_WORKER).read_text(encoding="utf-8")
    listed = set(json.loads(re.search(r"var FILES = (\[.*?\]);", worker).group(1)))  # type: ignore[union-attr]
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name != SERVICE_WORKER}
    assert files <= listed and "en/search/search_index.json" in listed


def test_nothing_of_the_web_app_in_the_learner_edition(tmp_path: Path) -> None:
    from kursus.audience import LEARNER
    from kursus.commands.build import build_site

    quiz = (Path(__file__).parent / "demo_quiz.yml").read_text(encoding="utf-8")
    project = make_project(tmp_path / "course", PAGES, {"modul-01.yml": quiz})
    build_site(project, tmp_path / "learner", LEARNER)
    assert not (tmp_path / "learner" / SERVICE_WORKER).exists()
    html = (tmp_path / "learner" / "index.html").read_text(encoding="utf-8")
    assert '"app":null' in html


@pytest.mark.browser
def test_cached_on_first_visit_works_offline_and_offers_a_new_release(
    app_site: tuple[Path, Path], serve: Any, browser: Any
) -> None:
    project, site = app_site
    base = serve(site)
    context = browser.new_context()
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(base + "modul-01/index.html")
        page.wait_for_selector("html[data-kk-offline=ready]", timeout=20000)
        assert "tanpa internet" in page.locator(".kk-app-notice").inner_text()
        question = page.locator("#q-m01-q01")
        question.get_by_label("Pencari kerja").check()
        question.get_by_role("button", name="Periksa").click()
        assert question.locator(".kk-q__result").inner_text() == "Benar."

        context.set_offline(True)
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
        assert len(pages) >= 6
        for path in pages:
            response = page.goto(base + path)
            assert response is not None and response.ok, path
            assert page.locator("h1").count() >= 1, path
        page.goto(base + "en/modul-01/latihan.html")
        page.locator("#q-m01-q04 input[type=text]").fill("TPT")
        page.locator("#q-m01-q04").get_by_role("button", name="Check").click()
        assert page.locator("#q-m01-q04 .kk-q__result").inner_text() == "Correct."

        # A new release: the page offers it, and after the update the saved answers are still there.
        context.set_offline(False)
        page_file = project / "docs" / "id" / "index.md"
        page_file.write_text(page_file.read_text(encoding="utf-8") + "\nVersi kedua.\n", encoding="utf-8")
        build(project)
        page.goto(base + "modul-01/index.html")
        notice = page.locator(".kk-app-notice", has_text="Versi baru kursus sudah siap")
        notice.wait_for(timeout=20000)
        with page.expect_event("load"):
            notice.get_by_role("button", name="Pakai versi baru").click()
        page.goto(base + "index.html")
        assert "Versi kedua." in page.locator("article").inner_text()
        page.goto(base + "modul-01/index.html")
        assert page.locator("#q-m01-q01 .kk-q__result").inner_text() == "Benar."
    finally:
        context.close()
    assert not errors, errors


@pytest.mark.browser
def test_every_page_of_the_real_course_opens_offline_after_one_visit(
    course_site: Path, http_root: str, browser: Any
) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(http_root + "index.html")
        page.wait_for_selector("html[data-kk-offline=ready]", timeout=60000)
        context.set_offline(True)
        pages = sorted(
            p.relative_to(course_site).as_posix() for p in course_site.rglob("*.html") if p.name != "404.html"
        )
        assert len(pages) > 60 and "en/index.html" in pages
        for path in pages:
            # Served by the worker's cache is what counts; every page rendering is the phone pass's job.
            response = page.goto(http_root + path, wait_until="commit")
            assert response is not None and response.ok and response.from_service_worker, path
        page.goto(http_root + "en/index.html")
        page.keyboard.press("/")
        page.keyboard.type("confidentiality")
        page.wait_for_selector(".md-search-result__item", timeout=15000)  # search works offline too
    finally:
        context.close()
    assert not errors, errors

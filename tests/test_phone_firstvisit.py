"""``make bench``'s first-visit figures: every byte a fresh browser loads, from disk and over HTTP."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kursus import firstvisit

from conftest import DEMO_READING, MINI_QUIZ, ROOT, build, make_project, practice

PAGES = {**DEMO_READING, **practice(1)}
TARGET = 350_000  # issue 14: a first visit of the home, a reading and a quiz page, compressed as served


@pytest.mark.browser
def test_first_visit_counts_the_page_and_its_assets_but_not_the_unopened_search(tmp_path: Path, browser: Any) -> None:
    site = build(make_project(tmp_path, PAGES, {"modul-01.yml": MINI_QUIZ}))
    [visit] = firstvisit.measure_with(browser, site, ("modul-01/index.html",))
    loaded = set(visit.files)
    assert {"modul-01/index.html", "assets/kursus/kursus.js", "assets/kursus/kursus.css"} <= loaded
    expected = sum((site / name).stat().st_size for name in loaded if (site / name).is_file())
    assert visit.over_http == expected, "over HTTP, the bodies as sent add up to the files"
    assert visit.over_http_gzip < visit.over_http / 2, "text compresses"
    assert firstvisit.service_worker_bytes(site) > visit.over_http, "the offline copy holds the whole site"


@pytest.mark.browser
def test_the_real_course_s_first_visits_stay_under_the_target_without_search(course_site: Path, browser: Any) -> None:
    """Home, module reading and quiz page: no search index or search worker until search is opened, and
    at most 350 kB compressed over HTTP (bytes, not timings: the same on every machine)."""
    visits = firstvisit.measure_with(browser, course_site)
    for visit in visits:
        assert not [n for n in visit.files if n.startswith("search/") or "workers/search" in n], visit.files
        assert visit.over_http_gzip <= TARGET, (visit.page, visit.over_http_gzip)
        # From disk the same files are read as over HTTP (plus nothing the server would add).
        assert visit.from_disk == visit.over_http, visit.page
    lines = firstvisit.report(course_site, visits)
    assert lines[0].startswith("first visit") and "350 kB" in lines[0]
    assert [line.split()[0] for line in lines[1:4]] == list(firstvisit.PAGES)


def test_the_figures_for_a_folder_without_a_built_course_are_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kursus.firstvisit", "nothing-here"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"{tmp_path / 'nothing-here'}: no built course here, index.html is missing")
    assert "Traceback" not in result.stderr and result.stdout == ""


def loaded_scripts(page: Path) -> list[str]:
    """The course's own scripts a built page loads, in order."""
    return re.findall(r'<script src="[./]*assets/kursus/(kursus[a-z-]*)\.js"', page.read_text(encoding="utf-8"))


def test_quiz_worksheet_progress_and_lms_scripts_load_only_on_pages_that_use_them(course_site: Path) -> None:
    common = ["kursus-search", "kursus-core", "kursus-types", "kursus-profiles", "kursus-storage", "kursus-quiz"]
    end = ["kursus-profiles-ui", "kursus"]
    for language in ("", "en/"):
        pages = ("index.html", "kemajuan.html", *(f"modul-01/{n}.html" for n in ("index", "latihan", "lembar-kerja")))
        assert {name: loaded_scripts(course_site / language / name) for name in pages} == {
            "index.html": [*common, *end],
            "kemajuan.html": [*common, "kursus-codes", "kursus-statement", *end],
            "modul-01/index.html": [*common, "kursus-codes", "kursus-statement", *end],  # its quizzes record pass dates
            "modul-01/latihan.html": [*common, "kursus-codes", "kursus-scorm", "kursus-statement", *end],
            "modul-01/lembar-kerja.html": [*common, "kursus-worksheets", *end],
        }, language

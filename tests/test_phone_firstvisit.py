"""``make bench``'s first-visit figures: every byte a fresh browser loads, from disk and over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kursus import firstvisit

from conftest import DEMO_READING, MINI_QUIZ, build, make_project, practice

pytestmark = pytest.mark.browser

PAGES = {**DEMO_READING, **practice(1)}


def test_first_visit_counts_the_page_and_its_assets_but_not_the_unopened_search(tmp_path: Path, browser: Any) -> None:
    site = build(make_project(tmp_path, PAGES, {"modul-01.yml": MINI_QUIZ}))
    [visit] = firstvisit.measure_with(browser, site, ("modul-01/index.html",))
    loaded = set(visit.files)
    assert {"modul-01/index.html", "assets/kursus/kursus.js", "assets/kursus/kursus.css"} <= loaded
    expected = sum((site / name).stat().st_size for name in loaded if (site / name).is_file())
    assert visit.over_http == expected, "over HTTP, the bodies as sent add up to the files"
    assert visit.over_http_gzip < visit.over_http / 2, "text compresses"
    # From disk the page leaves the search index alone until search is opened.
    index = (site / "search" / "search_index.js").stat().st_size
    assert visit.from_disk < visit.over_http - index + 10_000
    assert firstvisit.service_worker_bytes(site) > visit.over_http, "the offline copy holds the whole site"
    lines = firstvisit.report(site, firstvisit.measure_with(browser, site))
    assert lines[0].startswith("first visit") and [line.split()[0] for line in lines[1:4]] == list(firstvisit.PAGES)

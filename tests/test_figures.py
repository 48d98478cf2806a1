"""Figures that agree (issue 14): "7/14" beside "6 dari 13" happened because the result code's note counted
only scored questions. One function (KK.moduleScore) now counts for the progress table, the result code's
note, the quiz page's score and summary, and the navigation marks; this test reads what each one shows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from learner_site import build_site, seed

from conftest import open_page

pytestmark = pytest.mark.browser

# The demo quiz has 7 questions, 6 with points and 1 reflection (m01.q05).
PARTLY = {
    "m01.q01": {"v": 1, "t": 1},  # right
    "m01.q05": {"v": "Saya akan bertanya dulu.", "t": 2},  # a reflection: counts as answered, no points
    "m01.q06": {"first": {"v": "false", "t": 3}},  # being retried: in the code, not answered now
    "m01.q07": {"v": [1], "t": 4},  # wrong
}
ALL = {
    "m01.q01": {"v": 1, "t": 1},
    "m01.q02": {"v": [0, 1, 2], "t": 1},
    "m01.q03": {"v": [0, 1, 2], "t": 1},
    "m01.q04": {"v": "TPT", "t": 1},
    "m01.q05": {"v": "Refleksi.", "t": 1},
    "m01.q06": {"v": "true", "t": 1},
    "m01.q07": {"v": [0], "t": 1},
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("figures"))


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from open_page(browser, viewport={"width": 412, "height": 900}, has_touch=True)


def shown(page: Any, site: Path) -> dict[str, Any]:
    """(answered, total) as every place shows them, and whether the module is marked complete."""
    out: dict[str, Any] = {}
    page.goto((site / "kemajuan.html").as_uri())
    done = page.locator("tr[data-module=m01] .kk-p-done").inner_text()
    match = re.match(r"(\d+)/(\d+) dijawab", done)
    out["progress table"] = (int(match[1]), int(match[2])) if match else (0, 7)
    out["table says complete"] = "selesai" in done
    page.locator("tr[data-module=m01] [data-act=code]").click()
    note = re.search(r"\((\d+) dari (\d+) soal dijawab", page.locator(".kk-code__note").inner_text())
    assert note, page.locator(".kk-code__note").inner_text()
    out["result code note"] = (int(note[1]), int(note[2]))
    page.goto((site / "modul-01" / "latihan.html").as_uri())
    score = re.search(r"\((\d+) dari (\d+) soal dijawab\)", page.locator(".kk-score").inner_text())
    assert score
    out["quiz page"] = (int(score[1]), int(score[2]))
    summary = re.search(r"\((\d+) dari (\d+) soal dijawab\)", page.locator(".kk-summary__score").inner_text())
    assert summary
    out["quiz summary"] = (int(summary[1]), int(summary[2]))
    page.goto((site / "index.html").as_uri())
    out["navigation marked complete"] = page.locator(".md-nav__link.kk-done").count() > 0
    return out


@pytest.mark.parametrize(("answers", "answered", "complete"), [(PARTLY, 3, False), (ALL, 7, True), ({}, 0, False)])
def test_every_place_shows_the_same_figures(
    site: Path, page: Any, answers: dict[str, Any], answered: int, complete: bool
) -> None:
    page.goto((site / "kemajuan.html").as_uri())
    seed(page, answers)
    figures = shown(page, site)
    counts = {k: v for k, v in figures.items() if isinstance(v, tuple)}
    assert set(counts.values()) == {(answered, 7)}, counts
    assert figures["table says complete"] is complete
    assert figures["navigation marked complete"] is complete
    assert not page.errors, page.errors

"""Stored and imported progress is never trusted (issue 18): every answer is checked against its question's
type and size, judged again from the key on the page, and a damaged entry is kept aside, not deleted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import HOME, PROGRESS, build, make_project, practice

pytestmark = pytest.mark.browser

KEY = "kursus-konselor/progress"
PAGES = {**HOME, **practice(1), **PROGRESS}
# The demo quiz: q01 single (3 options), q02 ordering (3), q03 matching (3), q04 short (TPT),
# q05 reflective (3 self-check points), q06 true/false (true), q07 multiple (3 options).
GOOD = {"m01.q06": {"v": "true", "t": 1}, "m01.q04": {"v": 'a"]b\\', "t": 1}}
BAD = {
    "number where a list is expected": {"m01.q07": {"v": 2, "t": 1}},
    "an answer that breaks a selector": {"m01.q01": {"v": '"]) , *[x="', "t": 1}},
    "a step that breaks a selector": {"m01.q02": {"v": ['"]', 0, 1], "t": 1}},
    "a list instead of a mapping": {"m01.q03": [0, 1, 2]},
    "a huge corrupt value": {"m01.q04": {"v": "x" * 200_000, "t": 1}},
    "a non-list self-check": {"m01.q05": {"v": "Refleksi.", "self": 3, "t": 1}},
    "an index out of range": {"m01.q03": {"v": [0, 1, 7], "t": 1}},
    "a repeated step": {"m01.q02": {"v": [0, 0, 1], "t": 1}},
    "a first attempt of the wrong shape": {"m01.q01": {"v": 1, "first": {"v": "1"}, "t": 1}},
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    quiz = (Path(__file__).parent / "demo_quiz.yml").read_text(encoding="utf-8")
    return build(make_project(tmp_path_factory.mktemp("storage"), PAGES, {"modul-01.yml": quiz}))


def seed(page: Any, answers: Any) -> None:
    record = {"format": "kursus-konselor-progress", "version": 1, "answers": answers}
    page.evaluate("([k, d]) => localStorage.setItem(k, JSON.stringify(d))", [KEY, record])
    page.reload()


def kept_aside(page: Any) -> list[Any]:
    return list(
        page.evaluate(
            "k => Object.keys(localStorage).filter(x => x.startsWith(k + '.kept-'))"
            ".map(x => JSON.parse(localStorage.getItem(x)).answers)",
            KEY,
        )
    )


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_damaged_answer_is_kept_aside_and_the_rest_of_the_page_works(site: Path, page: Any, case: str) -> None:
    page.goto((site / "modul-01" / "latihan.html").as_uri())
    bad = BAD[case]
    seed(page, {**GOOD, **bad})
    notice = page.locator(".kk-notice")
    assert "disimpan terpisah" in notice.inner_text(), "the learner is told, in the page's language"
    assert kept_aside(page) == [bad], "the damaged entry is kept under its own key, as it was"
    stored = page.evaluate("k => JSON.parse(localStorage.getItem(k)).answers", KEY)
    assert set(stored) == set(GOOD) - set(bad), "the damaged entry left the record, the good ones stayed"
    assert page.locator("#q-m01-q06 .kk-q__result").inner_text() == "Benar."
    if "m01.q04" not in bad:  # a quote or bracket in a typed answer is a valid answer
        assert page.locator("#q-m01-q04 input").input_value() == 'a"]b\\'
    # every quiz still works: a new answer is checked and saved
    page.locator("#q-m01-q07").get_by_label("Data kesehatan").check()
    page.locator("#q-m01-q07").get_by_label("Catatan kejahatan").check()
    page.locator("#q-m01-q07 [data-act=check]").click()
    assert page.locator("#q-m01-q07 .kk-q__result").inner_text() == "Benar."
    page.reload()
    assert page.locator(".kk-notice").count() == 0, "told once, not on every page"
    assert page.locator("#q-m01-q07 .kk-q__result").inner_text() == "Benar."
    assert len(kept_aside(page)) == 1
    assert not page.errors, page.errors


def test_a_record_that_is_not_a_mapping_is_kept_aside_whole(site: Path, page: Any) -> None:
    page.goto((site / "modul-01" / "latihan.html").as_uri())
    record = {"format": "kursus-konselor-progress", "version": 1, "answers": [1, 2]}
    page.evaluate("([k, d]) => localStorage.setItem(k, JSON.stringify(d))", [KEY, record])
    page.reload()
    assert page.locator(".kk-notice").is_visible()
    assert kept_aside(page) == [[1, 2]]
    page.locator("#q-m01-q01").get_by_label("Pencari kerja").check()
    page.locator("#q-m01-q01 [data-act=check]").click()
    assert page.locator("#q-m01-q01 .kk-q__result").inner_text() == "Benar."
    assert not page.errors, page.errors


def test_a_forged_correct_flag_does_not_count(site: Path, page: Any) -> None:
    page.goto((site / "modul-01" / "latihan.html").as_uri())
    forged = {  # every answer wrong, every flag saying "correct"
        "m01.q01": {"v": 0, "ok": True, "t": 1},
        "m01.q04": {"v": "salah", "ok": True, "t": 1},
        "m01.q06": {"v": "false", "ok": True, "t": 1},
    }
    seed(page, forged)
    for qid in ("m01-q01", "m01-q04", "m01-q06"):
        assert page.locator(f"#q-{qid} .kk-q__result").inner_text() == "Belum tepat.", qid
    assert "Skor modul ini: 0 dari 6 poin" in page.locator(".kk-score").inner_text()
    page.goto((site / "kemajuan.html").as_uri())
    assert page.locator("tr[data-module=m01] .kk-p-score").inner_text() == "0/6 poin"
    assert not page.errors, page.errors


def test_an_import_with_an_impossible_answer_changes_nothing_and_says_why(site: Path, page: Any) -> None:
    page.goto((site / "kemajuan.html").as_uri())
    seed(page, {"m01.q06": {"v": "true", "t": 5}})
    before = page.evaluate("k => localStorage.getItem(k)", KEY)
    bad = {
        "format": "kursus-konselor-progress",
        "version": 1,
        "answers": {"m01.q06": {"v": "false", "t": 9}, "m01.q02": {"v": [2, 2, 2], "ok": True, "t": 9}},
    }
    page.locator(".kk-progress__text summary").click()
    page.locator("#kk-progress-text").fill(json.dumps(bad))
    page.get_by_role("button", name="Muat dari teks").click()
    message = page.locator(".kk-progress__textmsg").inner_text()
    assert "tidak mungkin" in message and "m01.q02" in message and "Tidak ada yang diubah" in message
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == before

    forged = {"format": "kursus-konselor-progress", "version": 1, "answers": {"m01.q01": {"v": 2, "ok": True, "t": 9}}}
    page.locator("#kk-progress-text").fill(json.dumps(forged))
    page.get_by_role("button", name="Muat dari teks").click()
    assert "Jawaban yang dipakai: 1" in page.locator(".kk-progress__textmsg").inner_text()
    assert page.locator("tr[data-module=m01] .kk-p-score").inner_text() == "1/6 poin", "q06 right, forged q01 not"
    assert not page.errors, page.errors

"""One table of answer-normalisation cases (tests/data/normalisation.json) for both sides: the Python
rules (scoring, paper keys) and kursus-core.js (the page) must give the same result on every case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kursus.quiz.answers import normalise, same_answer, short_answer_matches

ROOT = Path(__file__).resolve().parent.parent
CASES = json.loads((Path(__file__).parent / "data" / "normalisation.json").read_text(encoding="utf-8"))
CORE_JS = ROOT / "overrides" / "assets" / "kursus" / "kursus-core.js"


@pytest.mark.parametrize(("typed", "expected"), CASES["normalise"])
def test_python_normalises_as_the_table_says(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


@pytest.mark.parametrize(("typed", "accepted", "same"), CASES["same"])
def test_python_matches_answers_as_the_table_says(typed: str, accepted: str, same: bool) -> None:
    assert same_answer(typed, accepted) is same
    assert short_answer_matches(typed, [accepted]) is same


@pytest.mark.browser
def test_the_page_normalises_and_matches_every_case_as_python_does(browser: Any) -> None:
    page = browser.new_page()
    data = {"ui": {}, "modules": [], "lang": "id"}
    page.set_content(f'<script id="kk-data" type="application/json">{json.dumps(data)}</script>')
    page.add_script_tag(path=str(CORE_JS))
    got = page.evaluate(
        """cases => ({
          normalise: cases.normalise.map(c => window.KK.normalise(c[0])),
          same: cases.same.map(c => window.KK.sameAnswer(c[0], c[1])),
        })""",
        CASES,
    )
    page.close()
    wrong = [
        (c[0], got_n, c[1]) for c, got_n in zip(CASES["normalise"], got["normalise"], strict=True) if got_n != c[1]
    ]
    assert not wrong, wrong
    mismatched = [c for c, same in zip(CASES["same"], got["same"], strict=True) if same is not c[2]]
    assert not mismatched, mismatched

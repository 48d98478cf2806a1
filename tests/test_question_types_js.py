"""The browser's question types (overrides/assets/kursus/kursus-types.js) are the Python registry's
(kursus.quiz.types), run through node: the same names, each scored or not alike, each with its page
controls, and on one shared table of saved answers (tests/data/question_types.json) the same verdicts on
what a saved answer may be and whether it is right. Otherwise a learner's answer counts on the page and
not in the trainer's scoring of the result code, or storage sets aside an answer the code would count.

Without node the node tests fail under CI and are skipped elsewhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from kursus.progress import size
from kursus.quiz.bank import load_bank
from kursus.quiz.items import Question
from kursus.quiz.types import TYPES, kind
from kursus.scoring.model import is_correct

HERE = Path(__file__).parent
HARNESS = HERE / "js" / "question-types.cjs"
TABLE = json.loads((HERE / "data" / "question_types.json").read_text(encoding="utf-8"))
LANGUAGE = "id"
UNKNOWN = ["essay", "Single", "", "constructor", "__proto__", "toString"]


def expand(value: Any) -> Any:
    """{"text": t, "times": k} in the table: t repeated k times (the longest answers storage takes)."""
    if isinstance(value, dict) and set(value) == {"text", "times"}:
        return value["text"] * value["times"]
    return value


CASES = [(name, expand(v), valid, correct) for name, v, valid, correct in TABLE["cases"]]


@cache
def questions() -> dict[str, Question]:
    """The fixture's one question of each type."""
    bank, problems = load_bank([HERE / "data" / "question_types_quiz.yml"])
    assert not problems
    return {q.type: q for q in bank.quizzes[0].questions()}


def python_verdict(q: Question, v: Any) -> tuple[bool, bool | None]:
    """What Python makes of a saved browser answer: usable (else a result code counts it blank), and,
    for a scored type, right or wrong as the code's digits carry it to the trainer's scoring."""
    t = kind(q)
    if not t.usable(q, v):
        return False, None
    if not t.scored:
        return True, None
    return True, is_correct(q, t.response(q, t.digits(q, v, LANGUAGE)))


@cache
def browser() -> dict[str, Any]:
    """The browser's registry and its verdicts on every case, from node."""
    node = shutil.which("node")
    if node is None:
        message = "node not found: install Node.js"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    shown = {name: {"n": size(q), "key": kind(q).browser_key(q, LANGUAGE, LANGUAGE)} for name, q in questions().items()}
    request = {"questions": shown, "cases": [[name, v] for name, v, _, _ in CASES], "unknown": UNKNOWN}
    done = subprocess.run([node, str(HARNESS)], input=json.dumps(request), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_the_table_has_cases_for_every_type_and_the_fixture_a_question_of_each() -> None:
    assert set(questions()) == set(TYPES)
    for name in TYPES:
        verdicts = {(valid, correct) for n, _, valid, correct in CASES if n == name}
        assert (False, None) in verdicts, f"{name}: no answer storage refuses"
        expected = {(True, True), (True, False)} if TYPES[name].scored else {(True, None)}
        assert expected <= verdicts, f"{name}: not every verdict has a case"


def test_the_browser_has_the_same_types_as_python() -> None:
    types = browser()["types"]
    assert sorted(t["name"] for t in types) == sorted(TYPES)
    assert {t["name"]: t["scored"] for t in types} == {name: t.scored for name, t in TYPES.items()}


def test_every_browser_type_can_be_answered_on_the_page_and_a_scored_one_put_in_a_result_code() -> None:
    """kursus-quiz.js adds the controls (get, set, key) and the result code's part to each entry."""
    for t in browser()["types"]:
        assert t["page"], f"{t['name']}: the page cannot read or show its answer"
        assert t["code"] == TYPES[t["name"]].scored, f"{t['name']}: result code part"


@pytest.mark.parametrize(("name", "v", "valid", "correct"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_python_takes_and_judges_each_saved_answer_as_the_table_says(
    name: str, v: Any, valid: bool, correct: bool | None
) -> None:
    assert python_verdict(questions()[name], v) == (valid, correct)


def test_the_browser_takes_and_judges_every_saved_answer_as_the_table_says() -> None:
    got = browser()["cases"]
    wrong = [
        (name, str(v)[:40], [valid, correct], verdict)
        for (name, v, valid, correct), verdict in zip(CASES, got, strict=True)
        if verdict != [valid, correct]
    ]
    assert not wrong, wrong


def test_the_browser_refuses_an_unknown_type_without_failing() -> None:
    """A type this script does not know (a page newer than a cached script, damaged data): no stored
    answer is valid and nothing is judged right, and the page goes on (nothing throws)."""
    assert browser()["unknown"] == [[False, False, None]] * len(UNKNOWN)

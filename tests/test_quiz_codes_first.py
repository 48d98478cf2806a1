"""Honest result codes (issue 15): a code holds each question's first checked answer, judged from the
key, whatever a stored "ok" flag or a later (practice) answer says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kursus.quiz.bank import load_bank
from kursus.quiz.model import Quiz
from kursus.scoring import codes
from kursus.scoring.model import is_correct, scored_questions

QUIZ = Path(__file__).parent / "scoring" / "modul-01.yml"


def quiz() -> Quiz:
    return load_bank([QUIZ])[0].quizzes[0]


def verdicts(q: Quiz, answers: dict[str, Any]) -> dict[str, bool | None]:
    found = codes.responses(q, codes.decode(codes.encode(q, answers, "id")).answers)
    return {x.id: None if found[x.id].blank else is_correct(x, found[x.id]) for x in scored_questions(q)}


def test_a_right_retry_after_a_wrong_first_answer_scores_as_wrong() -> None:
    retried = {
        "m01.q01": {"v": 1, "t": 9, "first": {"v": 0, "t": 1}},  # wrong first, then right
        "m01.q04": {"v": "TPT", "t": 9, "first": {"v": "TPS", "t": 1}},
        "m01.q03": {"v": "true", "t": 9, "first": {"v": "true", "t": 1}},  # right the first time
    }
    got = verdicts(quiz(), retried)
    assert got["m01.q01"] is False and got["m01.q04"] is False and got["m01.q03"] is True


def test_a_retry_under_way_still_holds_the_first_answer() -> None:
    assert verdicts(quiz(), {"m01.q01": {"first": {"v": 0, "t": 1}}})["m01.q01"] is False


def test_short_answers_are_judged_from_the_key_not_from_a_stored_flag() -> None:
    forged = {"m01.q04": {"v": "salah", "ok": True}, "m01.q01": {"v": 0, "ok": True}}
    got = verdicts(quiz(), forged)
    assert got["m01.q04"] is False and got["m01.q01"] is False
    assert verdicts(quiz(), {"m01.q04": {"v": " T\u00adPT. ", "ok": False}})["m01.q04"] is True


def test_answers_the_browser_keeps_aside_count_as_blank() -> None:
    damaged = {
        "m01.q01": {"v": "1"},
        "m01.q02": {"v": [0, 0, 0, 0]},
        "m01.q04": {"v": "x" * 501},
        "m01.q05": {"v": [0, 0, 1, 2]},
        "m01.q06": {"v": 1, "first": {"v": [0, 1, 2]}},
    }
    assert set(verdicts(quiz(), damaged).values()) == {None}

"""Hostile quiz files are refused quickly with a line, never read into memory whole or expanded; quiz
texts render in time linear in their length."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursus.quiz.bank import load_bank
from kursus.quiz.emphasis import italic
from kursus.quiz.render import block
from kursus.quiz.source import MAX_BYTES

CHECKER = Path(__file__).resolve().parent / "checker"


def load(path: Path) -> tuple[list[tuple[int, str]], float]:
    began = time.perf_counter()
    _, problems = load_bank([path], path.parent)
    return [(p.line, p.code) for p in problems], time.perf_counter() - began


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "modul-01.yml"
    path.write_text("module: m01\n# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    found, seconds = load(path)
    assert found == [(1, "Q003")]
    assert seconds < 0.5


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    # Nine levels of nine aliases: 387 million values once expanded (a MemoryError after 24 s before).
    found, seconds = load(CHECKER / "q003-alias-bomb" / "quizzes" / "modul-01.yml")
    assert found == [(7, "Q003")]
    assert seconds < 0.5


def test_a_wide_alias_bomb_in_flow_style_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 " + str(["lol"] * 50)]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 50) + "]" for i in range(1, 8)]
    path = tmp_path / "modul-01.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found, seconds = load(path)
    assert found == [(3, "Q003")]
    assert seconds < 0.5


def test_bad_bytes_are_reported_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "modul-01.yml"
    for raw, line in [
        (b"module: m01\n\ntitle: {id: a\x00b}\n", 3),
        (b"module: m01\r\ntitle:\r\n  id: caf\xe9\r\n", 3),
        (b"module: m01\ntitle: {id: \xef\xbb}\n", 2),
        (b"\xef\xbb\xbfmodule: m01\n\n\n\x7f\n", 4),
    ]:
        path.write_bytes(raw)
        assert load(path)[0] == [(line, "Q002")], raw


# --------------------------------------------------------------------------------------- rendering time


OLD_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")  # the rule, once a quadratic regex


def best_time(text: str, repeat: int = 1) -> float:
    """The best of five timings of rendering ``text`` ``repeat`` times, in processor time: other processes
    on a busy machine would stretch wall-clock time, more for the longer run."""
    times = []
    for _ in range(5):
        began = time.process_time()
        for _ in range(repeat):
            block(text)
        times.append(time.process_time() - began)
    return min(times)


@pytest.mark.parametrize("unit", ["*a ", "**a ", "_a ", "[a ", "*", "a* ", "*** a", "*a\n"])
def test_rendering_time_is_linear_in_unclosed_markers(unit: str) -> None:
    # 30,000 markers may take at most 35 times as long as 3,000: linear is ten, quadratic a hundred (it took
    # minutes); the margin is for a busy machine (tests run in parallel), where the large text's memory
    # costs more. The small text is timed ten times over, so that both timings are long enough to compare.
    small = best_time(unit * 3_000, repeat=10) / 10
    large = best_time(unit * 30_000)
    assert large < 35 * small, (small, large)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="*a \n\u00a0_.é1\t<", max_size=30))
def test_italic_keeps_the_rule_it_had(text: str) -> None:
    assert italic(text) == OLD_ITALIC.sub(r"<em>\1</em>", text)

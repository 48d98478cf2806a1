"""Markdown in quiz texts that would reach learners as typed (Q063-Q069, quiz/textcheck.py): what is
found, what is left alone, and that finding it takes time linear in the text."""

from __future__ import annotations

import time

import pytest

from kursus.quiz.markup import block
from kursus.quiz.textcheck import markup_problems


def codes(text: str) -> list[str]:
    return [code for code, *_ in markup_problems(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Siapa yang **memutuskan?", ["Q063"]),
        ("**Tebal** dan **tebal lagi**.", []),
        ("Apa arti *job matching?", ["Q064"]),
        ("Model *The Skilled Helper* dari Egan.", []),
        ("Skor 5 * 3 = 15.", []),
        ("Baris satu *miring\nbaris dua*.", ["Q064"]),
        ("Baca [bacaan](../modul-01/index.md).", ["Q065"]),
        ("Baca [bacaan](../modul-01/index.md", ["Q066"]),
        ("Baca [bacaan]().", ["Q066"]),
        ("Pilihan [a] atau (b).", []),
        ("Kata _miring_ dan __tebal__.", ["Q067", "Q067"]),
        ("Berkas data_pencari_kerja.csv.", []),
        ("Kolom `status`.", ["Q068"]),
        ("Pilih:\n- satu\n- dua", ["Q069", "Q069"]),
        ("1. Langkah pertama", ["Q069"]),
        ("Teks <b>tebal</b>.", ["Q069"]),
        ("<img src=x onerror=alert(1)> teks", []),  # no formatting meant: escaped like any text
        ("Skor < 5 dan > 3.", []),
    ],
)
def test_what_would_reach_learners_as_typed_is_found(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_a_text_the_checker_passes_renders_without_stray_markup() -> None:
    for text in ("**Tebal** dan *miring*.", "Model *The Skilled Helper*.\n\nParagraf **dua**."):
        assert codes(text) == []
        assert "*" not in block(text)
    assert "**" in block("Siapa yang **memutuskan?"), "what Q063 reports is what learners would see"


def test_the_place_is_given_in_the_message() -> None:
    ((code, start, end, _, _),) = list(markup_problems("Teks panjang sekali, lalu **tebal yang lupa ditutup."))
    assert code == "Q063" and (start, end) == (26, 28)


def cpu_time(text: str, repeat: int = 1) -> float:
    times = []
    for _ in range(5):
        began = time.process_time()
        for _ in range(repeat):
            list(markup_problems(text))
        times.append(time.process_time() - began)
    return min(times)


@pytest.mark.parametrize("unit", ["**a ", "*a ", "[a](", "[a ", "_a ", "__a ", "`", "- a\n", "<b ", "*a\n", "a_b "])
def test_checking_time_is_linear_in_unclosed_markers(unit: str) -> None:
    # As for rendering (test_checker_limits.py): 30,000 markers at most 35 times as long as 3,000.
    small = cpu_time(unit * 3_000, repeat=10) / 10
    large = cpu_time(unit * 30_000)
    assert large < 35 * small, (small, large)

"""Quiz HTML: labels from the interface strings, escaping, and the answer key."""

from __future__ import annotations

from pathlib import Path

from kursus.quiz.bank import load_bank
from kursus.quiz.render import Renderer, inline
from kursus.ui import load_strings, translator

ROOT = Path(__file__).resolve().parent.parent
DEMO = Path(__file__).parent / "demo_quiz.yml"


def renderer(language: str) -> Renderer:
    bank, problems = load_bank([DEMO])
    assert not problems
    strings = load_strings(ROOT / "overrides" / "ui-strings.yml")
    return Renderer(bank, language, "id", translator(strings, language, "id"))


def test_true_false_labels_and_key_are_translated() -> None:
    html = renderer("id").placed("m01.q06") or ""
    assert ">Benar</label>" in html and ">Salah</label>" in html
    key = renderer("en").answer_key(renderer("en").bank.quizzes[0])
    assert "<p>True</p>" in key


def test_inline_markup_is_the_only_markup() -> None:
    assert inline("**tegas** dan *ramah* <b>x</b>") == "<strong>tegas</strong> dan <em>ramah</em> &lt;b&gt;x&lt;/b&gt;"


def test_ordering_steps_are_never_shown_in_the_correct_order() -> None:
    html = renderer("id").placed("m01.q02") or ""
    steps = [html.index(f'data-step="{i}"') for i in range(3)]
    assert steps != sorted(steps)

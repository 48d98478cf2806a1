"""The registry of question types (kursus.quiz.types) is the one list of types: everything else a type
needs outside Python (interface strings, the browser's behaviour, the guides) must know each of them, or
a learner meets a raw key, a dead question or an undocumented type. The browser's own registry
(kursus-types.js): tests/test_question_types_js.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from kursus.quiz.model import ITEM_TYPES, KEYS
from kursus.quiz.types import TYPES
from kursus.ui import load_strings

ROOT = Path(__file__).resolve().parent.parent
STRINGS = load_strings(ROOT / "overrides" / "ui-strings.yml")


@pytest.mark.parametrize("name", sorted(TYPES))
def test_interface_strings_for_every_type(name: str) -> None:
    """Paper (print_how_), answer-sheet template (score_cell_), scoring messages and report (score_how_,
    score_type_): a scored type needs all of them, in every complete language."""
    prefixes = ["print_how"] + (["score_cell", "score_how", "score_type"] if TYPES[name].scored else [])
    for prefix in prefixes:
        texts = STRINGS.get(f"{prefix}_{name}", {})
        assert texts.get("id") and texts.get("en"), f"{prefix}_{name}"


@pytest.mark.parametrize(
    "guide", ["quizzes/FORMAT.md", "docs/id/panduan/penulis-kuis.md", "docs/en/panduan/penulis-kuis.md"]
)
def test_every_type_is_documented(guide: str) -> None:
    text = (ROOT / guide).read_text(encoding="utf-8")
    assert [name for name in ITEM_TYPES if f"`{name}`" not in text] == []


def test_every_type_reads_its_own_keys() -> None:
    """Keys come from the types; every type allows the id, type and text every item has."""
    for name, kind in TYPES.items():
        assert KEYS[name] == kind.keys
        assert {"id", "type", "text"} <= kind.keys
        assert set(kind.required) <= kind.keys

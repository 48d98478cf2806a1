"""Everything a build must pass, in one call: the question bank, its markers and the translations.
The plugin, ``kursus check`` and the benchmark all run this, so they can never disagree."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .quiz.bank import Bank, load_bank
from .quiz.checks import Settings, check_all
from .translations.layout import Layout, load_layout
from .translations.rules import check_translation_rules


def validate(
    root: Path, quiz_paths: list[Path], pages: list[tuple[str, str]], settings: Settings
) -> tuple[Bank, Layout, list[Problem]]:
    """The bank, the translation layout and every problem, sorted. Raises ``ProjectError`` when the
    course's own set-up (mkdocs.yml) cannot be read."""
    bank, problems = load_bank(quiz_paths, root)
    layout = load_layout(root)
    found = [*problems, *check_all(bank, pages, settings), *check_translation_rules(layout, bank)]
    return bank, layout, sorted(found)

"""Everything a build must pass: the question bank, its markers, the translations and the content checks
(people, forms to avoid, session plans).
The plugin, ``kursus check`` and the benchmark all run these functions, so they can never disagree.

Two steps. ``load_bank`` reads the bank, which the pages need. ``check`` only reports, and the renderer
never fails on a bank it has not passed (tests/test_checker_fuzz.py), so the plugin runs it on
another core while MkDocs renders the pages, see ``background.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import content_findings
from .problems import Problem
from .quiz.bank import Bank, load_bank
from .quiz.checks import Settings, check_all
from .translations.layout import load_layout
from .translations.rules import translation_findings
from .translations.status import LanguageStatus


@dataclass(frozen=True)
class Findings:
    problems: list[Problem]
    translations: list[LanguageStatus]  # the status of each translated language, found on the way


def check(root: Path, bank: Bank, pages: list[tuple[str, str]], settings: Settings) -> Findings:
    """The quiz rules, the markers in ``pages``, and the translations: structure, glossary, records,
    interface strings. Raises ``ProjectError`` when the course's own set-up (mkdocs.yml) cannot be read."""
    layout = load_layout(root)
    translation_problems, statuses = translation_findings(layout, bank)
    content = content_findings(root, layout.show(layout.docs_dir), layout.source, layout.languages, pages, bank)
    return Findings([*check_all(bank, pages, settings), *translation_problems, *content], statuses)


def validate(
    root: Path, quiz_paths: list[Path], pages: list[tuple[str, str]], settings: Settings
) -> tuple[Bank, list[Problem]]:
    """The bank and every problem, sorted. Raises ``ProjectError`` like ``check``."""
    bank, problems = load_bank(quiz_paths, root)
    return bank, sorted([*problems, *check(root, bank, pages, settings).problems])

"""Checks of the course's content beyond the question bank and the translations: one person per
name, the forms each language's glossary asks authors to avoid, and session plans that add up."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem
from ..quiz.bank import Bank
from .people import check_people
from .sessions import check_session_plans
from .variants import check_variants


def content_findings(
    root: Path, docs_dir: str, source: str, languages: list[str], pages: list[tuple[str, str]], bank: Bank
) -> list[Problem]:
    """``pages`` are (path relative to ``root``, Markdown); ``docs_dir`` is relative to ``root`` too."""
    return [
        *check_people(root, docs_dir, source, pages, bank),
        *check_variants(docs_dir, languages, pages, bank),
        *check_session_plans(docs_dir, pages),
    ]

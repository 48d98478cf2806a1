"""Everything a build must pass: the files read, the question bank, its markers, the translations and the
content checks (people, forms to avoid, session plans). One pipeline: the plugin (``mkdocs build``,
``kursus build``), ``kursus check``, ``kursus print``, the benchmark and any export call these functions,
so they can never disagree.

Two steps. ``read`` reads the quiz files and the pages, which the rendering needs. ``check`` only reports,
and the renderer never fails on a bank it has not passed (tests/test_checker_fuzz.py), so the plugin runs
it on another core while MkDocs renders the pages, see ``background.py``. ``validate`` does both.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import content_findings
from .pagefiles import read_pages, unreadable
from .problems import Problem
from .project import Project, load_project
from .quiz.bank import Bank, load_bank, quiz_files
from .quiz.checks import Settings, check_all
from .quiz.folder import folder_findings
from .quiz.keymarkers import key_marker_findings
from .quiz.objectives import objective_findings
from .translations.layout import layout_of
from .translations.rules import translation_findings
from .translations.status import LanguageStatus


@dataclass(frozen=True)
class Findings:
    problems: list[Problem]
    translations: list[LanguageStatus]  # the status of each translated language, found on the way


@dataclass(frozen=True)
class Course:
    """What the checks and the rendering read: the bank, the pages, and the problems found reading them."""

    bank: Bank
    pages: list[tuple[str, str]]
    problems: list[Problem]
    files: int  # files read: quiz files and pages


def read(project: Project, quiz_paths: list[Path] | None = None) -> Course:
    """Read every quiz file (or ``quiz_paths``) and every page; unreadable files become problems."""
    paths = quiz_files(project.quizzes_dir) if quiz_paths is None else quiz_paths
    bank, problems = load_bank(paths, project.root)
    pages, unreadable_pages = read_pages(project.root, project.docs_dir)
    included = [project.root / project.kursus.abbreviations.format(language=lang) for lang in project.languages]
    folder = folder_findings(project.quizzes_dir, project.root, bank, problems)
    found = [*problems, *unreadable_pages, *unreadable(project.root, included), *folder]
    return Course(bank, pages, found, len(bank.files) + len(pages) + len(unreadable_pages))


def check(root: Path, bank: Bank, pages: list[tuple[str, str]], settings: Settings) -> Findings:
    """The quiz rules, the markers in ``pages``, and the translations: structure, glossary, records,
    interface strings. Raises ``ProjectError`` when the course's own set-up (mkdocs.yml) cannot be read."""
    project = load_project(root)
    layout = layout_of(project)
    docs = layout.show(layout.docs_dir)
    translation_problems, statuses = translation_findings(layout, bank)
    content = content_findings(root, docs, layout.source, layout.languages, pages, bank)
    keys = key_marker_findings(bank, pages, docs, layout.languages, list(project.kursus.trainer_only))
    objectives = objective_findings(bank, pages, docs, layout.languages)
    found = [*check_all(bank, pages, settings), *keys, *objectives, *translation_problems, *content]
    return Findings(found, statuses)


def validate(
    project: Project, quiz_paths: list[Path] | None = None, settings: Settings | None = None
) -> tuple[Course, list[Problem]]:
    """What was read and every problem, sorted. Raises ``ProjectError`` like ``check``."""
    course = read(project, quiz_paths)
    findings = check(project.root, course.bank, course.pages, settings or project.settings)
    return course, sorted([*course.problems, *findings.problems])

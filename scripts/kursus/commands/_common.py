"""What the commands do alike: load the course, and say on stderr why a command stops.

Every message starts with the command's name (``kursus ids: …``), so a script's log says which step
failed. Exit status 2 is for what the user asked wrongly or a course that cannot be loaded, 1 for
problems found in the course or a step that failed (each command's help says which).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from ..problems import printable
from ..project import Project, ProjectError, load_project
from ..quiz.bank import Bank, load_bank, quiz_files
from ..translations.layout import Layout, load_layout


def _shown(message: object) -> str:
    """A message as the terminal may show it: what the user typed or a file holds may contain control
    characters, which are written as escapes (line breaks of a message kept)."""
    return "\n".join(printable(line) for line in str(message).split("\n"))


def fail(command: str, message: object, status: int = 2) -> int:
    """Say why ``command`` stops; the exit status to return."""
    print(f"{command}: {_shown(message)}", file=sys.stderr)
    return status


def stop(command: str, problems: Iterable[object], outcome: str, status: int = 1, prefixed: bool = True) -> int:
    """Every problem found, then what was (not) done, e.g. 'nothing was written'. Problems already in the
    form ``path:line: CODE message`` are printed as they are (``prefixed=False``)."""
    for problem in problems:
        print(f"{command}: {_shown(problem)}" if prefixed else _shown(problem), file=sys.stderr)
    return fail(command, outcome, status)


def project_of(command: str, root: Path) -> Project | None:
    """The course's set-up (mkdocs.yml), or None once the reason is said."""
    try:
        return load_project(root)
    except ProjectError as exc:
        fail(command, exc)
        return None


def layout_of(command: str, root: Path) -> Layout | None:
    """Where the course's languages live, or None once the reason is said."""
    try:
        return load_layout(root)
    except ProjectError as exc:
        fail(command, exc)
        return None


def layout_and_bank(command: str, root: Path) -> tuple[Layout, Bank] | None:
    """The layout and the question bank as far as it can be read ('kursus check' reports its problems)."""
    layout = layout_of(command, root)
    if layout is None:
        return None
    bank, _problems = load_bank(quiz_files(layout.quizzes_dir), layout.root)
    return layout, bank

"""Every file in the quizzes folder is read or named: a quiz, the id register, the format note; anything
else (notes.txt, modul-01.yml.bak, a subfolder) gets a warning, so nothing there is ignored unseen."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem, warning
from .bank import REGISTER, UNREAD_CODES, Bank, display_path, quiz_files
from .register import read_register, register_findings

KNOWN = {REGISTER, "FORMAT.md", "README.md", ".gitkeep"}


def unexpected_files(folder: Path, root: Path) -> list[Problem]:
    if not folder.is_dir():
        return []
    read = {p.name for p in quiz_files(folder)}
    problems = []
    for path in sorted(folder.iterdir()):
        if path.name in read or path.name in KNOWN:
            continue
        kind = "folder" if path.is_dir() else "file"
        problems.append(
            warning(
                display_path(path, root),
                1,
                "Q025",
                f"{kind} {path.name} in the quizzes folder is not read",
                "quizzes are named modul-NN.yml; move other files out of the folder",
            )
        )
    return problems


def folder_findings(folder: Path, root: Path, bank: Bank, loading: list[Problem]) -> list[Problem]:
    """Unexpected files, and the id register against the bank (when the course keeps one)."""
    path = folder / REGISTER
    register, problems = read_register(path, display_path(path, root))
    if register is not None:
        # Ids of a module whose file could not be read are not gone, only unread: they follow from it
        # (bank.broken); where the module of an unread file is not known, none can be said to be gone.
        unknown = {p.path for p in loading if p.code in UNREAD_CODES} - {c.path for c in bank.broken.values()}
        problems += register_findings(register, bank, complete=not unknown)
    return [*unexpected_files(folder, root), *problems]

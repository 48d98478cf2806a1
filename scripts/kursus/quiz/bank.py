"""Load every quiz file into one bank: the single entry point for the checker, the build and tools."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import shown
from ..problems import FILE_LEVEL, Problem, error
from ..rawtext import RawTextError, TooLargeError, read
from .model import Group, Question, Quiz, read_quiz
from .modules import from_file_name, order
from .source import MAX_BYTES, YamlLimitError, YamlSyntaxError, parse

UNREAD_CODES = FILE_LEVEL  # a file that could not be read or parsed at all


@dataclass
class Bank:
    quizzes: list[Quiz] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # module (from the file name, modul-07.yml -> m07) -> the problem that kept its file from being read:
    # checks mark what follows from it (a marker pointing to the module, ids missing from the register)
    broken: dict[str, Problem] = field(default_factory=dict)

    def unread(self, ref: str) -> Problem | None:
        """The file-level problem that kept ``ref``'s module (m07, m07.q03) from being read, if any."""
        return self.broken.get(ref.split(".")[0])

    def module(self, module: str) -> Quiz | None:
        return next((q for q in self.quizzes if q.module == module), None)

    def questions(self) -> list[Question]:
        return [q for quiz in self.quizzes for q in quiz.questions()]

    def find(self, ref: str) -> Quiz | Group | Question | None:
        """A module ('m01'), a scenario group ('m01.s01') or a question ('m01.q03')."""
        for quiz in self.quizzes:
            if quiz.module == ref:
                return quiz
            for item in quiz.items:
                if item.id == ref:
                    return item
                if isinstance(item, Group):
                    found = next((q for q in item.questions if q.id == ref), None)
                    if found:
                        return found
        return None


REGISTER = "daftar-id.yml"  # the register of question ids (register.py), not a quiz


def quiz_files(folder: Path) -> list[Path]:
    """Every quiz file: .yml, and .yaml too, which would otherwise be skipped without a word (its name
    is then reported, Q023). Other files in the folder are named by folder.py."""
    found = [*folder.glob("*.yml"), *folder.glob("*.yaml")]
    return sorted(p for p in found if not p.name.startswith("_") and p.name != REGISTER)


def load_bank(paths: list[Path], root: Path | None = None) -> tuple[Bank, list[Problem]]:
    """Read and parse each file; unreadable or malformed files become problems, never exceptions."""
    # The bank is many small objects that all live to the end: the cyclic collector would rescan
    # them again and again (time grew faster than the bank). Pause it while building.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load(paths, root)
    finally:
        if paused:
            gc.enable()


def _load(paths: list[Path], root: Path | None) -> tuple[Bank, list[Problem]]:
    bank = Bank()
    problems: list[Problem] = []
    for path in paths:
        shown = display_path(path, root)
        bank.files.append(shown)
        before = len(problems)
        quiz = _load_one(path, shown, problems)
        if quiz is not None:
            bank.quizzes.append(quiz)
        elif len(problems) > before and problems[before].code in UNREAD_CODES and (module := from_file_name(path.name)):
            bank.broken.setdefault(module, problems[before])
    bank.quizzes.sort(key=lambda quiz: order(quiz.module))  # the pre-course check first, the post one last
    return bank, problems


def _load_one(path: Path, shown: str, problems: list[Problem]) -> Quiz | None:
    """One file's quiz, or None with the file-level problem (Q001-Q003) appended."""
    try:
        text = read(path, MAX_BYTES)
    except FileNotFoundError:
        problems.append(error(shown, 1, "Q002", "file not found", "check the path"))
        return None
    except OSError as exc:
        problems.append(error(shown, 1, "Q002", f"cannot read the file: {exc.strerror or exc}", "check the path"))
        return None
    except TooLargeError as exc:
        problems.append(error(shown, exc.line, "Q003", exc.message, exc.hint))
        return None
    except RawTextError as exc:
        problems.append(error(shown, exc.line, "Q002", exc.message, exc.hint))
        return None
    try:
        data = parse(text)
    except YamlLimitError as exc:
        problems.append(error(shown, exc.line, "Q003", exc.message, exc.hint))
        return None
    except YamlSyntaxError as exc:
        hint = exc.hint or "check indentation and quote texts that contain ': ' or start with a symbol"
        problems.append(error(shown, exc.line, "Q001", exc.message, hint))
        return None
    quiz, found = read_quiz(shown, data)
    problems.extend(found)
    return quiz


def display_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` where it lies inside it, as problems show it."""
    return shown(path, root)

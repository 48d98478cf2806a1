"""The course's Markdown pages, read once for the checks, the build and print.

A page that is not UTF-8 text (or holds a control character) is a problem at its line, not a
traceback from deep inside MkDocs; the build stops on it before MkDocs reads the pages itself.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem, error
from .rawtext import RawTextError, read


def unreadable(root: Path, paths: list[Path]) -> list[Problem]:
    """A problem for each of ``paths`` (Markdown the pages include, such as the abbreviations) that
    exists but is not UTF-8 text: the build reads them before any page."""
    problems = []
    for path in paths:
        if not path.is_file():
            continue
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        try:
            read(path)
        except RawTextError as exc:
            problems.append(error(shown, exc.line, "D001", f"cannot read the file: {exc.message}", exc.hint))
        except OSError as exc:
            problems.append(error(shown, 1, "D001", f"cannot read the file: {exc.strerror or exc}", "check the file"))
    return problems


def read_pages(root: Path, docs_dir: Path) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(path relative to ``root``, Markdown) of every readable page, and a problem for each other one."""
    pages: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        try:
            pages.append((shown, read(path)))
        except RawTextError as exc:
            problems.append(error(shown, exc.line, "D001", f"cannot read the page: {exc.message}", exc.hint))
        except OSError as exc:
            problems.append(error(shown, 1, "D001", f"cannot read the page: {exc.strerror or exc}", "check the file"))
    return pages, problems

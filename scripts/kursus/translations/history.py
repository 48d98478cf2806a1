"""Old source versions from git, for ``kursus translations diff``. Reading only: nothing here
changes the repository."""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from ..quiz.model import read_quiz
from ..quiz.source import YamlSyntaxError, parse
from .layout import text_hash

HISTORY_DEPTH = 200  # commits searched for an old quiz text


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    try:
        return done.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None


def old_page(root: Path, blob: str) -> str | None:
    """The content of a source page by its blob id, if git has it (it was committed or staged)."""
    return _git(root, "cat-file", "blob", blob)


def old_quiz_text(root: Path, quiz_path: str, label: str, source: str, wanted: str) -> str | None:
    """The source text of ``label`` whose fingerprint is ``wanted``, from the staged file or the last
    commits that touched ``quiz_path``."""
    listing = _git(root, "log", f"-n{HISTORY_DEPTH}", "--format=%H", "--", quiz_path) or ""
    for revision in ["", *listing.split()]:
        text = _git(root, "show", f"{revision}:{quiz_path}")
        if text is None:
            continue
        try:
            quiz, _problems = read_quiz(quiz_path, parse(text))
        except YamlSyntaxError:
            continue
        for ref in quiz.texts if quiz else []:
            if ref.label == label and text_hash(ref.values.get(source, "")) == wanted:
                return ref.values[source]
    return None


def unified(old: str, new: str, old_name: str, new_name: str) -> list[str]:
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), old_name, new_name, n=3
        )
    ]

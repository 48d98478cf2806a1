"""Answer-key markers (``<!-- kunci: m01 -->``): only on trainer pages, and only with a module id.

A key on a page learners see would hand them the answers (the trainer's site shows it; the learner's
edition drops it without a word), and a key given a question id renders nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..audience import is_trainer_only, page_path
from ..problems import Problem, error
from .bank import Bank
from .markers import find_markers
from .model import Group, Question


def key_marker_findings(
    bank: Bank, pages: list[tuple[str, str]], docs: str, languages: Iterable[str], trainer_only: list[str]
) -> list[Problem]:
    """``pages`` are (path from the course root, Markdown); ``docs`` is the docs folder as shown there."""
    problems: list[Problem] = []
    prefix = docs.rstrip("/") + "/"
    for path, text in pages:
        rel = page_path(path.removeprefix(prefix), languages)
        for marker in find_markers(text):
            if marker.kind != "kunci":
                continue
            target = bank.find(marker.ref)
            if isinstance(target, Question | Group):
                kind = "question" if isinstance(target, Question) else "scenario group"
                module = marker.ref.split(".")[0]
                problems.append(
                    error(
                        path,
                        marker.line,
                        "M004",
                        f"marker 'kunci: {marker.ref}' names a {kind}; an answer key is for a whole module",
                        f"write <!-- kunci: {module} -->",
                    )
                )
            if not is_trainer_only(rel, trainer_only):
                problems.append(
                    error(
                        path,
                        marker.line,
                        "M005",
                        f"answer key 'kunci: {marker.ref}' on a page learners see",
                        f"move it to a trainer page: {', '.join(trainer_only)} (trainer_only in mkdocs.yml)",
                    )
                )
    return problems

"""What the browser needs to show progress: the modules, their questions and points."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from .quiz.bank import Bank


def module_dir(module: str) -> str:
    """The pages of module ``m01`` live in ``modul-01/``."""
    return f"modul-{module[1:]}"


def manifest(bank: Bank, language: str, fallback: str) -> list[dict[str, Any]]:
    return [
        {
            "id": quiz.module,
            "title": quiz.title.get(language) or quiz.title.get(fallback, quiz.module),
            "dir": module_dir(quiz.module),
            "questions": [{"id": q.id, "points": q.points if q.scored else 0} for q in quiz.questions()],
        }
        for quiz in bank.quizzes
    ]


def progress_table(
    bank: Bank, language: str, fallback: str, t: Callable[[str], str], link: Callable[[str], str]
) -> str:
    rows = []
    for quiz in bank.quizzes:
        title = escape(quiz.title.get(language) or quiz.title.get(fallback, quiz.module))
        rows.append(
            f'<tr data-module="{escape(quiz.module)}"><td><a href="{escape(link(module_dir(quiz.module)))}">'
            f'{title}</a></td><td class="kk-p-done">{escape(t("not_started"))}</td>'
            f'<td class="kk-p-score">–</td></tr>'
        )
    return (
        '<form class="kk-progress" data-search-exclude>'
        f'<table><thead><tr><th scope="col">{escape(t("module"))}</th><th scope="col">{escape(t("progress"))}</th>'
        f'<th scope="col">{escape(t("score"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<p class="kk-progress__actions"><button type="button" class="md-button md-button--primary" '
        f'data-act="export">{escape(t("export"))}</button> <label class="md-button" for="kk-import">'
        f'{escape(t("import"))}</label><input type="file" id="kk-import" accept=".json,application/json" '
        f'class="kk-visually-hidden"></p><p class="kk-progress__msg" role="status" aria-live="polite"></p></form>'
    )

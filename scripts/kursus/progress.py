"""What the browser needs to show progress: the modules, their questions and points."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from .quiz.bank import Bank
from .quiz.model import Question
from .quiz.modules import base_name, feedback, form, home_page, number
from .quiz.types import kind
from .scoring.codes import shape, version_tag
from .scoring.model import scored_questions
from .scoring.statement import course_tag, module_quizzes


def module_dir(module: str) -> str:
    """The pages of module ``m01`` live in ``modul-01/``; a pre/post check is the page ``tes-awal.md``."""
    return base_name(module)


def manifest(bank: Bank, language: str, fallback: str) -> list[dict[str, Any]]:
    return [
        {
            "id": quiz.module,
            "title": quiz.title.get(language) or quiz.title.get(fallback, quiz.module),
            "page": home_page(quiz.module),  # what "My progress" links to, inside the language folder
            "form": form(quiz.module) is not None,  # a pre/post course check, not a module to pass
            "feedback": feedback(quiz.module),  # "deferred": verdicts only after the whole form is submitted
            # type and size let the browser check a stored answer's shape before using it (kursus-storage.js)
            "questions": [
                {"id": q.id, "points": q.points if q.scored else 0, "type": q.type, "n": size(q)}
                for q in quiz.questions()
            ],
        }
        for quiz in bank.quizzes
    ]


def size(q: Question) -> int:
    """Options, steps, pairs or self-check points: how many items an answer may refer to."""
    return len(q.options) or len(q.steps) or len(q.pairs) or len(q.checklist)


def progress_table(
    bank: Bank,
    language: str,
    fallback: str,
    t: Callable[[str], str],
    link: Callable[[str], str],
    shown_in: Mapping[str, str] | None = None,
) -> str:
    """``shown_in``: questions shown whole in another language (``Renderer.shown_in``), judged in it."""
    shown_in = shown_in or {}
    rows = []
    for quiz in bank.quizzes:
        title = escape(quiz.title.get(language) or quiz.title.get(fallback, quiz.module))
        # What kursus-codes.js needs to make a result code (scoring/codes.py): the version tag and each scored
        # question's type and size. Only this page carries it, so other pages stay small.
        code_data = escape(json.dumps(shape(quiz), separators=(",", ":")), quote=True)
        keys = {q.id: kind(q).browser_key(q, shown_in.get(q.id, language), fallback) for q in scored_questions(quiz)}
        key_data = escape(json.dumps(keys, separators=(",", ":"), ensure_ascii=False), quote=True)
        rows.append(
            f'<tr data-module="{escape(quiz.module)}" data-number="{number(quiz.module)}" '
            f'data-tag="{version_tag(quiz, fallback)}" data-shape="{code_data}" data-key="{key_data}">'
            f'<td><a href="{escape(link(home_page(quiz.module)))}">'
            f'{title}</a></td><td class="kk-p-done">{escape(t("not_started"))}</td>'
            f'<td class="kk-p-score">–</td><td class="kk-p-code"><button type="button" class="md-button" '
            f'data-act="code">{escape(t("make_code"))}</button></td></tr>'
        )
    return (
        '<form class="kk-progress" data-search-exclude>'
        f'<table><thead><tr><th scope="col">{escape(t("module"))}</th><th scope="col">{escape(t("progress"))}</th>'
        f'<th scope="col">{escape(t("score"))}</th><th scope="col">{escape(t("result_code"))}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<div class="kk-code" hidden><label class="kk-code__label" for="kk-code-value"></label>'
        f'<p class="kk-code__row"><input type="text" id="kk-code-value" class="kk-code__value" readonly '
        f'spellcheck="false" autocomplete="off"> <button type="button" class="md-button" data-act="copy">'
        f'{escape(t("copy_code"))}</button></p><p class="kk-code__note"></p>'
        f'<p class="kk-code__msg" role="status" aria-live="polite"></p></div>'
        f'<p class="kk-progress__actions"><button type="button" class="md-button md-button--primary" '
        f'data-act="export">{escape(t("export"))}</button> <label class="md-button" for="kk-import">'
        f'{escape(t("import"))}</label><input type="file" id="kk-import" accept=".json,application/json" '
        f'class="kk-visually-hidden"></p><p class="kk-progress__msg" role="status" aria-live="polite"></p>'
        # Where no file can be saved or chosen (the Kiwix app on a phone), progress travels as text.
        f'<details class="kk-progress__text"><summary>{escape(t("progress_text"))}</summary>'
        f"<p>{escape(t('progress_text_help'))}</p>"
        f'<p><label for="kk-progress-text">{escape(t("progress_text_label"))}</label></p>'
        f'<textarea id="kk-progress-text" rows="4" spellcheck="false" autocomplete="off"></textarea>'
        f'<p class="kk-progress__actions"><button type="button" class="md-button" data-act="text-show">'
        f'{escape(t("progress_text_show"))}</button> <button type="button" class="md-button" data-act="text-copy">'
        f'{escape(t("progress_text_copy"))}</button> <button type="button" class="md-button" data-act="text-load">'
        f"{escape(t('progress_text_load'))}</button></p>"
        f'<p class="kk-progress__textmsg" role="status" aria-live="polite"></p></details></form>'
    )


def statement_block(bank: Bank, language: str, fallback: str, t: Callable[[str], str], pass_mark: int) -> str:
    """The completion statement (kursus-statement.js fills it in): what is left, or the printable sheet.

    Everything it says is written here, in the page's language, so the strings stay off other pages;
    the templates the script fills in travel as data attributes."""
    rows = "".join(
        f'<tr data-module="{escape(quiz.module)}"><td>{escape(quiz.module[1:].lstrip("0"))}. '
        f"{escape(quiz.title.get(language) or quiz.title.get(fallback, quiz.module))}</td>"
        f'<td class="kk-st-date"></td><td class="kk-st-score"></td></tr>'
        for quiz in module_quizzes(bank)
    )
    data = {
        "tag": course_tag(bank, fallback),
        "lang": language,
        "left": t("statement_left"),
        "state": t("statement_module_state"),
        "module": t("module"),
        "printed": t("statement_printed"),
    }
    attributes = "".join(f' data-{key}="{escape(value, quote=True)}"' for key, value in data.items())
    return (
        f'<div class="kk-statement" data-search-exclude{attributes}>'
        '<p class="kk-statement__left" role="status" aria-live="polite"></p>'
        '<div class="kk-statement__ready" hidden>'
        f"<p>{escape(t('statement_ready'))}</p>"
        f'<p><label for="kk-statement-name">{escape(t("statement_name"))}</label><br>'
        '<input type="text" id="kk-statement-name" class="kk-statement__input" maxlength="120" '
        'autocomplete="name" spellcheck="false"></p>'
        f'<p><button type="button" class="md-button md-button--primary" data-act="print-statement">'
        f"{escape(t('statement_print'))}</button></p>"
        '<article class="kk-statement__sheet">'
        f'<p class="kk-statement__title">{escape(t("statement_title"))}</p>'
        f'<p class="kk-statement__course">{escape(t("statement_course"))}</p>'
        f'<p class="kk-statement__who">{escape(t("statement_name_label"))}: '
        '<strong class="kk-statement__name"></strong></p>'
        f"<p>{escape(t('statement_body').format(mark=pass_mark))}</p>"
        f'<table class="kk-statement__modules"><thead><tr><th scope="col">{escape(t("module"))}</th>'
        f'<th scope="col">{escape(t("statement_col_date"))}</th>'
        f'<th scope="col">{escape(t("statement_col_score"))}</th></tr></thead><tbody>{rows}</tbody></table>'
        f'<p class="kk-statement__codeline">{escape(t("statement_code"))}: '
        '<code class="kk-statement__code"></code></p>'
        f'<p class="kk-statement__note">{escape(t("statement_not_certificate"))}</p>'
        '<p class="kk-statement__printed"></p>'
        "</article></div></div>"
    )

"""Learning objectives: what ``objective: m05.t3`` points to, and the rules of the pre/post course check.

``m05.t3`` is the 3rd bullet of the list under the heading ``## … {#tujuan}`` in
``docs/<lang>/modul-05/index.md``. The reference must name a bullet in every language that has the page.
Every item of the two forms (``modules.FORMS``) names one; the forms are parallel (``awal.qNN`` and
``akhir.qNN`` test the same objective) and together reach every module of the course."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, error, warning
from .bank import Bank
from .items import Question, Quiz
from .model import Group
from .modules import FORMS, OBJECTIVE, POST, PRE, base_name, quiz_file

_HEADING = re.compile(r"^(#{1,6})\s.*\{#tujuan\}\s*$")
_ANY_HEADING = re.compile(r"^#{1,6}\s")
_BULLET = re.compile(r"^(?:[-*+]|\d{1,2}[.)])\s+(.*\S)\s*$")  # "- …" or a numbered "1. …"


@dataclass(frozen=True)
class Objective:
    line: int
    text: str


def read_objectives(markdown: str) -> list[Objective]:
    """The entries of the first list (bulleted or numbered) under the ``{#tujuan}`` heading; lines count
    from 1."""
    found: list[Objective] = []
    inside = False
    for number, line in enumerate(markdown.splitlines(), 1):
        if not inside:
            inside = bool(_HEADING.match(line))
            continue
        if _ANY_HEADING.match(line):
            break
        bullet = _BULLET.match(line)
        if bullet:
            found.append(Objective(number, bullet.group(1).rstrip(";.,")))
        elif found and line.strip() and not line.startswith((" ", "\t")):
            break  # the list has ended
    return found


def module_page(module: str) -> str:
    """``m05`` -> ``modul-05/index.md``, the page inside a language folder that lists its objectives."""
    return f"{base_name(module)}/index.md"


def objective_text(docs_dir: Path, reference: str, language: str, fallback: str) -> str:
    """The words of objective ``m05.t3`` in ``language`` (the fallback's when that page lacks it); "" if none."""
    match = OBJECTIVE.match(reference)
    if not match:
        return ""
    index = int(match.group(2)) - 1
    for lang in dict.fromkeys((language, fallback)):
        page = docs_dir / lang / module_page(f"m{match.group(1)}")
        try:
            found = read_objectives(page.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if 0 <= index < len(found):
            return found[index].text
    return ""


def _check_reference(
    q: Question, lists: dict[str, dict[str, tuple[str, int]]], languages: Iterable[str], docs: str
) -> Iterable[Problem]:
    match = OBJECTIVE.match(q.objective)
    if not match:
        return
    module, wanted = f"m{match.group(1)}", int(match.group(2))
    pages = lists.get(module, {})
    if not pages:
        shown = f"{docs}/<lang>/{module_page(module)}"
        yield error(
            q.path,
            q.objective_line,
            "Q091",
            f"{q.id}: objective {q.objective} names module {module}, which has no page {shown}",
            "check the module number",
        )
        return
    for language in languages:
        if language not in pages:
            continue  # the page falls back to another language's, which is checked there
        path, count = pages[language]
        if not 1 <= wanted <= count:
            yield error(
                q.path,
                q.objective_line,
                "Q091",
                f"{q.id}: objective {q.objective} does not exist: module {module} has {count} learning "
                f"objectives in {path}",
                f"use m{match.group(1)}.t1 to m{match.group(1)}.t{count}" if count else "add the {#tujuan} list",
            )


def _form_items(quiz: Quiz) -> Iterable[Problem]:
    spec = FORMS[quiz.module]
    for item in quiz.items:
        if isinstance(item, Group):
            yield error(
                item.path,
                item.line,
                "Q092",
                f"{item.id}: a scenario group in the {quiz.module} form",
                f"the pre/post forms use single questions of type {', '.join(sorted(spec.types))}",
            )
            continue
        if item.type not in spec.types:
            yield error(
                item.path,
                item.line,
                "Q092",
                f"{item.id}: type {item.type} is not used in the {quiz.module} form",
                f"use {', '.join(sorted(spec.types))}: scored, and marked the same on paper",
            )
        if not item.objective and not item.objective_line:
            yield error(
                item.path,
                item.line,
                "Q092",
                f"{item.id}: every item of the {quiz.module} form needs 'objective'",
                "name the learning objective it tests, e.g. objective: m05.t3",
            )


def _parallel(pre: Quiz, post: Quiz) -> Iterable[Problem]:
    before = {q.id.split(".", 1)[1]: q for q in pre.questions()}
    after = {q.id.split(".", 1)[1]: q for q in post.questions()}
    if len(before) != len(after):
        yield error(
            post.path,
            1,
            "Q093",
            f"the {post.module} form has {len(after)} items and the {pre.module} form ({pre.path}) {len(before)}",
            "the two forms are parallel: give them the same number of items",
        )
    for number, q in after.items():
        other = before.get(number)
        if other is None:
            yield error(
                q.path,
                q.line,
                "Q093",
                f"{q.id} has no parallel item {pre.module}.{number}",
                f"add {pre.module}.{number} to {pre.path}, testing the same objective",
            )
        elif q.objective and other.objective and q.objective != other.objective:
            yield error(
                q.path,
                q.objective_line or q.line,
                "Q093",
                f"{q.id} tests {q.objective} but {other.id} tests {other.objective} ({other.path}:{other.line})",
                "parallel items test the same objective",
            )
    for number, q in before.items():
        if number not in after:
            yield error(
                q.path,
                q.line,
                "Q093",
                f"{q.id} has no parallel item {post.module}.{number}",
                f"add {post.module}.{number} to {post.path}, testing the same objective",
            )


def _coverage(form: Quiz, modules: list[str]) -> Iterable[Problem]:
    reached = {f"m{m.group(1)}" for q in form.questions() if (m := OBJECTIVE.match(q.objective))}
    missing = [m for m in modules if m not in reached]
    if missing:
        yield warning(
            form.path,
            1,
            "Q094",
            f"the {form.module} form tests no objective of {', '.join(missing)}",
            "give every module at least one item",
        )


def objective_findings(bank: Bank, pages: list[tuple[str, str]], docs: str, languages: list[str]) -> list[Problem]:
    """``pages`` are (path from the course root, Markdown) of every language; ``docs`` the docs folder as
    shown there."""
    prefix = docs.rstrip("/") + "/"
    lists: dict[str, dict[str, tuple[str, int]]] = {}
    for path, text in pages:
        language, _, rel = path.removeprefix(prefix).partition("/")
        match = re.fullmatch(r"modul-(\d{2})/index\.md", rel)
        if match and language in languages:
            lists.setdefault(f"m{match.group(1)}", {})[language] = (path, len(read_objectives(text)))
    problems: list[Problem] = []
    for q in bank.questions():
        problems.extend(_check_reference(q, lists, languages, docs.rstrip("/")))
    forms = {quiz.module: quiz for quiz in bank.quizzes if quiz.module in FORMS}
    for quiz in forms.values():
        problems.extend(_form_items(quiz))
        problems.extend(_coverage(quiz, sorted(q.module for q in bank.quizzes if q.module not in FORMS)))
    pre, post = forms.get(PRE.id), forms.get(POST.id)
    if pre and post:
        problems.extend(_parallel(pre, post))
    elif pre or post:
        have, lacking = (pre, POST) if pre else (post, PRE)
        assert have is not None
        problems.append(
            error(
                have.path,
                1,
                "Q093",
                f"the {have.module} form has no parallel form {lacking.id}",
                f"add quizzes/{quiz_file(lacking.id)} with the same objectives",
            )
        )
    return problems

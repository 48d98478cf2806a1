"""The one place that knows what a module id is: ``m01`` … ``m99`` (a module of the course, pages in
``modul-NN/``, quiz in ``quizzes/modul-NN.yml``) and the course-wide pre/post checks in ``FORMS``
(``awal``, ``akhir``: one page and one quiz file each). Everything else (ids, file names, result codes,
pages, print file names, the progress page) asks here instead of assuming ``m`` + two digits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Feedback = Literal["immediate", "deferred"]


@dataclass(frozen=True)
class Form:
    """A course-wide check given before (``awal``) or after (``akhir``) the course."""

    id: str
    name: str  # file and page base name: quizzes/<name>.yml, docs/<lang>/<name>.md, dist/<lang>/<name>-….pdf
    number: int  # the two digits that stand for it in a result code (modules use their own number)
    types: frozenset[str]  # question types a form may use: scored, and marked the same on paper
    # "deferred": on screen, no verdict or feedback until the whole form is submitted (kursus-quiz.js),
    # so that a check before the course does not teach its own answers; modules give feedback at once
    feedback: Feedback = "immediate"


_PAPER_TYPES = frozenset({"single", "multiple", "truefalse"})
FORMS: dict[str, Form] = {
    "awal": Form("awal", "tes-awal", 91, _PAPER_TYPES, feedback="deferred"),  # pre-course check
    "akhir": Form("akhir", "tes-akhir", 92, _PAPER_TYPES, feedback="deferred"),  # post-course check, parallel to awal
}
PRE, POST = FORMS["awal"], FORMS["akhir"]

_IDS = "|".join([r"m\d{2}", *map(re.escape, FORMS)])
MODULE_ID = re.compile(rf"^(?:{_IDS})$")
QUESTION_ID = re.compile(rf"^({_IDS})\.q\d{{2,3}}$")
GROUP_ID = re.compile(rf"^({_IDS})\.s\d{{2}}$")
OBJECTIVE = re.compile(r"^m(\d{2})\.t(\d{1,2})$")  # the Nth bullet of module NN's learning objectives


def form(module: str) -> Form | None:
    return FORMS.get(module)


def feedback(module: str) -> Feedback:
    """When a learner on screen sees verdicts and feedback: at once (modules) or after submitting (forms)."""
    found = FORMS.get(module)
    return found.feedback if found else "immediate"


def base_name(module: str) -> str:
    """``m01`` -> ``modul-01`` (its folder of pages, its quiz file's and PDFs' stem); ``awal`` -> ``tes-awal``."""
    found = FORMS.get(module)
    return found.name if found else f"modul-{module[1:]}"


def quiz_file(module: str) -> str:
    return f"{base_name(module)}.yml"


def quiz_page(module: str) -> str:
    """The page (inside a language folder) that holds the module's whole quiz."""
    found = FORMS.get(module)
    return f"{found.name}.md" if found else f"{base_name(module)}/latihan.md"


def home_page(module: str) -> str:
    """The page the progress table links to, as built HTML inside a language folder."""
    found = FORMS.get(module)
    return f"{found.name}.html" if found else f"{base_name(module)}/index.html"


def number(module: str) -> int:
    """The module's number in result codes: 1 for m01, the form's own number for awal and akhir."""
    found = FORMS.get(module)
    return found.number if found else int(module[1:])


def from_number(value: int) -> str:
    """The module id a result code's two digits stand for."""
    return next((f.id for f in FORMS.values() if f.number == value), f"m{value:02d}")


def label(module: str) -> str:
    """What a printed title calls it after "Modul": ``1`` for m01; a form is named by its own title."""
    return "" if module in FORMS else str(int(module[1:]))


def order(module: str) -> tuple[int, str]:
    """Course order: the pre-course check first, then the modules, the post-course check last."""
    return (0 if module == PRE.id else 2 if module == POST.id else 1, module)


def from_file_name(name: str) -> str | None:
    """``modul-03.yml`` -> ``m03``; ``tes-awal.yml`` -> ``awal``; anything else -> None."""
    stem = name.rsplit(".", 1)[0]
    found = next((f.id for f in FORMS.values() if f.name == stem), None)
    if found:
        return found
    match = re.fullmatch(r"modul-(\d{2})", stem)
    return f"m{match.group(1)}" if match else None

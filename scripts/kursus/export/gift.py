"""The whole question bank in Moodle GIFT, one category per module, in one language.

What GIFT cannot carry is degraded in a documented way (``DEGRADATIONS``), and the export says how
often: ordering questions become matching to positions; a scenario's case text is repeated in each of
its questions; reflective questions become essays with the model answer and self-check as general
feedback; hints go into the general feedback; multiple-response questions get partial credit.
"""

from __future__ import annotations

from collections import Counter

from ..quiz.bank import Bank
from ..quiz.model import Group, Question, Quiz
from ..quiz.render import Renderer
from ..quiz.types import kind
from ..quiz.types.gift import gift_block, gift_text, labelled
from .exported import ExportedBank

DEGRADATIONS = {
    "scenario": "scenario questions carry their group's case text at the start (repeated in each question)",
    "ordering_as_matching": "ordering questions are matching questions: each step to its position (1 = first); "
    "their correct/incorrect feedback is in the general feedback",
    "matching_verdicts": "matching questions' correct/incorrect feedback is in the general feedback",
    "short_incorrect": "short answers' feedback for a wrong answer is in the general feedback",
    "multiple_partial": "multiple-response questions give partial credit (each correct option 100/k %, "
    "each wrong one -100 %); GIFT has no all-or-nothing",
    "reflective_as_essay": "reflective questions are essays; the model answer and self-check points are the "
    "general feedback",
    "hint": "hints are in the general feedback (shown after answering, not on request before)",
    "points": "points other than 1 are not carried (GIFT has no marks); set the default mark in Moodle",
}


def category(course: str, quiz: Quiz, r: Renderer) -> str:
    """Moodle's category path: course / module; a '/' in a title would start a subcategory."""
    title = r.text(quiz.title).replace("/", "-").replace("\n", " ").strip()
    return f"$CATEGORY: $course$/{course}/{quiz.module} {title}".rstrip()


def question(r: Renderer, q: Question, case: str, degraded: Counter[str]) -> str:
    """One question: ``::id::[markdown]text{answers####general feedback}``."""
    text = gift_block(r.text(q.text))
    if case:
        text = f"{labelled(r.t('case'), gift_block(case))}\\n\\n{text}"
        degraded["scenario"] += 1
    answer = kind(q).gift(r, q)
    if answer.degraded:
        degraded[answer.degraded] += 1
    general = []
    if r.text(q.explanation):
        general.append(gift_block(r.text(q.explanation)))
    general.extend(answer.general)
    if r.text(q.hint):
        general.append(labelled(r.t("hint"), gift_block(r.text(q.hint))))
        degraded["hint"] += 1
    if q.points != 1 and q.scored:
        degraded["points"] += 1
    body = answer.body
    if general:
        feedback = "####" + "\\n\\n".join(general)
        body += f"\t{feedback}\n" if body.endswith("\n") else feedback
    return f"// {q.id} ({q.type})\n::{gift_text(q.id)}::[markdown]{text}{{{body}}}\n"


def gift_bank(bank: Bank, r: Renderer, course: str) -> ExportedBank:
    """Every item of every module in ``r``'s language; a question or scenario group not complete in it is
    given whole in its fallback language (``Renderer.within``), as on the website, and counted."""
    out = ExportedBank(DEGRADATIONS)
    parts = [
        f"// {course}: question bank ({r.lang}), written by 'kursus export gift'. Edit the quiz files, not this.\n"
    ]
    body: list[str] = []
    for quiz in bank.quizzes:
        out.categories += 1
        body.append(f"{category(course, quiz, r)}\n")
        for item in quiz.items:
            within = r.within(item)
            case = within.text(item.case) if isinstance(item, Group) else ""
            for q in item.questions if isinstance(item, Group) else [item]:
                note = ""
                if within.falls_back:
                    note = f"// not complete in {r.lang}: given whole in {within.lang}\n"
                    out.fell_back[within.lang] += 1
                body.append(note + question(within, q, case, out.degraded))
                out.questions += 1
    if out.degraded:
        parts.append("// What GIFT cannot carry as it is:\n")
        parts.extend(f"//   {line}\n" for line in out.report())
    if out.fell_back:
        parts.append("// Not yet translated:\n")
        parts.extend(f"//   {line}\n" for line in out.fallback_report(r.lang))
    out.text = "\n".join(["".join(parts), *body])
    return out

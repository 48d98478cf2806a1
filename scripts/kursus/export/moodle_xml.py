"""The whole question bank in Moodle XML, one category per module, in one language.

Moodle XML carries more than GIFT: marks, hints, per-option feedback, feedback for a correct, partly
correct and incorrect answer, shuffling and the grader's information. What it cannot carry with Moodle's
core question types is degraded in a documented way (``DEGRADATIONS``) and the export says how often.
Each type's part comes from the question-type registry (``quiz.types``, ``QuestionType.moodle``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from html import escape

from ..quiz.bank import Bank
from ..quiz.markup import block
from ..quiz.model import Group, Question, Quiz
from ..quiz.render import Renderer
from ..quiz.types import kind
from ..quiz.types.moodle import html, texted, value
from .exported import ExportedBank
from .gift import category

DEGRADATIONS = {
    "scenario": "scenario questions carry their group's case text at the start (repeated in each question)",
    "ordering_as_matching": "ordering questions are matching questions (Moodle's ordering type is a plugin): "
    "each step to its position (1 = first), steps shuffled",
    "multiple_partial": "multiple-response questions give partial credit (the correct options share 100 %, "
    "each wrong one -100 %, never below 0); core Moodle has no all-or-nothing",
    "reflective_as_essay": "reflective questions are essays with mark 0; the model answer and self-check "
    "points are the grader's information and the general feedback",
    "short_matching": "short answers are matched ignoring case only (Moodle does not ignore accents or extra spaces)",
    "hint": "hints are Moodle hints: shown after a wrong try in the 'interactive with multiple tries' "
    "behaviour, not on request before answering",
    "hint_in_general": "hints of essays are in the general feedback (Moodle's essays have no hints)",
}


def labelled(label: str, markup: str) -> str:
    return f"<p><strong>{escape(label)}:</strong></p>{markup}"


def category_element(course: str, quiz: Quiz, r: Renderer) -> ET.Element:
    """Moodle's category question: the same path as the GIFT export's ``$CATEGORY``."""
    element = ET.Element("question", type="category")
    element.append(texted("category", category(course, quiz, r).removeprefix("$CATEGORY: ")))
    element.append(html("info", ""))
    return element


def question(r: Renderer, q: Question, case: str, degraded: Counter[str]) -> ET.Element:
    part = kind(q).moodle(r, q)
    degraded.update(part.degraded)
    text = block(r.text(q.text))
    if case:
        text = labelled(r.t("case"), block(case)) + "<hr>" + text
        degraded["scenario"] += 1
    general = [block(r.text(q.explanation))] if r.text(q.explanation) else []
    general += part.general
    hint = block(r.text(q.hint))
    if hint and not part.hints:
        general.append(labelled(r.t("hint"), hint))
        degraded["hint_in_general"] += 1
    element = ET.Element("question", type=part.qtype)
    element.append(texted("name", q.id))
    element.append(html("questiontext", text))
    element.append(html("generalfeedback", "".join(general)))
    element.append(value("defaultgrade", str(q.points if q.scored else 0)))
    element.append(value("penalty", part.penalty))
    element.append(value("hidden", "0"))
    element.append(value("idnumber", q.id))
    element.extend(part.parts)
    if hint and part.hints:
        element.append(html("hint", hint))
        degraded["hint"] += 1
    return element


def moodle_bank(bank: Bank, r: Renderer, course: str) -> ExportedBank:
    """Every item of every module in ``r``'s language (falling back like the website)."""
    out = ExportedBank(DEGRADATIONS)
    root = ET.Element("quiz")
    for quiz in bank.quizzes:
        out.categories += 1
        root.append(category_element(course, quiz, r))
        for item in quiz.items:
            within = r.within(item)  # a partly translated question is given whole in its fallback language
            case = within.text(item.case) if isinstance(item, Group) else ""
            for q in item.questions if isinstance(item, Group) else [item]:
                root.append(question(within, q, case, out.degraded))
                out.questions += 1
    notes = [
        f"{course}: question bank ({r.lang}), written by 'kursus export moodle-xml'. Edit the quiz files, not this."
    ]
    if out.degraded:
        notes.append("What Moodle XML cannot carry as it is (with Moodle's core question types):")
        notes.extend(f"  {line}" for line in out.report())
    for index, note in enumerate(notes):
        root.insert(index, ET.Comment(f" {note.replace('--', '- -')} "))
    ET.indent(root)
    out.text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    return out

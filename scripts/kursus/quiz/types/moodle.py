"""Moodle XML, the pieces a question type needs: its elements and grades (``export.moodle_xml`` writes the file).

Element names follow Moodle's own XML import (question/format/xml/format.php): texts are HTML
(``format="html"``, our Markdown rendered as the website renders it, ``quiz.markup``) and ElementTree
escapes them; answers of short-answer questions and the right-hand sides of matching questions are
plain text, as Moodle stores them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

# Moodle accepts only these grades for an answer (question_bank::fraction_options_full, in %); an import
# with any other is refused. Written with Moodle's own precision.
GRADES = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25", "20",
    "16.66667", "14.28571", "12.5", "11.11111", "10", "5",
)  # fmt: skip
MOST_CORRECT = 20  # 100 % split among correct options with Moodle's grades: 10 and 5 % down to 20 options
DEFAULT_PENALTY = "0.3333333"  # Moodle's default: a third of the mark lost per extra try


def shares(correct: int) -> list[str]:
    """Grades for ``correct`` options that add up to 100 %: equal up to 10 (100/k is one of Moodle's
    grades), then tens and fives (11 options: nine of 10 % and two of 5 %). More is refused by the checker."""
    if not 1 <= correct <= MOST_CORRECT:
        raise ValueError(f"{correct} correct options: Moodle's grades split 100 % among 1 to {MOST_CORRECT}")
    if correct <= 10:
        equal = f"{100 / correct:.5f}".rstrip("0").rstrip(".")
        assert equal in GRADES
        return [equal] * correct
    tens = MOST_CORRECT - correct
    return ["10"] * tens + ["5"] * (correct - tens)


def value(tag: str, text: str) -> ET.Element:
    """``<tag>text</tag>``."""
    element = ET.Element(tag)
    element.text = text
    return element


def texted(tag: str, text: str, **attrs: str) -> ET.Element:
    """``<tag attrs><text>text</text></tag>``: Moodle's shape for every text."""
    element = ET.Element(tag, attrs)
    element.append(value("text", text))
    return element


def html(tag: str, markup: str, **attrs: str) -> ET.Element:
    """A text in HTML (``format="html"``)."""
    return texted(tag, markup, format="html", **attrs)


def answer(fraction: str, markup: str, feedback: str, plain: bool = False) -> ET.Element:
    """One answer: its grade in %, its text (HTML, or plain text for short answers) and its feedback."""
    element = texted("answer", markup, fraction=fraction, format="moodle_auto_format" if plain else "html")
    element.append(html("feedback", feedback))
    return element


def matched(left: str, right: str) -> ET.Element:
    """One pair of a matching question: the left side in HTML, the right side plain text."""
    element = texted("subquestion", left, format="html")
    element.append(texted("answer", right))
    return element


def combined_feedback(correct: str, partly: str, incorrect: str, numbers: bool) -> list[ET.Element]:
    """The feedback for a correct, partly correct and incorrect answer; ``numbers`` adds Moodle's
    'you have N correct' line (``shownumcorrect``)."""
    parts = [html("correctfeedback", correct), html("partiallycorrectfeedback", partly)]
    parts.append(html("incorrectfeedback", incorrect))
    if numbers:
        parts.append(ET.Element("shownumcorrect"))
    return parts


@dataclass
class MoodleAnswer:
    """A question's type-specific part in Moodle XML: Moodle's type, the elements after the common ones,
    HTML it adds to the general feedback, and how it was degraded (keys of ``export.moodle_xml.DEGRADATIONS``)."""

    qtype: str
    parts: list[ET.Element]
    general: list[str] = field(default_factory=list)
    degraded: list[str] = field(default_factory=list)
    penalty: str = DEFAULT_PENALTY
    hints: bool = True  # whether Moodle's type shows <hint>s (an essay has none)

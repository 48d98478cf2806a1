"""The question bank's data: texts per language, questions, scenario groups and quiz files.

Kept apart from the reader (``model``) so that the question types (``quiz.types``) can use these
classes while the reader uses the types."""

from __future__ import annotations

from dataclasses import dataclass, field

Text = dict[str, str]  # language code -> text


@dataclass
class TextRef:
    """One translatable text: where it is and its value per language."""

    path: str
    line: int
    label: str  # e.g. "m01.q03 option 2 feedback"
    values: Text
    lines: dict[str, int] = field(default_factory=dict)  # language -> line of its text


@dataclass
class Option:
    text: Text
    correct: bool
    feedback: Text
    line: int


@dataclass
class Question:
    id: str
    type: str
    path: str
    line: int
    text: Text
    hint: Text = field(default_factory=dict)
    explanation: Text = field(default_factory=dict)
    points: int = 1
    options: list[Option] = field(default_factory=list)
    answer: bool | None = None
    accept: dict[str, list[str]] = field(default_factory=dict)
    accept_line: int = 0
    accept_lines: dict[str, list[int]] = field(default_factory=dict)  # language -> line of each answer
    steps: list[Text] = field(default_factory=list)
    pairs: list[tuple[Text, Text]] = field(default_factory=list)
    entry_lines: list[int] = field(default_factory=list)  # line of each step or pair
    feedback: dict[str, Text] = field(default_factory=dict)
    model_answer: Text = field(default_factory=dict)
    checklist: list[Text] = field(default_factory=list)
    group: str | None = None
    objective: str = ""  # "m05.t3": the learning objective it tests (modules.OBJECTIVE); "" when not given
    objective_line: int = 0

    def texts(self) -> list[Text]:
        """Every text of the question a learner or trainer may read, each with its languages."""
        found = [self.text, self.hint, self.explanation, self.model_answer, *self.steps, *self.checklist]
        found += [t for o in self.options for t in (o.text, o.feedback)]
        found += [t for pair in self.pairs for t in pair]
        found += list(self.feedback.values())
        return found

    @property
    def scored(self) -> bool:
        from .types import kind  # here, not at the top: the types module imports this one

        return kind(self).scored


@dataclass
class Group:
    id: str
    path: str
    line: int
    case: Text
    questions: list[Question]

    def texts(self) -> list[Text]:
        """The case text and every text of its questions: they are shown, and fall back, together."""
        return [self.case, *(t for q in self.questions for t in q.texts())]


@dataclass
class Quiz:
    path: str
    module: str
    title: Text
    items: list[Question | Group]
    texts: list[TextRef]

    def questions(self) -> list[Question]:
        flat: list[Question] = []
        for item in self.items:
            flat.extend(item.questions if isinstance(item, Group) else [item])
        return flat

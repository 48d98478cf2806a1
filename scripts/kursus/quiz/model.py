"""Turn a parsed quiz file into typed questions, collecting every problem instead of stopping."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ..problems import Problem, error
from .source import LList, LMap, line_of

Text = dict[str, str]  # language code -> text

QUESTION_TYPES = ("single", "multiple", "truefalse", "short", "ordering", "matching", "reflective")
ITEM_TYPES = (*QUESTION_TYPES, "scenario")
MODULE_ID = re.compile(r"^m\d{2}$")
QUESTION_ID = re.compile(r"^(m\d{2})\.q\d{2,3}$")
GROUP_ID = re.compile(r"^(m\d{2})\.s\d{2}$")

_COMMON = {"id", "type", "text", "hint", "explanation", "points"}
KEYS: dict[str, set[str]] = {
    "single": _COMMON | {"options"},
    "multiple": _COMMON | {"options"},
    "truefalse": _COMMON | {"answer", "feedback"},
    "short": _COMMON | {"accept", "feedback"},
    "ordering": _COMMON | {"steps", "feedback"},
    "matching": _COMMON | {"pairs", "feedback"},
    "reflective": {"id", "type", "text", "hint", "model_answer", "checklist"},
    "scenario": {"id", "type", "case", "items"},
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "single": ("options",),
    "multiple": ("options",),
    "truefalse": ("answer", "feedback"),
    "short": ("accept", "feedback"),
    "ordering": ("steps", "feedback"),
    "matching": ("pairs", "feedback"),
    "reflective": ("model_answer", "checklist"),
    "scenario": ("case", "items"),
}
FILE_KEYS = {"module", "title", "items"}
OPTION_KEYS = {"text", "correct", "feedback"}
PAIR_KEYS = {"left", "right"}
VERDICT_KEYS = {"correct", "incorrect"}


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
    steps: list[Text] = field(default_factory=list)
    pairs: list[tuple[Text, Text]] = field(default_factory=list)
    feedback: dict[str, Text] = field(default_factory=dict)
    model_answer: Text = field(default_factory=dict)
    checklist: list[Text] = field(default_factory=list)
    group: str | None = None

    @property
    def scored(self) -> bool:
        return self.type != "reflective"


@dataclass
class Group:
    id: str
    path: str
    line: int
    case: Text
    questions: list[Question]


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


class _Reader:
    """Reads one file's parsed YAML, appending problems as it goes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.texts: list[TextRef] = []

    def fail(self, line: int, code: str, message: str, hint: str = "") -> None:
        self.problems.append(error(self.path, line, code, message, hint))

    def duplicates(self, mapping: LMap, where: str) -> None:
        for key, line in mapping.duplicates:
            self.fail(line, "Q013", f"{where}: key '{key}' given twice", "keep one of them")

    def keys(self, mapping: LMap, allowed: set[str], where: str) -> None:
        self.duplicates(mapping, where)
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(sorted(allowed))}"
                self.fail(line_of(mapping, key, mapping.line), "Q010", f"{where}: unknown key '{key}'", hint)

    def mapping(self, value: Any, line: int, where: str) -> LMap | None:
        if isinstance(value, LMap):
            return value
        self.fail(line, "Q012", f"{where} must be a mapping (key: value lines)", f"got {_kind(value)}")
        return None

    def text(self, container: LMap | LList, key: Any, where: str, label: str, required: bool = True) -> Text:
        line = line_of(container, key, getattr(container, "line", 1))
        value = container.get(key) if isinstance(container, LMap) else container[key]
        if value is None:
            if required:
                self.fail(
                    line,
                    "Q011",
                    f"{where}: missing '{key if isinstance(container, LMap) else label}'",
                    "add it with one line per language, e.g. id: … and en: …",
                )
            return {}
        if not isinstance(value, LMap):
            self.fail(
                line,
                "Q012",
                f"{where}: '{label}' must give the text per language",
                "write e.g. {id: '…', en: '…'}",
            )
            return {}
        self.duplicates(value, f"{where} {label}")
        texts: Text = {}
        for lang, text in value.items():
            if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z]{2,4})?", lang):
                self.fail(
                    line_of(value, lang, line),
                    "Q012",
                    f"{where}: '{lang}' is not a language code",
                    "use codes such as id, en",
                )
            elif not isinstance(text, str):
                self.fail(
                    line_of(value, lang, line),
                    "Q012",
                    f"{where}: the {lang} text of '{label}' must be text",
                    f"got {_kind(text)}; quote it",
                )
            else:
                texts[lang] = text
        lines = {lang: line_of(value, lang, line) for lang in texts}
        self.texts.append(TextRef(self.path, line, f"{where} {label}", texts, lines))
        return texts

    def verdicts(self, node: LMap, where: str) -> dict[str, Text]:
        value = self.mapping(node.get("feedback"), line_of(node, "feedback", node.line), f"{where} feedback")
        if value is None:
            return {}
        self.keys(value, VERDICT_KEYS, f"{where} feedback")
        return {k: self.text(value, k, where, f"feedback {k}") for k in ("correct", "incorrect")}

    def items(self, node: LMap, key: str, where: str) -> LList:
        value = node.get(key)
        if isinstance(value, LList):
            return value
        self.fail(
            line_of(node, key, node.line),
            "Q012",
            f"{where}: '{key}' must be a list (lines starting with '- ')",
            f"got {_kind(value)}",
        )
        empty = LList()
        empty.line, empty.lines = node.line, []
        return empty

    def question(self, node: LMap, module: str, group: str | None) -> Question | Group | None:
        qid = node.get("id")
        where = str(qid) if isinstance(qid, str) else f"item at line {node.line}"
        kind = node.get("type")
        if kind not in ITEM_TYPES or (group and kind == "scenario"):
            allowed = QUESTION_TYPES if group else ITEM_TYPES
            close = difflib.get_close_matches(str(kind), allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(allowed)}"
            what = "a scenario inside a scenario" if kind == "scenario" else f"type '{kind}'"
            self.fail(line_of(node, "type", node.line), "Q080", f"{where}: {what} is not allowed", hint)
            return None
        self.keys(node, KEYS[kind], where)
        for key in REQUIRED[kind]:
            if key not in node:
                self.fail(node.line, "Q011", f"{where}: a {kind} question needs '{key}'", "see quizzes/FORMAT.md")
        pattern = GROUP_ID if kind == "scenario" else QUESTION_ID
        example = f"{module}.s01" if kind == "scenario" else f"{module}.q01"
        if not isinstance(qid, str) or not pattern.match(qid):
            self.fail(
                line_of(node, "id", node.line),
                "Q020",
                f"{where}: id '{qid}' is not well formed",
                f"write it like {example}",
            )
            qid = str(qid)
        elif pattern.match(qid).group(1) != module:  # type: ignore[union-attr]
            self.fail(
                line_of(node, "id", node.line),
                "Q022",
                f"{qid}: id belongs to another module than '{module}'",
                f"start it with {module}.",
            )
        if kind == "scenario":
            case = self.text(node, "case", qid, "case")
            children = [self.question(child, module, qid) for child in self._maps(self.items(node, "items", qid), qid)]
            questions = [c for c in children if isinstance(c, Question)]
            if len(questions) < 2 and "items" in node:
                self.fail(
                    node.line,
                    "Q081",
                    f"{qid}: a scenario group needs at least 2 questions",
                    "add questions under items, or make it a single question",
                )
            return Group(qid, self.path, node.line, case, questions)
        q = Question(qid, kind, self.path, node.line, self.text(node, "text", qid, "text"), group=group)
        q.hint = self.text(node, "hint", qid, "hint", required=False)
        q.explanation = self.text(node, "explanation", qid, "explanation", required=False)
        points = node.get("points", 1)
        if isinstance(points, bool) or not isinstance(points, int) or points < 1:
            self.fail(
                line_of(node, "points", node.line),
                "Q082",
                f"{qid}: points must be a whole number of at least 1",
                f"got {points!r}",
            )
        else:
            q.points = points
        getattr(self, f"_read_{kind}")(q, node)
        return q

    def _maps(self, items: LList, where: str) -> list[LMap]:
        maps = []
        for i, item in enumerate(items):
            m = self.mapping(item, line_of(items, i, items.line), f"{where}: item {i + 1}")
            if m is not None:
                maps.append(m)
        return maps

    def _read_options(self, q: Question, node: LMap) -> None:
        if "options" not in node:
            return  # already reported as missing (Q011)
        for i, opt in enumerate(self._maps(self.items(node, "options", q.id), q.id), start=1):
            self.keys(opt, OPTION_KEYS, f"{q.id} option {i}")
            correct = opt.get("correct", False)
            if not isinstance(correct, bool):
                self.fail(
                    line_of(opt, "correct", opt.line),
                    "Q012",
                    f"{q.id} option {i}: correct must be true or false",
                    f"got {correct!r}",
                )
                correct = False
            text = self.text(opt, "text", q.id, f"option {i}")
            feedback = self.text(opt, "feedback", q.id, f"option {i} feedback", required=False)
            q.options.append(Option(text, correct, feedback, opt.line))

    _read_single = _read_options
    _read_multiple = _read_options

    def _read_truefalse(self, q: Question, node: LMap) -> None:
        answer = node.get("answer")
        if not isinstance(answer, bool):
            if "answer" in node:
                self.fail(
                    line_of(node, "answer", node.line),
                    "Q012",
                    f"{q.id}: answer must be true or false",
                    f"got {answer!r}",
                )
        else:
            q.answer = answer
        if "feedback" in node:
            q.feedback = self.verdicts(node, q.id)

    def _read_short(self, q: Question, node: LMap) -> None:
        accept = node.get("accept")
        q.accept_line = line_of(node, "accept", node.line)
        if accept is None:
            pass
        elif not isinstance(accept, LMap):
            self.fail(
                q.accept_line,
                "Q012",
                f"{q.id}: accept must list answers per language",
                "write accept: {id: [..], en: [..]}",
            )
        else:
            self.duplicates(accept, f"{q.id} accept")
            for lang, answers in accept.items():
                if not isinstance(answers, list) or not all(isinstance(a, (str, int)) for a in answers):
                    self.fail(
                        line_of(accept, lang, q.accept_line),
                        "Q012",
                        f"{q.id}: accept.{lang} must be a list of answers",
                        "write e.g. [jawaban, jawaban lain]",
                    )
                    continue
                q.accept[lang] = [str(a) for a in answers]
        if "feedback" in node:
            q.feedback = self.verdicts(node, q.id)

    def _read_ordering(self, q: Question, node: LMap) -> None:
        steps = self.items(node, "steps", q.id) if "steps" in node else None
        if steps is not None:
            q.steps = [self.text(steps, i, q.id, f"step {i + 1}") for i in range(len(steps))]
        if "feedback" in node:
            q.feedback = self.verdicts(node, q.id)

    def _read_matching(self, q: Question, node: LMap) -> None:
        if "pairs" in node:
            for i, pair in enumerate(self._maps(self.items(node, "pairs", q.id), q.id), start=1):
                self.keys(pair, PAIR_KEYS, f"{q.id} pair {i}")
                q.pairs.append(
                    (
                        self.text(pair, "left", q.id, f"pair {i} left"),
                        self.text(pair, "right", q.id, f"pair {i} right"),
                    )
                )
        if "feedback" in node:
            q.feedback = self.verdicts(node, q.id)

    def _read_reflective(self, q: Question, node: LMap) -> None:
        q.model_answer = self.text(node, "model_answer", q.id, "model answer")
        if "checklist" in node:
            points = self.items(node, "checklist", q.id)
            if not points:
                self.fail(points.line, "Q051", f"{q.id}: empty checklist", "add 3-5 self-check points")
            q.checklist = [self.text(points, i, q.id, f"checklist {i + 1}") for i in range(len(points))]


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, LMap):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"[:60]


def read_quiz(path: str, data: Any) -> tuple[Quiz | None, list[Problem]]:
    """Build a ``Quiz`` from parsed YAML; problems carry ``path`` and source lines."""
    reader = _Reader(path)
    if not isinstance(data, LMap):
        reader.fail(
            getattr(data, "line", 1),
            "Q012",
            "a quiz file must be a mapping with module, title and items",
            "see quizzes/FORMAT.md",
        )
        return None, reader.problems
    reader.keys(data, FILE_KEYS, "quiz file")
    module = data.get("module")
    if not isinstance(module, str) or not MODULE_ID.match(module):
        reader.fail(
            line_of(data, "module", data.line),
            "Q020",
            f"module '{module}' is not well formed",
            "write it like m01 (m + two digits)",
        )
        module = "m00"
    title = reader.text(data, "title", module, "title")
    items: list[Question | Group] = []
    if "items" not in data:
        reader.fail(data.line, "Q011", "quiz file: missing 'items'", "add items: followed by questions")
    else:
        for node in reader._maps(reader.items(data, "items", module), module):
            item = reader.question(node, module, None)
            if item is not None:
                items.append(item)
    return Quiz(path, module, title, items, reader.texts), reader.problems

"""Turn a parsed quiz file into typed questions, collecting every problem instead of stopping.

What each question type's keys mean is read by the type itself (``quiz.types``); this module reads
what all items share (id, type, text, hint, explanation, points) and scenario groups."""

from __future__ import annotations

import difflib
import re
from collections.abc import Set
from typing import Any

from ..problems import Problem, error
from .items import Group as Group
from .items import Option as Option
from .items import Question as Question
from .items import Quiz as Quiz
from .items import Text as Text
from .items import TextRef as TextRef
from .modules import FORMS, OBJECTIVE
from .modules import GROUP_ID as GROUP_ID  # re-exported: readers import the id patterns from here
from .modules import MODULE_ID as MODULE_ID
from .modules import QUESTION_ID as QUESTION_ID
from .source import LList, LMap, line_of
from .types import TYPES

QUESTION_TYPES = tuple(TYPES)
ITEM_TYPES = (*QUESTION_TYPES, "scenario")

_SCENARIO_KEYS = frozenset({"id", "type", "case", "items"})
KEYS: dict[str, Set[str]] = {**{name: t.keys for name, t in TYPES.items()}, "scenario": _SCENARIO_KEYS}
REQUIRED: dict[str, tuple[str, ...]] = {
    **{name: t.required for name, t in TYPES.items()},
    "scenario": ("case", "items"),
}
FILE_KEYS = {"module", "title", "items"}
VERDICT_KEYS = {"correct", "incorrect"}


class Reader:
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

    def keys(self, mapping: LMap, allowed: Set[str], where: str) -> None:
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
            children = [self.question(child, module, qid) for child in self.maps(self.items(node, "items", qid), qid)]
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
        self.objective(q, node)
        TYPES[kind].read(self, q, node)
        return q

    def objective(self, q: Question, node: LMap) -> None:
        """``objective: m05.t3``, the 3rd learning objective of module 5; whether that bullet exists is
        checked against the module's page (``objectives.py``)."""
        if "objective" not in node:
            return
        value, line = node.get("objective"), line_of(node, "objective", node.line)
        q.objective_line = line
        if not isinstance(value, str) or not OBJECTIVE.match(value):
            self.fail(
                line,
                "Q090",
                f"{q.id}: objective {value!r} is not well formed",
                "write the module and the objective's number in its list, e.g. m05.t3",
            )
        else:
            q.objective = value

    def maps(self, items: LList, where: str) -> list[LMap]:
        maps = []
        for i, item in enumerate(items):
            m = self.mapping(item, line_of(items, i, items.line), f"{where}: item {i + 1}")
            if m is not None:
                maps.append(m)
        return maps


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
    reader = Reader(path)
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
            f"write it like m01 (m + two digits), or {' or '.join(FORMS)} for the pre/post course check",
        )
        module = "m00"
    title = reader.text(data, "title", module, "title")
    items: list[Question | Group] = []
    if "items" not in data:
        reader.fail(data.line, "Q011", "quiz file: missing 'items'", "add items: followed by questions")
    else:
        for node in reader.maps(reader.items(data, "items", module), module):
            item = reader.question(node, module, None)
            if item is not None:
                items.append(item)
    return Quiz(path, module, title, items, reader.texts), reader.problems

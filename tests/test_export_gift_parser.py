"""The GIFT export read back by an independent parser: gift-pegjs (npm), run through node.

For every question of the real course, in Indonesian and English, what gift-pegjs reads (type, text,
options, correct answers, feedback) must be what the quiz files say, after the documented degradations
(quizzes/FORMAT.md: ordering as matching to positions, a scenario's case text in each question, reflective
as an essay, hints and some verdicts in the general feedback, multiple-response as partial credit).
A second course has every GIFT special character in every kind of text and must read back exactly.

Without node or gift-pegjs the test fails under CI and is skipped elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from kursus.cli import main
from kursus.project import load_project
from kursus.quiz.bank import Bank
from kursus.quiz.model import Group, Question
from kursus.quiz.render import Strings
from kursus.quiz.types.short import accepted_in
from kursus.ui import interface_fallbacks, load_strings, translator
from kursus.validation import validate

HERE = Path(__file__).parent
ROOT = HERE.parent
FIXTURE = HERE / "export"
PARSER = HERE / "js" / "parse-gift.cjs"
SPECIALS = "~ = # { } : \\ and C:\\{x}\\"  # every GIFT special character, a backslash before one and at the end


def need(what: str, found: bool) -> None:
    if not found:
        message = f"{what} not found: install Node.js and run 'npm ci' (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def parse_gift(path: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    need("node", node is not None)
    need("node_modules/gift-pegjs", (ROOT / "node_modules" / "gift-pegjs" / "package.json").exists())
    done = subprocess.run([str(node), str(PARSER), str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    parsed: list[dict[str, Any]] = json.loads(done.stdout)
    return parsed


def flat(text: str) -> str:
    """A text as GIFT carries it: paragraphs kept, other line breaks and runs of spaces made one space."""
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text.strip())]
    return "\n\n".join(p for p in paragraphs if p)


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Expect:
    """What the YAML says a question is, in one language, after the documented degradations."""

    def __init__(self, bank: Bank, language: str, fallback: str, t: Strings) -> None:
        self.language, self.fallback, self.t = language, fallback, t
        self.bank = bank

    def text(self, value: dict[str, str]) -> str:
        return flat(value.get(self.language) or value.get(self.fallback, ""))

    def labelled(self, label: str, text: str) -> str:
        return f"{self.t(label)}: {text}"

    def verdicts(self, q: Question) -> list[str]:
        return [
            self.labelled(label, self.text(q.feedback[key]))
            for key, label in (("correct", "export_if_correct"), ("incorrect", "export_if_incorrect"))
            if self.text(q.feedback.get(key, {}))
        ]

    def check(self, q: Question, case: str, got: dict[str, Any]) -> None:
        stem = self.text(q.text)
        if case:
            stem = f"{self.t('case')}: {case}\n\n{stem}"
        assert got["title"] == q.id
        assert got["stem"] == {"format": "markdown", "text": stem}, q.id
        general = [self.text(q.explanation)] if self.text(q.explanation) else []
        general += getattr(self, f"check_{q.type}")(q, got)
        if self.text(q.hint):
            general.append(self.labelled("hint", self.text(q.hint)))
        expected = {"format": "markdown", "text": "\n\n".join(general)} if general else None
        assert got["globalFeedback"] == expected, q.id

    def feedback(self, value: dict[str, str]) -> dict[str, str] | None:
        return {"format": "markdown", "text": self.text(value)} if self.text(value) else None

    def check_single(self, q: Question, got: dict[str, Any]) -> list[str]:
        assert got["type"] == "MC"
        assert [(c["isCorrect"], c["weight"]) for c in got["choices"]] == [(o.correct, None) for o in q.options]
        self.check_options(q, got)
        return []

    def check_multiple(self, q: Question, got: dict[str, Any]) -> list[str]:
        # partial credit: each correct option 100/k %, each wrong one -100 % (GIFT has no all-or-nothing)
        assert got["type"] == "MC"
        k = sum(o.correct for o in q.options)
        weights = [c["weight"] for c in got["choices"]]
        assert weights == pytest.approx([100 / k if o.correct else -100 for o in q.options], abs=1e-4), q.id
        assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=1e-3)
        self.check_options(q, got)
        return []

    def check_options(self, q: Question, got: dict[str, Any]) -> None:
        assert [c["text"] for c in got["choices"]] == [
            {"format": "markdown", "text": self.text(o.text)} for o in q.options
        ], q.id
        assert [c["feedback"] for c in got["choices"]] == [self.feedback(o.feedback) for o in q.options], q.id

    def check_truefalse(self, q: Question, got: dict[str, Any]) -> list[str]:
        # Moodle reads {TRUE#a#b} as a = the feedback for a wrong answer, b = for a right one
        # (question/format/gift/format.php); gift-pegjs names them by position, trueFeedback and falseFeedback.
        assert got["type"] == "TF"
        assert got["isTrue"] is q.answer
        assert got["trueFeedback"] == self.feedback(q.feedback.get("incorrect", {})), q.id
        assert got["falseFeedback"] == self.feedback(q.feedback.get("correct", {})), q.id
        return []

    def check_short(self, q: Question, got: dict[str, Any]) -> list[str]:
        assert got["type"] == "Short"
        accepted = [flat(a) for a in accepted_in(q, self.language, self.fallback) if a.strip()]
        assert [c["text"]["text"] for c in got["choices"]] == accepted
        assert all(c["isCorrect"] and c["weight"] is None for c in got["choices"])
        right = self.feedback(q.feedback.get("correct", {}))
        assert all(c["feedback"] == right for c in got["choices"]), q.id
        wrong = self.text(q.feedback.get("incorrect", {}))
        return [self.labelled("export_if_incorrect", wrong)] if wrong else []

    def check_ordering(self, q: Question, got: dict[str, Any]) -> list[str]:
        # matching: each step to its position, 1 = first
        assert got["type"] == "Matching"
        assert [(m["subquestion"]["text"], m["subanswer"]) for m in got["matchPairs"]] == [
            (self.text(step), str(n)) for n, step in enumerate(q.steps, start=1)
        ], q.id
        return self.verdicts(q)

    def check_matching(self, q: Question, got: dict[str, Any]) -> list[str]:
        assert got["type"] == "Matching"
        assert [(m["subquestion"]["text"], m["subanswer"]) for m in got["matchPairs"]] == [
            (self.text(left), self.text(right)) for left, right in q.pairs
        ], q.id
        return self.verdicts(q)

    def check_reflective(self, q: Question, got: dict[str, Any]) -> list[str]:
        # an essay; the model answer and the self-check points are its general feedback
        assert got["type"] == "Essay"
        points = "\n".join(f"- {one_line(self.text(p))}" for p in q.checklist)
        return [self.labelled("model_answer", self.text(q.model_answer)), self.labelled("self_check", "\n" + points)]


def exported(root: Path, language: str, out: Path) -> tuple[list[dict[str, Any]], Bank, Expect]:
    assert main(["--root", str(root), "export", "gift", "--language", language, "-o", str(out)]) == 0
    project = load_project(root)
    course, _ = validate(project)
    via = interface_fallbacks(language, project.default_language, project.complete_languages)
    t = translator(load_strings(project.ui_strings), language, project.default_language, via)
    return parse_gift(out), course.bank, Expect(course.bank, language, project.default_language, t)


def check_bank(parsed: list[dict[str, Any]], bank: Bank, expect: Expect) -> int:
    """Every category and question, in order; returns how many questions were checked."""
    questions = iter(parsed)
    checked = 0
    for quiz in bank.quizzes:
        category = next(questions)
        assert category["type"] == "Category"
        assert category["title"].startswith(f"$course$/Kursus Konselor/{quiz.module} ")
        assert category["title"].endswith(expect.text(quiz.title).replace("/", "-"))
        for item in quiz.items:
            case = expect.text(item.case) if isinstance(item, Group) else ""
            for q in item.questions if isinstance(item, Group) else [item]:
                expect.check(q, case, next(questions))
                checked += 1
    assert next(questions, None) is None, "the parser found more than the bank holds"
    return checked


@pytest.mark.parametrize("language", ["id", "en"])
def test_real_course_reads_back(language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parsed, bank, expect = exported(ROOT, language, tmp_path / "bank.gift")
    checked = check_bank(parsed, bank, expect)
    assert checked == sum(len(quiz.questions()) for quiz in bank.quizzes) > 100
    assert f"{checked} questions in {len(bank.quizzes)} categories" in capsys.readouterr().out


def with_specials(node: Any) -> Any:
    """Every text of a quiz file (each language's string, accepted answers, the title) given SPECIALS."""
    if isinstance(node, dict) and node and set(node) <= {"id", "en"}:  # a text per language, or accept
        return {lang: with_specials(v) for lang, v in node.items()}
    if isinstance(node, dict):
        return {k: with_specials(v) if isinstance(v, (dict, list)) else v for k, v in node.items()}
    if isinstance(node, list):
        return [with_specials(v) for v in node]
    return f"{node} {SPECIALS}" if isinstance(node, str) else node


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_special_character_reads_back(language: str, tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(FIXTURE, course, ignore=shutil.ignore_patterns("expected-*"))
    (course / "mkdocs.yml").write_text(
        (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8").replace("../../overrides", str(ROOT / "overrides")),
        encoding="utf-8",
    )
    quiz = course / "quizzes" / "modul-01.yml"
    data = with_specials(yaml.safe_load(quiz.read_text(encoding="utf-8")))
    quiz.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "bank.gift"
    parsed, bank, expect = exported(course, language, out)
    assert check_bank(parsed, bank, expect) == 9
    texts = json.dumps(parsed, ensure_ascii=False)
    assert texts.count(SPECIALS.replace("\\", "\\\\")) >= 30  # read back whole, in every kind of text
    question = bank.quizzes[0].items[0]
    assert isinstance(question, Question) and expect.text(question.text).endswith(SPECIALS)

"""The quiz loader, checker and renderer never raise: whatever an author saves, the result is a list of
problems, and the pages can be rendered while the checks run (the build reports them at its end).

Each example is saved as quizzes/modul-02.yml next to a valid quizzes/modul-01.yml (the clean case of
tests/checker), then loaded and checked the way ``kursus check`` does it.
"""

from __future__ import annotations

import gc
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.nodes import ScalarNode

from kursus.problems import Problem, as_github, as_json, as_text, summary
from kursus.progress import manifest, progress_table
from kursus.quiz.bank import Bank, load_bank
from kursus.quiz.checks import Settings, check_all
from kursus.quiz.model import ITEM_TYPES, KEYS
from kursus.quiz.render import Renderer
from kursus.quiz.source import YamlSyntaxError, parse

VALID = (Path(__file__).resolve().parent / "checker" / "clean" / "quizzes" / "modul-01.yml").read_text(encoding="utf-8")
PAGES = [
    ("docs/id/modul-01/latihan.md", "# Latihan\n\n<!-- kuis: m01 -->\n"),
    ("docs/en/modul-02/index.md", "<!-- kuis: m02.q01 -->\n<!-- kunci: m02 -->\n<!-- kuis: m02.s01 -->\n"),
    ("docs/id/kosong.md", "<!-- kuis: -->\n<!--kuis:m02-->\n"),
]
COPY = VALID.replace("m01", "m02")  # the valid file as module m02: what the mutations start from
FILES = {"quizzes/modul-01.yml", "quizzes/modul-02.yml"}
FAST = settings(max_examples=200, deadline=None)


@dataclass
class Course:
    root: Path
    base: Bank  # modul-01.yml, loaded once: the checks never change a bank


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "quizzes").mkdir()
    (root / "quizzes" / "modul-01.yml").write_text(VALID, encoding="utf-8")
    base, problems = load_bank([root / "quizzes" / "modul-01.yml"], root)
    assert problems == []
    return Course(root, base)


def check(course: Course, data: str | bytes) -> list[Problem]:
    """Load modul-02.yml, run every rule on both files; assert the problems are well formed."""
    target = course.root / "quizzes" / "modul-02.yml"
    raw = data.encode("utf-8") if isinstance(data, str) else data
    target.write_bytes(raw)
    added, problems = load_bank([target], course.root)
    bank = Bank(course.base.quizzes + added.quizzes, course.base.files + added.files)
    problems = sorted([*problems, *check_all(bank, PAGES, Settings())])
    render_everything(bank)
    as_text(problems)
    as_github(problems)
    assert json.loads(as_json(problems, 2))["errors"] == sum(p.is_error for p in problems)
    summary(problems, 2)
    last_line = len(raw.decode("utf-8", errors="replace").splitlines()) + 1
    for problem in problems:
        assert re.fullmatch(r"[QMB]\d{3}", problem.code), problem
        assert problem.path in FILES | {path for path, _ in PAGES}, problem
        assert problem.line >= 1, problem
        if problem.path == "quizzes/modul-02.yml":
            assert problem.line <= last_line, problem
        if problem.path == "quizzes/modul-01.yml":
            # a mistake in one file never blames the valid one (B001 is about the whole bank)
            assert problem.code == "B001", problem
    return problems


def render_everything(bank: Bank) -> None:
    """What the build renders from a bank, in both languages: every marker target, key and table."""
    for language in ("id", "en"):
        renderer = Renderer(bank, language, "id", lambda key: key)
        for quiz in bank.quizzes:
            renderer.placed(quiz.module)
            renderer.answer_key(quiz)
            for item in quiz.items:
                renderer.placed(item.id)
            for question in quiz.questions():
                renderer.placed(question.id)
        progress_table(bank, language, "id", lambda key: key, lambda module: f"{module}/index.html")
        manifest(bank, language, "id")


# --------------------------------------------------------------------------------------- arbitrary text


@FAST
@given(st.text(max_size=400))
def test_arbitrary_text(course: Course, text: str) -> None:
    check(course, text)


@FAST
@given(st.binary(max_size=200))
def test_arbitrary_bytes(course: Course, data: bytes) -> None:
    check(course, data)


# --------------------------------------------------------------------------------------- YAML-ish structures

KEY_WORDS = sorted(
    {"module", "title", "items", "correct", "incorrect", "left", "right", "en", "id"}.union(*KEYS.values())
)
VALUE_WORDS = [*ITEM_TYPES, "m01", "m02", "m02.q01", "m02.q02", "m01.q01", "m02.s01", "id", "en", ""]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(VALUE_WORDS),
)
keys = st.one_of(st.sampled_from(KEY_WORDS), st.text(max_size=8), st.integers(-3, 3))
structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=6),
    ),
    max_leaves=40,
)
small = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(keys, children, max_size=3)),
    max_leaves=6,
)
quiz_like = st.fixed_dictionaries(
    {
        "module": st.one_of(st.sampled_from(["m02", "m01", "m2", "modul-02"]), scalars),
        "title": small,
        "items": st.lists(
            st.one_of(
                st.fixed_dictionaries(
                    {"id": st.sampled_from(VALUE_WORDS), "type": st.sampled_from(ITEM_TYPES)},
                    optional={key: small for key in KEY_WORDS if key not in ("id", "type")},
                ),
                st.dictionaries(keys, small, max_size=6),
                small,
            ),
            max_size=4,
        ),
    },
    optional={"extra": small},
)


def dump(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


@FAST
@given(structures)
def test_arbitrary_structure(course: Course, value: Any) -> None:
    check(course, dump(value))


@FAST
@given(quiz_like)
def test_quiz_like_structure(course: Course, value: Any) -> None:
    check(course, dump(value))


# --------------------------------------------------------------------------------------- mutated valid file

one_line_text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\n\r\x85\u2028\u2029"), max_size=20
)
scalar_source = st.one_of(
    one_line_text,
    scalars.map(lambda v: yaml.safe_dump([v], default_flow_style=True, allow_unicode=True, width=2**20)[1:-2]),
    st.sampled_from(["", "[]", "{}", "-", "|", ">-", "&a x", "*a", "!!bool ya", "!!int ''", "2023-02-29", "'"]),
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = COPY.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "value"]))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, line)
        elif action == "indent":
            lines[i] = " " * draw(st.integers(1, 4)) + line
        elif action == "dedent":
            indent = len(line) - len(line.lstrip(" "))
            lines[i] = line[min(indent, draw(st.integers(1, 4))) :]
        else:
            head, colon, _ = line.rstrip("\n").partition(": ")
            if not colon:
                head, colon = line[: len(line) - len(line.lstrip(" -"))], ""
            lines[i] = head + colon + draw(scalar_source) + "\n"
    return "".join(lines)


@FAST
@given(mutated())
def test_mutated_valid_file(course: Course, text: str) -> None:
    check(course, text)


def test_copy_of_the_valid_file(course: Course) -> None:
    """The base of the mutations, copied as module m02, has only the problem of a copy."""
    problems = check(course, COPY)
    assert sorted({p.code for p in problems if p.path in FILES}) == ["Q070"]  # same texts as modul-01.yml


# --------------------------------------------------------------------------------------- inputs that once crashed


@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        ("module: m02\nitems:\n  - answer: !!bool maybe\n", 3, "Q001"),
        ("module: m02\nitems:\n  - text: {id: !!timestamp kemarin}\n", 3, "Q001"),
        ("module: m02\npoints: !!int ''\n", 2, "Q001"),
        ("module: m02\npoints: !!float ''\n", 2, "Q001"),
        ("module: m02\nitems:\n\n  - text: {id: 2023-02-29}\n", 4, "Q001"),
        ("[" * 600 + "]" * 600, 1, "Q003"),
        ("- " * 600 + "x\n", 1, "Q003"),
        ("a: &a [*a]\n", 1, "Q003"),
    ],
)
def test_malformed_values_are_problems(course: Course, text: str, line: int, code: str) -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse(text)
    assert caught.value.line == line
    problems = check(course, text)
    assert [(p.path, p.line, p.code) for p in problems if p.path == "quizzes/modul-02.yml"] == [
        ("quizzes/modul-02.yml", line, code)
    ]


def test_parse_keeps_nothing_between_files() -> None:
    """Parsing the bank again and again (the build does so on every rebuild) holds no old YAML nodes."""

    def scalar_nodes() -> int:
        gc.collect()
        return sum(isinstance(o, ScalarNode) for o in gc.get_objects())

    parse(VALID)
    before = scalar_nodes()
    for _ in range(3):
        parse(VALID)
    assert scalar_nodes() <= before

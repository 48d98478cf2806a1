"""Every YAML file a contributor writes is read within the same limits as the quiz files (kursus.yamlio):
an alias bomb or a document nested too deep is refused at its line in milliseconds, by the reader's own
problem code, and the commands that read the file exit non-zero without a traceback."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kursus.cli import main
from kursus.content.people import read_register as read_people
from kursus.quiz.register import read_register as read_ids
from kursus.translations.records import RecordError, load_record
from kursus.ui import UiStringsError, load_strings
from kursus.yamlio import MAX_DEPTH

from conftest import clean_course


def alias_bomb(prefix: str = "") -> tuple[str, int]:
    """Nine levels of nine aliases: 387 million values once expanded. Returns the text and the line of
    the first value over the limit."""
    lines = [f"{prefix}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n", 5 + prefix.count("\n")


def too_deep(prefix: str = "") -> tuple[str, int]:
    depth = MAX_DEPTH + 8
    return f"{prefix}a: " + "[" * depth + "]" * depth + "\n", 1 + prefix.count("\n")


HOSTILE = {"alias-bomb": alias_bomb, "too-deep": too_deep}
MESSAGE = {"alias-bomb": "once aliases (*name) are expanded", "too-deep": f"more than {MAX_DEPTH} levels deep"}


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return clean_course(tmp_path / "course")


def refused(read: Callable[[], object], error: type[Exception]) -> Exception:
    """The error ``read`` raises, which it must raise within half a second."""
    began = time.perf_counter()
    with pytest.raises(error) as caught:
        read()
    assert time.perf_counter() - began < 0.5
    return caught.value


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out + err


@pytest.mark.parametrize("kind", HOSTILE)
def test_interface_strings(course: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = course / "overrides" / "ui-strings.yml"
    text, line = HOSTILE[kind]()
    path.write_text(text, encoding="utf-8")
    found = refused(lambda: load_strings(path), UiStringsError)
    assert isinstance(found, UiStringsError)
    assert (found.line, MESSAGE[kind] in found.message) == (line, True)
    status, output = run(["--root", str(course), "check"], capsys)
    assert status == 1
    assert f"overrides/ui-strings.yml:{line}: T032 not valid YAML: YAML" in output
    status, output = run(["--root", str(course), "translations"], capsys)
    assert status == 2
    assert f"ui-strings.yml:{line}: not valid YAML" in output


@pytest.mark.parametrize("kind", HOSTILE)
def test_people_register(course: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = course / "includes" / "tokoh.yml"
    path.parent.mkdir()
    text, line = HOSTILE[kind]("people: []\n")
    path.write_text(text, encoding="utf-8")
    began = time.perf_counter()
    register, problems = read_people(course)
    assert time.perf_counter() - began < 0.5
    assert register is None
    assert [(p.line, p.code) for p in problems] == [(line, "P001")]
    assert MESSAGE[kind] in problems[0].message
    status, output = run(["--root", str(course), "check"], capsys)
    assert status == 1
    assert f"includes/tokoh.yml:{line}: P001 the register is not valid YAML: YAML" in output


@pytest.mark.parametrize("kind", HOSTILE)
def test_id_register(course: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = course / "quizzes" / "daftar-id.yml"
    text, line = HOSTILE[kind]("in_use: {}\n")
    path.write_text(text, encoding="utf-8")
    began = time.perf_counter()
    register, problems = read_ids(path, "quizzes/daftar-id.yml")
    assert time.perf_counter() - began < 0.5
    assert register is None
    assert [(p.line, p.code) for p in problems] == [(line, "Q029")]
    status, output = run(["--root", str(course), "check"], capsys)
    assert status == 1
    assert f"quizzes/daftar-id.yml:{line}: Q029 cannot read the id register: YAML" in output
    before = path.read_text(encoding="utf-8")
    status, output = run(["--root", str(course), "ids", "--record"], capsys)
    assert status == 1
    assert "nothing changed" in output
    assert path.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("kind", HOSTILE)
def test_translation_record(course: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = course / "terjemahan" / "en.yml"
    path.parent.mkdir()
    text, line = HOSTILE[kind]("halaman: {}\n")
    path.write_text(text, encoding="utf-8")
    found = refused(lambda: load_record(path, "terjemahan/en.yml"), RecordError)
    assert isinstance(found, RecordError)
    assert (found.line, MESSAGE[kind] in found.message) == (line, True)
    status, output = run(["--root", str(course), "check"], capsys)
    assert status == 1
    assert f"terjemahan/en.yml:{line}: T002 not valid YAML: YAML" in output
    status, output = run(["--root", str(course), "translations"], capsys)
    assert status == 2
    assert f"terjemahan/en.yml:{line}: not valid YAML" in output

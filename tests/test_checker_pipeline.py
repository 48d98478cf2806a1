"""One check pipeline: ``kursus check``, the build and ``kursus print`` refuse the same course."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from kursus.cli import main

from conftest import clean_course

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """The clean checker case, made buildable, with one translation problem: the English page lost a marker."""
    root = clean_course(tmp_path / "course")
    page = root / "docs" / "en" / "modul-01" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- kuis: m01.q01 -->\n", ""), encoding="utf-8")
    return root


EXPECTED = "docs/en/modul-01/index.md:1: T012 marker '<!-- kuis: m01.q01 -->' is missing"


def test_check_refuses_a_translation_problem(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(course), "check"]) == 1
    assert EXPECTED in capsys.readouterr().out


def test_the_build_refuses_it(course: Path, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(Abort):
        build(load_config(str(course / "mkdocs.yml"), site_dir=str(course / "site")))
    assert EXPECTED in caplog.text


def test_print_refuses_it_before_printing(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Print once skipped the translation checks the build runs; it stops before starting Chromium."""
    status = main(["--root", str(course), "print", "--out", str(course / "dist"), "--chromium", "/nonexistent"])
    err = capsys.readouterr().err
    assert status == 1
    assert EXPECTED in err
    assert "nothing was printed" in err
    assert not (course / "dist").exists()

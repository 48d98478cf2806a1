"""The course's set-up is read once, through MkDocs' own loader and the plugin's typed settings: a wrong
setting names itself (never a traceback), in ``kursus check`` and in the build alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from kursus.cli import main
from kursus.project import load_project

from conftest import clean_course

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return clean_course(tmp_path / "course")


def set_option(root: Path, line: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - kursus:\n", f"  - kursus:\n      {line}\n"), encoding="utf-8")


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(["--root", str(root), "check"])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("min_options: three", "mkdocs.yml:11: kursus setting 'min_options': Expected type: <class 'int'>"),
        ("min_option: 3", "mkdocs.yml:11: kursus setting 'min_option': Unrecognised configuration name"),
        ("audience: everyone", "mkdocs.yml:11: kursus setting 'audience': Expected one of: ('trainer', 'learner')"),
        ("trainer_only: fasilitator/", "mkdocs.yml:11: kursus setting 'trainer_only': Expected a list of items"),
    ],
)
def test_a_wrong_setting_is_named_by_kursus_check(
    course: Path, line: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    set_option(course, line)
    status, out, err = check(course, capsys)
    assert (status, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


def test_an_unknown_setting_stops_the_build_with_its_name(course: Path, caplog: pytest.LogCaptureFixture) -> None:
    set_option(course, "min_option: 3")
    config = load_config(str(course / "mkdocs.yml"), site_dir=str(course / "site"))
    with pytest.raises(Abort, match="BuildError"):
        build(config)
    assert "mkdocs.yml:11: kursus setting 'min_option': Unrecognised configuration name" in caplog.text


def test_a_wrong_value_stops_mkdocs_before_the_build(course: Path) -> None:
    set_option(course, "min_options: three")
    with pytest.raises(Abort):
        load_config(str(course / "mkdocs.yml"))


def test_a_page_that_is_not_utf8_stops_the_build_at_its_line(course: Path, caplog: pytest.LogCaptureFixture) -> None:
    (course / "docs" / "id" / "modul-01" / "index.md").write_bytes(b"# Peran\n\nBacaan caf\xe9.\n")
    config = load_config(str(course / "mkdocs.yml"), site_dir=str(course / "site"))
    with pytest.raises(Abort, match="BuildError"):
        build(config)
    assert "docs/id/modul-01/index.md:3: D001 cannot read the page: byte 0xe9 is not UTF-8" in caplog.text
    assert "UnicodeDecodeError" not in caplog.text


def test_environment_variables_are_read_as_mkdocs_reads_them(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_option(course, "min_options: !ENV [KURSUS_TEST_MIN_OPTIONS, 3]")
    monkeypatch.setenv("KURSUS_TEST_MIN_OPTIONS", "5")
    assert load_project(course).min_options == 5
    monkeypatch.delenv("KURSUS_TEST_MIN_OPTIONS")
    assert load_project(course).min_options == 3


def test_mkdocs_yml_has_one_reader() -> None:
    """Only project.py reads mkdocs.yml for the commands (new-language edits it as text, keeping comments)."""
    package = ROOT / "scripts" / "kursus"
    readers = {
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "MkdocsLoader" in (text := path.read_text(encoding="utf-8")) or "yaml_load(" in text
    }
    assert readers == {"yamlio.py", "project.py", "translations/newlang.py"}


def test_an_abbreviations_file_that_is_not_utf8_stops_the_build_at_its_line(
    course: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (course / "includes").mkdir()
    (course / "includes" / "singkatan.en.md").write_bytes(b"*[PES]: Public employment service\n*[BLK]: caf\xe9\n")
    config = load_config(str(course / "mkdocs.yml"), site_dir=str(course / "site"))
    with pytest.raises(Abort, match="BuildError"):
        build(config)
    assert "includes/singkatan.en.md:2: D001 cannot read the file: byte 0xe9 is not UTF-8" in caplog.text
    assert "UnicodeDecodeError" not in caplog.text


def test_a_people_register_that_is_not_utf8_is_reported_at_its_line(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (course / "includes").mkdir()
    (course / "includes" / "tokoh.yml").write_bytes(b"people:\n  - name: Ren\xe9\n")
    status, out, _ = check(course, capsys)
    assert status == 1
    assert "includes/tokoh.yml:2: P001 the register cannot be read: byte 0xe9 is not UTF-8 text" in out

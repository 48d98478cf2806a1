"""The translation fixture: a tiny course in Bahasa Indonesia (source), English (complete) and
Vietnamese (partial), copied into a temporary folder with the real theme, mkdocs.yml and interface
strings. Vietnamese has a page up to date (index.md), a page out of date (modul-01/index.md; the old
source is old/modul-01-index.md), pages missing (modul-01/latihan.md, glosarium.md, the status page), a quiz text
out of date (m01.q01 option 1 feedback; old file old/modul-01.yml) and a quiz text missing
(m01.q01 option 3 feedback)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kursus.cli import main
from kursus.translations.newlang import edited_config

from conftest import make_project

HERE = Path(__file__).resolve().parent
COURSE = HERE / "course"
OLD = HERE / "old"
EXPECTED = HERE / "expected"

# Vietnamese banner texts, so that banners show in the reader's language; every other interface
# text stays missing for vi and must be reported.
VI_STRINGS = {
    "tr_missing_title": "Chưa được dịch",
    "tr_missing_text": "Trang này chưa được dịch; bạn đang đọc bản gốc tiếng Indonesia.",
    "tr_outdated_title": "Bản dịch có thể đã cũ",
    "tr_outdated_text": "Bản gốc tiếng Indonesia của trang này đã thay đổi sau khi được dịch.",
    "tr_read_original": "Đọc bản gốc tiếng Indonesia",
    "tr_help": "Giúp dịch",
}


def pages() -> dict[str, str]:
    docs = COURSE / "docs"
    return {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*")) if p.is_file()
    }


def make_translation_project(folder: Path) -> Path:
    quizzes = {p.name: p.read_text(encoding="utf-8") for p in (COURSE / "quizzes").glob("*.yml")}
    project = make_project(folder, pages(), quizzes)
    shutil.copytree(COURSE / "terjemahan", project / "terjemahan")
    config = project / "mkdocs.yml"
    config.write_text(edited_config(config.read_text(encoding="utf-8"), "vi", "Tiếng Việt"), encoding="utf-8")
    strings = project / "overrides" / "ui-strings.yml"
    text = strings.read_text(encoding="utf-8")
    for key, value in VI_STRINGS.items():
        text, count = re.subn(rf"^({key}:\s*\{{.*)\}}\s*$", rf'\1, vi: "{value}"}}', text, flags=re.MULTILINE)
        assert count == 1, key
    strings.write_text(text, encoding="utf-8")
    return project


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=Uji", "-c", "user.email=uji@example.org", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def with_history(project: Path) -> Path:
    """A git repository in ``project`` whose first commit holds the old source the vi translation was made
    from, and whose working tree holds the current source."""
    current_page = (project / "docs/id/modul-01/index.md").read_bytes()
    current_quiz = (project / "quizzes/modul-01.yml").read_bytes()
    (project / "docs/id/modul-01/index.md").write_bytes((OLD / "modul-01-index.md").read_bytes())
    (project / "quizzes/modul-01.yml").write_bytes((OLD / "modul-01.yml").read_bytes())
    git(project, "init", "-q")
    git(project, "add", "docs", "quizzes")
    git(project, "commit", "-q", "-m", "old source")
    (project / "docs/id/modul-01/index.md").write_bytes(current_page)
    (project / "quizzes/modul-01.yml").write_bytes(current_quiz)
    return project


def status_project(folder: Path) -> Path:
    """The fixture with a small fixed set of interface strings, so that status snapshots do not change
    whenever the real interface gains a string."""
    project = make_translation_project(folder)
    shutil.copy(COURSE / "ui-strings.yml", project / "overrides" / "ui-strings.yml")
    return project


def run_kursus(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    """``kursus --root ROOT ARGS``: (exit status, stdout, stderr); usage errors give 2 like the shell."""
    capsys.readouterr()
    try:
        status = main(["--root", str(root), *args])
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return status, out, err


def snapshot(request: pytest.FixtureRequest, name: str, text: str) -> None:
    """Compare with tests/translations/expected/NAME; ``pytest --update-snapshots`` rewrites it."""
    expected = EXPECTED / name
    if request.config.getoption("--update-snapshots"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")

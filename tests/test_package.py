"""`kursus build`: the site, the offline zip with its "open me first" page, and clear failures."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from kursus import __version__
from kursus.cli import main

from conftest import MINI_QUIZ, make_project

PAGES = {
    "id/index.md": "# Beranda\n\nHalo.\n\n<!-- kuis: m01 -->\n",
    "en/index.md": "# Home\n\nHello.\n\n<!-- kuis: m01 -->\n",
}


def test_build_writes_site_and_zip_and_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "course", PAGES, {"modul-01.yml": MINI_QUIZ})
    assert main(["--root", str(project), "build", "-q"]) == 0
    out = capsys.readouterr().out
    package = project / "dist" / f"kursus-konselor-{__version__}.zip"
    assert str(package) in out and (project / "site" / "index.html").as_uri() in out
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        top = f"kursus-konselor-{__version__}/"
        assert f"{top}BUKA-SAYA-DULU.html" in names
        assert f"{top}kursus/index.html" in names and f"{top}kursus/en/index.html" in names
        assert f"{top}kursus/en/search/search_index.js" in names
        assert not [n for n in names if n.endswith(".map")]
        assert f"{top}kursus/404.html" not in names
        first = archive.read(f"{top}BUKA-SAYA-DULU.html").decode()
    assert 'href="kursus/index.html"' in first and 'href="kursus/en/index.html"' in first
    assert "Ekstrak dulu" in first and "Extract the zip file first" in first
    assert "http" not in first.replace("file:///", ""), "the open-me-first page must not link outside"


def test_failed_build_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = MINI_QUIZ.replace("correct: true", "correct: false")
    project = make_project(tmp_path / "course", PAGES, {"modul-01.yml": broken})
    assert main(["--root", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert "Q030" in err and "nothing was written" in err
    assert not (project / "site").exists() and not (project / "dist").exists()
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "check" in out and "build" in out

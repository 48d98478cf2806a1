"""`kursus build`: the site, the offline zip with its "open me first" page, and clear failures."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from kursus import __version__
from kursus.audience import LEARNER
from kursus.cli import main
from kursus.commands.build import build_site

from conftest import MINI_QUIZ, ROOT, make_project

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


TRAINER_PAGES = {
    **PAGES,
    "id/tentang.md": "# Tentang\n\nLihat [catatan fasilitator](fasilitator/index.md#rencana) dan [modul](index.md).\n",
    "en/tentang.md": "# About\n\nSee the [facilitator notes](fasilitator/index.md#rencana) and [modules](index.md).\n",
    "id/fasilitator/index.md": "# Catatan fasilitator\n\nKartu klien rahasia.\n\n<!-- kunci: m01 -->\n",
    "en/fasilitator/index.md": "# Facilitator notes\n\nSecret client card.\n\n<!-- kunci: m01 -->\n",
}


def test_learner_package_holds_no_trainer_page_and_trainer_package_holds_all_with_the_print_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "course", TRAINER_PAGES, {"modul-01.yml": MINI_QUIZ})
    pdf = project / "dist" / "id" / "buku-peserta.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.4 printed handbook")
    assert main(["--root", str(project), "build", "-q"]) == 0
    out = capsys.readouterr().out
    assert "Learner package" in out and "Trainer package" in out and "with 1 PDFs" in out
    assert "ZIM file for Kiwix" in out and (project / "dist" / f"kursus-konselor-{__version__}.zim").is_file()
    learner = project / "dist" / f"kursus-konselor-{__version__}.zip"
    trainer = project / "dist" / f"kursus-konselor-pelatih-{__version__}.zip"
    top = f"kursus-konselor-{__version__}/kursus/"
    with zipfile.ZipFile(learner) as archive:
        names = archive.namelist()
        pages = {n: archive.read(n).decode() for n in names if n.endswith(".html")}
        index = archive.read(f"{top}search/search_index.js").decode()
    assert not [n for n in names if "fasilitator" in n]
    assert not [n for n, html in pages.items() if "Kartu klien" in html or "kk-key" in html]
    assert "Kartu klien" not in index and "Catatan fasilitator" not in index
    about = pages[f"{top}tentang.html"]
    assert "catatan fasilitator" in about and 'href="fasilitator/' not in about  # the words stay, unlinked
    assert 'href="index.html"' in about
    assert "Untuk pelatih" not in pages[f"kursus-konselor-{__version__}/BUKA-SAYA-DULU.html"]
    with zipfile.ZipFile(trainer) as archive:
        names = archive.namelist()
        top = f"kursus-konselor-pelatih-{__version__}/"
        assert f"{top}kursus/fasilitator/index.html" in names and f"{top}kursus/en/fasilitator/index.html" in names
        assert archive.read(f"{top}cetak/id/buku-peserta.pdf") == b"%PDF-1.4 printed handbook"
        assert archive.read(f"{top}untuk-peserta/kursus-konselor-{__version__}.zip") == learner.read_bytes()
        assert f"{top}untuk-peserta/kursus-konselor-{__version__}.zim" in names
        first = archive.read(f"{top}BUKA-SAYA-DULU.html").decode()
        assert "Untuk pelatih" in first and f"kursus-konselor-{__version__}.zip" in first
        assert "kk-key" in archive.read(f"{top}kursus/fasilitator/index.html").decode()


def test_packages_and_site_are_readable_by_everyone(tmp_path: Path) -> None:
    project = make_project(tmp_path / "course", PAGES, {"modul-01.yml": MINI_QUIZ})
    assert main(["--root", str(project), "build", "-q"]) == 0
    for path in [project / "site", project / "site" / "en", *sorted((project / "dist").glob("*.zip"))]:
        expected = 0o755 if path.is_dir() else 0o644
        assert path.stat().st_mode & 0o777 == expected & ~_umask(), path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_learner_edition_of_the_real_course_has_no_facilitator_notes_keys_or_cards(tmp_path: Path) -> None:
    site = tmp_path / "learner"
    build_site(ROOT, site, LEARNER)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    assert not [p for p in pages if "fasilitator" in p.relative_to(site).parts]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for trainer_only in ('class="kk-key', "Catatan fasilitator: Modul", "Facilitator notes: Module"):
            assert trainer_only not in html, (page, trainer_only)
        assert 'href="fasilitator/' not in html and 'href="../fasilitator/' not in html, page

"""A tiny course for the learner-side browser tests (profiles, worksheets, figures): the demo quiz, its
module page, a worksheet marked fillable, and the progress page, in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import build, make_project

KEY = "kursus-konselor/progress"  # the first profile's progress: where progress always was
PROFILES = "kursus-konselor/profiles"

WORKSHEET = {
    "id": """\
# Lembar Kerja Uji {.kk-isian}

## Bagian A {#bagian-a}

| Syarat tertulis | Ya / Tidak / Tanya | Pertanyaan untuk pemberi kerja |
|---|---|---|
| Perempuan | | |
| Usia maksimal 25 tahun | | |
| | | |

## Bagian B {#bagian-b}

| Yang berhasil | Yang bisa lebih baik |
|---|---|
| | |
""",
    "en": """\
# Test Worksheet {.kk-isian}

## Part A {#bagian-a}

| Written requirement | Yes / No / Ask | Question for the employer |
|---|---|---|
| Female | | |
| Max. 25 years old | | |
| | | |

## Part B {#bagian-b}

| What worked | What could be better |
|---|---|
| | |
""",
}

PAGES = {
    "id/index.md": "# Beranda\n",
    "en/index.md": "# Home\n",
    "id/modul-01/index.md": "# Modul uji\n\nBacaan.\n",
    "en/modul-01/index.md": "# Test module\n\nReading.\n",
    "id/modul-01/latihan.md": "# Latihan\n\n<!-- kuis: m01 -->\n",
    "en/modul-01/latihan.md": "# Exercises\n\n<!-- kuis: m01 -->\n",
    "id/modul-01/lembar-kerja.md": WORKSHEET["id"],
    "en/modul-01/lembar-kerja.md": WORKSHEET["en"],
    "id/kemajuan.md": "# Kemajuan saya\n\n<!-- kemajuan -->\n",
    "en/kemajuan.md": "# My progress\n\n<!-- kemajuan -->\n",
}


def build_site(folder: Path) -> Path:
    quiz = (Path(__file__).parent / "demo_quiz.yml").read_text(encoding="utf-8")
    return build(make_project(folder, PAGES, {"modul-01.yml": quiz}))


def seed(page: Any, answers: dict[str, Any], key: str = KEY, worksheets: dict[str, Any] | None = None) -> None:
    """Stores a progress record as an earlier version of the course did, then reloads."""
    record: dict[str, Any] = {"format": "kursus-konselor-progress", "version": 1, "answers": answers}
    if worksheets is not None:
        record["worksheets"] = worksheets
    page.evaluate("([k, d]) => localStorage.setItem(k, JSON.stringify(d))", [key, record])
    page.reload()


def stored(page: Any, key: str) -> Any:
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", key)

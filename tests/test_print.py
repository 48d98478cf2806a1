"""``kursus print`` on a tiny course (tests/print/course): the PDFs a trainer gets, read back with
poppler's pdftotext and pdfinfo. One print run serves the whole module (about 5 s)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kursus.cli import main

from conftest import CHROMIUM, make_project

pytestmark = pytest.mark.browser  # Chromium prints the PDFs

COURSE = Path(__file__).parent / "print" / "course"
ANSWERS = [  # what participants must never find on paper: feedback, explanations, model answer, accepted answer
    "Tepat, pilihan ada di tangan pencari kerja.",
    "Konselor memberi informasi lengkap; keputusan tetap milik pencari kerja.",
    "Status perkawinan tidak terkait pekerjaan.",
    "Betul, tanpa pungutan apa pun.",
    "Karirhub",
    "Urutan itu membuka percakapan",
    "Semua rujukan tepat sasaran.",
    "Kejujuran tentang syarat tertulis membangun kepercayaan.",
    "menolak amplop dengan hangat",
    "Memberi contoh nyata",
]
KEY = [  # what the trainer's key shows: correct options with their feedback, explanations, model answer
    "B. Pencari kerja — Tepat, pilihan ada di tangan pencari kerja.",
    "Konselor memberi informasi lengkap; keputusan tetap milik pencari kerja.",
    "Karirhub",
    "Kejujuran tentang syarat tertulis membangun kepercayaan.",
    "menolak amplop dengan hangat",
    "Memberi contoh nyata",
]
COLLAPSED = "Syarat usia tidak terkait pekerjaan dan perlu ditanyakan"  # the worksheet's hidden self-check note


def print_project(folder: Path, pages: dict[str, str], quizzes: dict[str, str]) -> Path:
    """The small print course as a project. English is partial in it (pages fall back to the Indonesian
    ones), so that it passes the checks the build runs, which print runs too."""
    project = make_project(folder, pages, quizzes)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "complete_languages: [id, en]" in text
    config.write_text(text.replace("complete_languages: [id, en]", "complete_languages: [id]"), encoding="utf-8")
    return project


def course_files() -> tuple[dict[str, str], dict[str, str]]:
    docs = COURSE / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    quizzes = {p.name: p.read_text(encoding="utf-8") for p in (COURSE / "quizzes").glob("*.yml")}
    return pages, quizzes


def needs_tools() -> None:
    missing = [str(CHROMIUM)] if not CHROMIUM.exists() else []
    missing += [tool for tool in ("pdftotext", "pdfinfo") if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not found: apt-get install chromium poppler-utils"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def kursus(*args: str) -> tuple[int, str, str]:
    """The CLI in this process: for runs that stop before Chromium starts."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def kursus_print(*args: str) -> tuple[int, str, str]:
    """The CLI as a trainer runs it, in its own process (Playwright's sync API runs once per process,
    and the browser tests' Chromium may already hold it here)."""
    done = subprocess.run([sys.executable, "-m", "kursus.cli", *args], capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


@dataclass
class Printed:
    out: Path
    code: int
    stdout: str
    stderr: str

    def pages(self, name: str) -> list[str]:
        """The text of each page (pdftotext keeps the layout, pages end with a form feed)."""
        text = subprocess.run(
            ["pdftotext", "-layout", str(self.out / name), "-"], capture_output=True, text=True, check=True
        ).stdout
        return text.split("\f")[:-1]

    def text(self, name: str) -> str:
        """The whole document as one line of words, for phrases that wrap."""
        return " ".join("\n".join(self.pages(name)).split())

    def info(self, name: str) -> dict[str, str]:
        lines = subprocess.run(
            ["pdfinfo", str(self.out / name)], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    needs_tools()
    pages, quizzes = course_files()
    project = print_project(tmp_path_factory.mktemp("print"), pages, quizzes)
    out = project / "handouts"
    code, stdout, stderr = kursus_print("--root", str(project), "print", "--out", str(out), "--html")
    return Printed(out, code, stdout, stderr)


EXPECTED = [
    "id/buku-peserta.pdf",
    "id/panduan-fasilitator.pdf",
    "id/kit-meja.pdf",
    "id/evaluasi-lokakarya.pdf",
    "id/modul-01-kuis.pdf",
    "id/modul-01-lembar-jawaban.pdf",
    "id/modul-01-kunci-jawaban.pdf",
    "en/buku-peserta.pdf",
    "en/panduan-fasilitator.pdf",
    "en/kit-meja.pdf",
    "en/evaluasi-lokakarya.pdf",
    "en/modul-01-kuis.pdf",
    "en/modul-01-lembar-jawaban.pdf",
    "en/modul-01-kunci-jawaban.pdf",
    "id-en/modul-01-kuis.pdf",
]


def test_every_document_is_printed_in_both_languages_with_progress(printed: Printed) -> None:
    assert printed.code == 0, printed.stderr
    assert sorted(p.relative_to(printed.out).as_posix() for p in printed.out.rglob("*.pdf")) == sorted(EXPECTED)
    assert not [p for p in printed.out.rglob("*") if p.name.startswith(".")], "temporary files left behind"
    progress = [line for line in printed.stdout.splitlines() if line.startswith("[")]
    assert [re.match(r"\[\s*\d+/15\] (\S+):", line)[1] for line in progress] == EXPECTED  # type: ignore[index]
    for name in EXPECTED:
        info = printed.info(name)
        assert "(A4)" in info["Page size"], name
        assert f"{info['Pages']} page" in next(line for line in progress if f" {name}:" in line)
    assert printed.info("id/buku-peserta.pdf")["Title"] == "Buku Peserta"
    assert printed.info("en/modul-01-kunci-jawaban.pdf")["Title"] == "Module 1 Answer Key"


def test_every_page_has_a_footer_with_its_number(printed: Printed) -> None:
    pages = printed.pages("id/buku-peserta.pdf")
    assert len(pages) >= 4  # cover, contents, reading, worksheet
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in page
        assert "Kursus Konselor · Buku Peserta" in page
    assert "Page 1 of" in printed.pages("en/modul-01-kuis.pdf")[0]


@pytest.mark.parametrize(
    ("name", "contents"), [("id/buku-peserta.pdf", "Daftar Isi"), ("en/panduan-fasilitator.pdf", "Contents")]
)
def test_the_table_of_contents_gives_the_page_each_heading_is_on(printed: Printed, name: str, contents: str) -> None:
    pages = printed.pages(name)
    toc = next(page for page in pages if contents in page)
    entries = [m.groups() for m in re.finditer(r"^\s*(\S.*?\S)\s{2,}(\d+)\s*$", toc, re.M)]
    assert len(entries) >= 4, toc
    for heading, page in entries:
        assert pages[int(page) - 1] != toc and heading in pages[int(page) - 1], f"{heading!r} is not on page {page}"


def test_handbook_has_reading_worksheet_and_questions_but_no_answers(printed: Printed) -> None:
    text = printed.text("id/buku-peserta.pdf")
    for heading in ("Modul 1: Peran dan Etika", "Tujuan pembelajaran", "Lembar Kerja Modul 1", "Bagian A"):
        assert heading in text
    assert "Kasus: Dewi" in text and "Usia maksimal 25 tahun" in text
    # the question placed in the reading, on paper: options with letters, no answer
    assert "Siapa yang memutuskan lowongan mana yang dilamar?" in text
    assert "A. Konselor" in text and "B. Pencari kerja" in text and "Beri tanda pada satu jawaban." in text
    for answer in [*ANSWERS, COLLAPSED]:
        assert answer not in text, answer
    # links to pages in the handbook stay words; a web address is printed
    assert "(https://kemnaker.go.id/)" in text
    # abbreviations explained on hover on the website are listed at the end
    assert re.search(r"Singkatan Disnaker Dinas Ketenagakerjaan", text)


def test_english_handbook_prints_an_untranslated_page_from_indonesian_and_says_so(printed: Printed) -> None:
    text = printed.text("en/buku-peserta.pdf")
    assert "Module 1: Role and Ethics" in text and "Learning objectives" in text
    assert "This page is not translated yet" in text and "Lembar Kerja Modul 1" in text
    assert "note: en/modul-01/lembar-kerja.md is not translated yet" in printed.stdout


def word_heights(printed: Printed, name: str) -> dict[str, list[float]]:
    """Each word of the PDF with the heights of its boxes (about its font size), by pdftotext -bbox."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(printed.out / name), "-"], capture_output=True, text=True, check=True
    ).stdout
    heights: dict[str, list[float]] = {}
    for y_min, y_max, word in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', html):
        heights.setdefault(word, []).append(float(y_max) - float(y_min))
    return heights


def test_desk_kit_prints_each_handout_and_card_on_its_own_sheet_the_handout_in_large_print(printed: Printed) -> None:
    pages = printed.pages("id/kit-meja.pdf")
    handout = next(i for i, page in enumerate(pages) if "Layanan kami gratis." in page)
    card = next(i for i, page in enumerate(pages) if "Sebutkan nama dan peran Anda." in page)
    referral = next(i for i, page in enumerate(pages) if "Unit Layanan Disabilitas" in page)
    assert referral < handout < card, "course-wide sheets first, then each module's handout, then its card"
    heights = word_heights(printed, "id/kit-meja.pdf")
    assert min(heights["gratis."]) > 1.4 * max(heights["Sebutkan"])  # 16 pt against 10 pt
    # English prints the untranslated kit from Indonesian and says so
    assert "note: en/modul-01/kit-meja.md is not translated yet" in printed.stdout


def test_paper_quiz_numbers_every_question_and_holds_no_answer(printed: Printed) -> None:
    text = printed.text("id/modul-01-kuis.pdf")
    assert "Kuis Modul 1" in text and "Peran dan Etika" in text and "Nama" in text and "Tanggal" in text
    for number in range(1, 10):
        assert re.search(rf"(^|\s){number}\. \S", text), number
    assert "Kasus · Soal 7–8" in text and "Yasinta, 24, lulusan SMK di Kupang" in text
    assert "Tulis nomor urut pada garis" in text and "Tulis huruf dari kolom kanan" in text
    assert "(2 poin)" in text and "(Refleksi, tidak dinilai)" in text
    for answer in ANSWERS:
        assert answer not in text, answer


def test_answer_sheet_has_a_row_per_question_and_room_for_the_score(printed: Printed) -> None:
    [page] = printed.pages("id/modul-01-lembar-jawaban.pdf")
    assert "Lembar Jawaban Modul 1" in page and "Nama" in page and "Skor" in page
    rows = [int(m[1]) for m in re.finditer(r"^\s*(\d+)\s", page, re.M)]
    assert rows[:9] == list(range(1, 10))
    assert re.search(r"^\s*8\s+Benar\s+Salah\s+/\s*2$", page, re.M)  # the question worth 2 points
    assert re.search(r"Jumlah\s+/\s*9$", page, re.M)  # 8 scored questions; the reflection counts none
    for answer in ANSWERS:
        assert answer not in page, answer


def test_answer_key_gives_answers_at_a_glance_and_with_explanations(printed: Printed) -> None:
    text = printed.text("id/modul-01-kunci-jawaban.pdf")
    assert "Untuk fasilitator. Jangan dibagikan" in text
    glance = text[text.index("Kunci singkat") : text.index("Jawaban dan penjelasan")]
    for row in ("1 B 1", "2 A, C 1", "3 Benar 1", "4 Karirhub 1", "8 Salah 2", "Jumlah 9"):
        assert row in glance, row
    for answer in KEY:
        assert answer in text, answer
    english = printed.text("en/modul-01-kunci-jawaban.pdf")
    assert "3 True 1" in english and "the decision stays with the job seeker" in english


def test_facilitator_guide_has_notes_cards_keys_and_worksheet_notes(printed: Printed) -> None:
    text = printed.text("id/panduan-fasilitator.pdf")
    for part in ("Panduan Fasilitator", "Untuk fasilitator", "Rencana sesi", "Bermain peran bertiga", "Kunci jawaban"):
        assert part in text, part
    assert "Kejujuran tentang syarat tertulis membangun kepercayaan." in text  # the key's explanations
    assert "Catatan periksa diri dari lembar kerja" in text and COLLAPSED in text


@pytest.mark.parametrize(
    ("name", "word", "end"),
    [("id/panduan-fasilitator.pdf", "Kartu", "Akhir kartu"), ("en/panduan-fasilitator.pdf", "Card", "End of card")],
)
def test_role_play_cards_never_break_across_pages(printed: Printed, name: str, word: str, end: str) -> None:
    pages = printed.pages(name)
    for number in range(1, 7):
        starts = [i for i, page in enumerate(pages) if re.search(rf"✂\s+{word} {number}:", page)]
        ends = [i for i, page in enumerate(pages) if f"{end} {number}." in page]
        assert len(starts) == 1 and starts == ends, f"card {number}: starts on {starts}, ends on {ends}"
    assert len({i for i, page in enumerate(pages) if f"{word} 1:" in page or f"{word} 6:" in page}) > 1


def test_print_html_has_no_form_controls_scripts_or_site_chrome(printed: Printed) -> None:
    documents = sorted(printed.out.rglob("*.html"))
    assert len(documents) == len(EXPECTED)
    for path in documents:
        html = path.read_text(encoding="utf-8")
        for tag in ("<input", "<select", "<textarea", "<button", "<form", "<script", "<iframe"):
            assert tag not in html.lower(), f"{tag} in {path.name}"
        assert "md-header" not in html and "md-nav" not in html and "kk-quiz" not in html
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.replace('href="https://kemnaker.go.id/"', ""))


def test_one_language_only(tmp_path: Path) -> None:
    needs_tools()
    pages, quizzes = course_files()
    project = print_project(tmp_path / "course", pages, quizzes)
    code, stdout, _ = kursus_print("--root", str(project), "print", "--language", "en", "--out", str(tmp_path / "out"))
    assert code == 0
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.pdf")) == [
        name for name in sorted(EXPECTED) if name.startswith("en/")
    ]
    assert "Printing 7 documents (en)" in stdout


# -- bad input: a clear message, a non-zero exit, nothing written ----------------------------------


def test_quiz_errors_stop_printing_before_anything_is_written(tmp_path: Path) -> None:
    pages, quizzes = course_files()
    quizzes["modul-01.yml"] = quizzes["modul-01.yml"].replace("        correct: true\n", "", 1)
    project = print_project(tmp_path / "course", pages, quizzes)
    code, _, err = kursus("--root", str(project), "print", "--out", str(tmp_path / "out"))
    assert code == 1
    assert "quizzes/modul-01.yml:4: Q030 m01.q01: single choice has 0 correct options" in err
    assert "nothing was printed" in err
    assert not (tmp_path / "out").exists()


def test_unknown_language_and_missing_chromium_are_explained(tmp_path: Path) -> None:
    pages, quizzes = course_files()
    project = print_project(tmp_path / "course", pages, quizzes)
    code, _, err = kursus("--root", str(project), "print", "--language", "fr", "--out", str(tmp_path / "out"))
    assert (code, err.strip()) == (2, "kursus print: unknown language 'fr' (this course has: id, en)")
    code, _, err = kursus("--root", str(project), "print", "--chromium", str(tmp_path / "no-chromium"))
    assert code == 1 and "not found: install Debian's chromium package (apt-get install chromium)" in err
    assert not (project / "dist").exists() or not list((project / "dist").rglob("*.pdf"))


def test_no_course_here(tmp_path: Path) -> None:
    code, _, err = kursus("--root", str(tmp_path), "print")
    assert code == 2 and "mkdocs.yml:1: no mkdocs.yml here" in err

"""The print pack measured on paper: worksheets with room to write by hand, module 1's sort cards as
cards to cut out with the answers kept for the trainer, and the workshop evaluation form.

Positions come from poppler (``pdftotext -bbox``: each word's box, in points from the top left corner of
its page) and are compared in millimetres."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import markdown
import pytest

from kursus.printing.course import Course, load_course
from kursus.printing.writing import ANSWER_MM, column_widths, writing_tables
from test_print import Printed, course_files, kursus_print, needs_tools, print_project

from conftest import ROOT

MM = 25.4 / 72  # millimetres per PDF point
TABLE_RIGHT_MM = 210 - 16  # A4 less the right margin (pdf.MARGIN): where a full-width table ends
CELL_PADDING_MM = 4 * MM + 0.75 * MM / 2  # print.css: 4 pt padding, half the 0.75 pt rule
ROW_MM = 12.0  # the least height of a row to write in by hand
SORT_CARDS = {  # the test course's cards (tests/print/course/docs/*/fasilitator/modul-01.md) and key
    "id": [
        "Merangkum lowongan bulanan untuk rapat dengan sekolah.",
        "Sesi kelompok tentang cara memilih jabatan.",
        "Menerima laporan lowongan dari perusahaan.",
    ],
    "en": [
        "Summarising monthly vacancies for a meeting with schools.",
        "A group session on choosing an occupation.",
        "Receiving a vacancy report from a company.",
    ],
}
SORT_KEY = {
    "id": ["Kunci sortir", "informasi pasar kerja", "penyuluhan dan bimbingan jabatan", "perantaraan kerja"],
    "en": ["Sorting key", "labour market information", "vocational and career guidance", "job brokering"],
}


@dataclass
class Word:
    page: int  # from 1
    x: float  # left edge, mm
    y: float  # top edge, mm
    text: str


def words(pdf: Path) -> list[Word]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for x, y, text in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page):
            found.append(Word(number, float(x) * MM, float(y) * MM, text))
    return found


def first(found: list[Word], text: str, after: Word | None = None) -> Word:
    """The first word of the first ``text`` (one or more words), after ``after`` when given."""
    wanted = text.split()
    start = found.index(after) + 1 if after else 0
    return next(
        w for i, w in enumerate(found[start:], start=start) if [x.text for x in found[i : i + len(wanted)]] == wanted
    )


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    needs_tools()
    pages, quizzes = course_files()
    project = print_project(tmp_path_factory.mktemp("layout"), pages, quizzes)
    out = project / "dist"
    code, stdout, stderr = kursus_print("--root", str(project), "print", "--out", str(out), "--no-bilingual")
    assert code == 0, stderr
    return Printed(out, code, stdout, stderr)


# -- worksheets ------------------------------------------------------------------------------------


@pytest.mark.browser
def test_worksheet_rows_are_high_enough_and_answer_columns_wide_enough_to_write_a_sentence(printed: Printed) -> None:
    found = words(printed.out / "id" / "buku-peserta.pdf")
    header = first(found, "Syarat tertulis")  # | Syarat tertulis | Ya / Tidak / Tanya | Usulan rumusan baru |
    choice, answer = first(found, "Ya / Tidak", header), first(found, "Usulan rumusan", header)
    assert header.page == choice.page == answer.page and header.y == choice.y == answer.y
    widths = [choice.x - header.x, answer.x - choice.x, TABLE_RIGHT_MM - (answer.x - CELL_PADDING_MM)]
    assert min(widths[1:]) >= ANSWER_MM - 1, f"answer columns {widths[1:]} mm"
    assert widths[0] >= 35, f"prompt column {widths[0]} mm"
    rows = [first(found, word, header) for word in ("Perempuan", "Usia", "Berpenampilan")]
    heights = [b.y - a.y for a, b in pairwise(rows)]
    assert min(heights) >= ROW_MM, f"rows {heights} mm"


@pytest.mark.browser
def test_a_table_too_wide_to_write_in_prints_as_stacked_fields(printed: Printed) -> None:
    found = words(printed.out / "id" / "buku-peserta.pdf")
    start = first(found, "Catatan kunjungan")  # five columns: four to write in next to the employer's
    labels = [w for w in found[found.index(start) :] if w.text in ("Tanggal", "Jabatan", "Mau")][:6]
    assert [w.text for w in labels] == ["Tanggal", "Jabatan", "Mau"] * 2, "each row gets every column's label"
    assert "Pemberi kerja Toko Sinar" in printed.text("id/buku-peserta.pdf"), "a row's given text stays"
    space = [b.y - a.y for a, b in pairwise(labels) if a.page == b.page and b.y > a.y]
    assert space and min(space) >= ROW_MM, f"space to write under a label: {space} mm"


def test_column_widths_keep_answer_columns_wide_or_ask_for_stacked_fields() -> None:
    assert column_widths(1, 1) == (89.0, 89.0)
    prompt, answer = column_widths(1, 2) or (0, 0)
    assert answer >= ANSWER_MM and prompt + 2 * answer == pytest.approx(178)
    assert column_widths(0, 3) == (0.0, pytest.approx(59.33, abs=0.01))
    assert column_widths(1, 3) is None and column_widths(0, 4) is None and column_widths(2, 0) is None


def table(markdown_text: str) -> str:
    root = etree.fromstring(f"<div>{markdown.markdown(markdown_text, extensions=['tables'])}</div>")
    writing_tables(root)
    return etree.tostring(root, encoding="unicode")


def test_only_columns_mostly_left_empty_are_for_writing() -> None:
    plan = "| Waktu | Kegiatan | Metode |\n|---|---|---|\n| 0:00 | Pembukaan | pleno |\n| 0:10 | Istirahat | |\n"
    assert "pp-writ" not in table(plan) and "<colgroup" not in table(plan), "a session plan is not a form"
    form = "| Butir | Isian |\n|---|---|\n| Jenjang | mandiri / dibantu |\n| Alasan | |\n| Kapan | |\n| | |\n"
    html = table(form)
    assert '<table class="pp-writing">' in html and html.count('class="pp-write"') == 4  # the empty prompt too
    assert '<col style="width: 50.00%" />' in html


# -- sort cards ------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("language", ["id", "en"])
def test_sort_cards_print_on_a_sheet_of_their_own_without_the_answers(printed: Printed, language: str) -> None:
    pages = printed.pages(f"{language}/panduan-fasilitator.pdf")
    statements, key = SORT_CARDS[language], SORT_KEY[language]
    [sheet] = [page for page in pages if any(statements[0].split()[0] in line for line in page.splitlines())]
    lines = [line for line in sheet.splitlines() if line.strip()][:-1]  # the footer is the last line
    on_sheet = sorted(" ".join(lines).split())
    assert on_sheet == sorted(["1", "2", "3", *" ".join(statements).split()]), "numbered statements, nothing else"
    following = " ".join(pages[pages.index(sheet) + 1].split())
    assert all(answer in following for answer in key), "the key follows on the next sheet, for the trainer"


@pytest.fixture(scope="module")
def real_course() -> Course:
    course, problems = load_course(ROOT)
    assert course is not None, [p.text() for p in problems]
    return course


@pytest.mark.parametrize("language", ["id", "en"])
def test_module_1_sort_cards_are_nine_cards_and_the_key_names_every_card_once(
    real_course: Course, language: str
) -> None:
    source = real_course.source(language, "fasilitator/modul-01.md")
    assert source is not None and source.language == language
    page = real_course.pages.render(
        "fasilitator/modul-01.md",
        real_course.markdown(source),
        source_dir=source.path.parent,
        anchors={},
        markers=lambda kind, ref: None,
        hide_collapsed=False,
    )
    sheet = re.search(r'<div class="kk-kartu-sortir pp-sort">(.*?)</div></div></div>', page.html, re.S)
    assert sheet is not None
    numbers = re.findall(r'pp-sort-card__number">(\d+)</span>\s*<div class="pp-sort-card__text">\S', sheet[1])
    assert [int(n) for n in numbers] == list(range(1, 10)), "nine numbered cards, each with its statement"
    key = re.search(r"<strong>(?:Kunci sortir|Sorting key)[^<]*</strong>([^<]+)", page.html)
    assert key is not None and key.start() > sheet.end(), "the key comes after the sheet of cards"
    numbers = sorted(int(n) for n in re.findall(r"\b(\d)\b", key[1]))
    assert numbers == list(range(1, 10)), "every card is in exactly one group of the key"
    assert not re.search(r"\d[–-]\d", key[1]), "no run of card numbers: the numbers don't give the groups away"


# -- the workshop evaluation form ------------------------------------------------------------------

EVALUATION = {
    "id": (
        "Evaluasi Lokakarya",
        "Lingkari satu angka",
        "1 berarti sangat tidak setuju",
        "minggu depan",
        "Untuk fasilitator",
    ),
    "en": ("Workshop Evaluation", "Circle one number", "1 means strongly disagree", "next week", "For facilitators"),
}


@pytest.mark.browser
@pytest.mark.parametrize("language", ["id", "en"])
def test_evaluation_form_is_one_sheet_with_ratings_in_front_and_room_to_write_on_the_back(
    printed: Printed, language: str
) -> None:
    title, circle, end, next_week, trainer_note = EVALUATION[language]
    name = f"{language}/evaluasi-lokakarya.pdf"
    front, back = printed.pages(name)
    assert printed.info(name)["Title"] == title
    front_words = " ".join(front.split())
    assert circle in front_words and end in front_words
    assert len(re.findall(r"(?m)\s1\s+2\s+3\s+4\s+5\s*$", front)) == 7, "seven items to rate 1-5"
    assert next_week in " ".join(back.split())
    assert trainer_note not in front_words, "the trainer's note stays on the website"
    found = [w for w in words(printed.out / name) if w.page == 2 and re.fullmatch(r"(8|9|10|11)\.", w.text)]
    assert [w.text for w in found] == ["8.", "9.", "10.", "11."]
    assert min(b.y - a.y for a, b in pairwise(found)) >= 40, "room for a few sentences"


def test_evaluation_pages_ask_the_same_items_in_both_languages(real_course: Course) -> None:
    counts = {}
    for language in ("id", "en"):
        source = real_course.source(language, "fasilitator/evaluasi-lokakarya.md")
        assert source is not None and source.language == language
        text = real_course.markdown(source)
        rated = re.findall(r"(?m)^\| [1-9] \| .+ \| 1 \| 2 \| 3 \| 4 \| 5 \|$", text)
        open_ = re.findall(r"(?m)^\| (?:8|9|1[0-2])\. .+ \| \|$", text)
        counts[language] = (len(rated), len(open_))
    assert counts["id"] == counts["en"]
    rated, open_ = counts["id"]
    assert 8 <= rated + open_ <= 12 and rated >= 5 and open_ >= 3

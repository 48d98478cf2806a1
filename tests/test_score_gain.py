"""``kursus score --pre … --post …``: pairing and learning gain on a sample class (tests/data/gain/), figures
worked out by hand below; the report as snapshots (tests/gain/expected/, ``pytest --update-snapshots``);
the chart's SVG; errors for a sheet of the wrong form.

The class (4 items of 1 point per form; awal.q02/akhir.q02 single choice, the others true/false):

============  ====================  ====================  =====  ==============
participant   pre (q01 q02 q03 q04)  post                 gain   g
============  ====================  ====================  =====  ==============
Ani           1 0 0 0 = 1           (not in post)
Budi Santoso  0 0 1 0 = 1           1 1 1 0 = 3           +2     2/3
Citra         1 1 0 0 = 2           1 1 1 1 = 4 (CITRA)   +2     2/2 = 1
Dewi          1 1 1 1 = 4           1 1 1 0 = 3           -1     undefined
Eko           0 - 0 0 = 0 (blank)   1 1 1 0 = 3           +3     3/4
Fitri         1 0 1 0 = 2           1 1 1 1 = 4           +2     1
Gita          0 1 1 1 = 3           1 1 0 1 = 3            0     0
Indra         1 0 0 1 = 2           0 0 0 1 = 1           -1     -1/2
Hadi          (not in pre)          1 1 1 1 = 4
============  ====================  ====================  =====  ==============

Paired: 7. Mean pre 14/7 = 2, mean post 21/7 = 3, mean raw gain 7/7 = 1, class g (3-2)/(4-2) = 0.5,
mean of the 6 defined g (2/3 + 1 + 3/4 + 1 + 0 - 1/2) / 6 = 35/72.
Objectives among the paired: m01.t1 (q01) 4/7 -> 6/7; m01.t2 (q02) 3/7 -> 6/7; m02.t1 (q03 and q04)
7/14 -> 9/14. Least improved first: m02.t1 (+1/7), m01.t1 (+2/7), m01.t2 (+3/7).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kursus.cli import main
from kursus.quiz.bank import load_bank, quiz_files
from kursus.quiz.objectives import objective_text
from kursus.scoring import codes
from kursus.scoring.gain import compare, normalised_gain, read_form

from conftest import assert_snapshot, make_project

HERE = Path(__file__).parent
FORMS = HERE / "gain"
DATA = HERE / "data" / "gain"
EXPECTED = FORMS / "expected"

OBJECTIVES = {
    "id": {
        "modul-01": ["menghormati keputusan klien", "menjelaskan siapa yang memutuskan", "merujuk dengan izin"],
        "modul-02": ["membuka wawancara dengan perkenalan dan merangkum dengan tepat", "mendengarkan secara aktif"],
    },
    "en": {
        "modul-01": ["respect the client's decision", "explain who decides", "refer with consent"],
        "modul-02": ["open an interview with an introduction and summarise accurately", "listen actively"],
    },
}


def module_page(language: str, folder: str) -> str:
    head = "Tujuan pembelajaran" if language == "id" else "Learning objectives"
    bullets = "".join(f"- {text};\n" for text in OBJECTIVES[language][folder])
    return f"# {folder}\n\n## {head} {{#tujuan}}\n\nIntro:\n\n{bullets}\n## Isi {{#isi}}\n\nTeks.\n"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = {
        f"{lang}/{folder}/index.md": module_page(lang, folder) for lang in ("id", "en") for folder in OBJECTIVES[lang]
    }
    quizzes = {name: (FORMS / name).read_text(encoding="utf-8") for name in ("tes-awal.yml", "tes-akhir.yml")}
    return make_project(tmp_path_factory.mktemp("gain"), pages, quizzes)


def run(course: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["--root", str(course), "score", *args])
    out, err = capsys.readouterr()
    return status, out, err


# -- the figures ---------------------------------------------------------------------------------------------


def test_pairing_and_gain_on_the_sample_class(course: Path) -> None:
    bank, problems = load_bank(quiz_files(course / "quizzes"), course)
    assert problems == []
    pre_form, post_form = bank.module("awal"), bank.module("akhir")
    assert pre_form is not None and post_form is not None
    pre = read_form([(DATA / "jawaban-awal.csv", "jawaban-awal.csv")], pre_form, "akhir", bank, "id")
    post = read_form([(DATA / "jawaban-akhir.csv", "jawaban-akhir.csv")], post_form, "awal", bank, "id")
    gain = compare(pre_form, post_form, pre, post, lambda ref: objective_text(course / "docs", ref, "en", "id"))

    people = {p.name: (p.pre, p.post, p.gain, p.g) for p in gain.people}
    # named as in the pre file: "  budi   santoso " and "CITRA" in the post file are the same people
    assert list(people) == ["Budi Santoso", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Indra"]
    assert people["Budi Santoso"][:3] == (1, 3, 2) and people["Budi Santoso"][3] == pytest.approx(2 / 3)
    assert people["Citra"] == (2, 4, 2, 1.0)
    assert people["Dewi"] == (4, 3, -1, None)  # a perfect pre score: g undefined, never a division by zero
    assert people["Eko"] == (0, 3, 3, 0.75)  # his blank counts as wrong
    assert people["Gita"] == (3, 3, 0, 0.0)
    assert people["Indra"] == (2, 1, -1, -0.5)
    assert [(u.name, u.where, u.form) for u in gain.only_pre] == [("Ani", "jawaban-awal.csv:2", "awal")]
    assert [(u.name, u.where, u.form) for u in gain.only_post] == [("Hadi", "jawaban-akhir.csv:9", "akhir")]

    assert gain.mean_pre == pytest.approx(2.0)
    assert gain.mean_post == pytest.approx(3.0)
    assert gain.mean_gain == pytest.approx(1.0)
    assert gain.class_g == pytest.approx(0.5)
    assert gain.mean_g == pytest.approx(35 / 72)
    assert gain.undefined_g == 1

    rows = [(o.objective, o.numbers, o.pre, o.post) for o in gain.objectives]
    assert rows == [
        ("m02.t1", ["q03", "q04"], pytest.approx(7 / 14), pytest.approx(9 / 14)),
        ("m01.t1", ["q01"], pytest.approx(4 / 7), pytest.approx(6 / 7)),
        ("m01.t2", ["q02"], pytest.approx(3 / 7), pytest.approx(6 / 7)),
    ]
    assert gain.objectives[0].text == "open an interview with an introduction and summarise accurately"


def test_normalised_gain_edges() -> None:
    assert normalised_gain(4, 4, 4, 4) is None  # nothing left to gain
    assert normalised_gain(0, 0, 0, 0) is None  # a form without points
    assert normalised_gain(2, 4, 4, 8) == pytest.approx(0.0)  # 50% before and after: forms of other sizes


# -- the reports ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "language", "name"),
    [("table", "id", "perolehan.id.txt"), ("csv", "en", "perolehan.en.csv"), ("html", "en", "perolehan.en.html")],
)
def test_report_snapshots(
    fmt: str,
    language: str,
    name: str,
    course: Path,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(DATA)  # the report names its sources as given
    args = ["--pre", "jawaban-awal.csv", "--post", "jawaban-akhir.csv", "--format", fmt, "--language", language]
    status, out, err = run(course, *args, capsys=capsys)
    assert (status, err) == (0, "")
    assert_snapshot(request, EXPECTED / name, out)


def test_terminal_report_says_what_a_trainer_needs(
    course: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DATA)
    _, out, _ = run(course, "--pre", "jawaban-awal.csv", "--post", "jawaban-akhir.csv", capsys=capsys)
    assert "g kelas (dari rata-rata)" in out and re.search(r"g kelas \(dari rata-rata\)\s+0,50", out)
    assert "tak terdefinisi (tes awal sudah maksimum)" in out  # Dewi
    assert "jawaban-awal.csv:2: Ani" in out and "jawaban-akhir.csv:9: Hadi" in out
    objectives = out.split("Per tujuan pembelajaran")[1]
    assert objectives.index("m02.t1") < objectives.index("m01.t1") < objectives.index("m01.t2")
    assert "membuka wawancara dengan perkenalan" in objectives  # the objective's words, in the report's language
    assert "Cara membaca laporan ini" in out


def test_html_report_has_a_deterministic_chart_after_its_table(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pre, post = str(DATA / "jawaban-awal.csv"), str(DATA / "jawaban-akhir.csv")
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert run(course, "--pre", pre, "--post", post, "-o", str(first), capsys=capsys)[0] == 0
    assert run(course, "--pre", pre, "--post", post, "-o", str(second), capsys=capsys)[0] == 0
    html = first.read_text(encoding="utf-8")
    assert html == second.read_text(encoding="utf-8")
    charts = re.findall(r"<svg [^>]*>", html)
    assert len(charts) == 2 and all('role="img"' in c and "aria-label=" in c for c in charts)
    assert "<dc:date>" not in html and "<metadata>" not in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # two charts in one page: no id twice
    # each chart follows the table that holds its figures (its text alternative)
    assert html.index("<table><caption>Per peserta") < html.index('aria-label="Skor tes awal')
    assert html.index("<table><caption>Per tujuan") < html.index('aria-label="Jawaban benar per tujuan')
    assert "m02.t1" in html.split('aria-label="Jawaban benar per tujuan')[1]  # the labels are text


# -- errors ------------------------------------------------------------------------------------------------------


def test_swapped_sheets_are_an_error_at_the_header(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DATA)
    out_file = tmp_path / "laporan.html"
    status, out, err = run(
        course, "--pre", "jawaban-akhir.csv", "--post", "jawaban-awal.csv", "-o", str(out_file), capsys=capsys
    )
    assert status == 1 and out == "" and not out_file.exists()
    assert err.startswith("jawaban-akhir.csv:1: ")
    assert "--pre dan --post tertukar" in err


def test_a_module_sheet_is_not_a_form(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "modul.csv"
    sheet.write_text("\npeserta,m01.q01,m01.q02\nAni,A,B\n", encoding="utf-8")
    status, _, err = run(course, "--pre", str(sheet), "--post", str(DATA / "jawaban-akhir.csv"), capsys=capsys)
    assert status == 1
    assert err.startswith(f"{sheet.as_posix()}:2: ") and "m01" in err and "'kursus score template awal'" in err


def test_usage_errors(course: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(course, "--pre", str(DATA / "jawaban-awal.csv"), capsys=capsys)
    assert status == 2 and "needs both --pre FILE and --post FILE" in err
    bare = make_project(tmp_path / "bare", {}, {})
    status, _, err = run(
        bare, "--pre", str(DATA / "jawaban-awal.csv"), "--post", str(DATA / "jawaban-akhir.csv"), capsys=capsys
    )
    assert status == 2 and "no awal check: quizzes/tes-awal.yml" in err


def test_template_for_a_form(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(course, "template", "awal", capsys=capsys)
    assert status == 0 and out.splitlines()[0] == "peserta,awal.q01,awal.q02,awal.q03,awal.q04"


def test_csv_for_indonesian_excel(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "perolehan.csv"
    pre, post = str(DATA / "jawaban-awal.csv"), str(DATA / "jawaban-akhir.csv")
    assert run(course, "--pre", pre, "--post", post, "--csv-excel-id", "-o", str(out_file), capsys=capsys)[0] == 0
    text = out_file.read_bytes().decode("utf-8")  # as written: CRLF line ends, as CSV has them
    assert text.startswith("\ufeffpeserta;Tes awal;Tes akhir;")
    assert "\r\ng kelas (dari rata-rata);0,5000\r\n" in text
    assert "\r\nCitra;2;4;4;4;2;1,0000\r\n" in text


def test_result_codes_join_the_paper_sheets(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hadi took the pre-course check in the browser: his code pairs him; a code of the other form is refused."""
    bank, _ = load_bank(quiz_files(course / "quizzes"), course)
    pre_form, post_form = bank.module("awal"), bank.module("akhir")
    assert pre_form is not None and post_form is not None
    first = {"v": "false", "first": {"v": "false"}}  # q01 right (false), q03 wrong, q04 right (false)
    answers = {"awal.q01": first, "awal.q02": {"v": 0, "first": {"v": 0}}, "awal.q04": first}
    wrong_form = codes.encode(post_form, {}, "id")
    (tmp_path / "kode-awal.txt").write_text(
        f"Hadi: {codes.encode(pre_form, answers, 'id')}\nJoko: {wrong_form}\n", encoding="utf-8"
    )
    monkeypatch.chdir(DATA)
    pre_codes = str(tmp_path / "kode-awal.txt")
    args = ["--pre", "jawaban-awal.csv", "--pre", pre_codes, "--post", "jawaban-akhir.csv", "--format", "csv"]
    status, out, err = run(course, *args, capsys=capsys)
    assert status == 1  # Joko's code is not scored
    assert f"{Path(pre_codes).as_posix()}:2: " in err
    assert "\r\nHadi,3,4,4,4,1,1.0000\r\n" in out  # 3 of 4 before, 4 of 4 after: g = 1/1
    assert "Only in the post-course check" not in out and "Hanya ada di tes akhir" not in out

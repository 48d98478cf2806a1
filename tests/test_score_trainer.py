"""What a trainer sees from ``kursus score`` for a class of 12 (tests/scoring/kelas-besar.csv, module m02):
the terminal report as a snapshot, the review list agreeing with the legend, the HTML report's content,
the Excel-Indonesian CSV read back, and answers accepted for the class with their mistakes reported."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kursus.cli import main

from conftest import assert_snapshot, make_project

HERE = Path(__file__).parent / "scoring"
EXPECTED = HERE / "expected"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    quizzes = {name: (HERE / name).read_text(encoding="utf-8") for name in ("modul-01.yml", "modul-02.yml")}
    return make_project(tmp_path_factory.mktemp("score"), {}, quizzes)


@pytest.fixture(autouse=True)
def here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE)  # reports name their sources as given: kelas-besar.csv, terima.csv


def run(course: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["--root", str(course), "score", *args])
    out, err = capsys.readouterr()
    return status, out, err


def flat(text: str) -> str:
    """The report's words with the terminal's line wrapping undone."""
    return " ".join(text.split())


def test_terminal_report_for_a_class_of_twelve(
    course: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(course, "kelas-besar.csv", "--accept-file", "terima.csv", capsys=capsys)
    assert status == 0 and err == ""
    assert_snapshot(request, EXPECTED / "kelas-besar.id.txt", out)
    assert "Simpangan baku 1,3; median 4,0; reliabilitas KR-20 0,26." in out
    assert "Perhatian" not in out  # 12 participants: no small-class caution
    assert "mencatat jawaban pertama yang diperiksa untuk setiap soal; mencoba lagi adalah latihan" in flat(out)


def _printed_items(out: str) -> dict[str, tuple[Decimal, Decimal | None, Decimal | None, str]]:
    """id -> (facility, D, r-pb, flags) as printed in the terminal's item table (English)."""
    found = {}
    for line in out.splitlines():
        m = re.match(r"\s*\d+\s+(m\d\d\.q\d\d)\s+.*?\s+\d+\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$", line)
        if m and re.match(r"[\d.–-]+$", m.group(2)):
            values = [None if v == "–" else Decimal(v) for v in m.group(2, 3, 4)]
            assert values[0] is not None
            found[m.group(1)] = (values[0], values[1], values[2], m.group(5))
    return found


@pytest.mark.parametrize(("sheet", "small"), [("kelas-besar.csv", False), ("kelas.csv", True)])
def test_the_review_list_is_exactly_what_the_legend_says(
    sheet: str, small: bool, course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(course, sheet, "--language", "en", capsys=capsys)
    assert "discriminates weakly when D or r-pb is below 0.20" in flat(out) and "above 0.90" in flat(out)
    items = _printed_items(out)
    assert len(items) == 6
    revisit = out.split("Questions to revisit\n")[1].split("\n\n")[0]
    for qid, (facility, d, rpb, printed) in items.items():
        want = []
        if facility > Decimal("0.90"):
            want.append("too easy")
        if facility < Decimal("0.20"):
            want.append("too hard")
        indexes = [v for v in (d, rpb) if v is not None]
        if not small and any(v < 0 for v in indexes):
            want.append("discriminates negatively")
        elif not small and any(v < Decimal("0.20") for v in indexes):
            want.append("discriminates weakly")
        assert printed == "; ".join(want), qid
        assert (qid in revisit) is bool(want), qid
    assert ("Caution: only 8 participants (fewer than 10)" in flat(out)) is small
    if small:  # m01.q06 has D -1.00 in a class of 8: shown, not flagged, and the caution says why
        assert items["m01.q06"][1] == Decimal("-1.00") and items["m01.q06"][3] == ""


def test_html_report_says_what_was_accepted_what_is_close_and_how_to_read_it(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(
        course, "kelas-besar.csv", "--accept-file", "terima.csv", "--format", "html", "--language", "en", capsys=capsys
    )
    assert status == 0
    accepted = out.split("<h2>Answers the trainer accepted for this class")[1].split("</ul>")[0]
    assert "“rapi sopan” (id) · <code>terima.csv:3</code> · 2: Budi, Eko" in accepted
    assert "“berpakaian rapi” (id) · <code>terima.csv:4</code> · 0: nobody wrote it" in accepted
    near = out.split("<h2>Short answers close to an accepted one: still wrong, you decide</h2>")[1].split("</ul>")[0]
    assert "“rapih” (2: Citra, Lukas) is close to “rapi”; to accept it, add the line m02.q03,rapih" in near
    assert "“pelatian kerja” (2: Citra, Gita) is close to “pelatihan kerja”" in near
    assert "Standard deviation 1.3; median 4.0; KR-20 reliability 0.26." in out
    legend = out.split("<h2>How to read this report</h2>")[1]
    for term in ("Facility index", "Flags", "KR-20 reliability", "Result code", "✓+ and near misses"):
        assert f"<dt>{term}</dt>" in legend, term
    assert "records each question&#x27;s first checked answer; retries are practice" in legend
    assert '<span class="label">“rapi sopan”✓+</span><span class="num">2</span>' in out  # marked as the class's
    assert 'class="caution"' not in out


def test_html_report_of_a_small_class_warns_before_the_numbers(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(course, "kelas.csv", "--format", "html", "--language", "en", capsys=capsys)
    caution = out.index('<p class="caution" role="note">Caution: only 8 participants (fewer than 10).')
    assert caution < out.index("<h2>Item statistics</h2>")
    assert "Cronbach&#x27;s alpha reliability 0.16" in out  # q02 is worth 2 points: alpha, named so


def test_near_misses_are_listed_and_stay_wrong_without_an_accept_file(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(course, "kelas-besar.csv", "--language", "en", capsys=capsys)
    assert re.search(r"\nBudi +5/6 +83% +3\n", out)  # 'rapi sopan' is wrong until the trainer accepts it
    # Eko's 'Rapi sopan' is the same answer as Budi's (the site ignores capitals): one line for both
    assert (
        "“rapi sopan” (2: Budi, Eko) is close to “rapi dan sopan”; to accept it, add the line m02.q03,rapi sopan" in out
    )
    assert "“rapih” (2: Citra, Lukas) is close to “rapi”" in out


def test_excel_indonesian_csv_reads_back_with_semicolons_and_decimal_commas(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "laporan.csv"
    status, out, _ = run(
        course, "kelas-besar.csv", "--accept-file", "terima.csv", "--csv-excel-id", "-o", str(target), capsys=capsys
    )
    assert status == 0 and f"Laporan ditulis: {target}" in out
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["peserta", "Skor", "Maks", "%", "m02.q01", "m02.q02", "m02.q03", "m02.q04", "m02.q05", "m02.q06"]
    assert rows[1][:4] == ["Ani", "4", "6", "67%"]
    stats = rows[rows.index(["Peserta", "Rata-rata", "Simpangan baku", "Median", "reliabilitas KR-20"]) + 1]
    assert stats[0] == "12" and [float(v.replace(",", ".")) for v in stats[1:]] == pytest.approx(
        [4.0, 1.2792, 4.0, 0.2556],
        abs=5e-5,  # sum of pq 1.1806, score variance 18 / 12 = 1.5: KR-20 = 6/5 * (1 - 1.1806 / 1.5)
    )
    items = {r[1]: r for r in rows if len(r) == 10 and r[1].startswith("m02.")}
    assert items["m02.q02"][5] == "0,9167" and items["m02.q02"][9] == "terlalu mudah; daya beda negatif"
    assert "Cara membaca laporan ini" in [r[0] for r in rows if r]
    assert not any(re.fullmatch(r"-?\d+\.\d+", cell) for row in rows for cell in row)  # no decimal point


def test_excel_csv_is_csv_only(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(course, "kelas-besar.csv", "--csv-excel-id", "--format", "html", capsys=capsys)
    assert status == 2 and "--csv-excel-id writes CSV" in err


def test_accept_on_the_command_line(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(course, "kelas-besar.csv", "--accept", "m02.q03=rapih", "--language", "en", capsys=capsys)
    assert status == 0
    assert "  3  m02.q03  “rapih”  --accept  2: Citra, Lukas" in out
    assert "“rapih” (2" not in out  # accepted now: no longer a near miss


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("m02.q3,rapi\n", "terima-salah.csv:1: m02.q3 bukan id soal kursus ini; mungkin maksudnya m02.q03?"),
        ("soal,jawaban\nm02.q01,B\n", "terima-salah.csv:2: m02.q01 bukan soal isian singkat"),
        ("m02.q03,rapi\nm02.q03,  \n", "terima-salah.csv:2: jawaban untuk m02.q03 kosong"),
        ("m02.q03,rapi,fr\n", "terima-salah.csv:1: bahasa 'fr' tidak ada di kursus ini (id, en)"),
        ("# catatan\n\nm02.q03,rapi,id,lagi\n", "terima-salah.csv:3: baris ini punya 4 sel"),
        ("# hanya catatan\n", "terima-salah.csv:1: tidak ada jawaban di berkas ini"),
        ('m02.q03,"rapi\n', "terima-salah.csv:1: bukan CSV yang sah"),
    ],
)
def test_mistakes_in_the_accept_file_stop_with_path_and_line(
    content: str, message: str, course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "terima-salah.csv"
    bad.write_text(content, encoding="utf-8")
    status, out, err = run(course, "kelas-besar.csv", "--accept-file", str(bad), capsys=capsys)
    assert status == 1 and out == ""
    assert err.startswith(f"{bad.parent.as_posix()}/{message}"), err
    assert "Traceback" not in err


def test_an_accept_file_from_excel_on_windows_is_read(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accept = tmp_path / "terima.csv"
    accept.write_bytes(
        "soal;jawaban;bahasa\r\nm02.q03;rapi sopan;id\r\nm02.q03;rapi sopan\r\nm02.q03;rapí\r\n".encode("cp1252")
    )
    status, out, _ = run(course, "kelas-besar.csv", "--accept-file", str(accept), "--language", "en", capsys=capsys)
    assert status == 0
    assert f"{accept.as_posix()}:3: this answer is already on line 2; this line is ignored" in out
    assert "Windows-1252" in out


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("rapi", "--accept 'rapi': write --accept QUESTION=ANSWER"),
        ("m02.q01=B", "--accept 'm02.q01=B': m02.q01 is not a short-answer question"),
        ("m09.q01=x", "--accept 'm09.q01=x': m09.q01 is not a question id of this course"),
    ],
)
def test_a_wrong_accept_option_is_a_usage_error(
    option: str, message: str, course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(course, "kelas-besar.csv", "--accept", option, "--language", "en", capsys=capsys)
    assert status == 2 and message in err, err


def test_an_answer_the_quiz_accepts_already_is_said_and_ignored(
    course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accept = tmp_path / "terima.csv"
    accept.write_text("m02.q03,Rapi\nm02.q03,rapi sopan\n", encoding="utf-8")
    status, out, _ = run(
        course, "kelas-besar.csv", "--accept-file", str(accept), "--accept", "m02.q04=Job Training", capsys=capsys
    )
    assert status == 0
    assert f"{accept.as_posix()}:1: berkas kuis sudah menerima jawaban ini untuk m02.q03; baris ini diabaikan" in out
    assert "--accept:1: berkas kuis sudah menerima jawaban ini untuk m02.q04" in out
    assert f"  3  m02.q03  “rapi sopan”  {accept.as_posix()}:2  2: Budi, Eko" in out

"""Workshop scoring: the paper contract, reading answer sheets, and scores and item statistics checked
against figures worked out by hand for a small class (tests/scoring/kelas.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kursus.quiz.bank import Bank, load_bank
from kursus.quiz.model import Question, Quiz
from kursus.scoring import paper
from kursus.scoring.model import BLANK, InputError, Intake, Level, Participant, Response, is_correct
from kursus.scoring.sheet import read_sheet, template
from kursus.scoring.stats import group_size, score

HERE = Path(__file__).parent / "scoring"


@pytest.fixture(scope="module")
def bank() -> Bank:
    found, problems = load_bank([HERE / "modul-01.yml"])
    assert not problems
    return found


@pytest.fixture(scope="module")
def quiz(bank: Bank) -> Quiz:
    found = bank.module("m01")
    assert found is not None
    return found


def question(quiz: Quiz, qid: str) -> Question:
    return next(q for q in quiz.questions() if q.id == qid)


# -- the paper contract ----------------------------------------------------------------------------
# Printed labels of the fixture (render.shuffled): steps A=Pembukaan(1) B=Persiapan(0) C=Penutupan(3)
# D=Eksplorasi(2), so the right order reads BADC; rights A=LTSA(2) B=Pemagangan(0) C=JKP(1): BCA.


def test_printed_labels_follow_the_website_shuffle(quiz: Quiz) -> None:
    assert paper.step_order(question(quiz, "m01.q05")) == [1, 0, 3, 2]
    assert paper.right_order(question(quiz, "m01.q06")) == [2, 0, 1]
    assert [paper.key(q) for q in quiz.questions()[:6]] == ["B", "AC", "B", "TPT", "BADC", "BCA"]


def test_printed_quiz_uses_the_same_labels(bank: Bank) -> None:
    """The paper quiz (kursus.printing) must label steps and matching items as the scorer reads them:
    the trainer's printed quick key, read the scorer's way, is the scorer's key."""
    from kursus.printing.paper import PaperRenderer
    from kursus.quiz.render import Renderer

    real, _ = load_bank(sorted((Path(__file__).parent.parent / "quizzes").glob("modul-*.yml")))
    for source in (real, bank):
        printed = PaperRenderer(Renderer(source, "id", "id", lambda key: key))
        for q in source.questions():
            if q.type == "ordering":  # printed: 'A 2 · B 1 · …' (letter, rank); key: letters by rank
                ranks = dict(pair.split() for pair in printed.compact_answer(q).split(" · "))
                assert "".join(sorted(ranks, key=lambda k: int(ranks[k]))) == paper.key(q), q.id
            if q.type == "matching":  # printed: '1 B · 2 A · …' (row, letter); key: letters by row
                rows = [pair.split()[1] for pair in printed.compact_answer(q).split(" · ")]
                assert "".join(rows) == paper.key(q), q.id
            if q.type in ("single", "multiple"):
                assert printed.compact_answer(q).replace(", ", "") == paper.key(q), q.id


@pytest.mark.parametrize(
    ("qid", "cell", "value"),
    [
        ("m01.q01", "B", 1),
        ("m01.q01", " b. ", 1),
        ("m01.q01", "(d)", 3),
        ("m01.q02", "AC", (0, 2)),
        ("m01.q02", "c, a", (0, 2)),
        ("m01.q02", "A C A", (0, 2)),
        ("m01.q03", "B", True),
        ("m01.q03", "salah", False),
        ("m01.q03", "t", True),
        ("m01.q03", "F", False),
        ("m01.q04", " Tingkat  Pengangguran ", "Tingkat  Pengangguran"),  # matched later, as the site does
        ("m01.q05", "BADC", (0, 1, 2, 3)),  # letters in the chosen order
        ("m01.q05", "b-a-d-c", (0, 1, 2, 3)),
        ("m01.q05", "2143", (0, 1, 2, 3)),  # numbers in front of A, B, C, D
        ("m01.q05", "1 2 3 4", (1, 0, 3, 2)),  # printed order kept: Pembukaan first
        ("m01.q05", "ABCD", (1, 0, 3, 2)),
        ("m01.q06", "BCA", (0, 1, 2)),
        ("m01.q06", "b c a", (0, 1, 2)),
        ("m01.q06", "B-A", (0, None, 2)),  # row 2 left empty
        ("m01.q06", "AAA", (2, 2, 2)),  # the same item for every row: answered, and wrong
    ],
)
def test_cells_are_read_as_the_paper_contract_says(quiz: Quiz, qid: str, cell: str, value: object) -> None:
    assert paper.parse_cell(question(quiz, qid), cell) == Response(value)


@pytest.mark.parametrize("qid", ["m01.q01", "m01.q02", "m01.q03", "m01.q04", "m01.q05", "m01.q06"])
@pytest.mark.parametrize("cell", ["", "  ", "-", "—"])
def test_empty_cells_are_unanswered(quiz: Quiz, qid: str, cell: str) -> None:
    assert paper.parse_cell(question(quiz, qid), cell) == BLANK


@pytest.mark.parametrize("qid", ["m01.q01", "m01.q02", "m01.q03", "m01.q05", "m01.q06"])
def test_x_is_answered_but_invalid_and_counts_as_wrong(quiz: Quiz, qid: str) -> None:
    found = paper.parse_cell(question(quiz, qid), "x")
    assert found == Response(invalid=True)
    assert isinstance(found, Response) and not is_correct(question(quiz, qid), found)


@pytest.mark.parametrize(
    ("qid", "cell"),
    [
        ("m01.q01", "E"),  # only four options
        ("m01.q01", "AB"),  # one answer only
        ("m01.q01", "1"),
        ("m01.q02", "AE"),
        ("m01.q03", "Y"),
        ("m01.q05", "BAD"),  # a step missing
        ("m01.q05", "BADD"),
        ("m01.q05", "2144"),
        ("m01.q05", "21435"),
        ("m01.q06", "BC"),  # a row missing: which one?
        ("m01.q06", "BCD"),
    ],
)
def test_cells_that_do_not_fit_are_refused(quiz: Quiz, qid: str, cell: str) -> None:
    assert isinstance(paper.parse_cell(question(quiz, qid), cell), paper.BadCell)


def test_short_answers_match_like_the_website_in_any_course_language(quiz: Quiz) -> None:
    q = question(quiz, "m01.q04")
    assert is_correct(q, Response("  tpt. "))
    assert is_correct(q, Response("Open Unemployment Rate"))  # accepted in English
    assert not is_correct(q, Response("TPR"))
    assert is_correct(q, Response(judged=True)) and not is_correct(q, Response("TPT", judged=False))


# -- the template ---------------------------------------------------------------------------------


def test_template_has_a_name_column_every_scored_question_and_a_hint_row(quiz: Quiz) -> None:
    strings = {"score_col_participant": "peserta", "score_template_hint_row": "# petunjuk", "question": "Soal"}
    text = template(quiz, lambda key: strings.get(key, key + " {letters}"))
    header, hints = text.splitlines()[:2]
    assert header == "peserta,m01.q01,m01.q02,m01.q03,m01.q04,m01.q05,m01.q06"  # m01.q07 is reflective
    assert hints.startswith("# petunjuk,Soal 1: score_cell_single A–D,")


# -- reading a sheet -------------------------------------------------------------------------------


def test_every_row_of_the_class_sheet_is_accounted_for(quiz: Quiz) -> None:
    intake = read_sheet(HERE / "kelas.csv", "kelas.csv", quiz)
    assert [p.name for p in intake.participants] == ["Ani", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi"]
    # 13 rows under the header: 8 scored, 3 rejected, 1 empty, 1 comment (the hint row)
    assert (intake.rows, len(intake.participants), intake.rejected, intake.empty, intake.comments) == (13, 8, 3, 1, 1)
    found = {(n.line, n.key, n.level) for n in intake.notes}
    assert found == {
        (1, "score_warn_reflective", Level.WARNING),  # the m01.q07 column is ignored, and said so
        (12, "score_rej_answer", Level.REJECTED),  # Indra: option E does not exist
        (13, "score_rej_duplicate", Level.REJECTED),  # 'ani' again
        (14, "score_rej_columns", Level.REJECTED),  # Joko: 4 cells
    }
    assert intake.participants[2].responses["m01.q04"] == Response("tpt.")  # Citra's '  tpt. ', as written


def write(tmp_path: Path, text: str, name: str = "sheet.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_column_naming_no_question_stops_the_scoring(quiz: Quiz, tmp_path: Path) -> None:
    sheet = write(tmp_path, "Peserta,m01.q01,m01.q99\nAni,B,A\n")
    with pytest.raises(InputError) as raised:
        read_sheet(sheet, "sheet.csv", quiz)
    found = raised.value.note
    assert (found.line, found.key, dict(found.params)["column"]) == (1, "score_err_unknown_column_near", "3")
    sheet = write(tmp_path, "Peserta,m01.q01,catatan\nAni,B,A\n")
    with pytest.raises(InputError) as raised:
        read_sheet(sheet, "sheet.csv", quiz)
    assert raised.value.note.key == "score_err_unknown_column"


def test_malformed_rows_are_reported_with_line_and_reason(quiz: Quiz, tmp_path: Path) -> None:
    sheet = write(
        tmp_path,
        "Peserta,m01.q01,m01.q02,,\n"
        "Ani,B,AC,,\n"
        ",B,AC,,\n"  # no name
        "Budi,E,Q,,\n"  # two bad cells: both named
        "Citra,B,AC,,x\n"  # an answer in a column without a header
        "Dewi,B,AC,,,,\n"  # trailing empty cells from a spreadsheet: fine
        "Eko,B,AC,,,,C\n"  # but not with something in them
        "Fitri,B\n",
    )
    intake = read_sheet(sheet, "sheet.csv", quiz)
    assert [p.name for p in intake.participants] == ["Ani", "Dewi"]
    notes = [(n.line, n.key, dict(n.params).get("qid", "")) for n in intake.notes]
    assert notes[0] == (1, "score_warn_missing_column", "m01.q03")
    assert notes[4:] == [
        (3, "score_rej_no_name", ""),
        (4, "score_rej_answer", "m01.q01"),
        (4, "score_rej_answer", "m01.q02"),
        (5, "score_rej_unnamed_column", ""),
        (7, "score_rej_columns", ""),
        (8, "score_rej_columns", ""),
    ]
    assert intake.rows == 7 and intake.rejected == 5
    assert intake.columns == ["m01.q01", "m01.q02"]  # only these are scored


def test_semicolons_tabs_bom_and_quoted_newlines_are_read(quiz: Quiz, tmp_path: Path) -> None:
    for name, text in [
        ("semicolon.csv", "\ufeffpeserta;m01.q01;m01.q02\r\nAni;B;A, C\r\n"),
        ("tab.csv", "peserta\tm01.q01\tm01.q02\nAni\tB\tAC\n"),
        ("newline.csv", 'peserta,m01.q01,m01.q02\n"Ani\nSiregar",B,AC\nBudi,A,C\n'),
    ]:
        intake = read_sheet(write(tmp_path, text, name), name, quiz)
        assert intake.participants[0].responses["m01.q02"] == Response((0, 2)), name
        assert not intake.rejected and len(intake.notes) == 4, name  # warnings: no column for q03 to q06
    assert intake.participants[1].line == 4  # the row after a two-line name starts on line 4


# -- scores and statistics, worked out by hand -----------------------------------------------------


def test_scores_and_item_statistics_match_the_hand_computed_figures(quiz: Quiz) -> None:
    results = score(quiz, read_sheet(HERE / "kelas.csv", "kelas.csv", quiz))
    # Correct (1) per question; q02 is worth 2 points, the others 1 (max 7):
    #          q01 q02 q03 q04 q05 q06  score
    #   Ani     1   1   1   1   1   0    6
    #   Budi    1   0   1   0   1   0    3
    #   Citra   1   0   1   1   1   0    4
    #   Dewi    0   0   1   0   0   1    2
    #   Eko     1   0   1   1   0   0    3
    #   Fitri   0   0   1   0   0   1    2
    #   Gita    1   0   1   0   1   0    3
    #   Hadi    0   0   1   0   0   1    2
    assert [s.score for s in results.scored] == [6, 3, 4, 2, 3, 2, 3, 2]
    assert results.max_points == 7 and results.mean == 25 / 8
    # Groups: round(0.27 * 8) = round(2.16) = 2. Ranked by score, ties in input order:
    # Ani 6, Citra 4, Budi 3, Eko 3, Gita 3, Dewi 2, Fitri 2, Hadi 2 -> upper Ani, Citra; lower Fitri, Hadi.
    assert results.group_size == 2
    items = {i.question.id: i for i in results.items}
    # Facility = correct / 8.
    facility = {"m01.q01": 5 / 8, "m01.q02": 1 / 8, "m01.q03": 8 / 8, "m01.q04": 3 / 8, "m01.q05": 4 / 8}
    facility["m01.q06"] = 3 / 8
    # D = share correct in the upper group - share correct in the lower group:
    #   q01 2/2 - 0/2 = 1;  q02 1/2 - 0/2 = 0.5;  q03 2/2 - 2/2 = 0;  q04 2/2 - 0/2 = 1;
    #   q05 2/2 - 0/2 = 1;  q06 0/2 - 2/2 = -1 (the three weakest got it right: negative).
    d = {"m01.q01": 1.0, "m01.q02": 0.5, "m01.q03": 0.0, "m01.q04": 1.0, "m01.q05": 1.0, "m01.q06": -1.0}
    # Point-biserial against the rest score R = score - points * x; r = Sxy / sqrt(Sxx * Syy):
    #   q01 x=11101010, R=[5,2,3,2,2,2,2,2] (mean 2.5): Sxy = 14 - 5*2.5 = 1.5, Sxx = 8*.625*.375 = 1.875,
    #       Syy = 2.5^2 + 7*.5^2 = 8 -> 1.5 / sqrt(15) = 0.3873
    #   q02 x=10000000, R=[4,3,4,2,3,2,3,2] (mean 2.875): Sxy = 4 - 2.875 = 1.125, Sxx = .875,
    #       Syy = 2*1.125^2 + 3*.125^2 + 3*.875^2 = 4.875 -> 1.125 / sqrt(4.265625) = 0.5447
    #   q03 everybody right: x does not vary -> no value
    #   q04 x=10101000, R=[5,3,3,2,2,2,3,2] (mean 2.75): Sxy = 10 - 3*2.75 = 1.75, Sxx = 1.875,
    #       Syy = 2.25^2 + 3*.25^2 + 4*.75^2 = 7.5 -> 1.75 / sqrt(14.0625) = 1.75 / 3.75 = 0.4667
    #   q05 x=11100010, R=[5,2,3,2,3,2,2,2] (mean 2.625): Sxy = 12 - 4*2.625 = 1.5, Sxx = 2,
    #       Syy = 2.375^2 + 5*.625^2 + 2*.375^2 = 7.875 -> 1.5 / sqrt(15.75) = 0.3780
    #   q06 x=00010101, R=[6,3,4,1,3,1,3,1] (mean 2.75): Sxy = 3 - 3*2.75 = -5.25, Sxx = 1.875,
    #       Syy = 3.25^2 + 3*.25^2 + 1.25^2 + 3*1.75^2 = 21.5 -> -5.25 / sqrt(40.3125) = -0.8269
    r = {"m01.q01": 0.3873, "m01.q02": 0.5447, "m01.q04": 0.4667, "m01.q05": 0.3780, "m01.q06": -0.8269}
    for qid, item in items.items():
        assert item.facility == pytest.approx(facility[qid]), qid
        assert item.discrimination == pytest.approx(d[qid]), qid
        if qid in r:
            assert item.point_biserial == pytest.approx(r[qid], abs=5e-5), qid
        else:
            assert item.point_biserial is None
    # Flags: q02 facility 0.125 < 0.2; q03 facility 1 > 0.9. q06's D and r are below 0, but with 8
    # participants (fewer than 10) nothing is flagged on D or r-pb: the report says so instead.
    assert results.small
    assert {qid: i.flags for qid, i in items.items() if i.flags} == {"m01.q02": ["hard"], "m01.q03": ["easy"]}
    # Spread: scores 6,3,4,2,3,2,3,2 (mean 3.125): sum of squared deviations 12.875, / (8 - 1) = 1.8393,
    # SD 1.3562; median of 2,2,2,3,3,3,4,6 = 3. q02 is worth 2 points, so Cronbach's alpha on the points:
    # item variances p*q*points^2: q01 .234375, q02 4*.109375 = .4375, q03 0, q04 .234375, q05 .25,
    # q06 .234375 (sum 1.390625); score variance 12.875 / 8 = 1.609375 -> 6/5 * (1 - 1.390625/1.609375)
    spread = results.spread
    assert spread.sd == pytest.approx(1.3562, abs=5e-5) and spread.median == 3
    assert spread.kind == "alpha" and spread.reliability == pytest.approx(0.16311, abs=5e-6)


def test_how_often_each_option_was_chosen(quiz: Quiz) -> None:
    results = score(quiz, read_sheet(HERE / "kelas.csv", "kelas.csv", quiz))
    items = {i.question.id: i for i in results.items}

    def counts(qid: str) -> list[tuple[str, str, int, bool | None]]:
        return [(c.kind, c.label, c.count, c.correct) for c in items[qid].choices]

    # q02 ticked: Ani AC, Budi A, Citra ACD, Dewi BD, Eko X, Fitri -, Gita C, Hadi ABCD
    assert counts("m01.q02") == [
        ("option", "A", 4, True),
        ("option", "B", 2, False),
        ("option", "C", 4, True),
        ("option", "D", 3, False),
        ("invalid", "", 1, None),
        ("blank", "", 1, None),
    ]
    # short answers grouped as the website compares them: 'TPT' and '  tpt. ' are one answer
    assert counts("m01.q04")[:2] == [("option", "TPT", 2, True), ("option", "open unemployment rate", 1, True)]
    assert counts("m01.q05")[0] == ("option", "BADC", 4, True)  # Budi's '2143' is the same order


def test_group_sizes() -> None:
    # round(0.27 N), at least 1, at most half the class; no groups with fewer than 2 participants
    assert [group_size(n) for n in (0, 1, 2, 3, 4, 8, 10, 30, 100)] == [0, 0, 1, 1, 1, 2, 3, 8, 27]


def test_only_questions_every_source_holds_are_scored(quiz: Quiz) -> None:
    intake = Intake(columns=["m01.q01", "m01.q03"])
    intake.participants.append(Participant("Ani", "x.csv", 2, {"m01.q01": Response(1), "m01.q03": Response(True)}))
    results = score(quiz, intake)
    assert [q.id for q in results.questions] == ["m01.q01", "m01.q03"]
    assert results.max_points == 2 and results.scored[0].score == 2
    assert results.items[0].discrimination is None  # one participant: no groups to compare

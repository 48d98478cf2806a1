"""``kursus check`` against one small course per checker rule, kept in tests/checker/<case>/.

Each case folder is a minimal course (mkdocs.yml, quizzes/, docs/id and docs/en pages) with
``expected.txt``: the exact output of ``kursus --root <case> check`` run from inside the case folder,
with the extra arguments in the case's ``args.txt`` when it has one. Paths in the output are relative
to the case folder. ``pytest --update-snapshots`` rewrites every expected.txt from the current output.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kursus.cli import main
from kursus.problemcodes import AUTHOR, CODES
from kursus.problems import FILE_LEVEL, as_github, as_json, as_text, error, follows_from, summary, warning
from kursus.quiz.bank import quiz_files

CHECKER = Path(__file__).resolve().parent / "checker"
CASES = sorted(p.name for p in CHECKER.iterdir() if (p / "mkdocs.yml").is_file())
PROBLEM = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<code>[A-Z]\d{3}) (?P<warning>warning: )?")
SUMMARY = re.compile(
    r"^(?:no problems in (?P<clean>\d+) files?"
    r"|(?P<errors>\d+) errors?, (?P<warnings>\d+) warnings? in (?P<files>\d+) of (?P<checked>\d+) files?"
    r"(?: \(and (?P<hidden>\d+) that follow from (?:it|them)\))?)$"
)

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def kursus_check(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``kursus --root <root> check ARGS`` from inside ``root``: (exit status, stdout, stderr)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(root: Path, *args: str, cwd: Path | None = None) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd or root)
        capsys.readouterr()
        try:
            status = main(["--root", str(root), "check", *args])
        except SystemExit as exc:  # argparse's usage errors
            status = exc.code if isinstance(exc.code, int) else 2
        out, err = capsys.readouterr()
        return status, out, err

    return run


def case_args(case: str) -> list[str]:
    extra = CHECKER / case / "args.txt"
    return extra.read_text(encoding="utf-8").split() if extra.exists() else []


def problem_lines(output: str) -> list[str]:
    return output.splitlines()[:-1]


# --------------------------------------------------------------------------------------- snapshots


@pytest.mark.parametrize("case", CASES)
def test_case_output(case: str, kursus_check: Run, request: pytest.FixtureRequest) -> None:
    root = CHECKER / case
    _, out, err = kursus_check(root, *case_args(case))
    assert err == ""
    expected = root / "expected.txt"
    if request.config.getoption("--update-snapshots"):
        expected.write_text(out, encoding="utf-8")
    assert out == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_case_reports_its_rule(case: str) -> None:
    """A case named after a code reports that code; the clean cases report nothing."""
    output = (CHECKER / case / "expected.txt").read_text(encoding="utf-8")
    if case.split("-")[0] == "clean":
        assert problem_lines(output) == []
        assert output.startswith("no problems in ")
    else:
        code = case.split("-")[0].upper()
        assert any(PROBLEM.match(line)["code"] == code for line in problem_lines(output))  # type: ignore[index]


def test_every_code_has_a_case() -> None:
    """Every code of the quiz authors' guide (the table in problemcodes.yml) is reported by a case."""
    codes = {code.code for code in CODES if code.guide == AUTHOR}
    assert len(codes) >= 40
    reported = set()
    for case in CASES:
        for line in problem_lines((CHECKER / case / "expected.txt").read_text(encoding="utf-8")):
            reported.add(PROBLEM.match(line)["code"])  # type: ignore[index]
    assert sorted(codes - reported) == []


# What the reported line of the quiz file must hold: line numbers point at the right YAML line.
POINTS_AT = [
    ("q001-malformed-yaml", "Q001", ["id: Catatan: siapa"]),
    ("q001-bad-value", "Q001", ["{id: 2023-02-29,"]),
    ("q010-unknown-key", "Q010", ["level: dasar", "explaination:"]),
    ("q011-missing-key", "Q011", ["- id: m01.q01", "- id: m01.q02", "- id: m01.q03", "      -\n"]),
    ("q012-wrong-shape", "Q012", ["text: Siapa", "correct: ya"]),
    ("q013-duplicate-key", "Q013", ["feedback: {id: Konselor tidak", "en: The employer picks", "id: [antar"]),
    ("q020-bad-id", "Q020", ["id: m01-q01"]),
    ("q021-duplicate-id", "Q021", ["- id: m01.q01"]),
    ("q022-foreign-id", "Q022", ["- id: m02.q02"]),
    ("q030-single-correct", "Q030", ["- id: m01.q01", "- id: m01.q02"]),
    ("q033-repeated-option", "Q033", ['- text: {id: "pengantar  kérja"']),
    ("q034-no-feedback", "Q034", ["- text: {id: Pemberi kerja, en: The employer}\n"]),
    ("q040-few-steps", "Q040", ["- id: m01.q01", "- id: m01.q02"]),
    ("q042-same-in-one-language", "Q042", ["{id: Perusahaan", "{id: Penjajakan", "{id: Magang", "{id: Magang"]),
    ("q050-no-accepted-answer", "Q050", ["accept:"]),
    ("q052-untypable-answer", "Q052", ['"antar\\u00ADkerja"', "[job\u200bbrokering"]),
    ("q053-numbers-differ", "Q053", ['- "6"']),
    ("q051-empty-checklist", "Q051", ["checklist: []"]),
    ("q060-missing-english", "Q060", ["title:", "feedback: {id: Konselor hanya membantu.}"]),
    ("q061-empty-text", "Q061", ['en: ""']),
    ("q063-unclosed-bold", "Q063", ["id: Siapa yang **", "id: Konselor hanya **", "The employer **chooses"]),
    ("q064-unclosed-italic", "Q064", ["id: Apa arti", "jv: Apa tegese", "That is *upskilling,"]),
    ("q069-block-syntax", "Q069", ["id: |", "en: Who decides"]),
    ("q070-repeated-text", "Q070", ["- id: m02.q01"]),
    ("q080-bad-type", "Q080", ["type: singel", "type: scenario"]),
    ("q081-small-scenario", "Q081", ["- id: m01.s01"]),
    ("q082-bad-points", "Q082", ["points: 0"]),
    ("q090-bad-objective", "Q090", ["objective: '5.3'"]),
    (
        "q091-unknown-objective",
        "Q091",
        ["objective: m01.t4", "objective: m01.t4", "objective: m03.t1", "objective: m03.t1"],
    ),
    ("q092-form-item-no-objective", "Q092", ["- id: akhir.q02"]),
    ("q093-forms-not-parallel", "Q093", ["objective: m01.t3"]),
    ("m001-unknown-marker", "M001", ["<!-- kunci: m10 -->", "<!-- kuis: m01.q02 -->"]),
    ("m002-unplaced-question", "M002", ["- id: m01.q02"]),
]


@pytest.mark.parametrize(("case", "code", "fragments"), POINTS_AT, ids=[p[0] for p in POINTS_AT])
def test_line_numbers_point_at_the_source(case: str, code: str, fragments: list[str]) -> None:
    root = CHECKER / case
    found = []
    for line in problem_lines((root / "expected.txt").read_text(encoding="utf-8")):
        match = PROBLEM.match(line)
        assert match is not None, line
        if match["code"] == code:
            source = (root / match["path"]).read_text(encoding="utf-8").splitlines(keepends=True)
            found.append(source[int(match["line"]) - 1])
    assert len(found) == len(fragments)
    for text, fragment in zip(found, fragments, strict=True):
        assert fragment in text


# --------------------------------------------------------------------------------------- exit status


@pytest.mark.parametrize(
    ("case", "args", "status"),
    [
        ("clean", [], 0),
        ("clean", ["--strict"], 0),
        ("q030-single-correct", [], 1),
        ("m003-no-quiz-page", [], 0),  # warnings only
        ("m003-no-quiz-page", ["--strict"], 1),
        ("q023-file-name", [], 0),
        ("q023-file-name", ["--strict"], 1),
        ("b001-position-bias", ["--strict"], 1),
        ("q032-few-options", [], 1),
        ("q032-few-options", ["--min-options", "2"], 0),
    ],
)
def test_exit_status(case: str, args: list[str], status: int, kursus_check: Run) -> None:
    assert kursus_check(CHECKER / case, *args)[0] == status


def test_usage_error_exits_2(kursus_check: Run) -> None:
    status, out, err = kursus_check(CHECKER / "clean", "--format", "xml")
    assert status == 2
    assert out == ""
    assert "invalid choice: 'xml'" in err


def test_folder_without_mkdocs_yml_exits_2(tmp_path: Path, kursus_check: Run) -> None:
    status, out, err = kursus_check(tmp_path)
    assert status == 2
    assert out == ""
    assert "no mkdocs.yml here" in err


def test_broken_mkdocs_yml_exits_2(tmp_path: Path, kursus_check: Run) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [\n", encoding="utf-8")
    status, out, err = kursus_check(tmp_path)
    assert (status, out) == (2, "")
    assert "mkdocs.yml is not valid YAML" in err


# --------------------------------------------------------------------------------------- formats


def test_json_output(kursus_check: Run) -> None:
    root = CHECKER / "q024-module-twice"
    status, out, _ = kursus_check(root, "--format", "json")
    data = json.loads(out)
    assert status == 1
    assert data["summary"] == "1 error, 1 warning in 2 of 4 files"
    assert (data["errors"], data["warnings"]) == (1, 1)
    assert [(p["path"], p["line"], p["code"], p["severity"]) for p in data["problems"]] == [
        ("quizzes/modul-01-lanjutan.yml", 1, "Q023", "warning"),
        ("quizzes/modul-01.yml", 1, "Q024", "error"),
    ]
    assert set(data["problems"][0]) == {"path", "line", "code", "message", "hint", "severity", "follows"}
    text = (root / "expected.txt").read_text(encoding="utf-8")
    assert text.splitlines()[-1] == data["summary"]


def test_json_output_when_clean(kursus_check: Run) -> None:
    status, out, _ = kursus_check(CHECKER / "clean", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert data["problems"] == []
    assert data["summary"] == "no problems in 7 files"
    assert (data["errors"], data["warnings"]) == (0, 0)


def test_github_annotations(kursus_check: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    root = CHECKER / "q024-module-twice"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    status, out, _ = kursus_check(root)
    assert status == 1
    assert out.splitlines() == [
        "::warning file=quizzes/modul-01-lanjutan.yml,line=1,title=Q023::"
        "module m01 is in a file not named modul-01.yml (rename the file)",
        "::error file=quizzes/modul-01.yml,line=1,title=Q024::"
        "module m01 is also in quizzes/modul-01-lanjutan.yml (one file per module)",
        "1 error, 1 warning in 2 of 4 files",
    ]


def test_github_annotations_only_when_asked(kursus_check: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    root = CHECKER / "q030-single-correct"
    assert kursus_check(root)[1] == (root / "expected.txt").read_text(encoding="utf-8")


def test_github_annotation_escapes_control_characters_and_percent() -> None:
    problem = error("quizzes/modul-01.yml", 3, "Q001", "100% wrong\r\nsecond line", "hint\u200b")
    assert as_github([problem]) == [
        "::error file=quizzes/modul-01.yml,line=3,title=Q001::100%25 wrong\\x0d\\x0asecond line (hint\\u200b)"
    ]


def test_no_reporter_prints_raw_control_characters() -> None:
    problem = error("quizzes/modul-\x1b[2J.yml", 3, "Q010", "unknown key 'hint\x07'", "did you mean \u00ad?")
    shown = [*as_text([problem]), *as_github([problem]), as_json([problem], 1)]
    for output in shown:
        assert all(char.isprintable() or char in "\n " for char in output), output
    assert as_text([problem]) == ["quizzes/modul-\\x1b[2J.yml:3: Q010 unknown key 'hint\\x07' (did you mean \\u00ad?)"]
    assert json.loads(as_json([problem], 1))["problems"][0]["message"] == "unknown key 'hint\\x07'"


# --------------------------------------------------------------------------------------- order and summary


def test_problems_are_sorted_by_path_then_line() -> None:
    problems = [
        error("quizzes/modul-02.yml", 1, "Q030", "c"),
        warning("quizzes/modul-01.yml", 10, "M002", "b"),
        error("quizzes/modul-01.yml", 9, "Q030", "a"),
        error("docs/id/index.md", 30, "M001", "d"),
        error("quizzes/modul-01.yml", 9, "Q011", "e"),
    ]
    assert as_text(problems) == [
        "docs/id/index.md:30: M001 d",
        "quizzes/modul-01.yml:9: Q011 e",
        "quizzes/modul-01.yml:9: Q030 a",
        "quizzes/modul-01.yml:10: M002 warning: b",
        "quizzes/modul-02.yml:1: Q030 c",
    ]


def test_summary_wording() -> None:
    problems = [
        error("a.yml", 1, "Q030", "x"),
        error("a.yml", 2, "Q030", "x"),
        error("b.yml", 1, "Q030", "x"),
        warning("b.yml", 3, "M002", "x"),
    ]
    assert summary(problems, 12) == "3 errors, 1 warning in 2 of 12 files"
    assert summary(problems[:1], 1) == "1 error, 0 warnings in 1 of 1 file"
    assert summary(problems[3:], 2) == "0 errors, 1 warning in 1 of 2 files"
    assert summary([], 12) == "no problems in 12 files"
    assert summary([], 1) == "no problems in 1 file"


def files_checked(case: str) -> int:
    """What the checker reads: every quiz file and every page, or only the files named on the command line."""
    root = CHECKER / case
    if case_args(case):
        return len(case_args(case))
    return len(quiz_files(root / "quizzes")) + len(list((root / "docs").rglob("*.md")))


@pytest.mark.parametrize("case", CASES)
def test_output_is_sorted_and_counted(case: str) -> None:
    lines = (CHECKER / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    keys = []
    errors = warnings = 0
    for line in lines[:-1]:
        match = PROBLEM.match(line)
        assert match is not None, line
        keys.append((match["path"], int(match["line"]), match["code"]))
        if match["warning"]:
            warnings += 1
        else:
            errors += 1
    # Files that could not be read come first (their follow-ons are counted on their line), then the rest.
    assert keys == sorted(keys, key=lambda k: (k[2] not in FILE_LEVEL, k))
    files = len({path for path, _, _ in keys})
    totals = SUMMARY.match(lines[-1])
    assert totals is not None, lines[-1]
    if keys:
        assert (totals["errors"], totals["warnings"]) == (str(errors), str(warnings))
        assert (totals["files"], totals["checked"]) == (str(files), str(files_checked(case)))
    else:
        assert totals["clean"] == str(files_checked(case))


# --------------------------------------------------------------------------------------- paths


def test_output_does_not_depend_on_the_working_folder(tmp_path: Path, kursus_check: Run) -> None:
    for case in ("clean", "q030-single-correct", "m001-unknown-marker"):
        root = CHECKER / case
        assert kursus_check(root, cwd=tmp_path)[1] == (root / "expected.txt").read_text(encoding="utf-8")


def test_named_files_limit_the_report(kursus_check: Run) -> None:
    root = CHECKER / "q021-duplicate-id"
    assert kursus_check(root, "quizzes/modul-01.yml") == (0, "no problems in 1 file\n", "")
    status, out, _ = kursus_check(root, str(root / "quizzes" / "modul-02.yml"))
    assert status == 1
    assert [line.split(" ")[:2] for line in problem_lines(out)] == [
        ["quizzes/modul-02.yml:6:", "Q021"],
        ["quizzes/modul-02.yml:6:", "Q022"],
    ]
    assert out.splitlines()[-1] == "2 errors, 0 warnings in 1 of 1 file"


# --------------------------------------------------------------------------------------- file-level errors first


def test_a_yaml_error_comes_first_and_what_follows_from_it_is_counted_not_listed(kursus_check: Run) -> None:
    """The issue's complaint: one YAML error in modul-02.yml was printed after 15 errors in pages the
    translator never touched (markers pointing to the unread questions, ids missing from the register)."""
    status, out, _ = kursus_check(CHECKER / "q001-follow-ons")
    lines = out.splitlines()
    assert status == 1
    assert lines[0].startswith("quizzes/modul-02.yml:16: Q001 ")
    assert lines[0].endswith("; and 15 problems that follow from it (M001 ×14, Q027 in 5 files): fix this first")
    assert not [line for line in lines[1:] if " M001 " in line or " Q027 " in line]
    assert lines[-1] == "2 errors, 0 warnings in 2 of 8 files (and 15 that follow from it)"


def test_all_lists_the_follow_ons_under_their_cause(kursus_check: Run) -> None:
    _, out, _ = kursus_check(CHECKER / "q001-follow-ons", "--all")
    lines = out.splitlines()
    assert lines[0].startswith("quizzes/modul-02.yml:16: Q001 ") and "follow from it" not in lines[0]
    follow = lines[1:16]
    assert all(line.endswith("[follows from quizzes/modul-02.yml:16]") for line in follow)
    assert follow[0].startswith("docs/en/modul-02/index.md:5: M001 ") and " Q027 " in follow[-1]
    assert lines[16].startswith("quizzes/modul-01.yml:7: Q060 ")
    assert lines[-1] == "17 errors, 0 warnings in 7 of 8 files"


def test_json_lists_every_problem_with_what_it_follows_from(kursus_check: Run) -> None:
    _, out, _ = kursus_check(CHECKER / "q001-follow-ons", "--format", "json")
    data = json.loads(out)
    assert data["errors"] == 17
    follows = [p["follows"] for p in data["problems"] if p["code"] in ("M001", "Q027")]
    assert follows == ["quizzes/modul-02.yml:16"] * 15


def test_a_follow_on_whose_cause_is_not_reported_is_shown_as_it_is() -> None:
    cause = error("quizzes/modul-02.yml", 3, "Q001", "YAML syntax")
    marker = follows_from(error("docs/id/a.md", 5, "M001", "marker 'kuis: m02' points to no quiz"), cause)
    assert as_text([marker]) == ["docs/id/a.md:5: M001 marker 'kuis: m02' points to no quiz"]
    assert as_text([marker, cause])[0].startswith("quizzes/modul-02.yml:3: Q001 YAML syntax; and 1 problem that")

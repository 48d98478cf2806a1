"""``kursus translations``: the status of each language from the fixture course (issue 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kursus.translations.layout import blob_id, text_hash
from translations.course_fixture import OLD, run_kursus, snapshot, status_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return status_project(tmp_path / "kursus")


def test_status_table(project: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest) -> None:
    status, out, err = run_kursus(capsys, project, "translations")
    assert (status, err) == (0, "")
    snapshot(request, "status.txt", out)


def test_status_json_lists_every_state_with_its_files(
    project: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    status, out, _ = run_kursus(capsys, project, "translations", "--format", "json")
    assert status == 0
    snapshot(request, "status.json", out)
    data = json.loads(out)
    en, vi = data["languages"]
    assert (en["language"], en["complete"], vi["language"], vi["complete"]) == ("en", True, "vi", False)
    assert en["pages"]["up_to_date"] == en["pages"]["total"] == 5
    pages = {state: [f["name"] for f in files] for state, files in vi["pages"]["files"].items()}
    assert pages == {
        "up_to_date": ["index.md"],
        "out_of_date": ["modul-01/index.md"],
        "not_recorded": [],
        "missing": ["glosarium.md", "modul-01/latihan.md", "panduan/status-terjemahan.md"],
    }
    texts = {state: [f["name"] for f in files] for state, files in vi["quiz_texts"]["files"].items()}
    assert texts["out_of_date"] == ["m01.q01 option 1 feedback"]
    assert texts["missing"] == ["m01.q01 option 3 feedback"]
    assert vi["interface"]["missing_keys"][:2] == ["ui: tr_help", "ui: try_again"]
    assert "nav: Modul" not in vi["interface"]["missing_keys"], "the fixture has no nav sections"


def test_one_language_only(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_kursus(capsys, project, "translations", "--language", "vi", "--format", "json")
    assert status == 0
    assert [lang["language"] for lang in json.loads(out)["languages"]] == ["vi"]
    status, _, err = run_kursus(capsys, project, "translations", "--language", "xx")
    assert status == 2
    assert "'xx' is not a language of the course" in err and "kursus new-language xx" in err


def test_a_translation_with_no_record_is_reported_not_recorded(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "terjemahan" / "vi.yml").unlink()
    _, out, _ = run_kursus(capsys, project, "translations", "--language", "vi", "--format", "json")
    vi = json.loads(out)["languages"][0]
    assert (vi["pages"]["not_recorded"], vi["pages"]["missing"], vi["quiz_texts"]["not_recorded"]) == (2, 3, 7)


def test_a_damaged_record_is_a_clear_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "terjemahan" / "vi.yml").write_text("halaman:\n  index.md: [oops\n", encoding="utf-8")
    status, _, err = run_kursus(capsys, project, "translations")
    assert status == 2
    assert "terjemahan/vi.yml:3: not valid YAML" in err
    assert "Traceback" not in err
    status, out, _ = run_kursus(capsys, project, "check")
    assert status == 1
    assert "terjemahan/vi.yml:3: T002 not valid YAML" in out


def test_a_record_with_a_bad_hash_names_the_entry(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "terjemahan" / "vi.yml").write_text("halaman:\n  index.md: abc\n", encoding="utf-8")
    _, out, _ = run_kursus(capsys, project, "check")
    assert "terjemahan/vi.yml:2: T002 'index.md' has no valid hash; run the mark command again" in out


def test_hashes_are_git_blob_ids_and_whitespace_blind_text_fingerprints() -> None:
    assert blob_id(b"") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"  # git hash-object /dev/null
    assert blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"
    assert text_hash("Siapa yang\n  memutuskan?") == text_hash("Siapa yang memutuskan?")
    assert text_hash("Siapa yang memutuskan?") != text_hash("Siapa yang memilih?")
    recorded = (Path(__file__).parent / "translations/course/terjemahan/vi.yml").read_text(encoding="utf-8")
    assert blob_id((OLD / "modul-01-index.md").read_bytes()) in recorded, "the fixture's old source matches its record"

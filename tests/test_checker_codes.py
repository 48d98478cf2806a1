"""The one table of problem codes (scripts/kursus/problemcodes.yml) against the code and the guides."""

from __future__ import annotations

import re
from pathlib import Path

from kursus.cli import main
from kursus.problemcodes import AUTHOR, BY_CODE, CODES, stale_guides
from kursus.problems import Severity
from kursus.translations.structure import compare

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "scripts" / "kursus"
CHECKER = Path(__file__).resolve().parent / "checker"
CODE = re.compile(r"\"([A-Z]\d{3})\"")
PROBLEM = re.compile(r"^[^:]+:\d+: (?P<code>[A-Z]\d{3}) (?P<warning>warning: )?")


def emitted() -> dict[str, set[str]]:
    """Every code written in the package's source -> the modules that write it."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for code in CODE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, set()).add(path.relative_to(PACKAGE).as_posix())
    return found


def test_every_code_in_the_source_is_in_the_table_and_back() -> None:
    codes = emitted()
    assert sorted(set(codes) - set(BY_CODE)) == []  # a new check needs its row in the table
    assert sorted(set(BY_CODE) - set(codes)) == []  # a row for a code nothing reports any more
    assert len(CODES) == len(BY_CODE)  # each code once


def test_every_code_has_a_checker_case_or_a_test() -> None:
    cases = {path.name.split("-")[0].upper() for path in CHECKER.iterdir() if (path / "expected.txt").is_file()}
    tests = "".join(path.read_text(encoding="utf-8") for path in Path(__file__).parent.glob("test_*.py"))
    missing = [code.code for code in CODES if code.code not in cases and not re.search(rf": {code.code} ", tests)]
    assert missing == []
    # Quiz and page authors' codes each have a snapshot case of their own.
    assert sorted(code.code for code in CODES if code.guide == AUTHOR and code.code not in cases) == []


def test_the_table_states_each_codes_severity_as_reported() -> None:
    for expected in CHECKER.glob("*/expected.txt"):
        for line in expected.read_text(encoding="utf-8").splitlines()[:-1]:
            match = PROBLEM.match(line)
            assert match is not None, line
            severity = Severity.WARNING if match["warning"] else Severity.ERROR
            assert BY_CODE[match["code"]].severity is severity, line


def test_the_guides_code_lists_are_generated_from_the_table(tmp_path: Path) -> None:
    assert stale_guides(ROOT) == []  # run 'kursus codes --write' after changing the table


def test_a_stale_guide_is_found_and_rewritten(tmp_path: Path) -> None:
    for language in ("id", "en"):
        folder = tmp_path / "docs" / language / "panduan"
        folder.mkdir(parents=True)
        for guide in ("penulis-kuis", "penerjemah"):
            text = (ROOT / "docs" / language / "panduan" / f"{guide}.md").read_text(encoding="utf-8")
            (folder / f"{guide}.md").write_text(text.replace("| `Q001` |", "| `Q999` |"), encoding="utf-8")
    assert [p.name for p in stale_guides(tmp_path)] == ["penulis-kuis.md", "penulis-kuis.md"]
    assert main(["--root", str(tmp_path), "codes", "--check"]) == 1
    assert main(["--root", str(tmp_path), "codes", "--write"]) == 0
    assert stale_guides(tmp_path) == []


def test_images_and_note_boxes_that_differ_from_the_source_are_reported() -> None:
    source = '# A\n\n![Peta](peta.png)\n\n!!! note "Catatan"\n    isi\n'
    [images] = compare("docs/en/a.md", "docs/id/a.md", '# A\n\n!!! note "Note"\n    text\n', source)
    assert images.text().startswith("docs/en/a.md:1: T013 0 images, source has 1")
    boxes = compare("docs/en/a.md", "docs/id/a.md", '# A\n\n![Map](peta.png)\n\n!!! warning "Note"\n    text\n', source)
    assert [p.code for p in boxes] == ["T014"]
    assert ": T014 " in boxes[0].text()

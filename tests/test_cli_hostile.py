"""Hostile files where the commands expect ordinary ones (links that loop, folders, bytes that are not
UTF-8, control characters typed on the command line): a clear message and a non-zero exit, never a
traceback, and nothing written half-way. Each case was a traceback or a silent skip before."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kursus.cli import main

from conftest import CHECKER, clean_course

LOOP = "Too many levels of symbolic links"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return clean_course(tmp_path / "course")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out + err


def loop(path: Path) -> None:
    """A link to itself: reading it fails with ELOOP; resolving it raised RuntimeError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(path.name)


def test_a_quiz_file_that_links_to_itself(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop(course / "quizzes" / "modul-02.yml")
    status, output = run(capsys, "--root", str(course), "check")
    assert status == 1
    assert f"quizzes/modul-02.yml:1: Q002 cannot read the file: {LOOP}" in output
    status, output = run(capsys, "--root", str(course), "ids", "--record")
    assert status == 1 and "nothing changed" in output
    outside = course.parent / "given.yml"
    loop(outside)
    status, output = run(capsys, "--root", str(course), "check", str(outside))
    assert status == 1 and f"given.yml:1: Q002 cannot read the file: {LOOP}" in output


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("quizzes/daftar-id.yml", f"quizzes/daftar-id.yml:1: Q029 cannot read the id register: {LOOP}"),
        ("includes/tokoh.yml", f"includes/tokoh.yml:1: P001 the register cannot be read: {LOOP}"),
        ("overrides/ui-strings.yml", f"overrides/ui-strings.yml:1: T032 cannot read the interface strings: {LOOP}"),
        ("terjemahan/en.yml", f"terjemahan/en.yml:1: T002 cannot read the record file: {LOOP}"),
    ],
)
def test_a_register_that_links_to_itself_is_reported_not_taken_as_absent(
    course: Path, where: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (course / where).unlink(missing_ok=True)
    loop(course / where)
    status, output = run(capsys, "--root", str(course), "check")
    assert status == 1
    assert expected in output


def test_the_id_register_as_a_link_that_loops_is_not_replaced(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = course / "quizzes" / "daftar-id.yml"
    loop(register)
    status, output = run(capsys, "--root", str(course), "ids", "--record")
    assert status == 1 and "nothing changed" in output
    assert register.is_symlink()


def test_interface_strings_as_a_folder(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    strings = course / "overrides" / "ui-strings.yml"
    strings.unlink()
    strings.mkdir()
    status, output = run(capsys, "--root", str(course), "check")
    assert (
        status == 1 and "overrides/ui-strings.yml:1: T032 cannot read the interface strings: Is a directory" in output
    )
    status, output = run(capsys, "--root", str(course), "translations")
    assert status == 2 and "ui-strings.yml:1: cannot read the interface strings: Is a directory" in output


def test_a_folder_named_like_a_page(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = course / "docs" / "id" / "modul-01" / "index.md"
    page.unlink()
    page.mkdir()
    status, output = run(capsys, "--root", str(course), "check")
    assert status == 1 and "docs/id/modul-01/index.md:1: D001 cannot read the page: Is a directory" in output
    status, output = run(capsys, "--root", str(course), "translations")
    assert status == 0 and "Translation status" in output


def test_po_export_where_a_file_stands_for_the_folder(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = course / "terjemahan" / "po" / "en"
    po.parent.mkdir(parents=True)
    po.write_text("", encoding="utf-8")
    status, output = run(capsys, "--root", str(course), "translations", "export", "en")
    assert status == 1 and "kursus translations export: cannot write terjemahan/po/en" in output


def test_po_export_of_a_page_that_is_not_utf8(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = course / "docs" / "en" / "modul-01" / "index.md"
    page.write_bytes(b"# Module 1\n\nCaf\xe9.\n")
    status, output = run(capsys, "--root", str(course), "translations", "export", "en")
    assert status == 2
    assert "docs/en/modul-01/index.md:3: D001 cannot read the page: byte 0xe9 is not UTF-8 text" in output
    assert "nothing was written" in output
    assert not (course / "terjemahan" / "po").exists()


def test_new_language_with_a_config_that_is_not_utf8(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = course / "mkdocs.yml"
    before = config.read_text(encoding="utf-8").encode("utf-16")
    config.write_bytes(before)
    status, output = run(capsys, "--root", str(course), "new-language", "vi")
    assert status == 2
    assert "mkdocs.yml:1: the file is saved as UTF-16, not UTF-8 (save it as UTF-8 in your editor)" in output
    assert config.read_bytes() == before and not (course / "docs" / "vi").exists()


def test_control_characters_typed_in_an_id_are_shown_escaped(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, output = run(capsys, "--root", str(course), "ids", "--retire", "m01.q\x07\x1b[2J", "--reason", "x")
    assert status == 2
    assert "'m01.q\\x07\\x1b[2J' is not a question or group id" in output
    assert "\x07" not in output and "\x1b" not in output


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (
            "quizzes/modul-02.yml",
            "quizzes/modul-02.yml:1: Q002 this is not an ordinary file (a pipe, socket or device)",
        ),
        ("includes/tokoh.yml", "includes/tokoh.yml:1: P001 the register cannot be read: this is not an ordinary file"),
        (
            "overrides/ui-strings.yml",
            "ui-strings.yml:1: T032 cannot read the interface strings: this is not an ordinary",
        ),
        ("docs/id/modul-01/latihan.md", "docs/id/modul-01/latihan.md:1: D001 cannot read the page: this is not an"),
    ],
)
def test_a_named_pipe_is_refused_not_waited_on(
    course: Path, where: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Opening a pipe for reading waits for a writer: 'kursus check' hung for ever before.
    path = course / where
    path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    status, output = run(capsys, "--root", str(course), "check")
    assert status == 1 and expected in output


def test_mkdocs_yml_as_a_named_pipe(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = course / "mkdocs.yml"
    config.unlink()
    os.mkfifo(config)
    status, output = run(capsys, "--root", str(course), "check")
    assert status == 2 and "mkdocs.yml:1: this is not an ordinary file (a pipe, socket or device)" in output


@pytest.mark.parametrize(
    ("where", "make", "expected"),
    [
        ("docs/vi", lambda p: p.write_text("", encoding="utf-8"), "docs/vi is there but is not a folder"),
        ("terjemahan/vi.yml", lambda p: p.mkdir(), "terjemahan/vi.yml:1: cannot read the record file: Is a directory"),
        ("terjemahan/vi.yml", lambda p: p.write_bytes(b"halaman:\n  a: \xff\n"), "terjemahan/vi.yml:2: cannot read"),
    ],
)
def test_new_language_does_not_keep_what_it_cannot_use(
    course: Path, where: str, make: Callable[[Path], object], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before, a file named docs/vi or an unreadable record was 'kept' and the language added all the same.
    path = course / where
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    config = (course / "mkdocs.yml").read_bytes()
    status, output = run(capsys, "--root", str(course), "new-language", "vi")
    assert status == 1 and expected in output and "nothing changed" in output
    assert (course / "mkdocs.yml").read_bytes() == config


def _alias_bomb() -> str:
    """Ten lines whose aliases expand to 9**10 values: MkDocs' loader (no limits) hung 'kursus build'."""
    lines = ['b0: &b0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


HOSTILE_CONFIGS = {
    "alias bomb": (
        lambda text: (text + _alias_bomb()).encode(),
        "mkdocs.yml:{end}: YAML of more than 50,000 values once aliases (*name) are expanded",
    ),
    "33 levels": (
        lambda text: (text + "extra:\n  x: " + "[" * 33 + "]" * 33 + "\n").encode(),
        "mkdocs.yml:{extra}: YAML nested more than 32 levels deep (mkdocs.yml needs a few levels only)",
    ),
    "over 1 MB": (
        lambda text: (text + "extra:\n  x: '" + "x" * 1_000_000 + "'\n").encode(),
        "mkdocs.yml:1: the file is 1,0",
    ),
    "NUL byte": (
        lambda text: (text + "extra:\n  x: a\x00b\n").encode(),
        "mkdocs.yml:{extra}: control character \\x00 in the text",
    ),
    "Windows-1252 byte": (
        lambda text: (text + "extra:\n  x: caf\xe9\n").encode("cp1252"),
        "mkdocs.yml:{extra}: byte 0xe9 is not UTF-8 text (save the file as UTF-8)",
    ),
}
CONFIG_READERS = [
    ("check",),
    ("build", "--no-zip", "-q"),
    ("print", "--language", "id"),
    ("export", "gift", "--language", "id"),
    ("score", "template", "m01"),
    ("translations",),
    ("ids",),
]


@pytest.mark.parametrize("case", HOSTILE_CONFIGS)
def test_a_hostile_mkdocs_yml_is_refused_at_its_line_by_every_command(
    course: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # mkdocs.yml went straight to MkDocs' loader: an alias bomb hung 'build' and 'print', a NUL byte or a
    # Windows-1252 byte was reported at line 1 with YAML's internals, and a huge file was read whole.
    config = course / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    lines = text.count("\n")
    make, expected = HOSTILE_CONFIGS[case]
    config.write_bytes(make(text))
    expected = expected.format(end=lines + 5, extra=lines + 2)  # b4 is the first over the limit
    for command in CONFIG_READERS:
        status, output = run(capsys, "--root", str(course), *command)
        assert status == 2, (command, output)
        assert f"kursus {command[0]}: {config}" in output and expected in output, (command, output)
    assert not (course / "site").exists() and not (course / "dist").exists()


def test_an_inherited_config_is_read_within_the_limits_and_env_tags_still_work(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = course / "mkdocs.yml"
    (course / "base.yml").write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    config.write_text("INHERIT: base.yml\nsite_name: !ENV [KURSUS_TEST_UNSET, Kasus uji]\n", encoding="utf-8")
    status, output = run(capsys, "--root", str(course), "check")
    assert status == 0, output
    (course / "base.yml").write_bytes(b"site_name: x\nextra:\n  x: \x00\n")
    status, output = run(capsys, "--root", str(course), "check")
    assert status == 2 and f"{course / 'base.yml'}:3: control character \\x00 in the text" in output


def test_a_config_that_inherits_itself_is_refused(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = course / "mkdocs.yml"
    config.write_text("site_name: x\nINHERIT: ./mkdocs.yml\n", encoding="utf-8")
    status, output = run(capsys, "--root", str(course), "check")
    assert status == 2 and f"{config}:2: INHERIT: ./mkdocs.yml leads back to a file already read" in output


SHEET = "peserta\tm01.q01\tm01.q02\nAni\tB\tAC\n"


def _not_a_file(tmp_path: Path, kind: str) -> Path:
    if kind == "/dev/zero":
        return Path("/dev/zero")
    path = tmp_path / f"{kind}.csv"
    if kind == "pipe":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:  # over the size limit: sparse, so the test writes nothing big
        with path.open("wb") as sheet:
            sheet.truncate(10_000_001)
    return path


@pytest.mark.parametrize("kind", ["pipe", "folder", "/dev/zero", "11 MB"])
@pytest.mark.parametrize("option", ["sheet", "--codes", "--accept-file", "--pre"])
def test_score_refuses_what_is_not_an_ordinary_file(
    course: Path, tmp_path: Path, kind: str, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A pipe or /dev/zero as the answer sheet made 'kursus score' wait (or read) for ever.
    path = _not_a_file(tmp_path, kind)
    for form in ("tes-awal.yml", "tes-akhir.yml"):  # --pre and --post need the course's two checks
        shutil.copy(CHECKER / "clean-prepost" / "quizzes" / form, course / "quizzes" / form)
    other = tmp_path / "jawaban.csv"
    other.write_text(SHEET, encoding="utf-8")
    given = {
        "sheet": [str(path), "--module", "m01"],
        "--codes": ["--codes", str(path)],
        "--accept-file": [str(other), "--accept-file", str(path)],
        "--pre": ["--pre", str(path), "--post", str(other)],
    }[option]
    status, output = run(capsys, "--root", str(course), "score", "--language", "en", *given)
    assert status == 1
    expected = (
        "the file is larger than 10 MB; is it the right file?"
        if kind == "11 MB"
        else "this is not an ordinary file (a folder, pipe or device); give a CSV or text file"
    )
    assert f"{path}:1: {expected}" in output, output


@pytest.mark.parametrize(
    "data",
    [SHEET.encode("utf-16-le"), SHEET.encode("utf-16-be"), SHEET.encode("utf-16") + b"\x00"],
    ids=["little-endian without BOM", "big-endian without BOM", "odd byte count"],
)
def test_a_utf16_sheet_that_cannot_be_read_says_how_to_save_it(
    course: Path, tmp_path: Path, data: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    # Said 'this is not a text file' before: true of the bytes, no help to a trainer with Excel.
    sheet = tmp_path / "unicode.txt"
    sheet.write_bytes(data)
    status, output = run(capsys, "--root", str(course), "score", str(sheet), "--module", "m01")
    assert status == 1
    assert (
        f'{sheet}:1: berkas disimpan sebagai UTF-16 ("Teks Unicode" di Excel); '
        'simpan sebagai "CSV UTF-8 (Dipisahkan koma)" atau "CSV (Dipisahkan koma)"'
    ) in output
    status, output = run(capsys, "--root", str(course), "score", str(sheet), "--module", "m01", "--language", "en")
    assert status == 1
    assert (
        f'{sheet}:1: saved as UTF-16 (Excel\'s "Unicode Text"); '
        'save it as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)"'
    ) in output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "cp1252"])
def test_sheets_with_a_byte_order_mark_or_from_excel_on_windows_are_still_read(
    course: Path, tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "jawaban.csv"
    text = SHEET.replace("Ani", "José")
    sheet.write_bytes((text if encoding != "cp1252" else text.replace("\t", ";")).encode(encoding))
    status, output = run(capsys, "--root", str(course), "score", str(sheet), "--format", "csv")
    assert status == 0 and "José," in output


FILE_OUTPUTS = {
    "score report": ["score", "{sheet}", "-o"],
    "score template": ["score", "template", "m01", "-o"],
    "export gift": ["export", "gift", "--language", "id", "-o"],
}


def _outputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Where -o may point that cannot be written, and what the message says of it."""
    folder = tmp_path / "folder"
    folder.mkdir()
    afile = tmp_path / "a-file"
    afile.write_text("", encoding="utf-8")
    broken = tmp_path / "link"
    broken.symlink_to("missing.csv")
    return {
        "a link to nothing": (broken, "it is a link to missing.csv, which does not exist; remove the link"),
        "a folder": (folder, "it is a folder; give a file name inside it"),
        "inside a file": (afile / "report.csv", f"{afile} is a file, not a folder"),
    }


@pytest.mark.parametrize("where", ["a link to nothing", "a folder", "inside a file"])
@pytest.mark.parametrize("command", FILE_OUTPUTS)
def test_an_output_that_cannot_be_written_is_refused_and_nothing_is_left(
    course: Path, tmp_path: Path, command: str, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A link to nothing was replaced by the report (exit 0, the link gone); a folder gave a message
    # naming the hidden temporary file instead.
    sheet = tmp_path / "jawaban.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    target, expected = _outputs(tmp_path)[where]
    before = sorted(tmp_path.rglob("*"))
    args = [part.format(sheet=sheet) for part in FILE_OUTPUTS[command]]
    status, output = run(capsys, "--root", str(course), *args, str(target))
    assert status == 1
    assert f"cannot write {target}: {expected}" in output, output
    assert sorted(tmp_path.rglob("*")) == before  # no report, no half file, no temporary file
    assert os.readlink(tmp_path / "link") == "missing.csv"


@pytest.mark.parametrize("command", FILE_OUTPUTS)
def test_an_output_through_a_link_replaces_the_file_it_points_to(
    course: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "jawaban.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    real = tmp_path / "new folder" / "laporan.txt"  # made, as dist/ is
    link = tmp_path / "laporan"
    link.symlink_to(real)
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    args = [part.format(sheet=sheet) for part in FILE_OUTPUTS[command]]
    status, output = run(capsys, "--root", str(course), *args, str(link))
    assert status == 0, output
    assert link.is_symlink() and real.read_text(encoding="utf-8-sig") != "old"


@pytest.mark.parametrize(
    "option", [("print", "--language", "id", "--out"), ("build", "--site-dir"), ("build", "--dist-dir")]
)
def test_an_output_folder_that_cannot_be_used_is_refused_before_any_work(
    course: Path, tmp_path: Path, option: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    # As root, a link to /nonexistent/x was followed and the folder made there; a file gave
    # "[Errno 20] Not a directory: PosixPath(...)" after the site was built.
    broken = tmp_path / "link"
    broken.symlink_to(tmp_path / "gone" / "x")
    status, output = run(capsys, "--root", str(course), *option, str(broken))
    assert status == 2 and f"cannot write {broken}: it is a link to {tmp_path / 'gone' / 'x'}, which" in output
    assert not (tmp_path / "gone").exists()
    afile = tmp_path / "a-file"
    afile.write_text("", encoding="utf-8")
    status, output = run(capsys, "--root", str(course), *option, str(afile / "sub"))
    assert status == 2 and f"cannot write {afile / 'sub'}: {afile} is a file, not a folder" in output
    assert not (course / "site").exists()


@pytest.mark.parametrize("action", ["--check", "--write"])
def test_codes_in_a_course_without_the_guides(course: Path, action: str, capsys: pytest.CaptureFixture[str]) -> None:
    # A traceback (FileNotFoundError) before.
    status, output = run(capsys, "--root", str(course), "codes", action)
    guide = course / "docs" / "id" / "panduan" / "penulis-kuis.md"
    assert status == 1 and f"kursus codes: {guide}:1: cannot read the guide: No such file or directory" in output


@pytest.mark.parametrize(
    ("sheet", "args", "expected"),
    [
        (b"x\x1b[31mred,m01.q01\nAni,B\n", ["--module", "m01"], "tertulis 'x\\x1b[31mred'"),
        (b"peserta,m01.q01,m01.q0\x07x\nAni,B,A\n", ["--module", "m01"], "kolom 3 berjudul 'm01.q0\\x07x'"),
        (b"peserta,m01.q01\nA\x1b[2Jni,B\n", ["--module", "m01"], "A\\x1b[2Jni"),  # the report's table
        (b"peserta,m01.q01\nAni,B\n", ["--module", "m\x1bx"], "no module 'm\\x1bx'"),
    ],
)
def test_score_shows_control_characters_from_a_sheet_or_the_command_line_escaped(
    course: Path, tmp_path: Path, sheet: bytes, args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "jawaban.csv"
    path.write_bytes(sheet)
    _status, output = run(capsys, "--root", str(course), "score", str(path), *args)
    assert expected in output
    assert "\x1b" not in output and "\x07" not in output


def test_a_po_file_with_a_byte_that_is_not_utf8_is_reported_at_its_line(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Said at line 1 with Python's decoder message ('position 31') before.
    status, _output = run(capsys, "--root", str(course), "translations", "export", "en")
    assert status == 0
    po = course / "terjemahan" / "po" / "en" / "interface.po"
    po.write_bytes(b'msgid ""\nmsgstr ""\n\nmsgid "caf\xe9"\nmsgstr "b"\n')
    status, output = run(capsys, "--root", str(course), "translations", "import", "en")
    assert status == 1
    assert "terjemahan/po/en/interface.po:4: byte 0xe9 is not UTF-8 text (save the file as UTF-8, or export" in output
    assert "nothing was written" in output


@pytest.mark.parametrize("site_dir", ["docs", ".", "..", "quizzes", "../other"])
def test_build_never_replaces_a_folder_that_is_not_an_earlier_site(
    course: Path, site_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # 'kursus build --site-dir docs' replaced docs/ by the built site: every page of the course was gone.
    (course.parent / "other").mkdir()
    (course.parent / "other" / "notes.txt").write_text("mine", encoding="utf-8")
    before = sorted(p.relative_to(course.parent) for p in course.parent.rglob("*"))
    status, output = run(capsys, "--root", str(course), "build", "--no-zip", "-q", "--site-dir", str(course / site_dir))
    assert status == 2 and "nothing was written" in output
    assert ("it holds the course itself" in output) == (site_dir in (".", ".."))
    assert sorted(p.relative_to(course.parent) for p in course.parent.rglob("*")) == before


@pytest.mark.parametrize("option", [[], ["--codes"], ["--accept-file"]])
def test_score_never_writes_its_report_over_a_file_it_reads(
    course: Path, tmp_path: Path, option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # 'kursus score jawaban.csv -o jawaban.csv' replaced the class's answers with the report.
    sheet = tmp_path / "jawaban.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    read = tmp_path / "read.csv"
    read.write_text("m01.q04,rapi\n" if option == ["--accept-file"] else "", encoding="utf-8")
    given = [str(sheet)] if not option else [str(sheet), *option, str(read)]
    target = sheet if not option else read
    before = target.read_bytes()
    status, output = run(capsys, "--root", str(course), "score", *given, "-o", str(tmp_path / "." / target.name))
    assert status == 2 and f"is also read as {target}: the report would replace it; write elsewhere" in output
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [
        ["export", "gift", "--language", "id", "-o", "quizzes/modul-01.yml"],
        ["export", "scorm", "--language", "id", "-o", "docs/id/paket.zip"],
        ["score", "template", "m01", "-o", "mkdocs.yml"],
        ["score", "{sheet}", "-o", "overrides/ui-strings.yml"],
    ],
)
def test_an_output_never_replaces_one_of_the_course_s_own_files(
    course: Path, tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # 'kursus export gift -o quizzes/modul-01.yml' replaced the quiz with its GIFT export.
    sheet = tmp_path / "jawaban.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    before = {p: p.read_bytes() for p in course.rglob("*") if p.is_file()}
    args = [str(course / part) if "/" in part or part == "mkdocs.yml" else part for part in command]
    status, output = run(capsys, "--root", str(course), *[a.format(sheet=sheet) for a in args])
    assert status == 2 and "which" in output and "must not" in output, output
    assert {p: p.read_bytes() for p in course.rglob("*") if p.is_file()} == before


def test_new_language_where_a_file_stands_for_the_docs_folder(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Said "[Errno 20] Not a directory: '…/docs/vi'" before.
    shutil.rmtree(course / "docs")
    (course / "docs").write_text("", encoding="utf-8")
    config = (course / "mkdocs.yml").read_bytes()
    status, output = run(capsys, "--root", str(course), "new-language", "vi")
    assert status == 2 and f"kursus new-language: {course / 'docs'}: is a file, not a folder (" in output
    assert "Errno" not in output and (course / "mkdocs.yml").read_bytes() == config
    assert not (course / "terjemahan" / "vi.yml").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["ids", "--record"],
        ["check"],
        ["build", "--no-zip", "-q"],
        ["export", "gift", "--language", "id"],
        ["print", "--language", "id", "--out", "cetak"],
        ["score", "template", "m01"],
    ],
)
@pytest.mark.parametrize(("folder", "holds"), [("quizzes", "quizzes"), ("docs", "pages")])
def test_a_file_where_the_quizzes_or_pages_folder_should_be(
    course: Path, folder: str, holds: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # 'ids --record' said nothing and exited 0 with quizzes/ a file; 'check' passed with docs/ a file.
    shutil.rmtree(course / folder)
    (course / folder).write_text("x\n", encoding="utf-8")
    before = sorted(course.rglob("*"))
    status, output = run(capsys, "--root", str(course), *command)
    assert status == 2, output
    assert f"{course / folder}: is a file, not a folder (it must hold the course's {holds}; move it away" in output
    assert sorted(course.rglob("*")) == before


@pytest.mark.parametrize("site_dir", ["docs/new-folder", "quizzes/site", "overrides/site", "terjemahan/site"])
def test_build_never_writes_the_site_inside_the_course_s_own_folders(
    course: Path, site_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # '--site-dir docs/new-folder' was not refused: the next build would read the site as course pages.
    (course / "terjemahan").mkdir(exist_ok=True)
    before = sorted(course.rglob("*"))
    status, output = run(capsys, "--root", str(course), "build", "--no-zip", "-q", "--site-dir", str(course / site_dir))
    where = site_dir.split("/")[0]
    assert status == 2 and f"it is in the course's own {where}, which the next build would read" in output
    assert "nothing was written" in output
    assert sorted(course.rglob("*")) == before


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    ("where", "command", "said"),
    [
        ("mkdocs.yml", ["check"], "mkdocs.yml:1: the file is saved as UTF-16"),
        ("mkdocs.yml", ["build", "--no-zip", "-q"], "mkdocs.yml:1: the file is saved as UTF-16"),
        ("quizzes/modul-01.yml", ["check"], "quizzes/modul-01.yml:1: Q002 the file is saved as UTF-16"),
        ("quizzes/modul-01.yml", ["ids", "--record"], "quizzes/modul-01.yml:1: Q002 the file is saved as UTF-16"),
    ],
)
def test_a_file_saved_as_utf16_is_named_as_such(
    course: Path, encoding: str, where: str, command: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Said "byte 0xff is not UTF-8 text" (with a byte order mark) or "control character \x00" (without).
    path = course / where
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    before = {p: p.read_bytes() for p in course.rglob("*") if p.is_file()}
    status, output = run(capsys, "--root", str(course), *command)
    assert status != 0
    assert f"{said}, not UTF-8 (save it as UTF-8 in your editor)" in output
    assert "0xff" not in output and "\\x00" not in output
    assert {p: p.read_bytes() for p in course.rglob("*") if p.is_file()} == before

"""``kursus translations export|import LANG``: gettext PO files for translation tools (issue 17)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from kursus.translations.segments import segment
from translations.course_fixture import make_translation_project, run_kursus, with_history

from conftest import ROOT

MSGFMT = shutil.which("msgfmt")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_translation_project(tmp_path / "kursus")


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts and "po" not in p.relative_to(root).parts[:2]
    }


def po(project: Path, name: str, language: str = "vi") -> polib.POFile:
    return polib.pofile(str(project / "terjemahan/po" / language / name))


def entry(catalog: polib.POFile, context: str) -> polib.POEntry:
    return next(e for e in catalog if e.msgctxt == context)


def msgfmt_accepts(path: Path) -> None:
    if MSGFMT is None:
        if os.environ.get("CI"):
            pytest.fail("GNU gettext's msgfmt is needed (apt-get install gettext)")
        pytest.skip("msgfmt (GNU gettext) is not installed")
    done = subprocess.run([MSGFMT, "--check-format", "-o", os.devnull, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, f"{path}: {done.stderr}"


def test_export_segments_pages_quizzes_and_interface_with_references(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run_kursus(capsys, project, "translations", "export", "vi")
    assert (status, err) == (0, "")
    assert out.startswith("Wrote ") and "PO files to terjemahan/po/vi/" in out
    folder = project / "terjemahan/po/vi"
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.po"))
    assert names == [
        "glosarium.po",
        "index.po",
        "interface.po",
        "modul-01/index.po",
        "modul-01/latihan.po",
        "panduan/status-terjemahan.po",
        "quizzes.po",
    ]
    for path in folder.rglob("*.po"):
        msgfmt_accepts(path)
    page = po(project, "modul-01/latihan.po")
    heading = entry(page, "1 heading")
    assert (heading.msgid, heading.msgstr, heading.occurrences) == (
        "Latihan Modul 1",
        "",
        [("docs/id/modul-01/latihan.md", "1")],
    )
    assert "kuis" not in (project / "terjemahan/po/vi/modul-01/latihan.po").read_text(), "markers stay out"
    quizzes = po(project, "quizzes.po")
    assert entry(quizzes, "m01.q01 text").occurrences[0][0] == "quizzes/modul-01.yml"
    assert entry(po(project, "interface.po"), "tr_missing_title").msgstr == "Chưa được dịch"


def test_out_of_date_translations_are_fuzzy_with_the_old_source_as_previous_msgid(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_history(project)
    assert run_kursus(capsys, project, "translations", "export", "vi")[0] == 0
    page = po(project, "modul-01/index.po")
    fuzzy = [e for e in page if "fuzzy" in e.flags]
    assert fuzzy, "the source page changed since vi was translated"
    assert all(e.previous_msgid and e.previous_msgid != e.msgid for e in fuzzy), "only changed segments"
    assert len(fuzzy) < len([e for e in page if e.msgstr])
    assert not [e for e in po(project, "index.po") if "fuzzy" in e.flags], "an up-to-date page"
    quizzes = po(project, "quizzes.po")
    assert "fuzzy" in entry(quizzes, "m01.q01 option 1 feedback").flags
    assert "fuzzy" not in entry(quizzes, "m01.q01 text").flags
    assert entry(quizzes, "m01.q01 option 3 feedback").msgstr == ""
    for path in (project / "terjemahan/po/vi").rglob("*.po"):
        msgfmt_accepts(path)


def test_export_then_import_without_changes_leaves_the_real_course_byte_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = tmp_path / "kursus"
    files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (course / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, course / name)
    before = tree(course)
    status, out, _ = run_kursus(capsys, course, "translations", "export", "en")
    assert status == 0
    for path in (course / "terjemahan/po/en").rglob("*.po"):
        msgfmt_accepts(path)
    status, out, err = run_kursus(capsys, course, "translations", "import", "en")
    assert (status, err) == (0, ""), err
    assert out.startswith("Changed: 0 pages or texts; 0 recorded as up to date.")
    assert tree(course) == before


def test_every_real_page_segments_and_renders_back_unchanged() -> None:
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert segment(text).render() == text, path


def test_segments_keep_structure_markers_anchors_and_code_outside() -> None:
    text = (
        "---\ntitle: x\n---\n# Judul {#judul}\n\nSatu\ndua.\n\n- butir **satu**\n  lanjutan\n1. nomor\n\n"
        "| A | B |\n|---|---|\n| sel 1 | sel 2 |\n\n```python\nkode = 1\n```\n\n<!-- kuis: m01 -->\n\n"
        '!!! note "Catatan"\n    Isi catatan.\n\n> kutipan\n'
    )
    page = segment(text)
    assert [(s.kind, s.text) for s in page.segments] == [
        ("heading", "Judul"),
        ("paragraph", "Satu\ndua."),
        ("item", "butir **satu**\nlanjutan"),
        ("item", "nomor"),
        ("cell", "A"),
        ("cell", "B"),
        ("cell", "sel 1"),
        ("cell", "sel 2"),
        ("title", "Catatan"),
        ("paragraph", "Isi catatan."),
        ("paragraph", "kutipan"),
    ]
    translated = page.render(
        [
            "Title",
            "One two.",
            "item **one**\ngoes on\nand on",
            "number",
            "A",
            "B",
            "cell 1",
            "cell 2",
            "Note",
            "Body.",
            "quote",
        ]
    )
    assert translated == (
        "---\ntitle: x\n---\n# Title {#judul}\n\nOne two.\n\n- item **one**\n  goes on\n  and on\n1. number\n\n"
        "| A | B |\n|---|---|\n| cell 1 | cell 2 |\n\n```python\nkode = 1\n```\n\n<!-- kuis: m01 -->\n\n"
        '!!! note "Note"\n    Body.\n\n> quote\n'
    )


def test_indented_code_stays_out_but_indented_content_of_notes_and_items_is_translated() -> None:
    text = "Teks:\n\n    kode = 1\n    lagi = 2\n\nSesudah.\n\n- butir\n\n    lanjutan butir\n\n!!! note\n    Isi.\n"
    page = segment(text)
    assert [s.text for s in page.segments] == ["Teks:", "Sesudah.", "butir", "lanjutan butir", "Isi."]
    assert page.render() == text


def fill(catalog: polib.POFile, translate: dict[str, str] | None = None) -> None:
    for item in catalog:
        if not item.msgstr or item.msgctxt in (translate or {}):
            item.msgstr = (translate or {}).get(item.msgctxt, f"(vi) {item.msgid}")
        if "fuzzy" in item.flags:
            item.flags.remove("fuzzy")


def test_a_translated_po_imports_into_pages_and_quizzes_that_pass_the_checks(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_kursus(capsys, project, "translations", "export", "vi")[0] == 0
    page = po(project, "modul-01/latihan.po")
    fill(page)
    page.save()
    quizzes = po(project, "quizzes.po")
    feedback = entry(quizzes, "m01.q01 option 3 feedback")
    feedback.msgstr = "Chưa đúng: **hãy đọc lại** phần 2."
    quizzes.save()
    interface = po(project, "interface.po")
    entry(interface, "check").msgstr = "Kiểm tra"
    interface.save()
    quiz_before = (project / "quizzes/modul-01.yml").read_text(encoding="utf-8")
    status, out, err = run_kursus(capsys, project, "translations", "import", "vi")
    assert (status, err) == (0, ""), err
    assert "docs/vi/modul-01/latihan.md" in out and "m01.q01 option 3 feedback" in out and "interface: check" in out
    created = (project / "docs/vi/modul-01/latihan.md").read_text(encoding="utf-8")
    assert created == "# (vi) Latihan Modul 1\n\n(vi) Jawaban Anda tersimpan di peramban ini.\n\n<!-- kuis: m01 -->\n"
    quiz_after = (project / "quizzes/modul-01.yml").read_text(encoding="utf-8")
    added = [line for line in quiz_after.splitlines() if line not in quiz_before.splitlines()]
    assert len(added) == 1 and added[0].endswith(', vi: "Chưa đúng: **hãy đọc lại** phần 2."}')
    assert (
        'check:            {id: Periksa, en: Check, vi: "Kiểm tra"}'
        in (project / "overrides/ui-strings.yml").read_text()
    )
    status, out, err = run_kursus(capsys, project, "check")
    assert status == 0, out + err
    _, out, _ = run_kursus(capsys, project, "translations", "--language", "vi", "--format", "json")
    assert '"modul-01/latihan.md"' in out
    record = (project / "terjemahan/vi.yml").read_text(encoding="utf-8")
    assert "modul-01/latihan.md:" in record and "m01.q01 option 3 feedback:" in record


@pytest.mark.parametrize(
    ("context", "text", "message"),
    [
        ("2 paragraph", "# Tiêu đề", "starts a heading, list item or table of its own"),
        ("1 heading", "Dòng một\ndòng hai", "a heading is one line; remove the line breaks"),
    ],
)
def test_a_translation_that_would_break_the_structure_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], context: str, text: str, message: str
) -> None:
    assert run_kursus(capsys, project, "translations", "export", "vi")[0] == 0
    page = po(project, "modul-01/latihan.po")
    fill(page, {context: text})
    page.save()
    before = tree(project)
    status, _, err = run_kursus(capsys, project, "translations", "import", "vi")
    assert status == 1
    assert "terjemahan/po/vi/modul-01/latihan.po:" in err and message in err
    assert err.rstrip().endswith("nothing was written")
    assert tree(project) == before


def test_a_po_made_from_an_older_source_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_kursus(capsys, project, "translations", "export", "vi")[0] == 0
    source = project / "docs/id/modul-01/latihan.md"
    source.write_text(source.read_text().replace("Jawaban Anda", "Semua jawaban Anda"), encoding="utf-8")
    page = po(project, "modul-01/latihan.po")
    fill(page)
    page.save()
    status, _, err = run_kursus(capsys, project, "translations", "import", "vi")
    assert status == 1
    assert "segment '2 paragraph' of docs/id/modul-01/latihan.md changed since the export; export again" in err
    assert not (project / "docs/vi/modul-01/latihan.md").exists()


def test_import_refuses_a_broken_po_file_and_an_unknown_language(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_kursus(capsys, project, "translations", "import", "vi")[0] == 2
    assert run_kursus(capsys, project, "translations", "export", "vi")[0] == 0
    (project / "terjemahan/po/vi/index.po").write_text('msgid "a"\nmsgid "b"\n', encoding="utf-8")
    status, _, err = run_kursus(capsys, project, "translations", "import", "vi")
    assert status == 1 and "terjemahan/po/vi/index.po:2: not a PO file that can be read: a syntax error" in err
    assert "Traceback" not in err
    status, _, err = run_kursus(capsys, project, "translations", "export", "jw")
    assert status == 2 and "'jw' is not a translated language of the course (en, vi)" in err


def test_a_quiz_text_is_added_beside_a_block_source_text_keeping_everything_else() -> None:
    from kursus.translations.yamledit import set_text

    document = (
        "items:\n  - id: m01.q01\n    # a comment stays\n    text:\n      id: >-\n        Teks yang\n        panjang.\n"
        "      en: Long text.\n    explanation:\n      id: Penjelasan.\n"
    )
    edited = set_text(document, "id", 5, "jv", "Teks **dawa**: " + "tembung " * 14)
    assert edited.startswith(document.split("    explanation")[0])
    assert "      jv: 'Teks **dawa**: tembung" in edited
    assert edited.endswith("    explanation:\n      id: Penjelasan.\n")
    replaced = set_text(edited, "id", 5, "en", "A long text.")
    assert "      en: A long text.\n      jv:" in replaced and "Long text." not in replaced


def test_an_out_of_date_page_with_a_new_structure_is_rebuilt_once_fully_translated(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The vi page follows the old source; the source gained a section. Until the new segments are
    translated, import leaves the page alone; then it takes the source's structure."""
    with_history(project)
    assert run_kursus(capsys, project, "translations", "export", "vi")[0] == 0
    target = project / "docs/vi/modul-01/index.md"
    before = target.read_bytes()
    status, out, _ = run_kursus(capsys, project, "translations", "import", "vi")
    assert status == 0 and "not written: docs/vi/modul-01/index.md: its structure differs" in out
    assert target.read_bytes() == before
    page = po(project, "modul-01/index.po")
    fill(page)
    page.save()
    status, out, err = run_kursus(capsys, project, "translations", "import", "vi")
    assert (status, err) == (0, "")
    rebuilt = target.read_text(encoding="utf-8")
    assert "## (vi) Poin kunci {#poin-kunci}" in rebuilt and "## Trường hợp của Dewi {#kasus}" in rebuilt
    assert segment(rebuilt).keys == segment((project / "docs/id/modul-01/index.md").read_text()).keys
    assert run_kursus(capsys, project, "translations", "diff", "vi", "modul-01/index.md")[1].startswith(
        "docs/vi/modul-01/index.md: up to date"
    )

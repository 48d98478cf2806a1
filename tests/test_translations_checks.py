"""The translation checks in ``kursus check`` and the build: parity with the source page, glossary
consistency, complete languages and interface strings (issue 5)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import MkDocsException

from kursus import background
from kursus.project import load_project
from kursus.quiz.bank import load_bank, quiz_files
from kursus.translations.glossary import check_glossary, read_glossary
from kursus.translations.layout import load_layout
from kursus.translations.rules import translation_findings
from kursus.translations.structure import compare, outline
from kursus.ui import load_strings, missing_keys
from translations.course_fixture import make_translation_project, run_kursus, snapshot

from conftest import ROOT, build, site_config

# -- parity with the source page ------------------------------------------------------------------

BROKEN = {
    # anchor changed, admonition type changed
    "en/index.md": ("{#cara-belajar}", "{#how-to-study}", '!!! note "Note"', '!!! tip "Note"'),
    # a section dropped (heading), the image dropped, the question marker replaced by the module's
    "en/modul-01/index.md": (
        "## Key points {#poin-kunci}\n",
        "",
        "![Service flow](alur.svg)\n",
        "",
        "<!-- kuis: m01.q01 -->",
        "<!-- kuis: m01 -->",
    ),
    # a heading one level too deep in the partial language
    "vi/index.md": ("## Cách học", "### Cách học"),
}


def break_pages(project: Path) -> None:
    for page, edits in BROKEN.items():
        path = project / "docs" / page
        text = path.read_text(encoding="utf-8")
        for old, new in zip(edits[::2], edits[1::2], strict=True):
            assert old in text, (page, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


def test_structure_differences_are_reported_with_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    project = make_translation_project(tmp_path / "kursus")
    break_pages(project)
    status, out, err = run_kursus(capsys, project, "check")
    assert (status, err) == (1, "")
    snapshot(request, "check-parity.txt", out)
    assert "docs/en/modul-01/index.md:1: T010 2 headings, source has 3" in out
    assert "docs/vi/modul-01/index.md" not in out, "an out-of-date translation is not compared with the new source"


def test_structure_errors_stop_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = make_translation_project(tmp_path / "kursus")
    break_pages(project)
    with pytest.raises(MkDocsException):
        build(project)
    assert (
        "docs/en/index.md:5: T011 heading 2 '## How to study' has #how-to-study, source has #cara-belajar"
        in caplog.text
    )


def test_the_build_command_reports_every_problem_found_beside_it_and_writes_nothing(tmp_path: Path) -> None:
    """``kursus build`` in a process of its own (no test threads around it), as a user runs it: the
    checks run in a worker while pages render, and their problems still stop the build."""
    project = make_translation_project(tmp_path / "kursus")
    break_pages(project)
    quiz = project / "quizzes" / "modul-01.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("correct: true", "correct: false", 1), encoding="utf-8")
    kursus = Path(sys.executable).with_name("kursus")
    done = subprocess.run(
        [str(kursus), "--root", str(project), "build"], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 1, done.stderr
    if background.can_fork_workers():
        assert "on a second core while pages render" in done.stderr
    assert "docs/en/index.md:5: T011 heading 2 '## How to study' has #how-to-study" in done.stderr
    assert re.search(r"quizzes/modul-01\.yml:\d+: Q030 ", done.stderr), done.stderr
    assert "Traceback" not in done.stderr
    assert not (project / "site").exists() and not (project / "dist").exists()


def test_outline_ignores_code_examples_and_front_matter() -> None:
    text = (
        "---\ntitle: x\n---\n# Judul\n\n```markdown\n## Bukan judul {#x}\n<!-- kuis: m01.q01 -->\n"
        "!!! note\n![a](b.png)\n```\n\n## Bagian {#bagian}\n\n    kode terindentasi\n\n"
        '!!! warning "Awas"\n    isi\n\n![Gambar](a.png) dan <img src="b.png">\n\n<!-- kuis: m01.q02 -->\n'
    )
    shape = outline(text)
    assert [(h.level, h.text, h.anchor, h.line) for h in shape.headings] == [
        (1, "Judul", None, 4),
        (2, "Bagian", "bagian", 13),
    ]
    assert [m.value for m in shape.markers] == ["kuis: m01.q02"]
    assert [a.value for a in shape.admonitions] == ["warning"]
    assert len(shape.images) == 2


def test_markers_in_another_order_are_reported() -> None:
    source = "# A\n\n<!-- kuis: m01.q01 -->\n\n<!-- kuis: m01.q02 -->\n"
    translation = "# A\n\n<!-- kuis: m01.q02 -->\n\n<!-- kuis: m01.q01 -->\n"
    [problem] = compare("docs/en/a.md", "docs/id/a.md", translation, source)
    assert problem.text() == (
        "docs/en/a.md:3: T012 quiz markers are in a different order than in the source "
        "(place each marker where the source places it)"
    )


# -- glossary ----------------------------------------------------------------------------------------

GLOSSARY = """\
| Bahasa Indonesia | English | Catatan |
|---|---|---|
| pencari kerja (pencaker) | job seeker | |
| bursa kerja | job exchange; job fair | |
| bursa kerja khusus (BKK) | institution-based placement unit | |
| data pribadi; subjek data | personal data; data subject | |
| wajib lapor lowongan | mandatory vacancy reporting | |
| wawancara awal / asesmen awal | intake interview / initial assessment | |
| konselor | counsellor | |
"""
TERMS = read_glossary(GLOSSARY, {"bahasa indonesia": "id", "english": "en"})["en"]


def warnings(source: str, translation: str) -> list[str]:
    return [p.message for p in check_glossary("docs/en/a.md", "docs/id/a.md", translation, source, TERMS, "en")]


def test_a_term_used_twice_must_appear_with_its_rendering() -> None:
    source = "Pencari kerja datang. Konselor mendengarkan pencari kerja itu.\n"
    assert warnings(source, "A jobhunter comes. The counsellor listens to the jobhunter.\n") == [
        "glossary term 'pencari kerja' (2× in the source) is never rendered as 'job seeker'"
    ]
    assert warnings(source, "Job seekers come. The counsellor listens.\n") == []
    assert warnings("Pencari kerja datang.\n", "A jobhunter comes.\n") == [], "a single mention is not checked"


def test_word_forms_and_order_may_change_in_english() -> None:
    source = "Wajib lapor lowongan berlaku. Patuhi wajib lapor lowongan.\n"
    assert warnings(source, "Since vacancy reporting became mandatory, firms comply.\n") == []
    assert warnings(source, "Firms send mandatory vacancy reports.\n") == []
    assert warnings(source, "Firms must tell us about jobs.\n") != []


def test_keeping_the_source_term_or_an_alternative_passes() -> None:
    source = "Bursa kerja dibuka. Datanglah ke bursa kerja.\n"
    assert warnings(source, "The bursa kerja (job fair) opens.\n") == []
    assert warnings(source, "The job fair opens. Come to the fair.\n") == []
    assert warnings(source, "The careers day opens.\n") != []
    assert warnings("Asesmen awal dan asesmen awal.\n", "The intake interview.\n") == [], "'/' lists alternatives"


def test_the_longest_term_wins_and_paired_cells_stay_paired() -> None:
    source = "BKK adalah bursa kerja khusus. Setiap bursa kerja khusus melapor.\n"
    assert warnings(source, "Each institution-based placement unit reports.\n") == []
    paired = "Data pribadi dilindungi. Simpan data pribadi.\n"
    assert warnings(paired, "The data subject is protected.\n") == [
        "glossary term 'data pribadi' (2× in the source) is never rendered as 'personal data'"
    ]


def test_single_words_code_and_links_are_not_checked_and_deviations_can_be_declared() -> None:
    assert warnings("Konselor dan konselor.\n", "The adviser and the adviser.\n") == []
    source = "`pencari kerja` dan [tautan](pencari-kerja.md) dan <!-- pencari kerja -->\n"
    assert warnings(source, "Nothing.\n") == []
    source = "Pencari kerja dan pencari kerja.\n"
    assert warnings(source, "<!-- glosarium: abaikan pencari kerja -->\nClients and clients.\n") == []
    assert warnings(source, "```\n<!-- glosarium: abaikan pencari kerja -->\n```\nClients.\n") != []


# -- complete languages and interface strings -------------------------------------------------------


def test_a_complete_language_missing_a_page_fails_a_partial_one_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    project = make_translation_project(tmp_path / "kursus")
    (project / "docs/en/modul-01/latihan.md").unlink()
    _, out, _ = run_kursus(capsys, project, "check")
    assert out.splitlines()[0] == (
        "docs/en/modul-01/latihan.md:1: T001 page missing: English (en) is a complete language "
        "(translate docs/id/modul-01/latihan.md, or remove en from complete_languages in mkdocs.yml)"
    )
    assert "docs/vi/" not in out, "vi is partial: its missing pages are not problems"
    with pytest.raises(MkDocsException):
        build(project)
    assert "T001 page missing" in caplog.text


def test_a_complete_language_missing_a_quiz_text_fails_the_build(tmp_path: Path) -> None:
    project = make_translation_project(tmp_path / "kursus")
    quiz = project / "quizzes/modul-01.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace(", en: The employer,", ","), encoding="utf-8")
    with pytest.raises(MkDocsException):
        build(project)


def test_a_complete_language_missing_an_interface_text_or_nav_title_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_translation_project(tmp_path / "kursus")
    strings = project / "overrides/ui-strings.yml"
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("tr_help:"))
    lines[number] = "tr_help: {id: Bantu menerjemahkan}\n"
    strings.write_text("".join(lines), encoding="utf-8")
    config = site_config(nav=True).replace("            Modul: Modules\n", "")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    _, out, _ = run_kursus(capsys, project, "check")
    nav_line = config.splitlines().index("  - Modul:") + 1
    assert f"overrides/ui-strings.yml:{number + 1}: T030 interface string 'tr_help' has no en text" in out
    assert f"mkdocs.yml:{nav_line}: T031 nav section 'Modul' has no en title" in out


def test_every_complete_language_of_the_course_has_every_interface_string() -> None:
    project = load_project(ROOT)
    strings = load_strings(ROOT / "overrides/ui-strings.yml")
    assert missing_keys(strings, project.complete_languages) == []
    assert set(project.complete_languages) <= set(project.languages)


def test_the_real_course_passes_the_translation_checks() -> None:
    layout = load_layout(ROOT)
    bank, _ = load_bank(quiz_files(layout.quizzes_dir), ROOT)
    problems, _ = translation_findings(layout, bank)
    assert [p.text() for p in problems] == []
    glossary = read_glossary((ROOT / "docs/id/glosarium.md").read_text(encoding="utf-8"), {"english": "en"})
    assert len(glossary["en"]) >= 40, "the glossary table was not read"


def test_a_glossary_deviation_in_the_fixture_warns_and_fails_the_strict_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    project = make_translation_project(tmp_path / "kursus")
    page = project / "docs/en/modul-01/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("job seeker", "client"), encoding="utf-8")
    status, out, _ = run_kursus(capsys, project, "check")
    assert status == 0, "warnings alone do not fail 'kursus check'"
    assert out.splitlines()[0] == (
        "docs/en/modul-01/index.md:1: T020 warning: glossary term 'pencari kerja' (3× in the source) is never "
        "rendered as 'job seeker' (first use docs/id/modul-01/index.md:3; use the glossary's rendering, or add "
        "'<!-- glosarium: abaikan pencari kerja -->' if the deviation is intended)"
    )
    assert run_kursus(capsys, project, "check", "--strict")[0] == 1
    with pytest.raises(MkDocsException):
        build(project)
    assert "T020" in caplog.text
    page.write_text(
        page.read_text(encoding="utf-8") + "\n<!-- glosarium: abaikan pencari kerja -->\n", encoding="utf-8"
    )
    assert run_kursus(capsys, project, "check", "--strict")[0] == 0


def test_quiz_text_labels_are_unique_so_records_cannot_mix_them_up() -> None:
    bank, _ = load_bank(quiz_files(ROOT / "quizzes"), ROOT)
    labels = [ref.label for quiz in bank.quizzes for ref in quiz.texts]
    assert labels and len(labels) == len(set(labels))
    assert all(re.match(r"(m\d{2}|awal|akhir)(\.[qs]\d{2,3})? ", label) for label in labels), "labels start with an id"

"""``kursus translations mark|diff`` and ``kursus new-language`` on the fixture course (issue 5)."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from translations.course_fixture import make_translation_project, run_kursus, snapshot, with_history

from conftest import ROOT, build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_translation_project(tmp_path / "kursus")


def vi_states(capsys: pytest.CaptureFixture[str], project: Path) -> dict[str, dict[str, list[str]]]:
    _, out, _ = run_kursus(capsys, project, "translations", "--language", "vi", "--format", "json")
    vi = json.loads(out)["languages"][0]
    return {
        kind: {state: [f["name"] for f in files] for state, files in vi[kind]["files"].items() if files}
        for kind in ("pages", "quiz_texts")
    }


# -- mark ------------------------------------------------------------------------------------------


def test_mark_a_page_and_a_question(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_kursus(capsys, project, "translations", "mark", "vi", "docs/vi/modul-01/index.md", "m01.q01")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Marked 1 page and 6 quiz texts of Tiếng Việt (vi) as up to date: terjemahan/vi.yml"
    assert lines[1].startswith("Out of date or not recorded until now (")
    assert "  docs/vi/modul-01/index.md" in lines
    assert lines[-2:] == [
        "Not marked, no vi translation yet (1):",
        "  quizzes/modul-01.yml:17 m01.q01 option 3 feedback",
    ]
    states = vi_states(capsys, project)
    assert states["pages"] == {
        "up_to_date": ["index.md", "modul-01/index.md"],
        "missing": ["glosarium.md", "modul-01/latihan.md", "panduan/status-terjemahan.md"],
    }
    assert "out_of_date" not in states["quiz_texts"]
    assert (project / "docs/vi/modul-01/index.md").read_text(encoding="utf-8").startswith("# Học phần 1")


def test_mark_everything_records_every_translation_and_drops_removed_ones(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = project / "terjemahan/vi.yml"
    record.write_text(record.read_text(encoding="utf-8") + "  m09.q01 text: 0123456789ab\n", encoding="utf-8")
    status, out, _ = run_kursus(capsys, project, "translations", "mark", "vi", "--all")
    assert status == 0
    assert out.splitlines()[0] == "Marked 2 pages and 7 quiz texts of Tiếng Việt (vi) as up to date: terjemahan/vi.yml"
    assert "Dropped 1 records of pages or texts that no longer exist." in out
    assert "m09.q01" not in record.read_text(encoding="utf-8")
    assert record.read_text(encoding="utf-8").startswith(
        "# Versi sumber yang menjadi dasar terjemahan Tiếng Việt (vi)."
    )
    assert set(vi_states(capsys, project)["quiz_texts"]) == {"up_to_date", "missing"}


def test_mark_without_items_refuses_and_dry_run_lists_without_writing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = project / "terjemahan/vi.yml"
    before = record.read_bytes()
    status, out, err = run_kursus(capsys, project, "translations", "mark", "vi")
    assert (status, out) == (2, "")
    assert "give --all to mark everything translated into vi" in err and "nothing was written" in err
    status, out, _ = run_kursus(capsys, project, "translations", "mark", "vi", "--all", "--dry-run")
    assert status == 0 and out.startswith("Would mark (dry run, nothing written) 2 pages")
    assert "  docs/vi/modul-01/index.md" in out.splitlines()
    assert record.read_bytes() == before


def test_mark_writes_nothing_when_anything_is_wrong(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = project / "terjemahan/vi.yml"
    before = record.read_bytes()
    status, _, err = run_kursus(
        capsys, project, "translations", "mark", "vi", "index.md", "modul-01/latihan.md", "m07.q01"
    )
    assert status == 1
    assert err.splitlines() == [
        "kursus translations mark: m07.q01: no source page, folder, quiz file or quiz id of that name (pages are "
        "named as in docs/id/, e.g. modul-01/index.md; quiz texts by id, e.g. m01.q03)",
        "kursus translations mark: docs/vi/modul-01/latihan.md: no such translation; translate "
        "docs/id/modul-01/latihan.md first",
        "kursus translations mark: nothing was marked",
    ]
    assert record.read_bytes() == before
    status, _, err = run_kursus(capsys, project, "translations", "mark", "id")
    assert status == 2 and "id is the source language" in err


# -- diff ------------------------------------------------------------------------------------------


def test_diff_shows_the_source_changes_from_git_history(
    project: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    with_history(project)
    status, out, err = run_kursus(capsys, project, "translations", "diff", "vi", "modul-01/index.md")
    assert (status, err) == (0, "")
    snapshot(request, "diff-page.txt", out)
    status, out, _ = run_kursus(capsys, project, "translations", "diff", "vi", "m01.q01")
    assert status == 0
    snapshot(request, "diff-question.txt", out)


def test_diff_says_clearly_when_the_old_source_is_not_available(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_kursus(capsys, project, "translations", "diff", "vi", "docs/vi/modul-01/index.md")
    assert status == 1
    assert out.startswith("docs/vi/modul-01/index.md: out of date, but the old source is not available: git has no")
    status, out, _ = run_kursus(capsys, project, "translations", "diff", "vi", "index.md")
    assert (status, out) == (0, "docs/vi/index.md: up to date with docs/id/index.md; nothing to show\n")
    status, out, _ = run_kursus(capsys, project, "translations", "diff", "vi", "modul-01/latihan.md")
    assert status == 0 and "not translated yet" in out


# -- new-language ----------------------------------------------------------------------------------


def test_new_language_edits_mkdocs_yml_keeping_its_comments_and_builds_at_once(
    project: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    config = project / "mkdocs.yml"
    before = config.read_text(encoding="utf-8")
    status, out, err = run_kursus(capsys, project, "new-language", "ms")
    assert (status, err) == (0, "")
    assert out.startswith("Added Melayu (ms) as a partial language.")
    after = config.read_text(encoding="utf-8")
    changes = difflib.unified_diff(before.splitlines(True), after.splitlines(True), "mkdocs.yml", "mkdocs.yml", n=0)
    snapshot(request, "new-language-ms.diff", "".join(line for line in changes if not line.startswith("@@")))
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == [
        line for line in after.splitlines() if line.lstrip().startswith("#") and "new-language" not in line
    ], "every comment stays"
    assert "complete_languages: [id, en]" in after
    assert (project / "docs/ms").is_dir() and (project / "terjemahan/ms.yml").is_file()
    site = build(project)
    page = (site / "ms/modul-01/index.html").read_text(encoding="utf-8")
    assert "kk-translation" in page and "Kasus Dewi" in page, "the Indonesian page with a banner"
    assert 'hreflang="ms"' in (site / "modul-01/index.html").read_text(encoding="utf-8")


def test_a_regional_language_without_theme_texts_falls_back_to_indonesian_everywhere(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Javanese: Material has no texts for jv, so its partial takes Material's Indonesian texts, and
    the course's own interface texts (quiz buttons) come in Indonesian too, not English."""
    status, out, _ = run_kursus(capsys, project, "new-language", "jv")
    assert status == 0
    assert "created overrides/partials/languages/jv.html (Material's texts for jv fall back to id)" in out
    assert "until then those texts appear in Bahasa Indonesia" in out
    site = build(project)
    page = (site / "jv/modul-01/latihan.html").read_text(encoding="utf-8")
    assert '<html lang="jv"' in page
    assert 'placeholder="Cari"' in page, "Material's search box in Indonesian"
    assert 'data-act="check">Periksa</button>' in page and ">Check<" not in page
    docs = json.loads((site / "jv/search/search_index.json").read_text(encoding="utf-8"))["docs"]
    found = {d["location"] for d in docs if "Latihan Modul 1" in d["title"]}
    assert "modul-01/latihan.html" in found, "the Indonesian pages shown under jv/ are found in jv's search"


def test_another_language_without_theme_texts_falls_back_to_english(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_kursus(capsys, project, "new-language", "km")
    assert status == 0
    assert out.startswith("Added ខ្មែរ (km) as a partial language.")
    assert "(Material's texts for km fall back to en)" in out
    site = build(project)
    page = (site / "km/modul-01/latihan.html").read_text(encoding="utf-8")
    assert '<html lang="km"' in page and 'placeholder="Search"' in page
    assert 'data-act="check">Check</button>' in page


@pytest.mark.parametrize("code", ["jv", "su", "th", "km", "lo", "my", "tl", "ms", "pt-BR"])
def test_new_language_accepts_two_letter_tags(project: Path, capsys: pytest.CaptureFixture[str], code: str) -> None:
    status, out, err = run_kursus(capsys, project, "new-language", code)
    assert (status, err) == (0, "")
    assert f"({code}) as a partial language" in out
    assert f"locale: {code}\n" in (project / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", ["ban", "min", "bug", "ace", "mad", "bjn", "sas"])
def test_three_letter_codes_are_valid_but_refused_while_the_i18n_plugin_cannot_build_them(
    project: Path, capsys: pytest.CaptureFixture[str], code: str
) -> None:
    """langcodes knows every one of them; mkdocs-static-i18n 1.3 rejects a three-letter locale in
    mkdocs.yml, so adding one would break every build: refused with the reason, nothing written."""
    from kursus.translations.newlang import builds_with_i18n, validate_tag

    assert validate_tag(code)[1] == "ltr"
    files = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    status, out, err = run_kursus(capsys, project, "new-language", code)
    if builds_with_i18n(code) is None:  # a plugin release that accepts ISO 639-3 locales
        assert status == 0, err
        return
    assert status == 1 and out == ""
    assert f"kursus new-language: '{code}' (" in err
    assert "is a valid language tag, but the i18n plugin installed (mkdocs-static-i18n 1.3" in err
    assert "accepts only two-letter language codes" in err and "nothing changed" in err
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == files, "nothing written"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("xx", "'xx' is not a valid language tag: use a BCP 47 tag"),
        ("jv_", "'jv_' is not a valid language tag"),
        ("bali", "'bali' is not a valid language tag"),
        ("VI", "'VI': write the language part in lower case (vi)"),
        ("jw", "'jw' is a deprecated code for Javanese: use 'jv'"),
        ("qaa", "'qaa' is reserved for private use"),
        ("en", "'en' is already a language of the course"),
        ("id", "'id' is the source language of the course"),
    ],
)
def test_new_language_refuses_invalid_or_existing_codes(
    project: Path, capsys: pytest.CaptureFixture[str], code: str, message: str
) -> None:
    files = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    status, out, err = run_kursus(capsys, project, "new-language", code)
    assert status == 1 and out == ""
    assert err.startswith(f"kursus new-language: {message}")
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == files, "nothing written"


def test_new_language_refuses_a_flow_style_language_list(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - i18n:\n      languages: [{locale: id, default: true}, {locale: en}]\n",
        encoding="utf-8",
    )
    status, _, err = run_kursus(capsys, project, "new-language", "vi")
    assert status == 1
    assert "mkdocs.yml:4: write the i18n languages as a block list" in err


def test_the_real_mkdocs_yml_accepts_a_new_language() -> None:
    from kursus.translations.newlang import edited_config

    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert edited_config(text, "vi", "Tiếng Việt").count("locale: vi") == 1

"""Fallback chains (issue 17): a regional language of Indonesia falls back to Bahasa Indonesia, others
to English, and mkdocs.yml can say otherwise per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from kursus.project import ProjectError, load_project
from kursus.translations.fallback import fallback_chain
from kursus.ui import interface_fallbacks, translator
from translations.course_fixture import make_translation_project, run_kursus

COMPLETE = ["id", "en"]


@pytest.mark.parametrize("code", ["jv", "su", "ban", "min", "bug", "ace", "mad", "bjn", "sas", "jv-ID"])
def test_regional_languages_of_indonesia_fall_back_to_indonesian(code: str) -> None:
    assert fallback_chain(code, "id", COMPLETE) == ("id",)
    assert interface_fallbacks(code, "id", COMPLETE) == ()


@pytest.mark.parametrize("code", ["vi", "th", "km", "lo", "my", "tl", "ms", "pt-BR"])
def test_other_languages_fall_back_to_english_then_indonesian(code: str) -> None:
    assert fallback_chain(code, "id", COMPLETE) == ("en", "id")


def test_a_configured_chain_wins_and_always_ends_with_the_source() -> None:
    assert fallback_chain("jv", "id", COMPLETE, {"jv": ["en"]}) == ("en", "id")
    assert fallback_chain("vi", "id", COMPLETE, {"jv": ["en"]}) == ("en", "id")
    assert fallback_chain("id", "id", COMPLETE) == ()


def test_a_javanese_reader_gets_indonesian_interface_texts_where_javanese_is_missing() -> None:
    strings = {"check": {"id": "Periksa", "en": "Check"}, "module": {"id": "Modul", "en": "Module", "jv": "Modhul"}}
    t = translator(strings, "jv", "id", interface_fallbacks("jv", "id", COMPLETE))
    assert (t("check"), t("module")) == ("Periksa", "Modhul")
    t = translator(strings, "vi", "id", interface_fallbacks("vi", "id", COMPLETE))
    assert t("check") == "Check"


def with_fallbacks(project: Path, setting: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - kursus:\n" in text
    config.write_text(text.replace("  - kursus:\n", f"  - kursus:\n      fallbacks: {setting}\n", 1), encoding="utf-8")


def test_the_chain_is_read_from_mkdocs_yml(tmp_path: Path) -> None:
    project = make_translation_project(tmp_path / "kursus")
    with_fallbacks(project, "{vi: [id]}")
    assert load_project(project).fallbacks == {"vi": ("id",)}


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("{vi: [jv]}", "fallbacks: 'jv' is not a language of the course (languages: id, en, vi)"),
        ("[id]", "'fallbacks' must map a language to a list of languages"),
        ("{vi: {en: 1}}", "fallbacks of 'vi' must be a list of language codes"),
    ],
)
def test_a_wrong_chain_is_a_clear_error_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str, message: str
) -> None:
    project = make_translation_project(tmp_path / "kursus")
    with_fallbacks(project, setting)
    line = next(n for n, s in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1) if "fallbacks:" in s)
    with pytest.raises(ProjectError) as raised:
        load_project(project)
    assert f"mkdocs.yml:{line}: {message}" in str(raised.value)
    status, _, err = run_kursus(capsys, project, "translations")
    assert status == 2 and f"mkdocs.yml:{line}: {message}" in err and "Traceback" not in err


def test_material_texts_for_a_language_it_lacks_come_from_its_fallback(tmp_path: Path) -> None:
    """Material has no texts for Balinese: without a partial its templates fail (no languages/ban.html);
    with the one new-language writes, a 'ban' page gets Material's Indonesian texts and says lang=ban."""
    import jinja2

    from kursus.translations.layout import load_layout
    from kursus.translations.newlang import material_languages, theme_fallback, theme_partial

    project = make_translation_project(tmp_path / "kursus")
    layout = load_layout(project)
    templates = material_languages()
    assert templates is not None and not (templates / "ban.html").exists()
    loader = jinja2.FileSystemLoader([str(project / "overrides"), str(templates.parent.parent)])
    env = jinja2.Environment(loader=loader)
    page = env.from_string(
        '{% import "partials/language.html" as lang with context %}'
        '{{ lang.t("language") }} {{ lang.t("direction") }} {{ lang.t("search.placeholder") }}'
    )
    with pytest.raises(jinja2.TemplateNotFound):
        page.render(config={"theme": {"language": "ban"}})
    fallback = theme_fallback(layout.chain("ban"))
    assert fallback == "id"
    assert theme_partial(layout, "ban", "ltr", fallback) == (
        "overrides/partials/languages/ban.html (Material's texts for ban fall back to id)"
    )
    assert page.render(config={"theme": {"language": "ban"}}) == "ban ltr Cari"
    assert theme_fallback(layout.chain("km")) == "en"

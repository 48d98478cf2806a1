"""A partly translated question falls back whole, never mixing languages in one box (issue 17): on the
website, in the answer key, on paper and in the GIFT export. Fixture: tests/data/partial_quiz.yml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kursus.cli import main
from kursus.export.gift import gift_bank
from kursus.printing.paper import PaperRenderer
from kursus.quiz.bank import Bank, load_bank
from kursus.quiz.fallback import item_languages
from kursus.quiz.render import Renderer
from kursus.translations.fallback import fallback_chain
from kursus.ui import interface_fallbacks, load_strings, translator

from conftest import build, make_project

ROOT = Path(__file__).resolve().parent.parent
PARTIAL = Path(__file__).parent / "data" / "partial_quiz.yml"
COMPLETE = ["id", "en"]
STRINGS = load_strings(ROOT / "overrides" / "ui-strings.yml")
NOTICE_ID = STRINGS["tr_quiz_in_id"]["id"]
NOTICE_EN = STRINGS["tr_quiz_in_en"]["en"]


def bank() -> Bank:
    loaded, problems = load_bank([PARTIAL])
    assert not problems
    return loaded


def renderer(language: str, strings: dict[str, dict[str, str]] = STRINGS) -> Renderer:
    via = interface_fallbacks(language, "id", COMPLETE)
    t = translator(strings, language, "id", via)
    return Renderer(bank(), language, "id", t, fallback_chain(language, "id", COMPLETE))


def fieldset(html: str, qid: str) -> str:
    match = re.search(rf'<fieldset[^>]*data-qid="{re.escape(qid)}".*?</fieldset>', html, re.S)
    assert match, qid
    return match.group(0)


def test_a_complete_question_is_shown_in_the_readers_language() -> None:
    html = renderer("jv").placed("m01.q01") or ""
    assert "Sapa sing mutusake?" in html and "Sing golek gawe" in html and "Elinga hake" in html
    assert "Siapa yang memutuskan?" not in html and "Pencari kerja" not in html
    assert "kk-fallback" not in html and ' lang="' not in html


def test_a_half_translated_question_is_shown_whole_in_the_fallback_language_with_a_notice() -> None:
    """q02 has its Javanese text and options but one option's feedback is missing in jv: the learner
    gets the whole question in Bahasa Indonesia (jv's fallback), not Javanese with one Indonesian line."""
    html = renderer("jv").placed("m01.q02") or ""
    assert "Apa langkah pertama wawancara?" in html and "Itu langkah terakhir." in html
    assert "Wawancara dibuka dengan perkenalan." in html
    for javanese in ("Apa langkah kapisan", "Kenalan", "Rencana tumindak", "Kuwi sabanjure", "dibukak"):
        assert javanese not in html
    assert f'<p class="kk-fallback" lang="jv">{NOTICE_ID}</p>' in html
    assert re.search(r'<fieldset [^>]*lang="id"', html), "the question's texts are marked as Indonesian"
    assert '<div class="kk-q__actions" lang="jv">' in html, "the buttons stay the reader's"


def test_another_language_falls_back_along_its_own_chain() -> None:
    """Vietnamese falls back to English first: q02 lacks only its vi explanation, so it is all English."""
    html = renderer("vi").placed("m01.q02") or ""
    assert "What is the first step of an interview?" in html and "That is the last step." in html
    assert "Bước đầu tiên" not in html and "Apa langkah" not in html
    assert f'<p class="kk-fallback" lang="vi">{NOTICE_EN}</p>' in html


def test_the_notice_is_in_the_readers_language_where_it_exists() -> None:
    own = {**STRINGS, "tr_quiz_in_id": {**STRINGS["tr_quiz_in_id"], "jv": "Latihan iki durung rampung dijarwakake."}}
    html = renderer("jv", own).placed("m01.q02") or ""
    assert '<p class="kk-fallback" lang="jv">Latihan iki durung rampung dijarwakake.</p>' in html


def test_a_scenario_group_falls_back_with_its_case_and_all_its_questions() -> None:
    """The case and q03 are in Javanese, but q04 has no Javanese accepted answer: case, q03 and q04 are
    all shown in Indonesian, with one notice for the group."""
    html = renderer("jv").placed("m01.s01") or ""
    assert "Bu Sari mencari kerja." in html and "Bu Sari golek gawe." not in html
    assert "Bener." not in html and "Priksa maneh." not in html and "Sebutna" not in html
    assert html.count("kk-fallback") == 1
    assert 'data-accept="[&quot;pelatihan&quot;]"' in fieldset(html, "m01.q04")
    alone = renderer("jv").placed("m01.q03") or ""
    assert "Bu Sari perlu dirujuk." in alone and "Priksa maneh." not in alone and "kk-fallback" in alone


def test_the_whole_module_quiz_mixes_no_languages_within_a_question() -> None:
    html = renderer("jv").module_quiz(bank().quizzes[0])
    assert "Sapa sing mutusake?" in fieldset(html, "m01.q01")
    assert "Apa langkah pertama wawancara?" in fieldset(html, "m01.q02")
    assert html.count('class="kk-fallback"') == 2, "q02 and the scenario group"


def test_the_answer_key_falls_back_whole_too() -> None:
    key = renderer("jv").answer_key(bank().quizzes[0])
    assert "Sing golek gawe" in key and "Bener, dheweke sing mutusake." in key
    assert "Perkenalan" in key and "Kenalan" not in key
    assert "Bu Sari mencari kerja." in key and "pelatihan" in key


@pytest.mark.parametrize(("language", "expected"), [("id", {}), ("en", {})])
def test_complete_languages_never_fall_back(language: str, expected: dict[str, str]) -> None:
    items = bank().quizzes[0].items
    assert item_languages(items, language, fallback_chain(language, "id", COMPLETE), "id") == expected


def test_paper_prints_a_half_translated_question_whole_in_the_fallback_language() -> None:
    paper = PaperRenderer(renderer("jv"))
    quiz = bank().quizzes[0]
    html = paper.quiz(quiz)
    q01, q02 = (re.search(rf'data-qid="m01.q0{n}".*?</section>', html, re.S).group(0) for n in (1, 2))  # type: ignore[union-attr]
    assert "Sapa sing mutusake?" in q01 and "pp-fallback" not in q01
    assert "Apa langkah pertama wawancara?" in q02 and "Rencana aksi" in q02 and "Rencana tumindak" not in q02
    assert NOTICE_ID in q02
    assert "Bu Sari mencari kerja." in html and "Bu Sari golek gawe." not in html
    assert "pelatihan" in paper.quick_key(quiz)


def test_the_gift_export_gives_each_question_whole_in_one_language_and_says_so() -> None:
    r = renderer("jv")
    exported = gift_bank(r.bank, r, "Kursus")
    text = exported.text
    assert "Sapa sing mutusake?" in text and "Apa langkah pertama wawancara?" in text
    assert "Rencana tumindak" not in text and "Bu Sari golek gawe" not in text
    assert "// not complete in jv: given whole in id\n// m01.q02 (single)" in text
    assert exported.fell_back == {"id": 3}, "q02 and both questions of the group"
    assert "//   3 × not complete in jv: given whole in id\n" in text


# ------------------------------------------------------------------------------ a built site, Javanese

JV_QUIZ = """module: m01
title: {id: Modul uji, en: Test module, jv: Modhul uji}
items:
  - id: m01.q01
    type: truefalse
    text: {id: Pencari kerja yang memutuskan., en: The job seeker decides., jv: Sing golek gawe sing mutusake.}
    answer: true
    feedback:
      correct: {id: Benar., en: Right., jv: Bener.}
      incorrect: {id: Keputusan ada pada pencari kerja., en: The decision is theirs., jv: Kaputusan ana ing dheweke.}
  - id: m01.q02
    type: truefalse
    text: {id: Konselor memilihkan lowongan., en: The counsellor picks the vacancy., jv: Konselor milihake lowongan.}
    answer: false
    feedback:
      correct: {id: Benar, en: Right, jv: Bener}
      incorrect: {id: Konselor membantu menimbang., en: The counsellor helps weigh options.}
"""
JV_PAGES = {
    "id/index.md": "# Beranda\n\nSelamat datang.\n",
    "en/index.md": "# Home\n\nWelcome.\n",
    "id/modul-01/latihan.md": "# Latihan\n\n<!-- kuis: m01 -->\n",
    "en/modul-01/latihan.md": "# Exercises\n\n<!-- kuis: m01 -->\n",
}


def test_a_partly_translated_regional_language_builds_falling_back_to_indonesian(tmp_path: Path) -> None:
    """Javanese added with new-language, one question translated whole and one not: the Javanese site
    shows the first in Javanese and the second whole in Indonesian (jv's fallback), with the notice in
    Indonesian (jv has no sentence for it yet), and Indonesian buttons, never English ones."""
    project = make_project(tmp_path / "kursus", JV_PAGES, {"modul-01.yml": JV_QUIZ})
    assert main(["--root", str(project), "new-language", "jv"]) == 0
    (project / "docs" / "jv" / "index.md").write_text("# Omah\n\nSugeng rawuh.\n", encoding="utf-8")
    site = build(project)
    html = (site / "jv" / "modul-01" / "latihan.html").read_text(encoding="utf-8")
    q01, q02 = (fieldset(html, f"m01.q0{n}") for n in (1, 2))
    assert "Sing golek gawe sing mutusake." in q01 and "kk-fallback" not in q01
    assert "Konselor memilihkan lowongan." in q02 and "Konselor milihake" not in q02 and "Bener" not in q02
    assert f'<p class="kk-fallback" lang="jv">{NOTICE_ID}</p>' in q02
    assert 'data-act="check">Periksa</button>' in html and ">Check<" not in html
    assert "Sugeng rawuh." in (site / "jv" / "index.html").read_text(encoding="utf-8")

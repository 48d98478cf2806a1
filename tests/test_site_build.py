"""Tiny sites built in a temporary folder: what the build writes, in both languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import MkDocsException

from kursus.searchindex import write_language_indexes

from conftest import MINI_QUIZ, build, make_project

PAGES = {
    "id/index.md": "# Beranda\n\nMenjaga kerahasiaan data dan mendengarkan pencari kerja.\n\n<!-- kuis: m01.q01 -->\n",
    "en/index.md": "# Home\n\nKeeping data confidential and listening to job seekers.\n\n<!-- kuis: m01.q01 -->\n",
    "id/modul-01/latihan.md": "# Latihan\n\n<!-- kuis: m01 -->\n",
    "en/modul-01/latihan.md": "# Exercises\n\n<!-- kuis: m01 -->\n",
    "id/modul-01/index.md": "# Modul 1\n\nTeks TPT.\n",
    "en/modul-01/index.md": "# Module 1\n\nText.\n",
}


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(make_project(tmp_path_factory.mktemp("mini"), PAGES, {"modul-01.yml": MINI_QUIZ}))


def index(site: Path, lang_dir: str) -> dict:
    return json.loads((site / lang_dir / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_search_index(mini_site: Path) -> None:
    id_docs = [d["location"] for d in index(mini_site, ".")["docs"]]
    en_docs = [d["location"] for d in index(mini_site, "en")["docs"]]
    assert "index.html" in id_docs and "index.html" in en_docs
    assert not [loc for loc in id_docs if loc.startswith("en/")]
    titles_en = {d["title"] for d in index(mini_site, "en")["docs"]}
    assert "Home" in titles_en and "Beranda" not in titles_en
    # file:// needs the inlined script form of both indexes
    assert (mini_site / "search" / "search_index.js").read_text().startswith("var __index = ")
    assert (mini_site / "en" / "search" / "search_index.js").read_text().startswith("var __index = ")


def test_indonesian_index_holds_root_words(mini_site: Path) -> None:
    home = next(d for d in index(mini_site, ".")["docs"] if d["location"] == "index.html")
    assert {"rahasia", "dengar"} <= set(home["stems"].split())
    assert index(mini_site, ".")["config"]["pipeline"] == ["trimmer"]
    assert "stemmer" not in index(mini_site, "en")["config"]["pipeline"]


def test_quiz_text_is_rendered_in_each_language_and_kept_out_of_search(mini_site: Path) -> None:
    id_html = (mini_site / "index.html").read_text(encoding="utf-8")
    en_html = (mini_site / "en" / "index.html").read_text(encoding="utf-8")
    assert "Siapa yang memutuskan?" in id_html and "Who decides?" in en_html
    assert 'data-qid="m01.q01"' in id_html
    assert "Bukan." not in json.dumps(index(mini_site, ".")), "feedback must not leak into search results"
    for page in mini_site.rglob("*.html"):
        assert "kk-slot" not in page.read_text(encoding="utf-8"), f"a quiz placeholder was left in {page}"


def test_no_request_to_other_hosts_in_the_html(mini_site: Path) -> None:
    for page in mini_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, page
        assert "squidfunk" not in text and "Made with" not in text, f"generator footer link in {page}"


def test_source_maps_lunr_language_packs_and_interface_strings_are_not_shipped(mini_site: Path) -> None:
    assert not list(mini_site.rglob("*.map"))
    assert not list(mini_site.glob("assets/javascripts/lunr/min/lunr.*.min.js"))
    assert not list(mini_site.rglob("ui-strings.yml"))


def test_splitting_the_search_index_again_changes_nothing(mini_site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(mini_site, copy)
    before = {p: p.read_bytes() for p in copy.rglob("search_index.*")}
    assert write_language_indexes(copy, "id", ["id", "en"]) == {}
    assert {p: p.read_bytes() for p in copy.rglob("search_index.*")} == before


def test_abbreviations_explain_terms_in_each_language(mini_site: Path) -> None:
    html = (mini_site / "modul-01" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Tingkat Pengangguran Terbuka">TPT</abbr>' in html


def test_quiz_errors_stop_the_build_and_leave_the_old_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = make_project(tmp_path, PAGES, {"modul-01.yml": MINI_QUIZ})
    site = build(project)
    (site / "marker.txt").write_text("old build")
    (project / "quizzes" / "modul-01.yml").write_text(MINI_QUIZ.replace("correct: true", "correct: false"))
    with pytest.raises(MkDocsException):
        build(project)
    assert "quizzes/modul-01.yml:4: Q030 m01.q01: single choice has 0 correct options" in caplog.text
    assert (site / "marker.txt").read_text() == "old build"


def test_hostile_quiz_text_is_escaped(tmp_path: Path) -> None:
    hostile = MINI_QUIZ.replace('"Siapa yang memutuskan?"', "'<script>alert(1)</script><img src=x onerror=alert(2)>'")
    site = build(make_project(tmp_path, PAGES, {"modul-01.yml": hostile}))
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

"""The translation state in the built site: banners, the status page, search and the language
switcher, from disk (file://) in headless Chromium (issue 5)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kursus.quiz.bank import Bank
from kursus.translations.layout import load_layout
from kursus.translations.sitepage import TranslationSite
from kursus.translations.status import collect_status
from kursus.ui import load_strings, translator
from translations.course_fixture import make_translation_project

from conftest import ROOT, build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(make_translation_project(tmp_path_factory.mktemp("terjemahan") / "kursus"))


def article(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def test_an_untranslated_page_shows_the_source_with_a_banner_in_the_readers_language(site: Path) -> None:
    html = article(site, "vi/modul-01/latihan.html")
    assert '<aside class="admonition info kk-translation" data-search-exclude lang="vi">' in html
    assert "Chưa được dịch" in html
    assert "Trang này chưa được dịch; bạn đang đọc bản gốc tiếng Indonesia." in html
    assert "Latihan Modul 1" in html, "the Indonesian original is shown"
    assert html.index("</h1>") < html.index("kk-translation"), "below the title"


def test_interface_texts_a_partial_language_lacks_appear_in_english_not_indonesian(site: Path) -> None:
    """The quiz buttons of vi are not translated: a Vietnamese reader gets English (like Material's own
    texts for vi), not Bahasa Indonesia; texts vi has (the banner) stay Vietnamese."""
    html = (site / "vi" / "modul-01" / "latihan.html").read_text(encoding="utf-8")
    assert 'data-act="check">Check</button>' in html and ">Periksa<" not in html
    ui = json.loads(re.search(r'<script id="kk-data"[^>]*>(.*?)</script>', html, re.S).group(1))["ui"]  # type: ignore[union-attr]
    assert (ui["check"], ui["module"]) == ("Check", "Module")
    assert "Chưa được dịch" in html
    indonesian = (site / "modul-01" / "latihan.html").read_text(encoding="utf-8")
    assert 'data-act="check">Periksa</button>' in indonesian


def test_an_out_of_date_translation_shows_a_banner_with_the_original(site: Path) -> None:
    html = article(site, "vi/modul-01/index.html")
    assert '<aside class="admonition warning kk-translation"' in html and "Bản dịch có thể đã cũ" in html
    assert '<a href="../../modul-01/index.html" hreflang="id">Đọc bản gốc tiếng Indonesia</a>' in html
    assert "Học phần 1" in html


def test_translated_and_source_pages_have_no_banner(site: Path) -> None:
    for page in ["vi/index.html", "index.html", "modul-01/index.html", "en/modul-01/index.html"]:
        assert "kk-translation" not in article(site, page), page


def test_the_status_page_is_filled_at_build_time(site: Path) -> None:
    html = article(site, "en/panduan/status-terjemahan.html")
    assert '<aside class="kk-tr-status" data-search-exclude>' in html
    vi_row = html[html.index('<tr data-language="vi">') :]
    vi_row = vi_row[: vi_row.index("</tr>")]
    assert "Tiếng Việt (vi)<br><small>partial</small>" in vi_row
    assert "1 up to date" in vi_row and "1 out of date" in vi_row and "3 not translated" in vi_row
    assert "<code>modul-01/latihan.md</code>" in html
    assert "Exercise texts" in html
    indonesian = article(site, "panduan/status-terjemahan.html")
    assert "Teks latihan" in indonesian and "perlu diperbarui" in indonesian


def test_banners_and_the_status_table_stay_out_of_search(site: Path) -> None:
    for folder in ("vi", "en", "."):
        text = (site / folder / "search/search_index.json").read_text(encoding="utf-8")
        docs = json.loads(text)["docs"]
        assert docs
        for needle in ("Chưa được dịch", "Bản dịch có thể đã cũ", "not recorded", "kk-tr-status"):
            assert needle not in text, (folder, needle)


def test_the_english_banners_read_naturally() -> None:
    layout = load_layout(ROOT)
    statuses, _ = collect_status(layout, Bank(), {})
    t = translator(load_strings(ROOT / "overrides/ui-strings.yml"), "en", "id")
    site_state = TranslationSite(layout, statuses)
    where = {"rel": "modul-01/x.md", "url": "en/modul-01/x.html"}
    html = site_state.decorate("<h1>Judul</h1><p>Isi</p>", language="en", file_language="id", t=t, **where)
    assert "This page is not yet translated; you are reading the Indonesian original." in html
    assert 'href="../panduan/penerjemah.html">Help translate</a>' in html


# -- in the browser, from disk ---------------------------------------------------------------------------


@pytest.mark.browser
def test_banner_and_language_switcher_on_an_untranslated_page(site: Path, page: Any) -> None:
    base = site.as_uri() + "/"
    page.goto(base + "modul-01/latihan.html")
    assert page.locator(".kk-translation").count() == 0
    page.locator("a.md-select__link[hreflang=vi]").first.dispatch_event("click")
    page.wait_for_url(base + "vi/modul-01/latihan.html")
    banner = page.locator(".kk-translation")
    assert banner.is_visible()
    assert "bạn đang đọc bản gốc tiếng Indonesia" in banner.inner_text()
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator("a.md-select__link[hreflang=id]").first.dispatch_event("click")
    page.wait_for_url(base + "modul-01/latihan.html")
    assert not page.errors, page.errors


@pytest.mark.browser
def test_out_of_date_banner_links_to_the_original(site: Path, page: Any) -> None:
    base = site.as_uri() + "/"
    page.goto(base + "vi/modul-01/index.html")
    banner = page.locator(".kk-translation.warning")
    assert banner.is_visible() and "Bản dịch có thể đã cũ" in banner.inner_text()
    banner.get_by_role("link", name="Đọc bản gốc tiếng Indonesia").click()
    page.wait_for_url(base + "modul-01/index.html")
    assert page.locator("h1").inner_text().startswith("Modul 1")
    page.locator("a.md-select__link[hreflang=en]").first.dispatch_event("click")
    page.wait_for_url(base + "en/modul-01/index.html")
    assert page.locator(".kk-translation").count() == 0
    assert not page.errors, page.errors


def test_a_half_translated_question_is_built_whole_in_the_fallback_language(site: Path) -> None:
    """m01.q01 lacks one option's feedback in vi: the Vietnamese site shows the whole question in English
    (vi's fallback), with the notice, and none of its Vietnamese texts; the Indonesian and English sites
    are unchanged."""
    html = (site / "vi" / "modul-01" / "latihan.html").read_text(encoding="utf-8")
    question = html[html.index('data-qid="m01.q01"') : html.index("</fieldset>", html.index('data-qid="m01.q01"'))]
    assert "Who decides which jobs to apply for?" in question and "The job seeker" in question
    assert "Ai quyết định" not in question and "Người tìm việc" not in question
    assert 'class="kk-fallback" lang="vi"' in question and "shown whole in English" in question
    assert "kk-fallback" not in (site / "en" / "modul-01" / "latihan.html").read_text(encoding="utf-8")

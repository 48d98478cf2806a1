"""Search for learners: their own pages come first, a glossary hit names the term in the page's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kursus.searchindex import SECONDARY_BOOST, glossary_entries, split_index

GLOSSARY_PAGE = """<h1>Glosarium</h1><p>Istilah.</p>
<table><thead><tr><th>Bahasa Indonesia</th><th>English</th><th>Catatan</th></tr></thead><tbody>
<tr><td>gratifikasi</td><td>gifts (gratifikasi)</td><td>pemberian kepada petugas</td></tr>
<tr><td><abbr title="Tingkat Pengangguran Terbuka">TPT</abbr> (Tingkat Pengangguran Terbuka)</td>
<td>open unemployment rate</td><td></td></tr>
<tr><td>gratifikasi</td><td>gifts</td><td>twice</td></tr>
</tbody></table>
<h2>Bentuk yang dihindari</h2><table><tbody><tr><td>sif</td><td>shift</td><td></td></tr></tbody></table>
"""


def test_facilitator_and_author_pages_rank_below_learner_pages_in_both_languages() -> None:
    docs = [
        {"location": "modul-01/index.html", "title": "Modul 1", "text": "gratifikasi"},
        {"location": "fasilitator/modul-01.html#persiapan", "title": "Persiapan", "text": "gratifikasi"},
        {"location": "panduan/status-terjemahan.html", "title": "Status", "text": "x"},
        {"location": "en/fasilitator/modul-01.html", "title": "Module 1", "text": "gifts"},
        {"location": "en/modul-01/index.html", "title": "Module 1", "text": "gifts"},
    ]
    indexes = split_index({"config": {}, "docs": docs}, "id", ["id", "en"])
    boosts = {lang: {d["location"]: d.get("boost") for d in index["docs"]} for lang, index in indexes.items()}
    assert boosts["id"] == {
        "modul-01/index.html": None,
        "fasilitator/modul-01.html#persiapan": SECONDARY_BOOST,
        "panduan/status-terjemahan.html": SECONDARY_BOOST,
    }
    assert boosts["en"] == {"fasilitator/modul-01.html": SECONDARY_BOOST, "modul-01/index.html": None}
    assert 0 < SECONDARY_BOOST < 1  # lunr reads a boost of 0 as "no boost"


def test_each_glossary_term_is_its_own_entry_linking_to_its_row() -> None:
    entries = glossary_entries(GLOSSARY_PAGE, [{"location": "glosarium.html"}], "id")
    assert [(e["title"], e["text"], e["location"]) for e in entries] == [
        ("gratifikasi", "gifts (gratifikasi) — pemberian kepada petugas", "glosarium.html#:~:text=gratifikasi"),
        (
            "TPT (Tingkat Pengangguran Terbuka)",
            "open unemployment rate",
            "glosarium.html#:~:text=TPT%20%28Tingkat%20Pengangguran%20Terbuka%29",
        ),
    ]
    assert "pengangguran" not in entries[1].get("stems", "")  # roots only, and only where they differ
    assert "anggur" in entries[1]["stems"]
    assert glossary_entries("<p>No table.</p>", [], "en") == []


def search(page: Any, query: str) -> list[str]:
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)  # results come in one batch; let it render
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.browser
@pytest.mark.parametrize(("language", "term"), [("", "gratifikasi"), ("en/", "gifts (gratifikasi)")])
def test_search_lists_the_module_before_its_facilitator_page_and_names_the_glossary_term(
    course_site: Path, browser: Any, language: str, term: str
) -> None:
    context = browser.new_context(viewport={"width": 412, "height": 800})
    try:
        page = context.new_page()
        page.goto((course_site / f"{language}modul-02" / "index.html").as_uri())
        links = search(page, "gratifikasi")
        module = next(i for i, link in enumerate(links) if "modul-01/index.html" in link)
        facilitator = next(i for i, link in enumerate(links) if "fasilitator/modul-01.html" in link)
        assert module < facilitator, links
        titles = page.locator(
            ".md-search-result__item a[href*='glosarium.html'] h1, .md-search-result__item a[href*='glosarium.html'] h2"
        ).all_inner_texts()
        assert term in titles, titles
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["", "en/"])
def test_the_search_index_loads_only_when_the_learner_opens_search(
    course_site: Path, browser: Any, language: str
) -> None:
    """From disk, a page without search open reads no index (1.2 MB); the first search still works."""
    context = browser.new_context(viewport={"width": 412, "height": 800}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        loaded: list[str] = []
        page.on("request", lambda request: loaded.append(request.url))
        page.goto((course_site / f"{language}modul-03" / "index.html").as_uri(), wait_until="networkidle")
        page.wait_for_timeout(1000)
        assert loaded and not [url for url in loaded if "search_index" in url], loaded
        page.locator("label[for=__search]").first.tap()
        page.keyboard.type("hambatan")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        index = [url for url in loaded if "search_index" in url]
        assert index == [(course_site / f"{language}search" / "search_index.js").as_uri()], index
    finally:
        context.close()

"""Search for learners: their own pages come first, a glossary hit names the term in the page's language."""

from __future__ import annotations

import shutil
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


def phone(browser: Any) -> Any:
    """A touch phone, 412 px wide; the page's search-related requests are collected in ``page.loaded``."""
    context = browser.new_context(viewport={"width": 412, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.loaded = []
    page.on("request", lambda request: page.loaded.append(request.url))
    return page


def searched_for(page: Any) -> list[str]:
    """The search index and search worker the page requested."""
    return [url for url in page.loaded if "search_index" in url or "/workers/search" in url]


@pytest.mark.browser
@pytest.mark.parametrize(("language", "query"), [("", "hambatan"), ("en/", "barrier")])
@pytest.mark.parametrize("transport", ["file", "http"])
def test_the_search_index_loads_only_when_the_learner_opens_search(
    course_site: Path, http_root: str, browser: Any, language: str, query: str, transport: str
) -> None:
    """A page without search open loads no index (1.2 MB) and no search worker, from disk or over HTTP;
    the first search loads this language's index and finds a learner page."""
    base = course_site.as_uri() + "/" if transport == "file" else http_root
    page = phone(browser)
    try:
        page.goto(f"{base}{language}modul-03/index.html", wait_until="networkidle")
        page.wait_for_timeout(1000)
        assert page.loaded and not searched_for(page), page.loaded
        page.locator("label[for=__search]").first.tap()
        page.keyboard.type(query)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        assert any(link.startswith(f"{base}{language}modul-") for link in links), links
        index = "search_index.js" if transport == "file" else "search_index.json"
        assert [url for url in page.loaded if "search_index" in url] == [f"{base}{language}search/{index}"]
    finally:
        page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("language", "message", "transport"),
    [("", "Pencarian tidak dapat dimuat", "http"), ("en/", "Search could not be loaded", "file")],
)
def test_a_search_index_that_fails_to_load_is_reported_in_the_search_panel(
    course_site: Path, http_root: str, tmp_path: Path, browser: Any, language: str, message: str, transport: str
) -> None:
    """Not "Initializing search" for ever: a server without the index, or a zip unpacked without it."""
    page = phone(browser)
    try:
        if transport == "http":
            page.route("**/search_index.json", lambda route: route.fulfill(status=404, body="not found"))
            base = http_root
        else:
            shutil.copytree(course_site, tmp_path / "site")
            (tmp_path / "site" / language / "search" / "search_index.js").unlink()
            base = (tmp_path / "site").as_uri() + "/"
        page.goto(f"{base}{language}modul-03/index.html", wait_until="networkidle")
        page.locator("label[for=__search]").first.tap()
        meta = page.locator(".md-search-result__meta")
        meta.filter(has_text=message).wait_for(timeout=10000)
        assert meta.get_attribute("role") == "alert"
    finally:
        page.context.close()

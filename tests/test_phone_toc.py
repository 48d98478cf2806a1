"""Long readings show their table of contents under the title on a phone, without opening the menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("language", "label"), [("", "Daftar isi"), ("en/", "Table of contents")])
def test_a_module_reading_lists_its_sections_under_the_title_on_a_phone(
    course_site: Path, browser: Any, language: str, label: str
) -> None:
    context = browser.new_context(viewport={"width": 412, "height": 800}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto((course_site / f"{language}modul-01" / "index.html").as_uri())
        toc = page.locator("article details.kk-toc")
        assert toc.is_visible() and toc.locator("summary").inner_text().strip() == label
        # Right under the title, before the reading starts.
        assert page.evaluate("document.querySelector('article h1').nextElementSibling.matches('details.kk-toc')")
        sections = page.eval_on_selector_all("article h2[id]", "els => els.map(e => '#' + e.id)")
        links = toc.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert links == sections and len(links) >= 3
        toc.locator("summary").tap()
        toc.locator("a").nth(len(links) - 1).tap()
        page.wait_for_function("h => location.hash === h", arg=links[-1])
        assert page.evaluate("s => document.querySelector(s).getBoundingClientRect().top", links[-1]) < 200
        page.set_viewport_size({"width": 1280, "height": 800})
        assert not toc.is_visible(), "wide screens have Material's own table of contents"
        page.goto((course_site / f"{language}modul-01" / "latihan.html").as_uri())
        assert page.locator("details.kk-toc").count() == 0, "a page of few sections needs none"
    finally:
        context.close()

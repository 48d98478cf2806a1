"""axe-core (the engine behind most accessibility validators) on answered quizzes and the progress page, on a
phone and a wide screen, and on pages with sidebars, against WCAG 2.2 levels A and AA (and axe's best
practices). Every page on a phone: tests/test_every_page_on_a_phone.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pagecheck import DESKTOP, PHONE, violations

pytestmark = pytest.mark.browser

LANGUAGES = {"id": "", "en": "en/"}


def check_pages(browser: Any, site: Path, names: list[str], viewport: dict[str, int]) -> dict[str, list[str]]:
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        problems = {}
        for name in names:
            page.goto((site / name).as_uri())
            page.wait_for_load_state("load")  # wide tables become scrollable regions on load
            found = violations(page)
            if found:
                problems[name] = found
        return problems
    finally:
        context.close()


def test_pages_with_sidebars_have_no_axe_violations_on_a_wide_screen(course_site: Path, browser: Any) -> None:
    pages = ["index.html", "modul-01/index.html", "modul-02/latihan.html", "glosarium.html", "kemajuan.html"]
    names = [prefix + name for prefix in LANGUAGES.values() for name in pages]
    problems = check_pages(browser, course_site, names, DESKTOP)
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())


def answer_every_question(page: Any) -> None:
    """Open each hint, give an answer of every kind (the first option: right for some, wrong for others)."""
    for question in page.locator(".kk-q").all():
        hint = question.locator("[data-act=hint]")
        if hint.count():
            hint.click()
        first = question.locator("input[type=radio], input[type=checkbox]:not([data-self])").first
        if first.count():
            first.check()
        for select in question.locator("select").all():
            select.select_option(index=1)
        for field in question.locator("input[type=text], textarea").all():
            field.fill("jawaban")
        down = question.locator("[data-act=down]").first
        if down.count():
            down.click()
        question.locator("[data-act=check]").click()


@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_answered_quiz_and_progress_page_have_no_axe_violations(
    course_site: Path, browser: Any, language: str, screen: str
) -> None:
    """Feedback, hints, explanations and result codes appear after answering: check them shown too."""
    prefix = LANGUAGES[language]
    context = browser.new_context(viewport=PHONE if screen == "phone" else DESKTOP)
    try:
        page = context.new_page()
        page.goto((course_site / f"{prefix}modul-02" / "latihan.html").as_uri())
        answer_every_question(page)
        assert page.locator(".kk-q__result:visible").count() >= 10, "every question shows its feedback"
        assert violations(page) == []
        page.goto((course_site / f"{prefix}kemajuan.html").as_uri())
        page.locator("tr[data-module=m02] [data-act=code]").click()
        assert violations(page) == []
    finally:
        context.close()

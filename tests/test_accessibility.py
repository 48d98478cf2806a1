"""axe-core (the engine behind most accessibility validators) on every page, and on answered quizzes,
against WCAG 2.2 levels A and AA (and axe's best practices), on a phone's screen as learners read it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

# Every WCAG success criterion up to 2.2 at levels A and AA that axe tests, plus its best practices
# (unique landmarks, one main, headings in order...).
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_ONLY = {"runOnly": {"type": "tag", "values": [*WCAG_22_AA, "best-practice"]}, "resultTypes": ["violations"]}
PHONE = {"width": 412, "height": 915}  # a common Android phone, in CSS pixels
DESKTOP = {"width": 1280, "height": 800}  # the sidebars and the table of contents are shown
LANGUAGES = {"id": "", "en": "en/"}


def violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # Measure colours at rest: no hover, and no transition half-way.
    page.mouse.move(0, 0)
    page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")

    found = Axe().run(page, options=RUN_ONLY).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in found]


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


def test_every_page_of_both_languages_has_no_axe_violations_on_a_phone(course_site: Path, browser: Any) -> None:
    names = sorted(p.relative_to(course_site).as_posix() for p in course_site.rglob("*.html"))
    names.remove("404.html")  # for web servers only: its assets load from the server's root
    assert "index.html" in names and "en/index.html" in names
    problems = check_pages(browser, course_site, names, PHONE)
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())


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

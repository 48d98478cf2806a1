"""axe-core (the engine behind most accessibility validators) on every page, and on answered quizzes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # Measure colours at rest: no hover, and no transition half-way.
    page.mouse.move(0, 0)
    page.evaluate("Promise.all(document.getAnimations().map(a => a.finished))")

    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in found]


def test_every_page_has_no_axe_violations(course_site: Path, browser: Any) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        problems = {}
        for path in sorted(course_site.rglob("*.html")):
            name = path.relative_to(course_site).as_posix()
            if name == "404.html":  # for web servers only: assets from the server root
                continue
            page.goto(path.as_uri())
            found = violations(page)
            if found:
                problems[name] = found
        assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())
    finally:
        context.close()


def test_answered_quiz_and_progress_page_have_no_axe_violations(course_site: Path, browser: Any) -> None:
    """Feedback, hints, explanations and result codes appear after answering: check them shown too."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((course_site / "modul-02" / "latihan.html").as_uri())
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
            question.locator("[data-act=check]").click()
        assert violations(page) == []
        page.goto((course_site / "kemajuan.html").as_uri())
        page.locator("tr[data-module=m02] [data-act=code]").click()
        assert violations(page) == []
    finally:
        context.close()

"""Every page of the real course, in both languages, as a learner opens it on a touch phone.

Each page is loaded once, from disk as in the learner's zip: what it logs as an error and any request to
another host are noted, its width is measured at 412, 360 and 320 px (the viewport is resized, as when a
phone turns or a split screen narrows), then axe-core checks it at 412 px against WCAG 2.2 A and AA. The
tests below each assert one of these findings, so a failure names what is wrong and on which pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pagecheck import PHONE, PHONE_WIDTHS, overflow_at, phone_context, violations

pytestmark = pytest.mark.browser


@dataclass
class Findings:
    axe: list[str]
    errors: list[str] = field(default_factory=list)  # uncaught errors and console errors
    foreign: list[str] = field(default_factory=list)  # requests that left the site's folder
    headings: int = 0  # h1 elements: 0 means the page came out empty
    too_wide: dict[int, tuple[int, list[str]]] = field(default_factory=dict)


def page_names(site: Path) -> list[str]:
    # 404.html is for web servers only: its assets load from the server's root.
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


def in_language(name: str, language: str) -> bool:
    return name.startswith("en/") == (language == "en")


def open_every_page(course_site: Path, browser: Any, language: str) -> dict[str, Findings]:
    """Each page of ``language`` opened once on a touch phone, and what was found on it."""
    context = phone_context(browser)
    try:
        page = context.new_page()
        site = course_site.as_uri() + "/"
        errors: list[str] = []
        foreign: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith((site, "data:", "blob:")) else foreign.append(r.url))
        found = {}
        for name in (n for n in page_names(course_site) if in_language(n, language)):
            errors.clear()
            foreign.clear()
            page.set_viewport_size(PHONE)
            page.goto(site + name)
            page.wait_for_load_state("load")  # wide tables become scrollable regions on load
            headings = page.locator("h1").count()
            # Before axe: it reads the stylesheets itself, which file:// refuses with console errors.
            opened = Findings([], list(errors), list(foreign), headings)
            opened.axe = violations(page)
            wide = {width: overflow_at(page, width) for width in sorted(PHONE_WIDTHS, reverse=True)}
            opened.too_wide = {w: o for w, o in wide.items() if o is not None}
            found[name] = opened
        return found
    finally:
        context.close()


class EveryPage:
    """The tests, once per language: a class each (below), so that parallel test workers (make test, which
    keeps a class on one worker) each take one language's pages."""

    language = ""

    @pytest.fixture(scope="class")
    @classmethod
    def findings(cls, course_site: Path, browser: Any) -> dict[str, Findings]:
        return open_every_page(course_site, browser, cls.language)

    def test_every_page_of_both_languages_is_checked(self, findings: dict[str, Findings], course_site: Path) -> None:
        names = {name.removeprefix("en/") for name in findings}
        assert {"index.html", "modul-01/index.html", "modul-12/latihan.html", "tes-awal.html"} <= names
        assert len(names) * 2 == len(page_names(course_site)), "the same pages in both languages"

    def test_every_page_opens_from_disk_with_content_without_errors_or_outside_requests(
        self,
        findings: dict[str, Findings],
    ) -> None:
        empty = sorted(name for name, f in findings.items() if not f.headings)
        assert not empty, f"pages without a heading: {empty}"
        errors = {name: f.errors for name, f in findings.items() if f.errors}
        assert not errors, f"{len(errors)} pages log errors:\n" + "\n".join(f"{n}: {e}" for n, e in errors.items())
        foreign = {name: f.foreign for name, f in findings.items() if f.foreign}
        assert not foreign, f"{len(foreign)} pages ask another host:\n" + "\n".join(
            f"{n}: {u}" for n, u in foreign.items()
        )

    def test_no_page_has_axe_violations_on_a_phone(self, findings: dict[str, Findings]) -> None:
        problems = {name: f.axe for name, f in findings.items() if f.axe}
        assert not problems, f"{len(problems)} pages:\n" + "\n".join(f"{n}: {found}" for n, found in problems.items())

    @pytest.mark.parametrize("width", PHONE_WIDTHS)
    def test_no_page_is_wider_than_a_phone(self, findings: dict[str, Findings], width: int) -> None:
        wide = {name: f.too_wide[width] for name, f in findings.items() if width in f.too_wide}
        assert not wide, f"{len(wide)} pages wider than {width} px:\n" + "\n".join(
            f"{name}: {scroll} px; {', '.join(parts)}" for name, (scroll, parts) in sorted(wide.items())
        )


class TestIndonesianPages(EveryPage):
    language = "id"


class TestEnglishPages(EveryPage):
    language = "en"

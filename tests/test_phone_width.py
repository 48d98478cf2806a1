"""No page of the real course is wider than a phone's screen, in either language.

Every page is opened at 320, 360 and 412 px as a touch phone. A page fails when the document scrolls
sideways; the message names the elements that stick out past the right edge, leaving out those inside a
region that scrolls (or clips) by itself and fits on the screen, such as a wide table's wrapper.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import build, make_project

pytestmark = pytest.mark.browser

WIDTHS = (320, 360, 412)

# Returns [document scroll width, [offending elements]]; an element is reported only once, at its top.
OFFENDERS_JS = """
(width) => {
  const clips = (el) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
  const contained = (el) => {
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      if (clips(a) && a.getBoundingClientRect().right <= width + 0.5) return true;
    }
    return false;
  };
  const name = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += "#" + el.id;
    if (el.classList.length) text += "." + Array.from(el.classList).join(".");
    const words = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return text + (words ? ` "${words}"` : "");
  };
  const found = [];
  const reported = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 0.5) continue;
    if (getComputedStyle(el).visibility === "hidden" || contained(el)) continue;
    let parent = el.parentElement, inside = false;
    for (; parent; parent = parent.parentElement) if (reported.has(parent)) { inside = true; break; }
    reported.add(el);
    if (!inside) found.push(`${name(el)} right=${Math.round(box.right)}`);
  }
  return [document.documentElement.scrollWidth, found.slice(0, 5)];
}
"""


LONG = "Pengantarkerjaantarkabupatenkotadanprovinsiyangsangatpanjangsekali" * 2
ADDRESS = "https://karirhub.kemnaker.go.id/lowongan-kerja/detail/" + "a1b2c3d4e5f6" * 8
HOSTILE_PAGE = f"""# {LONG}

{LONG} dan {ADDRESS} serta `{LONG}/{LONG}`.

<{ADDRESS}>

| {LONG} | Kolom | Kolom | Kolom | Kolom | Kolom | Kolom |
|---|---|---|---|---|---|---|
| {ADDRESS} | isi yang panjang sekali | isi yang panjang sekali | isi | isi | isi | isi |

```
{LONG} {LONG} {LONG}
```

![Gambar lebar](lebar.svg)

!!! note "{LONG}"
    {LONG}

<!-- kuis: m01 -->
"""
WIDE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="200"><rect width="1600" height="200"/></svg>'
HOSTILE_QUIZ = f"""\
module: m01
title: {{id: Modul uji, en: Test module}}
items:
  - id: m01.q01
    type: truefalse
    text: {{id: "Benar atau salah: {LONG} {ADDRESS}", en: "True or false: {LONG}"}}
    answer: true
    feedback:
      correct: {{id: "{LONG}", en: "{LONG}"}}
      incorrect: {{id: "{ADDRESS}", en: "{ADDRESS}"}}
  - id: m01.q02
    type: matching
    text: {{id: "Jodohkan {LONG}.", en: "Match {LONG}."}}
    pairs:
      - {{left: {{id: "{LONG}", en: "{LONG}"}}, right: {{id: "{LONG} dengan teks pilihan panjang", en: "{LONG} x"}}}}
      - {{left: {{id: Korban PHK, en: Dismissed worker}}, right: {{id: "{ADDRESS}", en: "{ADDRESS}"}}}}
      - {{left: {{id: Calon PMI, en: Prospective migrant}}, right: {{id: LTSA, en: LTSA}}}}
    feedback:
      correct: {{id: Tepat., en: Right.}}
      incorrect: {{id: Belum., en: Not yet.}}
  - id: m01.q03
    type: single
    text: {{id: "{ADDRESS}?", en: "{ADDRESS}?"}}
    options:
      - text: {{id: "{LONG}", en: "{LONG}"}}
        correct: true
        feedback: {{id: "{LONG}", en: "{LONG}"}}
      - text: {{id: "{ADDRESS}", en: "{ADDRESS}"}}
        feedback: {{id: Bukan., en: No.}}
      - text: {{id: Pemberi kerja, en: The employer}}
        feedback: {{id: Bukan., en: No.}}
  - id: m01.q04
    type: ordering
    text: {{id: "Urutkan {LONG}.", en: "Order {LONG}."}}
    steps:
      - {{id: "{LONG}", en: "{LONG}"}}
      - {{id: "{ADDRESS}", en: "{ADDRESS}"}}
      - {{id: Eksplorasi, en: Explore}}
    feedback:
      correct: {{id: Tepat., en: Right.}}
      incorrect: {{id: Belum., en: Not yet.}}
  - id: m01.q05
    type: short
    text: {{id: "{LONG}?", en: "{LONG}?"}}
    accept: {{id: [TPT], en: [TPT]}}
    feedback:
      correct: {{id: Benar., en: Right.}}
      incorrect: {{id: "{LONG}", en: "{LONG}"}}
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course whose every kind of text is one unbreakable word or a long web address."""
    pages = {"id/index.md": "# Beranda\n\nKursus.\n", "en/index.md": "# Home\n\nCourse.\n"}
    for language in ("id", "en"):
        pages[f"{language}/modul-01/index.md"] = HOSTILE_PAGE
        pages[f"{language}/modul-01/lebar.svg"] = WIDE_SVG
    return build(make_project(tmp_path_factory.mktemp("hostile"), pages, {"modul-01.yml": HOSTILE_QUIZ}))


def pages(site: Path) -> list[Path]:
    # 404.html is for web servers only: it loads its assets from the server root.
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"]


def too_wide(browser: Any, site: Path, width: int) -> dict[str, tuple[int, list[str]]]:
    """The pages wider than ``width`` at that phone width, with their widest parts."""
    context = browser.new_context(
        viewport={"width": width, "height": 740}, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    try:
        page = context.new_page()
        wide = {}
        for path in pages(site):
            page.goto(path.as_uri(), wait_until="domcontentloaded")
            scroll_width, offenders = page.evaluate(OFFENDERS_JS, width)
            if scroll_width > width:
                wide[path.relative_to(site).as_posix()] = (scroll_width, offenders)
        return wide
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_a_phone(course_site: Path, browser: Any, width: int) -> None:
    names = [p.relative_to(course_site).as_posix() for p in pages(course_site)]
    assert any(n.startswith("en/") for n in names) and "modul-01/index.html" in names, "both languages"
    wide = too_wide(browser, course_site, width)
    assert not wide, f"{len(wide)} pages wider than {width} px:\n" + "\n".join(
        f"{name}: {scroll} px; {', '.join(parts)}" for name, (scroll, parts) in sorted(wide.items())
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_long_words_addresses_tables_code_and_images_stay_within_a_phone(
    hostile_site: Path, browser: Any, width: int
) -> None:
    assert (hostile_site / "en" / "modul-01" / "index.html").is_file()
    wide = too_wide(browser, hostile_site, width)
    assert not wide, "\n".join(f"{name}: {scroll} px; {', '.join(parts)}" for name, (scroll, parts) in wide.items())

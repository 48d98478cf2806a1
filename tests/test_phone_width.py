"""No page is wider than a phone's screen, whatever its text (the real course: test_every_page_on_a_phone.py).

A course made of unbreakable words and long addresses is opened at 320, 360 and 412 px as a touch phone. A
page fails when the document scrolls sideways; the message names the elements that stick out past the right
edge, leaving out those inside a region that scrolls (or clips) by itself and fits on the screen, such as a
wide table's wrapper.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pagecheck import OFFENDERS_JS, PHONE_WIDTHS, phone_context

from conftest import build, make_project

pytestmark = pytest.mark.browser

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
    context = phone_context(browser, width)
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


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_long_words_addresses_tables_code_and_images_stay_within_a_phone(
    hostile_site: Path, browser: Any, width: int
) -> None:
    assert (hostile_site / "en" / "modul-01" / "index.html").is_file()
    wide = too_wide(browser, hostile_site, width)
    assert not wide, "\n".join(f"{name}: {scroll} px; {', '.join(parts)}" for name, (scroll, parts) in wide.items())

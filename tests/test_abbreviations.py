"""Abbreviations from includes/singkatan.<language>.md: explained on first use in each section."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from kursus.abbreviations import load, parse

TITLES = {
    "TPT": "Tingkat Pengangguran Terbuka",
    "AK": "Antarkerja",
    "AK/1": "Kartu Tanda Bukti Pendaftaran Pencari Kerja",
    "BLK": "Balai Latihan Kerja",
}


def render(text: str, titles: dict[str, str] = TITLES) -> str:
    md = markdown.Markdown(
        extensions=["abbr", "toc", "kursus.abbreviations"],
        extension_configs={"kursus.abbreviations": {"titles": titles}},
    )
    return md.convert(text)


def tpt(word: str = "TPT") -> str:
    return f'<abbr title="{TITLES[word]}">{word}</abbr>'


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # first use only, also when the word comes back in the same paragraph or the next one
        ("TPT naik. TPT turun.\n\nLagi TPT.", f"<p>{tpt()} naik. TPT turun.</p>\n<p>Lagi TPT.</p>"),
        # a new h2 section explains it again; an h3 does not start a section
        (
            "TPT.\n\n## Dua\n\nTPT.\n\n### Tiga\n\nTPT.",
            f'<p>{tpt()}.</p>\n<h2 id="dua">Dua</h2>\n<p>{tpt()}.</p>\n<h3 id="tiga">Tiga</h3>\n<p>TPT.</p>',
        ),
        # reading order: the text inside the link comes before the text after it
        (
            "Buka [data TPT](x.md) lalu TPT dan BLK.",
            f'<p>Buka <a href="x.md">data {tpt()}</a> lalu TPT dan {tpt("BLK")}.</p>',
        ),
        # the longest form wins, whole words only, code is left alone
        (
            "Kartu AK/1 dari AK. BLKX bukan BLK. `TPT` lalu TPT.",
            f"<p>Kartu {tpt('AK/1')} dari {tpt('AK')}. BLKX bukan {tpt('BLK')}. <code>TPT</code> lalu {tpt()}.</p>",
        ),
        # several in one text keep the words between them
        ("TPT, AK dan BLK", f"<p>{tpt()}, {tpt('AK')} dan {tpt('BLK')}</p>"),
    ],
)
def test_first_use_in_each_section_is_explained(source: str, expected: str) -> None:
    assert render(source) == expected


def test_markup_in_titles_is_escaped() -> None:
    html = render("XSS di sini.", {"XSS": '<script>alert(1)</script> & "kutip"'})
    title = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;kutip&quot;"
    assert html == f'<p><abbr title="{title}">XSS</abbr> di sini.</p>'


def test_a_page_may_still_define_its_own() -> None:
    html = render("LTSA di sini.\n\n*[LTSA]: Layanan Terpadu Satu Atap")
    assert html == '<p><abbr title="Layanan Terpadu Satu Atap">LTSA</abbr> di sini.</p>'


def test_without_titles_nothing_changes() -> None:
    assert render("TPT naik.", {}) == "<p>TPT naik.</p>"


def test_definitions_file(tmp_path: Path) -> None:
    definitions = "*[TPT]: Tingkat Pengangguran Terbuka\n*[X]:\nteks lain\n*[AK/1]: Kartu\n"
    (tmp_path / "singkatan.id.md").write_text(definitions)
    assert load(tmp_path, "singkatan.{language}.md", "id") == {"TPT": "Tingkat Pengangguran Terbuka", "AK/1": "Kartu"}
    assert load(tmp_path, "singkatan.{language}.md", "en") == {}
    assert parse("") == {}


def test_real_definitions_cover_both_languages() -> None:
    root = Path(__file__).resolve().parents[1]
    indonesian = load(root, "includes/singkatan.{language}.md", "id")
    english = load(root, "includes/singkatan.{language}.md", "en")
    assert indonesian["TPT"] == "Tingkat Pengangguran Terbuka"
    assert len(indonesian) >= 30 and len(english) >= 30

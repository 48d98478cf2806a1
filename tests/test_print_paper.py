"""Print-ready HTML without a browser: quizzes on paper, answer sheets, keys and course pages.

Snapshots live in tests/print/expected/ (one tag per line); ``pytest --update-snapshots`` rewrites them
from the current output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kursus.printing.course import Course, load_course
from kursus.printing.documents import Composer
from kursus.printing.pages import paperize
from kursus.printing.paper import PaperRenderer, bilingual
from kursus.quiz.bank import load_bank, quiz_files
from kursus.quiz.model import Question
from kursus.quiz.render import Renderer
from kursus.ui import load_strings, translator
from test_print import course_files, print_project

from conftest import ROOT

EXPECTED = Path(__file__).parent / "print" / "expected"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    pages, quizzes = course_files()
    loaded, problems = load_course(print_project(tmp_path_factory.mktemp("paper"), pages, quizzes))
    assert loaded is not None, [p.text() for p in problems]
    return loaded


def readable(html: str) -> str:
    """One block tag per line; abbreviation titles come from the real includes/ and are left out."""
    html = re.sub(r'<abbr title="[^"]*">', "<abbr>", html)
    return re.sub(r"(?=<(?:section|div|p|li|tr|table|ol|ul|h[1-6]|header|dl|dt|nav)\b)", "\n", html).strip() + "\n"


def matches_snapshot(name: str, html: str, request: pytest.FixtureRequest) -> bool:
    path = EXPECTED / name
    if request.config.getoption("--update-snapshots"):
        path.write_text(readable(html), encoding="utf-8")
    return path.read_text(encoding="utf-8") == readable(html)


def test_question_paper_snapshot(course: Course, request: pytest.FixtureRequest) -> None:
    assert matches_snapshot("kuis-id.html", course.paper("id").quiz(course.bank.quizzes[0]), request)


def test_answer_sheet_snapshot(course: Course, request: pytest.FixtureRequest) -> None:
    assert matches_snapshot("lembar-jawaban-en.html", course.paper("en").answer_sheet(course.bank.quizzes[0]), request)


def test_quick_key_snapshot(course: Course, request: pytest.FixtureRequest) -> None:
    assert matches_snapshot("kunci-singkat-id.html", course.paper("id").quick_key(course.bank.quizzes[0]), request)


def test_bilingual_paper_snapshot(course: Course, request: pytest.FixtureRequest) -> None:
    html = bilingual(course.bank.quizzes[0], course.paper("id"), course.paper("en"))
    assert matches_snapshot("kuis-id-en.html", html, request)


def test_worksheet_and_facilitator_page_snapshots(course: Course, request: pytest.FixtureRequest) -> None:
    composer = Composer(course, "id")
    pages, _ = composer.handbook_pages()
    assert matches_snapshot("halaman-peserta-id.html", "".join(page.html for page, _ in pages), request)
    guide = composer.guide()
    assert matches_snapshot("panduan-id.html", guide.body, request)


def test_participant_papers_hold_no_answer(course: Course) -> None:
    quiz = course.bank.quizzes[0]
    paper = course.paper("id")
    printed = paper.quiz(quiz) + paper.answer_sheet(quiz)
    for q in quiz.questions():
        secrets = [q.explanation, q.model_answer, *q.checklist, *q.feedback.values(), *(o.feedback for o in q.options)]
        for text in secrets:
            assert not text.get("id") or text["id"] not in printed, text
        for answer in q.accept.get("id", []):
            assert answer not in printed
    assert "data-ok" not in printed and "correct" not in printed


def test_the_key_puts_every_printed_ordering_and_matching_question_right() -> None:
    """For every real and test quiz: the numbers and letters of the quick key, applied to the paper as
    printed, give the steps in their correct order and each left item its right partner."""
    bank, _ = load_bank(
        [*quiz_files(ROOT / "quizzes"), Path(__file__).parent / "print" / "course" / "quizzes" / "modul-01.yml"]
    )
    strings = load_strings(ROOT / "overrides" / "ui-strings.yml")
    checked = 0
    for language in ("id", "en"):
        bank_paper = PaperRenderer(Renderer(bank, language, "id", translator(strings, language, "id")))
        for q in bank.questions():
            if q.type == "ordering":
                printed = printed_rows(bank_paper.question(q))
                numbers = dict(pair.split() for pair in bank_paper.compact_answer(q).split(" · "))
                in_key_order = [text for letter, text in sorted(printed, key=lambda row: int(numbers[row[0]]))]
                assert in_key_order == [plain(bank_paper.r.text(step)) for step in q.steps], q.id
                checked += 1
            elif q.type == "matching":
                right = dict(printed_rows(bank_paper.question(q), "pp-match__right"))
                for pair in bank_paper.compact_answer(q).split(" · "):
                    left, letter = pair.split()
                    assert right[letter] == plain(bank_paper.r.text(q.pairs[int(left) - 1][1])), q.id
                checked += 1
    assert checked >= 4


def printed_rows(html: str, cell: str = "") -> list[tuple[str, str]]:
    """(letter, text) of each printed step, or of each right-hand cell of a matching question."""
    prefix = rf'<td class="{cell}">' if cell else "<li>"
    end = "</td>" if cell else "</li>"
    pattern = rf'{prefix}(?:<span class="pp-blank[^"]*"></span>)?<span class="pp-letter">(\w+)\.</span> (.*?){end}'
    return [(m[1], plain(m[2])) for m in re.finditer(pattern, html)]


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>|\*", "", text).replace("&quot;", '"').replace("&#x27;", "'").strip()


def test_single_choice_letters_match_the_answer_key(course: Course) -> None:
    paper, key = course.paper("id"), course.renderer("id")
    q: Question = course.bank.quizzes[0].questions()[0]
    assert paper.compact_answer(q) == "B"
    assert '<span class="pp-letter">B.</span> Pencari kerja' in paper.question(q)
    assert "<li>B. Pencari kerja —" in key.key_answer(q)


def test_form_controls_become_paper() -> None:
    html = paperize(
        '<form><label><input type="checkbox" disabled checked/> ya</label><input type="radio" name="x">'
        '<input type="text" value="x"><textarea rows="3">draft</textarea>'
        '<select><option>a</option></select><button type="button">Kirim</button></form>'
    )
    assert not re.search(r"<(input|select|textarea|button|form)\b", html)
    assert html.count('class="pp-box') == 2 and "pp-box--checked" in html
    assert html.count("pp-blank--wide") == 2 and html.count('class="pp-line"') == 4
    assert "Kirim" not in html and "draft" not in html


def test_pages_share_one_document_without_id_clashes(course: Course) -> None:
    pages, _ = Composer(course, "id").handbook_pages()
    html = "".join(page.html for page, _ in pages)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    reading = pages[0][0].html
    assert 'href="#modul-01-lembar-kerja--bagian-a"' in reading and 'id="modul-01-lembar-kerja--bagian-a"' in html
    assert "<span>kuis lengkap</span>" in reading  # the quiz page is not in the handbook: words, no link
    assert '<a class="pp-ext" href="https://kemnaker.go.id/">situs <abbr' in reading  # its address gets printed
    assert [h.text for h in pages[0][0].headings] == ["Modul 1: Peran dan Etika", "Tujuan pembelajaran", "Poin kunci"]


def test_cards_written_as_sub_sections_become_cards_too(course: Course) -> None:
    text = (
        "# Catatan\n\n## Kartu bermain peran {#kartu-peran}\n\nGunting.\n\n"
        "### Kartu 1: Klien\n\nAnda klien.\n\n### Kartu 2: Konselor\n\nAnda konselor.\n\n"
        "## Debrief {#debrief}\n\nTanya.\n"
    )
    page = course.pages.render(
        "fasilitator/modul-09.md", text, source_dir=ROOT, anchors={}, markers=lambda *_: None, hide_collapsed=False
    )
    cards = re.findall(r'<div class="pp-card pp-card--plain">(.*?)</div>', page.html, re.S)
    assert len(cards) == 2 and "Anda klien." in cards[0] and "Anda konselor." in cards[1]
    assert "Gunting." not in "".join(cards) and "Tanya." not in "".join(cards)

"""``kursus export gift``: the question bank in Moodle GIFT, made through the question-type registry.

tests/export/ is a small course with every question type, a scenario group, a hint, points and GIFT's
special characters in a text; ``expected-<lang>.gift`` is its exact export (``--update-snapshots``
rewrites them). The independent GIFT parser check (gift-pegjs) is in test_export_gift_parser.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kursus.cli import main
from kursus.quiz.types import TYPES
from kursus.quiz.types.gift import SPECIAL, gift_block, gift_text, weight

HERE = Path(__file__).parent
COURSE = HERE / "export"
GIFT_ESCAPE = re.compile(r"\\(.)")


def unescape(text: str) -> str:
    """What a GIFT reader makes of escaped text: ``\\n`` is a line break, ``\\x`` is ``x``."""
    return GIFT_ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def test_every_special_character_is_escaped() -> None:
    text = "Rule #1: {choice} = freedom ~ always; path C:\\kursus"
    escaped = gift_text(text)
    assert escaped == "Rule \\#1\\: \\{choice\\} \\= freedom \\~ always; path C\\:\\\\kursus"
    bare = GIFT_ESCAPE.sub("", escaped)
    assert not any(ch in bare for ch in SPECIAL + "\\")
    assert unescape(escaped) == text


def test_line_breaks_never_end_a_question() -> None:
    """A blank line ends a GIFT question: paragraphs become escapes, other breaks spaces."""
    escaped = gift_block("First line\nstill first.\n\n  Second: paragraph.\n")
    assert "\n" not in escaped
    assert unescape(escaped) == "First line still first.\n\nSecond: paragraph."


def test_weights_use_moodles_precision() -> None:
    assert [weight(100 / k) for k in (1, 2, 3, 6, 7, 8)] == ["100", "50", "33.33333", "16.66667", "14.28571", "12.5"]


def test_every_type_exports() -> None:
    """A new type cannot be registered without its GIFT form (the method is abstract)."""
    assert all(not getattr(t.gift, "__isabstractmethod__", False) for t in TYPES.values())


@pytest.mark.parametrize("language", ["id", "en"])
def test_small_bank(
    language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    out = tmp_path / "bank.gift"
    assert main(["--root", str(COURSE), "export", "gift", "--language", language, "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "9 questions in 1 category" in printed
    for said in ("ordering questions are matching", "scenario questions carry", "reflective questions are essays"):
        assert said in printed
    expected = COURSE / f"expected-{language}.gift"
    if request.config.getoption("--update-snapshots"):
        shutil.copyfile(out, expected)
    assert out.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")


def test_small_bank_structure() -> None:
    """Read back the way a GIFT reader splits it: one category, nine questions, the answers of each."""
    text = (COURSE / "expected-en.gift").read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip() and not b.lstrip().startswith("//")]
    categories = [b for b in blocks if b.startswith("$CATEGORY:")]
    questions = [b.split("\n", 1)[1] for b in text.split("\n\n") if b.startswith("// m01.")]
    assert categories == ["$CATEGORY: $course$/Kursus Konselor/m01 Role and Ethics"]
    assert [re.match(r"::(.+?)::", q)[1] for q in questions] == [f"m01.q0{n}" for n in range(1, 10)]  # type: ignore[index]
    first = questions[0]
    title = unescape(first[first.index("[markdown]") + len("[markdown]") : re.search(r"(?<!\\)\{", first).start()])  # type: ignore[union-attr]
    assert title == "Who decides which job to take? Rule #1: {choice} = freedom ~ always. Path: C:\\kursus"
    assert "\t=The job seeker#Right." in first and "\t~The counsellor#" in first
    ordering = questions[4]
    assert [line.strip() for line in ordering.splitlines()[1:4]] == [
        "=Open the conversation -> 1",
        "=Explore needs -> 2",
        "=Agree on a plan -> 3",
    ]
    scenario = questions[7:]
    assert all("Case\\: Mrs Sari comes to the manpower office" in q for q in scenario)
    assert questions[6].endswith(
        "{####Model answer\\: The answer names the dilemma and your choice.\\n\\n"
        "Check your own answer\\: \\n- I named the dilemma.\\n- I explained my choice.}"
    )


def test_default_place_and_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It writes dist/<lang>/bank-soal.gift; a bank the checker refuses is never exported."""
    course = tmp_path / "course"
    shutil.copytree(COURSE, course)
    (course / "mkdocs.yml").write_text(
        (COURSE / "mkdocs.yml").read_text(encoding="utf-8").replace("../../overrides", str(HERE.parent / "overrides")),
        encoding="utf-8",
    )
    assert main(["--root", str(course), "export", "gift"]) == 0
    assert (course / "dist" / "id" / "bank-soal.gift").read_text(encoding="utf-8") == (
        COURSE / "expected-id.gift"
    ).read_text(encoding="utf-8")
    quiz = course / "quizzes" / "modul-01.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("correct: true", "correct: false", 1), encoding="utf-8")
    (course / "dist" / "id" / "bank-soal.gift").unlink()
    capsys.readouterr()
    assert main(["--root", str(course), "export", "gift"]) == 1
    err = capsys.readouterr().err
    assert "Q030" in err and "nothing written" in err
    assert not (course / "dist" / "id" / "bank-soal.gift").exists()
    assert main(["--root", str(course), "export", "gift", "--language", "fr"]) == 2

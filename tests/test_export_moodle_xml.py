"""``kursus export moodle-xml``: the question bank in Moodle XML, read back with lxml.

tests/export/ is a small course with every question type, a scenario group, a hint and points;
``expected-<lang>.xml`` is its exact export (``--update-snapshots`` rewrites them). The structure checks
follow what Moodle's XML importer reads for each type (question/format/xml/format.php) and the grades it
accepts (question_bank::fraction_options_full); they run on the small course and on the real one.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree, html

from kursus import __version__
from kursus.cli import main
from kursus.project import load_project
from kursus.quiz.bank import Bank
from kursus.quiz.model import Group, Question
from kursus.quiz.types import TYPES
from kursus.quiz.types.moodle import GRADES, shares
from kursus.validation import validate

HERE = Path(__file__).parent
ROOT = HERE.parent
COURSE = HERE / "export"
ALLOWED = {Decimal(g) for g in GRADES} | {-Decimal(g) for g in GRADES} | {Decimal(0)}
# what each of Moodle's types needs besides name, questiontext and the common header
REQUIRED = {
    "multichoice": ["single", "shuffleanswers", "answernumbering", "correctfeedback", "incorrectfeedback", "answer"],
    "truefalse": ["answer"],
    "shortanswer": ["usecase", "answer"],
    "match": ["shuffleanswers", "correctfeedback", "incorrectfeedback", "subquestion"],
    "essay": ["responseformat", "responserequired", "responsefieldlines", "graderinfo"],
}
MOODLE_TYPE = {
    "single": "multichoice",
    "multiple": "multichoice",
    "truefalse": "truefalse",
    "short": "shortanswer",
    "ordering": "match",
    "matching": "match",
    "reflective": "essay",
}


def export(root: Path, language: str, out: Path) -> etree._ElementTree:
    assert main(["--root", str(root), "export", "moodle-xml", "--language", language, "-o", str(out)]) == 0
    return etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True))


def text_of(element: etree._Element, path: str = "text") -> str:
    found = element.find(path)
    assert found is not None, f"{element.tag} has no {path}"
    return found.text or ""


def html_text(markup: str) -> str:
    """What a reader sees of an HTML text (the markup must parse as HTML)."""
    return " ".join(html.fragment_fromstring(markup, create_parent="div").text_content().split()) if markup else ""


def fraction(answer: etree._Element) -> Decimal:
    value = Decimal(answer.get("fraction", "x"))
    assert value in ALLOWED, f"grade {value} % is not one Moodle accepts"
    return value


def check_question(element: etree._Element, q: Question) -> None:
    """The elements Moodle's importer needs for the type, grades it accepts, and the quiz file's content."""
    qtype = element.get("type")
    assert qtype == MOODLE_TYPE[q.type], q.id
    assert text_of(element, "name/text") == q.id
    assert element.findtext("idnumber") == q.id
    question_text = element.find("questiontext")
    assert question_text is not None and question_text.get("format") == "html"
    assert html_text(text_of(question_text))
    assert Decimal(element.findtext("defaultgrade", "x")) == (q.points if q.scored else 0)
    assert 0 <= Decimal(element.findtext("penalty", "x")) <= 1
    for tag in REQUIRED[qtype]:
        assert element.find(tag) is not None, f"{q.id}: {qtype} needs <{tag}>"
    for feedback in element.iter("feedback", "generalfeedback", "correctfeedback", "hint", "graderinfo"):
        assert feedback.get("format") == "html"
        html_text(text_of(feedback))  # parses as HTML
    hints = element.findall("hint")
    assert len(hints) == (1 if q.hint and qtype != "essay" else 0), q.id
    answers = element.findall("answer")
    grades = [fraction(a) for a in answers]
    if q.type == "single":
        assert element.findtext("single") == "true"
        assert grades == [Decimal(100) if o.correct else 0 for o in q.options]
    elif q.type == "multiple":
        assert element.findtext("single") == "false"
        positive = [g for g in grades if g > 0]
        # Moodle refuses a multiple-response question whose positive grades do not add up to 100 %
        assert round(sum(positive) / 100, 2) == 1, q.id
        assert len(positive) == sum(o.correct for o in q.options)
        assert all(g == -100 for g, o in zip(grades, q.options, strict=True) if not o.correct)
    elif q.type == "truefalse":
        assert [(text_of(a), g) for a, g in zip(answers, grades, strict=True)] == [
            ("true", 100 if q.answer else 0),
            ("false", 0 if q.answer else 100),
        ]
    elif q.type == "short":
        assert element.findtext("usecase") == "0"
        assert [text_of(a) for a, g in zip(answers, grades, strict=True) if g == 100]
        assert all(g in (0, 100) for g in grades)
    elif qtype == "match":
        pairs = [(text_of(s), s.findtext("answer/text")) for s in element.findall("subquestion")]
        assert len(pairs) == (len(q.steps) if q.type == "ordering" else len(q.pairs)) >= 3
        if q.type == "ordering":
            assert [right for _, right in pairs] == [str(n) for n in range(1, len(pairs) + 1)]
        assert element.findtext("shuffleanswers") == ("true" if q.type == "ordering" else "false")
    else:
        assert html_text(text_of(element.find("graderinfo")))  # type: ignore[arg-type]


def check_bank(tree: etree._ElementTree, bank: Bank) -> int:
    root = tree.getroot()
    assert root.tag == "quiz"
    questions = iter(root.findall("question"))
    checked = 0
    for quiz in bank.quizzes:
        category = next(questions)
        assert category.get("type") == "category"
        assert text_of(category, "category/text").startswith(f"$course$/Kursus Konselor/{quiz.module} ")
        for item in quiz.items:
            for q in item.questions if isinstance(item, Group) else [item]:
                check_question(next(questions), q)
                checked += 1
    assert next(questions, None) is None
    return checked


@pytest.mark.parametrize("language", ["id", "en"])
def test_small_bank_snapshot(
    language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    out = tmp_path / "bank.xml"
    tree = export(COURSE, language, out)
    printed = capsys.readouterr().out
    assert "9 questions in 1 category" in printed
    for said in ("ordering questions are matching", "scenario questions carry", "reflective questions are essays"):
        assert said in printed
    expected = COURSE / f"expected-{language}.xml"
    if request.config.getoption("--update-snapshots"):
        shutil.copyfile(out, expected)
    assert out.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
    course, _ = validate(load_project(COURSE))
    assert check_bank(tree, course.bank) == 9


def test_small_bank_content() -> None:
    """What a trainer sees in Moodle after importing the English file."""
    root = etree.parse(str(COURSE / "expected-en.xml")).getroot()
    questions = {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}
    first = questions["m01.q01"]
    assert html_text(text_of(first, "questiontext/text")).startswith("Who decides which job to take? Rule #1")
    assert html_text(text_of(first, "hint/text")) == "Remember free choice."
    assert html_text(text_of(first, "generalfeedback/text")) == "The job seeker decides."
    assert first.findtext("defaultgrade") == "2"
    assert [(text_of(a), a.findtext("feedback/text")) for a in first.findall("answer")][1] == (
        "The job seeker",
        "<p>Right.</p>",
    )
    assert [a.get("fraction") for a in questions["m01.q02"].findall("answer")] == ["50", "50", "-100"]
    short = questions["m01.q04"]
    assert [(text_of(a), a.get("fraction")) for a in short.findall("answer")] == [
        ("job brokering", "100"),
        ("job matching", "100"),
        ("*", "0"),  # any other answer: the feedback for a wrong one
    ]
    assert html_text(text_of(short.findall("answer")[2], "feedback/text")) == "The answer is job brokering."
    matching = questions["m01.q06"]
    assert html_text(text_of(matching, "incorrectfeedback/text")) == "Look at the main purpose of each activity."
    assert html_text(text_of(matching, "partiallycorrectfeedback/text")) == "Look at the main purpose of each activity."
    essay = questions["m01.q07"]
    assert essay.findtext("defaultgrade") == "0"
    assert "I named the dilemma." in html_text(text_of(essay, "graderinfo/text"))
    scenario = questions["m01.q08"]
    assert text_of(scenario, "questiontext/text") == (
        "<p><strong>Case:</strong></p><p>Mrs Sari comes to the manpower office looking for her first job.</p>"
        "<hr><p>Mrs Sari needs to be registered first.</p>"
    )


def test_grades_moodle_accepts() -> None:
    """The correct options of a multiple-response question always share exactly 100 % in Moodle's grades."""
    for correct in range(1, 21):
        split = [Decimal(g) for g in shares(correct)]
        assert len(split) == correct and sum(split) / 100 == pytest.approx(1, abs=5e-3)
        assert set(split) <= ALLOWED
    with pytest.raises(ValueError):
        shares(21)


def test_html_in_texts_is_shown_not_run(tmp_path: Path) -> None:
    """Quiz texts are Markdown, never HTML: markup in them reaches Moodle escaped, as on the website."""
    course = copy_course(tmp_path)
    quiz = course / "quizzes" / "modul-01.yml"
    quiz.write_text(
        quiz.read_text(encoding="utf-8").replace(
            "Siapa yang memutuskan", "<script>alert(1)</script> ]]> & **Siapa** yang memutuskan"
        ),
        encoding="utf-8",
    )
    tree = export(course, "id", tmp_path / "bank.xml")
    markup = tree.getroot().findall("question")[1].findtext("questiontext/text")
    assert markup is not None
    assert markup.startswith("<p>&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; <strong>Siapa</strong> yang")


@pytest.mark.parametrize("language", ["id", "en"])
def test_real_course(language: str, tmp_path: Path) -> None:
    tree = export(ROOT, language, tmp_path / "bank.xml")
    course, _ = validate(load_project(ROOT))
    assert check_bank(tree, course.bank) == sum(len(quiz.questions()) for quiz in course.bank.quizzes) > 100


def copy_course(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    shutil.copytree(COURSE, course, ignore=shutil.ignore_patterns("expected-*"))
    (course / "mkdocs.yml").write_text(
        (COURSE / "mkdocs.yml").read_text(encoding="utf-8").replace("../../overrides", str(ROOT / "overrides")),
        encoding="utf-8",
    )
    return course


def test_export_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``kursus export`` alone writes every format for every language (the SCORM packages last, as they build
    the learner's site), one progress line per file."""
    course = copy_course(tmp_path)
    assert main(["--root", str(course), "export"]) == 0
    wrote = [line for line in capsys.readouterr().out.splitlines() if line.startswith("wrote ")]
    names = ["dist/id/bank-soal.gift", "dist/en/bank-soal.gift", "dist/id/bank-soal.xml", "dist/en/bank-soal.xml"]
    names += [f"dist/kursus-konselor-scorm-{language}-{__version__}.zip" for language in ("id", "en")]
    assert [line.split(":")[0].split(" (")[0] for line in wrote] == [f"wrote {name}" for name in names]
    for language in ("id", "en"):
        assert (course / "dist" / language / "bank-soal.xml").read_bytes() == (
            COURSE / f"expected-{language}.xml"
        ).read_bytes()
    assert main(["--root", str(course), "export", "all"]) == 0


def test_export_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    course = copy_course(tmp_path)
    assert main(["--root", str(course), "export", "-o", str(tmp_path / "x")]) == 2
    assert "-o/--output needs one format and --language" in capsys.readouterr().err
    assert main(["--root", str(course), "export", "moodle-xml", "--language", "fr"]) == 2
    assert "--language fr: the course has id, en" in capsys.readouterr().err
    (course / "dist").write_text("a file where the folder should be", encoding="utf-8")
    assert main(["--root", str(course), "export", "moodle-xml"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kursus export: cannot write dist/id/bank-soal.xml:") and "Traceback" not in err
    (course / "dist").unlink()
    quiz = course / "quizzes" / "modul-01.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("correct: true", "correct: false", 1), encoding="utf-8")
    assert main(["--root", str(course), "export"]) == 1
    err = capsys.readouterr().err
    assert "quizzes/modul-01.yml:" in err and "Q030" in err and "nothing written" in err
    assert not (course / "dist").exists()


def test_an_essays_hint_goes_to_the_general_feedback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Moodle's essays take no hints: a reflective question's hint is kept, in the general feedback."""
    course = copy_course(tmp_path)
    quiz = course / "quizzes" / "modul-01.yml"
    quiz.write_text(
        quiz.read_text(encoding="utf-8").replace(
            "    type: reflective\n",
            "    type: reflective\n    hint: {id: Pikirkan klien terakhir., en: Think of your last client.}\n",
            1,
        ),
        encoding="utf-8",
    )
    tree = export(course, "en", tmp_path / "bank.xml")
    essay = next(q for q in tree.getroot().findall("question") if q.findtext("name/text") == "m01.q07")
    assert essay.find("hint") is None
    assert text_of(essay, "generalfeedback/text").endswith(
        "<p><strong>Hint:</strong></p><p>Think of your last client.</p>"
    )
    assert "1 × hints of essays are in the general feedback" in capsys.readouterr().out


def test_every_type_exports() -> None:
    """A new type cannot be registered without its Moodle XML form (the method is abstract)."""
    assert all(not getattr(t.moodle, "__isabstractmethod__", False) for t in TYPES.values())

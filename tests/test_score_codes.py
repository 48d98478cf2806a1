"""Result codes: made in the browser on the progress page, read and scored by ``kursus score --codes``.
A mistyped or changed code is refused with its line; a code of another quiz version is recognised."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursus.cli import main
from kursus.quiz.answers import normalise
from kursus.quiz.bank import Bank, load_bank
from kursus.quiz.model import Question, Quiz
from kursus.scoring import codes
from kursus.scoring.model import Response, is_correct, scored_questions

from conftest import HOME, PROGRESS, build, make_project, practice

HERE = Path(__file__).parent / "scoring"
QUIZ_TEXT = (HERE / "modul-01.yml").read_text(encoding="utf-8")

# Every scored type: q01 right, q02 wrong (one of two), q03 blank, q04 judged right in the browser,
# q05 a wrong order, q06 right.
STATE = {
    "m01.q01": {"v": 1, "ok": True, "t": 1},
    "m01.q02": {"v": [0], "ok": False, "t": 1},
    "m01.q04": {"v": "tpt", "ok": True, "t": 1},
    "m01.q05": {"v": [3, 2, 1, 0], "ok": False, "t": 1},
    "m01.q06": {"v": [0, 1, 2], "ok": True, "t": 1},
    "m01.q07": {"v": "Refleksi saya.", "ok": None, "t": 1},
}


def bank_of(text: str, folder: Path) -> Bank:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "modul-01.yml").write_text(text, encoding="utf-8")
    found, problems = load_bank([folder / "modul-01.yml"])
    assert not problems
    return found


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    return bank_of(QUIZ_TEXT, tmp_path_factory.mktemp("bank"))


@pytest.fixture(scope="module")
def quiz(bank: Bank) -> Quiz:
    found = bank.module("m01")
    assert found is not None
    return found


def with_check(values: list[int]) -> str:
    """Characters for ``values`` followed by a correct check value (to build codes that pass the check)."""
    full = values + codes.to_values(codes.crc20(values), codes.CHECK_CHARS)
    return "".join(codes.ALPHABET[v] for v in full)


# -- the format --------------------------------------------------------------------------------------


def test_a_known_state_gives_a_known_code(quiz: Quiz) -> None:
    """Pins the format: if this changes, codes already handed out can no longer be read."""
    code = codes.encode(quiz, STATE, "id")
    assert code == codes.group("01" + "1" + codes.version_tag(quiz, "id") + code.replace("-", "")[7:])
    assert code == "0114-Q1X0-WM9A-ZQ47"  # module 01, format 1, tag 4Q1X, answers 0WM9A, check ZQ47
    assert [len(block) for block in code.split("-")] == [4, 4, 4, 4]
    decoded = codes.decode(code)
    assert (decoded.module, decoded.tag) == ("m01", codes.version_tag(quiz, "id"))
    found = codes.responses(quiz, decoded.answers)
    assert found == {
        "m01.q01": Response(1),
        "m01.q02": Response((0,)),
        "m01.q03": Response(),
        "m01.q04": Response(judged=True),  # the words stay in the browser
        "m01.q05": Response((3, 2, 1, 0)),
        "m01.q06": Response((0, 1, 2)),
    }
    assert [is_correct(q, found[q.id]) for q in scored_questions(quiz)] == [True, False, False, True, False, True]


def test_typing_is_forgiving(quiz: Quiz) -> None:
    code = codes.encode(quiz, STATE, "id")
    sloppy = " " + code.lower().replace("-", " ").replace("1", "l").replace("0", "o") + "\n"
    assert codes.decode(sloppy) == codes.decode(code)


def test_every_mistyped_character_and_swapped_pair_is_caught(quiz: Quiz) -> None:
    code = codes.encode(quiz, STATE, "id").replace("-", "")
    for i, original in enumerate(code):
        for other in codes.ALPHABET:
            if other != original:
                with pytest.raises(codes.CodeError):
                    codes.decode(code[:i] + other + code[i + 1 :])
        if i + 1 < len(code) and code[i] != code[i + 1]:
            with pytest.raises(codes.CodeError):
                codes.decode(code[:i] + code[i + 1] + code[i] + code[i + 2 :])


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda c: c[:-1], "score_rej_code_length"),  # a character left out
        (lambda c: c + "7", "score_rej_code_length"),
        (lambda c: c[:6] + "U" + c[7:], "score_rej_code_chars"),  # U is never used
        (lambda c: c[:3] + c[4:], "score_rej_code_length"),
        (lambda c: "", "score_rej_code_none"),
    ],
)
def test_damaged_codes_say_what_is_wrong(quiz: Quiz, bank: Bank, change: Any, key: str) -> None:
    with pytest.raises(codes.CodeError) as caught:
        codes.decode(change(codes.encode(quiz, STATE, "id").replace("-", "")), bank)
    assert caught.value.key == key


def test_newer_format_and_impossible_answers_are_refused(quiz: Quiz) -> None:
    tag = [codes.ALPHABET.index(c) for c in codes.version_tag(quiz, "id")]
    with pytest.raises(codes.CodeError) as caught:
        codes.decode(with_check([0, 1, 2, *tag, 0, 0, 0, 0, 0]))
    assert caught.value.key == "score_rej_code_format"
    decoded = codes.decode(with_check([0, 1, 1, *tag, 31, 31, 31, 31, 31]))  # passes the check …
    with pytest.raises(codes.CodeError) as caught:
        codes.responses(quiz, decoded.answers)  # … but no quiz answer packs to that number
    assert caught.value.key == "score_rej_code_range"


def test_the_version_tag_follows_the_answer_key_not_the_wording(quiz: Quiz, tmp_path: Path) -> None:
    tag = codes.version_tag(quiz, "id")
    key_changed = QUIZ_TEXT.replace("correct: true\n        feedback: {id: Pilihan", "feedback: {id: Pilihan", 1)
    key_changed = key_changed.replace(
        "feedback: {id: Pemberi kerja", "correct: true\n        feedback: {id: Pemberi", 1
    )
    reordered = QUIZ_TEXT.replace("- {id: Persiapan, en: Prepare}\n      - {id: Pembukaan, en: Open}",
                                  "- {id: Pembukaan, en: Open}\n      - {id: Persiapan, en: Prepare}")  # fmt: skip
    reworded = QUIZ_TEXT.replace("Siapa yang memutuskan", "Siapa yang sebenarnya memutuskan")
    for name, text, same in [("key", key_changed, False), ("order", reordered, False), ("words", reworded, True)]:
        assert text != QUIZ_TEXT, name
        other = bank_of(text, tmp_path / name).module("m01")
        assert other is not None
        assert (codes.version_tag(other, "id") == tag) is same, name


# -- round trip over random answers -------------------------------------------------------------------


def saved_strategy(q: Question) -> st.SearchStrategy[dict[str, Any] | None]:
    n = len(q.options) or len(q.steps) or len(q.pairs)
    values: dict[str, st.SearchStrategy[Any]] = {
        "single": st.integers(0, n - 1),
        "multiple": st.lists(st.integers(0, n - 1), min_size=1, unique=True).map(sorted),
        "truefalse": st.sampled_from(["true", "false"]),
        # short answers are judged from the key: some accepted, some not; a blank one is not an answer
        "short": st.sampled_from(q.accept.get("id", ["x"])) | st.text(min_size=1, max_size=5).filter(normalise),
        "ordering": st.permutations(list(range(n))),
        "matching": st.lists(st.integers(0, n - 1), min_size=n, max_size=n),
    }
    entry = st.fixed_dictionaries({"v": values[q.type], "ok": st.booleans(), "t": st.just(1)})
    return st.none() | entry


def as_saved(q: Question, r: Response) -> dict[str, Any] | None:
    """A decoded response back in the browser's form (short answers: an answer with the same verdict)."""
    if r.blank:
        return None
    if q.type == "short":
        return {"v": q.accept["id"][0] if r.judged else "\u2205 not accepted"}
    v = {"multiple": list, "ordering": list, "matching": list}.get(q.type, lambda x: x)(r.value)
    return {"v": "true" if v is True else "false" if v is False else v, "ok": None}


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_saved_answers_survive_the_round_trip(data: st.DataObject) -> None:
    quiz = load_bank([HERE / "modul-01.yml"])[0].quizzes[0]
    state = {q.id: data.draw(saved_strategy(q), label=q.id) for q in scored_questions(quiz)}
    answers = {k: v for k, v in state.items() if v is not None}
    code = codes.encode(quiz, answers, "id")
    found = codes.responses(quiz, codes.decode(code).answers)
    back = {q.id: as_saved(q, found[q.id]) for q in scored_questions(quiz)}
    assert codes.encode(quiz, {k: v for k, v in back.items() if v is not None}, "id") == code
    for q in scored_questions(quiz):
        assert (state[q.id] is None) == found[q.id].blank, q.id


@pytest.mark.parametrize("path", sorted((Path(__file__).parent.parent / "quizzes").glob("modul-*.yml")))
def test_real_modules_give_short_codes_that_score_all_correct(path: Path) -> None:
    quiz = load_bank([path])[0].quizzes[0]
    right: dict[str, Any] = {}
    for q in scored_questions(quiz):
        n = len(q.steps) or len(q.pairs)
        correct = [i for i, o in enumerate(q.options) if o.correct]
        value = {
            "single": correct[0] if correct else None,
            "multiple": correct,
            "truefalse": str(q.answer).lower(),
            "short": (q.accept.get("id") or [""])[0],
        }.get(q.type, list(range(n)))
        right[q.id] = {"v": value}
    code = codes.encode(quiz, right, "id")
    assert len(code.replace("-", "")) <= 25, code  # five blocks at most, to read out
    found = codes.responses(quiz, codes.decode(code).answers)
    assert all(is_correct(q, found[q.id]) for q in scored_questions(quiz))


# -- the trainer's codes file ---------------------------------------------------------------------------


def test_codes_file_every_line_accounted_for(quiz: Quiz, bank: Bank, tmp_path: Path) -> None:
    good = codes.encode(quiz, STATE, "id")
    empty = codes.encode(quiz, {}, "id")
    other_version = codes.encode(bank_of(QUIZ_TEXT.replace("answer: true", "answer: false"), tmp_path / "v2")
                                 .quizzes[0], STATE, "id")  # fmt: skip
    second = bank_of(QUIZ_TEXT.replace("m01", "m02"), tmp_path / "m2").quizzes[0]
    two_modules = Bank([quiz, second])
    other_module = codes.encode(second, {}, "id")
    unknown = codes.encode(bank_of(QUIZ_TEXT.replace("m01", "m03"), tmp_path / "m3").quizzes[0], {}, "id")
    plain = good.replace("-", "")
    tampered = plain[:-2] + ("A" if plain[-2] != "A" else "B") + plain[-1]  # one character changed
    (tmp_path / "kode.txt").write_text(
        f"# Kelas Kupang, 3 Juni\nAni: {good}\n\nBudi:{empty}\n{good.lower()}\nCitra: {tampered}\n"
        f"Dewi: {other_version}\nEko: {other_module}\nani: {good}\nFitri:\nGita: {unknown}\n",
        encoding="utf-8",
    )
    intake = codes.read_codes(tmp_path / "kode.txt", "kode.txt", two_modules, "id", None)
    assert [(p.name, p.line) for p in intake.participants] == [("Ani", 2), ("Budi", 4), ("", 5)]
    assert [(n.line, n.key) for n in intake.notes] == [
        (6, "score_rej_code_check"),
        (7, "score_rej_code_version"),
        (8, "score_rej_code_other_module"),
        (9, "score_rej_duplicate"),
        (10, "score_rej_code_none"),
        (11, "score_rej_code_unknown_module"),
    ]
    version = dict(intake.notes[1].params)
    assert version["want"] == codes.version_tag(quiz, "id") and version["got"] != version["want"]
    assert (intake.rows, intake.comments, intake.rejected) == (10, 1, 6)  # blank lines are spacing


# -- made in the browser, scored by the CLI --------------------------------------------------------------

PAGES = {**HOME, **practice(1), **PROGRESS}


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_project(tmp_path_factory.mktemp("codes"), PAGES, {"modul-01.yml": QUIZ_TEXT})
    build(folder)
    return folder


def make_code(page: Any) -> str:
    page.locator("tr[data-module=m01]").get_by_role("button", name="Buat kode hasil").click()
    return str(page.input_value("#kk-code-value"))


@pytest.mark.browser
def test_browser_code_is_scored_by_the_cli_as_the_browser_scored_it(
    course: Path, browser: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    base = (course / "site").as_uri() + "/"
    page.goto(base + "modul-01/latihan.html")

    def check(qid: str) -> None:
        page.locator(f"#q-{qid.replace('.', '-')}").get_by_role("button", name="Periksa").click()

    page.locator("#q-m01-q01").get_by_label("Pencari kerja").check()
    check("m01.q01")
    page.locator("#q-m01-q02").get_by_label("Nama lengkap").check()  # one of the two: wrong
    check("m01.q02")
    page.locator("#q-m01-q03").get_by_label("Benar", exact=True).check()
    check("m01.q03")
    page.locator("#q-m01-q04 input").fill(" TPT ")
    check("m01.q04")
    check("m01.q05")  # the shown (shuffled) order is never the right one
    for row, label in enumerate(["Pemagangan", "JKP", "LTSA"]):
        page.locator(f"#q-m01-q06-l{row}").select_option(label=label)
    check("m01.q06")
    page.goto(base + "kemajuan.html")
    shown = page.locator("tr[data-module=m01] .kk-p-score").inner_text()
    assert shown == "4/7 poin"  # q01 1 + q03 1 + q04 1 + q06 1
    code = make_code(page)
    # the same count as the table beside it (issue 14): the unanswered reflection is one of the module's questions
    done = page.locator("tr[data-module=m01] .kk-p-done").inner_text().split()[0].replace("/", " dari ")
    assert f"({done} soal dijawab" in page.locator(".kk-code__note").inner_text()
    assert done == "6 dari 7"
    page.get_by_role("button", name="Salin kode").click()
    page.wait_for_function("document.querySelector('.kk-code__msg').textContent.length > 0")
    state = page.evaluate("JSON.parse(localStorage.getItem('kursus-konselor/progress'))")["answers"]
    context.close()
    assert not errors, errors

    quiz = load_bank([course / "quizzes" / "modul-01.yml"])[0].quizzes[0]
    assert code == codes.encode(quiz, state, "id")  # kursus.js and codes.py agree
    (tmp_path / "kode.txt").write_text(f"Ani: {code}\n", encoding="utf-8")
    status = main(["--root", str(course), "score", "--codes", str(tmp_path / "kode.txt"), "--format", "csv"])
    out = capsys.readouterr().out
    assert status == 0
    rows = list(csv.reader(io.StringIO(out)))
    header, ani = rows[0], rows[1]
    assert ani[:3] == ["Ani", "4", "7"]  # the browser's own score
    per_question = dict(zip(header[4:], ani[4:], strict=True))
    assert per_question == {qid: "1" if state[qid]["ok"] else "0" for qid in per_question}


def random_value(rng: random.Random, q: Question) -> Any:
    n = len(q.options) or len(q.steps) or len(q.pairs)
    if q.type == "single":
        return rng.randrange(n)
    if q.type == "multiple":
        return sorted(rng.sample(range(n), rng.randint(1, n)))
    if q.type == "truefalse":
        return rng.choice(["true", "false"])
    if q.type == "ordering":
        return rng.sample(range(n), n)
    if q.type == "matching":
        return [rng.randrange(n) for _ in range(n)]
    return "x"


@pytest.mark.browser
def test_kursus_js_packs_any_saved_answers_as_codes_py_does(course: Path, browser: Any) -> None:
    quiz = load_bank([course / "quizzes" / "modul-01.yml"])[0].quizzes[0]
    rng = random.Random(7)
    junk: list[Any] = [None, -1, 9, "1", [], [5], [0, 0, 0, 0], {"x": 1}, True]
    page = browser.new_page()
    page.goto((course / "site").as_uri() + "/en/kemajuan.html")
    for _ in range(12):
        answers: dict[str, Any] = {}
        for q in scored_questions(quiz):
            choice = rng.random()
            if choice < 0.2:
                continue
            value = random_value(rng, q)
            if choice > 0.9:  # damaged or foreign data must count as unanswered on both sides
                value = rng.choice(junk)
            answers[q.id] = {"v": value, "ok": rng.random() < 0.5, "t": 1}
        stored = {"format": "kursus-konselor-progress", "version": 1, "answers": answers}
        page.evaluate("d => localStorage.setItem('kursus-konselor/progress', JSON.stringify(d))", stored)
        page.reload()
        page.locator("tr[data-module=m01]").get_by_role("button", name="Make result code").click()
        assert page.input_value("#kk-code-value") == codes.encode(quiz, json.loads(json.dumps(answers)), "id")
    page.close()

"""Learning gain from the pre- and post-course checks (``awal``, ``akhir``): each form is scored as any
quiz (``stats.score``), then participants are paired by name (``normalise``: case, accents and extra
spaces do not matter) and compared. Computation only; the report formats are in gainreport.py.

Figures, for the participants found in both files (the others are listed, never dropped in silence):

* raw gain = post - pre, in points;
* normalised gain g = (post% - pre%) / (100% - pre%), the share of what a participant could still learn
  that they did learn (Hake); with forms of equal points this is (post - pre) / (max - pre). Undefined
  (``None``) when the pre score is already the maximum: there was nothing left to gain;
* the class: mean pre, mean post, mean raw gain, g from the class means (undefined when the mean pre is
  the maximum) and the mean of the individual g over the participants whose g is defined;
* per objective (``objective: m05.t3`` of the forms' items, parallel by number): the share of correct
  answers before and after among the paired participants, and its change, the least improved first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..quiz.answers import normalise
from ..quiz.bank import Bank
from ..quiz.model import Quiz
from .accept import ClassAnswer
from .codes import read_codes
from .files import read_text
from .model import InputError, Intake, Level, note
from .sheet import header_modules, read_sheet
from .stats import Results, Scored, score


@dataclass(frozen=True)
class PersonGain:
    name: str  # as written in the pre file
    pre: int
    post: int
    gain: int
    g: float | None  # None: the pre score was already the maximum


@dataclass(frozen=True)
class Unpaired:
    name: str
    where: str  # path:line of the only row found
    form: str  # the form it was found in: awal or akhir


@dataclass(frozen=True)
class ObjectiveGain:
    objective: str  # m05.t3
    text: str  # the objective's words in the report's language ("" when its page has none)
    numbers: list[str]  # the item numbers (NN of awal.qNN / akhir.qNN) that test it
    pre: float  # share of correct answers before (0 to 1)
    post: float

    @property
    def gain(self) -> float:
        return self.post - self.pre


@dataclass
class Gain:
    pre: Results
    post: Results
    people: list[PersonGain]
    only_pre: list[Unpaired]
    only_post: list[Unpaired]
    objectives: list[ObjectiveGain]
    mean_pre: float | None = None
    mean_post: float | None = None
    mean_gain: float | None = None
    class_g: float | None = None
    mean_g: float | None = None
    undefined_g: int = 0  # participants whose g is undefined (perfect pre score)

    @property
    def max_pre(self) -> int:
        return self.pre.max_points

    @property
    def max_post(self) -> int:
        return self.post.max_points


def normalised_gain(pre: float, post: float, max_pre: int, max_post: int) -> float | None:
    """(post% - pre%) / (100% - pre%); None when pre is the maximum (or a form has no points)."""
    if not max_pre or not max_post or pre >= max_pre:
        return None
    before, after = pre / max_pre, post / max_post
    return (after - before) / (1 - before)


def _check_form(path: Path, shown: str, form: Quiz, other: str) -> None:
    """A sheet of the other form (or of a module) is an error at its header line, so a swapped --pre and
    --post is never scored as the wrong test."""
    found = header_modules(path, shown)
    if found and found != [form.module]:
        text = read_text(path, shown)
        line = next((n for n, row in enumerate(text.split("\n"), 1) if row.strip()), 1)
        key = "score_err_gain_swapped" if found == [other] else "score_err_gain_form"
        raise InputError(note(shown, line, key, Level.FATAL, found=", ".join(found), form=form.module))


def read_form(sources: list[tuple[Path, str]], form: Quiz, other: str, bank: Bank, source_language: str) -> Intake:
    """Every answer of ``form``: CSV answer sheets, and result-code files (``.txt``, one code per line, as
    for ``kursus score --codes``) from participants who took the check in the browser. ``sources`` are
    (path, as shown in messages); a name given twice across them is reported, not scored twice."""
    intake = Intake(module=form.module)
    seen: dict[str, str] = {}
    for path, shown in sources:
        if path.suffix.lower() == ".txt":  # a code of another quiz is refused at its line
            intake.merge(read_codes(path, shown, bank, source_language, form.module, seen))
        else:
            _check_form(path, shown, form, other)
            intake.merge(read_sheet(path, shown, form, seen))
    return intake


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _by_name(results: Results) -> dict[str, Scored]:
    return {normalise(s.participant.name): s for s in results.scored}


def _where(s: Scored) -> str:
    return f"{s.participant.path}:{s.participant.line}"


def _objectives(
    pre: Results, post: Results, pairs: list[tuple[Scored, Scored]], text: Callable[[str], str]
) -> list[ObjectiveGain]:
    after = {q.id.split(".", 1)[1]: q for q in post.questions}
    tested: dict[str, list[tuple[str, str, str]]] = {}  # objective -> (NN, awal id, akhir id)
    for q in pre.questions:
        number = q.id.split(".", 1)[1]
        partner = after.get(number)
        if q.objective and partner is not None and partner.objective == q.objective:
            tested.setdefault(q.objective, []).append((number, q.id, partner.id))
    found = []
    for objective, items in tested.items():
        answers = len(items) * len(pairs)
        if not answers:
            continue
        right_pre = sum(1 for a, _ in pairs for _, qid, _ in items if a.correct.get(qid))
        right_post = sum(1 for _, b in pairs for _, _, qid in items if b.correct.get(qid))
        numbers = [n for n, _, _ in items]
        found.append(ObjectiveGain(objective, text(objective), numbers, right_pre / answers, right_post / answers))
    return sorted(found, key=lambda o: (round(o.gain, 9), o.objective))


def compare(
    pre_form: Quiz,
    post_form: Quiz,
    pre_intake: Intake,
    post_intake: Intake,
    text: Callable[[str], str],
    extra: list[ClassAnswer] | None = None,
) -> Gain:
    """Score both forms and pair their participants; ``text`` gives an objective's words (m05.t3 -> …)."""
    pre, post = score(pre_form, pre_intake, extra), score(post_form, post_intake, extra)
    before, after = _by_name(pre), _by_name(post)
    pairs = [(s, after[key]) for key, s in before.items() if key in after]  # in the pre file's order
    people = []
    for a, b in pairs:
        g = normalised_gain(a.score, b.score, pre.max_points, post.max_points)
        people.append(PersonGain(a.participant.name, a.score, b.score, b.score - a.score, g))
    only_pre = [Unpaired(s.participant.name, _where(s), pre_form.module) for k, s in before.items() if k not in after]
    only_post = [Unpaired(s.participant.name, _where(s), post_form.module) for k, s in after.items() if k not in before]
    result = Gain(pre, post, people, only_pre, only_post, _objectives(pre, post, pairs, text))
    if people:
        result.mean_pre = _mean([float(p.pre) for p in people])
        result.mean_post = _mean([float(p.post) for p in people])
        result.mean_gain = _mean([float(p.gain) for p in people])
        assert result.mean_pre is not None and result.mean_post is not None
        result.class_g = normalised_gain(result.mean_pre, result.mean_post, pre.max_points, post.max_points)
        defined = [p.g for p in people if p.g is not None]
        result.mean_g = _mean(defined)
        result.undefined_g = len(people) - len(defined)
    return result

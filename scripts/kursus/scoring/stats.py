"""Scores per participant and item statistics, as assessment software reports them.

* **Score** — the points of every question answered correctly (points from the quiz file; each item
  all-or-nothing, as on the website).
* **Facility index** — the share of scored participants who answered the item correctly (0 to 1).
* **Discrimination (upper-lower 27%)** — participants sorted by total score (ties keep input order); the
  top and bottom ``round(0.27 * N)`` (at least 1, at most N/2) form the groups; D = share correct in the
  upper group minus share correct in the lower group (-1 to 1). Needs 2 participants.
* **Point-biserial** — the correlation between the item (1 correct / 0 not) and the score on the *rest*
  of the quiz (total minus this item's points), so an item is not correlated with itself (as Moodle's
  discrimination index). None when either side does not vary.
* **Flags** — review.py: too easy, too hard, discriminates weakly or negatively, decided on the numbers
  as the report shows them, and not on D or r-pb in a class smaller than ``review.MIN_CLASS``.
* **Accepted for this class** — short answers the trainer accepts (accept.py) count as correct; the
  report lists whom each one was counted for. Near misses of wrong short answers are listed, never
  counted.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from ..quiz.answers import normalise
from ..quiz.model import Question, Quiz
from ..quiz.types import kind
from ..quiz.types.short import accepted_answers
from . import paper
from .accept import ClassAnswer, by_question, nearest
from .model import Intake, Participant, Response, is_correct, question_numbers, scored_questions
from .review import MIN_CLASS, Spread, flags, spread

GROUP_SHARE = 0.27
TOP_RESPONSES = 5  # short, ordering and matching: the most frequent responses shown, the rest as 'other'


@dataclass(frozen=True)
class Choice:
    kind: str  # option | blank | invalid | other | judged
    label: str  # paper letters (A, AC, CADB), the words of a short answer, or '' for the other kinds
    count: int
    correct: bool | None = None  # judged: True for 'correct in the browser'
    trainer: bool = False  # correct only through an answer the trainer accepted for this class


@dataclass
class ItemStats:
    question: Question
    number: int
    correct: int
    facility: float | None
    discrimination: float | None
    point_biserial: float | None
    choices: list[Choice]
    flags: list[str] = field(default_factory=list)  # easy | hard | negative | weak


@dataclass
class Counted:
    """An answer the trainer accepted for this class, and whom it was counted for."""

    answer: ClassAnswer
    number: int
    names: list[str]


@dataclass
class NearMiss:
    """A wrong short answer close to an accepted one: for the trainer to decide."""

    question: Question
    number: int
    given: str  # as the first participant wrote it
    close_to: str
    names: list[str]


@dataclass
class Scored:
    participant: Participant
    correct: dict[str, bool]
    score: int

    def missed(self, numbers: dict[str, int]) -> list[int]:
        return [numbers[qid] for qid, ok in self.correct.items() if not ok]


@dataclass
class Results:
    quiz: Quiz
    intake: Intake
    questions: list[Question]
    numbers: dict[str, int]
    max_points: int
    scored: list[Scored]
    items: list[ItemStats]
    group_size: int
    spread: Spread
    counted: list[Counted] = field(default_factory=list)
    near: list[NearMiss] = field(default_factory=list)

    @property
    def small(self) -> bool:
        """Too few participants for D and r-pb to mean much (the report says so and flags none on them)."""
        return len(self.scored) < MIN_CLASS

    @property
    def mean(self) -> float | None:
        return sum(s.score for s in self.scored) / len(self.scored) if self.scored else None

    @property
    def lowest(self) -> int | None:
        return min((s.score for s in self.scored), default=None)

    @property
    def highest(self) -> int | None:
        return max((s.score for s in self.scored), default=None)

    def revisit(self) -> list[ItemStats]:
        return [item for item in self.items if item.flags]


def group_size(count: int) -> int:
    if count < 2:
        return 0
    return min(count // 2, max(1, math.floor(GROUP_SHARE * count + 0.5)))


class Judge:
    """Correct or not, with the answers the trainer accepted for this class on top of the quiz's."""

    def __init__(self, extra: list[ClassAnswer] | None = None) -> None:
        self.extra = by_question(extra or [])

    def trainer(self, q: Question, r: Response) -> ClassAnswer | None:
        """The class answer that makes ``r`` correct when the quiz alone does not."""
        if not kind(q).class_answers or r.judged is not None or r.invalid or r.value is None or is_correct(q, r):
            return None
        wanted = normalise(str(r.value))
        return next((a for a in self.extra.get(q.id, []) if wanted and normalise(a.answer) == wanted), None)

    def correct(self, q: Question, r: Response) -> bool:
        return is_correct(q, r) or self.trainer(q, r) is not None

    def accepted(self, q: Question) -> list[str]:
        return [*accepted_answers(q), *(a.answer for a in self.extra.get(q.id, []))]


def score(quiz: Quiz, intake: Intake, extra: list[ClassAnswer] | None = None) -> Results:
    judge = Judge(extra)
    columns = intake.columns
    questions = [q for q in scored_questions(quiz) if columns is None or q.id in columns]
    scored = []
    for p in intake.participants:
        correct = {q.id: judge.correct(q, p.responses.get(q.id, Response())) for q in questions}
        scored.append(Scored(p, correct, sum(q.points for q in questions if correct[q.id])))
    size = group_size(len(scored))
    ranked = sorted(range(len(scored)), key=lambda i: -scored[i].score)  # stable: ties keep input order
    upper, lower = ranked[:size], ranked[len(ranked) - size :]
    numbers = question_numbers(quiz)
    items = [_item(q, numbers[q.id], scored, upper, lower, judge) for q in questions]
    points = [[q.points if s.correct[q.id] else 0 for s in scored] for q in questions]
    equal = len({q.points for q in questions}) <= 1
    results = Results(
        quiz,
        intake,
        questions,
        numbers,
        sum(q.points for q in questions),
        scored,
        items,
        size,
        spread([s.score for s in scored], points, equal),
    )
    results.counted = _counted(results, judge, extra or [])
    results.near = _near(results, judge)
    return results


def _item(
    q: Question, number: int, scored: list[Scored], upper: list[int], lower: list[int], judge: Judge
) -> ItemStats:
    marks = [1 if s.correct[q.id] else 0 for s in scored]
    count = len(marks)
    facility = sum(marks) / count if count else None
    discrimination = None
    if upper and lower:
        discrimination = sum(marks[i] for i in upper) / len(upper) - sum(marks[i] for i in lower) / len(lower)
    rest = [s.score - q.points * m for s, m in zip(scored, marks, strict=True)]
    pbis = correlation(marks, rest)
    item = ItemStats(q, number, sum(marks), facility, discrimination, pbis, choices(q, scored, judge))
    item.flags = flags(facility, discrimination, pbis, count)
    return item


def _counted(results: Results, judge: Judge, extra: list[ClassAnswer]) -> list[Counted]:
    found: list[Counted] = []
    questions = {q.id: q for q in results.questions}
    for a in extra:
        q = questions.get(a.qid)
        if q is None:
            continue  # another module's answer (one accept file may serve a whole workshop)
        names = [
            s.participant.name
            for s in results.scored
            if judge.trainer(q, s.participant.responses.get(q.id, Response())) == a
        ]
        found.append(Counted(a, results.numbers[q.id], names))
    return found


def _near(results: Results, judge: Judge) -> list[NearMiss]:
    found: list[NearMiss] = []
    for q in results.questions:
        if not kind(q).class_answers:
            continue  # near misses only of answers a trainer may accept
        groups: dict[str, NearMiss] = {}
        for s in results.scored:
            r = s.participant.responses.get(q.id, Response())
            if s.correct[q.id] or r.value is None or r.invalid or r.judged is not None:
                continue
            close = nearest(str(r.value), judge.accepted(q))
            if close is None:
                continue
            group = groups.setdefault(
                normalise(str(r.value)), NearMiss(q, results.numbers[q.id], str(r.value).strip(), close, [])
            )
            group.names.append(s.participant.name)
        found.extend(groups.values())
    return found


def correlation(xs: list[int], ys: list[int]) -> float | None:
    """Pearson's r (population formulas); None when either list does not vary or has < 2 values."""
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / math.sqrt(sxx * syy)


def choices(q: Question, scored: list[Scored], judge: Judge | None = None) -> list[Choice]:
    """How often each option (or response) was chosen, in paper letters."""
    judge = judge or Judge()
    given = [s.participant.responses.get(q.id, Response()) for s in scored]
    found: list[Choice] = []
    tally = kind(q).tally(q)
    if tally:
        for index, (label, correct) in enumerate(tally):
            count = sum(1 for r in given if r.value is not None and kind(q).picked(q, r.value, index))
            found.append(Choice("option", label, count, correct))
    else:
        found.extend(_frequent(q, given, judge))
    judged = [r.judged for r in given if r.judged is not None]
    if judged:
        found.append(Choice("judged", "", judged.count(True), True))
        found.append(Choice("judged", "", judged.count(False), False))
    found.append(Choice("invalid", "", sum(1 for r in given if r.invalid)))
    found.append(Choice("blank", "", sum(1 for r in given if r.blank)))
    return [c for c in found if c.count or c.kind == "option" or c.kind == "blank"]


def _frequent(q: Question, given: list[Response], judge: Judge) -> list[Choice]:
    """Types without a tally of labels: the most frequent responses (the correct one always listed)."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    correct: dict[str, bool] = {}
    trainer: set[str] = set()
    for r in given:
        if r.value is None or r.invalid:
            continue
        label = paper.show(q, r)
        group = kind(q).group(q, label)
        counts[group] += 1
        shown.setdefault(group, label.strip())
        correct[group] = judge.correct(q, r)
        if judge.trainer(q, r) is not None:
            trainer.add(group)
    key = kind(q).key_response(q)
    if key is not None:
        shown.setdefault(key, key)
        correct[key] = True
        counts.setdefault(key, 0)
    ranked = sorted(counts, key=lambda g: (-counts[g], not correct[g], g))
    top = ranked[:TOP_RESPONSES]
    if key is not None and key not in top:
        top[-1] = key
    found = [Choice("option", shown[g], counts[g], correct[g], g in trainer) for g in top]
    other = sum(counts[g] for g in ranked if g not in top)
    if other:
        found.append(Choice("other", "", other))
    return found

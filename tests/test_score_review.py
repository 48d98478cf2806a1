"""The rules behind the trainer's review list, the class statistics and the near-miss rule, checked on
numbers a trainer can verify by hand."""

from __future__ import annotations

import pytest

from kursus.scoring.accept import is_near, nearest
from kursus.scoring.review import MIN_CLASS, flags, reliability, spread

BIG = MIN_CLASS  # a class large enough for D and r-pb to count


@pytest.mark.parametrize(
    ("facility", "d", "rpb", "expected"),
    [
        (0.5, 0.02, 0.40, ["weak"]),  # the example: D 0.02 must be flagged
        (0.5, 0.06, 0.40, ["weak"]),
        (0.5, 0.40, 0.06, ["weak"]),  # either index below 0.20
        (0.5, 0.194, 0.40, ["weak"]),  # shown as 0.19
        (0.5, 0.195, 0.40, []),  # shown as 0.20: not below the legend's 0.20
        (0.5, 0.40, 0.20, []),
        (0.5, -0.10, 0.30, ["negative"]),  # negative, not also 'weak'
        (0.5, 0.30, -0.004, ["weak"]),  # printed as -0.00, which is 0: not negative, but below 0.20
        (0.905, 0.40, 0.40, ["easy"]),  # shown as 0.91 > 0.90
        (0.904, 0.40, 0.40, []),  # shown as 0.90
        (0.194, 0.40, 0.40, ["hard"]),
        (0.195, 0.40, 0.40, []),  # shown as 0.20
        (1.0, 0.0, None, ["easy", "weak"]),  # everybody right: D 0 cannot separate anyone
    ],
)
def test_flags_follow_the_legend_on_the_numbers_as_shown(
    facility: float, d: float, rpb: float | None, expected: list[str]
) -> None:
    assert flags(facility, d, rpb, BIG) == expected


def test_a_small_class_flags_nothing_on_discrimination() -> None:
    assert flags(0.5, -1.0, -0.8, MIN_CLASS - 1) == []
    assert flags(0.5, 0.02, 0.05, MIN_CLASS - 1) == []
    assert flags(1.0, 0.0, None, 2) == ["easy"]  # facility still describes the class
    assert flags(0.5, -1.0, -0.8, MIN_CLASS) == ["negative"]


def test_kr20_by_hand() -> None:
    # 4 participants, 3 items of 1 point: rows 111, 110, 100, 000 -> scores 3, 2, 1, 0 (variance 1.25);
    # p = .75, .5, .25 -> pq = .1875 + .25 + .1875 = .625; KR-20 = 3/2 * (1 - .625/1.25) = .75
    items = [[1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 0]]
    assert reliability([3, 2, 1, 0], items) == pytest.approx(0.75)
    found = spread([3, 2, 1, 0], items, equal_points=True)
    assert found.kind == "kr20" and found.median == 1.5
    assert found.sd == pytest.approx((5 / 3) ** 0.5)  # squared deviations 5, divided by n - 1 = 3
    assert reliability([2, 2, 2], [[1, 1, 1], [1, 1, 1]]) is None  # everybody the same: cannot compute
    one = spread([4], [[1], [1]], equal_points=False)
    assert (one.sd, one.median, one.reliability, one.kind) == (None, 4, None, "alpha")  # one participant
    assert spread([], [], True).sd is None


@pytest.mark.parametrize(
    ("given", "accepted", "near"),
    [
        ("rapih", "rapi", True),  # one letter added to a 4-letter answer
        ("rapi sopan", "rapi dan sopan", True),  # one word missing
        ("rapi dan sopan sekali", "rapi dan sopan", True),  # one word added
        ("pelatian kerja", "pelatihan kerja", True),
        ("pelatan kerj", "pelatihan kerja", False),  # three letters off
        ("pelatn kerja", "pelatihan kerja", False),
        ("pelatihn kerj", "pelatihan kerja", True),  # two letters off in 15
        ("TPR", "TPT", False),  # a different abbreviation: short answers are exact
        ("rapi", "rapi", False),  # not a miss at all
        ("bukan rapi", "rapi", False),  # a word added to a one-word answer changes its meaning
        ("sopan", "rapi dan sopan", False),
    ],
)
def test_near_misses(given: str, accepted: str, near: bool) -> None:
    assert is_near(given.casefold(), accepted.casefold()) is near


def test_the_nearest_accepted_answer_is_named_as_written() -> None:
    assert nearest(" Rapih ", ["rapi", "rapi dan sopan"]) == "rapi"
    assert nearest("kotor", ["rapi", "rapi dan sopan"]) is None

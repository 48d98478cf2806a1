"""Which questions to review, and the class's spread and reliability: the rules the report's legend states.

The legend is written from the constants here, and the flags are decided on the numbers *as the report
shows them* (rounded half up to two places), so a trainer who checks a row against the legend always
agrees with the list: D 0.02 is "weak", D shown as 0.20 is not.

* too easy: facility above ``EASY``; too hard: facility below ``HARD``;
* discriminates negatively: D or r-pb below 0; weakly: D or r-pb below ``WEAK`` (and not negative);
* with fewer than ``MIN_CLASS`` participants D and r-pb swing with one person's answer: they are shown,
  but no question is flagged on them, and the report says so.

Class statistics: sample standard deviation (n - 1), median, and reliability: KR-20 when every scored
question carries the same points, otherwise Cronbach's alpha on the points (which is KR-20 for equal
points; the report names the one it gives).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

EASY = 0.9
HARD = 0.2
WEAK = 0.2
MIN_CLASS = 10
PLACES = 2  # the report shows item statistics with two decimals


def half_up(value: float, places: int) -> Decimal:
    """Rounded as people do by hand (0.625 -> 0.63), not to even as ``round`` does; never "-0.00"."""
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return rounded.copy_abs() if rounded == 0 else rounded


def _shown(value: float | None) -> Decimal | None:
    return None if value is None else half_up(value, PLACES)


def _limit(value: float) -> Decimal:
    return Decimal(repr(value))


def flags(facility: float | None, discrimination: float | None, pbis: float | None, participants: int) -> list[str]:
    """The flags of one item, exactly as the legend words them (see the module docstring)."""
    found = []
    f = _shown(facility)
    if f is not None and f > _limit(EASY):
        found.append("easy")
    if f is not None and f < _limit(HARD):
        found.append("hard")
    if participants >= MIN_CLASS:
        indexes = [v for v in (_shown(discrimination), _shown(pbis)) if v is not None]
        if any(v < 0 for v in indexes):
            found.append("negative")
        elif any(v < _limit(WEAK) for v in indexes):
            found.append("weak")
    return found


@dataclass(frozen=True)
class Spread:
    sd: float | None  # sample standard deviation of the scores (n - 1)
    median: float | None
    reliability: float | None
    kind: str  # kr20 | alpha


def spread(scores: list[int], item_points: list[list[int]], equal_points: bool) -> Spread:
    """``item_points[i][p]``: the points participant ``p`` got on item ``i`` (0 or the item's points)."""
    kind = "kr20" if equal_points else "alpha"
    if not scores:
        return Spread(None, None, None, kind)
    sd = statistics.stdev(scores) if len(scores) > 1 else None
    return Spread(sd, float(statistics.median(scores)), reliability(scores, item_points), kind)


def reliability(scores: list[int], item_points: list[list[int]]) -> float | None:
    """k/(k-1) * (1 - sum of item variances / variance of the scores); None when it cannot be computed
    (fewer than two items or participants, or everybody got the same score)."""
    k = len(item_points)
    if k < 2 or len(scores) < 2:
        return None
    total = statistics.pvariance(scores)
    if math.isclose(total, 0):
        return None
    items = sum(statistics.pvariance(points) for points in item_points)
    return k / (k - 1) * (1 - items / total)

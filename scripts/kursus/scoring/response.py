"""One participant's answer to one question, whatever it came from (see ``scoring.model``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Response:
    value: Any = None  # per type: the table in scoring.model; None when left blank
    invalid: bool = False  # answered, but not a valid answer (paper: 'X', e.g. two boxes ticked): wrong
    judged: bool | None = None  # correctness already decided (short answers inside a result code)

    @property
    def blank(self) -> bool:
        return self.value is None and not self.invalid and self.judged is None


BLANK = Response()

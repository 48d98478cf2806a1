"""A question bank written for a learning-management system: its text, what it holds, and how often the
format could not carry a part as it is (each format's ``DEGRADATIONS`` says how it is carried instead)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass
class ExportedBank:
    degradations: Mapping[str, str]  # the format's key -> what the export says about it
    text: str = ""
    questions: int = 0
    categories: int = 0
    degraded: Counter[str] = field(default_factory=Counter)
    fell_back: Counter[str] = field(default_factory=Counter)  # language -> questions shown whole in it

    def report(self) -> list[str]:
        """How often each degradation was applied, most frequent first."""
        return [f"{count} × {self.degradations[key]}" for key, count in self.degraded.most_common()]

    def fallback_report(self, language: str) -> list[str]:
        """How many questions are not complete in ``language`` and are given whole in another one."""
        return [
            f"{count} × not complete in {language}: given whole in {other}"
            for other, count in self.fell_back.most_common()
        ]

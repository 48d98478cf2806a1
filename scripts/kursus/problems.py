"""Problems found by the checks, and the ways to report them.

Checks return data (a list of ``Problem``); nothing here decides what is checked. Reporting follows
the ``path:line: CODE message`` convention so that editors and CI can jump to the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self) -> str:
        level = "" if self.is_error else "warning: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}: {self.code} {level}{self.message}{hint}"


def error(path: str, line: int, code: str, message: str, hint: str = "") -> Problem:
    return Problem(path, line, code, message, hint, Severity.ERROR)


def warning(path: str, line: int, code: str, message: str, hint: str = "") -> Problem:
    return Problem(path, line, code, message, hint, Severity.WARNING)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(problems: Sequence[Problem], files_checked: int) -> str:
    """One line such as ``3 errors, 1 warning in 2 of 12 files``."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if not problems:
        return f"no problems in {_plural(files_checked, 'file')}"
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {files} of {_plural(files_checked, 'file')}"


def as_text(problems: Iterable[Problem]) -> list[str]:
    return [p.text() for p in sorted(problems)]


def as_github(problems: Iterable[Problem]) -> list[str]:
    """GitHub Actions workflow commands, so problems show up on the pull request's diff."""

    def escape(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    lines = []
    for p in sorted(problems):
        hint = f" ({p.hint})" if p.hint else ""
        lines.append(f"::{p.severity.value} file={p.path},line={p.line},title={p.code}::{escape(p.message + hint)}")
    return lines


def as_json(problems: Iterable[Problem], files_checked: int) -> str:
    items = sorted(problems)
    return json.dumps(
        {
            "problems": [dict(asdict(p), severity=p.severity.value) for p in items],
            "summary": summary(items, files_checked),
            "errors": sum(p.is_error for p in items),
            "warnings": sum(not p.is_error for p in items),
        },
        ensure_ascii=False,
        indent=2,
    )

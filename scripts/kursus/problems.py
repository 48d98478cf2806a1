"""Problems found by the checks, and the ways to report them.

Checks return data (a list of ``Problem``); nothing here decides what is checked. Reporting follows
the ``path:line: CODE message`` convention so that editors and CI can jump to the line.
"""

from __future__ import annotations

import json
import unicodedata
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
        return printable(f"{self.path}:{self.line}: {self.code} {level}{self.message}{hint}")


# Control, format (U+200B, soft hyphen, direction marks), separator, private and unassigned characters:
# printed raw they ring the bell, move the cursor, reorder the line or are simply invisible.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def printable(text: str) -> str:
    """``text`` with every invisible or control character written as an escape (\\x07, \\u200b), so that
    a message shows what is really in the file and never acts on the terminal. Every reporter uses it."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char == " " or unicodedata.category(char) not in _HIDDEN:
            out.append(char)
        elif ord(char) < 0x80:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return "".join(out)


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
        message = printable(p.message + hint)
        lines.append(f"::{p.severity.value} file={printable(p.path)},line={p.line},title={p.code}::{escape(message)}")
    return lines


def as_json(problems: Iterable[Problem], files_checked: int) -> str:
    items = sorted(problems)
    return json.dumps(
        {
            "problems": [
                dict(
                    asdict(p),
                    path=printable(p.path),
                    message=printable(p.message),
                    hint=printable(p.hint),
                    severity=p.severity.value,
                )
                for p in items
            ],
            "summary": summary(items, files_checked),
            "errors": sum(p.is_error for p in items),
            "warnings": sum(not p.is_error for p in items),
        },
        ensure_ascii=False,
        indent=2,
    )

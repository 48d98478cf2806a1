"""Problems found by the checks, and the ways to report them.

Checks return data (a list of ``Problem``); nothing here decides what is checked. Reporting follows
the ``path:line: CODE message`` convention so that editors and CI can jump to the line.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
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
    # 'path:line' of the file-level problem (a quiz file that could not be read, Q001-Q003) this one
    # follows from: fixing that one makes this one go away, so reports group it under it.
    follows: str = ""

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


def follows_from(problem: Problem, cause: Problem) -> Problem:
    """``problem``, marked as a follow-on of the file-level problem ``cause``."""
    return replace(problem, follows=f"{cause.path}:{cause.line}")


def error(path: str, line: int, code: str, message: str, hint: str = "") -> Problem:
    return Problem(path, line, code, message, hint, Severity.ERROR)


def warning(path: str, line: int, code: str, message: str, hint: str = "") -> Problem:
    return Problem(path, line, code, message, hint, Severity.WARNING)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# A file that could not be read or parsed at all: reported first, whatever its path, since what follows
# from it (markers pointing to its questions, its ids missing) goes away once it is fixed.
FILE_LEVEL = frozenset({"Q001", "Q002", "Q003"})


@dataclass(frozen=True)
class Report:
    """Problems in reporting order: file-level problems first, then the others, each part sorted; the
    follow-ons of a file-level problem apart, by the ``path:line`` of their cause."""

    shown: list[Problem]
    follow_ons: dict[str, list[Problem]]

    @property
    def hidden(self) -> int:
        return sum(len(found) for found in self.follow_ons.values())


def arrange(problems: Iterable[Problem]) -> Report:
    items = sorted(problems)
    causes = {f"{p.path}:{p.line}" for p in items if p.code in FILE_LEVEL}
    follow_ons: dict[str, list[Problem]] = {}
    rest = []
    for p in items:
        if p.follows in causes:  # a follow-on whose cause is not in this report is shown as it is
            follow_ons.setdefault(p.follows, []).append(p)
        else:
            rest.append(p)
    first = [p for p in rest if p.code in FILE_LEVEL]
    return Report([*first, *(p for p in rest if p.code not in FILE_LEVEL)], follow_ons)


def _follow_on_note(found: list[Problem]) -> str:
    codes = Counter(p.code for p in found)
    kinds = ", ".join(f"{code} ×{n}" if n > 1 else code for code, n in sorted(codes.items()))
    files = len({p.path for p in found})
    that = "problem that follows" if len(found) == 1 else "problems that follow"
    return f"; and {len(found)} {that} from it ({kinds} in {_plural(files, 'file')}): fix this first"


def summary(problems: Sequence[Problem], files_checked: int, all_shown: bool = False) -> str:
    """One line such as ``3 errors, 1 warning in 2 of 12 files``; unless ``all_shown``, problems that
    follow from a file-level one are left out of the counts and named at the end."""
    report = arrange(problems)
    counted = list(problems) if all_shown else report.shown
    errors = sum(p.is_error for p in counted)
    warnings = len(counted) - errors
    files = len({p.path for p in counted})
    if not counted:
        return f"no problems in {_plural(files_checked, 'file')}"
    line = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {files} of {_plural(files_checked, 'file')}"
    if report.hidden and not all_shown:
        line += f" (and {report.hidden} that follow from {'it' if len(report.follow_ons) == 1 else 'them'})"
    return line


def as_text(problems: Iterable[Problem], follow_ons: bool = False) -> list[str]:
    """One line per problem, file-level problems first. Their follow-ons are counted on the file-level
    problem's line, or, with ``follow_ons``, listed under it."""
    report = arrange(problems)
    lines = []
    for p in report.shown:
        found = report.follow_ons.get(f"{p.path}:{p.line}", [])
        if not found:
            lines.append(p.text())
        elif follow_ons:
            lines.append(p.text())
            lines.extend(f"{f.text()} [follows from {f.follows}]" for f in found)
        else:
            lines.append(p.text() + _follow_on_note(found))
    return lines


def as_github(problems: Iterable[Problem]) -> list[str]:
    """GitHub Actions workflow commands, so problems show up on the pull request's diff."""

    def escape(value: str) -> str:
        return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    lines = []
    for p in arrange(problems).shown:  # follow-ons would bury the one line that matters on the diff
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
            "summary": summary(items, files_checked, all_shown=True),
            "errors": sum(p.is_error for p in items),
            "warnings": sum(not p.is_error for p in items),
        },
        ensure_ascii=False,
        indent=2,
    )

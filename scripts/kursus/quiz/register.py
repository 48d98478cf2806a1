"""The register of question ids, ``quizzes/daftar-id.yml``: every id ever published, in use or retired.

Learners' progress is kept by question id, so an id given to a new question would hand it the old
question's answers. The register needs no git history: ``in_use`` lists the ids of the current quizzes,
``retired`` the removed ones with the reason. The checks compare it with the bank; ``kursus ids``
records new ids and retires removed ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..paths import absent
from ..problems import Problem, error, follows_from
from ..rawtext import RawTextError, read
from .bank import Bank
from .model import GROUP_ID, QUESTION_ID, Group
from .source import LList, LMap, YamlSyntaxError, line_of, parse

HEADER = """\
# Every question and group id ever published in this course (see quizzes/FORMAT.md, "Ids are never reused").
# Learners' progress is kept by id: an id must never name another question. Written by 'kursus ids'.
#   in_use:  the ids in the quizzes now, per module ('kursus ids --record' adds new ones)
#   retired: ids removed from the quizzes, with the reason ('kursus ids --retire ID --reason TEXT')
"""


@dataclass
class Register:
    path: str  # as problems show it
    in_use: dict[str, int] = field(default_factory=dict)  # id -> line in the register
    retired: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (reason, line)


def bank_ids(bank: Bank) -> dict[str, tuple[str, int]]:
    """Every question and group id in the bank -> (file, line)."""
    found: dict[str, tuple[str, int]] = {}
    for quiz in bank.quizzes:
        for item in quiz.items:
            found.setdefault(item.id, (item.path, item.line))
            if isinstance(item, Group):
                for question in item.questions:
                    found.setdefault(question.id, (question.path, question.line))
    return found


def _valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(QUESTION_ID.match(value) or GROUP_ID.match(value))


def read_register(path: Path, shown: str) -> tuple[Register | None, list[Problem]]:
    """The register, or None when the course has none; problems for what cannot be read in it (Q029)."""
    if absent(path):
        return None, []
    hint = "see the example in quizzes/FORMAT.md, or rewrite it with 'kursus ids --record'"
    try:
        data = parse(read(path))
    except (RawTextError, YamlSyntaxError) as exc:
        return None, [error(shown, exc.line, "Q029", f"cannot read the id register: {exc.message}", hint)]
    except OSError as exc:
        return None, [error(shown, 1, "Q029", f"cannot read the id register: {exc.strerror or exc}", hint)]
    register, problems = Register(shown), []
    if not isinstance(data, LMap) or set(data) - {"in_use", "retired"}:
        return None, [error(shown, 1, "Q029", "the id register holds 'in_use:' and 'retired:' only", hint)]
    in_use = data.get("in_use") or LMap()
    for module, ids in in_use.items() if isinstance(in_use, LMap) else []:
        module_line = line_of(in_use, module, in_use.line)
        for index, value in enumerate(ids if isinstance(ids, LList) else [ids]):
            line = line_of(ids, index, module_line)
            if not _valid_id(value) or not str(value).startswith(f"{module}."):
                problems.append(error(shown, line, "Q029", f"'{value}' is not a question id of {module}", hint))
            else:
                register.in_use.setdefault(str(value), line)
    retired = data.get("retired") or LMap()
    for value, reason in retired.items() if isinstance(retired, LMap) else []:
        line = line_of(retired, value, retired.line)
        if not _valid_id(value):
            problems.append(error(shown, line, "Q029", f"'{value}' is not a question id", hint))
        elif not isinstance(reason, str) or not reason.strip():
            problems.append(error(shown, line, "Q029", f"{value}: give the reason it was retired", hint))
        else:
            register.retired[value] = (reason.strip(), line)
        if value in register.in_use:
            problems.append(error(shown, line, "Q029", f"{value} is both in use and retired", "keep one"))
    if not isinstance(in_use, LMap) or not isinstance(retired, LMap):
        problems.append(error(shown, 1, "Q029", "'in_use' and 'retired' must be mappings", hint))
    return register, problems


def register_findings(register: Register, bank: Bank, complete: bool) -> list[Problem]:
    """Retired ids used again (Q026), ids that left the quizzes unretired (Q027), ids not recorded (Q028).
    ``complete`` is false when a quiz file of no known module could not be read: its ids are not gone,
    only unread; ids of a module whose file could not be read follow from that problem."""
    problems: list[Problem] = []
    current = bank_ids(bank)
    for ref, (path, line) in current.items():
        if ref in register.retired:
            reason = register.retired[ref][0]
            problems.append(
                error(
                    path,
                    line,
                    "Q026",
                    f"{ref} was used before and retired ({reason}); learners' old answers are kept under it",
                    "give the question a new id; ids are never reused",
                )
            )
        elif ref not in register.in_use:
            problems.append(
                error(
                    path,
                    line,
                    "Q028",
                    f"{ref} is not in the id register {register.path}",
                    "run 'kursus ids --record' to record new ids",
                )
            )
    if complete:
        for ref, line in register.in_use.items():
            if ref not in current:
                gone = error(
                    register.path,
                    line,
                    "Q027",
                    f"{ref} is in no quiz any more, but not retired",
                    f"run 'kursus ids --retire {ref} --reason \"why\"', or put the question back",
                )
                cause = bank.unread(ref)
                problems.append(follows_from(gone, cause) if cause else gone)
    return problems


def written(register: Register) -> str:
    """The register as its file: sorted, one line per module, one per retired id."""
    modules: dict[str, list[str]] = {}
    for ref in sorted(register.in_use):
        modules.setdefault(ref.split(".")[0], []).append(ref)
    lines = [HEADER, "in_use:"]
    lines += [f"  {module}: [{', '.join(ids)}]" for module, ids in modules.items()]
    lines.append("retired:" if register.retired else "retired: {}")
    for ref, (reason, _) in sorted(register.retired.items()):
        quoted = reason.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  {ref}: "{quoted}"')
    return "\n".join(lines) + "\n"

"""One name, one person: the course's register of people (``includes/tokoh.yml``) and the check
that the pages and quiz texts of the source language keep to it.

- P001 the register cannot be read, or an entry is incomplete or names a person twice;
- P002 a registered name appears in a part of the course its person does not belong to
  (a different person needs a different name);
- P003 a registered name is given an age that is not its person's;
- P004 someone is named with a title ("Ibu Ratna") or an age ("Ratna, 35") but is not in the register.

A part of the course is a module (``m03`` for ``modul-03/…``, ``fasilitator/modul-03.md`` and
``quizzes/modul-03.yml``) or, for other pages, the page's first folder or name (``kit-meja``,
``daftar-modul``). Only the source language is read: translations carry the same names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..paths import absent
from ..problems import Problem, error
from ..quiz.bank import Bank
from ..quiz.modules import from_file_name
from ..rawtext import RawTextError
from ..yamlio import YamlSyntaxError, read_limited
from .prose import reader_lines

REGISTER = Path("includes") / "tokoh.yml"
FIELDS = ("name", "age", "place", "role", "modules")
TITLES = ("Ibu", "Bu", "Bapak", "Pak", "Mbak", "Mas", "Kak", "Bang")

_MODULE_PAGE = re.compile(r"^(?:fasilitator/)?modul-(\d{2})(?:/|\.md$)")
_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
_TITLED = re.compile(rf"\b(?:{'|'.join(TITLES)}) ({_NAME})")
# "Ratna, 35 tahun", "Ratna (35)", "Ratna, 35, dari Padang"
_AGED = re.compile(rf"\b({_NAME})(?:, (\d{{1,2}})(?= tahun\b|,)| \((\d{{1,2}})(?: tahun)?\))")


@dataclass(frozen=True)
class Person:
    name: str
    age: int | None
    place: str
    role: str
    parts: frozenset[str]
    line: int

    def describe(self) -> str:
        age = f", {self.age}" if self.age is not None else ""
        return f"{self.name}{age}, {self.place}, {self.role} ({', '.join(sorted(self.parts))})"


@dataclass(frozen=True)
class Register:
    path: str
    people: dict[str, Person]
    not_people: frozenset[str]  # capitalised words after a title that are no one's name ("Ibu Kota")


def part_of_page(rel: str) -> str:
    """``modul-03/index.md`` and ``fasilitator/modul-03.md`` -> ``m03``; ``kit-meja/rujukan.md`` -> ``kit-meja``."""
    match = _MODULE_PAGE.match(rel)
    if match:
        return f"m{match.group(1)}"
    first = rel.split("/", 1)[0]
    form = from_file_name(first)  # tes-awal.md -> awal: the page and the quiz of a pre/post check are one part
    if form is not None:
        return form
    return first[:-3] if first.endswith(".md") else first


def read_register(root: Path) -> tuple[Register | None, list[Problem]]:
    """The register, or None when the course has none (the check is then off)."""
    path = root / REGISTER
    shown = REGISTER.as_posix()
    if absent(path):
        return None, []
    try:
        text, data = read_limited(path)
    except OSError as exc:
        return None, [error(shown, 1, "P001", f"the register cannot be read: {exc.strerror or exc}")]
    except RawTextError as exc:  # a byte that is not UTF-8, a control character, or too large: at its line
        return None, [error(shown, exc.line, "P001", f"the register cannot be read: {exc.message}", exc.hint)]
    except YamlSyntaxError as exc:  # bad YAML, or over the depth and alias limits
        return None, [error(shown, exc.line, "P001", f"the register is not valid YAML: {exc.message}", exc.hint)]
    if not isinstance(data, dict) or not isinstance(data.get("people"), list):
        return None, [error(shown, 1, "P001", "the register must be a mapping with a 'people:' list")]
    lines = _entry_lines(text)
    people: dict[str, Person] = {}
    problems: list[Problem] = []
    for index, entry in enumerate(data["people"]):
        line = lines[index] if index < len(lines) else 1
        person, problem = _person(entry, line, shown)
        if problem:
            problems.append(problem)
            continue
        assert person is not None
        if person.name in people:
            first = people[person.name]
            problems.append(
                error(
                    shown,
                    line,
                    "P001",
                    f"'{person.name}' is registered twice (first at line {first.line}): one name is one person",
                    "give one of them another name, in the register and in the pages",
                )
            )
            continue
        people[person.name] = person
    not_people = data.get("not_people") or []
    words = frozenset(str(w) for w in not_people) if isinstance(not_people, list) else frozenset()
    return Register(shown, people, words), problems


def _entry_lines(text: str) -> list[int]:
    """The line of each ``- name:`` entry, in order (libyaml's plain load keeps no marks)."""
    return [n for n, line in enumerate(text.splitlines(), 1) if re.match(r"^\s*-\s+name\s*:", line)]


def _person(entry: Any, line: int, shown: str) -> tuple[Person | None, Problem | None]:
    if not isinstance(entry, dict):
        return None, error(shown, line, "P001", "each person is a mapping with name, age, place, role, modules")
    missing = [key for key in FIELDS if key not in entry]
    if missing:
        return None, error(shown, line, "P001", f"entry lacks {', '.join(missing)}", "age may be null when unknown")
    name, age, modules = entry["name"], entry["age"], entry["modules"]
    if not isinstance(name, str) or not re.fullmatch(_NAME, name.strip()):
        return None, error(shown, line, "P001", f"name {name!r} must be one or two capitalised words, without a title")
    if name.split()[0] in TITLES:
        return None, error(
            shown, line, "P001", f"name {name!r} starts with a title", "write the name alone; pages add Ibu, Pak …"
        )
    if age is not None and (not isinstance(age, int) or isinstance(age, bool) or not 0 < age < 120):
        return None, error(shown, line, "P001", f"{name}: age must be a whole number or null, got {age!r}")
    if not isinstance(modules, list) or not modules or not all(isinstance(m, str) for m in modules):
        return None, error(shown, line, "P001", f"{name}: modules must list where the person appears, e.g. [m03]")
    return Person(name.strip(), age, str(entry["place"]), str(entry["role"]), frozenset(modules), line), None


def check_people(root: Path, docs_dir: str, source: str, pages: Iterable[tuple[str, str]], bank: Bank) -> list[Problem]:
    register, problems = read_register(root)
    if register is None:
        return problems
    prefix = f"{docs_dir}/{source}/"
    for path, markdown in pages:
        if not path.startswith(prefix):
            continue
        part = part_of_page(path[len(prefix) :])
        problems += _check_text(register, path, part, reader_lines(markdown))
    for quiz in bank.quizzes:
        part = from_file_name(Path(quiz.path).name) or quiz.module
        texts = [(ref.lines.get(source, ref.line), ref.values.get(source, "")) for ref in quiz.texts]
        problems += _check_text(register, quiz.path, part, texts)
    return problems


def _check_text(register: Register, path: str, part: str, lines: Iterable[tuple[int, str]]) -> list[Problem]:
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()  # (code, name): once per text file is enough
    names = register.people
    pattern = _mention_pattern(tuple(sorted(names, key=len, reverse=True)))
    for number, text in lines:
        for line_offset, line in enumerate(text.splitlines() or [text]):
            at = number + line_offset
            if pattern is not None:
                for match in pattern.finditer(line):
                    known = names[match.group(1)]
                    if part not in known.parts and ("P002", known.name) not in reported:
                        reported.add(("P002", known.name))
                        problems.append(
                            error(
                                path,
                                at,
                                "P002",
                                f"'{known.name}' is already someone else in the course: {known.describe()}",
                                f"name this person from the names nobody uses yet, or add {part} to "
                                f"{register.path} if it is the same person",
                            )
                        )
            for match in _AGED.finditer(line):
                name, age = _untitled(match.group(1)), int(match.group(2) or match.group(3))
                person = _lookup(names, name)
                if person is None:
                    if ("P004", name) not in reported and _looks_like_a_name(name, register):
                        reported.add(("P004", name))
                        problems.append(_unregistered(path, at, name, part, register))
                elif person.age is not None and person.age != age and ("P003", name) not in reported:
                    reported.add(("P003", name))
                    problems.append(
                        error(
                            path,
                            at,
                            "P003",
                            f"'{name}' is {age} here but the register's {person.name} is {person.age} "
                            f"({person.describe()})",
                            "a different person needs another name; the same person keeps one age",
                        )
                    )
            for match in _TITLED.finditer(line):
                name = match.group(1)
                if _lookup(names, name) or ("P004", name) in reported:
                    continue
                if _looks_like_a_name(name, register):
                    reported.add(("P004", name))
                    problems.append(_unregistered(path, at, name, part, register))
    return problems


def _untitled(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if first in TITLES and rest else name


def _lookup(names: dict[str, Person], name: str) -> Person | None:
    """The person a mention names: the whole name, else its first or last word ("Siti Aminah")."""
    words = name.split()
    return names.get(name) or names.get(words[0]) or names.get(words[-1])


def _looks_like_a_name(name: str, register: Register) -> bool:
    return name.split()[0] not in register.not_people and name not in register.not_people


def _unregistered(path: str, line: int, name: str, part: str, register: Register) -> Problem:
    return error(
        path,
        line,
        "P004",
        f"'{name}' is not in the register of people",
        f"add them to {register.path} (name, age, place, role, modules: [{part}]) after checking the name "
        "is not used for someone else",
    )


@functools.lru_cache(maxsize=8)
def _mention_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile(rf"(?<![\w-])({'|'.join(re.escape(n) for n in names)})(?![\w-])")

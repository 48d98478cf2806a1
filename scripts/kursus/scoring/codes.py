"""Result codes: one module's answers as a short text a learner can read out, type or paste, and a
trainer can score offline (``kursus score --codes codes.txt``). kursus-codes.js makes them on the "My
progress" page; this module is the reference and the reader. Tests keep the two in step.

A code is characters of Crockford's base 32 (``0-9 A-Z`` without I, L, O and U; when reading, O is
taken as 0 and I or L as 1, case and the ``-`` between blocks of 5 do not matter)::

    0 1 | 1 | T T T T | A A A … A | C C C C
    module  format  version tag  answers  check

* **module** — the module number as two decimal digits (``01`` for m01; ``91`` and ``92`` for the
  pre/post course checks awal and akhir, see ``quiz/modules.py``), readable at a glance.
* **format** — ``1``. A later format gets another digit; this reader then says the code is newer.
* **version tag** — 20 bits of SHA-256 over the module's scored questions: ids, types, number of
  options/steps/pairs, the answer key (correct options, true/false answer) and, for ordering and
  matching questions, their (normalised) source-language texts, since the order of those *is* the key.
  A code made on a site with another version of the quiz is recognised and reported, never scored
  against a different key. Points and short-answer lists are not part of it: scoring uses the points
  of the course being scored, and short answers are judged in the browser.
* **answers** — each question's *first checked* answer (retries in the browser are practice and are
  not in the code), as one number in mixed radix over the scored questions in module order, written in as
  few characters as the module needs (``answer_chars``):

  ===========  ===============================================================================
  single       radix options+1: 0 = blank, k = option k-1
  multiple     one bit per option (all 0 = blank)
  truefalse    radix 3: 0 = blank, 1 = true, 2 = false
  short        radix 3: 0 = blank, 1 = correct, 2 = incorrect, **as judged in the browser** from the
               page's accepted answers (the words do not fit a short code; the report shows these
               as judged, not as words)
  ordering     a bit (answered or not), then the order's Lehmer code (radices n, n-1, …, 1)
  matching     a bit (answered or not), then per left row the pair index chosen (radix n)
  ===========  ===============================================================================

  Reflective answers are not in the code (they are not scored).
* **check** — CRC-20 (polynomial x^20 + x^3 + 1, start value all ones) over the 5-bit values of every
  character before it. Any error within 4 neighbouring characters (a mistyped character, two swapped
  ones) is always caught; other damage slips through about once in a million.

The check catches typing mistakes and casual edits; it is not a signature: anyone who reads
kursus-codes.js can make a valid code, so a code is only as trustworthy as the person handing it in.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..quiz.answers import normalise
from ..quiz.bank import Bank
from ..quiz.model import Question, Quiz
from ..quiz.modules import feedback, from_number
from ..quiz.modules import number as module_number
from ..quiz.types import kind
from .files import read_text
from .model import Intake, Note, Participant, Response, note, scored_questions

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
FORMAT = 1
TAG_CHARS = 4
CHECK_CHARS = 4
HEAD_CHARS = 2 + 1 + TAG_CHARS
BLOCK = 5
_POLY = 0x9  # x^20 + x^3 + 1 without the x^20 term
STATEMENT = "00"  # module digits of a completion statement's code (statement.py); no module is 00
_IGNORED = re.compile(r"[\s\-_.]+")


# -- small pieces shared by encoding and decoding ---------------------------------------------------


def crc20(values: list[int]) -> int:
    crc = 0xFFFFF
    for value in values:
        for bit in range(4, -1, -1):
            top = (crc >> 19) & 1
            crc = (crc << 1) & 0xFFFFF
            if top ^ ((value >> bit) & 1):
                crc ^= _POLY
    return crc


def to_values(number: int, count: int) -> list[int]:
    """``number`` as ``count`` base-32 digits, most significant first."""
    return [(number >> (5 * (count - 1 - i))) & 31 for i in range(count)]


def from_values(values: list[int]) -> int:
    number = 0
    for v in values:
        number = number * 32 + v
    return number


def group(code: str) -> str:
    """Blocks of 4 or 5 characters, as even as possible: 16 -> 4-4-4-4, 23 -> 5-5-5-4-4."""
    count = -(-len(code) // BLOCK)
    blocks, start = [], 0
    for i in range(count):
        size = len(code) // count + (1 if i < len(code) % count else 0)
        blocks.append(code[start : start + size])
        start += size
    return "-".join(blocks)


def version_tag(quiz: Quiz, source_language: str) -> str:
    parts = [f"kursus-result|{quiz.module}"]
    for q in scored_questions(quiz):
        key = kind(q).version_key(q, source_language)
        parts.append(f"{q.id}:{q.type}:{_count(q)}:{key}")
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).digest()
    value = int.from_bytes(digest[:3], "big") >> 4
    return "".join(ALPHABET[v] for v in to_values(value, TAG_CHARS))


def _count(q: Question) -> int:
    return kind(q).count(q)


def shape(quiz: Quiz) -> list[list[Any]]:
    """What kursus-codes.js needs to make a module's code: [question id, type, count] per scored question."""
    return [[q.id, q.type, _count(q)] for q in scored_questions(quiz)]


def radices(q: Question) -> list[int]:
    return kind(q).radices(q)


def answer_chars(quiz: Quiz) -> int:
    """Characters the answers take: the fewest base-32 digits that hold every combination."""
    return chars_for([r for q in scored_questions(quiz) for r in radices(q)])


def chars_for(all_radices: list[int]) -> int:
    """The fewest base-32 digits that hold every combination of digits in these radices."""
    total = 1
    for r in all_radices:
        total *= r
    count = 0
    while 32**count < total:
        count += 1
    return count


def pack(head: list[int], pairs: list[tuple[int, int]]) -> str:
    """A code: the ``head`` values, the (radix, digit) pairs as one mixed-radix number, the check value."""
    number = 0
    for radix, digit in pairs:
        number = number * radix + digit
    values = [*head, *to_values(number, chars_for([radix for radix, _ in pairs]))]
    values += to_values(crc20(values), CHECK_CHARS)
    return group("".join(ALPHABET[v] for v in values))


def unpack(values: list[int], all_radices: list[int]) -> list[int] | None:
    """The digits packed in ``values`` (the characters between head and check), or None if no digits in
    these radices pack to that number."""
    number = from_values(values)
    found: list[int] = []
    for radix in reversed(all_radices):
        number, digit = divmod(number, radix)
        found.append(digit)
    return None if number else found[::-1]


# -- encoding (the reference for kursus-codes.js, which encodes from the browser's saved answers) --------


def first_attempt(q: Question, saved: Any) -> Any:
    """The answer a code records: the first one checked (``saved["first"]``), or None (blank).

    The browser keeps each question's first checked answer beside the latest; retries are practice.
    Records made before first answers were kept have only ``v``: that answer is the best there is. Not so
    in a form with deferred feedback: there ``v`` alone is an answer not yet submitted, or one given after
    submitting to a question left blank, and the code records it as blank.
    A shape kursus-storage.js would not accept (the type's ``usable``) counts as blank."""
    usable = kind(q).usable
    if not isinstance(saved, dict):
        return None
    if "v" in saved and not usable(q, saved["v"]):
        return None  # the browser keeps a damaged entry aside whole
    deferred = feedback(q.id.split(".")[0]) == "deferred"
    first = saved.get("first", None if deferred else saved)
    if not isinstance(first, dict) or "v" not in first or not usable(q, first["v"]):
        return None
    return first["v"]


def digits(q: Question, saved: dict[str, Any] | None, language: str = "") -> list[int]:
    """A saved browser answer ``{v, first}`` (or None) as digits for ``radices(q)``.

    Short answers are judged again from the key in ``language`` (the page's), never from a stored flag."""
    v = first_attempt(q, saved)
    if v is None:
        return [0] * len(radices(q))
    return kind(q).digits(q, v, language)


def encode(quiz: Quiz, answers: dict[str, Any], source_language: str, language: str = "") -> str:
    """The code for a module from the browser's saved answers (``{question id: {v, t, first}}``);
    ``language`` is the page's, whose accepted short answers judge them (default: the source language)."""
    pairs = [
        pair
        for q in scored_questions(quiz)
        for pair in zip(radices(q), digits(q, answers.get(q.id), language or source_language), strict=True)
    ]
    module = module_number(quiz.module)
    tag = [ALPHABET.index(c) for c in version_tag(quiz, source_language)]
    return pack([module // 10, module % 10, FORMAT, *tag], pairs)


# -- decoding ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decoded:
    module: str
    tag: str
    answers: list[int]  # base-32 values of the answer characters


class CodeError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def clean(text: str) -> str:
    return _IGNORED.sub("", text).upper().translate(LOOKALIKES)


def decode(text: str, bank: Bank | None = None) -> Decoded:
    """Check a code's characters and check value; the bank (if given) names the right length on errors."""
    code = clean(text)
    if not code:
        raise CodeError("score_rej_code_none")
    bad = "".join(dict.fromkeys(c for c in code if c not in ALPHABET))
    if bad:
        raise CodeError("score_rej_code_chars", chars=bad)
    values = [ALPHABET.index(c) for c in code]
    if len(values) < HEAD_CHARS + CHECK_CHARS or crc20(values[:-CHECK_CHARS]) != from_values(values[-CHECK_CHARS:]):
        quiz = bank.module(from_number(int(code[:2]))) if bank and code[:2].isdigit() else None
        if quiz is not None:
            want = HEAD_CHARS + answer_chars(quiz) + CHECK_CHARS
            if want != len(code):
                raise CodeError("score_rej_code_length", got=len(code), want=want, module=quiz.module)
        raise CodeError("score_rej_code_check")
    if values[0] > 9 or values[1] > 9:
        raise CodeError("score_rej_code_check")
    if values[2] != FORMAT:
        raise CodeError("score_rej_code_format", format=code[2])
    return Decoded(from_number(int(code[:2])), code[3:HEAD_CHARS], values[HEAD_CHARS:-CHECK_CHARS])


def responses(quiz: Quiz, answers: list[int]) -> dict[str, Response]:
    """The answer characters of a checked code -> a response per scored question."""
    questions = scored_questions(quiz)
    if len(answers) != answer_chars(quiz):
        want = HEAD_CHARS + answer_chars(quiz) + CHECK_CHARS
        raise CodeError(
            "score_rej_code_length", got=HEAD_CHARS + len(answers) + CHECK_CHARS, want=want, module=quiz.module
        )
    unpacked = unpack(answers, [r for q in questions for r in radices(q)])
    if unpacked is None:
        raise CodeError("score_rej_code_range")
    found = unpacked
    result: dict[str, Response] = {}
    for q in questions:
        count = len(radices(q))
        result[q.id] = _response(q, found[:count])
        found = found[count:]
    return result


def _response(q: Question, d: list[int]) -> Response:
    found = kind(q).response(q, d)
    if found is None:
        raise CodeError("score_rej_code_range")
    return found


# -- the trainer's file of codes ---------------------------------------------------------------------


def read_codes(
    path: Path,
    shown: str,
    bank: Bank,
    source_language: str,
    module: str | None,
    seen: dict[str, str] | None = None,
) -> Intake:
    """One code per line, optionally ``name: code``; ``#`` starts a comment line. The module is
    ``module`` or, if None, the module of the first good code. ``seen``: names scored so far (any file)."""
    intake = Intake(module=module or "", sources=[shown])
    seen = {} if seen is None else seen
    for line, raw in enumerate(read_text(path, shown).split("\n"), start=1):
        text = raw.strip()
        if not text:
            continue  # blank lines in a text file are spacing, not rows
        name, _, code = text.rpartition(":") if ":" in text else text.rpartition("\t")
        if not text.startswith("#") and clean(code).startswith(STATEMENT):
            continue  # a completion statement's code: statement.read_statements reads it
        intake.rows += 1
        if text.startswith("#"):
            intake.comments += 1
            continue
        name = name.strip()
        problem = _check_name(name, line, shown, seen)
        try:
            decoded = decode(code, bank)
            quiz = bank.module(decoded.module)
            if quiz is None:
                raise CodeError("score_rej_code_unknown_module", module=decoded.module)
            intake.module = intake.module or decoded.module
            if decoded.module != intake.module:
                raise CodeError("score_rej_code_other_module", module=decoded.module)
            want = version_tag(quiz, source_language)
            if decoded.tag != want:
                raise CodeError("score_rej_code_version", module=quiz.module, got=decoded.tag, want=want)
            found = responses(quiz, decoded.answers)
        except CodeError as exc:
            intake.notes.append(Note(shown, line, exc.key, tuple((k, str(v)) for k, v in exc.params.items())))
            continue
        if problem is not None:
            intake.notes.append(problem)
            continue
        intake.participants.append(Participant(name, shown, line, found))  # unnamed: shown by its line
        if name:
            seen[normalise(name)] = f"{shown}:{line}"
    return intake


def _check_name(name: str, line: int, shown: str, seen: dict[str, str]) -> Note | None:
    if not name:
        return None  # an unnamed code is shown by its line number
    key = normalise(name)
    if key in seen:
        return note(shown, line, "score_rej_duplicate", name=name, first=seen[key])
    return None

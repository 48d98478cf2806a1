"""Glossary consistency: a glossary term used in a source page should appear in the translation with
its agreed rendering (``docs/<source>/glosarium.md``, a table with one column per language).

The check is deliberately narrow so that every warning is worth reading:

- only terms of two or more words, matched in the source case-insensitively as whole words, the
  longest term winning where terms overlap ("bursa kerja khusus" is not also "bursa kerja");
- only terms the source page uses at least twice (a single mention, often in a title, is commonly
  and rightly adapted);
- the translation passes when its text holds the agreed rendering anywhere: in English, words are
  compared by their stems, in any order within a few words ("vacancy reporting became mandatory"
  renders "mandatory vacancy reporting"); keeping the source term itself (with an explanation) passes too.

A translation that must deviate says so with ``<!-- glosarium: abaikan <term> -->``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import snowballstemmer

from ..problems import Problem, warning
from .structure import prose_lines

_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_PAREN = re.compile(r"\(([^)]*)\)")
_IGNORE = re.compile(r"<!--\s*glosarium\s*:\s*abaikan\s+(.+?)\s*-->", re.IGNORECASE)
_SKIP_INLINE = re.compile(r"`[^`]*`|<!--.*?-->|\]\([^)]*\)|<[^>]+>")


@dataclass(frozen=True)
class Term:
    source: str  # one source-language form, e.g. "pencari kerja"
    renderings: tuple[str, ...]  # accepted forms in the target language
    line: int  # row in the glossary page


def _cells(line: str) -> list[str]:
    match = _ROW.match(line)
    return [c.strip() for c in match.group(1).split("|")] if match else []


def _forms(cell: str) -> list[str]:
    """'TPAK (Tingkat Partisipasi Angkatan Kerja)' -> ['TPAK', 'Tingkat Partisipasi Angkatan Kerja']."""
    cell = cell.replace("*", "").replace('"', "").replace("“", "").replace("”", "")
    inner = [p.strip() for p in _PAREN.findall(cell)]
    main = _PAREN.sub(" ", cell)
    return [f for f in (" ".join(main.split()), *(" ".join(i.split()) for i in inner)) if f]


def _pairs(source: str, target: str) -> list[tuple[str, str]]:
    """Cells listing several terms side by side with ';' pair up in order ('data pribadi; subjek data' |
    'personal data; data subject'); other cells are one group of alternatives on each side."""
    left, right = source.split(";"), target.split(";")
    if len(left) > 1 and len(left) == len(right):
        return [(a.strip(), b.strip()) for a, b in zip(left, right, strict=True)]
    return [(source, target)]


def _alternatives(cell: str) -> list[str]:
    """'employer; entrepreneur', 'manpower, labour' or 'intake interview / initial assessment': each
    part is an accepted form."""
    forms: set[str] = set()
    for part in re.split(r";| / ", cell):
        forms.update(_forms(part.strip()))  # "a, b" may also be one phrase that holds a comma
        pieces = part.split(",")
        for piece in pieces if len(pieces) > 1 else []:
            forms.update(_forms(piece.strip()))
    return sorted(f for f in forms if f)


def read_glossary(markdown: str, columns: dict[str, str]) -> dict[str, list[Term]]:
    """Terms per target language. ``columns`` maps a header cell (a language's name, e.g. 'English')
    to its code; the first column is the source language."""
    terms: dict[str, list[Term]] = {}
    header: list[str | None] | None = None
    for number, line in prose_lines(markdown):
        if line.startswith("#"):
            header = None  # a later section's table (forms to avoid) is no list of renderings
            continue
        cells = _cells(line)
        if not cells or _RULE.match(line):
            continue
        if header is None:
            header = [columns.get(c.casefold()) for c in cells]
            continue
        for index, code in enumerate(header):
            if index == 0 or code is None or index >= len(cells) or not cells[0] or not cells[index]:
                continue
            for source, target in _pairs(cells[0], cells[index]):
                renderings = tuple(_alternatives(target))
                for form in _forms(source):
                    if len(form.split()) >= 2 and renderings:
                        terms.setdefault(code, []).append(Term(form, renderings, number))
    return terms


@functools.lru_cache(maxsize=4096)
def _pattern(phrase: str) -> re.Pattern[str]:
    """The phrase in case-folded text, spaces and hyphens interchangeable, ending at a word's end. It
    starts with the literal first word, so the regex engine can skip ahead to it (a leading
    look-behind would make it try every position, and the check runs on every build)."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.strip().casefold()) if w]
    return re.compile(r"[\s-]+".join(words) + r"(?![\w-])")


def _has_phrase(folded: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``folded`` as whole words."""
    for match in _pattern(phrase).finditer(folded):
        before = folded[match.start() - 1] if match.start() else " "
        if not (before.isalnum() or before in "_-"):
            return True
    return False


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
STEMMERS = {"en": "english"}
STOP_WORDS = {"en": {"a", "an", "the", "of", "and", "or", "with", "in", "for", "to", "s"}}


@functools.lru_cache(maxsize=50_000)
def _stem(algorithm: str, word: str) -> str:
    return str(_stemmer(algorithm).stemWord(word))


@functools.lru_cache(maxsize=8)
def _stemmer(algorithm: str) -> Any:
    return snowballstemmer.stemmer(algorithm)


class Matcher:
    """Finds a rendering in a translated text: as the exact phrase, or, where the language has a
    stemmer, by word stems within a small window."""

    def __init__(self, language: str, text: str) -> None:
        self.text = text
        self.algorithm = STEMMERS.get(language)
        self.stop = STOP_WORDS.get(language, set())
        self._text_stems: list[str] | None = None
        self._stem_set: set[str] = set()
        self._folded = text.casefold()

    def _stems(self, text: str) -> list[str]:
        assert self.algorithm is not None
        words = _WORD.findall(text.replace("-", " ").lower())
        return [_stem(self.algorithm, w.removesuffix("'s")) for w in words]

    def has(self, phrase: str) -> bool:
        first = re.split(r"[\s-]+", phrase.strip(), maxsplit=1)[0].casefold()
        # The cheap substring test spares most whole-text regex searches (the check runs on every build).
        if first in self._folded and _has_phrase(self._folded, phrase):
            return True
        if self.algorithm is None:
            return False
        wanted = [s for s in self._stems(phrase) if s not in self.stop]
        if not wanted:
            return False
        if self._text_stems is None:
            self._text_stems = self._stems(self.text)
            self._stem_set = set(self._text_stems)
        if not set(wanted) <= self._stem_set:
            return False
        stems, window = self._text_stems, 2 * len(wanted) + 2
        for start, stem in enumerate(stems):
            if stem in wanted and set(wanted) <= set(stems[max(0, start - window) : start + window]):
                return True
        return False


def plain_text(markdown: str) -> str:
    """Prose without code, comments, link targets and HTML tags: what a reader reads."""
    return "\n".join(_SKIP_INLINE.sub(" ", line) for _, line in prose_lines(markdown))


@dataclass(frozen=True)
class Use:
    term: Term
    count: int
    first_line: int


def _normal(text: str) -> str:
    return " ".join(re.split(r"[\s-]+", text.casefold().strip()))


_SEPARATOR = re.compile(r"[\s-]+")


@functools.lru_cache(maxsize=64)
def _term_index(terms: tuple[Term, ...]) -> tuple[dict[str, Term], re.Pattern[str] | None]:
    """Terms by their normal form, and one pattern for all of them: whole words (words are separated
    by spaces or hyphens, and punctuation may stand before the first and after the last), more words
    tried first so that the longest term wins where several start at the same word."""
    by_form: dict[str, Term] = {}
    for term in terms:
        by_form.setdefault(_normal(term.source), term)
    forms = sorted(by_form, key=lambda form: (-len(form.split()), form))
    if not forms:
        return by_form, None
    alternatives = "|".join(r"[\s-]+".join(re.escape(word) for word in form.split()) for form in forms)
    return by_form, re.compile(rf"(?<![^\s-])[^\w/\s-]*({alternatives})[^\w/\s-]*(?![^\s-])")


def uses(terms: Iterable[Term], markdown: str) -> list[Use]:
    """Terms found in a source text, as whole words in any case, scanning left to right; where terms
    overlap, the one that starts first wins, and of those the longest ("bursa kerja khusus" is not
    also "bursa kerja")."""
    by_form, pattern = _term_index(tuple(terms))
    if pattern is None:
        return []
    kept: dict[str, Use] = {}
    for number, line in prose_lines(markdown):
        for match in pattern.finditer(_SKIP_INLINE.sub(" ", line).casefold()):
            term = by_form[" ".join(_SEPARATOR.split(match.group(1)))]
            key = _normal(term.source)
            old = kept.get(key)
            kept[key] = Use(term, old.count + 1, old.first_line) if old else Use(term, 1, number)
    return sorted(kept.values(), key=lambda u: u.first_line)


def ignored(markdown: str) -> set[str]:
    """Terms the translation deliberately renders otherwise (comments outside code examples)."""
    return {m.group(1).strip().casefold() for _, line in prose_lines(markdown) for m in _IGNORE.finditer(line)}


def check_glossary(
    path: str,
    source_path: str,
    translation: str,
    source: str,
    terms: list[Term],
    language: str,
    min_uses: int = 2,
) -> list[Problem]:
    """Warnings for terms used at least ``min_uses`` times in ``source`` whose agreed rendering is
    nowhere in ``translation``."""
    problems = []
    matcher = Matcher(language, plain_text(translation))
    skip = ignored(translation)
    for use in uses(terms, source):
        if use.count < min_uses or use.term.source.casefold() in skip:
            continue
        if matcher.has(use.term.source) or any(matcher.has(r) for r in use.term.renderings):
            continue
        shown = [r for r in use.term.renderings if "," not in r] or list(use.term.renderings)
        agreed = " or ".join(f"'{r}'" for r in shown)
        problems.append(
            warning(
                path,
                1,
                "T020",
                f"glossary term '{use.term.source}' ({use.count}× in the source) is never rendered as {agreed}",
                f"first use {source_path}:{use.first_line}; use the glossary's rendering, or add "
                f"'<!-- glosarium: abaikan {use.term.source} -->' if the deviation is intended",
            )
        )
    return problems

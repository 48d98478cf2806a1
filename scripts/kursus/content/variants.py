"""Discouraged forms: each language's glossary page lists, in the section ``{#bentuk-dihindari}``, forms
that the course does not use and the form it uses instead (``| sif | shift, kerja bergilir | … |``).

- G001 a page or quiz text of that language uses a discouraged form (error, with the preferred form).

A page that must quote a discouraged form (a law's own spelling, an example of what not to say) says
so with ``<!-- glosarium: abaikan <form> -->``, as for the glossary's renderings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..problems import Problem, error
from ..quiz.bank import Bank
from ..translations.glossary import ignored
from ..translations.structure import prose_lines
from .prose import HIDDEN_MARKUP, TABLE_ROW, TABLE_RULE

SECTION = "bentuk-dihindari"
GLOSSARY_PAGE = "glosarium.md"

_HEADING = re.compile(r"^ {0,3}#{1,6}\s")


@dataclass(frozen=True)
class Variant:
    form: str  # the discouraged form, e.g. "shift"
    preferred: str  # what the course writes instead, e.g. "sif"


def read_variants(markdown: str) -> list[Variant]:
    """The table under the heading with the anchor ``{#bentuk-dihindari}``: preferred form in the first
    column, discouraged forms (separated by commas) in the second."""
    variants: list[Variant] = []
    inside = header = False
    for _, line in prose_lines(markdown):
        if _HEADING.match(line):
            inside = f"{{#{SECTION}}}" in line
            continue
        row = TABLE_ROW.match(line)
        if not row:
            header = True  # the next row starts a table: its first row names the columns
            continue
        if not inside or TABLE_RULE.match(line) or header:
            header = False
            continue
        cells = [c.strip().strip("*").strip() for c in row.group(1).split("|")]
        if len(cells) < 2:
            continue
        preferred, forms = cells[0], cells[1]
        variants += [Variant(f.strip(), preferred) for f in forms.split(",") if f.strip()]
    return variants


@functools.lru_cache(maxsize=16)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)


def find(variants: list[Variant], lines: Iterable[tuple[int, str]], skip: set[str]) -> list[tuple[int, Variant, str]]:
    by_form = {v.form.casefold(): v for v in variants if v.form.casefold() not in skip}
    pattern = _pattern(tuple(sorted(by_form)))
    found: list[tuple[int, Variant, str]] = []
    if pattern is None:
        return found
    seen: set[tuple[int, str]] = set()
    for number, text in lines:
        for offset, line in enumerate(text.splitlines()):
            for match in pattern.finditer(HIDDEN_MARKUP.sub(" ", line)):
                variant = by_form[" ".join(match.group(1).casefold().split())]
                if (number + offset, variant.form) not in seen:  # once per line and form
                    seen.add((number + offset, variant.form))
                    found.append((number + offset, variant, match.group(1)))
    return found


def check_variants(
    docs_dir: str, languages: Iterable[str], pages: Iterable[tuple[str, str]], bank: Bank
) -> list[Problem]:
    page_list = list(pages)
    texts = {path: markdown for path, markdown in page_list}
    problems: list[Problem] = []
    for language in languages:
        glossary = texts.get(f"{docs_dir}/{language}/{GLOSSARY_PAGE}")
        variants = read_variants(glossary) if glossary else []
        if not variants:
            continue
        prefix = f"{docs_dir}/{language}/"
        for path, markdown in page_list:
            if not path.startswith(prefix) or path.endswith(f"/{GLOSSARY_PAGE}"):
                continue
            for line, variant, seen in find(variants, prose_lines(markdown), ignored(markdown)):
                problems.append(_problem(path, line, variant, seen))
        for quiz in bank.quizzes:
            lines = [
                (ref.lines.get(language, ref.line), ref.values[language])
                for ref in quiz.texts
                if ref.values.get(language)
            ]
            for line, variant, seen in find(variants, lines, set()):
                problems.append(_problem(quiz.path, line, variant, seen))
    return problems


def _problem(path: str, line: int, variant: Variant, seen: str) -> Problem:
    return error(
        path,
        line,
        "G001",
        f"'{seen}' is a form the course does not use: write '{variant.preferred}'",
        f"the glossary's list of forms to avoid; quoting it on purpose: <!-- glosarium: abaikan {variant.form} -->",
    )

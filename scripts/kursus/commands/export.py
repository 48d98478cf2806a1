"""``kursus export``: the question bank for learning-management systems (Moodle GIFT)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..atomic import replacing
from ..export.gift import gift_bank
from ..problems import as_text, summary
from ..project import ProjectError, load_project
from ..quiz.render import Renderer
from ..ui import UiStringsError, load_strings
from ..validation import validate

COURSE = "Kursus Konselor"
FILE_NAME = "bank-soal.gift"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="write the question bank for a learning-management system (Moodle GIFT)",
        description=(
            "Write every question of every module in one language, one category per module, after the "
            "course's checks pass. 'gift' writes dist/<language>/bank-soal.gift for Moodle's GIFT import and "
            "lists what GIFT cannot carry as it is (ordering as matching, scenario case texts repeated, "
            "reflective questions as essays, hints in the general feedback)."
        ),
    )
    p.add_argument("format", choices=("gift",), help="the export format")
    p.add_argument("--language", metavar="LANG", help="the language of the texts (default: the course's source)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help=f"where to write (default: dist/LANG/{FILE_NAME})")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        project = load_project(args.root)
        language = args.language or project.default_language
        if language not in project.languages:
            print(
                f"kursus export: --language {language}: the course has {', '.join(project.languages)}",
                file=sys.stderr,
            )
            return 2
        strings = load_strings(project.ui_strings)
        course, problems = validate(project)
        bank = course.bank
    except ProjectError as exc:
        print(f"kursus export: {exc}", file=sys.stderr)
        return 2
    except UiStringsError as exc:
        print(f"kursus export: {exc}", file=sys.stderr)
        return 1
    errors = [p for p in problems if p.is_error]
    if errors:  # never export a bank the checker refuses: the same rule as the build
        for line in as_text(errors):
            print(line, file=sys.stderr)
        print(f"kursus export: nothing written; {summary(errors, course.files)}", file=sys.stderr)
        return 1
    exported = gift_bank(bank, Renderer.for_course(bank, project, language, strings), COURSE)
    target = args.output or project.root / "dist" / language / FILE_NAME
    with replacing(target) as temp:
        temp.write_text(exported.text, encoding="utf-8")
    shown = target.relative_to(project.root) if target.is_relative_to(project.root) else target
    categories = "category" if exported.categories == 1 else "categories"
    print(f"wrote {shown}: {exported.questions} questions in {exported.categories} {categories}")
    if exported.degraded:
        print("degraded (GIFT cannot carry these as they are):")
        for line in exported.report():
            print(f"  {line}")
    if exported.fell_back:
        print("not yet translated (each question given whole in its fallback language, never mixed):")
        for line in exported.fallback_report(language):
            print(f"  {line}")
    return 0

"""``kursus export``: the course for learning-management systems, one entry of ``FORMATS`` per format.

A format is a name, a one-line description and a function that writes it for one language and says
what it wrote. ``kursus export`` alone (or ``all``) writes every format for every language of the course
into dist/<language>/; the course's checks run once, first, and nothing is written if they find errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import replacing
from ..export.gift import gift_bank
from ..export.moodle_xml import moodle_bank
from ..problems import as_text, summary
from ..project import Project, ProjectError, load_project
from ..quiz.bank import Bank
from ..quiz.render import Renderer
from ..ui import UiStringsError, load_strings
from ..validation import validate
from ._export_scorm import run as run_scorm

COURSE = "Kursus Konselor"
ALL = "all"
SCORM = "scorm"  # a package of the whole learner site, not a question bank: see _export_scorm.py


@dataclass
class Job:
    """What every format needs: the course, its checked question bank and interface strings."""

    project: Project
    bank: Bank
    strings: dict[str, dict[str, str]]

    def renderer(self, language: str) -> Renderer:
        """Texts in ``language``, falling back like the website."""
        return Renderer.for_course(self.bank, self.project, language, self.strings)


@dataclass
class Written:
    """One file written: where, a summary, and what the format could not carry as it is."""

    path: Path
    summary: str
    degraded: list[str] = field(default_factory=list)
    fell_back: list[str] = field(default_factory=list)  # questions given whole in a fallback language


@dataclass(frozen=True)
class Format:
    name: str  # on the command line
    label: str  # in messages
    description: str
    file_name: str  # in dist/<language>/
    write: Callable[[Job, str, Path], Written]  # (job, language, target) -> what was written


def write_text(target: Path, text: str) -> None:
    with replacing(target) as temp:
        temp.write_text(text, encoding="utf-8")


def counted(questions: int, categories: int) -> str:
    return f"{questions} questions in {categories} {'category' if categories == 1 else 'categories'}"


def write_gift(job: Job, language: str, target: Path) -> Written:
    bank = gift_bank(job.bank, job.renderer(language), COURSE)
    write_text(target, bank.text)
    fell_back = bank.fallback_report(language) if bank.fell_back else []
    return Written(target, counted(bank.questions, bank.categories), bank.report(), fell_back)


def write_moodle_xml(job: Job, language: str, target: Path) -> Written:
    bank = moodle_bank(job.bank, job.renderer(language), COURSE)
    write_text(target, bank.text)
    return Written(target, counted(bank.questions, bank.categories), bank.report())


FORMATS = (
    Format(
        "gift",
        "GIFT",
        "the question bank in Moodle GIFT: ordering as matching, scenario case texts repeated, reflective "
        "questions as essays, hints in the general feedback",
        "bank-soal.gift",
        write_gift,
    ),
    Format(
        "moodle-xml",
        "Moodle XML",
        "the question bank in Moodle XML, with marks, hints, per-option feedback and shuffling: ordering as "
        "matching, reflective questions as essays",
        "bank-soal.xml",
        write_moodle_xml,
    ),
)
BY_NAME = {f.name: f for f in FORMATS}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listed = "; ".join(f"'{f.name}': {f.description} (dist/LANG/{f.file_name})" for f in FORMATS)
    p = sub.add_parser(
        "export",
        help="write the course for a learning-management system (Moodle GIFT, Moodle XML, SCORM 1.2)",
        description=(
            "Write the course for a learning-management system into dist/LANG/ after the course's checks "
            f"pass, and list what each format cannot carry as it is. {listed}. Without a format (or with "
            "'all'), every format for every language of the course."
        ),
    )
    p.add_argument(
        "format", nargs="?", default=ALL, choices=(*BY_NAME, SCORM, ALL), help="the export format (default: all)"
    )
    p.add_argument("--language", metavar="LANG", help="the language of the texts (default: every language)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="where to write (one format, one language)")
    p.set_defaults(run=run)


def fail(message: str, status: int = 1) -> int:
    print(f"kursus export: {message}", file=sys.stderr)
    return status


def run(args: argparse.Namespace) -> int:
    if args.format == SCORM:  # the learner's site as a SCORM 1.2 package: _export_scorm.py
        return scorm_packages(args, None)
    formats = FORMATS if args.format == ALL else (BY_NAME[args.format],)
    try:
        project = load_project(args.root)
        languages = [args.language] if args.language else list(project.languages)
        if args.language and args.language not in project.languages:
            return fail(f"--language {args.language}: the course has {', '.join(project.languages)}", 2)
        if args.output and (len(formats) > 1 or not args.language):
            return fail("-o/--output needs one format and --language (it names one file)", 2)
        if args.output and project.source_of(args.output):
            return fail(overwrites_source(args.output, project), 2)
        strings = load_strings(project.ui_strings)
        course, problems = validate(project)
    except ProjectError as exc:
        return fail(str(exc), 2)
    except UiStringsError as exc:
        return fail(str(exc))
    errors = [p for p in problems if p.is_error]
    if errors:  # never export a bank the checker refuses: the same rule as the build
        for line in as_text(errors):
            print(line, file=sys.stderr)
        return fail(f"nothing written; {summary(errors, course.files)}")
    job = Job(project, course.bank, strings)
    for form in formats:
        for language in languages:
            target = args.output or project.root / "dist" / language / form.file_name
            try:
                written = form.write(job, language, target)
            except OSError as exc:
                return fail(f"cannot write {shown(project, target)}: {exc.strerror or exc}")
            print(f"wrote {shown(project, written.path)}: {written.summary}")
            if written.degraded:
                print(f"  degraded ({form.label} cannot carry these as they are):")
                print("\n".join(f"    {line}" for line in written.degraded))
            if written.fell_back:
                print("  not yet translated (each question given whole in its fallback language, never mixed):")
                print("\n".join(f"    {line}" for line in written.fell_back))
    if args.format == ALL:  # the SCORM package builds the learner's site: once per language, after the banks
        return scorm_packages(args, languages)
    return 0


def scorm_packages(args: argparse.Namespace, languages: list[str] | None) -> int:
    """One SCORM package per language: --language's, or (like the banks) every language of the course."""
    if args.language:
        return run_scorm(args)
    if args.output:
        return fail("-o/--output needs --language (it names one package)", 2)
    if languages is None:
        try:
            languages = list(load_project(args.root).languages)
        except ProjectError as exc:
            return fail(str(exc), 2)
    for language in languages:
        status = run_scorm(argparse.Namespace(**{**vars(args), "language": language, "output": None}))
        if status:
            return status
    return 0


def overwrites_source(output: Path, project: Project) -> str:
    source = project.source_of(output)
    assert source is not None
    where = shown(project, source)
    return f"-o {output}: it is in the course's own {where}, which the export must not replace; write to dist/"


def shown(project: Project, path: Path) -> str:
    return str(path.relative_to(project.root) if path.is_relative_to(project.root) else path)

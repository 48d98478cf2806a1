"""``kursus check``: the quiz checker."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..problems import as_github, as_json, as_text, summary
from ..project import ProjectError
from ..quiz.bank import display_path, quiz_files
from ..validation import validate
from ._common import fail, project_of

COMMAND = "kursus check"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check",
        help="validate every quiz file and the quiz markers in the pages",
        description=(
            "Validate the question bank (quizzes/*.yml) and the markers that place questions in pages. "
            "Prints every problem as 'path:line: CODE message (hint)', then a summary. A file that cannot be "
            "read (Q001-Q003) comes first, with the count of problems that follow from it (markers pointing "
            "to its questions, its ids missing from the register); --all lists them under it. "
            "Exit status: 0 clean (warnings allowed), 1 errors found, 2 usage error."
        ),
    )
    p.add_argument("files", nargs="*", type=Path, help="only report problems in these quiz files (default: all)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--min-options", type=int, metavar="N", help="fewest options a choice question may have")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors (as the build does)")
    p.add_argument("--all", action="store_true", help="also list the problems that follow from an unreadable file")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(COMMAND, args.root)
    if project is None:
        return 2
    settings = project.settings
    if args.min_options is not None:
        settings.min_options = args.min_options
    paths = quiz_files(project.quizzes_dir)
    wanted: set[str] | None = None
    if args.files:
        given = [f if f.is_absolute() else Path.cwd() / f for f in args.files]
        paths = sorted({*paths, *given})
        wanted = {display_path(p, project.root) for p in given}
    try:
        course, problems = validate(project, paths, settings)
    except ProjectError as exc:
        return fail(COMMAND, exc)
    if wanted is not None:
        problems = [p for p in problems if p.path in wanted]
    checked = len(wanted) if wanted is not None else course.files
    if args.format == "json":
        print(as_json(problems, checked))
    else:
        if os.environ.get("GITHUB_ACTIONS") == "true":
            lines = as_github(problems)
        else:
            lines = as_text(problems, follow_ons=args.all)
        for line in lines:
            print(line)
        print(summary(problems, checked, all_shown=args.all))
    failing = [p for p in problems if p.is_error or args.strict]
    return 1 if failing else 0

"""``kursus codes``: the table of problem codes, and the guides' code lists generated from it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..atomic import write_text
from ..problemcodes import CODES, GuideError, guides, read_guide, stale_guides, updated
from ._common import fail

COMMAND = "kursus codes"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "codes",
        help="list every problem code; regenerate the code lists in the guides (--write) or check them (--check)",
        description=(
            "Print every problem code the checks report (code, severity, guide, meaning), from the one table "
            "in scripts/kursus/problemcodes.yml. --write rewrites the generated code lists in "
            "docs/<lang>/panduan/penulis-kuis.md and penerjemah.md; --check exits 1 when they are out of date."
        ),
    )
    action = p.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="rewrite the guides' code lists from the table")
    action.add_argument("--check", action="store_true", help="exit 1 when a guide's code list is out of date")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        if args.check:
            stale = stale_guides(args.root)
            for path in stale:
                print(f"{path}:1: its problem code list is out of date; run 'kursus codes --write'", file=sys.stderr)
            return 1 if stale else 0
        if args.write:
            return _write(args.root)
    except GuideError as exc:
        return fail(COMMAND, exc, 1)
    for code in CODES:
        print(f"{code.code}  {code.severity.value:<7}  {code.guide:<12}  {code.meaning[1]}")
    return 0


def _write(root: Path) -> int:
    """Every guide is read and updated first, then written: a guide that cannot be read changes none."""
    changed = []
    for guide, language, path in guides(root):
        text = read_guide(path)
        new = updated(text, guide, language)
        if new is None:
            return fail(COMMAND, f"{path}:1: no generated code list section; nothing was written", 1)
        if new != text:
            changed.append((path, new))
    for path, new in changed:
        write_text(path, new)
        print(f"updated {path}")
    return 0

"""``kursus``: the course's command line. Each subcommand lives in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .commands import build as build_cmd
from .commands import check as check_cmd

COMMANDS = (check_cmd, build_cmd)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="kursus",
        description="Tools for Kursus Konselor: check quizzes, build and package the course.",
        epilog="Run 'kursus COMMAND --help' for the options of a command.",
    )
    main.add_argument("--version", action="version", version=f"kursus {__version__}")
    main.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the course folder holding mkdocs.yml (default: here)"
    )
    sub = main.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(sub)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("kursus: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

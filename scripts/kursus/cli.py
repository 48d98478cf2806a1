"""``kursus``: the course's command line. Each subcommand lives in its own module."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, commands


def command_modules() -> list[str]:
    """Every module in kursus/commands is a subcommand: adding a file adds a command."""
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_"))


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
    for name in command_modules():
        importlib.import_module(f"{commands.__name__}.{name}").register(sub)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("kursus: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `kursus check | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())

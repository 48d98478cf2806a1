"""``kursus build``: build every language into ``site/`` and package ``dist/…zip``."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .. import __version__
from ..packaging import OPEN_ME_FIRST, make_zip


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "build",
        help="build the course (all languages) and the offline zip",
        description=(
            "Build the course with MkDocs in strict mode (every warning fails the build), write site/, "
            "then package dist/kursus-konselor-<version>.zip for offline use. site/ is replaced only "
            "when the build succeeds."
        ),
    )
    p.add_argument("--site-dir", type=Path, default=None, help="where to write the site (default: site/)")
    p.add_argument("--dist-dir", type=Path, default=None, help="where to write the zip (default: dist/)")
    p.add_argument("--no-zip", action="store_true", help="skip the zip package")
    p.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    p.set_defaults(run=run)


def build_site(root: Path, site_dir: Path) -> None:
    """Build into a temporary folder beside ``site_dir`` and swap it in on success."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(temp))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        if site_dir.exists():
            shutil.rmtree(site_dir)
        temp.rename(site_dir)
    finally:
        if temp.exists():
            shutil.rmtree(temp)


def run(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    root: Path = args.root
    site_dir = (args.site_dir or root / "site").resolve()
    dist_dir = (args.dist_dir or root / "dist").resolve()
    _log_to_terminal(args.quiet)
    started = time.perf_counter()
    print(f"==> Building Kursus Konselor {__version__} (all languages, strict)", flush=True)
    try:
        build_site(root, site_dir)
    except MkDocsException as exc:
        print(f"kursus build: {exc}", file=sys.stderr)
        print("kursus build: nothing was written; fix the problems above and run again", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kursus build: {exc}", file=sys.stderr)
        return 1
    print(f"==> Site built in {time.perf_counter() - started:.1f} s: {site_dir}", flush=True)
    if not args.no_zip:
        package = make_zip(site_dir, dist_dir, __version__)
        size = package.stat().st_size / 1_000_000
        print(f"==> Offline package ({size:.1f} MB): {package}")
        print(f"    Unzip it and open {OPEN_ME_FIRST} (open me first).")
    print(f"==> Open the course in a browser: {(site_dir / 'index.html').as_uri()}")
    return 0


def _log_to_terminal(quiet: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if any(getattr(h, "_kursus", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler._kursus = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)

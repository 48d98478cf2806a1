"""``kursus build``: build every language into ``site/`` and package ``dist/…zip``."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .. import __version__
from ..atomic import folder_mode, folder_of, said
from ..audience import LEARNER, TRAINER
from ..packaging import (
    OPEN_ME_FIRST,
    PARTICIPANTS_FOLDER,
    learner_package_name,
    make_zip,
    print_pack,
    trainer_package_name,
)
from ..project import ProjectError, load_project
from ..translations.layout import load_layout
from ..zim import course_info, write_zim
from ._common import fail, stop

COMMAND = "kursus build"

BUILT_SITE = ("sitemap.xml", "index.html")  # a folder holding one of these is an earlier build
AUDIENCE_VARIABLE = "KURSUS_AUDIENCE"  # read by mkdocs.yml: audience: !ENV [KURSUS_AUDIENCE, trainer]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "build",
        help="build the course (all languages) and the offline zip",
        description=(
            "Build the course with MkDocs in strict mode (every warning fails the build) and write site/ "
            "(every page, for hosting and for trainers). Then build the learner's edition, without "
            "facilitator notes, answer keys or role-play briefs, and package it as "
            "dist/kursus-konselor-<version>.zip for participants, and as dist/kursus-konselor-<version>.zim for "
            "Kiwix (phones and tablets); and package the full site with the "
            "print pack found in dist/ (run 'kursus print' first) as "
            "dist/kursus-konselor-pelatih-<version>.zip for trainers. site/ and each zip are replaced only "
            "when they are complete."
        ),
    )
    p.add_argument("--site-dir", type=Path, default=None, help="where to write the site (default: site/)")
    p.add_argument("--dist-dir", type=Path, default=None, help="where to write the zip (default: dist/)")
    p.add_argument("--no-zip", action="store_true", help="skip the learner's and the trainer's zip packages")
    p.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    p.set_defaults(run=run)


def build_site(root: Path, site_dir: Path, audience: str = TRAINER) -> None:
    """Build into a temporary folder beside ``site_dir`` and swap it in on success."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    os.chmod(temp, folder_mode())
    before = os.environ.get(AUDIENCE_VARIABLE)
    try:
        os.environ[AUDIENCE_VARIABLE] = audience
        try:
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(temp))
        finally:
            if before is None:
                os.environ.pop(AUDIENCE_VARIABLE, None)
            else:
                os.environ[AUDIENCE_VARIABLE] = before
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


def not_replaceable(site_dir: Path, root: Path) -> str | None:
    """Why the build must not replace ``site_dir``, or None: the build deletes whatever was there, so
    '--site-dir docs' or '--site-dir .' would delete the course. A folder of an earlier build (it has
    sitemap.xml, which MkDocs always writes), an empty folder or a new one is fine."""
    if site_dir == root or site_dir in root.parents:
        return "it holds the course itself, which the build would delete"
    built = any((site_dir / name).is_file() for name in BUILT_SITE)
    if site_dir.is_dir() and any(site_dir.iterdir()) and not built:
        return (
            "it holds files but no built site (no sitemap.xml or index.html), and the build replaces the whole folder; "
            "give a new or empty folder, or the site folder of an earlier build"
        )
    return None


def run(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    root: Path = args.root
    try:
        site_dir = folder_of(args.site_dir or root / "site").resolve()
        dist_dir = folder_of(args.dist_dir or root / "dist").resolve()
    except OSError as exc:
        return fail(COMMAND, f"cannot write {said(exc)}")
    refused = not_replaceable(site_dir, root.resolve())
    if refused:
        return fail(COMMAND, f"--site-dir {site_dir}: {refused}; nothing was written")
    try:
        # Through our limits first: MkDocs' loader has none, and a hostile mkdocs.yml would hang it.
        project = load_project(root)
    except ProjectError as exc:
        return stop(COMMAND, [exc], "nothing was written; fix the problem above and run again", status=2)
    source = project.source_of(site_dir)
    if source is not None:
        # The next build would read the built site as course pages, quizzes or theme files.
        return fail(
            COMMAND,
            f"--site-dir {site_dir}: it is in the course's own {source.relative_to(root)}, which the next build "
            "would read as part of the course; give a folder outside it, such as site/; nothing was written",
        )
    _log_to_terminal(args.quiet)
    started = time.perf_counter()
    print(f"==> Building Kursus Konselor {__version__} (all languages, strict)", flush=True)
    try:
        build_site(root, site_dir)
    except MkDocsException as exc:
        return stop(COMMAND, [exc], "nothing was written; fix the problems above and run again")
    except OSError as exc:
        return fail(COMMAND, said(exc), 1)
    print(f"==> Site built in {time.perf_counter() - started:.1f} s: {site_dir}", flush=True)
    if not args.no_zip:
        try:
            _packages(root, site_dir, dist_dir)
        except MkDocsException as exc:
            return fail(COMMAND, f"the learner's edition: {exc}", 1)
        except OSError as exc:
            return fail(COMMAND, said(exc), 1)
    print(f"==> Open the course in a browser: {(site_dir / 'index.html').as_uri()}")
    return 0


def _packages(root: Path, site_dir: Path, dist_dir: Path) -> None:
    dist_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print("==> Building the learner's edition (no facilitator notes or answer keys)", flush=True)
    with tempfile.TemporaryDirectory(prefix=".learner-", dir=dist_dir) as temp:
        learner_site = Path(temp) / "site"
        build_site(root, learner_site, LEARNER)
        package = make_zip(learner_site, dist_dir, learner_package_name(__version__))
        size = package.stat().st_size / 1_000_000
        print(f"==> Learner package ({size:.1f} MB, {time.perf_counter() - started:.1f} s): {package}")
        print(f"    For participants: unzip it and open {OPEN_ME_FIRST} (open me first).", flush=True)
        languages = load_layout(root).languages
        zim = write_zim(
            learner_site, dist_dir / f"{learner_package_name(__version__)}.zim", course_info(__version__, languages)
        )
    print(f"==> ZIM file for Kiwix on phones ({zim.stat().st_size / 1_000_000:.1f} MB): {zim}")
    pdfs = print_pack(dist_dir)
    for_participants = [(path, f"{PARTICIPANTS_FOLDER}/{path.name}") for path in (package, zim)]
    trainer = make_zip(site_dir, dist_dir, trainer_package_name(__version__), extra=pdfs + for_participants)
    size = trainer.stat().st_size / 1_000_000
    note = f"with {len(pdfs)} PDFs" if pdfs else "no PDFs yet: run 'make print' to add the print pack"
    print(f"==> Trainer package ({size:.1f} MB, {note}): {trainer}")


def _log_to_terminal(quiet: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if any(getattr(h, "_kursus", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler._kursus = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)

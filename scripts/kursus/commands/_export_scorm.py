"""``kursus export scorm``: the learner's edition as a SCORM 1.2 package for one language."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from .. import __version__
from ..atomic import said, target_of
from ..audience import LEARNER
from ..export.scorm import ScormError, manifest_xml, package_name, quiz_pages, scos, site_files, write_package
from ..problems import as_text, summary
from ..project import Project, ProjectError, load_project, plugin_config
from ..quiz.modules import label
from ..validation import validate

NO_QUIZ_PAGE = "M003"  # the checker's code: a module has no page with its whole quiz


def item_title(module: str, title: dict[str, str], language: str, fallback: str) -> str:
    """ "5. Bimbingan Karier Kaum Muda" for a module; a pre- or post-course check by its title alone."""
    text = title.get(language) or title.get(fallback, module)
    return f"{label(module)}. {text}" if label(module) else text


def run(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from .build import build_site
    from .export import overwrites_source

    try:
        project = load_project(args.root)
        language = args.language or project.default_language
        if language not in project.languages:
            print(
                f"kursus export: --language {language}: the course has {', '.join(project.languages)}",
                file=sys.stderr,
            )
            return 2
        if args.output and project.source_of(args.output):
            print(f"kursus export: {overwrites_source(args.output, project)}", file=sys.stderr)
            return 2
        course, problems = validate(project)
    except ProjectError as exc:
        print(f"kursus export: {exc}", file=sys.stderr)
        return 2
    # A module without the page holding its whole quiz is only a warning for the site, but an LMS item
    # needs that page: it is what reports the score.
    errors = [p for p in problems if p.is_error or p.code == NO_QUIZ_PAGE]
    if errors:  # the same rule as the build: never package a course the checker refuses
        for line in as_text(errors):
            print(line, file=sys.stderr)
        if any(p.code == NO_QUIZ_PAGE for p in errors):
            print(f"kursus export: SCORM needs each module's whole quiz on a page ({NO_QUIZ_PAGE})", file=sys.stderr)
        print(f"kursus export: nothing written; {summary(errors, course.files)}", file=sys.stderr)
        return 1
    fallback = project.default_language
    modules = [(quiz.module, item_title(quiz.module, quiz.title, language, fallback)) for quiz in course.bank.quizzes]
    dist = project.root / "dist"
    try:  # before the learner's site is built, which takes a while
        target = target_of(args.output or dist / f"{package_name(__version__, language)}.zip")
    except OSError as exc:
        print(f"kursus export: nothing written; cannot write {said(exc)}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    print("==> Building the learner's edition (no facilitator notes or answer keys)", flush=True)
    dist.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix=".scorm-", dir=dist) as temp:
            site = Path(temp) / "site"
            build_site(project.root, site, LEARNER)
            others = [lang for lang in project.languages if lang != project.default_language]
            items = scos(modules, quiz_pages(site, language, project.default_language, others))
            files = site_files(site)
            identifier = package_name(__version__, language)
            manifest = manifest_xml(
                identifier, __version__, site_name(project, language), items, files, project.kursus.pass_mark
            )
            write_package(target, manifest, site, files)
    except ScormError as exc:
        print(f"kursus export: nothing written; {exc}", file=sys.stderr)
        return 1
    except MkDocsException as exc:
        print(f"kursus export: the learner's edition: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kursus export: {said(exc)}", file=sys.stderr)
        return 1
    shown = target.relative_to(project.root) if target.is_relative_to(project.root) else target
    size = target.stat().st_size / 1_000_000
    print(
        f"wrote {shown} ({size:.1f} MB, {time.perf_counter() - started:.1f} s): SCORM 1.2, {len(items)} "
        f"{'module' if len(items) == 1 else 'modules'}, "
        f"each reporting its quiz score; mastery score {project.kursus.pass_mark} %"
    )
    return 0


def site_name(project: Project, language: str) -> str:
    """The site's name in ``language`` (static-i18n's per-language ``site_name``), else mkdocs.yml's."""
    default = str(project.config.get("site_name") or "Kursus Konselor")
    for entry in (plugin_config(project.config, "i18n") or {}).get("languages") or []:
        if isinstance(entry, dict) and entry.get("locale") == language and entry.get("site_name"):
            return str(entry["site_name"])
    return default

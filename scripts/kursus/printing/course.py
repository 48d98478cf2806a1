"""What printing needs from a course checkout, loaded and checked once: the project's folders and
languages, the question bank (it must pass the checker, as for the website), the interface strings and
the site's Markdown extensions, all read from the places the website build reads them."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from .. import __version__, abbreviations
from ..problems import Problem
from ..project import Project, ProjectError, load_project
from ..quiz.bank import Bank
from ..quiz.modules import form
from ..quiz.render import Renderer, Strings
from ..ui import UiStringsError, interface_fallbacks, load_strings, translator
from ..validation import validate
from .pages import PagePrinter
from .paper import PaperRenderer

MODULE_DIR = re.compile(r"^modul-(\d{2})$")


class CourseError(Exception):
    """The course cannot be read for printing; the message is ``path:line: what and how to fix it``."""


@dataclass
class Source:
    path: Path
    language: str  # the language the page is written in (the default language when not translated yet)


@dataclass
class Course:
    project: Project
    bank: Bank
    strings: dict[str, dict[str, str]]
    pages: PagePrinter
    site_names: dict[str, str]
    copyright: str
    abbreviations: str  # path pattern with {language}, relative to the root
    version: str = __version__

    @property
    def default_language(self) -> str:
        return self.project.default_language

    def t(self, language: str) -> Strings:
        via = interface_fallbacks(
            language, self.default_language, self.project.complete_languages, self.project.fallbacks
        )
        return translator(self.strings, language, self.default_language, via)

    def renderer(self, language: str) -> Renderer:
        return Renderer.for_course(self.bank, self.project, language, self.strings)

    def paper(self, language: str) -> PaperRenderer:
        return PaperRenderer(self.renderer(language))

    def site_name(self, language: str) -> str:
        return self.site_names.get(language) or self.site_names.get(self.default_language, "")

    def modules(self) -> list[str]:
        """Module ids (``m01`` …) that have a quiz or a folder of pages, in order."""
        found = {quiz.module for quiz in self.bank.quizzes if not form(quiz.module)}  # the pre/post checks: no pages
        folder = self.project.docs_dir / self.default_language
        if folder.is_dir():
            found |= {f"m{m.group(1)}" for p in folder.iterdir() if p.is_dir() and (m := MODULE_DIR.match(p.name))}
        return sorted(found)

    def source(self, language: str, path: str) -> Source | None:
        """A page of ``language``, or the default language's page when it isn't translated yet (as the
        website does), or None when the page doesn't exist."""
        for lang in dict.fromkeys([language, self.default_language]):
            candidate = self.project.docs_dir / lang / path
            if candidate.is_file():
                return Source(candidate, lang)
        return None

    def markdown(self, source: Source) -> str:
        return source.path.read_text(encoding="utf-8")

    def glossary(self, language: str) -> dict[str, str]:
        """The language's abbreviations, as the website gives them to the abbr extension."""
        return abbreviations.load(self.project.root, self.abbreviations, language)


def load_course(root: Path) -> tuple[Course | None, list[Problem]]:
    """The course, or None and the checker's problems when the question bank has errors.

    Raises ``CourseError`` when mkdocs.yml or the interface strings can't be read."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        project = load_project(root)
    except ProjectError as exc:
        raise CourseError(str(exc)) from None
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # config loading chatter is not ours to show
    try:
        config = load_config(str(root / "mkdocs.yml"))
    except MkDocsException as exc:
        raise CourseError(f"{root / 'mkdocs.yml'}:1: {exc}") from None
    finally:
        logger.setLevel(level)
    try:
        strings = load_strings(project.ui_strings)
    except UiStringsError as exc:
        raise CourseError(str(exc)) from None

    try:
        read, problems = validate(project)  # the checks the build runs, translations included
    except ProjectError as exc:
        raise CourseError(str(exc)) from None
    if any(p.is_error for p in problems):
        return None, problems
    bank = read.bank

    site_names = {project.default_language: str(config.site_name)}
    i18n = getattr(config.plugins.get("i18n"), "config", None)
    for language in getattr(i18n, "languages", None) or []:
        if getattr(language, "site_name", None):
            site_names[str(language.locale)] = str(language.site_name)
    course = Course(
        project=project,
        bank=bank,
        strings=strings,
        pages=PagePrinter(list(config.markdown_extensions), dict(config.mdx_configs)),
        site_names=site_names,
        copyright=str(config.copyright or ""),
        abbreviations=project.kursus.abbreviations,
    )
    return course, problems

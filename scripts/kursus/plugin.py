"""The MkDocs plugin: validates the course, places quizzes in pages, splits search per language.

Hooks stay thin: the work is done by functions in this package that the CLI uses too. static-i18n
runs the build once per language, so every hook is safe to run again. The course checks run beside
the rendering (background.py) and stop the build at its end, before anything is swapped into site/.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import abbreviations, pagescripts
from .audience import LEARNER, is_trainer_only, learner_nav, page_path, unlink_trainer_pages
from .background import Background
from .problems import Problem, as_text
from .progress import manifest, progress_table, statement_block
from .project import ProjectError, load_project
from .quiz.bank import Bank
from .quiz.markers import MARKER
from .quiz.render import Renderer
from .searchindex import write_language_indexes
from .settings import KursusConfig
from .translations.layout import Layout, layout_of
from .translations.sitepage import TranslationSite
from .ui import UiStringsError, for_browser, interface_fallbacks, load_strings, translator
from .validation import Findings, check, read
from .webapp import AppLanguage, write_web_app

log = logging.getLogger("mkdocs.plugins.kursus")

UNUSED_LUNR = ("assets/javascripts/lunr/",)
PROGRESS_MARKER = re.compile(r"<!--\s*kemajuan\s*-->")
STATEMENT_MARKER = re.compile(r"<!--\s*pernyataan\s*-->")  # the completion statement (progress page)
ABBREVIATIONS = "kursus.abbreviations"  # a Markdown extension, loaded by module name
SLOT = re.compile(r"<!--kk-slot:(\d+)-->")


class KursusPlugin(BasePlugin[KursusConfig]):
    def __init__(self) -> None:
        self.bank = Bank()
        self.strings: dict[str, dict[str, str]] = {}
        self.language = "id"
        self.default_language = "id"
        self.languages: list[str] = []
        self.root = Path.cwd()
        self.checked_for: object = None
        self.translation: TranslationSite | None = None
        self.t = translator({}, "id", "id")
        self.renderer = Renderer(self.bank, "id", "id", self.t)
        self.found: list[Problem] = []
        self.parked: dict[str, list[str]] = {}
        self.page_classes: dict[str, frozenset[str]] = {}  # page -> what decides its scripts (pagescripts.py)
        self.checks: Background[Findings] | None = None
        self.findings: Findings | None = None
        self.reported = False
        self.layout: Layout | None = None
        self.directory_urls = False
        self.command = "build"
        self.builds_running = 0  # static-i18n builds the other languages inside the default one's build
        self.site_names: dict[str, str] = {}  # each language pass's site name (the web app's names)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.builds_running += 1

    @property
    def web_app(self) -> bool:
        """Live previews reload pages as files change: a cache in between would show old pages."""
        return self.config.web_app and not self.for_learners and self.command != "serve"

    # Runs after static-i18n's on_config (-100), which sets the language of this pass.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.language = str(config.theme.get("language") or "id")
        self.default_language, self.languages = _i18n_languages(config, self.language)
        self.site_names[self.language] = config.site_name
        # Read and validate once per build command, not once per language pass.
        if self.checked_for is not config or not self.bank.quizzes:
            try:
                self.strings = load_strings(self.root / self.config.ui_strings)
            except UiStringsError as exc:
                raise PluginError(str(exc)) from None
            self._load_and_check(config)
            self.checked_for = config
        # One renderer per language pass, not one per page.
        via = interface_fallbacks(
            self.language, self.default_language, self.complete_languages, self.layout.fallbacks if self.layout else {}
        )
        self.t = translator(self.strings, self.language, self.default_language, via)
        chain = self.layout.chain(self.language) if self.layout else ()
        self.renderer = Renderer(self.bank, self.language, self.default_language, self.t, chain)
        if self.for_learners:
            config.nav = learner_nav(config.nav, self.config.trainer_only)
        if ABBREVIATIONS not in config.markdown_extensions:
            config.markdown_extensions.append(ABBREVIATIONS)
        config.mdx_configs[ABBREVIATIONS] = {
            "titles": abbreviations.load(self.root, self.config.abbreviations, self.language)
        }
        client = {
            "lang": self.language,
            "ui": for_browser(self.strings, self.language, self.default_language, via),
            "modules": manifest(self.bank, self.language, self.default_language),
            "app": {"default": self.default_language} if self.web_app else None,
            "passMark": self.config.pass_mark,  # pass dates on quiz pages; kursus-scorm.js without a mastery score
        }
        config.extra["kursus"] = {
            "language": self.language,
            "default_language": self.default_language,
            # Serialised once per language, not once per page (main.html puts it in every page).
            "client_json": htmlsafe_json_dumps(client, separators=(",", ":")),
        }
        return config

    @property
    def for_learners(self) -> bool:
        return self.config.audience == LEARNER

    @property
    def complete_languages(self) -> list[str]:
        return list(self.config.complete_languages) or self.languages

    def _load_and_check(self, config: MkDocsConfig) -> None:
        # The same reading and checks as 'kursus check' and 'kursus print' (validation.py).
        try:
            project = load_project(self.root)
            self.layout = layout_of(project)
        except ProjectError as exc:
            raise PluginError(str(exc)) from None
        course = read(project)
        self.found = course.problems
        self._close_background()
        self.findings, self.reported, self.translation = None, False, None
        self.checks = Background(check, self.root, course.bank, course.pages, project.settings)
        if self.checks.in_parallel:
            log.info("Checking quizzes, markers and translations on a second core while pages render")
        self.directory_urls = bool(config.use_directory_urls)
        if any(p.is_error for p in self.found):
            self._report()  # every problem at once, not only those that kept the bank from loading
        self.bank = course.bank

    def _findings(self) -> Findings:
        """What the checks found; waits for them if they are still running."""
        if self.findings is None:
            checks, self.checks = self.checks, None
            try:
                self.findings = checks.result() if checks is not None else Findings([], [])
            except ProjectError as exc:
                raise PluginError(str(exc)) from None
        return self.findings

    def _report(self) -> None:
        """Log the warnings and stop the build on errors, once per build."""
        if self.reported:
            return
        self.reported = True
        found = sorted([*self.found, *self._findings().problems])
        errors = [p for p in found if p.is_error]
        for line in as_text(p for p in found if not p.is_error):
            log.warning(line)
        if errors:
            raise PluginError(
                "The course checks found errors (run 'kursus check' for the full report):\n"
                + "\n".join(as_text(errors))
            )

    def _translation_site(self, layout: Layout) -> TranslationSite:
        # The checks find each language's translation status anyway: banners use theirs.
        if self.translation is None:
            self.translation = TranslationSite(layout, self._findings().translations, self.directory_urls)
        return self.translation

    def _close_background(self) -> None:
        if self.checks is not None:
            self.checks.close()
            self.checks = None

    def on_build_error(self, *, error: Exception) -> None:
        self._close_background()
        self.builds_running = 0

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        # MkDocs watches docs/ and mkdocs.yml; quizzes, theme overrides (our JS, CSS and interface
        # strings), abbreviations and translation records shape the pages too.
        watched = [self.root / self.config.quizzes_dir, self.root / self.config.abbreviations.format(language="x")]
        if config.theme.custom_dir:
            watched.append(Path(config.theme.custom_dir))
        if self.layout is not None:
            watched.append(self.layout.records(self.default_language))
        for path in watched:
            folder = path if path.is_dir() else path.parent
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["kk_without_alternate_links"] = without_alternate_links
        env.filters["kk_page_needs"] = self._page_needs
        return env

    # After static-i18n's on_files (-100), which makes this language pass's files.
    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # Source maps are for developers, and lunr's language packs are never loaded: every index
        # uses lunr's core (Indonesian relies on the stems field).
        for file in list(files):
            if (
                file.src_uri.endswith(".map")
                or file.src_uri.startswith(UNUSED_LUNR)
                or (self.for_learners and file.is_documentation_page() and self._trainer_only(file.src_uri))
            ):
                files.remove(file)
        # The interface strings sit in the theme folder but reach pages through the plugin.
        strings = self.root / self.config.ui_strings
        theme_dir = Path(config.theme.custom_dir or self.root / "overrides")
        if strings.is_relative_to(theme_dir):
            shipped = files.get_file_from_path(strings.relative_to(theme_dir).as_posix())
            if shipped is not None:
                files.remove(shipped)
        return files

    def _trainer_only(self, src_uri: str) -> bool:
        return is_trainer_only(page_path(src_uri, self.languages), self.config.trainer_only)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.for_learners:
            return markdown
        return unlink_trainer_pages(markdown, page_path(page.file.src_uri, self.languages), self.config.trainer_only)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        t, renderer = self.t, self.renderer
        # Quizzes, keys and progress tables are left out of search (data-search-exclude), yet Material's
        # search would still parse every tag of them (about 0.1 s a build): they go in as placeholders
        # that on_post_page replaces, after search has read the page.
        parked: list[str] = []

        def park(fragment: str) -> str:
            parked.append(fragment)
            return f"<!--kk-slot:{len(parked) - 1}-->"

        def replace(match: re.Match[str]) -> str:
            kind, ref = match.group(1), match.group(2)
            if kind == "kunci":
                if self.for_learners:
                    return ""  # answer keys are for trainers only
                quiz = self.bank.module(ref)
                return park(renderer.answer_key(quiz)) if quiz else match.group(0)
            placed = renderer.placed(ref)
            return park(placed) if placed else match.group(0)

        html = MARKER.sub(replace, html)

        def links(target: str) -> str:
            # ``target`` is inside the language folder: an English progress page links the English pages
            folder = f"{self.language}/" if page.file.url.startswith(f"{self.language}/") else ""
            return get_relative_url(folder + target, page.file.url)

        html = PROGRESS_MARKER.sub(
            lambda _: park(
                progress_table(self.bank, self.language, self.default_language, t, links, renderer.shown_in)
            ),
            html,
        )
        html = STATEMENT_MARKER.sub(
            lambda _: park(statement_block(self.bank, self.language, self.default_language, t, self.config.pass_mark)),
            html,
        )
        if self.layout is not None and TranslationSite.needed(html, self.language, self.layout):
            # static-i18n tells which language's file a page was built from (the source one on a fallback page).
            html = self._translation_site(self.layout).decorate(
                html,
                language=self.language,
                file_language=str(getattr(page.file, "locale", self.language)),
                rel=str(getattr(page.file, "norm_src_uri", page.file.src_uri)),
                url=page.file.url,
                t=t,
            )
        if parked:
            self.parked[page.file.src_uri] = parked
        self.page_classes[page.file.src_uri] = pagescripts.page_classes(html + "".join(parked))
        return html

    def _page_needs(self, script: object, page: Page | None) -> bool:
        """base.html's filter: whether ``page`` loads ``script`` (an extra_javascript entry)."""
        return pagescripts.needed(str(script), self.page_classes.get(page.file.src_uri) if page else None)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.page_classes.pop(page.file.src_uri, None)
        parked = self.parked.pop(page.file.src_uri, None)
        if not parked:
            return output
        return SLOT.sub(lambda m: parked[int(m.group(1))], output)

    # After static-i18n's final search index (-100, listed earlier) and before offline's (-100, listed later).
    @event_priority(-100)
    def _split_search(self, *, config: MkDocsConfig) -> None:
        self._report()
        write_language_indexes(Path(config.site_dir), self.default_language, self.languages)

    # After every plugin has written its files (offline's search_index.js too), so that the service
    # worker lists the site as served; once, at the end of the outermost build, which holds the others.
    @event_priority(-200)
    def _web_app(self, *, config: MkDocsConfig) -> None:
        self.builds_running = max(0, self.builds_running - 1)
        if self.web_app and self.builds_running == 0:
            languages = [
                AppLanguage(
                    code,
                    self.site_names.get(code, config.site_name),
                    "" if code == self.default_language else f"{code}/",
                )
                for code in self.languages
            ]
            write_web_app(Path(config.site_dir), languages)

    on_post_build = CombinedEvent(_split_search, _web_app)


_ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_alternate_links(head: str) -> Markup:
    """Drop <link rel=alternate> from the head: for each, Material requests a sitemap.xml beside the
    linked page, which fails from disk (file://) and 404s over HTTP. The visible language switcher
    (static-i18n) already links each page to its translation."""
    return Markup(_ALTERNATE_LINK.sub("", str(head)))


def _i18n_languages(config: MkDocsConfig, current: str) -> tuple[str, list[str]]:
    i18n = config.plugins.get("i18n")
    languages = getattr(getattr(i18n, "config", None), "languages", None) or []
    codes = [str(lang.locale) for lang in languages]
    default = next((str(lang.locale) for lang in languages if lang.default), current)
    return default, codes or [current]

"""The course's set-up, read once from its ``mkdocs.yml`` (the one place it is set) through MkDocs'
own YAML loader (``!ENV``, ``INHERIT``) and the plugin's typed settings. Every command reads it here;
the plugin gets the same settings from MkDocs."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load
from yaml.nodes import MappingNode, Node, ScalarNode

from .pagefiles import read_pages
from .problems import printable
from .quiz.checks import Settings
from .rawtext import RawTextError, read
from .settings import KursusConfig, validated
from .translations.fallback import read_fallbacks
from .yamlio import MAX_BYTES, MkdocsLoader, YamlLimitError, YamlSyntaxError, compose, node_line

# mkdocs.yml may use anchors (&name) and aliases; a few are fine, thousands are an attack.
_CONFIG_DEPTH_HINT = "mkdocs.yml needs a few levels only"
_CONFIG_ALIAS_HINT = "write the values out in full instead of through *aliases"
SOURCE_FOLDERS = ("overrides", "includes", "terjemahan")  # besides docs_dir and quizzes_dir
_MAX_INHERITED = 10  # INHERIT chains: a real course has one or two files


class ProjectError(Exception):
    """A problem with the project's own set-up, reported as ``path:line: message``."""


@dataclass
class Project:
    root: Path
    docs_dir: Path
    quizzes_dir: Path
    default_language: str
    languages: list[str]
    complete_languages: list[str]
    kursus: KursusConfig  # the plugin's settings, validated, defaults filled in (settings.py states them)
    language_names: dict[str, str] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=dict)  # the whole mkdocs.yml, for what only one reader needs

    @property
    def min_options(self) -> int:
        return self.kursus.min_options

    @property
    def pass_mark(self) -> int:
        return self.kursus.pass_mark

    # language -> where its missing texts come from (kursus plugin 'fallbacks'); see translations/fallback.py
    fallbacks: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def settings(self) -> Settings:
        return Settings(
            complete_languages=self.complete_languages,
            source_language=self.default_language,
            languages=self.languages,
            min_options=self.min_options,
        )

    @property
    def ui_strings(self) -> Path:
        return self.root / self.kursus.ui_strings

    def source_of(self, path: Path) -> Path | None:
        """The course's own file or folder that ``path`` is or lies in (pages, quizzes, mkdocs.yml, the
        interface strings, theme, registers, translation records), or None: an output must never replace one."""
        where = Path(os.path.realpath(path))
        for source in (
            self.root / "mkdocs.yml",
            self.ui_strings,
            self.docs_dir,
            self.quizzes_dir,
            *(self.root / folder for folder in SOURCE_FOLDERS),
        ):
            real = Path(os.path.realpath(source))
            if where == real or where.is_relative_to(real):
                return source
        return None

    def pages(self) -> list[tuple[str, str]]:
        """(path relative to the root, Markdown) of every readable page in every language."""
        return read_pages(self.root, self.docs_dir)[0]


def plugin_config(config: dict[str, Any], name: str) -> dict[str, Any] | None:
    for entry in config.get("plugins") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            options = entry[name]
            return dict(options) if isinstance(options, dict) else {}
    return None


def read_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it (environment variables, inherited files); tags that would run
    Python (``!!python/name``) are kept as text: their values do not matter to the checks."""
    path = root / "mkdocs.yml"
    preflight(path)
    try:
        with path.open("rb") as source:
            data = yaml_load(source, get_yaml_loader(MkdocsLoader))
    except FileNotFoundError:
        raise ProjectError(f"{path}:1: no mkdocs.yml here; run kursus from the course folder") from None
    except OSError as exc:
        raise ProjectError(f"{path}:1: cannot read mkdocs.yml: {exc.strerror or exc}") from None
    except ConfigurationError as exc:
        cause = exc.__context__
        mark = getattr(cause, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ProjectError(f"{path}:{line}: mkdocs.yml is not valid YAML: {printable(str(cause or exc))}") from None
    except (yaml.YAMLError, ValueError) as exc:  # a bad byte, or an inherited file MkDocs could not read
        raise ProjectError(f"{path}:1: mkdocs.yml is not valid YAML: {printable(str(exc))}") from None
    if not isinstance(data, dict):
        raise ProjectError(f"{path}:1: mkdocs.yml must be a mapping")
    return data


def preflight(path: Path) -> None:
    """Read mkdocs.yml, and each file it INHERITs, through the limits of every contributor's YAML
    (size, bad bytes, depth, aliases) before MkDocs' loader, which has none, sees it: an alias bomb or
    a NUL byte is then ``path:line: what is wrong (how to fix it)`` in milliseconds, not a hang or a
    message without a line. Tags such as ``!ENV`` are only composed here, so they keep working."""
    seen: list[Path] = []
    current = path
    while True:
        if not current.exists() and not current.is_symlink():
            if current == path:
                raise ProjectError(f"{path}:1: no mkdocs.yml here; run kursus from the course folder")
            return  # MkDocs names the missing inherited file itself
        try:
            text = read(current, MAX_BYTES)
        except OSError as exc:
            raise ProjectError(f"{current}:1: cannot read {current.name}: {exc.strerror or exc}") from None
        except RawTextError as exc:
            raise ProjectError(f"{current}:{exc.line}: {exc.message} ({exc.hint})") from None
        try:
            node = compose(text, _CONFIG_DEPTH_HINT, _CONFIG_ALIAS_HINT)
        except YamlLimitError as exc:
            raise ProjectError(f"{current}:{exc.line}: {exc.message} ({exc.hint})") from None
        except YamlSyntaxError as exc:
            said = printable(exc.message.removeprefix("YAML syntax: "))
            raise ProjectError(f"{current}:{exc.line}: {current.name} is not valid YAML: {said}") from None
        seen.append(Path(os.path.realpath(current)))
        inherited = _inherit(node)
        if inherited is None:
            return
        line, name = inherited
        # Relative to the file that names it, as MkDocs resolves it.
        target = Path(os.path.normpath(os.path.join(os.path.dirname(current), name)))
        if Path(os.path.realpath(target)) in seen or len(seen) >= _MAX_INHERITED:
            raise ProjectError(
                f"{current}:{line}: INHERIT: {printable(name)} leads back to a file already read "
                f"(or more than {_MAX_INHERITED} files deep); inherit from a file that inherits nothing"
            )
        current = target


def _inherit(node: Node | None) -> tuple[int, str] | None:
    """(line, file) of a top-level ``INHERIT: file``, if any."""
    if not isinstance(node, MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, ScalarNode) and key.value == "INHERIT" and isinstance(value, ScalarNode):
            return node_line(key), str(value.value)
    return None


def _setting_line(path: Path, setting: str) -> int:
    """The line where ``setting:`` is written (mkdocs.yml's loader keeps no lines), else 1."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    pattern = re.compile(rf"^\s*-?\s*{re.escape(setting)}\s*:")
    return next((n for n, line in enumerate(lines, start=1) if pattern.match(line)), 1)


def _must_be_folder(folder: Path, setting: str) -> None:
    """A file where the pages or quizzes should be: every command would otherwise find no page or no
    quiz and carry on (``ids --record`` said nothing, ``check`` passed). A missing folder is checked
    by the commands that need it."""
    if folder.is_dir() or not folder.exists():
        return
    what = "is a file" if folder.is_file() else "is a pipe, socket or device"
    raise ProjectError(
        f"{folder}: {what}, not a folder (it must hold the course's "
        f"{'pages' if setting == 'docs_dir' else 'quizzes'}; move it away, "
        f"or set {setting} in mkdocs.yml to the right folder)"
    )


def load_project(root: Path) -> Project:
    config = read_config(root)
    path = root / "mkdocs.yml"
    i18n = plugin_config(config, "i18n") or {}
    languages = [lang for lang in i18n.get("languages") or [] if isinstance(lang, dict) and "locale" in lang]
    default = next((str(lang["locale"]) for lang in languages if lang.get("default")), "id")
    kursus, wrong = validated(plugin_config(config, "kursus") or {}, str(path))
    if wrong:
        setting, message = wrong[0]
        raise ProjectError(
            f"{path}:{_setting_line(path, setting)}: kursus setting '{printable(setting)}': {printable(message)}"
        )
    codes = [str(lang["locale"]) for lang in languages] or [default]
    fallbacks, wrong_fallback = read_fallbacks(kursus.fallbacks, codes)
    if wrong_fallback:
        raise ProjectError(f"{path}:{_setting_line(path, 'fallbacks')}: {wrong_fallback}")
    docs_dir = root / str(config.get("docs_dir", "docs"))
    quizzes_dir = root / kursus.quizzes_dir
    for folder, setting in ((docs_dir, "docs_dir"), (quizzes_dir, "quizzes_dir")):
        _must_be_folder(folder, setting)
    return Project(
        root=root,
        docs_dir=docs_dir,
        quizzes_dir=quizzes_dir,
        default_language=default,
        languages=codes,
        complete_languages=list(kursus.complete_languages) or codes,
        language_names={str(lang["locale"]): str(lang.get("name", lang["locale"])) for lang in languages},
        kursus=kursus,
        config=config,
        fallbacks=fallbacks,
    )

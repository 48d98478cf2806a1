"""Where things are in a course checkout, read from its ``mkdocs.yml`` (the one place they are set)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .quiz.checks import Settings
from .translations.fallback import read_fallbacks
from .yamlio import MkdocsLoader


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
    min_options: int = 3
    language_names: dict[str, str] = field(default_factory=dict)
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

    def pages(self) -> list[tuple[str, str]]:
        """(path relative to the root, Markdown) of every page in every language."""
        found = []
        for path in sorted(self.docs_dir.rglob("*.md")):
            found.append((path.relative_to(self.root).as_posix(), path.read_text(encoding="utf-8")))
        return found


def plugin_config(config: dict[str, Any], name: str) -> dict[str, Any] | None:
    for entry in config.get("plugins") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return dict(entry[name] or {})
    return None


def load_project(root: Path) -> Project:
    config_path = root / "mkdocs.yml"
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=MkdocsLoader)
    except FileNotFoundError:
        raise ProjectError(f"{config_path}:1: no mkdocs.yml here; run kursus from the course folder") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ProjectError(f"{config_path}:{line}: mkdocs.yml is not valid YAML: {exc}") from None
    if not isinstance(config, dict):
        raise ProjectError(f"{config_path}:1: mkdocs.yml must be a mapping")
    i18n = plugin_config(config, "i18n") or {}
    languages = [lang for lang in i18n.get("languages", []) if isinstance(lang, dict)]
    default = next((str(lang["locale"]) for lang in languages if lang.get("default")), "id")
    kursus = plugin_config(config, "kursus") or {}
    codes = [str(lang["locale"]) for lang in languages] or [default]
    fallbacks, wrong = read_fallbacks(kursus.get("fallbacks"), codes)
    if wrong:
        text = config_path.read_text(encoding="utf-8")
        line = next((n for n, s in enumerate(text.splitlines(), 1) if s.strip().startswith("fallbacks:")), 1)
        raise ProjectError(f"{config_path}:{line}: {wrong}")
    return Project(
        root=root,
        docs_dir=root / str(config.get("docs_dir", "docs")),
        quizzes_dir=root / str(kursus.get("quizzes_dir", "quizzes")),
        default_language=default,
        languages=codes,
        complete_languages=[str(c) for c in kursus.get("complete_languages", codes)],
        min_options=int(kursus.get("min_options", 3)),
        language_names={str(lang["locale"]): str(lang.get("name", lang["locale"])) for lang in languages},
        fallbacks=fallbacks,
    )

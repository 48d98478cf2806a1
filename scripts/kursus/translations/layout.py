"""Where the languages of a course live: read once from ``mkdocs.yml``, shared by the CLI and the plugin."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import shown
from ..project import Project, load_project, plugin_config
from .fallback import fallback_chain

RECORDS_DIR = "terjemahan"  # one record file per translated language: terjemahan/<lang>.yml
GLOSSARY_PAGE = "glosarium.md"


@dataclass
class Layout:
    root: Path
    docs_dir: Path
    quizzes_dir: Path
    source: str  # the source language (Bahasa Indonesia)
    languages: list[str]  # every language in mkdocs.yml, source first as listed there
    complete: list[str]
    names: dict[str, str] = field(default_factory=dict)
    ui_strings: Path | None = None
    nav_sections: list[str] = field(default_factory=list)  # section titles in mkdocs.yml's nav
    nav_translations: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> title -> text
    fallbacks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # as set in mkdocs.yml

    def chain(self, language: str) -> tuple[str, ...]:
        """Where ``language``'s missing texts come from, the source last (translations/fallback.py)."""
        return fallback_chain(language, self.source, self.complete, self.fallbacks)

    @property
    def targets(self) -> list[str]:
        """The translated languages (every language but the source)."""
        return [lang for lang in self.languages if lang != self.source]

    def name(self, language: str) -> str:
        return self.names.get(language, language)

    def label(self, language: str) -> str:
        """'English (en)', or just 'en' when mkdocs.yml gives no name."""
        name = self.name(language)
        return f"{name} ({language})" if name != language else language

    def show(self, path: Path) -> str:
        """A path as problems and reports show it: relative to the course folder."""
        return shown(path, self.root)

    def page(self, language: str, rel: str) -> Path:
        return self.docs_dir / language / rel

    def pages(self, language: str) -> list[str]:
        """Every page of ``language`` as a path inside its folder, e.g. ``modul-01/index.md``."""
        folder = self.docs_dir / language
        if not folder.is_dir():
            return []
        # Only files: a folder named x.md or a link that loops is no page (the checks report it, D001).
        found = (p for p in folder.rglob("*.md") if _visible(p, folder) and p.is_file())
        return sorted(p.relative_to(folder).as_posix() for p in found)

    def records(self, language: str) -> Path:
        return self.root / RECORDS_DIR / f"{language}.yml"

    def split(self, shown: str) -> tuple[str, str] | None:
        """``docs/en/modul-01/index.md`` -> ("en", "modul-01/index.md"); None outside the language folders."""
        docs = self.show(self.docs_dir)
        if not shown.startswith(docs + "/"):
            return None
        language, _, rel = shown[len(docs) + 1 :].partition("/")
        return (language, rel) if language in self.languages and rel else None


def _visible(path: Path, folder: Path) -> bool:
    """MkDocs skips files and folders whose name starts with a dot."""
    return not any(part.startswith(".") for part in path.relative_to(folder).parts)


def blob_id(data: bytes) -> str:
    """Git's id of a file with this content (``git hash-object``), computed without git."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def text_hash(text: str) -> str:
    """A short fingerprint of a quiz text; re-wrapping lines or changing spaces does not change it."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def nav_sections(nav: Any) -> list[str]:
    """Section titles of a nav (``- Title: [ ... ]``), in order, each once; page titles are the pages' own."""
    found: list[str] = []

    def walk(items: Any) -> None:
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, list):
                        if str(title) not in found:
                            found.append(str(title))
                        walk(value)

    walk(nav)
    return found


def load_layout(root: Path) -> Layout:
    """Raises ProjectError with ``path:line: message`` when mkdocs.yml cannot be read."""
    return layout_of(load_project(root))


def layout_of(project: Project) -> Layout:
    i18n = plugin_config(project.config, "i18n") or {}
    translations: dict[str, dict[str, str]] = {}
    for entry in i18n.get("languages") or []:
        if isinstance(entry, dict) and "locale" in entry:
            titles = entry.get("nav_translations") or {}
            if isinstance(titles, dict):
                translations[str(entry["locale"])] = {str(k): str(v) for k, v in titles.items()}
    return Layout(
        root=project.root,
        docs_dir=project.docs_dir,
        quizzes_dir=project.quizzes_dir,
        source=project.default_language,
        languages=project.languages,
        complete=project.complete_languages,
        names=project.language_names,
        ui_strings=project.ui_strings,
        nav_sections=nav_sections(project.config.get("nav")),
        nav_translations=translations,
        fallbacks=project.fallbacks,
    )

"""The translation checks run by ``kursus check`` and the build, next to the quiz checks.

- T001 a page of a complete language is missing (error; missing quiz texts are Q060);
- T002 a record file (terjemahan/<lang>.yml) cannot be read (error);
- T010-T014 a translation's structure differs from its source page (error);
- T020 a glossary term is not rendered as agreed (warning);
- T030/T031 a complete language lacks an interface string or a nav section title (error);
- T032 the interface strings file cannot be read (error).

Out-of-date translations are not compared with their source: the source has changed, so differences
are expected until the translator revises the page (the status report and a banner say so).
"""

from __future__ import annotations

from pathlib import Path

from ..paths import absent
from ..problems import Problem, error
from ..quiz.bank import Bank
from ..ui import UiStringsError, load_strings
from .glossary import Term, check_glossary, read_glossary
from .layout import GLOSSARY_PAGE, Layout
from .status import LanguageStatus, State, collect_status
from .structure import compare


def translation_findings(layout: Layout, bank: Bank) -> tuple[list[Problem], list[LanguageStatus]]:
    """The problems, and the status of every translated language they were found from."""
    strings, unreadable = _strings(layout)
    statuses, record_errors = collect_status(layout, bank, strings or {})
    problems = [error(e.path, e.line, "T002", e.message) for e in record_errors] + unreadable
    glossary_path = layout.page(layout.source, GLOSSARY_PAGE)
    columns = {name.casefold(): code for code, name in layout.names.items()}
    columns.setdefault("english", "en")
    glossary = read_glossary(_read(glossary_path), columns) if glossary_path.is_file() else {}
    for status in statuses:
        problems += _pages(layout, status, glossary.get(status.language, []))
        if status.complete:
            problems += _interface(layout, status, strings)
    return sorted(problems), statuses


def _pages(layout: Layout, status: LanguageStatus, terms: list[Term]) -> list[Problem]:
    problems: list[Problem] = []
    language = status.language
    for entry in status.pages:
        translated = layout.show(layout.page(language, entry.key))
        source_path = layout.show(layout.page(layout.source, entry.key))
        if entry.state is State.MISSING:
            if status.complete:
                problems.append(
                    error(
                        translated,
                        1,
                        "T001",
                        f"page missing: {layout.label(language)} is a complete language",
                        f"translate {source_path}, or remove {language} from complete_languages in mkdocs.yml",
                    )
                )
            continue
        if entry.state is State.OUT_OF_DATE:
            continue
        text = _page(layout.page(language, entry.key))
        source = _page(layout.page(layout.source, entry.key))
        if text is None or source is None:
            continue  # not UTF-8: reported once, at its line (D001), not as every difference
        problems += compare(translated, source_path, text, source)
        if terms and entry.key != GLOSSARY_PAGE:
            problems += check_glossary(translated, source_path, text, source, terms, language)
    return problems


def _interface(layout: Layout, status: LanguageStatus, strings: dict[str, dict[str, str]] | None) -> list[Problem]:
    problems = []
    ui_path = layout.ui_strings
    shown = layout.show(ui_path) if ui_path else "overrides/ui-strings.yml"
    ui_text = _read(ui_path) if ui_path and ui_path.is_file() else ""
    config_text = _read(layout.root / "mkdocs.yml")
    for missing in status.interface_missing:
        kind, _, name = missing.partition(": ")
        if kind == "ui" and strings is not None:
            problems.append(
                error(
                    shown,
                    _line_starting(ui_text, f"{name}:"),
                    "T030",
                    f"interface string '{name}' has no {status.language} text",
                    f"add '{status.language}: …' to its line ({status.language} is a complete language)",
                )
            )
        elif kind == "nav":
            problems.append(
                error(
                    "mkdocs.yml",
                    _line_containing(config_text, name),
                    "T031",
                    f"nav section '{name}' has no {status.language} title",
                    f"add it under nav_translations of the {status.language} language in the i18n plugin",
                )
            )
    return problems


def _strings(layout: Layout) -> tuple[dict[str, dict[str, str]] | None, list[Problem]]:
    """None when the course has no interface strings file (the build reports that itself); a file that
    cannot be read is T032 here, as the build would stop on it."""
    path = layout.ui_strings
    if path is None or absent(path):
        return None, []
    try:
        return load_strings(path), []
    except UiStringsError as exc:
        return None, [error(layout.show(path), exc.line, "T032", exc.message, exc.hint or "restore it from git")]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _page(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _line_starting(text: str, prefix: str) -> int:
    return next((n for n, line in enumerate(text.splitlines(), start=1) if line.startswith(prefix)), 1)


def _line_containing(text: str, needle: str) -> int:
    for n, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip().lstrip("- ").strip()
        if stripped.startswith((f"{needle}:", f'"{needle}":', f"'{needle}':")):
            return n
    return 1

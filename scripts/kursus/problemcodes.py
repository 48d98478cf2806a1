"""The one table of problem codes: each code's severity, meaning and fix in every guide language, and
the guide that lists it. The code lists in docs/*/panduan/ are generated from it (``kursus codes
--write``; a test fails when they are out of date), and tests check that every code the checks emit is
here and that every code here has a checker case or a test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Severity
from .rawtext import RawTextError, read
from .yamlio import load_fast

ERROR, WARNING = Severity.ERROR, Severity.WARNING
AUTHOR = "penulis-kuis"  # docs/<lang>/panduan/penulis-kuis.md: quiz and page authors
TRANSLATOR = "penerjemah"  # docs/<lang>/panduan/penerjemah.md: translators


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    guide: str
    meaning: tuple[str, str]  # (Indonesian, English)
    fix: tuple[str, str] = field(default=("", ""))


TABLE = Path(__file__).with_name("problemcodes.yml")


def _text(value: object, key: str) -> tuple[str, str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) for lang in ("id", "en")):
        raise ValueError(f"{TABLE.name}: {key} needs id: and en: texts")
    return str(value["id"]), str(value["en"])


def load(path: Path = TABLE) -> tuple[Code, ...]:
    """The table, in file order. Raises ``ValueError`` on a malformed entry (a fault of the package)."""
    data = load_fast(path.read_text(encoding="utf-8"))
    codes = []
    for code, entry in data.items():
        if not re.fullmatch(r"[A-Z]\d{3}", str(code)) or entry.get("guide") not in (AUTHOR, TRANSLATOR):
            raise ValueError(f"{path.name}: {code}: a code such as Q001 with guide {AUTHOR} or {TRANSLATOR}")
        fix = _text(entry["fix"], f"{code} fix") if "fix" in entry else ("", "")
        codes.append(Code(str(code), Severity(entry["severity"]), entry["guide"], _text(entry["meaning"], code), fix))
    return tuple(codes)


CODES = load()
BY_CODE = {c.code: c for c in CODES}
LANGUAGES = ("id", "en")  # the order of the texts in each Code
BEGIN = "<!-- kode-masalah: awal (dibuat oleh 'kursus codes --write'; jangan diubah di sini) -->"
END = "<!-- kode-masalah: akhir -->"
_SECTION = re.compile(re.escape(BEGIN) + r"\n.*?" + re.escape(END), re.DOTALL)
_HEADERS = {
    (AUTHOR, "id"): ("| Kode | Artinya | Cara memperbaiki |", "Peringatan: "),
    (AUTHOR, "en"): ("| Code | What it means | How to fix it |", "Warning: "),
    (TRANSLATOR, "id"): ("| Kode | Artinya |", "peringatan: "),
    (TRANSLATOR, "en"): ("| Code | Meaning |", "warning: "),
}


def table(guide: str, language: str) -> str:
    """The Markdown table of ``guide``'s codes in ``language``."""
    header, warned = _HEADERS[(guide, language)]
    index = LANGUAGES.index(language)
    lines = [header, "|---" * header.count(" | ") + "|---|"]
    for code in CODES:
        if code.guide != guide:
            continue
        meaning = (warned if code.severity is WARNING else "") + code.meaning[index]
        if guide == AUTHOR:
            lines.append(f"| `{code.code}` | {meaning} | {code.fix[index]} |")
        else:
            lines.append(f"| {code.code} | {meaning} |")
    return "\n".join(lines)


def guide_path(root: Path, guide: str, language: str) -> Path:
    return root / "docs" / language / "panduan" / f"{guide}.md"


def updated(text: str, guide: str, language: str) -> str | None:
    """``text`` with its generated section rewritten, or None when it has no section."""
    if not _SECTION.search(text):
        return None
    return _SECTION.sub(lambda _: f"{BEGIN}\n{table(guide, language)}\n{END}", text, count=1)


class GuideError(Exception):
    """A guide that cannot be read: ``path:line: what is wrong``."""


def read_guide(path: Path) -> str:
    try:
        return read(path)
    except OSError as exc:
        raise GuideError(f"{path}:1: cannot read the guide: {exc.strerror or exc}") from None
    except RawTextError as exc:
        raise GuideError(f"{path}:{exc.line}: {exc.message} ({exc.hint})") from None


def guides(root: Path) -> list[tuple[str, str, Path]]:
    """(guide, language, path) of every guide that lists codes."""
    return [
        (guide, language, guide_path(root, guide, language)) for guide in (AUTHOR, TRANSLATOR) for language in LANGUAGES
    ]


def stale_guides(root: Path) -> list[Path]:
    """The guides whose generated code list differs from the table (or that lack the section). Raises
    ``GuideError`` when one cannot be read."""
    return [
        path for guide, language, path in guides(root) if updated(read_guide(path), guide, language) != read_guide(path)
    ]

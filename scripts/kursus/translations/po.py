"""``kursus translations export LANG``: gettext PO files for translation tools.

One PO file per page (``terjemahan/po/<lang>/<page>.po``), one for the quiz texts (``quizzes.po``) and
one for the interface strings (``interface.po``). Every entry has a context that says where its text
goes (a page's segment number, a quiz text's label, an interface key), the source text as msgid, the
current translation as msgstr and a source reference (``#: docs/id/page.md:12``). A translation made
from an older source is marked fuzzy; where git still has that older source, the old text is given as
the previous msgid (``#| msgid``), so that a tool shows what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import polib

from ..quiz.bank import Bank
from .history import old_page
from .layout import RECORDS_DIR, Layout, blob_id, text_hash
from .records import Record
from .segments import Page, segment
from .status import source_texts

PO_DIR = f"{RECORDS_DIR}/po"
QUIZ_PO = "quizzes.po"
INTERFACE_PO = "interface.po"
MISALIGNED = (
    "The translated page's structure (headings, list items, table cells) differs from the source's, so its "
    "segments cannot be paired: translate this page in the Markdown file; 'import' leaves it untouched."
)


@dataclass
class Catalog:
    path: Path  # where the PO file goes
    po: polib.POFile
    note: str = ""  # said once for the file, e.g. MISALIGNED


@dataclass
class Export:
    catalogs: list[Catalog] = field(default_factory=list)


def po_folder(layout: Layout, language: str) -> Path:
    return layout.root / PO_DIR / language


def page_po(layout: Layout, language: str, rel: str) -> Path:
    return po_folder(layout, language) / (rel[: -len(".md")] + ".po" if rel.endswith(".md") else rel + ".po")


def context(page: Page, index: int) -> str:
    """A segment's context: its number in the page and kind, e.g. ``12 paragraph``."""
    return f"{index + 1} {page.segments[index].kind}"


def new_catalog(layout: Layout, language: str, what: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.header = (
        f"{what}: {layout.label(layout.source)} -> {layout.label(language)}.\n"
        f"Written by 'kursus translations export {language}'; after translating, run "
        f"'kursus translations import {language}'.\n"
        "msgctxt says where a text goes: do not change it, nor msgid (the source text)."
    )
    po.metadata = {
        "Project-Id-Version": "Kursus Konselor",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": layout.source,
    }
    return po


def aligned(layout: Layout, language: str, rel: str) -> tuple[Page, Page | None, bool]:
    """(source page, translated page or None, whether their segments pair one to one)."""
    source = segment(layout.page(layout.source, rel).read_text(encoding="utf-8"))
    path = layout.page(language, rel)
    if not path.is_file():
        return source, None, False
    translated = segment(path.read_text(encoding="utf-8"))
    return source, translated, translated.keys == source.keys


def _previous(layout: Layout, recorded: str | None, source: Page) -> list[str | None] | None:
    """The old source text of every segment, where git still has the page's recorded version."""
    old = old_page(layout.root, recorded) if recorded else None
    if old is None:
        return None
    page = segment(old)
    return [s.text for s in page.segments] if page.keys == source.keys else None


def _through_old_source(layout: Layout, recorded: str | None, translated: Page, source: Page) -> list[Pairing]:
    """Pair an out-of-date translation whose structure follows the old source with the current source:
    unchanged segments keep their translation, changed ones are fuzzy, new ones untranslated."""
    old_text = old_page(layout.root, recorded) if recorded else None
    old = segment(old_text) if old_text is not None else None
    if old is None or old.keys != translated.keys:
        return []
    pairs: list[Pairing] = [Pairing() for _ in source.segments]
    matcher = SequenceMatcher(None, [s.text for s in old.segments], [s.text for s in source.segments], False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                same = tag == "equal" and source.segments[j].key == old.segments[i].key
                pairs[j] = Pairing(translated.segments[i].text, None if same else old.segments[i].text)
    return pairs


@dataclass
class Pairing:
    msgstr: str = ""
    previous: str | None = None  # the old source text of a fuzzy translation ("" when unknown)


def pairings(layout: Layout, language: str, rel: str, record: Record) -> tuple[Page, list[Pairing], bool]:
    """(source page, a translation for each of its segments, whether the translated page could be paired)."""
    source, translated, paired = aligned(layout, language, rel)
    if translated is None:
        return source, [Pairing() for _ in source.segments], True
    recorded = record.pages.get(rel)
    if not paired:
        pairs = _through_old_source(layout, recorded, translated, source)
        return source, pairs or [Pairing() for _ in source.segments], bool(pairs)
    if recorded == blob_id(layout.page(layout.source, rel).read_bytes()):
        return source, [Pairing(s.text) for s in translated.segments], True
    previous = _previous(layout, recorded, source)
    pairs = [
        Pairing(mine.text, _changed(previous, n, seg.text))
        for n, (seg, mine) in enumerate(zip(source.segments, translated.segments, strict=True))
    ]
    return source, pairs, True


def _changed(previous: list[str | None] | None, index: int, now: str) -> str | None:
    """None when the segment's source is the one translated; else its old text ("" when unknown)."""
    if previous is None:
        return ""
    old = previous[index]
    return None if old == now else (old or "")


def export_page(layout: Layout, language: str, rel: str, record: Record) -> Catalog:
    source, pairs, paired = pairings(layout, language, rel, record)
    shown = layout.show(layout.page(layout.source, rel))
    po = new_catalog(layout, language, f"Page {rel}")
    for index, seg in enumerate(source.segments):
        pair = pairs[index]
        entry = polib.POEntry(
            msgctxt=context(source, index), msgid=seg.text, msgstr=pair.msgstr, occurrences=[(shown, str(seg.line))]
        )
        if pair.msgstr and pair.previous is not None:
            entry.flags.append("fuzzy")
            if pair.previous:
                entry.previous_msgid = pair.previous
        po.append(entry)
    note = "" if paired else MISALIGNED
    if note:
        po.header += "\n" + note
    return Catalog(page_po(layout, language, rel), po, note)


def export_quizzes(layout: Layout, bank: Bank, language: str, record: Record) -> Catalog:
    po = new_catalog(layout, language, "Quiz texts")
    for ref in source_texts(bank, layout.source):
        text = ref.values[layout.source]
        entry = polib.POEntry(
            msgctxt=ref.label,
            msgid=text,
            msgstr=ref.values.get(language, ""),
            occurrences=[(ref.path, str(ref.lines.get(layout.source, ref.line)))],
        )
        if entry.msgstr and record.quiz.get(ref.label) != text_hash(text):
            entry.flags.append("fuzzy")
        po.append(entry)
    return Catalog(po_folder(layout, language) / QUIZ_PO, po)


def export_interface(
    layout: Layout, language: str, strings: dict[str, dict[str, str]], lines: dict[str, int]
) -> Catalog:
    po = new_catalog(layout, language, "Interface strings")
    shown = layout.show(layout.ui_strings) if layout.ui_strings else "overrides/ui-strings.yml"
    for key, texts in strings.items():
        if texts.get(layout.source, "").strip():
            po.append(
                polib.POEntry(
                    msgctxt=key,
                    msgid=texts[layout.source],
                    msgstr=texts.get(language, ""),
                    occurrences=[(shown, str(lines.get(key, 1)))],
                )
            )
    return Catalog(po_folder(layout, language) / INTERFACE_PO, po)


def key_lines(path: Path | None) -> dict[str, int]:
    """The line of each top-level key of the interface strings file."""
    if path is None or not path.is_file():
        return {}
    found: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line[:1].isalnum() or line[:1] in "\"'_":
            found.setdefault(line.split(":", 1)[0].strip("\"'"), number)
    return found


def export(layout: Layout, bank: Bank, language: str, record: Record, strings: dict[str, dict[str, str]]) -> Export:
    result = Export()
    for rel in layout.pages(layout.source):
        result.catalogs.append(export_page(layout, language, rel, record))
    result.catalogs.append(export_quizzes(layout, bank, language, record))
    if strings:
        result.catalogs.append(export_interface(layout, language, strings, key_lines(layout.ui_strings)))
    return result

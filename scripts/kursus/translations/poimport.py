"""``kursus translations import LANG``: the PO files of ``export`` back into pages, quizzes and records.

Everything is read and checked first; then every file is written, or none. A page is rebuilt from
its skeleton (the translated page's own, else the source's), so its structure, markers, anchors and
code stay as they are. A page, quiz text or interface text whose PO entry is translated and not fuzzy
is recorded as up to date with the current source; the records of the others do not change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..atomic import write_text
from ..quiz.bank import Bank
from ..quiz.model import TextRef
from ..rawtext import RawTextError, read
from .layout import Layout, blob_id, text_hash
from .po import INTERFACE_PO, QUIZ_PO, aligned, context, page_po, po_folder
from .records import Record, save_record
from .segments import segment
from .status import source_texts
from .yamledit import EditError, set_text

# The whole course's quiz texts make a PO file of about a megabyte; far beyond that is not an export.
MAX_PO_BYTES = 20_000_000


@dataclass
class Imported:
    writes: dict[Path, str] = field(default_factory=dict)  # file -> new content
    changed: list[str] = field(default_factory=list)  # what a reader would see, e.g. a page
    skipped: list[str] = field(default_factory=list)  # with the reason
    errors: list[str] = field(default_factory=list)
    recorded: int = 0
    untouched: int = 0  # pages whose PO file has no translation yet


def read_po(path: Path, shown: str, errors: list[str]) -> polib.POFile | None:
    try:
        read(path, MAX_PO_BYTES)  # a bad byte at its line, a huge file refused unread (polib says neither)
    except RawTextError as exc:
        errors.append(f"{shown}:{exc.line}: {exc.message} ({exc.hint}, or export again)")
        return None
    except OSError:
        pass  # said below, as polib reports it
    try:
        po: polib.POFile = polib.pofile(str(path), encoding="utf-8")
        return po
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        where = re.search(r"\(line (\d+)\)", str(exc))
        what = "a syntax error" if where else str(exc)
        errors.append(
            f"{shown}:{where.group(1) if where else 1}: not a PO file that can be read: {what} (fix it or export again)"
        )
        return None


def _usable(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) and "fuzzy" not in entry.flags and not entry.obsolete


def _entries(po: polib.POFile, shown: str, errors: list[str]) -> dict[str, polib.POEntry]:
    found: dict[str, polib.POEntry] = {}
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgctxt is None or entry.msgctxt in found:
            errors.append(f"{shown}:{entry.linenum}: entry without its own msgctxt; export again")
            continue
        found[entry.msgctxt] = entry
    return found


def import_page(layout: Layout, language: str, rel: str, record: Record, out: Imported) -> None:
    path = page_po(layout, language, rel)
    shown = layout.show(path)
    if not path.is_file():
        return
    po = read_po(path, shown, out.errors)
    if po is None:
        return
    source, translated, paired = aligned(layout, language, rel)
    target = layout.page(language, rel)
    entries = _entries(po, shown, out.errors)
    texts: list[str] = []
    complete = True
    for index, seg in enumerate(source.segments):
        entry = entries.pop(context(source, index), None)
        if entry is None or entry.msgid != seg.text:
            out.errors.append(
                f"{shown}:{entry.linenum if entry else 1}: segment {context(source, index)!r} of "
                f"{layout.show(layout.page(layout.source, rel))} changed since the export; export again "
                "(msgmerge carries your translations over)"
            )
            return
        if "\n" in entry.msgstr and seg.kind not in ("paragraph", "item"):
            out.errors.append(f"{shown}:{entry.linenum}: a {seg.kind} is one line; remove the line breaks")
            return
        own = translated.segments[index].text if translated is not None and paired else ""
        texts.append(entry.msgstr or own)
        complete = complete and _usable(entry)
    for extra in entries.values():
        out.errors.append(f"{shown}:{extra.linenum}: no segment {extra.msgctxt!r} in the source page; export again")
    if entries:
        return
    if (translated is None or not paired) and not all(texts):
        missing = sum(1 for t in texts if not t)
        if translated is None and missing == len(texts):
            out.untouched += 1  # nothing translated in this page's PO file yet: nothing to say
            return
        why = "its structure differs from the source's and " if translated is not None else ""
        out.skipped.append(f"{layout.show(target)}: {why}{missing} of {len(texts)} segments are not translated yet")
        return
    # A page that follows the source's structure keeps its own skeleton; a new or restructured one
    # takes the source's.
    skeleton = translated if translated is not None and paired else source
    new = skeleton.render(texts)
    if segment(new).keys != source.keys:
        out.errors.append(
            f"{shown}:1: a translation in this file starts a heading, list item or table of its own "
            "(e.g. a text beginning with '- ', '# ' or '|'); rephrase it"
        )
        return
    if not target.is_file() or target.read_text(encoding="utf-8") != new:
        out.writes[target] = new
        out.changed.append(layout.show(target))
    if complete:
        current = blob_id(layout.page(layout.source, rel).read_bytes())
        if record.pages.get(rel) != current:
            record.pages[rel] = current
            out.recorded += 1


def import_quizzes(layout: Layout, bank: Bank, language: str, record: Record, out: Imported) -> None:
    path = po_folder(layout, language) / QUIZ_PO
    shown = layout.show(path)
    po = read_po(path, shown, out.errors) if path.is_file() else None
    if po is None:
        return
    entries = _entries(po, shown, out.errors)
    refs: dict[str, TextRef] = {ref.label: ref for ref in source_texts(bank, layout.source)}
    edits: dict[Path, list[tuple[int, TextRef, str]]] = {}
    for label, entry in entries.items():
        ref = refs.get(label)
        if ref is None or ref.values[layout.source] != entry.msgid:
            out.errors.append(f"{shown}:{entry.linenum}: quiz text {label!r} changed since the export; export again")
            continue
        if entry.msgstr and entry.msgstr != ref.values.get(language, ""):
            line = ref.lines.get(layout.source, ref.line)
            edits.setdefault(layout.root / ref.path, []).append((line, ref, entry.msgstr))
        if _usable(entry) and record.quiz.get(label) != text_hash(entry.msgid):
            record.quiz[label] = text_hash(entry.msgid)
            out.recorded += 1
    for file, changes in edits.items():
        document = file.read_text(encoding="utf-8")
        # From the bottom up: an added line moves only the texts below it.
        for line, ref, value in sorted(changes, key=lambda change: -change[0]):
            try:
                document = set_text(document, layout.source, line, language, value)
            except EditError as exc:
                out.errors.append(f"{ref.path}:{line}: {ref.label}: {exc}")
                continue
            out.changed.append(ref.label)
        out.writes[file] = document


def import_interface(layout: Layout, language: str, strings: dict[str, dict[str, str]], out: Imported) -> None:
    path = po_folder(layout, language) / INTERFACE_PO
    shown = layout.show(path)
    po = read_po(path, shown, out.errors) if path.is_file() else None
    if po is None or layout.ui_strings is None:
        return
    file = layout.ui_strings
    document = file.read_text(encoding="utf-8")
    lines = {key: number for number, key in _top_keys(document)}
    for key, entry in _entries(po, shown, out.errors).items():
        if key not in strings or strings[key].get(layout.source) != entry.msgid:
            out.errors.append(f"{shown}:{entry.linenum}: interface text {key!r} changed since the export; export again")
            continue
        if entry.msgstr and entry.msgstr != strings[key].get(language) and "fuzzy" not in entry.flags:
            try:
                document = set_text(document, layout.source, lines[key], language, entry.msgstr)
            except EditError as exc:
                out.errors.append(f"{layout.show(file)}:{lines[key]}: {key}: {exc}")
                continue
            out.changed.append(f"interface: {key}")
    if document != file.read_text(encoding="utf-8"):
        out.writes[file] = document


def _top_keys(document: str) -> list[tuple[int, str]]:
    return [
        (number, line.split(":", 1)[0].strip("\"'"))
        for number, line in enumerate(document.splitlines(), start=1)
        if line[:1].isalnum() or line[:1] in "\"'_"
    ]


def import_all(
    layout: Layout, bank: Bank, language: str, record: Record, strings: dict[str, dict[str, str]]
) -> Imported:
    """Read and check every PO file of ``language``; the caller writes ``writes`` and the record."""
    out = Imported()
    for rel in layout.pages(layout.source):
        import_page(layout, language, rel, record, out)
    import_quizzes(layout, bank, language, record, out)
    if strings:
        import_interface(layout, language, strings, out)
    return out


def write_all(layout: Layout, language: str, record: Record, imported: Imported) -> None:
    for path, text in imported.writes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, text)
    if imported.recorded:
        save_record(layout.records(language), record, language, layout.name(language))

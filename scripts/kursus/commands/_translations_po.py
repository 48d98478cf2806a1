"""``kursus translations export|import LANG``: gettext PO files for translation tools."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..atomic import write_text
from ..pagefiles import read_pages
from ..paths import absent
from ..problems import as_text
from ..quiz.bank import Bank
from ..translations.layout import Layout
from ..translations.po import PO_DIR, export, po_folder
from ..translations.poimport import import_all, write_all
from ..translations.records import Record, RecordError, load_record
from ..ui import UiStringsError, load_strings
from ._common import fail, layout_and_bank, stop

IMPORT = "kursus translations import"


def register_po(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    e = actions.add_parser(
        "export",
        help="write gettext PO files of a language for translation tools",
        description=(
            f"Write {PO_DIR}/LANG/: one PO file per page (segmented by paragraph, list item, heading and "
            "table cell), quizzes.po (every quiz text, by its label) and interface.po (the interface "
            "strings). Translations made from an older source are marked fuzzy. Replaces the folder's "
            "PO files; nothing else is written."
        ),
    )
    e.add_argument("language", help="the language to translate into, e.g. jv")
    e.set_defaults(run=run_export)
    i = actions.add_parser(
        "import",
        help="write translated PO files back into pages, quiz files and records",
        description=(
            f"Read {PO_DIR}/LANG/*.po and write the translations into docs/LANG/, the quiz files and "
            "the interface strings, keeping the Markdown structure, markers, anchors and code. Entries "
            "translated and not fuzzy are recorded as up to date. Everything is checked first: on any "
            "error nothing is written."
        ),
    )
    i.add_argument("language", help="the translated language, e.g. jv")
    i.add_argument("--dry-run", action="store_true", help="list what would change; write nothing")
    i.set_defaults(run=run_import)


def _prepare(args: argparse.Namespace, command: str) -> tuple[Layout, Bank, Record, dict[str, dict[str, str]]] | None:
    loaded = layout_and_bank(command, args.root)
    if loaded is None:
        return None
    layout, bank = loaded
    if args.language == layout.source or args.language not in layout.languages:
        known = ", ".join(layout.targets) or "none"
        fail(command, f"'{args.language}' is not a translated language of the course ({known})")
        return None
    try:
        record = load_record(layout.records(args.language), layout.show(layout.records(args.language)))
        strings = load_strings(layout.ui_strings) if layout.ui_strings and not absent(layout.ui_strings) else {}
    except (RecordError, UiStringsError) as exc:
        fail(command, exc)
        return None
    # A page that is not UTF-8 text (or cannot be read) cannot be segmented: said at its line, before
    # anything is written.
    folders = {layout.show(layout.docs_dir / lang) + "/" for lang in (layout.source, args.language)}
    _pages, unreadable = read_pages(layout.root, layout.docs_dir)
    unreadable = [p for p in unreadable if p.path.startswith(tuple(folders))]
    if unreadable:
        stop(command, as_text(unreadable), "nothing was written; fix the pages above first", prefixed=False)
        return None
    return layout, bank, record, strings


def run_export(args: argparse.Namespace) -> int:
    prepared = _prepare(args, "kursus translations export")
    if prepared is None:
        return 2
    layout, bank, record, strings = prepared
    result = export(layout, bank, args.language, record, strings)
    folder = po_folder(layout, args.language)
    wanted = {catalog.path for catalog in result.catalogs}
    try:
        for catalog in result.catalogs:
            catalog.path.parent.mkdir(parents=True, exist_ok=True)
            write_text(catalog.path, str(catalog.po) + "\n")
        stale = [p for p in folder.rglob("*.po") if p not in wanted]
        for path in stale:
            path.unlink()
    except OSError as exc:  # a file where a folder belongs, a link that loops, no permission
        where = layout.show(Path(exc.filename)) if exc.filename else layout.show(folder)
        return fail("kursus translations export", f"cannot write {where}: {exc.strerror or exc}", 1)
    entries = sum(len(c.po) for c in result.catalogs)
    fuzzy = sum(len(c.po.fuzzy_entries()) for c in result.catalogs)
    untranslated = sum(len(c.po.untranslated_entries()) for c in result.catalogs)
    print(
        f"Wrote {len(result.catalogs)} PO files to {layout.show(folder)}/: {entries} texts, {untranslated} not "
        f"translated, {fuzzy} fuzzy (the source changed since they were translated)."
    )
    for catalog in result.catalogs:
        if catalog.note:
            print(f"  {layout.show(catalog.path)}: no translations filled in: {catalog.note}")
    if stale:
        print(f"Removed {len(stale)} PO files of pages that no longer exist.")
    print(f"After translating: kursus translations import {args.language}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    prepared = _prepare(args, IMPORT)
    if prepared is None:
        return 2
    layout, bank, record, strings = prepared
    folder = po_folder(layout, args.language)
    if not folder.is_dir():
        return fail(IMPORT, f"no {layout.show(folder)}/; run 'kursus translations export {args.language}' first")
    result = import_all(layout, bank, args.language, record, strings)
    if result.errors:
        return stop(IMPORT, result.errors, "nothing was written")
    if not args.dry_run:
        write_all(layout, args.language, record, result)
    verb = "Would change (dry run, nothing written)" if args.dry_run else "Changed"
    count = len(result.changed)
    print(
        f"{verb}: {count} page{'' if count == 1 else 's'} or text{'' if count == 1 else 's'}; "
        f"{result.recorded} recorded as up to date."
    )
    for item in result.changed:
        print(f"  {item}")
    for item in result.skipped:
        print(f"  not written: {item}")
    if result.untouched:
        print(f"{result.untouched} pages have no translation in their PO files yet.")
    return 0

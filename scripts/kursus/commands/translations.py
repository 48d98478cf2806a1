"""``kursus translations``: what is translated, what changed in the source, and marking a revised
translation as up to date."""

from __future__ import annotations

import argparse

from ..paths import absent
from ..quiz.bank import Bank
from ..quiz.model import TextRef
from ..translations.history import old_page, old_quiz_text, unified
from ..translations.layout import Layout, blob_id, text_hash
from ..translations.marking import mark
from ..translations.records import RecordError, load_record
from ..translations.report import as_json, as_table
from ..translations.selection import select
from ..translations.status import collect_status, source_texts
from ..ui import UiStringsError, load_strings
from ._common import fail, layout_and_bank, stop
from ._translations_po import register_po


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "translations",
        help="translation status per language; diff and mark out-of-date translations",
        description=(
            "Without a subcommand: per language, how many pages, quiz texts and interface texts are up to "
            "date, out of date (the Indonesian source changed since), not recorded (translated, but no "
            "record of which source version) or missing, with the files concerned. The records live in "
            "terjemahan/<lang>.yml and are written only by 'kursus translations mark'."
        ),
        epilog=(
            "examples:\n"
            "  kursus translations                      status of every language\n"
            "  kursus translations --format json        the same as JSON\n"
            "  kursus translations diff en modul-02/index.md\n"
            "  kursus translations diff en m02.q03      what changed in a question's source texts\n"
            "  kursus translations mark en modul-02/index.md m02.q03\n"
            "  kursus translations mark en --all --dry-run   what marking everything would record\n"
            "  kursus translations export jv            PO files for a translation tool: terjemahan/po/jv/\n"
            "  kursus translations import jv            the translated PO files back into pages and quizzes"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("-l", "--language", action="append", metavar="LANG", help="only this language (repeatable)")
    p.add_argument("--all-texts", action="store_true", help="list every quiz text, not one line per question")
    p.set_defaults(run=run_status)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    d = actions.add_parser(
        "diff",
        help="show how the source changed since a translation was made",
        description=(
            "Show the changes in the Indonesian source since the translation of a page or of a question's "
            "texts was made (from git history). Exit status: 0 shown or nothing to show, 1 the old source "
            "is not available, 2 usage error."
        ),
    )
    d.add_argument("language", help="the translated language, e.g. en")
    d.add_argument("item", help="a page (modul-02/index.md, docs/en/modul-02/index.md) or a quiz id (m02.q03, m02)")
    d.set_defaults(run=run_diff)
    m = actions.add_parser(
        "mark",
        help="record translations as up to date with the current source",
        description=(
            "After revising a translation, record that it now follows the current Indonesian source. Give "
            "pages, folders, quiz files or quiz ids, or --all for everything translated (records of removed "
            "pages or texts are then dropped). Lists every page and quiz text whose record changes, that is "
            "which were out of date or not recorded. Writes only terjemahan/<lang>.yml, all at once; "
            "--dry-run writes nothing."
        ),
    )
    m.add_argument("language", help="the translated language, e.g. en")
    m.add_argument("items", nargs="*", help="pages, folders, quiz files (quizzes/modul-01.yml) or ids (m01, m01.q03)")
    m.add_argument("--all", action="store_true", help="mark everything translated, also pages and texts nobody revised")
    m.add_argument("--dry-run", action="store_true", help="list what would be marked; write nothing")
    m.set_defaults(run=run_mark)
    register_po(actions)


def _load(args: argparse.Namespace, command: str) -> tuple[Layout, Bank] | None:
    return layout_and_bank(command, args.root)


def _language(layout: Layout, language: str, what: str) -> bool:
    if language == layout.source:
        fail(f"kursus translations {what}", f"{language} is the source language; give a translated one")
        return False
    if language not in layout.languages:
        known = ", ".join(layout.targets) or "none"
        fail(
            f"kursus translations {what}",
            f"'{language}' is not a language of the course (translated languages: "
            f"{known}; add one with 'kursus new-language {language}')",
        )
        return False
    return True


def run_status(args: argparse.Namespace) -> int:
    loaded = _load(args, "kursus translations")
    if loaded is None:
        return 2
    layout, bank = loaded
    for language in args.language or []:
        if not _language(layout, language, "--language"):
            return 2
    strings: dict[str, dict[str, str]] = {}
    if layout.ui_strings and not absent(layout.ui_strings):
        try:
            strings = load_strings(layout.ui_strings)
        except UiStringsError as exc:
            return fail("kursus translations", exc)
    statuses, errors = collect_status(layout, bank, strings, args.language)
    for problem in errors:
        fail("kursus translations", problem)
    if args.format == "json":
        print(as_json(layout, statuses))
    else:
        print("\n".join(as_table(layout, statuses, args.all_texts)))
    return 2 if errors else 0


def run_diff(args: argparse.Namespace) -> int:
    loaded = _load(args, "kursus translations diff")
    if loaded is None:
        return 2
    layout, bank = loaded
    if not _language(layout, args.language, "diff"):
        return 2
    path = layout.records(args.language)
    try:
        record = load_record(path, layout.show(path))
    except RecordError as exc:
        return fail("kursus translations diff", exc)
    texts = source_texts(bank, layout.source)
    chosen = select(layout, bank, texts, [args.item])
    if chosen.errors:
        return fail("kursus translations diff", chosen.errors[0])
    unavailable = 0
    for rel in chosen.pages:
        unavailable += _diff_page(layout, args.language, rel, record.pages.get(rel))
    current = [r for r in chosen.texts if record.quiz.get(r.label) == text_hash(r.values[layout.source])]
    for ref in chosen.texts:
        if ref not in current or len(chosen.texts) == 1:
            unavailable += _diff_text(layout, args.language, ref, record.quiz.get(ref.label))
    if current and len(chosen.texts) > 1:
        print(f"{len(current)} other quiz text{'' if len(current) == 1 else 's'} of {args.item}: up to date")
    return 1 if unavailable else 0


def _diff_page(layout: Layout, language: str, rel: str, recorded: str | None) -> int:
    source = layout.page(layout.source, rel)
    shown, translated = layout.show(source), layout.show(layout.page(language, rel))
    current = source.read_bytes()
    if not layout.page(language, rel).is_file():
        print(f"{translated}: not translated yet; translate {shown} as a whole")
        return 0
    if recorded is None:
        print(f"{translated}: no record of the source version it was translated from, so there is nothing to")
        print(f"  compare with; check it against {shown}, then: kursus translations mark {language} {rel}")
        return 0
    if recorded == blob_id(current):
        print(f"{translated}: up to date with {shown}; nothing to show")
        return 0
    old = old_page(layout.root, recorded)
    if old is None:
        print(f"{translated}: out of date, but the old source is not available: git has no object {recorded[:12]}")
        print(f"  (the source was never committed as translated). Compare the translation with {shown} by hand,")
        print(f"  then: kursus translations mark {language} {rel}")
        return 1
    print(f"{translated}: out of date; changes in {shown} since it was translated:")
    for line in unified(old, current.decode("utf-8"), f"{shown} (translated, {recorded[:12]})", f"{shown} (now)"):
        print(line)
    print(f"After revising {translated}: kursus translations mark {language} {rel}")
    return 0


def _diff_text(layout: Layout, language: str, ref: TextRef, recorded: str | None) -> int:
    where = f"{ref.path}:{ref.line} {ref.label}"
    now = ref.values[layout.source]
    if not ref.values.get(language, "").strip():
        print(f"{where}: no {language} text yet")
        return 0
    if recorded is None:
        print(f"{where}: not recorded; check it, then: kursus translations mark {language} {ref.label.split()[0]}")
        return 0
    if recorded == text_hash(now):
        print(f"{where}: up to date")
        return 0
    old = old_quiz_text(layout.root, ref.path, ref.label, layout.source, recorded)
    if old is None:
        print(f"{where}: out of date, but the old source text is not available in git history")
        print(f"  now ({layout.source}): {' '.join(now.split())}")
        return 1
    print(f"{where}: out of date; the {layout.source} text changed:")
    for line in unified(" ".join(old.split()) + "\n", " ".join(now.split()) + "\n", "translated from", "now")[2:]:
        print(f"  {line}")
    return 0


def run_mark(args: argparse.Namespace) -> int:
    loaded = _load(args, "kursus translations mark")
    if loaded is None:
        return 2
    layout, bank = loaded
    if not _language(layout, args.language, "mark"):
        return 2
    command = "kursus translations mark"
    if not args.items and not args.all:
        return fail(
            command,
            "name the pages, folders, quiz files or quiz ids you revised, or give "
            f"--all to mark everything translated into {args.language} (see first: "
            f"kursus translations mark {args.language} --all --dry-run); nothing was written",
        )
    if args.items and args.all:
        return fail(command, "give items or --all, not both; nothing was written")
    try:
        result = mark(layout, bank, args.language, args.items, dry_run=args.dry_run)
    except RecordError as exc:
        return fail(command, exc)
    except OSError as exc:
        return fail(command, f"{exc}; nothing was written", 1)
    if result.errors:
        return stop(command, result.errors, "nothing was marked")
    record = layout.show(layout.records(args.language))
    pages = f"{len(result.pages)} page{'' if len(result.pages) == 1 else 's'}"
    texts = f"{len(result.texts)} quiz text{'' if len(result.texts) == 1 else 's'}"
    verb = "Would mark (dry run, nothing written)" if args.dry_run else "Marked"
    print(f"{verb} {pages} and {texts} of {layout.label(args.language)} as up to date: {record}")
    if result.changed:
        print(f"Out of date or not recorded until now ({len(result.changed)}):")
        for item in result.changed:
            print(f"  {item}")
    else:
        print("All of them were up to date already.")
    if result.skipped:
        print(f"Not marked, no {args.language} translation yet ({len(result.skipped)}):")
        for item in result.skipped[:20]:
            print(f"  {item}")
        if len(result.skipped) > 20:
            print(f"  … and {len(result.skipped) - 20} more ('kursus translations' lists them)")
    if result.dropped:
        print(f"Dropped {result.dropped} records of pages or texts that no longer exist.")
    return 0

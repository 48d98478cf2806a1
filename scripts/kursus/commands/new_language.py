"""``kursus new-language``: add a partial language that builds at once, falling back to the source."""

from __future__ import annotations

import argparse
import contextlib

from ..atomic import said
from ..translations.newlang import NewLanguageError, add_language
from ..ui import UiStringsError, load_strings
from ._common import fail, layout_of

COMMAND = "kursus new-language"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "new-language",
        help="add a language to translate (partial: untranslated pages show the Indonesian original)",
        description=(
            "Add a language to mkdocs.yml (i18n languages; comments kept) as a partial language, create "
            "docs/<code>/ and its record file terjemahan/<code>.yml, and, when the Material theme has no "
            "interface texts for it, a theme partial that falls back along the language's "
            "fallback chain (Bahasa Indonesia for the regional languages of Indonesia, English for others; "
            "'fallbacks' of the kursus plugin in mkdocs.yml). 'make build' works at "
            "once: every page not yet translated shows the Indonesian original with a banner. The "
            "language is not added to complete_languages: do that when everything is translated."
        ),
    )
    p.add_argument(
        "code",
        help="a BCP 47 language tag: ISO 639-1 (vi, ms, jv) or ISO 639-3 (ban, min, bjn), optionally with a region",
    )
    p.add_argument(
        "--name", help="the language's name in the language switcher (default: its own name, e.g. Tiếng Việt)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    layout = layout_of(COMMAND, args.root)
    if layout is None:
        return 2
    try:
        added = add_language(layout, args.code, args.name)
    except NewLanguageError as exc:
        return fail(COMMAND, exc, 1)
    except OSError as exc:
        return fail(COMMAND, f"cannot write {said(exc)}", 1)
    print(f"Added {added.name} ({added.code}) as a partial language.")
    for item in added.created:
        print(f"  created {item}")
    for item in added.kept:
        print(f"  kept    {item} (already there)")
    missing, ui_path = 0, layout.ui_strings
    if ui_path and ui_path.is_file():
        with contextlib.suppress(UiStringsError):
            missing = sum(1 for texts in load_strings(ui_path).values() if args.code not in texts)
    ui_shown = layout.show(ui_path) if ui_path else "overrides/ui-strings.yml"
    steps = [
        f"translate pages into docs/{added.code}/ (same paths as docs/{layout.source}/), and quiz texts by adding "
        f"'{added.code}: …' beside each source text in quizzes/*.yml",
    ]
    if missing:
        shown_in = layout.chain(added.code)[0]
        steps.append(
            f"add '{added.code}: …' to the {missing} lines of {ui_shown} (until then those texts appear in "
            f"{layout.name(shown_in)}; 'kursus translations' lists what is missing)"
        )
    steps.append(
        f"or work in a translation tool: kursus translations export {added.code} writes PO files to "
        f"terjemahan/po/{added.code}/, kursus translations import {added.code} brings them back"
    )
    steps.append(f"follow the progress: kursus translations --language {added.code}; preview: make serve")
    print("Next:")
    for number, step in enumerate(steps, start=1):
        print(f"  {number}. {step}")
    return 0

"""``kursus print``: PDFs for trainers, per language, from the same sources as the website."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..atomic import folder_of, said, write_text
from ..printing.course import CourseError, load_course
from ..printing.documents import compose
from ..printing.pdf import CHROMIUM, PdfError, PdfPrinter
from ..problems import as_text, summary
from ._common import fail, stop

COMMAND = "kursus print"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "print",
        help="print the course to PDF: handbook, facilitator guide, desk kit, evaluation form, quizzes, sheets, keys",
        description=(
            "Print the course for workshops on paper, from the same sources as the website, into one folder "
            "per language (dist/id/, dist/en/): the learner handbook (every module's reading and worksheet, "
            "no answers), the facilitator guide (notes, session plans, role-play cards to cut out, answer "
            "keys, sort cards to cut out), the desk kit (handouts for job seekers in large print and counsellor desk "
            "cards, one per sheet), the workshop evaluation form (one sheet to copy per participant), "
            "and per module (and for the pre- and post-course checks) the question paper, a separate answer sheet "
            "and the trainer's answer key; "
            "bilingual question papers go into dist/id-en/. Needs Debian's chromium (/usr/bin/chromium). "
            "The question bank must pass 'kursus check' first. Each PDF is written to a temporary file and "
            "renamed when complete."
        ),
        epilog=(
            "Files in each language folder: buku-peserta.pdf (learner handbook), panduan-fasilitator.pdf "
            "(facilitator guide), kit-meja.pdf (desk kit), evaluasi-lokakarya.pdf (workshop evaluation form), "
            "modul-NN-kuis.pdf (question paper), "
            "modul-NN-lembar-jawaban.pdf (answer sheet), modul-NN-kunci-jawaban.pdf (answer key, for the trainer "
            "only); "
            "the same three for the pre- and post-course checks: tes-awal-kuis.pdf, tes-awal-lembar-jawaban.pdf, "
            "tes-awal-kunci-jawaban.pdf, tes-akhir-…."
        ),
    )
    p.add_argument(
        "--language",
        action="append",
        metavar="LANG",
        help="print only this language, e.g. id or en (repeat for several; default: every language)",
    )
    p.add_argument(
        "--out", type=Path, default=None, metavar="DIR", help="folder for the PDFs (default: dist/ in the course)"
    )
    p.add_argument("--no-bilingual", action="store_true", help="skip the bilingual question papers")
    p.add_argument("--html", action="store_true", help="also keep the print-ready HTML beside each PDF")
    p.add_argument(
        "--chromium",
        type=Path,
        default=CHROMIUM,
        metavar="PATH",
        help=f"the Chromium to print with (default: {CHROMIUM})",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    started = time.perf_counter()
    try:
        out = folder_of(args.out or root / "dist").resolve()
    except OSError as exc:
        return fail(COMMAND, f"--out: cannot write {said(exc)}")
    try:
        course, problems = load_course(root)
    except CourseError as exc:
        return fail(COMMAND, exc)
    if course is None:
        found = [*as_text(problems), summary(problems, len({p.path for p in problems}))]
        return stop(COMMAND, found, "nothing was printed; fix the quiz problems above and run again", prefixed=False)
    known = course.project.languages
    languages = list(dict.fromkeys(args.language or known))
    unknown = [lang for lang in languages if lang not in known]
    if unknown:
        return fail(COMMAND, f"unknown language '{unknown[0]}' (this course has: {', '.join(known)})")
    documents = compose(course, languages, with_bilingual=not args.no_bilingual)
    print(f"==> Printing {len(documents)} documents ({', '.join(languages)}) into {out}", flush=True)
    for note in dict.fromkeys(note for document in documents for note in document.notes):
        print(f"    note: {note}")
    total = 0
    try:
        with PdfPrinter(args.chromium).running() as printer:
            for number, document in enumerate(documents, start=1):
                began = time.perf_counter()
                printed = printer.write(document, out)
                if args.html:
                    write_text(printed.path.with_suffix(".html"), printed.html)
                total += printed.pages
                pages = f"{printed.pages} page{'s' if printed.pages != 1 else ''}"
                print(
                    f"[{number:>{len(str(len(documents)))}}/{len(documents)}] {document.target}: {pages}, "
                    f"{time.perf_counter() - began:.1f} s ({document.title})",
                    flush=True,
                )
    except PdfError as exc:
        return fail(COMMAND, exc, 1)
    except OSError as exc:
        return fail(COMMAND, f"cannot write the PDFs: {said(exc)}", 1)
    print(f"==> {len(documents)} PDFs, {total} pages, in {time.perf_counter() - started:.1f} s: {out}")
    return 0

"""``kursus score``: score a workshop's quiz from CSV answer sheets or result codes; ``kursus score
template MODULE`` writes the empty answer sheet."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..atomic import said, target_of
from ..project import Project, ProjectError, load_project
from ..quiz.bank import Bank, load_bank, quiz_files
from ..quiz.model import MODULE_ID, Quiz
from ..quiz.modules import POST, PRE
from ..quiz.objectives import objective_text
from ..quiz.render import Renderer
from ..scoring.accept import Bad, ClassAnswer, already, parse_option, read_accept_file
from ..scoring.codes import read_codes
from ..scoring.csvreport import as_csv
from ..scoring.files import also_read, shown_safely, write_atomic
from ..scoring.gain import compare, read_form
from ..scoring.gainhtml import as_html as gain_html
from ..scoring.gainreport import as_csv as gain_csv
from ..scoring.gainreport import as_table as gain_table
from ..scoring.gainreport import totals as gain_totals
from ..scoring.html import as_html
from ..scoring.model import InputError, Intake, Level, Strings, in_order, note
from ..scoring.report import as_table, totals
from ..scoring.review import EASY, HARD, MIN_CLASS, WEAK
from ..scoring.sheet import header_modules, read_sheet, template, template_readme
from ..scoring.statement import read_statements
from ..scoring.statement import report as statement_report
from ..scoring.stats import score
from ..ui import UiStringsError, interface_fallbacks, load_strings, translator
from ._common import fail

COMMAND = "kursus score"
USAGE = (
    "kursus score [--codes FILE] [--module MODULE] [--format {table,csv,html}] [--csv-excel-id]\n"
    "                    [--accept-file FILE] [--accept QID=ANSWER] [--language LANG] [-o FILE] [answers.csv ...]\n"
    "       kursus score --pre jawaban-awal.csv --post jawaban-akhir.csv [--format {table,csv,html}] [-o FILE]\n"
    "       kursus score template MODULE [--language LANG] [-o FILE]"
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "score",
        help="score a workshop quiz from CSV answer sheets or result codes, with item statistics",
        usage=USAGE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Score every participant of a workshop quiz and report item statistics: facility index (share\n"
            "correct), discrimination (upper-lower 27% groups and point-biserial), how often each option was\n"
            f"chosen, which questions to revisit (too easy > {EASY:.2f}, too hard < {HARD:.2f}, D or r-pb below "
            f"{WEAK:.2f} or\nnegative; with fewer than {MIN_CLASS} participants nothing is flagged on D or r-pb), "
            "and the class's standard\n"
            "deviation, median and reliability (KR-20, or Cronbach's alpha when points differ). Every format\n"
            "ends with a legend that says how to read it.\n"
            "\n"
            "Short answers: accept more answers for this class with --accept-file (CSV lines: question id,\n"
            "answer[, language]) or --accept QID=ANSWER; the report lists whom each was counted for, and lists\n"
            "near misses (a letter or a word off) for you to decide: they are never accepted by themselves.\n"
            "\n"
            "Input: CSV answer sheets (first column the participant's name, then one column per question id;\n"
            "make one with 'kursus score template m01'), and/or a text file of result codes from the 'My\n"
            "progress' page (--codes; one code per line, optionally 'name: code'; a code records each question's\n"
            "first checked answer, retries are practice). A completion statement's code (it starts with 00)\n"
            "in the same file is checked against the name before it and reported with its modules and scores.\n"
            "Every row is scored or reported with its line number and reason; the totals line shows both counts.\n"
            "\n"
            "Learning gain: --pre and --post take the answer sheets of the pre- and post-course checks\n"
            "(templates: 'kursus score template awal' and 'template akhir'), or .txt files of result codes;\n"
            "either option may be given more than once. Participants are paired by name\n"
            "(case, accents and extra spaces do not matter); the report gives each one's pre and post scores,\n"
            "raw gain and normalised gain g = (post - pre) / (max - pre), the class means and g, the learning\n"
            "objectives that improved least, and lists anyone found in only one file. The HTML report adds charts."
        ),
        epilog=(
            "examples:\n"
            "  kursus score template m01 -o jawaban-m01.csv    empty sheet (and jawaban-m01-petunjuk.txt)\n"
            "  kursus score jawaban-m01.csv                     report in the terminal\n"
            "  kursus score jawaban-m01.csv -o laporan.html     printable report (format from the suffix)\n"
            "  kursus score --codes kode.txt --language en      result codes, report in English\n"
            "  kursus score jawaban-m01.csv --csv-excel-id -o laporan.csv\n"
            "                                                   CSV for Excel in Indonesian (; and 0,5)\n"
            "  kursus score jawaban-m01.csv --accept-file terima.csv\n"
            "                                                   with answers accepted for this class\n"
            "  kursus score --pre jawaban-awal.csv --post jawaban-akhir.csv -o perolehan.html\n"
            "                                                   learning gain of the workshop, with charts\n"
            "\n"
            "exit status: 0 every row scored, 1 a file could not be read or some rows were not scored\n"
            "(the report is still written), 2 usage error."
        ),
    )
    p.add_argument("inputs", nargs="*", metavar="answers.csv", help="CSV answer sheets (or: template MODULE)")
    p.add_argument(
        "--codes", type=Path, action="append", default=[], metavar="FILE", help="a text file of result codes"
    )
    p.add_argument(
        "--module", metavar="MODULE", help="the module to score, e.g. m01 (default: from the sheet or codes)"
    )
    p.add_argument(
        "--format", choices=("table", "csv", "html"), help="report format (default: from -o's suffix, else table)"
    )
    p.add_argument(
        "--csv-excel-id",
        action="store_true",
        help="CSV for Excel set to Indonesian: semicolons, decimal commas, UTF-8 with BOM (implies --format csv)",
    )
    p.add_argument(
        "--accept-file",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="short answers accepted for this class: CSV lines 'question id, answer[, language]'",
    )
    p.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="QID=ANSWER",
        help='a short answer accepted for this class, e.g. --accept "m01.q04=rapi sopan" (repeatable)',
    )
    p.add_argument(
        "--pre",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="answers to the pre-course check (form awal): a CSV sheet, or a .txt file of result codes (repeatable)",
    )
    p.add_argument(
        "--post",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="answers to the post-course check (form akhir), as for --pre",
    )
    p.add_argument("--language", metavar="LANG", help="language of the report and messages (default: the course's)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the report here (default: the terminal)")
    p.set_defaults(run=run)


class UsageError(Exception):
    pass


def run(args: argparse.Namespace) -> int:
    t: Strings = str  # until the course's strings are loaded
    try:
        project = load_project(args.root)
        strings = load_strings(project.ui_strings)
        language = args.language or project.default_language
        if language not in project.languages:
            raise UsageError(f"--language {language}: the course has {', '.join(project.languages)}")
        via = interface_fallbacks(language, project.default_language, project.complete_languages, project.fallbacks)
        t = translator(strings, language, project.default_language, via)
        bank, problems = load_bank(quiz_files(project.quizzes_dir), project.root)
        _not_an_input(args, project)
        if args.inputs[:1] == ["template"]:
            return _template(args, project, bank, language, t)
        if args.pre or args.post:
            return _gain(args, project, bank, sorted({p.path for p in problems if p.is_error}), language, t)
        if not args.inputs and not args.codes:
            raise UsageError("give a CSV answer sheet, --codes FILE, or 'template MODULE' (see --help)")
        if args.csv_excel_id and args.format not in (None, "csv"):
            raise UsageError(f"--csv-excel-id writes CSV: leave out --format {args.format}")
        quiz = _module(args.module, bank) if args.module else None
        broken = sorted({p.path for p in problems if p.is_error})
        if quiz is not None and quiz.path in broken:
            print(f"{quiz.path}:1: {t('score_err_quiz')}", file=sys.stderr)
            return 1
        return _score(args, project, bank, quiz, broken, language, t)
    except (ProjectError, UsageError) as exc:
        return fail(COMMAND, exc)  # what the user typed is shown escaped
    except UiStringsError as exc:
        return fail(COMMAND, exc, 1)
    except InputError as exc:
        print(exc.note.text(t), file=sys.stderr)
        return 1


def _not_an_input(args: argparse.Namespace, project: Project) -> None:
    """Neither a file read nor one of the course's own files is replaced by what is written."""
    if args.output is None:
        return
    source = project.source_of(args.output)
    if source:
        raise UsageError(f"-o {args.output}: it is in the course's own {source}, which must not be replaced")
    given = [*map(Path, args.inputs), *args.codes, *args.accept_file, *args.pre, *args.post]
    read = also_read(args.output, given)
    if read:
        raise UsageError(f"-o {args.output} is also read as {read}: the report would replace it; write elsewhere")


def _module(ref: str, bank: Bank) -> Quiz:
    """``m01``, ``1``, ``01`` or ``modul-01`` -> the module's quiz."""
    wanted = ref.strip().lower().removeprefix("modul-").removeprefix("m")
    module = f"m{int(wanted):02d}" if wanted.isdigit() else ref
    quiz = bank.module(module) if MODULE_ID.match(module) else None
    if quiz is None:
        raise UsageError(f"no module '{ref}' in this course (modules: {', '.join(q.module for q in bank.quizzes)})")
    return quiz


def _template(args: argparse.Namespace, project: Project, bank: Bank, language: str, t: Strings) -> int:
    if len(args.inputs) != 2 or args.codes or args.format or args.module:
        raise UsageError("usage: kursus score template MODULE [--language LANG] [-o FILE]")
    quiz = _module(args.inputs[1], bank)
    renderer = Renderer(bank, language, project.default_language, t)
    sheet, readme = template(quiz, t), template_readme(quiz, renderer, t)
    if args.output is None:
        sys.stdout.write(sheet)
        sys.stderr.write(readme)
        return 0
    out: Path = args.output
    guide = out.with_name(f"{out.stem}-{t('score_readme_file')}.txt")
    try:
        target_of(out), target_of(guide)  # both can be written, or neither is
        write_atomic(out, sheet, encoding="utf-8-sig")  # the BOM makes spreadsheet programs read UTF-8
        write_atomic(guide, readme)
    except OSError as exc:
        return fail(COMMAND, f"cannot write {said(exc)}", 1)
    print(t("score_wrote_template").format(sheet=out, guide=guide))
    return 0


def _score(
    args: argparse.Namespace,
    project: Project,
    bank: Bank,
    quiz: Quiz | None,
    broken: list[str],
    language: str,
    t: Strings,
) -> int:
    def shown(path: Path) -> str:
        return path.as_posix()  # as the trainer typed it, so messages point at the file they know

    if quiz is None and args.inputs:
        modules = sorted({m for f in args.inputs for m in header_modules(Path(f), shown(Path(f)))})
        if len(modules) > 1:
            raise UsageError(f"the sheets' columns belong to several modules ({', '.join(modules)}): use --module")
        quiz = _module(modules[0], bank) if modules else None
        if quiz is None:
            raise UsageError("no question id (like m01.q01) heads the sheet's columns: use --module or the template")
    seen: dict[str, str] = {}
    intake = Intake()
    extra = _accepted(args, project, bank, intake, t)
    for f in args.inputs:
        assert quiz is not None
        intake.merge(read_sheet(Path(f), shown(Path(f)), quiz, seen))
    statements_rejected = _statements(args, project, bank, language, t)
    if statements_rejected is not None and not args.inputs and not _has_result_codes(args, bank, project):
        return 1 if statements_rejected else 0
    for f in args.codes:
        module = quiz.module if quiz else None
        found = read_codes(f, shown(f), bank, project.default_language, module, seen)
        quiz = quiz or bank.module(found.module)
        intake.merge(found)
    if quiz is None:  # no code could be read, so the module is unknown: say why, code by code
        for n in in_order(intake.notes):
            print(n.text(t), file=sys.stderr)
        print(totals_line(intake, t), file=sys.stderr)
        return 1
    if quiz.path in broken:
        print(f"{quiz.path}:1: {t('score_err_quiz')}", file=sys.stderr)
        return 1
    intake.module = quiz.module
    results = score(quiz, intake, extra)
    fmt = "csv" if args.csv_excel_id else args.format or _format_from(args.output)
    render: dict[str, Callable[[], str]] = {
        "table": lambda: as_table(results, t, language, project.default_language),
        "csv": lambda: as_csv(results, t, excel_id=args.csv_excel_id),
        "html": lambda: as_html(results, t, language, project.default_language),
    }
    text = render[fmt]() if fmt == "csv" else shown_safely(render[fmt]())
    if args.output is None and fmt == "table":
        sys.stdout.write(text)
    else:
        for n in in_order(intake.notes):
            print(n.text(t), file=sys.stderr)
        if args.output is None:
            sys.stdout.write(text)
        else:
            try:
                plain_csv = fmt == "csv" and not args.csv_excel_id  # the Excel style carries its own BOM
                write_atomic(args.output, text, encoding="utf-8-sig" if plain_csv else "utf-8")
            except OSError as exc:
                return fail(COMMAND, f"cannot write {said(exc)}", 1)
            print(t("score_wrote").format(path=args.output))
            print(totals(results, t))
    return 1 if intake.rejected else 0


def _gain(args: argparse.Namespace, project: Project, bank: Bank, broken: list[str], language: str, t: Strings) -> int:
    """``--pre`` and ``--post``: score both forms, pair the participants, report the gain."""
    if not (args.pre and args.post):
        raise UsageError("learning gain needs both --pre FILE and --post FILE")
    if args.inputs or args.codes or args.module:
        raise UsageError("--pre and --post take the two answer sheets: leave out other sheets, --codes and --module")
    if args.csv_excel_id and args.format not in (None, "csv"):
        raise UsageError(f"--csv-excel-id writes CSV: leave out --format {args.format}")
    forms = []
    for spec in (PRE, POST):
        quiz = bank.module(spec.id)
        if quiz is None:
            raise UsageError(f"the course has no {spec.id} check: {project.quizzes_dir.name}/{spec.name}.yml")
        if quiz.path in broken:
            print(f"{quiz.path}:1: {t('score_err_quiz')}", file=sys.stderr)
            return 1
        forms.append(quiz)
    pre_form, post_form = forms
    intake = Intake()
    extra = _accepted(args, project, bank, intake, t)
    language_of_codes = project.default_language  # codes are checked against the source language's key
    pre = read_form([(f, f.as_posix()) for f in args.pre], pre_form, POST.id, bank, language_of_codes)
    post = read_form([(f, f.as_posix()) for f in args.post], post_form, PRE.id, bank, language_of_codes)
    pre.notes[:0] = intake.notes  # what the accept files said, reported once

    def words(reference: str) -> str:
        return objective_text(project.docs_dir, reference, language, project.default_language)

    result = compare(pre_form, post_form, pre, post, words, extra)
    fmt = "csv" if args.csv_excel_id else args.format or _format_from(args.output)
    render: dict[str, Callable[[], str]] = {
        "table": lambda: gain_table(result, t),
        "csv": lambda: gain_csv(result, t, excel_id=args.csv_excel_id),
        "html": lambda: gain_html(result, t, language),
    }
    text = render[fmt]() if fmt == "csv" else shown_safely(render[fmt]())
    if args.output is None:
        if fmt != "table":
            for n in in_order([*pre.notes, *post.notes]):
                print(n.text(t), file=sys.stderr)
        sys.stdout.write(text)
    else:
        for n in in_order([*pre.notes, *post.notes]):
            print(n.text(t), file=sys.stderr)
        try:
            plain_csv = fmt == "csv" and not args.csv_excel_id
            write_atomic(args.output, text, encoding="utf-8-sig" if plain_csv else "utf-8")
        except OSError as exc:
            return fail(COMMAND, f"cannot write {said(exc)}", 1)
        print(t("score_wrote").format(path=args.output))
        print(gain_totals(result, t))
    return 1 if pre.rejected or post.rejected else 0


def _accepted(args: argparse.Namespace, project: Project, bank: Bank, intake: Intake, t: Strings) -> list[ClassAnswer]:
    """The short answers accepted for this class, checked before anything is scored."""
    questions = {q.id: q for q in bank.questions()}
    found: list[ClassAnswer] = []
    for f in args.accept_file:
        found += read_accept_file(f, f.as_posix(), questions, project.languages, intake.notes)
    for index, text in enumerate(args.accept, start=1):
        checked = parse_option(text, questions, project.languages)
        if isinstance(checked, Bad):
            raise UsageError(f"--accept {text!r}: {t(checked.key).format(**checked.params)}")
        if already(checked, questions):  # said like a line of a file: the n-th --accept
            intake.notes.append(note("--accept", index, "score_warn_accept_quiz", Level.WARNING, qid=checked.qid))
            continue
        found.append(checked)
    return found


def _statements(args: argparse.Namespace, project: Project, bank: Bank, language: str, t: Strings) -> int | None:
    """Completion statements in the code files, reported on their own; how many were refused, or None
    if there are none."""
    checked, notes, shown_any = [], [], False
    for f in args.codes:
        found, refused = read_statements(f, f.as_posix(), bank, project.default_language)
        checked += found
        notes += refused
        shown_any = shown_any or bool(found or refused)
    if not shown_any:
        return None
    if checked:
        report = statement_report(checked, bank, project.pass_mark, language, project.default_language, t)
        sys.stdout.write(shown_safely(report))
    for n in in_order(notes):
        print(n.text(t), file=sys.stderr)
    return len(notes)


def _has_result_codes(args: argparse.Namespace, bank: Bank, project: Project) -> bool:
    """Whether the code files hold anything besides completion statements (comments and blanks aside)."""
    for f in args.codes:
        intake = read_codes(f, f.as_posix(), bank, project.default_language, None)
        if intake.rows > intake.comments:
            return True
    return False


def totals_line(intake: Intake, t: Strings) -> str:
    return t("score_totals").format(rows=intake.rows, scored=len(intake.participants), rejected=intake.rejected)


def _format_from(output: Path | None) -> str:
    suffix = output.suffix.lower() if output else ""
    return {".html": "html", ".htm": "html", ".csv": "csv"}.get(suffix, "table")

"""``kursus ids``: the register of question ids (quizzes/daftar-id.yml): record new ids, retire removed ones."""

from __future__ import annotations

import argparse

from ..atomic import write_text
from ..problems import as_text
from ..quiz.bank import REGISTER, display_path, load_bank, quiz_files
from ..quiz.model import GROUP_ID, QUESTION_ID
from ..quiz.register import Register, bank_ids, read_register, register_findings, written
from ._common import fail, project_of, stop

COMMAND = "kursus ids"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "ids",
        help="the register of question ids: record new ids, retire removed ones (ids are never reused)",
        description=(
            f"Show what differs between the quizzes and the id register quizzes/{REGISTER}, which lists every "
            "question and group id ever published. Learners' progress is kept by id, so an id is never given "
            "to another question. --record adds the quizzes' new ids; --retire moves a removed id to the "
            "retired list with the reason. The file is rewritten whole, sorted. Exit status: 0 register up to "
            "date (or updated), 1 differences or problems, 2 usage error."
        ),
    )
    p.add_argument("--record", action="store_true", help="add every id of the quizzes that is not recorded yet")
    p.add_argument("--retire", metavar="ID", action="append", default=[], help="retire this id (repeatable)")
    p.add_argument("--reason", metavar="TEXT", help="why the ids given with --retire were removed (required)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(COMMAND, args.root)
    if project is None:
        return 2
    if args.retire and not (args.reason or "").strip():
        return fail(COMMAND, "--retire needs --reason 'why the question was removed'")
    path = project.quizzes_dir / REGISTER
    shown = display_path(path, project.root)
    bank, loading = load_bank(quiz_files(project.quizzes_dir), project.root)
    register, problems = read_register(path, shown)
    if problems or any(p.is_error for p in loading):
        found = as_text([*problems, *(p for p in loading if p.is_error)])
        return stop(COMMAND, found, "nothing changed; fix the problems above first", prefixed=False)
    register = register or Register(shown)
    current = bank_ids(bank)
    changed = False
    for ref in args.retire:
        if ref in current:
            return fail(COMMAND, f"{ref} is still in {current[ref][0]}; remove the question first", 1)
        if ref in register.retired:
            return fail(COMMAND, f"{ref} is retired already ({register.retired[ref][0]})", 1)
        if not QUESTION_ID.match(ref) and not GROUP_ID.match(ref):
            return fail(COMMAND, f"'{ref}' is not a question or group id (m01.q03, m01.s01)")
        # An id from before the register was kept may be retired without having been recorded.
        register.in_use.pop(ref, None)
        register.retired[ref] = (str(args.reason).strip(), 0)
        changed = True
    if args.record:
        new = [ref for ref in current if ref not in register.in_use and ref not in register.retired]
        for ref in new:
            register.in_use[ref] = 0
        changed = changed or bool(new)
        for ref in sorted(new):
            print(f"recorded {ref}")
    if changed:
        write_text(path, written(register))
        print(f"updated {shown}")
    left = register_findings(register, bank, complete=True)
    for line in as_text(left):
        print(line)
    return 1 if left else 0

"""Markdown in quiz texts that would not render as the author meant, in every language (Q063-Q069).

Quiz texts know only ``**bold**``, ``*italic*`` and paragraph breaks (``quiz.markup``); anything else
reaches learners as typed. What is checked is what the renderer itself leaves behind: a ``*`` it did
not turn into emphasis is one a learner sees. Links, underscores, backticks and block syntax are found
with patterns that never look back (each character is read a bounded number of times).

Each problem points at the line of the text's language key (``id:``, ``en:``, ``jv:`` …) and quotes
the place, since a translator may be fixing one language only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..problems import Problem, error, warning
from .bank import Bank
from .emphasis import spans
from .items import TextRef
from .markup import BOLD, PARAGRAPH_BREAK

# A link: [text](target), or its start with no ')' on the line. '[^][\n]*' stops at the next bracket.
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^()\n]*)(\))?")
# _emphasis_ or __strong__ as other Markdown writes it: an underscore not inside a word opens it.
_UNDERSCORE = re.compile(r"(?<!\w)(__?)(?=[^\s_])([^_\n]*[^\s_])\1(?!\w)")
# Block syntax at the start of a line: heading, list item, numbered item, quotation.
_BLOCK = re.compile(r"^[ \t]*(#{1,6}[ \t]|[-+][ \t]|\d{1,3}[.)][ \t]|>[ \t]?)", re.MULTILINE)
# Tags an author writes expecting formatting. Others (<script>, <img …>) are no mistake of formatting:
# the renderer escapes them like any text, and tests keep such texts to prove it.
_TAG = re.compile(
    r"</?(?:b|strong|i|em|u|s|br|p|a|sup|sub|span|div|ul|ol|li|code|mark|small|h[1-6])(?:\s[^<>\n]*)?/?>",
    re.IGNORECASE,
)
CONTEXT = 24  # characters of text quoted on either side of the place


def quote(text: str, start: int, end: int) -> str:
    """The place in ``text`` with a little context, on one line, for the message."""
    left = max(0, start - CONTEXT)
    right = min(len(text), end + CONTEXT)
    snippet = ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
    return " ".join(snippet.split())


def _literal_asterisks(paragraph: str) -> Iterator[tuple[str, int]]:
    """Asterisks the renderer would show as typed: ('**' | '*', position). A '*' with a space (or
    nothing) on both sides is meant as an asterisk and is left alone."""
    bold = [(m.start(), m.end()) for m in BOLD.finditer(paragraph)]
    covered = {i for start, end in bold for i in (start, start + 1, end - 2, end - 1)}
    i = paragraph.find("**")
    while i != -1:  # '**' not taken by a bold pair
        if i not in covered and i + 1 not in covered:
            yield "**", i
            i = paragraph.find("\n", i)  # the rest of the line has no pair either (see BOLD)
            if i == -1:
                break
        i = paragraph.find("**", i + 2)
    if "*" not in paragraph:
        return
    rest = "".join(" " if i in covered else c for i, c in enumerate(paragraph))  # bold markers rendered
    unclosed = {i for i, k in spans(rest) if k == -1}
    for i in unclosed:
        if rest[i + 1 : i + 2] != "*" and (i == 0 or rest[i - 1] != "*"):
            yield "*", i


def markup_problems(text: str) -> Iterator[tuple[str, int, int, str, str]]:
    """(code, start, end, message, hint) for each place in one language's text."""
    for paragraph_start, paragraph in _paragraphs(text):
        for marker, i in _literal_asterisks(paragraph):
            at = paragraph_start + i
            if marker == "**":
                yield "Q063", at, at + 2, "'**' is not closed on its line", "close the bold with ** on the same line"
            else:
                yield (
                    "Q064",
                    at,
                    at + 1,
                    "'*' opens italic that is not closed on its line",
                    "close it with * right after the last word, or put a space on both sides of "
                    "an asterisk meant as one",
                )
    for m in _LINK.finditer(text):
        if m.group(3) is None:
            yield (
                "Q066",
                m.start(),
                m.end(),
                "a link with no ')' on its line",
                "close it, or write the text without a link",
            )
        elif not m.group(2).strip():
            yield "Q066", m.start(), m.end(), "a link with an empty target", "write the text without a link"
        else:
            yield (
                "Q065",
                m.start(),
                m.end(),
                "quiz texts have no links: the brackets and the address are shown as typed",
                "name the page in words, such as 'the module 2 reading', or link it from the page around the quiz",
            )
    for m in _UNDERSCORE.finditer(text):
        star = "**" if len(m.group(1)) == 2 else "*"
        yield (
            "Q067",
            m.start(),
            m.end(),
            f"'{m.group(1)}' emphasis is shown with its underscores",
            f"write {star}…{star} instead",
        )
    ticks = text.find("`")
    if ticks != -1:
        yield "Q068", ticks, ticks + 1, "backticks are shown as typed", "leave them out, or quote with “…”"
    for m in _BLOCK.finditer(text):
        yield (
            "Q069",
            m.start(),
            m.end(),
            f"'{m.group(1).strip()}' at the start of a line is shown as typed (quiz texts have no headings, "
            "lists or quotations)",
            "write it as a sentence; separate paragraphs with a blank line",
        )
    tag = _TAG.search(text)
    if tag:
        yield (
            "Q069",
            tag.start(),
            tag.end(),
            f"the HTML tag '{tag.group(0)}' is shown as typed",
            "use **bold** or *italic*",
        )


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Each paragraph as the renderer splits them (``markup.block``), with where it starts."""
    start = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        yield start, text[start : m.start()]
        start = m.end()
    yield start, text[start:]


SEVERITY = {"Q063": error, "Q064": error, "Q065": error, "Q066": error, "Q067": warning, "Q068": warning}


def check_ref(ref: TextRef) -> list[Problem]:
    problems: list[Problem] = []
    for language, text in ref.values.items():
        seen: set[str] = set()
        for code, start, end, message, hint in markup_problems(text):
            if code in seen:  # one of each kind per text: the first shows the author what to look for
                continue
            seen.add(code)
            report = SEVERITY.get(code, warning)
            line = ref.lines.get(language, ref.line)
            where = f"{ref.label} ({language}): {message}: “{quote(text, start, end)}”"
            problems.append(report(ref.path, line, code, where, hint))
    return problems


def check_markup(bank: Bank) -> list[Problem]:
    """Q063-Q069 for every text of every quiz, in every language."""
    return [p for quiz in bank.quizzes for ref in quiz.texts for p in check_ref(ref)]

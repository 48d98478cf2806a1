"""What a participant writes on: boxes to tick, short blanks and writing lines (paper quizzes and pages)."""

from __future__ import annotations


def box(round_: bool = False) -> str:
    """An empty box to tick (round for 'choose one')."""
    return f'<span class="pp-box{" pp-box--round" if round_ else ""}"></span>'


def blank(kind: str = "") -> str:
    """A short line to write a number or a letter on."""
    return f'<span class="pp-blank{f" pp-blank--{kind}" if kind else ""}"></span>'


def writing_lines(count: int) -> str:
    return '<div class="pp-lines">' + '<span class="pp-line"></span>' * count + "</div>"

"""*Italic* in quiz texts, in time linear in the text.

The rule is the one a regular expression once stated, ``(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])``:
an opening ``*`` not after a word character or ``*`` and before a non-space; the first closing ``*`` on
the same line after a non-space and not before a word character or ``*``. Matched by a regex, every
unclosed ``*`` rescanned the rest of its line: 30,000 of them took minutes.
"""

from __future__ import annotations


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches in a str pattern


def _opens(text: str, i: int) -> bool:
    before_ok = i == 0 or not (text[i - 1] == "*" or _word(text[i - 1]))
    return before_ok and i + 2 < len(text) and not text[i + 1].isspace()


def _closes(text: str, k: int) -> bool:
    after = text[k + 1 : k + 2]
    return not text[k - 1].isspace() and not (after == "*" or (after != "" and _word(after)))


def spans(text: str) -> list[tuple[int, int]]:
    """Each ``*`` that opens italic, with the ``*`` that closes it, or -1 when nothing on its line does.

    An opener without a closer means no later opener on its line has one either (they would look for
    it further on), so the search skips to the next line: every character is looked at at most twice."""
    found: list[tuple[int, int]] = []
    i = text.find("*")
    while i != -1:
        if _opens(text, i):
            line_end = text.find("\n", i)
            line_end = len(text) if line_end == -1 else line_end
            k = text.find("*", i + 2, line_end)
            while k != -1 and not _closes(text, k):
                k = text.find("*", k + 1, line_end)
            found.append((i, k))
            i = text.find("*", k + 1) if k != -1 else text.find("*", line_end)
            continue
        i = text.find("*", i + 1)
    return found


def italic(text: str) -> str:
    """``text`` with each ``*emphasis*`` as ``<em>emphasis</em>``; escaping is the caller's."""
    out: list[str] = []
    start = 0
    for i, k in spans(text):
        if k != -1:
            out += [text[start:i], "<em>", text[i + 1 : k], "</em>"]
            start = k + 1
    out.append(text[start:])
    return "".join(out)

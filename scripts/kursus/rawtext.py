"""Reading a course text file from its bytes, so that a bad byte is reported at the line it is on.

Python's decoder and the YAML reader only give an offset (or line 1); editors and CI jump to lines.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

# Control characters no text file of the course should hold (tab, newline and carriage return are fine).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RawTextError(Exception):
    def __init__(self, line: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


class TooLargeError(RawTextError):
    """The file is over the size limit; it was not read."""


def line_at(raw: bytes, offset: int) -> int:
    """The 1-based line of byte ``offset``: the newlines before it, plus one."""
    return raw.count(b"\n", 0, offset) + 1


def utf16(raw: bytes) -> bool:
    """Saved as UTF-16 (Windows Notepad's "Unicode"): a byte order mark FF FE or FE FF, or, without one,
    text whose every other byte is zero (Latin letters in UTF-16)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = raw[:512]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (even.count(0) == len(even)) != (odd.count(0) == len(odd))


def decode(raw: bytes) -> str:
    """``raw`` as text; raises ``RawTextError`` at the line of the first bad byte."""
    if utf16(raw):
        # Said as 'byte 0xff is not UTF-8 text' or '\x00 in the text' before: true, but no help.
        raise RawTextError(1, "the file is saved as UTF-16, not UTF-8", "save it as UTF-8 in your editor")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = raw[exc.start : exc.start + 1].hex()
        raise RawTextError(
            line_at(raw, exc.start), f"byte 0x{byte} is not UTF-8 text", "save the file as UTF-8"
        ) from None
    found = _CONTROL.search(raw)
    if found:
        code = found.group(0)[0]
        raise RawTextError(
            line_at(raw, found.start()),
            f"control character \\x{code:02x} in the text",
            "delete it; it is invisible in most editors, so retype the line if unsure",
        )
    return text.removeprefix("\ufeff")  # a byte order mark, as some Windows editors save


def read(path: Path, limit: int | None = None) -> str:
    """The file's text. Raises ``OSError`` when it cannot be read and ``RawTextError`` for bad bytes, a
    file larger than ``limit`` bytes (checked before reading it whole) or one that is no ordinary file."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
        # A pipe, socket or device: opening it would wait for a writer forever (a folder says so itself).
        raise RawTextError(1, "this is not an ordinary file (a pipe, socket or device)", "replace it with a text file")
    if limit is not None:
        size = status.st_size
        if size > limit:
            raise TooLargeError(
                1,
                f"the file is {size:,} bytes, more than the {limit:,} allowed",
                "split it, or remove what is not needed",
            )
    return decode(path.read_bytes())

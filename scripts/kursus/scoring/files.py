"""Reading a trainer's text file with a clear message for every way it can be wrong, and writing
results without leaving half a file behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..atomic import write_text
from ..problems import printable
from .model import InputError, Level, Note, note

_WORKBOOK = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx/.ods (zip) and old .xls
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")  # before UTF-16's: the first starts like it
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# A class's answer sheets and code lists are a few kilobytes; anything this big is the wrong file, and is
# refused before it is read whole.
MAX_MEGABYTES = 10
MAX_BYTES = MAX_MEGABYTES * 1_000_000


def read_text(path: Path, shown: str, notes: list[Note] | None = None) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, or Windows-1252, as
    spreadsheets save it; reading Windows-1252 is said in ``notes`` (characters beyond it would have been
    lost already). Only an ordinary file is read: a pipe would wait for a writer for ever, a device such as
    /dev/zero never ends."""
    data = _bytes(path, shown)
    if data.startswith(_WORKBOOK):
        raise InputError(note(shown, 1, "score_err_workbook", Level.FATAL))
    wide = "utf-32" if data.startswith(_UTF32_BOMS) else "utf-16" if data.startswith(_UTF16_BOMS) else None
    if wide:
        try:
            data = data.decode(wide).encode("utf-8")
        except UnicodeDecodeError:
            raise InputError(note(shown, 1, "score_err_utf16", Level.FATAL)) from None
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise InputError(note(shown, 1, "score_err_empty", Level.FATAL))
    if b"\x00" in data:
        if _utf16_without_bom(data):
            raise InputError(note(shown, 1, "score_err_utf16", Level.FATAL))
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(note(shown, line, "score_err_not_text", Level.FATAL))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Excel on Windows saves "CSV (comma delimited)" in Windows-1252: read it as that.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            line = data.count(b"\n", 0, exc.start) + 1
            byte = f"0x{data[exc.start]:02X}"
            raise InputError(note(shown, line, "score_err_encoding", Level.FATAL, byte=byte)) from None
        if notes is not None:
            line = data.count(b"\n", 0, exc.start) + 1
            notes.append(note(shown, line, "score_warn_windows_1252", Level.WARNING))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bytes(path: Path, shown: str) -> bytes:
    """The bytes of an ordinary file of at most ``MAX_BYTES``; ``InputError`` for anything else."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise InputError(note(shown, 1, "score_err_not_file", Level.FATAL))
        if status.st_size > MAX_BYTES:
            raise InputError(note(shown, 1, "score_err_too_large", Level.FATAL, limit=MAX_MEGABYTES))
        with path.open("rb") as source:
            data = source.read(MAX_BYTES + 1)  # it may have grown since
    except FileNotFoundError:
        raise InputError(note(shown, 1, "score_err_missing", Level.FATAL)) from None
    except OSError as exc:
        raise InputError(note(shown, 1, "score_err_unreadable", Level.FATAL, error=exc.strerror or exc)) from None
    if len(data) > MAX_BYTES:
        raise InputError(note(shown, 1, "score_err_too_large", Level.FATAL, limit=MAX_MEGABYTES))
    return data


def _utf16_without_bom(data: bytes) -> bool:
    """Text saved as UTF-16 without a byte order mark: Latin letters leave a NUL in every other byte
    (odd bytes for little-endian, even for big-endian), which no text file and few binary ones do."""
    pairs = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    many, few = max(even, odd), min(even, odd)
    return pairs > 0 and many >= pairs * 0.7 and few <= many * 0.05


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Reports and templates keep their own line endings (CSV uses CRLF)."""
    write_text(path, text, encoding=encoding, newline="")


def also_read(output: Path, inputs: list[Path]) -> Path | None:
    """The input that ``output`` names, if any: writing the report there would replace the class's answers."""
    if not output.exists():
        return None
    return next((given for given in inputs if given.exists() and os.path.samefile(given, output)), None)


def shown_safely(text: str) -> str:
    """A report for the terminal or a browser: control characters from a sheet (in a name, say) written
    as escapes, so they neither act on the terminal nor make the HTML invalid. CSV keeps the data as is."""
    return "\n".join(printable(line) for line in text.split("\n"))

"""Reading a trainer's text file with a clear message for every way it can be wrong, and writing
results without leaving half a file behind."""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_text
from .model import InputError, Level, Note, note

_WORKBOOK = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx/.ods (zip) and old .xls


def read_text(path: Path, shown: str, notes: list[Note] | None = None) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252, as spreadsheets save
    it; reading Windows-1252 is said in ``notes`` (characters beyond it would have been lost already)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(note(shown, 1, "score_err_missing", Level.FATAL)) from None
    except IsADirectoryError:
        raise InputError(note(shown, 1, "score_err_not_text", Level.FATAL)) from None
    except OSError as exc:
        raise InputError(note(shown, 1, "score_err_unreadable", Level.FATAL, error=exc.strerror or exc)) from None
    if data.startswith(_WORKBOOK):
        raise InputError(note(shown, 1, "score_err_workbook", Level.FATAL))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError(note(shown, 1, "score_err_not_text", Level.FATAL)) from None
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise InputError(note(shown, 1, "score_err_empty", Level.FATAL))
    if b"\x00" in data:
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


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Reports and templates keep their own line endings (CSV uses CRLF)."""
    write_text(path, text, encoding=encoding, newline="")

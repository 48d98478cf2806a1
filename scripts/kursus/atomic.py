"""Writing files so that a failure never leaves half a file: write beside the target, then rename."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def target_of(path: Path) -> Path:
    """Where writing the file ``path`` lands, or ``OSError`` naming ``path`` and saying what is wrong,
    before anything is written. A link is written through (the file it points to is replaced, the link
    stays); a link to nothing is refused, as replacing it would quietly turn the link into a file. A folder
    that does not exist yet is made, as for dist/."""
    path = _through_link(path)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder; give a file name inside it", str(path))
    _check_parents(path)
    return path


def folder_of(path: Path) -> Path:
    """The folder ``path`` names, checked as ``target_of`` checks a file (it is made when it is written)."""
    path = _through_link(path)
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(path))
    _check_parents(path)
    return path


def _through_link(path: Path) -> Path:
    if not path.is_symlink():
        return path
    try:
        os.stat(path)  # a link that loops raises here, naming it
    except FileNotFoundError:
        raise FileNotFoundError(
            errno.ENOENT,
            f"it is a link to {os.readlink(path)}, which does not exist; remove the link or write elsewhere",
            str(path),
        ) from None
    return Path(os.path.realpath(path))


def _check_parents(path: Path) -> None:
    """The nearest folder above ``path`` that exists must be a folder (a file there would stop mkdir)."""
    for folder in path.parents:
        if folder.exists():
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, f"{folder} is a file, not a folder", str(path))
            return


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``: it replaces ``path`` when the block succeeds, else it is removed."""
    path = target_of(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        yield Path(temp)
        # mkstemp makes the file private (0600); what the course writes is for everyone who can read
        # the folder, like any file written with the usual umask.
        os.chmod(temp, file_mode())
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def _umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    return 0o666 & ~_umask()


def folder_mode() -> int:
    return 0o777 & ~_umask()


def write_text(path: Path, text: str, encoding: str = "utf-8", newline: str | None = None) -> None:
    with replacing(path) as temp:
        temp.write_text(text, encoding=encoding, newline=newline)


def write_bytes(path: Path, data: bytes) -> None:
    with replacing(path) as temp:
        temp.write_bytes(data)


def said(exc: OSError) -> str:
    """An OS error as 'path: what is wrong', without Python's [Errno n] or PosixPath(...)."""
    if exc.filename is None:
        return exc.strerror or str(exc)
    return f"{os.fsdecode(exc.filename)}: {exc.strerror or exc}"

"""How problems and reports show a path: relative to the course folder where it lies inside it."""

from __future__ import annotations

import os
from pathlib import Path


def _absolute(path: Path) -> Path:
    """``path`` with its links resolved; a link that loops or cannot be followed stays as written (the
    reader then says why the file cannot be read, at the path the user knows)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # a symlink loop: RuntimeError before Python 3.13, OSError after
        return Path(os.path.abspath(path))


def shown(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` where it lies inside it, else as given."""
    if root is not None:
        for inner, outer in (
            (_absolute(path), _absolute(root)),
            (Path(os.path.abspath(path)), Path(os.path.abspath(root))),
        ):
            try:
                return inner.relative_to(outer).as_posix()
            except ValueError:
                continue
    return path.as_posix()


def absent(path: Path) -> bool:
    """Nothing is there: no file, folder or link. A link that is broken or loops, or a folder where a file
    belongs, is there, and reading it says why it cannot be used (never treated as 'not given')."""
    return not path.exists() and not path.is_symlink()

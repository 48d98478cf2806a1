"""The record of what a translation was made from: ``terjemahan/<lang>.yml``.

One file per translated language holds, for every translated page, the git blob id of the source
page it was translated from (``git cat-file -p <id>`` recovers that old source for a diff), and for
every translated quiz text a short fingerprint of its source text. The translated files themselves
are never rewritten by the tools; only this file is, by ``kursus translations mark``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..atomic import write_text
from ..rawtext import RawTextError
from ..yamlio import YamlLimitError, YamlSyntaxError, read_limited

PAGES_KEY = "halaman"
QUIZ_KEY = "kuis"
_BLOB = re.compile(r"^[0-9a-f]{40}$")
_SHORT = re.compile(r"^[0-9a-f]{12}$")

HEADER = """\
# Versi sumber yang menjadi dasar terjemahan {name} ({code}). Berkas ini ditulis oleh
# 'kursus translations mark {code}'; jangan disunting dengan tangan.
# The source versions the {name} ({code}) translation was made from. Written by
# 'kursus translations mark {code}'; do not edit by hand.
#   halaman: page (inside docs/{code}/) -> git blob id of the Indonesian page it translates
#   kuis: quiz text label -> fingerprint of the Indonesian text it translates
"""


class RecordError(Exception):
    """A record file that cannot be read; the message is ``path:line: what is wrong``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass
class Record:
    pages: dict[str, str] = field(default_factory=dict)
    quiz: dict[str, str] = field(default_factory=dict)


def load_record(path: Path, shown: str) -> Record:
    """An absent file is an empty record (nothing recorded yet)."""
    try:
        text, data = read_limited(path)
    except FileNotFoundError:
        return Record()
    except OSError as exc:
        raise RecordError(shown, 1, f"cannot read the record file: {exc.strerror or exc}") from None
    except RawTextError as exc:  # a bad byte (at its line) or a file over the size limit
        raise RecordError(shown, exc.line, f"cannot read the record file: {exc.message} ({exc.hint})") from None
    except YamlLimitError as exc:
        raise RecordError(shown, exc.line, f"not valid YAML: {exc.message} ({exc.hint})") from None
    except YamlSyntaxError as exc:
        raise RecordError(
            shown, exc.line, "not valid YAML; restore it from git or run the mark command again"
        ) from None
    if data is None:
        return Record()
    if not isinstance(data, dict) or set(data) - {PAGES_KEY, QUIZ_KEY}:
        raise RecordError(shown, 1, f"a record file holds only '{PAGES_KEY}:' and '{QUIZ_KEY}:'")
    record = Record()
    for key, target, pattern in ((PAGES_KEY, record.pages, _BLOB), (QUIZ_KEY, record.quiz, _SHORT)):
        section = data.get(key) or {}
        if not isinstance(section, dict):
            raise RecordError(shown, _line_of(text, key), f"'{key}' must map names to hashes")
        for name, value in section.items():
            if not isinstance(value, str) or not pattern.match(value):
                raise RecordError(
                    shown, _line_of(text, str(name)), f"'{name}' has no valid hash; run the mark command again"
                )
            target[str(name)] = value
    return record


def save_record(path: Path, record: Record, code: str, name: str) -> None:
    """Write the whole record atomically: a temporary file beside it, then a rename."""
    body = {PAGES_KEY: dict(sorted(record.pages.items())), QUIZ_KEY: dict(sorted(record.quiz.items(), key=_label_key))}
    text = HEADER.format(code=code, name=name) + yaml.safe_dump(
        body, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False
    )
    write_text(path, text)


def _label_key(item: tuple[str, str]) -> list[object]:
    """Natural order: 'm01.q02 option 10' after 'm01.q02 option 9'."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", item[0])]


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith((f"{key}:", f"'{key}':", f'"{key}":')):
            return number
    return 1

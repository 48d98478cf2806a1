"""Answer matching shared by the website's rules and workshop scoring."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s\"'.,;:!?()]+|[\s\"'.,;:!?()]+$")


def normalise(text: str) -> str:
    """Lower case, accents and extra spaces removed: 'Pérantaraan  Kerja ' -> 'perantaraan kerja'.

    kursus.js implements the same steps; tests keep the two in step.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    return _SPACE.sub(" ", _EDGE_PUNCT.sub("", plain.casefold())).strip()


def short_answer_matches(response: str, accepted: list[str]) -> bool:
    wanted = normalise(response)
    return bool(wanted) and any(wanted == normalise(a) for a in accepted)

"""Answer matching shared by the website's rules and workshop scoring."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s\"'.,;:!?()]+|[\s\"'.,;:!?()]+$")
# Soft hyphen, zero-width and bidi marks, word joiner, BOM: nobody types them, so they never count.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def normalise(text: str) -> str:
    """Lower case, accents and extra spaces removed: 'Pérantaraan  Kerja ' -> 'perantaraan kerja'.

    kursus-core.js implements the same steps; both are tested on tests/data/normalisation.json.
    """
    decomposed = unicodedata.normalize("NFKD", _INVISIBLE.sub("", text))
    plain = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    return _SPACE.sub(" ", _EDGE_PUNCT.sub("", plain.casefold())).strip()


def same_answer(response: str, accepted: str) -> bool:
    """Equal once normalised; numbers compare by value, so "5,0" (decimal comma), "5.0" and "5" agree."""
    a, b = normalise(response), normalise(accepted)
    if not a:
        return False
    if _is_number(a) and _is_number(b):
        return float(a.replace(",", ".")) == float(b.replace(",", "."))
    return a == b


def _is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None and text.isascii()


def short_answer_matches(response: str, accepted: list[str]) -> bool:
    return any(same_answer(response, a) for a in accepted)

"""The registry of question types: type name (``type:`` in a quiz file) -> its one implementation.

A new type is a new ``QuestionType`` subclass added to ``TYPES``; nothing else branches on type names.
"""

from __future__ import annotations

from ..items import Question
from .base import QuestionType
from .choice import Multiple, Single
from .matching import Matching
from .ordering import Ordering
from .reflective import Reflective
from .short import Short
from .truefalse import TrueFalse

TYPES: dict[str, QuestionType] = {
    t.name: t for t in (Single(), Multiple(), TrueFalse(), Short(), Ordering(), Matching(), Reflective())
}


def kind(q: Question) -> QuestionType:
    """The implementation of a question's type (the reader only makes questions of known types)."""
    return TYPES[q.type]


__all__ = ["TYPES", "QuestionType", "kind"]

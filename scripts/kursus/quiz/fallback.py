"""Which language a question is shown in: whole, never mixed.

A partly translated question (its text in Javanese, one option's feedback not yet) is shown whole in
the first language of the reader's fallback chain (``translations/fallback.py``) in which it is
complete, with a notice; a scenario group falls back with its case text and all of its questions.
The website, print and the exports all ask here (through ``Renderer.within``), so a learner never
meets three languages in one box, whatever the medium.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .items import Group, Question, Text


def _has(text: Text, language: str) -> bool:
    return bool(text.get(language, "").strip())


def _answers(item: Question | Group) -> list[dict[str, list[str]]]:
    """Accepted short answers per language: judged in the language the question is shown in."""
    questions = item.questions if isinstance(item, Group) else [item]
    return [q.accept for q in questions if q.accept]


def complete_in(item: Question | Group, language: str, source: str) -> bool:
    """Whether every text the source language has (and its accepted answers) is there in ``language``."""
    if language == source:
        return True
    texts_ok = all(_has(t, language) for t in item.texts() if _has(t, source))
    return texts_ok and all(
        any(a.strip() for a in accept.get(language, [])) for accept in _answers(item) if accept.get(source)
    )


def item_language(item: Question | Group, language: str, chain: Sequence[str], source: str) -> str:
    """``language`` if the item is complete in it, else the first complete language of ``chain``
    (which ends with the source, complete by definition)."""
    for candidate in dict.fromkeys([language, *chain, source]):
        if complete_in(item, candidate, source):
            return candidate
    return source


def item_languages(
    items: Iterable[Question | Group], language: str, chain: Sequence[str], source: str
) -> dict[str, str]:
    """Id -> language for every item (question, or scenario group and each of its questions) not shown
    in ``language``; a question of a group takes its group's language."""
    shown: dict[str, str] = {}
    if language == source:
        return shown
    for item in items:
        chosen = item_language(item, language, chain, source)
        if chosen != language:
            shown[item.id] = chosen
            for q in item.questions if isinstance(item, Group) else ():
                shown[q.id] = chosen
    return shown

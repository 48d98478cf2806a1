"""Where a partial language's missing texts come from: its fallback chain.

A reader of a regional language of Indonesia reads Bahasa Indonesia (the national language taught
in every school) more surely than English; a reader of another language (Vietnamese, Thai, …) is
likelier to read English. A course can set its own chain per language in mkdocs.yml::

    - kursus:
        fallbacks:
          jv: [id]
          vi: [en]

The chain always ends with the source language, which has every text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# The languages CLDR lists for Indonesia (territory ID, ISO 639-1 or 639-3), without Indonesian itself
# and without Malay and Chinese, which are national languages elsewhere.
LANGUAGES_OF_INDONESIA = frozenset(
    {
        "ace",
        "aoz",
        "ban",
        "bbc",
        "bew",
        "bjn",
        "bug",
        "gay",
        "gor",
        "jv",
        "kge",
        "kvr",
        "lbw",
        "ljp",
        "mad",
        "mak",
        "mdr",
        "min",
        "mwv",
        "nij",
        "rej",
        "rob",
        "sas",
        "sly",
        "su",
        "sxn",
    }
)
INDONESIAN = "id"


def primary(tag: str) -> str:
    """``jv-ID`` -> ``jv``; ``pt_BR`` -> ``pt``."""
    return tag.replace("_", "-").split("-")[0].lower()


def default_chain(language: str, source: str, complete: Sequence[str]) -> tuple[str, ...]:
    """Regional languages of Indonesia: Bahasa Indonesia; others: the complete translations (English
    here), then the source."""
    if primary(language) in LANGUAGES_OF_INDONESIA and (source == INDONESIAN or INDONESIAN in complete):
        return tuple(dict.fromkeys([INDONESIAN, source]))
    return tuple(dict.fromkeys([*(c for c in complete if c not in (language, source)), source]))


def fallback_chain(
    language: str, source: str, complete: Sequence[str], configured: Mapping[str, Sequence[str]] | None = None
) -> tuple[str, ...]:
    """The languages, in order, whose texts stand in for ones ``language`` lacks; the source comes last."""
    if language == source:
        return ()
    chosen = (configured or {}).get(language)
    chain = chosen if chosen else default_chain(language, source, complete)
    return tuple(dict.fromkeys([*(c for c in chain if c != language), source]))


def read_fallbacks(value: object, languages: Sequence[str]) -> tuple[dict[str, tuple[str, ...]], str | None]:
    """The ``fallbacks:`` setting as read from mkdocs.yml, or a message saying what is wrong with it."""
    if value is None:
        return {}, None
    example = "write e.g. fallbacks: {jv: [id], vi: [en]}"
    if not isinstance(value, dict):
        return {}, f"'fallbacks' must map a language to a list of languages ({example})"
    chains: dict[str, tuple[str, ...]] = {}
    for language, chain in value.items():
        items = [chain] if isinstance(chain, str) else chain
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            return {}, f"fallbacks of '{language}' must be a list of language codes ({example})"
        for name in [str(language), *items]:
            if name not in languages:
                known = ", ".join(languages)
                return {}, f"fallbacks: '{name}' is not a language of the course (languages: {known})"
        chains[str(language)] = tuple(items)
    return chains, None

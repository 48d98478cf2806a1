"""Per-language search indexes with Indonesian root words.

static-i18n writes one index for all languages, so a reader would get results in both. We split it
into one index per language (each page's search points at its own language's folder) and, since
lunr has no Indonesian stemmer, add a ``stems`` field holding the Snowball Indonesian root of every
affixed word, so that "rahasia" finds a page that only says "kerahasiaan".
"""

from __future__ import annotations

import functools
import html
import json
import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import snowballstemmer

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]{4,}")

# lunr pipelines per language. No stemmer anywhere: Material searches as you type with prefix
# wildcards, which bypass lunr's stemmer, so a stemmed index misses whole words ("confidentiality"
# indexed as "confidenti"); Material's own English default leaves the stemmer out for that reason.
PIPELINES: dict[str, list[str]] = {"en": ["trimmer", "stopWordFilter"]}
DEFAULT_PIPELINE = ["trimmer"]
STEMMERS = {"id": "indonesian"}

# Pages for facilitators, authors and translators (the translation status included) rank below the
# learner's pages: a learner searching "gratifikasi" wants the module, not the session plan about it.
# lunr multiplies a document's score by its boost, so they are still found, only listed later.
SECONDARY_FOLDERS = ("fasilitator/", "panduan/")
SECONDARY_BOOST = 0.05

# The glossary is one long table: as a single search entry a hit shows its first lines, not the term.
# Each row becomes its own entry (a section of the glossary page, titled with the term in the page's
# language) whose link scrolls to that row through a text fragment.
GLOSSARY = "glosarium.html"
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td>(.*?)</td>", re.S)


@functools.lru_cache(maxsize=8)
def _stemmer(algorithm: str) -> Any:
    return snowballstemmer.stemmer(algorithm)


@functools.lru_cache(maxsize=65536)
def _root(algorithm: str, word: str) -> str:
    # static-i18n runs the post-build once per language: the same words come back each time.
    return str(_stemmer(algorithm).stemWord(word))


def root_words(text: str, language: str) -> str:
    """Space-separated roots of the words in ``text`` that differ from the word itself."""
    algorithm = STEMMERS.get(language)
    if algorithm is None:
        return ""
    words = set(_WORD.findall(_TAG.sub(" ", text).lower()))
    roots = {root for word in words if (root := _root(algorithm, word)) != word}
    return " ".join(sorted(roots))


def split_index(data: dict[str, Any], default_language: str, languages: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Split a combined index into one index per language, locations relative to its folder."""
    others = [lang for lang in languages if lang != default_language]
    buckets: dict[str, list[dict[str, Any]]] = {lang: [] for lang in [default_language, *others]}
    for doc in data.get("docs", []):
        location = str(doc.get("location", ""))
        language = _language_of(location, others)
        entry = dict(doc)
        if language is None:
            language = default_language
        else:
            entry["location"] = location[len(language) + 1 :]
        if entry["location"].startswith(SECONDARY_FOLDERS):
            entry["boost"] = SECONDARY_BOOST
        stems = root_words(f"{entry.get('title', '')} {entry.get('text', '')}", language)
        if stems:
            entry["stems"] = stems
        else:
            entry.pop("stems", None)
        buckets[language].append(entry)
    result = {}
    for language, docs in buckets.items():
        config = dict(data.get("config", {}))
        config["lang"] = ["en"]  # lunr's own core; Indonesian relies on the stems field
        config["pipeline"] = PIPELINES.get(language, DEFAULT_PIPELINE)
        result[language] = {"config": config, "docs": docs}
    return result


def write_language_indexes(site_dir: Path, default_language: str, languages: Iterable[str]) -> dict[str, int]:
    """Rewrite ``search/search_index.json`` per language folder, plus the ``.js`` form for file://.

    Returns the number of entries per language written. Only the final, combined index is split:
    static-i18n's inner pass for a language leaves an index of that language alone, and an index
    already split holds only the default language's pages; both are left as they are.
    """
    combined = site_dir / "search" / "search_index.json"
    if not combined.is_file():
        return {}
    data = json.loads(combined.read_text(encoding="utf-8"))
    others = [lang for lang in languages if lang != default_language]
    folders = {_language_of(str(doc.get("location", "")), others) or default_language for doc in data.get("docs", [])}
    if default_language not in folders or (others and folders == {default_language}):
        return {}
    counts = {}
    indexes = split_index(data, default_language, languages)
    with_fallback_pages(indexes, default_language, site_dir)
    for language, index in indexes.items():
        folder = site_dir if language == default_language else site_dir / language
        target = folder / "search"
        target.mkdir(parents=True, exist_ok=True)
        glossary = folder / GLOSSARY
        if glossary.is_file():
            index["docs"].extend(glossary_entries(glossary.read_text(encoding="utf-8"), index["docs"], language))
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (target / "search_index.json").write_text(text, encoding="utf-8")
        # Material loads this script instead of fetching the JSON when opened from disk.
        (target / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
        counts[language] = len(index["docs"])
    return counts


def with_fallback_pages(indexes: dict[str, dict[str, Any]], default_language: str, site_dir: Path) -> None:
    """A partial language's folder also holds the source pages not translated yet (shown with a
    notice); static-i18n leaves them out of the search index as duplicates, so a reader of that
    language would find nothing there. Add the source entries of each page its folder holds."""
    source = indexes.get(default_language, {}).get("docs", [])
    for language, index in indexes.items():
        if language == default_language:
            continue
        own = {str(doc.get("location", "")).split("#")[0] for doc in index["docs"]}
        for doc in source:
            page = str(doc.get("location", "")).split("#")[0]
            if page and page not in own and (site_dir / language / page).is_file():
                index["docs"].append(dict(doc))


def glossary_entries(page: str, docs: list[dict[str, Any]], language: str) -> list[dict[str, Any]]:
    """One search entry per row of the glossary page's first table: the term, its rendering, the note."""
    table = _TABLE.search(page)
    if table is None:
        return []
    taken = {str(doc.get("location", "")) for doc in docs}
    entries = []
    for row in _ROW.findall(table.group(1)):
        cells = [" ".join(html.unescape(_TAG.sub("", cell)).split()) for cell in _CELL.findall(row)]
        if not cells or not cells[0]:
            continue
        term, rest = cells[0], [cell for cell in cells[1:] if cell]
        # A text fragment: Chromium-based browsers and Safari scroll to the term; others open the page top.
        location = f"{GLOSSARY}#:~:text={urllib.parse.quote(term, safe='').replace('-', '%2D')}"
        if location in taken:
            continue
        taken.add(location)
        entry: dict[str, Any] = {"location": location, "title": term, "text": " — ".join(rest)}
        if stems := root_words(f"{term} {entry['text']}", language):
            entry["stems"] = stems
        entries.append(entry)
    return entries


def _language_of(location: str, others: list[str]) -> str | None:
    """The language folder a location lies in; None for the default language (the site's root)."""
    return next((lang for lang in others if location.startswith(f"{lang}/")), None)

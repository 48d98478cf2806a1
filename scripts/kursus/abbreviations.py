"""Abbreviations explained on hover: ``includes/singkatan.<language>.md`` holds ``*[TPT]: Tingkat …`` lines.

The plugin hands them to Markdown as an extension, one language per build pass, instead of appending
them to every page (pages stay as their authors wrote them). Unlike Python-Markdown's own ``abbr``
glossary, which wraps every occurrence, only the first use in each section (below an ``h1``/``h2``) is
marked, the way a style guide spells a term out once: a page reads with less underlining, and the
build does not carry a thousand ``<abbr>`` tags through search and templates. A section is the unit
because search results and the table of contents land readers there. Abbreviations a page defines
itself still work through the ``abbr`` extension.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

_DEFINITION = re.compile(r"^\*\[(.+?)\]:[ \t]*(.*?)\s*$", re.MULTILINE)
SECTION_STARTS = {"h1", "h2"}


def parse(text: str) -> dict[str, str]:
    return {abbr: title for abbr, title in _DEFINITION.findall(text) if title}


def load(root: Path, pattern: str, language: str) -> dict[str, str]:
    """The definitions for ``language`` (empty when the file does not exist)."""
    path = root / pattern.format(language=language)
    return parse(path.read_text(encoding="utf-8")) if path.is_file() else {}


class AbbreviationsExtension(Extension):
    """Marks the first use of each abbreviation per section with ``<abbr title="…">``. Markdown
    loads it by name (``kursus.abbreviations``) with the setting ``titles``."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {"titles": [{}, "abbreviation -> what it stands for"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        titles: dict[str, str] = self.getConfig("titles")
        if titles:
            # Longest first, so "AK/1" wins over "AK"; whole words only, as in Python-Markdown's abbr.
            keys = sorted(titles, key=len, reverse=True)
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b")
            # Priority 7, as Python-Markdown's abbr: after inline patterns, before the table of contents.
            md.treeprocessors.register(_FirstUse(md, pattern, titles), "kk_abbreviations", 7)


def makeExtension(**kwargs: object) -> AbbreviationsExtension:  # the name Markdown looks for
    return AbbreviationsExtension(**kwargs)


class _FirstUse(Treeprocessor):
    def __init__(self, md: Markdown, pattern: re.Pattern[str], titles: dict[str, str]) -> None:
        super().__init__(md)
        self.pattern = pattern
        self.titles = titles

    def run(self, root: etree.Element) -> None:
        self._mark(root, set())

    def _mark(self, element: etree.Element, seen: set[str]) -> None:
        """Walk in reading order: an element's text, then each child and the text after it."""
        if element.tag in SECTION_STARTS:
            seen.clear()
        search = self.pattern.search
        children = list(element)
        offset = 1
        text = element.text
        # Most texts hold no abbreviation: test before splitting (the walk visits every element).
        if text and search(text) and not isinstance(text, AtomicString):
            element.text, added = self._wrap(text, seen)
            for position, node in enumerate(added):
                element.insert(position, node)
            offset += len(added)
        for index, child in enumerate(children):
            self._mark(child, seen)
            tail = child.tail
            if tail and search(tail) and not isinstance(tail, AtomicString):
                child.tail, added = self._wrap(tail, seen)
                for position, node in enumerate(added, start=index + offset):
                    element.insert(position, node)
                offset += len(added)

    def _wrap(self, text: str, seen: set[str]) -> tuple[str, list[etree.Element]]:
        """The text before the first new abbreviation, and the ``<abbr>`` elements with their tails."""
        head = text
        nodes: list[etree.Element] = []
        last = 0
        for match in self.pattern.finditer(text):
            word = match.group(0)
            if word in seen:
                continue
            seen.add(word)
            before = text[last : match.start()]
            if nodes:
                nodes[-1].tail = before
            else:
                head = before
            node = etree.Element("abbr", {"title": self.titles[word]})
            node.text = AtomicString(word)
            nodes.append(node)
            last = match.end()
        if nodes:
            nodes[-1].tail = text[last:]
        return head, nodes

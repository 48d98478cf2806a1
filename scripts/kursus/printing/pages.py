"""Course pages for paper: each page's Markdown rendered with the site's own Markdown extensions (read
from mkdocs.yml), then adapted for print.

One tree pass (``_PrintTree``) after the extensions' own: every id gets the page's prefix so that pages
can share one document, links to pages in the same document become in-document links and other
page links become plain text, images are embedded, role-play cards are marked up for cutting,
worksheet tables get room to write by hand and sort cards become a sheet to cut (``writing``), and
collapsed blocks (``??? tip``, hidden on the website until opened) are opened, or taken out of
participants' documents because on paper they can't stay hidden. After rendering, quiz markers are
replaced by the caller, and any form control left becomes a printed box or line (``paperize``).
"""

from __future__ import annotations

import base64
import mimetypes
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ..quiz.markers import MARKER
from .paper import blank, writing_lines
from .writing import sort_cards, writing_tables

CARDS_SECTION = "kartu-peran"  # the facilitator notes' role-play cards: `## Kartu bermain peran {#kartu-peran}`
STORE = '<div id="pp-collapsed-store">'

Markers = Callable[[str, str], str | None]  # (kind, ref) -> HTML for a quiz marker, None to drop it


@dataclass
class Heading:
    level: int
    anchor: str
    text: str


@dataclass
class PrintPage:
    path: str  # the page inside its language folder, e.g. "modul-01/index.md"
    anchor: str
    title: str
    html: str
    headings: list[Heading]
    collapsed: str  # collapsed blocks taken out of the page (HTML), "" when none
    abbreviations: dict[str, str]


@dataclass
class _State:
    path: str
    anchor: str
    anchors: dict[str, str]
    source_dir: Path
    hide_collapsed: bool
    write_by_hand: bool = True
    headings: list[Heading] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)


def page_anchor(path: str) -> str:
    """``modul-01/index.md`` -> ``modul-01``; ``fasilitator/modul-01.md`` -> ``fasilitator-modul-01``."""
    stem = path.removesuffix(".md").removesuffix("/index")
    return re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "index"


def _classes(el: etree.Element) -> list[str]:
    return el.get("class", "").split()


def _add_class(el: etree.Element, name: str) -> None:
    el.set("class", " ".join([*_classes(el), name]))


def _text(el: etree.Element) -> str:
    return " ".join(HTML_PLACEHOLDER_RE.sub("", "".join(el.itertext())).split())


class _PrintTree(Treeprocessor):
    def __init__(self, md: markdown.Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        self._cards(root)
        sort_cards(root)
        if self.state.write_by_hand:
            writing_tables(root)
        store = etree.Element("div", {"id": "pp-collapsed-store"})
        parents = {child: parent for parent in root.iter() for child in parent}
        for details in [d for d in root.iter("details") if not self._inside_details(d, parents)]:
            collapsed = "open" not in details.attrib
            self._open(details)
            if collapsed and self.state.hide_collapsed:
                parents[details].remove(details)
                store.append(details)
        for tree, in_page in [(root, True), *((child, False) for child in store)]:
            for el in tree.iter():
                self._adapt(el, in_page)
        if len(store):
            root.append(store)

    @staticmethod
    def _inside_details(el: etree.Element, parents: dict[etree.Element, etree.Element]) -> bool:
        while el in parents:
            el = parents[el]
            if el.tag == "details":
                return True
        return False

    @staticmethod
    def _open(details: etree.Element) -> None:
        """A collapsible block becomes a box like an admonition (nested ones too)."""
        for el in [details, *details.iter("details")]:
            el.tag = "div"
            el.attrib.pop("open", None)
            el.set("class", " ".join(["admonition", *_classes(el), "pp-details"]))
            for summary in el.findall("summary"):
                summary.tag = "p"
                summary.set("class", "admonition-title")

    def _cards(self, root: etree.Element) -> None:
        """Role-play cards: each admonition in the cards section, or else each ### block, is a card."""
        children = list(root)
        start = next((i for i, el in enumerate(children) if el.tag == "h2" and el.get("id") == CARDS_SECTION), None)
        if start is None:
            return
        section = []
        for el in children[start + 1 :]:
            if el.tag in ("h1", "h2"):
                break
            section.append(el)
        boxes = [el for el in section if el.tag == "details" or (el.tag == "div" and "admonition" in _classes(el))]
        if boxes:
            for el in boxes:
                _add_class(el, "pp-card")
            return
        card: etree.Element | None = None
        for el in section:
            if el.tag == "h3":
                card = etree.Element("div", {"class": "pp-card pp-card--plain"})
                root.insert(list(root).index(el), card)
            if card is not None:
                root.remove(el)
                card.append(el)

    def _adapt(self, el: etree.Element, in_page: bool) -> None:
        s = self.state
        if "id" in el.attrib:
            el.set("id", f"{s.anchor}--{el.get('id')}")
        if el.tag == "a" and "href" in el.attrib:
            self._link(el)
        elif el.tag == "img" and "src" in el.attrib:
            self._image(el)
        elif el.tag == "abbr" and el.get("title"):
            s.abbreviations[_text(el)] = el.get("title", "")
        elif el.tag in ("h1", "h2", "h3") and el.get("id") and in_page:
            s.headings.append(Heading(int(el.tag[1]), el.get("id", ""), _text(el)))

    def _link(self, el: etree.Element) -> None:
        s = self.state
        href = el.get("href", "")
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            if parts.scheme in ("http", "https") and _text(el) != href:
                _add_class(el, "pp-ext")
            return
        if not parts.path:
            el.set("href", f"#{s.anchor}--{parts.fragment}" if parts.fragment else f"#{s.anchor}")
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(s.path), unquote(parts.path)))
        if not target.endswith(".md"):
            target = posixpath.join(target, "index.md")
        anchor = s.anchors.get(target)
        if anchor is None:  # a page that is not in this document: keep the words, drop the link
            el.tag = "span"
            el.attrib.clear()
            return
        el.set("href", f"#{anchor}--{parts.fragment}" if parts.fragment else f"#{anchor}")

    def _image(self, el: etree.Element) -> None:
        src = el.get("src", "")
        if urlsplit(src).scheme:
            return
        path = (self.state.source_dir / unquote(urlsplit(src).path)).resolve()
        if path.is_file():
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            el.set("src", f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode()}")


class _PrintExtension(Extension):
    def __init__(self, state: _State) -> None:
        super().__init__()
        self.state = state

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After every extension's tree processor, including toc (ids) and unescape (0).
        md.treeprocessors.register(_PrintTree(md, self.state), "kursus-print", -10)


_CHECKBOX = re.compile(r"<input\b[^>]*\btype=[\"']?(?:checkbox|radio)\b[^>]*>", re.I)
_INPUT = re.compile(r"<input\b[^>]*>", re.I)
_TEXTAREA = re.compile(r"<textarea\b.*?</textarea\s*>", re.I | re.S)
_SELECT = re.compile(r"<select\b.*?</select\s*>", re.I | re.S)
_BUTTON = re.compile(r"<button\b.*?</button\s*>", re.I | re.S)
_FORM = re.compile(r"</?form\b[^>]*>", re.I)


def paperize(html: str) -> str:
    """Form controls become what paper can show: a box to tick (checked if it was), a line to write on."""

    def checkbox(match: re.Match[str]) -> str:
        checked = " pp-box--checked" if re.search(r"\schecked\b", match.group(0), re.I) else ""
        return f'<span class="pp-box{checked}"></span>'

    html = _CHECKBOX.sub(checkbox, html)
    html = _TEXTAREA.sub(lambda _: writing_lines(4), html)
    html = _SELECT.sub(lambda _: blank("wide"), html)
    html = _INPUT.sub(lambda _: blank("wide"), html)
    html = _BUTTON.sub("", html)
    return _FORM.sub("", html)


class PagePrinter:
    """Renders course pages for paper with the site's Markdown extensions and their settings."""

    def __init__(self, extensions: list[str], configs: dict[str, dict[str, Any]]) -> None:
        self.extensions = list(extensions)
        self.configs = {name: dict(value) for name, value in configs.items()}
        # No permalink anchors (¶) on paper.
        self.configs.setdefault("toc", {})["permalink"] = False

    def render(
        self,
        path: str,
        text: str,
        *,
        source_dir: Path,
        anchors: dict[str, str],
        markers: Markers,
        hide_collapsed: bool,
        glossary: dict[str, str] | None = None,
        write_by_hand: bool = True,
    ) -> PrintPage:
        """``anchors`` maps each page in the same document (path inside the language) to its anchor;
        ``write_by_hand`` gives tables with empty cells room to write in (``writing``)."""
        state = _State(path, anchors.get(path) or page_anchor(path), anchors, source_dir, hide_collapsed, write_by_hand)
        configs = dict(self.configs)
        if glossary is not None:
            configs["abbr"] = {**configs.get("abbr", {}), "glossary": glossary}
        md = markdown.Markdown(extensions=[*self.extensions, _PrintExtension(state)], extension_configs=configs)
        html = md.convert(text)
        html, _, collapsed = html.partition(STORE)
        collapsed = collapsed.strip().removesuffix("</div>")

        def replace(match: re.Match[str]) -> str:
            return markers(match.group(1), match.group(2)) or ""

        title = next((h.text for h in state.headings if h.level == 1), path)
        return PrintPage(
            path=path,
            anchor=state.anchor,
            title=title,
            html=paperize(MARKER.sub(replace, html)),
            headings=state.headings,
            collapsed=paperize(MARKER.sub(replace, collapsed)),
            abbreviations=state.abbreviations,
        )

"""Turn what a translator types (a page, a folder, a quiz file, a module or question id) into pages
and quiz text labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..quiz.bank import Bank
from ..quiz.model import Group, TextRef
from .layout import Layout


@dataclass
class Selection:
    pages: list[str] = field(default_factory=list)  # inside the language folders: "modul-01/index.md"
    texts: list[TextRef] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def page_key(layout: Layout, given: str) -> str:
    """'docs/en/a/b.md', 'en/a/b.md', '/abs/…/docs/id/a/b.md' or 'a/b.md' -> 'a/b.md'."""
    path = Path(given)
    if path.is_absolute():
        given = layout.show(path)
    given = given.removeprefix("./").rstrip("/")
    docs = layout.show(layout.docs_dir)
    given = given.removeprefix(docs + "/") if given.startswith(docs + "/") else given
    first, _, rest = given.partition("/")
    return rest if first in layout.languages and rest else given


def select(layout: Layout, bank: Bank, texts: list[TextRef], wanted: list[str]) -> Selection:
    """Each item of ``wanted`` must match something; the ones that match nothing are errors."""
    result = Selection()
    sources = layout.pages(layout.source)
    for item in wanted:
        found_pages: list[str] = []
        found_texts: list[TextRef] = []
        if item.endswith((".yml", ".yaml")):
            shown = layout.show(Path(item).resolve())
            found_texts = [r for r in texts if r.path in (shown, item.removeprefix("./"))]
        elif item.endswith(".md"):
            key = page_key(layout, item)
            found_pages = [key] if key in sources else []
        else:
            key = page_key(layout, item)
            found_pages = [p for p in sources if p.startswith(key + "/")] if key else []
            found_texts = _by_id(bank, texts, item)
        if not found_pages and not found_texts:
            result.errors.append(
                f"{item}: no source page, folder, quiz file or quiz id of that name "
                f"(pages are named as in {layout.show(layout.docs_dir / layout.source)}/, e.g. modul-01/index.md; "
                "quiz texts by id, e.g. m01.q03)"
            )
        result.pages += [p for p in found_pages if p not in result.pages]
        result.texts += [t for t in found_texts if t not in result.texts]
    return result


def _by_id(bank: Bank, texts: list[TextRef], item: str) -> list[TextRef]:
    """'m01' (module), 'm01.s01' (group and its questions), 'm01.q03' (question) or a full label."""
    exact = [r for r in texts if r.label == item]
    if exact:
        return exact
    owners = {item}
    target = bank.find(item)
    if isinstance(target, Group):
        owners |= {q.id for q in target.questions}
    if target is not None and item == getattr(target, "module", None):
        return [r for r in texts if r.label.split(" ", 1)[0].split(".")[0] == item]
    return [r for r in texts if r.label.split(" ", 1)[0] in owners]

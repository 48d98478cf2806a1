"""``kursus translations mark``: record that a translation now follows the current source."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..quiz.bank import Bank
from .layout import Layout, blob_id, text_hash
from .records import Record, load_record, save_record
from .selection import page_key, select
from .status import source_texts


@dataclass
class Marked:
    pages: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # selected pages or quiz texts with no translation yet
    dropped: int = 0  # records of pages or texts that no longer exist
    errors: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # marked items whose record changes (out of date or new)


def mark(layout: Layout, bank: Bank, language: str, wanted: list[str], *, dry_run: bool = False) -> Marked:
    """Update the record of ``language`` for the pages and texts in ``wanted`` (everything translated
    when empty). Writes nothing when any item is wrong (the errors say why) or with ``dry_run``."""
    result = Marked()
    path = layout.records(language)
    record = load_record(path, layout.show(path))  # RecordError propagates: the caller reports it
    texts = source_texts(bank, layout.source)
    translated = set(layout.pages(language))
    if wanted:
        chosen = select(layout, bank, texts, wanted)
        result.errors += chosen.errors
        explicit = {page_key(layout, item) for item in wanted if item.endswith(".md")}
        for rel in chosen.pages:
            if rel in translated:
                result.pages.append(rel)
            elif rel in explicit:
                result.errors.append(
                    f"{layout.show(layout.page(language, rel))}: no such translation; translate "
                    f"{layout.show(layout.page(layout.source, rel))} first"
                )
            else:
                result.skipped.append(layout.show(layout.page(language, rel)))
        selected = chosen.texts
    else:
        result.pages = [rel for rel in layout.pages(layout.source) if rel in translated]
        selected = texts
        known = {r.label for r in texts}
        sources = set(layout.pages(layout.source))
        stale_pages = [rel for rel in record.pages if rel not in sources or rel not in translated]
        stale_texts = [label for label in record.quiz if label not in known]
        for rel in stale_pages:
            del record.pages[rel]
        for label in stale_texts:
            del record.quiz[label]
        result.dropped = len(stale_pages) + len(stale_texts)
    for ref in selected:
        if ref.values.get(language, "").strip():
            result.texts.append(ref.label)
            fingerprint = text_hash(ref.values[layout.source])
            if record.quiz.get(ref.label) != fingerprint:
                result.changed.append(f"{ref.path}:{ref.line} {ref.label}")
            record.quiz[ref.label] = fingerprint
        else:
            result.skipped.append(f"{ref.path}:{ref.line} {ref.label}")
    if wanted and not result.pages and not result.texts and not result.errors:
        result.errors.append(f"nothing selected has a {language} translation yet")
    if result.errors:
        return result
    for rel in result.pages:
        source = blob_id(layout.page(layout.source, rel).read_bytes())
        if record.pages.get(rel) != source:
            result.changed.insert(0, layout.show(layout.page(language, rel)))
        record.pages[rel] = source
    if not dry_run:
        save_record(path, record, language, layout.name(language))
    return result


def empty_record(layout: Layout, language: str) -> None:
    """Create the record file of a new language (nothing translated yet)."""
    path = layout.records(language)
    if not path.exists():
        save_record(path, Record(), language, layout.name(language))

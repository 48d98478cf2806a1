"""Which of the course's scripts a page loads: the parts for quizzes, worksheets, the progress page and an
LMS only on pages that have one, so that a first visit loads less (issue 14). The others load everywhere."""

from __future__ import annotations

import re

# script (as in mkdocs.yml extra_javascript) -> the classes of which a page needs one to load it
NEEDS: dict[str, tuple[str, ...]] = {
    # reports a module's whole quiz to an LMS (the SCORM package's pages are the site's own)
    "assets/kursus/kursus-scorm.js": ("kk-quiz--full",),
    "assets/kursus/kursus-worksheets.js": ("kk-isian",),
    # result codes and the completion statement; on quiz pages the statement records pass dates
    "assets/kursus/kursus-codes.js": ("kk-quiz", "kk-progress"),
    "assets/kursus/kursus-statement.js": ("kk-quiz", "kk-progress"),
}
MARKERS = frozenset(c for classes in NEEDS.values() for c in classes)
_CLASS = re.compile(r'\bclass="([^"]*)"')


def page_classes(html: str) -> frozenset[str]:
    """The classes in ``html`` that decide which scripts its page loads."""
    return frozenset(c for found in _CLASS.finditer(html) for c in found.group(1).split() if c in MARKERS)


def needed(script: str, classes: frozenset[str] | None) -> bool:
    """Whether a page with ``classes`` loads ``script``; None (a page the plugin did not see) loads all."""
    needs = NEEDS.get(script)
    return needs is None or classes is None or any(c in classes for c in needs)

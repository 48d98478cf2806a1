"""Who a build is for. The trainer's site holds every page; the learner's site (the offline zip, and
every package made from it) leaves out the pages meant for trainers only: facilitator notes with their
answer keys, session plans and role-play briefs meant for one side.

Pure functions on paths, the nav and Markdown; the plugin applies them when ``audience: learner``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from typing import Any

from .translations.structure import prose_lines

TRAINER = "trainer"
LEARNER = "learner"

_LINK = re.compile(
    r"(?<!!)\[(?P<text>[^\]\n]*)\]\((?P<target>[^)\s#]*)(?P<anchor>#[^)\s]*)?(?P<title>\s+\"[^\"]*\")?\)"
)


def page_path(src_uri: str, languages: Iterable[str]) -> str:
    """A page's path inside its language folder: ``en/fasilitator/index.md`` -> ``fasilitator/index.md``."""
    first, _, rest = src_uri.partition("/")
    return rest if rest and first in set(languages) else src_uri


def is_trainer_only(path: str, prefixes: Iterable[str]) -> bool:
    """``path`` is inside a language folder, e.g. ``fasilitator/modul-01.md``."""
    return any(path == p.rstrip("/") + ".md" or path.startswith(p.rstrip("/") + "/") for p in prefixes)


def learner_nav(nav: Any, prefixes: list[str]) -> Any:
    """The nav without trainer-only pages; a section left empty goes too."""
    if isinstance(nav, list):
        kept = [learner_nav(entry, prefixes) for entry in nav]
        return [entry for entry in kept if entry is not None]
    if isinstance(nav, dict):
        out = {}
        for title, value in nav.items():
            value = learner_nav(value, prefixes)
            if value is not None and value != []:
                out[title] = value
        return out or None
    if isinstance(nav, str) and not re.match(r"^[a-z]+://", nav) and is_trainer_only(nav, prefixes):
        return None
    return nav


def unlink_trainer_pages(markdown: str, path: str, prefixes: list[str]) -> str:
    """Links from a learner page to trainer-only pages become their plain text (the pages are not there)."""
    folder = posixpath.dirname(path)

    def replace(match: re.Match[str]) -> str:
        target = match.group("target")
        if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(folder, target))
        return match.group("text") if is_trainer_only(resolved, prefixes) else match.group(0)

    lines = markdown.splitlines(keepends=True)
    for number, line in prose_lines(markdown):  # not inside code examples
        if "](" in line:
            lines[number - 1] = _LINK.sub(replace, lines[number - 1])
    return "".join(lines)

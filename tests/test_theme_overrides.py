"""Templates copied from Material for MkDocs into overrides/ (to fix invalid HTML it writes) stay in step
with the installed Material: after an upgrade, this says which copies to take again."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from conftest import ROOT

COPIED = re.compile(r"Copied from Material for MkDocs (\S+), templates/(\S+),")


def copied_templates() -> list[tuple[Path, str, str]]:
    found = []
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        match = COPIED.search(path.read_text(encoding="utf-8")[:400])
        if match:
            found.append((path, match.group(1), match.group(2)))
    return found


def test_each_copied_template_comes_from_the_installed_material_and_marks_its_change() -> None:
    copies = copied_templates()
    names = {path.relative_to(ROOT / "overrides").as_posix() for path, _, _ in copies}
    assert {"base.html", "partials/nav-item.html"} <= names
    installed = version("mkdocs-material")
    for path, copied_from, original in copies:
        shown = path.relative_to(ROOT).as_posix()
        assert copied_from == installed, (
            f"{shown} was copied from Material {copied_from} but {installed} is installed: "
            f"copy templates/{original} again and redo the change marked 'kursus:'"
        )
        assert shown.endswith(original), f"{shown} says it is a copy of templates/{original}"
        assert "kursus:" in path.read_text(encoding="utf-8"), f"{shown}: mark the change with 'kursus:'"

"""``kursus new-language``: add a partial language to the course so that it builds at once.

mkdocs.yml is edited as text (its comments stay): the new entry is inserted after the last entry of
the i18n plugin's ``languages`` list, and the result is parsed again and compared with the original
before anything is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..atomic import write_text
from ..project import plugin_config, read_config
from ..yamlio import MkdocsLoader
from .layout import RECORDS_DIR, Layout
from .marking import empty_record

# The codes mkdocs-static-i18n accepts as folder names.
CODE = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")


class NewLanguageError(Exception):
    pass


@dataclass
class Added:
    code: str
    name: str
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def language_name(code: str) -> tuple[str, str] | None:
    """(name in the language itself, text direction), or None for a code no locale database knows."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # pragma: no cover - babel comes with mkdocs-material
        return code, "ltr"
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    name = locale.get_display_name(locale) or code
    direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    return name[:1].upper() + name[1:], direction


def _scalar_end(node: Node) -> tuple[int, int]:
    """(line, column) where the last scalar inside ``node`` ends."""
    if isinstance(node, ScalarNode):
        return node.end_mark.line, node.end_mark.column
    children: list[Node] = []
    if isinstance(node, MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, SequenceNode):
        children = list(node.value)
    return max((_scalar_end(child) for child in children), default=(node.end_mark.line, node.end_mark.column))


def _get(mapping: Node, key: str) -> Node | None:
    if isinstance(mapping, MappingNode):
        for k, v in mapping.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return v if isinstance(v, Node) else None
    return None


def _languages_node(text: str) -> SequenceNode:
    try:
        root = yaml.compose(text, Loader=MkdocsLoader)
    except yaml.YAMLError as exc:
        raise NewLanguageError(f"mkdocs.yml:1: not valid YAML, nothing changed: {exc}") from None
    plugins = _get(root, "plugins") if root is not None else None
    for item in plugins.value if isinstance(plugins, SequenceNode) else []:
        i18n = _get(item, "i18n")
        languages = _get(i18n, "languages") if i18n is not None else None
        if isinstance(languages, SequenceNode) and languages.value:
            if languages.flow_style:
                line = languages.start_mark.line + 1
                raise NewLanguageError(
                    f"mkdocs.yml:{line}: write the i18n languages as a block list (one '- locale:' per "
                    "entry) to add a language with this command"
                )
            return languages
    raise NewLanguageError("mkdocs.yml:1: no 'languages:' list under the i18n plugin; nothing changed")


def edited_config(text: str, code: str, name: str) -> str:
    """mkdocs.yml with a new partial language appended to the i18n languages; comments kept."""
    languages = _languages_node(text)
    lines = text.splitlines(keepends=True)
    first = languages.value[0]
    column = first.start_mark.column
    prefix = lines[first.start_mark.line][:column]
    if not re.fullmatch(r"\s*-\s+", prefix):
        raise NewLanguageError(
            f"mkdocs.yml:{first.start_mark.line + 1}: the first language entry must start its line "
            "with '- locale: …'; nothing changed"
        )
    end_line, end_column = _scalar_end(languages.value[-1])
    insert_at = end_line if end_column == 0 else end_line + 1
    if insert_at > 0 and insert_at <= len(lines) and not lines[insert_at - 1].endswith("\n"):
        lines[insert_at - 1] += "\n"
    indent = " " * column
    entry = (
        f"{prefix}locale: {code}\n"
        f"{indent}name: {json.dumps(name, ensure_ascii=False)}\n"
        f"{indent}build: true  # partial: untranslated pages fall back to the source (kursus new-language)\n"
    )
    new_text = "".join([*lines[:insert_at], entry, *lines[insert_at:]])
    _verify(text, new_text, code, name)
    return new_text


def _load(text: str) -> dict[str, Any]:
    data = yaml.load(text, Loader=MkdocsLoader)
    return data if isinstance(data, dict) else {}


def _verify(old: str, new: str, code: str, name: str) -> None:
    """The edit added exactly one language entry and changed nothing else."""
    try:
        before, after = _load(old), _load(new)
    except yaml.YAMLError as exc:  # pragma: no cover - would be a bug in edited_config
        raise NewLanguageError(f"mkdocs.yml: the edit would break the file, nothing changed: {exc}") from None
    languages = (plugin_config(after, "i18n") or {}).get("languages") or []
    added = languages[-1] if languages else {}
    if added != {"locale": code, "name": name, "build": True}:
        raise NewLanguageError("mkdocs.yml: could not add the language safely; add it by hand (see the guide)")
    languages.pop()
    if before != after:
        raise NewLanguageError("mkdocs.yml: the edit would change other settings; add the language by hand")


THEME_PARTIAL = """\
{{#- Material has no interface texts for "{code}": every text not listed here comes from English
    (partials/languages/en.html). Created by 'kursus new-language {code}'. -#}}
{{% macro t(key) %}}{{{{ {{
  "language": "{code}",
  "direction": "{direction}",
}}[key] }}}}{{% endmacro %}}
"""


def add_language(layout: Layout, code: str, name: str | None = None) -> Added:
    """Validate, then create ``docs/<code>/``, the record file, a theme partial when Material lacks
    the language, and finally the mkdocs.yml entry. Raises NewLanguageError before writing anything
    when the code is invalid or already there."""
    if not CODE.match(code):
        raise NewLanguageError(
            f"'{code}' is not a language code: use a lower-case ISO 639-1 code such as vi, ms or jv "
            "(optionally with a region, e.g. pt-BR)"
        )
    known = language_name(code)
    if known is None:
        raise NewLanguageError(f"'{code}' is not a known language code (ISO 639-1, e.g. vi for Vietnamese)")
    if code in layout.languages:
        role = "the source language" if code == layout.source else "already a language of the course"
        raise NewLanguageError(f"'{code}' is {role} (see the i18n languages in mkdocs.yml); nothing changed")
    label, direction = known
    name = name or label
    config_path = layout.root / "mkdocs.yml"
    new_text = edited_config(config_path.read_text(encoding="utf-8"), code, name)
    added = Added(code, name)
    folder = layout.docs_dir / code
    if folder.exists():
        added.kept.append(layout.show(folder) + "/")
    else:
        folder.mkdir(parents=True)
        (folder / ".gitkeep").write_text("", encoding="utf-8")
        added.created.append(layout.show(folder) + "/")
    layout.names[code] = name
    record = layout.records(code)
    if record.exists():
        added.kept.append(layout.show(record))
    else:
        empty_record(layout, code)
        added.created.append(f"{RECORDS_DIR}/{code}.yml")
    partial = _theme_partial(layout, code, direction)
    if partial:
        added.created.append(partial)
    write_text(config_path, new_text)
    added.created.append("mkdocs.yml (i18n languages)")
    return added


def _theme_partial(layout: Layout, code: str, direction: str) -> str | None:
    import importlib.util

    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:  # pragma: no cover - the theme is a dependency
        return None
    if (Path(spec.origin).parent / "templates" / "partials" / "languages" / f"{code}.html").is_file():
        return None
    theme = read_config(layout.root).get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if not custom:
        raise NewLanguageError(
            f"Material has no interface texts for '{code}' and the theme has no custom_dir to add them to"
        )
    target = layout.root / str(custom) / "partials" / "languages" / f"{code}.html"
    if target.exists():
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(THEME_PARTIAL.format(code=code, direction=direction), encoding="utf-8")
    return layout.show(target)

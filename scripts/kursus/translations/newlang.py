"""``kursus new-language``: add a partial language to the course so that it builds at once.

mkdocs.yml is edited as text (its comments stay): the new entry is inserted after the last entry of
the i18n plugin's ``languages`` list, and the result is parsed again and compared with the original
before anything is written.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import langcodes
import yaml
from babel import Locale, UnknownLocaleError
from mkdocs.config.base import ValidationError
from mkdocs_static_i18n.config import Locale as I18nLocale
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..atomic import write_text
from ..paths import absent
from ..project import plugin_config, read_config
from ..rawtext import RawTextError, read
from ..yamlio import MkdocsLoader
from .layout import RECORDS_DIR, Layout
from .marking import empty_record
from .records import RecordError, load_record


class NewLanguageError(Exception):
    pass


@dataclass
class Added:
    code: str
    name: str
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"})


def validate_tag(code: str) -> tuple[str, str]:
    """(the language's own name, text direction) of a valid BCP 47 tag; NewLanguageError otherwise.

    ISO 639-1 (vi, jv) and ISO 639-3 codes (ban, min, bjn) are both valid; a deprecated code is
    refused with the code to use instead (jw -> jv, in -> id)."""
    if not code or code != code.strip() or not langcodes.tag_is_valid(code):
        raise NewLanguageError(
            f"'{code}' is not a valid language tag: use a BCP 47 tag, e.g. an ISO 639-1 code such as vi or jv, "
            "an ISO 639-3 code such as ban or min, optionally with a region (pt-BR); nothing changed"
        )
    tag = langcodes.Language.get(code)
    if code != code.lower().split("-")[0] + code[len(code.split("-")[0]) :]:
        raise NewLanguageError(f"'{code}': write the language part in lower case ({code.lower()}); nothing changed")
    preferred = langcodes.standardize_tag(code)
    if len(primary_part(preferred)) == len(primary_part(code)) and primary_part(preferred) != primary_part(code):
        raise NewLanguageError(
            f"'{code}' is a deprecated code for {tag.display_name()}: use '{preferred}'; nothing changed"
        )
    if tag.display_name().startswith("Unknown language"):
        raise NewLanguageError(
            f"'{code}' is reserved for private use and names no language; use the language's ISO 639 code"
        )
    script = tag.maximize().script or ""
    name = _babel_name(code) or tag.autonym()
    return name[:1].upper() + name[1:], "rtl" if script in RTL_SCRIPTS else "ltr"


def _babel_name(code: str) -> str | None:
    """The name Material's own locale data (Babel, CLDR) gives, e.g. Melayu for ms; None if unknown."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name() or None
    except (UnknownLocaleError, ValueError):
        return None


def primary_part(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0]


def builds_with_i18n(code: str) -> str | None:
    """None when the installed mkdocs-static-i18n accepts ``code`` as a locale, else its message.

    Version 1.3 accepts only two-letter language codes (ultrabug/mkdocs-static-i18n pull request
    348 would add three-letter ones): adding such a language would break every build."""
    try:
        I18nLocale(str).validate(code)
    except ValidationError:
        try:
            installed = f"mkdocs-static-i18n {version('mkdocs-static-i18n')}"
        except PackageNotFoundError:  # pragma: no cover - the plugin is a dependency
            installed = "mkdocs-static-i18n"
        return installed
    return None


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
{{#- Material has no interface texts for "{code}": every text not listed here comes from
    partials/languages/{fallback}.html, the first language of its fallback chain that Material has.
    Created by 'kursus new-language {code}'. -#}}
{{% import "partials/languages/{fallback}.html" as fallback %}}
{{% set own = {{
  "language": "{code}",
  "direction": "{direction}",
}} %}}
{{% macro t(key) %}}{{{{ own[key] if key in own else fallback.t(key) }}}}{{% endmacro %}}
"""


def add_language(layout: Layout, code: str, name: str | None = None) -> Added:
    """Validate, then create ``docs/<code>/``, the record file, a theme partial when Material lacks
    the language, and finally the mkdocs.yml entry. Raises NewLanguageError before writing anything
    when the code is invalid or already there."""
    if code == layout.source:
        raise NewLanguageError(
            f"'{code}' is the source language of the course: translations are made from it; nothing changed"
        )
    label, direction = validate_tag(code)
    if code in layout.languages:
        raise NewLanguageError(
            f"'{code}' is already a language of the course (see the i18n languages in mkdocs.yml); nothing changed"
        )
    refused_by = builds_with_i18n(code)
    if refused_by:
        raise NewLanguageError(
            f"'{code}' ({label}) is a valid language tag, but the i18n plugin installed ({refused_by}) "
            "accepts only two-letter language codes, so the site would no longer build; nothing changed "
            "(see 'Bahasa dengan kode tiga huruf' in docs/id/panduan/penerjemah.md)"
        )
    name = name or label
    config_path = layout.root / "mkdocs.yml"
    try:
        config_text = read(config_path)  # edited as text: it must be UTF-8, as the other course files
    except RawTextError as exc:
        raise NewLanguageError(
            f"mkdocs.yml:{exc.line}: {exc.message} ({exc.hint}), so it cannot be edited; nothing changed"
        ) from None
    new_text = edited_config(config_text, code, name)
    folder = layout.docs_dir / code
    _check_existing(layout, folder, layout.records(code))
    added = Added(code, name)
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
    partial = theme_partial(layout, code, direction, theme_fallback(layout.chain(code)))
    if partial:
        added.created.append(partial)
    write_text(config_path, new_text)
    added.created.append("mkdocs.yml (i18n languages)")
    return added


def _check_existing(layout: Layout, folder: Path, record: Path) -> None:
    """What is kept must be usable, or nothing is written: a file where the language's folder belongs,
    or a record file that cannot be read (kept, it would fail every later command)."""
    if not absent(folder) and not folder.is_dir():
        raise NewLanguageError(f"{layout.show(folder)} is there but is not a folder; move it away; nothing changed")
    if not absent(record):
        try:
            load_record(record, layout.show(record))
        except RecordError as exc:
            raise NewLanguageError(f"{exc}; fix or remove it; nothing changed") from None


def material_languages() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:  # pragma: no cover - the theme is a dependency
        return None
    return Path(spec.origin).parent / "templates" / "partials" / "languages"


def theme_fallback(chain: tuple[str, ...]) -> str:
    """The first language of the chain Material has interface texts for (English at the latest)."""
    folder = material_languages()
    return next((c for c in chain if folder and (folder / f"{c}.html").is_file()), "en")


def theme_partial(layout: Layout, code: str, direction: str, fallback: str) -> str | None:
    folder = material_languages()
    if folder is None or (folder / f"{code}.html").is_file():
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
    target.write_text(THEME_PARTIAL.format(code=code, direction=direction, fallback=fallback), encoding="utf-8")
    return f"{layout.show(target)} (Material's texts for {code} fall back to {fallback})"

"""Putting one language's text beside the source text in a YAML file, as a person would.

The file is edited as text, so comments, order and the other texts stay as written: the language's
value is replaced where it is, or added as the mapping's last key. The result is read again and
must hold exactly the new text there and everything else unchanged; otherwise nothing is written.
"""

from __future__ import annotations

import json
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..yamlio import YamlSyntaxError, compose, load_limited


class EditError(Exception):
    pass


def _mappings(node: Node | None) -> list[MappingNode]:
    found: list[MappingNode] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, MappingNode):
            found.append(current)
            stack.extend(part for pair in current.value for part in pair)
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)
    return found


def _text_mapping(root: Node | None, source: str, line: int) -> MappingNode:
    """The mapping whose ``source`` key or value starts on ``line`` (1-based)."""
    for mapping in _mappings(root):
        for key, value in mapping.value:
            if (
                isinstance(key, ScalarNode)
                and key.value == source
                and line - 1
                in (
                    key.start_mark.line,
                    value.start_mark.line,
                )
            ):
                return mapping
    raise EditError(f"no '{source}:' text found at line {line}")


def _block_value(text: str, indent: int, language: str) -> list[str]:
    """``language: text`` as block YAML lines at ``indent`` (long texts folded, Markdown kept)."""
    dumped = yaml.safe_dump({language: text}, allow_unicode=True, width=100, default_flow_style=False)
    return [" " * indent + line if line else line for line in dumped.rstrip("\n").split("\n")]


def set_text(document: str, source: str, line: int, language: str, value: str) -> str:
    """``document`` with the text mapping at ``line`` holding ``value`` for ``language``."""
    try:
        root = compose(document)  # a quiz file, read before within the limits; checked again all the same
    except YamlSyntaxError as exc:
        raise EditError(f"line {exc.line}: {exc.message}") from None
    mapping = _text_mapping(root, source, line)
    lines = document.split("\n")
    if mapping.flow_style:
        return _set_flow(document, mapping, language, value)
    first_key = mapping.value[0][0]
    indent = first_key.start_mark.column
    new = _block_value(value, indent, language)
    existing = [(k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == language]
    if existing:
        key, node = existing[0]
        start = key.start_mark.line
        end = _end_line(lines, node)
    else:
        last_value = mapping.value[-1][1]
        start = end = _end_line(lines, last_value)
    edited = "\n".join([*lines[:start], *new, *lines[end:]])
    _verify(document, edited, mapping, source, language, value)
    return edited


def _end_line(lines: list[str], node: Node) -> int:
    """The line after ``node``'s last line with text (block scalars end at the next token)."""
    end = node.end_mark.line + (1 if node.end_mark.column > 0 else 0)
    while end > node.start_mark.line + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _set_flow(document: str, mapping: MappingNode, language: str, value: str) -> str:
    """``key: {id: …, en: …}``: the value replaced in place, or ``, xx: "…"`` added before ``}``."""
    lines = document.split("\n")
    if mapping.start_mark.line != mapping.end_mark.line:
        raise EditError("a flow mapping over several lines; write the text by hand")
    row = mapping.start_mark.line
    line = lines[row]
    quoted = json.dumps(value, ensure_ascii=False)
    existing = [v for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == language]
    if existing:
        node = existing[0]
        line = line[: node.start_mark.column] + quoted + line[node.end_mark.column :]
    else:
        close = mapping.end_mark.column - 1
        line = line[:close].rstrip() + f", {language}: {quoted}" + line[close:]
    lines[row] = line
    edited = "\n".join(lines)
    if load_limited(edited) is None:  # pragma: no cover - a flow line never empties the file
        raise EditError("the edit emptied the file")
    return edited


def _verify(old: str, new: str, mapping: MappingNode, source: str, language: str, value: str) -> None:
    try:
        before: Any = load_limited(old)
        after: Any = load_limited(new)
    except YamlSyntaxError as exc:
        raise EditError(f"the edit would break the YAML ({exc.message}); write the text by hand") from None
    found = _find(after, source, mapping)
    if found is None or found.get(language) != value:
        raise EditError("the edit did not give the text back as written; write it by hand")
    found.pop(language)
    old_found = _find(before, source, mapping)
    if old_found is not None:
        old_found.pop(language, None)
    if before != after:
        raise EditError("the edit would change other texts; write the text by hand")


def _find(data: Any, source: str, mapping: MappingNode) -> dict[str, Any] | None:
    """The loaded mapping that matches ``mapping`` by its source text."""
    wanted = next(v.value for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == source)
    stack = [data]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if current.get(source) == wanted:
                return current
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return None

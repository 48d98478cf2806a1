"""YAML loading that remembers line numbers, so every problem points into the source file. The limits on
size, depth and aliases are those of every contributor's YAML (``kursus.yamlio``)."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import yamlio
from ..yamlio import YamlLimitError as YamlLimitError  # the quiz reader reports it as Q003
from ..yamlio import YamlSyntaxError as YamlSyntaxError
from ..yamlio import compose
from ..yamlio import node_line as _line

MAX_BYTES = yamlio.MAX_BYTES
NO_ALIASES = "write each text out in full: quiz files need no anchors (&name) or aliases (*name)"
DEPTH_HINT = "a quiz needs about ten levels"
PLAIN_TAGS: dict[type[Node], str] = {MappingNode: "tag:yaml.org,2002:map", SequenceNode: "tag:yaml.org,2002:seq"}


class LMap(dict[str, Any]):
    """A mapping whose ``line`` and ``lines[key]`` give where it and each key start."""

    line: int
    lines: dict[str, int]
    duplicates: list[tuple[str, int]]


class LList(list[Any]):
    """A sequence whose ``line`` and ``lines[i]`` give where it and each item start."""

    line: int
    lines: list[int]


def _convert(node: Node, constructor: SafeConstructor) -> Any:
    tag = PLAIN_TAGS.get(type(node))
    if tag is not None and node.tag != tag:
        raise YamlSyntaxError(
            _line(node),
            f"YAML tag '{node.tag}' is not allowed in a quiz file",
            "remove the tag: a quiz holds only plain texts, lists and mappings",
        )
    if isinstance(node, MappingNode):
        mapping = LMap()
        mapping.line = node.start_mark.line + 1
        mapping.lines = {}
        mapping.duplicates = []
        for key_node, value_node in node.value:
            key = _convert(key_node, constructor)
            key = key if isinstance(key, str) else str(key)
            line = key_node.start_mark.line + 1
            if key in mapping:
                mapping.duplicates.append((key, line))
            mapping[key] = _convert(value_node, constructor)
            mapping.lines[key] = line
        return mapping
    if isinstance(node, SequenceNode):
        items = LList(_convert(child, constructor) for child in node.value)
        items.line = node.start_mark.line + 1
        items.lines = [child.start_mark.line + 1 for child in node.value]
        return items
    if isinstance(node, ScalarNode):
        try:
            return constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            raise
        except Exception as exc:  # an explicit tag such as !!bool or !!int on a value it cannot read
            raise YamlSyntaxError(node.start_mark.line + 1, f"YAML value: {exc}") from None
    raise YamlSyntaxError(node.start_mark.line + 1, "unsupported YAML node")


def parse(text: str) -> Any:
    """Parse one YAML document; raise ``YamlSyntaxError`` with a line for any malformed input."""
    node = compose(text, DEPTH_HINT, NO_ALIASES)
    if node is None:
        return None
    try:
        # A constructor per document: a shared one keeps every node it has built, file after file.
        return _convert(node, SafeConstructor())
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise YamlSyntaxError(mark.line + 1 if mark else 1, f"YAML value: {exc.problem}") from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise YamlSyntaxError(node.start_mark.line + 1, f"YAML value: {exc}") from None


def line_of(container: Any, key: Any, default: int) -> int:
    """The line of ``key`` inside an ``LMap``/``LList``, else ``default``."""
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict) and key in lines:
        return int(lines[key])
    if isinstance(lines, list) and isinstance(key, int) and 0 <= key < len(lines):
        return int(lines[key])
    return default

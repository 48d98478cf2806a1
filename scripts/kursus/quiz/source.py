"""YAML loading that remembers line numbers, so every problem points into the source file."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..yamlio import FAST_LOADER

# Far above any real quiz file (the largest is about 60 kB, 9 levels deep, 1,200 values), and low
# enough that a hostile file is refused in milliseconds instead of filling the memory.
MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_VALUES = 50_000  # values after aliases are expanded (an "alias bomb" multiplies them)
NO_ALIASES = "write each text out in full: quiz files need no anchors (&name) or aliases (*name)"
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


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


class YamlLimitError(YamlSyntaxError):
    """The document is too deep, or its aliases expand too far."""


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def check_limits(root: Node) -> None:
    """Raise ``YamlSyntaxError`` when the document, with its aliases expanded, is too deep or too large,
    or an alias refers to the value that holds it. Each node is visited once (aliases share nodes), so
    this is linear in the file, never in the expansion."""
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            height[key] = 1 + max((height[id(c)] for c in children), default=0)
            if height[key] > MAX_DEPTH:
                raise YamlLimitError(
                    _line(node), f"YAML nested more than {MAX_DEPTH} levels deep", "a quiz needs about ten levels"
                )
            if size[key] > MAX_VALUES:
                raise YamlLimitError(
                    _line(node),
                    f"YAML of more than {MAX_VALUES:,} values once aliases (*name) are expanded",
                    NO_ALIASES,
                )
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise YamlLimitError(_line(node), "YAML alias (*name) inside the value it names: it never ends", NO_ALIASES)
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)) if id(child) not in size)


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
    try:
        node = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.reader.ReaderError as exc:  # a character YAML refuses: it gives an offset, not a line
        line = text.count("\n", 0, exc.position) + 1
        raise YamlSyntaxError(line, f"YAML syntax: character #x{exc.character:04x} is not allowed") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, f"YAML syntax: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, f"YAML syntax: {exc}") from None
    except RecursionError:
        raise YamlSyntaxError(1, "YAML syntax: nested too deeply") from None
    if node is None:
        return None
    check_limits(node)
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

"""YAML loading shared by the package: limits for every file a contributor writes, a fast safe loader for
the package's own files, and one that reads mkdocs.yml.

Every YAML file a contributor edits (quizzes, interface strings, the people register, the id register,
translators' record files) goes through ``compose`` and ``load_limited``: a document nested too deep, or
whose aliases (``*name``) would expand too far, is refused in milliseconds with the line it starts at,
before anything walks it (an "alias bomb" of a few lines otherwise fills the memory).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode

from .rawtext import read

# libyaml when present (PyYAML's wheels ship it): same results and marks, about ten times faster.
FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Far above any real course file (the largest quiz is about 60 kB, 9 levels deep, 1,200 values), and low
# enough that a hostile file is refused in milliseconds instead of filling the memory.
MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_VALUES = 50_000  # values after aliases are expanded (an "alias bomb" multiplies them)
DEPTH_HINT = "a course file needs a few levels only"
ALIAS_HINT = "write each value out in full: course files need no anchors (&name) or aliases (*name)"


class YamlSyntaxError(Exception):
    """A YAML file that cannot be read, with the line to look at and, if any, how to fix it."""

    def __init__(self, line: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


class YamlLimitError(YamlSyntaxError):
    """The document is too deep, or its aliases expand too far."""


def load_fast(text: str) -> Any:
    """The package's own files only (problemcodes.yml) and text this package has just written."""
    return yaml.load(text, Loader=FAST_LOADER)


def node_line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def check_limits(root: Node, depth_hint: str = DEPTH_HINT, alias_hint: str = ALIAS_HINT) -> None:
    """Raise ``YamlLimitError`` when the document, with its aliases expanded, is too deep or too large,
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
                raise YamlLimitError(node_line(node), f"YAML nested more than {MAX_DEPTH} levels deep", depth_hint)
            if size[key] > MAX_VALUES:
                raise YamlLimitError(
                    node_line(node),
                    f"YAML of more than {MAX_VALUES:,} values once aliases (*name) are expanded",
                    alias_hint,
                )
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise YamlLimitError(
                node_line(node), "YAML alias (*name) inside the value it names: it never ends", alias_hint
            )
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)) if id(child) not in size)


def compose(text: str, depth_hint: str = DEPTH_HINT, alias_hint: str = ALIAS_HINT) -> Node | None:
    """One YAML document as nodes, within the limits; ``YamlSyntaxError`` with a line for anything else."""
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
    if node is not None:
        check_limits(node, depth_hint, alias_hint)
    return node


def load_limited(text: str) -> Any:
    """A contributor's YAML as plain Python values (as ``yaml.safe_load`` gives them), within the limits."""
    node = compose(text)
    if node is None:
        return None
    try:
        # A constructor per document: a shared one keeps every node it has built, file after file.
        return SafeConstructor().construct_document(node)
    except yaml.constructor.ConstructorError as exc:  # an unknown tag, a key that cannot be a key
        mark = exc.problem_mark or exc.context_mark
        raise YamlSyntaxError(mark.line + 1 if mark else 1, f"YAML value: {exc.problem}") from None
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. !!int on a word
        raise YamlSyntaxError(node_line(node), f"YAML value: {exc}") from None


def read_limited(path: Path) -> tuple[str, Any]:
    """A contributor's YAML file: its text and its values. Raises ``OSError`` when it cannot be read,
    ``rawtext.RawTextError`` for a bad byte (at its line) or a file over ``MAX_BYTES``, and
    ``YamlSyntaxError`` for bad YAML or a document over the limits."""
    text = read(path, MAX_BYTES)
    return text, load_limited(text)


class MkdocsLoader(FAST_LOADER):  # type: ignore[misc]
    """mkdocs.yml may hold tags such as !ENV or !!python/name; their values do not matter here."""


def _ignore_tag(loader: Any, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


MkdocsLoader.add_multi_constructor("!", _ignore_tag)
MkdocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)

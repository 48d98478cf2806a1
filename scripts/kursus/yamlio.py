"""YAML loaders shared by the package: one fast safe loader, one that reads mkdocs.yml."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml when present (PyYAML's wheels ship it): same results and marks, about ten times faster.
FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_fast(text: str) -> Any:
    return yaml.load(text, Loader=FAST_LOADER)


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

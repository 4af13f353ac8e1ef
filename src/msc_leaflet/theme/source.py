"""Read a theme file into plain values that remember where each entry was written.

A project's ``theme.yaml`` is a contributor's file, read as strictly as a leaflet: by
the same position-keeping reader (`content.yaml_source.load_yaml`: duplicate keys,
aliases, tabs and broken indentation refused at their line). The parser works on plain
values (numbers, text, mappings) and says what is wrong with an entry as a
`ThemeError` (`theme.entries`) naming its keys; `ThemeSource.location` turns those keys back
into the line and column to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..content.yaml_source import PlainConstructor, YamlFile, load_yaml, where
from ..errors import LeafletError, Location
from .entries import Keys, ThemeError

THEME_FILE = YamlFile(
    "theme",
    'info: "ISO Coated v2: sheet-fed offset"',
    "a theme is a few hundred lines: start again from a copy of the bundled one "
    "(src/msc_leaflet/data/theme.yaml)",
)


@dataclass(frozen=True)
class ThemeSource:
    """A theme file's values and, for every entry, its key and value nodes."""

    path: Path
    data: dict[str, Any]
    nodes: dict[Keys, tuple[Node, Node]]

    @classmethod
    def read(cls, path: Path) -> ThemeSource:
        try:
            root = load_yaml(path, THEME_FILE)
        except LeafletError as problem:
            if problem.message != "file is empty":
                raise
            raise LeafletError(
                problem.location,
                "the theme file is empty",
                "delete it to use the bundled theme, or start from a copy of the bundled "
                "one (src/msc_leaflet/data/theme.yaml) and change what you need",
            ) from None
        if not isinstance(root, MappingNode):
            raise LeafletError(
                where(path, root),
                "a theme is a mapping of entries (paper:, margins:, colours:, …), "
                "not a single value or a list",
                "start from a copy of the bundled theme (src/msc_leaflet/data/theme.yaml)",
            )
        nodes: dict[Keys, tuple[Node, Node]] = {}
        # Scalars → numbers, booleans, text, by the one rule of YAML's plain values
        # (`PlainConstructor`: ``yes`` is text, as in a leaflet). The constructor
        # alone: a whole SafeLoader would start a reader, which compiles PyYAML's
        # all-of-Unicode pattern (`deferred_patterns`) to check an empty stream.
        data = _plain(path, root, (), nodes, PlainConstructor())
        return cls(path, data, nodes)

    def location(self, keys: Keys, at_key: bool = False) -> Location:
        """Where the entry at ``keys`` was written: its value when that is a single value
        (``big`` in ``body: big``), else its key; the nearest enclosing entry the file
        has when it has not this one (a style inherited from the bundled theme)."""
        for n in range(len(keys), 0, -1):
            found = self.nodes.get(keys[:n])
            if found is not None:
                key, value = found
                exact = n == len(keys) and not at_key and isinstance(value, ScalarNode)
                return where(self.path, value if exact else key)
        return Location(self.path, 1)

    def error(self, problem: ThemeError) -> LeafletError:
        return LeafletError(
            self.location(problem.keys, problem.at_key), problem.message, problem.hint
        )


def _plain(
    path: Path, node: Node, keys: Keys, nodes: dict[Keys, tuple[Node, Node]], loader: Any
) -> Any:
    """The value of ``node``; mapping keys stay the text written (``no:`` is "no", not
    false), so that every message can quote them and every key can be found again."""
    if isinstance(node, MappingNode):
        values = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or not str(key.value).strip():
                raise LeafletError(where(path, key), "theme keys must be plain names")
            name = str(key.value)
            nodes[(*keys, name)] = (key, value)
            values[name] = _plain(path, value, (*keys, name), nodes, loader)
        return values
    if isinstance(node, SequenceNode):
        return [_plain(path, item, keys, nodes, loader) for item in node.value]
    return loader.construct_object(node)

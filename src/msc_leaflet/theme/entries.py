"""What is wrong with a theme entry, said by the code that reads it: `ThemeError` names
the entry's keys (("styles", "heading", "size")) and `theme.source` finds their line.

Plain values in, no YAML: the font table is read by modules that must not load PyYAML
(`typeset.font_files`, which `list` imports to fingerprint a build).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..errors import shown_value

Keys = tuple[str, ...]  # where an entry is: ("styles", "heading", "size")


class ThemeError(ValueError):
    """What is wrong with the theme entry at ``keys``, in words, and what to write
    instead; ``at_key``: the problem is the key itself (an unknown name), not its value."""

    def __init__(self, keys: Keys, message: str, hint: str = "", *, at_key: bool = False):
        super().__init__(message)
        self.keys = keys
        self.message = message
        self.hint = hint
        self.at_key = at_key


def mapping(value: object, keys: Keys, what: str, example: str = "") -> dict[str, Any]:
    """``value`` if it is a mapping; a `ThemeError` saying what belongs at ``keys`` if
    not (``what``: "a mapping of top, bottom, left and right in mm")."""
    if isinstance(value, dict):
        return value
    name = " → ".join(keys) or "the theme"
    found = "empty" if value is None or value == "" else f"{_kind(value)}"
    hint = f"write it as {example}" if example else "see the bundled theme for its form"
    raise ThemeError(keys, f"{name} must be {what}, not {found}", hint)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, int | float):
        return f"a number ({value:g})"
    return f"the text {str(value)!r}"


def shown_entry(value: object) -> str:
    """A theme value for a message, in the words of what the author typed: text quoted,
    anything else by its YAML kind. ``str()`` of it gave Python's spelling ('None' for
    a colour whose unquoted # began a comment, 'True', "['a']"), which no theme holds."""
    if value is None or value == "":
        return "(empty)"
    return shown_value(value) if isinstance(value, str) else _kind(value)


def refuse_unknown(entries: Mapping[str, Any], known: Sequence[str], keys: Keys, what: str) -> None:
    """A `ThemeError` at the first key of ``entries`` not in ``known``: a misspelt key
    would otherwise change nothing, silently."""
    for name in entries:
        if name not in known:
            within = f"{' → '.join(keys)}: " if keys else ""
            raise ThemeError(
                (*keys, name),
                f"{within}unknown {what} '{name}'",
                suggestion(name, known),
                at_key=True,
            )


def missing(entries: dict[str, Any], needed: Sequence[str]) -> Iterator[str]:
    """The names of ``needed`` that ``entries`` lacks."""
    return (name for name in needed if name not in entries)


def suggestion(name: str, known: Sequence[str]) -> str:
    """`content.yaml_source.suggest`, imported only when there is a problem to name: it
    loads PyYAML."""
    from ..content.yaml_source import suggest

    return suggest(name, known)

"""Paragraph styles and box paddings as data: the theme's entries → plain style records.

Every entry of ``styles:`` says only what it changes from its ``parent`` (``body``
unless it names another), as a stylesheet would. Its size and leading are names from
the theme's ``sizes:``, its spacing names from ``spacing:``, its colour a name from
``colours:`` (or points, where a number is written), so a theme that changes
``sizes: body`` changes every style set in the body size. ``box-padding:`` entries
inherit the same way, from a ``parent`` only when they name one.

A project theme lays its entries over the bundled ones, field by field (`layered`):
it names only what it changes, and a theme written before a style existed still gets it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from .entries import Keys, ThemeError, mapping, refuse_unknown, shown_entry, suggestion

FONTS = ("regular", "bold", "italic", "bold-italic")  # the faces of the leaflet's font family
ALIGNMENTS = ("left", "justify", "centre", "right")

Entries = Mapping[str, Mapping[str, Any]]

# "small", "small + 0.5": a named length, optionally offset by points.
_NAMED = re.compile(r"([a-z][a-z0-9-]*)(?:\s*([+-])\s*(\d+(?:\.\d+)?))?")
_EM = re.compile(r"(\d+(?:\.\d+)?)\s*em")  # "1.3em": a leading of 1.3 × the style's size


@dataclass(frozen=True)
class TextStyle:
    """How one kind of paragraph is set. Lengths in points; `colour` names a theme colour.
    The defaults are the typesetter's own, so an entry states only what it means."""

    font: str  # regular | bold | italic | bold-italic
    size: float
    leading: float  # before the language's leading scale (`Theme.leading_for`)
    colour: str
    align: str = "left"
    space_before: float = 0
    space_after: float = 0
    left_indent: float = 0
    first_line_indent: float = 0  # negative: a hanging first line (numbered references)
    keep_with_next: bool = False
    allow_widows: bool = True
    allow_orphans: bool = False
    # A line narrower than this (points; 0: none; infinite: "always") breaks Japanese
    # and Chinese between phrases, not between any two characters: a table's label
    # column, a heading. A phrase wider than the line is still cut.
    keep_phrases_below: float = 0
    # A paragraph whose last line would be short (a heading ending on one word) is set
    # in as many lines of even length (`typeset.linebreak.balanced_lines`).
    balance: bool = False
    # A word wider than the line sets the whole paragraph smaller, down to this size
    # (points; 0: never), rather than be cut (`typeset.shrink`): a title, a heading.
    shrink_words_to: float = 0


@dataclass(frozen=True)
class BoxPadding:
    """Room between a box's edge and its text, in points."""

    left: float
    right: float
    top: float  # above the first row, and above the first row of each section of the box
    bottom: float  # below the last row
    between: float  # above and below every other row: rows are 2 × between apart


_TEXT_FIELDS = {f.name for f in fields(TextStyle)}
_PADDING_FIELDS = {f.name for f in fields(BoxPadding)}


_NOUNS = {"styles": "style", "box-padding": "box"}  # a section → what its entries are


def layered(bundled: Entries, own: object, section: str) -> dict[str, dict[str, Any]]:
    """The ``bundled`` entries with a project theme's ``own`` laid over them, field by
    field. A name the bundled theme does not have is a typo: nothing would print it."""
    noun = _NOUNS[section]
    own = _mapping(own, (section,), f"a mapping of {noun} names to their fields")
    refuse_unknown(own, tuple(bundled), (section,), noun)
    return {
        name: {
            **_mapping(entry, (section, name), "a mapping of fields"),
            **_mapping(own.get(name), (section, name), "a mapping of fields"),
        }
        for name, entry in bundled.items()
    }


def inherit(entries: Entries, section: str, root: str | None = None) -> dict[str, dict[str, Any]]:
    """Every entry with what it inherits filled in: its ``parent``'s fields (``root``'s
    when it names no parent), then its own."""
    resolved: dict[str, dict[str, Any]] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> dict[str, Any]:
        if name in chain:
            raise ThemeError(
                (section, chain[0], "parent"),
                f"{' → '.join((*chain, name))}: an entry cannot inherit from itself",
                "name a parent that does not inherit from this entry",
            )
        if name not in resolved:
            own = dict(entries[name])
            parent = own.pop("parent", None if name == root else root)
            if isinstance(parent, list | dict):  # was "TypeError: unhashable type"
                raise ThemeError(
                    (section, name, "parent"),
                    f"{name!r}: parent must name another entry, not a list or mapping",
                    f"write one name, for example parent: {root or next(iter(entries))}",
                )
            if parent is not None and parent not in entries:
                raise ThemeError(
                    (section, name, "parent"),
                    f"{name!r} inherits from {str(parent)!r}, which does not exist",
                    suggestion(str(parent), tuple(entries)),
                )
            inherited = resolve(parent, (*chain, name)) if parent is not None else {}
            resolved[name] = {**inherited, **own}
        return resolved[name]

    for name in entries:
        resolve(name, ())
    return resolved


def text_style(
    name: str,
    entry: Mapping[str, Any],
    sizes: Mapping[str, float],
    spacing: Mapping[str, float],
    colours: Mapping[str, object],
) -> TextStyle:
    """The style of an inherited ``styles:`` entry, every name looked up."""
    keys = ("styles", name)
    values = {key.replace("-", "_"): value for key, value in entry.items()}
    known = [f.replace("_", "-") for f in _TEXT_FIELDS]
    for key in entry:
        if key.replace("-", "_") not in _TEXT_FIELDS:
            raise ThemeError(
                (*keys, key),
                f"style {name!r} has no field {key!r}",
                suggestion(key, known),
                at_key=True,
            )
    if absent := [key for key in ("font", "size", "leading", "colour") if key not in values]:
        raise ThemeError(keys, f"style {name!r} needs {', '.join(absent)}")
    size = _points(values["size"], sizes, (*keys, "size"))
    values["size"] = size
    em = _EM.fullmatch(str(values["leading"]).strip())
    values["leading"] = (
        size * float(em[1]) if em else _points(values["leading"], sizes, (*keys, "leading"))
    )
    for key in ("space_before", "space_after", "left_indent", "first_line_indent"):
        if key in values:
            values[key] = _points(values[key], spacing, (*keys, key.replace("_", "-")), signed=True)
    for key, allowed in (("font", FONTS), ("align", ALIGNMENTS), ("colour", tuple(colours))):
        if key in values and values[key] not in allowed:
            raise ThemeError(
                (*keys, key),
                f"style {name!r}: {key} {shown_entry(values[key])} is not one of "
                + ", ".join(allowed),
                suggestion(str(values[key]), allowed),
            )
    if "keep_phrases_below" in values:
        below = _EM.fullmatch(str(values["keep_phrases_below"]).strip())
        values["keep_phrases_below"] = (
            math.inf  # a heading: whatever its measure
            if values["keep_phrases_below"] == "always"
            else size * float(below[1])
            if below
            else _points(values["keep_phrases_below"], {}, (*keys, "keep-phrases-below"))
        )
    if "shrink_words_to" in values:
        em = _EM.fullmatch(str(values["shrink_words_to"]).strip())
        values["shrink_words_to"] = (
            size * float(em[1])
            if em
            else _points(values["shrink_words_to"], {}, (*keys, "shrink-words-to"))
        )
    for key in ("keep_with_next", "allow_widows", "allow_orphans", "balance"):
        if key in values and not isinstance(values[key], bool):
            from ..content.yaml_source import boolean_hint  # PyYAML: only to refuse

            field = key.replace("_", "-")
            raise ThemeError(
                (*keys, field),
                f"style {name!r}: {field} must be true or false, not {values[key]!r}",
                boolean_hint(field),
            )
    return TextStyle(**values)


#: The style fields that name an entry of ``sizes:``, of ``spacing:`` and of ``colours:``.
NAMING_FIELDS = {
    "sizes": ("size", "leading"),
    "spacing": ("space-before", "space-after", "left-indent", "first-line-indent"),
    "colours": ("colour",),
}


def names_used(styles: Mapping[str, Mapping[str, Any]]) -> dict[str, set[str]]:
    """The names of ``sizes:``, ``spacing:`` and ``colours:`` entries that the inherited
    ``styles:`` entries look up (a size of ``small + 0.5`` uses ``small``)."""
    used: dict[str, set[str]] = {table: set() for table in NAMING_FIELDS}
    for entry in styles.values():
        for table, keys in NAMING_FIELDS.items():
            for key in keys:
                match = _NAMED.fullmatch(str(entry.get(key, "")).strip())
                if match:
                    used[table].add(match[1])
    return used


def box_padding(name: str, entry: Mapping[str, Any]) -> BoxPadding:
    """The padding of an inherited ``box-padding:`` entry."""
    keys = ("box-padding", name)
    sides = sorted(_PADDING_FIELDS)
    refuse_unknown(entry, sides, keys, "side")
    if absent := [side for side in sides if side not in entry]:
        raise ThemeError(
            keys,
            f"box-padding {name!r} needs {', '.join(absent)}",
            f"give each of {', '.join(sides)}, or a parent: to take the others from",
        )
    return BoxPadding(**{key: _points(value, {}, (*keys, key)) for key, value in entry.items()})


def _points(value: Any, names: Mapping[str, float], keys: Keys, signed: bool = False) -> float:
    """A length: a number of points, kept as written (an int stays an int, so ReportLab
    gets exactly what it got when these were constants), a name from ``names``, or a
    name ± points. Finite, and 0 or more unless ``signed`` (a hanging first line)."""
    what = (
        f"style {keys[1]!r}: {keys[2]}"
        if keys[0] == "styles"
        else f"{keys[0]} {keys[1]!r}: {keys[2]}"
    )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value) or (value < 0 and not signed):
            raise ThemeError(keys, f"{what} {value!r} is not a length", "write a number, 0 or more")
        return value
    match = _NAMED.fullmatch(str(value).strip())
    if not match or match[1] not in names:
        known = f" or one of {', '.join(names)}" if names else ""
        raise ThemeError(
            keys,
            f"{what} {shown_entry(value)} is not a number{known}",
            "write points (e.g. 10), a name, or a name ± points (small + 0.5)"
            if names
            else "write a number of points, e.g. 10",
        )
    base = names[match[1]]
    if match[2] is None:
        return base
    offset = float(match[3])
    return base + offset if match[2] == "+" else base - offset


def _mapping(entry: object, keys: Keys, what: str) -> Mapping[str, Any]:
    return {} if entry is None else mapping(entry, keys, what)

"""Errors the text stage raises; the layout turns them into user-facing messages."""

from __future__ import annotations

import unicodedata


class MissingGlyphError(ValueError):
    """The font has no glyph for a character, so it would print as an empty box (.notdef).

    Raised instead of drawing silently wrong text: a patient cannot read a box.
    """

    def __init__(self, char: str, font: str, text: str) -> None:
        self.char = char
        self.codepoint = ord(char)
        self.font = font
        self.text = text
        name = unicodedata.name(char, "unnamed character")
        super().__init__(
            f"font {font!r} has no glyph for {char!r} (U+{ord(char):04X} {name}) in {text!r}"
        )

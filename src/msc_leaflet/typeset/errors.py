"""Errors the text stage raises; the layout turns them into user-facing messages."""

from __future__ import annotations

import unicodedata

from .scripts import BY_TAG, script_of


def script_name(char: str) -> str:
    """The name of the script of ``char``, for messages ("Khmer", "Armenian", "Ol
    Chiki"): Unicode's name of the script, not the first word of the character's name,
    which was "Ol", "New" (New Tai Lue) or "Tai" (Tai Tham, Tai Le or Tai Viet)."""
    tag = script_of(char)
    if tag in BY_TAG:
        return BY_TAG[tag].name
    if tag is not None and (name := script_tag_name(tag)):
        return name
    name = unicodedata.name(char, "")
    return name.split(" ")[0].title() if name else "unnamed"


def script_tag_name(tag: str) -> str:
    """Unicode's name of the script an ISO 15924 ``tag`` stands for, for people ("Hang"
    → "Hangul", "Thaa" → "Thaana", "Hani" → "Han"); "" for a tag Unicode does not know."""
    from fontTools.unicodedata import script_name as unicode_script_name

    return str(unicode_script_name(tag, default="")).replace("_", " ")


def add_font_hint(script: str, tag: str = "") -> str:
    """What to add to the theme so that ``script`` (its name) can be printed; ``tag``:
    the key of `fonts: scripts:` to name the family under, when known."""
    key = f"`fonts: scripts: {tag}`" if tag else "`fonts: scripts:`"
    return (
        f"add a font family that has {script} to `fonts: families:` in the project's "
        f"theme.yaml and name it under {key} (docs/scripts.md)"
    )


class MissingGlyphError(ValueError):
    """No configured font has a glyph for a character, so it would print as an empty
    box (.notdef).

    Raised instead of drawing silently wrong text: a patient cannot read a box. The
    message names the character and its script, `hint` what to add to the theme.
    """

    def __init__(self, char: str, font: str, text: str) -> None:
        self.char = char
        self.codepoint = ord(char)
        self.font = font
        self.text = text
        self.script = script_name(char)
        name = unicodedata.name(char, "unnamed character")
        super().__init__(
            f"no font in the theme covers the {self.script} script: "
            f"{char!r} (U+{ord(char):04X} {name}) in {text[:60]!r} (font {font!r})"
        )
        self.hint = add_font_hint(self.script, script_of(char) or "")

    def for_reader(self, written: str = "") -> tuple[str, str]:
        """The message and hint an author reads, for `build` and `check` alike: a letter
        or digit needs a font for its script, a symbol (an emoji) is in no font.
        ``written``: why the character is printed when no text of the leaflet holds it."""
        from ..content.text_policy import name

        if of_a_script(self.char):
            return (
                f"{name(self.char)} cannot be printed: no font in the theme covers the "
                f"{self.script} script{written}, so it would show as an empty box",
                self.hint,
            )
        return (
            f"{name(self.char)} cannot be printed: no font in the theme has this symbol, "
            "so it would show as an empty box",
            "remove it, or write it in words (emoji and many symbols are in no font)",
        )


def of_a_script(char: str) -> bool:
    """A letter, mark or digit of a script (Bengali ১ as much as ব), which a font for
    that script draws; not a symbol or punctuation shared by all scripts."""
    from fontTools.unicodedata import script as unicode_script

    return unicodedata.category(char)[0] in "LMN" and unicode_script(char) not in _NO_SCRIPT


_NO_SCRIPT = ("Zyyy", "Zinh", "Zzzz")  # Common, Inherited, Unknown

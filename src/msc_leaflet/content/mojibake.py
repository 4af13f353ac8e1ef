"""Text decoded in the wrong encoding ("mojibake"), found by encoding it back.

A clinic pastes text from an old Windows program, or from an e-mail a program decoded
wrongly: the YAML and the .po file are valid UTF-8, so the leaflet builds, and a Thai
patient reads "à¸œà¸¹à¹‰à¸›à¹ˆà¸§à¸¢" where ผู้ป่วย was meant. Such text is the bytes of
the meant text read one byte per character in Windows-1252 (or Latin-1, whose C1
controls stand for the bytes Windows-1252 leaves undefined). So it is found by writing
those characters back as bytes and decoding them as the encoding they were saved in:

* UTF-8 (every language): a run of UTF-8 byte sequences, a lead byte and its
  continuation bytes (Ã© for é, â€™ for ’, à¸œ for ผ), that decodes into letters of the
  leaflet's script or of Latin (the references of every leaflet cite Latin names), or
  punctuation. A real text never writes an accented capital followed by two symbols
  (à¸, â€), so a sequence of three bytes or more, or two sequences in a row, is
  evidence enough. One two-byte sequence alone is a capital followed by a symbol (Ã© for
  é), which a real text writes only at the end of a word in capitals (NGÃ”, a quoted
  Vietnamese word): it is taken for mojibake inside a word only, after a lower-case
  letter or before a letter (SensebÃ©, MÃ¼ller).
* The language's own legacy encoding (`legacy-encoding` in ``languages.yaml``: Thai
  Windows-874, whose Thai bytes are all above 0xA0): a whole word of three characters
  or more that decodes into letters of the language, well formed (``¼Ùé»èÇÂ`` is
  ผู้ป่วย). A real Latin word is never three accented letters with no plain one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass


def _byte_of(char: str) -> int | None:
    """The byte Windows-1252, else Latin-1, writes ``char`` as, if above 0x7F."""
    try:
        byte = char.encode("cp1252")[0]
    except UnicodeEncodeError:
        byte = ord(char) if "\x80" <= char <= "\xff" else 0
    return byte if byte >= 0x80 else None


#: Each character a non-ASCII byte reads as in Windows-1252 or Latin-1, with its byte.
_WINDOWS_1252 = bytes(range(0x80, 0x100)).decode("cp1252", "ignore")
_BYTES = {
    char: byte
    for char in sorted({*map(chr, range(0x80, 0x100)), *_WINDOWS_1252})
    if (byte := _byte_of(char)) is not None
}


def _reading(low: int, high: int) -> str:
    """A regex class of the characters bytes ``low`` to ``high`` read as."""
    return "[" + "".join(re.escape(c) for c, b in sorted(_BYTES.items()) if low <= b <= high) + "]"


_CONTINUATION = _reading(0x80, 0xBF)
#: One UTF-8 sequence of two, three or four bytes, read one byte per character.
_UTF8_SEQUENCE = re.compile(
    f"{_reading(0xC2, 0xDF)}{_CONTINUATION}"
    f"|{_reading(0xE0, 0xEF)}{_CONTINUATION}{{2}}"
    f"|{_reading(0xF0, 0xF4)}{_CONTINUATION}{{3}}"
)
#: A word of three characters or more, all read from non-ASCII bytes: where a legacy
#: encoding's word (every Thai byte of Windows-874 is above 0xA0) shows up.
_LEGACY_WORD = re.compile(f"(?<![0-9A-Za-z]){_reading(0x80, 0xFF)}{{3,}}(?![0-9A-Za-z])")


@dataclass(frozen=True)
class Mojibake:
    """A run of ``text[start:end]`` that is the bytes of ``meant`` read in the wrong
    encoding: ``encoding``, the one they were saved in."""

    start: int
    end: int
    meant: str
    encoding: str


def mojibake(
    text: str,
    letters: Callable[[str], bool],
    legacy_encoding: str = "",
    well_formed: Callable[[str], bool] = lambda _: True,
) -> Mojibake | None:
    """The first run of ``text`` that is text decoded in the wrong encoding, or None.

    ``letters``: whether a letter is one of the text's language (Latin letters always
    pass); ``legacy_encoding``: the language's own pre-Unicode encoding, if any, and
    ``well_formed``: whether a word decoded from it is spelt as the language writes."""
    legacy = _legacy_run(text, legacy_encoding, letters, well_formed)
    found = [run for run in (_utf8_run(text, letters), legacy) if run]
    return min(found, key=lambda run: run.start) if found else None


def _utf8_run(text: str, letters: Callable[[str], bool]) -> Mojibake | None:
    """The first run of UTF-8 sequences read as Windows-1252, if any is evidence enough.
    A text pasted wrongly is wrong throughout: once one run is surely mojibake, so is a
    capital before a symbol at a word's end (LÃª for Lê, beside VÄƒn for Văn)."""
    runs = _utf8_runs(text, letters)
    if not any(_evidence(text, run) for run in runs):
        return None
    return runs[0]


def _utf8_runs(text: str, letters: Callable[[str], bool]) -> list[Mojibake]:
    """Every run of UTF-8 sequences read as Windows-1252 that decodes into text of the
    language (`_of_the_text`), evidence enough or not."""
    runs: list[Mojibake] = []
    for match in _UTF8_SEQUENCE.finditer(text):
        try:
            char = bytes(_BYTES[c] for c in match.group()).decode("utf-8")
        except UnicodeDecodeError:
            continue  # an overlong form or a surrogate: no encoder writes it
        if runs and runs[-1].end == match.start():
            runs[-1] = Mojibake(runs[-1].start, match.end(), runs[-1].meant + char, "UTF-8")
        else:
            runs.append(Mojibake(match.start(), match.end(), char, "UTF-8"))
    return [run for run in runs if all(_of_the_text(c, letters) for c in run.meant)]


def _evidence(text: str, run: Mojibake) -> bool:
    """Whether a run is surely mojibake (see the module docstring): two characters or a
    sequence of three bytes, else one inside a word."""
    if len(run.meant) > 1 or run.end - run.start > 2:
        return True
    before, after = text[run.start - 1 : run.start], text[run.end : run.end + 1]
    return before.islower() or after.isalpha()


def _of_the_text(char: str, letters: Callable[[str], bool]) -> bool:
    """A letter or mark of the language or of Latin, or punctuation, a symbol or a space."""
    category = unicodedata.category(char)
    if category[0] in "LM" or category == "Nd":
        return letters(char) or unicodedata.name(char, "").startswith("LATIN ")
    return category[0] in "PSZN"  # a fraction or superscript (Â½, Â²) is a symbol


def _legacy_run(
    text: str,
    encoding: str,
    letters: Callable[[str], bool],
    well_formed: Callable[[str], bool],
) -> Mojibake | None:
    """The first word of ``text`` that is the language's legacy encoding read as
    Windows-1252: every character one of its letters, and spelt as it writes them."""
    if not encoding:
        return None
    for match in _LEGACY_WORD.finditer(text):
        try:
            meant = bytes(_BYTES[c] for c in match.group()).decode(encoding)
        except UnicodeDecodeError:
            continue
        word = match.group()
        if _latin_word(word) or not all(letters(c) for c in meant) or not well_formed(meant):
            continue
        return Mojibake(match.start(), match.end(), meant, encoding)
    return None


def _latin_word(word: str) -> bool:
    """Whether ``word`` may be a real Latin word or abbreviation (ÆØÅ, Åå): letters
    only, in one case or with only the first a capital. A legacy encoding's word read
    as Latin-1 holds symbols (¼Ùé»èÇÂ, ผู้ป่วย) or capitals after small letters
    (àÃÒ, เรา)."""
    return word.isalpha() and (word.isupper() or word.islower() or word.istitle())


def as_meant(text: str, run: Mojibake, letters: Callable[[str], bool]) -> str:
    """The word (between spaces) ``run`` is in, with ``run`` and every run of UTF-8
    read as Windows-1252 in it decoded: what the hint offers to type."""
    start = max(text.rfind(" ", 0, run.start), text.rfind("\n", 0, run.start)) + 1
    ends = [k for k in (text.find(" ", run.end), text.find("\n", run.end)) if k >= 0]
    word = text[start : min(ends, default=len(text))]
    runs = [r for r in _utf8_runs(word, letters) if r.start >= run.end - start]
    fixed, at = "", 0
    for other in [Mojibake(run.start - start, run.end - start, run.meant, ""), *runs]:
        fixed += word[at : other.start] + other.meant
        at = other.end
    return fixed + word[at:]

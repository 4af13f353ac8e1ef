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
  punctuation; or into two letters or more of any script (a Thai address pasted into
  an English leaflet). A real text never writes an accented capital followed by two symbols
  (à¸, â€), so a sequence of three bytes or more, or two sequences in a row, is
  evidence enough. One two-byte sequence alone is a capital followed by a symbol (Ã© for
  é), which a real text writes only at the end of a word in capitals (NGÃ”, a quoted
  Vietnamese word): it is taken for mojibake inside a word only, after a lower-case
  letter or before a letter (SensebÃ©, MÃ¼ller).
* The language's own legacy encoding (`legacy-encoding` in ``languages.yaml``: Thai
  Windows-874, whose Thai bytes are all above 0xA0): a whole word of three characters
  or more that decodes into letters of the language, well formed (``¼Ùé»èÇÂ`` is
  ผู้ป่วย). A real Latin word is never three accented letters with no plain one.
* A double-byte legacy encoding (Japanese cp932, Chinese GBK, Korean cp949) read as
  Windows-1252: two letters of the language or more, each a lead byte (0x81 and up)
  and a trail byte, which may be ASCII (日本語 in Shift-JIS reads “ú–{Œê), not a Latin
  word (`_latin_word`: Sévère's "évèr" reads as two Han letters in GBK).
* UTF-8 read as that double-byte encoding (日本 reads 譌･譛ｬ in cp932, 鏃ユ湰 in GBK): a
  run of characters that the encoding writes back into UTF-8 of two letters or more
  of the language. A run that lost bytes (文字化け reads 譁・ｭ怜喧縺・) cannot be
  written back and is left: only what decodes cleanly is offered as the text meant.
  Real Japanese, Chinese or Korean written in its encoding is not UTF-8 (日本語 is
  93 FA 96 7B 8C EA in cp932, a continuation byte first).
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


#: A character of a double-byte encoding read one byte per character in Windows-1252:
#: a lead byte and a trail byte, ASCII (0x40 to 0x7E) or not, two such characters or more.
_DOUBLE_BYTE_WORD = re.compile(f"(?:{_reading(0x81, 0xFE)}[@-~{_reading(0x80, 0xFE)[1:-1]}]){{2,}}")
#: A run of non-ASCII characters: where UTF-8 read as a double-byte encoding shows up.
_NON_ASCII_RUN = re.compile("[^\x00-\x7f]{2,}")
#: What mojibake is usually read as.
WINDOWS_1252 = "Windows-1252 or Latin-1"


@dataclass(frozen=True)
class Mojibake:
    """A run of ``text[start:end]`` that is the bytes of ``meant`` read in the wrong
    encoding: ``encoding``, the one they were saved in, read as ``read_as``."""

    start: int
    end: int
    meant: str
    encoding: str
    read_as: str = WINDOWS_1252


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
    if _double_byte(legacy_encoding):
        runs = [
            _double_byte_run(text, legacy_encoding, letters, well_formed),
            _utf8_as_double_byte_run(text, legacy_encoding, letters),
        ]
    else:
        runs = [_legacy_run(text, legacy_encoding, letters, well_formed)]
    found = [run for run in (_utf8_run(text, letters), *runs) if run]
    # Where two start together (È¯ is UTF-8's ȯ and the start of Korean in cp949), the
    # longer run is the one the text was garbled as.
    return min(found, key=lambda run: (run.start, run.start - run.end)) if found else None


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
    return [run for run in runs if _meant_text(run.meant, letters)]


def _meant_text(meant: str, letters: Callable[[str], bool]) -> bool:
    """Whether a run decodes into text: of the language or Latin (`_of_the_text`), or,
    two characters or more, letters of any script. Six bytes or more that are UTF-8
    of two letters are text pasted in another language (a Thai address in an English
    leaflet, ถนน read as à¸–à¸™à¸™), never a real text's accented capitals and symbols."""
    if all(_of_the_text(c, letters) for c in meant):
        return True
    return len(meant) > 1 and all(_of_the_text(c, _any_letter) for c in meant)


def _any_letter(_: str) -> bool:
    return True


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


def _double_byte(encoding: str) -> bool:
    """Whether ``encoding`` writes a letter in two bytes (cp932, GBK, cp949, Big5): it
    reads one of these pairs as one letter (亜 in cp932, 가 in cp949, 一 in Big5),
    where a single-byte encoding (cp874) reads two."""
    if not encoding:
        return False
    pairs = (b"\x88\x9f", b"\xb0\xa1", b"\xa4\x40")
    return any(len(pair.decode(encoding, "replace")) == 1 for pair in pairs)


def _double_byte_run(
    text: str,
    encoding: str,
    letters: Callable[[str], bool],
    well_formed: Callable[[str], bool],
) -> Mojibake | None:
    """The first run of ``text`` that is the language's double-byte encoding read as
    Windows-1252: each pair of bytes one letter of the language, spelt as it writes."""
    for match in _DOUBLE_BYTE_WORD.finditer(text):
        raw = bytes(_BYTES.get(c, ord(c)) for c in match.group())
        try:
            meant = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        word = match.group()
        if len(meant) * 2 != len(raw) or _latin_word(word) or _latin_trails(word):
            continue  # a single-byte (half-width) character, or Latin words
        if all(letters(c) for c in meant) and well_formed(meant):
            return Mojibake(match.start(), match.end(), meant, encoding)
    return None


def _latin_trails(word: str) -> bool:
    """Whether the trail bytes of ``word`` (`_DOUBLE_BYTE_WORD`) look like Latin text:
    an accented letter then a plain one, over and over (“Tôi, évér). GB2312's and KS X
    1001's letters have no ASCII trail byte, Shift-JIS's one in three: over a third of
    ASCII letters, or any in a run of two characters, is a Latin word's."""
    trails = word[1::2]
    plain = sum(1 for c in trails if c.isascii() and c.isalpha())
    return plain * 3 > len(trails) or (plain > 0 and len(trails) < 3)


def _utf8_as_double_byte_run(
    text: str, encoding: str, letters: Callable[[str], bool]
) -> Mojibake | None:
    """The first run of ``text`` that is UTF-8 read as the language's double-byte
    encoding: written back in it, it decodes as UTF-8 into two letters or more of the
    language (or punctuation), and every character was kept."""
    for match in _NON_ASCII_RUN.finditer(text):
        try:
            meant = match.group().encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if sum(1 for c in meant if letters(c)) < 2:
            continue
        if all(letters(c) or unicodedata.category(c)[0] in "PZ" for c in meant):
            return Mojibake(match.start(), match.end(), meant, "UTF-8", encoding)
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

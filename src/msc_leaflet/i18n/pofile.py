"""Read and write ``.po``/``.pot`` files (GNU gettext PO format), strictly.

Both Babel's and polib's readers accept broken files silently (an unterminated
string loses its tail, a second definition of a message replaces the first), and a
translator's file is the one thing we must never misread. So this reader stops at
the first thing GNU ``msgfmt`` would reject, with the file and line. The writer is
deterministic (same catalog → same bytes) and does not wrap long lines, so one
changed sentence is one changed line in a diff; a text that is unchanged since it was
read keeps the lines the file had it on (`Entry.lines`), so a catalog a tool wrapped
(Poedit, Weblate, msgmerge) is not written again whole by an update, and a new text in
such a file is wrapped as GNU wraps it (`wrapping`). Control characters
are written as escapes, so the file stays text for ``diff``; NUL is refused on reading,
since gettext would silently cut the translation there, and so is U+0004 in a string,
which gettext reads as the end of a message's context.

A catalog may come from outside the clinic (a translation agency, a pull request), so
the reader is bounded like the YAML reader: a size limit, and time linear in the file
(continuation lines are joined once per entry, not appended one by one).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import time
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from ..content.text_policy import refusal
from ..errors import LeafletError, Location
from ..files import (
    Stamp,
    read_input,
    refuse_binary,
    refuse_merge_conflict,
    refuse_wide_encoding,
    standing_there,
    write_atomic,
)
from .catalog import HEADER_KEY, Catalog, Entry, Key, StickyFlags, StringSource, header_field
from .flags import gnu_order, looks_fuzzy
from .mofile import CONTEXT_SEPARATOR
from .wrapping import (
    PAGE_WIDTH,
    chosen_width,
    file_width,
    line_pieces,
    reference_bounds,
    wrapped_pieces,
)

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}  # fmt: skip
# Written escaped: a raw ESC or DEL makes `diff` and `file` call the catalog binary. The
# controls with a letter escape get it, as GNU msgcat and msgmerge write them (so update
# leaves a translator's "\a" as it is); the other ASCII controls are three-digit octal
# escapes, which GNU msgfmt reads and which no following digit can lengthen (a hex
# escape takes every hex digit that follows).
_WRITE_ESCAPES = {code: f"\\{code:03o}" for code in [*range(0x20), 0x7F]}
_WRITE_ESCAPES |= {ord(value): f"\\{letter}" for letter, value in _ESCAPES.items()}
# Every \s is ASCII (re.ASCII), as GNU gettext's blanks are: a no-break space or an
# ideographic space before a keyword is no blank to it, but a syntax error.
# Plural indexes are ASCII digits, and few: int() of a 5,000-digit index raises. GNU
# gettext reads the brackets as tokens of their own: "msgstr [0]" and "msgstr[ 1 ]" are
# msgstr[0] and msgstr[1] to msgfmt, msgmerge and Poedit.
_KEYWORD = re.compile(
    r"(msgctxt|msgid_plural|msgid|msgstr(?:\s*\[\s*([0-9]{1,3})\s*\])?)\s*(\".*)\Z", re.ASCII
)
# A line that starts a new entry once the one being read has its msgstr. GNU gettext
# allows any blank or none between a keyword and its string (msgid\t"…", msgid"…").
_NEW_ENTRY = re.compile(r"(?:msgctxt|msgid)(?=[\s\"]|\Z)", re.ASCII)
# A keyword alone on its line: GNU gettext reads tokens, so its string may begin on the
# next line ("msgid" then "\"text\""), as some tools and hand edits write it.
_BARE_KEYWORD = re.compile(
    r"(?:msgctxt|msgid_plural|msgid|msgstr(?:\s*\[\s*[0-9]{1,3}\s*\])?)\Z", re.ASCII
)
# Strings on one line are joined, as GNU gettext joins them: msgstr "a" "b" is "ab". Only
# with a blank between: "Say ""yes""" (a spreadsheet's way of writing a quote mark),
# which GNU reads as "Say yes", is refused, so the quote marks are not silently lost.
_JOIN = re.compile(r'"[ \t\f\v]+"')
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"(?:[ \t\f\v]+"(?:[^"\\]|\\.)*")*', re.ASCII)
# A flag is a word between commas and blanks. A quoted argument (Weblate's
# placeholders:"{n} {m}") stays whole: GNU splits it, but ignores every piece alike.
_FLAG_WORD = re.compile(r'(?:[^\s,"]|"[^"]*"|")+', re.ASCII)
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"x([0-9A-Fa-f]+)")
MAX_CATALOG_BYTES = 20_000_000  # the largest bundled catalog is ~100 kB
# Every line read is kept, in its entry's pieces and its place, at ~360 bytes a line:
# a 17 MB catalog of 2.5 million short lines (one msgstr a Thai syllable a line) took
# 910 MB and half a minute for every command that read it. A leaflet's text is at most
# 2,000,000 bytes (`localizer.MAX_TEXT_BYTES`): it and its source, wrapped at 79
# columns with their comments and previous strings, are ~150,000 lines.
MAX_CATALOG_LINES = 250_000
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
REFERENCE_WIDTH = 79  # GNU's default page width, which it fills with #: references
# The charset names read as UTF-8: iconv's (GNU gettext converts with it, and reads
# "utf8" as UTF-8) and CHARSET, the placeholder of a template not yet filled in.
_UTF8_NAMES = ("UTF-8", "UTF8", "CHARSET")
UTF8_BOM = b"\xef\xbb\xbf"  # Notepad's "UTF-8 with BOM": read, but never written
# A keyword or a #~ or #| mark after a string on the same line (msgid "a" msgstr "b",
# two lines joined): GNU gettext reads tokens, not lines. `_keyword_lines` splits the
# line there; the tokens are strings, blanks and other runs, so a keyword inside a
# string is never taken for one. A comment after a string is refused (`string`).
_KEYWORD_AFTER_STRING = re.compile(r'"\s*(?:msgctxt|msgid|msgstr|#~|#\|)', re.ASCII)
_NEW_KEYWORD = re.compile(r"(?:msgctxt|msgid_plural|msgid|msgstr)(?![A-Za-z_])", re.ASCII)
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\s+|[^"\s]+|"', re.ASCII)
_LINE_MARK = re.compile(r"(?:(?:#~\|?|#\|)\s*)*", re.ASCII)  # "#~ ", "#| ", "#~| ", "#~ #| "…
_BLANKS = " \t\r\f\v"  # white space to GNU gettext; a no-break space is not
# Characters that look like nothing or like a blank, which GNU gettext does not skip.
_INVISIBLE = "\ufeff\u00a0\u200b\u200c\u200d\u2060\u2007\u202f\u3000\u180e\u00ad"
# A CR alone (classic Mac OS line ends) followed by what reads as PO syntax: an editor
# shows a new line there, gettext reads on in the same line. In a comment, the entries
# after it would silently become comment text.
_HIDDEN_LINE = re.compile(r"\r(?!\n)[ \t]*(?:#|\"|msgctxt|msgid|msgstr)")


_PREVIOUS = (
    "an entry's earlier source is written #| msgctxt (if any), #| msgid, #| msgid_plural "
    "(if any), in this order, each once, just above its msgctxt or msgid"
)


def _flags(text: str) -> list[str]:
    """The flags of a ``#,`` line as GNU gettext reads them: words separated by commas or
    blanks (`_FLAG_WORD`), so "#, fuzzy python-format" (a comma forgotten) is fuzzy to
    msgfmt, which leaves it out of the .mo; ``range:`` takes the word after it."""
    words = _FLAG_WORD.findall(text)
    flags: list[str] = []
    for word in words:
        if flags and flags[-1] == "range:":
            flags[-1] = f"range: {word}"
        else:
            flags.append(word)
    return flags


def unwrapped_entry(entry: Entry) -> bool:
    """Whether GNU tools write ``entry``'s strings unwrapped: flagged ``no-wrap`` on its
    ``#,`` line (the template's flag, as msgmerge keeps it) or on a ``#=`` line (GNU
    0.22's sticky flags, which the translator's catalog keeps: `StickyFlags`). Read
    as a comment, ``#= no-wrap`` was kept but not obeyed: a changed text of a long
    URL or a table row was wrapped at 79 columns in an entry that says not to."""
    if "no-wrap" in entry.flags:
        return True
    return any(isinstance(c, StickyFlags) and "no-wrap" in _flags(c) for c in entry.comments)


def _add_origins(origins: list[int], plain: str, offset: int) -> None:
    """Append the offset of each UTF-8 byte of ``plain``, which starts at ``offset``."""
    if plain.isascii():  # one byte a character: most of every catalog's source side
        origins += range(offset, offset + len(plain))
        return
    # A byte's character is the count of characters begun up to it: summed at C speed
    # over the bytes' `_LEADS` flags (a Thai catalog read with its places spent a third
    # of its time on a Python call per character).
    begun = itertools.accumulate(plain.encode("utf-8").translate(_LEADS), initial=offset - 1)
    origins += itertools.islice(begun, 1, None)  # not ``initial`` itself


#: For `bytes.translate`: 1 for a byte that begins a character in UTF-8, 0 for a
#: continuation byte (0b10xxxxxx).
_LEADS = bytes(0 if 0x80 <= byte < 0xC0 else 1 for byte in range(256))


def _char_origins(value: str, origins: list[int]) -> list[int]:
    """Of ``origins`` (one per UTF-8 byte of ``value``), those of each character's first
    byte, picked at C speed."""
    if value.isascii():
        return origins
    return list(itertools.compress(origins, value.encode("utf-8").translate(_LEADS)))


def _closed(literal: str) -> bool:
    """Whether ``literal`` (starting with ") ends with a " that no backslash escapes."""
    if len(literal) < 2 or not literal.endswith('"'):
        return False
    body = literal[1:-1]
    return (len(body) - len(body.rstrip("\\"))) % 2 == 0


class _Reader:
    """Line-by-line state machine over one file."""

    def __init__(self, path: Path, sources: bool = False) -> None:
        self.path = path
        self.sources = sources  # whether to record `Entry.sources`
        # The line being read as gettext reads it (`spliced`), where each physical line
        # of it starts in it, and how far its strings have been read: for `placed`.
        self.logical, self.starts, self.cursor = "", [(0, 0)], 0
        self.catalog = Catalog(path=path)
        self.entries: list[Entry] = []
        self.header_lines: list[tuple[int, str]] = []
        self.reset()

    def fail(self, line: int, message: str, hint: str = "") -> LeafletError:
        return LeafletError(Location(self.path, line), message, hint)

    def reset(self) -> None:
        self.pending = Entry(msgid="")
        self.seen: dict[str, int] = {}  # keyword -> line, for the entry being read
        self.last: str | None = None  # keyword a continuation line belongs to
        self.previous_last: str | None = None
        self.previous_obsolete = False  # whether the #| line continued was marked #~
        self.previous_names: list[str] = []  # the #| keywords read, in order
        self.flag_lines: list[tuple[int, list[str]]] = []  # each "#," line's flags
        self.commented_flags: list[tuple[int, str]] = []  # "# , fuzzy": `_meant_as_flags`
        self.previous_line = 0  # where the #| lines begin
        # Continuation strings by (is "#|" line, keyword), joined into the entry by `_join`.
        self.more: dict[tuple[bool, str], list[str]] = {}
        self.comment_block: list[str] = []  # the comment lines read so far, as written
        self.obsolete: bool | None = None
        self.msgstr_lines: list[tuple[int, str]] = []  # (line, string) of the msgstr
        self.pieces: dict[str, list[str]] = {}  # each string's lines, for `Entry.lines`
        self.bare: tuple[int, str] | None = None  # a keyword whose string is still to come
        self.places: dict[str, list[tuple[int, int]]] = {}  # each string's `StringSource`
        self.keyword_lines: dict[str, int] = {}
        self.reference_runs: list[tuple[str, ...]] = []  # each "#:" line's references

    def finish(self) -> None:
        """End the entry being read, if it has begun (a keyword was read).

        Comments alone do not end at a blank line: GNU gettext gives them to the next
        entry (a "section" comment), and `read` keeps those at the end of the file."""
        self.string_expected()
        self._join()
        entry, seen = self.pending, self.seen
        if not seen:
            return
        if "msgid" not in seen:
            keyword, line = min(seen.items(), key=lambda item: item[1])
            raise self.fail(line, f"{keyword} without a msgid", "every entry needs a msgid line")
        if entry.msgid_plural is None and "msgstr" not in seen:
            raise self.fail(seen["msgid"], "msgid without a msgstr", 'add msgstr ""')
        if entry.msgid_plural is not None and not entry.msgstr_plural:
            raise self.fail(seen["msgid"], "msgid_plural without msgstr[0]")
        entry.obsolete = bool(self.obsolete)
        entry.lines = {name: tuple(pieces) for name, pieces in self.pieces.items()}
        if self.sources:
            entry.sources = {
                name: StringSource(self.keyword_lines[name], tuple(places))
                for name, places in self.places.items()
            }
        # A no-wrap entry's strings were written unwrapped whatever their mark: -1, so
        # they are wrapped once the flag is gone (`_entry_lines`).
        unwrapped = unwrapped_entry(entry)
        entry.indents = {
            name: -1 if unwrapped else _indent(name, entry.obsolete) for name in entry.lines
        }
        unseen = entry.fuzzy and "fuzzy" not in self.flag_lines[-1][1]
        if unseen and not entry.obsolete and not _is_header(entry):
            self.catalog.unseen_fuzzy.append(self.flag_lines[-1][0])
        if not entry.fuzzy and not entry.obsolete and not _is_header(entry):
            self.catalog.misspelt_fuzzy += [
                (line, flag)
                for line, flags in self.flag_lines
                for flag in flags
                if looks_fuzzy(flag)
            ]
        if not entry.fuzzy and not entry.obsolete and not _is_header(entry):
            self.catalog.commented_fuzzy += self.commented_flags
        if _is_header(entry) and not self.header_lines:  # its fields' lines, for errors
            self.header_lines = self.msgstr_lines
        self.entries.append(entry)
        if self.reference_runs and not entry.obsolete:
            self.catalog.reference_lines.append(tuple(self.reference_runs))
        self.reset()

    def string(self, text: str, line: int, places: list[tuple[int, int]] | None = None) -> str:
        """The value of the quoted PO string literals of a line (`_JOIN`), escapes
        resolved; ``places`` gets the (line, column) of each of its characters."""
        strings = _STRINGS.match(text) if "#" in text else None
        if strings and text[strings.end() :].lstrip(_BLANKS).startswith("#"):
            # GNU gettext reads it as a comment of the next entry, or refuses the file
            raise self.fail(
                line,
                "a comment after the string on the same line",
                "put the comment on a line of its own, above the entry: # your note",
            )
        if text[:1] == '"' and not _closed(text):
            self.invisible_end(text, line)
            raise self.fail(
                line,
                "the string is not closed with double quotes",
                'end it with " on the same line',
            )
        if len(text) < 2 or text[0] != '"' or text[-1] != '"':
            # The text itself is not echoed: a file that is no catalog at all (a link to
            # a system file, a binary) must not have its content printed.
            raise self.fail(line, "expected a string in double quotes")
        # GNU gettext reads an octal or hex escape as one byte of the file's encoding:
        # "\\302\\251" is ©, not two characters.
        # Read a stretch without escapes at a time: most strings have none, and a
        # character at a time was 4 % of a batch build's CPU (a catalog per output).
        out = bytearray()
        body, i = text[1:-1], 0
        # With ``places``: the offset in ``body`` of each byte of ``out``.
        origins: list[int] | None = [] if places is not None else None
        while i < len(body):
            escape = body.find("\\", i)
            plain = body[i:] if escape < 0 else body[i:escape]
            quote = plain.find('"')
            if quote >= 0:  # the end of one string, and a blank before the next: joined
                join = _JOIN.match(body, i + quote)
                if join is None:
                    raise self.fail(
                        line, 'unescaped " inside a string', 'write \\" for a quote mark'
                    )
                out += plain[:quote].encode("utf-8")
                if origins is not None:
                    _add_origins(origins, plain[:quote], i)
                i = join.end()
                continue
            out += plain.encode("utf-8")
            if origins is not None:
                _add_origins(origins, plain, i)
            if escape < 0:
                break
            i = escape
            if i + 1 >= len(body):
                raise self.fail(line, "string ends with a lone backslash")
            nxt = body[i + 1]
            if nxt in _ESCAPES:
                out += _ESCAPES[nxt].encode("ascii")
                i += 2
            elif (number := _OCTAL.match(body, i + 1) or _HEX.match(body, i + 1)) is not None:
                out.append(self.byte(number, line))
                i += 1 + len(number.group(0))
            else:
                raise self.fail(
                    line,
                    f"unknown escape sequence '\\{nxt}'",
                    'a backslash starts an escape in a .po string (\\n, \\t, \\"): write '
                    "\\\\ for a backslash itself",
                )
            if origins is not None:  # the escape's bytes are where its backslash is
                origins += [escape] * (len(out) - len(origins))
        value = self.decoded(bytes(out), line)
        if places is not None and origins is not None:
            places += self.placed(text, value, origins, line)
        return value

    def placed(self, text: str, value: str, origins: list[int], line: int) -> list[tuple[int, int]]:
        """The (line, column) of each character of ``value``, read from the literals
        ``text``: found in the line gettext read (`spliced`) after the strings before
        it, and each offset in it taken back to the physical line it was typed on. Not
        found (a keyword alone on its line, its string still to come): column 0."""
        base = self.logical.find(text, self.cursor)
        if base < 0:
            return [(line, 0)] * len(value)
        self.cursor = base + len(text)
        offsets = [base + 1 + origin for origin in _char_origins(value, origins)]  # + 1: "
        # Offsets only grow along the string: each physical line's characters are one
        # slice of them, found by bisection (not a bisection per character).
        starts = self.starts
        places: list[tuple[int, int]] = []
        cut = 0
        for index, (start, number) in enumerate(starts):
            end = starts[index + 1][0] if index + 1 < len(starts) else None
            stop = len(offsets) if end is None else bisect_left(offsets, end, cut)
            places += [(number, offset - start + 1) for offset in offsets[cut:stop]]
            cut = stop
        return places

    def byte(self, escape: re.Match[str], line: int) -> int:
        """The byte an octal or hex escape stands for; GNU msgfmt would cut a larger
        value to its last byte, which is not what the translator wrote."""
        written = escape.group(0)
        value = int(written[1:], 16) if written[0] == "x" else int(written, 8)
        if value > 0xFF:
            raise self.fail(
                line,
                f"the escape '\\{written[:12]}' is more than one byte",
                "write the character itself; after \\x, end the string and continue it "
                'in a new "..." before more hex digits',
            )
        return value

    def decoded(self, data: bytes, line: int) -> str:
        """The string's text, NUL refused (see `_nul_error`)."""
        try:
            value = data.decode("utf-8")
        except UnicodeDecodeError:
            raise self.fail(
                line,
                "the escaped bytes in this string are not UTF-8",
                "write the characters themselves",
            ) from None
        if "\0" in value:
            raise _nul_error(self.path, line)
        if CONTEXT_SEPARATOR in value:  # two messages' keys could become one (`mofile`)
            raise self.fail(
                line,
                "control character U+0004 (end of transmission) in a string: gettext "
                "separates a message's context from its text with it, so GNU msgfmt, "
                "msgmerge and msgcat refuse the file",
                "remove it (it often comes with text copied from another program); "
                "as an escape it is written \\004, \\4 or \\x04",
            )
        return value

    def string_expected(self) -> None:
        """Refuse a keyword alone on its line that no string line follows (GNU does)."""
        if self.bare is not None:
            line, name = self.bare
            raise self.fail(line, f"{name} without its string", f'write it: {name} "…"')

    def keyword(self, text: str, line: int, obsolete: bool, previous: bool) -> None:
        self.string_expected()
        bare = _BARE_KEYWORD.match(text) is not None
        if bare:  # its string is on the lines that follow: read as "" continued
            text += ' ""'
        match = _KEYWORD.match(text)
        if not match:
            self.invisible_start(text, line)
            word = text.split(None, 1)[0] if text.split() else text
            shown = f" {word!r}" if re.fullmatch(r"[A-Za-z_][\w\[\]]{0,19}", word) else ""
            raise self.fail(line, f"unknown keyword or malformed line{shown}")
        name, index, literal = match.group(1), match.group(2), match.group(3)
        if index is not None:
            index = str(int(index))  # msgstr[01] is msgstr[1]
            name = f"msgstr[{index}]"  # as GNU writes it
        places: list[tuple[int, int]] | None = [] if self.sources else None
        value = self.string(literal.rstrip(_BLANKS), line, places)
        self._join()
        entry = self.pending
        self.pieces[f"#| {name}" if previous else name] = [value]
        if places is not None:
            self.places[f"#| {name}" if previous else name] = places
            self.keyword_lines[f"#| {name}" if previous else name] = line
        if bare:
            self.bare = (line, name)
        if previous:
            self.previous_keyword(name, line, obsolete)
            if name == "msgctxt":
                entry.previous_msgctxt = value
            elif name == "msgid":
                entry.previous_msgid = value
            elif name == "msgid_plural":
                entry.previous_msgid_plural = value
            else:
                raise self.fail(
                    line, f"'#| {name}' is not allowed", "only #| msgctxt / msgid / msgid_plural"
                )
            self.previous_last, self.previous_obsolete = name, obsolete
            return
        if self.obsolete is not None and self.obsolete != obsolete and self.seen:
            raise self.fail(line, "an entry mixes obsolete (#~) and active lines")
        if self.previous_names and not self.seen:
            self.previous_end(line, obsolete)
        self.obsolete = obsolete
        base = "msgstr" if name.startswith("msgstr") else name
        order = {"msgctxt": 0, "msgid": 1, "msgid_plural": 2, "msgstr": 3}
        if any(order[k] > order[base] for k in self.seen) or (
            base in self.seen and base != "msgstr"
        ):
            raise self.fail(line, f"'{name}' is out of place", "expected msgctxt, msgid, msgstr")
        if base == "msgstr":
            self.plural_form(index, line)
            entry.msgstr_line = entry.msgstr_line or line
        self.seen.setdefault(base, line)
        if name == "msgctxt":
            entry.msgctxt = value
        elif name == "msgid":
            entry.msgid = value
            entry.line = self.seen.get("msgctxt", line)
        elif name == "msgid_plural":
            entry.msgid_plural = value
        elif index is not None:
            entry.msgstr_plural[int(index)] = value
        else:
            entry.msgstr = value
            self.msgstr_lines.append((line, value))
        self.last = name

    def invisible_start(self, text: str, line: int) -> None:
        """Name a character an editor does not show (U+FEFF where a file saved "UTF-8
        with BOM" was joined to another by `cat`, a no-break space) that stands
        before or after a keyword: gettext reads no keyword, string or comment there."""
        found = re.match(rf"(?:msgctxt|msgid_plural|msgid|msgstr)?[{_INVISIBLE}{_BLANKS}]*", text)
        lead = found.end() if found else 0
        if any(c in _INVISIBLE for c in text[:lead]) and text[lead:].startswith(('"', "#", "msg")):
            char = next(c for c in text[:lead] if c in _INVISIBLE)
            start = text[0] in _INVISIBLE + _BLANKS
            where = "at the start of the line" if start else "between the keyword and its string"
            name = unicodedata.name(char, "a format character")
            raise self.fail(
                line,
                f"U+{ord(char):04X} {name} {where}, which an editor does not show and "
                "gettext does not read as a blank",
                f"delete the invisible character(s) {where}",
            )

    def invisible_end(self, text: str, line: int) -> None:
        """Name an invisible character after a string's closing quote (see
        `invisible_start`)."""
        end = len(text.rstrip(_BLANKS + _INVISIBLE))
        if end < len(text) and _closed(text[:end]):
            char = next(c for c in text[end:] if c in _INVISIBLE)
            raise self.fail(
                line,
                f"the string is followed by U+{ord(char):04X} {unicodedata.name(char)}, "
                "which an editor does not show and gettext does not read as a blank",
                "delete the invisible character(s) after the closing quote",
            )

    def previous_keyword(self, name: str, line: int, obsolete: bool) -> None:
        """Refuse a ``#|`` line GNU gettext refuses: they are ``#| msgctxt`` (if any),
        ``#| msgid`` and ``#| msgid_plural`` (if any), in this order, each once, all
        ``#|`` or all ``#~|``. Read on, a second ``#| msgid`` replaced the first and a
        ``#| msgctxt`` after it was taken for the context of another source."""
        names = self.previous_names
        if names and obsolete != self.previous_obsolete:
            raise self.fail(line, "an entry mixes obsolete (#~|) and active (#|) lines", _PREVIOUS)
        allowed = {
            "msgctxt": not names,
            "msgid": names in ([], ["msgctxt"]),
            "msgid_plural": names[-1:] == ["msgid"],
        }
        if not allowed.get(name, True):
            raise self.fail(line, f"'#| {name}' is out of place", _PREVIOUS)
        if not names:
            self.previous_line = line
        names.append(name)

    def previous_end(self, line: int, obsolete: bool) -> None:
        """Check the ``#|`` lines read once the entry they belong to begins at ``line``."""
        if self.previous_names[-1] == "msgctxt":
            raise self.fail(self.previous_line, "'#| msgctxt' without '#| msgid'", _PREVIOUS)
        if obsolete != self.previous_obsolete:
            raise self.fail(
                line,
                "an entry mixes obsolete (#~) and active lines",
                "an obsolete entry's previous source is written #~|, an active one's #|",
            )

    def plural_form(self, index: str | None, line: int) -> None:
        """Refuse a msgstr that does not fit the entry's shape, as GNU msgfmt does. Read
        on, each would drop a translation when the catalog is written back: a msgstr[0]
        without msgid_plural, a plain msgstr beside msgstr[N], or a repeated msgstr[N]."""
        plural, entry = "msgid_plural" in self.seen, self.pending
        if index is None:
            if "msgstr" in self.seen:
                raise self.fail(line, "a second msgstr for the same msgid")
            if plural:
                raise self.fail(
                    line,
                    "msgstr after msgid_plural",
                    "a message with msgid_plural is translated as msgstr[0], msgstr[1]…",
                )
            return
        if not plural:
            raise self.fail(
                line,
                f"msgstr[{index}] without msgid_plural",
                "write msgstr for a message that has no msgid_plural",
            )
        expected = len(entry.msgstr_plural)
        if int(index) != expected:
            raise self.fail(
                line,
                f"msgstr[{index}] where msgstr[{expected}] is expected",
                "number the forms msgstr[0], msgstr[1]… in order, each once",
            )

    def continuation(self, text: str, line: int, previous: bool, obsolete: bool) -> None:
        self.bare = None
        target = self.previous_last if previous else self.last
        if target is None:
            raise self.fail(line, "a string continuation line with nothing to continue")
        if obsolete != (self.previous_obsolete if previous else self.obsolete):
            # GNU refuses it ("inconsistent use of #~"); joined, an obsolete entry's text
            # would become the printed translation, or the reverse.
            raise self.fail(
                line,
                "an entry mixes obsolete (#~) and active lines",
                "mark every line of an obsolete entry with #~, and no line of an active one",
            )
        places: list[tuple[int, int]] | None = [] if self.sources else None
        value = self.string(text.rstrip(_BLANKS), line, places)
        if places is not None:
            self.places[f"#| {target}" if previous else target] += places
        self.more.setdefault((previous, target), []).append(value)
        self.pieces[f"#| {target}" if previous else target].append(value)
        if target == "msgstr" and not previous:
            self.msgstr_lines.append((line, value))

    def _join(self) -> None:
        """Append the pending continuation strings to the fields they continue."""
        entry = self.pending
        for (previous, target), parts in self.more.items():
            value = "".join(parts)
            if previous:
                if target == "msgctxt":
                    entry.previous_msgctxt = (entry.previous_msgctxt or "") + value
                elif target == "msgid":
                    entry.previous_msgid = (entry.previous_msgid or "") + value
                else:
                    entry.previous_msgid_plural = (entry.previous_msgid_plural or "") + value
            elif target == "msgctxt":
                entry.msgctxt = (entry.msgctxt or "") + value
            elif target == "msgid":
                entry.msgid += value
            elif target == "msgid_plural":
                entry.msgid_plural = (entry.msgid_plural or "") + value
            elif target.startswith("msgstr["):
                entry.msgstr_plural[int(target[7:-1])] += value
            else:
                entry.msgstr += value
        self.more = {}

    def comment(self, text: str, line: int) -> None:
        self.string_expected()
        if self.seen:  # a comment after msgstr starts the next entry
            self.finish()
        if self.previous_names:  # GNU gettext refuses it
            raise self.fail(
                line,
                "a comment between the #| lines and the entry they belong to",
                "move the comment above the #| lines: comments (# , #. , #: , #, ) come "
                "first, then #|, then msgctxt or msgid",
            )
        # As GNU gettext reads a comment: its text after one blank, the rest byte for
        # byte (msgcat writes "#  two  " and "#.   x  " back as they are).
        entry, kind = self.pending, text[1:2]
        if kind in (".", ":", ","):
            body = text[2:]
            body = body[1:] if body.startswith(" ") else body
            if kind == ".":
                entry.extracted.append(body)
            elif kind == ":":
                entry.references.extend(body.split())
                self.reference_runs.append(tuple(body.split()))
            else:
                flags = _flags(body)
                entry.flags.extend(flags)
                self.flag_lines.append((line, flags))
        elif kind == "=":  # GNU 0.22's sticky flags: their line as it is
            entry.comments.append(StickyFlags(text[2:]))
        else:
            entry.comments.append(text[2:] if text.startswith("# ") else text[1:])
            if _meant_as_flags(text):
                self.commented_flags.append((line, text.rstrip()))

    def hidden_lines(self, text: str, line: int, whole: bool) -> None:
        """Refuse a lone CR that an editor shows as a line break but gettext does not
        (`_HIDDEN_LINE`): in a comment, or anywhere in a file without LF. A CR inside
        a string is the translator's, and a comment's own text may hold one."""
        comment = text.startswith("#") and not text.startswith(("#~", "#|"))
        if (whole or comment) and _HIDDEN_LINE.search(text):
            raise self.fail(
                line,
                "a carriage return (CR) alone ends the line in an editor, but gettext "
                "sees no line break there: what follows it would be read as part of "
                "this line",
                "save the file with LF (Unix) or CRLF (Windows) line ends",
            )

    def spliced(self, lines: list[str], first: int = 1) -> Iterator[tuple[int, str]]:
        """The lines as GNU gettext's reader sees them, each with the number of the line
        it begins on: a backslash at the very end of a line joins the next line to it,
        as in C (a long string broken by hand, in a string, a keyword or a #~ line).

        In a comment the join is refused: an editor shows the next line as a line of
        its own, but gettext reads it as part of the comment (a note ending in "C:\\"
        would swallow the msgctxt or msgid after it)."""
        joined: list[str] = []
        start = 0
        last = first + len(lines) - 1
        for number, raw in enumerate(lines, first):
            if not joined:
                start = number
            if raw.endswith("\\") and number < last:
                head = (joined[0] if joined else raw).lstrip(_BLANKS)
                if head.startswith("#") and not head.startswith(("#~", "#|")):
                    raise self.fail(
                        start,
                        "this comment ends with a backslash, so gettext reads the next "
                        "line as part of it",
                        "remove the backslash at the end of the line, or put a blank after it",
                    )
                joined.append(raw[:-1])
                continue
            logical = "".join(joined) + raw
            if self.sources:
                offsets = [0, *itertools.accumulate(map(len, joined))]
                self.logical, self.cursor = logical, 0
                self.starts = list(zip(offsets, range(start, number + 1), strict=True))
            for line in _keyword_lines(logical):
                yield start, line
            joined = []

    def read(self, lines: list[str], first: int = 1) -> Catalog:
        """The catalog of ``lines``, the first of them line ``first`` of the file."""
        whole = len(lines) == 1 and first == 1  # one line: no LF at all
        for number, raw in self.spliced(lines, first):
            text = raw.rstrip("\r\n").lstrip(_BLANKS)  # a comment's trailing blanks are its own
            self.hidden_lines(text, number, whole)
            stripped = text.rstrip(_BLANKS)
            if not stripped:
                continue  # white space to gettext: an entry ends where the next begins
            if stripped.startswith("#~"):
                rest = text[2:].lstrip(_BLANKS)
                # "#~ #~ msgid": an obsolete entry marked obsolete again (two files
                # joined, an editor's "comment out"); GNU reads it as obsolete once.
                # Read as a comment, it gave its "fuzzy" to the entry after it.
                marked = text  # the last "#~" of the line, and what follows it
                while rest.startswith("#~") and not marked.startswith("#~|"):
                    marked, rest = rest, rest[2:].lstrip(_BLANKS)
                # "#~ #| msgid", "#~ #, fuzzy", "#~ # note": the comments of an obsolete
                # entry marked obsolete too, as some tools write them; GNU reads them as
                # "#~| msgid", "#, fuzzy", "# note".
                if rest.startswith("#") and not rest.startswith("#|"):
                    self.comment(rest, number)
                    rest = ""
                # "#~|" or "#~ #|"; GNU refuses "#~ |"
                previous = marked.startswith("#~|") or rest.startswith("#|")
                if previous:
                    rest = rest[rest.index("|") + 1 :].lstrip(_BLANKS)
                    if self.seen:
                        self.finish()
                if _NEW_ENTRY.match(rest) and "msgstr" in self.seen:
                    self.finish()
                if rest.startswith('"'):
                    self.continuation(rest, number, previous, obsolete=True)
                elif rest:
                    self.keyword(rest, number, obsolete=True, previous=previous)
            elif stripped.startswith("#|"):
                if self.seen:
                    self.finish()
                rest = stripped[2:].lstrip(_BLANKS)
                if rest.startswith('"'):
                    self.continuation(rest, number, previous=True, obsolete=False)
                else:
                    self.keyword(rest, number, obsolete=False, previous=True)
            elif stripped.startswith("#"):
                self.comment(text, number)
            elif stripped.startswith('"'):
                self.continuation(stripped, number, previous=False, obsolete=False)
            else:
                if _NEW_ENTRY.match(stripped) and "msgstr" in self.seen:
                    self.finish()
                self.keyword(stripped, number, obsolete=False, previous=False)
            if stripped.startswith("#") and not self.seen:
                self.comment_block.append(text)
        if self.seen:
            self.finish()
        elif self.previous_names:
            raise self.fail(
                self.previous_line,
                "#| lines with no entry after them",
                "put them just above the msgctxt or msgid of the entry whose earlier "
                "source they are, or remove them",
            )
        else:
            self.catalog.trailing_comments = self.comment_block
        return self.assemble()

    def field_line(self, number: int, fallback: int) -> int:
        """The line on which the header's field ``number`` (from 0) begins."""
        start = 0
        text = "".join(value for _, value in self.header_lines)
        for _ in range(number):
            start = text.index("\n", start) + 1
        offset = 0
        for line, value in self.header_lines:
            offset += len(value)
            if start < offset:
                return line
        return fallback

    def charset(self, content_type: str, line: int) -> None:
        """Refuse a charset other than UTF-8: the file was read as UTF-8 (`read_po`), so
        either the header is wrong or the text was mis-read."""
        charset = re.search(r"charset=([\w-]+)", content_type)
        if charset and charset.group(1).upper() not in _UTF8_NAMES:
            raise self.fail(
                line,
                f"the header declares charset {charset.group(1)}, but msc-leaflet reads and "
                "writes UTF-8 only",
                "if the file's text is right in a UTF-8 editor, write charset=UTF-8 here; "
                f"otherwise convert the file: {conversion(charset.group(1))}",
            )

    def duplicate(self, repeated: list[tuple[Entry, int]]) -> LeafletError:
        """Two entries for one message: msgfmt, msgmerge and Poedit refuse the file, and
        only the translator can tell which translation is meant. Both are named, their
        texts as the file writes them, so a search in an editor finds them; every other
        pair in the file is named too (as msgfmt names them), so one run shows all the
        translator has to choose between."""
        entry, first = repeated[0]
        others = "; ".join(
            f"line {other.line} repeats line {earlier} ({_described(other)})"
            for other, earlier in repeated[1:]
        )
        more = f" (and {len(repeated) - 1} more: {others})" if others else ""
        return self.fail(
            entry.line,
            f"duplicate message ({_described(entry)}), also on line {first}{more}",
            f"keep the entry with the translation you want and delete the other (line "
            f"{first} or line {entry.line}), with its comments",
        )

    def assemble(self) -> Catalog:
        catalog, entries = self.catalog, self.entries
        heads = [entry for entry in entries if _is_header(entry)]
        if len(heads) > 1:
            raise self.fail(
                heads[1].line,
                'a second header (msgid "" without msgctxt)',
                f"the header is on line {heads[0].line}: move these fields into it",
            )
        if heads:
            head = heads[0]
            entries.remove(head)
            catalog.header_line = head.line
            catalog.header_comments = head.comments
            catalog.header_lines = head.lines.get("msgstr", ())
            catalog.header_flags = head.flags
            pieces = [piece for piece in re.split(r"(?<=\n)", head.msgstr) if piece]
            for number, piece in enumerate(pieces):
                line = self.field_line(number, head.line)
                catalog.header_written.append((line, piece))
                found = header_field(piece)
                if found is None or found[0] in catalog.header:
                    continue  # kept as written; `i18n check` names it (I18N016)
                catalog.header[found[0]] = found[1]
                if found[0] == "Content-Type":
                    self.charset(found[1], line)
        first_line: dict[Key, int] = {}
        repeated: list[tuple[Entry, int]] = []
        for entry in entries:
            if entry.obsolete:
                continue
            if entry.key in first_line:
                repeated.append((entry, first_line[entry.key]))
            first_line.setdefault(entry.key, entry.line)
        if repeated:
            raise self.duplicate(repeated)
        catalog.entries = entries
        return catalog


def _described(entry: Entry) -> str:
    """An entry's context and the start of its text, as the file writes them."""
    context = "no msgctxt" if entry.msgctxt is None else f"msgctxt {_quote(entry.msgctxt)}"
    text = entry.msgid if len(entry.msgid) <= 40 else entry.msgid[:40] + "…"
    return f"{context}, msgid {_quote(text)}"


def _indent(name: str, obsolete: bool) -> int:
    """The width of the mark before the string ``name`` ("#| msgid"…) of an entry."""
    return len(("#~| " if obsolete else "#| ") if name.startswith("#| ") else _mark(obsolete))


def _mark(obsolete: bool) -> str:
    return "#~ " if obsolete else ""


def _keyword_lines(text: str) -> list[str]:
    """``text`` as one line per keyword, each with the line's #~ or #| mark (or the
    one written before it): GNU reads ``msgid "a" msgstr "b"`` and ``#~ msgid "a" #~
    msgstr "b"`` as two lines would be (and refuses what those would be)."""
    if _KEYWORD_AFTER_STRING.search(text) is None:
        return [text]
    body = text.lstrip(_BLANKS)
    mark = _LINE_MARK.match(body)
    start = mark.end() if mark else 0
    if body.startswith("#", start):  # a comment: its text is its own
        return [text]
    prefix, lines, current, after_string = body[:start], [], "", False
    for token in _TOKEN.findall(body, start):
        if after_string and (_NEW_KEYWORD.match(token) or token.startswith(("#~", "#|"))):
            lines.append(prefix + current.rstrip(_BLANKS))
            current = ""
            if token.startswith("#"):  # a mark: GNU adds it to the line's, up to its end
                found = _LINE_MARK.match(token)
                added = found.group() if found else ""
                token, marks = token[len(added) :], prefix + added
                prefix = ("#~" if "~" in marks else "") + ("|" if "|" in marks else "")
                prefix = (prefix if prefix != "|" else "#|") + " "
        current += token
        after_string = token.startswith('"') or (after_string and token.isspace())
    return [*lines, prefix + current]


def _is_header(entry: Entry) -> bool:
    """GNU gettext's test: the header is the active entry with an empty msgid and no
    msgctxt, wherever it stands; an empty text under a context is a message."""
    return entry.key == HEADER_KEY and not entry.obsolete


# The charsets GNU msgconv converts from, its "portable" names (in any case). For another
# name of one of them (ISO-8859-11 or windows-874 for Thai, latin1) it stops with "not a
# portable encoding name", so the way out is iconv, which knows them all.
_MSGCONV_CHARSETS = frozenset(
    ["ASCII", "ANSI_X3.4-1968", "US-ASCII", "KOI8-R", "KOI8-U", "KOI8-T", "GB2312",
     "EUC-JP", "EUC-KR", "EUC-TW", "BIG5", "BIG5-HKSCS", "GBK", "GB18030", "SHIFT_JIS",
     "JOHAB", "TIS-620", "VISCII", "GEORGIAN-PS",
     *(f"ISO{sep}8859-{n}" for n in (*range(1, 10), 13, 14, 15) for sep in "-_"),
     *(f"CP{n}" for n in (850, 866, 874, 932, 949, 950, *range(1250, 1258)))]
)  # fmt: skip


def conversion(charset: str) -> str:
    """The command that converts a catalog in ``charset`` to UTF-8, for a hint."""
    if charset.upper() in _MSGCONV_CHARSETS:
        return "msgconv --to-code=UTF-8 FILE -o FILE"
    return (
        f"iconv -f {charset} -t UTF-8 FILE > NEW, then write charset=UTF-8 in NEW's "
        "header and put NEW in FILE's place"
    )


def read_po(path: Path, sources: bool = False) -> Catalog:
    """Parse ``path``; any problem is a `LeafletError` at the offending line. With
    ``sources``, each entry says where each character of its strings is typed
    (`Entry.sources`), for a finding to point at a word.

    An editor that saves in place (truncates the file, then writes it) can be caught
    halfway: the half read fails to parse, and the translator was told their catalog
    was broken at a line that is fine. A file that fails is read again while it is
    still changing (`_SETTLE_WAITS`); an error is reported only for bytes that stayed
    the same, and a file that never settles is named as being saved."""
    for wait in (*_SETTLE_WAITS, None):
        data = _read_catalog_bytes(path)
        try:
            catalog = parse_po(_po_text(path, data), path, sources)
        except LeafletError:
            if not _changed_since(path, data):
                raise
            if wait is None:
                raise LeafletError(
                    Location(path),
                    "the catalog kept changing while it was read: another program is saving it",
                    "let the editor (or the other command) finish saving, then run the "
                    "command again",
                ) from None
            time.sleep(wait)
            continue
        catalog.digest = hashlib.sha256(data).hexdigest()
        return catalog
    raise AssertionError("unreachable: the last wait is None")


#: Versions of catalogs kept parsed (`read_po_version`): the ui catalog's and the few
#: leaflets' a worker is building, as `localizer.CATALOG_CACHE_SIZE` keeps their entries.
PARSED_CACHE_SIZE = 8


@lru_cache(maxsize=PARSED_CACHE_SIZE)
def read_po_version(path: Path, stamp: Stamp) -> Catalog:
    """`read_po` of the version of ``path`` that ``stamp`` (`files.file_stamp`) names,
    parsed once for every reader in the process: the build's localisation reads the
    entries, and the place of a refused translation (`typed`) the line each starts on.
    Each parsed it again, a whole catalog more per translated output (#20). Shared:
    read it, never change it."""
    return read_po(path)


# Seconds between reads of a catalog that failed to parse while it changed: an editor's
# in-place save takes milliseconds; a second of retries covers a slow network share.
_SETTLE_WAITS = (0.02, 0.05, 0.1, 0.2, 0.4)


def _changed_since(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` no longer holds ``data`` (b"": nothing was read)."""
    try:
        return path.read_bytes() != data
    except OSError:
        return False  # gone or unreadable: the error already raised says what to do


def read_po_text(path: Path) -> tuple[bytes, str]:
    """The bytes of the catalog at ``path`` and its text as `parse_po` reads it (a BOM
    left out); a file that is not a UTF-8 catalog is a `LeafletError`."""
    data = _read_catalog_bytes(path)
    return data, _po_text(path, data)


def _read_catalog_bytes(path: Path) -> bytes:
    data = read_input(
        path, MAX_CATALOG_BYTES, "is this really a .po file? split the leaflet if it is"
    )
    lines = data.count(b"\n") + 1
    if lines > MAX_CATALOG_LINES:
        raise LeafletError(
            Location(path, MAX_CATALOG_LINES + 1),
            f"file has {lines:,} lines; the limit is {MAX_CATALOG_LINES:,}",
            "is this really a .po file? look at the string written across this line: "
            "a pasted or repeated text, wrapped a word or a letter a line, makes a catalog "
            "no leaflet can print (its text may be 2,000,000 bytes)",
        )
    return data


def _po_text(path: Path, data: bytes) -> str:
    """The text of catalog bytes as `parse_po` reads it (a BOM left out); bytes that are
    no UTF-8 catalog are a `LeafletError` at ``path``."""
    refuse_wide_encoding(path, data)
    refuse_binary(path, data)
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        declared = re.search(rb"charset=([\w-]+)", data[:4096])
        charset = declared.group(1).decode("ascii") if declared else ""
        hint = "save the file as UTF-8"
        if charset and charset.upper() not in _UTF8_NAMES:  # TIS-620, ISO-8859-1…
            hint = f"the file is in {charset}: convert it, {conversion(charset)}"
        raise LeafletError(Location(path, line), "not valid UTF-8", hint) from None
    refuse_merge_conflict(path, text)
    return text


def refuse_changed(path: Path, digest: str | None, written: str, new: bytes = b"") -> None:
    """Refuse to replace the catalog at ``path`` if it is no longer the file read (of
    sha256 ``digest``; None: there was none): a translator's editor, or a second
    command, saved it while this one merged, and writing would drop that save. A file
    that already holds the ``new`` bytes to write is no conflict: a second `update`
    run at the same time wrote what this one would. ``written`` says what the command
    has written so far."""
    if standing_there(path) is not None:
        return  # a folder or a named pipe (which a read would wait on for ever): the write says
    try:
        data: bytes | None = path.read_bytes()
    except FileNotFoundError:
        data = None
    except OSError:
        return  # the write itself will say why the file cannot be used
    now = None if data is None else hashlib.sha256(data).hexdigest()
    if now != digest and not (new and data == new):
        raise LeafletError(
            Location(path),
            "the catalog was saved by another program (an editor, another msc-leaflet "
            "command) while this one was merging it: it is left as that program saved it",
            f"{written}; close the catalog in the editor (or let the other command "
            "finish) and run the command again",
        )


def _lines(text: str) -> list[str]:
    """Lines as gettext sees them: ended by \\n only. ``str.splitlines`` also splits at
    U+2028, U+0085 or a form feed inside a quoted msgstr, which are legal there."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _nul_error(path: Path, line: int) -> LeafletError:
    """NUL, written or escaped: gettext ends the text there, so everything after it would
    be lost from the compiled catalog, and `diff` takes the file for binary. Told as the
    text policy tells any control character in a leaflet."""
    refused = refusal("\0")
    assert refused is not None
    return LeafletError(Location(path, line), refused.message, refused.hint)


def parse_po(text: str, path: Path = Path("<string>"), sources: bool = False) -> Catalog:
    if "\0" in text:
        raise _nul_error(path, text.count("\n", 0, text.index("\0")) + 1)
    lines = _lines(text)
    catalog = _Reader(path, sources).read(lines)
    catalog.newline = _newline(text, lines)
    strings = [catalog.header_lines, *(s for e in catalog.entries for s in e.lines.values())]
    catalog.wrapped = any(_wrapped(pieces) for pieces in strings)
    if catalog.wrapped:
        catalog.wrap_width = file_width(
            _written_strings(catalog), as_written, catalog.reference_lines
        )
    else:
        catalog.reference_width = chosen_width(*reference_bounds(catalog.reference_lines))
    return catalog


def parse_po_lines(lines: list[str], first: int, path: Path) -> Catalog:
    """The entries typed on ``lines`` (`split_po_lines`), the first of them line
    ``first`` of the catalog at ``path``, read with their places (`Entry.sources`) as
    the whole file read would place them. A finding names one entry's characters:
    reading that entry alone spares placing every character of the file (a Thai
    catalog's ~20,000, in tuples the collector then walks, issue #20)."""
    return _Reader(path, sources=True).read(lines, first)


def split_po_lines(text: str) -> list[str]:
    """``text``'s lines as `parse_po` reads them, for `parse_po_lines`."""
    return _lines(text)


def _newline(text: str, lines: list[str]) -> str:
    """The line end a catalog is written back with: CRLF if every line that has an end
    has CRLF (a file saved on Windows, so the translator's diff is what changed). The
    last line may have none (Notepad saves it so): it tells nothing either way."""
    ended = lines if text.endswith("\n") else lines[:-1]
    return "\r\n" if ended and all(line.endswith("\r") for line in ended) else "\n"


def _written_strings(catalog: Catalog) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each string a tool wrapped, with the width of its mark, for `file_width`."""
    yield 0, catalog.header_lines
    for entry in catalog.entries:
        if not unwrapped_entry(entry):
            for name, pieces in entry.lines.items():
                yield _indent(name, entry.obsolete), pieces


def _wrapped(pieces: tuple[str, ...]) -> bool:
    """Whether a string was written broken inside a line of its text (a tool's wrapping),
    not only after each \\n and after a first empty piece."""
    return any(not piece.endswith("\n") for piece in pieces[:-1] if piece)


def _quote(value: str) -> str:
    return '"' + as_written(value) + '"'


def as_written(value: str) -> str:
    """``value`` escaped as the .po writes it: for a message, where a line break would
    split a finding and a terminal escape would act on the translator's terminal."""
    return value.translate(_WRITE_ESCAPES)


def _laid_out(
    value: str, written: tuple[str, ...] = (), wrap: tuple[str, str, int] | None = None
) -> list[str]:
    """The pieces to write ``value`` in, one a line: those it was ``written`` in, if it is
    still that text (a tool's wrapping is kept, so update changes only what changed);
    otherwise gettext's layout: a multi-line value starts with "" and breaks after each
    \\n, and each of its lines that is unchanged keeps the pieces it was written in
    (every tool breaks after a \\n, so a line's pieces are its own). A new line is not
    wrapped, unless ``wrap`` gives the (prefix, keyword) it is written after and the
    file's width: then, in a file a tool wrapped, it is wrapped as GNU wraps it
    (`wrapping`)."""
    if written and "".join(written) == value:
        return list(written)
    kept: dict[str, list[str]] = {}
    line: list[str] = []
    for piece in filter(None, written):
        line.append(piece)
        if piece.endswith("\n"):
            kept.setdefault("".join(line), line)
            line = []
    if line:
        kept.setdefault("".join(line), line)
    texts = [text for text in re.split(r"(?<=\n)", value) if text]
    if wrap is not None and not any(text in kept for text in texts):
        return wrapped_pieces(value, as_written, *wrap)
    pieces = [
        piece
        for text in texts
        for piece in kept.get(text)
        or ([text] if wrap is None else line_pieces(text, as_written, wrap[0], wrap[2]))
    ]
    return ["", *pieces] if len(pieces) > 1 else pieces


def _string_lines(
    keyword: str,
    value: str,
    prefix: str = "",
    written: tuple[str, ...] = (),
    wrap: int = 0,
) -> list[str]:
    """``value`` as the lines of ``keyword`` (see `_laid_out`); ``wrap``: the width a
    tool wrapped the file at, so a new text is wrapped as GNU wraps it (0: unwrapped)."""
    pieces = _laid_out(value, written, (prefix, keyword, wrap) if wrap else None)
    if len(pieces) <= 1:
        return [f"{prefix}{keyword} {_quote(value)}"]
    return [f"{prefix}{keyword} {_quote(pieces[0])}"] + [
        f"{prefix}{_quote(piece)}" for piece in pieces[1:]
    ]


def _meant_as_flags(text: str) -> bool:
    """Whether a translator's comment line was meant as a fuzzy mark: ``# , fuzzy`` (a
    space typed after the ``#``), ``#; fuzzy``, ``# fuzzy``. gettext reads flags only
    from a line starting ``#,``: the translation is printed as done, as for a misspelt
    mark (`flags.looks_fuzzy`), and no tool said so."""
    body = text[1:].strip(" \t")
    marked = body[:1] in (",", ";")
    words = _flags(body[1:] if marked else body)
    if not marked and len(words) != 1:  # "# fuzzy" alone; a sentence is a comment
        return False
    return any(word == "fuzzy" or looks_fuzzy(word) for word in words)


def comment_lines(text: str) -> list[str]:
    """``text`` as the lines of a comment.

    A .po comment ends at the line break, so the second line of a note (from an XLIFF
    ``<note>``, a YAML comment, a file name) written as it is would be read as a keyword:
    the catalog no longer parses, and a line starting with msgid could inject an entry.
    A lone CR counts too: editors show it as a line break, gettext does not.
    """
    return _LINE_BREAK.split(text)


def _unjoined(line: str) -> str:
    """A comment line GNU gettext reads as one line: one that ends with a backslash gets
    a blank after it, or gettext would join the next line (a msgid) to the comment."""
    return f"{line} " if line.endswith("\\") else line


def _comments(marker: str, texts: Iterable[str]) -> list[str]:
    """One ``marker`` line per line of each text (see `comment_lines`), as GNU writes
    it: the text after one blank, byte for byte, or the marker alone for no text."""
    return [
        _unjoined(f"{marker} {line}") if line else marker
        for text in texts
        for line in comment_lines(text)
    ]


def _translator_lines(comments: Iterable[str]) -> list[str]:
    """The ``#`` lines of translator comments (`_comments`), and each ``#=`` line
    (`StickyFlags`) where it stood, byte for byte."""
    return [
        line
        for text in comments
        for line in ([f"#={text}"] if isinstance(text, StickyFlags) else _comments("#", [text]))
    ]


def _reference_lines(references: Iterable[str], width: int = REFERENCE_WIDTH) -> list[str]:
    """``#:`` lines as GNU gettext writes them (msgcat, msgmerge, xgettext): each
    reference once, as many on a line as fit in ``width`` columns: the file's width, as
    ``msgmerge -w N`` fills them (a catalog Poedit wraps at 100 got its references
    rewrapped at 79, and the translator's next save rewrapped them back: a diff of
    nothing). Split at blanks, as every reader splits them, so no line break inside one
    can leak into the syntax."""
    lines, line = [], "#:"
    for reference in dict.fromkeys(part for text in references for part in text.split()):
        if line != "#:" and len(line) + 1 + len(reference) > width:
            lines.append(line)
            line = "#:"
        line += " " + reference
    return [_unjoined(text) for text in [*lines, line] if text != "#:"]


def _entry_lines(entry: Entry, wrap: int = 0, reference_width: int = REFERENCE_WIDTH) -> list[str]:
    """The lines of ``entry``; ``wrap``: the width of a file a tool wrapped (0: none),
    unless the entry says ``no-wrap``, which GNU tools honour for its every string (a
    string a tool wrapped before the template gave it the flag is written unwrapped, as
    they write it). The ``#:`` lines fill the file's width whatever the flag, as GNU's:
    ``wrap``, or in a file whose texts no tool wrapped, ``reference_width``."""
    lines = entry.lines
    references = _reference_lines(entry.references, wrap or reference_width)  # no-wrap too
    if unwrapped_entry(entry):
        wrap, lines = 0, {key: kept for key, kept in lines.items() if not _wrapped(kept)}
    elif wrap:  # kept only after a mark as wide as the one they were wrapped after
        now = {key: _indent(key, entry.obsolete) for key in lines}
        lines = {key: kept for key, kept in lines.items() if entry.indents.get(key) == now[key]}
    out = _translator_lines(entry.comments)
    prefix = _mark(entry.obsolete)
    if not entry.obsolete:
        out += _comments("#.", entry.extracted)
        out += references
    if entry.flags:
        out += _comments("#,", [", ".join(gnu_order(entry.flags))])
    previous = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgid is not None:  # #| msgctxt or msgid_plural alone: GNU refuses
        if entry.previous_msgctxt is not None:
            out += _string_lines(
                "msgctxt", entry.previous_msgctxt, previous, lines.get("#| msgctxt", ()), wrap
            )
        out += _string_lines(
            "msgid", entry.previous_msgid, previous, lines.get("#| msgid", ()), wrap
        )
        if entry.previous_msgid_plural is not None:
            out += _string_lines(
                "msgid_plural",
                entry.previous_msgid_plural,
                previous,
                lines.get("#| msgid_plural", ()),
                wrap,
            )
    if entry.msgctxt is not None:
        out += _string_lines("msgctxt", entry.msgctxt, prefix, lines.get("msgctxt", ()), wrap)
    out += _string_lines("msgid", entry.msgid, prefix, lines.get("msgid", ()), wrap)
    if entry.msgid_plural is not None:
        out += _string_lines(
            "msgid_plural", entry.msgid_plural, prefix, lines.get("msgid_plural", ()), wrap
        )
        for index in sorted(entry.msgstr_plural):
            out += _string_lines(
                f"msgstr[{index}]",
                entry.msgstr_plural[index],
                prefix,
                lines.get(f"msgstr[{index}]", ()),
                wrap,
            )
    else:
        out += _string_lines("msgstr", entry.msgstr, prefix, lines.get("msgstr", ()), wrap)
    return out


def format_po(catalog: Catalog) -> str:
    """The file text: header, active entries in order, then obsolete ones."""
    width = (catalog.wrap_width or PAGE_WIDTH) if catalog.wrapped else 0
    lines = _translator_lines(catalog.header_comments)
    if catalog.header_flags:
        lines += _comments("#,", [", ".join(catalog.header_flags)])
    header = catalog.header_msgstr()
    if catalog.header_lines and "".join(catalog.header_lines) == header:
        lines += _string_lines("msgid", "") + _string_lines(
            "msgstr", header, "", catalog.header_lines
        )
    else:
        lines += ['msgid ""', 'msgstr ""']
        laid_out = _laid_out(header, catalog.header_lines, ("", "msgstr", width) if width else None)
        lines += [_quote(piece) for piece in laid_out if piece]
    for entry in catalog.active + catalog.obsolete:
        lines.append("")
        lines += _entry_lines(entry, width, catalog.reference_width or REFERENCE_WIDTH)
    if catalog.trailing_comments:
        lines.append("")
        lines += [
            _unjoined(line if line.startswith("#") else f"# {line}" if line else "#")
            for text in catalog.trailing_comments
            for line in comment_lines(text)
        ]
    # No line of the text holds a line break but its end: strings escape theirs, and
    # comments are split at them (`comment_lines`).
    return catalog.newline.join(lines) + catalog.newline


def write_po(path: Path, catalog: Catalog) -> bool:
    """Write atomically; returns whether the file changed."""
    return write_atomic(path, format_po(catalog).encode("utf-8"))

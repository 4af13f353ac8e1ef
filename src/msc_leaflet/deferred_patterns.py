"""Libraries' most expensive import-time patterns, compiled when first used instead.

``reportlab/platypus/paragraph.py`` (5.1.0) compiles ``uri_pat`` at import: a
case-insensitive URL pattern with ``[a-z\\xa1-\\uffff]`` classes, for which ``re`` folds
the case of every character in the range: 35-41 ms of every cold build, a tenth of the
command. ReportLab uses it only in ``Paragraph``'s hyphenation of URLs, which the text
stage never calls (`typeset` breaks and draws its own lines). ``reportlab/lib/textsplit.py``
(imported by the paragraph module) compiles ``rx``, a class of the whole BMP above
U+2E80, for ``cjkwrap``, which nothing here calls: 5-7 ms more. Two more negated classes
of all of Unicode cost 4-5 ms each: PyYAML's ``Reader.NON_PRINTABLE``, which only its
pure-Python reader uses (leaflets are read by libyaml's, `content.yaml_source`), and
pikepdf's ``re_xml_illegal_chars``, for its ``open_metadata()``, which the XMP writer
does not use (`finishing.xmp`). ``reportlab/lib/rl_safe_eval.py`` (imported by
``reportlab.lib.utils``, so by every build) compiles ``__rl_unsafe_re__``, an
alternation of 85 names, and never uses it: 20 M instructions of a cold build.
Babel joins two patterns from sets (hash seed order), so their text differs from one
run to the next and `cli.regex_code` could never reuse their programs: one for parsing
numbers, which nothing here does, and one for parsing plural rules.

`defer_patterns` (run when ``msc_leaflet`` is imported, before anything can import those
libraries) has `import_hooks` watch for those modules. While one of them runs,
and only then, ``re.compile`` of its one pattern returns a `LazyPattern`, which compiles
the same source with the same flags on first use. Every other pattern is compiled as
usual; a library version whose patterns differ is left alone. Nothing here imports
the libraries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from .import_hooks import around_first_import

MODULE = "reportlab.platypus.paragraph"
#: The start of ``uri_pat``'s source in ReportLab 5.1.0; compiled with ``re.I``.
URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
#: ``textsplit.rx`` in ReportLab 5.1.0, compiled with ``re.UNICODE``.
CJK_WRAP_PATTERN = "([\u2e80-\uffff])"


class LazyPattern:
    """A compiled pattern made on first attribute use (``match``, ``search``, …)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


def _is_uri_pattern(pattern: object, flags: int) -> bool:
    return isinstance(pattern, str) and pattern.startswith(URI_PATTERN_START) and flags == re.I


def _is_cjk_wrap_pattern(pattern: object, flags: int) -> bool:
    return pattern == CJK_WRAP_PATTERN and flags == re.UNICODE


#: ``yaml.reader.Reader.NON_PRINTABLE`` in PyYAML 6.0, compiled without flags.
YAML_NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
#: ``re_xml_illegal_chars`` in pikepdf 10's ``models/metadata/_constants.py``.
XML_ILLEGAL_CHARS = (
    "(?u)[^\\x09\\x0A\\x0D\\x20-\\U0000D7FF\\U0000E000-\\U0000FFFD\\U00010000-\\U0010FFFF]"
)


def _is_yaml_non_printable(pattern: object, flags: int) -> bool:
    return pattern == YAML_NON_PRINTABLE and flags == 0


def _is_xml_illegal_chars(pattern: object, flags: int) -> bool:
    return pattern == XML_ILLEGAL_CHARS and flags == 0


#: ``rl_safe_eval.__rl_unsafe_re__`` in ReportLab 5.1.0: ``\\b(?:`` and the names of
#: ``__rl_unsafe__`` joined in set order (which the hash seed changes), with ``re.M``.
UNSAFE_NAMES_START = "\\b(?:"
#: A name of ``__rl_unsafe__`` that no other pattern of the module holds.
UNSAFE_NAME = "__rl_safe_eval__"


def _is_unsafe_names_pattern(pattern: object, flags: int) -> bool:
    return (
        isinstance(pattern, str)
        and pattern.startswith(UNSAFE_NAMES_START)
        and UNSAFE_NAME in pattern
        and flags == re.M
    )


#: The spaces Babel (2.x) joins in set order into ``babel.numbers.SPACE_CHARS_RE``, for
#: ``parse_decimal``, which nothing here calls; and the variables of a plural rule it
#: joins so into the ``word`` pattern of ``babel.plural._RULES``, for parsing a rule.
BABEL_SPACES = frozenset(" \xa0\u202f")
BABEL_PLURAL_WORD_START = "\\b(and|or|is|(?:with)?in|not|mod|["


def _is_babel_spaces(pattern: object, flags: int) -> bool:
    return isinstance(pattern, str) and flags == 0 and set(pattern.split("|")) == BABEL_SPACES


def _is_babel_plural_word(pattern: object, flags: int) -> bool:
    return isinstance(pattern, str) and pattern.startswith(BABEL_PLURAL_WORD_START)


#: Each module whose import compiles a pattern it rarely uses, and how to know it.
DEFERRED: dict[str, Callable[[object, int], bool]] = {
    MODULE: _is_uri_pattern,
    "reportlab.lib.textsplit": _is_cjk_wrap_pattern,
    "yaml.reader": _is_yaml_non_printable,
    "pikepdf.models.metadata._constants": _is_xml_illegal_chars,
    "reportlab.lib.rl_safe_eval": _is_unsafe_names_pattern,
    "babel.numbers": _is_babel_spaces,
    "babel.plural": _is_babel_plural_word,
}


@contextmanager
def _deferring(deferred: Callable[[object, int], bool]) -> Iterator[None]:
    """While the block runs, ``re.compile`` of the one pattern ``deferred`` tells
    returns a `LazyPattern`."""
    real = re.compile

    def compile_deferring(pattern: Any, flags: int = 0) -> Any:
        if deferred(pattern, int(flags)):
            return LazyPattern(pattern, int(flags))
        return real(pattern, flags)

    re.compile = compile_deferring  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = real


#: The context each `DEFERRED` module's first import runs in.
_CONTEXTS = {name: partial(_deferring, deferred) for name, deferred in DEFERRED.items()}


def defer_patterns() -> None:
    """Compile the `DEFERRED` patterns of the modules not imported yet on first use."""
    around_first_import(_CONTEXTS)

"""What an entry's ``#,`` flags mean to GNU gettext, and whose they are in a merge.

Most flags describe the source text, not its translation: ``c-format`` says the msgid
holds C placeholders that msgfmt must find in the msgstr, ``no-wrap`` how to lay it
out, ``range: 1..5`` which numbers a plural is used for. The template (the program or
leaflet) decides them, so ``msgmerge`` takes them from the template and forgets what
the old entry said; a ``c-format`` left on a text that is no longer one made ``msgfmt
--check`` refuse a catalog that msgmerge would have cleaned. ``fuzzy`` is the
translator's, and so is any flag GNU does not know (Weblate's ``read-only``, a team's
own), which GNU drops and we keep.

When a merge gives a translation a format flag its old entry did not have, msgmerge
checks the placeholders as ``msgfmt --check`` would and marks it fuzzy if they fail.
We do not re-implement the placeholder rules of gettext's thirty format languages:
the translation is marked fuzzy unless none of its texts holds a character that can
start a placeholder in that language (`_PLACEHOLDER_STARTS`), so a catalog we write
never fails ``msgfmt --check``, and the translator looks at the ones that might.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# gettext's syntax checks (msgfmt --check, 0.19.8 and later), each with its no- form.
_SYNTAX_CHECKS = ("ellipsis-unicode", "space-ellipsis", "quote-unicode", "bullet-unicode")
_TEMPLATE_FLAG = re.compile(
    r"(?:(?:no-|possible-|impossible-)?[a-z][a-z0-9-]*-format"
    r"|no-wrap|wrap|range:.*"
    rf"|(?:no-)?(?:{'|'.join(_SYNTAX_CHECKS)}))\Z",
    re.DOTALL,
)
_FORMAT = re.compile(r"(?!no-|impossible-)(?:possible-)?([a-z][a-z0-9-]*)-format\Z")
_RANGE = re.compile(r"range:\s*(\d+)\s*\.\.\s*(\d+)\s*\Z")
# The characters with which a placeholder can begin, by format language; a text
# without any of them has no placeholder for msgfmt --check to compare.
_PLACEHOLDER_STARTS = {
    **dict.fromkeys(
        ["c", "objc", "python", "java-printf", "javascript", "php", "lua", "tcl", "awk",
         "gcc-internal", "gfc-internal", "perl", "qt", "qt-plural", "kde", "boost", "ruby",
         "elisp", "librep", "smalltalk", "ycp", "object-pascal"],
        "%",
    ),
    **dict.fromkeys(["python-brace", "perl-brace", "csharp"], "{}"),
    "java": "{}'",
    "sh": "$",
    "lisp": "~",
    "scheme": "~",
    "kde-kuit": "%<&",
}  # fmt: skip


# gettext's format languages in the order its tools write their flags (msgcat, msgmerge
# and Poedit write fuzzy, then these, then range:, then wrap or no-wrap).
_LANGUAGE_ORDER = ("c", "objc", "python", "python-brace", "java", "java-printf", "csharp",
                   "javascript", "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk",
                   "lua", "object-pascal", "smalltalk", "qt", "qt-plural", "kde", "kde-kuit",
                   "boost", "tcl", "perl", "perl-brace", "php", "gcc-internal",
                   "gfc-internal", "ycp")  # fmt: skip
_ANY_FORMAT = re.compile(r"(?:no-|possible-|impossible-)?([a-z][a-z0-9-]*)-format\Z")


def gnu_order(flags: Iterable[str]) -> list[str]:
    """``flags`` in the order GNU gettext writes them, so that update does not reorder
    a line msgmerge or Poedit wrote; the flags GNU does not know (which it drops, and
    we keep) come last, as they were."""

    def rank(flag: str) -> tuple[int, int]:
        if flag == "fuzzy":
            return 0, 0
        if (found := _ANY_FORMAT.match(flag)) is not None:
            language = found.group(1)
            known = language in _LANGUAGE_ORDER
            return 1, _LANGUAGE_ORDER.index(language) if known else len(_LANGUAGE_ORDER)
        if flag.startswith("range:"):
            return 2, 0
        if flag in ("wrap", "no-wrap"):
            return 3, 0
        if flag.removeprefix("no-") in _SYNTAX_CHECKS:
            return 4, _SYNTAX_CHECKS.index(flag.removeprefix("no-"))
        return 5, 0

    return sorted(flags, key=rank)


def template_flag(flag: str) -> bool:
    """Whether ``flag`` describes the source text (msgmerge takes it from the template)."""
    return _TEMPLATE_FLAG.match(flag) is not None


def merged_flags(template: Iterable[str], old: Iterable[str]) -> list[str]:
    """The flags of a merged entry: the template's, then the old entry's own (``fuzzy``
    and flags GNU does not know), each once."""
    mine = [flag for flag in old if not template_flag(flag)]
    return list(dict.fromkeys([*mine, *(f for f in template if f != "fuzzy")]))


def needs_review(template: Iterable[str], old: Iterable[str], texts: Iterable[str]) -> bool:
    """Whether a translation must be marked fuzzy because the template changed what its
    flags promise: a format language the old entry did not have (unless no text can
    hold a placeholder of it), or a plural range outside the one it was made for."""
    old_flags, new_flags = list(old), list(template)
    had = {m.group(1) for f in old_flags if (m := _FORMAT.match(f))}
    gained = [m.group(1) for f in new_flags if (m := _FORMAT.match(f)) and m.group(1) not in had]
    joined = "".join(texts)
    for language in gained:
        starts = _PLACEHOLDER_STARTS.get(language)
        if starts is None or any(char in joined for char in starts):
            return True
    return _outside(_range(old_flags), _range(new_flags))


def _range(flags: list[str]) -> tuple[int, int] | None:
    for flag in flags:
        if (found := _RANGE.match(flag)) is not None:
            return int(found.group(1)), int(found.group(2))
    return None


def _outside(old: tuple[int, int] | None, new: tuple[int, int] | None) -> bool:
    """msgmerge's rule: a translation made for a range fits a template range within it."""
    if old is None:
        return False
    return new is None or not (old[0] <= new[0] and new[1] <= old[1])


def looks_fuzzy(flag: str) -> bool:
    """Whether ``flag`` is a misspelt fuzzy mark (``Fuzzy``, ``FUZZY``, ``fuzy``,
    ``fuzzy;``): gettext knows only ``fuzzy``, so neither GNU's tools nor msc-leaflet hold
    the translation back, and a text a translator asked to have reviewed is printed."""
    if flag == "fuzzy":
        return False
    letters = "".join(char for char in flag.lower() if "a" <= char <= "z")
    return _within_one_edit(letters, "fuzzy")


def _within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by at most one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    skipped = 0
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i, j = i + 1, j + 1
            continue
        skipped += 1
        if skipped > 1:
            return False
        if len(a) == len(b):
            i += 1
        j += 1
    return skipped + (len(b) - j) <= 1

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

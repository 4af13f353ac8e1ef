"""The rules a translation of the page's own words passes beyond every entry's.

A page label (`labels.UI_MESSAGES`) is drawn on one line of the page furniture and
filled in by ``str.format``; a desk word (`desk_labels.DESK_MESSAGES`) is filled in by
``str.format``. So a label is refused, and printed in English, for what no leaflet
text is: more characters than its line holds, a line break, a field that is not the
English's. The build (`localizer`), the desk and `i18n check` (`workflow.check_catalog`)
read these rules here, one list: `i18n check` said 0 errors over "เว็บ\\nไซต์" for "Web",
which the build refused, and a translator handed over a catalog the page did not use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..content.text_policy import line_break_refusal, visible
from .desk_labels import DESK_MESSAGES
from .labels import UI_MESSAGES
from .translation_checks import (
    CHARACTERS,
    LABEL_LENGTH,
    PLACEHOLDERS,
    Problem,
    format_fields,
    strange_field,
)

#: How much longer than its English a page label's translation may be (Burmese is up to
#: three times as long), and the least it is allowed whatever its English.
LABEL_LENGTH_RATIO = 6
MIN_LABEL_LIMIT = 60


def label_limit(source: str) -> int:
    """The most characters a translation of the page label ``source`` may have."""
    return max(MIN_LABEL_LIMIT, LABEL_LENGTH_RATIO * len(source))


def ui_source(key: str | None, msgid: str) -> str | None:
    """The English of the page label or desk word ``key`` when ``msgid`` is it (the
    entry the build and the desk look up), else None: an entry of an older source is
    looked up by no one, and judged as any entry is."""
    source = UI_MESSAGES.get(key or "") or DESK_MESSAGES.get(key or "")
    return source if source == msgid else None


def over_long(key: str, source: str, translation: str) -> Problem | None:
    """A page label longer than its line holds: 100 kB of "Version" made the footer
    414,217 pt wide, and the build blamed the leaflet's document: line. Said alone (no
    other rule reads a text this long: the label is refused whatever else it holds).
    Counted as a reader sees it (`visible`: composed, as the page prints it)."""
    if key not in UI_MESSAGES or len(seen := visible(translation)) <= (
        limit := label_limit(source)
    ):
        return None
    return LABEL_LENGTH.problem(
        f"{len(seen):,} characters, where a page label has room for about {limit}; shorten it"
    )


def label_problems(
    key: str, source: str, translation: str, found: Sequence[Problem] = ()
) -> list[Problem]:
    """The problems of ``translation`` of the ui entry ``key`` (English ``source``) that
    no other rule names: a line break in a page label, a field ``str.format`` would run
    that is not the English's (an unmatched brace, ``{pages!r}``). ``found``: the
    problems `check_entry` names already; a placeholder one is not named twice."""
    problems = []
    if key in UI_MESSAGES and (broken := line_break_refusal(translation)):
        # Printed on one line (a contact's label, the footer): the break was drawn
        # as a space, and "เว็บ\nไซต์" printed "เว็บ ไซต์:", a Thai word split in two.
        problems.append(
            CHARACTERS.problem(
                f"{broken.message}: a page label prints on one line; remove the break",
                broken.offset,
            )
        )
    fields = format_fields(source)
    named = any(p.code == PLACEHOLDERS.code for p in found)
    if fields != format_fields(translation) and not named:
        # Its placeholders are run by str.format: the English's names alone, bare.
        problems.append(
            PLACEHOLDERS.problem(
                "keep each {placeholder} as the English writes it, nothing added in braces",
                strange_field(translation, fields or frozenset()),
            )
        )
    return problems


def ui_entry_problems(
    key: str, source: str, translation: str, entry_problems: Callable[[], Sequence[Problem]]
) -> list[Problem]:
    """Every problem of ``translation`` of the ui entry ``key`` (English ``source``):
    those every entry is judged by (``entry_problems``, `check_entry`'s), then the
    label's own (`label_problems`); an over-long page label alone, the others not read
    (100 kB is judged in one comparison, not by every rule). What the build refuses a
    label for (its errors) and what `i18n check` says of it, in one order."""
    if (long := over_long(key, source, translation)) is not None:
        return [long]
    found = list(entry_problems())
    return found + label_problems(key, source, translation, found)

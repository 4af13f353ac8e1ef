"""TEXT001: what a reviewer cannot see inside a word.

The text policy (`content.text_policy`) refuses what no leaflet needs and lets the
other checks judge the text as it is seen. What stays is allowed because some script
needs it (a zero-width space in Thai, a joiner in Arabic) — but inside a Latin,
Cyrillic or Greek word it has no use except to hide a word from search, review and
the checks' wording, so the reviewer is shown it here. Words that mix Latin letters
with look-alikes from another script ("сure" with a Cyrillic с) are shown too.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.model import texts
from ..content.text_policy import hidden_in_words
from .registry import CheckContext, Issue, check


@check(
    "TEXT001",
    "warning",
    "An invisible character or a look-alike letter inside a word hides it from search "
    "and review; the reviewer must see what the patient gets.",
    scope="locale",
)
def hidden_in_word(ctx: CheckContext) -> Iterator[Issue]:
    prefix = f"[{ctx.locale}] " if ctx.is_translation else ""
    for text in texts(ctx.leaflet):
        entry = ctx.msgstr_of(text)
        for _, description in hidden_in_words(text.value):
            yield Issue(
                ctx.sources.locate(text.line, ""),
                f"{prefix}{description}",
                "retype the word, or delete the character you cannot see"
                + (f", in {entry}" if entry else ""),
            )

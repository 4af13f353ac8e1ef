"""Where a web address, an e-mail address or a DOI may end a line: the Chicago rule.

ICU's line breaker reads an address as prose: it breaks after "/", "?" and "-" and
nowhere else, so "https://doi.org/10.1016/" stood as a short line with the long rest
of the DOI running past the margin on the next, and a line ending "supplementary-"
read as a hyphenated word (pdftotext joined it; a reader typed it without the hyphen).
The Chicago Manual of Style's rule for a URL or an e-mail address that must break

- after a colon, a slash or a double slash (never between the two slashes);
- before a full stop, a hyphen, an underscore, a question mark, a number sign, a
  percent sign, a tilde and, in an e-mail address, the @;
- after an equals sign or an ampersand;

and never adds a hyphen, so a line's end or start shows that the address goes on:
".jcyt" opening a line is no word, "material-" closing one would look like one.
A number inside an address stays whole (`segmentation.keeps_number`: 2018.|05 is
none of these breaks' business).
"""

from __future__ import annotations

from .kept_groups import address_spans

#: An address of at most this many characters (a third of an A5 line) takes no break
#: ICU does not offer: it goes to the next line whole, as a word does, rather than part
#: "clinic" from "@example.org" where it need not; it keeps ICU's breaks that are the
#: rule's too (www.example.org/|leaflets). One too wide for its line even so is cut
#: with no hyphen (`linebreak`).
SHORT_ADDRESS = 25
#: Characters an address breaks before: the next line starts with them.
BREAK_BEFORE = ".-_?#%~@"
#: Characters an address breaks after, unless another of them follows ("://", "&&").
BREAK_AFTER = ":/=&"


def identifier_break(text: str, i: int) -> bool:
    """Whether a line may end between ``text[i-1]`` and ``text[i]``, both inside one
    address (`address_spans`)."""
    before, after = text[i - 1], text[i]
    if after in BREAK_BEFORE:
        return before not in BREAK_BEFORE and before not in BREAK_AFTER
    if before in BREAK_AFTER:
        return after not in BREAK_AFTER and after not in BREAK_BEFORE
    return False


def _host(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the host name of the address ``text[start:end]`` (the domain
    after "//", "www." or an e-mail's "@", up to its path), or an empty span (a DOI)."""
    address = text[start:end]
    if "@" in address and "/" not in address:
        first = start + address.index("@") + 1
    elif "://" in address:
        first = start + address.index("://") + 3
    elif address.lower().startswith("www."):
        first = start
    else:
        return (start, start)
    last = first
    while last < end and text[last] not in "/?#":
        last += 1
    return (first, last)


def _points(text: str, start: int, end: int) -> set[int]:
    """The rule's breaks inside the address ``text[start:end]``, none inside a host name
    that fits a line (`SHORT_ADDRESS`): "www.ednawellness" / ".com" cut the name a
    reader looks for; "https://" / "www.ednawellness.com" keeps it whole."""
    first, last = _host(text, start, end)
    short = last - first <= SHORT_ADDRESS
    return {
        i for i in range(start + 1, end)
        if identifier_break(text, i) and not (short and first < i < last)
    }  # fmt: skip


def identifier_breaks(text: str) -> frozenset[int]:
    """The offsets inside the addresses of ``text`` where the Chicago rule lets a line
    end (`identifier_break`): where a line may start with "." or "?", which the line
    rules forbid elsewhere (`segmentation.allowed_break`)."""
    return frozenset(
        i for start, end in address_spans(text) if end - start > SHORT_ADDRESS
        for i in _points(text, start, end)
    )  # fmt: skip


def address_breaks(text: str, breaks: set[int], kept: frozenset[int] = frozenset()) -> set[int]:
    """``breaks`` with those inside each address of ``text`` replaced by the Chicago
    rule's (`identifier_break`, `_points`), in a short one (`SHORT_ADDRESS`) only those
    ICU offered too; ``kept``, an author's zero-width spaces, stay."""
    spans = address_spans(text)
    if not spans:
        return breaks
    out = set(breaks)
    for start, end in spans:
        inner = range(start + 1, end)
        out.difference_update(inner)
        points = _points(text, start, end)
        if end - start <= SHORT_ADDRESS:
            points &= breaks
        out.update(points | (kept & set(inner)))
    return out

"""Which Plural-Forms headers are standard for a language: CLDR's, which a new catalog
gets (`headers.plural_forms`), and GNU gettext's, which ``msginit`` and Poedit write.

The two disagree for French, Portuguese, Spanish and Italian: CLDR gives them a third
form for a million and more ("1 000 000 de doses"), GNU's table two. Asking a
translator whose tool wrote GNU's two forms to change to CLDR's three (I18N015) asked
them to break a header every gettext tool writes. Either is accepted; a header is
refused only when its count is neither's, or when its formula never chooses some of the
forms it declares (``nplurals=3; plural=(n != 1)``: ``msgstr[2]`` is never shown), or
when it chooses the forms otherwise than every standard with its count does
(``nplurals=2; plural=(n != 1)`` in French, where 0 takes the singular).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from ..data import DATA_DIR
from ..project import cldr_locale
from .headers import plural_forms
from .plural_formula import Formula
from .plural_formula import formula as parsed_formula

# The counts compared: msgfmt's 0..1000, and the large ones where CLDR's French differs.
_COUNTS = (*range(1001), 10**4, 10**5, 10**6, 2 * 10**6, 10**9)
_COUNT = re.compile(r"nplurals\s*=\s*([0-9]+)")
_FORMULA = re.compile(r"plural\s*=([^;\n]*)")


@dataclass(frozen=True)
class Standard:
    """One standard Plural-Forms of a language, and whose it is."""

    source: str  # "CLDR" | "GNU gettext"
    header: str  # "nplurals=2; plural=(n > 1);"

    @property
    def count(self) -> int:
        found = _COUNT.search(self.header)
        assert found is not None
        return int(found[1])

    @property
    def choices(self) -> tuple[int, ...]:
        """The form its formula chooses for each of `_COUNTS`."""
        found = _FORMULA.search(self.header)
        assert found is not None
        chosen = _choices(parsed_formula(found[1]))
        assert chosen is not None
        return chosen


@cache
def _gnu_table() -> dict[str, str]:
    with (DATA_DIR / "gnu-plural-forms.yaml").open(encoding="utf-8") as file:
        table: dict[str, str] = yaml.safe_load(file)
    return table


def standards(language: str) -> list[Standard]:
    """CLDR's Plural-Forms for ``language`` (a locale name: fr, pt_BR, zh_Hans), then
    GNU gettext's where its table has the language and says otherwise."""
    locale = cldr_locale(language)
    if locale is None:
        return []
    found = [Standard("CLDR", plural_forms(language))]
    names = [f"{locale.language}_{locale.territory}"] if locale.territory else []
    gnu = next((_gnu_table()[n] for n in [*names, locale.language] if n in _gnu_table()), None)
    if gnu is not None and gnu != found[0].header:
        found.append(Standard("GNU gettext", gnu))
    return found


def _choices(formula: Formula) -> tuple[int, ...] | None:
    """The form ``formula`` chooses for each of `_COUNTS`; None if it fails for one
    (msgfmt's check, `plural_forms.plural_problems`, says why)."""
    try:
        return tuple(formula(n) for n in _COUNTS)
    except ZeroDivisionError:
        return None


def _named(standard: Standard) -> str:
    return f'"Plural-Forms: {standard.header}\\n" ({standard.source}\'s)'


def standard_problem(value: str, language: str) -> tuple[str, str] | None:
    """Why the Plural-Forms ``value`` of a catalog in ``language`` is no standard one,
    and what to write: (message, hint); None when it is one, or when msgfmt's own check
    refuses it (a formula that cannot be read, or a form past ``nplurals``)."""
    known = standards(language)
    count, written = _COUNT.search(value), _FORMULA.search(value)
    if not known or count is None or written is None:
        return None
    nplurals = int(count[1])
    try:
        choices = _choices(parsed_formula(written[1]))
    except ValueError:
        return None
    if choices is None or max(choices) >= nplurals:
        return None
    either = " or ".join(_named(s) for s in known)
    hint = f"write {either}"
    used = len(set(choices))
    if used < nplurals:
        chosen = set(choices)  # nplurals may be a billion: only the first few are named
        unused = [i for i in range(min(nplurals, max(chosen) + 4)) if i not in chosen]
        more = ", …" if nplurals > max(chosen) + 4 else ""
        forms = ", ".join(f"msgstr[{i}]" for i in unused[:3]) + more
        message = (
            f"Plural-Forms gives {nplurals} forms, but its formula chooses only {used}: "
            f"{forms} would never be shown"
        )
        return message, hint
    same_count = [s for s in known if s.count == nplurals]
    if not same_count:
        counts = ", ".join(f"{s.count} ({s.source})" for s in known)
        message = f"Plural-Forms gives {nplurals} forms, but {language} has {counts}"
        return message, hint
    for standard in same_count:
        if standard.choices == choices:
            return None
    standard = same_count[0]
    n, mine, want = next(
        (n, mine, want)
        for n, mine, want in zip(_COUNTS, choices, standard.choices, strict=True)
        if mine != want
    )
    message = (
        f"Plural-Forms chooses form {mine} for n = {n}, where {standard.source}'s for "
        f"{language} chooses form {want}: a count would be printed in the wrong form"
    )
    return message, f"write {_named(standard)}"

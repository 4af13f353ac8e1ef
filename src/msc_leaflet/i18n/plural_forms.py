"""The header's Plural-Forms formula checked as GNU ``msgfmt --check`` checks it.

A clinic's Windows laptop has no GNU gettext, and a formula msgfmt refuses (a typing
slip such as ``plural=(n != 1;``, a division by zero, an index past ``nplurals``) was
only caught where msgfmt was installed: ``i18n compile`` wrote a .mo whose plural
lookups fail (Python's gettext then prints the English text, or raises). This module
reads the header as msgfmt's ``check_plural`` does (``gettext-tools/src/msgl-check.c``):
``nplurals=`` and ``plural=`` found anywhere in the header, the expression read up to
its ``;`` in gettext's C grammar (`plural_formula`) and evaluated for n = 0..1000. It
also evaluates a few large n, which msgfmt does not: an index past the forms there
makes gettext print the source text, for any number a leaflet might show.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..project import cldr_locale
from .catalog import Catalog, Entry
from .headers import plural_count, plural_forms
from .plural_formula import WORD, Formula
from .plural_formula import formula as parsed_formula

# msgfmt's own range; nothing interesting happens beyond it in any CLDR formula, but a
# hand-written one may misbehave for a large count (doses, days, a population figure).
MSGFMT_COUNTS = 1000
_CHECKED_COUNTS = (*range(MSGFMT_COUNTS + 1), 10**4, 10**5, 10**6, 10**9, 2**31 - 1)
REFUSED = "GNU msgfmt refuses the catalog"
# gettext's lexer ends the expression at ';' or a line break (anything after is ignored).
_EXPRESSION_END = re.compile(r"[;\n]")


@dataclass(frozen=True)
class PluralProblem:
    """A reason GNU msgfmt refuses the catalog's plural formula, at the line to fix."""

    line: int
    message: str
    hint: str


def plural_problems(catalog: Catalog, language: str) -> list[PluralProblem]:
    """What msgfmt --check says of ``catalog``'s Plural-Forms, as problems at the header
    line that holds the formula; none for a catalog without a header (I18N011 says so).
    ``language`` (the catalog's folder) chooses the formula the hint offers."""
    if catalog.header_line is None:
        return []
    text = "".join(piece for _, piece in catalog.header_written)
    nplurals, plural = text.find("nplurals="), text.find("plural=")
    if nplurals < 0 or plural < 0:
        return _missing(catalog, language, nplurals < 0, plural < 0)
    line = _line_of(catalog, nplurals)
    count = re.match(r"[ \t\n\r\f\v]*([0-9]+)", text[nplurals + 9 :])
    if count is None:
        message = f"Plural-Forms: nplurals is not a number: {REFUSED}"
        return [_problem(line, message, language)]
    expression = _EXPRESSION_END.split(text[plural + 7 :], maxsplit=1)[0]
    try:
        formula = parsed_formula(expression)
    except ValueError:
        message = (
            f"Plural-Forms: plural={expression.strip()} is not a valid C expression of n: {REFUSED}"
        )
        return [_problem(_line_of(catalog, plural), message, language)]
    found = _out_of_range(formula, int(count.group(1)))
    if found is None:
        return _form_counts(catalog, int(count.group(1)), language)
    message, n = found
    why = REFUSED if n <= MSGFMT_COUNTS else "gettext prints the source text for such a count"
    return [_problem(_line_of(catalog, plural), f"{message}: {why}", language)]


def _form_counts(catalog: Catalog, nplurals: int, language: str) -> list[PluralProblem]:
    """msgfmt's check that plural translations have ``nplurals`` forms: the first entry
    with the fewest forms if that is too few, else the first with the most if too many
    (two forms in a Thai catalog, one form in an Arabic one). gettext looks a count's
    form up by the formula's index, so a missing form prints the source text, and
    msgfmt refuses the catalog."""
    counted = [entry for entry in catalog.active if _compiled_plural(entry)]
    if not counted:
        return []
    fewest = min(counted, key=lambda entry: len(entry.msgstr_plural))
    most = max(counted, key=lambda entry: len(entry.msgstr_plural))
    entry = fewest if len(fewest.msgstr_plural) < nplurals else most
    forms = len(entry.msgstr_plural)
    if forms == nplurals:
        return []
    label = entry.msgctxt or entry.msgid[:30]
    wanted = "msgstr[0] only" if nplurals == 1 else f"msgstr[0] to msgstr[{nplurals - 1}]"
    message = (
        f"{label!r} has {forms} plural form{'s' if forms != 1 else ''} (msgstr[0] to "
        f"msgstr[{forms - 1}]), but the header's Plural-Forms says nplurals={nplurals}: "
        f"{REFUSED}"
    )
    hint = f"write {wanted}, one translation for each form of the language"
    if cldr_locale(language) is not None and plural_count(language) != nplurals:
        hint += f'; or, if the header is wrong, "Plural-Forms: {plural_forms(language)}\\n"'
    return [PluralProblem(entry.msgstr_line or entry.line, message, hint)]


def _compiled_plural(entry: Entry) -> bool:
    """Whether msgfmt compiles (and so checks) ``entry`` as a plural translation: not
    fuzzy, msgstr[0] written."""
    written = entry.msgstr_plural.get(0, "") != ""
    return entry.msgid_plural is not None and not entry.fuzzy and written


def often_forms(catalog: Catalog) -> tuple[bool, ...] | None:
    """For each plural form up to the highest the header's formula gives, whether it
    gives it for many counts (5 or
    more of n = 0..1000, msgfmt's ``check_plural_eval``): such a form must hold every
    directive of msgid_plural, while the form for n = 1 alone may say "one day" for
    "%d days". Without a formula, gettext's default (n != 1); None when it is invalid
    (`plural_problems` says so)."""
    text = "".join(piece for _, piece in catalog.header_written)
    nplurals, plural = text.find("nplurals="), text.find("plural=")
    if nplurals < 0 or plural < 0:
        return (False, True)
    count = re.match(r"[ \t\n\r\f\v]*([0-9]+)", text[nplurals + 9 :])
    try:
        formula = parsed_formula(_EXPRESSION_END.split(text[plural + 7 :], maxsplit=1)[0])
    except ValueError:
        return None
    if count is None or _out_of_range(formula, int(count.group(1))) is not None:
        return None
    seen = Counter(formula(n) for n in range(MSGFMT_COUNTS + 1))
    # Up to the highest form given, not to nplurals: no form past it is given for any
    # count, and nplurals=999999999 (valid to msgfmt) made `i18n compile` build a
    # tuple of a billion forms, for minutes. Readers take a form past the end as rare.
    return tuple(seen[form] >= 5 for form in range(max(seen) + 1))


def _out_of_range(formula: Formula, nplurals: int) -> tuple[str, int] | None:
    """Why ``formula`` cannot choose among ``nplurals`` forms for some count, and that
    count, if it cannot: gettext indexes the translations with its value."""
    for n in _CHECKED_COUNTS:
        try:
            value = formula(n)
        except ZeroDivisionError:
            return f"Plural-Forms: the formula divides by zero for n = {n}", n
        if value >= WORD // 2:  # gettext reads it as a signed long
            negative = value - WORD
            return f"Plural-Forms: the formula gives a negative form ({negative}) for n = {n}", n
        if value >= nplurals:
            return (
                f"Plural-Forms: nplurals={nplurals} (forms 0 to {nplurals - 1}), but the "
                f"formula gives form {value} for n = {n}"
            ), n
    return None


def _missing(
    catalog: Catalog, language: str, no_count: bool, no_formula: bool
) -> list[PluralProblem]:
    """msgfmt refuses a header without ``nplurals=`` or ``plural=`` only when a
    translated plural entry needs it (gettext then guesses English's two forms)."""
    plural = next(
        (
            entry
            for entry in catalog.active
            if entry.msgid_plural is not None
            and not entry.fuzzy
            and entry.msgstr_plural.get(0, "") != ""
        ),
        None,
    )
    if plural is None:
        return []
    lacking = " and ".join(
        part for part, absent in (("nplurals=", no_count), ("plural=", no_formula)) if absent
    )
    message = (
        f"the header's Plural-Forms lacks {lacking}, but the catalog has plural "
        f"translations (msgid_plural on line {plural.line}): {REFUSED}"
    )
    assert catalog.header_line is not None
    return [_problem(catalog.header_line, message, language)]


def _line_of(catalog: Catalog, offset: int) -> int:
    """The file line of the character at ``offset`` in the header's joined text."""
    seen = 0
    for line, piece in catalog.header_written:
        seen += len(piece)
        if offset < seen:
            return line
    return catalog.header_line or 1


def _problem(line: int, message: str, language: str) -> PluralProblem:
    """``message`` with the language's formula from CLDR as the way out."""
    hint = "write the formula of the catalog's language, as `msc-leaflet i18n init` does"
    if cldr_locale(language) is not None:
        hint = f'write "Plural-Forms: {plural_forms(language)}\\n" (CLDR\'s for {language})'
    return PluralProblem(line, message, hint)

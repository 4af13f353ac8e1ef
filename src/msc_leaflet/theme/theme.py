"""The visual theme (paper, margins, colours, type sizes, paragraph styles) as data.

Themes are YAML files; the default ships in ``msc_leaflet/data/theme.yaml`` and a
project may replace it with its own ``theme.yaml`` (its ``styles:`` and
``box-padding:`` entries are laid over the bundled ones instead, `styles.layered`).
Loading converts every colour to the colour model of the build and refuses a theme
below the readability floor (`floor`), so a bad theme fails before any PDF is written.

A `Theme` is plain data: colours are `RGB`/`CMYK` values and lengths are points, so
loading one needs no drawing engine; the layout converts them into ReportLab's objects.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..content.model import CALLOUT_KINDS, MAX_TABLE_COLUMNS
from ..content.yaml_source import boolean_hint, suggest
from ..data import data_path
from ..errors import LeafletError, Location, display_path
from ..files import file_stamp, optional_file
from ..languages import language_subtag
from ..print_spec import COLOUR_MODES, PAPERS, InkLimit, paper_name
from .colours import CMYK, Colour, Press, ThemeColour, parse_colour
from .entries import Keys, ThemeError, mapping, missing, refuse_unknown, shown_entry
from .floor import check_floor
from .fonts import PROJECT_FONTS, FontConfig, font_config
from .icc import press_colour
from .output_intent import OutputIntent, output_intent
from .source import ThemeSource
from .styles import (
    NAMING_FIELDS,
    BoxPadding,
    TextStyle,
    box_padding,
    inherit,
    layered,
    names_used,
    text_style,
)

INCH = 72.0  # points
MM = INCH / 2.54 * 0.1  # ReportLab's `mm`, computed as it does, so lengths match to the bit
PAPER = dict(
    zip(PAPERS, ((210 * MM, 297 * MM), (148 * MM, 210 * MM), (8.5 * INCH, 11 * INCH)), strict=True)
)  # width, height in points


@dataclass(frozen=True)
class CalloutColours:
    fill: Colour
    edge: Colour
    label: Colour


@dataclass(frozen=True)
class Theme:
    page_size: tuple[float, float]  # points
    margins: dict[str, float]  # points
    colours: dict[str, Colour]
    callouts: dict[str, CalloutColours]
    sizes: dict[str, float]
    spacing: dict[str, float]
    leading_scale: dict[str, float]  # language → factor applied to every leading
    styles: dict[str, TextStyle]  # paragraph style name → how it is set
    box_padding: dict[str, BoxPadding]  # box (callout, closing, quote, table) → its padding
    fonts: FontConfig  # a font family per script
    paper: str = "a4"
    colour_mode: str = "rgb"
    footer_approval: bool = False  # "Thai translation approved 2 Dec 2026" in the footer
    output_intent: OutputIntent | None = None  # the print shop's press profile (PDF/X-4)
    path: Path | None = None  # the theme file, named when a print option needs its entry

    def leading_for(self, lang: str) -> float:
        return self.leading_scale.get(language_subtag(lang), 1.0)

    def colour(self, name: str) -> Colour:
        return self.colours[name]


def default_theme_path() -> Path:
    return data_path("theme.yaml")


def theme_fonts(path: Path) -> FontConfig | None:
    """The font table of the theme at ``path`` (the bundled one when there is no such
    file): which family sets which script. None if the theme is broken: `check` reports
    that (LOAD004, `theme_problem`) and `build` refuses it, with its position."""
    try:
        return load_theme(path if path.is_file() else None).fonts
    except LeafletError:
        return None


def theme_problem(path: Path) -> LeafletError | None:
    """What is wrong with the project theme at ``path``, None if it loads or there is
    none: `check` reports it, so a clinic's pre-print check does not pass a theme that
    `build` will refuse."""
    try:
        if not optional_file(path):
            return None
        load_theme(path)
    except LeafletError as problem:
        return problem
    return None


#: The top-level entries of a theme: the bundled theme's, and the print shop's profile.
OPTIONAL_KEYS = ("output-intent",)
#: What a project theme must give in full (docs/format.md): it replaces the bundled one.
REQUIRED_KEYS = ("margins", "colours", "sizes", "spacing")


def load_theme(
    path: Path | None = None, paper: str | None = None, colour_mode: str = "rgb"
) -> Theme:
    """The theme at ``path`` (default: the bundled one), on ``paper`` if given, with
    every colour in ``colour_mode``. Every problem is a `LeafletError` at the line of
    the entry to change."""
    bundled = default_theme_path()
    path = path or bundled
    key = _made_from(path, bundled, paper, colour_mode)
    kept = _kept.get(key) if key else None
    if kept is None:
        source, theme = _load(path, bundled, paper, colour_mode)
        if key and theme.output_intent is None:  # a press profile is a file of its own
            if len(_kept) >= KEPT_THEMES:
                _kept.clear()
            _kept[key] = (source, theme)
        return theme
    source, theme = kept
    if path != bundled:  # the font files a project theme names are not in the key
        try:
            _check_font_files(theme.fonts)
        except ThemeError as problem:
            raise source.error(problem) from None
    return theme


#: Themes loaded by this process, by what they were made from (`_made_from`): every job
#: of a batch loaded and checked the same theme again, 1.5 % of its CPU (#20). A theme
#: is never modified once made. A handful of entries: a build has one theme, on one
#: paper, in one colour model.
KEPT_THEMES = 8
_kept: dict[tuple[object, ...], tuple[ThemeSource, Theme]] = {}


def _made_from(
    path: Path, bundled: Path, paper: str | None, colour_mode: str
) -> tuple[object, ...] | None:
    """What `_load` reads: the theme file and the bundled one, each by its `file_stamp`,
    and the options; None when a file cannot be read (`_load` then says why)."""
    try:
        stamps = (file_stamp(path.stat()), file_stamp(bundled.stat()))
    except OSError:
        return None
    return (str(path), str(bundled), *stamps, paper, colour_mode)


def _load(
    path: Path, bundled: Path, paper: str | None, colour_mode: str
) -> tuple[ThemeSource, Theme]:
    source = ThemeSource.read(path)
    defaults = source if path == bundled else ThemeSource.read(bundled)
    try:
        theme, other_view = _parse(source.data, defaults.data, paper, colour_mode, path)
        if path != bundled:
            _check_font_files(theme.fonts)
        check_floor(theme, printed=other_view is not None and colour_mode == "cmyk")
        if other_view is not None:
            check_floor(other_view, printed=other_view.colour_mode == "cmyk")
    except ThemeError as problem:
        raise source.error(problem) from None
    return source, theme


def _check_font_files(fonts: FontConfig) -> None:
    from ..typeset.font_files import FamilyFileError, check_family_files  # no ReportLab

    for family in fonts.families:
        scripts = tuple(script for script, name in fonts.scripts if name == family.name)
        try:
            check_family_files(family, scripts)
        except FamilyFileError as problem:
            keys: tuple[str, ...] = ("fonts", "families", family.name)
            keys += (problem.role,) if problem.role else ()
            raise ThemeError(keys, str(problem), problem.hint) from None


def bundled_theme_shown() -> str:
    """The bundled theme's file as a message names it, for a project theme to start from:
    where it is installed (``site-packages/…`` for a clinic that ran ``pip install``), not
    where it lies in a clone of the repository."""
    return display_path(default_theme_path())


def _parse(
    data: dict[str, Any],
    defaults: dict[str, Any],
    paper: str | None,
    colour_mode: str,
    path: Path,
) -> tuple[Theme, Theme | None]:
    """``data`` as a `Theme`; ``defaults`` (the bundled theme) names the known entries
    and fills in the styles and box paddings ``data`` does not name. With it, when the
    theme names print values, the same theme in the other colour model, for the floor:
    a print value too light to read is refused by `check` and by every build, as a
    screen colour is, not first by the print build at the press."""
    refuse_unknown(data, [*defaults, *OPTIONAL_KEYS], (), "theme entry")
    for key in missing(data, REQUIRED_KEYS):
        raise ThemeError(
            (),
            f"the theme has no '{key}:' entry; a project theme gives "
            f"{', '.join(REQUIRED_KEYS)} in full",
            f"copy '{key}:' from the bundled theme ({bundled_theme_shown()})",
        )
    written = data.get("paper", "a4")
    own_paper = paper_name(written) if isinstance(written, str) else written
    if isinstance(own_paper, list | dict):  # was "TypeError: unhashable type: 'list'"
        raise ThemeError(
            ("paper",),
            "paper must be one paper name, not a list or mapping",
            f"write one of {', '.join(PAPER)}",
        )
    if own_paper not in PAPER:
        raise ThemeError(
            ("paper",),
            f"paper {_quoted(own_paper)} is not a paper size",
            f"write one of {', '.join(PAPER)}",
        )
    paper = paper or own_paper
    if paper not in PAPER:
        raise ValueError(f"paper {paper!r} is not one of {', '.join(PAPER)}")
    if colour_mode not in COLOUR_MODES:
        raise ValueError(f"colour mode {colour_mode!r} is not one of {', '.join(COLOUR_MODES)}")
    intent = output_intent(data.get("output-intent"), path)
    limit = intent.ink_limit if intent else InkLimit()
    written, written_callouts = _colours(data["colours"], defaults["colours"], limit)
    press = press_colour(intent.profile, path) if intent and colour_mode == "cmyk" else None
    plain, callouts = _in_mode(written, written_callouts, colour_mode, press)
    sizes = _numbers(data["sizes"], ("sizes",), needed=defaults["sizes"])
    spacing = _numbers(data["spacing"], ("spacing",), needed=defaults["spacing"])
    styles = inherit(layered(defaults["styles"], data.get("styles"), "styles"), "styles", "body")
    _refuse_unused(data, defaults, names_used(styles))
    paddings = inherit(
        layered(defaults["box-padding"], data.get("box-padding"), "box-padding"), "box-padding"
    )
    margins = _page_margins(data, paper)
    box_paddings = {name: box_padding(name, entry) for name, entry in paddings.items()}
    _check_room(box_paddings, PAPER[paper], margins, paper)
    theme = Theme(
        page_size=PAPER[paper],
        margins=margins,
        colours=plain,
        callouts=callouts,
        sizes=sizes,
        spacing=spacing,
        leading_scale=_leading_scale(data.get("leading-scale", {})),
        styles={
            name: text_style(name, entry, sizes, spacing, plain) for name, entry in styles.items()
        },
        box_padding=box_paddings,
        fonts=(
            font_config(data.get("fonts", {}))
            if data is defaults
            else font_config(data.get("fonts", {}), defaults["fonts"], path.parent / PROJECT_FONTS)
        ),
        paper=paper,
        colour_mode=colour_mode,
        footer_approval=_flag(data.get("footer-approval", False), "footer-approval"),
        output_intent=intent,
        path=path,
    )
    entries = [*written.values(), *(c for box in written_callouts.values() for c in box)]
    if not any(entry.print is not None for entry in entries):
        return theme, None
    other = "rgb" if colour_mode == "cmyk" else "cmyk"
    plain, callouts = _in_mode(written, written_callouts, other)
    return theme, replace(theme, colours=plain, callouts=callouts, colour_mode=other)


CALLOUT_PARTS = ("fill", "edge", "label")
#: Colours a theme may leave out, and the colour each then is: a theme written before
#: it existed prints as it did. `accent-text` is small text in the brand colour (header
#: title, kicker, FAQ questions, list numbers, links), which a print build wants on one
#: plate while the band and rules keep the brand's inks (docs/print.md).
OPTIONAL_COLOURS = {"accent-text": "accent"}


def _in_mode(
    written: dict[str, ThemeColour],
    callouts: dict[str, tuple[ThemeColour, ...]],
    mode: str,
    press: Press | None = None,
) -> tuple[dict[str, Colour], dict[str, CalloutColours]]:
    """The theme's colours as a build in ``mode`` draws them (through the press's
    profile, ``press``, where the theme names one: `ThemeColour.in_mode`)."""
    return (
        {name: entry.in_mode(mode, press) for name, entry in written.items()},
        {
            name: CalloutColours(*(entry.in_mode(mode, press) for entry in box))
            for name, box in callouts.items()
        },
    )


def _colours(
    entries: object, bundled: dict[str, Any], limit: InkLimit
) -> tuple[dict[str, ThemeColour], dict[str, tuple[ThemeColour, ...]]]:
    """The plain colours, and the fill, edge and label of each callout kind, as written;
    every colour the bundled theme names must be there (the layout uses each), and none
    may hold more ink than ``limit``."""
    example = '{ink: "#1f2a30", accent: "#0b6e74", …}'
    colours = mapping(entries, ("colours",), "a mapping of names to colours", example)
    plain: dict[str, ThemeColour] = {}
    callouts: dict[str, tuple[ThemeColour, ...]] = {}
    for name, value in colours.items():
        if name in CALLOUT_KINDS:
            box = _callout_colours(name, value)
            callouts[name] = tuple(
                _theme_colour(box[part], ("colours", name, part), limit) for part in CALLOUT_PARTS
            )
        elif isinstance(value, dict) and not set(value) & set(SCREEN_AND_PRINT):
            raise ThemeError(
                ("colours", name),
                f"colours: '{name}' is a box's fill, edge and label, but no callout is "
                f"of kind '{name}'",
                suggest(name, CALLOUT_KINDS),
                at_key=True,
            )
        else:
            plain[name] = _theme_colour(value, ("colours", name), limit)
    for name, stands_in in OPTIONAL_COLOURS.items():
        if name not in plain and stands_in in plain:
            plain[name] = plain[stands_in]
    for name in missing(colours, [*bundled, *CALLOUT_KINDS]):
        if name in OPTIONAL_COLOURS:
            continue
        raise ThemeError(
            ("colours",),
            f"colours: '{name}' is missing; the layout prints with it",
            f"add it, e.g. {name}: {_example(bundled.get(name))}",
        )
    return plain, callouts


SCREEN_AND_PRINT = ("screen", "print")


def _theme_colour(value: object, keys: Keys, limit: InkLimit) -> ThemeColour:
    """A colour entry: one colour, or ``{screen: …, print: cmyk(…)}``."""
    if not isinstance(value, dict):
        return ThemeColour(_colour(value, keys, limit))
    example = '{screen: "#1f2a30", print: "cmyk(0, 0, 0, 85)"}'
    name = " → ".join(keys)
    refuse_unknown(value, SCREEN_AND_PRINT, keys, "key")
    if "screen" not in value:
        raise ThemeError(keys, f"{name} has no screen colour", f"write it as {example}")
    printed = _colour(value["print"], (*keys, "print"), limit) if "print" in value else None
    if printed is not None and not isinstance(printed, CMYK):
        raise ThemeError(
            (*keys, "print"),
            f"{name} → print: a print value is written cmyk(c, m, y, k), in percent of each "
            f"ink, not {_quoted(value['print'])}",
            "a print build converts the screen colour by itself; name a print value only to "
            'print it in other inks, e.g. "cmyk(0, 0, 0, 85)": black alone',
        )
    return ThemeColour(_colour(value["screen"], (*keys, "screen"), limit), printed)


def _colour(value: object, keys: Keys, limit: InkLimit) -> Colour:
    if not isinstance(value, str):
        raise ThemeError(
            keys,
            " → ".join(keys)
            + ': a colour is "#rrggbb" or cmyk(c, m, y, k), not '
            + shown_entry(value),
            'write it in quotes, e.g. "#0b6e74": outside quotes a # starts a comment, so '
            "YAML reads nothing there"
            if value is None
            else 'write "#rrggbb" (in quotes) or cmyk(c, m, y, k) in percent',
        )
    try:
        colour = parse_colour(value)
    except ValueError as problem:
        raise ThemeError(
            keys,
            f"{' → '.join(keys)}: {problem}",
            'write "#rrggbb" (in quotes) or cmyk(c, m, y, k) in percent',
        ) from None
    ink = 100 * sum(colour) if isinstance(colour, CMYK) else 0.0
    if ink > limit.percent + 1e-9:  # printed as written: a press cannot dry it
        raise ThemeError(
            keys,
            f"{' → '.join(keys)}: {ink:.0f} % total ink is more than a press lays down ({limit})",
            "take ink out of cyan, magenta and yellow; a rich black is cmyk(60, 40, 40, 100)",
        )
    return colour


def _callout_colours(kind: str, value: object) -> dict[str, Any]:
    """A callout kind's entry: its fill, edge and label colours."""
    example = f'{kind}: {{fill: "#e6f2f2", edge: "#0b6e74", label: "#0a5a5f"}}'
    what = "a mapping of fill, edge and label colours"
    if not isinstance(value, dict):
        raise ThemeError(("colours", kind), f"colours: {kind} must be {what}", f"e.g. {example}")
    refuse_unknown(value, CALLOUT_PARTS, ("colours", kind), "colour")
    for part in missing(value, CALLOUT_PARTS):
        raise ThemeError(("colours", kind), f"colours: {kind} has no {part}", f"e.g. {example}")
    return value


def _example(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_example(v)}" for k, v in value.items()) + "}"
    return f'"{value}"'


def _quoted(value: object) -> str:
    return shown_entry(value)


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise ThemeError(
            (name,),
            f"{name} must be true or false, not {_quoted(value)}",
            boolean_hint(name),
        )
    return value


def _leading_scale(entries: object) -> dict[str, float]:
    """``leading-scale:``, a factor per language, each keyed by a language's own code
    as `Theme.leading` looks it up (`language_subtag`: th). A key that is no such code
    (``tha``, ``TH``, ``th_TH``, ``Thai``) was never looked up: Thai lost its room for
    stacked tone marks without a word."""
    from ..project import check_locale, cldr_locale  # CLDR: only for a theme that scales

    scales = _numbers(entries, ("leading-scale",), positive=True)
    for key in scales:
        try:
            check_locale(key, Location(Path()))  # placed at the key by the ThemeError
        except LeafletError as problem:
            raise ThemeError(
                ("leading-scale", key),
                f"leading-scale: {problem.message}",
                problem.hint,
                at_key=True,
            ) from None
        found = cldr_locale(key)
        language = found.language if found is not None else key
        if key != language:  # th_TH, tha (ISO 639-2), TH: the scale of no language
            raise ThemeError(
                ("leading-scale", key),
                f"leading-scale: {key!r} is never looked up: the layout reads a "
                f"language's scale by its code, {language}",
                f"write {language}: {scales[key]:g}",
                at_key=True,
            )
    return scales


SIDES = ("top", "bottom", "left", "right")


def _refuse_unused(
    data: dict[str, Any], defaults: dict[str, Any], used: dict[str, set[str]]
) -> None:
    """Refuse a ``sizes:``, ``spacing:`` or ``colours:`` name that neither the layout
    nor any style reads. Such an entry changes nothing on the page, and its author cannot
    tell: ``caption: 8`` under ``sizes:``, meant for the captions, with no style naming
    it, printed the captions as before without a word."""
    for table, names in used.items():
        known = [*defaults[table], *names]
        if table == "colours":
            known += [*CALLOUT_KINDS, *OPTIONAL_COLOURS]
        for name in data[table]:
            if name in known:
                continue
            close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.6)
            raise ThemeError(
                (table, str(name)),
                f"{table}: '{name}' is used by no style, so it changes nothing on the page",
                (f"is it a misspelling of '{close[0]}'? " if close else "")
                + f"name it in a style (styles: … {NAMING_FIELDS[table][0]}: {name}), "
                "or remove it",
                at_key=True,
            )


def _numbers(
    entries: Any, keys: Keys, positive: bool = False, needed: Iterable[str] = ()
) -> dict[str, float]:
    """A section of plain numbers (points, mm or factors): each finite and not negative
    (``positive``: above 0), and every name in ``needed`` there. A .nan or .inf margin
    laid out a PDF with no text in it, a .nan size one with "nan" operators PDF readers
    reject."""
    section = " → ".join(keys)
    entries = mapping(entries, keys, "a mapping of names to numbers", "name: 10.5")
    numbers = {}
    for key, value in entries.items():
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if number is None or not math.isfinite(number) or number < 0 or (positive and not number):
            wanted = "a number above 0" if positive else "a number, 0 or more"
            plain = re.sub(r"[_\s]", "", value) if isinstance(value, str) else ""
            hint = f"write a number, e.g. {key}: 10" if number is None else ""
            if re.fullmatch(r"[0-9]+(\.[0-9]+)?", plain):  # '10.5', 1_000: a number as text
                hint = f"write it as a plain number, with no quotes or separators: {key}: {plain}"
            raise ThemeError(
                (*keys, key), f"{section}: {key} must be {wanted}, not {_quoted(value)}", hint
            )
        numbers[str(key)] = float(number)
    needed = tuple(needed)
    for name in missing(numbers, needed):
        extra = [key for key in numbers if key not in needed]
        close = difflib.get_close_matches(name, extra, n=1, cutoff=0.6)
        hint = f"is '{close[0]}' a misspelling of it?" if close else f"add {name}: and its number"
        raise ThemeError(keys, f"{section}: '{name}' is missing; the layout uses it", hint)
    return numbers


def _check_room(
    paddings: dict[str, BoxPadding],
    page: tuple[float, float],
    margins: dict[str, float],
    paper: str,
) -> None:
    """Refuse a box padding that leaves its text too little room: left and right at most
    a quarter of the text width (a box of the side-by-side edition is half as wide as
    the page's text, so half of it is left), every cell of a table at most half the
    text width together; top, bottom and between at most a quarter of the text height.
    A callout padded 1200 pt reached ReportLab, whose error named Python objects."""
    width = page[0] - margins["left"] - margins["right"]
    height = page[1] - margins["top"] - margins["bottom"]
    for name, padding in paddings.items():
        across = padding.left + padding.right
        limit = width / 2 / MAX_TABLE_COLUMNS if name == "table" else width / 4
        side = "left" if padding.left >= padding.right else "right"
        if across > limit:
            per = f" in each of up to {MAX_TABLE_COLUMNS} columns" if name == "table" else ""
            raise ThemeError(
                ("box-padding", name, side),
                f"box-padding '{name}': left and right ({across:g} pt) leave too little room "
                f"for text; at most {limit:.0f} pt together{per} on {paper}",
                "make them smaller: the bundled theme pads a callout 12 pt on each side",
            )
        down = padding.top + padding.bottom + 2 * padding.between
        if down > height / 4:
            raise ThemeError(
                ("box-padding", name, "top" if padding.top >= padding.bottom else "bottom"),
                f"box-padding '{name}': top, bottom and between ({down:g} pt) leave too little "
                f"room for text; at most {height / 4:.0f} pt together on {paper}",
                "make them smaller: the bundled theme's callout has top 8, bottom 7, between 1",
            )


def _page_margins(data: dict[str, Any], paper: str) -> dict[str, float]:
    """The margins of ``paper``: its own under ``paper-margins``, else ``margins``."""
    own = mapping(
        data.get("paper-margins", {}), ("paper-margins",), "a mapping of papers to margins",
        "a5: {top: 11, bottom: 11, left: 13, right: 13}",
    )  # fmt: skip
    refuse_unknown(own, tuple(PAPER), ("paper-margins",), "paper")
    for name, entries in own.items():  # each checked, not only the paper of this build
        _margins(entries, name, ("paper-margins", name))
    if paper in own:
        return _margins(own[paper], paper, ("paper-margins", paper))
    return _margins(data["margins"], paper, ("margins",))


def _margins(entries: Any, paper: str, keys: Keys) -> dict[str, float]:
    """The page margins in points: all four sides, leaving at least half the page's
    width and height for the text (a 400 mm top margin left no room, and no text)."""
    example = "{top: 14, bottom: 14, left: 18, right: 18}"
    what = "a mapping of top, bottom, left and right, in mm"
    mm = _numbers(mapping(entries, keys, what, example), keys)
    refuse_unknown(mm, SIDES, keys, "side")
    if absent := list(missing(mm, SIDES)):
        raise ThemeError(keys, f"margins: {', '.join(absent)} missing", f"write {example}")
    width, height = PAPER[paper]
    if (mm["top"] + mm["bottom"]) * MM > height / 2 or (mm["left"] + mm["right"]) * MM > width / 2:
        given = ", ".join(f"{side} {mm[side]:g}" for side in SIDES)
        raise ThemeError(
            keys,
            f"margins ({given} mm) leave less than half the {paper} page for text",
            "make them smaller: the bundled theme's are 14 mm top and bottom, 18 mm left and right",
        )
    return {side: value * MM for side, value in mm.items()}

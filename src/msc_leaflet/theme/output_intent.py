"""The theme's ``output-intent:``: the print shop's press profile and printing condition.

A print edition (``--colour cmyk``) that names one is made a PDF/X-4 file
(`finishing/conformance.py`): the profile is embedded as its output intent, so the
printer proofs against the press it was meant for. The entry is plain data here; the
profile itself is read and checked only by builds that embed it (`theme/icc.py`),
so a screen build never fails on a print shop's file.

    output-intent:
      profile: profiles/ISOcoated_v2_eci.icc   # relative to theme.yaml
      condition: FOGRA39                      # OutputConditionIdentifier
      registry: http://www.color.org          # where the condition is registered
      info: ISO Coated v2 (ECI), offset, paper type 1/2
      ink-limit: 330                          # optional: the shop's total ink, percent

The ink limit follows from the condition where it is a known one (`print_spec.ink_limit`):
FOGRA39 lays down 330 %, newsprint (IFRA26) 240 %. A limit the shop states is
recorded in the PDF/X file (`finishing/xmp.py`), so preflight there reads it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Location
from ..files import resolved
from ..print_spec import INK_RANGE, InkLimit, ink_limit
from .entries import ThemeError, mapping, refuse_unknown

DEFAULT_REGISTRY = "http://www.color.org"  # the ICC's registry of characterized conditions
KEYS = ("profile", "condition", "registry", "info", "ink-limit")
TEXT_KEYS = KEYS[:4]


@dataclass(frozen=True)
class OutputIntent:
    profile: Path  # resolved, inside the theme's folder
    condition: str  # e.g. FOGRA39, CRPC6
    registry: str = DEFAULT_REGISTRY
    info: str = ""  # a human description of the condition
    ink_limit: InkLimit = field(default_factory=InkLimit)  # stated, or the condition's


def output_intent(value: Any, theme_path: Path) -> OutputIntent | None:
    """The ``output-intent`` entry of the theme at ``theme_path`` (None when absent);
    `ThemeError` saying what is wrong with it."""
    if value is None:
        return None
    keys = ("output-intent",)
    example = "{profile: profiles/ISOcoated_v2_eci.icc, condition: FOGRA39}"
    value = mapping(value, keys, "a mapping with profile: and condition:", example)
    refuse_unknown(value, KEYS, keys, "key")
    texts = {}
    for key in TEXT_KEYS:
        entry = value.get(key, "")
        if not isinstance(entry, str):
            raise ThemeError(
                (*keys, key),
                f"output-intent: {key} must be text, not {entry!r}",
                "put the value in quotes",
            )
        texts[key] = entry.strip()
    for key in ("profile", "condition"):
        if not texts[key]:
            raise ThemeError(keys, f"output-intent: {key} is missing", f"write it as {example}")
    folder = theme_path.parent.resolve()
    profile = resolved(folder / texts["profile"], Location(theme_path))
    if not profile.is_relative_to(folder):
        raise ThemeError(
            (*keys, "profile"),
            f"output-intent: profile {texts['profile']!r} points outside the project",
            "keep the print shop's profile inside the project folder",
        )
    stated = _stated_limit(value.get("ink-limit"), keys)
    return OutputIntent(
        profile,
        texts["condition"],
        texts["registry"] or DEFAULT_REGISTRY,
        texts["info"],
        ink_limit(texts["condition"], stated),
    )


def _stated_limit(value: object, keys: tuple[str, ...]) -> float | None:
    """The ``ink-limit`` the print shop states, in percent; None when it states none."""
    if value is None:
        return None
    low, high = INK_RANGE
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ThemeError(
            (*keys, "ink-limit"),
            f"output-intent: ink-limit must be the total ink the press lays down, a percent "
            f"from {low:.0f} to {high:.0f}, not {value!r}",
            "write the number the print shop gives, e.g. ink-limit: 300",
        )
    return float(value)

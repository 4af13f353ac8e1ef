"""How outputs are built: one `Options` value, from the command line or the Python API
down to every job of a batch, instead of each option passed on one by one.

*What* is built (leaflet × locale × edition) is each job's; *how* is these options,
the same for every job of a build and part of every output's fingerprint. Plain data,
so planning a batch imports no part of the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..print_spec import PrintSpec


@dataclass(frozen=True)
class Options:
    """Build options that change the bytes of an output (part of its fingerprint)."""

    allow_fuzzy: bool = False  # use fuzzy translations
    strict: bool = False  # for printing: refuse outputs with check errors or missing text
    spec: PrintSpec = field(default_factory=PrintSpec)  # paper, bleed, marks, colour, …

    def as_dict(
        self, theme_paper: str | None = None, press_profile: bool = False
    ) -> dict[str, object]:
        """The options as the fingerprint holds them: the print spec as built
        (`PrintSpec.as_built`, on a theme whose paper is ``theme_paper``, and which names
        the press or not)."""
        spec = self.spec.as_built(theme_paper, press_profile)
        return {"allow_fuzzy": self.allow_fuzzy, "strict": self.strict, **spec.as_dict()}

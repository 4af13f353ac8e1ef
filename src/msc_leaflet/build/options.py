"""How outputs are built: one `Options` value, from the command line or the Python API
down to every job of a batch, instead of each option passed on one by one.

*What* is built (leaflet × locale × edition) is each job's; *how* is these options,
the same for every job of a build and part of every output's fingerprint. Plain data,
so planning a batch imports no part of the pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from ..print_spec import PrintSpec, bleed_text


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

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Options:
        """The options `as_dict` gave (as a manifest records them); `ValueError` for a
        record that names other options, or values none could have."""
        names = {f.name for f in fields(PrintSpec)}
        if set(data) != names | {"allow_fuzzy", "strict"}:
            raise ValueError("not the options of this msc-leaflet")
        allow_fuzzy, strict = data["allow_fuzzy"], data["strict"]
        if not isinstance(allow_fuzzy, bool) or not isinstance(strict, bool):
            raise ValueError("not the options of this msc-leaflet")
        try:
            spec = PrintSpec(**{name: data[name] for name in names})  # type: ignore[arg-type]
        except TypeError:
            raise ValueError("not the options of this msc-leaflet") from None
        return cls(allow_fuzzy=allow_fuzzy, strict=strict, spec=spec)

    def flags(self) -> list[str]:
        """The options as `msc-leaflet build` is told them, for messages: each one that
        is not the default (``--colour cmyk``, ``--bleed 3mm``)."""
        spec, default = self.spec, PrintSpec()
        found = ["--strict"] * self.strict + ["--allow-fuzzy"] * self.allow_fuzzy
        found += [f"--paper {spec.paper}"] * (spec.paper is not None)
        found += [f"--colour {spec.colour}"] * (spec.colour != default.colour)
        found += ["--pdfx"] * spec.pdfx
        if spec.bleed:
            found.append(f"--bleed {bleed_text(spec.bleed)}")
        found += ["--crop-marks"] * spec.crop_marks
        found += [f"--imposition {spec.imposition}"] * (spec.imposition != default.imposition)
        found += [f"--duplex {spec.duplex_flip}"] * (spec.duplex_flip != default.duplex_flip)
        return found + ["--proof"] * spec.proof

"""Content safety checks: small independent rules over the leaflet model, one registry.

`run_checks` loads leaflets, localises them, runs every registered check, and applies
the project's severities (``msc-leaflet.toml``) and the blocks' waivers. Each check
module holds one family: `loading`, `references`, `claims`, `terminology`,
`readability`, `dates` (with document control), `hidden_text`, `accessibility`,
`layout`, `translations`, `waivers`.
`msc_leaflet.cli.check` is the thin command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .config import CheckConfig, load_config
    from .layout import LayoutReport
    from .registry import Check, CheckContext, CheckFinding, Issue, all_checks, checks_by_code
    from .runner import run_checks, run_layout_checks

# Loaded on first use so that registering the `check` command keeps --help instant.
_HOMES = {
    "CheckConfig": ".config",
    "load_config": ".config",
    "LayoutReport": ".layout",
    "Check": ".registry",
    "CheckContext": ".registry",
    "CheckFinding": ".registry",
    "Issue": ".registry",
    "all_checks": ".registry",
    "checks_by_code": ".registry",
    "run_checks": ".runner",
    "run_layout_checks": ".runner",
}


__getattr__ = lazy_exports(__name__, globals(), _HOMES)

__all__ = [
    "Check",
    "CheckConfig",
    "CheckContext",
    "CheckFinding",
    "Issue",
    "LayoutReport",
    "all_checks",
    "checks_by_code",
    "load_config",
    "run_checks",
    "run_layout_checks",
]

"""Lazy package exports: a package lists where each public name lives, and the module
is imported on first use. Keeps ``msc-leaflet --help`` from loading Babel, ReportLab or
HarfBuzz just because a command module imports its package."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], homes: Mapping[str, str]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that imports ``homes[name]`` on first use
    and caches the value in the package namespace."""

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(homes[name], package), name)
        namespace[name] = value
        return value

    return __getattr__

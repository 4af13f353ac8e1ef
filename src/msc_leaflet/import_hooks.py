"""Code of ours around a library module's first import, without importing it early.

Two things must happen while a library loads, and only then: its rarely used
import-time patterns are compiled lazily (`deferred_patterns`), and ReportLab reads
its own defaults, not the machine's settings (`reportlab_defaults`). Both put one
finder on ``sys.meta_path`` (`around_first_import`), which hands the named modules'
loaders a context to run in and removes itself once every module it waits for is
imported. A module a library imports at its top but a build seldom uses is run when
first used instead (`run_when_used`). Nothing here imports the libraries.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from importlib.machinery import ModuleSpec, PathFinder
from importlib.util import LazyLoader
from types import ModuleType
from typing import Any

#: Makes the context a module's first import runs in.
Context = Callable[[], AbstractContextManager[object]]


class _Loader:
    """Runs a library's loader inside a context of ours."""

    def __init__(self, loader: Any, context: Context) -> None:
        self.loader = loader
        self.context = context

    def __getattr__(self, name: str) -> Any:  # get_source, get_filename, … as the library's
        return getattr(self.loader, name)

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self.loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        with self.context():
            self.loader.exec_module(module)


#: Wraps the loader of a module found by a `_Finder` (given the module's entry).
Wrap = Callable[[Any, Any], Any]


def _in_context(loader: Any, context: Context) -> Any:
    return _Loader(loader, context)


def _when_used(loader: Any, _: object) -> Any:
    return LazyLoader(loader)


class _Finder:
    """A ``sys.meta_path`` entry for the modules of one table of contexts."""

    def __init__(self, contexts: Mapping[str, Any], wrap: Wrap = _in_context) -> None:
        self.contexts = contexts
        self.wrap = wrap
        self.waiting = {name: made for name, made in contexts.items() if name not in sys.modules}

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        context = self.waiting.pop(name, None)
        if context is None:
            return None
        if not self.waiting and self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = self.wrap(spec.loader, context)
        return spec


def around_first_import(contexts: Mapping[str, Context]) -> None:
    """Run each named module's first import, if it has not been imported yet, inside
    the context its entry makes. Installing the same table twice does nothing."""
    if any(isinstance(f, _Finder) and f.contexts is contexts for f in sys.meta_path):
        return
    _install(_Finder(contexts))


def run_when_used(names: Mapping[str, str]) -> None:
    """Make each named module's first import bind the module without running it; its
    code runs when one of its attributes is first read (`importlib.util.LazyLoader`).

    For a module whose import has no effect but its own namespace (so nothing is lost
    while it waits), keyed by name with why it may wait. Python 3.11's lazy module is
    not safe to touch first from two threads at once: builds run one per process.
    """
    if any(isinstance(f, _Finder) and f.contexts is names for f in sys.meta_path):
        return
    _install(_Finder(names, _when_used))


def _install(finder: _Finder) -> None:
    if finder.waiting:
        sys.meta_path.insert(0, finder)  # type: ignore[arg-type]

"""spaCy without its own command line, until something uses it.

``import spacy`` imports ``spacy.cli`` (for ``spacy.info``), and with it typer, weasel,
requests and httpx: about 350 modules and 0.16 s in every process that reads articles
(a one-process build, every worker, a rebuild's), for a command line kg never runs.

:func:`defer` has the next ``import spacy`` run spaCy's own ``__init__`` with two
empty stand-ins in :data:`sys.modules` for ``spacy.cli`` and ``spacy.cli.info``, taken
out again as soon as it is done.  Afterwards spaCy looks as if its command line were
not imported yet (``import spacy.cli`` imports it then), and ``spacy.info`` imports it
when called.  If spaCy was imported already, or is laid out otherwise, nothing changes.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Sequence
from typing import Any

#: the modules stood in for: spaCy's command-line package and the module of it that
#: spaCy's ``__init__`` imports (for ``info``)
CLI_PACKAGE = "spacy.cli"
CLI_INFO = "spacy.cli.info"


def defer() -> bool:
    """Have the next ``import spacy`` leave out spaCy's command line; False (and nothing
    done) if spaCy is imported already."""
    if "spacy" in sys.modules:
        return False
    if not any(isinstance(finder, _SpacyFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SpacyFinder())
    return True


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, its command line imported first."""
    return importlib.import_module(CLI_INFO).info(*args, **kwargs)


class _SpacyFinder(importlib.abc.MetaPathFinder):
    """Finds spaCy once (then leaves :data:`sys.meta_path`), for :class:`_WithoutCli`."""

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if name != "spacy":
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None or not spec.submodule_search_locations:
            return spec  # laid out otherwise: imported as it is
        spec.loader = _WithoutCli(spec.loader)
        return spec


class _WithoutCli(importlib.abc.Loader):
    """Runs spaCy's ``__init__`` with the command line's stand-ins in place."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        package = types.ModuleType(CLI_PACKAGE)
        package.__path__ = []  # a package: nothing can be imported from it meanwhile
        stand_in = types.ModuleType(CLI_INFO)
        stand_in.info = info
        put = {CLI_PACKAGE: package, CLI_INFO: stand_in}
        if any(name in sys.modules for name in put):  # imported already: nothing to spare
            self.loader.exec_module(module)
            return
        sys.modules.update(put)
        try:
            self.loader.exec_module(module)
        finally:
            for name, value in put.items():
                if sys.modules.get(name) is value:
                    del sys.modules[name]
            if getattr(module, "cli", None) is package:
                del module.cli

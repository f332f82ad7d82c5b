"""The export writer's old import path, kept for tools written against it.

``kg export`` was once this module, command line and writer together; the command is
:mod:`kg.cli.export` now and the writer :func:`kg.export.write`.  Audit scripts still
import ``write`` from here: they get the writer ``kg export`` runs.  New code imports
``from kg.export import write``.
"""
from __future__ import annotations

from kg.export.write import write

__all__ = ["write"]

"""Pausing Python's cycle collector where kg makes many objects and no cycles.

The collector runs a pass each time the count of live objects has grown by a quarter
since the last, and a pass walks every object.  Loading spaCy and the knowledge base,
filing a corpus's records, and making, sorting or reading a million quads make objects
by the hundred thousand and no reference cycles, so those passes cost much (a third of
the graph stage, 0.5 s of a one-process nlp stage) and free nothing.
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """Pause the cycle collector (when it runs) for the block.

    ``freeze=True`` leaves the objects made meanwhile out of later passes too (for
    objects that live as long as the process, or a command about to end it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if freeze:
                gc.freeze()
            gc.enable()

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


#: Objects made (less those freed) between passes over the young objects while
#: :func:`gc_relaxed` holds (Python's default is 700): an article's short-lived objects are
#: then mostly freed before any pass walks them.
RELAXED_YOUNG = 50_000


def relax(young: int = RELAXED_YOUNG) -> tuple[int, ...]:
    """Collect seldom from now on, for long work on many small items: the objects that
    exist now (a pipeline, its tables) are frozen out of every pass, and a pass over the
    young objects runs after ``young`` of them instead of 700.  Cycles are still
    collected, later.  Returns the thresholds it replaced.  Measured on the bench corpus,
    one process: the collector's time falls from 0.28 to 0.10 s."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(young, *thresholds[1:])
    return thresholds


@contextlib.contextmanager
def gc_relaxed(young: int = RELAXED_YOUNG) -> Iterator[None]:
    """:func:`relax` for the block (the nlp stage reading articles in this process).  At its
    end the thresholds come back and every frozen object is unfrozen (Python cannot unfreeze
    a part), so a pipeline dropped later is collected like any garbage."""
    thresholds = relax(young)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()

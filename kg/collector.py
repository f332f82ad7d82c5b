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


class Held:
    """The collector's view of a long piece of work that keeps what it makes until it
    ends (a build: its records, the actor table, the graph's keys).

    Its :meth:`paused` blocks pause the collector and, at their end, freeze every object
    that exists, so no later pass walks what the block made.  Without it, the first
    passes after each pause walked every record of the corpus again and freed nothing
    (0.11 s on one core of a two-process build of a million words, while the other core
    waited).  At the work's end (the ``with`` block) every object is unfrozen again.  If
    something else had frozen objects before the work began, :meth:`paused` only pauses:
    Python cannot unfreeze a part, and theirs must stay frozen."""

    def __init__(self) -> None:
        self._freezes = False

    def paused(self) -> contextlib.AbstractContextManager[None]:
        """:func:`gc_paused`, freezing at the end when this work owns the freezing."""
        return gc_paused(freeze=self._freezes)

    def __enter__(self) -> Held:
        self._freezes = gc.get_freeze_count() == 0
        return self

    def __exit__(self, *exc: object) -> None:
        if self._freezes:
            gc.unfreeze()
        self._freezes = False


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

"""kg.collector: pausing and relaxing the cycle collector leaves it as it was."""
import gc

from kg.collector import RELAXED_YOUNG, gc_paused, gc_relaxed


def test_paused_disables_the_collector_and_enables_it_again():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: still paused after the inner block
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_relaxed_freezes_and_raises_the_young_threshold_then_restores_both():
    before = gc.get_threshold()
    gc.unfreeze()  # an earlier test's command may have frozen its objects
    with gc_relaxed():
        assert gc.get_threshold() == (RELAXED_YOUNG, *before[1:])
        assert gc.get_freeze_count() > 0  # what existed is out of every pass
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_relaxed_still_collects_cycles():
    class Node:
        pass

    with gc_relaxed(young=100):
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2

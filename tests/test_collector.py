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


def test_held_freezes_at_the_end_of_each_pause_and_unfreezes_at_its_end():
    from kg.collector import Held

    gc.unfreeze()  # an earlier test's command may have frozen its objects
    with Held() as held:
        with held.paused():
            assert not gc.isenabled()
            kept = [[n] for n in range(1000)]  # what a build keeps: no later pass walks it
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0


def test_held_only_pauses_when_something_else_froze_objects_before():
    from kg.collector import Held

    gc.unfreeze()
    gc.freeze()  # a caller's own frozen objects must stay frozen, and no more be added
    try:
        frozen = gc.get_freeze_count()
        with Held() as held:
            with held.paused():
                kept = [[n] for n in range(1000)]
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
        assert kept
    finally:
        gc.unfreeze()


def test_held_still_collects_cycles_made_after_its_end():
    from kg.collector import Held

    class Node:
        pass

    gc.unfreeze()
    with Held() as held, held.paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
    del a, b
    assert gc.collect() >= 2  # unfrozen again: the cycle made in the pause is collected

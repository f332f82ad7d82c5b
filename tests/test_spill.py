"""kg.spill: values written to a temporary file and read back."""
from __future__ import annotations

import tempfile

import pytest

from kg import spill

VALUES = [("a", 1, 2.5, None, True), ["\ud800 lone surrogate", "é"], {"k": [1, 2]}, (), ""]


def test_values_read_back_in_order():
    with tempfile.TemporaryFile() as fh:
        for value in VALUES:
            spill.dump(value, fh)
        fh.seek(0)
        assert list(spill.values(fh)) == VALUES


def test_an_empty_file_has_no_values():
    with tempfile.TemporaryFile() as fh:
        assert list(spill.values(fh)) == []


@pytest.mark.parametrize("cut", [3, 12])
def test_a_file_cut_short_is_an_error(cut):
    with tempfile.TemporaryFile() as fh:
        spill.dump(("a value", 1), fh)
        fh.truncate(cut)
        fh.seek(0)
        with pytest.raises(EOFError):
            list(spill.values(fh))


def test_values_are_read_at_their_offsets_whatever_the_files_position():
    with tempfile.TemporaryFile() as fh:
        offsets = [spill.dump(value, fh) for value in VALUES]
        # still at the end, and nothing flushed by hand: reads find every value
        assert [spill.value_at(fh, offset) for offset in reversed(offsets)] == VALUES[::-1]
        assert list(spill.values(fh, offsets[2])) == VALUES[2:]
        assert list(spill.values(fh)) == []  # from the position: the end


def test_no_value_past_the_end():
    with tempfile.TemporaryFile() as fh:
        end = spill.dump("x", fh) + 100
        fh.flush()
        with pytest.raises(EOFError):
            spill.value_at(fh, end)

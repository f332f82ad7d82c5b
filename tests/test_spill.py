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

"""Ingest: the corpus on disk -> plain :class:`~kg.records.SourceText` records.

:func:`read_corpus` walks the folders and files it is given and hands each file to
the reader of its format (one module per format, found through the suffix table of
:mod:`kg.ingest.reader`; today :mod:`kg.ingest.text`).  Files it cannot read are
skipped with a reason, never fatal.
"""
from __future__ import annotations

from kg.ingest.corpus import CorpusReadResult, SkippedFile, read_corpus
from kg.ingest.reader import Unreadable, readers

__all__ = ["CorpusReadResult", "SkippedFile", "Unreadable", "read_corpus", "readers"]

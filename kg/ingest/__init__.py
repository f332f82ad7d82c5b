"""Ingest: the corpus on disk -> plain :class:`~kg.records.SourceText` records.

:func:`read_corpus` walks the folders and files it is given and hands each file to
the reader of its format (one module per format, found through the suffix table of
:mod:`kg.ingest.reader`).  Files and records it cannot read are skipped with a
reason, never fatal; :mod:`kg.ingest.metadata` normalises what each source says
of its articles.
"""
from __future__ import annotations

from kg.ingest.corpus import CorpusReadResult, Duplicate, SkippedFile, read_corpus
from kg.ingest.reader import ReadOptions, Rejected, Unreadable, readers

__all__ = ["CorpusReadResult", "Duplicate", "ReadOptions", "Rejected", "SkippedFile", "Unreadable", "read_corpus",
           "readers"]

"""The corpus reader's old import path, kept for tools written against it.

Before the stages had their own packages, ``kg.corpus`` read the corpus and decoded
each article; that is :mod:`kg.ingest` now (:func:`kg.ingest.corpus.read_corpus`, and
:func:`kg.ingest.text.decode_text` for one file's bytes).  Audit and fuzzing scripts
still import the old names: they get the new code behind them, so what they test is
what ``kg build`` runs.  New code imports from :mod:`kg.ingest`.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.ingest.corpus import CorpusReadResult, SkippedFile, read_corpus
from kg.ingest.reader import Unreadable
from kg.ingest.text import decode_text

__all__ = ["CorpusReadResult", "SkippedFile", "read_corpus"]


@dataclass(frozen=True, slots=True)
class _Reason:
    """Why an article's bytes are not built (told apart from article text)."""

    text: str


def _decode_article(data: bytes) -> str | _Reason:
    """The text of one article's bytes as ``kg build`` decodes a ``.txt`` file, or the
    one-line reason it skips them."""
    try:
        return decode_text(data)
    except Unreadable as exc:
        return _Reason(str(exc))

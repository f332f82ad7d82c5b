"""The nlp stage: articles in, :class:`kg.records.DocumentRecord` out.

STUB (being written): returns records with the title only, so the stages after
it can be wired and tested.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.records import DocumentRecord, SourceText


def process_texts(
    sources: Iterable[SourceText], model: str | None = None, processes: int = 1
) -> Iterator[DocumentRecord]:
    """Read each article; yields one record per source, in input order."""
    for src in sources:
        title = next((line.strip() for line in src.text.splitlines() if line.strip()), "")
        yield DocumentRecord(identifier=src.identifier, title=title, text=src.text,
                             words=len(src.text.split()))

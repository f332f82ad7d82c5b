"""Corpus-level entity resolution: one node per real-world actor.

STUB (being written): merges the documents' entities by key.
"""
from __future__ import annotations

from collections.abc import Iterable

from kg.records import DocumentRecord, Entity


def merge_entities(documents: Iterable[DocumentRecord]) -> dict[str, Entity]:
    """Return key -> Entity for the whole corpus (aliases united, mentions summed).

    May rewrite entity keys inside ``documents`` (e.g. a surname seen alone in one
    article merged with the full name from another).
    """
    merged: dict[str, Entity] = {}
    for doc in documents:
        for ent in doc.entities:
            have = merged.get(ent.key)
            if have is None:
                merged[ent.key] = Entity(ent.key, ent.label, ent.type, list(ent.aliases),
                                         ent.wikidata, ent.mentions)
            else:
                have.mentions += ent.mentions
                have.aliases.extend(a for a in ent.aliases if a not in have.aliases)
    return merged

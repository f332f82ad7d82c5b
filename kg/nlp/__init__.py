"""The nlp stage: articles in, :class:`kg.records.DocumentRecord` out.

spaCy's blank English (or a trained pipeline, with ``model``) plus kg's rule-based
components, registered with ``@Language.factory``:

==============  ==========================================================
kg_layout       headline, metadata, dateline, captions, boilerplate, sentences
kg_entities     actors: knowledge base, acronyms, cue-based unknown actors
kg_roles        official roles (officialOf + title), title descriptions
kg_relations    memberOf, coChairOf, partOf, supports, deployedTo
kg_quotes       direct quotes and reported speech (said)
==============  ==========================================================
"""
from __future__ import annotations

from kg.nlp.pipeline import doc_to_record, make_pipeline, process_texts

__all__ = ["doc_to_record", "make_pipeline", "process_texts"]

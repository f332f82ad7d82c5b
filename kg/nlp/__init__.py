"""The nlp stage: articles in, :class:`kg.records.DocumentRecord` out.

spaCy's blank English (or a trained pipeline, with ``model``) plus kg's rule-based
components, registered with ``@Language.factory``.  Each component is a thin wrapper
that declares what it ``requires`` and ``assigns`` on the Doc (``Doc._.kg_*``, see
:mod:`kg.nlp.doc`) over a pure function that keeps nothing between documents:

==============  =============================  ==========================================
component       function                       reads
==============  =============================  ==========================================
kg_layout       layout.read_layout             headline, metadata, dateline, captions,
                                               boilerplate, sentences
kg_entities     entities.find_entities         actors: knowledge base, acronyms, cue-based
                                               unknown actors (candidates, names)
kg_roles        roles.find_roles               official roles (officialOf + title),
                                               title descriptions
kg_relations    relations.find_relations       memberOf, coChairOf, partOf, supports,
                                               deployedTo: one RelationRule each in RULES
kg_quotes       quotes.find_statements         direct quotes and reported speech (said;
                                               speakers, reported)
==============  =============================  ==========================================

What they match, how far they look and how sure they are is data: ``kg/data/lexicon.toml``,
read by :mod:`kg.nlp.lexicon`.  :mod:`kg.nlp.pipeline` builds the pipeline and turns its
Docs into records.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.nlp import spacy_cli

# The one thing importing kg.nlp does: every kg module that imports spaCy is in this
# package, so the first ``import spacy`` of a process that reads articles comes after
# this and leaves out spaCy's own command line (0.16 s, see kg.nlp.spacy_cli).
spacy_cli.defer()

if TYPE_CHECKING:
    from kg.nlp.pipeline import doc_to_record, make_pipeline
    from kg.nlp.workers import process_texts

__all__ = ["doc_to_record", "make_pipeline", "process_texts"]


def __getattr__(name: str):
    """The pipeline's functions, imported (with spaCy) when first asked for: a build
    whose worker processes read the articles (:mod:`kg.nlp.workers`) never needs spaCy."""
    if name == "process_texts":
        from kg.nlp.workers import process_texts

        return process_texts
    if name in __all__:
        from kg.nlp import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kg.nlp' has no attribute {name!r}")


__all__ = ["doc_to_record", "make_pipeline", "process_texts"]

"""Records -> quads, following the query contract (docs/ontology.md).

Layout (one answer on every store, whatever it makes of the default graph): the
default graph holds every fact of the corpus: entities (core type, rdfs:label,
skos:altLabel, owl:sameAs), positions, the merged fact triples (``s kg:memberOf o``,
``p kg:holdsPosition pos``, ``speaker kg:said st``), co-mention ties, and every
document's kg:Document node, kg:mentions, kg:Assertion / kg:NegativeAssertion and
kg:Statement nodes.  One named graph per document (its IRI is the document IRI) holds
only the fact triples that document states, so "which sources say X" is
``GRAPH ?doc { s p o }``, one quad pattern answered from an index.  No question needs
a union of the graphs, and a store that makes one (Oxigraph's
``--union-default-graph``, Virtuoso, Fuseki's unionDefaultGraph) repeats only the fact
triples, which the questions count with DISTINCT.  A negated fact is only a
kg:NegativeAssertion with kg:polarity "negative", never a triple.

The build path is lean: :func:`quad_batches` yields the quads of the corpus as
sortable strings (:mod:`kg.quads`), one batch per document, every IRI in them checked
(:mod:`kg.iris` checks what it mints, a source URL is checked here), which the writer sorts in
bounded memory and streams to the file; memory holds the actor table and one document's
quads, not the corpus's graph.  :func:`to_dataset` makes an rdflib Dataset of the same
quads for the Python API and small graphs.
"""
from __future__ import annotations

import datetime as _dt
import functools
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

import numpy as np
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg import quads as qk
from kg.collector import gc_paused
from kg.iris import (
    assertion_iri,
    co_mention_iri,
    document_iri,
    entity_iri,
    is_valid_iri,
    membership_count_iri,
    position_iri,
    statement_iri,
)
from kg.namespaces import KG, WD, bind_prefixes
from kg.records import ENTITY_TYPES, RELATIONS, DocumentRecord, Entity, Fact, Statement

# Term keys made once.
_DCTERMS_creator = qk.iri(DCTERMS.creator)
_DCTERMS_date = qk.iri(DCTERMS.date)
_DCTERMS_language = qk.iri(DCTERMS.language)
_DCTERMS_source = qk.iri(DCTERMS.source)
_DCTERMS_identifier = qk.iri(DCTERMS.identifier)
_DCTERMS_publisher = qk.iri(DCTERMS.publisher)
_DCTERMS_title = qk.iri(DCTERMS.title)
_KG_Assertion = qk.iri(KG.Assertion)
_KG_Document = qk.iri(KG.Document)
_KG_NegativeAssertion = qk.iri(KG.NegativeAssertion)
_KG_Position = qk.iri(KG.Position)
_KG_Statement = qk.iri(KG.Statement)
_KG_CoMention = qk.iri(KG.CoMention)
_KG_actor = qk.iri(KG.actor)
_KG_documentCount = qk.iri(KG.documentCount)
_KG_MembershipCount = qk.iri(KG.MembershipCount)
_KG_member = qk.iri(KG.member)
_KG_organization = qk.iri(KG.organization)
_KG_listCount = qk.iri(KG.listCount)
_KG_memberListCount = qk.iri(KG.memberListCount)
_MEMBER_OF = "memberOf"
_KG_confidence = qk.iri(KG.confidence)
_KG_dateline = qk.iri(KG.dateline)
_KG_end = qk.iri(KG.end)
_KG_evidence = qk.iri(KG.evidence)
_KG_holdsPosition = qk.iri(KG.holdsPosition)
_KG_isDirectQuote = qk.iri(KG.isDirectQuote)
_KG_mentions = qk.iri(KG.mentions)
_KG_polarity = qk.iri(KG.polarity)
_KG_positionIn = qk.iri(KG.positionIn)
_KG_rule = qk.iri(KG.rule)
_KG_said = qk.iri(KG.said)
_KG_sentenceIndex = qk.iri(KG.sentenceIndex)
_KG_start = qk.iri(KG.start)
_KG_text = qk.iri(KG.text)
_KG_title = qk.iri(KG.title)
_KG_wordCount = qk.iri(KG.wordCount)
_KG_actorCount = qk.iri(KG.actorCount)
_KG_assertionCount = qk.iri(KG.assertionCount)
_KG_statementCount = qk.iri(KG.statementCount)
_OWL_sameAs = qk.iri(OWL.sameAs)
_PROV_wasDerivedFrom = qk.iri(PROV.wasDerivedFrom)
_RDF_object = qk.iri(RDF.object)
_RDF_predicate = qk.iri(RDF.predicate)
_RDF_subject = qk.iri(RDF.subject)
_RDF_type = qk.iri(RDF.type)
_RDFS_label = qk.iri(RDFS.label)
_SKOS_altLabel = qk.iri(SKOS.altLabel)
_CORE_CLASS = {t: qk.iri(KG[t]) for t in ENTITY_TYPES}
_RELATION = {r: qk.iri(KG[r]) for r in RELATIONS}
_XSD_gYear = str(XSD.gYear)
_XSD_gYearMonth = str(XSD.gYearMonth)
_XSD_date = str(XSD.date)
#: The strongest co-mention ties kept per actor.  Any tie among the corpus's strongest
#: 2 * TIES_PER_ACTOR is kept (see :func:`strongest_ties`), so the 50 strongest are there.
TIES_PER_ACTOR = 25
#: The actors of one document that count for co-mention ties: its first this many (in the
#: order it names them).  Ties pair every two actors of a document, so a page naming ten
#: thousand made-up actors would cost 50 million pairs; real articles name under 40.
TIE_ACTORS_PER_DOCUMENT = 200
_NEGATIVE = qk.literal("negative")
_TRUE, _FALSE = qk.boolean(True), qk.boolean(False)


def quad_batches(documents: Iterable[DocumentRecord], entities: dict[str, Entity],
                 builder: QuadBuilder | None = None) -> Iterator[list[str]]:
    """The quads of the knowledge graph of ``documents`` as quad keys (:mod:`kg.quads`):
    a batch for the entity table, one per document, one for what the corpus's documents
    make together (positions, co-mention ties, membership counts).

    A quad may come more than once (an actor's type in two batches, a fact two documents
    state); the writer keeps one.  ``entities`` is the corpus-level table of
    :func:`kg.resolve.merge_entities`, keyed like ``Mention.key`` / ``Fact.subject``; a
    key missing there is looked up in the document's own entities.  Raises ValueError
    for a record that breaks the records contract (unknown entity type, relation or key).
    ``builder``: the one to use (one that keeps the documents' traces, say), else a new one.
    """
    builder = builder or QuadBuilder()
    for key, entity in entities.items():
        builder.entity(key, entity)
    yield builder.take()
    for doc in documents:
        builder.document(doc)
        yield builder.take()
    builder.finish()
    yield builder.take()


def to_dataset(documents: list[DocumentRecord], entities: dict[str, Entity]) -> Dataset:
    """The knowledge graph of ``documents`` as an rdflib Dataset (see :func:`quad_batches`)."""
    with gc_paused():
        ds = Dataset(default_union=True)
        bind_prefixes(ds)
        contexts: dict[str, Graph] = {qk.DEFAULT_GRAPH: ds.default_graph}
        terms: dict[str, object] = {}

        def term(key: str):
            made = terms.get(key)
            if made is None:
                made = terms[key] = qk.rdflib_term(key)
            return made

        def quads() -> Iterator[tuple]:
            for batch in quad_batches(documents, entities):
                for key in batch:
                    g, s, p, o = qk.split_quad(key)
                    context = contexts.get(g)
                    if context is None:
                        context = contexts[g] = ds.graph(URIRef(g[1:]))
                    yield term(s), term(p), term(o), context

        # Straight to the store: Dataset.addN would re-resolve the context of every quad.
        ds.store.addN(quads())
    return ds


@dataclass(slots=True)
class CorpusShare:
    """What some documents contribute to the quads of the whole corpus (picklable)."""

    pairs: PairCounts  # the co-mention pairs of its documents, counted
    memberships: dict[tuple[str, str], list[int]]  # (member, organization) -> [documents, lists]
    member_lists: Counter[str]  # organization -> documents listing its members
    positions: dict[str, tuple[int, str, str, str]]  # position -> (first document, title, organization, label)
    traces: list[DocumentTrace] | None = None  # each document's, when the builder keeps them


@dataclass(slots=True)
class DocumentTrace:
    """What one document gives the quads of the whole corpus, and its quads other
    documents may make too: kept beside an output so that the next build patches it
    (:mod:`kg.patch`) instead of making every document's quads again (picklable)."""

    actors: tuple[str, ...]  # the IRIs of the actors it mentions, in its order
    stated: list[tuple[str, list[str]]]  # (organization IRI, member IRIs) of the memberships it states
    positions: list[tuple[str, str, str, str]]  # (position key, title, organization key, label), first each
    shared: list[str]  # its default-graph keys of fact triples and held positions


class QuadBuilder:
    """Collects quad keys; the corpus-wide tables (actors, positions, ties) persist
    between documents, the quads are taken batch by batch.

    :func:`quad_batches` runs one over a whole corpus.  Forked workers (:mod:`kg.shards`)
    each run a copy that knows the entity table over a share of the documents
    (:meth:`start_at` its first); the parent :meth:`absorb` s their :meth:`share` s
    and adds what the corpus makes together (:meth:`finish`)."""

    def __init__(self, traced: bool = False) -> None:
        self.quads: list[str] = []
        #: each document's :class:`DocumentTrace`, in document order, if ``traced``
        self.traces: list[DocumentTrace] | None = [] if traced else None
        self._shared: list[str] = []  # the document's keys other documents may make too
        self._doc_positions: dict[str, tuple[str, str, str]] = {}  # the document's positions, first each
        #: a document's key missing from the entity table is an error, not an actor of its own
        #: (whose quads would be the document's): set when the table is the whole corpus's
        self.table_only = False
        self._iri: dict[str, str] = {}  # entity key -> IRI
        self._label: dict[str, str] = {}  # entity IRI -> rdfs:label
        self._aliases: dict[str, set[str]] = {}
        self._documents = 0  # the index of the next document in the corpus
        # position -> (index of the first document naming it, title, organization, label)
        self._positions: dict[str, tuple[int, str, str, str]] = {}
        self._position_iris: dict[tuple[str, str], str] = {}  # (title, of label) -> IRI
        self._decimals: dict[float, str] = {}
        self._doc_actors: list[tuple[str, ...]] = []  # the actors each document mentions
        self._pair_counts: list[PairCounts] = []  # the workers' (absorbed shares)
        self._ints: dict[int, str] = {}
        # (member IRI, organization IRI) -> [documents stating it, of which lists]; organization -> lists
        self._memberships: dict[tuple[str, str], list[int]] = {}
        self._member_lists: Counter[str] = Counter()

    @classmethod
    def knowing(cls, iris: dict[str, str], labels: dict[str, str], traced: bool = False) -> QuadBuilder:
        """A builder that knows an entity table already (``iris``: key -> IRI, ``labels``:
        IRI -> label, as :attr:`iris` and :attr:`labels` gave them) without making its quads."""
        builder = cls(traced)
        builder._iri, builder._label = dict(iris), dict(labels)
        builder.table_only = True
        return builder

    @property
    def iris(self) -> dict[str, str]:
        """Entity key -> IRI, of the entities this builder knows."""
        return self._iri

    @property
    def labels(self) -> dict[str, str]:
        """Entity IRI -> its rdfs:label (the first key's label, where two keys share an IRI)."""
        return self._label

    def start_at(self, index: int) -> None:
        """The next document is the corpus's ``index``-th (first positions are told by it)."""
        self._documents = index

    def take(self) -> list[str]:
        """The quads added since the last call."""
        batch, self.quads = self.quads, []
        return batch

    def _add(self, s: str, p: str, o: str, g: str = qk.DEFAULT_GRAPH) -> None:
        self.quads.append(f"{g}\x00{s}\x00{p}\x00{o}")  # kg.quads.quad, inlined: the hot path

    def _add_shared(self, s: str, p: str, o: str) -> None:
        """A default-graph quad another document may make too (a fact triple, a held position)."""
        key = f"\x00{s}\x00{p}\x00{o}"
        self.quads.append(key)
        self._shared.append(key)

    # ---- literals made once
    def _int(self, value: int) -> str:
        lit = self._ints.get(value)
        if lit is None:
            lit = self._ints[value] = qk.integer(value)
        return lit

    def _confidence(self, value: float) -> str:
        """xsd:decimal rounded to 2 places, clamped to [0, 1] (the rules' scores are heuristics)."""
        lit = self._decimals.get(value)
        if lit is None:
            clamped = min(1.0, max(0.0, float(value)))
            lit = self._decimals[value] = qk.decimal(Decimal(str(round(clamped, 2))))
        return lit

    # ---- entities (default graph)
    def entity(self, key: str, entity: Entity) -> str:
        iri = str(entity_iri(entity.type, entity.label))
        self._iri[key] = iri
        node = qk.iri(iri)
        add = self._add
        aliases = self._aliases.get(iri)
        if aliases is None:  # first key with this IRI
            self._label[iri] = entity.label
            aliases = self._aliases[iri] = {entity.label}
            add(node, _RDF_type, _CORE_CLASS[entity.type])
            add(node, _RDFS_label, qk.literal(entity.label))
        for alias in (entity.label, *entity.aliases):
            if alias not in aliases:
                aliases.add(alias)
                add(node, _SKOS_altLabel, qk.literal(alias))
        if entity.wikidata and entity.wikidata[1:].isdigit() and entity.wikidata[0] in "Qq":
            add(node, _OWL_sameAs, qk.iri(WD["Q" + entity.wikidata[1:]]))
        return iri

    def _entity_iri(self, key: str, local: dict[str, Entity], doc: DocumentRecord) -> str:
        iri = self._iri.get(key)
        if iri is None:
            entity = None if self.table_only else local.get(key)
            if entity is None:
                raise ValueError(f"{doc.identifier}: entity key {key!r} is not in the entity table")
            iri = self.entity(key, entity)
        return iri

    # ---- documents (default graph; the facts each states also in its named graph)
    def document(self, doc: DocumentRecord) -> None:
        d = qk.iri(document_iri(doc.identifier))
        add = self._add
        local = {e.key: e for e in doc.entities}
        date = _date(doc.date)

        add(d, _RDF_type, _KG_Document)
        add(d, _DCTERMS_identifier, qk.literal(doc.identifier))
        add(d, _DCTERMS_title, qk.literal(doc.title))
        if date is not None:
            add(d, _DCTERMS_date, date)
        if doc.publisher:
            add(d, _DCTERMS_publisher, qk.literal(doc.publisher))
        if doc.url and is_valid_iri(doc.url):  # every IRI of the graph is checked (kg.quads)
            add(d, _DCTERMS_source, qk.iri(doc.url))
        for author in doc.authors:
            add(d, _DCTERMS_creator, qk.literal(author))
        if doc.language:
            add(d, _DCTERMS_language, qk.literal(doc.language))
        if doc.dateline:
            add(d, _KG_dateline, qk.literal(doc.dateline))
        add(d, _KG_wordCount, self._int(doc.words))

        mentioned = dict.fromkeys(e.key for e in doc.entities)
        mentioned.update(dict.fromkeys(m.key for m in doc.mentions))
        for fact in doc.facts:
            mentioned.update(dict.fromkeys((fact.subject, fact.object)))
        for st in doc.statements:
            mentioned[st.speaker] = None
            mentioned.update(dict.fromkeys(st.mentions))
        actors = dict.fromkeys(self._entity_iri(key, local, doc) for key in mentioned)
        for actor in actors:
            add(d, _KG_mentions, qk.iri(actor))

        assertions: set[str] = set()
        statements: set[str] = set()
        stated: dict[str, dict[str, None]] = {}  # organization -> the members this document states
        for fact in _best(doc.facts, lambda f: (f.predicate, f.subject, f.object, f.start, f.end)):
            assertions.update(self._fact(doc, d, date, fact, local))
            if fact.predicate == _MEMBER_OF and not fact.negated:
                stated.setdefault(self._iri[fact.object], {})[self._iri[fact.subject]] = None
        for st in _best(doc.statements, lambda s: (s.speaker, s.start, s.end)):
            statements.add(self._statement(doc, d, date, st, local))
        # what was read, counted once here so a catalogue of sources needs no counting
        add(d, _KG_actorCount, self._int(len(actors)))
        add(d, _KG_assertionCount, self._int(len(assertions)))
        add(d, _KG_statementCount, self._int(len(statements)))
        positions = [(pos, *first) for pos, first in self._doc_positions.items()]
        trace = DocumentTrace(tuple(actors), [(org, list(members)) for org, members in stated.items()],
                              positions, self._shared)
        self._doc_positions, self._shared = {}, []
        self.replay(trace)

    def replay(self, trace: DocumentTrace) -> None:
        """Add what the next document gives the corpus-level quads (:meth:`finish`): the
        actors it mentions, the memberships it states, the positions it names first.
        :meth:`document` does it for each document; :mod:`kg.patch` for a document whose
        quads the output already holds."""
        self._doc_actors.append(trace.actors)
        self._count_memberships(trace.stated)
        for pos, title, organization, label in trace.positions:
            if pos not in self._positions:  # the first document's title wins when only the case differs
                self._positions[pos] = (self._documents, title, organization, label)
        if self.traces is not None:
            self.traces.append(trace)
        self._documents += 1

    def _provenance(self, node: str, d: str, date: str | None, evidence: str,
                    start: int, end: int, rule: str, confidence: float, sentence: int) -> None:
        add = self._add
        add(node, _PROV_wasDerivedFrom, d)
        add(node, _KG_evidence, qk.literal(evidence))
        add(node, _KG_start, self._int(start))
        add(node, _KG_end, self._int(end))
        add(node, _KG_rule, qk.literal(rule))
        add(node, _KG_confidence, self._confidence(confidence))
        add(node, _KG_sentenceIndex, self._int(sentence))
        if date is not None:
            add(node, _DCTERMS_date, date)

    def _assertion(self, doc: DocumentRecord, d: str, date: str | None, fact: Fact,
                   s: str, predicate: str, p: str, o: str) -> str:
        """The assertion of ``s p o`` (entity IRIs ``s`` and ``o``; ``p`` a term key)."""
        add = self._add
        a = qk.iri(assertion_iri(doc.identifier, predicate, s, o, fact.start, fact.end))
        if fact.negated:
            add(a, _RDF_type, _KG_NegativeAssertion)
            add(a, _KG_polarity, _NEGATIVE)
        else:
            add(a, _RDF_type, _KG_Assertion)
        add(a, _RDF_subject, qk.iri(s))
        add(a, _RDF_predicate, p)
        add(a, _RDF_object, qk.iri(o))
        self._provenance(a, d, date, fact.evidence, fact.start, fact.end, fact.rule,
                         fact.confidence, fact.sentence)
        return a

    def _fact(self, doc: DocumentRecord, d: str, date: str | None, fact: Fact,
              local: dict[str, Entity]) -> list[str]:
        """Add the fact's assertion(s) and, unless negated, its triples; return the assertions."""
        p = _RELATION.get(fact.predicate)
        if p is None:
            raise ValueError(f"{doc.identifier}: unknown relation {fact.predicate!r}; "
                             f"expected one of {', '.join(RELATIONS)}")
        s_iri = self._entity_iri(fact.subject, local, doc)
        o_iri = self._entity_iri(fact.object, local, doc)
        made = [self._assertion(doc, d, date, fact, s_iri, fact.predicate, p, o_iri)]
        if fact.negated:
            return made
        add = self._add
        s, o = qk.iri(s_iri), qk.iri(o_iri)
        self._add_shared(s, p, o)
        add(s, p, o, d)  # the document's graph: what it states
        if fact.predicate == "officialOf" and fact.title and fact.title.strip():
            title = " ".join(fact.title.split())
            of_label = self._label[o_iri]
            pos_iri = self._position_iris.get((title, of_label))
            if pos_iri is None:
                pos_iri = self._position_iris[title, of_label] = str(position_iri(title, of_label))
            pos = qk.iri(pos_iri)
            if pos not in self._doc_positions:
                self._doc_positions[pos] = (title, o, f"{title} of {of_label}")
            self._add_shared(s, _KG_holdsPosition, pos)
            add(s, _KG_holdsPosition, pos, d)
            made.append(self._assertion(doc, d, date, fact, s_iri, "holdsPosition", _KG_holdsPosition, pos_iri))
        return made

    # ---- membership counts (default graph)
    def _count_memberships(self, stated: list[tuple[str, list[str]]]) -> None:
        """Count one document's memberships: a document stating two or more members of an
        organization is a list of its members."""
        for organization, members in stated:
            is_list = len(members) >= 2
            if is_list:
                self._member_lists[organization] += 1
            for member in members:
                counts = self._memberships.setdefault((member, organization), [0, 0])
                counts[0] += 1
                counts[1] += is_list

    # ---- what the documents make together (default graph)
    def finish(self, ties: bool = True) -> None:
        """Add the quads of the whole corpus's documents: positions, ties (unless
        ``ties`` is false: :meth:`ties` later), membership counts."""
        self.positions()
        if ties:
            self.ties()
        self.membership_counts()

    def share(self) -> CorpusShare:
        """What this builder's documents contribute to :meth:`finish` (a worker's share):
        their co-mention pairs are counted here, so in the worker."""
        return CorpusShare(count_pairs(self._doc_actors), self._memberships, self._member_lists, self._positions,
                           self.traces)

    def absorb(self, share: CorpusShare) -> None:
        """Add a worker's share; shares come in document order."""
        self._pair_counts.append(share.pairs)
        for pair, (documents, lists) in share.memberships.items():
            counts = self._memberships.setdefault(pair, [0, 0])
            counts[0] += documents
            counts[1] += lists
        self._member_lists.update(share.member_lists)
        for pos, first in share.positions.items():
            have = self._positions.get(pos)
            if have is None or first[0] < have[0]:
                self._positions[pos] = first
        if self.traces is not None and share.traces is not None:
            self.traces.extend(share.traces)

    def positions(self) -> None:
        """A kg:Position per title of an organization, as its first document wrote it."""
        add = self._add
        for pos, (_, title, organization, label) in sorted(self._positions.items()):
            add(pos, _RDF_type, _KG_Position)
            add(pos, _KG_title, qk.literal(title))
            add(pos, _KG_positionIn, organization)
            add(pos, _RDFS_label, qk.literal(label))

    def membership_counts(self) -> None:
        """A kg:MembershipCount per membership some document states, and each organization's
        kg:memberListCount, so "which lists leave a member out" is a join of a few nodes."""
        add = self._add
        for organization, lists in sorted(self._member_lists.items()):
            add(qk.iri(organization), _KG_memberListCount, self._int(lists))
        for (member, organization), (documents, lists) in sorted(self._memberships.items()):
            node = qk.iri(membership_count_iri(member, organization))
            add(node, _RDF_type, _KG_MembershipCount)
            add(node, _KG_member, qk.iri(member))
            add(node, _KG_organization, qk.iri(organization))
            add(node, _KG_documentCount, self._int(documents))
            add(node, _KG_listCount, self._int(lists))

    # ---- co-mention ties (default graph)
    def ties(self) -> None:
        """The strongest co-mention ties of the corpus, as kg:CoMention nodes."""
        add = self._add
        pairs = merge_pairs([*self._pair_counts, count_pairs(self._doc_actors)])
        for a, b, count in strongest_pairs(pairs, TIES_PER_ACTOR):
            tie = qk.iri(co_mention_iri(a, b))
            add(tie, _RDF_type, _KG_CoMention)
            add(tie, _KG_actor, qk.iri(a))
            add(tie, _KG_actor, qk.iri(b))
            add(tie, _KG_documentCount, self._int(count))

    def _statement(self, doc: DocumentRecord, d: str, date: str | None, st: Statement,
                   local: dict[str, Entity]) -> str:
        add = self._add
        speaker_iri = self._entity_iri(st.speaker, local, doc)
        speaker = qk.iri(speaker_iri)
        node = qk.iri(statement_iri(doc.identifier, speaker_iri, st.start, st.end))
        add(speaker, _KG_said, node)
        add(speaker, _KG_said, node, d)  # the document's graph: who said it
        add(node, _RDF_type, _KG_Statement)
        add(node, _KG_text, qk.literal(st.text))
        add(node, _KG_isDirectQuote, _TRUE if st.direct else _FALSE)
        for key in dict.fromkeys(st.mentions):
            add(node, _KG_mentions, qk.iri(self._entity_iri(key, local, doc)))
        self._provenance(node, d, date, st.evidence, st.start, st.end, st.rule,
                         st.confidence, st.sentence)
        return node


class PairCounts(NamedTuple):
    """Co-mention pairs of some documents, counted (:func:`count_pairs`; picklable)."""

    names: list[str]  # the actors, sorted: their ids
    codes: np.ndarray  # a * len(names) + b for each pair of ids a < b, sorted, unique
    documents: np.ndarray  # the documents naming each pair


def strongest_ties(documents: Iterable[Iterable[str]], per_actor: int) -> list[tuple[str, str, int]]:
    """``(a, b, documents)`` for each actor's ``per_actor`` strongest co-mentions, a < b.

    ``documents`` gives the actors each document mentions (its first
    :data:`TIE_ACTORS_PER_DOCUMENT` count, so the work is linear in the corpus).  Ties are ranked by the number
    of documents naming both, then by the pair's IRIs; ties of one shared document are
    left out unless the corpus has fewer than ``2 * per_actor`` stronger ones.  Keeping each actor's top k keeps
    every tie among the corpus's strongest 2k: a tie left out has k stronger ties at each
    of its two actors, 2k distinct ties ahead of it.  So a whole-graph "most often
    mentioned together" is a sort of these few nodes instead of a count of every pair of
    every document (10^6 rows on a million triples).

    The work comes in two steps, so that workers count their documents' pairs and the
    build only adds the counts up (:mod:`kg.shards`): :func:`count_pairs` (and
    :func:`merge_pairs`), then :func:`strongest_pairs`.
    """
    return strongest_pairs(count_pairs(documents), per_actor)


def count_pairs(documents: Iterable[Iterable[str]]) -> PairCounts:
    """The co-mention pairs of ``documents`` (each its actors; the first
    :data:`TIE_ACTORS_PER_DOCUMENT` count), with the documents naming each."""
    # Pairs are counted as int64 codes in numpy (a spaCy dependency): a news archive has
    # millions of pairs, which as Python tuples in a Counter cost seconds.
    per_document = [sorted(set(map(str, itertools.islice(actors, TIE_ACTORS_PER_DOCUMENT))))
                    for actors in documents]
    names = sorted({name for actors in per_document for name in actors})  # id order = IRI order
    number = {name: i for i, name in enumerate(names)}
    width = max(len(names), 1)
    # 32-bit codes where they fit (up to 46,340 actors): sorted in half the time
    dtype = np.int32 if width * width <= np.iinfo(np.int32).max else np.int64
    width = dtype(width)
    codes = []
    for actors in per_document:
        if len(actors) > 1:
            ids = np.fromiter((number[name] for name in actors), dtype=dtype, count=len(actors))
            first, second = _pair_indices(len(actors))
            codes.append(ids[first] * width + ids[second])
    if not codes:
        return _no_pairs(names)
    code, counts = np.unique(np.concatenate(codes), return_counts=True)
    return PairCounts(names, code, counts.astype(np.int64))


def _no_pairs(names: list[str]) -> PairCounts:
    return PairCounts(names, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


@functools.lru_cache(maxsize=TIE_ACTORS_PER_DOCUMENT + 1)
def _pair_indices(count: int) -> tuple[np.ndarray, np.ndarray]:
    """The (first, second) index arrays of every pair i < j of ``count`` items."""
    return np.triu_indices(count, 1)


def merge_pairs(parts: Iterable[PairCounts]) -> PairCounts:
    """The counts of several :func:`count_pairs`, added up (as if counted together)."""
    parts = [part for part in parts if len(part.names)]
    if len(parts) == 1:
        return parts[0]
    names = sorted({name for part in parts for name in part.names})
    number = {name: i for i, name in enumerate(names)}
    width = np.int64(max(len(names), 1))
    codes, counts = [], []
    for part in parts:
        if len(part.codes):
            ids = np.fromiter((number[name] for name in part.names), dtype=np.int64, count=len(part.names))
            old_width = np.int64(len(part.names))  # ids stay in order: a < b still
            codes.append(ids[part.codes // old_width] * width + ids[part.codes % old_width])
            counts.append(part.documents)
    if not codes:
        return _no_pairs(names)
    code, at = np.unique(np.concatenate(codes), return_inverse=True)
    return PairCounts(names, code, np.bincount(at, weights=np.concatenate(counts)).astype(np.int64))


def strongest_pairs(pairs: PairCounts, per_actor: int) -> list[tuple[str, str, int]]:
    """Each actor's ``per_actor`` strongest ties of the counted ``pairs`` (see
    :func:`strongest_ties`)."""
    names, code, counts = pairs
    if not len(code):
        return []
    width = np.int64(max(len(names), 1))
    # a single shared article is a weak tie: left out, unless the corpus's strongest
    # 2k ties include such ones (a small corpus), so those stay complete
    top = 2 * per_actor
    floor = 2 if len(counts) >= top and np.partition(counts, len(counts) - top)[len(counts) - top] >= 2 else 1
    strong = counts >= floor
    code, counts = code[strong], counts[strong]
    # each actor's strongest: rank every pair under both its actors by (-count, a, b) (pair
    # index order is (a, b) order: codes are sorted, ids follow IRI order), keep the first
    # per_actor of each actor
    pair = np.arange(len(code))
    actor = np.concatenate((code // width, code % width))
    pair = np.concatenate((pair, pair))
    order = np.lexsort((pair, -counts[pair], actor))
    actor, pair = actor[order], pair[order]
    starts = np.flatnonzero(np.concatenate(([True], actor[1:] != actor[:-1])))
    rank = np.arange(len(actor)) - np.repeat(starts, np.diff(np.append(starts, len(actor))))
    kept = np.unique(pair[rank < per_actor])
    return [(names[c // width], names[c % width], n)
            for c, n in zip(code[kept].tolist(), counts[kept].tolist(), strict=True)]


def _best(records: Iterable, key) -> Iterator:
    """``records`` with one per ``key`` (the most confident; first on ties), in input order.

    Two rules finding the same reading would otherwise give one node two rules and two
    confidences.
    """
    chosen: dict = {}
    for rec in records:
        k = key(rec)
        have = chosen.get(k)
        if have is None or rec.confidence > have.confidence:
            chosen[k] = rec
    return iter(chosen.values())


def _date(value: str | None) -> str | None:
    """The key of an xsd:date literal for an ISO date, xsd:gYearMonth for ``2020-12`` and xsd:gYear
    for ``2020`` (a source that gives no finer date); None when missing or not a date."""
    if not value:
        return None
    value = value.strip()
    if len(value) == 4 and value.isdigit():
        return qk.literal(value, _XSD_gYear)
    if len(value) == 7 and value[:4].isdigit() and value[4] == "-" and value[5:].isdigit():
        if 1 <= int(value[5:]) <= 12:
            return qk.literal(value, _XSD_gYearMonth)
        return None
    try:
        day = _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return qk.literal(day.isoformat(), _XSD_date)

"""Records -> rdflib.Dataset, following the query contract (docs/ontology.md).

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

Speed: quads are added straight to the store in one batch (no SPARQL, no lookups in
the graph), literals that repeat are made once.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.iris import assertion_iri, co_mention_iri, document_iri, entity_iri, position_iri, statement_iri
from kg.namespaces import KG, WD, bind_prefixes
from kg.records import ENTITY_TYPES, RELATIONS, DocumentRecord, Entity, Fact, Statement

# Terms looked up once: attribute access on a DefinedNamespace is slow.
_DCTERMS_creator = DCTERMS.creator
_DCTERMS_date = DCTERMS.date
_DCTERMS_language = DCTERMS.language
_DCTERMS_source = DCTERMS.source
_DCTERMS_identifier = DCTERMS.identifier
_DCTERMS_publisher = DCTERMS.publisher
_DCTERMS_title = DCTERMS.title
_KG_Assertion = KG.Assertion
_KG_Document = KG.Document
_KG_NegativeAssertion = KG.NegativeAssertion
_KG_Position = KG.Position
_KG_Statement = KG.Statement
_KG_CoMention = KG.CoMention
_KG_actor = KG.actor
_KG_documentCount = KG.documentCount
_KG_confidence = KG.confidence
_KG_dateline = KG.dateline
_KG_end = KG.end
_KG_evidence = KG.evidence
_KG_holdsPosition = KG.holdsPosition
_KG_isDirectQuote = KG.isDirectQuote
_KG_mentions = KG.mentions
_KG_polarity = KG.polarity
_KG_positionIn = KG.positionIn
_KG_rule = KG.rule
_KG_said = KG.said
_KG_sentenceIndex = KG.sentenceIndex
_KG_start = KG.start
_KG_text = KG.text
_KG_title = KG.title
_KG_wordCount = KG.wordCount
_KG_actorCount = KG.actorCount
_KG_assertionCount = KG.assertionCount
_KG_statementCount = KG.statementCount
_OWL_sameAs = OWL.sameAs
_PROV_wasDerivedFrom = PROV.wasDerivedFrom
_RDF_object = RDF.object
_RDF_predicate = RDF.predicate
_RDF_subject = RDF.subject
_RDF_type = RDF.type
_RDFS_label = RDFS.label
_SKOS_altLabel = SKOS.altLabel
_CORE_CLASS = {t: KG[t] for t in ENTITY_TYPES}
_RELATION = {r: KG[r] for r in RELATIONS}
#: The strongest co-mention ties kept per actor.  Any tie among the corpus's strongest
#: 2 * TIES_PER_ACTOR is kept (see :func:`strongest_ties`), so the 50 strongest are there.
TIES_PER_ACTOR = 25
#: The actors of one document that count for co-mention ties: its first this many (in the
#: order it names them).  Ties pair every two actors of a document, so a page naming ten
#: thousand made-up actors would cost 50 million pairs; real articles name under 40.
TIE_ACTORS_PER_DOCUMENT = 200
_NEGATIVE = Literal("negative")
_TRUE, _FALSE = Literal(True), Literal(False)


def to_dataset(documents: list[DocumentRecord], entities: dict[str, Entity]) -> Dataset:
    """The knowledge graph of ``documents``.

    ``entities`` is the corpus-level table of :func:`kg.resolve.merge_entities`, keyed
    like ``Mention.key`` / ``Fact.subject``; a key missing there is looked up in the
    document's own entities.  Raises ValueError for a record that breaks the records
    contract (unknown entity type, relation or key).
    """
    with gc_paused():
        builder = _Builder()
        for key, entity in entities.items():
            builder.entity(key, entity)
        for doc in documents:
            builder.document(doc)
        builder.ties()
        ds = Dataset(default_union=True)
        bind_prefixes(ds)
        contexts: dict[URIRef | None, Graph] = {None: ds.default_graph}
        for iri in builder.graph_names:
            contexts[iri] = ds.graph(iri)
        # Straight to the store: Dataset.addN would re-resolve the context of every quad.
        ds.store.addN((s, p, o, contexts[g]) for s, p, o, g in builder.quads)
    return ds


@contextlib.contextmanager
def gc_paused(freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector: building makes ~10^5 objects and no cycles,
    and the collector's passes over the growing heap cost a third of the time.

    ``freeze=True`` leaves the objects made meanwhile out of later passes too (for a
    command that is about to end its process)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if freeze:
                gc.freeze()
            gc.enable()


class _Builder:
    """Collects the quads of the dataset; ``None`` as graph name is the default graph."""

    def __init__(self) -> None:
        self.quads: list[tuple[URIRef, URIRef, object, URIRef | None]] = []
        self.graph_names: list[URIRef] = []
        self._iri: dict[str, URIRef] = {}  # entity key -> IRI
        self._label: dict[URIRef, str] = {}  # entity IRI -> rdfs:label
        self._aliases: dict[URIRef, set[str]] = {}
        self._positions: set[URIRef] = set()
        self._decimals: dict[float, Literal] = {}
        self._doc_actors: list[tuple[URIRef, ...]] = []  # the actors each document mentions
        self._ints: dict[int, Literal] = {}

    # ---- literals made once
    def _int(self, value: int) -> Literal:
        lit = self._ints.get(value)
        if lit is None:
            lit = self._ints[value] = Literal(int(value))
        return lit

    def _confidence(self, value: float) -> Literal:
        """xsd:decimal rounded to 2 places, clamped to [0, 1] (the rules' scores are heuristics)."""
        lit = self._decimals.get(value)
        if lit is None:
            clamped = min(1.0, max(0.0, float(value)))
            lit = self._decimals[value] = Literal(Decimal(str(round(clamped, 2))))
        return lit

    # ---- entities (default graph)
    def entity(self, key: str, entity: Entity) -> URIRef:
        iri = entity_iri(entity.type, entity.label)
        self._iri[key] = iri
        add = self.quads.append
        aliases = self._aliases.get(iri)
        if aliases is None:  # first key with this IRI
            self._label[iri] = entity.label
            aliases = self._aliases[iri] = {entity.label}
            add((iri, _RDF_type, _CORE_CLASS[entity.type], None))
            add((iri, _RDFS_label, Literal(entity.label), None))
        for alias in (entity.label, *entity.aliases):
            if alias not in aliases:
                aliases.add(alias)
                add((iri, _SKOS_altLabel, Literal(alias), None))
        if entity.wikidata and entity.wikidata[1:].isdigit() and entity.wikidata[0] in "Qq":
            add((iri, _OWL_sameAs, WD["Q" + entity.wikidata[1:]], None))
        return iri

    def _entity_iri(self, key: str, local: dict[str, Entity], doc: DocumentRecord) -> URIRef:
        iri = self._iri.get(key)
        if iri is None:
            entity = local.get(key)
            if entity is None:
                raise ValueError(f"{doc.identifier}: entity key {key!r} is not in the entity table")
            iri = self.entity(key, entity)
        return iri

    # ---- documents (default graph; the facts each states also in its named graph)
    def document(self, doc: DocumentRecord) -> None:
        d = document_iri(doc.identifier)
        self.graph_names.append(d)
        add = self.quads.append
        local = {e.key: e for e in doc.entities}
        date = _date(doc.date)

        add((d, _RDF_type, _KG_Document, None))
        add((d, _DCTERMS_identifier, Literal(doc.identifier), None))
        add((d, _DCTERMS_title, Literal(doc.title), None))
        if date is not None:
            add((d, _DCTERMS_date, date, None))
        if doc.publisher:
            add((d, _DCTERMS_publisher, Literal(doc.publisher), None))
        if doc.url:
            add((d, _DCTERMS_source, URIRef(doc.url), None))
        for author in doc.authors:
            add((d, _DCTERMS_creator, Literal(author), None))
        if doc.language:
            add((d, _DCTERMS_language, Literal(doc.language), None))
        if doc.dateline:
            add((d, _KG_dateline, Literal(doc.dateline), None))
        add((d, _KG_wordCount, self._int(doc.words), None))

        mentioned = dict.fromkeys(e.key for e in doc.entities)
        mentioned.update(dict.fromkeys(m.key for m in doc.mentions))
        for fact in doc.facts:
            mentioned.update(dict.fromkeys((fact.subject, fact.object)))
        for st in doc.statements:
            mentioned[st.speaker] = None
            mentioned.update(dict.fromkeys(st.mentions))
        actors = dict.fromkeys(self._entity_iri(key, local, doc) for key in mentioned)
        self._doc_actors.append(tuple(actors))
        for actor in actors:
            add((d, _KG_mentions, actor, None))

        assertions: set[URIRef] = set()
        statements: set[URIRef] = set()
        for fact in _best(doc.facts, lambda f: (f.predicate, f.subject, f.object, f.start, f.end)):
            assertions.update(self._fact(doc, d, date, fact, local))
        for st in _best(doc.statements, lambda s: (s.speaker, s.start, s.end)):
            statements.add(self._statement(doc, d, date, st, local))
        # what was read, counted once here so a catalogue of sources needs no counting
        add((d, _KG_actorCount, self._int(len(actors)), None))
        add((d, _KG_assertionCount, self._int(len(assertions)), None))
        add((d, _KG_statementCount, self._int(len(statements)), None))

    def _provenance(self, node: URIRef, d: URIRef, date: Literal | None, evidence: str,
                    start: int, end: int, rule: str, confidence: float, sentence: int) -> None:
        add = self.quads.append
        add((node, _PROV_wasDerivedFrom, d, None))
        add((node, _KG_evidence, Literal(evidence), None))
        add((node, _KG_start, self._int(start), None))
        add((node, _KG_end, self._int(end), None))
        add((node, _KG_rule, Literal(rule), None))
        add((node, _KG_confidence, self._confidence(confidence), None))
        add((node, _KG_sentenceIndex, self._int(sentence), None))
        if date is not None:
            add((node, _DCTERMS_date, date, None))

    def _assertion(self, doc: DocumentRecord, d: URIRef, date: Literal | None, fact: Fact,
                   s: URIRef, predicate: str, p: URIRef, o: URIRef) -> URIRef:
        add = self.quads.append
        a = assertion_iri(doc.identifier, predicate, s, o, fact.start, fact.end)
        if fact.negated:
            add((a, _RDF_type, _KG_NegativeAssertion, None))
            add((a, _KG_polarity, _NEGATIVE, None))
        else:
            add((a, _RDF_type, _KG_Assertion, None))
        add((a, _RDF_subject, s, None))
        add((a, _RDF_predicate, p, None))
        add((a, _RDF_object, o, None))
        self._provenance(a, d, date, fact.evidence, fact.start, fact.end, fact.rule,
                         fact.confidence, fact.sentence)
        return a

    def _fact(self, doc: DocumentRecord, d: URIRef, date: Literal | None, fact: Fact,
              local: dict[str, Entity]) -> list[URIRef]:
        """Add the fact's assertion(s) and, unless negated, its triples; return the assertions."""
        p = _RELATION.get(fact.predicate)
        if p is None:
            raise ValueError(f"{doc.identifier}: unknown relation {fact.predicate!r}; "
                             f"expected one of {', '.join(RELATIONS)}")
        s = self._entity_iri(fact.subject, local, doc)
        o = self._entity_iri(fact.object, local, doc)
        made = [self._assertion(doc, d, date, fact, s, fact.predicate, p, o)]
        if fact.negated:
            return made
        add = self.quads.append
        add((s, p, o, None))
        add((s, p, o, d))  # the document's graph: what it states
        if fact.predicate == "officialOf" and fact.title and fact.title.strip():
            title = " ".join(fact.title.split())
            of_label = self._label[o]
            pos = position_iri(title, of_label)
            if pos not in self._positions:  # first title wins when only the case differs
                self._positions.add(pos)
                add((pos, _RDF_type, _KG_Position, None))
                add((pos, _KG_title, Literal(title), None))
                add((pos, _KG_positionIn, o, None))
                add((pos, _RDFS_label, Literal(f"{title} of {of_label}"), None))
            add((s, _KG_holdsPosition, pos, None))
            add((s, _KG_holdsPosition, pos, d))
            made.append(self._assertion(doc, d, date, fact, s, "holdsPosition", _KG_holdsPosition, pos))
        return made

    # ---- co-mention ties (default graph)
    def ties(self) -> None:
        """The strongest co-mention ties of the corpus, as kg:CoMention nodes."""
        add = self.quads.append
        for a, b, count in strongest_ties(self._doc_actors, TIES_PER_ACTOR):
            tie = co_mention_iri(a, b)
            add((tie, _RDF_type, _KG_CoMention, None))
            add((tie, _KG_actor, URIRef(a), None))
            add((tie, _KG_actor, URIRef(b), None))
            add((tie, _KG_documentCount, self._int(count), None))

    def _statement(self, doc: DocumentRecord, d: URIRef, date: Literal | None, st: Statement,
                   local: dict[str, Entity]) -> URIRef:
        add = self.quads.append
        speaker = self._entity_iri(st.speaker, local, doc)
        node = statement_iri(doc.identifier, speaker, st.start, st.end)
        add((speaker, _KG_said, node, None))
        add((speaker, _KG_said, node, d))  # the document's graph: who said it
        add((node, _RDF_type, _KG_Statement, None))
        add((node, _KG_text, Literal(st.text), None))
        add((node, _KG_isDirectQuote, _TRUE if st.direct else _FALSE, None))
        for key in dict.fromkeys(st.mentions):
            add((node, _KG_mentions, self._entity_iri(key, local, doc), None))
        self._provenance(node, d, date, st.evidence, st.start, st.end, st.rule,
                         st.confidence, st.sentence)
        return node


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
    """
    pairs: Counter[tuple[str, str]] = Counter()
    for actors in documents:
        ordered = sorted(set(map(str, itertools.islice(actors, TIE_ACTORS_PER_DOCUMENT))))
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                pairs[(a, b)] += 1
    # a single shared article is a weak tie: left out, unless the corpus's strongest
    # 2k ties include such ones (a small corpus), so those stay complete
    strongest = heapq.nlargest(2 * per_actor, pairs.values())
    floor = 2 if len(strongest) == 2 * per_actor and strongest[-1] >= 2 else 1
    by_actor: defaultdict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for (a, b), count in pairs.items():
        if count < floor:
            continue
        by_actor[a].append((-count, a, b))
        by_actor[b].append((-count, a, b))
    kept: set[tuple[int, str, str]] = set()
    for ranked in by_actor.values():
        kept.update(heapq.nsmallest(per_actor, ranked))
    return [(a, b, -negative) for negative, a, b in sorted(kept, key=lambda t: (t[1], t[2]))]


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


def _date(value: str | None) -> Literal | None:
    """An xsd:date literal for an ISO date, xsd:gYearMonth for ``2020-12`` and xsd:gYear
    for ``2020`` (a source that gives no finer date); None when missing or not a date."""
    if not value:
        return None
    value = value.strip()
    if len(value) == 4 and value.isdigit():
        return Literal(value, datatype=XSD.gYear)
    if len(value) == 7 and value[:4].isdigit() and value[4] == "-" and value[5:].isdigit():
        if 1 <= int(value[5:]) <= 12:
            return Literal(value, datatype=XSD.gYearMonth)
        return None
    try:
        day = _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return Literal(day.isoformat(), datatype=XSD.date)

"""What the export reads from a kg graph: a :class:`Content` of plain Python values.

Every input (a file, an rdflib graph, a pyoxigraph store) is reduced by
:mod:`kg.export.source` to lists of (subject, object) per wanted predicate; this
module turns those into the actors, documents, facts, assertions and statements
that :mod:`kg.export.mapping` draws.  Negated assertions and assertions without a
fact triple are dropped here, so no later step can draw them.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.collector import gc_paused
from kg.export.source import ENTITY_CLASSES, RELATIONS, read_pairs
from kg.namespaces import KG, WD
from kg.records import ENTITY_TYPES

_DOCUMENT = str(KG.Document)
_STATEMENT = str(KG.Statement)
_WD = str(WD)


@dataclass
class Content:
    """What the export reads from a graph, as plain Python values."""

    types: dict[str, str] = field(default_factory=dict)  # entity -> core type
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    wikidata: dict[str, str] = field(default_factory=dict)
    doc_identifier: dict[str, str] = field(default_factory=dict)  # doc IRI -> identifier
    doc_title: dict[str, str] = field(default_factory=dict)
    doc_date: dict[str, str] = field(default_factory=dict)
    doc_publisher: dict[str, str] = field(default_factory=dict)
    doc_mentions: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    facts: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)  # -> titles
    assertions: dict[tuple[str, str, str], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list))
    statements: dict[str, dict[str, Any]] = field(default_factory=dict)  # st IRI -> fields
    mentioned_by: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # entity -> docs

    def label_of(self, node: str) -> str:
        return self.labels.get(node) or _iri_tail(node)


def read_content(source: Any) -> Content:
    """Read ``source`` (path, rdflib graph/dataset or pyoxigraph store) once."""
    if isinstance(source, Content):
        return source
    with gc_paused():  # no cycles to collect; collecting costs half the read (bench_export)
        return _build_content(read_pairs(source))


def _build_content(pairs: dict[str, list[tuple[str, str]]]) -> Content:
    c = Content()
    p = lambda term: pairs.get(str(term), ())  # noqa: E731 - a local shorthand

    typed: dict[str, set[str]] = defaultdict(set)
    documents: set[str] = set()
    statement_iris: set[str] = set()
    for s, o in p(RDF.type):
        if o in ENTITY_CLASSES:
            typed[s].add(ENTITY_CLASSES[o])
        elif o == _DOCUMENT:
            documents.add(s)
        elif o == _STATEMENT:
            statement_iris.add(s)
    for entity, kinds in typed.items():
        c.types[entity] = next(t for t in ENTITY_TYPES if t in kinds)

    labels: dict[str, list[str]] = defaultdict(list)
    for s, o in p(RDFS.label):
        labels[s].append(o)
    c.labels = {s: min(values, key=lambda v: (len(v), v)) for s, values in labels.items()}
    for s, o in p(SKOS.altLabel):
        c.aliases[s].add(o)
    for s, o in p(OWL.sameAs):
        if o.startswith(_WD):
            current = c.wikidata.get(s)
            qid = o[len(_WD):]
            c.wikidata[s] = qid if current is None else min(current, qid)

    for s, o in p(DCTERMS.identifier):
        if s in documents or s not in c.types:
            documents.add(s)
            c.doc_identifier[s] = min(o, c.doc_identifier.get(s, o))
    for doc in documents:
        c.doc_identifier.setdefault(doc, doc)

    statement_iris.update(o for _, o in p(KG.said))
    statement_iris.update(s for s, _ in p(KG.text))
    dates: dict[str, str] = {}
    for s, o in p(DCTERMS.date):
        dates[s] = min(o, dates.get(s, o))
    for s, o in p(DCTERMS.title):
        if s in documents:
            c.doc_title[s] = o
    for s, o in p(DCTERMS.publisher):
        if s in documents:
            c.doc_publisher[s] = c.labels.get(o, o)
    c.doc_date = {d: dates[d] for d in documents if d in dates}

    st_mentions: dict[str, set[str]] = defaultdict(set)
    for s, o in p(KG.mentions):
        if s in statement_iris:
            st_mentions[s].add(o)
        elif s in documents:
            c.doc_mentions[s].add(o)

    derived: dict[str, set[str]] = defaultdict(set)
    for s, o in p(PROV.wasDerivedFrom):
        derived[s].add(o)

    # relation facts, and kg:holdsPosition folded into officialOf with its title
    for name in RELATIONS:
        for s, o in p(KG[name]):
            c.facts.setdefault((s, name, o), set())
    titles = dict(p(KG.title))
    position_in = dict(p(KG.positionIn))
    position_fact: dict[str, tuple[str, str]] = {}
    for person, pos in p(KG.holdsPosition):
        if pos in position_in:
            key = (person, "officialOf", position_in[pos])
            c.facts.setdefault(key, set())
            if pos in titles:
                c.facts[key].add(titles[pos])
            position_fact[pos] = (person, position_in[pos])

    # assertions: rdf:subject / rdf:predicate / rdf:object + provenance
    subj = dict(p(RDF.subject))
    pred = dict(p(RDF.predicate))
    obj = dict(p(RDF.object))
    evidence = dict(p(KG.evidence))
    confidence = dict(p(KG.confidence))
    negative = {s for s, o in p(KG.polarity) if o.casefold() == "negative"}
    relation_names = {str(KG[name]): name for name in RELATIONS}
    holds = str(KG.holdsPosition)
    for assertion, predicate in pred.items():
        if assertion in negative or assertion not in subj or assertion not in obj:
            continue
        if predicate in relation_names:
            key = (subj[assertion], relation_names[predicate], obj[assertion])
        elif predicate == holds and obj[assertion] in position_fact:
            key = (subj[assertion], "officialOf", position_fact[obj[assertion]][1])
        else:
            continue
        if key not in c.facts:  # no fact triple: never an edge
            continue
        for doc in sorted(derived.get(assertion, ())) or [None]:
            item: dict[str, Any] = {}
            if assertion in evidence:
                item["text"] = evidence[assertion]
            _add_source(item, c, doc, dates.get(assertion), confidence.get(assertion))
            c.assertions[key].append(item)

    speakers = {o: s for s, o in p(KG.said)}
    texts = dict(p(KG.text))
    direct = {s: o.strip().casefold() in ("true", "1") for s, o in p(KG.isDirectQuote)}
    for st in statement_iris:
        if st not in speakers:
            continue
        docs = sorted(derived.get(st, ()))
        doc = docs[0] if docs else None
        record: dict[str, Any] = {"speaker": speakers[st], "text": texts.get(st, ""),
                                  "direct": direct.get(st, False),
                                  "mentions": sorted(st_mentions.get(st, ()))}
        _add_source(record, c, doc, dates.get(st), confidence.get(st))
        c.statements[st] = record
    for doc, entities in c.doc_mentions.items():
        for entity in entities:
            c.mentioned_by[entity].add(doc)
    return c


def _add_source(record: dict[str, Any], c: Content, doc: str | None, date: str | None,
                confidence: str | None) -> None:
    """The source fields of an assertion or statement: document, date (its own, else the
    document's) and confidence, each only when known."""
    if doc is not None:
        record["document"] = c.doc_identifier.get(doc, doc)
        record["_doc"] = doc
    date = date or (c.doc_date.get(doc) if doc else None)
    if date:
        record["date"] = date
    if confidence is not None:
        try:
            record["confidence"] = float(confidence)
        except ValueError:
            pass



def _iri_tail(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri

"""Read the parts of a kg graph that the export draws, by triple pattern.

The export needs a few dozen predicates of the query contract, never the whole
graph, and it must read 100,000 entities in seconds.  So every input (a file, an
rdflib graph or dataset, a pyoxigraph store) is reduced to one thing: for each
wanted predicate, the list of ``(subject, object)`` pairs as plain strings.
Files are streamed through pyoxigraph's parser (no index is built); rdflib
inputs are read with one ``(None, p, None)`` pattern per predicate.  Named
graphs are merged (as ``Dataset(default_union=True)`` would) and duplicates
collapse later, when the pairs are put into sets and dicts.
"""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from rdflib import BNode, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.errors import InputError
from kg.namespaces import KG
from kg.rdfio import read_quads
from kg.records import ENTITY_TYPES, RELATIONS  # entity nodes, and the relation facts drawn as edges

#: The four core classes: their instances are the entity nodes.
ENTITY_CLASSES = {str(KG[name]): name for name in ENTITY_TYPES}

#: Every predicate the mapping reads; nothing else is looked at.
WANTED: tuple[URIRef, ...] = (
    RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs,
    DCTERMS.identifier, DCTERMS.title, DCTERMS.date, DCTERMS.publisher,
    KG.mentions, KG.holdsPosition, KG.title, KG.positionIn,
    KG.said, KG.text, KG.isDirectQuote, PROV.wasDerivedFrom,
    RDF.subject, RDF.predicate, RDF.object, KG.evidence, KG.confidence, KG.polarity,
    *(KG[name] for name in RELATIONS),
)

Pairs = dict[str, list[tuple[str, str]]]


def read_pairs(source: Any) -> Pairs:
    """Return predicate IRI -> [(subject, object)] for :data:`WANTED`.

    ``source`` is a path (str or Path) of a graph file or of a store directory
    written by ``kg load``, an rdflib Graph/Dataset, or a pyoxigraph Store.  IRIs and literals become their string value; blank nodes
    become ``"_:id"`` so they cannot be mistaken for IRIs.
    """
    if isinstance(source, (str, os.PathLike)):
        from kg.query.ondisk import is_store, open_store

        if is_store(source):  # a store of kg load: read by pattern, nothing parsed
            graph = open_store(source)
            return _read_oxigraph_store(graph.backend.store)
        return _read_file(Path(source))
    try:
        import pyoxigraph
    except ImportError:  # pragma: no cover - a dependency of kg
        pyoxigraph = None
    if pyoxigraph is not None and isinstance(source, pyoxigraph.Store):
        return _read_oxigraph_store(source)
    if hasattr(source, "triples"):
        return _read_rdflib(source)
    raise InputError(f"cannot read a graph from {type(source).__name__}; give a file, an rdflib graph or a pyoxigraph store")


def _read_file(path: Path) -> Pairs:
    import pyoxigraph

    # One list per wanted predicate; the loop below is the hot path of a big export
    # (a quad every microsecond), so it does nothing it need not do.
    pairs: Pairs = {str(p): [] for p in WANTED}
    lists = pairs.get
    blank = pyoxigraph.BlankNode
    for quad in read_quads(path):
        found = lists(quad.predicate.value)
        if found is not None:
            s, o = quad.subject, quad.object
            found.append((s.value if type(s) is not blank else f"_:{s.value}",
                          o.value if type(o) is not blank else f"_:{o.value}"))
    return pairs


def _read_oxigraph_store(store: Any) -> Pairs:
    import pyoxigraph

    pairs: Pairs = defaultdict(list)
    for pred in WANTED:
        node = pyoxigraph.NamedNode(str(pred))
        pairs[str(pred)] = [(_ox_value(q.subject), _ox_value(q.object))
                            for q in store.quads_for_pattern(None, node, None, None)]
    return pairs


def _read_rdflib(graph: Any) -> Pairs:
    pairs: Pairs = defaultdict(list)
    # quads() sees every named graph of a Dataset whatever its default_union.
    read = graph.quads if hasattr(graph, "quads") else None
    for pred in WANTED:
        if read is not None:
            found = ((s, o) for s, _, o, _ in read((None, pred, None, None)))
        else:
            found = ((s, o) for s, _, o in graph.triples((None, pred, None)))
        pairs[str(pred)] = [(_rdflib_value(s), _rdflib_value(o)) for s, o in found]
    return pairs


def _ox_value(term: Any) -> str:
    value = term.value
    return f"_:{value}" if type(term).__name__ == "BlankNode" else value


def _rdflib_value(term: Any) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)

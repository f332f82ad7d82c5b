"""The one mapping from a kg RDF graph to a networkx graph (see docs/export.md).

* **Entity nodes**: every instance of the four core classes (kg:Person,
  kg:Organization, kg:Country, kg:Place).  Node id = the entity IRI; attributes
  ``label``, ``type``, ``iri``, ``wikidata`` ("Q7747", when owl:sameAs names one),
  ``mentions`` (number of documents that mention it), ``documents`` (their
  identifiers), ``aliases`` (skos:altLabel) and, for speakers, ``statements``.
* **Relation edges**: one edge per fact triple (kg:memberOf, coChairOf, officialOf,
  partOf, supports, deployedTo); kg:holdsPosition + the position's
  kg:title and kg:positionIn fold into an ``officialOf`` edge with a ``title``.
  Edge key and ``relation`` = the relation name; ``sources`` (number of source
  documents), ``documents``, ``confidence`` (max), ``dates`` and ``evidence``
  (one item per kg:Assertion: sentence, document, date, confidence) come from the
  assertions.  Negated assertions never make an edge.
* **Statements**: ``"fold"`` makes a ``saidAbout`` edge speaker -> each actor the
  statements mention (evidence = the statements); ``"nodes"`` makes Statement
  nodes (speaker -said-> statement -mentions-> actor); ``"none"`` leaves them out.
* **Documents** (on request): Document nodes with ``mentions`` edges to the
  entities they mention.

No ontology scaffolding (assertions, positions) becomes a node.  Attribute values
are never None: an unknown value is simply absent.
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.collector import gc_paused
from kg.errors import UsageError
from kg.export.content import Content, read_content
from kg.export.source import RELATIONS

STATEMENT_MODES = ("fold", "nodes", "none")

#: Edge relations besides RELATIONS that the mapping can produce.
SAID_ABOUT = "saidAbout"

#: Colour of each node type, shared by the page and the pictures.
TYPE_COLOURS = {
    "Person": "#e4572e",
    "Organization": "#2e86ab",
    "Country": "#3bb273",
    "Place": "#f3a712",
    "Statement": "#9b5de5",
    "Document": "#8d99ae",
    "Entity": "#bbbbbb",
}

def to_networkx(
    dataset: Any,
    relations: Iterable[str] | None = None,
    around: str | Iterable[str] | None = None,
    hops: int = 1,
    documents: Iterable[str] | None = None,
    min_sources: int = 1,
    statements: str = "fold",
    include_documents: bool = False,
) -> nx.MultiDiGraph:
    """Map a kg graph to a networkx MultiDiGraph (the mapping is in the module doc).

    Filters: ``relations`` keeps only those relation edges; ``documents`` (ids)
    keeps what those articles say; ``min_sources`` drops facts with fewer source
    documents; ``around`` (a label or alias) keeps the ``hops`` neighbourhood of
    that actor.  Edge filters (relations, min_sources > 1, documents) also drop
    the entities they leave without any edge.
    """
    content = read_content(dataset)
    with gc_paused():  # no cycles to collect; collecting costs half the read (bench_export)
        return _to_networkx(content, relations, around, hops, documents, min_sources, statements,
                            include_documents)


def _to_networkx(content: Content, relations, around, hops, documents, min_sources, statements,
                 include_documents) -> nx.MultiDiGraph:
    if statements not in STATEMENT_MODES:
        raise UsageError(f"statements must be one of {', '.join(STATEMENT_MODES)}, not {statements!r}")
    if hops < 0:
        raise UsageError(f"hops must be 0 or more, not {hops}")
    if min_sources < 0:
        raise UsageError(f"min-sources must be 0 or more, not {min_sources}")
    wanted_relations = _check_relations(relations)
    doc_scope = _check_documents(content, documents)

    # First the light draft: which nodes and edges, no attributes.  --around cuts
    # the draft, so only the neighbourhood's attributes are ever computed.
    draft = _Draft(content)
    edge_filtered = wanted_relations is not None or min_sources > 1
    if not edge_filtered:
        if doc_scope is None:
            entities: Iterable[str] = content.types
        else:  # the actors an article mentions belong to its picture even without an edge
            entities = {e for d in doc_scope for e in content.doc_mentions.get(d, ())}
        for entity in sorted(e for e in entities if e in content.types):
            draft.entity(entity)
    _draft_relation_edges(draft, content, wanted_relations, doc_scope, min_sources)
    if statements != "none" and (wanted_relations is None or SAID_ABOUT in wanted_relations):
        _draft_statements(draft, content, statements, doc_scope, min_sources)
    keep = None
    if around is not None:
        names = [around] if isinstance(around, str) else list(around)
        actors = [n for n, kind in draft.nodes.items() if kind is None]
        centres = set().union(*(find_nodes(actors, content, name) for name in names))
        keep = draft.neighbourhood(centres, hops)

    graph = draft.build(keep)
    if around is not None:
        graph.graph["around"] = "; ".join(names)
        graph.graph["hops"] = hops
    if include_documents:
        _add_documents(graph, content, doc_scope)
    return graph


class _Draft:
    """Nodes and edges in their final order, with what their attributes are made from."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.nodes: dict[str, dict[str, Any] | None] = {}  # entity -> None, other -> its attributes
        self.edges: list[tuple[str, str, str, list[dict[str, Any]], set[str] | None]] = []
        self.statements: dict[str, list[dict[str, Any]]] = {}  # speaker -> statement items

    def entity(self, entity: str) -> None:
        if entity not in self.nodes:
            self.nodes[entity] = None

    def neighbourhood(self, centres: set[str], hops: int) -> set[str]:
        """The nodes at most ``hops`` edges (either direction) from ``centres``."""
        adjacent: dict[str, set[str]] = defaultdict(set)
        for u, v, *_ in self.edges:
            adjacent[u].add(v)
            adjacent[v].add(u)
        seen = set(centres)
        frontier = set(centres)
        for _ in range(hops):
            frontier = {n for node in frontier for n in adjacent.get(node, ())} - seen
            seen |= frontier
        return seen

    def build(self, keep: set[str] | None) -> nx.MultiDiGraph:
        """The networkx graph of the draft, or of its ``keep`` nodes (an induced subgraph)."""
        c = self.content
        graph = nx.MultiDiGraph(name="kg")
        nodes = [(node, attrs if attrs is not None else _entity_attrs(c, node))
                 for node, attrs in self.nodes.items() if keep is None or node in keep]
        graph.add_nodes_from(nodes)
        graph.add_edges_from(
            (u, v, key, _edge_attrs(key, items, titles)) for u, v, key, items, titles in self.edges
            if keep is None or (u in keep and v in keep))
        node_data = graph._node  # the attribute dicts themselves (graph.nodes[n] without a view)
        for speaker, items in self.statements.items():
            if speaker in node_data:
                node_data[speaker]["statements"] = [_public(item) for item in items]
        return graph


def find_nodes(actors: Iterable[str], content: Content, name: str) -> set[str]:
    """The ``actors`` called ``name`` (label or alias, case-insensitive).

    Falls back to the one actor whose label contains ``name`` as whole words
    ("Putin" -> "Vladimir Putin"); otherwise a UsageError lists close matches.
    """
    wanted = _norm(name)
    names: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}  # normalised name -> as written
    for node in actors:
        label = content.label_of(node)
        for written in (label, *sorted(content.aliases.get(node, ()))):
            names[_norm(written)].add(node)
            shown.setdefault(_norm(written), written if written == label else f"{written} ({label})")
        names[node.casefold()].add(node)
    if wanted in names:
        return names[wanted]
    word = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)")
    containing = {node for key, nodes in names.items() if word.search(key) for node in nodes}
    if len(containing) == 1:
        return containing
    labels = {content.label_of(n) for n in containing}
    if not labels:
        close = difflib.get_close_matches(wanted, list(shown), n=5, cutoff=0.6)
        labels = {shown[key] for key in close}
    hint = f"; did you mean: {', '.join(sorted(labels)[:8])}?" if labels else "; no close match"
    raise UsageError(f"no actor called {name!r} in the graph{hint}")


def most_connected(graph: nx.MultiDiGraph, max_nodes: int | None) -> nx.MultiDiGraph:
    """The ``max_nodes`` nodes of highest degree (ties by id), or ``graph`` itself.

    The result records ``total_nodes`` / ``total_edges`` of the full graph so a
    page or picture can say what it leaves out.
    """
    if max_nodes is None or graph.number_of_nodes() <= max_nodes:
        return graph
    if max_nodes < 1:
        raise UsageError(f"max-nodes must be 1 or more, not {max_nodes}")
    degree = dict(graph.degree())
    keep = set(sorted(graph.nodes, key=lambda n: (-degree[n], n))[:max_nodes])
    # built in the graph's own order (a subgraph view would follow set order: not reproducible)
    sub = nx.MultiDiGraph()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in keep)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                       if u in keep and v in keep)
    sub.graph.update(truncated=True, total_nodes=graph.number_of_nodes(),
                     total_edges=graph.number_of_edges())
    return sub


# -- building --------------------------------------------------------------

def _entity_attrs(c: Content, entity: str) -> dict[str, Any]:
    docs = sorted([c.doc_identifier[d] for d in c.mentioned_by.get(entity, ())])
    attrs: dict[str, Any] = {
        "label": c.label_of(entity),
        "type": c.types.get(entity, "Entity"),
        "iri": entity,
        "mentions": len(docs),
        "documents": docs,
        "aliases": sorted(c.aliases.get(entity, ())),
    }
    wikidata = c.wikidata.get(entity)
    if wikidata is not None:
        attrs["wikidata"] = wikidata
    return attrs


def _draft_relation_edges(draft: _Draft, c: Content, wanted, doc_scope, min_sources) -> None:
    for key in sorted(c.facts):
        s, relation, o = key
        if wanted is not None and relation not in wanted:
            continue
        items = c.assertions.get(key, [])
        if doc_scope is not None:
            items = [i for i in items if i.get("_doc") in doc_scope]
            if not items:
                continue
        if min_sources > 1 and _sources(items) < min_sources:
            continue
        draft.entity(s)
        draft.entity(o)
        draft.edges.append((s, o, relation, items, c.facts[key]))


def _sources(items: list[dict[str, Any]]) -> int:
    """The number of distinct documents of evidence ``items`` (their ``sources``)."""
    return len({i["document"] for i in items if "document" in i})


def _edge_attrs(relation: str, items: list[dict[str, Any]], titles: set[str] | None) -> dict[str, Any]:
    attrs = {"relation": relation, **_evidence_attrs(items)}
    if titles:
        attrs["title"] = "; ".join(sorted(titles))
    return attrs


def _public(item: dict[str, Any]) -> dict[str, Any]:
    """``item`` without the keys for internal use (``_doc``)."""
    return {k: v for k, v in item.items() if k[0] != "_"}


def _evidence_attrs(items: list[dict[str, Any]]) -> dict[str, Any]:
    if len(items) == 1:  # most facts: one sentence, nothing to merge
        clean = _public(items[0])
        attrs: dict[str, Any] = {
            "sources": 1 if "document" in clean else 0,
            "documents": [clean["document"]] if "document" in clean else [],
            "dates": [clean["date"]] if "date" in clean else [],
            "evidence": [clean],
        }
        if "confidence" in clean:
            attrs["confidence"] = clean["confidence"]
        return attrs
    unique: dict[tuple, dict[str, Any]] = {}
    for item in items:  # one sentence may back both officialOf and holdsPosition
        clean = _public(item)
        key = (clean.get("document", ""), clean.get("text", ""), clean.get("date", ""))
        have = unique.get(key)
        if have is None or clean.get("confidence", 0) > have.get("confidence", 0):
            unique[key] = clean
    evidence = [unique[k] for k in sorted(unique)]
    documents = sorted({i["document"] for i in evidence if "document" in i})
    attrs = {
        "sources": len(documents),
        "documents": documents,
        "dates": sorted({i["date"] for i in evidence if "date" in i}),
        "evidence": evidence,
    }
    confidences = [i["confidence"] for i in evidence if "confidence" in i]
    if confidences:
        attrs["confidence"] = max(confidences)
    return attrs


def _draft_statements(draft: _Draft, c: Content, mode: str, doc_scope, min_sources) -> None:
    by_speaker: dict[str, list[str]] = defaultdict(list)
    for st in sorted(c.statements):
        record = c.statements[st]
        if doc_scope is not None and record.get("_doc") not in doc_scope:
            continue
        by_speaker[record["speaker"]].append(st)
    for speaker, sts in sorted(by_speaker.items()):
        items = [_statement_item(c.statements[st]) for st in sts]
        draft.statements[speaker] = items
        if mode == "fold":
            about: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for st, item in zip(sts, items):
                for entity in c.statements[st]["mentions"]:
                    if entity != speaker and entity in c.types:
                        about[entity].append(item)
            for entity, said in sorted(about.items()):
                if min_sources > 1 and _sources(said) < min_sources:
                    continue
                draft.entity(entity)
                draft.entity(speaker)
                draft.edges.append((speaker, entity, SAID_ABOUT, said, None))
        else:
            for st, item in zip(sts, items):
                record = c.statements[st]
                draft.entity(speaker)
                text = record["text"]
                attrs = {"label": _shorten(text), "type": "Statement", "iri": st, "text": text,
                         "direct": record["direct"], "mentions": 1,
                         "speaker": c.label_of(speaker)}
                attrs.update({k: record[k] for k in ("document", "date") if k in record})
                draft.nodes[st] = attrs
                draft.edges.append((speaker, st, "said", [item], None))
                for entity in record["mentions"]:
                    if entity in c.types:
                        draft.entity(entity)
                        draft.edges.append((st, entity, "mentions", [item], None))


def _statement_item(record: dict[str, Any]) -> dict[str, Any]:
    item = {"text": record["text"], "direct": record["direct"]}
    item.update({k: record[k] for k in ("document", "date", "confidence", "_doc") if k in record})
    return item


def _add_documents(graph, c: Content, doc_scope) -> None:
    for doc in sorted(doc_scope if doc_scope is not None else c.doc_identifier):
        entities = sorted(e for e in c.doc_mentions.get(doc, ()) if e in graph)
        if not entities and doc_scope is None:
            continue
        attrs: dict[str, Any] = {"label": c.doc_title.get(doc) or c.doc_identifier[doc],
                                 "type": "Document", "iri": doc,
                                 "identifier": c.doc_identifier[doc], "mentions": len(entities)}
        if doc in c.doc_date:
            attrs["date"] = c.doc_date[doc]
        if doc in c.doc_publisher:
            attrs["publisher"] = c.doc_publisher[doc]
        graph.add_node(doc, **attrs)
        for entity in entities:
            graph.add_edge(doc, entity, key="mentions", relation="mentions",
                           sources=1, documents=[c.doc_identifier[doc]])


# -- checks and helpers ----------------------------------------------------

def _check_relations(relations: Iterable[str] | None) -> set[str] | None:
    if relations is None:
        return None
    wanted = {r.strip() for r in relations if r.strip()}
    known = set(RELATIONS) | {SAID_ABOUT}
    unknown = sorted(wanted - known)
    if unknown:
        raise UsageError(f"unknown relation {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return wanted


def _check_documents(c: Content, documents: Iterable[str] | None) -> set[str] | None:
    if documents is None:
        return None
    by_id = {ident: doc for doc, ident in c.doc_identifier.items()}
    scope: set[str] = set()
    for wanted in documents:
        if wanted in by_id:
            scope.add(by_id[wanted])
        elif wanted in c.doc_identifier:
            scope.add(wanted)
        else:
            close = difflib.get_close_matches(wanted, list(by_id), n=5, cutoff=0.5)
            hint = f"; did you mean: {', '.join(close)}?" if close else ""
            raise UsageError(f"no document {wanted!r} in the graph{hint}")
    return scope


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _shorten(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"

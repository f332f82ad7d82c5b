"""The stores a graph is loaded into, behind one small protocol, and the table naming them.

Why a protocol: the engine (:class:`kg.query.engine.KgGraph`) checks a query, binds
its parameters and reads the cookbook; a store only loads a file and runs a checked
query.  Adding an engine a file is loaded into is one class here and one line in
:data:`STORES`; the engine has no ``if store == …``.  Two stores are not loaded from a
file and so are not in :data:`STORES`: the on-disk store of ``kg load``
(:mod:`kg.query.ondisk`, an :class:`OxigraphStore` opened read-only) and a remote
endpoint (:mod:`kg.query.endpoint`); both run through the same engine.

Both stores answer alike: the default graph is the set union of the named graphs,
plain ``xsd:string`` literals come back as simple literals, and ``limit`` cuts the
rows and says so.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar, Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.term import Identifier

from kg.errors import InputError, QueryError
from kg.namespaces import PREFIXES, bind_prefixes
from kg.query.params import values_block
from kg.query.parsing import TOO_DEEP_FOR_RDFLIB, groups_by, one_line, oxigraph_syntax, rdflib_parse
from kg.query.results import QueryResult, graph_result, select_result
from kg.query.scanner import Scan
from kg.rdfio import RdfFormat, parse_into


class Store(Protocol):
    """What the engine needs of a store."""

    name: ClassVar[str]  #: the name in :data:`STORES` (``kg query --store NAME``)
    graph_names: frozenset[str]  #: IRIs of the non-empty named graphs (what FROM may name)

    @classmethod
    def load(cls, path: Path, fmt: RdfFormat) -> Store:
        """Read the graph file ``path`` in ``fmt``; InputError when it cannot be parsed."""
        ...

    def __len__(self) -> int:
        """The number of quads loaded."""
        ...

    def run(self, sparql: str, scan: Scan, bindings: Mapping[str, Identifier], limit: int | None) -> QueryResult:
        """Run ``sparql`` (already checked: ``scan`` is what the scanner read) with ``bindings``."""
        ...


class RdflibStore:
    """An rdflib ``Dataset(default_union=True)``; parameters are rdflib's initBindings."""

    name: ClassVar[str] = "rdflib"

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self._size = sum(len(g) for g in dataset.graphs())
        self.graph_names = frozenset(
            str(g.identifier) for g in dataset.graphs()
            if g.identifier != dataset.default_graph.identifier and len(g)
        )

    @classmethod
    def load(cls, path: Path, fmt: RdfFormat) -> RdflibStore:
        dataset = Dataset(default_union=True)
        try:
            parse_into(dataset, path, fmt)  # never fetches a JSON-LD @context
        except Exception as exc:  # every rdflib parser has its own exception types
            raise InputError(f"cannot parse {path}: {one_line(exc)}") from None
        bind_prefixes(dataset)
        return cls(dataset)

    def __len__(self) -> int:
        return self._size

    def run(self, sparql: str, scan: Scan, bindings: Mapping[str, Identifier], limit: int | None) -> QueryResult:
        from rdflib.plugins.sparql.evaluate import evalPart
        from rdflib.plugins.sparql.sparql import QueryContext, SPARQLError

        query = rdflib_parse(sparql)
        main = query.algebra
        ctx = QueryContext(self.dataset, initBindings={Variable(k): v for k, v in bindings.items()})
        if main.datasetClause:  # name graphs of the store, never load anything
            ctx.graph, ctx._dataset = self._dataset_of(main.datasetClause)
        ctx.prologue = query.prologue
        try:
            res = evalPart(ctx, main)
            kind = res["type_"]
            if kind == "ASK":
                return QueryResult("ASK", boolean=bool(res["askAnswer"]))
            if kind in ("CONSTRUCT", "DESCRIBE"):
                return graph_result(kind, res["graph"], limit)
            variables = [str(v) for v in res["vars_"]]
            keys = [Variable(v) for v in variables]
            rows: Iterable[Any] = res["bindings"]
            if groups_by(main):
                # rdflib yields one empty solution for a GROUP BY over no solutions,
                # where SPARQL (and Oxigraph) give no group at all.
                rows = (row for row in rows if any(row.get(k) is not None for k in keys))
            return select_result(variables, ((row.get(k) for k in keys) for row in rows), limit)
        except RecursionError:
            raise QueryError(TOO_DEEP_FOR_RDFLIB) from None
        except (SPARQLError, TypeError, ValueError, KeyError, AttributeError) as exc:
            raise QueryError(f"the query could not run: {one_line(exc)}") from None

    def _dataset_of(self, clause: Iterable[Any]) -> tuple[Graph, Dataset]:
        """The default and named graphs a FROM / FROM NAMED clause picks from the store."""
        default = Graph()
        named = Dataset()
        for item in clause:
            if item.default:
                default += self.dataset.graph(URIRef(item.default))
            elif item.named:
                named.graph(URIRef(item.named)).__iadd__(self.dataset.graph(URIRef(item.named)))
        return default, named


#: Copy every triple of the named graphs into the default graph (deduplicated).
_UNION_UPDATE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_OX_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}


def with_values(sparql: str, scan: Scan, bindings: Mapping[str, Identifier]) -> str:
    """``sparql`` with ``bindings`` bound by a VALUES block opening every group.

    For engines without initBindings (Oxigraph, a remote endpoint): the block binds
    the variables everywhere, as rdflib's initBindings do; each term is serialized
    and escaped by rdflib (:func:`kg.query.params.values_block`), never pasted.
    """
    if not bindings:
        return sparql
    if not scan.group_braces:
        raise QueryError("parameters need a WHERE { … } group to be bound in")
    values = values_block(bindings)
    text = sparql
    for offset in reversed(scan.group_braces):
        text = text[: offset + 1] + values + text[offset + 1 :]
    return text


def union_into_default(store: ox.Store) -> None:
    """Make the default graph of ``store`` also hold every triple of its named graphs.

    Oxigraph's use_default_graph_as_union repeats a triple once per graph holding
    it; rdflib's union does not.  A materialised union gives every store one answer.
    The one rule for the in-memory store and the on-disk store of ``kg load``.
    """
    store.update(_UNION_UPDATE)


class OxigraphStore:
    """A ``pyoxigraph.Store`` whose default graph also holds every triple of the named
    graphs; parameters are a VALUES block opening each group."""

    name: ClassVar[str] = "oxigraph"

    def __init__(self, store: ox.Store, size: int, graph_names: frozenset[str]):
        self.store = store
        self._size = size
        self.graph_names = graph_names

    @classmethod
    def load(cls, path: Path, fmt: RdfFormat) -> OxigraphStore:
        store = ox.Store()
        try:
            if fmt.oxigraph == ox.RdfFormat.JSON_LD:
                store.load(path=str(path), format=fmt.oxigraph)
            else:
                store.bulk_load(path=str(path), format=fmt.oxigraph)
        except (SyntaxError, OSError, ValueError) as exc:
            raise InputError(f"cannot parse {path}: {one_line(exc)}") from None
        size = len(store)
        union_into_default(store)
        return cls(store, size, named_graphs_of(store))

    def __len__(self) -> int:
        return self._size

    def run(self, sparql: str, scan: Scan, bindings: Mapping[str, Identifier], limit: int | None) -> QueryResult:
        text = with_values(sparql, scan, bindings)
        try:
            answer = self.store.query(text, prefixes=_OX_PREFIXES)
            if isinstance(answer, ox.QueryBoolean):
                return QueryResult("ASK", boolean=bool(answer))
            if isinstance(answer, ox.QueryTriples):
                graph = Graph()
                for triple in answer:
                    graph.add((_from_ox(triple.subject), _from_ox(triple.predicate), _from_ox(triple.object)))
                return graph_result("CONSTRUCT" if scan.form == "CONSTRUCT" else "DESCRIBE", graph, limit)
            variables = [v.value for v in answer.variables]
            # a solution iterates over its values in the order of the variables
            return select_result(variables, answer, limit, _from_ox)
        except SyntaxError as exc:
            # Oxigraph's parser often points at the end of the text; rdflib's parser
            # points near the mistake, so its message is used when it also fails.
            try:
                rdflib_parse(sparql)
            except QueryError as better:
                raise better from None
            raise QueryError(oxigraph_syntax(exc)) from None
        except (OSError, RuntimeError, ValueError, TypeError) as exc:
            raise QueryError(f"the query could not run: {one_line(exc)}") from None


def named_graphs_of(store: ox.Store) -> frozenset[str]:
    """IRIs of the named graphs of a pyoxigraph store."""
    return frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def _from_ox(term: Any) -> Identifier | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"unsupported RDF term in the result: {term!r}")


#: Every store, by the name ``load(path, store=NAME)`` and ``--store NAME`` take.
STORES: dict[str, type[Store]] = {"rdflib": RdflibStore, "oxigraph": OxigraphStore}
#: The store a graph is loaded into unless the caller names one.
DEFAULT_STORE = "rdflib"

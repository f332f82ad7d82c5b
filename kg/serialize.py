"""Write a dataset to disk: atomic, byte-identical for the same input, fast.

``.trig`` and ``.nq`` keep the named graphs (one per document); ``.ttl``, ``.nt`` and
``.jsonld`` merge everything into one graph.  The output is sorted (graph by graph,
then by subject, predicate, object), so the same graph always gives the same bytes,
however it was built or read.  TriG, N-Quads, Turtle and N-Triples are written by pyoxigraph
from the sorted quads: for TriG and Turtle that is 3 to 5 times faster than rdflib's
writers; rdflib's N-Quads / N-Triples writers are faster still but do not sort, and
sorting is what costs (bench/bench_graph.py).  JSON-LD is written by rdflib with a
``@context`` of kg's prefixes, its arrays sorted.

The file appears whole or not at all: the output goes to a temporary file next to
the target, is fsynced and then renamed over it; on any error the temporary file is
removed and an existing output stays as it was.
"""
from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph
from rdflib.plugins.serializers.jsonld import from_rdf

from kg.errors import OutputError
from kg.graph import gc_paused
from kg.namespaces import PREFIXES
from kg.rdfio import WRITABLE, atomic_write

#: Output formats by file extension (rdflib format names), from the one table in kg.rdfio.
FORMATS: dict[str, str] = {suffix: fmt.name for suffix, fmt in WRITABLE.items()}
#: Formats that keep the named graphs.
QUAD_FORMATS = frozenset(fmt.name for fmt in WRITABLE.values() if fmt.quads)

_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
#: Prefixes declared in Turtle and TriG.  Not ``id:``: kg's node IRIs have a ``/`` after
#: it, which Turtle must escape (``id:country\/armenia``); full IRIs read better.
_TURTLE_PREFIXES = {prefix: ns for prefix, ns in _PREFIXES.items() if prefix != "id"}

Term = URIRef | BNode | Literal
Quad = tuple[Term, Term, Term, URIRef | BNode | None]  # graph name None: the default graph


def format_for(path: str | os.PathLike[str], format: str | None = None) -> str:  # noqa: A002
    """The rdflib format name for ``path`` (or the explicit ``format``); OutputError if unknown."""
    known = ", ".join(sorted(FORMATS))
    if format is not None:
        if format in FORMATS.values():
            return format
        for ext in (format, f".{format}"):
            if ext in FORMATS:
                return FORMATS[ext]
        raise OutputError(f"unknown output format {format!r}; known formats: {known} "
                          f"({', '.join(FORMATS.values())})")
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(f"cannot tell the output format of {os.fspath(path)!r} from its "
                          f"extension {suffix or '(none)'!r}; known extensions: {known}")
    return FORMATS[suffix]


def write_dataset(ds: Graph, path: str | os.PathLike[str], format: str | None = None) -> Path:  # noqa: A002
    """Write ``ds`` (a Dataset, or any Graph) to ``path`` atomically; return the path.

    The format comes from the extension unless ``format`` is given.  Creates the
    parent directory.  Raises OutputError for an unknown format or a failed write.
    """
    fmt = format_for(path, format)
    with gc_paused():
        return atomic_write(path, lambda fh: _WRITERS[fmt](ds, fh))


def serialize_bytes(ds: Graph, format: str) -> bytes:  # noqa: A002
    """The bytes :func:`write_dataset` would write, for a format name or extension."""
    fmt = format_for("", format)
    buffer = io.BytesIO()
    with gc_paused():
        _WRITERS[fmt](ds, buffer)
    return buffer.getvalue()


# ---- rdflib -> pyoxigraph, in a stable order


def _quads(ds: Graph) -> Iterator[Quad]:
    """Every quad of ``ds``, graph by graph; a plain Graph's triples are in the default graph."""
    if not isinstance(ds, ConjunctiveGraph):  # Dataset is one too
        for s, p, o in ds:
            yield s, p, o, None
        return
    default = {DATASET_DEFAULT_GRAPH_ID}
    if not isinstance(ds, Dataset):
        default.add(ds.default_context.identifier)
    triples = ds.store.triples
    graphs = ds.graphs() if isinstance(ds, Dataset) else ds.contexts()
    for graph in graphs:  # graph by graph: 3x faster than ds.quads()
        name = None if graph.identifier in default else graph.identifier
        for (s, p, o), _ in triples((None, None, None), context=graph):
            yield s, p, o, name


class _OxTerms:
    """rdflib term -> pyoxigraph term, IRIs cached (they repeat a lot)."""

    def __init__(self) -> None:
        self._nodes: dict[str, ox.NamedNode] = {}

    def __call__(self, term: Term):
        if type(term) is URIRef or isinstance(term, URIRef):
            node = self._nodes.get(term)
            if node is None:
                node = self._nodes[term] = ox.NamedNode(str(term))
            return node
        if isinstance(term, Literal):
            try:
                if term.language:
                    return ox.Literal(str(term), language=term.language)
                if term.datatype:
                    return ox.Literal(str(term), datatype=self(term.datatype))
                return ox.Literal(str(term))
            except ValueError:
                str(term).encode("utf-8")  # a lone surrogate: raise the UnicodeEncodeError
                raise
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        raise OutputError(f"cannot write the RDF term {term!r} ({type(term).__name__})")


def _key(term: Term) -> str:
    """A sort key that tells terms apart: IRIs, then blank nodes, then literals.

    Literal keys end with datatype and language, each after a NUL (which IRIs and
    language tags never contain), so no two terms share a key.
    """
    if type(term) is URIRef:  # the common case first; f-strings avoid URIRef.__radd__
        return f"0{term}"
    if isinstance(term, Literal):
        return f"2{term}\x00{term.datatype or ''}\x00{term.language or ''}"
    return f"1{term}" if isinstance(term, BNode) else f"0{term}"


def ordered_quads(ds: Graph) -> Iterator[ox.Quad]:
    """The quads of ``ds`` as pyoxigraph quads, without duplicates: the default graph
    first, then the named graphs by name, each by subject, predicate and object."""
    keyed = {
        f"{'' if g is None else _key(g)}\x00{_key(s)}\x00{_key(p)}\x00{_key(o)}": (s, p, o, g)
        for s, p, o, g in _quads(ds)
    }
    term = _OxTerms()
    default = ox.DefaultGraph()
    for k in sorted(keyed):  # string keys: faster than sorting tuples or re-parsed lines
        s, p, o, g = keyed[k]
        yield ox.Quad(term(s), term(p), term(o), default if g is None else term(g))


def ordered_triples(ds: Graph) -> Iterator[ox.Triple]:
    """The triples of every graph of ``ds`` merged, without duplicates, sorted."""
    keyed = {f"{_key(s)}\x00{_key(p)}\x00{_key(o)}": (s, p, o) for s, p, o, _ in _quads(ds)}
    term = _OxTerms()
    for k in sorted(keyed):
        s, p, o = keyed[k]
        yield ox.Triple(term(s), term(p), term(o))


# ---- writers


def _write_ox(items: Iterable, fh: BinaryIO, fmt: ox.RdfFormat) -> None:
    prefixes = _TURTLE_PREFIXES if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else None
    try:
        ox.serialize(items, fh, fmt, prefixes=prefixes)
    except UnicodeError:
        raise
    except ValueError as exc:  # an invalid IRI or language tag in the data
        raise OutputError(f"cannot write the graph as {fmt}: {exc}") from exc


def _write_jsonld(ds: Graph, fh: BinaryIO) -> None:
    graph = Graph()
    for s, p, o, _ in _quads(ds):
        graph.add((s, p, o))
    document = from_rdf(graph, context_data=dict(_PREFIXES))
    # rdflib orders nodes and values by set iteration: sort them, JSON-LD arrays are sets
    text = json.dumps(_sorted_json(document), sort_keys=True, indent=1, ensure_ascii=False)
    fh.write(text.encode("utf-8"))
    fh.write(b"\n")


def _sorted_json(value):
    """``value`` with every JSON array sorted, except @list arrays (RDF lists keep order)."""
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _sorted_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted_json(v) for v in value), key=_json_key)
    return value


def _json_key(value) -> tuple:
    """Node objects and references sort by ``@id`` (unique within one array), the rest
    by their JSON text."""
    if isinstance(value, dict) and "@id" in value:
        return (0, value["@id"])
    return (1, json.dumps(value, sort_keys=True, ensure_ascii=False))


_WRITERS: dict[str, Callable[[Graph, BinaryIO], None]] = {
    "trig": lambda ds, fh: _write_ox(ordered_quads(ds), fh, ox.RdfFormat.TRIG),
    "nquads": lambda ds, fh: _write_ox(ordered_quads(ds), fh, ox.RdfFormat.N_QUADS),
    "turtle": lambda ds, fh: _write_ox(ordered_triples(ds), fh, ox.RdfFormat.TURTLE),
    "nt": lambda ds, fh: _write_ox(ordered_triples(ds), fh, ox.RdfFormat.N_TRIPLES),
    "json-ld": _write_jsonld,
}

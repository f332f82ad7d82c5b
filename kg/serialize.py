"""Write a graph to disk: atomic, byte-identical for the same input, fast, in bounded memory.

``.trig`` and ``.nq`` keep the named graphs (one per document); ``.ttl``, ``.nt`` and
``.jsonld`` merge everything into one graph.  The output is sorted (graph by graph,
then by subject, predicate, object), so the same graph always gives the same bytes,
however it was built or read.  TriG, N-Quads, Turtle and N-Triples are written as pyoxigraph writes
them from the sorted quads (those of a build by :mod:`kg.rdftext`, the same bytes with
no round trip through pyoxigraph's parser): for TriG and Turtle that is 3 to 5
times faster than rdflib's writers; rdflib's N-Quads / N-Triples writers are faster still but do not sort, and
sorting is what costs (bench/bench_graph.py).  The quads are sorted as strings
(:mod:`kg.quads`) in bounded memory, sorted runs spilled to temporary files beside the
output, so ``kg build`` writes a corpus of any size without an rdflib Dataset.  JSON-LD is written by rdflib with a
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
from rdflib import Graph, Literal
from rdflib.plugins.serializers.jsonld import from_rdf

from kg import quads as qk
from kg import rdftext
from kg.collector import gc_paused
from kg.errors import OutputError
from kg.namespaces import PREFIXES
from kg.rdfio import WRITABLE, atomic_write, format_for
from kg.spill import spill_folder

#: Formats that keep the named graphs.
QUAD_FORMATS = frozenset(fmt.name for fmt in WRITABLE.values() if fmt.quads)

_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
#: Prefixes declared in Turtle and TriG.  Not ``id:``: kg's node IRIs have a ``/`` after
#: it, which Turtle must escape (``id:country\/armenia``); full IRIs read better.
_TURTLE_PREFIXES = {prefix: ns for prefix, ns in _PREFIXES.items() if prefix != "id"}



def write_dataset(ds: Graph, path: str | os.PathLike[str], format: str | None = None) -> Path:  # noqa: A002
    """Write ``ds`` (a Dataset, or any Graph) to ``path`` atomically; return the path.

    The format comes from the extension unless ``format`` is given.  Creates the
    parent directory.  Raises OutputError for an unknown format or a failed write.
    """
    return write_quads(_batched(qk.dataset_keys(ds)), path, format)


def write_quads(batches: Iterable[list[str]], path: str | os.PathLike[str],
                format: str | None = None) -> Path:  # noqa: A002
    """Write the quads of ``batches`` (lists of quad keys, :mod:`kg.quads`) to ``path``
    atomically, sorted and without repeats; return the path."""
    fmt = format_for(path, format)
    with gc_paused(), sort_quads(batches, fmt, spill_folder(path)) as keys:
        return write_sorted(keys, path, fmt)


def sort_quads(batches: Iterable[list[str]], format: str,  # noqa: A002
               folder: str | os.PathLike[str] | None = None) -> qk.QuadSorter:
    """A :class:`kg.quads.QuadSorter` holding the keys of ``batches``, ready for
    :func:`write_sorted` in ``format``; a format without named graphs gets triple keys.
    Sorted runs that do not fit in memory go to temporary files in ``folder``."""
    fmt = format_for("", format)
    sorter = qk.QuadSorter(folder)
    try:
        if fmt in QUAD_FORMATS:
            for batch in batches:
                sorter.extend(batch)
        else:
            for batch in batches:
                sorter.extend([qk.triple_of(key) for key in batch])
    except BaseException:
        sorter.close()
        raise
    return sorter


def write_sorted(keys: qk.QuadSorter, path: str | os.PathLike[str], format: str,  # noqa: A002
                 checked: bool = False) -> Path:
    """Write the keys of :func:`sort_quads` to ``path`` atomically; return the path.
    ``checked``: every IRI in them is known to be valid (:func:`kg.graph.quad_batches`)."""
    fmt = format_for(path, format)
    with gc_paused():
        return atomic_write(path, lambda fh: _WRITERS[fmt](iter(keys), fh, checked))


def write_keys(keys: Iterator[str], fh: BinaryIO, format: str, checked: bool = False) -> None:  # noqa: A002
    """Write sorted unique keys (quad keys, or triple keys for a format without named
    graphs) to the binary file ``fh`` in ``format``."""
    _WRITERS[format_for("", format)](keys, fh, checked)


def write_part(keys: Iterator[str], fh: BinaryIO) -> None:
    """Write sorted unique quad keys of a build as the part of a TriG file they make
    there (no ``@prefix`` lines): what :mod:`kg.patch` puts in place of a part it replaces."""
    rdftext.write_trig(keys, fh, _TURTLE_PREFIXES, head=False)


def prefix_lines(format: str) -> bytes:  # noqa: A002
    """The lines a file of ``format`` starts with whatever it holds (TriG and Turtle:
    the ``@prefix`` lines; the writer puts them before the first quad)."""
    return rdftext.prefix_lines(_TURTLE_PREFIXES) if format_for("", format) in ("trig", "turtle") else b""


def serialize_bytes(ds: Graph, format: str) -> bytes:  # noqa: A002
    """The bytes :func:`write_dataset` would write, for a format name or extension."""
    fmt = format_for("", format)
    buffer = io.BytesIO()
    with gc_paused(), sort_quads(_batched(qk.dataset_keys(ds)), fmt) as keys:
        _WRITERS[fmt](iter(keys), buffer, False)
    return buffer.getvalue()


def _batched(keys: Iterable[str], size: int = 65536) -> Iterator[list[str]]:
    batch: list[str] = []
    for key in keys:
        batch.append(key)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch




# ---- writers


def _write_ox(items: Iterable, fh: BinaryIO, fmt: ox.RdfFormat) -> None:
    prefixes = _TURTLE_PREFIXES if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else None
    try:
        ox.serialize(items, fh, fmt, prefixes=prefixes)
    except UnicodeError:
        raise
    except (ValueError, SyntaxError) as exc:  # an invalid IRI or language tag in the data
        raise OutputError(f"cannot write the graph as {fmt}: {exc}") from exc


def _write_text(keys: Iterator[str], fh: BinaryIO, checked: bool, fmt: ox.RdfFormat) -> None:
    """TriG, Turtle, N-Quads or N-Triples as pyoxigraph writes them: written by
    :mod:`kg.rdftext` when every IRI is known to be valid (a build), else by pyoxigraph,
    which checks them."""
    triples = fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES)
    if not checked:
        _write_ox(qk.oxigraph_quads(keys, triples, False), fh, fmt)
        return
    try:
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE):
            rdftext.write_trig(keys, fh, _TURTLE_PREFIXES, triples)
        else:
            rdftext.write_nquads(keys, fh, triples)
    except UnicodeError:
        raise
    except (ValueError, SyntaxError) as exc:  # an invalid language tag or literal in the data
        raise OutputError(f"cannot write the graph as {fmt}: {exc}") from exc


#: An empty plain string while rdflib makes the JSON-LD tree: its converter puts a
#: property's second value beside the first only when the first is truthy, so of ""
#: and another value of one property the "" was lost.  Written back as "" by
#: :func:`_sorted_json`.
_EMPTY_STRING = "\x00kg:empty-string\x00"


def _write_jsonld(triple_keys: Iterable[str], fh: BinaryIO, checked: bool = False) -> None:
    graph = Graph()
    for key in triple_keys:
        s, p, o = key.split(qk.SEP, 2)
        value = qk.rdflib_term(o)
        if isinstance(value, Literal) and value.datatype is None and not value.language and not str(value):
            value = Literal(_EMPTY_STRING)
        graph.add((qk.rdflib_term(s), qk.rdflib_term(p), value))
    document = from_rdf(graph, context_data=dict(_PREFIXES))
    # rdflib orders nodes and values by set iteration: sort them, JSON-LD arrays are sets
    text = json.dumps(_sorted_json(document), sort_keys=True, indent=1, ensure_ascii=False)
    fh.write(text.encode("utf-8"))
    fh.write(b"\n")


def _sorted_json(value):
    """``value`` with every JSON array sorted, except @list arrays (RDF lists keep order),
    and each empty string "" again (:data:`_EMPTY_STRING`)."""
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _sorted_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted_json(v) for v in value), key=_json_key)
    return "" if value == _EMPTY_STRING else value


def _json_key(value) -> tuple:
    """Node objects and references sort by ``@id`` (unique within one array), the rest
    by their JSON text."""
    if isinstance(value, dict) and "@id" in value:
        return (0, value["@id"])
    return (1, json.dumps(value, sort_keys=True, ensure_ascii=False))


#: Format -> writer of sorted keys (quad keys for formats with named graphs, else triple
#: keys) to a binary file; the flag says the IRIs in the keys are known to be valid.
_WRITERS: dict[str, Callable[[Iterator[str], BinaryIO, bool], None]] = {
    "trig": lambda keys, fh, ok: _write_text(keys, fh, ok, ox.RdfFormat.TRIG),
    "nquads": lambda keys, fh, ok: _write_text(keys, fh, ok, ox.RdfFormat.N_QUADS),
    "turtle": lambda keys, fh, ok: _write_text(keys, fh, ok, ox.RdfFormat.TURTLE),
    "nt": lambda keys, fh, ok: _write_text(keys, fh, ok, ox.RdfFormat.N_TRIPLES),
    "json-ld": _write_jsonld,
}

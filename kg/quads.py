"""Quads as sortable strings: what the graph stage hands to the writer.

kg's output is sorted (graph by graph, then by subject, predicate, object) so the same
corpus always gives the same bytes.  Sorting a million rdflib terms, or keeping them in
an rdflib Dataset first, costs more time and memory than reading the news, so the graph
stage makes one string per quad, a *quad key*, that sorts like the quad and holds all
of it:

* a term key is ``"0" + IRI``, ``"1" + blank node id`` or
  ``"2" + lexical form + NUL + datatype IRI + NUL + language tag`` (IRIs, then blank
  nodes, then literals; IRIs and language tags never hold a NUL, so no two terms share
  a key and a literal's lexical form may hold anything);
* a quad key is ``graph NUL subject NUL predicate NUL object`` with ``""`` as the graph
  of the default graph (which therefore sorts first); a triple key drops ``graph NUL``.

Subjects, predicates and graph names hold no NUL, so string order is the order of the
(graph, subject, predicate, object) tuples.  :class:`QuadSorter` sorts any number of
keys in bounded memory (sorted runs spilled to anonymous temporary files and merged),
and :func:`oxigraph_quads` / :func:`rdflib_quad` turn keys back into terms.
"""
from __future__ import annotations

import bisect
import io
import itertools
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph, Dataset
from rdflib.namespace import XSD

from kg import spill
from kg.errors import OutputError

SEP = "\x00"
IRI, BLANK, LITERAL = "0", "1", "2"
#: The graph key of the default graph.
DEFAULT_GRAPH = ""

#: Characters of keys held in memory before a sorted run is written to a temporary file
#: (about 3 bytes of memory per character with Python's string overhead): a corpus of
#: any size is written with about this much memory for its quads.
RUN_CHARS = 48_000_000
#: Keys per block of a spilled run: the merge holds one block of each run.
RUN_BLOCK = 4096

_XSD_INTEGER = str(XSD.integer)
_XSD_DECIMAL = str(XSD.decimal)
_XSD_BOOLEAN = str(XSD.boolean)

Term = URIRef | BNode | Literal


# ---- term and quad keys


def subject_range(prefix: str) -> tuple[str, str]:
    """``(low, high)``: the quad keys of the default graph whose subject is an IRI that
    begins with ``prefix`` are those ``low <= key < high`` (``prefix`` not empty)."""
    low = f"{SEP}{IRI}{prefix}"
    return low, low[:-1] + chr(ord(low[-1]) + 1)


def iri(value: str) -> str:
    """The key of the IRI ``value`` (a URIRef or a string minted by :mod:`kg.iris`); a plain
    ``str`` (``"0" + URIRef`` would be a URIRef, which hashes and compares unlike a str)."""
    return f"{IRI}{value}"


def literal(lexical: str, datatype: str = "", language: str = "") -> str:
    """The key of a literal: a plain string unless ``datatype`` or ``language`` is given."""
    return f"{LITERAL}{lexical}{SEP}{datatype}{SEP}{language}"


def integer(value: int) -> str:
    """The key of an xsd:integer literal (its lexical form as rdflib writes it)."""
    return f"{LITERAL}{int(value)}{SEP}{_XSD_INTEGER}{SEP}"


def decimal(value) -> str:
    """The key of an xsd:decimal literal of a :class:`decimal.Decimal`."""
    return f"{LITERAL}{value}{SEP}{_XSD_DECIMAL}{SEP}"


def boolean(value: bool) -> str:
    return f"{LITERAL}{'true' if value else 'false'}{SEP}{_XSD_BOOLEAN}{SEP}"


def quad(s: str, p: str, o: str, g: str = DEFAULT_GRAPH) -> str:
    """The key of the quad of four term keys (``g`` empty: the default graph)."""
    return f"{g}{SEP}{s}{SEP}{p}{SEP}{o}"


def triple_of(key: str) -> str:
    """The triple key of a quad key (its graph dropped)."""
    return key.split(SEP, 1)[1]


def term_key(term: Term) -> str:
    """The key of an rdflib term."""
    if type(term) is URIRef:  # the common case first; f-strings avoid URIRef.__radd__
        return f"{IRI}{term}"
    if isinstance(term, Literal):
        return f"{LITERAL}{term}{SEP}{term.datatype or ''}{SEP}{term.language or ''}"
    if isinstance(term, BNode):
        return f"{BLANK}{term}"
    if isinstance(term, URIRef):
        return f"{IRI}{term}"
    raise OutputError(f"cannot write the RDF term {term!r} ({type(term).__name__})")


def dataset_keys(ds: Graph) -> Iterator[str]:
    """The quad keys of every quad of ``ds``, graph by graph; a plain Graph's triples are
    in the default graph."""
    if not isinstance(ds, ConjunctiveGraph):  # Dataset is one too
        for s, p, o in ds:
            yield quad(term_key(s), term_key(p), term_key(o))
        return
    default = {DATASET_DEFAULT_GRAPH_ID}
    if not isinstance(ds, Dataset):
        default.add(ds.default_context.identifier)
    triples = ds.store.triples
    graphs = ds.graphs() if isinstance(ds, Dataset) else ds.contexts()
    for graph in graphs:  # graph by graph: 3x faster than ds.quads()
        g = DEFAULT_GRAPH if graph.identifier in default else term_key(graph.identifier)
        for (s, p, o), _ in triples((None, None, None), context=graph):
            yield quad(term_key(s), term_key(p), term_key(o), g)


# ---- keys back to terms


def split_quad(key: str) -> tuple[str, str, str, str]:
    """(graph, subject, predicate, object) term keys of a quad key."""
    g, s, p, o = key.split(SEP, 3)
    return g, s, p, o


def rdflib_term(key: str) -> Term:
    kind, rest = key[0], key[1:]
    if kind == IRI:
        return URIRef(rest)
    if kind == BLANK:
        return BNode(rest)
    lexical, datatype, language = rest.rsplit(SEP, 2)
    return Literal(lexical, datatype=URIRef(datatype) if datatype else None, lang=language or None)


def rdflib_quad(key: str) -> tuple[Term, Term, Term, Term | None]:
    """(s, p, o, graph name or None for the default graph) of a quad key, as rdflib terms."""
    g, s, p, o = split_quad(key)
    return rdflib_term(s), rdflib_term(p), rdflib_term(o), rdflib_term(g) if g else None


#: How a string literal's text is escaped, as pyoxigraph writes it in every syntax: the
#: quote, the backslash, named escapes for \b \t \n \f \r and ``\uXXXX`` for the other
#: control characters (parsers read all of them back).
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)}
_ESCAPES.update({ord("\b"): "\\b", ord("\t"): "\\t", ord("\n"): "\\n", ord("\f"): "\\f",
                 ord("\r"): "\\r", ord('"'): '\\"', ord("\\"): "\\\\"})
_NEEDS_ESCAPE = re.compile('[\x00-\x1f\x7f"\\\\]')


def escaped(lexical: str) -> str:
    """``lexical`` as the body of a string literal in N-Quads, N-Triples, Turtle or TriG."""
    return lexical.translate(_ESCAPES) if _NEEDS_ESCAPE.search(lexical) else lexical


def _nquads_term(key: str) -> str:
    kind = key[0]
    if kind == IRI:
        return f"<{key[1:]}>"
    if kind == BLANK:
        return f"_:{key[1:]}"
    lexical, datatype, language = key[1:].rsplit(SEP, 2)
    if language:
        return f'"{escaped(lexical)}"@{language}'
    if datatype:
        return f'"{escaped(lexical)}"^^<{datatype}>'
    return f'"{escaped(lexical)}"'


def nquads_chunks(keys: Iterable[str], triples: bool = False, lines: int = 4096) -> Iterator[bytes]:
    """N-Quads (``triples``: N-Triples) text of quad (triple) keys, ``lines`` lines a chunk.

    Raises UnicodeEncodeError for text that is not valid Unicode (a lone surrogate).
    """
    chunk: list[str] = []
    term = _nquads_term
    for key in keys:
        if triples:
            s, p, o = key.split(SEP, 2)
            g = DEFAULT_GRAPH
        else:
            g, s, p, o = key.split(SEP, 3)
        # IRIs, by far the most terms, are written inline: a call per term costs a third
        s = f"<{s[1:]}>" if s[0] == IRI else term(s)
        o = f"<{o[1:]}>" if o[0] == IRI else term(o)
        if not g:
            chunk.append(f"{s} <{p[1:]}> {o} .\n")
        else:
            chunk.append(f"{s} <{p[1:]}> {o} {f'<{g[1:]}>' if g[0] == IRI else term(g)} .\n")
        if len(chunk) == lines:
            yield "".join(chunk).encode("utf-8")
            chunk = []
    if chunk:
        yield "".join(chunk).encode("utf-8")


class _ChunkReader(io.RawIOBase):
    """A binary file over an iterator of byte chunks, read as it is needed."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._held = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._held:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._held = memoryview(chunk)
        size = min(len(buffer), len(self._held))
        buffer[:size] = self._held[:size]
        self._held = self._held[size:]  # a view: no copy of the rest
        return size


def oxigraph_quads(keys: Iterable[str], triples: bool = False, checked: bool = False) -> Iterator:
    """pyoxigraph quads (``triples``: in the default graph) of keys, in their order.

    Made by pyoxigraph's N-Quads parser from text written here: three times faster than
    making each term and quad from Python.  Raises SyntaxError for an invalid IRI, unless
    ``checked`` says every IRI was checked when it was made (:mod:`kg.iris` checks the
    IRIs it mints), which spares checking them again.
    """
    fmt = ox.RdfFormat.N_TRIPLES if triples else ox.RdfFormat.N_QUADS
    return ox.parse(_ChunkReader(nquads_chunks(keys, triples)), fmt, lenient=checked)


_XSD_STRING = str(XSD.string)


def oxigraph_term_key(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.DefaultGraph) -> str:
    """The key of a pyoxigraph term (a graph name too: the default graph's key is empty)."""
    if isinstance(term, ox.NamedNode):
        return f"{IRI}{term.value}"
    if isinstance(term, ox.Literal):
        if term.language:
            return literal(term.value, "", term.language)
        datatype = term.datatype.value
        return literal(term.value, "" if datatype == _XSD_STRING else datatype)
    if isinstance(term, ox.BlankNode):
        return f"{BLANK}{term.value}"
    if isinstance(term, ox.DefaultGraph):
        return DEFAULT_GRAPH
    raise OutputError(f"cannot key the RDF term {term!r} ({type(term).__name__})")


def oxigraph_quad_key(found: ox.Quad) -> str:
    """The key of a pyoxigraph quad."""
    key = oxigraph_term_key
    return quad(key(found.subject), key(found.predicate), key(found.object), key(found.graph_name))


# ---- sorting in bounded memory


class QuadSorter:
    """Keys in (any number, any order, repeats allowed), sorted unique keys out.

    Keys are held in memory until they total :data:`RUN_CHARS` characters; then they
    are sorted and written, as one run, to an anonymous temporary file in ``folder``
    (the system's temporary folder when None), which the system removes when it is
    closed, even if the process is killed.  Iterating merges the runs
    (:func:`merge_runs`).

    Keys are sorted as they came, repeats and all: a batch's keys come grouped by
    subject, an order the sort runs through quickly and that keeps neighbours near in
    memory; a set first would scatter them (sorting took twice as long).  Repeats are
    dropped as the sorted keys go out.
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None, run_chars: int = RUN_CHARS,
                 runs_file: BinaryIO | None = None) -> None:
        self.folder = folder
        self.run_chars = run_chars
        self._keys: list[str] = []
        self._chars = 0
        self._runs: list[BinaryIO] = []
        #: with ``runs_file``, the runs go there one after another (:meth:`write_runs`): the
        #: blocks of each
        self._file = runs_file
        self._run_blocks: list[list[tuple[str, int]]] = []
        self.count = 0  # keys added, repeats included

    def extend(self, keys: list[str]) -> None:
        self._keys.extend(keys)
        self.count += len(keys)
        self._chars += sum(map(len, keys))
        if self._chars >= self.run_chars:
            self._spill()

    @property
    def runs(self) -> int:
        """How many sorted runs were written to temporary files so far."""
        return len(self._runs)

    def _spill(self) -> None:
        keys = self._take()
        if self._file is not None:
            self._run_blocks.append(write_run(unique(keys), self._file))
            return
        fh = tempfile.TemporaryFile(dir=self.folder, prefix=".kg-sort-")
        self._runs.append(fh)
        write_run(keys, fh)

    def _take(self) -> list[str]:
        """The keys held, sorted (repeats kept), and none held any more."""
        keys = self._keys
        self._keys, self._chars = [], 0
        keys.sort()
        return keys

    def write_runs(self) -> list[list[tuple[str, int]]]:
        """With ``runs_file``: the keys held, sorted, as its last run; the blocks of every
        run in it (each as :func:`write_run` gives them).  The runs are not merged here: a
        reader merges them with the other workers' (:func:`merge_runs`), which reading
        them back and writing them again as one run here only repeated."""
        if self._file is None:
            raise ValueError("write_runs needs a runs_file")
        if self._keys or not self._run_blocks:
            self._spill()
        runs, self._run_blocks = self._run_blocks, []
        return [blocks for blocks in runs if blocks]

    def __iter__(self) -> Iterator[str]:
        if self._file is not None:
            raise ValueError("the runs of a sorter with a runs_file are read from it (write_runs)")
        held = self._take()
        if not self._runs:
            yield from unique(held)
            return
        yield from merge_runs([_blocks(held), *(run_blocks(fh) for fh in self._runs)])

    def close(self) -> None:
        for fh in self._runs:
            fh.close()
        self._runs.clear()
        self._keys, self._chars = [], 0

    def __enter__(self) -> QuadSorter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---- sorted runs in files


def write_run(keys: Iterable[str], fh: BinaryIO) -> list[tuple[str, int]]:
    """Append sorted ``keys`` to ``fh`` as a run, in blocks of :data:`RUN_BLOCK` keys
    (:mod:`kg.spill`); return the (first key, offset) of each block, so a reader can
    start at any key (:func:`run_blocks`)."""
    blocks: list[tuple[str, int]] = []
    keys = iter(keys)
    while block := list(itertools.islice(keys, RUN_BLOCK)):
        blocks.append((block[0], spill.dump(block, fh)))
    fh.flush()
    return blocks


def run_blocks(fh: BinaryIO, offset: int = 0) -> Iterator[list[str]]:
    """The blocks of sorted keys of the run in ``fh`` from the block at ``offset`` on
    (reads at its own offset: processes sharing the file do not move each other's
    position)."""
    return spill.values(fh, offset)


def read_run(fh: BinaryIO, offset: int = 0) -> Iterator[str]:
    """The keys of the run in ``fh`` from the block at ``offset`` on."""
    for block in run_blocks(fh, offset):
        yield from block


def _blocks(keys: list[str]) -> Iterator[list[str]]:
    """Sorted ``keys`` in blocks of :data:`RUN_BLOCK`."""
    for start in range(0, len(keys), RUN_BLOCK):
        yield keys[start:start + RUN_BLOCK]


def merge_runs(runs: Iterable[Iterable[list[str]]]) -> Iterator[str]:
    """The keys of ``runs`` (each a sequence of blocks of sorted keys, repeats allowed),
    sorted, without repeats.

    Merges a block at a time rather than a key at a time (:func:`heapq.merge` costs a
    Python step per key): every key up to the smallest last key of the blocks in hand
    can go, since no later block of any run holds a smaller one; those pieces, each
    sorted, are joined by one ``list.sort``, which merges sorted stretches in C.  Each
    round uses up at least one block, so a round's keys number about the runs times
    :data:`RUN_BLOCK`.
    """
    cursors: list[list] = []  # [block, position, the run's further blocks]
    for run in runs:
        blocks = iter(run)
        block = next(blocks, None)
        while block is not None and not block:
            block = next(blocks, None)
        if block is not None:
            cursors.append([block, 0, blocks])
    previous: str | None = None
    while cursors:
        bound = min(cursor[0][-1] for cursor in cursors)
        out: list[str] = []
        for cursor in cursors:
            block, at = cursor[0], cursor[1]
            cut = bisect.bisect_right(block, bound, at)
            out.extend(block[at:cut] if at or cut < len(block) else block)
            cursor[1] = cut
            while cursor[1] == len(cursor[0]):  # used up: the run's next block, if any
                block = next(cursor[2], None)
                if block is None:
                    cursor[0] = None
                    break
                cursor[0], cursor[1] = block, 0
        cursors = [cursor for cursor in cursors if cursor[0] is not None]
        out.sort()
        for key in out:
            if key != previous:
                yield key
                previous = key


def unique(keys: Iterable[str]) -> Iterator[str]:
    """Sorted ``keys`` without repeats."""
    previous = None
    for key in keys:
        if key != previous:
            yield key
            previous = key

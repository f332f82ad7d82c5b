"""Incremental rebuilds that patch the last output instead of writing it again.

A rebuild after a few articles changed reads only those (:mod:`kg.incremental`), but
making, sorting and writing the quads of every document again is most of its time.  Yet
a changed article changes few quads: its own (its kg:Document, assertion and statement
nodes and its named graph), the fact triples only it states, and what the corpus makes
together (entities, positions, co-mention ties, membership counts) where its actors,
memberships or positions changed.  So a build keeps, beside its output, a
:class:`GraphState`: for each document its article's hash, its entities as read, what it
gives the corpus-level quads and its fact triples (:class:`kg.graph.DocumentTrace`),
plus the entity table's IRIs, labels and quads.  The next build:

1. resolves the corpus's actors again, from the kept entities and the changed articles';
2. gives up (the full graph stage then runs) unless every actor an unchanged document
   names keeps its key, IRI and label, so that document's quads are unchanged;
3. makes the quads of the documents that are gone or changed (from their kept records,
   with the last build's entity table) and of the new ones; the fact triples are counted
   over all documents, so a triple leaves only with the last document stating it;
4. makes the corpus-level quads again from the documents' traces, and compares, if what
   the documents give them changed;
5. copies the last output, replacing only the parts (one subject's block of the default
   graph, or one document's named graph) whose quads changed: each part's old quads are
   read back from its text, which must write back to the same bytes, else it gives up.

The output is byte-identical to a full build's (tests build both after random edits).
Only TriG outputs are patched, and only by builds that keep no records in memory
(``kg build``).  The state is JSON lines of pooled numbers (a folder beside an output is
no place for data that runs code when read; :class:`GraphState`) and describes one
output file exactly: its inode, size and modification time, so an output changed by
anything else is rebuilt in full.
"""
from __future__ import annotations

import io
import json
import mmap
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import quads as qk
from kg import serialize
from kg.graph import DocumentTrace, QuadBuilder
from kg.incremental import MOST_CHANGED
from kg.rdfio import atomic_write
from kg.records import DocumentRecord, Entity
from kg.resolve import Resolution, rewrite_keys

#: The state's file, in the records folder beside the output (:mod:`kg.incremental`).
STATE_FILE = "graph.state"
#: The layout of the state: a state of another layout is not read.
STATE_LAYOUT = 1


@dataclass(slots=True)
class DocumentState:
    """What a build keeps of one document to patch its output later."""

    key: str  # the article's hash (kg.incremental.article_key)
    identifier: str
    words: int
    entities: list[Entity]  # as the nlp stage read them (resolution comes after)
    trace: DocumentTrace
    counts: list  # the build summary's counts of the document (kg.build)


class _Pool:
    """Values a state holds many times, each kept once and named by its number: documents
    name the same actors (a state is then a tenth of the size, and as much faster to read
    and write).  Numbers only grow, so a document's numbers stay valid from one patch
    to the next."""

    def __init__(self, table: list | None = None, hashable: Callable | None = None) -> None:
        self.table: list = table if table is not None else []
        self._hashable = hashable  # a value as a dict key (None: the value itself)
        self._numbers: dict | None = None  # made when first asked: reading a state needs none

    def __call__(self, value) -> int:
        numbers = self._numbers
        if numbers is None:
            hashable = self._hashable or (lambda v: v)
            numbers = self._numbers = {hashable(v): i for i, v in enumerate(self.table)}
        key = value if self._hashable is None else self._hashable(value)
        number = numbers.get(key)
        if number is None:
            number = numbers[key] = len(self.table)
            self.table.append(value)
        return number


def _hashable_variant(variant: list) -> tuple:
    key, label, kind, aliases, wikidata = variant
    return key, label, kind, tuple(aliases), wikidata


#: Fields of an encoded document (:meth:`GraphState.encode`).
_KEY, _IDENTIFIER, _WORDS, _ENTITIES, _TRACE, _COUNTS = range(6)


class GraphState:
    """What a build keeps beside its output to patch it (see the module docstring): the
    documents encoded as plain values, decoded only where a patch needs them.  The file
    is JSON lines: the tables, then one line per document, so a patch writes a kept
    document's line as it read it."""

    def __init__(self, fingerprint: str, format: str, mapping: dict[str, str],  # noqa: A002
                 entities: dict[str, Entity], tables: dict | None = None) -> None:
        tables = tables or {}
        self.fingerprint = fingerprint  # the record cache's: kg's code and data, the knowledge base, the model
        self.format = format
        self.mapping = mapping  # the resolution's key rewrites
        self.strings = _Pool(tables.get("strings"))
        # an entity as documents give it, but its count of mentions; and its number by its strings
        self.variants = _Pool(tables.get("variants"), _hashable_variant)
        self._variant_numbers: dict[tuple, int] = {}
        self.triples = _Pool(tables.get("triples"), tuple)  # (subject, predicate, object) of a quad or fact
        self.documents: list[list] = []  # encoded, in corpus order
        self._lines: dict[int, bytes] = {}  # id of an encoded document read from the file -> its line
        self._entities: dict[tuple[int, int], Entity] = {}  # decoded (variant, mentions), shared read-only
        if tables:
            text = self.strings.table
            self.iris = {text[k]: text[i] for k, i in tables["iris"]}  # entity key -> IRI
            self.labels = {text[i]: text[label] for i, label in tables["labels"]}  # IRI -> label
            self.entity_keys = [self.quad_key(t) for t in tables["entity_keys"]]  # the entity table's quads
        else:
            table = QuadBuilder()
            for key, entity in entities.items():
                table.entity(key, entity)
            self.iris, self.labels = table.iris, table.labels
            self.entity_keys = sorted(set(table.take()))

    def _triple(self, key: str) -> int:
        """The number of a default-graph quad key."""
        _, s, p, o = key.split(qk.SEP, 3)
        number = self.strings
        return self.triples([number(s), number(p), number(o)])

    def quad_key(self, triple: int) -> str:
        """The default-graph quad key of a triple's number."""
        text = self.strings.table
        s, p, o = self.triples.table[triple]
        return qk.quad(text[s], text[p], text[o])

    def add(self, document: DocumentState) -> list:
        """Encode ``document`` and add it (after the others); returns its encoding."""
        number = self.strings
        entities = [[self._variant(e), e.mentions] for e in document.entities]
        t = document.trace
        trace = [[number(a) for a in t.actors],
                 [[number(org), [number(m) for m in members]] for org, members in t.stated],
                 [[number(x) for x in position] for position in t.positions],
                 [self._triple(key) for key in t.shared]]
        triples, *others = document.counts
        encoded = [document.key, document.identifier, document.words, entities, trace,
                   [[self.triples([number(x) for x in triple]) for triple in triples], *others]]
        self.documents.append(encoded)
        return encoded

    def _variant(self, entity: Entity) -> int:
        """The number of an entity's variant (all of it but its count of mentions)."""
        key = (entity.key, entity.label, entity.type, tuple(entity.aliases), entity.wikidata)
        found = self._variant_numbers.get(key)
        if found is None:
            number = self.strings
            found = self._variant_numbers[key] = self.variants(
                [number(entity.key), number(entity.label), number(entity.type),
                 [number(a) for a in entity.aliases], entity.wikidata])
        return found

    def keep(self, encoded: list) -> None:
        """Add a document of the last state as it was (after the others)."""
        self.documents.append(encoded)

    def words(self) -> dict[str, int]:
        """Article hash -> words, of each document."""
        return {doc[_KEY]: doc[_WORDS] for doc in self.documents}

    def entities(self, encoded: list) -> list[Entity]:
        """The entities of an encoded document (objects shared with other documents: read only)."""
        out = []
        for variant, mentions in encoded[_ENTITIES]:
            entity = self._entities.get((variant, mentions))
            if entity is None:
                text = self.strings.table
                key, label, kind, aliases, wikidata = self.variants.table[variant]
                entity = self._entities[variant, mentions] = Entity(
                    text[key], text[label], text[kind], [text[a] for a in aliases], wikidata, mentions)
            out.append(entity)
        return out

    def trace(self, encoded: list) -> DocumentTrace:
        text = self.strings.table
        actors, stated, positions, shared = encoded[_TRACE]
        return DocumentTrace(tuple(text[a] for a in actors),
                             [(text[org], [text[m] for m in members]) for org, members in stated],
                             [tuple(text[x] for x in position) for position in positions],
                             [self.quad_key(triple) for triple in shared])

    def counts(self, encoded: list) -> list:
        """The summary's counts of an encoded document (:meth:`kg.build._Counts.counted`)."""
        text, table = self.strings.table, self.triples.table
        triples, *others = encoded[_COUNTS]
        return [[[text[x] for x in table[triple]] for triple in triples], *others]

    def save(self, folder: Path, output: Path) -> None:
        """Write the state of ``output`` (written just now) into ``folder``."""
        number = self.strings
        tables = {"iris": [[number(k), number(i)] for k, i in self.iris.items()],
                  "labels": [[number(i), number(label)] for i, label in self.labels.items()],
                  "entity_keys": [self._triple(key) for key in self.entity_keys]}
        head = {"layout": STATE_LAYOUT, "fingerprint": self.fingerprint, "format": self.format,
                "output": _identity(output), "mapping": self.mapping, **tables, "strings": self.strings.table,
                "variants": self.variants.table, "triples": self.triples.table}

        def line(value: object) -> bytes:
            return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")

        def write(fh: BinaryIO) -> None:
            fh.write(line(head))
            for doc in self.documents:
                fh.write(b"\n")
                fh.write(self._lines.get(id(doc)) or line(doc))

        atomic_write(folder / STATE_FILE, write)

    @classmethod
    def load(cls, folder: Path, output: Path, fingerprint: str, format: str) -> GraphState | None:  # noqa: A002
        """The state of ``output`` if one was kept for it as it is now, for this fingerprint
        and format; else None."""
        try:
            identity = _identity(output)
            lines = (folder / STATE_FILE).read_bytes().split(b"\n")
            head = json.loads(lines[0])
            if (head["layout"], head["fingerprint"], head["format"], head["output"]) != (
                    STATE_LAYOUT, fingerprint, format, identity):
                return None
            state = cls(fingerprint, format, head["mapping"], {}, head)
            for raw in lines[1:]:
                doc = json.loads(raw)
                state.documents.append(doc)
                state._lines[id(doc)] = raw
            return state
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None

    def successor(self, mapping: dict[str, str], entities: dict[str, Entity]) -> GraphState:
        """The state of a patch of this one's output, on this one's tables (numbers stay
        valid: tables only grow), so it keeps the documents it does not touch as they were."""
        new = GraphState(self.fingerprint, self.format, mapping, entities)
        new.strings, new.variants, new.triples, new._lines = self.strings, self.variants, self.triples, self._lines
        new._variant_numbers = self._variant_numbers
        return new


def _identity(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_ino, st.st_size, st.st_mtime_ns]


@dataclass(slots=True)
class Patched:
    """What a patch made: the corpus's entity table and the new state (saved already)."""

    entities: dict[str, Entity]
    state: GraphState


#: ``corpus[i]``: the article hash of the corpus's i-th document, and its record if it
#: was read now (None: the state has it).
Corpus = list[tuple[str, DocumentRecord | None]]


def patch(state: GraphState, output: Path, corpus: Corpus, old_record: Callable[[str], DocumentRecord | None],
          counts: Callable[[DocumentRecord], list], folder: Path) -> Patched | None:
    """Patch ``output`` (described by ``state``) into the graph of ``corpus``; the new
    state is saved in ``folder``.  ``old_record(key)`` gives the last build's record of a
    document that is gone or changed; ``counts(record)`` the summary's counts of a record.
    None (and nothing written) when the change cannot be patched."""
    kept = {doc[_KEY]: doc for doc in state.documents}
    new_keys = {key for key, _ in corpus}
    gone = [doc for doc in state.documents if doc[_KEY] not in new_keys]
    fresh = sum(record is not None for _, record in corpus)
    if fresh + len(gone) > MOST_CHANGED * max(1, len(corpus)) or len(kept) != len(state.documents):
        return None
    if any(record is None and key not in kept for key, record in corpus):
        return None
    identifiers = [record.identifier if record is not None else kept[key][_IDENTIFIER] for key, record in corpus]
    if len(set(identifiers)) != len(identifiers) or len(
            {doc[_IDENTIFIER] for doc in state.documents}) != len(state.documents):  # a graph of two documents
        return None
    raw = [record.entities if record is not None else state.entities(kept[key]) for key, record in corpus]
    resolution = Resolution(raw)
    new = state.successor(resolution.mapping, resolution.entities)
    if not _stable(state, new):
        return None

    old = QuadBuilder.knowing(state.iris, state.labels)
    old_own: set[str] = set()
    for doc in gone:
        record = old_record(doc[_KEY])
        if record is None:
            return None
        rewrite_keys(record, state.mapping)
        try:
            old.document(record)
        except ValueError:
            return None
        old_own.update(old.take())
    old_own.difference_update(state.quad_key(t) for doc in gone for t in doc[_TRACE][3])

    builder = QuadBuilder.knowing(new.iris, new.labels, traced=True)
    new_own: set[str] = set()
    added_documents = []
    for (key, record), entities in zip(corpus, raw, strict=True):
        if record is None:
            new.keep(kept[key])
            continue
        rewrite_keys(record, resolution.mapping)
        try:
            builder.document(record)
        except ValueError:
            return None
        trace = builder.traces[-1]
        new_own.update(builder.take())
        new_own.difference_update(trace.shared)
        added_documents.append(new.add(DocumentState(key, record.identifier, record.words, entities, trace,
                                                     counts(record))))

    left, came, still = _fact_triples(state, new, gone, added_documents)
    old_corpus, new_corpus = set(state.entity_keys), set(new.entity_keys)
    if _corpus_parts(state.documents) != _corpus_parts(new.documents):  # positions, ties, membership counts
        old_corpus.update(_corpus_quads(state))
        new_corpus.update(_corpus_quads(new))
    removed = (old_own - new_own) | left | (old_corpus - new_corpus)
    added = (new_own - old_own) | came | (new_corpus - old_corpus)
    removed = {k for k in removed if k not in new_own and k not in still and k not in new_corpus}
    if not _rewrite(output, removed, added):
        return None
    new.save(folder, output)
    return Patched(resolution.entities, new)


def _fact_triples(state: GraphState, new: GraphState, gone: list[list],
                  added: list[list]) -> tuple[set[str], set[str], set[str]]:
    """The default-graph fact triples (and held positions) that leave with the documents
    ``gone``, that come with those ``added``, and those of either that stay: a triple
    counts the documents stating it and leaves with the last one."""
    def triples(docs: list[list]) -> Iterator[int]:
        return (t for doc in docs for t in set(doc[_TRACE][3]))

    stated = Counter(triples(state.documents))
    touched = {t: stated[t] for t in (*triples(gone), *triples(added))}
    stated.subtract(triples(gone))
    stated.update(triples(added))
    left = {new.quad_key(t) for t, n in touched.items() if n and not stated[t]}
    came = {new.quad_key(t) for t, n in touched.items() if not n and stated[t]}
    return left, came, {new.quad_key(t) for t in touched if stated[t]}


def _corpus_parts(documents: list[list]) -> list:
    """What the encoded documents give the corpus-level quads, in order (numbers of one pool)."""
    return [doc[_TRACE][:3] for doc in documents]


def _corpus_quads(state: GraphState) -> list[str]:
    """The corpus-level quads of the state's documents."""
    builder = QuadBuilder.knowing(state.iris, state.labels)
    for doc in state.documents:
        builder.replay(state.trace(doc))
    builder.finish()
    return builder.take()


def _stable(state: GraphState, new: GraphState) -> bool:
    """Whether every entity key of the last build keeps its merged key, IRI and label
    (keys of documents gone may go; new keys may come)."""
    iris, labels, mapping = new.iris, new.labels, new.mapping
    for key, merged in state.mapping.items():
        if (key in iris or key in mapping) and mapping.get(key, key) != merged:
            return False
    for key, merged in mapping.items():
        if key in state.iris and state.mapping.get(key, key) != merged:
            return False
    if any(iris.get(key, iri) != iri for key, iri in state.iris.items()):
        return False
    return all(labels.get(iri, label) == label for iri, label in state.labels.items())


# ---- the output's parts


def _part(key: str) -> str:
    """The part of the output a quad key is written in: the block of its subject in the
    default graph (``SEP subject SEP``), or its named graph (``graph SEP``).  Parts sort
    as their keys do, and the writer writes each the same wherever it stands."""
    if key.startswith(qk.SEP):
        return key[:key.index(qk.SEP, 1) + 1]
    return key[:key.index(qk.SEP) + 1]


#: Below this many bytes, :meth:`_Parts.find` reads the parts one by one.
_LINEAR_BYTES = 4096


class _Parts:
    """The parts of a TriG output of kg's writer, found by bisection on its bytes: a part
    starts at a line that is neither indented nor a closing brace, and the parts sort by
    their keys."""

    def __init__(self, data: mmap.mmap | bytes, begin: int) -> None:
        self.data, self.begin, self.size = data, begin, len(data)

    def start_after(self, pos: int) -> int:
        """The first part starting at ``pos`` or after (the size if none)."""
        data = self.data
        if pos <= self.begin:
            return self.begin
        while True:
            newline = data.find(b"\n", pos - 1)
            if newline < 0 or newline + 1 >= self.size:
                return self.size
            pos = newline + 1
            if data[pos] not in b"\t}":
                return pos
            pos += 1

    def key(self, start: int) -> str:
        """The part key of the part starting at ``start``."""
        end = self.data.find(b"\n", start)
        line = self.data[start:end if end >= 0 else self.size].decode("utf-8")
        if not line.startswith("<"):
            raise ValueError("a part whose subject is not an IRI")
        iri = line[1:line.index(">")]
        if line.endswith(" {"):
            return f"{qk.IRI}{iri}{qk.SEP}"
        return f"{qk.SEP}{qk.IRI}{iri}{qk.SEP}"

    def find(self, part: str) -> int:
        """Where ``part`` starts, or would start (the first part sorting after it)."""
        lo, hi = self.begin, self.size
        while hi - lo > _LINEAR_BYTES:
            start = self.start_after((lo + hi) // 2)
            if start >= hi:
                break
            if self.key(start) < part:
                lo = start
            else:
                hi = start
        start = lo
        while start < hi and self.key(start) < part:
            start = self.start_after(start + 1)
        return start


def _rewrite(output: Path, removed: set[str], added: set[str]) -> bool:
    """Write ``output`` again with the quads ``removed`` gone and ``added`` in, copying
    every part neither touches; False (nothing written) if a part does not read back."""
    head = serialize.prefix_lines("trig")
    by_part: dict[str, tuple[set[str], set[str]]] = {}
    for keys, which in ((removed, 0), (added, 1)):
        for key in keys:
            by_part.setdefault(_part(key), (set(), set()))[which].add(key)
    with open(output, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size < len(head):
            return False
        data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            if data[:len(head)] != head:
                return False
            parts = _Parts(data, len(head))
            pieces: list[tuple[int, int] | bytes] = []  # old byte ranges and new parts, in order
            at = len(head)
            try:
                for part in sorted(by_part):
                    start = parts.find(part)
                    end, old = start, b""
                    if start < size and parts.key(start) == part:
                        end = parts.start_after(start + 1)
                        old = data[start:end]
                    quads = _read_part(head, old)
                    if quads is None:
                        return False
                    gone, new = by_part[part]
                    pieces.append((at, start))
                    pieces.append(_written(sorted((quads - gone) | new)))
                    at = end
            except (ValueError, UnicodeDecodeError):
                return False
            pieces.append((at, size))

            def write(out: BinaryIO) -> None:
                body = [p if isinstance(p, bytes) else data[p[0]:p[1]] for p in pieces]
                if any(body):  # else no quad is left: an empty file, as the writer leaves
                    out.write(head)
                    out.writelines(body)

            atomic_write(output, write)
        finally:
            data.close()
    return True


def _read_part(head: bytes, text: bytes) -> set[str] | None:
    """The quad keys of one part of the output, or None if they do not write back to ``text``."""
    if not text:
        return set()
    keys = {qk.oxigraph_quad_key(quad) for quad in ox.parse(head + text, ox.RdfFormat.TRIG)}
    return keys if _written(sorted(keys)) == text else None


def _written(keys: list[str]) -> bytes:
    out = io.BytesIO()
    serialize.write_part(iter(keys), out)
    return out.getvalue()


def iter_parts(data: bytes) -> Iterator[tuple[str, bytes]]:
    """Each part of a TriG output of kg's writer with its key, in order (for tests)."""
    head = serialize.prefix_lines("trig")
    parts = _Parts(data, len(head))
    start = parts.begin
    while start < len(data):
        end = parts.start_after(start + 1)
        yield parts.key(start), data[start:end]
        start = end

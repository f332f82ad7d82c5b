"""TriG, Turtle, N-Quads and N-Triples text of sorted quad keys, written here: pyoxigraph's bytes, sooner.

Writing a million sorted quads through pyoxigraph means turning each key into N-Quads
text, which pyoxigraph parses back into terms and writes again: half the write stage.
Most of kg's terms need no such round trip: a node IRI (outside every declared prefix,
in TriG and Turtle) is written as ``<IRI>``, a plain string as its escaped text, a
typed literal as its escaped text and datatype (in TriG and Turtle a canonical integer,
decimal or boolean bare).  So :func:`write_trig` and :func:`write_nquads` write those
themselves and ask pyoxigraph for the text of every other term once (an IRI a prefix
may shorten, a language tag, a blank node...), keeping the answer: the output is
pyoxigraph's byte for byte (tests compare the two on the seeds, the dev set and a zoo
of awkward terms).  TriG's layout is pyoxigraph's: ``subject predicate object`` with
``;`` before the next predicate of the subject and ``,`` before the next object of
the predicate, each named graph in ``<graph> { … }`` with its triples indented by a tab.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox
from rdflib.namespace import XSD

from kg import quads as qk

#: Literals written bare when their lexical form is in the Turtle grammar's own syntax.
_BARE = {
    str(XSD.integer): re.compile(r"[+-]?[0-9]+"),
    str(XSD.decimal): re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    str(XSD.boolean): re.compile(r"true|false"),
}
#: A probe subject, predicate and object around the term pyoxigraph is asked to write.
_PROBE = "http://example.org/kg-probe/"
#: The end of the key of a plain string (no datatype, no language).
_PLAIN = qk.SEP + qk.SEP
#: Texts of repeating objects kept at most (:class:`_Repeating`).
KEPT_TEXTS = 200_000
#: Lines of output held before they are written to the file.
_CHUNK_LINES = 8192


class _Terms:
    """The TriG text of term keys, in one position each (a subject, predicate, object or
    graph name), written here or asked of pyoxigraph once."""

    def __init__(self, prefixes: dict[str, str], fmt: ox.RdfFormat) -> None:
        self._prefixes = prefixes
        self._namespaces = tuple(prefixes.values())
        self._format = fmt
        self._bare = _BARE if prefixes else {}  # N-Quads writes no number bare
        self._asked: dict[tuple[int, str], str] = {}

    def node(self, key: str, position: int) -> str:
        """The text of a subject (0), predicate (1) or graph name (3) key."""
        if key[0] == qk.IRI and not (self._namespaces and key.startswith(self._namespaces, 1)):
            return f"<{key[1:]}>"
        return self._ask(key, position)

    def object(self, key: str) -> str:
        kind = key[0]
        if kind == qk.IRI:
            if not (self._namespaces and key.startswith(self._namespaces, 1)):
                return f"<{key[1:]}>"
        elif kind == qk.LITERAL:
            lexical, datatype, language = key[1:].rsplit(qk.SEP, 2)
            if not language:
                text = qk.escaped(lexical)
                if not datatype:
                    return f'"{text}"'
                bare = self._bare.get(datatype)
                if bare is not None and bare.fullmatch(lexical):
                    return lexical
                if not self._namespaces:  # N-Quads: every datatype in full
                    return f'"{text}"^^<{datatype}>'
        return self._ask(key, 2)

    def _ask(self, key: str, position: int) -> str:
        """pyoxigraph's text of ``key`` in ``position``, from a one-quad probe."""
        text = self._asked.get((position, key))
        if text is None:
            probe = [qk.iri(f"{_PROBE}{part}") for part in "spo"]
            graph = qk.DEFAULT_GRAPH
            if position == 3:
                graph = key
            else:
                probe[position] = key
            quad = next(qk.oxigraph_quads([qk.quad(*probe, graph)], checked=True))
            if self._format in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
                quad = quad.triple
            lines = ox.serialize([quad], format=self._format, prefixes=self._prefixes or None
                                 ).decode("utf-8").splitlines()
            others = [f"<{_PROBE}{part}>" for part in "spo"]
            if self._format == ox.RdfFormat.N_QUADS and position == 3:
                text = lines[-1].removeprefix(" ".join(others) + " ").removesuffix(" .")
            elif position == 3:
                text = next(line for line in lines if line.endswith(" {")).removesuffix(" {")
            else:
                line = lines[-2 if graph and self._format == ox.RdfFormat.TRIG else -1].lstrip("\t")
                line = line.removesuffix(" .")
                if graph:  # N-Quads: the graph name ends the line
                    line = line.rsplit(" ", 1)[0]
                head = "".join(f"{other} " for other in others[:position])
                tail = "".join(f" {other}" for other in others[position + 1:])
                text = line[len(head):len(line) - len(tail)]
            self._asked[position, key] = text
        return text


class _Repeating:
    """The texts of objects other than plain strings, kept: they repeat (node IRIs,
    classes, counts, dates), where a plain string is mostly one sentence's evidence.
    At most :data:`KEPT_TEXTS` are kept (then all are dropped), so memory stays bounded
    however large the corpus."""

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}

    def keep(self, key: str, text: str) -> None:
        if not key.endswith(_PLAIN):
            if len(self.kept) >= KEPT_TEXTS:
                self.kept.clear()
            self.kept[key] = text


def write_trig(keys: Iterator[str], fh: BinaryIO, prefixes: dict[str, str], triples: bool = False,
               head: bool = True) -> None:
    """Write sorted unique quad keys as TriG (``triples``: triple keys as Turtle) to
    ``fh``, as pyoxigraph writes them with ``prefixes``; every IRI in the keys must be
    valid (kg checks those it mints).  ``head=False`` leaves out the ``@prefix`` lines
    (a part of a file: :mod:`kg.patch`).  Raises UnicodeEncodeError for text that is not
    valid Unicode (a lone surrogate)."""
    terms = _Terms(prefixes, ox.RdfFormat.TURTLE if triples else ox.RdfFormat.TRIG)
    node, value = terms.node, terms.object
    predicates: dict[str, str] = {}
    objects = _Repeating()
    kept = objects.kept
    lines: list[str] = []
    graph = subject = predicate = None
    indent = ""
    for key in keys:
        if triples:
            g, (s, p, o) = qk.DEFAULT_GRAPH, key.split(qk.SEP, 2)
        else:
            g, s, p, o = key.split(qk.SEP, 3)
        text = kept.get(o)
        if text is None:
            text = value(o)
            objects.keep(o, text)
        if s == subject and g == graph:
            if p == predicate:
                lines.append(f" , {text}")
            else:
                p_text = predicates.get(p) or predicates.setdefault(p, node(p, 1))
                lines.append(f" ;\n{indent}\t{p_text} {text}")
                predicate = p
        else:
            if g != graph:
                if graph is None and head:  # the first quad: the prefixes first
                    lines.append(prefix_lines(prefixes).decode("utf-8"))
                if subject is not None:
                    lines.append(" .\n")
                if graph:
                    lines.append("}\n")
                if g:
                    lines.append(f"{node(g, 3)} {{\n")
                graph, subject, indent = g, None, "\t" if g else ""
            if subject is not None:
                lines.append(" .\n")
            p_text = predicates.get(p) or predicates.setdefault(p, node(p, 1))
            lines.append(f"{indent}{node(s, 0)} {p_text} {text}")
            subject, predicate = s, p
            if len(lines) >= _CHUNK_LINES:
                fh.write("".join(lines).encode("utf-8"))
                lines = []
    if subject is not None:
        lines.append(" .\n")
    if graph:
        lines.append("}\n")
    fh.write("".join(lines).encode("utf-8"))


def write_nquads(keys: Iterator[str], fh: BinaryIO, triples: bool = False) -> None:
    """Write sorted unique quad keys as N-Quads (``triples``: triple keys as N-Triples)
    to ``fh``, as pyoxigraph writes them; every IRI in the keys must be valid.  Raises
    UnicodeEncodeError for text that is not valid Unicode (a lone surrogate)."""
    terms = _Terms({}, ox.RdfFormat.N_TRIPLES if triples else ox.RdfFormat.N_QUADS)
    node = terms.node
    predicates: dict[str, str] = {}
    objects = _Repeating()
    kept, value = objects.kept, terms.object
    lines: list[str] = []
    graph = subject = None
    for key in keys:
        if triples:
            g, (s, p, o) = qk.DEFAULT_GRAPH, key.split(qk.SEP, 2)
        else:
            g, s, p, o = key.split(qk.SEP, 3)
        if s != subject:
            subject, s_text = s, node(s, 0)
        p_text = predicates.get(p) or predicates.setdefault(p, node(p, 1))
        o_text = kept.get(o)
        if o_text is None:
            o_text = value(o)
            objects.keep(o, o_text)
        if g:
            if g != graph:
                graph, g_text = g, node(g, 3)
            lines.append(f"{s_text} {p_text} {o_text} {g_text} .\n")
        else:
            lines.append(f"{s_text} {p_text} {o_text} .\n")
        if len(lines) >= _CHUNK_LINES:
            fh.write("".join(lines).encode("utf-8"))
            lines = []
    fh.write("".join(lines).encode("utf-8"))


def prefix_lines(prefixes: dict[str, str]) -> bytes:
    """The ``@prefix`` lines pyoxigraph starts a TriG or Turtle file with."""
    probe = ox.Triple(ox.NamedNode(f"{_PROBE}s"), ox.NamedNode(f"{_PROBE}p"), ox.NamedNode(f"{_PROBE}o"))
    written = ox.serialize([probe], format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return written[:written.index(f"<{_PROBE}s>".encode())]

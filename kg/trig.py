"""TriG and Turtle text of sorted quad keys, written here: pyoxigraph's bytes, a second sooner.

Writing a million sorted quads through pyoxigraph means turning each key into N-Quads
text, which pyoxigraph parses back into terms and writes again: two thirds of the write
stage.  Most of kg's terms need no such round trip: a node IRI outside every declared
prefix is written as ``<IRI>``, a plain string as its escaped text, a canonical
integer, decimal or boolean bare.  So :func:`write` writes those itself and asks
pyoxigraph for the text of every other term once (an IRI a prefix may shorten, a
date, a language tag, a blank node...), keeping the answer: the output is pyoxigraph's
byte for byte (tests compare the two on the seeds, the dev set and a zoo of awkward
terms), its layout being pyoxigraph's: ``subject predicate object`` with ``;`` before
the next predicate of the subject and ``,`` before the next object of the predicate,
each named graph in ``<graph> { … }`` with its triples indented by a tab.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox
from rdflib.namespace import XSD

from kg import quads as qk

#: Characters a TriG string must escape, and how pyoxigraph escapes them.
_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x20), 0x7F)}
_ESCAPES.update({ord("\b"): "\\b", ord("\t"): "\\t", ord("\n"): "\\n", ord("\f"): "\\f", ord("\r"): "\\r",
                 ord('"'): '\\"', ord("\\"): "\\\\"})
_NEEDS_ESCAPE = re.compile('[\x00-\x1f\x7f"\\\\]')
#: Literals written bare when their lexical form is in the Turtle grammar's own syntax.
_BARE = {
    str(XSD.integer): re.compile(r"[+-]?[0-9]+"),
    str(XSD.decimal): re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    str(XSD.boolean): re.compile(r"true|false"),
}
#: A probe subject, predicate and object around the term pyoxigraph is asked to write.
_PROBE = "http://example.org/kg-probe/"
#: Lines of output held before they are written to the file.
_CHUNK_LINES = 8192


class _Terms:
    """The TriG text of term keys, in one position each (a subject, predicate, object or
    graph name), written here or asked of pyoxigraph once."""

    def __init__(self, prefixes: dict[str, str], fmt: ox.RdfFormat) -> None:
        self._prefixes = prefixes
        self._namespaces = tuple(prefixes.values())
        self._format = fmt
        self._asked: dict[tuple[int, str], str] = {}

    def node(self, key: str, position: int) -> str:
        """The text of a subject (0), predicate (1) or graph name (3) key."""
        if key[0] == qk.IRI and not key.startswith(self._namespaces, 1):
            return f"<{key[1:]}>"
        return self._ask(key, position)

    def object(self, key: str) -> str:
        kind = key[0]
        if kind == qk.IRI:
            if not key.startswith(self._namespaces, 1):
                return f"<{key[1:]}>"
        elif kind == qk.LITERAL:
            lexical, datatype, language = key[1:].rsplit(qk.SEP, 2)
            if not datatype and not language:
                return f'"{lexical.translate(_ESCAPES) if _NEEDS_ESCAPE.search(lexical) else lexical}"'
            bare = _BARE.get(datatype)
            if bare is not None and not language and bare.fullmatch(lexical):
                return lexical
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
            if self._format == ox.RdfFormat.TURTLE:
                quad = quad.triple
            lines = ox.serialize([quad], format=self._format, prefixes=self._prefixes).decode("utf-8").splitlines()
            if position == 3:
                text = next(line for line in lines if line.endswith(" {")).removesuffix(" {")
            else:
                line = lines[-2 if graph else -1].lstrip("\t").removesuffix(" .")
                others = [f"<{_PROBE}{part}>" for part in "spo"]
                head = "".join(f"{other} " for other in others[:position])
                tail = "".join(f" {other}" for other in others[position + 1:])
                text = line[len(head):len(line) - len(tail)]
            self._asked[position, key] = text
        return text


def write(keys: Iterator[str], fh: BinaryIO, prefixes: dict[str, str], triples: bool = False) -> None:
    """Write sorted unique quad keys as TriG (``triples``: triple keys as Turtle) to
    ``fh``, as pyoxigraph writes them with ``prefixes``; every IRI in the keys must be
    valid (kg checks those it mints).  Raises UnicodeEncodeError for text that is not
    valid Unicode (a lone surrogate)."""
    terms = _Terms(prefixes, ox.RdfFormat.TURTLE if triples else ox.RdfFormat.TRIG)
    node, value = terms.node, terms.object
    # texts of predicates and of objects other than plain strings (those repeat: node
    # IRIs, classes, counts, dates; a plain string is mostly one sentence's evidence)
    predicates: dict[str, str] = {}
    objects: dict[str, str] = {}
    plain = qk.SEP + qk.SEP
    lines: list[str] = []
    graph = subject = predicate = None
    indent = ""
    for key in keys:
        if triples:
            g, (s, p, o) = qk.DEFAULT_GRAPH, key.split(qk.SEP, 2)
        else:
            g, s, p, o = key.split(qk.SEP, 3)
        text = objects.get(o)
        if text is None:
            text = value(o)
            if not o.endswith(plain):
                objects[o] = text
        if s == subject and g == graph:
            if p == predicate:
                lines.append(f" , {text}")
            else:
                p_text = predicates.get(p) or predicates.setdefault(p, node(p, 1))
                lines.append(f" ;\n{indent}\t{p_text} {text}")
                predicate = p
        else:
            if g != graph:
                if graph is None:  # the first quad: the prefixes first
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


def prefix_lines(prefixes: dict[str, str]) -> bytes:
    """The ``@prefix`` lines pyoxigraph starts a TriG or Turtle file with."""
    probe = ox.Triple(ox.NamedNode(f"{_PROBE}s"), ox.NamedNode(f"{_PROBE}p"), ox.NamedNode(f"{_PROBE}o"))
    written = ox.serialize([probe], format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return written[:written.index(f"<{_PROBE}s>".encode())]

"""Query results and their formats: plain Python rows, SPARQL 1.1 result files, media types.

Why apart from the engine: every store hands its answer to :func:`select_result` or
:func:`graph_result`, so the CLI, the Python API and the server serialize one
:class:`QueryResult` the same way whichever store ran the query.
"""
from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import OutputError
from kg.namespaces import PREFIXES, bind_prefixes
from kg.rdfio import WRITABLE

#: output format -> media type
MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "ttl": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "table": "text/plain; charset=utf-8",
}
RESULT_FORMATS = ("csv", "tsv", "json", "xml")
#: graph result format (its file suffix) -> rdflib format, from kg.rdfio's one table
GRAPH_OUTPUT_FORMATS = {fmt.suffix.lstrip("."): fmt.name for fmt in WRITABLE.values() if not fmt.quads}


@dataclass
class QueryResult:
    """The answer to one query, with plain Python rows and the RDF terms behind them."""

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False
    terms: list[tuple[Identifier | None, ...]] = field(default_factory=list, repr=False)

    def serialize(self, fmt: str) -> bytes:
        """Bytes in ``fmt``: csv/tsv/json/xml for SELECT and ASK, ttl/nt/jsonld for graphs."""
        if fmt == "table":
            return self.table().encode("utf-8")
        if self.graph is not None:
            if fmt not in GRAPH_OUTPUT_FORMATS:
                raise OutputError(
                    f"format {fmt!r} is for SELECT/ASK results; a {self.kind} result is a graph: "
                    f"use one of {', '.join(GRAPH_OUTPUT_FORMATS)}"
                )
            return self.graph.serialize(format=GRAPH_OUTPUT_FORMATS[fmt], encoding="utf-8")
        if fmt not in RESULT_FORMATS:
            if fmt in GRAPH_OUTPUT_FORMATS:
                raise OutputError(
                    f"format {fmt!r} is for graphs (CONSTRUCT/DESCRIBE); a {self.kind} result "
                    f"takes one of {', '.join(RESULT_FORMATS)}"
                )
            raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(MEDIA_TYPES)}")
        if fmt == "csv":
            return self._csv()
        if fmt == "tsv":
            return self._tsv()
        return self._rdflib_result().serialize(format=fmt, encoding="utf-8")

    def _rdflib_result(self) -> Result:
        result = Result(self.kind)
        if self.kind == "ASK":
            result.askAnswer = bool(self.boolean)
        else:
            result.vars = [Variable(v) for v in self.vars]
            result.bindings = [
                {Variable(v): t for v, t in zip(self.vars, row) if t is not None} for row in self.terms
            ]
        return result

    def _csv(self) -> bytes:
        # SPARQL 1.1 CSV: IRIs and literals as plain strings, blank nodes as _:label.
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        if self.kind == "ASK":
            writer.writerow(["_askResult"])
            writer.writerow(["true" if self.boolean else "false"])
        else:
            writer.writerow(self.vars)
            for row in self.terms:
                writer.writerow(["" if t is None else _csv_text(t) for t in row])
        return out.getvalue().encode("utf-8")

    def _tsv(self) -> bytes:
        # SPARQL 1.1 TSV: "?var" header, terms in Turtle/N-Triples syntax.
        if self.kind == "ASK":
            lines = ["?_askResult", "true" if self.boolean else "false"]
        else:
            lines = ["\t".join(f"?{v}" for v in self.vars)]
            lines += ["\t".join("" if t is None else _tsv_term(t) for t in row) for row in self.terms]
        return ("\n".join(lines) + "\n").encode("utf-8")

    def table(self, max_width: int = 60) -> str:
        """A readable text table (IRIs shortened with kg's prefixes), ending with a row count."""
        if self.kind == "ASK":
            return ("yes" if self.boolean else "no") + "\n"
        if self.graph is not None:
            headers = ["subject", "predicate", "object"]
            cells = [[_short(t) for t in triple] for triple in sorted(self.graph)]
        else:
            headers = list(self.vars)
            cells = [["" if t is None else _short(t) for t in row] for row in self.terms]
        cells = [[_clip(c, max_width) for c in row] for row in cells]
        widths = [len(h) for h in headers]
        for row in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, row)]
        line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
        out = [line(headers), line(["-" * w for w in widths])]
        out += [line(row) for row in cells]
        noun = "triple" if self.graph is not None else "row"
        count = len(cells)
        footer = f"({count} {noun}{'' if count == 1 else 's'}{', truncated' if self.truncated else ''})"
        return "\n".join(out + [footer]) + "\n"


def media_type(fmt: str) -> str:
    """The HTTP media type of an output format (``"json"`` -> SPARQL results JSON)."""
    try:
        return MEDIA_TYPES[fmt]
    except KeyError:
        raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(MEDIA_TYPES)}") from None


def _csv_text(term: Identifier) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _tsv_term(term: Identifier) -> str:
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        term = Literal(str(term))
    return term.n3().replace("\t", "\\t")


_PREFIX_BY_LENGTH = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def _short(term: Identifier) -> str:
    if isinstance(term, URIRef):
        text = str(term)
        for ns, prefix in _PREFIX_BY_LENGTH:
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_python(term: Identifier | None) -> object:
    """A plain Python value: str for IRIs/strings, int/float/bool/date for typed literals."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float | str | datetime.date | datetime.time):
            return value
        if isinstance(value, Decimal):
            return float(value)
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def select_result(variables: list[str], rows: Iterator[Iterable[Any]], limit: int | None,
                  convert: Callable[[Any], Identifier | None] | None = None) -> QueryResult:
    """A SELECT result from a store's rows of terms, cut after ``limit`` rows (None: all).

    ``convert`` turns a store's own term (a pyoxigraph term) into an rdflib term.  Each
    distinct term of the result is converted once: names, dates, IRIs and counts repeat
    from row to row, and building rdflib terms and their Python values was a tenth of the
    time of a 100-row cookbook answer on Oxigraph.
    """
    terms: list[tuple[Identifier | None, ...]] = []
    values: list[tuple[object, ...]] = []
    seen: dict[Any, tuple[Identifier | None, object]] = {None: (None, None)}
    truncated = False
    for row in rows:
        if limit is not None and len(terms) >= limit:
            truncated = True
            break
        row_terms = []
        row_values = []
        for raw in row:
            try:
                term, value = seen[raw]
            except KeyError:
                term = _normal(raw if convert is None else convert(raw))
                value = to_python(term)
                seen[raw] = (term, value)
            row_terms.append(term)
            row_values.append(value)
        terms.append(tuple(row_terms))
        values.append(tuple(row_values))
    return QueryResult("SELECT", vars=variables, rows=values, terms=terms, truncated=truncated)


def _normal(term: Identifier | None) -> Identifier | None:
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


def graph_result(kind: str, graph: Graph, limit: int | None) -> QueryResult:
    """A CONSTRUCT or DESCRIBE result from a store's graph, cut after ``limit`` triples."""
    out = bind_prefixes(Graph())
    truncated = False
    for count, triple in enumerate(graph):
        if limit is not None and count >= limit:
            truncated = True
            break
        out.add(triple)
    return QueryResult(kind, graph=out, truncated=truncated)

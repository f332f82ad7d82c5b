"""Ask the graph: SPARQL over a built graph, on rdflib or Oxigraph, plus a cookbook.

``load(path)`` reads a graph file (.trig, .nq, .ttl, .nt, .jsonld) into one of two
in-memory stores and returns a :class:`KgGraph`; ``KgGraph.query`` runs SPARQL with
kg's prefixes declared and ``params`` bound as variables; ``KgGraph.ask`` runs a
named question of the cookbook (``kg/queries/*.rq``).  Results are
:class:`QueryResult` objects with plain Python rows and the SPARQL 1.1 result
serializations.

Safety lives here, so the CLI, the Python API and the server all get it: SERVICE
is refused, updates raise :class:`UpdateRefused`, and ``FROM`` / ``FROM NAMED``
only name graphs already in the store (kg never fetches a URL nor reads a file
for a query).  See docs/query.md.
"""
from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping
from urllib.parse import urljoin

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import InputError, OutputError, QueryError, UsageError
from kg.namespaces import KG, PREFIXES, bind_prefixes

STORES = ("rdflib", "oxigraph")

#: graph file suffix -> (rdflib format, Oxigraph format)
GRAPH_FORMATS: dict[str, tuple[str, ox.RdfFormat]] = {
    ".trig": ("trig", ox.RdfFormat.TRIG),
    ".nq": ("nquads", ox.RdfFormat.N_QUADS),
    ".ttl": ("turtle", ox.RdfFormat.TURTLE),
    ".nt": ("nt", ox.RdfFormat.N_TRIPLES),
    ".jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
}

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
GRAPH_OUTPUT_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


class UpdateRefused(QueryError):
    """A SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP, …): kg graphs are read-only."""


# --------------------------------------------------------------------------- results


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


# --------------------------------------------------------------------------- the scanner


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u00c0-\uffff]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<bnode>_:[\w\-.\u00b7\u00c0-\uffff]*)
  | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:(?:\\.|[\w\-.:%\u00b7\u00c0-\uffff])*)
  | (?P<word>[A-Za-z_][\w\-]*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class _Scan:
    """What kg must know about a query before running it, read from its tokens."""

    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE
    dataset: tuple[tuple[bool, str], ...]  # (named?, graph IRI) for each FROM [NAMED]
    group_braces: tuple[int, ...]  # offsets of the "{" opening each group graph pattern


@lru_cache(maxsize=512)
def _scan(sparql: str) -> _Scan:
    """Tokenize ``sparql`` to refuse SERVICE and updates, and find FROM and the WHERE group.

    A lexer, not a regex on the raw text: keywords inside strings, IRIs, comments,
    variables or prefixed names do not count.
    """
    tokens = [
        (m.lastgroup, m.group(), m.start())
        for m in _TOKEN.finditer(sparql)
        if m.lastgroup not in ("ws", "comment")
    ]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    base: str | None = None
    form: str | None = None
    for i, (kind, text, _) in enumerate(tokens):
        if kind != "word":
            continue
        word = text.upper()
        if word in UPDATE_KEYWORDS:
            raise UpdateRefused(f"{word} is a SPARQL update; kg graphs are read-only (only SELECT, ASK, CONSTRUCT, DESCRIBE)")
        if word == "SERVICE":
            raise QueryError("SERVICE is refused: kg never sends a query to another endpoint")
        if word == "PREFIX" and form is None and i + 2 < len(tokens) and tokens[i + 2][0] == "iri":
            prefixes[tokens[i + 1][1].rstrip(":")] = tokens[i + 2][1][1:-1]
        if word == "BASE" and form is None and i + 1 < len(tokens) and tokens[i + 1][0] == "iri":
            base = tokens[i + 1][1][1:-1]
        if word in QUERY_FORMS and form is None:
            form = word
    for kind, text, offset in tokens:
        if kind == "pname" and text.partition(":")[0] not in prefixes:
            line, column = sparql.count("\n", 0, offset) + 1, _column(sparql, offset) + 1
            known = ", ".join(PREFIXES)
            raise QueryError(f"line {line}, column {column}: unknown prefix {text.partition(':')[0] + ':'!r} (declared for you: {known})")
    dataset: list[tuple[bool, str]] = []
    for i, (kind, text, _) in enumerate(tokens):
        if kind == "word" and text.upper() == "FROM":
            j = i + 1
            named = j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "NAMED"
            j += named
            if j < len(tokens):
                target = _resolve(tokens[j], prefixes, base)
                if target is not None:
                    dataset.append((named, target))
    return _Scan(form or "", tuple(dataset), _group_braces(tokens, form))


def _resolve(token: tuple[str | None, str, int], prefixes: dict[str, str], base: str | None) -> str | None:
    kind, text, _ = token
    if kind == "iri":
        iri = text[1:-1]
        return urljoin(base, iri) if base else iri
    if kind == "pname":
        prefix, _, local = text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def _group_braces(tokens: list[tuple[str | None, str, int]], form: str | None) -> tuple[int, ...]:
    """Offsets of every "{" that opens a group graph pattern, where parameters are bound.

    Not a CONSTRUCT template, not a VALUES data block, not the "{" that only wraps a
    sub-SELECT (its own WHERE group is counted instead), not an OPTIONAL group (its
    left join with the enclosing group, which is bound, gives the same rows).
    """
    skip: set[int] = set()
    for i, (kind, text, _) in enumerate(tokens):
        if kind != "word":
            continue
        word = text.upper()
        if word == "CONSTRUCT" and i + 1 < len(tokens) and tokens[i + 1][1] in ("{",) and tokens[i + 1][0] == "punct":
            skip.add(i + 1)  # the template
        elif word == "CONSTRUCT" and i + 2 < len(tokens) and tokens[i + 1][1].upper() == "WHERE":
            skip.add(i + 2)  # CONSTRUCT WHERE { … }: a template too
        elif word == "VALUES":
            j = i + 1
            if j < len(tokens) and tokens[j][1] == "(":
                while j < len(tokens) and tokens[j][1] != ")":
                    j += 1
            skip.add(j + 1)
    braces = []
    # one frame per open "{": does it (or an enclosing group of the same query level)
    # sit inside an OPTIONAL?  A sub-SELECT starts a new level: its WHERE group is bound.
    inside_optional: list[bool] = []
    select_next = False  # the next "{" after SELECT … WHERE opens a sub-SELECT's group
    for i, (kind, text, offset) in enumerate(tokens):
        if kind == "word" and text.upper() == "SELECT":
            select_next = True
            continue
        if kind != "punct" or text not in "{}":
            continue
        if text == "}":
            if inside_optional:
                inside_optional.pop()
            continue
        outer = inside_optional[-1] if inside_optional else False
        if i in skip:  # a template or a VALUES block: no pattern inside
            inside_optional.append(outer)
            continue
        if i + 1 < len(tokens) and tokens[i + 1][0] == "word" and tokens[i + 1][1].upper() == "SELECT":
            inside_optional.append(outer)  # only wraps a sub-SELECT
            continue
        if select_next:
            select_next = False
            inside_optional.append(False)
            braces.append(offset)
            continue
        if i > 0 and tokens[i - 1][0] == "word" and tokens[i - 1][1].upper() == "OPTIONAL":
            # The enclosing group already binds the variables and the left join keeps
            # them; a VALUES block in an OPTIONAL group, or in any group nested in it
            # (GRAPH, UNION), makes Oxigraph evaluate the OPTIONAL on its own over the
            # whole store (0.5 ms -> 130 ms on a million triples).
            inside_optional.append(True)
            continue
        inside_optional.append(outer)
        if not outer:
            braces.append(offset)
    return tuple(braces)


# --------------------------------------------------------------------------- params


def param_term(value: object) -> Identifier:
    """The RDF term a parameter value stands for.

    An rdflib term is kept; ``<…>``, ``http(s)://…``, ``urn:…`` and ``prefix:name``
    with one of kg's prefixes are IRIs; int/float/bool/date become typed literals;
    any other string (``"CSTO"``, ``"Putin"``) is a plain literal.
    """
    if isinstance(value, Identifier):
        return value
    if isinstance(value, bool | int | float | Decimal | datetime.date):
        return Literal(value)
    if not isinstance(value, str):
        raise UsageError(f"parameter value {value!r} is not a string, number, boolean or date")
    text = value.strip()
    if text.startswith("<") and text.endswith(">") and len(text) > 2:
        return _iri(text[1:-1])
    if re.match(r"^(https?|urn|file|mailto|ftp):\S+$", text):
        return _iri(text)
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES and local and " " not in local:
        return _iri(str(PREFIXES[prefix]) + local)
    return Literal(value)


def _iri(text: str) -> URIRef:
    if re.search(r'[\s<>"{}|\\^`]', text):
        raise UsageError(f"parameter {text!r} is not a valid IRI")
    return URIRef(text)


# --------------------------------------------------------------------------- the graph


class KgGraph:
    """A built graph loaded in memory, ready for SPARQL."""

    def __init__(self, path: Path, store: str, dataset: Dataset | None, oxstore: ox.Store | None, size: int, graph_names: frozenset[str]):
        self.path = path
        self.store = store
        self._dataset = dataset
        self._ox = oxstore
        self._size = size
        self.graph_names = graph_names

    def __len__(self) -> int:
        return self._size

    def __repr__(self) -> str:
        return f"<KgGraph {self.path} store={self.store} quads={self._size}>"

    def query(self, sparql: str, params: Mapping[str, object] | None = None, *, limit: int | None = None) -> QueryResult:
        """Run ``sparql`` with ``params`` bound as variables; ``limit`` caps the rows (sets ``truncated``)."""
        if not isinstance(sparql, str) or not sparql.strip():
            raise QueryError("empty query")
        scan = _scan(sparql)
        if scan.form not in QUERY_FORMS:
            raise QueryError("line 1, column 1: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
        for named, name in scan.dataset:
            if name not in self.graph_names:
                clause = "FROM NAMED" if named else "FROM"
                raise QueryError(
                    f"{clause} <{name}>: no graph of that name in this dataset "
                    "(FROM only names the document graphs already loaded; kg never fetches URLs or files)"
                )
        bindings = {str(k).lstrip("?$"): param_term(v) for k, v in (params or {}).items()}
        for name in bindings:
            if not re.fullmatch(r"[A-Za-z_][\w]*", name):
                raise UsageError(f"parameter name {name!r} is not a SPARQL variable name")
        if limit is not None and limit < 0:
            raise UsageError("limit must be zero or more")
        if self._ox is not None:
            return self._query_oxigraph(sparql, scan, bindings, limit)
        return self._query_rdflib(sparql, bindings, limit)

    def ask(self, name: str, params: Mapping[str, object] | None = None, *, limit: int | None = None) -> QueryResult:
        """Run the cookbook question ``name`` (see :func:`cookbook`)."""
        question = question_named(name)
        if question.pages_below(limit):
            limit = question.rows
        bindings = question.bindings(params or {})
        for param in question.params:
            if param.names and param.name in bindings:
                bindings[param.name] = self.spelling(bindings[param.name])
            elif param.relation and param.name in bindings:
                bindings[param.name] = relation_iri(bindings[param.name])
        return self.query(question.text_for(bindings), bindings, limit=limit)

    def spelling(self, value: object) -> Identifier:
        """The label or alias exactly as the graph writes it, for a name in any case or an IRI.

        The cookbook matches names with a plain triple pattern (``?e rdfs:label|skos:altLabel
        ?org``), which both engines answer from an index; this look-up makes that match
        case-insensitive.  An IRI gives its rdfs:label; an exact spelling wins over other
        cases, then the first in sorted order; no match leaves the value as it is.
        """
        term = param_term(value)
        if isinstance(term, URIRef):
            found = self.query(_LABEL_OF, {"e": term})
        elif self.query(_EXACT_SPELLING, {"name": term}).boolean:
            return term  # an index look-up; the case-insensitive scan reads every label
        else:
            found = self.query(_SPELLINGS, {"name": term})
        spellings = sorted((row[0] for row in found.terms if row[0] is not None), key=str)
        if not spellings:
            return term
        exact = [t for t in spellings if str(t) == str(term)]
        return (exact or spellings)[0]

    # -- rdflib ------------------------------------------------------------------

    def _query_rdflib(self, sparql: str, bindings: dict[str, Identifier], limit: int | None) -> QueryResult:
        from rdflib.plugins.sparql.evaluate import evalPart
        from rdflib.plugins.sparql.sparql import QueryContext, SPARQLError

        query = _rdflib_parse(sparql)
        main = query.algebra
        ctx = QueryContext(self._dataset, initBindings={Variable(k): v for k, v in bindings.items()})
        if main.datasetClause:  # name graphs of the store, never load anything
            ctx.graph, ctx._dataset = self._rdflib_dataset(main.datasetClause)
        ctx.prologue = query.prologue
        try:
            res = evalPart(ctx, main)
            kind = res["type_"]
            if kind == "ASK":
                return QueryResult("ASK", boolean=bool(res["askAnswer"]))
            if kind in ("CONSTRUCT", "DESCRIBE"):
                return _graph_result(kind, res["graph"], limit)
            variables = [str(v) for v in res["vars_"]]
            keys = [Variable(v) for v in variables]
            rows: Iterable[Any] = res["bindings"]
            if _groups_by(main):
                # rdflib yields one empty solution for a GROUP BY over no solutions,
                # where SPARQL (and Oxigraph) give no group at all.
                rows = (row for row in rows if any(row.get(k) is not None for k in keys))
            return _select_result(variables, ((row.get(k) for k in keys) for row in rows), limit)
        except (SPARQLError, TypeError, ValueError, KeyError, AttributeError) as exc:
            raise QueryError(f"the query could not run: {_one_line(exc)}") from None

    def _rdflib_dataset(self, clause: Iterable[Any]) -> tuple[Graph, Dataset]:
        default = Graph()
        named = Dataset()
        for item in clause:
            if item.default:
                default += self._dataset.graph(URIRef(item.default))
            elif item.named:
                named.graph(URIRef(item.named)).__iadd__(self._dataset.graph(URIRef(item.named)))
        return default, named

    # -- Oxigraph ----------------------------------------------------------------

    def _query_oxigraph(self, sparql: str, scan: _Scan, bindings: dict[str, Identifier], limit: int | None) -> QueryResult:
        text = sparql
        if bindings:
            # Oxigraph has no initBindings: a VALUES block opening every group binds the
            # variables everywhere, as rdflib's initBindings do (terms escaped by rdflib).
            if not scan.group_braces:
                raise QueryError("parameters need a WHERE { … } group to be bound in")
            values = _values_block(bindings)
            for offset in reversed(scan.group_braces):
                text = text[: offset + 1] + values + text[offset + 1 :]
        try:
            answer = self._ox.query(text, prefixes=_OX_PREFIXES)
            if isinstance(answer, ox.QueryBoolean):
                return QueryResult("ASK", boolean=bool(answer))
            if isinstance(answer, ox.QueryTriples):
                graph = Graph()
                for triple in answer:
                    graph.add((_from_ox(triple.subject), _from_ox(triple.predicate), _from_ox(triple.object)))
                return _graph_result("CONSTRUCT" if scan.form == "CONSTRUCT" else "DESCRIBE", graph, limit)
            variables = [v.value for v in answer.variables]
            keys = list(answer.variables)
            return _select_result(variables, ((_from_ox(sol[k]) for k in keys) for sol in answer), limit)
        except SyntaxError as exc:
            # Oxigraph's parser often points at the end of the text; rdflib's parser
            # points near the mistake, so its message is used when it also fails.
            try:
                _rdflib_parse(sparql)
            except QueryError as better:
                raise better from None
            raise QueryError(_oxigraph_syntax(exc)) from None
        except (OSError, RuntimeError, ValueError, TypeError) as exc:
            raise QueryError(f"the query could not run: {_one_line(exc)}") from None


_LABEL_OF = "SELECT ?label WHERE { ?e rdfs:label ?label }"
_EXACT_SPELLING = "ASK { ?e rdfs:label|skos:altLabel ?name }"
_SPELLINGS = (
    "SELECT DISTINCT ?label WHERE { ?e rdfs:label|skos:altLabel ?label . "
    "FILTER(LCASE(STR(?label)) = LCASE(STR(?name))) }"
)

_OX_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}


def _values_block(bindings: dict[str, Identifier]) -> str:
    """`` VALUES (?a ?b) { (t1 t2) } `` with each term serialized (and escaped) by rdflib."""
    names = " ".join(Variable(k).n3() for k in bindings)
    terms = " ".join(_n3(t) for t in bindings.values())
    return f" VALUES ({names}) {{ ({terms}) }} "


def _n3(term: Identifier) -> str:
    if isinstance(term, BNode):
        raise UsageError("a parameter cannot be a blank node")
    return term.n3()  # URIRef.n3 refuses IRIs with characters that would end the IRI


def _column(text: str, offset: int) -> int:
    return offset - (text.rfind("\n", 0, offset) + 1)


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


def _select_result(variables: list[str], rows: Iterator[Iterable[Identifier | None]], limit: int | None) -> QueryResult:
    terms: list[tuple[Identifier | None, ...]] = []
    truncated = False
    for row in rows:
        if limit is not None and len(terms) >= limit:
            truncated = True
            break
        terms.append(tuple(_normal(t) for t in row))
    return QueryResult(
        "SELECT",
        vars=variables,
        rows=[tuple(to_python(t) for t in row) for row in terms],
        terms=terms,
        truncated=truncated,
    )


def _normal(term: Identifier | None) -> Identifier | None:
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


def _graph_result(kind: str, graph: Graph, limit: int | None) -> QueryResult:
    out = bind_prefixes(Graph())
    truncated = False
    for count, triple in enumerate(graph):
        if limit is not None and count >= limit:
            truncated = True
            break
        out.add(triple)
    return QueryResult(kind, graph=out, truncated=truncated)


# --------------------------------------------------------------------------- parsing & errors


@lru_cache(maxsize=256)
def _rdflib_parse(sparql: str) -> Any:
    """The rdflib algebra of ``sparql`` (cached: the cookbook is parsed once per process)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
        _unescape_local_names(tree)
        query = translateQuery(tree, initNs={p: URIRef(str(ns)) for p, ns in PREFIXES.items()})
    except ParseException as exc:
        raise QueryError(f"line {exc.lineno}, column {exc.col}: {_lower_first(exc.msg)}, found {_found(exc)}") from None
    except Exception as exc:  # rdflib raises bare Exceptions for unknown prefixes and the like
        raise QueryError(_one_line(exc)) from None
    if _uses_service(query.algebra):
        raise QueryError("SERVICE is refused: kg never sends a query to another endpoint")
    return query


def _unescape_local_names(node: Any) -> None:
    """``id:person\\/vladimir-putin`` -> ``…/person/vladimir-putin``: rdflib keeps the backslash."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "pname" and "\\" in (node.get("localname") or ""):
            node["localname"] = re.sub(r"\\(.)", r"\1", node["localname"])
        for value in node.values():
            _unescape_local_names(value)
    elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        for value in node:
            _unescape_local_names(value)


def _groups_by(node: Any) -> bool:
    """True when the outer SELECT has a GROUP BY clause (sub-selects are not looked at)."""
    while node is not None and hasattr(node, "name"):
        if node.name == "AggregateJoin":
            return node.p.expr is not None
        if node.name not in ("SelectQuery", "Project", "OrderBy", "Slice", "Distinct", "Reduced", "Extend", "Filter"):
            return False
        node = node.get("p")
    return False


def _found(exc: Any) -> str:
    line = exc.line or ""
    rest = line[exc.col - 1 :].split()
    return repr(rest[0]) if rest else "end of text"


def _uses_service(node: Any) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_uses_service(v) for v in node.values())
    if isinstance(node, list | tuple):
        return any(_uses_service(v) for v in node)
    return False


def _oxigraph_syntax(exc: SyntaxError) -> str:
    message = _one_line(exc)
    found = re.match(r"error at (\d+):(\d+): (.*)", message)
    if not found:
        return message
    line, column, rest = int(found[1]), int(found[2]), found[3]
    if len(rest) > 160:
        rest = rest[:159] + "…"
    return f"line {line}, column {column}: {rest}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text


# --------------------------------------------------------------------------- loading


def load(path: str | Path, store: str = "rdflib") -> KgGraph:
    """Load a graph file (.trig, .nq, .ttl, .nt, .jsonld) into an in-memory store.

    ``store="rdflib"``: an rdflib ``Dataset(default_union=True)``.  ``store="oxigraph"``:
    a ``pyoxigraph.Store`` whose default graph also holds every triple of the named
    graphs (the set union, as rdflib sees it).
    """
    if store not in STORES:
        raise UsageError(f"unknown store {store!r}; choose one of {', '.join(STORES)}")
    path = Path(path)
    if not path.exists():
        raise InputError(f"graph file not found: {path}")
    if not path.is_file():
        raise InputError(f"not a graph file: {path}")
    suffix = path.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise InputError(f"unknown graph format {suffix or path.name!r}; expected one of {', '.join(GRAPH_FORMATS)}")
    rdflib_format, ox_format = GRAPH_FORMATS[suffix]
    if store == "oxigraph":
        return _load_oxigraph(path, ox_format)
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(str(path), format=rdflib_format)
    except Exception as exc:  # every rdflib parser has its own exception types
        raise InputError(f"cannot parse {path}: {_one_line(exc)}") from None
    bind_prefixes(dataset)
    size = sum(len(g) for g in dataset.graphs())
    names = frozenset(str(g.identifier) for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier and len(g))
    return KgGraph(path, "rdflib", dataset, None, size, names)


#: Copy every triple of the named graphs into the default graph (deduplicated).
_UNION_UPDATE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _load_oxigraph(path: Path, fmt: ox.RdfFormat) -> KgGraph:
    oxstore = ox.Store()
    try:
        if fmt == ox.RdfFormat.JSON_LD:
            oxstore.load(path=str(path), format=fmt)
        else:
            oxstore.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, OSError, ValueError) as exc:
        raise InputError(f"cannot parse {path}: {_one_line(exc)}") from None
    size = len(oxstore)
    names = frozenset(g.value for g in oxstore.named_graphs() if isinstance(g, ox.NamedNode))
    # Oxigraph's use_default_graph_as_union repeats a triple once per graph holding
    # it; rdflib's union does not.  A materialised union gives both stores one answer.
    oxstore.update(_UNION_UPDATE)
    return KgGraph(path, "oxigraph", None, oxstore, size, names)


# --------------------------------------------------------------------------- cookbook


@dataclass(frozen=True)
class Param:
    """A cookbook question's parameter: required unless it has a default or is optional."""

    name: str
    description: str
    default: str | None = None
    required: bool = True
    names: bool = False  # matched against rdfs:label / skos:altLabel, any case
    relation: bool = False  # a kg: property, bound as its IRI (see relation_iri)


@dataclass(frozen=True)
class Question:
    """One cookbook question: a ``kg/queries/<name>.rq`` file and its header."""

    name: str
    title: str
    description: str
    params: list[Param]
    path: Path
    text: str
    rows: int | None = None  # at most this many rows (``# rows: N``); the result says when it cuts

    def pages_below(self, limit: int | None) -> bool:
        """Whether the question's own page (``# rows: N``) is smaller than ``limit`` (None: no limit)."""
        return self.rows is not None and (limit is None or self.rows < limit)

    def text_for(self, bound: Iterable[str]) -> str:
        """The query text with ``# if NAME`` / ``# else`` / ``# end`` blocks resolved.

        A question with an optional parameter needs two plans: with the parameter, start
        from the named actor; without it, scan the whole graph once.  Engines cannot
        tell the cases apart from a VALUES block or a FILTER(BOUND(…)), so the file
        holds both and kg keeps the lines for the parameters actually given.
        """
        bound = set(bound)
        lines: list[str] = []
        keep = [True]
        for line in self.text.splitlines(keepends=True):
            found = _CONDITION.match(line)
            if found is None:
                if all(keep):
                    lines.append(line)
            elif found[1] == "if":
                keep.append(found[2] in bound)
            elif found[1] == "else" and len(keep) > 1:
                keep[-1] = not keep[-1]
            elif found[1] == "end" and len(keep) > 1:
                keep.pop()
        return "".join(lines)

    def bindings(self, given: Mapping[str, object]) -> dict[str, object]:
        """The variables to bind: given values, then defaults; errors for unknown or missing ones."""
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            accepted = ", ".join(sorted(known)) or "none"
            raise UsageError(f"question {self.name!r} has no parameter {unknown[0]!r} (parameters: {accepted})")
        values: dict[str, object] = {}
        for param in self.params:
            if param.name in given and given[param.name] is not None:
                values[param.name] = given[param.name]
            elif param.default is not None:
                values[param.name] = param.default
            elif param.required:
                raise UsageError(f"question {self.name!r} needs --param {param.name}=… ({param.description})")
        return values


_CONDITION = re.compile(r"^\s*#\s*(if|else|end)\b\s*([A-Za-z_]\w*)?\s*$")
_HEADER = re.compile(r"^#\s*(title|description|param|rows):\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_]\w*)\s*(?:—|--|-|:)\s*(.*?)\s*(?:\((default\s+(.*?)|[a-z, ]+)\))?$")


def relation_iri(value: object) -> URIRef:
    """The kg: property named by ``value``: a local name in any case (``memberof``) or an IRI.

    A ``(relation)`` parameter is bound as this IRI, so the query matches
    ``rdf:predicate ?relation`` from an index instead of filtering every assertion.
    """
    term = param_term(value)
    if isinstance(term, URIRef):
        return term
    wanted = str(term).strip().lower()
    for local in _KG_PROPERTIES:
        if local.lower() == wanted:
            return KG[local]
    raise UsageError(f"unknown relation {str(term)!r}: expected a kg: property such as memberOf or holdsPosition, or an IRI")


_KG_PROPERTIES = tuple(name for name in KG.__annotations__ if name[:1].islower())


def _parse_question(name: str, path: Path, text: str) -> Question:
    title = description = ""
    params: list[Param] = []
    rows: int | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        found = _HEADER.match(line)
        if not found:
            continue
        key, value = found[1], found[2]
        if key == "title":
            title = value
        elif key == "description":
            description = f"{description} {value}".strip()
        elif key == "rows":
            # the query asks its engine for one row more (LIMIT N+1), so a cut shows
            if not value.isdigit() or int(value) < 1:
                raise InputError(f"{path}: bad rows line {line!r} (expected a positive number)")
            rows = int(value)
        else:
            p = _PARAM.match(value)
            if not p:
                raise InputError(f"{path}: bad param line {line!r}")
            flags = set() if p[3] is None or p[4] is not None else {f.strip() for f in p[3].split(",")}
            unknown = flags - {"optional", "name", "relation"}
            if unknown:
                raise InputError(f"{path}: unknown flag {sorted(unknown)[0]!r} in {line!r}")
            params.append(Param(
                p[1], p[2], p[4], required="optional" not in flags and p[4] is None,
                names="name" in flags, relation="relation" in flags,
            ))
    return Question(name, title or name, description, params, path, text, rows)


@lru_cache(maxsize=1)
def _cookbook() -> tuple[Question, ...]:
    folder = resources.files("kg") / "queries"
    questions = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            questions.append(_parse_question(entry.name[:-3], Path(str(entry)), entry.read_text(encoding="utf-8")))
    return tuple(questions)


def cookbook() -> list[Question]:
    """Every cookbook question, sorted by name."""
    return list(_cookbook())


def question_named(name: str) -> Question:
    """The cookbook question ``name``; UsageError naming the known ones otherwise."""
    for question in _cookbook():
        if question.name == name:
            return question
    names = ", ".join(q.name for q in _cookbook())
    raise UsageError(f"no cookbook question named {name!r}; known: {names}")


def ask(graph_or_path: KgGraph | str | Path, name: str, **params: object) -> QueryResult:
    """Run cookbook question ``name`` on a loaded graph or a graph file (rdflib store)."""
    graph = graph_or_path if isinstance(graph_or_path, KgGraph) else load(graph_or_path)
    return graph.ask(name, params)

"""A remote SPARQL 1.1 Protocol endpoint as a store: kg's questions on a server.

Why a store: the engine (:class:`kg.query.engine.KgGraph`) checks the query (updates
and SERVICE refused, FROM only naming the endpoint's own graphs) and turns the
parameters into RDF terms whatever runs it; this class only sends the checked text
and reads the answer.  Parameters are bound by a VALUES block opening every group
(:func:`kg.query.stores.with_values`, terms serialized by rdflib), as for the
Oxigraph store; kg's prefixes are declared in front of the text.

The endpoint is asked for SPARQL JSON results (SELECT, ASK) or N-Triples (CONSTRUCT,
DESCRIBE), and the answer is made into the same :class:`QueryResult` a local store
gives, so every ``kg query --format`` prints the same from a file and an endpoint.

Every failure (the endpoint cannot be reached, times out, answers an HTTP error or
something that is not a SPARQL result) is a :class:`kg.errors.RemoteError`, one line.
The default graph is whatever the endpoint calls its default graph: kg's questions
expect it to hold every triple of the named graphs too, as ``kg serve`` does
(``oxigraph serve --union-default-graph``; Virtuoso and Fuseki have like settings).
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Any, ClassVar

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from kg.errors import RemoteError, UsageError
from kg.namespaces import PREFIXES
from kg.query.parsing import one_line
from kg.query.results import QueryResult, graph_result, select_result
from kg.query.scanner import Scan, scan
from kg.query.stores import with_values

#: Seconds one request to an endpoint may take (``kg query --timeout``).
ENDPOINT_TIMEOUT = 60.0
#: What kg asks an endpoint for: SPARQL JSON for solutions and booleans, N-Triples for graphs.
SOLUTIONS_ACCEPT = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.8"
#: Media type of a graph answer -> rdflib parser.
GRAPH_PARSERS = {
    "application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
    "application/x-turtle": "turtle", "application/rdf+xml": "xml",
}
#: The prologue sent before every query: kg's prefixes, so questions run unchanged.
PROLOGUE = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in PREFIXES.items())
#: How much of an error body goes into the one-line message.
ERROR_EXCERPT = 200

_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_SIZE = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class EndpointStore:
    """A SPARQL 1.1 Protocol endpoint (Oxigraph server, Fuseki, Virtuoso, ``kg serve``)."""

    name: ClassVar[str] = "endpoint"

    def __init__(self, url: str, timeout: float = ENDPOINT_TIMEOUT):
        self.url = checked_url(url)
        if not timeout > 0:
            raise UsageError(f"the endpoint timeout must be positive, not {timeout}")
        self.timeout = float(timeout)

    @cached_property
    def graph_names(self) -> frozenset[str]:  # type: ignore[override]
        """The endpoint's named graphs, asked once and only for a query with FROM."""
        result = self._run(_GRAPHS, scan(_GRAPHS), None)
        return frozenset(str(row[0]) for row in result.terms if isinstance(row[0], URIRef))

    def __len__(self) -> int:
        """The triples of the endpoint's default graph (one COUNT query)."""
        result = self._run(_SIZE, scan(_SIZE), None)
        try:
            return int(result.rows[0][0])
        except (IndexError, TypeError, ValueError):
            return 0

    def run(self, sparql: str, scan: Scan, bindings: Mapping[str, Identifier], limit: int | None) -> QueryResult:
        return self._run(with_values(sparql, scan, bindings), scan, limit)

    def _run(self, text: str, found: Scan, limit: int | None) -> QueryResult:
        graph_form = found.form in ("CONSTRUCT", "DESCRIBE")
        body, content_type, headers = self._post(PROLOGUE + text, GRAPH_ACCEPT if graph_form else SOLUTIONS_ACCEPT)
        cut_by_server = headers.get("X-KG-Truncated", "").lower() == "true"  # kg serve --max-rows
        if graph_form:
            result = graph_result(found.form, self._graph(body, content_type), limit)
        else:
            result = self._solutions(body, content_type, limit)
        result.truncated = result.truncated or cut_by_server
        return result

    def _post(self, text: str, accept: str) -> tuple[bytes, str, Mapping[str, str]]:
        data = urllib.parse.urlencode({"query": text}).encode("utf-8")
        request = urllib.request.Request(self.url, data=data, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept,
        })
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return answer.read(), answer.headers.get_content_type(), answer.headers
        except urllib.error.HTTPError as exc:
            raise RemoteError(f"{self.url} answered HTTP {exc.code}: {error_excerpt(exc)}") from None
        except TimeoutError:
            raise RemoteError(f"{self.url} did not answer within {self.timeout:g} s "
                              "(kg query --timeout)") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise RemoteError(f"{self.url} did not answer within {self.timeout:g} s "
                                  "(kg query --timeout)") from None
            raise RemoteError(f"cannot reach {self.url}: {one_line(reason)}") from None
        except (OSError, ValueError) as exc:  # reset connections, bad status lines
            raise RemoteError(f"cannot reach {self.url}: {one_line(exc)}") from None

    def _solutions(self, body: bytes, content_type: str, limit: int | None) -> QueryResult:
        try:
            document = json.loads(body)
            if "boolean" in document:
                return QueryResult("ASK", boolean=bool(document["boolean"]))
            variables = [str(v) for v in document["head"].get("vars", [])]
            bindings = document["results"]["bindings"]
            rows: Iterator[list[Identifier | None]] = (
                [_term(b[v]) if v in b else None for v in variables] for b in bindings)
            return select_result(variables, rows, limit)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise RemoteError(f"{self.url} did not answer with SPARQL JSON results "
                              f"({content_type}): {one_line(exc)}") from None

    def _graph(self, body: bytes, content_type: str) -> Graph:
        parser = GRAPH_PARSERS.get(content_type)
        if parser is None:
            raise RemoteError(f"{self.url} answered a graph as {content_type}; kg reads "
                              f"{', '.join(GRAPH_PARSERS)}")
        graph = Graph()
        try:
            graph.parse(data=body, format=parser)
        except Exception as exc:  # every rdflib parser has its own exception types
            raise RemoteError(f"{self.url} answered a graph kg cannot read: {one_line(exc)}") from None
        return graph


def checked_url(url: str, kind: str = "SPARQL endpoint", example: str = "http://127.0.0.1:7878/query",
                credentials: str = "") -> str:
    """``url`` if it is an http(s) URL without credentials, else a UsageError naming the
    ``kind`` of endpoint, an ``example`` of one and where ``credentials`` go instead."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"not an http(s) {kind}: {url!r} (e.g. {example} for an Oxigraph server)")
    if parts.username or parts.password:
        instead = f": {credentials}" if credentials else ""
        raise UsageError(f"credentials in the endpoint URL are refused (they would show in process lists and "
                         f"logs){instead}")
    return url


def _term(value: Mapping[str, Any]) -> Identifier:
    """An RDF term from a SPARQL JSON binding (SPARQL 1.1; "typed-literal" of SPARQL 1.0 too)."""
    kind = value["type"]
    text = value["value"]
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        if value.get("xml:lang"):
            return Literal(text, lang=value["xml:lang"])
        if value.get("datatype"):
            return Literal(text, datatype=URIRef(value["datatype"]))
        return Literal(text)
    raise RemoteError(f"unsupported RDF term of type {kind!r} in the endpoint's answer")


def error_excerpt(exc: urllib.error.HTTPError) -> str:
    """The start of an HTTP error's body on one line (its reason phrase when it has none)."""
    try:
        text = exc.read(4000).decode("utf-8", "replace")
    except OSError:
        text = ""
    text = " ".join(text.split())
    if not text:
        return str(exc.reason)
    return text if len(text) <= ERROR_EXCERPT else text[: ERROR_EXCERPT - 1] + "…"


def connect(url: str, *, timeout: float = ENDPOINT_TIMEOUT):  # -> KgGraph
    """A :class:`KgGraph` on the SPARQL endpoint at ``url`` (nothing is sent until a query)."""
    from kg.query.engine import KgGraph

    return KgGraph(url, EndpointStore(url, timeout))

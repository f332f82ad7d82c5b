"""The engine: one loaded graph, the checks every query passes, and the cookbook on it.

Why here and not in a store: safety lives in one place, so the CLI, the Python API
and the server all get it whichever store runs the query.  SERVICE and updates are
refused by the scanner, ``FROM`` / ``FROM NAMED`` may only name graphs already in the
store (kg never fetches a URL nor reads a file for a query), and parameters become
RDF terms before a store sees them.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rdflib import URIRef
from rdflib.term import Identifier

from kg.errors import QueryError, UsageError
from kg.query.params import bind, param_term, relation_iri
from kg.query.questions import question_named
from kg.query.results import QueryResult
from kg.query.scanner import QUERY_FORMS, scan
from kg.query.stores import Store


class KgGraph:
    """A built graph ready for SPARQL: loaded in memory, opened on disk, or behind an endpoint."""

    def __init__(self, path: Path | str, backend: Store):
        self.path = path
        self.backend = backend
        self.store = backend.name  #: the store's name ("rdflib", "oxigraph", "endpoint")

    @property
    def graph_names(self) -> frozenset[str]:
        """IRIs of the non-empty named graphs (what FROM may name); an endpoint is asked
        only when a query has a FROM clause."""
        return self.backend.graph_names

    def __len__(self) -> int:
        return len(self.backend)

    def __repr__(self) -> str:
        if self.store == "endpoint":  # counting would be a request
            return f"<KgGraph {self.path} store=endpoint>"
        return f"<KgGraph {self.path} store={self.store} quads={len(self)}>"

    def query(self, sparql: str, params: Mapping[str, object] | None = None, *, limit: int | None = None) -> QueryResult:
        """Run ``sparql`` with ``params`` bound as variables; ``limit`` caps the rows (sets ``truncated``)."""
        if not isinstance(sparql, str) or not sparql.strip():
            raise QueryError("empty query")
        found = scan(sparql)
        if found.form not in QUERY_FORMS:
            raise QueryError("line 1, column 1: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
        for named, name in found.dataset:
            if name not in self.backend.graph_names:
                clause = "FROM NAMED" if named else "FROM"
                raise QueryError(
                    f"{clause} <{name}>: no graph of that name in this dataset "
                    "(FROM only names the document graphs already loaded; kg never fetches URLs or files)"
                )
        bindings = bind(params)
        if limit is not None and limit < 0:
            raise UsageError("limit must be zero or more")
        return self.backend.run(sparql, found, bindings, limit)

    def ask(self, name: str, params: Mapping[str, object] | None = None, *, limit: int | None = None) -> QueryResult:
        """Run the cookbook question ``name`` (see :func:`kg.query.cookbook`)."""
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


_LABEL_OF = "SELECT ?label WHERE { ?e rdfs:label ?label }"
_EXACT_SPELLING = "ASK { ?e rdfs:label|skos:altLabel ?name }"
_SPELLINGS = (
    "SELECT DISTINCT ?label WHERE { ?e rdfs:label|skos:altLabel ?label . "
    "FILTER(LCASE(STR(?label)) = LCASE(STR(?name))) }"
)

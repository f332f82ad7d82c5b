"""Query parameters: what a value given on the command line, in Python or over HTTP means.

Why one module: ``kg query -p``, ``KgGraph.query(params=…)``, cookbook questions and
``/api/ask`` all bind variables, and must turn ``"CSTO"``, ``"id:person/…"`` or
``"memberOf"`` into the same RDF term.  A store binds the terms its own way
(rdflib's initBindings, or the VALUES block of :func:`values_block` for Oxigraph).
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from decimal import Decimal

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.term import Identifier

from kg.errors import UsageError
from kg.namespaces import KG, PREFIXES


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


def bind(params: Mapping[str, object] | None) -> dict[str, Identifier]:
    """Variable name (without ``?``) -> term, for the ``params`` of a query."""
    bindings = {str(k).lstrip("?$"): param_term(v) for k, v in (params or {}).items()}
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][\w]*", name):
            raise UsageError(f"parameter name {name!r} is not a SPARQL variable name")
    return bindings


def values_block(bindings: Mapping[str, Identifier]) -> str:
    """`` VALUES (?a ?b) { (t1 t2) } `` with each term serialized (and escaped) by rdflib."""
    names = " ".join(Variable(k).n3() for k in bindings)
    terms = " ".join(_n3(t) for t in bindings.values())
    return f" VALUES ({names}) {{ ({terms}) }} "


def values_term(term: Identifier) -> str:
    """``term`` as it stands in a VALUES block: serialized (and escaped) by rdflib."""
    return _n3(term)


def _n3(term: Identifier) -> str:
    if isinstance(term, BNode):
        raise UsageError("a parameter cannot be a blank node")
    return term.n3()  # URIRef.n3 refuses IRIs with characters that would end the IRI

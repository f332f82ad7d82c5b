"""Parsing and its errors: rdflib's SPARQL parser as kg uses it, and one-line messages.

Why apart: both stores need it.  rdflib's algebra is what the rdflib store evaluates,
and its parser points near a mistake where Oxigraph's often points at the end of the
text, so the Oxigraph store borrows its message.  Errors are one line, without paths.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rdflib import URIRef

from kg.errors import QueryError
from kg.namespaces import PREFIXES

#: rdflib's parser and evaluator recurse once (or more) per level of the query.
TOO_DEEP_FOR_RDFLIB = "query too deeply nested for the rdflib store (Python's recursion limit); simplify it or use --store oxigraph"


@lru_cache(maxsize=256)
def rdflib_parse(sparql: str) -> Any:
    """The rdflib algebra of ``sparql`` (cached: the cookbook is parsed once per process)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
        _unescape_local_names(tree)
        query = translateQuery(tree, initNs={p: URIRef(str(ns)) for p, ns in PREFIXES.items()})
    except RecursionError:
        raise QueryError(TOO_DEEP_FOR_RDFLIB) from None
    except ParseException as exc:
        raise QueryError(f"line {exc.lineno}, column {exc.col}: {_lower_first(exc.msg)}, found {_found(exc)}") from None
    except Exception as exc:  # rdflib raises bare Exceptions for unknown prefixes and the like
        raise QueryError(one_line(exc)) from None
    try:
        uses_service = _uses_service(query.algebra)
    except RecursionError:
        raise QueryError(TOO_DEEP_FOR_RDFLIB) from None
    if uses_service:
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


def groups_by(node: Any) -> bool:
    """For the rdflib store: true when the outer SELECT has a GROUP BY clause (sub-selects are not looked at)."""
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


def oxigraph_syntax(exc: SyntaxError) -> str:
    """Oxigraph's syntax error as ``line L, column C: …`` (shortened), like rdflib's."""
    message = one_line(exc)
    found = re.match(r"error at (\d+):(\d+): (.*)", message)
    if not found:
        return message
    line, column, rest = int(found[1]), int(found[2]), found[3]
    if len(rest) > 160:
        rest = rest[:159] + "…"
    return f"line {line}, column {column}: {rest}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def one_line(exc: object) -> str:
    """An exception's (or a reason's) message on one line (its type name when it has none)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text

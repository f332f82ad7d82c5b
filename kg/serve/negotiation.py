"""Content negotiation: which result format a request gets, from ``format=`` or ``Accept``.

Why apart: it is pure (no socket, no graph), used by the workers for query results
and by the handler for the service description, and tested on its own.
"""
from __future__ import annotations

from collections.abc import Iterable

from kg.errors import KgError

#: Result formats by query kind, in the server's order of preference.
#: Each entry: kg format name -> media types that ask for it in ``Accept``.
SOLUTION_FORMATS: dict[str, tuple[str, ...]] = {
    "json": ("application/sparql-results+json", "application/json"),
    "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
}
GRAPH_FORMATS: dict[str, tuple[str, ...]] = {
    "ttl": ("text/turtle", "application/x-turtle", "application/turtle"),
    "nt": ("application/n-triples",),
    "jsonld": ("application/ld+json", "application/json"),
}
#: Values of the ``format=`` (or ``output=``) parameter.  Media types work too.
FORMAT_ALIASES: dict[str, str] = {
    "json": "json", "srj": "json",
    "xml": "xml", "srx": "xml",
    "csv": "csv", "tsv": "tsv",
    "ttl": "ttl", "turtle": "ttl", "n3": "ttl",
    "nt": "nt", "ntriples": "nt", "n-triples": "nt",
    "jsonld": "jsonld", "json-ld": "jsonld",
}


class NotAcceptable(KgError):
    """No format both asked for and available for this kind of result."""


def formats_for(kind: str) -> dict[str, tuple[str, ...]]:
    """The formats a result of ``kind`` (SELECT, ASK, CONSTRUCT, DESCRIBE) comes in."""
    return SOLUTION_FORMATS if kind in ("SELECT", "ASK") else GRAPH_FORMATS


def choose_format(kind: str, requested: Iterable[str], accept: str | None) -> str:
    """Pick the kg format name for a result of ``kind``.

    An explicit ``format=`` value wins over the ``Accept`` header; ``json`` asks for
    JSON-LD when the result is a graph.  With neither, SPARQL JSON (solutions) or
    Turtle (graphs).
    """
    available = formats_for(kind)
    requested = [value.strip() for value in requested if value.strip()]
    unknown = []
    for value in requested:
        name = FORMAT_ALIASES.get(value.lower()) or _format_of_media_type(value, available)
        if name == "json" and available is GRAPH_FORMATS:
            name = "jsonld"
        if name in available:
            return name
        unknown.append(value)
    if unknown:
        raise NotAcceptable(
            f"format {unknown[0]!r} is not available for a {kind} result "
            f"(try: {', '.join(available)})"
        )
    return _negotiate(accept, available) if accept else next(iter(available))


def _format_of_media_type(media_type: str, available: dict[str, tuple[str, ...]]) -> str | None:
    media_type = media_type.split(";")[0].strip().lower()
    for name, media_types in available.items():
        if media_type in media_types:
            return name
    return None


def _negotiate(accept: str, available: dict[str, tuple[str, ...]]) -> str:
    """Best format for an ``Accept`` header (RFC 9110 q-values, server order on ties)."""
    ranges = []
    for part in accept.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        media_range = pieces[0].lower()
        if not media_range:
            continue
        quality = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        ranges.append((media_range, quality))
    best_name, best_quality = None, 0.0
    for name, media_types in available.items():
        for media_type in media_types:
            quality = _quality(media_type, ranges)
            if quality > best_quality:
                best_name, best_quality = name, quality
    if best_name is None:
        offered = ", ".join(types[0] for types in available.values())
        raise NotAcceptable(f"none of the accepted media types is available (offered: {offered})")
    return best_name


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """q of the most specific range in ``ranges`` that matches ``media_type``."""
    main_type = media_type.split("/")[0]
    best_specificity, quality = -1, 0.0
    for media_range, q in ranges:
        if media_range == media_type:
            specificity = 2
        elif media_range == f"{main_type}/*":
            specificity = 1
        elif media_range == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, q
    return quality

"""The SPARQL 1.1 Service Description of the endpoint (``GET /sparql`` with no query).

Why apart: it is the endpoint's self-portrait in RDF, built from the limits, and has
nothing to do with handling requests.
"""
from __future__ import annotations

from typing import Any

from kg.serve.limits import Limits


def service_description(endpoint: str, limits: Limits) -> Any:
    """The SPARQL 1.1 Service Description of the endpoint, as an rdflib Graph."""
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, RDF, VOID, XSD

    from kg.namespaces import bind_prefixes

    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    formats = Namespace("http://www.w3.org/ns/formats/")
    graph = bind_prefixes(Graph())
    graph.bind("sd", sd)
    graph.bind("void", VOID)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, sd.Service))
    graph.add((service, sd.endpoint, service))
    graph.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    graph.add((service, sd.feature, sd.UnionDefaultGraph))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                 "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD"):
        graph.add((service, sd.resultFormat, formats[name]))
    dataset = BNode("dataset")
    graph.add((service, sd.defaultDataset, dataset))
    graph.add((dataset, RDF.type, sd.Dataset))
    default_graph = BNode("defaultGraph")
    graph.add((dataset, sd.defaultGraph, default_graph))
    graph.add((default_graph, RDF.type, sd.Graph))
    graph.add((service, DCTERMS.description, Literal(
        "kg knowledge graph of news actors: read-only SPARQL 1.1 Query endpoint; "
        f"queries stop after {limits.timeout:g} s and return at most {limits.max_rows} rows; "
        "SERVICE, FROM and LOAD are not followed."
    )))
    graph.add((service, URIRef("https://w3id.org/kg-news/ontology#maxRows"),
               Literal(limits.max_rows, datatype=XSD.integer)))
    return graph

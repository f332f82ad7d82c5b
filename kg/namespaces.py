"""Every RDF namespace kg uses, in one place.

``KG`` is the ontology (``ontology.ttl``): a :class:`DefinedNamespace` with
``_fail = True``, so a typo such as ``KG.memberof`` raises at once instead of
minting a wrong IRI.  ``tests/test_namespaces.py`` checks it against ontology.ttl.
"""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology#"
ID_BASE = "https://w3id.org/kg-news/id/"


class KG(DefinedNamespace):
    """The kg ontology."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Document: URIRef
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Place: URIRef
    Position: URIRef
    Statement: URIRef
    Assertion: URIRef
    CoMention: URIRef  # two actors named in the same articles (the build keeps the strongest ties)
    NegativeAssertion: URIRef  # a denied relation: kg:polarity "negative", never a fact triple

    # document and provenance
    mentions: URIRef
    evidence: URIRef
    start: URIRef
    end: URIRef
    rule: URIRef
    confidence: URIRef
    polarity: URIRef
    sentenceIndex: URIRef
    dateline: URIRef
    wordCount: URIRef
    actorCount: URIRef
    assertionCount: URIRef
    statementCount: URIRef
    actor: URIRef
    documentCount: URIRef

    # relations between actors
    memberOf: URIRef
    coChairOf: URIRef
    officialOf: URIRef
    partOf: URIRef
    locatedIn: URIRef
    supports: URIRef
    deployedTo: URIRef

    # positions
    holdsPosition: URIRef
    title: URIRef
    positionIn: URIRef

    # statements
    said: URIRef
    text: URIRef
    isDirectQuote: URIRef


SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ID = Namespace(ID_BASE)

#: prefix -> namespace, bound in every output and declared for every query.
PREFIXES: dict[str, Namespace | str] = {
    "kg": Namespace(ONTOLOGY_IRI),
    "id": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "foaf": FOAF,
    "org": ORG,
    "wd": WD,
    "wdt": WDT,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, URIRef(str(ns)), override=True, replace=True)
    return graph

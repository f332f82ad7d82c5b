"""Every RDF namespace kg uses, in one place.

``KG`` is the ontology (``ontology.ttl``): a :class:`DefinedNamespace` with
``_fail = True``, so a typo such as ``KG.memberof`` raises at once instead of
minting a wrong IRI.  The core entity types and the relations come from their one
list in :mod:`kg.records`; ``tests/test_namespaces.py`` checks it all against
ontology.ttl and the shapes.
"""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from kg.records import ENTITY_TYPES, RELATIONS

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology#"
ID_BASE = "https://w3id.org/kg-news/id/"


class KG(DefinedNamespace):
    """The kg ontology."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Document: URIRef
    Entity: URIRef
    Position: URIRef
    Statement: URIRef
    Assertion: URIRef
    CoMention: URIRef  # two actors named in the same articles (the build keeps the strongest ties)
    MembershipCount: URIRef  # how many articles state that an actor is a member of an organization
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
    member: URIRef
    organization: URIRef
    listCount: URIRef
    memberListCount: URIRef

    # positions
    holdsPosition: URIRef
    title: URIRef
    positionIn: URIRef

    # statements
    said: URIRef
    text: URIRef
    isDirectQuote: URIRef

    # the core entity types (kg:Person, …) and the relations between actors (kg:memberOf, …)
    __annotations__.update(dict.fromkeys((*ENTITY_TYPES, *RELATIONS), URIRef))


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

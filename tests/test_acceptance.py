"""Acceptance: the seed corpus, built by ``kg build``, carries the gold facts.

``tests/data/seeds.gold.toml`` lists, per article, the actors it names, the
memberships, co-chairs, offices (with titles) and speakers it states, the quotes and
who said them, and facts that a correct reading must never give.  The graph is read
only through the query contract of the README, as any user would read it.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from rdflib import Dataset, Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from kg.cli import main
from kg.evaluation import norm

HERE = Path(__file__).resolve().parent
GOLD = tomllib.loads((HERE / "data" / "seeds.gold.toml").read_text(encoding="utf-8"))
KG = Namespace("https://w3id.org/kg-news/ontology#")
CORE = {KG.Person: "Person", KG.Organization: "Organization", KG.Country: "Country", KG.Place: "Place"}
DOCS = {d["id"]: d for d in GOLD["doc"]}


def gold_names(entity: str) -> set[str]:
    names = set()
    for alt in entity.split("|"):
        alt = alt.strip()
        names |= {norm(alt)} | {norm(a) for a in GOLD["aliases"].get(alt, [])}
    return names


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Dataset:
    out = tmp_path_factory.mktemp("acceptance") / "graph.trig"
    assert main(["build", str(HERE.parent / "corpus"), "-o", str(out), "--quiet"]) == 0
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    return ds


@pytest.fixture(scope="module")
def reader(graph):
    return Reader(graph)


class Reader:
    def __init__(self, ds: Dataset):
        self.ds = ds
        self.docs = {str(i): d for d in ds.subjects(RDF.type, KG.Document) for i in ds.objects(d, DCTERMS.identifier)}

    def names(self, node) -> set[str]:
        return {norm(o) for p in (RDFS.label, SKOS.altLabel) for o in self.ds.objects(node, p)}

    def is_(self, node, entity: str) -> bool:
        return bool(self.names(node) & gold_names(entity))

    def mentioned(self, doc_id: str) -> dict:
        doc = self.docs[doc_id]
        return {e: {CORE[t] for t in self.ds.objects(e, RDF.type) if t in CORE} for e in self.ds.objects(doc, KG.mentions)}

    def assertions(self, doc_id: str, predicate: str, polarity: str | None = None) -> list[tuple]:
        doc = self.docs[doc_id]
        out = []
        kind = KG.NegativeAssertion if polarity == "negative" else KG.Assertion
        for f in self.ds.subjects(PROV.wasDerivedFrom, doc):
            if (f, RDF.type, kind) in self.ds and (f, RDF.predicate, KG[predicate]) in self.ds:
                pol = {str(p) for p in self.ds.objects(f, KG.polarity)}
                if (polarity == "negative") == ("negative" in pol):
                    out.append((self.ds.value(f, RDF.subject), self.ds.value(f, RDF.object)))
        return out

    def statements(self, doc_id: str) -> list[tuple[str, set]]:
        doc = self.docs[doc_id]
        return [(" ".join(norm(t) for t in self.ds.objects(st, KG.text)), set(self.ds.subjects(KG.said, st)))
                for st in self.ds.subjects(PROV.wasDerivedFrom, doc) if (st, RDF.type, KG.Statement) in self.ds]


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_every_gold_actor_is_one_node_of_the_right_type(reader, doc_id):
    mentioned = reader.mentioned(doc_id)
    for type_ in ("Person", "Organization", "Country", "Place"):
        for name in DOCS[doc_id].get(type_, []):
            nodes = [e for e in mentioned if reader.is_(e, name)]
            assert len(nodes) == 1, f"{name}: {len(nodes)} nodes"
            assert type_ in mentioned[nodes[0]], f"{name} is not a {type_}"


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_no_actor_beyond_the_gold_and_optional_ones(reader, doc_id):
    gold = DOCS[doc_id]
    allowed = [n for t in ("Person", "Organization", "Country", "Place") for n in gold.get(t, [])]
    allowed += gold.get("optional", [])
    spurious = [sorted(reader.names(e))[:1] for e, types in reader.mentioned(doc_id).items()
                if types and not any(reader.is_(e, n) for n in allowed)]
    assert spurious == []


@pytest.mark.parametrize("doc_id", sorted(DOCS))
@pytest.mark.parametrize("relation", ["memberOf", "coChairOf", "officialOf"])
def test_relations_are_asserted_from_their_article(reader, doc_id, relation):
    found = reader.assertions(doc_id, relation)
    for fact in DOCS[doc_id].get(relation, []):
        assert any(reader.is_(s, fact[0]) and reader.is_(o, fact[1]) for s, o in found), fact
    for s, o in found:  # precision: every asserted pair is a gold fact
        assert any(reader.is_(s, f[0]) and reader.is_(o, f[1]) for f in DOCS[doc_id].get(relation, [])), \
            (sorted(reader.names(s))[:1], sorted(reader.names(o))[:1])


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_facts_that_must_never_appear(reader, doc_id):
    for relation, subject, obj in DOCS[doc_id].get("never", []):
        for s, o in reader.assertions(doc_id, relation):
            assert not (reader.is_(s, subject) and reader.is_(o, obj)), (relation, subject, obj)
        for s in reader.ds.subjects(KG[relation], None):
            for o in reader.ds.objects(s, KG[relation]):
                if reader.is_(s, subject) and reader.is_(o, obj):
                    # a fact triple may exist only if some article states it positively
                    assert any(reader.is_(s, subject) and reader.is_(o, obj)
                               for d in DOCS for s2, o2 in reader.assertions(d, relation)
                               for s, o in [(s2, o2)]), (relation, subject, obj)


def test_non_member_is_kept_as_a_negative_assertion_only(reader):
    negative = reader.assertions("001_0cea5282c8583307.txt", "memberOf", polarity="negative")
    assert any(reader.is_(s, "Azerbaijan") and reader.is_(o, "Collective Security Treaty Organization")
               for s, o in negative)


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_titles_of_offices(reader, doc_id):
    for person, of, titles in (f for f in DOCS[doc_id].get("officialOf", []) if len(f) == 3):
        wanted = [norm(t) for t in titles.split("|")]
        ok = False
        for s, o in reader.assertions(doc_id, "officialOf"):
            if not reader.is_(s, person):
                continue
            for pos in reader.ds.objects(s, KG.holdsPosition):
                if any(reader.is_(x, of) for x in reader.ds.objects(pos, KG.positionIn)):
                    ok = ok or any(w in norm(t) for t in reader.ds.objects(pos, KG.title) for w in wanted)
        assert ok, (person, titles, of)


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_speakers_and_quotes(reader, doc_id):
    statements = reader.statements(doc_id)
    speakers = {sp for _, sps in statements for sp in sps}
    gold = DOCS[doc_id].get("said", [])
    for entry in gold:
        if not entry.get("optional"):
            assert any(reader.is_(sp, entry["speaker"]) for sp in speakers), entry["speaker"]
        for quote in entry.get("quotes", []):
            holders = [sps for text, sps in statements if norm(quote) in text]
            assert any(reader.is_(sp, entry["speaker"]) for sps in holders for sp in sps), quote
    for sp in speakers:  # precision: every speaker is a gold one
        assert any(reader.is_(sp, entry["speaker"]) for entry in gold), sorted(reader.names(sp))[:1]


def test_the_built_graph_conforms_to_the_shapes(graph):
    from kg.validate import validate

    conforms, report = validate(graph)
    assert conforms, report

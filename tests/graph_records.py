"""Hand-made DocumentRecords for the graph, serialize and shapes tests.

Two articles: CSTO members (one of them a negated membership), Putin as President of
Russia, a direct quote and a reported statement.  ``hostile_records`` adds labels
that try to break IRIs and serializers.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, URIRef

from kg.records import DocumentRecord, Entity, Fact, Mention, Span, Statement
from kg.resolve import merge_entities

TEXT_1 = (
    "Armenia is a member of the CSTO. Non-member state Azerbaijan was not invited. "
    "Russian President Vladimir Putin said: \"This is a tragedy for Armenia.\""
)
TEXT_2 = "Russia and Armenia are members of the Collective Security Treaty Organization, Peskov said."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def sample_records() -> list[DocumentRecord]:
    """Two documents; fresh objects on every call (tests may mutate them)."""
    armenia = Entity("kb:Q399", "Armenia", "Country", ["Armenian"], "Q399", 2)
    csto = Entity("kb:Q188822", "CSTO", "Organization",
                  ["Collective Security Treaty Organization", "CSTO"], "Q188822", 1)
    azerbaijan = Entity("kb:Q227", "Azerbaijan", "Country", [], "Q227", 1)
    putin = Entity("kb:Q7747", "Vladimir Putin", "Person", ["Putin"], "Q7747", 1)
    russia = Entity("kb:Q159", "Russia", "Country", ["Russian"], "Q159", 1)
    s1 = Span(*_span(TEXT_1, "Armenia is a member of the CSTO."))
    s2 = Span(*_span(TEXT_1, "Non-member state Azerbaijan was not invited."))
    s3 = Span(*_span(TEXT_1, "Russian President Vladimir Putin said: \"This is a tragedy for Armenia.\""))
    quote = _span(TEXT_1, "This is a tragedy for Armenia.")
    doc1 = DocumentRecord(
        identifier="000_first.txt",
        title="Defense pact with Armenia",
        text=TEXT_1,
        date="2023-01-10",
        publisher="Anadolu Agency",
        dateline="ANKARA, Jan. 10",
        sentences=[s1, s2, s3],
        entities=[armenia, csto, azerbaijan, putin, russia],
        mentions=[
            Mention("kb:Q399", 0, 7, "Armenia", 0, "kb"),
            Mention("kb:Q188822", 27, 31, "CSTO", 0, "kb"),
            Mention("kb:Q227", s2.start + 17, s2.start + 27, "Azerbaijan", 1, "kb"),
            Mention("kb:Q159", s3.start, s3.start + 7, "Russian", 2, "kb"),
            Mention("kb:Q7747", s3.start + 18, s3.start + 32, "Vladimir Putin", 2, "kb"),
        ],
        facts=[
            Fact("kb:Q399", "memberOf", "kb:Q188822", 0, s1.start, s1.end,
                 TEXT_1[s1.start:s1.end], "member-of-pattern", 0.9),
            Fact("kb:Q227", "memberOf", "kb:Q188822", 1, s2.start, s2.end,
                 TEXT_1[s2.start:s2.end], "non-member-cue", 0.8, negated=True),
            Fact("kb:Q7747", "officialOf", "kb:Q159", 2, s3.start, s3.end,
                 TEXT_1[s3.start:s3.end], "title-cue", 0.95, title="President"),
        ],
        statements=[
            Statement("kb:Q7747", TEXT_1[quote[0]:quote[1]], True, 2, quote[0], quote[1],
                      TEXT_1[s3.start:s3.end], "quote-said-colon", 0.876, ["kb:Q399"]),
        ],
        words=len(TEXT_1.split()),
    )
    peskov = Entity("new:Person:peskov", "Peskov", "Person", [], None, 1)
    armenia2 = Entity("kb:Q399", "Armenia", "Country", ["Republic of Armenia"], "Q399", 1)
    csto2 = Entity("kb:Q188822", "CSTO", "Organization", ["ОДКБ"], "Q188822", 1)
    russia2 = Entity("kb:Q159", "Russia", "Country", [], "Q159", 1)
    said = _span(TEXT_2, "Russia and Armenia are members of the Collective Security Treaty Organization")
    doc2 = DocumentRecord(
        identifier="sub/001 second.txt",
        title="Members of the CSTO",
        text=TEXT_2,
        date="2020-12",  # a source that gives only the month
        publisher="Example Wire",
        url="https://news.example.org/2020/12/members?id=2",
        authors=("Jane Roe", "John Doe"),
        language="en",
        sentences=[Span(0, len(TEXT_2))],
        entities=[russia2, armenia2, csto2, peskov],
        mentions=[Mention("new:Person:peskov", TEXT_2.index("Peskov"), TEXT_2.index("Peskov") + 6,
                          "Peskov", 0, "title-cue")],
        facts=[
            Fact("kb:Q159", "memberOf", "kb:Q188822", 0, 0, len(TEXT_2), TEXT_2, "members-of-list", 0.85),
            Fact("kb:Q399", "memberOf", "kb:Q188822", 0, 0, len(TEXT_2), TEXT_2, "members-of-list", 0.85),
        ],
        statements=[
            Statement("new:Person:peskov", TEXT_2[said[0]:said[1]], False, 0, said[0], said[1],
                      TEXT_2, "reported-said", 0.6, ["kb:Q159", "kb:Q399", "kb:Q188822"]),
        ],
        words=len(TEXT_2.split()),
    )
    return [doc1, doc2]


#: Labels that try to break IRIs and serializers.
HOSTILE_LABELS = [
    "<script>alert('x')</script>",
    'He said "hi" \\ and \'bye\'',
    "line one\nline two\r\ttabbed",
    "bell\x07 escape\x1b delete\x7f",
    "{curly} |pipe| ^caret^ `tick`",
    "\u202eRTL override\u202c العربية",
    "北京市 人民政府",
    "Владимир Путин",
    "Հայաստան",
    "emoji 😀🚀",
    "",
]


def hostile_records() -> list[DocumentRecord]:
    """One document whose entities, title, quote and identifier are hostile strings."""
    text = " ".join(HOSTILE_LABELS)
    entities = [Entity(f"new:Person:{i}", label, "Person", [label + " alias"], None, 1)
                for i, label in enumerate(HOSTILE_LABELS)]
    org = Entity("new:Organization:x", "Org <&> \"quoted\"\n", "Organization", [], None, 1)
    entities.append(org)
    facts = [Fact(e.key, "memberOf", org.key, 0, 0, len(text), text, "rule <&>", 0.5)
             for e in entities[:-1]]
    facts.append(Fact(entities[0].key, "officialOf", org.key, 0, 0, len(text), text, "t", 0.5,
                      title="Chief \"<Officer>\"\n"))
    statements = [Statement(e.key, label or "(empty)", True, 0, 0, len(text), text, "q", 0.5, [org.key])
                  for e, label in zip(entities, HOSTILE_LABELS)]
    doc = DocumentRecord(
        identifier="weird dir/<file> \"name\"\x07 北京.txt",
        title="Title with <tags> & \"quotes\"\nand a newline",
        text=text,
        date="2024-02-29",
        publisher="Pub \u202e",
        dateline="КИЇВ, 1 лютого",
        sentences=[Span(0, len(text))],
        entities=entities,
        facts=facts,
        statements=statements,
        words=len(text.split()),
    )
    return [doc]


def build(records: list[DocumentRecord]):
    """The dataset of ``records`` the way the build stage makes it."""
    from kg.graph import to_dataset

    return to_dataset(records, merge_entities(records))


def ox_term(term):
    """The pyoxigraph term of an rdflib term, made directly (what a writer must give back)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))

"""Official roles: who holds which office of which country or organization.

Rules (the ``rule`` of each officialOf fact):

``title-qualifier``  "Russian President Vladimir Putin", "Azerbaijan's President Ilham Aliyev",
                     "United Nations Secretary General Antonio Guterres"
``title-of``         "President of Russia Vladimir Putin", "the top diplomats of Armenia and
                     Azerbaijan Zohrab Mnatsakanyan and Elmar Mammadyarov" (paired in order)
``appositive``       "Ararat Mirzoyan, Armenia's foreign minister"

A title with a qualifier but no name ("the Armenian prime minister", "Russia's presidential
spokesperson") is a description: it becomes a mention of the one person the same article
names in that office (rule ``coref-title``).
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import TitleSpan, TokMention, ensure_extensions
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.lists import backward_list, forward_list, make_fact, sentence_bounds
from kg.records import Fact

__all__ = ["Description", "RoleReading", "backward_list", "find_roles", "forward_list", "make_fact",
           "sentence_bounds"]

QUALIFIER_TYPES = ("Country", "Organization")  # the ontology: offices are in countries or organizations


class Description(NamedTuple):
    """A title without a name ("the Armenian prime minister") on tokens ``start:end``."""

    start: int
    end: int
    title: str
    qualifier: str | None  # key of the country or organization, if one
    sentence: int


class RoleReading(NamedTuple):
    """What :func:`find_roles` reads: officialOf facts and title descriptions as mentions."""

    facts: list[Fact]
    descriptions: list[TokMention]


def find_roles(doc: Doc, mentions: list[TokMention], titles: list[TitleSpan], lex: Lexicon) -> RoleReading:
    """officialOf facts of the titles in a Doc, and mentions of the persons titles describe."""
    by_start = {m.start: m for m in mentions if m.role != "nested"}
    by_end = {m.end: m for m in mentions if m.role != "nested"}
    sent_of = doc._.kg_sent_of
    n = len(doc)
    facts: list[Fact] = []
    seen = set()
    descriptions: list[Description] = []
    holders: dict[tuple[str, str | None], set[str]] = {}

    for t in titles:
        k = sent_of[t.start]
        quals: list[TokMention] = []
        q_start = t.start
        rule = "title-qualifier"
        before = t.start
        if before > 0 and doc[before - 1].lower_ in lex.grammar.possessive:
            before -= 1
        q = by_end.get(before)
        if q is not None and q.type in QUALIFIER_TYPES and sent_of[q.start] == k:
            quals, q_start = [q], q.start
        j = t.end
        if not quals and j < n and doc[j].lower_ == "of":
            quals, j = forward_list(doc, lex, j + 1, by_start, QUALIFIER_TYPES, n, plural=t.plural)
            rule = "title-of"
        persons, _ = forward_list(doc, lex, j, by_start, ("Person",), n, plural=t.plural)
        persons = [p for p in persons if p.role != "description"]
        if not persons and quals:
            # appositive: "Mirzoyan, Armenia's foreign minister"
            a = q_start - (1 if q_start > 0 and doc[q_start - 1].lower_ == "the" else 0)
            if a > 0 and doc[a - 1].text == ",":
                p = by_end.get(a - 1)
                if p is not None and p.type == "Person":
                    persons, rule = [p], "appositive"
        if quals and persons:
            if len(quals) == len(persons):
                pairs = list(zip(persons, quals))
            elif len(quals) == 1:
                pairs = [(p, quals[0]) for p in persons]
            else:
                pairs = []
            for p, q in pairs:
                key = (p.key, q.key, t.title, k)
                if key in seen or p.key == q.key:
                    continue
                seen.add(key)
                holders.setdefault((t.title, q.key), set()).add(p.key)
                holders.setdefault((t.title, None), set()).add(p.key)
                facts.append(make_fact(doc, k, p.key, "officialOf", q.key, rule, lex.confidence.official,
                                       title=t.title))
        elif not persons and not t.plural:
            start = q_start if quals and len(quals) == 1 else t.start
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            elif not quals:
                continue  # a bare title needs "the": "the president said"
            descriptions.append(Description(start, j if rule == "title-of" and quals else t.end, t.title,
                                            quals[0].key if len(quals) == 1 else None, k))

    added = []
    for d in descriptions:
        who = holders.get((d.title, d.qualifier), set())
        if len(who) != 1:
            continue
        person = next(iter(who))
        added.append(TokMention(d.start, d.end, person, "Person", "coref-title", "description", d.sentence))
    return RoleReading(facts, added)


class RoleReader:
    """spaCy component ``kg_roles``: :func:`find_roles` onto the Doc.

    Sets ``Doc._.kg_facts``; adds the descriptions to ``kg_mentions`` and counts them on
    ``kg_entities``.  It holds only the lexicon.
    """

    def __init__(self, nlp: Language, lex: Lexicon | None = None):
        ensure_extensions()
        self.lex = lex or load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[TokMention] = doc._.kg_mentions
        entities = doc._.kg_entities
        reading = find_roles(doc, mentions, doc._.kg_titles, self.lex)
        for m in reading.descriptions:
            entities[m.key].mentions += 1
        if reading.descriptions:
            doc._.kg_mentions = sorted(mentions + reading.descriptions, key=lambda m: (m.start, -(m.end - m.start)))
        doc._.kg_facts = reading.facts
        return doc


@Language.factory(
    "kg_roles",
    requires=["doc._.kg_layout", "doc._.kg_sent_of", "doc._.kg_mentions", "doc._.kg_titles", "doc._.kg_entities"],
    assigns=["doc._.kg_facts", "doc._.kg_mentions", "doc._.kg_entities"],
)
def make_role_reader(nlp: Language, name: str) -> RoleReader:
    return RoleReader(nlp)

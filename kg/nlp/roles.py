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

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import TokMention, ensure_extensions
from kg.records import Fact

QUALIFIER_TYPES = ("Country", "Organization")  # the ontology: offices are in countries or organizations


def sentence_bounds(layout, k: int) -> tuple[int, int]:
    s, e, _ = layout.sentences[k]
    return s, e


def make_fact(doc: Doc, sentence: int, subject: str, predicate: str, obj: str, rule: str,
              confidence: float, negated: bool = False, title: str | None = None) -> Fact:
    s, e = sentence_bounds(doc._.kg_layout, sentence)
    return Fact(subject, predicate, obj, sentence, s, e, doc._.kg_layout.text[s:e], rule, confidence, negated, title)


def forward_list(doc: Doc, i: int, by_start: dict[int, TokMention], types: tuple[str, ...],
                 limit: int, plural: bool = True) -> tuple[list[TokMention], int]:
    """Mentions listed from token ``i``: "A, B and the C" -> [A, B, C], end token."""
    items: list[TokMention] = []
    j = i
    while j < limit:
        m = by_start.get(j)
        if m is None and doc[j].lower_ == "the":
            m = by_start.get(j + 1)
        if m is None or m.type not in types or m.role == "pronoun":
            break
        items.append(m)
        j = m.end
        if not plural:
            break
        k = j
        if k < limit and doc[k].text == ",":
            k += 1
        if k < limit and doc[k].lower_ in ("and", "&", "plus"):
            k += 1
        elif k + 2 < limit and doc[k].lower_ == "as" and doc[k + 1].lower_ == "well" and doc[k + 2].lower_ == "as":
            k += 3
        if k == j:
            break
        if k not in by_start and not (k < limit and doc[k].lower_ == "the" and k + 1 in by_start):
            break
        j = k
    return items, j


def backward_list(doc: Doc, end: int, by_end: dict[int, TokMention], types: tuple[str, ...],
                  limit: int) -> list[TokMention]:
    """Mentions listed up to token ``end`` (exclusive), in text order."""
    items: list[TokMention] = []
    j = end
    while j > limit:
        m = by_end.get(j)
        if m is None or m.type not in types or m.role == "pronoun":
            break
        items.append(m)
        j = m.start
        if j - 1 >= limit and doc[j - 1].lower_ == "the":
            j -= 1
        k = j
        if k - 1 >= limit and doc[k - 1].lower_ in ("and", "&"):
            k -= 1
        if k - 1 >= limit and doc[k - 1].text == ",":
            k -= 1
        if k == j:
            break
        j = k
    items.reverse()
    return items


class RoleReader:
    """spaCy component ``kg_roles``: officialOf facts with titles; title descriptions as mentions."""

    def __init__(self, nlp: Language):
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[TokMention] = doc._.kg_mentions
        by_start = {m.start: m for m in mentions if m.role != "nested"}
        by_end = {m.end: m for m in mentions if m.role != "nested"}
        sent_of = doc._.kg_sent_of
        n = len(doc)
        facts: list[Fact] = []
        seen = set()
        descriptions = []  # (start, end, title, qualifier key or None, sentence)
        holders: dict[tuple[str, str | None], set[str]] = {}

        for t in doc._.kg_titles:
            k = sent_of[t.start]
            quals: list[TokMention] = []
            q_start = t.start
            rule = "title-qualifier"
            before = t.start
            if before > 0 and doc[before - 1].lower_ in ("'s", "’s"):
                before -= 1
            q = by_end.get(before)
            if q is not None and q.type in QUALIFIER_TYPES and sent_of[q.start] == k:
                quals, q_start = [q], q.start
            j = t.end
            if not quals and j < n and doc[j].lower_ == "of":
                quals, j = forward_list(doc, j + 1, by_start, QUALIFIER_TYPES, n, plural=t.plural)
                rule = "title-of"
            persons, _ = forward_list(doc, j, by_start, ("Person",), n, plural=t.plural)
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
                    facts.append(make_fact(doc, k, p.key, "officialOf", q.key, rule, 0.9, title=t.title))
            elif not persons and not t.plural:
                start = q_start if quals and len(quals) == 1 else t.start
                if start > 0 and doc[start - 1].lower_ == "the":
                    start -= 1
                elif not quals:
                    continue  # a bare title needs "the": "the president said"
                descriptions.append((start, j if rule == "title-of" and quals else t.end, t.title,
                                     quals[0].key if len(quals) == 1 else None, k))

        entities = doc._.kg_entities
        added = []
        for start, end, title, qual, k in descriptions:
            who = holders.get((title, qual), set())
            if len(who) != 1:
                continue
            person = next(iter(who))
            added.append(TokMention(start, end, person, "Person", "coref-title", "description", k))
            entities[person].mentions += 1
        if added:
            mentions = sorted(mentions + added, key=lambda m: (m.start, -(m.end - m.start)))
            doc._.kg_mentions = mentions
        doc._.kg_facts = facts
        return doc


@Language.factory("kg_roles")
def make_role_reader(nlp: Language, name: str):
    return RoleReader(nlp)

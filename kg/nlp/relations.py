"""Relations between actors: memberOf, coChairOf, partOf, supports, deployedTo.

A relation is one entry of :data:`RULES`: its rule name, its predicate, the lexicon list
of its cue phrases (``kg/data/lexicon.toml`` [relations]) and the function that reads the
mentions around a cue.  One spaCy PhraseMatcher finds every cue; :func:`find_relations`
hands each to its rule's finder.  Adding a relation is one lexicon list, one finder and
one line in :data:`RULES`.  The finders: memberships in :mod:`kg.nlp.memberships`,
co-chairs in :mod:`kg.nlp.cochairs`, the others here; what they share in
:mod:`kg.nlp.relation_context`.  The rules:

``member-list``       "The CSTO … unites Armenia, Belarus and Russia", "…, namely A, B and C",
                      "which includes other producers, notably A", "Its full members are A, B"
                      (the organization of the sentence before), "the G7 countries – A, B"
``member-composition`` "X, a regional union of five ex-Soviet states: A, B", "X, a grouping of A, B and C,"
``member-predicate``  "A and B are members of the CSTO", "A joined NATO", "A, a member of X",
                      "became the ninth full member of X", "as it is a permanent member of X",
                      "A and B, both members of X", "A was readmitted to X"
``member-as``         "Bolivia took part as a full member in a summit of the Mercosur bloc" (the
                      sentence's one organization, its opening country)
``member-admitted``   "The Arab League voted to readmit Syria", "the bloc … admitted South Africa in
                      2010", "welcomed X as a full member" (the organization opening the sentence)
``member-noun``       "X is a CSTO member state", "CSTO member Armenia", "member-state Armenia",
                      "Armenia, a member state", "X became NATO's 31st member", "A and B, both NATO members"
``cochair-by``        "co-chaired by France, Russia and the U.S.", "its three co-chairs - A, B and C",
                      "the Co-Chair countries – Minister of A X, …", "Co-Chairs (X of A, Y of B)"
``cochair-predicate`` "where Russia, the United States, and France are co-chairs"
``part-of``           "Karabakh, an internationally recognized territory of Azerbaijan"
``support``           "Turkey … vowed support for Azerbaijan", "Ankara's support for Baku"
``deployed``          "Russia deployed peacekeepers to Nagorno-Karabakh"

A negation in the cue's phrase ("non-member-state Azerbaijan", "is not a member of") keeps
the fact as a negative assertion only (``Fact.negated``); so does a description of the
listed actors as something else than members ("17 non-EU countries invited … namely A",
candidates, observers, partners, guests, former or suspended members).  A co-chairing
person stands for the country they serve (their officialOf from the roles).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.nlp.cochairs import cochair_by, cochair_predicate
from kg.nlp.doc import ensure_extensions, tokens_of
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.lists import backward_list, make_fact
from kg.nlp.memberships import (
    member_admitted,
    member_as,
    member_became,
    member_composition,
    member_list,
    member_noun,
    member_predicate,
    member_restored,
)
from kg.nlp.relation_context import Cue, Relation, RelationContext
from kg.records import ENTITY_TYPES, Fact


# ---------------------------------------------------------------------- other relations
def part_of(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    start, end, k, _, b = cue
    whole = ctx.by_start.get(ctx.skip(end, b, ("the",)))
    if whole is None or whole.type not in ("Country", "Place"):
        return
    part = ctx.nearest_before(k, start, ("Place",))
    if part is None or start - part.end > ctx.lex.window.part_of_gap:
        return
    yield Relation(part, "partOf", whole, "part-of", ctx.lex.confidence.part_of, ctx.negated(part.end, start))


def support(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc = ctx.doc
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    target = ctx.by_start.get(ctx.skip(end, b, ("the",)))
    if target is None or target.type not in ENTITY_TYPES:
        return
    if start - 1 >= a and toks.lower[start - 1] in ctx.lex.grammar.possessive:
        supporter = ctx.by_end.get(start - 1)
    else:
        first = ctx.sent_mentions.get(k, [])
        near = first and first[0].start - a <= ctx.lex.window.support_subject and first[0].end <= start
        supporter = first[0] if near else None
    if supporter is None or supporter.type not in ("Country", "Organization", "Person"):
        return
    if ctx.modal(a, start):
        return
    yield Relation(supporter, "supports", target, "support", ctx.lex.confidence.support,
                   ctx.negated(supporter.end, start))


def deployed(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, objects = ctx.doc, ctx.lex.relations.deploy_objects
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    j = end
    while j < b and j - end < ctx.lex.window.deploy_object_gap and toks.lower[j] not in objects:
        j += 1
    if j >= b or toks.lower[j] not in objects:
        return
    j += 1
    if j < b and toks.lower[j] in ctx.lex.relations.deploy_prepositions:
        place = ctx.by_start.get(ctx.skip(j + 1, b, ("the",)))
    else:
        return
    if place is None or place.type not in ("Place", "Country"):
        return
    actor = ctx.nearest_before(k, start, ("Country", "Organization"))
    if actor is None or ctx.modal(a, start):
        return
    yield Relation(actor, "deployedTo", place, "deployed", ctx.lex.confidence.deployed,
                   ctx.negated(actor.end, start))


# ---------------------------------------------------------------------- the rule table
Finder = Callable[[RelationContext, Cue], Iterable[Relation]]


@dataclass(frozen=True)
class RelationRule:
    """One relation rule: cue phrases from the lexicon list ``cues``, read by ``finder``."""

    name: str  # the rule of the facts it makes
    predicate: str  # the predicate of the facts it makes
    cues: str  # key of the cue phrases in [relations] of the lexicon
    finder: Finder


#: Every relation kg reads.  When two rules' cues cover the very same words
#: ("members", "part of", "co-chairs"), the rule listed first reads them first.
RULES: tuple[RelationRule, ...] = (
    RelationRule("member-noun", "memberOf", "membership_nouns", member_noun),
    RelationRule("member-list", "memberOf", "membership_list_cues", member_list),
    RelationRule("member-composition", "memberOf", "composition_cues", member_composition),
    RelationRule("part-of", "partOf", "part_of_cues", part_of),
    RelationRule("member-predicate", "memberOf", "membership_predicates", member_predicate),
    RelationRule("member-became", "memberOf", "became_member_nouns", member_became),
    RelationRule("member-as", "memberOf", "membership_as", member_as),
    RelationRule("member-admitted", "memberOf", "admission_verbs", member_admitted),
    RelationRule("member-restored", "memberOf", "restoring_verbs", member_restored),
    RelationRule("cochair-by", "coChairOf", "cochair_by", cochair_by),
    RelationRule("cochair-predicate", "coChairOf", "cochair_predicates", cochair_predicate),
    RelationRule("support", "supports", "support_cues", support),
    RelationRule("deployed", "deployedTo", "deploy_verbs", deployed),
)


def cue_matcher(nlp: Language, lex: Lexicon, rules: tuple[RelationRule, ...] = RULES) -> PhraseMatcher:
    """One PhraseMatcher over the cue phrases of all rules, keyed by rule name."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for rule in rules:
        matcher.add(rule.name, [nlp.make_doc(p) for p in lex.relations.cues[rule.cues]])
    return matcher


def find_relations(doc: Doc, matcher: PhraseMatcher, lex: Lexicon, facts: list[Fact] | None = None,
                   rules: tuple[RelationRule, ...] = RULES) -> list[Fact]:
    """The facts of ``rules`` in a Doc with mentions, after ``facts`` (the roles' facts)."""
    facts = list(facts or [])
    ctx = RelationContext.of(doc, lex, facts)
    by_name = {rule.name: (i, rule) for i, rule in enumerate(rules)}
    layout = doc._.kg_layout
    zones = [z for _, _, z in layout.sentences]
    seen = {(f.subject, f.predicate, f.object, f.sentence, f.negated) for f in facts}
    strings = doc.vocab.strings
    matches = sorted(((by_name[strings[m]], s, e) for m, s, e in matcher(doc)),
                     key=lambda x: (x[1], -(x[2] - x[1]), x[0][0]))
    last_end: dict[str, int] = {}
    denials = tokens_of(doc).has_any(lex.relations.denial_verbs)  # "X denied that …" (ctx.denied)
    for (_, rule), start, end in matches:
        if start < last_end.get(rule.name, -1):
            continue  # a shorter cue inside a longer one of the same rule
        last_end[rule.name] = end
        k = ctx.sent_of[start]
        if k < 0 or zones[k] == "title":
            continue
        a, b = ctx.sent_range[k]
        for rel in rule.finder(ctx, Cue(start, end, k, a, b)):
            if rel.subject.key == rel.object.key:
                continue
            negated = rel.negated or (denials and (ctx.denied(_clause_start(ctx, rel.subject.start), a)
                                                  or ctx.denied_clause(start, a)))
            key = (rel.subject.key, rel.predicate, rel.object.key, k, negated)
            if key in seen:
                continue
            seen.add(key)
            facts.append(make_fact(layout, k, rel.subject.key, rel.predicate, rel.object.key, rel.rule,
                                   rel.confidence, negated=negated))
    return facts


def _clause_start(ctx: RelationContext, i: int) -> int:
    """The start of the subject whose mention starts at token ``i``, past its article and the
    list it ends ("that the A, B and C are members": A's "the")."""
    toks = tokens_of(ctx.doc)
    a = ctx.sent_range[ctx.sent_of[i]][0]
    items = backward_list(ctx.doc, ctx.lex, ctx.by_start[i].end if i in ctx.by_start else i, ctx.by_end,
                          tuple(ENTITY_TYPES), a - 1)
    start = items[0].start if items else i
    return start - 1 if start > a and toks.lower[start - 1] in ctx.lex.grammar.articles else start


class RelationReader:
    """spaCy component ``kg_relations``: :func:`find_relations` onto ``Doc._.kg_facts``.

    It holds only what every document shares: the lexicon and the cue matcher.
    """

    def __init__(self, nlp: Language, lex: Lexicon | None = None):
        ensure_extensions()
        self.lex = lex or load_lexicon()
        self.matcher = cue_matcher(nlp, self.lex)

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_facts = find_relations(doc, self.matcher, self.lex, doc._.kg_facts)
        return doc


@Language.factory(
    "kg_relations",
    requires=["doc._.kg_layout", "doc._.kg_sent_of", "doc._.kg_mentions", "doc._.kg_titles", "doc._.kg_facts"],
    assigns=["doc._.kg_facts"],
)
def make_relation_reader(nlp: Language, name: str) -> RelationReader:
    return RelationReader(nlp)

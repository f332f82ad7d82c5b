"""Relations between actors: memberOf, coChairOf, partOf, supports, deployedTo.

A relation is one entry of :data:`RULES`: its rule name, its predicate, the lexicon list
of its cue phrases (``kg/data/lexicon.toml`` [relations]) and the function that reads the
mentions around a cue.  One spaCy PhraseMatcher finds every cue; :func:`find_relations`
hands each to its rule's finder.  Adding a relation is one lexicon list, one finder and
one line in :data:`RULES`.  The rules:

``member-list``       "The CSTO … unites Armenia, Belarus and Russia", "…, namely A, B and C"
``member-predicate``  "A and B are members of the CSTO", "A joined NATO", "A, a member of X"
``member-noun``       "X is a CSTO member state", "CSTO member Armenia", "member-state Armenia"
``cochair-by``        "co-chaired by France, Russia and the U.S.", "its three co-chairs - A, B and C"
``cochair-predicate`` "where Russia, the United States, and France are co-chairs"
``part-of``           "Karabakh, an internationally recognized territory of Azerbaijan"
``support``           "Turkey … vowed support for Azerbaijan", "Ankara's support for Baku"
``deployed``          "Russia deployed peacekeepers to Nagorno-Karabakh"

A negation in the cue's phrase ("non-member-state Azerbaijan", "is not a member of") keeps
the fact as a negative assertion only (``Fact.negated``).
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.nlp.doc import TokMention, ensure_extensions
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.lists import backward_list, forward_list, make_fact
from kg.records import ENTITY_TYPES, Fact

MEMBER_TYPES = ("Country", "Organization")
DASHES = (",", ":", "-", "–", "—")


class Cue(NamedTuple):
    """A cue phrase on tokens ``start:end`` of sentence ``sentence`` (token range ``a:b``)."""

    start: int
    end: int
    sentence: int
    a: int
    b: int


class Relation(NamedTuple):
    """What a finder reads around a cue: subject -predicate-> object."""

    subject: TokMention
    predicate: str
    object: TokMention
    rule: str
    confidence: float
    negated: bool


@dataclass(slots=True)
class RelationContext:
    """One document's mentions, indexed the ways the finders read them (built per call)."""

    doc: Doc
    lex: Lexicon
    sent_of: list[int]
    by_start: dict[int, TokMention]  # names only: a description overlaps its qualifier
    by_end: dict[int, TokMention]
    orgs: list[TokMention]  # organizations "the alliance" may point back to
    org_starts: list[int]
    sent_mentions: dict[int, list[TokMention]]
    sent_range: dict[int, tuple[int, int]]

    @classmethod
    def of(cls, doc: Doc, lex: Lexicon) -> RelationContext:
        mentions = [m for m in doc._.kg_mentions if m.role not in ("pronoun", "nested")]
        by_start: dict[int, TokMention] = {}
        by_end: dict[int, TokMention] = {}
        for m in mentions:
            if m.role == "description":
                continue
            by_start.setdefault(m.start, m)
            by_end[m.end] = m
        sent_of = doc._.kg_sent_of
        # not the organizations that only qualify a title ("Kremlin spokesman Dmitry Peskov")
        title_starts = {t.start for t in doc._.kg_titles or ()}
        orgs = [m for m in mentions if m.type == "Organization" and m.role != "description"
                and sent_of[m.start] >= 0 and m.end not in title_starts
                and not (m.end + 1 in title_starts and doc[m.end].lower_ in lex.grammar.possessive)]
        sent_mentions: dict[int, list[TokMention]] = {}
        for m in mentions:
            if m.role != "description":
                sent_mentions.setdefault(m.sentence, []).append(m)
        sent_range: dict[int, tuple[int, int]] = {}
        for i, k in enumerate(sent_of):
            if k < 0:
                continue
            a, _ = sent_range.get(k, (i, i))
            sent_range[k] = (a, i + 1)
        return cls(doc, lex, sent_of, by_start, by_end, orgs, [m.start for m in orgs], sent_mentions, sent_range)

    # ------------------------------------------------------------------ readings
    def nearest_before(self, k: int, pos: int, types: tuple[str, ...]) -> TokMention | None:
        best = None
        for m in self.sent_mentions.get(k, ()):
            if m.end <= pos and m.type in types and m.role not in ("demonym",):
                best = m
        return best

    def first_after(self, k: int, pos: int, types: tuple[str, ...]) -> TokMention | None:
        for m in self.sent_mentions.get(k, ()):
            if m.start >= pos and m.type in types and m.role not in ("demonym",):
                return m
        return None

    def anaphor_at(self, i: int) -> TokMention | None:
        """ "the alliance", "the bloc" at token ``i``: the organization last named before it."""
        doc = self.doc
        if (i + 1 >= len(doc) or doc[i].lower_ not in self.lex.relations.anaphor_determiners
                or doc[i + 1].lower_ not in self.lex.relations.anaphors):
            return None
        pos = bisect.bisect_left(self.org_starts, i)
        if not pos:
            return None
        k = self.sent_of[i]
        recent = [m for m in self.orgs[:pos] if k - 1 <= m.sentence <= k]
        if recent:  # "The Nordic Council met. The bloc brings together …"
            return recent[-1]
        # the organization the article is about: named most often so far, then the first named
        counts: dict[str, int] = {}
        first: dict[str, TokMention] = {}
        for m in self.orgs[:pos]:
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, m)
        best = max(counts, key=lambda key: (counts[key], -first[key].start))
        return first[best]

    def anaphor_before(self, k: int, start: int) -> TokMention | None:
        a, _ = self.sent_range[k]
        for i in range(start - 2, a - 1, -1):
            found = self.anaphor_at(i)
            if found is not None:
                return found
        return None

    def negated(self, a: int, b: int) -> bool:
        doc, words = self.doc, self.lex.relations.negations
        return any(doc[i].lower_ in words for i in range(max(a, 0), b))

    def modal(self, a: int, b: int) -> bool:
        doc, words = self.doc, self.lex.relations.modal
        return any(doc[i].lower_ in words for i in range(max(a, 0), b))

    def skip(self, j: int, limit: int, words: Iterable[str] = (",", ":", "-", "–", "—", "the")) -> int:
        doc = self.doc
        while j < limit and doc[j].lower_ in words:
            j += 1
        return j

    def inside_a_clause(self, i: int, a: int) -> bool:
        """The words before token ``i`` make it an object, not a subject ("together with Finland")."""
        doc = self.doc
        j = i - 1
        if j >= a and doc[j].lower_ == "the":
            j -= 1
        return j >= a and doc[j].lower_ in self.lex.relations.clause_words


# ---------------------------------------------------------------------- memberOf
def member_list(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, conf, win = ctx.doc, ctx.lex.confidence, ctx.lex.window
    start, end, k, b = cue.start, cue.end, cue.sentence, cue.b
    text = doc[start:end].text.lower()
    org = ctx.nearest_before(k, start, ("Organization",)) or ctx.anaphor_before(k, start)
    if org is None:
        return
    j = ctx.skip(end, b, DASHES)
    items, _ = forward_list(doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, b)
    items = [m for m in items if m.key != org.key]
    strong = text in ctx.lex.relations.strong_list_cues
    if not items or (not strong and len(items) < ctx.lex.relations.min_weak_list_members and org.end != start):
        return
    neg = ctx.negated(max(org.end, start - win.negation_before_cue), start)
    confidence = conf.member_list_strong if strong else conf.member_list
    for m in items:
        yield Relation(m, "memberOf", org, "member-list", confidence, neg)


def member_predicate(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, win, gap = ctx.doc, ctx.lex.window, ctx.lex.relations.member_subject_gap
    start, end, a, b = cue.start, cue.end, cue.a, cue.b
    j = ctx.skip(end, b, ("the",))
    org = ctx.by_start.get(j) or ctx.anaphor_at(end)
    if org is None or org.type != "Organization":
        return
    s = start
    while s > a and (doc[s - 1].lower_ in gap
                     or (doc[s - 1].lower_.endswith("ly") and doc[s - 1].is_lower)):  # "formally joined"
        s -= 1
    subjects = backward_list(doc, ctx.lex, s, ctx.by_end, MEMBER_TYPES, a - 1)
    if subjects and ctx.inside_a_clause(subjects[0].start, a):
        # "Sweden, which applied together with Finland, is not a member": the subject
        # stands before the clause's opening comma
        subjects = []
        for c in range(s - 2, max(a, s - win.clause_comma), -1):
            if doc[c].text == ",":
                subjects = backward_list(doc, ctx.lex, c, ctx.by_end, MEMBER_TYPES, a - 1)
                if subjects and ctx.inside_a_clause(subjects[0].start, a):
                    subjects = []
                if subjects:
                    break
    if not subjects:
        return
    neg = ctx.negated(max(a, start - win.negation_before_cue), end)
    for m in subjects:
        yield Relation(m, "memberOf", org, "member-predicate", ctx.lex.confidence.member_predicate, neg)


def member_noun(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, conf, words = ctx.doc, ctx.lex.confidence, ctx.lex.relations
    start, end, k, a, b = cue
    # "non-member-state Azerbaijan": the negation is glued before the noun ("non" "-", "non-", "non")
    prefixes = words.negation_prefixes
    before = doc[start - 1].lower_ if start - 1 >= a else ""
    neg = before == "-" and start - 2 >= a and doc[start - 2].lower_ + "-" in prefixes
    neg = neg or (before != "" and (before in prefixes or before + "-" in prefixes))
    org = ctx.by_end.get(start)
    if org is not None and org.type == "Organization":
        # "CSTO member state Armenia"
        after = ctx.by_start.get(ctx.skip(end, b, ("the",)))
        if after is not None and after.type == "Country":
            negated = neg or ctx.negated(org.start - ctx.lex.window.negation_before_org, org.start)
            yield Relation(after, "memberOf", org, "member-noun", conf.member_noun, negated)
            return
        # "X - is a CSTO member state"
        i = org.start
        if i - 1 >= a and doc[i - 1].lower_ in ctx.lex.grammar.indefinite_articles:
            i -= 1
            if i - 1 >= a and doc[i - 1].lower_ in words.member_noun_copulas:
                verb = i - 1
                neg = neg or ctx.negated(verb - 1, i)
                i = verb
                while i - 1 >= a and doc[i - 1].lower_ in words.member_noun_subject_gap:
                    i -= 1
                subj = ctx.by_end.get(i)
                if subj is not None and subj.type == "Country":
                    yield Relation(subj, "memberOf", org, "member-noun", conf.member_noun, neg)
        return
    # "member-state Armenia" with the organization elsewhere in the sentence
    if doc[start:end].text.lower() in words.bare_membership_nouns:
        return
    after = ctx.by_start.get(end)
    if after is None or after.type != "Country":
        return
    org = ctx.nearest_before(k, start, ("Organization",)) or ctx.first_after(k, end, ("Organization",))
    if org is not None:
        yield Relation(after, "memberOf", org, "member-noun", conf.member_noun_elsewhere, neg)


# ---------------------------------------------------------------------- coChairOf
def cochair_by(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    start, end, k, _, b = cue
    org = ctx.nearest_before(k, start, ("Organization",))
    if org is None:
        return
    j = ctx.skip(end, b)
    items, _ = forward_list(ctx.doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, b)
    items = [m for m in items if m.key != org.key]
    if not items:
        return
    neg = ctx.negated(max(org.end, start - ctx.lex.window.negation_before_cue), start)
    for m in items:
        yield Relation(m, "coChairOf", org, "cochair-by", ctx.lex.confidence.cochair_by, neg)


def cochair_predicate(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, gap = ctx.doc, ctx.lex.relations.cochair_subject_gap
    start, end, k, a, b = cue
    s = start
    while s - 1 >= a and doc[s - 1].lower_ in gap:
        s -= 1
    subjects = backward_list(doc, ctx.lex, s, ctx.by_end, MEMBER_TYPES, a - 1)
    if not subjects:
        return
    j = end
    org = None
    if j < b and doc[j].lower_ == "of":
        org = ctx.by_start.get(ctx.skip(j + 1, b, ("the",)))
    elif j < b and doc[j].lower_ not in ctx.lex.relations.cochair_object_stops:
        org = ctx.by_start.get(ctx.skip(j, b, ("the",)))  # "A and B co-chair the group"
    if org is None or org.type != "Organization":
        org = ctx.nearest_before(k, subjects[0].start, ("Organization",))
    if org is None:
        return
    neg = ctx.negated(s, start)
    for m in subjects:
        if m.key != org.key:
            yield Relation(m, "coChairOf", org, "cochair-predicate", ctx.lex.confidence.cochair_predicate, neg)


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
    start, end, k, a, b = cue
    target = ctx.by_start.get(ctx.skip(end, b, ("the",)))
    if target is None or target.type not in ENTITY_TYPES:
        return
    if start - 1 >= a and doc[start - 1].lower_ in ctx.lex.grammar.possessive:
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
    start, end, k, a, b = cue
    j = end
    while j < b and j - end < ctx.lex.window.deploy_object_gap and doc[j].lower_ not in objects:
        j += 1
    if j >= b or doc[j].lower_ not in objects:
        return
    j += 1
    if j < b and doc[j].lower_ in ctx.lex.relations.deploy_prepositions:
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
    RelationRule("part-of", "partOf", "part_of_cues", part_of),
    RelationRule("member-predicate", "memberOf", "membership_predicates", member_predicate),
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
    ctx = RelationContext.of(doc, lex)
    by_name = {rule.name: (i, rule) for i, rule in enumerate(rules)}
    zones = [z for _, _, z in doc._.kg_layout.sentences]
    seen = {(f.subject, f.predicate, f.object, f.sentence, f.negated) for f in facts}
    strings = doc.vocab.strings
    matches = sorted(((by_name[strings[m]], s, e) for m, s, e in matcher(doc)),
                     key=lambda x: (x[1], -(x[2] - x[1]), x[0][0]))
    last_end: dict[str, int] = {}
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
            key = (rel.subject.key, rel.predicate, rel.object.key, k, rel.negated)
            if key in seen:
                continue
            seen.add(key)
            facts.append(make_fact(doc, k, rel.subject.key, rel.predicate, rel.object.key, rel.rule,
                                   rel.confidence, negated=rel.negated))
    return facts


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

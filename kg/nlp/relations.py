"""Relations between actors: memberOf, coChairOf, partOf, supports, deployedTo.

A relation is one entry of :data:`RULES`: its rule name, its predicate, the lexicon list
of its cue phrases (``kg/data/lexicon.toml`` [relations]) and the function that reads the
mentions around a cue.  One spaCy PhraseMatcher finds every cue; :func:`find_relations`
hands each to its rule's finder.  Adding a relation is one lexicon list, one finder and
one line in :data:`RULES`.  The rules:

``member-list``       "The CSTO … unites Armenia, Belarus and Russia", "…, namely A, B and C",
                      "which includes other producers, notably A", "Its full members are A, B"
                      (the organization of the sentence before), "the G7 countries – A, B"
``member-composition`` "X, a regional union of five ex-Soviet states: A, B", "X, a grouping of A, B and C,"
``member-predicate``  "A and B are members of the CSTO", "A joined NATO", "A, a member of X",
                      "became the ninth full member of X", "as it is a permanent member of X",
                      "A and B, both members of X", "A was readmitted to X"
``member-as``         "Bolivia took part as a full member in a summit of the Mercosur bloc" (the
                      sentence's one organization, its opening country)
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

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.nlp.doc import TokMention, ensure_extensions
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.lists import backward_list, forward_list, make_fact, phrase_at
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
    nested_orgs: dict[int, TokMention]  # end -> an organization named inside a longer name
    person_country: dict[str, TokMention]  # person key -> a mention of the country they serve

    @classmethod
    def of(cls, doc: Doc, lex: Lexicon, facts: Iterable[Fact] = ()) -> RelationContext:
        nested_orgs = {m.end: m for m in doc._.kg_mentions if m.role == "nested" and m.type == "Organization"}
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
        # a person's country, from the roles' facts ("Foreign Minister of the Russian Federation Sergey Lavrov")
        first: dict[str, TokMention] = {}
        for m in mentions:
            first.setdefault(m.key, m)
        entities = doc._.kg_entities or {}
        person_country: dict[str, TokMention] = {}
        for f in facts:
            info = entities.get(f.object)
            if f.predicate == "officialOf" and not f.negated and info is not None and info.type == "Country":
                country = first.get(f.object) or TokMention(-1, -1, f.object, "Country", f.rule, sentence=f.sentence)
                person_country.setdefault(f.subject, country)
        return cls(doc, lex, sent_of, by_start, by_end, orgs, [m.start for m in orgs], sent_mentions, sent_range,
                   nested_orgs, person_country)

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
        doc, rel = self.doc, self.lex.relations
        if i + 1 >= len(doc) or doc[i].lower_ not in rel.anaphor_determiners:
            return None
        noun = i + 1
        if (noun + 3 < len(doc) and doc[noun].like_num and doc[noun + 1].text == "-"
                and doc[noun + 2].lower_ in rel.anaphor_size_nouns):
            noun += 3  # "the 15-nation bloc", "the 15-member council"
        if doc[noun].lower_ not in rel.anaphors:
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
        """ "The 15-nation bloc, whose members include A, B": the organization an anaphor
        before ``start`` in sentence ``k`` points back to."""
        a, _ = self.sent_range[k]
        for i in range(start - 2, a - 1, -1):
            found = self.anaphor_at(i)
            if found is not None:
                return found
        return None

    def negated(self, a: int, b: int) -> bool:
        doc, words = self.doc, self.lex.relations.negations
        return any(doc[i].lower_ in words and not self.prefix_of_a_kind(i) for i in range(max(a, 0), b))

    def prefix_of_a_kind(self, i: int) -> bool:
        """ "non" of "non-permanent members": a negation prefix that names a kind of member,
        not a non-member (unlike "non-member", "non-EU")."""
        rel = self.lex.relations
        if self.doc[i].lower_ + "-" not in rel.negation_prefixes:
            return False
        j = self.skip(i + 1, len(self.doc), ("-",))
        return j < len(self.doc) and j > i + 1 and not self.denies_membership(j)

    def denies_membership(self, j: int) -> bool:
        """Token ``j`` after a negation prefix is a membership noun or an organization ("non-EU")."""
        m = self.by_start.get(j)
        return self.doc[j].lower_ in self.lex.relations.bare_membership_nouns or (
            m is not None and m.type == "Organization")

    def non_member(self, a: int, b: int) -> bool:
        """Tokens ``a:b`` describe something else than members: candidates, observers, guests
        ("17 non-EU countries invited …"), or past members ("former members")."""
        doc, rel = self.doc, self.lex.relations
        n = len(doc)
        for i in range(max(a, 0), b):
            w = doc[i].lower_
            if w in rel.non_member_words:
                return True
            if w in rel.former_member_words or w + "-" in rel.negation_prefixes:
                j = self.skip(i + 1, n, ("-",))
                if j < n and self.denies_membership(j):
                    return True
        return False

    def member_adjective(self, i: int) -> bool:
        """ "permanent", "full", "ninth", "31st": a word of a member that keeps it a member."""
        t = self.doc[i]
        w = t.lower_
        return w in self.lex.relations.member_adjectives or (
            w[:1].isdigit() and w.endswith(self.lex.relations.ordinal_suffixes))

    def list_start(self, j: int, b: int) -> int | None:
        """The token a list of members starts at when a mark (":", "–", "(") or an opener
        ("namely", "such as") opens it at ``j`` (after an optional comma); None if none does."""
        doc, rel = self.doc, self.lex.relations
        i = j
        marked = False
        if i < b and (doc[i].text in rel.list_marks or doc[i].text == ","):
            marked = doc[i].text != ","
            i += 1
        n = phrase_at(doc, i, b, rel.list_openers)
        if n:
            i += n
            if i < b and doc[i].text in (",", ":"):
                i += 1
            return i
        return i if marked else None

    def described_list(self, j: int, b: int) -> int | None:
        """ "five ex-Soviet states: A, B", "other major producers, notably C": a short description
        of members from token ``j`` (lower-case words, numbers, demonyms) ending in a member noun
        of the lexicon, then a list opener: the token the list starts at, or None."""
        doc, rel = self.doc, self.lex.relations
        limit = min(b, j + self.lex.window.list_descriptor + 1)
        i = j
        while i < limit:
            n = phrase_at(doc, i, b, rel.member_head_nouns)
            if n:
                found = self.list_start(i + n, b)
                if found is not None:
                    return found
            m = self.by_start.get(i)
            if m is not None and m.role == "demonym":
                i = m.end
                continue
            t = doc[i]
            if m is None and ((t.is_alpha and t.lower_ not in self.lex.relations.clause_words)
                              or t.like_num or t.text == "-"):
                i += 1  # "five", "ex-Soviet", "other major"
                continue
            return None
        return None

    def clause_start(self, start: int, a: int) -> int:
        """The first token of the phrase a list at ``start`` describes: back over the mark that
        opens the list, then to the last comma, semicolon or parenthesis (within a window)."""
        doc = self.doc
        i = start - 1
        while i >= a and (doc[i].text in self.lex.relations.list_marks or doc[i].text == ","):
            i -= 1
        low = max(a, start - self.lex.window.list_clause)
        while i >= low and doc[i].text not in (",", ";", "(", ":"):
            i -= 1
        return max(i + 1, low)

    def dash(self, i: int) -> bool:
        """Token ``i`` is a dash, not a hyphen inside a word ("Jean-Yves")."""
        t = self.doc[i]
        return t.text in DASHES[3:] or (t.text == "-" and bool(t.whitespace_) and i > 0
                                        and bool(self.doc[i - 1].whitespace_))

    def in_compound(self, i: int) -> bool:
        """Token ``i`` is a hyphen inside a word, or a word before one ("Russia-led", "ex-Soviet")."""
        doc = self.doc
        if doc[i].text == "-":
            return not doc[i].whitespace_ and i > 0 and not doc[i - 1].whitespace_
        return i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_

    def attached(self, org: TokMention, start: int) -> bool:
        """The cue at ``start`` is said of ``org`` itself ("X includes", "X, which includes")."""
        doc, links = self.doc, self.lex.relations.composition_links
        return org.end <= start and all(doc[i].lower_ in links for i in range(org.end, start))

    def context_org(self, k: int, start: int) -> TokMention | None:
        """The organization a sentence opening with "Its members are" speaks of: the last one
        named before ``start`` in this sentence or in the sentence before."""
        pos = bisect.bisect_left(self.org_starts, start)
        if pos and self.orgs[pos - 1].sentence >= k - 1:
            return self.orgs[pos - 1]
        return None

    def country_of(self, m: TokMention) -> TokMention | None:
        """A country mention for ``m``: itself, or the country a person serves."""
        if m.type == "Country":
            return m
        if m.type == "Person":
            return self.person_country.get(m.key)
        return None

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
    doc, conf, win, rel = ctx.doc, ctx.lex.confidence, ctx.lex.window, ctx.lex.relations
    start, end, k, a, b = cue
    text = doc[start:end].text.lower()
    strong = text in rel.strong_list_cues
    if text in rel.org_member_nouns:
        # "the G7 countries – A, B": only right after the organization, then a list opener
        org = ctx.by_end.get(start)
        found = ctx.list_start(end, b) if org is not None and org.type == "Organization" else None
        if found is None:
            return
        j = found
    else:
        org = ctx.nearest_before(k, start, ("Organization",)) or ctx.anaphor_before(k, start)
        j = ctx.skip(end, b, DASHES)
    confidence = conf.member_list_strong if strong else conf.member_list
    if org is None and strong and all(doc[i].lower_ in rel.member_list_leads for i in range(a, start)):
        # "Its full members are A, B": the organization of the sentence before
        org = ctx.context_org(k, start)
        confidence = conf.member_context
    if org is None:
        return
    items, _ = forward_list(doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, b)
    if not items:
        # "includes other major producers, notably Russia", "members, including A"
        j = ctx.list_start(end, b)
        if j is None:
            j = ctx.described_list(ctx.skip(end, b, DASHES), b)
        if j is not None:
            items, _ = forward_list(doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, b)
    items = [m for m in items if m.key != org.key]
    if not items or (not strong and len(items) < rel.min_weak_list_members and not ctx.attached(org, start)):
        return
    neg = ctx.negated(max(org.end, start - win.negation_before_cue), start)
    # "17 non-EU countries invited to the summit – namely A, B": not members
    neg = neg or ctx.non_member(ctx.clause_start(start, a), start)
    for m in items:
        yield Relation(m, "memberOf", org, "member-list", confidence, neg)


def member_composition(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "the Eurasian Economic Union, a regional economic union of five ex-Soviet states: A, B"."""
    doc, rel = ctx.doc, ctx.lex.relations
    start, end, k, a, b = cue
    if any(m.start <= start < m.end for m in ctx.sent_mentions.get(k, ())):
        return  # the group noun is part of a name ("Commonwealth of Independent States")
    # back over the apposition's adjectives, then its links ("X, a regional economic union of")
    i = start
    low = max(a, start - ctx.lex.window.composition_link)
    while i > low and (ctx.in_compound(i - 1) or (
            doc[i - 1].is_alpha and doc[i - 1].lower_ not in rel.composition_links
            and doc[i - 1].lower_ not in rel.clause_words
            and (doc[i - 1].is_lower or ctx.by_start.get(i - 1) is None or ctx.by_start[i - 1].role == "demonym"))):
        i -= 1
    linked = i
    while i > low and doc[i - 1].lower_ in rel.composition_links:
        i -= 1
    org = ctx.by_end.get(i)
    if i == linked or org is None or org.type != "Organization":
        return
    j = ctx.described_list(end, b)
    if j is None:
        # "the Quad, a grouping of the United States, Japan, India and Australia, …": the
        # members right after "of", a list of two or more that ends the phrase
        j = end
        items, e = forward_list(doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, b)
        if len(items) < rel.min_weak_list_members or (e < b and doc[e].text not in rel.list_ends):
            return
    else:
        items, _ = forward_list(doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, b)
    items = [m for m in items if m.key != org.key]
    neg = ctx.negated(org.end, j) or ctx.non_member(org.end, j)
    for m in items:
        yield Relation(m, "memberOf", org, "member-composition", ctx.lex.confidence.member_composition, neg)


def member_predicate(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, win, rel = ctx.doc, ctx.lex.window, ctx.lex.relations
    gap = rel.member_subject_gap
    start, end, a, b = cue.start, cue.end, cue.a, cue.b
    j = ctx.skip(end, b, ("the",))
    org = ctx.by_start.get(j) or ctx.anaphor_at(end)
    if org is None or org.type != "Organization":
        return
    s = start
    other = False  # "a former member of", "a candidate member of": not a member
    while s > a:
        w = doc[s - 1].lower_
        if w in rel.future_member_words:
            return  # "will become a member of", "hopes to become a member of": not yet
        if w in rel.former_member_words or w in rel.non_member_words:
            other = True
        elif not (w in gap or w in rel.member_becoming or w in rel.member_quantifiers or ctx.member_adjective(s - 1) or doc[s - 1].like_num
                  or (w.endswith("ly") and doc[s - 1].is_lower)):  # "formally joined", "one of the five"
            break
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
    if not subjects and s > a:
        subjects = member_subject_elsewhere(ctx, s, a)
    if not subjects:
        return
    neg = other or ctx.negated(max(a, min(s, start - win.negation_before_cue)), end)
    for m in subjects:
        yield Relation(m, "memberOf", org, "member-predicate", ctx.lex.confidence.member_predicate, neg)


def member_subject_elsewhere(ctx: RelationContext, s: int, a: int) -> list[TokMention]:
    """The member of "as it is a member of X" (the sentence's subject) or of "Russia's veto
    power as a permanent member of X" (the possessor), when no name stands before ``s``."""
    doc, rel = ctx.doc, ctx.lex.relations
    w = doc[s - 1].lower_
    if w in rel.member_pronoun_subjects:
        i = ctx.skip(a, s, ctx.lex.grammar.articles)
        first = ctx.by_start.get(i)
        if first is not None and first.type in MEMBER_TYPES and first.role != "demonym":
            return [first]
        return []
    if w in rel.member_as:
        i = s - 1
        low = max(a, i - ctx.lex.window.possessor_words)
        while i - 1 > low and doc[i - 1].is_lower and doc[i - 1].is_alpha:
            i -= 1
        if i - 1 >= a and doc[i - 1].lower_ in ctx.lex.grammar.possessive:
            owner = ctx.by_end.get(i - 1)
            if owner is not None and owner.type in MEMBER_TYPES and owner.role != "demonym":
                return [owner]
    return []


def member_as(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "Bolivia took part for the first time as a full member in a summit of the Mercosur
    bloc": the country that opens the sentence, a member of the one organization it names."""
    doc, rel = ctx.doc, ctx.lex.relations
    start, end, k, a, b = cue
    nxt = doc[end].lower_ if end < b else ""
    if nxt == "of" or (nxt in rel.member_as_nouns and end + 1 < b and doc[end + 1].lower_ == "of"):
        return  # "as a member of X" is the member predicate's
    mentions = [m for m in ctx.sent_mentions.get(k, ()) if m.role != "demonym"]
    orgs = [m for m in mentions if m.type == "Organization"]
    if len({m.key for m in orgs}) != 1:
        return  # no organization, or more than one: not unambiguous
    subject = ctx.by_start.get(ctx.skip(a, b, ctx.lex.grammar.articles))
    if subject is None or subject.type != "Country" or subject.end > start:
        return
    if any(subject.end <= m.start < end and m.key != orgs[0].key for m in mentions):
        return  # another actor between: "Bolivia welcomed Peru as a new member"
    # the organization in the cue's own clause: "as a full member in a summit of X", not
    # "…, X said" or "…, which X chairs,"
    org = min(orgs, key=lambda m: abs(m.start - end) if m.start >= end else abs(start - m.end))
    lo, hi = (org.end, start) if org.end <= start else (end, org.start)
    if any(doc[i].text in rel.clause_marks for i in range(lo, hi)):
        return
    org_starts = {m.start for m in orgs}
    if any((doc[i].lower_ in rel.future_member_words or doc[i].lower_ in rel.modal)
           and ctx.skip(i + 1, b, ctx.lex.grammar.articles) not in org_starts  # "returned to the X as a member"
           for i in range(subject.end, start)):
        return  # "Bolivia hopes to take part as a member": not yet
    neg = ctx.negated(subject.end, end) or ctx.non_member(subject.end, end) or any(
        doc[i].lower_ in rel.non_member_words or doc[i].lower_ in rel.former_member_words for i in range(start, end))
    yield Relation(subject, "memberOf", org, "member-as", ctx.lex.confidence.member_as, neg)


def member_noun(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, conf, words = ctx.doc, ctx.lex.confidence, ctx.lex.relations
    start, end, k, a, b = cue
    # "non-member-state Azerbaijan": the negation is glued before the noun ("non" "-", "non-", "non")
    prefixes = words.negation_prefixes
    before = doc[start - 1].lower_ if start - 1 >= a else ""
    neg = before == "-" and start - 2 >= a and doc[start - 2].lower_ + "-" in prefixes
    neg = neg or (before != "" and (before in prefixes or before + "-" in prefixes))
    # "CSTO founding member Armenia", "NATO's 31st member", "a former member state": the
    # member's adjectives before the noun
    i = start
    while i - 1 >= a and (ctx.member_adjective(i - 1) or doc[i - 1].lower_ in words.former_member_words
                          or doc[i - 1].lower_ in words.non_member_words):
        neg = neg or ctx.non_member(i - 1, start + 1)
        i -= 1
    possessive = i - 1 >= a and doc[i - 1].lower_ in ctx.lex.grammar.possessive
    org = ctx.by_end.get(i - 1 if possessive else i)
    head = org.start if org is not None else i
    if org is None and possessive and i - 3 >= a:
        org = ctx.anaphor_at(i - 3)  # "became the bloc's fifth member"
        head = i - 3
    if org is not None and org.type == "Organization":
        # "CSTO member state Armenia"
        after = ctx.by_start.get(ctx.skip(end, b, ("the",)))
        if after is not None and after.type == "Country":
            negated = neg or ctx.negated(org.start - ctx.lex.window.negation_before_org, org.start)
            yield Relation(after, "memberOf", org, "member-noun", conf.member_noun, negated)
            return
        # "X - is a CSTO member state", "X, a permanent Security Council member", "X became NATO's 31st member"
        i = head
        while not possessive and i - 1 >= a and ctx.member_adjective(i - 1) and doc[i - 1].is_lower:
            i -= 1
        if possessive or (i - 1 >= a and doc[i - 1].lower_ in ctx.lex.grammar.indefinite_articles):
            i -= 0 if possessive else 1
            if possessive and i - 1 >= a and doc[i - 1].lower_ in ctx.lex.grammar.articles:
                i -= 1  # "became the Norland Pact's 31st member"
            while i - 1 >= a and doc[i - 1].lower_ in words.negations:
                neg = True  # "Ukraine is not a NATO member"
                i -= 1
            if i - 1 >= a and (doc[i - 1].lower_ in words.member_noun_copulas
                               or doc[i - 1].lower_ in words.member_becoming):
                verb = i - 1
                neg = neg or ctx.negated(verb - 1, i)
                i = verb
                while i - 1 >= a and doc[i - 1].lower_ in words.member_noun_subject_gap:
                    i -= 1
                subj = ctx.by_end.get(i)
                if subj is not None and subj.type == "Country":
                    yield Relation(subj, "memberOf", org, "member-noun", conf.member_noun, neg)
        elif (i - 2 >= a and doc[i - 1].lower_ in words.member_quantifiers and doc[i - 2].text == ","
              and doc[end - 1].lower_.endswith("s")):
            # "Turkey and Hungary, both NATO members": the actors listed before the comma
            subjects = backward_list(doc, ctx.lex, i - 2, ctx.by_end, ("Country",), a - 1)
            if len(subjects) >= 2:
                for subj in subjects:
                    yield Relation(subj, "memberOf", org, "member-noun", conf.member_noun, neg)
        return
    # "member-state Armenia" with the organization elsewhere in the sentence
    if doc[start:end].text.lower() in words.bare_membership_nouns:
        return
    after = ctx.by_start.get(end)
    if after is None or after.type != "Country":
        # "… toward Armenia, a member state": the country before the apposition
        if not (i - 2 >= a and doc[i - 1].lower_ in ctx.lex.grammar.indefinite_articles
                and doc[i - 2].text in DASHES) or (end < b and doc[end].lower_ == "of"):
            return  # "a member state of X" is the member predicate's
        after = ctx.by_end.get(i - 2)
        if after is None or after.type != "Country":
            return
    org = ctx.nearest_before(k, min(start, after.start), ("Organization",)) or ctx.first_after(k, end, ("Organization",))
    if org is not None:
        yield Relation(after, "memberOf", org, "member-noun", conf.member_noun_elsewhere, neg)


# ---------------------------------------------------------------------- coChairOf
def cochair_by(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc = ctx.doc
    start, end, k, _, b = cue
    j = end
    org = None
    if j < b and doc[j].lower_ == "of":  # "the Co-Chairs of the OSCE Minsk Group (…)"
        named = ctx.by_start.get(ctx.skip(j + 1, b, ("the",)))
        if named is not None and named.type == "Organization":
            org, j = named, named.end
    if org is None:
        # "the OSCE Minsk Group Co-Chair countries": also a name inside a longer one
        org = ctx.nearest_before(k, start, ("Organization",)) or ctx.nested_orgs.get(start)
    if org is None:
        return
    conf = ctx.lex.confidence
    confidence = conf.cochair_by
    items = cochair_span(ctx, j, b)
    if items is not None:
        confidence = conf.cochair_span
    else:
        items = cochair_list(ctx, ctx.skip(j, b), b)
    neg = ctx.negated(max(org.end, start - ctx.lex.window.negation_before_cue), start)
    for m, by_person in best_items(items):
        if m.key != org.key:
            yield Relation(m, "coChairOf", org, "cochair-by", conf.cochair_person if by_person else confidence, neg)


def best_items(items: list[tuple[TokMention, bool]]) -> list[tuple[TokMention, bool]]:
    """Each country once, named in the text rather than reached through a person when both."""
    best: dict[str, tuple[TokMention, bool]] = {}
    for m, by_person in items:
        if m.key not in best or (best[m.key][1] and not by_person):
            best[m.key] = (m, by_person)
    return list(best.values())


def cochair_list(ctx: RelationContext, j: int, b: int) -> list[tuple[TokMention, bool]]:
    """ "Russia, France and the U.S.", "Lavrov and Le Drian", "Igor Popov of Russia, Stephane
    Visconti of France and …": the co-chairing countries listed from token ``j`` (a person
    stands for the country after their "of", or the one they serve: then ``True``)."""
    doc, grammar = ctx.doc, ctx.lex.grammar
    items: list[tuple[TokMention, bool]] = []
    while j < b:
        m = ctx.by_start.get(ctx.skip(j, b, grammar.articles))
        if m is None or m.type not in MEMBER_TYPES + ("Person",):
            break
        j = m.end
        item: TokMention | None = m
        by_person = False
        if m.type == "Person":
            after = ctx.by_start.get(ctx.skip(j + 1, b, grammar.articles)) if j < b and doc[j].lower_ == "of" else None
            if after is not None and after.type == "Country":
                item, j = after, after.end
            else:
                item, by_person = ctx.country_of(m), True
        if item is not None:
            items.append((item, by_person))
        k = j
        if k < b and doc[k].text == ",":
            k += 1
        if k < b and doc[k].lower_ in grammar.coordinators:
            k += 1
        if k == j:
            break
        j = k
    return items


def cochair_span(ctx: RelationContext, j: int, b: int) -> list[tuple[TokMention, bool]] | None:
    """ "Co-Chairs (A of France, B of the United States)", "co-chair countries – Foreign Minister
    of the Russian Federation X, …": the countries named between the parenthesis or the dashes
    opened at token ``j``, and the countries of the persons named there; None if no
    parenthesis or dash opens at ``j``."""
    doc, rel = ctx.doc, ctx.lex.relations
    if j >= b or doc[j].text not in rel.list_marks:
        return None
    opening = doc[j].text
    first = j + 1
    if first < b and doc[first].is_lower and doc[first].lower_ not in ctx.lex.grammar.articles:
        return None  # "co-chairs – who met …": a clause, not a list
    e = first
    limit = min(b, first + ctx.lex.window.cochair_span)
    while e < limit and not (doc[e].text == ")" if opening == "(" else doc[e].text == ";" if opening == ":"
                             else ctx.dash(e)):
        e += 1
    items = []
    for m in ctx.sent_mentions.get(ctx.sent_of[j], ()):
        if first <= m.start and m.end <= e:
            country = ctx.country_of(m)
            if country is not None:
                items.append((country, m.type == "Person"))
    return items


def cochair_predicate(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, gap = ctx.doc, ctx.lex.relations.cochair_subject_gap
    start, end, k, a, b = cue
    s = start
    while s - 1 >= a and doc[s - 1].lower_ in gap:
        s -= 1
    found = backward_list(doc, ctx.lex, s, ctx.by_end, MEMBER_TYPES + ("Person",), a - 1)
    if found and s == start and found[-1].type == "Organization" and not (
            end < b and (doc[end].lower_ in ctx.lex.grammar.articles or end in ctx.by_start)):
        return  # "the Minsk Group co-chairs met": the group's co-chairs, not the group co-chairing
    if any(m.type == "Person" for m in found) and all(
            doc[i].lower_ in DASHES or doc[i].lower_ in ctx.lex.grammar.articles for i in range(s, start)):
        return  # "talks with Foreign Minister X, the co-chairs said": not said of X
    # "Lavrov and Le Drian, who co-chair the group": the co-chairing persons' countries
    subjects: list[tuple[TokMention, bool]] = []
    for m in found:
        c = ctx.country_of(m) if m.type == "Person" else m
        if c is not None:
            subjects.append((c, m.type == "Person"))
    if not subjects:
        return
    j = end
    org = None
    if j < b and doc[j].lower_ == "of":
        org = ctx.by_start.get(ctx.skip(j + 1, b, ("the",)))
    elif j < b and doc[j].lower_ not in ctx.lex.relations.cochair_object_stops:
        org = ctx.by_start.get(ctx.skip(j, b, ("the",)))  # "A and B co-chair the group"
    if org is None or org.type != "Organization":
        org = ctx.nearest_before(k, found[0].start, ("Organization",))
    if org is None:
        return
    neg = ctx.negated(s, start)
    conf = ctx.lex.confidence
    for m, by_person in best_items(subjects):
        if m.key != org.key:
            yield Relation(m, "coChairOf", org, "cochair-predicate",
                           conf.cochair_person if by_person else conf.cochair_predicate, neg)


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
    RelationRule("member-composition", "memberOf", "composition_cues", member_composition),
    RelationRule("part-of", "partOf", "part_of_cues", part_of),
    RelationRule("member-predicate", "memberOf", "membership_predicates", member_predicate),
    RelationRule("member-as", "memberOf", "membership_as", member_as),
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

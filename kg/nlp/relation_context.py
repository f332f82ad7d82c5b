"""What the relation finders share: cues, readings, and one document's mentions indexed.

A :class:`RelationContext` is built per call of :func:`kg.nlp.relations.find_relations`
and never kept; finders (:mod:`kg.nlp.memberships`, :mod:`kg.nlp.cochairs`,
:mod:`kg.nlp.relations`) read it and yield :class:`Relation` readings of a :class:`Cue`.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc

from kg.nlp.doc import TokMention, sentence_ranges_of, tokens_of
from kg.nlp.lexicon import Lexicon
from kg.nlp.lists import phrase_at
from kg.records import Fact

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
    #: organizations that only qualify a title ("NATO Secretary General X"): an anaphor's
    #: referent only when no other organization was named in its sentence or the one before
    title_orgs: list[TokMention] = ()  # type: ignore[assignment]

    @classmethod
    def of(cls, doc: Doc, lex: Lexicon, facts: Iterable[Fact] = ()) -> RelationContext:
        toks = tokens_of(doc)
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
        # not the organizations that only qualify a title ("Kremlin spokesman Dmitry Peskov"); a
        # plural title keeps them ("Pacific Islands Forum leaders met …  a member of the forum")
        title_starts = {t.start for t in doc._.kg_titles or () if not t.plural}
        orgs, title_orgs = [], []
        for m in mentions:
            if m.type == "Organization" and m.role != "description" and sent_of[m.start] >= 0:
                qualifies = m.end in title_starts or (m.end + 1 in title_starts and toks.lower[m.end] in lex.grammar.possessive)
                (title_orgs if qualifies else orgs).append(m)
        sent_mentions: dict[int, list[TokMention]] = {}
        for m in mentions:
            if m.role != "description":
                sent_mentions.setdefault(m.sentence, []).append(m)
        sent_range = sentence_ranges_of(doc, sent_of)
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
                   nested_orgs, person_country, title_orgs)

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

    def anaphor_at(self, i: int, skip: frozenset[str] = frozenset()) -> TokMention | None:
        """ "the alliance", "the bloc" at token ``i``: the organization last named before it
        (none of the keys in ``skip``: the subject of "X joined the association" is not it)."""
        doc, rel = self.doc, self.lex.relations
        toks = tokens_of(doc)
        if i + 1 >= len(doc) or toks.lower[i] not in rel.anaphor_determiners:
            return None
        noun = i + 1
        # the Token (an object per call) only where the words around it fit
        if (noun + 3 < len(doc) and toks.text[noun + 1] == "-" and toks.lower[noun + 2] in rel.anaphor_size_nouns
                and doc[noun].like_num):
            noun += 3  # "the 15-nation bloc", "the 15-member council"
        while noun + 1 < len(doc) and noun - i <= 2 and (doc[noun].like_num or (
                toks.text[noun].islower() and toks.lower[noun] in rel.member_list_leads
                and toks.lower[noun] not in rel.anaphor_determiners)):
            noun += 1  # "the remaining 13 council members"
        if toks.lower[noun] not in rel.anaphors and toks.lower[noun] not in rel.named_only_anaphors:
            return None
        pos = bisect.bisect_left(self.org_starts, i)
        if not pos:
            return None
        k = self.sent_of[i]
        named = [m for m in self.orgs[:pos] if m.key not in skip] if skip else self.orgs[:pos]
        if toks.lower[noun] not in rel.ministry_anaphors:
            # "the Tajik defence ministry said … Armenia, one of the bloc's six members": a
            # bloc, an alliance, a council is no government's ministry
            named = [m for m in named if m.rule not in rel.ministry_rules]
            if not named:
                return None
        word = toks.lower[noun]
        if word in rel.named_only_anaphors:
            # "the summit" is mostly a meeting: only a body whose name has the noun
            named = [m for m in named if self.named_with(m.key, word)]
            if not named:
                return None
        if word in rel.member_body_anaphors:
            # "… through the ASEAN Coordinating Centre for Humanitarian Assistance. Thailand,
            # a founding member of the bloc": an institution a bloc runs is not the bloc
            named = [m for m in named if not self.institution(m.key, word)] or named
        recent = [m for m in named if k - 1 <= m.sentence <= k]
        if recent:  # "The Nordic Council met. The bloc brings together …"
            # "The Nordic Council met … members of NATO. The council, whose members are …":
            # the one named with the anaphor's noun, when one is
            own = [m for m in recent if self.named_with(m.key, word)]
            if own:
                return own[-1]
            earlier = self._earlier_same_anaphor(i, noun, k, skip)
            if earlier is not None and earlier.key in {m.key for m in named}:
                # "The bloc's secretary-general said it would raise it at the OAS. Guyana, which
                # hosts the bloc's secretariat": "the bloc" again means what it meant before,
                # not an organization named after it
                return earlier
            fitting = {m.key: m for m in named if self.named_with(m.key, word)}
            if len(fitting) == 1:
                # "The Group of Seven … was represented by … the European Council. Russia was a
                # member of the group": the one organization named with the noun, further back
                return next(iter(fitting.values()))
            # "Valtonen told the organization's Permanent Council … The 57-nation body, whose
            # members include …": an organ of another organization is not what "the body" or
            # "the organization" means, unless its own name has the noun
            whole = [m for m in recent if not self.organ(m)]
            # "Armenia joined the Eurasian Economic Union … an agreement with Brussels. The bloc
            # also includes …": a capital standing for a body is no antecedent beside a name
            whole = [m for m in whole if m.role != "metonym"] or whole
            if whole:
                return whole[-1]
            if len(whole) < len(recent):
                parents = [m for m in named if not self.organ(m)]
                return self.main_org(parents) or recent[-1]
            return recent[-1]
        titled = [m for m in self.title_orgs if m.start < i and k - 1 <= m.sentence <= k
                  and self.named_with(m.key, toks.lower[noun])]
        if titled:  # "NATO Secretary General X said … Sweden, the alliance's 32nd member"
            return titled[-1]
        if k >= 2 and any(self.sent_of[j] == k - 1 and toks.lower[j - 1] in rel.anaphor_determiners
                          for j in toks.where({word})):
            # "ASEAN insists on … Malaysia, which chairs the bloc this year, … Indonesia, the
            # bloc's largest member,": the same anaphor in the sentence before points back further
            further = [m for m in named if m.sentence == k - 2]
            if further:
                return further[-1]
        fitting = {m.key: m for m in named if self.named_with(m.key, word)}
        if len(fitting) == 1:
            # "The Lake Chad Basin Commission … the MNJTF … Benin, which is not a member of the
            # commission": the one organization named with the noun, though others were named since
            return next(iter(fitting.values()))
        return self.main_org(named)

    @staticmethod
    def main_org(named: list[TokMention]) -> TokMention | None:
        """The organization the article is about, of those ``named`` so far: named most
        often, then the first named."""
        counts: dict[str, int] = {}
        first: dict[str, TokMention] = {}
        for m in named:
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, m)
        if not counts:
            return None
        best = max(counts, key=lambda key: (counts[key], -first[key].start))
        return first[best]

    def named_with(self, key: str, noun: str) -> bool:
        """Whether one of the names of entity ``key`` has the word ``noun`` ("alliance" in
        "North Atlantic Alliance"): an organization that only qualified a title is an
        anaphor's referent only then, not "Kremlin spokesman X" for "the bloc"."""
        info = (self.doc._.kg_entities or {}).get(key)
        if info is None:
            return False
        nouns = {noun}
        for group in self.lex.entities.spelling_variants:
            if noun in group:  # "the organization" for the "Organisation of …"
                nouns.update(group)
        return any(not nouns.isdisjoint(name.lower().split()) for name in (info.label, *info.aliases))

    def institution(self, key: str, noun: str) -> bool:
        """Whether entity ``key`` is named as an institution ([relations] institution_heads
        before its first "of" or "for": "AHA Centre", "Centre for Humanitarian Assistance")
        and not with the anaphor's ``noun``: no body of members."""
        info = (self.doc._.kg_entities or {}).get(key)
        if info is None or self.named_with(key, noun):
            return False
        for word in info.label.lower().split():
            if word in self.lex.roles.qualifier_prepositions:
                break
            if word in self.lex.relations.institution_heads:
                return True
        return False

    def organ(self, m: TokMention) -> bool:
        """Whether organization ``m`` is written as a part of another: after a possessive of an
        organization or of an anaphor ("the organization's Permanent Council", "the OSCE's
        secretariat"), or with another organization's name opening its own ("OECS Authority")."""
        toks = tokens_of(self.doc)
        possessive = self.lex.grammar.possessive
        if m.start >= 2 and toks.lower[m.start - 1] in possessive:
            before = self.by_end.get(m.start - 1)
            if (before is not None and before.type == "Organization") or toks.lower[m.start - 2] in self.lex.relations.anaphors:
                return True
        for end in range(m.start + 1, m.end):
            inner = self.nested_orgs.get(end)
            if inner is not None and inner.start == m.start:
                return True
        if m.end - m.start < 2:
            return False
        first = self.doc[m.start].text
        entities = self.doc._.kg_entities or {}
        return any(key != m.key and info.type == "Organization" and first in (info.label, *info.aliases)
                   for key, info in entities.items())

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
        toks = tokens_of(doc)
        return any(toks.lower[i] in words and not self.prefix_of_a_kind(i) for i in range(max(a, 0), b))

    def denied(self, p: int, a: int) -> bool:
        """A clause opening at token ``p`` is what a denial before it in the sentence (from
        token ``a``) denies: one of [relations] denial_verbs, then its objects ("reports") and
        "that", or nothing, right before ``p`` ("X denied that Chile had joined", "dismissed
        reports that A is a member", "denied Chile had joined")."""
        toks = tokens_of(self.doc)
        rel = self.lex.relations
        q = p - 1
        if q >= a and toks.lower[q] == "that":
            q -= 1
            while q >= a and toks.lower[q] in rel.denial_objects:
                q -= 1
        return q >= a and toks.lower[q] in rel.denial_verbs

    def denied_clause(self, cue: int, a: int) -> bool:
        """The clause of the cue at token ``cue`` opens with a denied "that" ("Chile denied that
        it had joined X"): back from the cue to the sentence's start (token ``a``) or a comma."""
        toks = tokens_of(self.doc)
        q = cue - 1
        while q > a and toks.text[q] != ",":
            if toks.lower[q] == "that" and self.denied(q + 1, a):
                return True
            q -= 1
        return False

    def prefix_of_a_kind(self, i: int) -> bool:
        """ "non" of "non-permanent members": a negation prefix that names a kind of member,
        not a non-member (unlike "non-member", "non-EU")."""
        toks = tokens_of(self.doc)
        rel = self.lex.relations
        if toks.lower[i] + "-" not in rel.negation_prefixes:
            return False
        j = self.skip(i + 1, len(self.doc), ("-",))
        return j < len(self.doc) and j > i + 1 and not self.denies_membership(j)

    def denies_membership(self, j: int) -> bool:
        """Token ``j`` after a negation prefix is a membership noun or an organization ("non-EU")."""
        toks = tokens_of(self.doc)
        m = self.by_start.get(j)
        return toks.lower[j] in self.lex.relations.bare_membership_nouns or (
            m is not None and m.type == "Organization")

    def non_member(self, a: int, b: int) -> bool:
        """Tokens ``a:b`` describe something else than members: candidates, observers, guests
        ("17 non-EU countries invited …"), or past members ("former members")."""
        doc, rel = self.doc, self.lex.relations
        toks = tokens_of(doc)
        n = len(doc)
        for i in range(max(a, 0), b):
            w = toks.lower[i]
            if w in rel.non_member_words:
                return True
            if w in rel.former_member_words or w + "-" in rel.negation_prefixes:
                j = self.skip(i + 1, n, ("-",))
                if j < n and self.denies_membership(j):
                    return True
        return False

    def member_adjective(self, i: int) -> bool:
        """ "permanent", "full", "ninth", "31st": a word of a member that keeps it a member."""
        w = tokens_of(self.doc).lower[i]
        return w in self.lex.relations.member_adjectives or (
            w[:1].isdigit() and w.endswith(self.lex.relations.ordinal_suffixes))

    def list_start(self, j: int, b: int) -> int | None:
        """The token a list of members starts at when a mark (":", "–", "(") or an opener
        ("namely", "such as") opens it at ``j`` (after an optional comma); None if none does."""
        doc, rel = self.doc, self.lex.relations
        toks = tokens_of(doc)
        i = j
        marked = False
        if i < b and (toks.text[i] in rel.list_marks or toks.text[i] == ","):
            marked = toks.text[i] != ","
            i += 1
        n = phrase_at(doc, i, b, rel.list_openers)
        if n:
            i += n
            if i < b and toks.text[i] in (",", ":"):
                i += 1
            return i
        return i if marked else None

    def participle_list(self, j: int, b: int) -> int | None:
        """ "ten elected members serving two-year terms, among them A, B": past a short phrase
        that a lower-case participle opens at token ``j`` (lower-case words, numbers, hyphens),
        the token the list starts at when an opener follows its comma, or None."""
        toks = tokens_of(self.doc)
        if j >= b or not toks.text[j].islower() or not toks.lower[j].endswith(self.lex.relations.participle_suffixes):
            return None
        limit = min(b, j + self.lex.window.participle_phrase + 1)
        i = j + 1
        while i < limit and toks.text[i] != ",":
            w = toks.text[i]
            if not (w.islower() or w.isdigit() or w == "-"):
                return None
            i += 1
        return self.list_start(i, b) if i < limit else None

    def modified_list(self, j: int, b: int) -> int | None:
        """ "five permanent members with veto power, A, B": past a short lower-case phrase that a
        preposition of [relations] member_head_modifiers opens at ``j``, the token the list
        starts at after its comma, or None."""
        toks = tokens_of(self.doc)
        if j >= b or toks.lower[j] not in self.lex.relations.member_head_modifiers:
            return None
        limit = min(b, j + self.lex.window.participle_phrase + 1)
        i = j + 1
        while i < limit and toks.text[i] != ",":
            if not (toks.text[i].islower() or toks.text[i] == "-"):
                return None
            i += 1
        return i + 1 if i < limit and i + 1 < b and self.by_start.get(i + 1) is not None else None

    def described_list(self, j: int, b: int) -> int | None:
        """ "five ex-Soviet states: A, B", "other major producers, notably C": a short description
        of members from token ``j`` (lower-case words, numbers, demonyms) ending in a member noun
        of the lexicon, then a list opener: the token the list starts at, or None."""
        doc, rel = self.doc, self.lex.relations
        toks = tokens_of(doc)
        limit = min(b, j + self.lex.window.list_descriptor + 1)
        i = j
        while i < limit:
            n = phrase_at(doc, i, b, rel.member_head_nouns)
            if n:
                found = self.list_start(i + n, b)
                if found is not None:
                    return found
            m = self.by_start.get(i)
            if m is not None and (m.role == "demonym" or (m.type == "Organization" and phrase_at(doc, m.end, b, rel.member_head_nouns))):
                i = m.end  # "13 European Union member states, among them A, B": members of both
                continue
            if m is None and ((toks.text[i].isalpha() and toks.lower[i] not in self.lex.relations.clause_words)
                              or doc[i].like_num or toks.text[i] == "-"):
                i += 1  # "five", "ex-Soviet", "other major"
                continue
            return None
        return None

    def clause_start(self, start: int, a: int) -> int:
        """The first token of the phrase a list at ``start`` describes: back over the mark that
        opens the list, then to the last comma, semicolon or parenthesis (within a window)."""
        doc = self.doc
        toks = tokens_of(doc)
        i = start - 1
        while i >= a and (toks.text[i] in self.lex.relations.list_marks or toks.text[i] == ","):
            i -= 1
        low = max(a, start - self.lex.window.list_clause)
        while i >= low and toks.text[i] not in (",", ";", "(", ":"):
            i -= 1
        return max(i + 1, low)

    def dash(self, i: int) -> bool:
        """Token ``i`` is a dash, not a hyphen inside a word ("Jean-Yves")."""
        toks = tokens_of(self.doc)
        word = toks.text[i]
        return word in DASHES[3:] or (word == "-" and toks.whitespace[i] and i > 0
                                      and toks.whitespace[i - 1])

    def in_compound(self, i: int) -> bool:
        """Token ``i`` is a hyphen inside a word, or a word before one ("Russia-led", "ex-Soviet")."""
        doc = self.doc
        toks = tokens_of(doc)
        if toks.text[i] == "-":
            return not toks.whitespace[i] and i > 0 and not toks.whitespace[i - 1]
        return i + 1 < len(doc) and toks.text[i + 1] == "-" and not toks.whitespace[i] and not toks.whitespace[i + 1]

    def attached(self, org: TokMention, start: int) -> bool:
        """The cue at ``start`` is said of ``org`` itself ("X includes", "X, which includes")."""
        doc, links = self.doc, self.lex.relations.composition_links
        toks = tokens_of(doc)
        return org.end <= start and all(toks.lower[i] in links for i in range(org.end, start))

    def _earlier_same_anaphor(self, i: int, noun: int, k: int, skip: frozenset[str]) -> TokMention | None:
        """What the same anaphor ("the bloc") at its last use before token ``i``, in this
        sentence or the one before, pointed to; None when it was not used there."""
        toks = tokens_of(self.doc)
        dets = self.lex.relations.anaphor_determiners
        before = [j for j in toks.where({toks.lower[noun]})
                  if j < i and j - 1 >= 0 and toks.lower[j - 1] in dets and k - 1 <= self.sent_of[j] <= k]
        return self.anaphor_at(before[-1] - 1, skip) if before else None

    def context_org(self, k: int, start: int) -> TokMention | None:
        """The organization a sentence opening with "Its members are" speaks of: the last one
        named before ``start`` in this sentence or in the sentence before (an anaphor of this
        sentence first: "Guyana, which hosts the bloc's secretariat, is one of its members")."""
        pos = bisect.bisect_left(self.org_starts, start)
        if pos and self.orgs[pos - 1].sentence == k:
            return self.orgs[pos - 1]
        toks = tokens_of(self.doc)
        a = self.sent_range[k][0] if k in self.sent_range else start
        for j in reversed(toks.where(self.lex.relations.anaphors)):
            if a < j < start:
                found = self.anaphor_at(j - 1)
                if found is not None:
                    return found
            elif j <= a:
                break
        if pos and self.orgs[pos - 1].sentence == k - 1:
            # the organization the sentence before opens with (its subject), else its last one:
            # "The LCBC, which oversees the MNJTF, called a meeting. Its secretary said all six
            # member states, A, B …" (not "… as it is a member of the UN Security Council")
            first = next(m for m in self.orgs[:pos] if m.sentence == k - 1)
            opening = self.skip(self.sent_range[k - 1][0], first.start, self.lex.grammar.articles)
            return first if first.start == opening else self.orgs[pos - 1]
        if k - 1 in self.sent_range:
            # "The bloc, founded by A and B, … . Its new members are …": the organization
            # the sentence before points back to
            a, b = self.sent_range[k - 1]
            for i in range(a, b):
                found = self.anaphor_at(i)
                if found is not None:
                    return found
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
        toks = tokens_of(doc)
        return any(toks.lower[i] in words for i in range(max(a, 0), b))

    def skip(self, j: int, limit: int, words: Iterable[str] = (",", ":", "-", "–", "—", "the")) -> int:
        doc = self.doc
        toks = tokens_of(doc)
        while j < limit and toks.lower[j] in words:
            j += 1
        return j

    def inside_a_clause(self, i: int, a: int) -> bool:
        """The words before token ``i`` make it an object, not a subject ("together with Finland")."""
        doc = self.doc
        toks = tokens_of(doc)
        j = i - 1
        if j >= a and toks.lower[j] == "the":
            j -= 1
        if j > a and toks.lower[j] in self.lex.relations.speech_complementizers:
            # "Y noted that A and B are members", "Y said on Friday that …": what was said, A its subject
            v = j - 1
            while (v > a and j - v <= self.lex.window.speech_time_words and toks.lower[v] not in self.lex.speech.verbs
                   and (toks.text[v].islower() or toks.lower[v] in self.lex.relations.member_time_weekdays)):
                v -= 1
            if toks.lower[v] in self.lex.speech.verbs:
                return False
            if toks.lower[j - 1] in self.lex.grammar.coordinators:
                return False  # "Y said the talks went well and that A remains a member": a second reported clause
        return j >= a and toks.lower[j] in self.lex.relations.clause_words

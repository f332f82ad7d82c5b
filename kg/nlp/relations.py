"""Relations between actors: memberOf, coChairOf, partOf, supports, deployedTo.

Cue phrases come from ``kg/data/lexicon.toml`` ([relations]) and are found with one
spaCy PhraseMatcher; each rule then reads the mentions around a cue.  Rules:

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

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.nlp.doc import TokMention, ensure_extensions
from kg.nlp.lexicon import load_lexicon
from kg.nlp.roles import backward_list, forward_list, make_fact

MEMBER_TYPES = ("Country", "Organization")
ACTOR_TYPES = ("Country", "Organization", "Person", "Place")
CUE_LISTS = {
    "MEMBER_LIST": "membership_list_cues",
    "MEMBER_PRED": "membership_predicates",
    "MEMBER_NOUN": "membership_nouns",
    "COCHAIR_BY": "cochair_by",
    "COCHAIR_PRED": "cochair_predicates",
    "SUPPORT": "support_cues",
    "DEPLOY": "deploy_verbs",
    "PART_OF": "part_of_cues",
}
CLAUSE_WORDS = frozenset({"with", "by", "from", "to", "of", "in", "for", "against", "than", "over", "about",
                          "which", "who", "whom", "that", "on", "at", "into", "between", "like"})
STRONG_LIST_CUES = {"unites", "united", "brings together", "brought together", "comprises", "comprising",
                    "consists of", "consisting of", "namely", "members are", "member states are",
                    "member countries are", "members include", "member states include"}


class RelationReader:
    """spaCy component ``kg_relations``: appends facts to ``Doc._.kg_facts``."""

    def __init__(self, nlp: Language):
        ensure_extensions()
        lex = load_lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cue_text: dict[str, str] = {}
        for label, key in CUE_LISTS.items():
            phrases = [p for p in lex.phrases("relations", key)]
            self.matcher.add(label, [nlp.make_doc(p) for p in phrases])
        self.negations = lex.words("relations", "negations")
        self.modal = lex.words("relations", "modal")
        self.deploy_objects = lex.words("relations", "deploy_objects")
        self.anaphors = lex.words("speech", "organization_anaphors") | {"union", "pact", "treaty"}
        self.vocab = nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.kg_facts if doc._.kg_facts is not None else []
        mentions: list[TokMention] = [m for m in doc._.kg_mentions if m.role not in ("pronoun", "nested")]
        self.by_start = {}
        self.by_end = {}
        for m in mentions:  # a description overlaps its qualifier: keep names for lists
            if m.role == "description":
                continue
            self.by_start.setdefault(m.start, m)
            self.by_end[m.end] = m
        self.sent_of = doc._.kg_sent_of
        # organizations that "the alliance" may point back to; not those that only qualify
        # a title ("Kremlin spokesman Dmitry Peskov")
        title_starts = {t.start for t in doc._.kg_titles or ()}
        self.orgs = [m for m in mentions if m.type == "Organization" and m.role != "description"
                     and self.sent_of[m.start] >= 0 and m.end not in title_starts
                     and not (m.end + 1 in title_starts and doc[m.end].lower_ in ("'s", "’s"))]
        self.org_starts = [m.start for m in self.orgs]
        self.sent_mentions: dict[int, list[TokMention]] = {}
        for m in mentions:
            if m.role != "description":
                self.sent_mentions.setdefault(m.sentence, []).append(m)
        self.sent_range: dict[int, tuple[int, int]] = {}
        for i, k in enumerate(self.sent_of):
            if k < 0:
                continue
            a, _ = self.sent_range.get(k, (i, i))
            self.sent_range[k] = (a, i + 1)
        zones = [z for _, _, z in doc._.kg_layout.sentences]
        seen = {(f.subject, f.predicate, f.object, f.sentence, f.negated) for f in facts}
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        last_end: dict[str, int] = {}
        for match_id, start, end in matches:
            label = self.vocab.strings[match_id]
            if start < last_end.get(label, -1):
                continue  # a shorter cue inside a longer one of the same kind
            last_end[label] = end
            k = self.sent_of[start]
            if k < 0 or zones[k] == "title":
                continue
            handler = getattr(self, "_" + label.lower())
            for subj, pred, obj, rule, conf, neg in handler(doc, start, end, k):
                if subj.key == obj.key:
                    continue
                key = (subj.key, pred, obj.key, k, neg)
                if key in seen:
                    continue
                seen.add(key)
                facts.append(make_fact(doc, k, subj.key, pred, obj.key, rule, conf, negated=neg))
        doc._.kg_facts = facts
        return doc

    # -------------------------------------------------------------- helpers
    def _nearest_before(self, k: int, pos: int, types: tuple[str, ...]) -> TokMention | None:
        best = None
        for m in self.sent_mentions.get(k, ()):
            if m.end <= pos and m.type in types and m.role not in ("demonym",):
                best = m
        return best

    def _first_after(self, k: int, pos: int, types: tuple[str, ...]) -> TokMention | None:
        for m in self.sent_mentions.get(k, ()):
            if m.start >= pos and m.type in types and m.role not in ("demonym",):
                return m
        return None

    def _anaphor_at(self, doc: Doc, i: int) -> TokMention | None:
        """ "the alliance", "the bloc" at token ``i``: the organization last named before it."""
        if i + 1 >= len(doc) or doc[i].lower_ not in ("the", "this", "that") or doc[i + 1].lower_ not in self.anaphors:
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

    def _anaphor_before(self, doc: Doc, k: int, start: int) -> TokMention | None:
        a, _ = self.sent_range[k]
        for i in range(start - 2, a - 1, -1):
            found = self._anaphor_at(doc, i)
            if found is not None:
                return found
        return None

    def _negated(self, doc: Doc, a: int, b: int) -> bool:
        return any(doc[i].lower_ in self.negations for i in range(max(a, 0), b))

    def _modal(self, doc: Doc, a: int, b: int) -> bool:
        return any(doc[i].lower_ in self.modal for i in range(max(a, 0), b))

    def _skip(self, doc: Doc, j: int, limit: int, words=(",", ":", "-", "–", "—", "the")) -> int:
        while j < limit and doc[j].lower_ in words:
            j += 1
        return j

    # -------------------------------------------------------------- memberOf
    def _member_list(self, doc, start, end, k):
        a, b = self.sent_range[k]
        cue = doc[start:end].text.lower()
        org = self._nearest_before(k, start, ("Organization",)) or self._anaphor_before(doc, k, start)
        if org is None:
            return
        j = self._skip(doc, end, b, (",", ":", "-", "–", "—"))
        items, _ = forward_list(doc, j, self.by_start, MEMBER_TYPES, b)
        items = [m for m in items if m.key != org.key]
        strong = cue in STRONG_LIST_CUES
        if not items or (not strong and len(items) < 2 and org.end != start):
            return
        neg = self._negated(doc, max(org.end, start - 3), start)
        conf = 0.9 if strong else 0.75
        for m in items:
            yield m, "memberOf", org, "member-list", conf, neg

    def _member_pred(self, doc, start, end, k):
        a, b = self.sent_range[k]
        j = self._skip(doc, end, b, ("the",))
        org = self.by_start.get(j) or self._anaphor_at(doc, end)
        if org is None or org.type != "Organization":
            return
        s = start
        while s > a and (doc[s - 1].lower_ in (",", "is", "are", "was", "were", "not", "n't", "n’t", "also", "still",
                                                 "no", "longer", "never", "a", "an", "the", "has", "have", "had", "yet",
                                                 "among", "one", "of", "founding", "full", "all")
                         or (doc[s - 1].lower_.endswith("ly") and doc[s - 1].is_lower)):  # "formally joined"
            s -= 1
        subjects = backward_list(doc, s, self.by_end, MEMBER_TYPES, a - 1)
        if subjects and self._inside_a_clause(doc, subjects[0].start, a):
            # "Sweden, which applied together with Finland, is not a member": the subject
            # stands before the clause's opening comma
            subjects = []
            for c in range(s - 2, max(a, s - 26), -1):
                if doc[c].text == ",":
                    subjects = backward_list(doc, c, self.by_end, MEMBER_TYPES, a - 1)
                    if subjects and self._inside_a_clause(doc, subjects[0].start, a):
                        subjects = []
                    if subjects:
                        break
        if not subjects:
            return
        neg = self._negated(doc, max(a, start - 3), end)
        for m in subjects:
            yield m, "memberOf", org, "member-predicate", 0.85, neg

    def _inside_a_clause(self, doc: Doc, i: int, a: int) -> bool:
        """The words before token ``i`` make it an object, not a subject ("together with Finland")."""
        j = i - 1
        if j >= a and doc[j].lower_ == "the":
            j -= 1
        return j >= a and doc[j].lower_ in CLAUSE_WORDS

    def _member_noun(self, doc, start, end, k):
        a, b = self.sent_range[k]
        # "non-member-state Azerbaijan": the negation is glued before the noun
        neg = start - 2 >= a and doc[start - 1].text == "-" and doc[start - 2].lower_ == "non"
        neg = neg or (start - 1 >= a and doc[start - 1].lower_ in ("non", "non-"))
        org = self.by_end.get(start)
        if org is not None and org.type == "Organization":
            # "CSTO member state Armenia"
            after = self.by_start.get(self._skip(doc, end, b, ("the",)))
            if after is not None and after.type == "Country":
                yield after, "memberOf", org, "member-noun", 0.85, neg or self._negated(doc, org.start - 2, org.start)
                return
            # "X - is a CSTO member state"
            i = org.start
            if i - 1 >= a and doc[i - 1].lower_ in ("a", "an"):
                i -= 1
                if i - 1 >= a and doc[i - 1].lower_ in ("is", "as", "was", ","):
                    verb = i - 1
                    neg = neg or self._negated(doc, verb - 1, i)
                    i = verb
                    while i - 1 >= a and doc[i - 1].lower_ in ("-", "–", "—", ",", "not", "still", "also"):
                        i -= 1
                    subj = self.by_end.get(i)
                    if subj is not None and subj.type == "Country":
                        yield subj, "memberOf", org, "member-noun", 0.85, neg
            return
        # "member-state Armenia" with the organization elsewhere in the sentence
        if doc[start:end].text.lower() in ("member", "members", "ally"):
            return
        after = self.by_start.get(end)
        if after is None or after.type != "Country":
            return
        org = self._nearest_before(k, start, ("Organization",)) or self._first_after(k, end, ("Organization",))
        if org is not None:
            yield after, "memberOf", org, "member-noun", 0.7, neg

    # -------------------------------------------------------------- coChairOf
    def _cochair_by(self, doc, start, end, k):
        a, b = self.sent_range[k]
        org = self._nearest_before(k, start, ("Organization",))
        if org is None:
            return
        j = self._skip(doc, end, b)
        items, _ = forward_list(doc, j, self.by_start, MEMBER_TYPES, b)
        items = [m for m in items if m.key != org.key]
        if not items:
            return
        neg = self._negated(doc, max(org.end, start - 3), start)
        for m in items:
            yield m, "coChairOf", org, "cochair-by", 0.9, neg

    def _cochair_pred(self, doc, start, end, k):
        a, b = self.sent_range[k]
        s = start
        while s - 1 >= a and doc[s - 1].lower_ in ("are", "is", "the", "a", "as", "not", "also", "were", "was", ",",
                                                   "which", "who", "that", "jointly", "together", "currently"):
            s -= 1
        subjects = backward_list(doc, s, self.by_end, MEMBER_TYPES, a - 1)
        if not subjects:
            return
        j = end
        org = None
        if j < b and doc[j].lower_ == "of":
            org = self.by_start.get(self._skip(doc, j + 1, b, ("the",)))
        elif j < b and doc[j].lower_ not in (".", ",", ";", "-", "–", "—", "and"):
            org = self.by_start.get(self._skip(doc, j, b, ("the",)))  # "A and B co-chair the group"
        if org is None or org.type != "Organization":
            org = self._nearest_before(k, subjects[0].start, ("Organization",))
        if org is None:
            return
        neg = self._negated(doc, s, start)
        for m in subjects:
            if m.key != org.key:
                yield m, "coChairOf", org, "cochair-predicate", 0.85, neg

    # -------------------------------------------------------------- other relations
    def _part_of(self, doc, start, end, k):
        a, b = self.sent_range[k]
        whole = self.by_start.get(self._skip(doc, end, b, ("the",)))
        if whole is None or whole.type not in ("Country", "Place"):
            return
        part = self._nearest_before(k, start, ("Place",))
        if part is None or start - part.end > 12:
            return
        yield part, "partOf", whole, "part-of", 0.7, self._negated(doc, part.end, start)

    def _support(self, doc, start, end, k):
        a, b = self.sent_range[k]
        target = self.by_start.get(self._skip(doc, end, b, ("the",)))
        if target is None or target.type not in ("Country", "Organization", "Person", "Place"):
            return
        i = start
        if i - 1 >= a and doc[i - 1].lower_ in ("'s", "’s"):
            supporter = self.by_end.get(i - 1)
        else:
            first = self.sent_mentions.get(k, [])
            supporter = first[0] if first and first[0].start - a <= 3 and first[0].end <= start else None
        if supporter is None or supporter.type not in ("Country", "Organization", "Person"):
            return
        if self._modal(doc, a, start):
            return
        yield supporter, "supports", target, "support", 0.7, self._negated(doc, supporter.end, start)

    def _deploy(self, doc, start, end, k):
        a, b = self.sent_range[k]
        j = end
        while j < b and j - end < 4 and doc[j].lower_ not in self.deploy_objects:
            j += 1
        if j >= b or doc[j].lower_ not in self.deploy_objects:
            return
        j += 1
        if j < b and doc[j].lower_ in ("to", "in", "into"):
            place = self.by_start.get(self._skip(doc, j + 1, b, ("the",)))
        else:
            return
        if place is None or place.type not in ("Place", "Country"):
            return
        actor = self._nearest_before(k, start, ("Country", "Organization"))
        if actor is None or self._modal(doc, a, start):
            return
        yield actor, "deployedTo", place, "deployed", 0.75, self._negated(doc, actor.end, start)


@Language.factory("kg_relations")
def make_relation_reader(nlp: Language, name: str):
    return RelationReader(nlp)

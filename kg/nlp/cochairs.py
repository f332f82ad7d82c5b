"""coChairOf: "co-chaired by A, B and C", "A and B are co-chairs", co-chair countries
listed through their envoys ("the Co-Chair countries – Foreign Minister of A X, …")."""
from __future__ import annotations

from collections.abc import Iterator

from kg.nlp.doc import TokMention, tokens_of
from kg.nlp.lists import backward_list, past_link
from kg.nlp.relation_context import DASHES, MEMBER_TYPES, Cue, Relation, RelationContext


def cochair_by(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc = ctx.doc
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    j = end
    org = None
    if j < b and toks.lower[j] == "of":  # "the Co-Chairs of the OSCE Minsk Group (…)"
        named = ctx.by_start.get(ctx.skip(j + 1, b, ("the",)))
        if named is not None and named.type == "Organization":
            org, j = named, named.end
    if org is None:
        # "the OSCE Minsk Group Co-Chair countries": also a name inside a longer one
        org = ctx.nearest_before(k, start, ("Organization",)) or ctx.nested_orgs.get(start)
        if org is not None:
            org = _clause_subject(ctx, org, start, a, b) or org
    if org is None:
        # "The group, co-chaired by France, Russia and the United States, was set up …"
        org = ctx.anaphor_before(k, start)
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


def _clause_subject(ctx: RelationContext, org: TokMention, start: int, a: int, b: int) -> TokMention | None:
    """ "The X Conference opened at the United Nations on Monday, co-chaired by A and B": a
    participle phrase after a comma, not right after the organization nearest before it, that
    one the object of a preposition, speaks of the organization opening the sentence."""
    toks = tokens_of(ctx.doc)
    if start < 2 or toks.text[start - 1] != "," or org.end == start - 1:
        return None
    p = org.start - 1
    if p > a and toks.lower[p] in ctx.lex.grammar.articles:
        p -= 1
    if p < a or toks.lower[p] not in ctx.lex.actors.locative:
        return None
    subject = ctx.by_start.get(ctx.skip(a, b, ctx.lex.grammar.articles))
    if subject is None or subject.type != "Organization" or subject.end > p:
        return None
    return subject


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
    toks = tokens_of(doc)
    items: list[tuple[TokMention, bool]] = []
    while j < b:
        x = ctx.skip(j, b, grammar.articles)
        t = x
        while (t < b and t - x < ctx.lex.window.title_name_words and t not in ctx.by_start
               and toks.lower[t] in ctx.lex.title_words and toks.text[t][:1].isupper()):
            t += 1  # "co-chaired by Deputy Prime Ministers A of Armenia and B of Azerbaijan"
        m = ctx.by_start.get(t)
        if m is not None and m.type != "Person":
            m = ctx.by_start.get(x)
        if m is None or m.type not in MEMBER_TYPES + ("Person",):
            break
        j = m.end
        item: TokMention | None = m
        by_person = False
        if m.role == "demonym":
            # "Kazakh Deputy Foreign Minister A and Kyrgyz security chief B": a person's qualifier
            while j < b and j not in ctx.by_start and (toks.lower[j] in ctx.lex.title_words
                                                         or toks.lower[j] in ctx.lex.roles.domain_adjectives):
                j += 1
            held = ctx.by_start.get(j)
            if j == m.end or held is None or held.type != "Person":
                break
            j, by_person = held.end, True
        elif m.type == "Person":
            after = ctx.by_start.get(ctx.skip(j + 1, b, grammar.articles)) if j < b and toks.lower[j] == "of" else None
            if after is not None and after.type == "Country":
                item, j = after, after.end
            else:
                item, by_person = ctx.country_of(m), True
        if item is not None:
            items.append((item, by_person))
        k = past_link(toks, grammar, j, b)
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
    toks = tokens_of(doc)
    if j >= b or toks.text[j] not in rel.list_marks:
        return None
    opening = toks.text[j]
    first = j + 1
    if first < b and toks.text[first].islower() and toks.lower[first] not in ctx.lex.grammar.articles:
        return None  # "co-chairs – who met …": a clause, not a list
    e = first
    limit = min(b, first + ctx.lex.window.cochair_span)
    while e < limit and not (toks.text[e] == ")" if opening == "(" else toks.text[e] == ";" if opening == ":"
                             else ctx.dash(e)):
        e += 1
    items = []
    for m in ctx.sent_mentions.get(ctx.sent_of[j], ()):
        if first <= m.start and m.end <= e:
            country = ctx.country_of(m)
            if country is not None:
                items.append((country, m.type == "Person"))
    return items


def _object_noun(ctx: RelationContext, j: int, b: int) -> int | None:
    """The object of a co-chair verb at token ``j``: None when there is none (the sentence or
    clause goes on), the token of its organization noun ("the intergovernmental commission",
    "the group"), or -1 for another object ("the talks")."""
    toks = tokens_of(ctx.doc)
    if j >= b or toks.lower[j] not in ctx.lex.grammar.articles:
        return None
    e = j + 1
    while e < b and e - j <= ctx.lex.window.anaphor_description and toks.text[e] not in (",", ".", ";"):
        if toks.lower[e] in ctx.lex.roles.anaphor_nouns:
            return e
        m = ctx.by_start.get(e)
        if m is not None and m.role != "demonym":
            return None  # a name follows the article: read above
        e = m.end if m is not None else e + 1  # "the Russian-Armenian … commission": past the demonyms
    return -1


def _titled_partner_before(ctx: RelationContext, i: int, a: int) -> TokMention | None:
    """The person before "and his Uzbek counterpart" ending at token ``i`` (a coordinator, then
    possessive pronouns, demonyms and title words only), or None."""
    toks = tokens_of(ctx.doc)
    lex = ctx.lex
    j = i
    while j - 1 > a and i - j < lex.window.title_name_words and toks.lower[j - 1] not in lex.grammar.coordinators and (
            toks.lower[j - 1] in lex.title_words or toks.lower[j - 1] in lex.roles.counterpart_possessives
            or (ctx.by_end.get(j) is not None and ctx.by_end[j].role == "demonym")):
        m = ctx.by_end.get(j)
        j = m.start if m is not None and m.role == "demonym" else j - 1
    if j == i or j - 1 <= a or toks.lower[j - 1] not in lex.grammar.coordinators:
        return None
    p = ctx.by_end.get(j - 1)
    return p if p is not None and p.type == "Person" else None


def cochair_predicate(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, gap = ctx.doc, ctx.lex.relations.cochair_subject_gap
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    if end < b and toks.lower[end] in ctx.lex.relations.cochair_passive_agents:
        return  # "…, co-chaired by A and B": the passive's agents are the co-chairs (cochair_by)
    s = start
    while s - 1 >= a and toks.lower[s - 1] in gap:
        s -= 1
    found = backward_list(doc, ctx.lex, s, ctx.by_end, MEMBER_TYPES + ("Person",), a - 1)
    if len(found) == 1 and found[0].type == "Person":
        partner = _titled_partner_before(ctx, found[0].start, a)
        if partner is not None:
            found = [partner, *found]  # "Kazakh President A and his Uzbek counterpart B co-chaired"
    # "The committee, which Norway and the EU co-chair, met": the co-chairs of what "which" stands for
    relative = bool(found) and found[0].start - 1 > a and toks.lower[found[0].start - 1] in ctx.lex.relations.member_relative_pronouns
    if found and s == start and found[-1].type == "Organization" and not relative and not (
            end < b and (toks.lower[end] in ctx.lex.grammar.articles or end in ctx.by_start)):
        return  # "the Minsk Group co-chairs met": the group's co-chairs, not the group co-chairing
    if any(m.type == "Person" for m in found) and s < start and all(
            toks.lower[i] in DASHES or toks.lower[i] in ctx.lex.grammar.articles for i in range(s, start)):
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
    if j < b and toks.lower[j] == "of":
        org = ctx.by_start.get(ctx.skip(j + 1, b, ("the",)))
    elif j < b and toks.lower[j] not in ctx.lex.relations.cochair_object_stops:
        org = ctx.by_start.get(ctx.skip(j, b, ("the",)))  # "A and B co-chair the group"
    if org is None or org.type != "Organization":
        org = ctx.nearest_before(k, found[0].start, ("Organization",))
        noun = _object_noun(ctx, j, b)
        if noun is not None and org is not None and (noun < 0 or toks.lower[noun] not in toks.lower[org.start:org.end]):
            return  # "who co-chairs the Russian-Armenian intergovernmental commission with Y": not the Kremlin named before
    if org is None:
        return
    if org.end < b and toks.lower[org.end] in ctx.lex.grammar.possessive:
        # "co-chair the council's working group": the body owned is co-chaired, if it is named
        org = ctx.by_start.get(org.end + 1)
        if org is None or org.type != "Organization":
            return
    neg = ctx.negated(s, start)
    conf = ctx.lex.confidence
    for m, by_person in best_items(subjects):
        if m.key != org.key:
            yield Relation(m, "coChairOf", org, "cochair-predicate",
                           conf.cochair_person if by_person else conf.cochair_predicate, neg)

"""memberOf: member lists, membership predicates and nouns, joining, compositions.

Each finder reads the mentions around one cue of :data:`kg.nlp.relations.RULES` and yields
:class:`~kg.nlp.relation_context.Relation` readings; words, windows and confidences come
from the lexicon's ``[relations]``, ``[window]`` and ``[confidence]``.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator

from kg.nlp.doc import TokMention, tokens_of
from kg.nlp.lexicon_groups import RelationWords
from kg.nlp.lists import backward_list, forward_list, phrase_at
from kg.nlp.offices import hyphen_modifier
from kg.nlp.quotes import OPENERS
from kg.nlp.relation_context import DASHES, MEMBER_TYPES, Cue, Relation, RelationContext

CLOSERS = frozenset(OPENERS.values()) - frozenset(OPENERS)  # closing quotation marks (not also openers)


def member_list(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, conf, win, rel = ctx.doc, ctx.lex.confidence, ctx.lex.window, ctx.lex.relations
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    text = toks.span_text(start, end).lower()
    strong = text in rel.strong_list_cues
    if text in rel.apposition_dashes:
        yield from member_dash_apposition(ctx, cue)
        return
    # the ally noun: the cue itself, or the one before a comma and the cue ("its allies, including")
    ally = start - 2 if start - 2 >= a and toks.text[start - 1] == "," and toks.lower[start - 2] in rel.ally_list_cues else start
    if (text in rel.ally_list_cues or ally < start) and (
            (ally > a and (toks.lower[ally - 1] in ctx.lex.grammar.possessive
                           or toks.lower[ally - 1] in rel.member_possessive_pronouns))
            or (text in rel.ally_list_cues and ctx.list_start(end, b) is None and ctx.participle_list(end, b) is None)):
        return  # "Russia and its allies, including Belarus": only "several allies, among them A and B"
    if text in rel.members_of_nouns and end + 1 < b and toks.lower[end] == "of":
        found = list(members_of_org(ctx, cue))
        if found:
            yield from found
            return
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
    if org is None and strong and all(toks.lower[i] in rel.member_list_leads or ctx.member_adjective(i)
                                      or doc[i].like_num for i in range(a, start)):
        # "Its full members are A, B": the organization of the sentence before
        org = ctx.context_org(k, start)
        confidence = conf.member_context
    if (org is None and text.rstrip(", ") in rel.example_member_cues and ctx.list_start(end, b) is not None
            and not any(m.type == "Organization" for m in ctx.sent_mentions.get(k, ()))):
        # "a demand raised by Caribbean members such as Jamaica and Barbados": in a sentence
        # that names no organization, members of the one the article is about
        org = ctx.main_org(ctx.orgs[:bisect.bisect_left(ctx.org_starts, start)])
        confidence = conf.member_context
    if (org is None and text.rstrip(", ") in rel.example_member_cues and start > a
            and (toks.lower[start - 1] in rel.context_member_adjectives
                 or (start - 1 > a and toks.lower[start - 2] in rel.count_openers
                     and (toks.lower[start - 1] in rel.count_words or toks.lower[start - 1].isdigit())))
            and (text.endswith(",") or ctx.list_start(end, b) is not None)):
        # "The leaders of the other member states, A, B and C, attended", "said all six member
        # states, A, B …, remained committed": members of the organization named last, in this
        # sentence or the one before
        org = ctx.context_org(k, start)
        confidence = conf.member_context
    if org is None:
        return
    items, e = forward_list(doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, b)
    described = end
    if items and text in rel.list_with_cues and e + 1 < b and toks.lower[e] in rel.list_with_words:
        # "the C5+1, which brings together A, B and C with D": D is brought in too
        more, _ = forward_list(doc, ctx.lex, e + 1, ctx.by_start, MEMBER_TYPES, b)
        items += more
    elif items and e + 2 < b and toks.text[e] == ",":
        # "brings together A, B and C, along with D": D is listed too ([relations] member_alongside)
        n = phrase_at(doc, e + 1, b, rel.member_alongside)
        if n:
            more, _ = forward_list(doc, ctx.lex, _past_owner(ctx, e + 1 + n, b), ctx.by_start, MEMBER_TYPES, b)
            items += more
    if not items and text in rel.list_with_cues:
        # "brings together the 10 members of ASEAN with A, B and C": a described group, then
        # the actors named one by one after "with"
        items, e = described_then_with(ctx, end, b)
    if not items:
        # "includes other major producers, notably Russia", "members, including A"
        j = ctx.list_start(end, b)
        if j is None:
            j = ctx.described_list(ctx.skip(end, b, DASHES), b)
        if j is None:
            j = ctx.participle_list(end, b)
        if j is None:
            j = ctx.modified_list(end, b)  # "five permanent members with veto power, A, B"
        if j is not None:
            items, e = forward_list(doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, b)
            described = j  # "member states and six associated countries, including A": words before the list
    if items and e < b:
        items += territories_listed(ctx, e, b)  # "…, as well as the French territories of A and B"
    if items and text in rel.counting_cues:
        if not counted_as_members(ctx, e, b):
            return  # "NATO counted Hungary and Turkey among its critics"
        items += alongside(ctx, e, b)  # "counts A as an active member, alongside B and C"
    items = [m for m in items if m.key != org.key]
    if not items or (not strong and len(items) < rel.min_weak_list_members and not ctx.attached(org, start)):
        return
    if len(items) < 2 and text in rel.founder_list_cues:
        return  # "the mission, set up by the Security Council": one body that sets up another is no member
    neg = ctx.negated(max(org.end, start - win.negation_before_cue), start)
    # "17 non-EU countries invited to the summit – namely A, B": not members
    neg = neg or ctx.non_member(ctx.clause_start(start, a), start) or (described > end and ctx.non_member(end, described))
    items += besides_items(ctx, a, org)
    for m in items:
        yield Relation(m, "memberOf", org, "member-list", confidence, neg)


def described_then_with(ctx: RelationContext, end: int, b: int) -> tuple[list[TokMention], int]:
    """The actors listed after "with" when a short description of a group, naming no member
    and no comma, stands between the cue and it ("brings together the 10 members of ASEAN
    with A, B and C": A, B, C), and where the list ends; ([], end) otherwise."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    i, words, group_end = end, 0, -1
    while i < b and words <= ctx.lex.window.list_descriptor:
        if toks.lower[i] in rel.list_with_words:
            if group_end != i:
                break  # "brings together leaders in talks with A": no group of members before "with"
            return forward_list(ctx.doc, ctx.lex, i + 1, ctx.by_start, MEMBER_TYPES, b)
        m = ctx.by_start.get(i)
        if toks.text[i] == "," or (m is not None and m.type in MEMBER_TYPES and m.type != "Organization"):
            break
        i = m.end if m is not None else i + 1
        # the group ends in a member noun ("the five states") or its organization ("members of ASEAN")
        if (m is not None and words > 0) or toks.lower[i - 1] in rel.org_member_nouns or toks.lower[i - 1] in rel.members_of_nouns:
            group_end = i
        words += 1
    return [], end


def territories_listed(ctx: RelationContext, e: int, b: int) -> list[TokMention]:
    """The territories a list of members goes on with after token ``e``: "A and B, as well
    as the French territories of C and D" (a list addition or coordinator, a territory noun of
    [relations] member_territory_nouns and "of"): places named as members."""
    toks = tokens_of(ctx.doc)
    grammar, rel = ctx.lex.grammar, ctx.lex.relations
    if toks.lower[e - 1] in grammar.coordinators or any(
            tuple(toks.lower[e - len(p):e]) == p for p in grammar.list_additions):
        j = e  # the list stopped past its link ("…, as well as | the French territories")
    else:
        j = e + (toks.text[e] == ",")
        link = 1 if j < b and toks.lower[j] in grammar.coordinators else phrase_at(ctx.doc, j, b, grammar.list_additions)
        if not link:
            return []
        j += link
    if j >= b:
        return []
    j = ctx.skip(j, b, grammar.articles)
    m = ctx.by_start.get(j)
    if m is not None and m.role == "demonym":
        j = m.end  # "the French territories"
    if j + 1 >= b or toks.lower[j] not in rel.member_territory_nouns or toks.lower[j + 1] != "of":
        return []
    items, _ = forward_list(ctx.doc, ctx.lex, j + 2, ctx.by_start, ("Place",), b)
    return items


def besides_items(ctx: RelationContext, a: int, org: TokMention) -> list[TokMention]:
    """ "Besides Russia, the CSTO includes A and B": the actors an opening "besides" phrase
    ([relations] besides_leads) adds, closed by a comma right before the organization."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    j = next((a + len(lead.split()) for lead in rel.besides_leads
              if toks.span_text(a, min(a + len(lead.split()), org.start)).lower() == lead), None)
    if j is None:
        return []
    comma = org.start - 1
    while comma > j and toks.lower[comma] in ctx.lex.grammar.articles:
        comma -= 1
    if toks.text[comma] != ",":
        return []
    items, e = forward_list(ctx.doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, comma)
    if not items or e != comma:
        return []
    return [m for m in items if m.key != org.key]


def members_of_org(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "The members of the SCO are A, B and C", "Current member states of X include A and B":
    the members of the organization after "of", listed after the verb that follows it, when
    the phrase opens the sentence."""
    doc, rel = ctx.doc, ctx.lex.relations
    toks = tokens_of(doc)
    if not all(toks.lower[i] in rel.member_list_leads or ctx.member_adjective(i) for i in range(cue.a, cue.start)):
        return  # "Leaders of the members of X are …": not the sentence's subject
    org = ctx.by_start.get(ctx.skip(cue.end + 1, cue.b, ctx.lex.grammar.articles))
    if org is None or org.type != "Organization" or org.end + 1 >= cue.b or toks.lower[org.end] not in rel.members_of_verbs:
        return
    items, _ = forward_list(doc, ctx.lex, org.end + 1, ctx.by_start, MEMBER_TYPES, cue.b)
    neg = ctx.negated(cue.a, org.end + 2)
    for m in items:
        if m.key != org.key:
            yield Relation(m, "memberOf", org, "member-list", ctx.lex.confidence.member_list_strong, neg)


def counted_as_members(ctx: RelationContext, e: int, b: int) -> bool:
    """After a counted list ending at token ``e``: no "among …"/"as …" follows, or the phrase
    names members ("counts A and B among its members")."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    if e >= b or toks.lower[e] not in rel.counting_links:
        return True
    window = range(e + 1, min(b, e + 4))
    if any(toks.lower[i] in rel.non_member_words for i in window):
        return False  # "counts A and B as partner countries", "… among its observers"
    return any(toks.lower[i] in rel.bare_membership_nouns or phrase_at(ctx.doc, i, b, rel.member_head_nouns)
               for i in window)


def member_dash_apposition(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "Foreign ministers of the Quad — the United States, Japan, India and Australia — met":
    a list of two countries or more between two dashes, right after an organization."""
    doc, rel = ctx.doc, ctx.lex.relations
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    org = ctx.by_end.get(start)
    if org is None or org.type != "Organization":
        return
    items, e = forward_list(doc, ctx.lex, end, ctx.by_start, ("Country",), b)
    if len(items) < rel.min_weak_list_members or e >= b or toks.text[e] != toks.text[start]:
        return
    if toks.text[start] in rel.spaced_dashes and not all(toks.whitespace[i - 1] and toks.whitespace[i] for i in (start, e)):
        return  # a hyphen as a dash stands apart; glued to a word it joins it ("Russia-led")
    neg = ctx.non_member(end, e)
    for m in items:
        yield Relation(m, "memberOf", org, "member-list", ctx.lex.confidence.member_list, neg)


def member_composition(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "the Eurasian Economic Union, a regional economic union of five ex-Soviet states: A, B"."""
    doc, rel = ctx.doc, ctx.lex.relations
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    if any(m.start <= start < m.end for m in ctx.sent_mentions.get(k, ())):
        return  # the group noun is part of a name ("Commonwealth of Independent States")
    # back over the apposition's adjectives, then its links ("X, a regional economic union of")
    i = start
    low = max(a, start - ctx.lex.window.composition_link)
    while i > low and (ctx.in_compound(i - 1) or toks.text[i - 1].isdigit() or (  # "the 2021 pact between"
            toks.text[i - 1].isalpha() and toks.lower[i - 1] not in rel.composition_links
            and toks.lower[i - 1] not in rel.clause_words
            and (toks.text[i - 1].islower() or ctx.by_start.get(i - 1) is None or ctx.by_start[i - 1].role == "demonym"))):
        i -= 1
    linked = i
    while i > low and toks.lower[i - 1] in rel.composition_links:
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
        if len(items) < rel.min_weak_list_members or (e < b and toks.text[e] not in rel.list_ends):
            return
    else:
        items, _ = forward_list(doc, ctx.lex, j, ctx.by_start, MEMBER_TYPES, b)
    items = [m for m in items if m.key != org.key]
    neg = ctx.negated(org.end, j) or ctx.non_member(org.end, j)
    for m in items:
        yield Relation(m, "memberOf", org, "member-composition", ctx.lex.confidence.member_composition, neg)


def _in_contrast(toks, rel: RelationWords, i: int, a: int) -> bool:
    """Token ``i`` is in a phrase a contrast word opens after a comma ("…, unlike its two
    partners, …"), back to that comma or the sentence start ``a``."""
    j = i - 1
    while j >= a and toks.text[j] != ",":
        if toks.lower[j] in rel.contrast_leads:
            return True
        j -= 1
    return False


def _shared_subject(ctx: RelationContext, s: int, a: int) -> list[TokMention]:
    """ "New Delhi buys Russian oil, is a member of X alongside …": a predicate after a comma that
    goes on the sentence's first predicate shares its subject, the actor opening the sentence
    right before a lower-case verb (no clause word, no new clause after a comma and "and")."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    comma = s if toks.text[s] == "," else s - 1  # the walk back may have taken the comma in
    if comma <= a or toks.text[comma] != "," or toks.lower[comma + 1] in ctx.lex.grammar.articles:
        return []  # "A hosted talks with B, a member of X": B's apposition, no second predicate
    m = ctx.by_start.get(a + 1 if toks.lower[a] == "the" else a)
    if m is None or m.type not in MEMBER_TYPES or m.end >= comma:
        return []
    verb = toks.text[m.end]
    if not (verb.isalpha() and verb.islower()) or verb in rel.clause_words:
        return []
    for j in range(m.end, comma):
        if toks.text[j] == "," and toks.lower[j + 1] in ctx.lex.grammar.coordinators:
            return []  # "A hosted the talks, and B is a member of X": B's clause
        if toks.lower[j] in rel.member_relative_pronouns:
            return []  # "India, which buys oil, is …": read by the clause rules
    return [m]


def member_predicate(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, win, rel = ctx.doc, ctx.lex.window, ctx.lex.relations
    toks = tokens_of(doc)
    gap = rel.member_subject_gap
    start, end, a, b = cue.start, cue.end, cue.a, cue.b
    j = ctx.skip(end, b, ("the",))
    modifier = ctx.by_start.get(j)
    if modifier is not None and modifier.type != "Organization" and hyphen_modifier(doc, modifier.end, b):
        j = modifier.end + 2  # "members of the Russia-led Collective Security Treaty Organization"
    org = ctx.by_start.get(j) or ctx.anaphor_at(end)
    orgs = [org] if org is not None else []
    if org is not None and org.start == j and org.type == "Organization":
        # "members of the European Union and NATO": every organization of the list
        orgs, e = forward_list(doc, ctx.lex, j, ctx.by_start, ("Organization",), b)
        orgs = orgs or [org]
        later = org_after_time(ctx, e, b)  # "joined the SCO in 2023 and BRICS in 2024"
        if later is not None:
            orgs.append(later)
        orgs += orgs_after_repeated_of(ctx, e, b)  # "members of the African Union and of IGAD"
    if org is None and j < b and toks.lower[j] in rel.member_object_leads:
        # "a member of both the African Union and the Arab League"
        orgs, _ = forward_list(doc, ctx.lex, ctx.skip(j, b, tuple(rel.member_object_leads)), ctx.by_start,
                               ("Organization",), b)
        org = orgs[0] if orgs else None
        noun = j + 2 if (j + 2 < b and toks.text[j + 1].isalpha() and toks.text[j + 1].islower()
                         and toks.lower[j + 1] not in rel.member_pair_nouns) else j + 1
        if org is None and noun < b and toks.lower[noun] in rel.member_pair_nouns:
            orgs = pair_before(ctx, cue.sentence, start)  # "a member of both (regional) blocs"
            org = orgs[0] if orgs else None
    if org is None and toks.span_text(start, end).lower() in rel.founding_predicates:
        passive = list(founded_by(ctx, start, end, a, b))
        if passive:
            yield from passive  # "Mercosur, founded in 1991 by A, B, C and D, signed …"
            return
    founded_before = False  # "the pact, which A, B and C launched": the founders are inside the clause
    if org is None and toks.span_text(start, end).lower() in rel.founding_predicates and join_closed(ctx, end, b):
        org = founded_antecedent(ctx, start, a)
        orgs, founded_before = ([org], True) if org is not None else ([], False)
    if org is None and toks.lower[end - 1] in rel.stranded_memberships and join_closed(ctx, end, b):
        org = stranded_antecedent(ctx, start, a)  # "NATO, to which A and B both belong"
        orgs, founded_before = ([org], True) if org is not None else ([], False)
    confidence = ctx.lex.confidence.member_predicate
    if org is None and intransitive_join(ctx, cue):
        # "The bloc counts A and B among its members. C joined in 2014": the organization spoken of
        org = ctx.context_org(cue.sentence, start)
        orgs, confidence = ([org] if org is not None else []), ctx.lex.confidence.member_context
    if org is None or org.type != "Organization":
        return
    if org.start == j and org.end < b and toks.lower[org.end] in ctx.lex.grammar.possessive:
        # "joined the Council of Europe's Parliamentary Assembly": the body owned is joined
        owned = ctx.by_start.get(org.end + 1)
        if owned is None or owned.type != "Organization":
            return
        org, orgs = owned, [owned]
    if toks.span_text(start, end).lower() in rel.participation_predicates and not (
            org.start == j and (join_closed(ctx, org.end, b) or phrase_at(doc, org.end, b, rel.member_alongside))):
        return  # "participates in the CSTO summit": an event, no membership
    s = start
    other = False  # "a former member of", "a candidate member of": not a member
    while s > a:
        w = toks.lower[s - 1]
        if w in rel.future_member_words:
            return  # "will become a member of", "hopes to become a member of": not yet
        if w in rel.member_as and s - 2 > a and toks.lower[s - 2] in rel.member_as_verbs:
            s -= 1  # "was formally admitted as the 11th member of"
            continue
        if s - 2 > a and _time_phrase_before(toks.lower, s, rel):
            s -= 2  # "The union on Saturday became a member of X"
            continue
        if (w == ")" and s - 3 > a and toks.text[s - 3] == "(" and toks.text[s - 2].isupper()
                and ctx.by_end.get(s - 3) is not None):
            s -= 3  # "Turkish State Railways (TCDD) joined X": the actor's acronym in brackets
            continue
        if w in rel.member_other_words:
            # "Saudi Arabia and the other members of the GCC": the actor before "and" is one
            c = s - 2
            if c > a and toks.lower[c] in ctx.lex.grammar.articles:
                c -= 1
            if c > a and toks.lower[c] in ctx.lex.grammar.coordinators:
                s = c
            break
        counted = _counted_adjectives_start(ctx, s, a)
        if counted < s:
            s = counted  # "A, B and C, the three European members of X": past "European"
            continue
        if w in rel.former_member_words or w in rel.non_member_words:
            # "Tanzania, unlike its two partners, is also a member": the contrasted ones' noun
            other = other or not _in_contrast(toks, rel, s - 1, a)
        elif not (w in gap or w in rel.member_becoming or w in rel.member_quantifiers or ctx.member_adjective(s - 1) or doc[s - 1].like_num
                  or w in rel.member_singling_words  # "Algeria, the only Arab member of the council"
                  or (w.endswith("ly") and toks.text[s - 1].islower())):  # "formally joined", "one of the five"
            break
        s -= 1
    subjects = backward_list(doc, ctx.lex, s, ctx.by_end, MEMBER_TYPES, a - 1)
    if not subjects and s - 1 > a and toks.text[s - 1] in rel.apposition_dashes:
        # "All five — Denmark, Finland and Sweden — are members of X"
        subjects = backward_list(doc, ctx.lex, s - 1, ctx.by_end, MEMBER_TYPES, a - 1)
        if len(subjects) < 2 or toks.text[subjects[0].start - 1] != toks.text[s - 1]:
            subjects = []
    if (subjects and subjects[0].start - 2 > a and toks.text[subjects[0].start - 2] == ","
            and toks.lower[subjects[0].start - 1] in ctx.lex.grammar.indefinite_articles):
        # "Serbia, an EU candidate, is also a member of X": the actor before the apposition
        before = backward_list(doc, ctx.lex, subjects[0].start - 2, ctx.by_end, MEMBER_TYPES, a - 1)
        close = next((x for x in range(subjects[-1].end, start) if toks.text[x] == ","), start)
        subjects = before if before and not ctx.inside_a_clause(before[0].start, a) else []
        # the apposition's own words ("an EU candidate") say nothing of this membership
        other = any(toks.lower[x] in rel.former_member_words or toks.lower[x] in rel.non_member_words
                    for x in range(close, start))
    contrasted: list[TokMention] = []
    if (len(subjects) >= 2 and subjects[0].start - 1 >= a and toks.lower[subjects[0].start - 1] in rel.contrast_leads
            and subjects[0].end < len(doc) and toks.text[subjects[0].end] == ","):
        # "Unlike Armenia, Azerbaijan is not a member of X": Armenia is set apart, on the other side
        contrasted, subjects = subjects[:1], subjects[1:]
    elif (subjects and subjects[0].start - 2 > a and toks.lower[subjects[0].start - 1] in rel.contrast_leads
            and toks.text[subjects[0].start - 2] == ","):
        # "Azerbaijan, unlike Kazakhstan and Russia, does not belong to X": the actor before the
        # inserted contrast is the subject, the contrasted ones stand on the other side
        contrasted = subjects
        subjects = backward_list(doc, ctx.lex, subjects[0].start - 2, ctx.by_end, MEMBER_TYPES, a - 1)
        contrasted = contrasted if subjects else []
    object_relative = bool(
        subjects and org.start < start and subjects[0].start - 2 > a
        and toks.lower[subjects[0].start - 1] in rel.member_relative_pronouns
        and toks.text[subjects[0].start - 2] == ","
        and getattr(ctx.by_end.get(subjects[0].start - 2), "key", None) == org.key)
    # "the Forum, which Turkey has not joined": the organization before ", which" is the
    # object of the relative clause, the actor after "which" its subject
    if subjects and not founded_before and not object_relative and ctx.inside_a_clause(subjects[0].start, a):
        # "Sweden, which applied together with Finland, is not a member": the subject
        # stands before the clause's opening comma
        subjects = []
        for c in range(s - 2, max(a, s - win.clause_comma), -1):
            if toks.text[c] == ",":
                subjects = backward_list(doc, ctx.lex, c, ctx.by_end, MEMBER_TYPES, a - 1)
                if subjects and ctx.inside_a_clause(subjects[0].start, a):
                    subjects = []
                if subjects:
                    break
    if not subjects and any(toks.text[i] == "," for i in range(s, start)):
        # "Senegal, unlike its neighbours, remains a member of X": the subject before the
        # comma that opens the inserted phrase
        for c in range(s - 1, max(a, s - win.clause_comma), -1):
            if toks.text[c] == ",":
                subjects = backward_list(doc, ctx.lex, c, ctx.by_end, MEMBER_TYPES, a - 1)
                if subjects and (ctx.inside_a_clause(subjects[0].start, a) or subjects[0].start > a + 1):
                    subjects = []
                break
    if not subjects and s > a:
        subjects = (_shared_subject(ctx, s, a) or member_subject_elsewhere(ctx, s, a)
                    or counted_subjects(ctx, s, a))
    elif not subjects and s == a:
        # "All nine are members of X", "Both are members of X": the walk took the count in
        counted = ctx.skip(a, start, (*rel.count_openers, *rel.count_pairs, *rel.count_words))
        subjects = counted_subjects(ctx, counted, a) if counted > a else []
    if not subjects:
        subjects = whose_country(ctx, s, a)  # "Turkish President X, whose country is a member of NATO"
    if not subjects and s == a == start and toks.lower[start] in rel.member_as:
        subjects = fronted_as_subject(ctx, start + 1, a)  # the cue "as a member of" opens the sentence
    if not subjects:
        return
    if org.start < end and any(m.key == org.key for m in subjects):
        # "Turkish State Railways joined the association": the anaphor is no subject of its clause
        org = ctx.anaphor_at(end, skip=frozenset(m.key for m in subjects))
        if org is None or org.type != "Organization":
            return
        orgs = [org]
    if toks.span_text(start, end).lower() in rel.founding_predicates and (
            len(subjects) < 2 or any(m.type != "Country" for m in subjects)):
        return  # "the EU set up its mission": a founder alone is no member
    left_out: list[TokMention] = []
    f = subjects[0].start
    if (f - 2 >= a and toks.lower[f - 1] in rel.exclusion_links and toks.lower[f - 2] in rel.exclusion_quantifiers):
        # "all but Iceland and Norway belong to the EU": those listed are left out, the rest
        # of the last list of countries before them are the members
        left_out, subjects = subjects, excluding_list(ctx, subjects, f - 2)
    last = max(o.end for o in orgs or [org])
    if org.start >= end and last < b and toks.text[last].islower() and toks.lower[last] in rel.org_modifier_nouns:
        return  # "since Bern joined EU sanctions in 2022": the organization modifies what was joined
    if org.start >= end and last + 1 < b and toks.lower[last] in rel.member_as and any(
            toks.lower[x] in rel.non_member_words for x in range(last + 1, min(b, last + 4))):
        other = True  # "joined the Pacific Alliance as an observer / an associate state": no member
    neg = other or ctx.negated(max(a, min(s, start - win.negation_before_cue)), end)
    # the object's end: the organization named after the cue, or the anaphor's noun ("the group")
    object_end = max(o.end for o in orgs or [org]) if org.start >= end else j + 1
    if not neg and ended_until(ctx, object_end, start, end, a, b):
        neg = True  # "Georgia, which had been a member of the CIS until 2009": no member now
    if neg and org.start >= end:
        orgs = (orgs or [org]) + orgs_after_negated_or(ctx, max(o.end for o in orgs or [org]), b)
    if not neg and org.start >= end and toks.span_text(start, end).lower() in rel.intransitive_joins:
        subjects = subjects + followers(ctx, max(o.end for o in orgs or [org]), b)
        gapped = subject_after_time(ctx, max(o.end for o in orgs or [org]), b)
        subjects = subjects + [gapped] if gapped is not None else subjects  # "… and Sweden in 2024"
    if org.start >= end:
        subjects = subjects + alongside(ctx, max(o.end for o in orgs or [org]), b)
    subjects = subjects + companions_of_subject(ctx, subjects, start)
    for o in orgs or [org]:
        for m in subjects:
            yield Relation(m, "memberOf", o, "member-predicate", confidence, neg)
        for m in contrasted:
            if not other:  # "unlike A, B is a former member": nothing said of A
                yield Relation(m, "memberOf", o, "member-predicate", confidence, not neg)
        for m in left_out:
            yield Relation(m, "memberOf", o, "member-predicate", confidence, not neg)


def companions_of_subject(ctx: RelationContext, subjects: list[TokMention], start: int) -> list[TokMention]:
    """ "Peru, along with Chile and Bolivia, is a member of X": the actors that a phrase of
    [relations] member_alongside, inserted in commas right after the subject list, adds to it
    before the cue at token ``start``; or, when the list read is the inserted one ("Peru, as
    well as Chile, joined X"), the actors before it; or []."""
    toks = tokens_of(ctx.doc)
    if not subjects:
        return []
    p = subjects[-1].end
    if p >= start or toks.text[p] != ",":
        return []
    f = subjects[0].start - (toks.lower[subjects[0].start - 1] in ctx.lex.grammar.articles)
    lead = next((len(w) for w in ctx.lex.relations.member_alongside
                 if f - len(w) - 1 > 0 and tuple(toks.lower[f - len(w):f]) == w), 0)
    if lead and toks.text[f - lead - 1] == "," and ctx.sent_of[f - lead - 1] == ctx.sent_of[f]:
        # "Peru, as well as Chile and Bolivia, joined X": the list read is the inserted one
        head = backward_list(ctx.doc, ctx.lex, f - lead - 1, ctx.by_end, MEMBER_TYPES,
                             ctx.sent_range[ctx.sent_of[f]][0] - 1)
        return head if head and not ctx.inside_a_clause(head[0].start, ctx.sent_range[ctx.sent_of[f]][0]) else []
    n = phrase_at(ctx.doc, p + 1, start, ctx.lex.relations.member_alongside)
    close = next((c for c in range(start - 1, p + n, -1) if toks.text[c] == ","), None) if n else None
    if close is None:
        return []
    items = backward_list(ctx.doc, ctx.lex, close, ctx.by_end, MEMBER_TYPES, p + n)
    if not items or ctx.skip(p + 1 + n, close, ctx.lex.grammar.articles) != items[0].start:
        return []  # "Peru, along with its allies in the region, is …": no actor listed
    return items


def excluding_list(ctx: RelationContext, left_out: list[TokMention], q: int) -> list[TokMention]:
    """The countries of the last list (two or more) before token ``q``, in this sentence or the
    ones before (within [window] counted_list_sentences), that has every actor of ``left_out``,
    less those; or []."""
    keys = {m.key for m in left_out}
    sent = ctx.sent_of[q]
    for prev in range(sent, max(-1, sent - 1 - ctx.lex.window.counted_list_sentences), -1):
        lo = ctx.sent_range.get(prev, (q, q))[0]
        for m in reversed(ctx.sent_mentions.get(prev, [])):
            if m.type != "Country" or m.end > q:
                continue
            items = backward_list(ctx.doc, ctx.lex, m.end, ctx.by_end, ("Country",), lo - 1)
            if len(items) >= 2:  # the last list decides
                rest = [i for i in items if i.key not in keys]
                return rest if keys <= {i.key for i in items} and rest else []
    return []


def whose_country(ctx: RelationContext, s: int, a: int) -> list[TokMention]:
    """ "Turkish President X, whose country is a member of NATO": the country of the person
    before ", whose country" ending at token ``s`` (their office's, from the roles' facts), or []."""
    toks = tokens_of(ctx.doc)
    if (s - 3 < a or toks.lower[s - 1] not in ctx.lex.relations.whose_country_nouns
            or toks.lower[s - 2] not in ctx.lex.roles.whose_words or toks.text[s - 3] != ","):
        return []
    person = ctx.by_end.get(s - 3)
    country = ctx.person_country.get(person.key) if person is not None and person.type == "Person" else None
    return [country] if country is not None else []


def followers(ctx: RelationContext, e: int, b: int) -> list[TokMention]:
    """The countries after ", followed by" that closes a joining verb's object and its time
    phrase ("Finland joined NATO in April 2023, followed by Sweden in March 2024"), or []."""
    if not join_closed(ctx, e, b):
        return []
    # only a time phrase ("in April 2023") before the comma
    return _countries_after_comma(ctx, e, b, ctx.lex.relations.join_followers, months=True)


def _past_owner(ctx: RelationContext, j: int, b: int) -> int:
    """The organization after an actor's possessive and a few lower-case words at token ``j``
    ("New Caledonia's pro-independence FLNKS movement": the FLNKS), ``b`` when the possessive
    owns anything else ("Ecuador's capital": no member), or ``j`` without a possessive."""
    toks = tokens_of(ctx.doc)
    owner = ctx.by_start.get(j)
    if owner is None or owner.end + 1 >= b or toks.lower[owner.end] not in ctx.lex.grammar.possessive:
        return j
    k = owner.end + 1
    while k < b and k - owner.end <= 2 * ctx.lex.window.title_domain_words + 1 and (
            toks.text[k].islower() or toks.text[k] == "-"):
        k += 1  # "pro-independence": three tokens
    m = ctx.by_start.get(k)
    return k if m is not None and m.type == "Organization" else b


def alongside(ctx: RelationContext, e: int, b: int) -> list[TokMention]:
    """The countries after ", alongside" ([relations] member_alongside) that closes a membership
    phrase ending at token ``e`` ("The union counts A as an active member, alongside B and C",
    "A is a member of X, along with B"), past a few lower-case words or a date, or []."""
    toks = tokens_of(ctx.doc)
    if e + 2 < b and toks.text[e] == "(" and toks.text[e + 2] == ")":
        e += 3  # "the Eurasian Economic Union (EAEU), alongside B": past the acronym in brackets
    n = phrase_at(ctx.doc, e, b, ctx.lex.relations.member_alongside)
    if n:  # "a member of the Quad along with A, B and C"
        return forward_list(ctx.doc, ctx.lex, e + n, ctx.by_start, ("Country",), b)[0]
    t = _past_a_date(ctx, e, b)
    n = phrase_at(ctx.doc, t, b, ctx.lex.relations.member_alongside) if t > e else 0
    if n:  # "A joined X in 2001 together with B"
        return forward_list(ctx.doc, ctx.lex, t + n, ctx.by_start, ("Country",), b)[0]
    n = phrase_at(ctx.doc, e, b, ctx.lex.relations.member_with)
    if n:  # "a member of the G20 with A, B and C", the list closing the phrase
        items, end = forward_list(ctx.doc, ctx.lex, e + n, ctx.by_start, ("Country",), b)
        closed = end >= b or toks.text[end] in ctx.lex.relations.intransitive_join_closers
        return items if closed else []
    # "as an active member", "in 2015": nothing else before the comma
    return _countries_after_comma(ctx, e, b, ctx.lex.relations.member_alongside, months=False)


def _past_a_date(ctx: RelationContext, e: int, b: int) -> int:
    """The token after a date phrase opening at token ``e`` ("in 2001", "in March 2015"), or
    ``e`` when none opens there."""
    toks = tokens_of(ctx.doc)
    if e + 1 >= b or toks.lower[e] not in ctx.lex.relations.date_prepositions:
        return e
    j = e + 1
    while j < b and j - e <= 3 and (ctx.doc[j].like_num or toks.lower[j] in ctx.lex.months):
        j += 1
    return j if j > e + 1 and ctx.doc[j - 1].like_num else e


def _countries_after_comma(ctx: RelationContext, e: int, b: int, phrases: tuple[tuple[str, ...], ...],
                           months: bool) -> list[TokMention]:
    """The countries listed after ", PHRASE" (one of ``phrases``) when only lower-case words or
    numbers (and, with ``months``, month names) stand between token ``e`` and the comma, within
    [window] participle_phrase tokens; else []."""
    toks = tokens_of(ctx.doc)
    j = e
    while j < b and j - e <= ctx.lex.window.participle_phrase and toks.text[j] != ",":
        if not (toks.text[j].isalnum() and (toks.text[j].islower() or ctx.doc[j].like_num
                                            or (months and toks.lower[j] in ctx.lex.months))):
            return []
        j += 1
    if j >= b or toks.text[j] != ",":
        return []
    n = phrase_at(ctx.doc, j + 1, b, phrases)
    if not n:
        return []
    items, end = forward_list(ctx.doc, ctx.lex, j + 1 + n, ctx.by_start, ("Country",), b)
    if items and end < b and toks.lower[end] in ctx.lex.grammar.possessive:
        return []  # "…, on the same day as Azerbaijan's president visited Paris": not a member named
    return items


def _counted_adjectives_start(ctx: RelationContext, s: int, a: int) -> int:
    """The start of one or two capitalised adjectives ending at ``s`` that a number precedes
    ("the three European members", "the two Central Asian members") or a singling word
    ("the only Arab member"), or ``s``: words of the members, not an actor's name."""
    toks = tokens_of(ctx.doc)
    j = s
    while j - 1 > a and s - j < 2 and toks.text[j - 1][:1].isupper() and toks.text[j - 1].isalpha():
        m = ctx.by_end.get(j)
        if m is not None and m.role != "demonym":
            return s
        j = m.start if m is not None else j - 1
    return j if j < s and (ctx.doc[j - 1].like_num
                           or toks.lower[j - 1] in ctx.lex.relations.member_singling_words) else s


def _time_phrase_before(lower: list[str], s: int, rel: RelationWords) -> bool:
    """Whether the two tokens before ``s`` are a time phrase ("on Saturday", "last week")
    standing between a membership's subjects and its predicate."""
    first, second = lower[s - 2], lower[s - 1]
    return ((first == rel.member_time_preposition and second in rel.member_time_weekdays)
            or (first in rel.member_time_determiners and second in rel.member_time_periods))


def org_after_time(ctx: RelationContext, e: int, b: int) -> TokMention | None:
    """The organization coordinated after a time phrase that closes a membership's object
    ("joined the SCO in 2023 and BRICS in 2024": BRICS), or None."""
    toks = tokens_of(ctx.doc)
    if not join_closed(ctx, e, b) or e >= b or toks.text[e] in ctx.lex.relations.intransitive_join_closers:
        return None
    j = e + 2  # "in 2023", "last year"
    if j >= b or toks.lower[j] not in ctx.lex.grammar.coordinators:
        return None
    m = ctx.by_start.get(ctx.skip(j + 1, b, ctx.lex.grammar.articles))
    if m is None or m.type != "Organization" or m.role == "demonym" or not join_closed(ctx, m.end, b):
        return None  # "joined the SCO in 2023 and BRICS welcomed it": another clause
    return m


def subject_after_time(ctx: RelationContext, e: int, b: int) -> TokMention | None:
    """The country coordinated after a time phrase that closes a joining verb's object, with a
    time phrase of its own and the clause closed after it: the verb and its object are gapped
    ("Finland joined NATO in 2023 and Sweden in 2024": Sweden), or None."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    if e + 1 >= b or toks.lower[e] not in rel.join_time_leads or not join_closed(ctx, e, b):
        return None
    j = e + 2  # "in 2023"
    if j >= b or toks.lower[j] not in ctx.lex.grammar.coordinators:
        return None
    m = ctx.by_start.get(ctx.skip(j + 1, b, ctx.lex.grammar.articles))
    if m is None or m.type != "Country" or m.role == "demonym" or m.end + 1 >= b:
        return None
    if toks.lower[m.end] not in rel.join_time_leads or not join_closed(ctx, m.end, b):
        return None
    after = m.end + 2
    return m if after >= b or toks.text[after] in rel.intransitive_join_closers else None


def ended_until(ctx: RelationContext, e: int, start: int, end: int, a: int, b: int) -> bool:
    """ "was a member of the CIS until 2009", "which had been a member of X until 2012": an
    "until" ([relations] until_words) right after the membership's object (past an acronym in
    brackets or an apposition), with a past verb ([relations] past_member_verbs; not "remains
    a member until its exit takes effect", "serves on the council until 2025") in the few words
    before the cue at ``start`` or in the cue (``start``:``end``: "served on"); or a
    past perfect before the cue ("had been members of ECOWAS since 1975": a state before the
    story's past, which it tells the end of)."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    lead = max(a, start - ctx.lex.window.negation_before_cue - 1)
    if any(toks.lower[i] in rel.past_perfect_auxiliaries and toks.lower[i + 1] in rel.past_perfect_participles
           for i in range(lead, start - 1)):
        return True  # "The three countries had been members of ECOWAS since 1975": before they left
    if e + 2 < b and toks.text[e] == "(" and toks.text[e + 2] == ")":
        e += 3
    if e < b and toks.text[e] == ",":
        # "a member of the group, then known as the G8, until …": past an apposition
        close = next((c for c in range(e + 1, min(b, e + 2 + ctx.lex.window.anaphor_description))
                     if toks.text[c] == ","), None)
        e = close + 1 if close is not None else e
    if e >= b or toks.lower[e] not in rel.until_words:
        return False
    return any(toks.lower[i] in rel.past_member_verbs for i in range(lead, end))  # the cue too: "served on"


def orgs_after_negated_or(ctx: RelationContext, e: int, b: int) -> list[TokMention]:
    """The organizations after "or" ([relations] negated_coordinators) that closes a negated
    membership's object ("does not belong to the EAEU or the CSTO": the CSTO too), or []."""
    toks = tokens_of(ctx.doc)
    if e >= b or toks.lower[e] not in ctx.lex.relations.negated_coordinators:
        return []
    j = ctx.skip(e + 1, b, ctx.lex.grammar.articles)
    m = ctx.by_start.get(j)
    if m is None or m.type != "Organization" or m.role == "demonym":
        return []
    return forward_list(ctx.doc, ctx.lex, j, ctx.by_start, ("Organization",), b)[0]


def orgs_after_repeated_of(ctx: RelationContext, e: int, b: int) -> list[TokMention]:
    """Organizations coordinated after a repeated "of" that closes a membership's object
    ("a member of the EU and of NATO", "a founding member of the EU and a member of NATO":
    NATO), each run read as a list; [] when the
    coordinated phrase names no organization ("members of the EU and of its …")."""
    toks = tokens_of(ctx.doc)
    grammar = ctx.lex.grammar
    found: list[TokMention] = []
    while True:
        k = e + 1 if e < b and toks.text[e] == "," else e
        if not (k + 1 < b and toks.lower[k] in grammar.coordinators):
            return found
        o = k + 1
        if toks.lower[o] != "of":
            # "a founding member of A and a member of B", "members of A and founding members of
            # B": a second membership noun, kept a member by its adjectives
            o += toks.lower[o] in grammar.indefinite_articles
            while o < b and ctx.member_adjective(o):
                o += 1
            if not (o + 1 < b and toks.lower[o] in ctx.lex.relations.coordinated_member_nouns):
                return found
            o += 1
        if not (o < b and toks.lower[o] == "of"):
            return found
        j = ctx.skip(o + 1, b, grammar.articles)
        m = ctx.by_start.get(j)
        if m is None or m.type != "Organization" or m.role == "demonym":
            return found
        more, e = forward_list(ctx.doc, ctx.lex, j, ctx.by_start, ("Organization",), b)
        found += more or [m]


def pair_before(ctx: RelationContext, k: int, start: int) -> list[TokMention]:
    """The two organizations "both blocs" points back to: the last two named before
    ``start`` in sentence ``k`` and the few before it ([window] pair_sentences), else none."""
    pos = bisect.bisect_left(ctx.org_starts, start)
    recent: dict[str, TokMention] = {}
    window = [m for m in reversed(ctx.orgs[:pos]) if m.sentence >= k - ctx.lex.window.pair_sentences
              and m.role != "demonym"]
    for m in window:
        if len(recent) == 2:
            break
        recent.setdefault(m.key, m)
    if len(recent) != 2:
        return []
    # "The EAC and the SADC merged … The AU named X. Y is a member of both regional blocs": the
    # last two named as a pair ("A and B") when the last two named are not one
    pairs = [(a, b) for b, a in zip(window, window[1:]) if a.key != b.key and _coordinated(ctx, a, b)]
    last = list(recent.values())
    if pairs and not any({a.key, b.key} == {m.key for m in last} for a, b in pairs[:1]):
        return list(pairs[0])
    return last


def _coordinated(ctx: RelationContext, a: TokMention, b: TokMention) -> bool:
    """Organization ``a`` and the next one ``b`` are joined by "and" in one sentence ("the East
    African Community (EAC) and the Southern African Development Community")."""
    toks = tokens_of(ctx.doc)
    if a.sentence != b.sentence or b.start <= a.end:
        return False
    i, joined = a.end, False
    while i < b.start:
        again = ctx.by_start.get(i)
        if again is not None and again.key == a.key:
            i = again.end  # its acronym in brackets
            continue
        low = toks.lower[i]
        if low in ctx.lex.grammar.coordinators:
            joined = True
        elif low not in ctx.lex.grammar.articles and low not in ("(", ")"):
            return False
        i += 1
    return joined


def member_became(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "Egypt and Iran became members last year.", "C became a full member in 2010.", "A and
    B are full members, while …": a verb of becoming or being before a bare membership noun
    closed like an intransitive join names a membership of the organization the sentence or
    the one before speaks of (with "of ORG" the member predicate reads it)."""
    toks = tokens_of(ctx.doc)
    rel, articles = ctx.lex.relations, ctx.lex.grammar.articles
    s = cue.start
    while s > cue.a and (toks.lower[s - 1] in articles or toks.lower[s - 1] in rel.member_possessive_pronouns
                         or ctx.member_adjective(s - 1)):
        s -= 1  # "became a full member", "became its newest member"
    owner = None
    if s > cue.a + 1 and toks.lower[s - 1] in ctx.lex.grammar.possessive:
        m = ctx.by_end.get(s - 1)
        if m is not None and m.type == "Organization":
            owner, s = m, m.start  # "Indonesia became BRICS' tenth member on Monday"
            while s > cue.a and toks.lower[s - 1] in articles:
                s -= 1
    if s > cue.a and toks.lower[s - 1] in rel.bare_member_verbs:
        verb = s - 1
        s = verb
        if toks.lower[verb] in rel.past_perfect_participles and s > cue.a and toks.lower[s - 1] in rel.perfect_auxiliaries:
            s -= 1  # "Turkey has been a member since 1952"
    elif s > cue.a + 1 and toks.lower[s - 1] in rel.member_as and toks.lower[s - 2] in rel.member_as_verbs:
        verb = s - 2  # "Belarus was admitted as the tenth member last year"
        s = verb
        while s > cue.a and verb - s < 2 and toks.lower[s - 1] in rel.member_subject_gap:
            s -= 1  # "was admitted", "has been accepted"
    elif owner is None and any(toks.lower[i] in rel.member_possessive_pronouns for i in range(s, cue.start)):
        yield from member_apposition(ctx, cue, s)
        return
    else:
        return
    if verb > cue.a and toks.lower[verb - 1] in rel.future_member_words:
        return  # "will become members", "hopes to become a member": not yet
    if verb > cue.a and toks.lower[verb - 1] in rel.past_perfect_auxiliaries and toks.lower[verb] in rel.past_perfect_participles:
        return  # "Uzbekistan had been a member since 2006": no longer
    if toks.lower[verb] in rel.past_perfect_participles and s == verb:
        return  # "been" with no "has"/"have" before it
    if owner is None and not join_closed(ctx, cue.end, cue.b):
        return
    org = owner or ctx.context_org(cue.sentence, verb)
    if org is None or org.type != "Organization":
        return
    while s > cue.a and toks.text[s - 1].islower() and toks.text[s - 1].endswith("ly"):
        s -= 1  # "formally became members"
    if (s > cue.a + 1 and toks.lower[verb] in rel.member_becoming and toks.lower[s - 1] in rel.member_relatives
            and toks.text[s - 2] == ","):
        s -= 2  # "Sweden, which became a member in March, attended" (not "which was a member")
    subjects = backward_list(ctx.doc, ctx.lex, s, ctx.by_end, MEMBER_TYPES, cue.a - 1)
    if not subjects:
        return
    neg = ctx.negated(subjects[-1].end, cue.end)
    if not neg:
        subjects = subjects + alongside(ctx, cue.end, cue.b)  # "A and B are members, alongside C and D"
    for m in subjects:
        if m.key != org.key:
            yield Relation(m, "memberOf", org, "member-became", ctx.lex.confidence.member_context, neg)


def member_apposition(ctx: RelationContext, cue: Cue, s: int) -> Iterator[Relation]:
    """ "Belarus, its newest member, sent …", "Its newest member, Belarus, sent …": an actor
    in apposition to "its … member" (from token ``s``) is a member of the organization the
    sentence or the one before speaks of."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    if cue.end >= cue.b or toks.text[cue.end] not in rel.intransitive_join_closers:
        return
    if s == cue.a and toks.text[cue.end] == ",":
        items, e = forward_list(ctx.doc, ctx.lex, cue.end + 1, ctx.by_start, MEMBER_TYPES, cue.b)
        if e >= cue.b or toks.text[e] != ",":
            return  # "Its newest member, Belarus and Iran …": no closed apposition
    elif s > cue.a and toks.text[s - 1] == ",":
        items = backward_list(ctx.doc, ctx.lex, s - 1, ctx.by_end, MEMBER_TYPES, cue.a - 1)
        if items and items[0].start != cue.a and toks.text[items[0].start - 1] != ",":
            return  # "… met Belarus, its newest member": only a subject opening the sentence or a clause
    else:
        return
    org = ctx.context_org(cue.sentence, s)
    if org is None or org.type != "Organization":
        return
    for m in items:
        if m.key != org.key:
            yield Relation(m, "memberOf", org, "member-became", ctx.lex.confidence.member_context, False)


def group_of_subject(ctx: RelationContext, i: int, b: int) -> TokMention | None:
    """The organization of a plural title opening a sentence at token ``i`` ("Leaders of
    Mercosur", "Foreign ministers of the OAS"), or None."""
    toks = tokens_of(ctx.doc)
    t = next((t for t in ctx.doc._.kg_titles or () if t.start == i and t.plural), None)
    if t is None or t.end + 1 >= b or toks.lower[t.end] not in ctx.lex.actors.title_prepositions:
        return None
    org = ctx.by_start.get(ctx.skip(t.end + 1, b, ctx.lex.grammar.articles))
    return org if org is not None and org.type == "Organization" else None


def intransitive_join(ctx: RelationContext, cue: Cue) -> bool:
    """ "C joined in 2014, …", "C joined last year.", "C joined.": a joining verb with no object,
    closed by the sentence, a comma or a time phrase ([relations] intransitive_joins)."""
    toks = tokens_of(ctx.doc)
    if toks.span_text(cue.start, cue.end).lower() not in ctx.lex.relations.intransitive_joins:
        return False
    return join_closed(ctx, cue.end, cue.b)


def founded_by(ctx: RelationContext, start: int, end: int, a: int, b: int) -> Iterator[Relation]:
    """ "Mercosur, founded in 1991 by Argentina, Brazil, Paraguay and Uruguay": the founders (two
    countries or more) after a passive founding verb, past a time phrase, and its "by", of the
    organization (or the anaphor's) before the verb's comma."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    j = end
    if j + 1 < b and toks.lower[j] in rel.join_time_leads:
        j += 2  # "in 1991", "last year"
    if j >= b or toks.lower[j] not in ctx.lex.speech.agent_prepositions or start - 2 < a or toks.text[start - 1] != ",":
        return
    founders, _ = forward_list(ctx.doc, ctx.lex, j + 1, ctx.by_start, ("Country",), b)
    if len(founders) < 2:
        return
    org = ctx.by_end.get(start - 1)
    if org is None and start - 3 >= a:
        org = ctx.anaphor_at(start - 3)  # "The group, founded in 2015 by A and B, …"
    if org is None or org.type != "Organization":
        return
    for m in founders:  # read as the list after "founded by" is
        yield Relation(m, "memberOf", org, "member-list", ctx.lex.confidence.member_list_strong, False)


def founded_antecedent(ctx: RelationContext, start: int, a: int) -> TokMention | None:
    """The organization before ", which A and B founded" (the founders listed right before the
    verb at ``start``): its name, or the organization an anaphor ending at the comma points
    back to ("the pact, which A, B and C launched in 2021"); else None."""
    toks = tokens_of(ctx.doc)
    founders = backward_list(ctx.doc, ctx.lex, start, ctx.by_end, ("Country",), a - 1)
    if len(founders) < 2:
        return None
    i = founders[0].start - 1
    if i >= 0 and toks.lower[i] in ctx.lex.grammar.articles:
        i -= 1
    if i - 2 < a or toks.lower[i] not in ctx.lex.relations.member_relative_pronouns or toks.text[i - 1] != ",":
        return None
    named = ctx.by_end.get(i - 1)
    if named is not None and named.type == "Organization":
        return named
    return ctx.anaphor_at(i - 3)


def stranded_antecedent(ctx: RelationContext, start: int, a: int) -> TokMention | None:
    """The organization before ", to which A and B (both) belong" (the actors listed right before
    the verb at ``start``, its preposition before the relative pronoun): its name, or the
    organization an anaphor ending at the comma points back to; else None."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    s = start
    while s - 1 > a and (toks.lower[s - 1] in rel.member_quantifiers or toks.lower[s - 1] in rel.member_clause_adverbs
                         or toks.lower[s - 1] in rel.negations):
        s -= 1
    members = backward_list(ctx.doc, ctx.lex, s, ctx.by_end, MEMBER_TYPES, a - 1)
    if not members:
        return None
    i = members[0].start - 1
    if i >= 0 and toks.lower[i] in ctx.lex.grammar.articles:
        i -= 1
    if (i - 3 < a or toks.lower[i] not in rel.member_relative_pronouns
            or toks.lower[i - 1] not in rel.stranded_prepositions or toks.text[i - 2] != ","):
        return None
    named = ctx.by_end.get(i - 2)
    if named is not None and named.type == "Organization":
        return named
    return ctx.anaphor_at(i - 4)


def join_closed(ctx: RelationContext, e: int, b: int) -> bool:
    """Whether the words from token ``e`` close a membership verb with no object: the end
    of the sentence, a comma, or a time phrase ("in 2014", "last year"; not "in the talks")."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    if e >= b or toks.text[e] in rel.intransitive_join_closers:
        return True
    if e + 1 < b and toks.lower[e] in rel.join_time_leads:
        nxt = toks.lower[e + 1]
        return ctx.doc[e + 1].like_num or nxt in rel.join_time_nouns or nxt in ctx.lex.months
    return False


def counted_subjects(ctx: RelationContext, s: int, a: int) -> list[TokMention]:
    """The countries "All four countries" (opening the sentence, ending at ``s``) points
    back to: the nearest list of exactly that many countries in the sentences before ("The three
    companies": the organizations of the sentence before, exactly that many)."""
    doc, rel = ctx.doc, ctx.lex.relations
    toks = tokens_of(doc)
    orgs = s - 2 >= a and toks.lower[s - 1] in rel.counted_org_nouns
    if s - 2 >= a and (toks.lower[s - 1] in rel.counted_member_nouns or orgs):
        count_at = s - 2
    elif s - 1 >= a and (s - 2 < a or toks.lower[s - 2] in rel.count_openers) and (
            toks.lower[s - 1] in rel.count_words or toks.lower[s - 1] in rel.count_pairs
            or (toks.lower[s - 1].isdigit() and s - 2 >= a)):
        count_at = s - 1  # "All nine are members of X", "Both are members of X": no noun after the count
    else:
        return []
    word = toks.lower[count_at]
    if word in rel.count_pairs:
        count = 2
    elif word in rel.count_words:
        count = rel.count_words.index(word) + 2
    elif word.isdigit():
        count = int(word)
    else:
        return []
    sent = ctx.sent_of[a]
    if ctx.skip(a, count_at, (*rel.count_openers, *rel.count_pairs)) != count_at:
        if (count == 2 and count_at - 2 >= a and toks.lower[count_at - 1] in ctx.lex.roles.contrast_links
                and toks.text[count_at - 2] == "," and sent - 1 in ctx.sent_range):
            # "Guyana is a member of CARICOM. Venezuela is not, but both countries belong to
            # CELAC": the two countries opening this sentence and the one before
            openers = [ctx.by_start.get(ctx.skip(lo, lo + 2, ctx.lex.grammar.articles))
                       for lo in (ctx.sent_range[sent - 1][0], a)]
            if all(m is not None and m.type == "Country" and m.role == "name" for m in openers) \
                    and openers[0].key != openers[1].key:
                return openers
        return []  # the count opens the sentence ("All four", "The two")
    if orgs:
        # "The three companies": the organizations the sentence before names, exactly that many
        named = {m.key: m for m in ctx.sent_mentions.get(sent - 1, []) if m.type == "Organization" and m.role == "name"}
        return list(named.values()) if len(named) == count else []
    for prev in range(sent - 1, max(-1, sent - 1 - ctx.lex.window.counted_list_sentences), -1):
        lo = ctx.sent_range.get(prev, (a, a))[0]
        # "Pakistan and India agreed …, crediting mediation by Saudi Arabia and the UAE. … Both
        # countries are members of X": a list of that many opening the sentence (its subject)
        # first, else the nearest list of that many
        opening, _ = forward_list(doc, ctx.lex, ctx.skip(lo, lo + 2, ctx.lex.grammar.articles), ctx.by_start,
                                  ("Country",), ctx.sent_range.get(prev, (a, a))[1])
        if len(opening) == count and all(m.role == "name" for m in opening):
            return opening
        inside = len(doc)  # a list's own tail ("Turkey and Iran" of "Russia, Turkey and Iran") is no list
        for m in reversed(ctx.sent_mentions.get(prev, [])):
            if m.type != "Country" or m.end > inside:
                continue
            items = backward_list(doc, ctx.lex, m.end, ctx.by_end, ("Country",), lo - 1)
            if len(items) >= 2:
                inside = items[0].start
                if _quoted(toks.text, lo, items[0].start):
                    continue  # "… help Baku and Yerevan conclude a peace treaty," Lavrov said: the speaker's words
            if len(items) == count:  # the nearest list of that many ("Ankara and Islamabad" is not "all three")
                return items
    return lead_countries(ctx, count, sent)


def lead_countries(ctx: RelationContext, count: int, before: int) -> list[TokMention]:
    """The countries the story's lead names, by name or adjective ("Russian Foreign Minister X held
    talks with his Azerbaijani counterpart Y"), when they are exactly ``count``: what "both
    countries" points to when no list of that many stands in the sentences before; else []."""
    layout = ctx.doc._.kg_layout
    words = tokens_of(ctx.doc).text
    # the first sentence of the story with a lower-case word: not a dateline left on its own
    # ("BAKU, Azerbaijan, October 21.")
    lead = next((k for k, (_, _, zone) in enumerate(layout.sentences)
                 if zone != "title" and k in ctx.sent_mentions and k in ctx.sent_range
                 and any(w.isalpha() and w.islower() for w in words[slice(*ctx.sent_range[k])])), None)
    if lead is None or lead >= before:
        return []
    found: dict[str, TokMention] = {}
    for m in ctx.sent_mentions[lead]:
        if m.type == "Country" and m.role in ("name", "demonym"):
            found.setdefault(m.key, m)
    return list(found.values()) if len(found) == count else []


def _quoted(words: list[str], lo: int, i: int) -> bool:
    """Whether token ``i`` stands inside a quotation opened after token ``lo`` (its sentence's
    start): more opening marks than closing ones, or an odd number of straight ones, before it."""
    opened = straight = 0
    for w in words[lo:i]:
        if w in OPENERS:
            opened += 1
        elif w in CLOSERS:
            opened -= 1
        elif w == '"':
            straight += 1
    return opened > 0 or straight % 2 == 1


def member_subject_elsewhere(ctx: RelationContext, s: int, a: int) -> list[TokMention]:
    """The member of "as it is a member of X" (the sentence's subject) or of "Russia's veto
    power as a permanent member of X" (the possessor), when no name stands before ``s``."""
    doc, rel = ctx.doc, ctx.lex.relations
    toks = tokens_of(doc)
    w = toks.lower[s - 1]
    if w in rel.member_pronoun_subjects or w in rel.member_plural_pronoun_subjects:
        i = ctx.skip(a, s, ctx.lex.grammar.articles)
        first = ctx.by_start.get(i)
        if first is None and s - 1 == a and w in rel.member_pronoun_subjects:
            # "Georgia became an EU candidate in 2023. It has been a member of the Council of
            # Europe since 1999": the country that opens the sentence before
            k = ctx.sent_of[a]
            if k - 1 in ctx.sent_range:
                before = ctx.by_start.get(ctx.skip(ctx.sent_range[k - 1][0], a, ctx.lex.grammar.articles))
                return [before] if before is not None and before.type == "Country" and before.role == "name" else []
        if first is None or first.type not in MEMBER_TYPES or first.role == "demonym":
            return []
        if w in rel.member_pronoun_subjects:
            return [first]
        # "Austria, Ireland and Malta are neutral, although they belong to X": the opening list
        items, _ = forward_list(doc, ctx.lex, i, ctx.by_start, MEMBER_TYPES, s - 1)
        return items if len(items) >= 2 else []
    if w in ctx.lex.roles.country_anaphors and s - 2 >= a and toks.lower[s - 2] in ctx.lex.grammar.articles:
        return named_country_before(ctx, s - 2, a)  # "… said that the country remains a member of X"
    if w in rel.member_relative_pronouns and s - 2 >= a and toks.text[s - 2] == ",":
        # "Finland, which joined the alliance last year": the actors before the comma
        subjects = backward_list(doc, ctx.lex, s - 2, ctx.by_end, MEMBER_TYPES, a - 1)
        if subjects and not ctx.inside_a_clause(subjects[0].start, a):
            return subjects
        return []
    if w in rel.member_apposition_relatives:
        return apposition_antecedent(ctx, s - 1, a)
    if w in rel.member_coordinated_links and (toks.lower[s] in rel.member_coordinated_verbs
                                               or toks.lower[s] in rel.founding_predicates):
        # "Guinea, …, announced it would leave X but remains a member of ECOWAS", "A, B and C
        # quit ECOWAS and formed the AES": the actors opening the sentence, subject of both verbs
        i = ctx.skip(a, s, ctx.lex.grammar.articles)
        first = ctx.by_start.get(i)
        if first is None or first.type not in MEMBER_TYPES or first.role == "demonym":
            return []
        items, _ = forward_list(doc, ctx.lex, i, ctx.by_start, MEMBER_TYPES, s - 1)
        return items
    if w in rel.member_as and s - 1 == a:
        return fronted_as_subject(ctx, s, a)  # "As a permanent member of X, Japan called for …"
    if w in rel.member_as:
        i = s - 1
        low = max(a, i - ctx.lex.window.possessor_words)
        while i - 1 > low and toks.text[i - 1].islower() and toks.text[i - 1].isalpha():
            i -= 1
        if i - 1 >= a and toks.lower[i - 1] in ctx.lex.grammar.possessive:
            owner = ctx.by_end.get(i - 1)
            if owner is not None and owner.type in MEMBER_TYPES and owner.role != "demonym":
                return [owner]
    return []


def named_country_before(ctx: RelationContext, i: int, a: int) -> list[TokMention]:
    """The one country named (not by its adjective) before token ``i`` in its sentence, or, if
    the sentence names none there, in the sentence before; none if more than one is named."""
    k = ctx.sent_of[a]
    for sentence, stop in ((k, i), (k - 1, None)):
        # also one named inside a longer name ("Argentina's Foreign Ministry said that the country …")
        found = {m.key: m for m in ctx.doc._.kg_mentions
                 if m.sentence == sentence and m.type == "Country" and m.role in ("name", "nested")
                 and (stop is None or m.end <= stop)}
        if found:
            return list(found.values()) if len(found) == 1 else []
    return []


def fronted_as_subject(ctx: RelationContext, s: int, a: int) -> list[TokMention]:
    """The actor right after the comma that closes a sentence-opening "As a member of X," (its
    organizations ending at that comma): the subject of the main clause is the member."""
    toks = tokens_of(ctx.doc)
    b = ctx.sent_range.get(ctx.sent_of[a], (a, len(toks.text)))[1]
    j = ctx.skip(s, b, ctx.lex.grammar.articles)
    while j < b and toks.text[j] != ",":
        m = ctx.by_start.get(j)
        if m is not None and m.type != "Organization":
            return []  # "As a member of X from Veldoria, …": not a bare organization phrase
        j = m.end if m is not None else j + 1
    subj = ctx.by_start.get(j + 1) if j < b else None
    if subj is None or subj.type not in MEMBER_TYPES or subj.role == "demonym":
        return []
    items, _ = forward_list(ctx.doc, ctx.lex, j + 1, ctx.by_start, MEMBER_TYPES, b)
    return items or [subj]  # "As members of X, Egypt and Ethiopia called …"


def apposition_antecedent(ctx: RelationContext, rel_at: int, a: int) -> list[TokMention]:
    """The actor of "South Africa, the only African country that is a member of X": before the
    comma of a noun phrase in apposition (an article, then lower-case words and demonyms) that
    the relative pronoun at ``rel_at`` follows; [] if no such phrase or actor."""
    toks = tokens_of(ctx.doc)
    i = rel_at
    low = max(a, rel_at - ctx.lex.window.list_descriptor - 1)
    adjective = False  # one capitalised word no actor's name: "African" of "the only African country"
    while i - 1 > low:
        m = ctx.by_end.get(i - 1)
        if m is not None and m.role == "demonym":
            i = m.start  # "Nordic", "Baltic"
        elif toks.text[i - 1].isalpha() and toks.text[i - 1].islower():
            i -= 1
        elif m is None and not adjective and toks.text[i - 1].isalpha():
            adjective = True
            i -= 1
        else:
            break
    if i >= rel_at or toks.lower[i] not in ctx.lex.grammar.articles or i - 1 <= a or toks.text[i - 1] != ",":
        return []
    subj = ctx.by_end.get(i - 1)
    if subj is None or subj.type not in MEMBER_TYPES or subj.role == "demonym" or ctx.inside_a_clause(subj.start, a):
        return []
    return [subj]


def _with_participle_subject(ctx: RelationContext, start: int, a: int) -> TokMention | None:
    """The country after ", with" whose participle phrase holds the cue at token ``start``
    ("BRICS leaders met, with Indonesia attending for the first time as a full member"): only
    lower-case words, the first a participle, between the country and the cue; else None."""
    toks = tokens_of(ctx.doc)
    i = start - 1
    while i > a and toks.text[i].isalpha() and toks.text[i].islower() and start - i <= ctx.lex.window.participle_phrase:
        i -= 1
    country = ctx.by_end.get(i + 1)
    if (country is None or country.type != "Country" or country.role != "name" or country.end == start
            or not toks.lower[country.end].endswith("ing")):
        return None
    w = country.start - 1
    if w - 1 < a or toks.lower[w] not in ctx.lex.speech.participle_subject_links or toks.text[w - 1] != ",":
        return None
    return country


def member_as(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "Bolivia took part for the first time as a full member in a summit of the Mercosur
    bloc": the country that opens the sentence, a member of the one organization it names."""
    doc, rel = ctx.doc, ctx.lex.relations
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    nxt = toks.lower[end] if end < b else ""
    if nxt == "of" or (nxt in rel.member_as_nouns and end + 1 < b and toks.lower[end + 1] == "of"):
        return  # "as a member of X" is the member predicate's
    mentions = [m for m in ctx.sent_mentions.get(k, ()) if m.role != "demonym"]
    orgs = [m for m in mentions if m.type == "Organization"]
    if len({m.key for m in orgs}) != 1:
        return  # no organization, or more than one: not unambiguous
    subject = ctx.by_start.get(ctx.skip(a, b, ctx.lex.grammar.articles))
    with_subject = _with_participle_subject(ctx, start, a)
    if with_subject is not None:
        subject = with_subject  # "…, with Indonesia attending for the first time as a full member"
    if subject is None or subject.type != "Country" or subject.end > start:
        return
    if any(subject.end <= m.start < end and m.key != orgs[0].key for m in mentions):
        return  # another actor between: "Bolivia welcomed Peru as a new member"
    # the organization in the cue's own clause: "as a full member in a summit of X", not
    # "…, X said" or "…, which X chairs,"
    org = min(orgs, key=lambda m: abs(m.start - end) if m.start >= end else abs(start - m.end))
    lo, hi = (org.end, start) if org.end <= start else (end, org.start)
    if with_subject is None and any(toks.text[i] in rel.clause_marks for i in range(lo, hi)):
        return
    org_starts = {m.start for m in orgs}
    if any((toks.lower[i] in rel.future_member_words or toks.lower[i] in rel.modal)
           and ctx.skip(i + 1, b, ctx.lex.grammar.articles) not in org_starts  # "returned to the X as a member"
           for i in range(subject.end, start)):
        return  # "Bolivia hopes to take part as a member": not yet
    neg = ctx.negated(subject.end, end) or ctx.non_member(subject.end, end) or any(
        toks.lower[i] in rel.non_member_words or toks.lower[i] in rel.former_member_words for i in range(start, end))
    yield Relation(subject, "memberOf", org, "member-as", ctx.lex.confidence.member_as, neg)


def member_noun(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    doc, conf, words = ctx.doc, ctx.lex.confidence, ctx.lex.relations
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    # "non-member-state Azerbaijan": the negation is glued before the noun ("non" "-", "non-", "non")
    prefixes = words.negation_prefixes
    before = toks.lower[start - 1] if start - 1 >= a else ""
    neg = before == "-" and start - 2 >= a and toks.lower[start - 2] + "-" in prefixes
    neg = neg or (before != "" and (before in prefixes or before + "-" in prefixes))
    # "CSTO founding member Armenia", "NATO's 31st member", "a former member state": the
    # member's adjectives before the noun
    i = start
    while i - 1 >= a and (ctx.member_adjective(i - 1) or toks.lower[i - 1] in words.former_member_words
                          or toks.lower[i - 1] in words.non_member_words
                          or (toks.lower[end - 1].endswith("s") and doc[i - 1].like_num)):  # "its six members"
        neg = neg or ctx.non_member(i - 1, start + 1)
        i -= 1
    possessive = i - 1 >= a and toks.lower[i - 1] in ctx.lex.grammar.possessive
    org = ctx.by_end.get(i - 1 if possessive else i)
    head = org.start if org is not None else i
    if org is None and possessive and i - 3 >= a:
        org = ctx.anaphor_at(i - 3)  # "became the bloc's fifth member"
        head = i - 3
    plural = toks.lower[end - 1].endswith("s")
    if org is None and plural and i - 2 >= a and toks.lower[i - 1] in words.member_possessive_pronouns:
        # "Egypt and Nigeria are among its current members": the organization spoken of
        org = ctx.context_org(k, i - 1)
        head, possessive = i - 1, org is not None
    if org is not None and org.type == "Organization":
        # "CSTO member state Armenia"
        after = ctx.by_start.get(ctx.skip(end, b, ("the",)))
        if after is not None and after.type == "Country":
            negated = neg or ctx.negated(org.start - ctx.lex.window.negation_before_org, org.start)
            # "NATO allies Germany and Hungary": a plural noun names each country listed after it
            listed = forward_list(doc, ctx.lex, after.start, ctx.by_start, ("Country",), b)[0] if plural else [after]
            for m in listed:
                yield Relation(m, "memberOf", org, "member-noun", conf.member_noun, negated)
            return
        # "X - is a CSTO member state", "X, a permanent Security Council member", "X became NATO's 31st member"
        i = head
        while not possessive and i - 1 >= a and ctx.member_adjective(i - 1) and toks.text[i - 1].islower():
            i -= 1
        if (not possessive and i - 2 >= a and toks.lower[i - 1] in words.member_singling_words
                and toks.lower[i - 2] in ctx.lex.grammar.articles):
            i -= 1  # "Hungary, the only NATO member that …": as "a NATO member" would be
        if possessive or (i - 1 >= a and toks.lower[i - 1] in ctx.lex.grammar.articles
                          and (toks.lower[i - 1] in ctx.lex.grammar.indefinite_articles
                               or toks.lower[i] in words.member_singling_words)):
            i -= 0 if possessive else 1
            if possessive and i - 1 >= a and toks.lower[i - 1] in ctx.lex.grammar.articles:
                i -= 1  # "became the Norland Pact's 31st member"
            if possessive and i - 2 >= a and toks.lower[i - 1] == "of" and toks.lower[i - 2] in words.member_partitives:
                i -= 2  # "Armenia, one of the bloc's six members"
            elif possessive and plural and i - 1 >= a and toks.lower[i - 1] in words.member_group_partitives:
                i -= 1  # "Egypt and Nigeria are among the bloc's members"
            while i - 1 >= a and (toks.lower[i - 1] in words.negations or toks.lower[i - 1] in words.member_clause_adverbs):
                # "Ukraine is not a NATO member", "Congo is also one of the bloc's members"
                neg = neg or toks.lower[i - 1] in words.negations
                i -= 1
            if plural and i - 2 >= a and toks.lower[i - 1] in words.member_noun_plural_copulas:
                # "Egypt, Nigeria and South Africa are among its members": each listed actor
                neg = neg or ctx.negated(i - 2, i)
                for subj in backward_list(doc, ctx.lex, i - 1, ctx.by_end, ("Country",), a - 1):
                    yield Relation(subj, "memberOf", org, "member-noun", conf.member_noun, neg)
            elif i - 1 >= a and (toks.lower[i - 1] in words.member_noun_copulas
                                 or toks.lower[i - 1] in words.member_becoming):
                verb = i - 1
                neg = neg or ctx.negated(verb - 1, i)
                i = verb
                while i - 1 >= a and toks.lower[i - 1] in words.member_noun_subject_gap:
                    i -= 1
                if (i - 2 >= a and toks.lower[verb] in words.member_becoming and toks.lower[i - 1] in words.member_relatives
                        and toks.text[i - 2] == ","):
                    i -= 2  # "Sweden, which became the alliance's newest member in March, attended"
                subj = ctx.by_end.get(i)
                if subj is None and toks.text[i] == ",":
                    subj = relative_antecedent(ctx, i, a)
                if subj is None and i - 1 >= a and toks.lower[i - 1] in words.member_coordinated_links:
                    # "Kazakhstan left the mission but remains a CSTO member": the opening actor
                    opening = ctx.by_start.get(ctx.skip(a, i, ctx.lex.grammar.articles))
                    subj = opening if opening is not None and opening.role == "name" and opening.end < i - 1 else None
                if subj is not None and subj.type == "Country":
                    yield Relation(subj, "memberOf", org, "member-noun", conf.member_noun, neg)
        elif plural and (verb := plural_copula_before(ctx, i, a)) is not None:
            # "Burundi and Uganda are also EAC members": the actors listed before the copula
            neg = neg or ctx.negated(verb, i)
            for subj in backward_list(doc, ctx.lex, verb, ctx.by_end, ("Country",), a - 1):
                yield Relation(subj, "memberOf", org, "member-noun", conf.member_noun, neg)
        elif (i - 2 >= a and toks.lower[i - 1] in words.member_quantifiers and toks.text[i - 2] == ","
              and toks.lower[end - 1].endswith("s")):
            # "Turkey and Hungary, both NATO members": the actors listed before the comma
            subjects = backward_list(doc, ctx.lex, i - 2, ctx.by_end, ("Country",), a - 1)
            if len(subjects) >= 2:
                for subj in subjects:
                    yield Relation(subj, "memberOf", org, "member-noun", conf.member_noun, neg)
        return
    # "member-state Armenia" with the organization elsewhere in the sentence
    after = ctx.by_start.get(end)
    if toks.span_text(start, end).lower() in words.bare_membership_nouns:
        if plural and i == start:
            found = list(of_which_members(ctx, cue))
            if found:
                yield from found  # "RCEP, of which China, Japan and South Korea are members"
                return
        if (end < b and toks.lower[end] in words.member_since and i - 2 >= a
                and toks.lower[i - 1] in ctx.lex.grammar.indefinite_articles and toks.text[i - 2] == ","):
            yield from member_since(ctx, cue, i - 2, neg)
            return
        if (i == start and plural and end < b and toks.text[end] == "," and i - 2 >= a
                and toks.lower[i - 1] in words.member_quantifiers and toks.text[i - 2] == ","):
            # "Georgia and Azerbaijan, both members, abstained": each actor listed before the comma
            subjects = backward_list(doc, ctx.lex, i - 2, ctx.by_end, ("Country",), a - 1)
            if len(subjects) >= 2:
                for subj in subjects:
                    yield from member_since(ctx, cue, subj.end, neg)
            return
        comma = member_relative(ctx, i, end, a, b)
        if comma is not None and not neg:
            yield from member_since(ctx, cue, comma, neg)  # "Ukraine, which is also a member, was …"
            return
        if (i == start and not plural and i - 3 >= a and toks.lower[i - 1] in ctx.lex.grammar.indefinite_articles
                and toks.lower[i - 2] in words.member_noun_copulas and toks.text[i - 2].isalpha()
                and toks.lower[i - 3] in words.member_coordinated_links and (end >= b or toks.is_punct[end])):
            # "Armenia froze its participation in the CSTO but remains a member.": the actor the
            # sentence opens with, of the organization named last before the coordinated clause
            opening = ctx.by_start.get(ctx.skip(a, i, ctx.lex.grammar.articles))
            org = ctx.context_org(k, i - 3)
            if (opening is not None and opening.role == "name" and opening.type == "Country" and org is not None
                    and org.sentence == k and opening.end <= org.start):
                yield Relation(opening, "memberOf", org, "member-noun", conf.member_noun_elsewhere,
                               neg or ctx.negated(i - 3, i))
            return
        if i == start or after is None or after.type != "Country" or neg:
            return  # "founding member Uzbekistan": an adjective makes the bare noun a member's
    
    if after is None or after.type != "Country":
        # "… toward Armenia, a member state": the country before the apposition
        if not (i - 2 >= a and toks.lower[i - 1] in ctx.lex.grammar.indefinite_articles
                and toks.text[i - 2] in DASHES) or (end < b and toks.lower[end] == "of"):
            return  # "a member state of X" is the member predicate's
        after = ctx.by_end.get(i - 2)
        if after is None or after.type != "Country":
            return
    org = ctx.nearest_before(k, min(start, after.start), ("Organization",)) or ctx.first_after(k, end, ("Organization",))
    if org is not None:
        yield Relation(after, "memberOf", org, "member-noun", conf.member_noun_elsewhere, neg)


def relative_antecedent(ctx: RelationContext, comma: int, a: int) -> TokMention | None:
    """The actor before a relative clause that the comma at ``comma`` closes ("Congo, which
    joined the EAC in 2022, is one of SADC's members": Congo), or None: the clause opens with a
    comma and one of [relations] member_relatives, no other comma in between."""
    toks = tokens_of(ctx.doc)
    for c in range(comma - 1, max(a, comma - ctx.lex.window.clause_comma), -1):
        if toks.text[c] == ",":
            if toks.lower[c + 1] in ctx.lex.relations.member_relatives:
                return ctx.by_end.get(c)
            return None
    return None


def of_which_members(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "the RCEP, of which China, Japan and South Korea are members": the countries listed after
    ", of which" ([relations] member_relatives after "of") and before a plural copula and the bare
    member noun at ``cue`` are members of the organization before the comma; a count there
    ("of which all three countries are members") points back to the last list of that many."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    verb = plural_copula_before(ctx, cue.start, cue.a)
    if verb is None:
        verb = cue.start - 1 if cue.start - 1 > cue.a and toks.lower[cue.start - 1] in rel.members_of_verbs else None
    if verb is None:
        return
    w = next((x for x in range(verb - 1, max(cue.a, verb - ctx.lex.window.clause_comma), -1)
              if toks.lower[x] in rel.member_relatives and toks.lower[x - 1] == "of" and toks.text[x - 2] == ","), None)
    if w is None:
        return
    org = ctx.by_end.get(w - 2)
    if org is None or org.type != "Organization":
        return
    # "cooperation within the OIC and the ECO, of which …": the clause speaks of both
    orgs = backward_list(ctx.doc, ctx.lex, w - 2, ctx.by_end, ("Organization",), cue.a - 1) or [org]
    items, _ = forward_list(ctx.doc, ctx.lex, w + 1, ctx.by_start, MEMBER_TYPES, verb)
    if not items:
        items = counted_subjects(ctx, verb, w + 1)  # "…, of which all three countries are members"
    neg = ctx.negated(w + 1, cue.end) or ctx.non_member(w + 1, cue.end)
    for o in orgs:
        for m in items:
            if m.key != o.key:
                yield Relation(m, "memberOf", o, "member-noun", ctx.lex.confidence.member_noun, neg)


def plural_copula_before(ctx: RelationContext, i: int, a: int) -> int | None:
    """The plural copula ("are", "were", "remain") right before token ``i``, over adverbs
    and a negation ("are also", "are not"), when an actor ends right before it; else None."""
    toks = tokens_of(ctx.doc)
    words = ctx.lex.relations
    v = i
    while v - 1 > a and toks.text[v - 1].isalpha() and toks.lower[v - 1] in words.member_noun_subject_gap:
        v -= 1
    v -= 1
    if v - 1 < a or toks.lower[v] not in words.member_noun_plural_copulas or ctx.by_end.get(v) is None:
        return None
    return v


def member_relative(ctx: RelationContext, i: int, end: int, a: int, b: int) -> int | None:
    """The comma after the actor of "X, which is also a member," (the bare noun on ``i:end``,
    its indefinite article at ``i - 1``), or the end of the subject of a clause "X is also a
    member." that opens at it; else None."""
    toks = tokens_of(ctx.doc)
    rel = ctx.lex.relations
    if end >= b or toks.text[end] not in rel.member_clause_ends or i - 4 < a \
            or toks.lower[i - 1] not in ctx.lex.grammar.indefinite_articles:
        return None
    j = i - 2
    while j > a and toks.lower[j] in rel.member_clause_adverbs:
        j -= 1
    if j - 1 < a or toks.lower[j] not in rel.member_relative_copulas:
        return None
    if toks.lower[j - 1] not in rel.member_relatives:
        # "…, and Moldova is also a member.": the clause's own subject, as the relative's antecedent
        subj = ctx.by_end.get(j)
        if subj is None or subj.type != "Country" or not (
                subj.start == a or toks.text[subj.start - 1] == "," or toks.lower[subj.start - 1] in rel.member_clause_openers):
            return None
        return j
    return j - 2 if j - 2 >= a and toks.text[j - 2] == "," else None


def member_since(ctx: RelationContext, cue: Cue, comma: int, neg: bool) -> Iterator[Relation]:
    """ "Cameroon, a member since 1974, hosted the meeting": the actor before the comma, a
    member of the one organization its sentence names, else of the one the article is about."""
    start, _, k, _, _ = cue
    subj = ctx.by_end.get(comma)
    if subj is None or subj.type not in ("Country", "Organization") or subj.role == "demonym":
        return
    orgs = {m.key: m for m in ctx.sent_mentions.get(k, ()) if m.type == "Organization" and m.role != "demonym"
            and m.key != subj.key}
    if len(orgs) > 1:
        return
    org = next(iter(orgs.values())) if orgs else ctx.main_org(ctx.orgs[:bisect.bisect_left(ctx.org_starts, start)])
    if org is not None and org.key != subj.key:
        yield Relation(subj, "memberOf", org, "member-noun", ctx.lex.confidence.member_noun_elsewhere, neg)


def member_admitted(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "The Arab League voted to readmit Syria", "The bloc was founded by A and B, and admitted
    South Africa in 2010", "the bloc welcomed Veldoria as a full member": the organization
    opening the sentence takes in the countries right after the verb."""
    doc, rel = ctx.doc, ctx.lex.relations
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    welcome = toks.lower[start] in rel.admission_welcome_verbs
    i = ctx.skip(a, b, ctx.lex.grammar.articles)
    org = ctx.by_start.get(i)
    if org is None and i > a:
        org = ctx.anaphor_at(i - 1)  # "The bloc … admitted"
        if org is not None:
            org = TokMention(i - 1, i + 1, org.key, org.type, "anaphor", "name", k)
    if org is None:
        org = group_of_subject(ctx, i, b)  # "Leaders of Mercosur met … while welcoming X"
    if org is None or org.type != "Organization" or org.end > start:
        return
    between = range(org.end, start)
    if (start - org.end > 3 and toks.text[org.end] == "," and toks.text[start - 1] == ","
            and toks.lower[org.end + 1] in rel.admission_inserted_openers):
        between = range(start, start)  # "Mercosur, whose full members are A and B, admitted C"
    if any(toks.lower[x] in rel.admission_not_yet or toks.lower[x] in rel.modal for x in between):
        return  # "will admit", "refused to readmit"
    if any(m.start >= org.end and m.end <= start and m.role != "demonym" and m.key != org.key
           for m in ctx.sent_mentions.get(k, ())):  # its own acronym in brackets is no other actor
        # other actors between: only a coordinated verb of the same subject ("…, and admitted")
        # or an inserted phrase between commas ("The bloc, founded by A and B, admitted C")
        before = start - 1
        if not (before > org.end and (toks.lower[before] in ctx.lex.grammar.coordinators
                                      or (toks.text[before] == "," and toks.text[org.end] == ",")
                                      or (toks.lower[before] in rel.admission_clause_links
                                          and toks.text[before - 1] == ","))):
            return
    members, e = forward_list(doc, ctx.lex, ctx.skip(end, b, ctx.lex.grammar.articles), ctx.by_start, ("Country",), b)
    if not members or e >= len(doc):
        return
    nxt = toks.lower[e]
    if nxt not in rel.admission_after:
        return  # "admitted Russia had troops there": another verb
    if nxt == "as":
        j = ctx.skip(e + 1, b, ctx.lex.grammar.articles | rel.admission_as_determiners)
        while j < b and ctx.member_adjective(j):
            j += 1
        if j >= b or toks.lower[j] not in rel.admission_member_nouns:
            return  # "admitted X as an observer"
    elif welcome:
        return  # "welcomed Armenia's decision", "welcomed X to the talks": no membership
    for m in members:
        yield Relation(m, "memberOf", org, "member-admitted", ctx.lex.confidence.member_predicate, False)


def member_restored(ctx: RelationContext, cue: Cue) -> Iterator[Relation]:
    """ "decided to restore Syria's membership in the organization", "the reinstatement of
    Mali's membership of the bloc", "The OIC restored Syria's membership" (the organization
    opening the sentence): the country's membership, restored, is one."""
    doc, rel = ctx.doc, ctx.lex.relations
    toks = tokens_of(doc)
    start, end, k, a, b = cue
    country = ctx.by_start.get(end)
    if country is None or country.type != "Country" or country.role == "demonym":
        return
    j = country.end
    if j + 1 >= b or toks.lower[j] not in ctx.lex.grammar.possessive:
        return
    lifted = toks.span_text(start, end).lower() in rel.lifting_verbs
    if lifted != (toks.lower[j + 1] in rel.lifted_nouns) or (not lifted and toks.lower[j + 1] not in rel.restored_nouns):
        return  # "restore X's membership", "lifted X's suspension"; not "lifted X's sanctions"
    links = rel.lifted_links if lifted else rel.restored_links
    org = None
    linked = j + 2 < b and toks.lower[j + 2] in links
    if linked:
        i = ctx.skip(j + 3, b, ctx.lex.grammar.articles)
        org = ctx.by_start.get(i)
        if org is None and i > j + 3:
            org = ctx.anaphor_at(i - 1)  # "membership in the organization"
        linked = org is not None or i > j + 3  # "in March": a time, no organization
    if not linked:  # "The African Union lifted Gabon's suspension", "The OIC restored Syria's membership in March"
        i = ctx.skip(a, start, ctx.lex.grammar.articles)
        org = ctx.by_start.get(i) if i < start else None
        if org is not None and org.end != start and not all(
                toks.text[x].islower() or toks.text[x] in (",",) for x in range(org.end, start)):
            org = None
    if org is None or org.type != "Organization":
        return
    if any(toks.lower[x] in rel.admission_not_yet or toks.lower[x] in rel.modal for x in range(a, start)):
        return  # "refused to restore", "could reinstate"
    yield Relation(country, "memberOf", org, "member-restored", ctx.lex.confidence.member_predicate,
                   ctx.negated(a, start))

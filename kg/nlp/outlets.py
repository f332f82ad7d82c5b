"""News outlets and political groups named by the lower-case noun after them ("told Zvezda
television channel", "the opposition Hayastan faction")."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.candidates import Candidate, EntityContext, is_acronym_word, name_token
from kg.nlp.doc import new_key, tokens_of


def media_before_heads(doc: Doc, ctx: EntityContext, kb_tokens: set[int]) -> list[Candidate]:
    """ "told Zvezda television channel": a capitalised name before a lower-case media noun is
    the outlet ("the Confluence Advisory think tank": a body, [actors] body_heads); the noun is
    not part of its name."""
    toks = tokens_of(doc)
    out = []
    table = tokens_of(doc)
    heads = ctx.lex.actors.media_heads
    longest = max((len(h) for h in heads), default=0)
    firsts = ctx.lex.actors.media_firsts
    for i in table.where(firsts):
        if i == 0 or not table.text[i].islower() or ctx.sent_of[i] < 0:
            continue
        size = next((m for m in range(longest, 0, -1) if tuple(table.lower[i:i + m]) in heads), 0)
        if not size or not all(t.islower() for t in table.text[i:i + size]):
            continue
        a = name_run_before_tokens(doc, ctx, i, kb_tokens)
        # not the sentence's first word, nor an adjective after a known one ("Ukrainian Public television")
        if a < i and a > 0 and ctx.sent_of[a - 1] == ctx.sent_of[i] and a - 1 not in kb_tokens:
            label = toks.span_text(a, i)
            out.append(Candidate(a, i, new_key("Organization", label), "Organization", "org-head", label,
                                 kb_aliases=(toks.span_text(a, i + size),)))
    return out


def groups_before_heads(doc: Doc, ctx: EntityContext, kb_tokens: set[int]) -> list[Candidate]:
    """ "the ruling Dream party", "the opposition Hayastan and Pativ Unem factions": the
    capitalised names before a lower-case group noun ([actors] group_heads), each of a plural's
    coordinated names, are political groups; the noun is not part of a name."""
    toks = tokens_of(doc)
    out = []
    coordinators = ctx.lex.grammar.coordinators
    n = len(doc)
    for i in toks.where(ctx.lex.actors.group_heads):
        if i == 0 or not toks.text[i].islower() or ctx.sent_of[i] < 0:
            continue
        if toks.lower[i - 1] in ctx.lex.grammar.possessive and i + 2 < n and toks.text[i + 1] == ",":
            # "Kurti's party, Vetevendosje, won": the name in apposition after an owned noun
            b = i + 2
            while (b < n and b - i - 2 < ctx.lex.window.place_name_words and b not in kb_tokens
                   and ctx.sent_of[b] == ctx.sent_of[i] and name_token(doc, ctx, b)):
                b += 1
            if b > i + 2 and b < n and toks.text[b] == ",":
                label = toks.span_text(i + 2, b)
                out.append(Candidate(i + 2, b, new_key("Organization", label), "Organization", "org-head", label))
            continue
        e = i
        while True:
            a = name_run_before_tokens(doc, ctx, e, kb_tokens)
            if (a < e and a >= 2 and toks.text[a - 1].isalpha() and toks.text[a - 1][:1].isupper()
                    and a - 1 not in kb_tokens and toks.lower[a - 2] in ctx.lex.grammar.articles
                    and ctx.sent_of[a - 2] == ctx.sent_of[i]):
                a -= 1  # "the I Have Honor faction", "the A Just Russia party": a word no name has
            # not the sentence's first word ("Hayastan said …"), nor right after a known actor
            if a == e or a == 0 or ctx.sent_of[a - 1] != ctx.sent_of[i] or a - 1 in kb_tokens:
                break
            label = toks.span_text(a, e)
            out.append(Candidate(a, e, new_key("Organization", label), "Organization", "org-head", label,
                                 kb_aliases=(toks.span_text(a, i + 1),) if e == i else ()))
            if not (toks.lower[i].endswith("s") and a >= 2 and (toks.lower[a - 1] in coordinators or toks.text[a - 1] == ",")):
                break
            e = a - 1  # "Hayastan and Pativ Unem factions", "A, B and C parties": the names before too
    return out


def name_run_before_tokens(doc: Doc, ctx: EntityContext, end: int, kb_tokens: set[int]) -> int:
    """Start of the capitalised run of up to [window] place_name_words words ending at ``end``,
    none of them a known actor's; ``end`` when the word before is not a name."""
    text = tokens_of(doc).text
    a = end
    while (a > 0 and end - a < ctx.lex.window.place_name_words and a - 1 not in kb_tokens
           and ctx.sent_of[a - 1] == ctx.sent_of[end]
           and (name_token(doc, ctx, a - 1) or is_acronym_word(text[a - 1]))):
        a -= 1  # "the TY Strategies consultancy": an upper-case word is part of the name
    return a


def workplaces_named_with_places(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """ "a senior fellow at Carnegie Europe,": after a post's noun ([actors] workplace_holders)
    and "at", an unknown capitalised word before a known place, closed by punctuation, is an
    organization named with the place (not the place "Europe"); not "at Lake Sevan" (a place's
    head word)."""
    toks = tokens_of(doc)
    n = len(toks.text)
    lex = ctx.lex
    cues = [i for i in toks.where(lex.roles.workplace_prepositions)
            if i >= 1 and toks.lower[i - 1] in lex.actors.workplace_holders]
    if not cues:
        return []  # most articles: no "fellow at" (the tables below cost more than the search)
    place_at = {c.start: c for c in kb_cands if c.type in ("Place", "Country")}
    if not place_at:
        return []
    known = {i for c in kb_cands for i in range(c.start, c.end)}
    out = []
    for i in cues:
        a = i + 1 + (i + 1 < n and toks.lower[i + 1] in lex.grammar.articles)
        e = a
        while e < n and e - a < 2 and e not in known and toks.text[e].isalpha() and toks.text[e][:1].isupper() \
                and toks.lower[e] not in lex.actors.not_names and toks.lower[e] not in lex.actors.place_heads:
            e += 1
        place = place_at.get(e)
        if e == a or place is None or place.end >= n or not toks.is_punct[place.end] or ctx.sent_of[a] != ctx.sent_of[i]:
            continue
        label = toks.span_text(a, place.end)
        out.append(Candidate(a, place.end, new_key("Organization", label), "Organization", "org-head", label))
    return out


def organizations_after_kind_nouns(doc: Doc, ctx: EntityContext, kb_tokens: set[int]) -> list[Candidate]:
    """ "the Italian grid operator Snam", "the Russian government agency Rossotrudnichestvo", "a
    movement called Sacred Struggle": an unknown capitalised name right after a lower-case noun
    of a kind of organization ([actors] organization_kind_nouns; named_kind_nouns only with a
    naming word between) in a noun phrase an article opens, closed by punctuation or a
    lower-case word, is that organization."""
    toks = tokens_of(doc)
    n = len(toks.text)
    lex = ctx.lex
    out = []
    kinds, naming = lex.actors.organization_kind_nouns, lex.actors.kind_naming_words
    for i in toks.where(kinds | lex.actors.named_kind_nouns):
        j = i + 1
        if j + 1 < n and toks.lower[j] in naming and toks.text[j].islower():
            j += 1  # "founded a movement called Sacred Struggle"
        elif toks.lower[i] not in kinds:
            continue  # "the party", "a group": named only with "called", "named"
        # "Venezuela's state oil company, PDVSA,": an acronym in apposition, closed by a comma
        apposed = (j + 2 < n and toks.text[j] == "," and is_acronym_word(toks.text[j + 1])
                   and toks.text[j + 2] == "," and j + 1 not in kb_tokens)
        if apposed:
            j += 1
        if j >= n or not toks.text[i].islower() or j in kb_tokens or not (apposed or name_token(doc, ctx, j)):
            continue
        # the phrase opens with an article a few words before: "the Italian grid operator" (or,
        # for an apposition, a possessive: "Venezuela's state oil company, PDVSA,")
        openers = lex.grammar.articles | lex.grammar.possessive if apposed else lex.grammar.articles
        if not any(toks.lower[b] in openers for b in range(max(0, i - 5), i)):
            continue
        e = j + 1 if apposed else j
        while e < n and e - j < 3 and e not in kb_tokens and ctx.sent_of[e] == ctx.sent_of[i] and name_token(doc, ctx, e):
            e += 1
        if e < n and not (toks.is_punct[e] or toks.text[e].islower()):
            continue
        if e < n and toks.text[e] == "-" and not toks.whitespace[e - 1]:
            continue  # "the news agency Co-Chairs": a part of a hyphenated word
        label = toks.span_text(j, e)
        if any(w in lex.titles or w in lex.title_words for w in label.lower().split()):
            continue  # "the company CEO X"
        out.append(Candidate(j, e, new_key("Organization", label), "Organization", "org-head", label))
    return out

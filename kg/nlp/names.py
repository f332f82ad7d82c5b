"""Person names and later short forms: the finders that read names around their cues.

``title-cue``     a capitalised name after a title ("Secretary General Antonio Guterres"),
                  or before one in apposition ("Anna Kovalenko, Ukraine's foreign minister")
``speech-cue``    a capitalised name before a speech verb ("Hikmet Hajiyev said")
``list``          a name listed after a person, both with "of <actor>" ("A of France, and B of Russia")
``alias``         a later short form of an actor the text introduced ("Mnatsakanyan")

Like :mod:`kg.nlp.candidates`, every function reads the Doc and an
:class:`~kg.nlp.candidates.EntityContext` and returns candidates; none keeps state.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.candidates import Candidate, EntityContext, name_token, phrase_ends_at, phrases_by_last_word
from kg.nlp.doc import TitleSpan, TokenTable, new_key, tokens_of
from kg.nlp.lexicon import Lexicon
from kg.nlp.offices import (
    origin_end,
    own_government_end,
    past_honorifics,
    portfolio,
    portfolio_preposition,
    remit_comma_end,
    remit_end,
    seat_end,
    title_alias_end,
)


def is_initial(text: str) -> bool:
    """A middle initial ("E." of "Stephen E. Biegun"), or initials written together ("K.P." of
    "K.P. Sharma Oli"), which the tokenizer keeps as one token."""
    return (len(text) in (2, 4) and text[1::2] == "." * (len(text) // 2)
            and all(c.isupper() for c in text[::2]))


def name_run(doc: Doc, ctx: EntityContext, j: int, max_tokens: int, forbidden: set[int]) -> int:
    """End of the capitalised name starting at token ``j`` ("Kofi Mbeki-Larsson", "Stephen E. Biegun",
    "Suhail al-Mazrouei")."""
    toks = tokens_of(doc)
    k, words = j, 0
    n = len(doc)
    particles = ctx.lex.actors.name_particles

    def joined(a: int) -> bool:  # token a is glued to both neighbours ("Thomas-Greenfield")
        return not toks.whitespace[a - 1] and not toks.whitespace[a]

    def syllable(a: int) -> bool:  # "yul" of "Tae-yul", not "led" of "Moscow-led"
        word = toks.text[a]
        return (word.isalpha() and word.islower() and len(word) <= ctx.lex.actors.syllable_letters
                and word not in ctx.lex.actors.not_syllables)

    lead = k
    while lead + 1 < n and lead - k < 2 and is_initial(toks.text[lead]) and toks.whitespace[lead] and lead + 1 not in forbidden:
        lead += 1  # "K. P. Sharma Oli": at most two initials written apart
    if lead > k and name_token(doc, ctx, lead):
        k = lead  # "S. Jaishankar": initials before the name
    elif (k + 1 < n and len(toks.text[k]) == 1 and toks.text[k].isupper() and toks.whitespace[k]
          and toks.lower[k] not in ctx.lex.actors.not_names and k + 1 not in forbidden and name_token(doc, ctx, k + 1)):
        k += 1  # "External Affairs Minister S Jaishankar": an initial without its stop (PTI's style)
    while k < n and words < max_tokens and k not in forbidden:
        if name_token(doc, ctx, k):
            k += 1
            words += 1
            if (k + 1 < n and toks.text[k] == "-" and joined(k) and k + 1 not in forbidden
                    and name_token(doc, ctx, k + 1)):
                k += 2  # "Al-Harith", "Thomas-Greenfield": one word of the name
            elif k + 1 < n and toks.text[k] == "-" and joined(k) and k + 1 not in forbidden and syllable(k + 1):
                k += 2  # "Cho Tae-yul": a romanised given name
                break
            elif (k + 2 < n and toks.lower[k] in particles and toks.text[k + 1] == "-" and joined(k + 1)
                  and k + 2 not in forbidden and name_token(doc, ctx, k + 2)):
                k += 2  # "Suhail al-Mazrouei"
            elif (k + 1 < n and toks.lower[k] in particles and k + 1 not in forbidden
                  and name_token(doc, ctx, k + 1)):
                k += 1  # "Thomas de Waal", "Ursula von der Leyen"
            elif (k + 2 < n and toks.lower[k] in particles and toks.lower[k + 1] in particles
                  and toks.text[k + 1].islower() and k + 2 not in forbidden and name_token(doc, ctx, k + 2)):
                k += 2  # "Juan Ramon de la Fuente", "Ursula von der Leyen": two particles
            elif (k + 1 < n and is_initial(toks.text[k]) and k + 1 not in forbidden
                  and name_token(doc, ctx, k + 1)):
                k += 1  # "Stephen E. Biegun"
            elif (k + 1 < n and toks.lower[k] in ctx.lex.actors.inner_honorifics and toks.text[k][:1].isupper()
                  and k + 1 not in forbidden and name_token(doc, ctx, k + 1)):
                k += 1  # "Hassan Sheikh Mohamud"
            elif (k + 1 < n and toks.lower[k] in ctx.lex.actors.inner_honorifics and toks.text[k][:1].isupper()
                  and k not in forbidden and toks.text[k + 1].islower()):
                k += 1  # "Hassan Sheikh told reporters": the short form ends with it
                break
            continue
        break
    return k if words else j


def name_run_before(doc: Doc, ctx: EntityContext, end: int, max_words: int, forbidden: set[int]) -> int:
    """Start of the capitalised name ending at token ``end`` ("Thomas de Waal", "Linda Thomas-Greenfield")."""
    toks = tokens_of(doc)
    sent_of = ctx.sent_of
    particles = ctx.lex.actors.name_particles
    j, words = end, 0
    while j > 0 and words < max_words and sent_of[j - 1] == sent_of[end - 1]:
        word, low = toks.text[j - 1], toks.lower[j - 1]
        if (j - 1 in forbidden or low in ctx.lex.titles or low in ctx.lex.roles.portfolio_end_nouns
                or low in ctx.lex.roles.parliament_nouns):
            break  # "… Minister of Foreign Affairs Tomas Ardvik said": "Affairs" ends a portfolio
        if words >= 2 and low in ctx.lex.actors.org_heads:
            break  # "Chairman of Borduria Railways Talvo Mendar said": the body's head word ends its name
        if name_token(doc, ctx, j - 1):
            j -= 1
            words += 1
            continue
        if (not words and j - 3 >= 0 and word.isalpha() and word.islower() and len(word) <= ctx.lex.actors.syllable_letters
                and word not in ctx.lex.actors.not_syllables and toks.text[j - 2] == "-" and not toks.whitespace[j - 2]
                and not toks.whitespace[j - 3] and j - 3 not in forbidden and name_token(doc, ctx, j - 3)):
            j -= 2  # "Cho Tae-yul, South Korea's …", "Lin Hsin-i said": a romanised given name ends it
            continue
        if (not words and j - 2 >= 0 and low in ctx.lex.actors.inner_honorifics and word[:1].isupper()
                and j - 2 not in forbidden and name_token(doc, ctx, j - 2)):
            j -= 1  # "Hassan Sheikh told reporters": a short form ending with the inner honorific
            words += 1
            continue
        if words and j - 2 >= 0 and j - 2 not in forbidden:
            glued = word == "-" and not toks.whitespace[j - 1] and not toks.whitespace[j - 2]
            if glued and name_token(doc, ctx, j - 2):
                j -= 1  # "Thomas-Greenfield": the first part is counted as the next word
                continue
            if glued and toks.lower[j - 2] in particles and j - 3 >= 0 and name_token(doc, ctx, j - 3):
                j -= 2  # "al-Mazrouei"
                continue
            if (low in particles or is_initial(word)) and name_token(doc, ctx, j - 2):
                j -= 1
                continue
            p = j - 1  # "Ursula von der Leyen": particles in a row
            while low in particles and p - 1 >= 0 and p - 1 not in forbidden and toks.lower[p - 1] in particles:
                p -= 1
            if p < j - 1 and p - 1 >= 0 and p - 1 not in forbidden and name_token(doc, ctx, p - 1):
                j = p
                continue
        break
    return j


def title_tokens(titles: list[TitleSpan]) -> set[int]:
    """The tokens of the titles: never part of a person's name ("Prime Minister")."""
    return {i for t in titles for i in range(t.start, t.end)}


def persons_after_titles(doc: Doc, ctx: EntityContext, titles: list[TitleSpan], kb_start: dict[int, Candidate],
                          kb_tokens: set[int]) -> list[Candidate]:
    toks = tokens_of(doc)
    out = []
    n = len(doc)
    forbidden = kb_tokens | title_tokens(titles)
    # "Greenland's premier, X": a region's office names its holder too (the roles give an
    # office only in a country or an organization)
    actor_end = {c.end for c in kb_start.values() if c.type in ("Country", "Organization", "Place")}
    posted = ctx.lex.actors.title_prepositions | ctx.lex.roles.posting_prepositions
    heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
    domains, domain_words = ctx.lex.roles.domain_adjectives, ctx.lex.window.title_domain_words
    holder_only = ctx.lex.roles.holder_only_modifiers
    ranks = {t.start: t.end for t in titles if t.title in ctx.lex.roles.rank_titles and not t.plural}
    qualified_ends: set[int] = set()  # ends of singular titles right after an actor's possessive
    country_start = {c.end: c.start for c in kb_start.values() if c.type == "Country"}
    # "the National Liberation Army (ELN) … the ELN's chief negotiator, X": an acronym the
    # article defined owns a title as a known actor does
    defined = {a for c in kb_start.values() if c.rule == "acronym" for a in c.kb_aliases}
    for t in titles:
        j = t.end
        if (j + 1 < n and toks.text[j] == "-" and not toks.whitespace[j - 1]
                and toks.lower[j + 1] in ctx.lex.roles.future_title_suffixes):
            j += 2  # "Its prime minister-elect, X"
        elif (j < n and t.title in ctx.lex.roles.portfolio_titles
              and toks.lower[portfolio_preposition(doc, ctx.lex, j, n)] in ctx.lex.roles.portfolio_prepositions):
            j = portfolio(doc, ctx.lex, j, kb_start, n)  # "its deputy minister of environmental protection, X"
        j = title_alias_end(doc, ctx.lex, j, kb_start, n)  # "Commissioner for Human Rights (Ombudsman) of X"
        j = seat_end(doc, ctx.lex, j, t.title in ctx.lex.roles.posted_titles)  # "its representative on the council, X"
        qualified = pointed = False
        at_preposition = j
        # "the top diplomats of Armenia and Azerbaijan Zohrab Mnatsakanyan and Elmar Mammadyarov",
        # "Ambassador to the UN Linda Thomas-Greenfield", "its ambassador in Chisinau, X"
        if j < n and (toks.lower[j] in ctx.lex.actors.title_prepositions
                      or (t.title in ctx.lex.roles.posted_titles and toks.lower[j] in posted)):
            j += 1
            qualified = False
            while j < n:
                if toks.lower[j] in ctx.lex.actors.title_of_gap:
                    j += 1
                    continue
                known = kb_start.get(j)
                if known is not None and known.type in ("Country", "Organization", "Place"):
                    j = known.end
                    qualified = True
                    if j < n and known.type == "Organization" and toks.lower[j] in ctx.lex.actors.group_heads:
                        j += 1  # "The head of the Hayastan faction, X"
                    acronym = kb_start.get(j + 1) if j + 2 < n and toks.text[j] == "(" else None
                    if acronym is not None and acronym.key == known.key and toks.text[acronym.end] == ")":
                        j = acronym.end + 1  # "the Parliamentary Assembly of the Council of Europe (PACE)"
                    continue
                if (qualified and t.title in ctx.lex.roles.posted_titles and j + 1 < n
                        and toks.lower[j] in ctx.lex.roles.posting_prepositions):
                    post = kb_start.get(j + 1 + (toks.lower[j + 1] in ctx.lex.grammar.articles))
                    if post is not None and post.type in ("Country", "Place"):
                        j = post.end  # "Consul General of Iran in Kapan X": where the office is posted
                        continue
                if not qualified and toks.lower[j] in ctx.lex.roles.parliament_nouns:
                    j += 1  # "Speaker of Parliament X"
                    qualified = True
                    continue
                if (qualified and toks.lower[j] in ctx.lex.roles.demonym_domains
                        and t.title in ctx.lex.roles.demonym_domain_titles):
                    j += 1  # "The head of Azerbaijani diplomacy, X"
                    if j + 1 < n and toks.lower[j] in ctx.lex.roles.posting_prepositions:
                        post = kb_start.get(j + 1 + (toks.lower[j + 1] in ctx.lex.grammar.articles))
                        if post is not None and post.type in ("Country", "Organization", "Place"):
                            j = post.end  # "Head of the Azerbaijani delegation to PACE X"
                    continue
                if qualified and j + 1 < n and toks.lower[j] in ctx.lex.grammar.possessive:
                    # "The president of the Council of Europe's Parliamentary Assembly, X",
                    # "The speaker of Georgia's parliament, X": the owned body is the qualifier's head
                    own = None if j + 1 in kb_start else own_government_end(doc, ctx.lex, j + 1, n)
                    if j + 1 in kb_start or own is not None:
                        j = j + 1 if own is None else own
                        continue
                if (not qualified and j + 1 < n and toks.text[j + 1] == "," and toks.text[j].isalpha()
                        and toks.text[j].islower() and toks.lower[j - 1] in ctx.lex.grammar.articles):
                    j += 1  # "The head of the delegation, X": the noun points back, as "the delegation's head, X"
                    qualified = pointed = True
                break
            if not qualified or (j < n and toks.text[j].isalpha() and toks.text[j].islower()):
                # "Norway's special envoy for the (Colombian) peace process, X": a remit of
                # lower-case words after a title an actor's possessive owns, closed by a comma
                remit = remit_comma_end(doc, ctx.lex, at_preposition, kb_start, n) if not t.plural else None
                owner = t.start - 1
                while (owner > 0 and t.start - owner <= domain_words and toks.lower[owner] in domains
                       and toks.text[owner].islower()):
                    owner -= 1  # "Brazil's special adviser for international affairs, X"
                if remit is None or not (owner > 0 and toks.lower[owner] in ctx.lex.grammar.possessive
                                         and (owner in actor_end or _anaphor_owner(toks, ctx, owner))):
                    if not qualified and not _plural_owned(toks, ctx, t):
                        continue  # "Minister of Foreign and European Affairs": no name follows
                else:
                    j = remit
            if t.plural and remit_end(doc, ctx.lex, j, kb_start, n) > j:
                # "The co-rapporteurs of PACE for the monitoring of Armenia, X and Y": past the remit
                # and its comma, as past the qualifier's
                j = remit_end(doc, ctx.lex, j, kb_start, n)
                j += j < n and toks.text[j] == ","
        if (j < n and not t.plural and toks.lower[j] in ctx.lex.roles.posting_prepositions
                and t.start > 1 and toks.lower[t.start - 1] in ctx.lex.grammar.possessive and t.start - 1 in actor_end):
            j = remit_comma_end(doc, ctx.lex, j, kb_start, n) or j  # "Norway's state secretary at the foreign ministry, X"
        apposition = False
        b = t.start
        while (b > 0 and toks.lower[b - 1] in domains and t.start - b < domain_words
               and toks.text[b - 1].islower()):
            b -= 1  # "its international relations minister, X"
        if b == t.start and b > 1 and toks.lower[b - 1] in holder_only and toks.lower[b - 2] in ctx.lex.grammar.possessive:
            b -= 1  # "Myanmar's junta chief, X": a person, though no office of Myanmar
        domain = b
        # "Gabon's transitional president, X"; "The ousted president, X" (a person, no office)
        current = b > 1 and toks.text[b - 1].islower() and (toks.lower[b - 1] in ctx.lex.roles.current_adjectives
                                                            or toks.lower[b - 1] in ctx.lex.roles.not_current)
        if current:
            b -= 1
            while (b > 1 and domain - b < ctx.lex.window.current_adjective_words and toks.text[b - 1].islower()
                   and toks.lower[b - 1] in ctx.lex.roles.current_adjectives):
                b -= 1  # "a new de facto leader, X"
        elif (b > 2 and toks.text[b - 1] in ("-", "–") and not toks.whitespace[b - 2]
              and toks.lower[b - 2] in ctx.lex.roles.not_current):
            b -= 2  # "Peru's then-president, X", "the ex-minister, X"
            current = True
        b -= b > 0 and toks.lower[b - 1] in ctx.lex.grammar.possessive
        if b > 0 and b not in actor_end and toks.text[b - 1] in defined and toks.lower[b] in ctx.lex.grammar.possessive:
            actor_end.add(b)
        if b in actor_end and not t.plural:
            qualified_ends.add(t.end)
        # "Qatar's prime minister and foreign minister, X": a second office of the same possessor
        second = (b > 1 and toks.lower[b - 1] in ctx.lex.grammar.coordinators and b - 1 in qualified_ends
                  and not t.plural)
        if (j + 1 < n and b > 0 and toks.lower[b - 1] in ctx.lex.roles.whose_words
                and toks.lower[j] in ctx.lex.roles.whose_copulas and not t.plural):
            j += 1  # "ECOWAS, whose commission president is X, and …": a name closed as an apposition's
            apposition = True
        elif (j + 1 < n and toks.text[j] == "," and ctx.sent_of[j + 1] == ctx.sent_of[t.start]
                # "The rapporteurs of PACE, X and Y, arrived": a plural title its qualifier names
                and (not t.plural or counterparts_of_countries(toks, ctx, t, country_start) or qualified
                     or owned_name_at(toks, ctx, j + 1, kb_start) or _plural_owned(toks, ctx, t))
                and (toks.text[t.start][:1].isupper() or b in actor_end or second or pointed or points_back(doc, ctx, domain)
                     or (t.plural and owned_name_at(toks, ctx, j + 1, kb_start))  # "the two ministers, Peru's A and …"
                     or _plural_owned(toks, ctx, t)
                     or (current and points_back(doc, ctx, domain - 1))  # "Its honorary chairman, X"
                     or (current and toks.lower[b - 1] in ctx.lex.grammar.articles)
                     or (b > 0 and toks.lower[b - 1] in ctx.lex.roles.whose_words)
                     # "…, and his foreign minister, X, repeated it": a person's own officer
                     or (not t.plural and b > 0 and toks.lower[b - 1] in ctx.lex.roles.counterpart_possessives))):
            # "the outgoing foreign minister, X": an office someone holds now (not "the foreign minister, X");
            # "The League, whose secretary general, X, attended": the office of the actor before "whose"
            # "The OSCE's Secretary General, Feridun Sinirlioğlu, said", and a lower-case title
            # its country qualifies: "and Australia's foreign minister, Penny Wong."
            j += 1
            apposition = True
        while j < n:
            if apposition and t.plural and owned_name_at(toks, ctx, j, kb_start):
                j = kb_start[j].end + 1  # "the two foreign ministers, Armenia's A and Azerbaijan's B"
            known = kb_start.get(j)
            if (apposition and known is not None and known.role == "demonym" and known.end < n
                    and toks.lower[known.end] in ctx.lex.roles.holder_descriptors and toks.text[known.end].islower()):
                j = known.end  # "Its head, German police officer X, said": what the holder is, of a country
                while j < n and toks.lower[j] in ctx.lex.roles.holder_descriptors and toks.text[j].islower():
                    j += 1
                known = kb_start.get(j)
            given = 0
            if known is not None:
                # "the foreign ministers, A and Ararat B,": a place's one-word name before a name
                # word is a given name when the list's item closes after it
                if not (t.plural and (apposition or qualified) and known.type in ("Place", "Country") and known.end == j + 1
                        and j + 1 < n and j + 1 not in forbidden and name_token(doc, ctx, j + 1)):
                    break
                given = 1
            honored = not given and (toks.lower[j] in ctx.lex.actors.honorifics or (apposition and j in ranks))
            if honored:
                # "The Emir, Sheikh Tamim, said", "its navy chief, Rear Admiral X", "Datuk Seri X"
                j = past_honorifics(doc, ctx.lex, ranks.get(j, j + 1), n)
            elif apposition and toks.lower[j] in ctx.lex.roles.holder_descriptors and toks.text[j].islower():
                j += 1  # "Its honorary chairman, billionaire X, said"
            k = name_run(doc, ctx, j + given, ctx.lex.window.title_name_words, forbidden)
            if given and k == j + given:
                break
            closed = k < n and (toks.text[k] == "," or toks.is_punct[k] or origin_end(doc, ctx.lex, k, kb_start)
                                # "Palau's president, Surangel Whipps Jr., has": the suffix joins the mention later
                                or (k + 1 < n and toks.lower[k] in ctx.lex.actors.name_suffixes and toks.text[k + 1] == ",")
                                # "his Chilean and Bolivian counterparts, X and Y,": a name of the list
                                or (t.plural and toks.lower[k] in ctx.lex.actors.title_name_joins))
            if apposition and (k - j < (1 if honored else 2) or not closed or toks.lower[k - 1] in heads):
                break  # "the chairman, Northern Lakes Council, said": an organization's name
            place = kb_start.get(k) if k - j == 1 and k < n else None
            if (place is not None and place.type in ("Place", "Country") and place.end == k + 1 and not t.plural
                    and (k + 1 >= n or toks.is_punct[k + 1] or toks.text[k + 1].islower())
                    and toks.text[j][1:].islower() and toks.text[k][1:].islower()):
                k += 1  # "Secretary-General Patricia Scotland, who …": a surname that is a place's name
            if k - j >= 2 or (k - j == 1 and toks.text[t.start][:1].isupper() and not t.plural):
                label = toks.span_text(j, k)
                out.append(Candidate(j, k, new_key("Person", label), "Person", "title-cue", label))
            if not t.plural or k == j:
                break
            j = k
            if j < n and toks.lower[j] in ctx.lex.actors.title_name_joins:
                j += 1
                continue
            break
    return out


def persons_after_head_leads(doc: Doc, ctx: EntityContext, forbidden: set[int]) -> list[Candidate]:
    """ "The OSCE Mission to Moldova, headed by Kelly Keiderling, acts …": a capitalised name of
    two words or more right after a phrase of [roles] head_leads, closed by punctuation."""
    toks = tokens_of(doc)
    n = len(doc)
    roles = ctx.lex.roles
    leads = [(words, False) for words, _ in roles.head_leads] + [(words, True) for words, _ in roles.group_head_leads]
    out = []
    for i in toks.where({words[0] for words, _ in leads}):
        for words, of_group in leads:
            j = i + len(words)
            if j >= n or tuple(toks.lower[i:j]) != words or ctx.sent_of[j] != ctx.sent_of[i]:
                continue
            if of_group and not (i >= 2 and (toks.text[i - 1] == "," or toks.lower[i - 1] in roles.whose_copulas)
                                 and toks.lower[i - 2] in ctx.lex.actors.group_heads):
                continue  # "The Hayastan faction is led by X", not "the delegation, led by X"
            k = name_run(doc, ctx, j, ctx.lex.window.title_name_words, forbidden)
            if k - j >= 2 and (k >= n or toks.is_punct[k]) and not names_a_title(toks.span_text(j, k), ctx):
                label = toks.span_text(j, k)
                out.append(Candidate(j, k, new_key("Person", label), "Person", "title-cue", label))
    return out


def persons_after_person_leads(doc: Doc, ctx: EntityContext, forbidden: set[int]) -> list[Candidate]:
    """ "ALBA, the bloc founded by Hugo Chavez and Fidel Castro, …", "Russia was represented by
    X.": capitalised names of two words or more listed right after a phrase of [names] person_leads, the list closed by
    punctuation or a lower-case word (a name the knowledge base knows, a country, or a name
    ending in an organization's head word: no person)."""
    toks = tokens_of(doc)
    n = len(doc)
    leads = phrases_by_last_word(ctx.lex.actors.person_leads)
    heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
    out = []
    for i in toks.where(leads.keys()):  # the phrase's last word ("by", "of", "to") first
        if i + 1 >= n or not toks.text[i + 1][:1].isupper():
            continue  # most "by", "of" and "to" lead to no name: the phrase is compared last
        if not phrase_ends_at(toks.lower, i, leads):
            continue
        j, found = i + 1, []
        while j < n and ctx.sent_of[j] == ctx.sent_of[i]:
            k = name_run(doc, ctx, j, ctx.lex.window.title_name_words, forbidden)
            if k - j < 2 or names_a_title(toks.span_text(j, k), ctx) or toks.lower[k - 1] in heads:
                found = []  # "founded by the Ivo Marek Foundation": an organization's name
                break
            found.append((j, k))
            if k < n and toks.lower[k] in ctx.lex.actors.title_name_joins and k + 1 < n \
                    and toks.text[k + 1][:1].isupper():
                j = k + 1
                continue
            if k < n and not (toks.is_punct[k] or toks.text[k].islower()):
                found = []  # "in 1990" may close it, a capitalised word may not
            break
        for j, k in found:
            label = toks.span_text(j, k)
            out.append(Candidate(j, k, new_key("Person", label), "Person", "title-cue", label))
    return out


def persons_after_person_nouns(doc: Doc, ctx: EntityContext, forbidden: set[int]) -> list[Candidate]:
    """ "Georgian Dream founder X, the party's honorary chairman", "the billionaire X, who …",
    "His predecessor, X, who …": a capitalised name of two or three words right after a noun
    of [names] person_nouns (or after its comma, when a possessive or an article comes before
    the noun), closed by punctuation or a lower-case word: a person, though the knowledge base
    does not know the name."""
    toks = tokens_of(doc)
    n = len(doc)
    nouns = ctx.lex.actors.person_nouns
    verbs = ctx.lex.actors.person_object_verbs
    heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
    owners = ctx.lex.grammar.possessive | ctx.lex.grammar.possessive_determiners  # "his", "the party's"
    out = []
    for i in toks.where(nouns | verbs):
        if not toks.text[i].islower() or i + 1 >= n:
            continue
        if toks.lower[i] in verbs and toks.text[i + 1] == ",":
            continue  # "who succeeded X": the name right after the verb only
        before = _name_before_owned_noun(doc, ctx, i, forbidden, heads) if toks.lower[i] in nouns else None
        if before is not None:
            out.append(before)  # "Narek Tamar, his nephew and a former deputy mayor, leads …"
            continue
        j = i + 1
        if toks.text[j] == ",":
            if not (i > 0 and toks.lower[i - 1] in owners):
                continue  # "a journalist, Tamar said", "The predecessor, Amber Rock, was a fund": no owner
            j += 1
        if j >= n or ctx.sent_of[j] != ctx.sent_of[i]:
            continue
        k = name_run(doc, ctx, j, ctx.lex.window.title_name_words, forbidden)
        if not 2 <= k - j <= 3 or toks.lower[k - 1] in heads or names_a_title(toks.span_text(j, k), ctx):
            continue
        if k < n and not (toks.is_punct[k] or toks.text[k].islower()):
            continue
        closes = k >= n or toks.is_punct[k]
        if not closes and j > i + 1 and toks.lower[k] in ctx.lex.roles.origin_prepositions:
            e = k + 1  # "his successor, X of Djibouti,": the holder's origin before the closing comma
            while e < n and e - k <= 3 and toks.text[e][:1].isupper():
                e += 1
            closes = e > k + 1 and (e >= n or toks.is_punct[e])
        if j > i + 1 and not closes:
            continue  # "His predecessor, X, …", "her husband, X.": the apposition closes with punctuation
        label = toks.span_text(j, k)
        out.append(Candidate(j, k, new_key("Person", label), "Person", "title-cue", label))
    return out + _persons_after_honorifics(doc, ctx, forbidden, heads)


def _persons_after_honorifics(doc: Doc, ctx: EntityContext, forbidden: set[int], heads: frozenset[str]) -> list[Candidate]:
    """ "police detained Archbishop Mikael Tamar in June": a capitalised name of two or three
    words right after a clergy honorific ([names] person_honorifics), closed by punctuation or a
    lower-case word, is a person's, with no speech verb or title."""
    toks = tokens_of(doc)
    n = len(doc)
    out = []
    for i in toks.where(ctx.lex.actors.person_honorifics):
        if not toks.text[i][:1].isupper() or i + 1 >= n or ctx.sent_of[i + 1] != ctx.sent_of[i]:
            continue
        if i > 0 and toks.lower[i - 1] in ctx.lex.grammar.articles:
            continue  # "the Archbishop Street church": a name the honorific opens
        j = i + 1
        k = name_run(doc, ctx, j, ctx.lex.window.title_name_words, forbidden)
        if (k - j == 1 and k < n and toks.text[k].isupper() and toks.lower[k] in ctx.lex.actors.name_suffixes
                and k not in forbidden):
            k += 1  # "Catholicos Karekin II": a regnal numeral ends the one-word name
        if not 2 <= k - j <= 3 or toks.lower[k - 1] in heads or names_a_title(toks.span_text(j, k), ctx):
            continue
        if k < n and not (toks.is_punct[k] or toks.text[k].islower()):
            continue
        label = toks.span_text(j, k)
        out.append(Candidate(j, k, new_key("Person", label), "Person", "title-cue", label))
    return out


def _name_before_owned_noun(doc: Doc, ctx: EntityContext, i: int, forbidden: set[int],
                            heads: frozenset[str]) -> Candidate | None:
    """ "X, his nephew, …", "X, her husband and adviser, …", "X, a former footballer, …": a
    capitalised name of two or three words right before the comma of an apposition that opens
    with a possessive determiner (or an indefinite article and at most two describing words) and
    the person noun at token ``i``, the name itself after a comma or at its sentence's start."""
    toks = tokens_of(doc)
    if i < 4:
        return None
    opener = i - 1
    if toks.lower[opener] not in ctx.lex.grammar.possessive_determiners:
        # "X, a former footballer, …", "X, a Russian-Armenian billionaire": an indefinite
        # article and at most two describing words before the noun
        while (opener >= i - ctx.lex.window.apposition_describing_words
               and toks.lower[opener] not in ctx.lex.grammar.indefinite_articles
               and (not toks.is_punct[opener] or toks.text[opener] == "-")):
            opener -= 1
        if toks.lower[opener] not in ctx.lex.grammar.indefinite_articles:
            return None
    if opener < 3 or toks.text[opener - 1] != ",":
        return None
    end = opener - 1
    start = name_run_before(doc, ctx, end, ctx.lex.window.speech_name_words, forbidden)
    if not 2 <= end - start <= 3 or toks.lower[end - 1] in heads or names_a_title(toks.span_text(start, end), ctx):
        return None
    if start > 0 and ctx.sent_of[start - 1] == ctx.sent_of[start] and toks.text[start - 1] != ",":
        return None  # "… met Tamar Lis, his counterpart": the name's own sentence place decides
    label = toks.span_text(start, end)
    return Candidate(start, end, new_key("Person", label), "Person", "title-cue", label)


def persons_after_possessives(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate],
                              forbidden: set[int]) -> list[Candidate]:
    """ "Hungary's Viktor Orban and Slovakia's Robert Fico, …. "…," Fico told journalists": a
    capitalised name of two or three words right after a country's possessive, whose last
    word speaks alone elsewhere in the article (a surname: a party or a body is not called by
    its last word)."""
    toks = tokens_of(doc)
    n = len(doc)
    verbs = ctx.lex.speech.verbs
    heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
    out = []
    for c in kb_cands:
        j = c.end + 1
        if c.type != "Country" or j >= n or toks.lower[c.end] not in ctx.lex.grammar.possessive:
            continue
        k = name_run(doc, ctx, j, ctx.lex.window.speech_name_words, forbidden)
        if not 2 <= k - j <= 3 or toks.lower[k - 1] in heads or names_a_title(toks.span_text(j, k), ctx):
            continue
        surname = toks.lower[k - 1]
        if any(p != k - 1 and p + 1 < n and toks.text[p][:1].isupper() and toks.lower[p + 1] in verbs
               and (p == 0 or not toks.text[p - 1][:1].isupper())
               for p in toks.where({surname})):
            label = toks.span_text(j, k)
            out.append(Candidate(j, k, new_key("Person", label), "Person", "speech-cue", label))
    return out


def persons_owning_kin(doc: Doc, ctx: EntityContext, forbidden: set[int]) -> list[Candidate]:
    """ "met Putin's deputy, Dmitry Kozak's successor, X", "Ivo Marek's widow": a capitalised name
    of two or three words before a possessive and one of [names] owned_kin_nouns is a person."""
    toks = tokens_of(doc)
    n = len(doc)
    kin = ctx.lex.actors.owned_kin_nouns
    heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
    out = []
    for i in toks.where(ctx.lex.grammar.possessive):
        if i < 2 or i + 1 >= n or toks.lower[i + 1] not in kin or ctx.sent_of[i] < 0:
            continue
        start = name_run_before(doc, ctx, i, ctx.lex.window.speech_name_words, forbidden)
        if (2 <= i - start <= 3 and toks.lower[i - 1] not in heads
                and not names_a_title(toks.span_text(start, i), ctx)
                and (start == 0 or not toks.text[start - 1][:1].isupper())):
            label = toks.span_text(start, i)
            out.append(Candidate(start, i, new_key("Person", label), "Person", "title-cue", label))
    return out


def persons_before_head_relatives(doc: Doc, ctx: EntityContext, forbidden: set[int]) -> list[Candidate]:
    """ "… signed the deal with Alain Berset, who heads the council": a capitalised name of two
    words or more right before the comma of a phrase of [roles] head_relatives or
    person_relatives ("X, who served as envoy until January,"); also before ", a DESCRIPTION
    who" (:func:`persons_before_described_who`)."""
    toks = tokens_of(doc)
    n = len(doc)
    leads = [w for w, _ in ctx.lex.roles.head_relatives] + list(ctx.lex.roles.person_relatives)
    predicates = [w for w, _ in ctx.lex.roles.head_predicates]
    if not leads:
        return []
    out = []
    for i in toks.where({words[0] for words in leads} | {words[0] for words in predicates}):
        if i >= 2 and toks.text[i - 1] != "," and any(tuple(toks.lower[i:i + len(w)]) == w for w in predicates):
            found = _name_opening_clause(doc, ctx, i, forbidden, ctx.lex.window.apposition_name_words)  # "Ida Rusk heads …"
            if found is not None:
                out.append(found)
            continue
        if i < 3 or toks.text[i - 1] != "," or not any(tuple(toks.lower[i:i + len(w)]) == w for w in leads):
            continue
        e = i - 1
        s = e
        while s - 1 >= 0 and e - (s - 1) <= ctx.lex.window.title_name_words and name_token(doc, ctx, s - 1) \
                and s - 1 not in forbidden and ctx.sent_of[s - 1] == ctx.sent_of[e]:
            s -= 1
        if e - s < 2:
            s = min(s, name_run_before(doc, ctx, e, ctx.lex.window.title_name_words, forbidden))  # "Levon Ter-Petrosyan"
        while s < e and name_run(doc, ctx, s, ctx.lex.window.title_name_words, forbidden) != e:
            s += 1  # the longest run that ends at the comma
        if e - s >= 2 and s < n and not names_a_title(toks.span_text(s, e), ctx):
            label = toks.span_text(s, e)
            out.append(Candidate(s, e, new_key("Person", label), "Person", "title-cue", label))
    return (out + persons_before_described_who(doc, ctx, forbidden) + persons_before_party_of(doc, ctx, forbidden)
            + persons_before_workplace_holders(doc, ctx, forbidden))


def persons_before_workplace_holders(doc: Doc, ctx: EntityContext, forbidden: set[int]) -> list[Candidate]:
    """ "Anush Galstyan, an analyst at the Regional Studies Center in Yerevan, was less hopeful":
    a capitalised name of two words or more before ", a [ADJECTIVE] HOLDER at" ([actors]
    workplace_holders, [roles] workplace_prepositions) or ", a member of" ([actors] member_posts,
    member_post_prepositions) is a person, whatever verb follows (a known country or body before
    the comma is no run of unknown capitalised words)."""
    toks = tokens_of(doc)
    lex = ctx.lex
    out = []
    for i in toks.where(lex.actors.workplace_holders | lex.actors.member_posts):
        if i + 1 >= len(doc) or not toks.text[i].islower():
            continue
        after = toks.lower[i + 1]
        if not (after in lex.roles.workplace_prepositions if toks.lower[i] in lex.actors.workplace_holders
                else after in lex.actors.member_post_prepositions):
            continue  # "a member of the State Duma who …": of a body
        c = i - 1
        while c > 0 and i - c <= 2 and toks.text[c].islower() and toks.lower[c] not in lex.grammar.indefinite_articles:
            c -= 1  # "a senior analyst", "a political scientist"
        if toks.lower[c] not in lex.grammar.indefinite_articles or c < 3 or toks.text[c - 1] != "," \
                or ctx.sent_of[c - 1] != ctx.sent_of[i]:
            continue
        end = c - 1
        start = name_run_before(doc, ctx, end, lex.window.apposition_name_words, forbidden)
        head = toks.lower[end - 1]
        if (end - start >= 2 and head not in lex.actors.org_heads and head not in lex.actors.place_heads
                and not names_a_title(toks.span_text(start, end), ctx)
                and not (start > 0 and toks.lower[start - 1] in lex.actors.locative)):
            label = toks.span_text(start, end)
            out.append(Candidate(start, end, new_key("Person", label), "Person", "title-cue", label))
    return out


def _name_opening_clause(doc: Doc, ctx: EntityContext, end: int, forbidden: set[int], words: int,
                         rule: str = "title-cue") -> Candidate | None:
    """The person a capitalised name of two or three words (read back at most ``words``) ending
    right before token ``end`` names, opening its sentence or a clause after a comma ("Ida Rusk
    heads …", "X, his nephew, …"; not "… met Tamar Lis, his counterpart"); not a body's or a
    place's name, nor a title."""
    toks = tokens_of(doc)
    start = name_run_before(doc, ctx, end, words, forbidden)
    if start > 0 and ctx.sent_of[start - 1] == ctx.sent_of[start] and toks.text[start - 1] != ",":
        return None
    return _person_name(doc, ctx, start, end, rule)


def persons_before_described_who(doc: Doc, ctx: EntityContext, forbidden: set[int]) -> list[Candidate]:
    """ "a new bloc led by Samvel Karapetyan, a Russian-Armenian billionaire who was arrested":
    a capitalised name of two words or more before ", a DESCRIPTION who" — "who" after a
    singular noun speaks of a person (not "a coalition of rebels who": the rebels)."""
    toks = tokens_of(doc)
    out = []
    for i in toks.where(ctx.lex.roles.person_relative_pronouns):
        noun = i - 1
        if noun < 4 or not (toks.text[noun].isalpha() and toks.text[noun].islower()) or toks.lower[noun].endswith("s"):
            continue
        c = noun
        while c > 0 and noun - c < ctx.lex.window.anaphor_description and toks.lower[c] not in ctx.lex.grammar.indefinite_articles \
                and (toks.text[c].isalpha() or toks.text[c] == "-"):
            c -= 1
        if toks.lower[c] not in ctx.lex.grammar.indefinite_articles or c < 3 or toks.text[c - 1] != "," \
                or ctx.sent_of[c - 1] != ctx.sent_of[i]:
            continue
        end = c - 1
        start = name_run_before(doc, ctx, end, ctx.lex.window.apposition_name_words, forbidden)
        head = toks.lower[end - 1]
        if (end - start >= 2 and head not in ctx.lex.actors.org_heads and head not in ctx.lex.actors.place_heads
                and not names_a_title(toks.span_text(start, end), ctx)
                and not (start > 0 and toks.lower[start - 1] in ctx.lex.actors.locative)):
            label = toks.span_text(start, end)
            out.append(Candidate(start, end, new_key("Person", label), "Person", "title-cue", label))
    return out


def persons_before_party_of(doc: Doc, ctx: EntityContext, forbidden: set[int]) -> list[Candidate]:
    """ "faces Branko Blanusa of the Serb Democratic Party": a capitalised name of two words or
    more right before [names] party_links and a capitalised name ending in a party's head word
    ([actors] group_heads); a party names no part of itself, so the name before is a member's
    (not "the Youth Wing of the X Party": an article before it, nor a body's or a title's words)."""
    toks = tokens_of(doc)
    n = len(doc)
    lex = ctx.lex
    out = []
    for i in toks.where(lex.actors.party_links):
        j = i + 1
        if j < n and toks.lower[j] in lex.grammar.articles:
            j += 1
        end_party = None
        for k in range(j, min(n, j + lex.window.org_name_tokens)):
            if ctx.sent_of[k] != ctx.sent_of[i] or not (toks.text[k][:1].isupper() or toks.lower[k] in lex.actors.connectors):
                break
            if toks.lower[k] in lex.actors.group_heads and toks.text[k][:1].isupper():
                end_party = k
                break
        if end_party is None or end_party == j:
            continue
        start = name_run_before(doc, ctx, i, lex.window.title_name_words, forbidden)
        if i - start < 2 or (start > 0 and toks.lower[start - 1] in lex.grammar.articles):
            continue
        words = toks.lower[start:i]
        if any(w in lex.actors.org_heads or w in lex.actors.place_heads or w in lex.title_words for w in words):
            continue
        label = toks.span_text(start, i)
        if not names_a_title(label, ctx):
            out.append(Candidate(start, i, new_key("Person", label), "Person", "title-cue", label))
    return out


def _plural_owned(toks: TokenTable, ctx: EntityContext, t: TitleSpan) -> bool:
    """ "Armenia and Turkey began …, and their special envoys, A and B, agreed", "the two
    countries' foreign ministers, A and B,": a plural title right after a plural owner's pronoun
    ([roles] plural_owner_pronouns) or a plural noun's possessive, and before a comma, names its
    holders after the comma (persons; the owner may be either, so no office)."""
    if not (t.plural and t.start > 1 and t.end < len(toks.text) and toks.text[t.end] == ","):
        return False
    if toks.lower[t.start - 1] in ctx.lex.roles.plural_owner_pronouns:
        return True
    # "the two countries' foreign ministers, A and B,": a plural common noun's possessive
    before = toks.text[t.start - 2]
    return (toks.text[t.start - 1] in ctx.lex.grammar.possessive and before.isalpha() and before.islower()
            and before.endswith("s"))


def _anaphor_owner(toks: TokenTable, ctx: EntityContext, owner: int) -> bool:
    """Whether the possessive at token ``owner`` closes an organization anaphor ("The assembly's
    rapporteur on political prisoners, X": the body named before owns the title)."""
    return (owner >= 2 and toks.lower[owner - 1] in ctx.lex.roles.anaphor_nouns
            and toks.lower[owner - 2] in ctx.lex.grammar.articles)


def counterparts_of_countries(toks: TokenTable, ctx: EntityContext, t: TitleSpan, country_start: dict[int, int]) -> bool:
    """ "his Chilean and Bolivian counterparts, X and Y": a plural counterpart title whose
    countries are listed after a possessive ([roles] counterpart_possessives) names its holders
    after a comma, one per country."""
    if t.title not in ctx.lex.roles.counterpart_titles:
        return False
    b, countries = t.start, 0
    while b > 0:
        if b in country_start:
            b, countries = country_start[b], countries + 1
        elif countries and toks.lower[b - 1] in ctx.lex.grammar.coordinators:
            b -= 1
        else:
            break
    return countries >= 2 and b > 0 and toks.lower[b - 1] in ctx.lex.roles.counterpart_possessives


def points_back(doc: Doc, ctx: EntityContext, b: int) -> bool:
    """A possessive that points back to an actor stands before the title at token ``b``: "its
    foreign minister, X", "the bloc's chair, X", "the region's leader, X" ([roles] possessive_pronouns;
    after "the", any noun)."""
    toks = tokens_of(doc)
    roles = ctx.lex.roles
    if b > 0 and toks.lower[b - 1] in roles.possessive_pronouns:
        return True
    a = b - 1 if b > 0 and (toks.lower[b - 1] in ctx.lex.grammar.articles
                            or toks.lower[b - 1] in roles.counterpart_possessives) else b
    last = toks.lower[a - 1] if a > 0 else None  # a phrase's last word first: most end elsewhere
    if any(p[-1] == last and a - len(p) >= 0 and tuple(toks.lower[a - len(p):a]) == p
           for p in (*roles.sender_leads, *roles.represented_leads)):
        # "China sent a special envoy, X", "… and sent his foreign minister, X", "Qatar was
        # represented by a minister of state, X"
        return True
    # "the bloc's chair, X", and for a name any noun's: "the region's leader, X", "the mission's head, X"
    return (b > 2 and toks.lower[b - 1] in ctx.lex.grammar.possessive and toks.text[b - 2].isalpha()
            and toks.text[b - 2].islower() and toks.lower[b - 3] in ctx.lex.grammar.articles)


def persons_appointed_as(doc: Doc, ctx: EntityContext, titles: list[TitleSpan], kb_tokens: set[int]) -> list[Candidate]:
    """ "Kazakhstan appointed Yerlan Dosov as its new foreign minister", "Peru will name X as foreign
    minister": a capitalised name of two words or more right after one of [roles] appointing_verbs
    (or their base forms) and right before "as" and the title."""
    toks = tokens_of(doc)
    roles = ctx.lex.roles
    forbidden = kb_tokens | title_tokens(titles)
    out = []
    for t in titles:
        if t.plural:
            continue
        j = t.start - 1
        while j > 0 and (toks.lower[j] in roles.appointment_determiners or toks.lower[j] in roles.current_adjectives):
            j -= 1
        if j > 2 and toks.lower[j] in ctx.lex.grammar.possessive and j - 1 in kb_tokens:
            j -= 1  # "replaced X as Chile's foreign minister": past the country
            while j > 0 and j - 1 in kb_tokens:
                j -= 1
            j -= 1
        if j < 3 or toks.lower[j] not in roles.appointment_links:
            continue
        start = name_run_before(doc, ctx, j, ctx.lex.window.apposition_name_words, forbidden)
        v = start - 1
        if v > 1 and toks.lower[v] in ctx.lex.grammar.possessive and v - 1 in kb_tokens:
            v -= 1  # "re-elected Rwanda's Louise Mushikiwabo as its secretary-general": past the country
            while v > 0 and v - 1 in kb_tokens:
                v -= 1
            v -= 1
        verb = toks.lower[v]
        if (j - start >= 2 and (verb in roles.appointing_verbs or verb in roles.appointing_base_verbs
                                or verb in roles.succession_verbs)
                and ctx.sent_of[v] == ctx.sent_of[j] and not names_a_title(toks.span_text(start, j), ctx)):
            label = toks.span_text(start, j)
            out.append(Candidate(start, j, new_key("Person", label), "Person", "title-cue", label))
            if verb in roles.succession_verbs:
                successor = _name_opening_clause(doc, ctx, v, forbidden, ctx.lex.window.apposition_name_words)
                if successor is not None:
                    out.append(successor)  # "Ida Rusk succeeded Aro Pell as foreign minister"
    # "nominated former footballer Mikheil Kavelashvili as its presidential candidate": after the
    # verb and at most a few lower-case words, a name of two words or more right before "as"
    for v in toks.where(roles.appointing_verbs):
        i = v + 1
        while i < len(doc) and i - v <= ctx.lex.window.appointee_description and toks.text[i].isalpha() \
                and toks.text[i].islower() and toks.lower[i] not in ctx.lex.grammar.articles:
            i += 1
        e = name_run(doc, ctx, i, ctx.lex.window.apposition_name_words, forbidden)
        heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
        if (e - i >= 2 and e < len(doc) and toks.lower[e] in roles.appointment_links and ctx.sent_of[e] == ctx.sent_of[v]
                and not any(toks.lower[x] in heads for x in range(i, e)) and not names_a_title(toks.span_text(i, e), ctx)):
            label = toks.span_text(i, e)
            out.append(Candidate(i, e, new_key("Person", label), "Person", "title-cue", label))
    return out


def persons_before_holder_leads(doc: Doc, ctx: EntityContext, titles: list[TitleSpan], kb_end: dict[int, Candidate],
                                kb_tokens: set[int]) -> list[Candidate]:
    """ "X was elected president of Peru", "X was sworn in as Peru's new foreign minister": a
    capitalised name of two words or more right before one of [roles] holder_leads and the title
    (past its qualifier's possessive and adjectives of an office still held)."""
    toks = tokens_of(doc)
    roles = ctx.lex.roles
    if not roles.holder_leads:
        return []
    forbidden = kb_tokens | title_tokens(titles)
    out = []
    for t in titles:
        if t.plural:
            continue
        b = t.start
        while b > 0 and toks.lower[b - 1] in roles.current_adjectives:
            b -= 1  # "as Peru's new foreign minister"
        if b > 1 and toks.lower[b - 1] in ctx.lex.grammar.possessive and b - 1 in kb_end:
            b = kb_end[b - 1].start
        if b > 0 and toks.lower[b - 1] in ctx.lex.grammar.articles:
            b -= 1
        last = toks.lower[b - 1] if b > 0 else None  # a phrase's last word first: most titles follow none
        lead = next((len(p) for p in roles.holder_leads
                     if p[-1] == last and b - len(p) >= 1 and tuple(toks.lower[b - len(p):b]) == p), 0)
        if not lead:
            continue
        end = b - lead
        start = name_run_before(doc, ctx, end, ctx.lex.window.apposition_name_words, forbidden)
        if end - start >= 2 and ctx.sent_of[start] == ctx.sent_of[t.start] and not names_a_title(toks.span_text(start, end), ctx):
            label = toks.span_text(start, end)
            out.append(Candidate(start, end, new_key("Person", label), "Person", "title-cue", label))
    return out


def persons_before_titles(doc: Doc, ctx: EntityContext, titles: list[TitleSpan], kb_end: dict[int, Candidate],
                           kb_tokens: set[int]) -> list[Candidate]:
    """ "Anna Kovalenko, Ukraine's foreign minister", "Omar Trent, special envoy of Ruritania":
    a name in apposition to a title, the title qualified by an actor before it or a preposition after it."""
    toks = tokens_of(doc)
    out = []
    n = len(doc)
    roles = ctx.lex.roles
    forbidden: set[int] | None = None  # "Secretary of State X, Indian Minister Y": not "State X"
    title_starts = {t.start for t in titles if not t.plural}
    for t in titles:
        b = t.start
        while (b > t.start - 2 and b > 1 and toks.text[b - 1].islower()
               and (toks.lower[b - 1] in roles.domain_adjectives or toks.lower[b - 1] in roles.current_adjectives
                    or toks.lower[b - 1] in roles.not_current)):
            b -= 1  # "the UN's humanitarian chief", "Cambodia's former leader": a qualifier's adjectives before the title
        if b < t.start and not (b > 0 and toks.lower[b - 1] in ctx.lex.grammar.possessive):
            b = t.start
        if b > 0 and toks.lower[b - 1] in ctx.lex.grammar.possessive:
            b -= 1
        qual = kb_end.get(b)
        if qual is not None and qual.type in ("Country", "Organization"):
            a = qual.start
            while a > 1 and toks.text[a - 1].islower() and (toks.lower[a - 1] in roles.not_current
                                                            or toks.lower[a - 1] in roles.current_adjectives):
                a -= 1  # "…, a former Algerian foreign minister,": a person all the same
        elif b > 0 and b == t.start and toks.lower[b - 1] in ctx.lex.roles.possessive_pronouns and not t.plural:
            a = b - 1  # "Peru sent Ramon Altavilla, its foreign minister,": "its" qualifies the title
        elif (b < t.start and b > 1 and toks.lower[b - 1] in ctx.lex.roles.country_anaphors
              and toks.lower[b - 2] in ctx.lex.grammar.articles and not t.plural):
            a = b - 1  # "…, Ramon Altavilla, the kingdom's ambassador to Zembla": the country named before
        elif t.end < n and not t.plural and (toks.lower[t.end] in ctx.lex.actors.title_prepositions
                                             or toks.lower[t.end] in ctx.lex.roles.staff_links
                                             or (t.title in ctx.lex.roles.portfolio_titles  # "…, Minister in charge of Trade"
                                                 and portfolio_preposition(doc, ctx.lex, t.end, n) > t.end)):
            a = t.start  # "…, special representative of Azerbaijan's president", "…, an adviser to President Y"
            while (a > t.start - 2 and a > 1 and toks.text[a - 1].islower()
                   and toks.lower[a - 1] in roles.domain_adjectives):
                a -= 1  # "…, the foreign policy adviser to President Y"
            if a > 1 and (toks.lower[a - 1] in roles.current_adjectives
                          or toks.lower[a - 1] in roles.not_current) and toks.text[a - 1].islower():
                a -= 1  # "…, a senior adviser to President Y", "…, a former vice-president of the party"
                if a > 1 and toks.lower[a - 1] in roles.current_adjectives and toks.text[a - 1].islower():
                    a -= 1  # "…, the de facto leader of South Ossetia"
            elif (a > 2 and toks.text[a - 1].isalpha() and toks.text[a - 1][:1].isupper()
                  and toks.lower[a - 2] in ctx.lex.grammar.articles):
                a -= 1  # "Marta Kos, the European commissioner for enlargement"
        elif (t.end < n and not t.plural and t.start > 3
              and (toks.text[t.end] == "," or toks.lower[t.end] in roles.person_relative_pronouns
                   or _closes_sentence(toks, ctx, t.end)
                   # "X, the parliament speaker and leader of the Amal movement,": a second office;
                   # "X, a presidential aide and former culture minister.": a past one
                   or _second_office_after(toks, ctx, t.end, title_starts))
              and (article := _apposition_article(toks, ctx, t.start, kb_end)) is not None):
            # "Ruben Rubinyan, the deputy speaker, who also chairs …": a bare office in apposition;
            # "X, a former minister, said": a past one too; "X, the president who signed them,";
            # "X, the city's former mayor,", "X, the former European energy commissioner,"
            a = article + 1
        elif (t.end < n and not t.plural and t.start > 4
              and (toks.text[t.end] == "," or _closes_sentence(toks, ctx, t.end)
                   or _second_office_after(toks, ctx, t.end, title_starts))
              and toks.text[t.start - 1].islower() and toks.lower[t.start - 1] in roles.domain_adjectives
              and toks.lower[t.start - 2] in ctx.lex.grammar.articles):
            a = t.start - 1  # "X, a navy admiral, as governor": a domain before the bare office
        else:
            continue
        if a > 0 and toks.lower[a - 1] in ctx.lex.grammar.articles:
            a -= 1
        if a < 3 or toks.text[a - 1] != ",":
            continue
        end = a - 1
        if forbidden is None:
            forbidden = kb_tokens | title_tokens(titles)
        start = name_run_before(doc, ctx, end, ctx.lex.window.apposition_name_words, forbidden)
        if (start > 0 and toks.lower[start - 1] in ctx.lex.actors.locative
                and not (start > 1 and toks.lower[start - 2] in ctx.lex.actors.particle_verbs)):
            continue  # "In Port Louis, the president of Mauritius": a place (not "swore in X, a …")
        if end - start >= 2 and not names_a_title(toks.span_text(start, end), ctx):
            label = toks.span_text(start, end)
            out.append(Candidate(start, end, new_key("Person", label), "Person", "title-cue", label))
    return out


def _apposition_article(toks: TokenTable, ctx: EntityContext, start: int, kb_end: dict[int, Candidate]) -> int | None:
    """The article that opens the qualifiers of a bare office at ``start`` ("the [city's] [former]
    [European] [energy] commissioner"): lower-case qualifiers (current, past, domain words) on either
    side of one demonym (or other Title-case word), and a common noun's possessive right after the
    article; else None."""
    roles, articles = ctx.lex.roles, ctx.lex.grammar.articles
    reach = ctx.lex.window.apposition_qualifier_words

    def qualifiers_before(i: int) -> int:
        floor = i - reach
        while (i > floor and i > 0 and toks.text[i].islower()
               and (toks.lower[i] in roles.not_current or toks.lower[i] in roles.current_adjectives
                    or toks.lower[i] in roles.domain_adjectives)):
            i -= 1
        return i

    i = qualifiers_before(start - 1)
    known = kb_end.get(i + 1)
    word = toks.text[i]
    if ((known is not None and known.role == "demonym" and known.start == i)
            or (known is None and word.isalpha() and word[:1].isupper() and word[1:].islower())):
        i = qualifiers_before(i - 1)  # "the former European energy commissioner", "the Russian envoy"
    if (i > 2 and toks.lower[i] in ctx.lex.grammar.possessive and toks.text[i - 1].isalpha()
            and toks.text[i - 1].islower() and toks.lower[i - 2] in articles):
        return i - 2  # "the city's former mayor"
    return i if i > 0 and toks.lower[i] in articles else None


def _second_office_after(toks: TokenTable, ctx: EntityContext, i: int, title_starts: set[int]) -> bool:
    """Token ``i`` is a coordinator before a second office, its qualifiers first ("…, the parliament
    speaker and leader of …", "…, a presidential aide and former culture minister.")."""
    if toks.lower[i] not in ctx.lex.grammar.coordinators:
        return False
    roles = ctx.lex.roles
    j = i + 1
    while (j < i + 3 and j < len(toks.text) and toks.text[j].islower()
           and (toks.lower[j] in roles.not_current or toks.lower[j] in roles.domain_adjectives)):
        j += 1
    return j in title_starts


def _closes_sentence(toks: TokenTable, ctx: EntityContext, i: int) -> bool:
    """Token ``i`` is the full stop that ends its sentence ("…, a former culture minister.")."""
    return toks.text[i] == "." and (i + 1 >= len(toks.text) or ctx.sent_of[i + 1] != ctx.sent_of[i])


def owned_name_at(toks: TokenTable, ctx: EntityContext, j: int, kb_start: dict[int, Candidate]) -> bool:
    """A known country and its possessive at token ``j``, before a name ("Peru's Tamar …")."""
    c = kb_start.get(j)
    return (c is not None and c.type == "Country" and c.end + 1 < len(toks.text)
            and toks.lower[c.end] in ctx.lex.grammar.possessive and toks.text[c.end + 1][:1].isupper())


def names_a_title(text: str, ctx: EntityContext) -> bool:
    """A word of the run is a title, or a title's plural ("Co-Chairs"): not a person's name."""
    titles = ctx.lex.titles
    for word in text.lower().split():
        if word in titles or (word.endswith("s") and word[:-1] in titles):
            return True
    return False


def age_before(toks: TokenTable, lex: Lexicon, comma: int) -> bool:
    """An age in commas ends at the comma at token ``comma`` ("Tom Berg, 54, a former banker,"):
    a number of at most [window] age_digits digits between two commas."""
    return (comma >= 3 and toks.text[comma - 1].isdigit() and len(toks.text[comma - 1]) <= lex.window.age_digits
            and toks.text[comma - 2] == ",")


def persons_before_speech(doc: Doc, ctx: EntityContext, kb_tokens: set[int]) -> list[Candidate]:
    """ "Omar Trent said", and past an apposition: "Thomas de Waal, a fellow at X, said"."""
    toks = tokens_of(doc)
    sent_of = ctx.sent_of
    out = []
    verbs = ctx.lex.speech.verbs
    inverted_only = ctx.lex.speech.inverted_verbs - verbs
    for k in [i for i in toks.where(verbs | inverted_only) if i >= 2]:
        after = _name_after_inverted_verb(doc, ctx, k, kb_tokens)
        if after is not None:
            out.append(after)
            second = _coordinated_name_after(doc, ctx, after.end, kb_tokens)
            if second is not None:
                out.append(second)  # "…, said Tomas Vell and Ida Rusk."
            continue
        if toks.lower[k] in inverted_only:
            continue  # '"…?" asked X': only the inverted frame; "X asked Y to …" is no speech
        end = k
        while (end > 1 and k - end < ctx.lex.window.speaker_steps and toks.text[end - 1].islower()
               and toks.lower[end - 1] in ctx.lex.actors.adverbs_before_speech):
            end -= 1  # "Omar Trent also said"
        if toks.text[end - 1] == ",":
            # "…, Prince Omar bin Trent, also said": the apposition is the name itself
            start = name_run_before(doc, ctx, end - 1, ctx.lex.window.speech_name_words, kb_tokens)
            if end - 1 - start >= 2 and start > 0 and (toks.text[start - 1] == ","
                                                       or toks.lower[start - 1] in ctx.lex.actors.honorifics):
                end -= 1
            else:
                end = next((c for c in range(end - 2, max(0, k - ctx.lex.window.speech_comma), -1)
                            if toks.text[c] == "," and sent_of[c] == sent_of[k]), None)
                if (end is not None and toks.lower[end + 1] in ctx.lex.speech.relative_pronouns
                        and not _person_like_run_before(doc, ctx, end, kb_tokens)):
                    # "X, a former member of parliament, who sat for the party until 2023, said":
                    # past the relative clause and a description to the comma after the name
                    end = next((c for c in range(end - 2, max(0, end - ctx.lex.window.speech_comma), -1)
                                if toks.text[c] == "," and sent_of[c] == sent_of[k]), None)
                    if end is not None and toks.lower[end + 1] not in ctx.lex.grammar.articles:
                        continue
                if end is None:
                    continue
                if age_before(toks, ctx.lex, end):
                    end -= 2  # "Tom Berg, 54, a former banker, said": past the age
        qualified = _name_before_qualifier(doc, ctx, end, kb_tokens)
        if qualified is not None:
            out.append(qualified)  # "Ida Varga of the Institute for the Study of War said"
            continue
        start = name_run_before(doc, ctx, end, ctx.lex.window.speech_name_words, kb_tokens)
        head = toks.lower[end - 1]
        if start >= 2 and toks.lower[start - 1] in ctx.lex.actors.title_prepositions and toks.lower[start - 2] in ctx.lex.actors.org_heads:
            continue  # "the Ministry of Foreign Affairs reported": the body's remit, no person
        if (end - start >= 2 and head not in ctx.lex.actors.org_heads and head not in ctx.lex.actors.place_heads
                and not names_a_title(toks.span_text(start, end), ctx)):
            label = toks.span_text(start, end)
            out.append(Candidate(start, end, new_key("Person", label), "Person", "speech-cue", label))
            first = _coordinated_name_before(doc, ctx, start, kb_tokens)
            if first is not None:
                out.append(first)  # "Tomas Vell and Ida Rusk said"
    return out


def _person_name(doc: Doc, ctx: EntityContext, start: int, end: int, rule: str = "speech-cue") -> Candidate | None:
    """The person a capitalised run ``start:end`` of two or three words names, unless a body's
    or a place's head word ends it or a word of it is a title."""
    toks = tokens_of(doc)
    head = toks.lower[end - 1]
    if (not 2 <= end - start <= 3 or head in ctx.lex.actors.org_heads or head in ctx.lex.actors.place_heads
            or names_a_title(toks.span_text(start, end), ctx)):
        return None
    label = toks.span_text(start, end)
    return Candidate(start, end, new_key("Person", label), "Person", rule, label)


def _coordinated_name_before(doc: Doc, ctx: EntityContext, start: int, kb_tokens: set[int]) -> Candidate | None:
    """ "Tomas Vell and Ida Rusk said": the name coordinated before a speaker's name that
    starts at token ``start``, itself at its sentence's start or after a comma."""
    toks = tokens_of(doc)
    if start < 3 or toks.lower[start - 1] not in ctx.lex.grammar.coordinators:
        return None  # and not "… met Tomas Vell and Ida Rusk said": the first name opens its clause
    return _name_opening_clause(doc, ctx, start - 1, kb_tokens, ctx.lex.window.speech_name_words, "speech-cue")


def _coordinated_name_after(doc: Doc, ctx: EntityContext, end: int, kb_tokens: set[int]) -> Candidate | None:
    """ "…, said Tomas Vell and Ida Rusk.": the name coordinated after an inverted speaker's
    name that ends at token ``end``, closed by punctuation."""
    toks = tokens_of(doc)
    n = len(doc)
    if end + 2 >= n or toks.lower[end] not in ctx.lex.grammar.coordinators or end + 1 in kb_tokens:
        return None
    last = name_run(doc, ctx, end + 1, ctx.lex.window.speech_name_words, kb_tokens)
    if last < n and toks.text[last] not in ctx.lex.speech.name_closers and ctx.sent_of[last] == ctx.sent_of[end]:
        return None
    return _person_name(doc, ctx, end + 1, last)


def _person_like_run_before(doc: Doc, ctx: EntityContext, end: int, kb_tokens: set[int]) -> bool:
    """A capitalised run of two words or more ends at token ``end`` and is not a body's or a
    place's name ("Ruben Rubinyan, who …", not "… of the Lakeside Party, who …")."""
    toks = tokens_of(doc)
    start = name_run_before(doc, ctx, end, ctx.lex.window.speech_name_words, kb_tokens)
    head = toks.lower[end - 1]
    return end - start >= 2 and head not in ctx.lex.actors.org_heads and head not in ctx.lex.actors.place_heads


def _name_before_qualifier(doc: Doc, ctx: EntityContext, end: int, kb_tokens: set[int]) -> Candidate | None:
    """ "Ida Varga of the Institute for the Study of War said", "Ivo Marek from Chatham House
    said": a name of two words or more, then "of" or "from" ([roles] origin_prepositions) and a
    capitalised name that reaches the speech verb (at ``end``): the person is the speaker, the
    name after the preposition where they work or come from.  Not a body's name ("the Ministry
    of Foreign Affairs of Peru said") nor a title ("Supreme Leader of Iran X said")."""
    toks = tokens_of(doc)
    if not toks.text[end - 1][:1].isupper():
        return None  # "he said", "officials said": most speech verbs follow no name
    sentence = ctx.sent_of[end - 1]
    connectors = ctx.lex.actors.acronym_connectors
    j = end
    while (j > 0 and end - j < ctx.lex.window.speech_qualifier_words and ctx.sent_of[j - 1] == sentence
           and (toks.text[j - 1][:1].isupper() or toks.lower[j - 1] in connectors or j - 1 in kb_tokens
                or toks.lower[j - 1] in ctx.lex.roles.origin_prepositions)):
        j -= 1
    if j == end:
        return None
    heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
    for p in range(j, end - 1):
        if toks.lower[p] not in ctx.lex.roles.origin_prepositions or p in kb_tokens:
            continue
        q = p + 1 + (toks.lower[p + 1] in ctx.lex.grammar.articles)
        if q >= end or not (toks.text[q][:1].isupper() or q in kb_tokens):
            continue
        start = name_run_before(doc, ctx, p, ctx.lex.window.speech_name_words, kb_tokens)
        if p - start < 2 or start < j or toks.lower[p - 1] in heads or names_a_title(toks.span_text(start, p), ctx):
            return None  # the first preposition decides: "Ministry of Foreign Affairs of Peru"
        if start > 0 and (toks.lower[start - 1] in ctx.lex.actors.title_prepositions
                          or toks.text[start - 1][:1].isupper()):
            return None
        label = toks.span_text(start, p)
        return Candidate(start, p, new_key("Person", label), "Person", "speech-cue", label)
    return None


def _name_after_inverted_verb(doc: Doc, ctx: EntityContext, k: int, kb_tokens: set[int]) -> Candidate | None:
    """ '"…," said Kholood Khair, a Sudanese analyst': a name of two words or more right after
    a speech verb that follows a comma (the inverted frame of a quote or a statement), closed
    by punctuation or by "and" and a second such name; not a known actor, a title or a body ("…, said Foreign Minister X", "…,
    said the Kremlin", "…, said Peru's foreign ministry")."""
    toks = tokens_of(doc)
    n = len(doc)
    before = k - 1
    if before > 0 and toks.text[before] in ctx.lex.speech.quote_closers:
        before -= 1
    if k + 1 >= n or not (toks.text[before] == "," or (before < k - 1 and toks.text[before] in ("?", "!"))):
        return None  # '"…," said X', '"… Europe?" asked X'
    start = k + 1
    if start in kb_tokens or toks.text[start][:1].isupper():
        start = _past_owned_title(toks, ctx, start, kb_tokens) or start
    if start in kb_tokens:
        return None
    end = name_run(doc, ctx, start, ctx.lex.window.speech_name_words, kb_tokens)
    if end - start < 2 or (end < n and toks.text[end] not in ctx.lex.speech.name_closers and ctx.sent_of[end] == ctx.sent_of[k]
                           and _coordinated_name_after(doc, ctx, end, kb_tokens) is None):
        return None
    head = toks.lower[end - 1]
    if (head in ctx.lex.actors.org_heads or head in ctx.lex.actors.place_heads
            or names_a_title(toks.span_text(start, end), ctx)):
        return None
    label = toks.span_text(start, end)
    return Candidate(start, end, new_key("Person", label), "Person", "speech-cue", label)


def _past_owned_title(toks, ctx: EntityContext, i: int, kb_tokens: set[int]) -> int | None:
    """ '"…," said Marina Silva's former adviser, X, …': the token after the comma that closes
    an owner's name, its possessive, a past or current adjective and a title, or None."""
    n = len(toks.text)
    j = i
    while j < n and j - i < 4 and (j in kb_tokens or (toks.text[j][:1].isupper() and toks.text[j].isalpha())):
        j += 1
    if j == i or j >= n or toks.lower[j] not in ctx.lex.grammar.possessive:
        return None
    j += 1
    roles = ctx.lex.roles
    if j < n and (toks.lower[j] in roles.not_current or toks.lower[j] in roles.current_adjectives):
        j += 1
    if j + 2 >= n or toks.lower[j] not in ctx.lex.title_words or toks.text[j + 1] != ",":
        return None
    return j + 2


def repeated_full_names(doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
    """A person the text introduced by a cue, named in full again where no cue stands
    ("Hans Grundberg of the United Nations"): the same person."""
    toks = tokens_of(doc)
    people = {}
    for c in chosen:
        if c.type == "Person" and c.key.startswith("new:") and c.end - c.start >= 2:
            people.setdefault(toks.text[c.start], []).append((tuple(toks.text[c.start:c.end]), c))
    if not people:
        return []
    covered = {i for c in chosen for i in range(c.start, c.end)}
    text = tokens_of(doc).text
    out = []
    named = toks.where_text(people.keys())
    if not named:
        return []
    for i in [i for i in named if i not in covered]:
        for words, c in people[text[i]]:
            end = i + len(words)
            if tuple(text[i:end]) == words and not covered.intersection(range(i, end)):
                out.append(Candidate(i, end, c.key, "Person", "alias", c.label))
                covered.update(range(i, end))
                break
    return out


def persons_in_lists(doc: Doc, ctx: EntityContext, chosen: list[Candidate], titles: list[TitleSpan]) -> list[Candidate]:
    """ "Stephane Visconti of France, Andrew Schofer of the United States, and Igor Khovaev of
    Russia": a capitalised name listed after a person, both with an "of <actor>", is a person too;
    so are two such names in a row, each with "of <country>", though no person is known: "The
    mediators (Ramon Altavilla of Peru and Tomas Verdugo of Chile) met"."""
    toks = tokens_of(doc)
    n = len(doc)
    lower = toks.lower
    queue = [c for c in chosen if c.type == "Person" and c.end - c.start >= 2 and c.end < n and lower[c.end] == "of"]
    # "X Y of (the) Z": a capitalised word on both sides of "of"; a pair needs two
    ofs = [i for i in toks.where({"of"}) if 0 < i < n - 1 and toks.text[i - 1][:1].isupper()
           and (toks.text[i + 1][:1].isupper() or lower[i + 1] in ctx.lex.grammar.articles)]
    if not queue and len(ofs) < 2:
        return []
    covered = {i for c in chosen for i in range(c.start, c.end)} | title_tokens(titles)
    known_at = {c.start: c for c in chosen}
    heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
    joins = ctx.lex.grammar.coordinators

    def qualifier_end(j: int, types: tuple[str, ...] = ("Country", "Organization")) -> int | None:
        """ "of (the) Russia" -> the end of Russia."""
        if j < n and lower[j] == "of":
            j += 1
            if j < n and lower[j] in ctx.lex.grammar.articles:
                j += 1
            known = known_at.get(j)
            if known is not None and known.type in types:
                return known.end
        return None

    def next_item(j: int, sentence: int) -> int | None:
        """The start of the list's next item after ``j`` (past a comma and a coordinator)."""
        start = j
        if j < n and toks.text[j] == ",":
            j += 1
        if j < n and lower[j] in joins:
            j += 1
        if j == start or j >= n or ctx.sent_of[j] != sentence:
            return None
        return j

    def listed_name(j: int) -> int | None:
        """The end of a name of two words or more at ``j`` that is neither a body's nor a title."""
        k = name_run(doc, ctx, j, ctx.lex.window.title_name_words, covered)
        if k - j < 2 or lower[k - 1] in heads or names_a_title(toks.span_text(j, k), ctx):
            return None
        return k

    out: list[Candidate] = []

    def add(j: int, k: int) -> Candidate:
        label = toks.span_text(j, k)
        c = Candidate(j, k, new_key("Person", label), "Person", "list", label)
        out.append(c)
        covered.update(range(j, k))
        return c

    # two unknown names in a row, each "of <country>": the pair makes both persons
    for i in ofs if len(ofs) >= 2 else ():
        end = qualifier_end(i, ("Country",))
        if end is None or i == 0 or i - 1 in covered:
            continue
        j = name_run_before(doc, ctx, i, ctx.lex.window.title_name_words, covered)
        if j == i or listed_name(j) != i or (j > 0 and name_token(doc, ctx, j - 1)):
            continue
        nxt = next_item(end, ctx.sent_of[i])
        k = listed_name(nxt) if nxt is not None else None
        if k is None or qualifier_end(k, ("Country",)) is None:
            continue
        queue.insert(0, add(j, i))
    while queue:
        p = queue.pop(0)
        qualified = qualifier_end(p.end)
        if qualified is None:
            continue  # without its own "of <actor>", a name after a person may be anything
        j = next_item(qualified, ctx.sent_of[p.start])
        k = listed_name(j) if j is not None else None
        if j is None or k is None or qualifier_end(k) is None:
            continue
        queue.insert(0, add(j, k))
    return out


def given_names_after_titles(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate],
                             titles: list[TitleSpan]) -> list[Candidate]:
    """ "Paraguayan President Santiago Pena": an ambiguous known place right after a title
    and before a name word is a given name, not the place (nor the country of its capital);
    so is a country's name, right after a title or its apposition comma, before a name word
    that ends the name ("Israel's defence minister, Israel Katz, said").  A title's "of
    <country>" is part of it here: "Foreign Minister of Armenia Ararat X"."""
    title_ends = {t.end for t in titles if not t.plural}
    plural_ends = {t.end for t in titles if t.plural}  # "Foreign Ministers Ararat X and Y": the ambiguous only
    if not title_ends and not plural_ends:
        return kb_cands
    toks = tokens_of(doc)
    n = len(doc)
    countries: dict[int, Candidate] | None = None
    for e in list(title_ends):
        if e + 1 < n and toks.lower[e] in ctx.lex.actors.title_prepositions:
            if countries is None:
                countries = {c.start: c for c in kb_cands if c.type == "Country"}
            country = countries.get(e + 1 + (toks.lower[e + 1] in ctx.lex.grammar.articles))
            if country is not None:
                title_ends.add(country.end)
    apposed = {e + 1 for e in title_ends if e + 1 < n and toks.text[e] == ","}
    before_apposition = _given_names_before_appositions(doc, ctx, kb_cands, titles)
    if not before_apposition and not any(
            c.start in title_ends or c.start in apposed
            or (c.start in plural_ends and c.ambiguous and c.type in ("Country", "Place")) for c in kb_cands):
        return kb_cands
    kb_tokens = {i for c in kb_cands for i in range(c.start, c.end)}

    def given_name(c: Candidate) -> bool:
        if c.start in plural_ends and c.start not in title_ends:
            return (c.ambiguous and c.type in ("Country", "Place") and c.end < n and c.end not in kb_tokens
                    and name_token(doc, ctx, c.end) and ctx.sent_of[c.end] == ctx.sent_of[c.start])
        if c.start in title_ends:
            if not (c.ambiguous and c.type in ("Country", "Place")) and not (c.type == "Country"
                                                                              and c.end - c.start == 1):
                return False
        elif c.start not in apposed or c.type != "Country" or c.end - c.start != 1:
            return False
        if not (c.end < n and c.end not in kb_tokens and name_token(doc, ctx, c.end)
                and ctx.sent_of[c.end] == ctx.sent_of[c.start]):
            return False
        if c.ambiguous and c.type in ("Country", "Place") and c.start in title_ends:
            return True
        return c.end + 1 >= n or toks.is_punct[c.end + 1] or not toks.text[c.end + 1][:1].isupper()

    starts = title_ends | apposed | plural_ends
    return [c for c in kb_cands
            if c.start not in before_apposition and (c.start not in starts or not given_name(c))]


def ambiguous_given_names(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """ "Victoria Rusk, a lawyer, said", "Jordan Pell said": a known place or country whose one
    Title-case word is also a given name (marked ambiguous) opens a two-word name, not the place:
    an unknown name word follows it (no body's or place's head word, no title) and ends the name
    (punctuation or a lower-case word after it).  Not after a place preposition, an article or a
    capitalised word ("talks in Georgia Velmar", "the Jordan Times", "New Jordan")."""
    toks = tokens_of(doc)
    n = len(doc)
    # the few that can be: one ambiguous word before a capitalised one
    maybe = [c for c in kb_cands if c.ambiguous and c.end - c.start == 1 and c.end + 1 < n
             and toks.text[c.end][:1].isupper()]
    if not maybe:
        return kb_cands
    heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
    kb_tokens: set[int] | None = None

    def given(c: Candidate) -> bool:
        nonlocal kb_tokens
        word, e = toks.text[c.start], c.end
        if (not c.ambiguous or c.type not in ("Country", "Place") or c.end - c.start != 1
                or not word[:1].isupper() or word.isupper() or e + 1 >= n
                or ctx.sent_of[e] != ctx.sent_of[c.start] or not name_token(doc, ctx, e)
                or toks.lower[e] in heads or toks.lower[e] in ctx.lex.titles
                or not (toks.is_punct[e + 1] or toks.text[e + 1].islower())):
            return False
        if c.start > 0 and ctx.sent_of[c.start - 1] == ctx.sent_of[c.start] and (
                toks.lower[c.start - 1] in ctx.lex.actors.locative or toks.lower[c.start - 1] in ctx.lex.grammar.articles
                or toks.text[c.start - 1][:1].isupper()):
            return False
        if kb_tokens is None:
            kb_tokens = {i for k in kb_cands for i in range(k.start, k.end)}
        return e not in kb_tokens

    given_starts = {c.start for c in maybe if given(c)}
    return [c for c in kb_cands if c.start not in given_starts] if given_starts else kb_cands


def ambiguous_first_words(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """ "the Caspian Barrel oil research centre", "the Jordan Times": a known place or country
    whose one Title-case word is marked ambiguous, after an article and before an unknown name
    word (no body's or place's head word, no title, no known name) that ends the capitalised run,
    is the first word of another name, not the place ("the Caspian Sea", "the Jordan Valley" are)."""
    toks = tokens_of(doc)
    n = len(doc)
    articles = ctx.lex.grammar.articles
    maybe = [c for c in kb_cands if c.ambiguous and c.end - c.start == 1 and c.type in ("Country", "Place")
             and 0 < c.start and c.end + 1 < n and toks.lower[c.start - 1] in articles
             and toks.text[c.end][:1].isupper()]
    if not maybe:
        return kb_cands
    heads = ctx.lex.actors.org_heads | ctx.lex.actors.place_heads
    kb_tokens = {i for k in kb_cands for i in range(k.start, k.end)}
    drop = set()
    for c in maybe:
        e = c.end
        if (toks.text[c.start].isupper() or e in kb_tokens or ctx.sent_of[e] != ctx.sent_of[c.start]
                or not name_token(doc, ctx, e) or toks.lower[e] in heads or toks.lower[e] in ctx.lex.titles
                or not (toks.is_punct[e + 1] or toks.text[e + 1].islower())):
            continue
        drop.add(c.start)
    return [c for c in kb_cands if c.start not in drop] if drop else kb_cands


def _given_names_before_appositions(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate],
                                    titles: list[TitleSpan]) -> set[int]:
    """Starts of one-word known countries or places that open a name before an apposition of a
    title ("Israel Velmar, Israel's defence minister, said", "Ararat Velmar, Armenia's foreign
    minister,"): the word is a given name, then an unknown name word and the comma; the title
    comes within [window] given_name_apposition tokens after the comma."""
    title_starts = {t.start for t in titles if not t.plural}
    if not title_starts:
        return set()
    toks = tokens_of(doc)
    n = len(doc)
    reach = ctx.lex.window.given_name_apposition
    known_tokens: set[int] | None = None  # made only once a candidate needs it
    out = set()
    for c in kb_cands:
        e = c.end
        if (c.end - c.start != 1 or c.type not in ("Country", "Place") or e + 1 >= n
                or toks.text[e + 1] != "," or not name_token(doc, ctx, e)
                or (c.start > 0 and toks.text[c.start - 1][:1].isupper() and toks.text[c.start - 1].isalpha())
                or (c.start > 0 and toks.lower[c.start - 1] in ctx.lex.actors.locative)):
            continue  # not "talks in Georgia Velmar, the minister said": a place after "in"
        if known_tokens is None:
            known_tokens = {i for k in kb_cands for i in range(k.start, k.end)}
        if e in known_tokens:
            continue  # the next word is part of a known name
        if any(t in title_starts for t in range(e + 2, min(n, e + 2 + reach))):
            out.add(c.start)
    return out


def ambiguous_surnames_after_titles(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate],
                                    titles: list[TitleSpan]) -> list[Candidate]:
    """ "Foreign Minister Therese Kayikwamba Wagner": an ambiguous known name of another kind
    (the "Wagner" of the Wagner Group) right after the unknown name words that follow a
    title ends that person's name."""
    if not titles or not any(c.ambiguous and c.type != "Person" for c in kb_cands):
        return kb_cands
    toks = tokens_of(doc)
    title_ends = {t.end for t in titles if not t.plural}
    kb_tokens = {i for c in kb_cands for i in range(c.start, c.end)}
    reach = ctx.lex.window.surname_after_title

    def surname(c: Candidate) -> bool:
        if not c.ambiguous or c.type == "Person":
            return False
        j = c.start
        while j not in title_ends and j - 1 >= 0 and c.start - j < reach and j - 1 not in kb_tokens \
                and toks.text[j - 1][:1].isupper() and name_token(doc, ctx, j - 1):
            j -= 1
        return j < c.start and j in title_ends and ctx.sent_of[j] == ctx.sent_of[c.start]

    return [c for c in kb_cands if not surname(c)]


def other_people_with_a_known_surname(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """ "Vagharshak Harutyunyan" is not the KB's Arayik Harutyunyan: a surname alias
    after an unknown first name names someone else."""
    toks = tokens_of(doc)
    covered = {i for c in kb_cands for i in range(c.start, c.end)}
    out = []
    for c in kb_cands:
        if c.type == "Person" and c.end - c.start == 1 and c.start > 0:
            j = name_run_before(doc, ctx, c.start, ctx.lex.window.surname_first_names, covered)
            if j < c.start and not names_a_title(toks.span_text(j, c.start), ctx):
                label = toks.span_text(j, c.end)
                out.append(Candidate(j, c.end, new_key("Person", label), "Person", "title-cue", label))
                continue
        out.append(c)
    return out


def short_name(doc: Doc, ctx: EntityContext, c: Candidate) -> str:
    """The name a person is called by later: the surname, but the given name of a patronymic
    ("Salman" of "Salman bin Abdulaziz")."""
    toks = tokens_of(doc)
    for i in range(c.start + 1, c.end - 1):
        if toks.lower[i] in ctx.lex.actors.patronymic_particles:
            return toks.text[c.start]
    if c.end - c.start >= 3 and toks.text[c.end - 2] == "-" and toks.text[c.end - 1].islower():
        return toks.text[c.start]  # "Cho Tae-yul": the family name first
    if c.end - c.start >= 3 and toks.lower[c.end - 1] in ctx.lex.actors.name_suffixes:
        return toks.text[c.end - 2]  # "Whipps" of "Surangel Whipps Jr."
    return toks.text[c.end - 1]


def inner_names(doc: Doc, ctx: EntityContext, chosen: list[Candidate]) -> dict[str, Candidate]:
    """The words of new persons' full names other than their short name ("Lin" of "Lin
    Jian", "Workneh" of "Workneh Gebeyehu"), each of one person only: a news story may call
    a person so (the family name first, a given name), read only before a speech verb."""
    toks = tokens_of(doc)
    forms: dict[str, Candidate] = {}
    clash: set[str] = set()
    for c in chosen:
        if c.type != "Person" or c.end - c.start < 2:
            continue
        short = short_name(doc, ctx, c)
        for i in range(c.start, c.end):
            word = toks.text[i]
            if word == short or not name_token(doc, ctx, i) or is_initial(word):
                continue
            if word in forms and forms[word].key != c.key:
                clash.add(word)
            forms[word] = c
    for c in chosen:  # a word that is itself some actor's name or short name
        if c.end - c.start == 1 and toks.text[c.start] in forms and forms[toks.text[c.start]].key != c.key:
            clash.add(toks.text[c.start])
    return {w: c for w, c in forms.items() if w not in clash}


def before_speech(doc: Doc, ctx: EntityContext, i: int) -> bool:
    """Token ``i`` stands right before a speech verb (past adverbs: "Lin also said")."""
    toks = tokens_of(doc)
    j = i + 1
    while j < len(doc) and toks.text[j].islower() and toks.lower[j] in ctx.lex.actors.adverbs_before_speech:
        j += 1
    return j < len(doc) and toks.lower[j] in ctx.lex.speech.verbs and ctx.sent_of[j] == ctx.sent_of[i]


def opens_clause_as_subject(doc: Doc, ctx: EntityContext, i: int) -> bool:
    """Token ``i`` opens its sentence before a lower-case word, as a subject does ("Abiy has
    also pressed for …" after "Prime Minister Abiy Ahmed"): a given name used as the short form."""
    toks = tokens_of(doc)
    sent_of = ctx.sent_of
    return (i > 0 and sent_of[i - 1] != sent_of[i] and i + 1 < len(doc) and sent_of[i + 1] == sent_of[i]
            and toks.text[i + 1].isalpha() and toks.text[i + 1].islower())


def longer_names_first(chosen: list[Candidate]) -> list[Candidate]:
    """A new person named by the last words of a longer new name, or by its first words, the
    one person of the article named so ("Bilawal Bhutto Zardari … Bhutto Zardari said",
    "President Hassan Sheikh Mohamud … Hassan Sheikh said"): that person."""
    full: dict[tuple[str, ...], set[str]] = {}
    labels: dict[str, str] = {}
    for c in chosen:
        if c.type == "Person" and c.key.startswith("new:"):
            words = tuple(c.label.split())
            labels[c.key] = c.label
            for n in range(2, len(words)):
                full.setdefault(words[-n:], set()).add(c.key)
                full.setdefault(words[:n], set()).add(c.key)
    if not full:
        return chosen
    out = []
    for c in chosen:
        if c.type == "Person" and c.key.startswith("new:") and len(c.label.split()) >= 2:
            owners = full.get(tuple(c.label.split()), set()) - {c.key}
            if len(owners) == 1:
                key = owners.pop()
                c = Candidate(c.start, c.end, key, "Person", "alias", labels[key])
        out.append(c)
    return out


def propagate_aliases(doc: Doc, ctx: EntityContext, chosen: list[Candidate]) -> list[Candidate]:
    """Later short forms of actors the text introduced: surnames, acronyms, heads."""
    toks = tokens_of(doc)
    sent_of, in_title = ctx.sent_of, ctx.in_title
    short: dict[str, Candidate] = {}
    clash: set[str] = set()
    for c in chosen:
        if not c.key.startswith("new:"):
            if c.type != "Organization" or c.role != "name" or c.end - c.start < 2:
                continue
            last = c.label.split()[-1] if c.label else ""
            if last.lower() in ctx.lex.actors.org_heads:
                f = last
                if f in short and short[f].key != c.key:
                    clash.add(f)
                short[f] = c
            continue
        forms = []
        if c.type == "Person" and c.end - c.start >= 2:
            forms.append(short_name(doc, ctx, c))
        forms.extend(a for a in c.kb_aliases if " " not in a)
        if c.type == "Organization" and c.rule == "org-head":
            head = c.label.split()[-1] if " of " not in c.label else c.label.split(" of ")[0].split()[-1]
            forms.append(head)
        for f in forms:
            if f in short and short[f].key != c.key:
                if short[f].type == "Person" and c.type == "Place" and c.rule == "gazetteer":
                    continue  # "Lorin Vasko … Vasko": the person's surname, not a spelling of Wasco
                if not (c.type == "Person" and short[f].type == "Place" and short[f].rule == "gazetteer"):
                    clash.add(f)
            short[f] = c
    # "Levon Sargsyan … Lawyers for Sargsyan … Sargsyan's wife, Nairi Sargsyan": a surname two
    # people named in full share is the one named last before it, not the KB's namesake
    shared: dict[str, list[Candidate]] = {}
    for f in clash:
        people = [c for c in chosen if c.type == "Person" and c.key.startswith("new:") and c.end - c.start >= 2
                  and short_name(doc, ctx, c) == f]
        if len(people) >= 2 and len(people) == len([c for c in chosen if c.key.startswith("new:") and (
                f in c.kb_aliases or (c.type == "Person" and c.end - c.start >= 2 and short_name(doc, ctx, c) == f))]):
            shared[f] = people
        short.pop(f, None)
    for c in chosen:
        # "Foreign Minister Sugiono … According to Sugiono": a person known by one name, who
        # keeps it, unless the text gives that word to someone named in full
        f = toks.text[c.start]
        if c.type == "Person" and c.rule == "title-cue" and c.end - c.start == 1 and c.key.startswith("new:") \
                and f not in short and f not in clash:
            short[f] = c
    inner = {w: c for w, c in inner_names(doc, ctx, chosen).items() if w not in short}
    if not short and not inner and not shared:
        return chosen
    # a surname the KB knows, but this article named someone else with it in full
    named_in_full = {c.key for c in chosen if c.type == "Person" and c.end - c.start >= 2}
    if shared:
        chosen = [_last_named_before(c, shared[toks.text[c.start]])
                  if (c.type == "Person" and c.end - c.start == 1 and toks.text[c.start] in shared
                      and c.key.startswith("kb:") and c.key not in named_in_full) else c
                  for c in chosen]
    # a known surname, or a single name after a title ("King Salman"), of someone named in full
    # also a place only the gazetteer knows ("According to Vasko, …" after "Lorin Vasko": not Wasco)
    chosen = [
        Candidate(c.start, c.end, short[toks.text[c.start]].key, "Person", "alias", short[toks.text[c.start]].label)
        if (c.end - c.start == 1 and toks.text[c.start] in short and short[toks.text[c.start]].type == "Person"
            and ((c.type == "Person" and c.key not in named_in_full
                  and (c.key.startswith("kb:") or c.rule == "title-cue"))
                 or (c.type == "Place" and c.rule == "gazetteer")))
        else c
        for c in chosen
    ]
    covered = set()
    for c in chosen:
        covered.update(range(c.start, c.end))
    extra = []
    for i in toks.where_text(short.keys()):
        c = short[toks.text[i]]
        if i in covered or sent_of[i] < 0 or in_title[i]:
            continue
        extra.append(Candidate(i, i + 1, c.key, c.type, "alias", c.label))
    for i in toks.where_text(inner.keys()):
        c = inner[toks.text[i]]
        if i in covered or i < c.end or sent_of[i] < 0 or in_title[i] or not (
                before_speech(doc, ctx, i) or opens_clause_as_subject(doc, ctx, i)):
            continue
        extra.append(Candidate(i, i + 1, c.key, c.type, "alias", c.label))
    return sorted(chosen + extra, key=lambda c: c.start)


def national_chapters(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """ "Transparency International Georgia, a watchdog, said": a known organization of two words
    or more right followed by a known country's name, then no capitalised word nor possessive,
    is that organization's chapter in the country, one body of its own; neither the parent nor
    the country is named there."""
    toks = tokens_of(doc)
    n = len(doc)
    ends = {c.end for c in kb_cands if c.type == "Organization" and c.role == "name" and c.end - c.start >= 2}
    by_start = {c.start: c for c in kb_cands if c.start in ends and c.type == "Country" and c.role == "name"}
    if not by_start:
        return kb_cands
    merged: dict[int, Candidate] = {}
    drop: set[int] = set()
    for c in kb_cands:
        country = by_start.get(c.end)
        if (country is None or c.type != "Organization" or c.role != "name" or c.end - c.start < 2
                or toks.whitespace[c.end - 1] == "" or ctx.sent_of[c.start] != ctx.sent_of[country.start]):
            continue
        after = country.end
        if after < n and (toks.text[after][:1].isupper() or toks.lower[after] in ctx.lex.grammar.possessive):
            continue  # "the Transparency International Georgia Office", "… Georgia's"
        label = toks.span_text(c.start, country.end)
        merged[c.start] = Candidate(c.start, country.end, new_key("Organization", label), "Organization", "org-head", label)
        drop.update((id(c), id(country)))
    if not merged:
        return kb_cands
    return sorted([c for c in kb_cands if id(c) not in drop] + list(merged.values()), key=lambda c: c.start)


def _last_named_before(c: Candidate, people: list[Candidate]) -> Candidate:
    """Short form ``c`` as the last of ``people`` named in full before it (``c`` itself when
    none is)."""
    before = [p for p in people if p.end <= c.start]
    if not before:
        return c
    p = before[-1]
    return Candidate(c.start, c.end, p.key, "Person", "alias", p.label)


def countries_own_bodies(toks: TokenTable, lex: Lexicon, chosen: list[Candidate]) -> list[Candidate]:
    """ "Armenia's Security Council secretary", "the secretary of Armenia's Security Council": an
    ambiguous known organization's name right after a country's possessive is that country's own
    body ("Security Council of Armenia"), not the actor the name alone is matched to (the UN's)."""
    if not any(c.ambiguous and c.type == "Organization" for c in chosen):
        return chosen
    country_at = {c.end: c for c in chosen if c.type == "Country" and c.role == "name"}
    out = []
    for c in chosen:
        owner = (country_at.get(c.start - 1) if c.ambiguous and c.type == "Organization" and c.start > 1
                 and c.end - c.start >= 2 else None)
        if owner is not None and toks.lower[c.start - 1] in lex.grammar.possessive and owner.label not in c.label:
            # not "Russia's Foreign Intelligence Service", "Channel One Russia": the actor is the country's
            label = f"{toks.span_text(c.start, c.end)} of {owner.label}"
            c = Candidate(c.start, c.end, new_key("Organization", label), "Organization", "alias", label)
        out.append(c)
    return out

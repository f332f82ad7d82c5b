"""Reported speech: what someone said without quotation marks.

Rules (the ``rule`` of each statement):

``reported``      "X said (that) …", "X told …", "…, X said Wednesday.", "…, saying that …"
                  (the speaker of the main clause), "…, said Russian President Putin.",
                  "X was quoted as saying …", "Reuters quoted X as saying …", "A and B said"
                  (each of them); never an actor inside a prepositional phrase ("leaders
                  of A and B said"), the hearer of "told", or a trailing "…, Reuters
                  reported" over another speaker's statement
``according-to``  "According to X, …", "Citing X, …"
``announced``     "X made the following statement:" then the next sentence, unquoted

A verb that frames a direct quote is not reported speech again: :mod:`kg.nlp.quotes`
reads the quotes of a sentence first and passes the frame verbs it used.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc

from kg.nlp.doc import TokenTable, TokMention, tokens_of
from kg.nlp.lexicon_groups import SpeechWords
from kg.nlp.speakers import (
    STOP,
    QuoteContext,
    Speaker,
    add_statement,
    agent_of_participle,
    candidate_ending_at,
    first_candidate,
    in_prepositional_phrase,
    mention_end,
    quoting_speaker,
    speaker_after_verb,
    speaker_before_verb,
)

#: Punctuation trimmed from the ends of a reported statement.
STATEMENT_TRIM = " ,;:—–-"


def _says_how_much(toks: TokenTable, i: int, b: int, speech: SpeechWords) -> bool:
    """Whether the speech verb at ``i`` is followed by an amount of speech, not a statement."""
    amount = i + 1
    if amount >= b or toks.lower[amount] not in speech.silence_words:
        return False
    return amount + 1 >= b or toks.lower[amount + 1] in speech.silence_followers


def read_reported(ctx: QuoteContext, k: int, s_start: int, s_end: int, frame_verbs: set[int]) -> None:
    """Statements of reported speech in sentence ``k`` (characters ``s_start:s_end``)."""
    doc, lex = ctx.doc, ctx.lex
    toks = tokens_of(doc)
    speech, win, conf = lex.speech, lex.window, lex.confidence
    span = toks.expand_span(s_start, s_end)
    if span is None:
        return
    a, b = span
    announced(ctx, k, a, b)
    lower, cue_tokens = ctx.lower, ctx.cue_tokens  # the sentence's words that may open reported speech
    for i in cue_tokens[bisect.bisect_left(cue_tokens, a):bisect.bisect_left(cue_tokens, b)]:
        low = lower[i]
        if ctx.in_quote[i] or i in frame_verbs:
            continue
        if low == "according" and i + 1 < b and toks.lower[i + 1] == "to":
            according_to(ctx, k, i, a, b)
            continue
        if low in speech.citing and i == a:  # "Citing spokesman X, the agency reported that …"
            according_to(ctx, k, i, a, b, words=1)
            continue
        if low in speech.statement_nouns:
            in_statement(ctx, k, i, a, b)  # "The ministry welcomed the decision in a statement"
            continue
        quoting = low in speech.quoting_verbs
        particle = speech.phrasal_verbs.get(low)
        if particle is not None and not (i + 1 < b and toks.lower[i + 1] == particle):
            continue  # "called it a mistake": no speech; "called on X to …" is
        if low not in speech.verbs and not quoting and particle is None:
            continue
        if i > a and toks.lower[i - 1] in lex.grammar.articles:
            continue  # "is cited as a warning of what a break can cost": a noun, no speech
        if i > a and (toks.lower[i - 1] in lex.grammar.possessive_determiners
                      or (low.endswith("s") and toks.lower[i - 1] in speech.possession_verbs)):
            continue  # "A and B have claims in the sea", "their claims": a noun, no speech
        if not quoting and i + 1 < b and toks.lower[i + 1] in speech.act_prepositions:
            continue  # "Baku responded by arresting …": an act, not speech ("quoted by" is a channel)
        if not quoting and _says_how_much(toks, i, b, speech):
            continue  # "X has said little about it": how much was said, no statement
        if (low in speech.demand_verbs and i + 1 < b and toks.lower[i + 1] in speech.demand_prepositions
                and not _speech_follows(ctx, i, b)):
            continue  # "India insists on the distinction": a demand; "insisted on Monday that …" is speech
        v_end = i  # the verb a trailing statement ends with ("was quoted by local media as saying")
        if quoting:
            for link in range(i + 1, min(b, i + win.quoting_link)):
                if (toks.lower[link] in speech.quoting_links and link + 1 < b
                        and toks.lower[link + 1] in speech.verbs):
                    v_end = link + 1
                    frame_verbs.add(v_end)
                    break
        # the verb introduces a direct quote: already a statement
        nxt = i + 1
        while nxt < b and toks.text[nxt] in (":", ","):
            nxt += 1
        if nxt < b and ctx.in_quote[nxt] and toks.text[nxt] in ('"', "“", "«", "„"):
            continue
        if any(toks.text[j] == ":" and j + 1 < b and ctx.in_quote[j + 1]
               for j in range(i + 1, min(b, i + win.quote_colon))):
            continue  # "said in a statement: "…"": the quote is the statement
        inverted = None
        if (toks.text[i - 1] == "," and i > a and not quoting and low not in speech.participles
                and low not in speech.recipient_verbs):
            inverted = speaker_after_verb(ctx, i + 1)  # "…, said Russian President Putin."
            listed = conjuncts_after(ctx, inverted, b) if inverted is not None else []
            tail = listed[-1].end if listed else (mention_end(ctx, inverted) if inverted is not None else 0)
            if inverted is not None and (in_prepositional_phrase(ctx, inverted.start)
                                         or not ends_soon(ctx, tail - 1, b)):
                inverted = None
            if inverted is not None:
                # "Its executive secretary, X, said Peru, a founding member, backed it": the
                # subject named right before the comma is the speaker, no inverted frame
                subject = first_candidate(ctx, k, i - 1)
                if subject is not None and subject.how == "mention" and mention_end(ctx, subject) == i - 1:
                    inverted = None
        if inverted is not None:
            found = inverted
        elif quoting:
            found = quoting_speaker(ctx, i, k)
        elif low in speech.participles and _participle_subject(ctx, i) is not None:
            found = _participle_subject(ctx, i)  # "…, with spokeswoman Maria Zakharova saying …"
        elif low in speech.participles:
            # "…, Akar said, reiterating …": the speaker of the sentence's main clause
            own = [st for st in ctx.statements if st.sentence == k]
            found = (Speaker(own[-1].speaker, a, "mention") if own
                     else first_candidate(ctx, k, i - 1 if toks.text[i - 1] == "," else i))
        elif i > a and toks.lower[i - 1] in speech.verb_coordinators:
            found = first_candidate(ctx, k, i - 1)
            if found is not None and _owner_of_subject(ctx, found):
                found = None  # "Georgia's opposition welcomed the sanctions but said …": not Georgia
        else:
            found = speaker_before_verb(ctx, i, k) or conjunct_before_description(ctx, i, k, a)
        if found is None:
            continue
        if (low in speech.object_verbs and not (low in speech.participles and toks.text[i - 1] == ",")
                and not _speech_follows(ctx, i, b)):
            continue  # "added adjustments to the proposal", but "…, adding the plan works"
        if ctx.entities[found.key].type == "Place" and found.how != "metonym":
            continue
        # trailing: "…, the organization said via its website Tuesday."
        lead = found.start
        steps = 0  # back over the speaker's title: "…, Russian President Vladimir Putin said"
        while lead > a and steps < win.speaker_title_words and _title_word_before(ctx, lead):
            lead -= 1
            steps += 1
            voice = next((v for v in speech.organization_voices
                          if lead - len(v) > a and tuple(toks.lower[lead - len(v):lead]) == v), None)
            if voice is not None and toks.lower[lead] in lex.speech.prepositions:
                lead -= len(voice)  # "…, the press service of the Defense Ministry reported"
        if inverted is None and lead - 1 > a and toks.text[lead - 1] == ",":
            # "…, the council's secretary-general, Aro Pell, said": back over the title in commas
            title = lead - 1
            while title > a and lead - 1 - title < win.speaker_title_words and _title_word_before(ctx, title):
                title -= 1
            if (a < title < lead - 1 and toks.text[title - 1] == ","
                    and any(toks.lower[t] in lex.titles for t in range(title, lead - 1))):
                lead = title
        if inverted is not None:
            lead = i
        if lead > a + win.trailing_lead and toks.text[lead - 1] == "," and (
                inverted is not None or ends_soon(ctx, v_end, b)):
            if inverted is None and toks.lower[lead] in speech.clause_openers:
                continue  # "A expelled two diplomats, and B responded in kind": a clause of its own
            start_c, end_c = toks.idx[a], toks.idx[lead - 1]
            if any(st.sentence == k and st.speaker != found.key and start_c <= st.start < end_c
                   for st in ctx.statements):
                continue  # "X told Y that …, Reuters reported": the agency is the channel
        elif quoting and v_end == i:
            continue  # "BelTA quotes X" with no statement after it
        else:
            i_text = v_end
            j = i_text + 1
            reach = min(b, i_text + win.that_probe)
            if (i_text + 1 < b and toks.lower[i_text + 1] in speech.setting_prepositions
                    and "," not in toks.text[i_text + 1:reach]):
                # "said at a regular press briefing on Monday that …", up to a comma: not "said in
                # his address to X, adding that …"
                while reach < min(b, i_text + win.that_probe_setting) and toks.text[reach - 1] != ",":
                    reach += 1
            about = i_text + 1 < b and toks.lower[i_text + 1] in speech.complement_prepositions
            finite = next((p for p in range(i_text + 1, reach) if toks.lower[p] in speech.clause_finite_verbs), reach)
            reach = min(reach, finite)  # "said Europe's mission had shown that …": the clause's own "that"
            for probe in range(i_text + 1, reach):
                if toks.lower[probe] == "that":
                    if about and probe + 1 < b and toks.lower[probe + 1] in speech.relative_that_verbs:
                        continue  # "warned against any route that would …": the route's clause
                    j = probe + 1
                    break
            else:  # "said Sunday there was …": step over the time words
                if (low in speech.recipient_verbs or low in speech.informing_verbs) and j < b:
                    # "told reporters the border …": over the hearer
                    hearer = next(iter(ctx.by_start_tok.get(j, ())), None)
                    if hearer is None and j + 2 < b and toks.lower[j] in lex.grammar.articles:
                        # "told the ABC the plan …", "told the Financial Times it …": an outlet or
                        # a body the knowledge base does not know, its capitalised words
                        e = j + 1
                        while e < b and e - j <= win.hearer_name_words and toks.text[e][:1].isupper() and toks.text[e].isalpha():
                            e += 1
                        j = e - 1 if e > j + 1 and e < b else j
                    j = hearer.end if hearer is not None else j + 1
                    while hearer is None and j < b and toks.text[j - 1][:1].isupper() and toks.text[j][:1].isupper():
                        j += 1  # a hearer's name no mention holds ("informed Tomas Verdugo of …")
                    if j < b and toks.lower[j] in speech.hearer_topic_prepositions:
                        continue  # "had informed Moscow of the decision": a topic, no statement
                while (j < b and (toks.lower[j] in speech.between or toks.text[j] in (":", ","))
                       and toks.lower[j] not in lex.grammar.articles):
                    j += 1
            if j >= b:
                continue
            start_c = toks.idx[j]
            end_c = _channel_start(ctx, j, b) or _sentence_end(doc, b)
        raw = ctx.layout.text[start_c:end_c]
        text = raw.strip(STATEMENT_TRIM)
        start_c += len(raw) - len(raw.lstrip(STATEMENT_TRIM))  # the statement's span starts at its first word
        if len(text.split()) < win.statement_words:
            continue
        confidence = conf.reported_named if found.how == "mention" else conf.reported_described
        add_statement(ctx, k, found.key, start_c, start_c + len(text), False, "reported", confidence)
        if found.how == "mention" and inverted is None and not quoting and low not in speech.participles:
            for other in conjuncts(ctx, found, k):  # "Russia and Turkey said": both
                add_statement(ctx, k, other.key, start_c, start_c + len(text), False, "reported", confidence)
        elif inverted is not None:
            for other in listed:  # "…, said Germany, France and Britain."
                add_statement(ctx, k, other.key, start_c, start_c + len(text), False, "reported", confidence)


def _title_word_before(ctx: QuoteContext, lead: int) -> bool:
    """The word before token ``lead`` can belong to a speaker's title ("Russian President",
    "its spokesperson", "the country's", "party chair", "Representative for Foreign Affairs")."""
    lex = ctx.lex
    toks = tokens_of(ctx.doc)
    before = toks.lower[lead - 1]
    return (before in lex.title_words
            or before in lex.speech.frame_modifiers  # "party chair X"
            or before in lex.grammar.possessive_determiners  # "its spokesperson X"
            or (toks.lower[lead] in lex.grammar.possessive and toks.text[lead - 1].isalpha())  # "the country's"
            or before in lex.grammar.possessive
            or before == "the"
            or before == "-"  # "secretary-general"
            or toks.text[lead - 1][:1].isupper()
            # "Representative for Foreign Affairs and …"
            or (before in lex.actors.connectors and toks.text[lead][:1].isupper()))


def _participle_subject(ctx: QuoteContext, i: int) -> Speaker | None:
    """The person a speech participle at token ``i`` follows right after "with" and a title
    ("…, with spokeswoman Maria Zakharova saying …"): that person speaks, not the clause's
    subject; else None."""
    toks = tokens_of(ctx.doc)
    person = ctx.by_end.get(i)
    if person is None or ctx.entities[person.key].type != "Person":
        return None
    j = person.start
    while j > 0 and (toks.lower[j - 1] in ctx.lex.title_words or toks.lower[j - 1] in ctx.lex.grammar.articles):
        j -= 1
    if j < 1 or toks.lower[j - 1] not in ctx.lex.speech.participle_subject_links:
        return None
    return Speaker(person.key, person.start, "mention")


def conjuncts(ctx: QuoteContext, found: Speaker, k: int) -> list[Speaker]:
    """The speakers listed before ``found`` ("A, B and C said": A and B)."""
    doc, grammar = ctx.doc, ctx.lex.grammar
    toks = tokens_of(doc)
    out: list[Speaker] = []
    i = found.start - 1
    while i > 0 and toks.lower[i] in grammar.articles:
        i -= 1
    if i < 1 or toks.lower[i] not in grammar.coordinators:
        return out
    after_comma = None  # how many were listed when the walk crossed its last comma
    while i >= 1 and (toks.lower[i] in grammar.coordinators or (toks.text[i] == "," and out)):
        other = candidate_ending_at(ctx, i, k)
        if other is None or other.how != "mention" or other.key == found.key:
            break
        if ctx.entities[other.key].type == "Place":
            break
        if toks.text[i] == ",":
            after_comma = len(out)
        out.append(other)
        i = other.start - 1
        while i > 0 and toks.lower[i] in grammar.articles:
            i -= 1
    if out and i >= 0 and toks.lower[i] in ctx.lex.speech.prepositions:
        if after_comma is not None and agent_of_participle(ctx, i):
            return out[:after_comma]  # "mediated by the UAE, A and B said": only A (and B) speak
        return []  # "talks between A and B said" is no list of speakers
    return out


def conjuncts_after(ctx: QuoteContext, found: Speaker, b: int) -> list[TokMention]:
    """The actors listed after an inverted speaker ("said Germany, France and Britain",
    "said President X and Foreign Minister Y")."""
    grammar, lex = ctx.lex.grammar, ctx.lex
    out: list[TokMention] = []
    i = mention_end(ctx, found)
    while i + 1 < b and (ctx.lower[i] in grammar.coordinators or ctx.lower[i] == ","):
        j = i + 1
        while j < b and (ctx.lower[j] in grammar.articles or ctx.lower[j] in lex.title_words
                         or any(m.role == "demonym" for m in ctx.by_start_tok.get(j, ()))):
            j += 1  # over "Foreign Minister", "German"
        other = next((m for m in ctx.by_start_tok.get(j, ()) if m.role != "demonym"), None)
        if other is None or other.type == "Place" or other.key == found.key:
            break
        if in_prepositional_phrase(ctx, other.start):
            break  # "said X, the head of the European Commission": a description of X, no list
        out.append(other)
        if ctx.lower[i] in grammar.coordinators:
            break
        i = other.end
    return out


def conjunct_before_description(ctx: QuoteContext, v: int, k: int, a: int) -> Speaker | None:
    """ "…, Yerevan and the head of the UN refugee agency have said": the actor coordinated
    with an unnamed official opening the clause (after a comma or at the sentence's start)."""
    doc, lex = ctx.doc, ctx.lex
    toks = tokens_of(doc)
    pos, steps = v, 0
    while pos > a and steps < lex.window.speaker_steps and ctx.lower[pos - 1] in lex.speech.between:
        pos -= 1
        steps += 1
    titled = False
    i = pos - 1
    while i > a and pos - i < lex.window.speech_comma:
        low = ctx.lower[i]
        if low in lex.grammar.coordinators:
            break
        if toks.is_punct[i] or ctx.in_quote[i] or low in lex.speech.verbs:
            return None
        titled = titled or low in lex.titles  # "the head of …", "the foreign minister"
        i -= 1
    else:
        return None
    if not titled:
        return None
    found = candidate_ending_at(ctx, i, k)
    if found is None or found.how != "mention" or in_prepositional_phrase(ctx, found.start):
        return None
    before = found.start - 1
    return found if before < a or toks.text[before] == "," else None


def announced(ctx: QuoteContext, k: int, a: int, b: int) -> None:
    """ "X made the following statement:" ending the sentence before: sentence ``k`` (tokens
    ``a:b``) is X's statement, unquoted."""
    doc, speech = ctx.doc, ctx.lex.speech
    toks = tokens_of(doc)
    colon = a - 1
    while colon >= 0 and toks.is_space[colon]:
        colon -= 1
    if colon < 1 or toks.text[colon] != ":" or ctx.sent_of[colon] != k - 1 or ctx.in_quote[a]:
        return
    noun = next((t for t in range(colon - 1, max(-1, colon - 1 - ctx.lex.window.statement_noun_words), -1)
                 if toks.lower[t] in speech.statement_nouns), None)
    if noun is None:
        return
    issuer = next((m for m in ctx.by_sentence.get(k - 1, ()) if m.end <= noun and m.role not in ("demonym", "metonym")
                   and m.type != "Place" and not ctx.in_quote[m.start]), None)
    if issuer is None:
        return
    start_c, end_c = toks.idx[a], _sentence_end(doc, b)
    add_statement(ctx, k, issuer.key, start_c, end_c, False, "announced", ctx.lex.confidence.announced)


def _channel_start(ctx: QuoteContext, j: int, b: int) -> int | None:
    """Where a trailing channel ("…, Reuters reported.", "…, state news agency KUNA reported")
    starts in tokens ``j:b``, as a character offset; None when there is none."""
    doc, speech = ctx.doc, ctx.lex.speech
    toks = tokens_of(doc)
    for v in range(b - 1, j + 1, -1):
        if ctx.lower[v] not in speech.verbs:
            continue
        found = speaker_before_verb(ctx, v, ctx.sent_of[v])
        if found is None or not ends_soon(ctx, v, b):
            return None
        lead = found.start
        while lead > j and not toks.is_punct[lead - 1]:
            lead -= 1
        return toks.idx[lead - 1] if lead > j and toks.text[lead - 1] == "," else None
    return None


def _owner_of_subject(ctx: QuoteContext, found: Speaker) -> bool:
    """Whether the actor ``found`` only owns the subject: its possessive, then a lower-case noun
    that is neither a title nor one of its voices ([actors] metonym_heads): "Georgia's opposition"
    speaks, Georgia does not; "Peru's government" does."""
    toks = tokens_of(ctx.doc)
    end = mention_end(ctx, found)
    if end + 1 >= len(ctx.doc) or toks.lower[end] not in ctx.lex.grammar.possessive:
        return False
    noun = toks.lower[end + 1]
    return (toks.text[end + 1].islower() and noun not in ctx.lex.actors.metonym_heads
            and noun not in ctx.lex.title_words)


def _speech_follows(ctx: QuoteContext, v: int, b: int) -> bool:
    """After an object verb ("added"): "that", a colon or a comma, or nothing (the end of a trailing frame)."""
    doc, speech = ctx.doc, ctx.lex.speech
    toks = tokens_of(doc)
    j = v + 1
    while j < b and toks.lower[j] in speech.between and toks.text[j] != ",":
        j += 1
    return j >= b or toks.lower[j] == "that" or toks.text[j] in (":", ",", ".", ";")


def _sentence_end(doc: Doc, b: int) -> int:
    """The character offset where the sentence ending at token ``b`` ends, before its stop."""
    toks = tokens_of(doc)
    return toks.end_char(b - 1) if toks.text[b - 1] not in STOP else toks.idx[b - 1]


def ends_soon(ctx: QuoteContext, v: int, b: int) -> bool:
    """After the verb only a time or a channel: "said Wednesday.", "said in a statement." """
    rest = []
    first = v + 1
    toks = tokens_of(ctx.doc)
    if toks.lower[v] in ctx.lex.speech.recipient_verbs and first < b:
        # "…, X told Reuters on Monday": the hearer is no part of the statement
        hearer = next(iter(ctx.by_start_tok.get(first, ())), None)
        first = hearer.end if hearer is not None else first + 1
    for j in range(*slice(first, b).indices(len(toks.text))):
        if toks.text[j] == ",":
            break  # "…, Pashinyan said on Friday, accusing the alliance …"
        if not toks.is_punct[j]:
            if toks.lower[j] in ctx.lex.relations.speech_complementizers:
                return False  # "said in October that it would stay": what was said follows
            rest.append(j)
    return len(rest) <= ctx.lex.window.trailing_words and (
        not rest or toks.lower[rest[0]] in ctx.lex.speech.trailing_starts)


def according_to(ctx: QuoteContext, k: int, i: int, a: int, b: int, words: int = 2) -> None:
    """ "According to X, …" (or "Citing X, …", ``words=1``) at token ``i`` of sentence ``k`` (tokens ``a:b``)."""
    doc, win = ctx.doc, ctx.lex.window
    toks = tokens_of(doc)
    comma = next((j for j in range(i + words, min(b, i + win.according_comma)) if toks.text[j] == ","), None)
    if comma is None:
        according_to_after(ctx, k, i, a, b, words)
        return
    found = None
    for pos in range(comma, i + words, -1):
        found = candidate_ending_at(ctx, pos, k)
        if found is not None:
            break
    if found is None or comma + 1 >= b:
        return
    comma = _apposition_end(ctx, comma, b)  # "According to X, an expert at Y, the deal …"
    if comma + 1 >= b:
        return
    start_c = toks.idx[comma + 1]
    frame = _reporter_frame_end(ctx, comma + 1, b) if words == 1 else None
    if frame is not None:
        start_c = toks.idx[frame]  # "Citing X, RIA reported that the plane was hit": X's words are the clause
    end_c = _sentence_end(doc, b)
    text = ctx.layout.text[start_c:end_c].strip()
    if len(text.split()) >= win.statement_words:
        add_statement(ctx, k, found.key, start_c, start_c + len(text), False, "according-to",
                      ctx.lex.confidence.according_to)


def _apposition_end(ctx: QuoteContext, comma: int, b: int) -> int:
    """The comma that closes an apposition opened at ``comma`` ("According to X, an expert at
    Y, the deal …": an indefinite article, then a comma within [window] according_comma
    tokens), else ``comma``: the source's description is no part of what they say."""
    toks = tokens_of(ctx.doc)
    lex = ctx.lex
    j = comma + 1
    if j + 1 >= b:
        return comma
    if toks.lower[j] not in lex.grammar.indefinite_articles:
        return comma  # not "the": "According to X, the ministers also discussed …" is the claim
    return next((c for c in range(j + 1, min(b, j + lex.window.according_comma)) if toks.text[c] == ","), comma)


def _reporter_frame_end(ctx: QuoteContext, j: int, b: int) -> int | None:
    """After "Citing X," at token ``j`` (not "According to X,", where the frame is X's claim):
    the first token of the clause when a reporter's frame opens the rest ("RIA reported that …",
    "the agency said …": a speech verb within [window] reporter_frame_words, no punctuation
    before it, then "that" or the clause); else None."""
    toks = tokens_of(ctx.doc)
    for v in range(j, min(b - 2, j + ctx.lex.window.reporter_frame_words)):
        if toks.is_punct[v]:
            return None
        if toks.lower[v] in ctx.lex.speech.verbs and v > j and not toks.is_punct[v + 1]:
            return v + 2 if toks.lower[v + 1] == "that" else v + 1
    return None


def according_to_after(ctx: QuoteContext, k: int, i: int, a: int, b: int, words: int) -> None:
    """ "…, according to UN spokesman X.": the words before the comma are the statement of
    the actor that ends the sentence."""
    doc, win = ctx.doc, ctx.lex.window
    toks = tokens_of(doc)
    if i - 1 <= a or toks.text[i - 1] != "," or words != 2:
        return
    e = b
    while e > i + words and toks.is_punct[e - 1] and toks.text[e - 1] not in ('"', "”"):
        e -= 1
    found = candidate_ending_at(ctx, e, k)
    if found is None and own_source(ctx, i + words, e):
        found = first_candidate(ctx, k, i - 1)  # "X rejected it, according to a statement from his mission"
        if found is not None and found.start >= i:
            found = None
    elif found is not None and (found.start < i + words or (
            ctx.entities[found.key].type == "Place" and in_prepositional_phrase(ctx, found.start))):
        found = None  # "according to traders in London": a place where the source is, not the source
    if found is None or ctx.in_quote[i]:
        return
    speech, cues = ctx.lex.speech, ctx.cue_tokens
    if ctx.entities[found.key].type != "Person" and any(
            toks.lower[j] in speech.verbs or toks.lower[j] in speech.quoting_verbs
            for j in cues[bisect.bisect_left(cues, a):bisect.bisect_left(cues, i)]):
        return  # "X said …, according to the Saudi Press Agency": X speaks, the outlet reports it
    start_c, end_c = toks.idx[a], toks.idx[i - 1]
    text = ctx.layout.text[start_c:end_c].strip()
    if len(text.split()) >= win.statement_words:
        add_statement(ctx, k, found.key, start_c, start_c + len(text), False, "according-to",
                      ctx.lex.confidence.according_to)


def own_source(ctx: QuoteContext, j: int, e: int) -> bool:
    """Tokens ``j:e`` after "according to" are the subject's own source: "a statement from
    his mission", "her office", "its statement"; not a name nor someone else's."""
    toks = tokens_of(ctx.doc)
    speech = ctx.lex.speech
    if j < e and toks.lower[j] in ctx.lex.grammar.articles:
        j += 1
    if j < e and toks.lower[j] in speech.statement_nouns:
        j += 1
        if j < e and toks.lower[j] in speech.own_source_prepositions:
            j += 1
    return (j < e and toks.lower[j] in ctx.lex.grammar.possessive_determiners
            and e - j - 1 <= ctx.lex.window.own_source_words
            and all(toks.text[x].islower() for x in range(j, e)))


def in_statement(ctx: QuoteContext, k: int, i: int, a: int, b: int) -> None:
    """ "Syria's foreign ministry welcomed the decision in a statement, …": a sentence without
    a verb of saying whose act was done "in a statement" (statement noun at token ``i``) is a
    statement of its subject, the words before "in"."""
    toks = tokens_of(ctx.doc)
    speech = ctx.lex.speech
    det = i - 2 if i - 1 > a and toks.lower[i - 1] in speech.statement_adjectives else i - 1
    if det - 1 <= a or toks.lower[det - 1] != "in" or not (
            toks.lower[det] in ctx.lex.grammar.articles or toks.lower[det] in ctx.lex.grammar.possessive_determiners):
        return
    if i + 1 < b and (toks.lower[i + 1] in speech.agent_prepositions or toks.lower[i + 1] in speech.own_source_prepositions):
        return  # "X was named in a statement by the council": someone else's statement
    cues = ctx.cue_tokens
    if any(toks.lower[j] in speech.verbs or toks.lower[j] in speech.quoting_verbs
           for j in cues[bisect.bisect_left(cues, a):bisect.bisect_left(cues, b)]):
        return  # "X said in a statement that …": the verb's statement
    found = first_candidate(ctx, k, det - 1)
    if found is None or (ctx.entities[found.key].type == "Place" and found.how != "metonym"):
        return
    start_c, end_c = toks.idx[a], toks.idx[det - 1]
    text = ctx.layout.text[start_c:end_c].strip()
    if len(text.split()) >= ctx.lex.window.statement_words:
        add_statement(ctx, k, found.key, start_c, start_c + len(text), False, "in-statement",
                      ctx.lex.confidence.reported_described)

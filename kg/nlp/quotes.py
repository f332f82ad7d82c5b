"""Who said what: direct quotations, then reported speech, sentence by sentence.

Direct quotes are read from the quotation marks of each paragraph (straight or curly,
double or single; a quote may span sentences).  A quote's speaker comes from its frame:

``quote-after``     "…," Putin said. / "…," said Russian President Putin. / "…," he added. /
                    "…," the statement reads. / "…," read the statement. / "…," said a
                    declaration issued by X. / "…," BelTA quotes spokesman X. / "…," X, the
                    EU's envoy, said. / "…," adding that … (the sentence's subject)
``quote-before``    Peskov added: "…" / The Secretariat underlined "…" / It is noted, "…" /
                    BelTA quotes X as saying: "…"
``quote-embedded``  X praised the decision as an ‘…’ (a quote of six words or more inside a
                    sentence with no frame: the reported speaker whose statement holds it,
                    the agent after "by", else the subject)
``quote-continued`` a quote with no frame after a quote of the same paragraph or the one before

The speakers are found by :mod:`kg.nlp.speakers`; reported speech ("X said that …",
"According to X, …") by :mod:`kg.nlp.reported`.  Sentences are read in order because
a later sentence's "he added" or "the statement reads" means an earlier speaker.
:func:`find_statements` is the whole reading; it keeps nothing between documents.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.bounds import check_deadline
from kg.nlp.doc import TokMention, ensure_extensions, tokens_of
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.reported import read_reported
from kg.nlp.speakers import (
    SPEAKER_TYPES,
    STOP,
    QuoteContext,
    Speaker,
    add_statement,
    candidate_ending_at,
    first_candidate,
    impersonal_before,
    in_prepositional_phrase,
    last_sentence_of,
    last_speaker,
    mention_end,
    quoting_speaker,
    speaker_after_verb,
    speaker_before_verb,
    statement_speaker,
)
from kg.records import Statement

OPENERS = {"“": "”", "«": "»", "„": "“"}
#: Single quotation marks: a quote only when the closing mark ends a word ("the ‘all for all’
#: swap"), never the apostrophe inside one ("Russia’s").
SINGLE = {"‘": "’", "'": "'"}
#: Closing marks a straight double quote may end with when the text mixes them ("…,’ she said").
STRAY_CLOSERS = "’”"
MARKS = re.compile("[" + re.escape("".join(OPENERS) + '"' + "".join(SINGLE)) + "]")


class Quote(NamedTuple):
    start: int  # char offset of the quoted text (after the mark)
    end: int  # char offset where the quoted text ends (before the mark)
    open_tok: int  # token of the opening mark
    close_tok: int  # token of the closing mark (or the block end)
    words: int


class Frame(NamedTuple):
    """Who a quote's frame says spoke, by which rule, how surely."""

    speaker: str
    rule: str
    confidence: float


class QuoteReading(NamedTuple):
    """What :func:`find_statements` reads from a Doc."""

    statements: list[Statement]
    quotes: list[tuple[int, int]]  # char spans of quotations (inside the marks)
    pronoun_mentions: list[TokMention]  # "he" and "she" as speakers


def find_quotes(doc: Doc) -> list[Quote]:
    """The quotations of the body and captions, by their marks."""
    layout = doc._.kg_layout
    text = layout.text
    toks = tokens_of(doc)
    quotes = []
    for block in layout.blocks:
        if block.kind not in ("body", "caption"):
            continue
        i, end = block.start, block.end
        closers: dict[str, list[int]] = {}
        while i < end:
            found = MARKS.search(text, i, end)  # jump to the next quotation mark
            if found is None:
                break
            i = found.start()
            c = text[i]
            close = OPENERS.get(c) or ('"' if c == '"' else None)
            if close is None:
                j = _single_close(text, i, end, closers)
                if j < 0:
                    i += 1
                    continue
            else:
                j = text.find(close, i + 1, end)
                if j < 0 and c == '"':
                    j = _stray_close(text, i, end)
                if j < 0:
                    j = end  # a quote that runs to the end of the paragraph
            start_c, end_c = i + 1, j
            open_span = toks.expand_span(i, i + 1)
            close_span = toks.expand_span(j, min(j + 1, end)) if j < end else None
            if open_span is not None:
                close_tok = close_span[0] if close_span is not None else toks.expand_span(
                    start_c, end_c)[1] if end_c > start_c else open_span[0]
                quotes.append(Quote(start_c, end_c, open_span[0], close_tok, len(text[start_c:end_c].split())))
            i = j + 1
    return quotes


def _single_close(text: str, i: int, end: int, closers: dict[str, list[int]]) -> int:
    """The closing mark of a single-quoted quotation opening at ``i``, or -1.  ``closers``
    caches the marks of the paragraph that can close one (:func:`_closing_marks`)."""
    before = text[i - 1] if i > 0 else " "
    if not (before.isspace() or before in "([—–-") or i + 1 >= end or not text[i + 1].isalpha():
        return -1
    close = SINGLE[text[i]]
    marks = closers.get(close)
    if marks is None:
        marks = closers[close] = _closing_marks(text, close, i, end)
    k = bisect.bisect_right(marks, i)
    return marks[k] if k < len(marks) else -1


def _closing_marks(text: str, close: str, start: int, end: int) -> list[int]:
    """The offsets of ``close`` in ``text[start:end]`` that end a word: not before a letter
    or digit, not after a space ("the ‘all for all’ swap", not "Russia’s").  Read once per
    paragraph, so that a paragraph of openers without closers is not searched once per opener."""
    out = []
    j = text.find(close, start, end)
    while j >= 0:
        after = text[j + 1] if j + 1 < end else " "
        if j > 0 and not after.isalnum() and not text[j - 1].isspace():
            out.append(j)
        j = text.find(close, j + 1, end)
    return out


def _stray_close(text: str, i: int, end: int) -> int:
    """A straight double quote with no straight closer: a curly closing mark right after a
    comma or a full stop and before a space ("…,’ Zakharova said"), or -1."""
    for j in range(i + 2, end):
        if text[j] in STRAY_CLOSERS and text[j - 1] in ",.!?" and (j + 1 >= end or text[j + 1].isspace()):
            return j
    return -1


def _framed(found: Speaker, ctx: QuoteContext, rule: str) -> Frame:
    conf = ctx.lex.confidence
    return Frame(found.key, rule, conf.quote_named if found.how == "mention" else conf.quote_described)


def frame_after(ctx: QuoteContext, q: Quote) -> Frame | None:
    """ "…," Putin said. / "…," said Putin. / "…," the statement reads."""
    doc, speech, conf = ctx.doc, ctx.lex.speech, ctx.lex.confidence
    toks = tokens_of(doc)
    j = q.close_tok + 1
    n = len(doc)
    if q.close_tok > q.open_tok + 1 and toks.text[q.close_tok - 1] == "." and j < n and toks.text[j][:1].isupper():
        return None  # '… from conflict." Greek Prime Minister X wrote …': a full stop ends the quote's sentence
    while j < n and toks.text[j] in (",", "…"):
        j += 1
    if j < n and toks.lower[j] in ctx.lex.roles.contrast_links:
        return None  # 'X said Y could leave "when the time comes", but Z told …': Z's clause, not the frame
    if (j + 1 < n and toks.lower[j] in ctx.lex.grammar.coordinators
            and toks.lower[j + 1] in speech.verbs):
        return None  # 'X said that Y "…" and accused Z of …': the verb shares X as subject, Z is its object
    window_end = min(n, j + ctx.lex.window.frame_after)
    v = None
    in_participle_clause = j < n and _opens_participle_clause(toks, speech, j)
    for i in range(j, window_end):
        word, low = toks.text[i], toks.lower[i]
        if word in STOP or word in ('"', "“", "”", "‘") or ctx.sent_of[i] < 0:
            break
        if word == ",":
            in_participle_clause = False
        if in_participle_clause:
            continue  # '"…", naming China and the Gulf states.': the clause's objects, no frame
        if low in speech.quoting_verbs:  # "…," BelTA quotes spokesman X. / "…," X was quoted as saying.
            found = quoting_speaker(ctx, i, ctx.sent_of[i])
            return _framed(found, ctx, "quote-after") if found is not None else None
        if (low in speech.verbs
                or (i == j and low in speech.inverted_verbs)  # '"… Europe?" asked X, a taxi driver'
                or (low in speech.statement_verbs and (i > j or statement_noun_after(ctx, i + 1) >= 0))):
            v = i
            break
    if v is None:
        return apposition_frame(ctx, j)
    kk = ctx.sent_of[v]
    if v == j and toks.lower[v] not in speech.recipient_verbs:
        noun = statement_noun_after(ctx, v + 1)
        if noun >= 0:  # "…," read the statement. / "…," said a joint declaration issued by X.
            return statement_frame(ctx, noun, kk)
    # "…," Josep Borrell, the EU's foreign policy chief, said.
    appositive = apposition_frame(ctx, j, v)
    if appositive is not None:
        return appositive
    # "the statement reads", "it added"
    if v - 1 >= j and toks.lower[v - 1] in speech.statement_nouns:
        own = ctx.by_end.get(v - 1)  # "a Kremlin statement said"
        if own is not None and own.start >= j and own.type in SPEAKER_TYPES and own.role != "demonym":
            return _framed(Speaker(own.key, own.start, "mention"), ctx, "quote-after")
        found = candidate_ending_at(ctx, v, kk)  # "the organisation's statement said"
        who = found.key if found is not None and found.start >= j else statement_speaker(ctx, kk)
        return Frame(who, "quote-after", conf.quote_statement) if who else None
    if v - 1 >= j and toks.lower[v - 1] == "it":
        who = last_speaker(ctx, kk)
        return Frame(who, "quote-after", conf.quote_it) if who else None
    # the speaker nearest before the verb, in the frame
    best = None
    for pos in range(v, j, -1):
        found = candidate_ending_at(ctx, pos, kk)
        if found is not None and found.start >= j:
            if not (found.how == "mention" and in_prepositional_phrase(ctx, found.start)):
                best = found  # but not "…," US Ambassador to the UN said
            break
    if best is None and v + 1 < n and toks.lower[v] not in speech.recipient_verbs:
        best = speaker_after_verb(ctx, v + 1)  # inverted: said Putin, said Russian President Putin
        if best is not None and in_prepositional_phrase(ctx, best.start):
            best = None
    if best is None and toks.lower[v] in speech.participles:
        # "…," adding that …: the subject of the sentence the quote is in
        best = first_candidate(ctx, kk, q.open_tok)
    if best is None:
        return None
    return _framed(best, ctx, "quote-after")


def _opens_participle_clause(toks, speech, j: int) -> bool:
    """Whether a lower-case participle that is no speech word opens the words at ``j`` after a
    quote ('"…", naming X and Y'): a clause whose subject is the main clause's."""
    low = toks.lower[j]
    return (toks.text[j].islower() and toks.text[j].isalpha() and low not in speech.participles
            and low not in speech.verbs and low not in speech.clause_participle_not
            and any(low.endswith(e) and len(low) > len(e) + 2 for e in speech.clause_participle_endings))


def statement_noun_after(ctx: QuoteContext, i: int) -> int:
    """The token of a statement noun starting a few words from ``i`` ("the statement",
    "a joint declaration"), or -1."""
    doc, speech = ctx.doc, ctx.lex.speech
    toks = tokens_of(doc)
    for t in range(i, min(len(doc), i + ctx.lex.window.statement_noun_words)):
        low = toks.lower[t]
        if low in speech.statement_nouns:
            return t
        if toks.is_punct[t] or ctx.in_quote[t] or not toks.text[t].islower():
            return -1
    return -1


def statement_frame(ctx: QuoteContext, noun: int, k: int) -> Frame | None:
    """ "…," read the statement. / "…," said a declaration issued by A and B."""
    doc, speech, conf = ctx.doc, ctx.lex.speech, ctx.lex.confidence
    toks = tokens_of(doc)
    for t in range(noun + 1, min(len(doc), noun + ctx.lex.window.statement_agent)):
        if toks.lower[t] in speech.agent_prepositions:
            found = speaker_after_verb(ctx, t + 1)
            return _framed(found, ctx, "quote-after") if found is not None else None
        if toks.is_punct[t]:
            break
    who = statement_speaker(ctx, k)
    return Frame(who, "quote-after", conf.quote_statement) if who else None


def apposition_frame(ctx: QuoteContext, j: int, v: int | None = None) -> Frame | None:
    """ "…," Josep Borrell, the EU's foreign policy chief, said: a person right after the
    quote, then a comma, a description and a comma before the verb."""
    doc, speech, win = ctx.doc, ctx.lex.speech, ctx.lex.window
    toks = tokens_of(doc)
    person = next((m for m in ctx.by_start_tok.get(j, ()) if m.type == "Person"), None)
    if person is None:
        # '"…," Deputy Prime Minister X, who oversees …, told reporters': a title before the name
        title = ctx.title_at(j)
        if title is not None:
            person = next((m for m in ctx.by_start_tok.get(title.end, ()) if m.type == "Person"), None)
    if person is None or person.end >= len(doc) or toks.text[person.end] != ",":
        return None
    k = ctx.sent_of[j]
    for i in range(person.end + 1, min(len(doc), person.end + win.speaker_comma)):
        if ctx.sent_of[i] != k or toks.text[i] in STOP or ctx.in_quote[i]:
            return None
        if toks.text[i] == ",":
            if i + 1 < len(doc) and toks.lower[i + 1] in speech.verbs and (v is None or v == i + 1):
                return _framed(Speaker(person.key, person.start, "mention"), ctx, "quote-after")
            return None
    return None


def frame_before(ctx: QuoteContext, q: Quote) -> Frame | None:
    """Peskov added: "…" / The Secretariat underlined "…" / It is noted, "…"."""
    doc, speech = ctx.doc, ctx.lex.speech
    toks = tokens_of(doc)
    pos = q.open_tok
    while pos > 0 and toks.text[pos - 1] in (":", ",", "-", "–", "—"):
        pos -= 1
    if pos > 0 and toks.lower[pos - 1] == "that":
        pos -= 1
    if pos <= 0 or ctx.sent_of[pos - 1] < 0:
        return None
    if impersonal_before(ctx, pos):
        who = last_speaker(ctx, ctx.sent_of[pos - 1])
        return Frame(who, "quote-before", ctx.lex.confidence.quote_impersonal) if who else None
    v = pos - 1
    if toks.lower[v] not in speech.verbs:
        # "X said in a statement on Telegram: "…"": the verb a few words before the colon
        colon = q.open_tok - 1
        while colon > 0 and toks.is_space[colon]:
            colon -= 1
        if toks.text[colon] == ",":
            return _inverted_frame_before(ctx, colon)
        if toks.text[colon] != ":":
            return None
        for i in range(colon - 1, max(-1, colon - ctx.lex.window.frame_before_colon), -1):
            if toks.is_punct[i] or ctx.sent_of[i] != ctx.sent_of[colon] or ctx.in_quote[i]:
                return _titled_person_before_colon(ctx, colon)
            if toks.lower[i] in speech.verbs:
                v = i
                break
        else:
            return _titled_person_before_colon(ctx, colon)
    kv = ctx.sent_of[v]
    found = None
    if v > 0 and toks.lower[v - 1] in speech.quoting_links:  # "BelTA quotes spokesman X as saying: "…""
        for i in range(v - 2, max(-1, v - 1 - ctx.lex.window.quoting_link), -1):
            if ctx.sent_of[i] != kv:
                break
            if toks.lower[i] in speech.quoting_verbs:
                found = quoting_speaker(ctx, i, kv)
                break
    if found is None:
        found = speaker_before_verb(ctx, v, kv)
    if found is None and v > 0 and toks.lower[v - 1] == "and":
        found = first_candidate(ctx, kv, v - 1)
    if found is None:
        return None
    return _framed(found, ctx, "quote-before")


def _inverted_frame_before(ctx: QuoteContext, comma: int) -> Frame | None:
    """ 'If it is not, said X, chairman of Y, a think tank, "…"': an inverted speech verb after a
    comma, its speaker and an apposition closed by the comma before the quote; else None."""
    toks = tokens_of(ctx.doc)
    speech = ctx.lex.speech
    k = ctx.sent_of[comma]
    for i in range(comma - 1, max(0, comma - ctx.lex.window.inverted_frame_before), -1):
        if ctx.sent_of[i] != k or toks.text[i] in STOP or ctx.in_quote[i]:
            return None
        low = toks.lower[i]
        if low in speech.verbs and not (low in speech.inverted_verbs and toks.text[i - 1] == ","):
            return None  # another verb of speech: its own frame
        if low in speech.inverted_verbs and toks.text[i - 1] == ",":
            found = speaker_after_verb(ctx, i + 1)
            if found is None:
                return None
            end = mention_end(ctx, found)
            if end != comma and toks.text[end] != ",":
                return None  # 'X, a fellow at Y, said Europe's mission had …, "…"': a clause, no inverted frame
            return _framed(found, ctx, "quote-before")
    return None


def _titled_person_before_colon(ctx: QuoteContext, colon: int) -> Frame | None:
    """ 'Russian Foreign Ministry spokeswoman Maria Zakharova: "…"': a sentence that is only a
    person (with their title) and a colon introduces that person's words; else None."""
    m = ctx.by_end.get(colon)
    k = ctx.sent_of[colon]
    if m is None or m.type != "Person" or m.role != "name" or m.sentence != k:
        return None
    found = first_candidate(ctx, k, colon)
    if found is None or found.key != m.key:
        return None
    return _framed(Speaker(m.key, m.start, "mention"), ctx, "quote-before")


def embedded_speaker(ctx: QuoteContext, k: int, q: Quote) -> str | None:
    """A quote inside a sentence with no frame of its own: the speaker of the reported
    statement it is part of ("X said the move was a ‘historic development …’"), else the
    subject of the sentence ("X praised the decision as an ‘important step …’")."""
    for st in ctx.statements:
        # "X said Washington wanted a ceasefire "that holds …"": a reported statement of the
        # sentence that holds the quote or runs into it
        if st.sentence == k and not st.direct and st.start < q.end and q.start < st.end:
            return st.speaker
    doc = ctx.doc
    toks = tokens_of(doc)
    for i in range(q.open_tok - 1, max(-1, q.open_tok - ctx.lex.window.quote_agent), -1):
        if ctx.sent_of[i] != k or toks.text[i] in STOP:
            break
        if toks.lower[i] in ctx.lex.speech.agent_prepositions:  # "described by the administration as "…""
            agent = speaker_after_verb(ctx, i + 1)
            if agent is None:
                return None
            end = next((m.end for m in ctx.by_start_tok.get(agent.start, ()) if m.key == agent.key), agent.start + 1)
            lex = ctx.lex
            between = ctx.lower[end:q.open_tok]  # "by the U.S. administration as a "…""
            if all(w in lex.speech.quoting_links or w in lex.grammar.articles or w in lex.actors.metonym_heads
                   or w in lex.title_words for w in between):
                return agent.key
            return None  # "signed by A and B, calls for "…"": an agent, but of another verb
    found = first_candidate(ctx, k, q.open_tok)
    if found is None or ctx.entities[found.key].type == "Place":
        return None
    later = _clause_subject(ctx, k, found.start, q.open_tok)
    if later is not None:
        return later
    i = found.start - 1
    while i >= 0 and ctx.sent_of[i] == k:
        if toks.lower[i] in ctx.lex.speech.verbs and not ctx.in_quote[i]:
            # "The Russian foreign minister said the group should resist "…"": the words after
            # the speech verb are what was said; its speaker, unread, is not "the group"
            return None
        i -= 1
    return found.key


def _clause_subject(ctx: QuoteContext, k: int, start: int, quote: int) -> str | None:
    """The subject of the last clause before a quote with no frame, opened by a comma and
    "and"/"but" ("Prime Minister X visited Baku, and President Y called Georgia "…""): the
    words are Y's.  None when no such clause opens after the sentence's subject at
    ``start``, or when the clause has no subject of its own ("…, and called it "…"")."""
    toks = tokens_of(ctx.doc)
    openers = ctx.lex.speech.clause_openers
    for c in range(quote - 2, start, -1):
        if ctx.sent_of[c] != k or ctx.in_quote[c]:
            return None
        if toks.text[c] != "," or toks.lower[c + 1] not in openers:
            continue
        subject = speaker_after_verb(ctx, c + 2)
        if subject is None or subject.start >= quote or ctx.entities[subject.key].type == "Place":
            return None
        lex = ctx.lex
        if all(w in lex.grammar.articles or w in lex.title_words or t[:1].isupper()
               for w, t in zip(ctx.lower[c + 2:subject.start], toks.text[c + 2:subject.start])):
            return subject.key
        return None
    return None


def _other_subject(ctx: QuoteContext, k: int, q: Quote, speaker: str) -> bool:
    """The sentence ``k`` that a short quote continues opens with an actor other than
    ``speaker`` ("Trump threatened … what he called the "anti-American policies"", after a
    paragraph quoting X): the words are that sentence's, not more of X's quote."""
    found = first_candidate(ctx, k, q.open_tok)
    return found is not None and found.key != speaker and ctx.entities[found.key].type != "Place"


def _inside_sentence(ctx: QuoteContext, q: Quote) -> bool:
    """The quote continues a sentence begun before it ("hailed the decision "…""), not one of its own."""
    b = q.open_tok - 1
    if b < 0 or ctx.sent_of[b] < 0 or ctx.sent_of[b] != ctx.sent_of[min(q.open_tok + 1, len(ctx.doc) - 1)]:
        return False
    toks = tokens_of(ctx.doc)
    return (not toks.is_space[b] and toks.text[b] not in STOP and toks.text[b] != ":" and not ctx.in_quote[b]
            and toks.lower[b] not in ctx.lex.speech.naming_words)  # "a resolution titled "…"" is a name


def _unclosed(ctx: QuoteContext, q: Quote) -> bool:
    """The quote runs to the end of its paragraph with no closing mark."""
    text = ctx.layout.text
    return q.end >= len(text) or text[q.end] not in "\"”»“’'"


def _characterizing_person(ctx: QuoteContext, q: Quote) -> str | None:
    """The person named right before a characterizing verb ([speech] characterizing_verbs)
    that a short quote closes, with at most a few words of its object between ("X called the
    deal "a gift to Beijing"", "a step that X called "a provocation""), or None: too short for
    an embedded quote, but the person's words all the same."""
    toks = tokens_of(ctx.doc)
    k = ctx.sent_of[q.open_tok]
    after = q.close_tok + 1
    if not (q.open_tok + 1 < len(ctx.doc) and toks.text[q.open_tok + 1].islower()) or not (
            toks.is_punct[q.close_tok - 1] or after >= len(ctx.doc) or toks.is_punct[after] or ctx.sent_of[after] != k):
        return None  # 'called the "Trump Route" a mistake': a name, not the person's words
    for v in range(q.open_tok - 1, max(-1, q.open_tok - 1 - ctx.lex.window.characterized_object), -1):
        if ctx.sent_of[v] != k or toks.is_punct[v] or toks.is_space[v] or ctx.in_quote[v]:
            return None
        if toks.lower[v] in ctx.lex.speech.characterizing_verbs:
            m = ctx.by_end.get(v)
            if m is None and v > 0 and toks.text[v - 1] == ",":
                m = _apposition_subject(ctx, v - 1, k)
            return m.key if m is not None and m.type == "Person" and m.role != "pronoun" else None
    return None


def _apposition_subject(ctx: QuoteContext, comma: int, k: int):
    """The person whose apposition the comma at ``comma`` closes, the subject of the verb after
    it: "Colombia's foreign minister, X, called …" (the person right before the comma) or "X,
    the foreign ministry spokeswoman, called …" (the person opening the sentence, then a comma,
    a description with no comma of its own); else None."""
    toks = tokens_of(ctx.doc)
    m = ctx.by_end.get(comma)
    if m is not None:
        return m
    a = comma - 1
    while a > 0 and ctx.sent_of[a - 1] == k:
        a -= 1
    m = next((x for x in ctx.by_start_tok.get(a, ()) if x.type == "Person"), None)
    if m is None or toks.text[m.end] != "," or comma - m.end - 1 > ctx.lex.window.characterized_apposition:
        return None
    return m if all(toks.text[i] != "," for i in range(m.end + 1, comma)) else None


def _standalone(ctx: QuoteContext, q: Quote) -> bool:
    """A short quote that is a whole sentence of its own, not a fragment."""
    before = tokens_of(ctx.doc).text[q.open_tok - 1] if q.open_tok > 0 else "\n"
    return before.strip() == "" or before in (":",)


def _mark_frame_verbs(ctx: QuoteContext, q: Quote, frame_verbs: set[int]) -> None:
    """The speech verb after a quote framed after it: not reported speech again."""
    doc = ctx.doc
    toks = tokens_of(doc)
    for i in range(q.close_tok + 1, min(len(doc), q.close_tok + ctx.lex.window.frame_verb_mark)):
        if toks.text[i] in STOP:
            break
        if toks.lower[i] in ctx.lex.speech.quoting_verbs:
            frame_verbs.add(i)
        if toks.lower[i] in ctx.lex.speech.verbs:
            if toks.lower[i] not in ctx.lex.speech.participles:  # "…," adding that …: a statement of its own
                frame_verbs.add(i)
            break


def _add_quote(ctx: QuoteContext, k: int, speaker: str, q: Quote, rule: str, confidence: float) -> None:
    add_statement(ctx, k, speaker, q.start, q.end, True, rule, confidence,
                  last_sentence_of(ctx, q.open_tok, q.close_tok))


def find_statements(doc: Doc, lex: Lexicon) -> QuoteReading:
    """Direct quotes and reported speech of a Doc with mentions, in text order."""
    ctx = QuoteContext.of(doc, lex)
    win, conf = lex.window, lex.confidence
    layout = doc._.kg_layout
    quotes = find_quotes(doc)
    for q in quotes:
        for i in range(q.open_tok, min(q.close_tok + 1, len(doc))):
            ctx.in_quote[i] = True
    frame_verbs: set[int] = set()
    quote_by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        k = ctx.sent_of[q.open_tok + 1] if q.open_tok + 1 < len(doc) else -1
        if k < 0:
            k = ctx.sent_of[q.open_tok]
        quote_by_sentence.setdefault(k, []).append(q)

    previous_quote_speaker: tuple[int, str] | None = None  # (last sentence of the quote, speaker)
    pending: list[tuple[int, Quote]] = []  # quotes running to the end of their paragraph, unframed
    for k, (s_start, s_end, zone) in enumerate(layout.sentences):
        check_deadline(doc)
        if zone == "title":
            continue
        embedded: list[Quote] = []  # quotes inside a sentence with no frame of their own
        for q in quote_by_sentence.get(k, ()):
            if q.words < lex.speech.min_embedded_quote_words:
                who = _characterizing_person(ctx, q)
                if who is not None:  # "a step that Foreign Minister X called "a provocation""
                    _add_quote(ctx, k, who, q, "quote-embedded", conf.quote_embedded)
                    previous_quote_speaker = (last_sentence_of(ctx, q.open_tok, q.close_tok), who)
                    continue
            if q.words < lex.speech.min_direct_quote_words and not _standalone(ctx, q):
                continue
            found = frame_after(ctx, q) or frame_before(ctx, q)
            inside = found is None and _inside_sentence(ctx, q)
            if inside and q.words >= lex.speech.min_embedded_quote_words:
                embedded.append(q)
                continue
            if found is not None:
                speaker, rule, confidence = found
                # a quote of several paragraphs is framed once, in its last paragraph
                for kk, earlier in pending:
                    if k - kk <= win.quote_continued_sentences:
                        _add_quote(ctx, kk, speaker, earlier, "quote-continued", conf.quote_continued)
                pending = []
            elif (previous_quote_speaker is not None and k - previous_quote_speaker[0] <= win.quote_previous_sentences
                  and not (inside and _other_subject(ctx, k, q, previous_quote_speaker[1]))):
                speaker, rule, confidence = previous_quote_speaker[1], "quote-continued", conf.quote_continued
            else:
                if _unclosed(ctx, q):
                    pending.append((k, q))
                continue
            _add_quote(ctx, k, speaker, q, rule, confidence)
            previous_quote_speaker = (last_sentence_of(ctx, q.open_tok, q.close_tok), speaker)
            if rule == "quote-after":
                _mark_frame_verbs(ctx, q, frame_verbs)
        read_reported(ctx, k, s_start, s_end, frame_verbs)
        for q in embedded:
            who, rule, confidence = embedded_speaker(ctx, k, q), "quote-embedded", conf.quote_embedded
            if who is None and previous_quote_speaker is not None and (
                    k - previous_quote_speaker[0] <= win.quote_previous_sentences):
                who, rule, confidence = previous_quote_speaker[1], "quote-continued", conf.quote_continued
            if who is None:
                continue
            _add_quote(ctx, k, who, q, rule, confidence)
            previous_quote_speaker = (last_sentence_of(ctx, q.open_tok, q.close_tok), who)
    return QuoteReading(ctx.statements, [(q.start, q.end) for q in quotes], ctx.pronoun_mentions)


class QuoteReader:
    """spaCy component ``kg_quotes``: :func:`find_statements` onto the Doc.

    Sets ``Doc._.kg_statements`` and ``kg_quotes``; adds the pronouns it resolved to
    ``kg_mentions`` and counts them on ``kg_entities``.  It holds only the lexicon.
    """

    def __init__(self, nlp: Language, lex: Lexicon | None = None):
        ensure_extensions()
        self.lex = lex or load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        reading = find_statements(doc, self.lex)
        doc._.kg_quotes = reading.quotes
        if reading.pronoun_mentions:
            entities = doc._.kg_entities
            for m in reading.pronoun_mentions:
                entities[m.key].mentions += 1
            doc._.kg_mentions = sorted(doc._.kg_mentions + reading.pronoun_mentions,
                                       key=lambda m: (m.start, -(m.end - m.start)))
        doc._.kg_statements = reading.statements
        return doc


@Language.factory(
    "kg_quotes",
    requires=["doc._.kg_layout", "doc._.kg_sent_of", "doc._.kg_mentions", "doc._.kg_entities", "doc._.kg_facts"],
    assigns=["doc._.kg_statements", "doc._.kg_quotes", "doc._.kg_mentions", "doc._.kg_entities"],
)
def make_quote_reader(nlp: Language, name: str) -> QuoteReader:
    return QuoteReader(nlp)

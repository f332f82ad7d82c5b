"""Reported speech: what someone said without quotation marks.

Rules (the ``rule`` of each statement):

``reported``      "X said (that) …", "X told …", "…, X said Wednesday.", "…, saying that …"
                  (the subject of the main clause)
``according-to``  "According to X, …"

A verb that frames a direct quote is not reported speech again: :mod:`kg.nlp.quotes`
reads the quotes of a sentence first and passes the frame verbs it used.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.speakers import (
    STOP,
    QuoteContext,
    add_statement,
    candidate_ending_at,
    first_candidate,
    speaker_before_verb,
)


def read_reported(ctx: QuoteContext, k: int, s_start: int, s_end: int, frame_verbs: set[int]) -> None:
    """Statements of reported speech in sentence ``k`` (characters ``s_start:s_end``)."""
    doc, lex = ctx.doc, ctx.lex
    speech, win, conf = lex.speech, lex.window, lex.confidence
    span = doc.char_span(s_start, s_end, alignment_mode="expand")
    if span is None:
        return
    a, b = span.start, span.end
    for i in range(a, b):
        t = doc[i]
        if ctx.in_quote[i] or i in frame_verbs:
            continue
        low = t.lower_
        if low == "according" and i + 1 < b and doc[i + 1].lower_ == "to":
            according_to(ctx, k, i, a, b)
            continue
        if low not in speech.verbs:
            continue
        # the verb introduces a direct quote: already a statement
        nxt = i + 1
        while nxt < b and doc[nxt].text in (":", ","):
            nxt += 1
        if nxt < b and ctx.in_quote[nxt] and doc[nxt].text in ('"', "“", "«", "„"):
            continue
        if any(doc[j].text == ":" and j + 1 < b and ctx.in_quote[j + 1]
               for j in range(i + 1, min(b, i + win.quote_colon))):
            continue  # "said in a statement: "…"": the quote is the statement
        if low in speech.participles:
            found = first_candidate(ctx, k, i - 1 if doc[i - 1].text == "," else i)
        elif i > a and doc[i - 1].lower_ == "and":
            found = first_candidate(ctx, k, i - 1)
        else:
            found = speaker_before_verb(ctx, i, k)
        if found is None:
            continue
        if doc._.kg_entities[found.key].type == "Place" and found.how != "metonym":
            continue
        # trailing: "…, the organization said via its website Tuesday."
        lead = found.start
        steps = 0  # back over the speaker's title: "…, Russian President Vladimir Putin said"
        while lead > a and steps < win.speaker_title_words and (doc[lead - 1].lower_ in lex.title_words
                                                                or doc[lead - 1].lower_ in lex.grammar.possessive
                                                                or doc[lead - 1].lower_ == "the"
                                                                or doc[lead - 1].text[:1].isupper()):
            lead -= 1
            steps += 1
        if lead > a + win.trailing_lead and doc[lead - 1].text == "," and ends_soon(ctx, i, b):
            start_c, end_c = doc[a].idx, doc[lead - 1].idx
        else:
            j = i + 1
            for probe in range(i + 1, min(b, i + win.that_probe)):
                if doc[probe].lower_ == "that":
                    j = probe + 1
                    break
            else:  # "said Sunday there was …": step over the time words
                while (j < b and (doc[j].lower_ in speech.between or doc[j].text in (":", ","))
                       and doc[j].lower_ not in lex.grammar.articles):
                    j += 1
            if j >= b:
                continue
            start_c = doc[j].idx
            end_c = _sentence_end(doc, b)
        text = doc._.kg_layout.text[start_c:end_c].strip(" ,;:—–-")
        if len(text.split()) < win.statement_words:
            continue
        confidence = conf.reported_named if found.how == "mention" else conf.reported_described
        add_statement(ctx, k, found.key, start_c, start_c + len(text), False, "reported", confidence)


def _sentence_end(doc: Doc, b: int) -> int:
    """The character offset where the sentence ending at token ``b`` ends, before its stop."""
    last = doc[b - 1]
    return last.idx + len(last) if last.text not in STOP else last.idx


def ends_soon(ctx: QuoteContext, v: int, b: int) -> bool:
    """After the verb only a time or a channel: "said Wednesday.", "said in a statement." """
    rest = []
    for t in ctx.doc[v + 1:b]:
        if t.text == ",":
            break  # "…, Pashinyan said on Friday, accusing the alliance …"
        if not t.is_punct:
            rest.append(t)
    return len(rest) <= ctx.lex.window.trailing_words and (
        not rest or rest[0].lower_ in ctx.lex.speech.trailing_starts)


def according_to(ctx: QuoteContext, k: int, i: int, a: int, b: int) -> None:
    """ "According to X, …" at token ``i`` of sentence ``k`` (tokens ``a:b``)."""
    doc, win = ctx.doc, ctx.lex.window
    comma = next((j for j in range(i + 2, min(b, i + win.according_comma)) if doc[j].text == ","), None)
    if comma is None:
        return
    found = None
    for pos in range(comma, i + 2, -1):
        found = candidate_ending_at(ctx, pos, k)
        if found is not None:
            break
    if found is None or comma + 1 >= b:
        return
    start_c = doc[comma + 1].idx
    end_c = _sentence_end(doc, b)
    text = doc._.kg_layout.text[start_c:end_c].strip()
    if len(text.split()) >= win.statement_words:
        add_statement(ctx, k, found.key, start_c, start_c + len(text), False, "according-to",
                      ctx.lex.confidence.according_to)

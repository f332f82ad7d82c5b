"""News outlets named by the noun after them ("told Zvezda television channel")."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.candidates import Candidate, EntityContext, name_token
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


def name_run_before_tokens(doc: Doc, ctx: EntityContext, end: int, kb_tokens: set[int]) -> int:
    """Start of the capitalised run of up to [window] place_name_words words ending at ``end``,
    none of them a known actor's; ``end`` when the word before is not a name."""
    a = end
    while (a > 0 and end - a < ctx.lex.window.place_name_words and a - 1 not in kb_tokens
           and ctx.sent_of[a - 1] == ctx.sent_of[end] and name_token(doc, ctx, a - 1)):
        a -= 1
    return a

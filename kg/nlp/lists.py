"""Lists of mentions around a cue, and the fact a rule makes of a sentence.

Roles ("the foreign ministers of Armenia and Azerbaijan …") and relations ("unites
Armenia, Belarus and Russia") both read coordinated mentions; this module reads them
once, the same way for both, forwards or backwards from a token.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.doc import TokMention, tokens_of
from kg.nlp.layout import Layout
from kg.nlp.lexicon import Lexicon
from kg.records import Fact


def sentence_bounds(layout: Layout, k: int) -> tuple[int, int]:
    """Character offsets of sentence ``k``."""
    s, e, _ = layout.sentences[k]
    return s, e


def make_fact(layout: Layout, sentence: int, subject: str, predicate: str, obj: str, rule: str,
              confidence: float, negated: bool = False, title: str | None = None) -> Fact:
    """A fact with sentence ``sentence`` of the Doc's ``layout`` (``Doc._.kg_layout``, read once per
    Doc by the caller: each ``Doc._`` makes an object) as its evidence."""
    s, e = sentence_bounds(layout, sentence)
    return Fact(subject, predicate, obj, sentence, s, e, layout.text[s:e], rule, confidence, negated, title)


def phrase_at(doc: Doc, k: int, limit: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The number of tokens of the first of ``phrases`` ("plus", "as well as") at token ``k``, or 0."""
    toks = tokens_of(doc)
    for phrase in phrases:
        n = len(phrase)
        if k + n - 1 < limit and all(toks.lower[k + x] == w for x, w in enumerate(phrase)):
            return n
    return 0


def past_link(toks, grammar, j: int, limit: int) -> int:
    """The token after a list's link at token ``j`` (a comma, a coordinator, or ", and"), or
    ``j`` when there is none."""
    k = j
    if k < limit and toks.text[k] == ",":
        k += 1
    if k < limit and toks.lower[k] in grammar.coordinators:
        k += 1
    return k


def _unnamed_group_end(toks, grammar, j: int, limit: int) -> int | None:
    """The end of "the Nordic and Baltic states" opening at token ``j`` (the article,
    capitalised adjectives, maybe coordinated, and one of [grammar] unnamed_group_nouns), or None."""
    if toks.lower[j] != "the":
        return None
    k = j + 1
    while k < limit and k - j <= 5 and (toks.text[k][:1].isupper() or (
            toks.lower[k] in grammar.coordinators and k + 1 < limit and toks.text[k + 1][:1].isupper())):
        k += 1
    if k == j + 1 or k >= limit or toks.lower[k] not in grammar.unnamed_group_nouns:
        return None
    return k + 1


def forward_list(doc: Doc, lex: Lexicon, i: int, by_start: dict[int, TokMention], types: tuple[str, ...],
                 limit: int, plural: bool = True) -> tuple[list[TokMention], int]:
    """Mentions listed from token ``i``: "A, B and the C" -> [A, B, C], end token.

    Items are joined by a comma, a coordinator or a list addition of ``[grammar]``."""
    toks = tokens_of(doc)
    grammar = lex.grammar
    items: list[TokMention] = []
    j = i
    passed: int | None = None  # the end of the last item taken, while territories follow it
    closed = False  # an item after "and" ends the list but for another coordinator or addition
    while j < limit:
        m = by_start.get(j)
        if m is None and toks.lower[j] == "the":
            m = by_start.get(j + 1)
        group = _unnamed_group_end(toks, grammar, j, limit) if plural and (m is None or m.role == "demonym") else None
        if group is not None:
            # "the Nordic and Baltic states and the Netherlands": a group named by no name
            passed = items[-1].end if items and passed is None else passed
            j, k = group, past_link(toks, grammar, group, limit)
            if k == j:
                break
            j = k
            continue
        if m is None or m.role in ("pronoun", "demonym"):
            break  # "… and the French territories of X": an adjective, not the country
        if m.type not in types:
            # "A, Grenada, Montserrat, Saint Lucia and B": a territory between listed
            # members is passed over, not taken, and the list goes on
            if not (items and m.type == "Place" and "Place" not in types):
                break
            if passed is None:
                passed = items[-1].end
        else:
            items.append(m)
            passed = None
        j = m.end
        if not plural:
            break
        k = j
        if k < limit and toks.text[k] == ",":
            k += 1
        if k < limit and toks.lower[k] in grammar.coordinators:
            k += 1
            closed = True
        else:
            added = phrase_at(doc, k, limit, grammar.list_additions)
            if closed and not added and passed is None:
                break  # "A, B and C, D is to buy": D opens the next clause ("…, as well as D" goes on)
            k += added
        if k == j:
            break
        if k not in by_start and not (k < limit and toks.lower[k] == "the" and k + 1 in by_start):
            break
        j = k
    return items, (j if passed is None else passed)


def backward_list(doc: Doc, lex: Lexicon, end: int, by_end: dict[int, TokMention], types: tuple[str, ...],
                  limit: int) -> list[TokMention]:
    """Mentions listed up to token ``end`` (exclusive), in text order: joined by a comma or
    a coordinator of ``[grammar]`` (not by a list addition)."""
    toks = tokens_of(doc)
    items: list[TokMention] = []
    j = end
    while j > limit:
        m = by_end.get(j)
        if m is None or m.type not in types or m.role == "pronoun":
            break
        items.append(m)
        j = m.start
        if j - 1 >= limit and toks.lower[j - 1] == "the":
            j -= 1
        k = j
        if k - 1 >= limit and toks.lower[k - 1] in lex.grammar.coordinators:
            k -= 1
        if k - 1 >= limit and toks.text[k - 1] == ",":
            k -= 1
        if k == j:
            break
        j = k
    items.reverse()
    return items

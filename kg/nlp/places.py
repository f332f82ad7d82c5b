"""Places of the gazetteer (:mod:`kg.gazetteer`), read only where the text means a place.

A world gazetteer holds "Nice", "Mobile", "Reading", "Independence" and "Minsk" (as in
"the Minsk agreements"): a name alone is no evidence.  So a gazetteer name becomes a
Place candidate only in a place context:

* after a place preposition (``[places] place_prepositions``: "in Aleppo", "near Kharkiv",
  "visited Marseille"), or
* before a comma and a country or region ("Springfield, Illinois", "Gori, Georgia"),

and only when it is not the start or the end of a longer capitalised name ("to Ararat
Mirzoyan", "in Minsk Group talks"), does not modify a noun ("in Minsk talks",
``[places] modified_nouns``), is not a month, and is not a common word that towns share
(``[places] not_places``: "in Reading", "at Best").  The
knowledge base and the other finders win every overlap (the gazetteer rule has the
lowest priority), so a known actor keeps its own reading.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.gazetteer import GazetteerPlace
from kg.nlp.candidates import Candidate, EntityContext
from kg.nlp.doc import new_key


def gazetteer_places(doc: Doc, ctx: EntityContext, gazetteer: dict[str, GazetteerPlace],
                     taken: set[int]) -> list[Candidate]:
    """Place candidates from ``gazetteer`` in a place context; ``taken`` tokens are skipped.

    Only the few tokens a place context allows are looked up (after a place preposition, or
    before a comma), on the Doc's token table, so the whole gazetteer costs little."""
    if not gazetteer:
        return []
    table = doc._.kg_tokens
    text, lower, sent_of = table.text, table.lower, ctx.sent_of
    locative = ctx.lex.places.prepositions
    longest = ctx.lex.window.gazetteer_name_tokens
    n = len(text)
    found: list[Candidate] = []
    spans: set[tuple[int, int]] = set()
    for i in range(1, n):
        if lower[i - 1] in locative:  # "in Aleppo": the longest name that starts here
            match = _longest(doc, text, i, min(n, i + longest), gazetteer, taken, sent_of)
        elif text[i] == "," and i + 1 < n and _known_region(text[i + 1], ctx, gazetteer):
            match = _ending_at(doc, text, i, longest, gazetteer, taken, sent_of)  # "Gori, Georgia"
        else:
            continue
        if match is None or match[:2] in spans:
            continue
        start, end, place = match
        if not _stands_alone(text, lower, start, end, sent_of, ctx):
            continue
        spans.add((start, end))
        surface = doc[start:end].text
        # one node per place however it is spelled; its label as English writes it
        label = place.name if place.name.isascii() else surface
        found.append(Candidate(start, end, new_key("Place", place.name), "Place", "gazetteer", label,
                               kb_aliases=tuple(dict.fromkeys(n for n in (surface, place.name) if n != label))))
    return found


def _is_name_start(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower()


def _longest(doc: Doc, text: list[str], start: int, limit: int, gazetteer: dict[str, GazetteerPlace],
             taken: set[int], sent_of: list[int]) -> tuple[int, int, GazetteerPlace] | None:
    if start in taken or sent_of[start] < 0 or not _is_name_start(text[start]):
        return None
    best = None
    for end in range(start + 1, limit + 1):
        if end - 1 in taken:
            break
        place = gazetteer.get(doc[start:end].text)
        if place is not None:
            best = (start, end, place)
    return best


def _ending_at(doc: Doc, text: list[str], end: int, longest: int, gazetteer: dict[str, GazetteerPlace],
               taken: set[int], sent_of: list[int]) -> tuple[int, int, GazetteerPlace] | None:
    for start in range(max(0, end - longest), end):  # the longest name first
        if start in taken or sent_of[start] < 0 or not _is_name_start(text[start]):
            continue
        if any(i in taken for i in range(start, end)):
            continue
        place = gazetteer.get(doc[start:end].text)
        if place is not None:
            return start, end, place
    return None


def _known_region(word: str, ctx: EntityContext, gazetteer: dict[str, GazetteerPlace]) -> bool:
    return _is_name_start(word) and (word in ctx.tables.surfaces or word in gazetteer)


def _stands_alone(text: list[str], lower: list[str], start: int, end: int, sent_of: list[int],
                  ctx: EntityContext) -> bool:
    """Not a month or a common word, not inside a longer name, not modifying a noun."""
    lex = ctx.lex
    words = " ".join(lower[start:end])
    if words in lex.places.not_places or words in lex.months:
        return False
    if start > 0 and sent_of[start - 1] == sent_of[start] and _is_name_start(text[start - 1]) \
            and lower[start - 1] not in lex.places.prepositions:
        return False  # the end of a longer name ("Port Victoria")
    if end < len(text):
        after = text[end]
        if _is_name_start(after) or after in ("'s", "’s"):
            return False  # the start of a longer name ("Kraljevo Group"), or a possessor
        if lower[end] in lex.places.modified_nouns:
            return False  # "in Kraljevo talks"
    return True

"""Places of the gazetteer (:mod:`kg.gazetteer`), read only where the text means a place.

A world gazetteer holds "Nice", "Mobile", "Reading", "Independence" and "Minsk" (as in
"the Minsk agreements"): a name alone is no evidence.  So a gazetteer name becomes a
Place candidate only in a place context:

* after a locative word ("in Aleppo", "near Kharkiv", "visited Marseille"), or
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
    """Place candidates from ``gazetteer`` in a place context; ``taken`` tokens are skipped."""
    if not gazetteer:
        return []
    lex = ctx.lex
    longest = lex.window.gazetteer_name_tokens
    found: list[Candidate] = []
    i = 0
    n = len(doc)
    while i < n:
        if i in taken or ctx.sent_of[i] < 0 or not doc[i].is_title:
            i += 1
            continue
        match = _longest_match(doc, i, min(n, i + longest), gazetteer, taken)
        if match is None:
            i += 1
            continue
        end, place = match
        if _in_place_context(doc, ctx, i, end, gazetteer):
            surface = doc[i:end].text
            # one node per place however it is spelled; its label as English writes it
            label = place.name if place.name.isascii() else surface
            found.append(Candidate(i, end, new_key("Place", place.name), "Place", "gazetteer", label,
                                   kb_aliases=tuple(dict.fromkeys(n for n in (surface, place.name) if n != label))))
        i = end
    return found


def _longest_match(doc: Doc, start: int, limit: int, gazetteer: dict[str, GazetteerPlace],
                   taken: set[int]) -> tuple[int, GazetteerPlace] | None:
    best = None
    for end in range(start + 1, limit + 1):
        if end - 1 in taken:
            break
        place = gazetteer.get(doc[start:end].text)
        if place is not None:
            best = (end, place)
    return best


def _in_place_context(doc: Doc, ctx: EntityContext, start: int, end: int,
                      gazetteer: dict[str, GazetteerPlace]) -> bool:
    lex = ctx.lex
    words = doc[start:end]
    if words.text.lower() in lex.places.not_places or words.text.lower() in lex.months:
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.is_title and ctx.sent_of[start - 1] == ctx.sent_of[start] \
            and not before.is_sent_start:
        return False  # the end of a longer name ("Port Victoria Authority")
    if after is not None and (after.is_title or after.text in ("'s", "’s")) and after.text != ",":
        return False  # the start of a longer name ("Minsk Group"), or a possessor
    if before is not None and before.lower_ in lex.actors.locative:
        return after is None or after.lower_ not in lex.places.modified_nouns  # not "in Minsk talks"
    if after is not None and after.text == "," and end + 1 < len(doc):
        region = doc[end + 1]
        return region.is_title and (region.text in ctx.tables.surfaces or region.text in gazetteer)
    return False

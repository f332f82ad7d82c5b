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
from kg.nlp.candidates import Candidate, EntityContext, name_token
from kg.nlp.doc import new_key, tokens_of


def gazetteer_places(doc: Doc, ctx: EntityContext, gazetteer: dict[str, GazetteerPlace],
                     taken: set[int]) -> list[Candidate]:
    """Place candidates from ``gazetteer`` in a place context; ``taken`` tokens are skipped.

    Only the few tokens a place context allows are looked up (after a place preposition, or
    before a comma), on the Doc's token table, so the whole gazetteer costs little."""
    toks = tokens_of(doc)
    if not gazetteer:
        return []
    table = tokens_of(doc)
    text, lower, sent_of = table.text, table.lower, ctx.sent_of
    locative = ctx.lex.places.prepositions
    longest = ctx.lex.window.gazetteer_name_tokens
    n = len(text)
    found: list[Candidate] = []
    spans: set[tuple[int, int]] = set()
    # only the tokens after a place preposition or at a comma can start or end a match
    after_locative = [i + 1 for i in table.where(locative) if i + 1 < n]
    commas = [i for i in table.where_text({","}) if i >= 1]
    coordinators = ctx.lex.grammar.coordinators | ctx.lex.places.place_alternatives  # "in Doha, Jeddah or Cairo"
    listed: list[int] = []  # the items after the first of a list a place preposition opens
    memo: dict[int, tuple[int, int, GazetteerPlace] | None] = {}

    def longest_at(i: int) -> tuple[int, int, GazetteerPlace] | None:
        if i not in memo:  # the list walk and the reading below ask for the same starts
            memo[i] = _longest(doc, text, i, min(n, i + longest), gazetteer, taken, sent_of)
        return memo[i]

    for i in after_locative:
        j = i
        while j < n and j in taken and sent_of[j] == sent_of[i]:
            j += 1  # "in Benghazi and Tobruk": past the known first item
        first = longest_at(i) if j == i else None
        j = first[1] if first is not None else j
        for _ in range(ctx.lex.window.place_list_items):
            if j == i or j + 1 >= n or not (text[j] == "," or lower[j] in coordinators):
                break
            k = start = j + 2 if text[j] == "," and lower[j + 1] in coordinators else j + 1
            while k < n and k in taken and sent_of[k] == sent_of[i]:
                k += 1  # a known place in the list: the next item after it
            if k > start:
                j = k
                continue
            item = longest_at(k)
            if item is None or (item[1] < n and not (text[item[1]] in (",", ".", ";") or lower[item[1]] in coordinators)):
                break  # "in Benghazi and Tobruk Province": not a list of places
            listed.append(k)
            j = item[1]
    for i in sorted(set(after_locative).union(commas).union(listed)):
        if lower[i - 1] in locative or i in listed:  # "in Aleppo": the longest name that starts here
            match = longest_at(i)
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
        surface = toks.span_text(start, end)
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
    toks = tokens_of(doc)
    best = None
    for end in range(start + 1, limit + 1):
        if end - 1 in taken:
            break
        place = gazetteer.get(toks.span_text(start, end))
        if place is not None:
            best = (start, end, place)
    return best


def _ending_at(doc: Doc, text: list[str], end: int, longest: int, gazetteer: dict[str, GazetteerPlace],
               taken: set[int], sent_of: list[int]) -> tuple[int, int, GazetteerPlace] | None:
    toks = tokens_of(doc)
    for start in range(max(0, end - longest), end):  # the longest name first
        if start in taken or sent_of[start] < 0 or not _is_name_start(text[start]):
            continue
        if any(i in taken for i in range(start, end)):
            continue
        place = gazetteer.get(toks.span_text(start, end))
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
        if end - start == 1 and lower[start] in lex.entities.region_prefixes and after[:1].islower():
            return False  # "less attractive to Western partners": a compass word before a noun
    return True


def outside_event_names(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """A known place inside the name of an event is a word of that name, not a place the
    article names ("International Maritime Law and Eastern Mediterranean Symposium")."""
    table = tokens_of(doc)
    heads = ctx.lex.actors.event_heads
    if not table.has_any(heads):
        return kb_cands
    places = [c for c in kb_cands if c.type == "Place" and c.role == "name"]
    if not places:
        return kb_cands
    kb_end = {c.end: c for c in kb_cands}
    inside: set[tuple[int, int]] = set()
    for i in table.where(heads):
        if not table.text[i][:1].isupper():
            continue
        a = i
        while a > 0 and ctx.sent_of[a - 1] == ctx.sent_of[i]:
            known = kb_end.get(a)
            if known is not None:
                a = known.start
            elif name_token(doc, ctx, a - 1) or (table.lower[a - 1] in ctx.lex.actors.connectors
                                                 and a - 2 >= 0 and table.text[a - 2][:1].isupper()):
                a -= 1
            else:
                break
        inside.update((c.start, c.end) for c in places if a <= c.start and c.end <= i)
    return [c for c in kb_cands if (c.start, c.end) not in inside] if inside else kb_cands


def outside_named_things(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """A known person's name before a capitalised word of ``named_after_heads`` names a thing
    named after the person ("the Trump Route for International Peace and Prosperity",
    "Heydar Aliyev International Airport"), not the person."""
    table = tokens_of(doc)
    heads = ctx.lex.actors.named_after_heads
    if not table.has_any(heads):
        return kb_cands
    n = len(doc)
    inside = {(c.start, c.end) for c in kb_cands
              if c.type == "Person" and c.end < n and table.lower[c.end] in heads and table.text[c.end][:1].isupper()
              and ctx.sent_of[c.end] == ctx.sent_of[c.start]}
    return [c for c in kb_cands if (c.start, c.end) not in inside] if inside else kb_cands


def places_after_of(doc: Doc, ctx: EntityContext, kb_tokens: set[int]) -> list[Candidate]:
    """ "the Spanish city of Granada", "the village of Khndzoresk": a place the KB does not know."""
    toks = tokens_of(doc)
    out = []
    table = tokens_of(doc)
    n = len(doc)
    cues = ctx.lex.actors.place_of
    for i in table.where(cues):
        if not table.text[i].islower() or i + 2 >= n:
            continue
        if (i >= 3 and toks.lower[i - 1] in ctx.lex.grammar.indefinite_articles and toks.text[i - 2] == ","
                and ctx.sent_of[i] >= 0):
            named = _name_before_place_apposition(doc, ctx, i - 2, kb_tokens)
            if named is not None:
                out.append(named)  # "in Ergneti, a village near South Ossetia"
                continue
        if table.lower[i + 1] != "of" or ctx.sent_of[i] < 0:
            continue
        j = k = i + 2
        while k < n and k - j < ctx.lex.window.place_name_words and k not in kb_tokens and name_token(doc, ctx, k):
            k += 1
            if k + 1 < n and toks.text[k] == "-" and not toks.whitespace[k - 1] and name_token(doc, ctx, k + 1):
                k += 1
        if k > j and k not in kb_tokens and (k >= n or not name_token(doc, ctx, k)):
            label = toks.span_text(j, k)
            out.append(Candidate(j, k, new_key("Place", label), "Place", "place-of", label))
    return out


def places_in_regions(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate], kb_tokens: set[int]) -> list[Candidate]:
    """ "came ashore at Melendugno in southern Italy", "in Vardovo, in northern Georgia": an
    unknown capitalised name after a preposition of place ([actors] region_place_prepositions),
    before "in", a direction ([actors] region_directions) and a known country or place."""
    toks = tokens_of(doc)
    actors = ctx.lex.actors
    cues = [i for i in toks.where(actors.region_directions)
            if i >= 4 and toks.text[i].islower() and toks.lower[i - 1] == "in"]
    if not cues:
        return []
    regions = {c.start for c in kb_cands if c.type in ("Country", "Place")}
    out = []
    for i in cues:
        if i + 1 not in regions:
            continue
        k = i - 1 - (toks.text[i - 2] == ",")  # the name ends before "in" (or its comma)
        j = k
        while (j > 0 and k - j < ctx.lex.window.place_name_words and j - 1 not in kb_tokens
               and name_token(doc, ctx, j - 1)):
            j -= 1
        if (j == k or j == 0 or ctx.sent_of[j - 1] != ctx.sent_of[i]
                or toks.lower[j - 1] not in actors.region_place_prepositions or not toks.text[j - 1].islower()):
            continue
        label = toks.span_text(j, k)
        out.append(Candidate(j, k, new_key("Place", label), "Place", "place-of", label))
    return out


def _name_before_place_apposition(doc: Doc, ctx: EntityContext, comma: int, kb_tokens: set[int]) -> Candidate | None:
    """ "in Ergneti, a village near South Ossetia": the capitalised name the KB does not know
    right before the comma of an apposition "a <place noun>" ([actors] place_of), after a
    preposition of place (or a comma), is a place."""
    toks = tokens_of(doc)
    k = comma
    j = k
    while j > 0 and k - j < ctx.lex.window.place_name_words and j - 1 not in kb_tokens and name_token(doc, ctx, j - 1):
        j -= 1
    if j == k or j == 0 or ctx.sent_of[j - 1] != ctx.sent_of[k]:
        return None
    if toks.lower[j - 1] not in ctx.lex.actors.locative:
        return None  # "Tamar Lis, a village elder": only a name after "in", "at", "near" …
    label = toks.span_text(j, k)
    return Candidate(j, k, new_key("Place", label), "Place", "place-of", label)


def places_before_lower_heads(doc: Doc, ctx: EntityContext, kb_tokens: set[int]) -> list[Candidate]:
    """ "the Naryn river", "the Vakhsh river": a capitalised name the KB does not know between
    an article and a lower-case word of [actors] lower_place_heads is a place."""
    toks = tokens_of(doc)
    out = []
    for i in toks.where(ctx.lex.actors.lower_place_heads):
        if not toks.text[i].islower() or i < 2 or ctx.sent_of[i] < 0:
            continue
        j = i
        while j > 0 and i - j < ctx.lex.window.place_name_words and j - 1 not in kb_tokens and name_token(doc, ctx, j - 1):
            j -= 1
            if (j > 1 and toks.text[j - 1] == "-" and not toks.whitespace[j - 2] and not toks.whitespace[j - 1]
                    and name_token(doc, ctx, j - 2)):
                j -= 2  # "the Ost-Kerrin valley"
        if j < i and j > 0 and toks.lower[j - 1] in ctx.lex.grammar.articles and ctx.sent_of[j] == ctx.sent_of[i]:
            label = toks.span_text(j, i)
            out.append(Candidate(j, i, new_key("Place", label), "Place", "place-of", label))
    return out

"""Actors in the text: the knowledge base's names, acronyms defined in the text, and
actors the knowledge base does not know, found from cues.

Rules (each a ``rule`` name on the mention it makes):

``kb``            a name, alias or acronym of the knowledge base ("Putin", "CSTO")
``demonym``       an adjective or people-noun of a country ("Russian", "Azeri")
``capital``       a capital as a place ("a press conference in Yerevan")
``metonym``       a capital for its government ("Moscow says" -> Russia)
``ministry``      "Azerbaijan's Defense Ministry" -> Ministry of Defense of Azerbaijan
``acronym``       "Foo Bar Organization (FBO)" defines FBO for the rest of the text
``org-head``      a capitalised name ending in an organization or place word
                  ("Council of Foreign Ministers", "Nagorno-Karabakh Autonomous Region"),
                  or before a lower-case media noun ("told Zvezda television channel")
``title-cue``     a capitalised name after a title ("Secretary General Antonio Guterres")
``speech-cue``    a capitalised name before a speech verb ("Hikmet Hajiyev said")
``list``          a capitalised name listed after a person, in the same shape
                  ("A of France, B of the United States, and C of Russia")
``place-of``      a capitalised name after "the city of", "the village of" ("the city of Granada")
``dateline``      the place of a dateline ("MOSCOW, July 14. /TASS/.")
``model``         an entity of a trained spaCy pipeline (``kg build --model``)
``alias``         a later short form of an actor the text introduced ("Mnatsakanyan")

Overlapping candidates: the longest wins, then the rule of the lower ``[entities.priority]``
in the lexicon.

The finders are in :mod:`kg.nlp.candidates` (the knowledge base, ministries, acronyms,
organization and place heads, datelines, a trained pipeline's entities) and
:mod:`kg.nlp.names` (person names around titles and speech verbs, later short forms);
:func:`find_entities` runs them in order and chooses among what they find.
"""
from __future__ import annotations

import functools
import logging
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from kg.gazetteer import GazetteerPlace, GazetteerUnavailable, load_gazetteer
from kg.kb import KnowledgeBase, load_kb
from kg.nlp.candidates import (
    Candidate,
    EntityContext,
    EntityTables,
    acronyms,
    acronyms_after_bodies,
    acronyms_before_titles,
    acronyms_in_member_frames,
    dateline_candidates,
    dateline_place,
    demonyms_as_named_countries,
    entity_tables,
    find_titles,
    glued_in_dateline,
    in_dateline,
    is_name_token,
    kb_candidate,
    known_person,
    leading_heads,
    ministries,
    names_before_body_appositions,
    org_heads,
)
from kg.nlp.doc import EntityInfo, TitleSpan, TokenTable, TokMention, ensure_extensions, tokens_of
from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.names import (
    ambiguous_first_words,
    ambiguous_given_names,
    ambiguous_surnames_after_titles,
    countries_own_bodies,
    given_names_after_titles,
    longer_names_first,
    national_chapters,
    other_people_with_a_known_surname,
    persons_after_head_leads,
    persons_after_person_leads,
    persons_after_person_nouns,
    persons_after_possessives,
    persons_after_titles,
    persons_appointed_as,
    persons_before_head_relatives,
    persons_before_holder_leads,
    persons_before_speech,
    persons_before_titles,
    persons_in_lists,
    persons_owning_kin,
    propagate_aliases,
    repeated_full_names,
    title_tokens,
)
from kg.nlp.outlets import (
    groups_before_heads,
    media_before_heads,
    organizations_after_kind_nouns,
    workplaces_named_with_places,
)
from kg.nlp.places import (
    gazetteer_places,
    outside_event_names,
    outside_named_things,
    places_after_of,
    places_before_lower_heads,
    places_in_regions,
)
from kg.nlp.spelling import fold_name, one_edit_apart
from kg.nlp.trained import model_entities

log = logging.getLogger(__name__)

__all__ = ["Candidate", "EntityReading", "EntityRecognizer", "find_entities", "is_name_token"]


class EntityReading(NamedTuple):
    """What :func:`find_entities` reads from a Doc."""

    mentions: list[TokMention]  # sorted by start token
    entities: dict[str, EntityInfo]  # key -> the actor as this document knows it
    titles: list[TitleSpan]  # position titles found in the text


def _without_region_adjectives(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """The candidates less the demonyms right after a capitalised direction word ("the South
    American bloc": no country), whose tokens no name may hold either."""
    toks = tokens_of(doc)
    prefixes = ctx.lex.entities.region_prefixes
    out = []
    for c in kb_cands:
        b = c.start - 1
        if c.rule == "demonym" and b >= 0 and toks.lower[b] in prefixes and toks.text[b][:1].isupper():
            ctx.not_name_tokens.update(range(b, c.end))
            continue
        out.append(c)
    return out


def _in_caps_heading(table, i: int) -> bool:
    """Whether the upper-case word at ``i`` stands next to another upper-case word on its line:
    an upper-case subheading ("WHO PAYS"), where a closed-class word looks like an acronym."""
    for j in (i - 1, i + 1):
        word = table.text[j] if 0 <= j < len(table.text) else ""
        if len(word) > 1 and word.isalpha() and word.isupper():
            return True
    return False


def find_entities(doc: Doc, tables: EntityTables, lex: Lexicon, use_model_entities: bool = True) -> EntityReading:
    """The actors of a Doc with a layout: candidates of every rule, overlaps resolved."""
    ctx = EntityContext.of(doc, tables, lex)
    sent_of, in_title = ctx.sent_of, ctx.in_title

    kb_cands = []
    strings = doc.vocab.strings
    table = tokens_of(doc)
    context_free = tables.context_free  # most surfaces: their candidate without kb_candidate's look-ups
    for match_id, start, end in tables.matcher(doc):
        if sent_of[start] < 0 and (not in_dateline(doc, ctx, start) or glued_in_dateline(doc, ctx, start, end)):
            continue
        fields = context_free.get(match_id)
        cand = (Candidate(start, end, *fields) if fields is not None
                else kb_candidate(doc, ctx, start, end, strings[match_id]))
        if cand is None:
            continue
        if cand.ambiguous and in_title[start]:
            continue  # Title Case headlines capitalise common words too
        if end == start + 1 and table.lower[start] in lex.actors.not_names and _in_caps_heading(table, start):
            continue  # "WHO PAYS": an upper-case subheading's "who", not the World Health Organization
        if (start >= 2 and cand.type != "Person" and table.text[start - 1] == "-" and not table.whitespace[start - 1]
                and not table.whitespace[start - 2] and table.lower[start - 2] in lex.actors.name_particles):
            continue  # "Mohammed Ali al-Houthi": a name's particle joined to it makes it a person's name
        if (start >= 2 and cand.type == "Place" and table.text[start - 1] == "-" and not table.whitespace[start - 1]
                and not table.whitespace[start - 2] and table.lower[start - 2] in lex.actors.combining_prefixes):
            continue  # "Euro-Atlantic future": an adjective, no mention of the Atlantic
        if sent_of[start] < 0:  # dateline place: always the place
            cand = dateline_place(doc, ctx, cand)
        kb_cands.append(cand)
    if tokens_of(doc).has_any(lex.entities.region_prefixes):
        kb_cands = _without_region_adjectives(doc, ctx, kb_cands)
    kb_cands.extend(dateline_candidates(doc, ctx, kb_cands))
    kb_cands = other_people_with_a_known_surname(doc, ctx, kb_cands)
    kb_cands = outside_event_names(doc, ctx, kb_cands)
    kb_cands = outside_named_things(doc, ctx, kb_cands)
    kb_cands = national_chapters(doc, ctx, kb_cands)
    titles = find_titles(doc, ctx)
    kb_cands = given_names_after_titles(doc, ctx, kb_cands, titles)
    kb_cands = ambiguous_given_names(doc, ctx, kb_cands)
    kb_cands = ambiguous_first_words(doc, ctx, kb_cands)
    kb_cands = ambiguous_surnames_after_titles(doc, ctx, kb_cands, titles)
    kb_by_span = {(c.start, c.end): c for c in kb_cands}
    kb_start = {c.start: c for c in kb_cands}
    kb_tokens = {i for c in kb_cands for i in range(c.start, c.end)}

    named_orgs = ministries(doc, ctx, kb_cands) + acronyms(doc, ctx, kb_by_span) + org_heads(doc, ctx, kb_cands)
    named_orgs += acronyms_before_titles(doc, ctx, titles, kb_cands + named_orgs, kb_tokens)
    named_orgs += acronyms_after_bodies(doc, ctx, kb_tokens) + leading_heads(doc, ctx, kb_cands)
    named_orgs += names_before_body_appositions(doc, ctx, kb_cands)
    named_orgs += acronyms_in_member_frames(doc, ctx, kb_tokens | {i for c in named_orgs for i in range(c.start, c.end)})
    cands = _defined_acronyms_win(doc, kb_cands, named_orgs, kb_tokens)
    # "CEO of Kuwait Petroleum Corporation Nawaf al-Sabah": a title's actor may be one found by rule
    groups = groups_before_heads(doc, ctx, kb_tokens)
    qualifiers = dict(kb_start)
    for c in named_orgs + groups:
        if c.type == "Organization" and (c.start not in qualifiers or qualifiers[c.start].end < c.end):
            qualifiers[c.start] = c
    # "Human Rights Defender Anahit Manasyan said": a name read back from a speech verb stops at
    # a title of two words or more (a one-word title may be an inner honorific: "Hassan Sheikh")
    multiword_title_tokens = {i for t in titles if t.end - t.start >= 2 for i in range(t.start, t.end)}
    # known names and titles are never part of a new name: one set for the readers below
    named_or_titled = kb_tokens | title_tokens(titles)
    body = [c for c in (
        named_orgs
        + places_after_of(doc, ctx, kb_tokens)
        + places_before_lower_heads(doc, ctx, kb_tokens)
        + places_in_regions(doc, ctx, kb_cands, kb_tokens)
        + media_before_heads(doc, ctx, kb_tokens)
        + workplaces_named_with_places(doc, ctx, kb_cands)
        + organizations_after_kind_nouns(doc, ctx, kb_tokens)
        + groups
        + persons_after_titles(doc, ctx, titles, qualifiers, kb_tokens)
        + persons_before_titles(doc, ctx, titles, {c.end: c for c in kb_cands}, kb_tokens)
        + persons_before_holder_leads(doc, ctx, titles, {c.end: c for c in kb_cands}, kb_tokens)
        + persons_appointed_as(doc, ctx, titles, kb_tokens)
        + persons_before_speech(doc, ctx, kb_tokens | multiword_title_tokens)
        + persons_after_head_leads(doc, ctx, named_or_titled)
        + persons_after_person_leads(doc, ctx, named_or_titled)
        + persons_after_person_nouns(doc, ctx, named_or_titled)
        + persons_after_possessives(doc, ctx, kb_cands, named_or_titled)
        + persons_owning_kin(doc, ctx, named_or_titled)
        + persons_before_head_relatives(doc, ctx, named_or_titled)
        + gazetteer_places(doc, ctx, tables.gazetteer, kb_tokens)
    ) if sent_of[c.start] >= 0 and not in_title[c.start]]
    cands.extend(body)
    if use_model_entities and doc.has_annotation("ENT_IOB"):  # only where no rule read anything
        taken = {i for c in cands for i in range(c.start, c.end)}
        cands.extend(c for c in model_entities(ctx, doc, taken) if sent_of[c.start] >= 0 and not in_title[c.start])
    chosen = _resolve_overlaps(cands, lex.entities.priority)
    again = repeated_full_names(doc, [c for c in chosen if ctx.sent_of[c.start] >= 0])
    if again:
        chosen = sorted(chosen + [c for c in again if ctx.sent_of[c.start] >= 0 and not in_title[c.start]],
                        key=lambda c: c.start)
    listed = persons_in_lists(doc, ctx, chosen, titles)
    if listed:
        chosen = sorted(chosen + listed, key=lambda c: c.start)
    chosen = [_as_known_person(ctx, c) if c.type == "Person" and c.key.startswith("new:") else c for c in chosen]
    chosen = longer_names_first(chosen)
    chosen = _short_forms_of_named_organizations(tokens_of(doc), chosen)
    _with_name_suffixes(tokens_of(doc), sent_of, lex, chosen)
    chosen = demonyms_as_named_countries(doc, ctx, _ambiguous_as_named_place(doc, ctx, chosen))
    chosen = countries_own_bodies(tokens_of(doc), lex, chosen)
    chosen = _second_names(tokens_of(doc), lex, chosen)
    chosen = propagate_aliases(doc, ctx, chosen)
    chosen = _add_nested(chosen, kb_cands, tokens_of(doc).text, lex.actors.nested_name_links,
                         lex.actors.head_prepositions, lex.titles)
    mentions, entities = _actors(tokens_of(doc), sent_of, chosen)
    return EntityReading(mentions, entities, titles)


def _second_names(toks: TokenTable, lex: Lexicon, chosen: list[Candidate]) -> list[Candidate]:
    """ "the ASEAN Coordinating Centre for Humanitarian Assistance, known as the AHA Centre": an
    organization read by rule right after ", known as [the]" ([actors] alias_phrases) is the
    organization before the comma, here and wherever the article repeats it."""
    phrases = lex.actors.alias_phrases
    lasts = {p.split()[-1] for p in phrases}
    if not toks.has_any(lasts):
        return chosen
    by_end = {c.end: c for c in chosen}
    by_start = {c.start: c for c in chosen}
    same: dict[str, Candidate] = {}
    for i in toks.where(lasts):
        for phrase in phrases:
            words = phrase.split()
            a = i + 1 - len(words)
            if a < 2 or toks.lower[a:i + 1] != words or toks.text[a - 1] != ",":
                continue
            first = by_end.get(a - 1)
            j = i + 1 + (i + 1 < len(toks.lower) and toks.lower[i + 1] in lex.grammar.articles)
            second = by_start.get(j)
            if (first is not None and second is not None and first.type == second.type == "Organization"
                    and second.key.startswith("new:") and second.key != first.key):
                same[second.key] = first
            break
    if not same:
        return chosen
    out = []
    for c in chosen:
        first = same.get(c.key)
        out.append(c if first is None else Candidate(c.start, c.end, first.key, first.type, c.rule, first.label,
                                                     c.role, first.wikidata, first.kb_aliases))
    return out


def _short_forms_of_named_organizations(toks: TokenTable, chosen: list[Candidate]) -> list[Candidate]:
    """ "the Commonwealth" after "the Commonwealth of Independent States": a known organization
    matched by a short alias (not its own name) that opens the name of another organization the
    article named before it is that organization (not the Commonwealth of Nations)."""
    orgs = [c for c in chosen if c.type == "Organization" and c.role == "name"]
    if len(orgs) < 2:
        return chosen
    out = []
    for c in chosen:
        if c.type == "Organization" and c.role == "name" and c.key.startswith("kb:"):
            surface = toks.span_text(c.start, c.end)
            short = surface[4:] if surface.lower().startswith("the ") else surface
            if short != c.label and not short.isupper():  # an alias, not an acronym ("CSTO Secretariat")
                d = next((d for d in orgs if d.start < c.start and d.key != c.key and d.key.startswith("kb:")
                          and d.label.startswith(short + " ") and not d.label.startswith(c.label)), None)
                if d is not None:
                    c = Candidate(c.start, c.end, d.key, d.type, c.rule, d.label, c.role, d.wikidata,
                                  (surface, *d.kb_aliases))
        out.append(c)
    return out


def _with_name_suffixes(toks: TokenTable, sent_of: list[int], lex: Lexicon, chosen: list[Candidate]) -> None:
    """ "Ferdinand Marcos Jr.": a person's mention takes in the generational suffix right
    after it (capitalised, [names] name_suffixes, in the same sentence, no other actor's)."""
    suffixes = lex.actors.name_suffixes
    starts = {c.start for c in chosen}
    n = len(toks.text)
    for c in chosen:
        e = c.end
        if (c.type == "Person" and e < n and toks.lower[e] in suffixes and toks.text[e][:1].isupper()
                and e not in starts and sent_of[e] == sent_of[c.start]):
            c.end = e + 1


def _as_known_person(ctx: EntityContext, c: Candidate) -> Candidate:
    """A new person whose name is a known person's in another spelling is that person."""
    if c.type != "Person" or not c.key.startswith("new:") or c.end - c.start < 2:
        return c
    actor_id = known_person(ctx, c.label)
    if actor_id is None:
        return c
    a = ctx.kb[actor_id]
    return Candidate(c.start, c.end, "kb:" + a.id, a.type, c.rule, a.name, c.role, a.wikidata, a.names())


def _ambiguous_as_named_place(doc: Doc, ctx: EntityContext, chosen: list[Candidate]) -> list[Candidate]:
    """An ambiguous known name one letter from a place the article names by rule is that place:
    "the Spanish city of Granada … who is in Grenada" is not the island state."""
    places = {fold_name(c.label): c for c in chosen if c.type == "Place" and c.key.startswith("new:")}
    if not places:
        return chosen
    out = []
    for c in chosen:
        if c.ambiguous and c.type in ("Country", "Place"):
            surface = fold_name(tokens_of(doc).span_text(c.start, c.end))
            same = [p for f, p in places.items()
                    if len(f) >= ctx.lex.window.place_variant_chars and one_edit_apart(surface, f)]
            if len(same) == 1:
                p = same[0]
                c = Candidate(c.start, c.end, p.key, p.type, "alias", p.label)
        out.append(c)
    return out


def _actors(table: TokenTable, sent_of: list[int],
            chosen: list[Candidate]) -> tuple[list[TokMention], dict[str, EntityInfo]]:
    """The chosen candidates as mentions and the actors they name."""
    entities: dict[str, EntityInfo] = {}
    mentions = []
    for c in chosen:
        info = entities.get(c.key)
        if info is None:
            info = entities[c.key] = EntityInfo(c.key, c.label, c.type, list(_aliases(c.label, c.kb_aliases)),
                                                c.wikidata)
        if c.role == "name" and c.rule != "alias":
            name = " ".join(table.span_text(c.start, c.end).split())
            if name and name != info.label and name not in info.aliases:  # EntityInfo.add_alias
                info.aliases.append(name)
        info.mentions += 1
        mentions.append(TokMention(c.start, c.end, c.key, c.type, c.rule, c.role, sent_of[c.start]))
    return mentions, entities


@functools.lru_cache(maxsize=4096)
def _aliases(label: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """What :meth:`EntityInfo.add_alias` makes of ``names`` one by one on a new actor labelled
    ``label`` (the knowledge base's names of an actor, the same for each of its mentions)."""
    info = EntityInfo("", label, "")
    for name in names:
        info.add_alias(name)
    return tuple(info.aliases)


def _inside_another(cands: list[Candidate]) -> list[bool]:
    """For each candidate, whether another one (maybe of the same span) covers its tokens;
    one sweep in start order, not a comparison of every pair."""
    out = [False] * len(cands)
    order = sorted(range(len(cands)), key=lambda i: cands[i].start)
    max_end_before = -1  # the furthest end of the candidates starting before this start
    g = 0
    while g < len(order):
        h = g
        while h < len(order) and cands[order[h]].start == cands[order[g]].start:
            h += 1
        group = order[g:h]
        ends = sorted((cands[i].end for i in group), reverse=True)
        for i in group:
            end = cands[i].end
            other_max = ends[1] if end == ends[0] and len(ends) > 1 else (ends[0] if end != ends[0] else -1)
            out[i] = max_end_before >= end or other_max >= end
        max_end_before = max(max_end_before, ends[0])
        g = h
    return out


def _defined_acronyms_win(doc: Doc, kb_cands: list[Candidate], named: list[Candidate],
                          kb_tokens: set[int]) -> list[Candidate]:
    """An acronym the article defines ("the Rapid Support Forces (RSF)"), or that spells a new
    organization the article named before it, names that organization in this article, not
    the known actor that shares the acronym (Reporters Without Borders)."""
    defined = {c.kb_aliases[0]: c for c in named
               if c.rule == "acronym" and not c.key.startswith("kb:") and c.kb_aliases}
    # "the paramilitary Rapid Support Forces … the RSF": a new organization named earlier
    # whose initials the known acronym spells is what the article abbreviates
    spelled = {}
    table = tokens_of(doc)
    for c, inside in zip(named, _inside_another(named)):
        if c.type == "Organization" and not c.key.startswith("kb:") and not inside \
                and not any(i in kb_tokens for i in range(c.start, c.end)):
            words = [w for w in table.span_text(c.start, c.end).replace("-", " ").split() if w[:1].isupper()]
            if len(words) >= 2:
                spelled.setdefault("".join(w[0] for w in words), c)
    if not defined and not spelled:
        return list(kb_cands)
    out = []
    for c in kb_cands:
        surface = table.span_text(c.start, c.end)
        d = defined.get(surface)
        if d is None and surface.isupper() and surface in spelled and spelled[surface].end <= c.start:
            d = spelled[surface]
        if d is not None and c.key != d.key:
            c = Candidate(c.start, c.end, d.key, d.type, "acronym", d.label, kb_aliases=(surface, *d.kb_aliases))
        out.append(c)
    return out


def _add_nested(chosen: list[Candidate], kb_cands: list[Candidate], text: list[str],
                links: frozenset[str], head_prepositions: frozenset[str], titles: dict[str, str]) -> list[Candidate]:
    """Known actors named inside a longer name: "OSCE Minsk Group" also mentions the OSCE.

    They are mentions of the document (role ``nested``) but take no part in relations.
    A known name is inside a longer one only as its modifier ("OSCE Minsk Group") or its
    complement after a link ("Secretariat of the CSTO", also before a title: "Delegation of the
    OSCE Minsk Group Co-Chair"); elsewhere it is a word of the longer
    name: "Commonwealth of Independent States" names neither the Commonwealth nor The
    Independent, "Collective Security Council" and "Security Council of Armenia" not the UN's.
    """
    outer = [c for c in chosen if c.end - c.start >= 2 and c.type == "Organization"]
    if not outer:
        return chosen
    chosen_spans = {(c.start, c.end) for c in chosen}
    extra = []
    for k in kb_cands:
        if k.role != "name" or k.type not in ("Organization", "Country") or (k.start, k.end) in chosen_spans:
            continue
        if k.ambiguous:
            continue  # "the Congress party" (India's) names no US Congress: a name to match only with care
        for c in outer:
            if c.start <= k.start and k.end <= c.end and c.key != k.key:
                linked = k.start > c.start and text[k.start - 1].lower() in links
                if k.start > c.start and not linked:
                    break  # "Peace and Security Council" is not the Security Council
                if k.end < c.end:
                    after = text[k.end]
                    rest = "".join(text[k.end:c.end]).lower()  # "… of the OSCE Minsk Group Co-Chair"
                    if after.lower() in head_prepositions or after.isdigit() or (
                            linked and after[:1].isupper() and rest not in titles):
                        break  # "Commonwealth of ...", "... of Independent States", "France 24"
                extra.append(Candidate(k.start, k.end, k.key, k.type, "nested", k.label, "nested",
                                       k.wikidata, k.kb_aliases))
                break
    return sorted(chosen + extra, key=lambda c: (c.start, -(c.end - c.start)))


def _resolve_overlaps(cands: list[Candidate], priority: dict[str, int]) -> list[Candidate]:
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), priority[c.rule], c.start))
    taken: set[int] = set()
    out = []
    for c in ordered:
        span = range(c.start, c.end)
        if not taken.isdisjoint(span):
            continue
        taken.update(span)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


class EntityRecognizer:
    """spaCy component ``kg_entities``: :func:`find_entities` onto ``Doc._.kg_mentions``,
    ``kg_entities`` and ``kg_titles``.  It holds only what every document shares: the
    lexicon and the knowledge base's :class:`~kg.nlp.candidates.EntityTables`."""

    def __init__(self, nlp: Language, kb_files: tuple[str, ...] = (), use_model_entities: bool = True,
                 lex: Lexicon | None = None, use_gazetteer: bool = True):
        ensure_extensions()
        self.lex = lex or load_lexicon()
        self.kb = load_kb(*kb_files) if kb_files else load_kb()
        self.tables = entity_tables(nlp, self.kb, self.lex, _gazetteer() if use_gazetteer else None)
        self.use_model_entities = use_model_entities

    def __call__(self, doc: Doc) -> Doc:
        reading = find_entities(doc, self.tables, self.lex, self.use_model_entities)
        doc._.kg_titles = reading.titles
        doc._.kg_mentions = reading.mentions
        doc._.kg_entities = reading.entities
        doc._.kg_capitals = capitals_of(reading.mentions, self.kb)
        return doc


def capitals_of(mentions: list[TokMention], kb: KnowledgeBase) -> dict[str, str]:
    """Key of each capital among ``mentions`` -> key of its country ("In Tehran, Foreign
    Ministry spokesman X": the roles give X's office to Iran); a look-up per mention."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.type == "Place" and m.key.startswith("kb:") and m.key not in out:
            country = kb.country_for_capital(m.key[3:])
            if country is not None:
                out[m.key] = "kb:" + country.id
    return out


def _gazetteer() -> dict[str, GazetteerPlace]:
    """The world's places, or none (with a warning) when their packages are missing."""
    try:
        return load_gazetteer()
    except GazetteerUnavailable as exc:
        log.warning("%s; only the knowledge base's places are known", exc)
        return {}


@Language.factory(
    "kg_entities",
    default_config={"kb_files": [], "use_model_entities": True, "use_gazetteer": True},
    requires=["doc._.kg_layout", "doc._.kg_sent_of", "doc._.kg_tokens"],
    assigns=["doc._.kg_mentions", "doc._.kg_entities", "doc._.kg_titles", "doc._.kg_capitals"],
)
def make_entity_recognizer(nlp: Language, name: str, kb_files: list[str], use_model_entities: bool,
                           use_gazetteer: bool) -> EntityRecognizer:
    return EntityRecognizer(nlp, tuple(kb_files), use_model_entities, use_gazetteer=use_gazetteer)

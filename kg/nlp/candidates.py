"""Candidate actors of a document, one finder per cue, before overlaps are resolved.

Each finder reads the Doc and returns :class:`Candidate` spans; none writes to the Doc
or keeps anything between documents.  What they share per document is an
:class:`EntityContext` (the Doc's sentences, the knowledge base's surface forms, the
lexicon); what every document shares is :class:`EntityTables`, built once per pipeline
from the knowledge base.  Other finders live beside: :mod:`kg.nlp.names` (person names
and later short forms), :mod:`kg.nlp.places` (the gazetteer, "the city of X", places
inside event names), :mod:`kg.nlp.outlets`, :mod:`kg.nlp.trained` (a model's entities);
:mod:`kg.nlp.spelling` matches names in every spelling; :mod:`kg.nlp.entities` chooses
among the candidates.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.gazetteer import GazetteerPlace
from kg.kb import Actor, KnowledgeBase
from kg.nlp.doc import TitleSpan, TokenTable, new_key, tokens_of
from kg.nlp.lexicon import Lexicon
from kg.nlp.spelling import fold_name, one_edit_apart, spellings


def acronym_pattern(max_words: int, connectors: tuple[str, ...]) -> re.Pattern:
    """ "Foo Bar Organization (FBO)": a capitalised name of up to ``max_words`` more words
    (capitalised or ``connectors``), then its acronym."""
    words = "|".join(re.escape(w) for w in connectors)
    # Linear: a name is tried only from the first capital of a word (the rest of the word is
    # skipped possessively: a match from a later capital of the same word would end the same),
    # and no word is backtracked into.  "AAAA…" (100 KB) is one attempt, not one per letter.
    return re.compile(
        r"(?<![\w’'&.-])(?:[^\WA-Z]|[’'&.-])*+"
        r"(?P<long>(?:[A-Z][\w’'&.-]*+)(?:\s++(?:[A-Z][\w’'&.-]*+|(?:" + words + r")(?![\w’'&.-]))){1,"
        + str(max_words) + r"})"
        r"\s+\((?P<short>[A-Z][A-Za-z&.-]{1,9})\)"
    )


#: The "(FBO)" an acronym pattern ends with (its ``short`` group, the same characters).
_SHORT_IN_PARENS = re.compile(r"\((?:[A-Z][A-Za-z&.-]{1,9})\)")


def acronym_pieces(max_words: int, connectors: tuple[str, ...]) -> int:
    """How many pieces without a space a name of :func:`acronym_pattern` spans at most: its
    first word and ``max_words`` more, each a word or a connector."""
    return 1 + max_words * max((len(c.split()) for c in connectors), default=1)


def acronym_matches(pattern: re.Pattern, text: str, pieces: int = 0) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern of :func:`acronym_pattern`, tried only where
    a "(FBO)" is, not from every word of the text.

    Nothing before the parenthesis can be one (a name's words and the spaces between them
    hold none), so a match ends at the first "(FBO)" after its start and starts after the
    "(" before it: searching each such stretch in text order finds the same matches.  With
    ``pieces`` (:func:`acronym_pieces` of the pattern), a stretch starts no earlier than that
    many pieces without a space before the "(": a name spans no more, and a search from
    the "(" before would try every character of a long paragraph."""
    done = 0
    for short in _SHORT_IN_PARENS.finditer(text):
        start = max(done, text.rfind("(", 0, short.start()) + 1)
        if pieces:
            start = max(start, _pieces_before(text, short.start(), pieces))
        m = pattern.search(text, start, short.end())
        if m is not None:
            yield m
            done = m.end()


def _pieces_before(text: str, end: int, pieces: int) -> int:
    """The start of the ``pieces``-th run of non-space characters before ``end`` (0 if fewer)."""
    i = end
    for _ in range(pieces):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
        if i == 0:
            break
    return i


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    key: str
    type: str
    rule: str
    label: str
    role: str = "name"
    wikidata: str | None = None
    kb_aliases: tuple[str, ...] = ()
    ambiguous: bool = False


@dataclass(frozen=True)
class EntityTables:
    """What every document shares: the knowledge base, its surface forms and the matchers."""

    kb: KnowledgeBase
    surfaces: dict[str, tuple[str, str]]  # surface -> (actor id, kind)
    ambiguous: frozenset[str]  # surfaces of more than one actor
    matcher: PhraseMatcher  # the surfaces, on ORTH
    title_matcher: PhraseMatcher  # the lexicon's titles, on LOWER
    acronym: re.Pattern
    people: dict[str, list[tuple[str, str]]]  # folded first or last word -> (folded full name, person id)
    gazetteer: dict[str, GazetteerPlace] = field(default_factory=dict)  # world places (kg.gazetteer)
    #: surface -> what :func:`kb_candidate` reads of the knowledge base for it, looked up once
    known: dict[str, KnownSurface] = field(default_factory=dict)
    acronym_pieces: int = 0  # acronym_pieces() of ``acronym`` (0: not known)
    #: ``matcher``'s match id -> the :func:`context_free_fields` of its surface, for the surfaces
    #: whose candidate the context does not change (all but capitals): the matches' loop makes
    #: their candidates without decoding the id or reading the surface again
    context_free: dict[int, CandidateFields] = field(default_factory=dict)


#: A :class:`Candidate`'s fields after its ``start`` and ``end``, in order.
CandidateFields = tuple[str, str, str, str, str, "str | None", tuple[str, ...], bool]


class KnownSurface(NamedTuple):
    """A surface of the knowledge base as :func:`kb_candidate` reads it."""

    kind: str
    ambiguous: bool
    actor: Actor
    names: tuple[str, ...]  # actor.names()
    country: Actor | None  # a place that is a country's capital: that country
    capital: Actor | None  # kind "capital": the capital the surface names


def entity_tables(nlp: Language, kb: KnowledgeBase, lex: Lexicon,
                  gazetteer: dict[str, GazetteerPlace] | None = None) -> EntityTables:
    """The surface forms of the knowledge base and their matchers.

    A surface of two actors names the one whose kind has the lower ``[entities.surface_kind_rank]``
    ("name" before "alias"); of equal ranks, it is ambiguous.
    """
    rank = lex.entities.surface_kind_rank
    surfaces: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()
    forms = []
    for surface, actor_id, kind in kb.surface_forms():
        surface = surface.strip()
        if surface.lower().startswith("the ") and len(surface) > 4:
            surface = surface[4:]  # "the United States": the article is not part of the name
        if surface:
            forms.extend((variant, actor_id, kind) for variant in spellings(surface, lex.entities.spelling_variants))
    for surface, actor_id, kind in forms:
        have = surfaces.get(surface)
        if have is None or rank[kind] < rank[have[1]]:
            if have is not None and have[0] != actor_id and rank[kind] == rank[have[1]]:
                ambiguous.add(surface)
            surfaces[surface] = (actor_id, kind)
        elif have[0] != actor_id and rank[kind] == rank[have[1]]:
            ambiguous.add(surface)
    for actor in kb:
        ambiguous.update(actor.ambiguous)
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for surface in sorted(surfaces):
        matcher.add(surface, [nlp.make_doc(surface)])
    title_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for surface in sorted(lex.titles):
        title_matcher.add(surface, [nlp.make_doc(surface)])
    people: dict[str, list[tuple[str, str]]] = {}
    for actor in kb:
        if actor.type != "Person":
            continue
        for name in (actor.name, *actor.aliases):
            folded = fold_name(name)
            words = folded.split()
            if len(words) >= 2:
                for w in {words[0], words[-1]}:
                    people.setdefault(w, []).append((folded, actor.id))
    ambiguous_surfaces = frozenset(ambiguous)
    known = {}
    context_free = {}
    strings = nlp.vocab.strings
    for surface, (actor_id, kind) in surfaces.items():
        actor = kb[actor_id]
        known[surface] = KnownSurface(kind, surface in ambiguous_surfaces, actor, actor.names(),
                                      kb.country_for_capital(actor.id) if actor.type == "Place" else None,
                                      kb.actors.get(actor.capital) if kind == "capital" else None)
        fields = context_free_fields(known[surface])
        if fields is not None:
            context_free[strings[surface]] = fields  # the match id the matcher gives the surface
    return EntityTables(kb, surfaces, ambiguous_surfaces, matcher, title_matcher,
                        acronym_pattern(lex.window.acronym_words, lex.actors.acronym_connectors), people,
                        gazetteer or {}, known,
                        acronym_pieces(lex.window.acronym_words, lex.actors.acronym_connectors), context_free)


def known_person(ctx: EntityContext, label: str) -> str | None:
    """The id of the known person ``label`` spells another way ("Jeyhun Baryamov" for Jeyhun
    Bayramov): same first or last word, at most one edit apart, long enough to be sure."""
    folded = fold_name(label)
    words = folded.split()
    if len(words) < 2 or len(folded) < ctx.lex.window.name_variant_chars:
        return None
    found = {actor_id for w in {words[0], words[-1]} for full, actor_id in ctx.tables.people.get(w, ())
             if one_edit_apart(folded, full)}
    return found.pop() if len(found) == 1 else None


@dataclass(slots=True)
class EntityContext:
    """One document as the finders read it (built per call)."""

    lex: Lexicon
    tables: EntityTables
    kb: KnowledgeBase
    layout: object  # kg.nlp.layout.Layout
    sent_of: list[int]  # sentence of each token, -1 outside the news
    in_title: list[bool]  # the token is in the headline
    # tokens no name may hold: a region's adjective ("South American", [entities] region_prefixes)
    not_name_tokens: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, doc: Doc, tables: EntityTables, lex: Lexicon) -> EntityContext:
        layout = doc._.kg_layout
        sent_of: list[int] = doc._.kg_sent_of
        title_sentences = {k for k, (_, _, z) in enumerate(layout.sentences) if z == "title"}
        in_title = [False] * len(sent_of)
        if title_sentences:  # the headline is a few tokens: only those between its first and last are read
            present = [k for k in title_sentences if k in sent_of]
            if present:
                first = min(sent_of.index(k) for k in present)
                last = len(sent_of) - min(sent_of[::-1].index(k) for k in present)
                in_title[first:last] = [s in title_sentences for s in sent_of[first:last]]
        return cls(lex, tables, tables.kb, layout, sent_of, in_title)


def is_name_token(text: str) -> bool:
    """A capitalised word that can be part of a name ("Zohrab", "Çavuşoğlu", "McCain")."""
    if len(text) < 2 or not text[0].isupper():
        return False
    if len(text) > 3 and text[1] in "'’" and text[2].isupper() and text[3:].isalpha() and text[3:].islower():
        return True  # "O'Brien", "D'Alema"
    rest = text[1:].replace("-", "").replace("'", "").replace("’", "")
    return rest.isalpha() and (rest.islower() or (len(rest) > 2 and rest[0].islower()))


def is_acronym_word(text: str) -> bool:
    """An upper-case word inside an organization's name ("OSCE Mission"), also one with a
    number and two letters or more ("COP29 Operating Company")."""
    return (len(text) > 1 and text.isupper() and text[0].isalpha()
            and (text.isalpha() or (text.isalnum() and sum(c.isalpha() for c in text) >= 2)))


def name_token(doc: Doc, ctx: EntityContext, i: int) -> bool:
    """Token ``i`` can be part of a name and is not a word that never is one."""
    toks = tokens_of(doc)
    if not is_name_token(toks.text[i]) or i in ctx.not_name_tokens:
        return False
    low = toks.lower[i]
    if low not in ctx.lex.actors.not_names:
        return True
    if low not in ctx.lex.actors.given_name_not_names:
        return False
    # "Jan Lipavsky": a given name that is also a month's short form, before another name;
    # "Dong Jun": or after one, with no day's number after it ("Jun 14" is a date)
    n = len(doc)
    return ((i + 1 < n and is_name_token(toks.text[i + 1]) and toks.lower[i + 1] not in ctx.lex.actors.not_names)
            or (i > 0 and is_name_token(toks.text[i - 1]) and toks.lower[i - 1] not in ctx.lex.actors.not_names
                and not (i + 1 < n and toks.text[i + 1][:1].isdigit())))


def kb_candidate(doc: Doc, ctx: EntityContext, start: int, end: int, surface: str) -> Candidate | None:
    known = ctx.tables.known.get(surface)
    if known is None:  # tables made without the look-ups
        actor_id, kind = ctx.tables.surfaces[surface]
        actor = ctx.kb[actor_id]
        known = KnownSurface(kind, surface in ctx.tables.ambiguous, actor, actor.names(),
                             ctx.kb.country_for_capital(actor.id) if actor.type == "Place" else None,
                             ctx.kb.actors.get(actor.capital) if kind == "capital" else None)
    fields = context_free_fields(known)
    if fields is not None:
        return Candidate(start, end, *fields)
    # a capital ("in Moscow") or its government ("Moscow says")
    kind, ambiguous, actor, _, country, capital = known
    if kind != "capital":  # the capital's own name: "Moscow"
        capital, actor = actor, country
    toks = tokens_of(doc)  # only here: most surfaces are no capital's
    if start >= 2 and toks.lower[start - 1] in ctx.lex.actors.name_particles and toks.text[start - 2][:1].isupper():
        return None  # "Mocimboa da Praia", "Vila Nova de Gaia": the end of a longer place's name
    j = before_listed_names(toks, ctx, start - 1)
    if capital is not None and ((j >= 0 and toks.lower[j] in ctx.lex.actors.locative)
                                or (j >= 1 and (toks.lower[j - 1], toks.lower[j]) in ctx.lex.actors.locative_phrases)
                                or capital_as_modifier(doc, ctx, start, end)):
        return Candidate(start, end, "kb:" + capital.id, capital.type, "capital", capital.name,
                         "name", capital.wikidata, capital.names(), ambiguous)
    return Candidate(start, end, "kb:" + actor.id, actor.type, "metonym", actor.name, "metonym",
                     actor.wikidata, actor.names(), ambiguous)


def before_listed_names(toks, ctx: EntityContext, j: int) -> int:
    """The token before the list of known places a name at ``j + 1`` ends ("to Baku and
    Yerevan": "to"), past articles: a capital listed after a locative is a place too."""
    while j >= 0 and toks.lower[j] == "the":
        j -= 1
    for _ in range(ctx.lex.window.place_list_items):
        if j < 1 or not (toks.lower[j] in ctx.lex.grammar.coordinators or toks.text[j] == ","):
            break
        k = j - 1
        while k >= 0 and j - 1 - k < ctx.lex.window.place_name_words and is_name_token(toks.text[k]):
            k -= 1
        known = ctx.tables.surfaces.get(" ".join(toks.text[k + 1:j]))
        if k == j - 1 or known is None or ctx.kb[known[0]].type != "Place":
            break  # only a list of places: "in Armenia, Yerevan and X said" lists no places
        j = k
        while j >= 0 and toks.lower[j] == "the":
            j -= 1
    return j


def context_free_fields(known: KnownSurface) -> CandidateFields | None:
    """The fields of the candidate :func:`kb_candidate` makes of ``known`` wherever it is, or
    None for a capital, whose reading depends on the words around it ("in Moscow", "Moscow says")."""
    kind, ambiguous, actor, names, country, _ = known
    if kind == "demonym":
        return ("kb:" + actor.id, actor.type, "demonym", actor.name, "demonym", actor.wikidata, names, ambiguous)
    if kind == "capital" or country is not None:
        return None
    return ("kb:" + actor.id, actor.type, "kb", actor.name, "name", actor.wikidata, names, ambiguous)


def capital_as_modifier(doc: Doc, ctx: EntityContext, start: int, end: int) -> bool:
    """A capital that names the city, not its government: after an article, a possessive or a
    number ("the October 10 Moscow statement", "12am Moscow time", "the Minsk agreements",
    "NATO's 2008 Bucharest summit", "at its 2008 Bucharest summit"), before a hyphen ("Moscow-led"), or with a date after it
    ("White House, Washington, August 8")."""
    toks = tokens_of(doc)
    if start > 0:
        before = toks.text[start - 1]
        grammar = ctx.lex.grammar
        if (before.lower() in grammar.articles or before in grammar.possessive
                or toks.lower[start - 1] in grammar.possessive_determiners):
            return True  # "the Moscow statement", "NATO's Bucharest summit", "its Brussels office"
        year = len(before) == 4 and before.isdigit()
        if before[:1].isdigit() and not year:
            return True  # a day or an hour; after a year ("In 2020 Baku launched") it may be the subject
        if year and start > 1 and (toks.lower[start - 2] in grammar.articles or toks.text[start - 2] in grammar.possessive
                                   or toks.lower[start - 2] in grammar.possessive_determiners):
            return True  # "the 2008 Bucharest summit", "at its 2008 Bucharest summit": the year is a modifier too
    if end < len(doc) and toks.text[end] == "-" and not toks.whitespace[end - 1]:
        return True
    return end + 1 < len(doc) and toks.text[end] == "," and toks.lower[end + 1].rstrip(".") in ctx.lex.months


def capital_after(doc: Doc, ctx: EntityContext, j: int, kb_spans: list[Candidate]) -> Actor | None:
    """The country whose capital follows "in" at token ``j`` ("… Ministry in Baku"), or None."""
    toks = tokens_of(doc)
    if j + 1 >= len(doc) or toks.lower[j] not in ctx.lex.roles.capital_leads:
        return None
    place = next((c for c in kb_spans if c.start == j + 1 and c.type == "Place" and c.key.startswith("kb:")), None)
    country = ctx.kb.country_for_capital(place.key[3:]) if place is not None else None
    return country if country is not None and country.type == "Country" else None


def _country_its_points_to(toks: TokenTable, ctx: EntityContext, i: int,
                           country_start: dict[int, Candidate]) -> Candidate | None:
    """The country the sentence before opens with, when token ``i`` is a possessive pronoun
    ("Its", [roles] possessive_pronouns) opening its sentence: "Azerbaijan has demanded … . Its
    foreign ministry said"; else None."""
    sent_of = ctx.sent_of
    if i < 2 or toks.lower[i] not in ctx.lex.roles.possessive_pronouns or sent_of[i] < 0 or sent_of[i - 1] == sent_of[i]:
        return None
    p = i - 1
    while p > 0 and sent_of[p - 1] == sent_of[i - 1]:
        p -= 1
    if sent_of[p] < 0:
        return None
    if toks.lower[p] in ctx.lex.grammar.articles:
        p += 1
    return country_start.get(p)


def ministries(doc: Doc, ctx: EntityContext, kb_spans: list[Candidate]) -> list[Candidate]:
    """ "Azerbaijan's Defense Ministry", "the Armenian defense ministry", "Ministry of Defense of X"."""
    toks = tokens_of(doc)
    # the longest country ending (starting) at a token: "North Korea's foreign ministry" is North
    # Korea's, not that of the "Korea" inside it
    country_end: dict[int, Candidate] = {}
    country_start: dict[int, Candidate] = {}
    for c in kb_spans:
        if c.type != "Country":
            continue
        if c.end not in country_end or c.start < country_end[c.end].start:
            country_end[c.end] = c
        if c.start not in country_start or c.end > country_start[c.start].end:
            country_start[c.start] = c
    out = []
    office_domains = ctx.lex.actors.ministry_office_domains
    for i in toks.where({"ministry", "office"}):
        office = toks.lower[i] == "office"  # "Pakistan's foreign office": only the domains named so
        # X('s) DOMAIN ministry
        for width in range(ctx.lex.window.ministry_domain_words, 0, -1):
            a = i - width
            if a < 1:
                continue
            domain = " ".join(toks.lower[a:i])
            if domain not in ctx.lex.actors.ministry_domains or (office and domain not in office_domains):
                continue
            b = a
            if toks.lower[b - 1] in ctx.lex.grammar.possessive:
                b -= 1
            country = country_end.get(b)
            if country is not None:
                label = f"Ministry of {ctx.lex.actors.ministry_domains[domain]} of {country.label}"
                out.append(Candidate(country.start, i + 1, new_key("Organization", label), "Organization",
                                     "ministry", label))
                break
            owner = _country_its_points_to(toks, ctx, b - 1, country_start)
            if owner is not None:
                # "Azerbaijan has demanded that the mission leave. Its foreign ministry said …"
                label = f"Ministry of {ctx.lex.actors.ministry_domains[domain]} of {owner.label}"
                out.append(Candidate(b - 1, i + 1, new_key("Organization", label), "Organization", "ministry", label))
                break
            after = i + 1
            if (not office and toks.text[a][:1].isupper() and after + 1 < len(doc)
                    and toks.lower[after] in ctx.lex.actors.ministry_country_prepositions):
                # "the Foreign Ministry of Armenia": the country after the capitalised name
                country = country_start.get(after + 2 if toks.lower[after + 1] == "the" else after + 1)
                if country is not None:
                    label = f"Ministry of {ctx.lex.actors.ministry_domains[domain]} of {country.label}"
                    out.append(Candidate(a, country.end, new_key("Organization", label), "Organization",
                                         "ministry", label))
                    break
            seat = capital_after(doc, ctx, i + 1, kb_spans)
            if seat is not None:
                # "the Foreign Ministry in Baku said": the ministry of the capital's country
                label = f"Ministry of {ctx.lex.actors.ministry_domains[domain]} of {seat.name}"
                out.append(Candidate(a, i + 1, new_key("Organization", label), "Organization", "ministry", label))
                break
        else:
            # Ministry of DOMAIN (of|for)? X
            if not office and i + 2 < len(doc) and toks.lower[i + 1] == "of":
                for width in range(ctx.lex.window.ministry_domain_words, 0, -1):
                    domain = " ".join(toks.lower[i + 2:i + 2 + width])
                    if domain in ctx.lex.actors.ministry_domains:
                        j = i + 2 + width
                        if j < len(doc) and toks.lower[j] in ctx.lex.actors.ministry_country_prepositions:
                            j += 1
                        if j < len(doc) and toks.lower[j] == "the":
                            j += 1
                        country = country_start.get(j)
                        if country is not None:
                            label = f"Ministry of {ctx.lex.actors.ministry_domains[domain]} of {country.label}"
                            out.append(Candidate(i, country.end, new_key("Organization", label),
                                                 "Organization", "ministry", label))
                        else:
                            # "the Armenian Ministry of Foreign Affairs", "Azerbaijan's Ministry of Defense"
                            b = i - 1 if i > 1 and toks.lower[i - 1] in ctx.lex.grammar.possessive else i
                            country = country_end.get(b)
                            if country is not None and toks.text[i][:1].isupper():
                                label = f"Ministry of {ctx.lex.actors.ministry_domains[domain]} of {country.label}"
                                out.append(Candidate(country.start, i + 2 + width, new_key("Organization", label),
                                                     "Organization", "ministry", label))
                        break
    acronyms = ctx.lex.actors.ministry_acronyms
    for i in toks.where(acronyms.keys()) if acronyms else ():
        # "the Armenian MFA", "Azerbaijan's MFA": the ministry of the country before it
        b = i - 1 if i > 1 and toks.lower[i - 1] in ctx.lex.grammar.possessive else i
        country = country_end.get(b)
        if country is not None and toks.text[i].isupper():
            label = f"Ministry of {acronyms[toks.lower[i]]} of {country.label}"
            out.append(Candidate(country.start, i + 1, new_key("Organization", label), "Organization", "ministry", label))
    return out


def acronyms(doc: Doc, ctx: EntityContext, kb_by_span: dict[tuple[int, int], Candidate]) -> list[Candidate]:
    """Names defined with their acronym: "Foo Bar Organization (FBO)"."""
    toks = tokens_of(doc)
    out = []
    sent_of = ctx.sent_of
    text = ctx.layout.text
    # does a known name cover tokens start:end? the furthest end of those starting at or before
    # start; read at the first acronym that spells a name (most articles define none)
    known_starts: list[int] | None = None
    furthest: list[int] = []
    for m in acronym_matches(ctx.tables.acronym, text, ctx.tables.acronym_pieces):
        long_span = doc.char_span(m.start("long"), m.end("long"), alignment_mode="contract")
        # the acronym's own token may be glued to the next word ("(EPC)since"): the long form still names it
        if long_span is None or sent_of[long_span.start] < 0:
            continue
        short = m.group("short")
        letters = re.sub(r"[^A-Za-z]", "", short).upper()
        end = long_span.end
        while end > long_span.start and toks.lower[end - 1] in ctx.lex.grammar.possessive:
            end -= 1  # "the Collective Security Treaty Organization’s (CSTO)"
        start = None
        for i in range(long_span.start, end):
            words = [w for w in re.split(r"[\s-]+", toks.span_text(i, end)) if w and w[0].isupper()]
            if toks.text[i][:1].isupper() and "".join(w[0] for w in words).upper() == letters:
                start = i
                break
        if start is None:
            # "Intergovernmental Authority on Development (IGAD)": letters from inside the words;
            # the shortest capitalised stretch that spells it
            for i in range(end - 1, long_span.start - 1, -1):
                capitals = sum(1 for w in re.split(r"[\s-]+", toks.span_text(i, end)) if w[:1].isupper())
                if (toks.text[i][:1].isupper() and toks.text[i][0] == letters[0] and capitals <= len(letters)
                        and spells_in_order(letters, toks.span_text(i, end))):
                    start = i
                    break
        if start is None:
            start = foreign_acronym_start(toks, ctx, long_span.start, end, letters)
        if start is None and not ctx.kb.by_name(short):
            start = translated_name_start(toks, ctx, long_span.start, end, letters)
        if start is None:
            continue  # the letters do not spell the name before them
        if known_starts is None:
            kb_spans = sorted((c.start, c.end) for c in kb_by_span.values())
            known_starts = [a for a, _ in kb_spans]
            furthest = list(accumulate((b for _, b in kb_spans), max))
        k = bisect.bisect_right(known_starts, start)
        if k and furthest[k - 1] >= end:
            continue  # the knowledge base knows it: its acronym is already there
        label = toks.span_text(start, end)
        known = [a for a in ctx.kb.by_name(short) if a.type == "Organization" and a.acronym == short
                 and _same_name(label, a.names(), ctx.lex.entities.spelling_variants)]
        if len(known) == 1:  # another spelling of a known name: "Organisation for … (OSCE)"
            a = known[0]
            out.append(Candidate(start, end, "kb:" + a.id, a.type, "acronym", a.name, "name", a.wikidata,
                                 a.names()))
            continue
        key = new_key("Organization", label)
        out.append(Candidate(start, end, key, "Organization", "acronym", label, kb_aliases=(short,)))
    return out


@functools.lru_cache(maxsize=64)
def phrases_by_last_word(phrases: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each phrase's last word -> the phrases (as word tuples) that end with it: a phrase list
    is looked up at its last word's tokens (one index look-up), then each phrase is compared."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases):
        words = tuple(phrase.split())
        out.setdefault(words[-1], []).append(words)
    return {last: tuple(found) for last, found in out.items()}


def phrase_ends_at(lower: list[str], i: int, by_last: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """One of the phrases of ``by_last`` (:func:`phrases_by_last_word`) ends at token ``i``."""
    return any(i - len(words) + 1 >= 0 and tuple(lower[i - len(words) + 1:i + 1]) == words
               for words in by_last.get(lower[i], ()))


def acronyms_in_member_frames(doc: Doc, ctx: EntityContext, kb_tokens: set[int]) -> list[Candidate]:
    """ "Peru is a member of the VCC", "Chile joined VCC", "a VCC member", "the 10-member VCC": an
    upper-case word the knowledge base does not know, right after a phrase of [actors]
    acronym_org_leads (and an article), right before a noun of [actors] acronym_org_tails, or
    right after a compound of [actors] acronym_org_compounds, names an organization: only an
    organization has members."""
    actors = ctx.lex.actors
    toks = tokens_of(doc)
    n = len(doc)
    leads = phrases_by_last_word(actors.acronym_org_leads)
    found: set[int] = set()
    for i in toks.where(leads.keys()):
        j = i + 1
        if j < n and toks.lower[j] in ctx.lex.grammar.articles:
            j += 1
        if j >= n or not is_acronym_word(toks.text[j]):
            continue  # most "of", "to" and "in" are followed by no upper-case word: the phrase is read last
        if not (j + 1 >= n or toks.is_punct[j + 1] or toks.lower[j + 1] in actors.acronym_org_followers):
            continue  # not "members of the LGBT community"
        if phrase_ends_at(toks.lower, i, leads):
            found.add(j)
    for i in toks.where(actors.acronym_org_tails):
        found.add(i - 1)
    for i in toks.where(actors.acronym_org_compounds):
        if i >= 2 and toks.text[i - 1] == "-" and not toks.whitespace[i - 1] and not toks.whitespace[i - 2]:
            found.add(i + 1)  # "the 10-member VCC", "the 27-nation EU"
    out = []
    for j in sorted(found):
        if not (0 <= j < n) or j in kb_tokens or ctx.sent_of[j] < 0 or not is_acronym_word(toks.text[j]):
            continue
        if toks.lower[j] in actors.not_names:
            continue
        if (j > 0 and toks.text[j - 1][:1].isupper() and toks.text[j - 1].isalpha()) or (
                j + 1 < n and toks.text[j + 1][:1].isupper() and toks.text[j + 1].isalpha()):
            continue  # part of a longer capitalised name
        label = toks.text[j]
        out.append(Candidate(j, j + 1, new_key("Organization", label), "Organization", "acronym", label))
    return out


def acronyms_before_titles(doc: Doc, ctx: EntityContext, titles: list[TitleSpan], kb_cands: list[Candidate],
                           kb_tokens: set[int]) -> list[Candidate]:
    """ "SPLM-IO spokesman X said", "ZFF chairman X": an upper-case word the knowledge base does
    not know (two words joined by a hyphen at most) right before a singular title names the
    organization whose office it is; the known organization named before whose initials it
    spells, if any ("the Melanesian Spearhead Group … MSG director-general X")."""
    toks = tokens_of(doc)
    out = []
    spelled: dict[str, Candidate] = {}
    defined: set[str] | None = None
    for t in titles:
        e = t.start
        if (not t.plural and e >= 2 and toks.lower[e - 1] in ctx.lex.grammar.possessive
                and not toks.whitespace[e - 2] and is_acronym_word(toks.text[e - 2])):
            e -= 1  # "The VCC's secretary-general, X": the acronym's possessive
        if t.plural or e < 1 or e - 1 in kb_tokens or ctx.sent_of[e - 1] < 0 or not is_acronym_word(toks.text[e - 1]):
            continue
        a = e - 1
        if (a >= 2 and toks.text[a - 1] == "-" and not toks.whitespace[a - 2] and not toks.whitespace[a - 1]
                and is_acronym_word(toks.text[a - 2]) and a - 2 not in kb_tokens):
            a -= 2  # "SPLM-IO"
        if toks.lower[a] in ctx.lex.actors.not_names or (a > 0 and toks.text[a - 1][:1].isupper() and toks.text[a - 1].isalpha()
                                                         and toks.lower[a - 1] not in ctx.lex.grammar.articles):
            continue  # part of a longer capitalised name (not a sentence's "The")
        label = toks.span_text(a, e)
        if defined is None:
            defined = {alias for c in kb_cands if c.type == "Organization" and c.rule == "acronym" for alias in c.kb_aliases}
        if label in defined:
            continue  # "the National Liberation Army (ELN) … the ELN's chief negotiator": the defined one
        if not spelled:
            for c in kb_cands:
                words = [w for w in c.label.replace("-", " ").split() if w[:1].isupper()]
                if c.type == "Organization" and len(words) >= 2:
                    spelled.setdefault("".join(w[0] for w in words), c)
        known = spelled.get(label)
        if known is not None and known.start < a:
            out.append(Candidate(a, e, known.key, known.type, "acronym", known.label, "name", known.wikidata,
                                 known.kb_aliases))
            continue
        out.append(Candidate(a, e, new_key("Organization", label), "Organization", "acronym", label, kb_aliases=(label,)))
    return out


def acronyms_after_bodies(doc: Doc, ctx: EntityContext, kb_tokens: set[int]) -> list[Candidate]:
    """ "The UN mission in the territory, MINURSO, has …", "NATO's peacekeeping force in Kosovo,
    KFOR,": an upper-case word of three letters or more that the knowledge base does not know,
    alone between commas right after a definite (or owned) description of a body (one of
    ``acronym_body_nouns``, a few words on), names that body."""
    toks = tokens_of(doc)
    nouns = ctx.lex.actors.acronym_body_nouns
    if not toks.has_any(nouns):
        return []
    gap, n, out = ctx.lex.window.apposition_acronym_gap, len(toks.text), []
    for h in toks.where(nouns):
        before = toks.lower[max(0, h - 3):h]
        if "the" not in before and ctx.lex.grammar.possessive.isdisjoint(before):
            continue  # a definite description only: "The UN peacekeeping mission", "NATO's force"
        comma = next((c for c in range(h + 1, min(n, h + 1 + gap)) if not toks.text[c].isalpha()), None)
        if comma is None or toks.text[comma] != ",":
            continue
        a = comma + 1
        if (a + 1 >= n or toks.text[a + 1] != "," or a in kb_tokens or len(toks.text[a]) < 3
                or not is_acronym_word(toks.text[a]) or ctx.sent_of[a] != ctx.sent_of[h]
                or toks.lower[a] in ctx.lex.actors.not_names):
            continue
        label = toks.text[a]
        out.append(Candidate(a, a + 1, new_key("Organization", label), "Organization", "acronym", label,
                             kb_aliases=(label,)))
    return out


def names_before_body_appositions(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """ "The G5 Sahel, a French-backed force, lost Mali": a capitalised name (up to [window]
    place_name_words words, opening the sentence or after "the") before an apposition of an
    indefinite article, lower-case or hyphenated modifiers and a body's noun ([actors]
    acronym_body_nouns) closed by a comma is an organization, unless the knowledge base knows
    the whole name or a person ends it."""
    toks = tokens_of(doc)
    nouns = ctx.lex.actors.acronym_body_nouns
    if not toks.has_any(nouns):
        return []
    known = {(c.start, c.end) for c in kb_cands}
    people = {c.end for c in kb_cands if c.type == "Person"}
    articles, n, out = ctx.lex.grammar.indefinite_articles, len(toks.text), []
    for h in toks.where(nouns):
        if h + 1 >= n or toks.text[h + 1] != "," or not toks.text[h].islower():
            continue
        p = h - 1
        while p > 0 and h - p <= 4 and toks.lower[p] not in articles and (
                toks.text[p] == "-" or (toks.text[p].isalpha() and (toks.text[p].islower() or toks.text[p + 1] == "-"))):
            p -= 1  # "a French-backed", "a regional"
        if toks.lower[p] not in articles or p < 2 or toks.text[p - 1] != ",":
            continue
        e, a = p - 1, p - 1
        while (a > 0 and e - a < ctx.lex.window.place_name_words and ctx.sent_of[a - 1] == ctx.sent_of[h]
               and toks.text[a - 1][:1].isupper() and toks.text[a - 1].isalnum() and toks.lower[a - 1] != "the"):
            a -= 1
        if a == e or (a > 0 and ctx.sent_of[a - 1] == ctx.sent_of[h] and toks.lower[a - 1] != "the"):
            continue  # the name opens its sentence or follows "the"
        if (a, e) in known or e in people:
            continue
        label = toks.span_text(a, e)
        out.append(Candidate(a, e, new_key("Organization", label), "Organization", "org-head", label))
    return out


def foreign_acronym_start(toks, ctx: EntityContext, lo: int, end: int, letters: str) -> int | None:
    """ "Community of Portuguese Language Countries (CPLP)": an acronym of the name in another
    language. The start of the capitalised stretch ending at ``end`` that has one capitalised
    word per letter, the first one's initial the acronym's, and an organization's head word
    among them; or None."""
    capitals, start = 0, None
    for i in range(end - 1, lo - 1, -1):
        word = toks.text[i]
        if word[:1].isupper():
            capitals += 1
            start = i
        elif toks.lower[i] not in ctx.lex.actors.connectors:
            break
        if capitals == len(letters):
            break
    if (start is None or capitals != len(letters) or toks.text[start][:1].upper() != letters[:1]
            or not any(toks.lower[i] in ctx.lex.actors.org_heads for i in range(start, end))):
        return None
    return start


def translated_name_start(toks, ctx: EntityContext, lo: int, end: int, letters: str) -> int | None:
    """ "the National Liberation Army (ELN)": a name translated from another language, its
    acronym the original's (Ejército de Liberación Nacional), so its letters need not match. The
    start of the capitalised stretch (two words or more) ending at ``end`` with an organization's
    head word as its last capitalised word; or None. The letters are, all but one at most, the
    initials of its words in another order (ELN: National, Liberation); the initials in order
    with a word skipped ("Northern Rivers Development Council (NDC)") are an English acronym that
    does not spell the name, and letters of none of its words ("(XYZ)") another name: None."""
    start, capitals = None, 0
    for i in range(end - 1, lo - 1, -1):
        if toks.text[i][:1].isupper():
            capitals += 1
            start = i
        elif toks.lower[i] not in ctx.lex.actors.connectors:
            break
    last = end - 1
    while last > lo and not toks.text[last][:1].isupper():
        last -= 1
    if start is None or capitals < 2:
        return None
    while start < last and (not toks.text[start][:1].isupper() or toks.lower[start] in ctx.lex.grammar.articles):
        start += 1  # "The Zembla Liberation Front (FLZ)" opening a sentence
    words = [toks.text[i][0].upper() for i in range(start, end) if toks.text[i][:1].isupper()]
    if toks.lower[last] not in ctx.lex.actors.org_heads and not (
            sorted(words) == sorted(letters) and len(letters) >= 3
            and any(toks.lower[i] in ctx.lex.actors.org_heads for i in range(start, last))):
        # "Democratic Forces for the Liberation of Rwanda (FDLR)": every initial, reordered, and
        # the head word inside, the name ending with its country
        return None
    ordered = iter(words)
    if all(c in ordered for c in letters):
        return None  # the initials in order, a word skipped: not a translation
    shared = sum(min(letters.count(c), words.count(c)) for c in set(letters))
    if len(letters) < 2 or shared < len(letters) - 1:
        return None  # "The Tarvin Valley Council (XYZ)": the words of a translation mostly keep their initials
    return start if last - start >= 1 else None


def spells_in_order(letters: str, name: str) -> bool:
    """The acronym's letters stand in the name in order, the first at the start of a word
    and every capitalised word giving one at least ("IGAD" of "Intergovernmental Authority
    on Development", "ECOWAS" of "Economic Community of West African States")."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    capital_words = [n for n, w in enumerate(words) if w[:1].isupper()]

    def fit(li: int, wi: int, ci: int, used: frozenset) -> bool:
        if li == len(letters):
            return all(n in used for n in capital_words)
        if wi >= len(words):
            return False
        w = words[wi]
        # the next letter further in this word, or at the start of a later word
        for c in range(ci, len(w)):
            if w[c].upper() == letters[li] and fit(li + 1, wi, c + 1, used | {wi}):
                return True
        for nw in range(wi + 1, len(words)):
            if words[nw][:1].upper() == letters[li] and fit(li + 1, nw, 1, used | {nw}):
                return True
            if words[nw][:1].isupper():
                break  # a capitalised word gives a letter, never skipped
        return False

    return bool(words) and words[0][:1].upper() == letters[:1] and fit(1, 0, 1, frozenset({0}))


def _same_name(label: str, names, variants: tuple[tuple[str, ...], ...]) -> bool:
    """``label`` is one of ``names`` but for case, hyphens, "the", spelling variants and one
    slipped word in a name of four words or more ("Organisation of Security and Cooperation
    in Europe"), not just the same acronym ("the Eastern Union (EU)" is not the European Union)."""
    def fold(text: str) -> str:
        words = text.lower().replace("-", " ").split()
        return " ".join(words[1:] if words[:1] == ["the"] else words)

    wanted = [fold(n).split() for name in names for n in spellings(name, variants)]
    for form in spellings(label, variants):
        words = fold(form).split()
        for known in wanted:  # one word off in a long name is a slip ("Organisation of Security …")
            if len(known) == len(words) and sum(a != b for a, b in zip(known, words)) <= (len(words) >= 4):
                return True
    return False


def after_title_of(toks, ctx: EntityContext, a: int) -> bool:
    """Whether the name starting at token ``a`` follows "TITLE of (the)" ("Speaker of the
    National Assembly …", "Head of the … Department …"), where a holder's name may follow it."""
    k = a - 1
    if k >= 0 and toks.lower[k] in ctx.lex.grammar.articles:
        k -= 1
    return k >= 1 and toks.lower[k] == "of" and toks.lower[k - 1] in ctx.lex.titles and ctx.sent_of[k - 1] == ctx.sent_of[a]


def _participle_in_name(toks, ctx: EntityContext, k: int) -> bool:
    """Whether token ``k`` is a capitalised participle ("Bordering", "Facing") whose object
    may follow inside an organization's name."""
    word = toks.text[k]
    return (len(word) > 4 and word[:1].isupper() and word.isalpha()
            and any(toks.lower[k].endswith(e) for e in ctx.lex.actors.name_participle_endings))


def _parallel_country(toks, j: int, after: Candidate) -> bool:
    """Country ``after``, after the coordinator at token ``j``, is named in the same long form
    as the words right before the coordinator ("… of the Republic of Armenia and the Republic
    of Azerbaijan"): a pair inside one name, not a second actor."""
    words = [w for w in toks.lower[j + 1:after.end] if w != "the"]
    if len(words) < 3 or j - len(words) < 0:
        return False
    return toks.lower[j - len(words):j - 1] == words[:-1]


def _portfolio_series_end(toks, ctx: EntityContext, j: int, n: int, kb_start: dict[int, Candidate]) -> int | None:
    """The end of ", Trade and Humanitarian Cooperation" at the comma ``j`` after a name's
    "on Economic": capitalised words after each comma, a coordinator, capitalised words that end
    in a portfolio noun ([roles] portfolio_end_nouns); None if the series is anything else (a
    known name in it, a lower-case word, no closing noun)."""
    def capitals(k: int) -> int:
        while k < n and k not in kb_start and toks.text[k][:1].isupper() and toks.text[k].isalpha():
            k += 1
        return k

    k = j
    while k < n and toks.text[k] == ",":
        e = capitals(k + 1)
        if e == k + 1:
            return None
        k = e
    if k == j or k >= n or toks.lower[k] not in ctx.lex.grammar.coordinators:
        return None
    e = capitals(k + 1)
    # the series ends at its last portfolio noun: "… Hostages and Missing Persons Ismayil Aliyev"
    # goes on with the holder's name after the noun
    last = next((x for x in range(e - 1, k, -1) if toks.lower[x] in ctx.lex.roles.portfolio_end_nouns), None)
    return last + 1 if last is not None else None


def leading_heads(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """ "Operation Atalanta", "Operation Prosperity Guardian": a capitalised word that opens an
    organization's name before capitalised words; a known organization among them ("Guardian")
    is part of the name, a known person, country or place ends it."""
    toks = tokens_of(doc)
    leads = ctx.lex.actors.leading_org_heads
    if not toks.has_any(leads):
        return []
    sent_of = ctx.sent_of
    kb_start = {c.start: c for c in kb_cands if c.role == "name"}
    longest = ctx.lex.window.org_name_tokens
    n = len(doc)
    out = []
    for i in toks.where(leads):
        if not toks.text[i][:1].isupper() or sent_of[i] < 0:
            continue
        b = i + 1
        while b < n and sent_of[b] == sent_of[i] and b - i <= longest:
            known = kb_start.get(b)
            if known is not None:
                if known.type != "Organization":
                    break
                b = known.end
                continue
            if not name_token(doc, ctx, b):
                break
            b += 1
        if b - i < 2:
            continue
        label = toks.span_text(i, b)
        out.append(Candidate(i, b, new_key("Organization", label), "Organization", "org-head", label))
    return out


def org_heads(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """Capitalised names ending in an organization or place word."""
    toks = tokens_of(doc)
    sent_of = ctx.sent_of
    kb_end = {c.end: c for c in kb_cands if c.role == "name" and c.type != "Person"}
    kb_start = {c.start: c for c in kb_cands if c.role == "name"}
    people = {i for c in kb_cands if c.type == "Person" for i in range(c.start, c.end)}
    out = []
    n = len(doc)
    table = tokens_of(doc)
    actors = ctx.lex.actors
    heads = actors.org_heads | actors.place_heads
    longest = ctx.lex.window.org_name_tokens
    for i in table.where(heads | actors.qualified_org_heads):
        low = table.lower[i]
        if not table.text[i][:1].isupper() or sent_of[i] < 0:
            continue
        if low in actors.qualified_org_heads and (i == 0 or table.lower[i - 1] not in actors.qualified_head_words
                                                  or not table.text[i - 1][:1].isupper()):
            continue  # "Defence Force" heads a name; a bare "Force" does not
        head = toks.text[i]
        is_org = low in actors.org_heads or low in actors.qualified_org_heads
        if low == "ministry":
            continue
        if i + 1 < n and f"{low} {table.lower[i + 1]}" in ctx.lex.titles:
            continue  # "Chief Cabinet Secretary X": the head word opens a title, it ends no name
        if (i + 2 < n and table.lower[i + 1] in actors.portfolio_minister_words
                and table.text[i + 1][:1].isupper() and is_name_token(table.text[i + 2])):
            continue  # "French Armed Forces Minister X": a portfolio, no organization
        if any(i - w >= 0 and " ".join(table.lower[i - w:i + 1]) in ctx.lex.titles for w in (3, 4)):
            continue  # "Chairman of the Board of X": the head word closes a title, it opens no name
        # left: capitalised words or a known name, over at most org_name_tokens tokens
        a = i
        too_long = False
        while a > 0 and sent_of[a - 1] == sent_of[i]:
            if i - a >= longest:
                too_long = True  # "Council Council …": no name is that long; a walk stays short
                break
            prev = kb_end.get(a)
            if prev is not None:
                a = prev.start
                continue
            if a - 1 in people:
                break  # "Sergey Lavrov and Baltic Shipping Company": a person is no part of the name
            if name_token(doc, ctx, a - 1) or is_acronym_word(toks.text[a - 1]):
                a -= 1
                continue
            if toks.text[a - 1] == "-" and a - 2 >= 0 and toks.text[a - 2][:1].isupper() and not toks.whitespace[a - 1]:
                a -= 2
                continue
            if (toks.lower[a - 1] in ctx.lex.grammar.possessive and a - 2 >= 0
                    and toks.lower[a - 2] in ctx.lex.actors.inner_possessive_nouns and toks.text[a - 2][:1].isupper()):
                a -= 2  # "European People's Party": a plural noun's possessive inside the name
                continue
            if (toks.lower[a - 1] in ctx.lex.grammar.coordinators and a - 2 >= 0 and a < i
                    and name_token(doc, ctx, a - 2) and a - 2 not in people and sent_of[a - 2] == sent_of[i]
                    and getattr(kb_end.get(a - 1), "type", None) not in ("Country", "Place")):
                a -= 2  # "Peace and Security Council"; not "Papua New Guinea and Solomon Islands"
                continue
            break
        if (is_org and a >= 2 and toks.lower[a - 1] == "of" and sent_of[a - 2] == sent_of[i]
                and name_token(doc, ctx, a - 2) and a - 2 not in kb_end and a - 2 not in people
                and toks.lower[a - 2] not in ctx.lex.title_words and toks.lower[a - 2] not in heads):
            continue  # "the Compact of Free Association": the name opens before "of", with no head word kg reads
        # right: "of (the) Capitalised …"
        b = i + 1
        if (b + 1 < n and low in ctx.lex.actors.post_heads and toks.lower[b] in ctx.lex.actors.post_head_prepositions
                and sent_of[b] == sent_of[i]):
            # "OSCE Mission to Moldova": the post, a known country or place, ends the name
            post = kb_start.get(b + 1)
            if post is not None and post.type in ("Country", "Place") and i > a:
                b = post.end
        elif b < n and toks.lower[b] in ctx.lex.actors.head_prepositions and sent_of[b] == sent_of[i]:
            j = b + 1
            if j < n and toks.lower[j] == "the":
                j += 1
            last_good = anchor = None
            paired = False  # "… between the Republic of A and the Republic of B": one name
            while j < n and sent_of[j] == sent_of[i]:
                if j - i >= longest:
                    too_long = True
                    break
                known = kb_start.get(j)
                if known is not None:
                    if known.type == "Person":
                        break  # "Speaker of the National Assembly of Armenia Alen Simonyan"
                    j = known.end
                    last_good = anchor = j
                    continue
                word, low_j = toks.text[j], toks.lower[j]
                if low_j in ctx.lex.actors.pair_prepositions and last_good is not None:
                    nxt = j + 1 + (j + 1 < n and toks.lower[j + 1] == "the")
                    pair = kb_start.get(nxt)
                    if pair is not None and pair.type == "Country":
                        paired, j = True, nxt  # "State Commission on … between the Republic of A"
                        continue
                if low_j in ctx.lex.grammar.coordinators and j + 2 < n:
                    nxt = j + 1
                    pair = kb_start.get(nxt)
                    if pair is None and toks.lower[nxt] == "the":
                        nxt += 1
                        pair = kb_start.get(nxt)
                    if (pair is not None and pair.type == "Country"
                            and (paired or _parallel_country(toks, j, pair))):
                        j = last_good = anchor = pair.end  # "… and the Republic of Armenia": the pair's second
                        paired = False
                        continue
                if name_token(doc, ctx, j) or (word.isupper() and word.isalpha() and len(word) > 1):
                    j += 1
                    last_good = j
                    if low_j in heads:
                        anchor = j
                    continue
                if (low_j == "the" and last_good == j and j + 1 < n and sent_of[j + 1] == sent_of[i]
                        and _participle_in_name(toks, ctx, j - 1) and toks.text[j + 1][:1].isupper()
                        and toks.lower[j + 1] not in ctx.lex.title_words
                        and getattr(kb_start.get(j + 1), "type", None) != "Person"):
                    j += 1  # "Council of States Bordering the Red Sea": the participle's object is in the name
                    continue
                if low_j in ctx.lex.actors.connectors and j + 1 < n and low_j != "the":
                    nxt = j + 1
                    if (toks.lower[nxt] == "the" and low_j in ctx.lex.actors.head_prepositions and nxt + 1 < n
                            and sent_of[nxt + 1] == sent_of[i]):
                        nxt += 1  # "Commission for the Protection of the Danube River"
                    if toks.text[nxt][:1].isupper() and toks.lower[nxt] != "the":
                        post = kb_start.get(nxt)
                        if (low_j in ctx.lex.actors.locative and post is not None and post.type in ("Place", "Country")
                                and not (low_j in ctx.lex.actors.name_topic_prepositions and post.type == "Country")):
                            break  # "… of the Danube River in Belgrade": where it met, not its name
                        if low_j in ctx.lex.grammar.coordinators and post is not None and post.type in (
                                "Country", "Organization") and post.role == "name":
                            # "The Council of Europe and Ukraine signed", "a member of the Council
                            # of Europe and GUAM": two actors, not one name
                            break
                        j = nxt
                        continue
                if word == "-" and not toks.whitespace[j - 1] and j + 1 < n and toks.text[j + 1][:1].isupper():
                    j += 1
                    continue
                if word == "," and last_good == j:
                    e = _portfolio_series_end(toks, ctx, j, n, kb_start)
                    if e is not None:
                        # "Commission on Economic, Trade and Humanitarian Cooperation"; after a
                        # title, a holder's name may follow the series' last noun
                        j = last_good = anchor = e
                        continue
                break
            if last_good is not None:
                b = last_good
                own = kb_start.get(a)
                if own is not None and own.type == "Organization" and i < own.end < b and (anchor is None or anchor < own.end):
                    anchor = own.end  # "Secretary General of the Organization of Turkic States X": the known name
                if anchor is not None and b - anchor >= 2 and after_title_of(toks, ctx, a):
                    # "Speaker of the National Assembly of Armenia Karen Vartanyan said": after
                    # "TITLE of (the)", the name ends at its last country or head word and a
                    # person's name follows it
                    b = anchor
        if b - a < 2 or too_long:
            continue
        if toks.text[a].isupper() and toks.text[i].isupper() and (
                toks.lower[a] in ctx.lex.grammar.articles
                or any(toks.lower[k] in ctx.lex.actors.connectors and toks.text[k].isupper() for k in range(a + 1, b))):
            # "THE REGION STEPS IN", "DEFENCE AND THE ALLIANCE": an upper-case subheading, whose
            # small words are in capitals too, no name
            continue
        if is_org and _in_portfolio(toks, ctx, a):
            continue  # "Minister of Territorial Administration and Infrastructure": a portfolio, no body
        if (not is_org and b == i + 1 and b < n and sent_of[b] == sent_of[i] and b not in kb_start
                and name_token(doc, ctx, b) and toks.lower[b] not in ctx.lex.title_words):
            continue  # "Small Island Developing States": the name goes on past the place word
        if (is_org and b == i + 1 and b < n and sent_of[b] == sent_of[i] and i >= 1 and toks.text[i - 1] == "-"
                and not toks.whitespace[i - 1] and b not in kb_start and name_token(doc, ctx, b)
                and toks.lower[b] not in ctx.lex.title_words):
            continue  # "the Six-Party Talks": a hyphen-glued head word is a modifier of the next noun
        type_ = "Organization" if is_org else "Place"
        label = toks.span_text(a, b)
        aliases: tuple[str, ...] = ()
        # "Secretariat of the CSTO" -> "CSTO Secretariat"
        if b > i + 1 and a == i:
            owner = kb_start.get(i + 2) or kb_start.get(i + 3)
            if owner is not None and owner.end == b and owner.type == "Organization":
                short = ctx.kb[owner.key[3:]].acronym or owner.label
                aliases = (label, f"{head} of the {owner.label}", f"{head} of the {short}",
                           f"{owner.label} {head}")
                label = f"{short} {head}"
        if " of the " in label:
            aliases = (*aliases, label.replace(" of the ", " of "))
        known = _owned_known(toks, ctx, a, label, kb_end) if is_org else None
        if known is not None:
            # "Armenia's National Assembly": the body the knowledge base names "… of Armenia"
            out.append(Candidate(a, b, "kb:" + known.id, known.type, "org-head", known.name, "name",
                                 known.wikidata, known.names()))
            continue
        out.append(Candidate(a, b, new_key(type_, label), type_, "org-head", label, kb_aliases=aliases))
    return out


def _owned_known(toks, ctx: EntityContext, a: int, label: str, kb_end: dict[int, Candidate]):
    """The known organization "LABEL of COUNTRY" when the name ``label`` at token ``a`` follows
    "COUNTRY's" ("Armenia's National Assembly"), else None."""
    if a < 2 or toks.lower[a - 1] not in ctx.lex.grammar.possessive:
        return None
    owner = kb_end.get(a - 1)
    if owner is None or owner.type != "Country":
        return None
    found = [x for x in ctx.kb.by_name(f"{label} of {owner.label}") if x.type == "Organization"]
    return found[0] if len(found) == 1 else None


def _in_portfolio(toks, ctx: EntityContext, a: int) -> bool:
    """The capitalised words from token ``a`` follow "Minister of" (a title of [roles]
    portfolio_titles, then a portfolio preposition): they name a portfolio."""
    if a < 2 or toks.lower[a - 1] not in ctx.lex.roles.portfolio_prepositions:
        return False
    one = ctx.lex.titles.get(toks.lower[a - 2])
    two = ctx.lex.titles.get(f"{toks.lower[a - 3]} {toks.lower[a - 2]}") if a >= 3 else None
    return (two or one) in ctx.lex.roles.portfolio_titles


def dateline_candidates(doc: Doc, ctx: EntityContext, kb_cands: list[Candidate]) -> list[Candidate]:
    """ "MOSCOW, July 14.": the place of an upper-case dateline."""
    layout = ctx.layout
    if layout.dateline_place is None:
        return []
    span = doc.char_span(*layout.dateline_place, alignment_mode="contract")
    if span is not None and len(span) > 1 and span[0].lower_ in ctx.lex.places.dateline_prepositions:
        # "ABOARD THE FRIGATE X, Red Sea (AP) -": a phrase; "NEAR KHERSON": the name after it
        if span[1].lower_ in ctx.lex.grammar.articles:
            return []
        span = span[1:]
    if span is None or any(c.start >= span.start and c.end <= span.end for c in kb_cands):
        return []
    label = span.text.title()
    known = ctx.kb.by_name(label)
    for actor in known:
        if actor.type in ("Place", "Country"):
            return [Candidate(span.start, span.end, "kb:" + actor.id, actor.type, "dateline", actor.name,
                              "name", actor.wikidata, actor.names())]
    if not known and span.text.isupper() and any(c.isalpha() for c in span.text):
        # "VILLERS-COTTERETS, France (AA) -": an upper-case dateline names a place, known or not
        # ("UNITED NATIONS, June 6" names the organization's seat: no new place)
        return [Candidate(span.start, span.end, new_key("Place", label), "Place", "dateline", label)]
    return []


def in_dateline(doc: Doc, ctx: EntityContext, start: int) -> bool:
    toks = tokens_of(doc)
    span = ctx.layout.dateline_place
    return span is not None and span[0] <= toks.idx[start] < span[1]


def demonyms_as_named_countries(doc: Doc, ctx: EntityContext, chosen: list[Candidate]) -> list[Candidate]:
    """An ambiguous demonym of several countries is the one of them the article names ("The
    Dominican Republic has deported … Dominican President X": not Dominica), when it names
    exactly one of them."""
    if not any(c.ambiguous and c.role == "demonym" for c in chosen):
        return chosen
    named = {c.key for c in chosen if c.role == "name" and c.type == "Country"}
    toks = tokens_of(doc)
    out = []
    for c in chosen:
        if c.ambiguous and c.role == "demonym" and c.key not in named:
            options = [a for a in ctx.kb.countries_for_demonym(toks.span_text(c.start, c.end))
                       if "kb:" + a.id in named]
            if len(options) == 1:
                a = options[0]
                c = Candidate(c.start, c.end, "kb:" + a.id, a.type, c.rule, a.name, c.role, a.wikidata,
                              a.names(), c.ambiguous)
        out.append(c)
    return out


def glued_in_dateline(doc: Doc, ctx: EntityContext, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are a hyphen-glued part of a longer dateline place, not a
    name of their own ("PORT-AU-PRINCE, Haiti": no African Union in "AU")."""
    toks = tokens_of(doc)
    span = ctx.layout.dateline_place
    if span is None or not (span[0] <= toks.idx[start] and toks.idx[end - 1] + len(toks.text[end - 1]) <= span[1]):
        return False
    before = start >= 1 and toks.text[start - 1] == "-" and not toks.whitespace[start - 1]
    after = end < len(toks.text) and toks.text[end] == "-" and not toks.whitespace[end - 1]
    return before or after


def dateline_place(doc: Doc, ctx: EntityContext, cand: Candidate) -> Candidate:
    if cand.role == "metonym":
        actor = ctx.kb[cand.key[3:]]
        # a seat that stands in for an organization ("Brussels"): the place its words name
        capital = ctx.kb.actors.get(actor.capital) if actor.capital else next(
            (a for a in ctx.kb.by_name(tokens_of(doc).span_text(cand.start, cand.end)) if a.type == "Place"), None)
        if capital is None:
            cand.rule = "dateline"
            return cand
        return Candidate(cand.start, cand.end, "kb:" + capital.id, capital.type, "dateline", capital.name,
                         "name", capital.wikidata, capital.names())
    cand.rule = "dateline"
    return cand


def find_titles(doc: Doc, ctx: EntityContext) -> list[TitleSpan]:
    spans = [(s, e, doc.vocab.strings[m]) for m, s, e in ctx.tables.title_matcher(doc) if ctx.sent_of[s] >= 0]
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out, last_end = [], -1
    for s, e, surface in spans:
        if s < last_end:
            continue
        canonical = ctx.lex.titles[surface]
        plural = surface.endswith("s") and not surface.endswith("ss") and ctx.lex.titles.get(surface[:-1]) == canonical
        out.append(TitleSpan(s, e, canonical, plural))
        last_end = e
    return out

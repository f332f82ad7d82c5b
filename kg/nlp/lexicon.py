"""Load ``kg/data/lexicon.toml``: the words, window sizes and confidences of the extractors.

The rules of :mod:`kg.nlp` are code; what they match is data.  Titles, speech verbs,
organization heads, boilerplate patterns, relation cues, the dateline, date and month
patterns, how many tokens a rule looks across (``[window]``) and how sure each rule is
(``[confidence]``) all live in the lexicon, so widening a rule or re-weighting it never
touches Python.

:func:`load_lexicon` reads the file once per process, compiles its regular expressions
and turns it into typed, frozen groups: ``lex.grammar.possessive``, ``lex.actors.org_heads``, ``lex.roles.posted_titles``,
``lex.speech.verbs``, ``lex.relations.negations``, ``lex.entities.priority``,
``lex.window.part_of_gap``-style sizes, ``lex.confidence.official``.
A missing key is an :class:`kg.errors.InputError` at load time, not a KeyError mid-article.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.kb import SURFACE_KINDS
from kg.nlp.lexicon_groups import (
    WORDS,
    ActorWords,
    Confidences,
    EntityRanks,
    GrammarWords,
    PlaceWords,
    RelationWords,
    RoleWords,
    SpeechWords,
    Windows,
)
from kg.records import ENTITY_TYPES

__all__ = ["ActorWords", "Confidences", "EntityRanks", "GrammarWords", "Lexicon", "PlaceWords", "RelationWords",
           "RoleWords", "SpeechWords", "Windows", "load_calibration", "load_lexicon"]


@dataclass(frozen=True)
class Lexicon:
    raw: dict
    boilerplate_line: tuple[re.Pattern, ...]
    boilerplate_tail: tuple[re.Pattern, ...]
    date_line: tuple[re.Pattern, ...]
    caption_credit: tuple[re.Pattern, ...]
    publisher: tuple[re.Pattern, ...]  # each with a group "pub"
    months: dict[str, int]  # lower-case month name or abbreviation -> 1..12
    dates: tuple[re.Pattern, ...]  # each with the groups year, month, day
    dateline: tuple[re.Pattern, ...]
    abbreviations: frozenset[str]
    titles: dict[str, str]  # surface (lower) -> canonical title
    title_words: frozenset[str]  # every word of a title ("foreign", "minister")
    grammar: GrammarWords
    actors: ActorWords
    roles: RoleWords
    speech: SpeechWords
    relations: RelationWords
    entities: EntityRanks
    places: PlaceWords
    window: Windows
    confidence: Confidences


def _compile(patterns: list[str], where: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern, ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, flags))
        except re.error as exc:
            raise InputError(f"lexicon: bad regular expression in {where}: {p!r} ({exc})") from None
    return tuple(out)


def _with_groups(patterns: tuple[re.Pattern, ...], groups: tuple[str, ...], where: str) -> tuple[re.Pattern, ...]:
    """The patterns, each checked to have the named groups its reader takes."""
    for p in patterns:
        missing = [g for g in groups if g not in p.groupindex]
        if missing:
            raise InputError(f"lexicon: {where} pattern {p.pattern!r} lacks the group(s) {', '.join(missing)}")
    return patterns


def _months(names: list[list[str]]) -> dict[str, int]:
    """``[["january", "jan"], …]`` -> {"january": 1, "jan": 1, …}: twelve months, January first."""
    if len(names) != 12:
        raise InputError(f"lexicon: [layout] months lists {len(names)} months, not 12")
    return {name.lower(): number for number, forms in enumerate(names, start=1) for name in forms}


def _numbers(section: dict, where: str) -> dict[str, int]:
    """A table of whole numbers (``[entities.priority]``)."""
    for key, value in section.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(f"lexicon: [{where}] {key} is not a whole number: {value!r}")
    return dict(section)


def _entity_ranks(section: dict) -> EntityRanks:
    ranks = _numbers(section["surface_kind_rank"], "entities.surface_kind_rank")
    missing = [kind for kind in SURFACE_KINDS if kind not in ranks]
    if missing:
        raise InputError(f"lexicon: [entities.surface_kind_rank] lacks {', '.join(missing)}")
    types = dict(section["model_types"])
    wrong = {label: t for label, t in types.items() if t not in ENTITY_TYPES}
    if wrong:
        raise InputError(f"lexicon: [entities] model_types maps to types kg does not know: {wrong}")
    variants = tuple(tuple(group) for group in section["spelling_variants"])
    regions = frozenset(w.lower() for w in section.get("region_prefixes", ()))
    return EntityRanks(_numbers(section["priority"], "entities.priority"), ranks, types, variants, regions)


def _typed(cls: type, section: dict, where: str, kind: type) -> Any:
    """A frozen dataclass of numbers from a section: every field present, of its kind."""
    values = {}
    for f in fields(cls):
        if f.name not in section:
            raise InputError(f"lexicon: [{where}] lacks {f.name}")
        value = section[f.name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InputError(f"lexicon: [{where}] {f.name} is not a number: {value!r}")
        values[f.name] = kind(value)
    return cls(**values)


def _with_plurals(titles: dict[str, str], prepositions: frozenset[str]) -> dict[str, str]:
    """Titles with the plural of every longer title whose last word has its plural listed
    ("deputy prime ministers", as "ministers" is): "Deputy Prime Ministers A of Armenia and
    B of Azerbaijan" keeps its whole title ("assistant to the president" has no such plural)."""
    out = dict(titles)
    for surface, canonical in titles.items():
        *rest, last = surface.split()
        plural = f"{surface}s"
        if rest and not prepositions.intersection(rest) and plural not in out and titles.get(f"{last}s") == titles.get(last) is not None:
            out[plural] = canonical
    return out


def _with_shared(titles: dict[str, str], shared: dict) -> dict[str, str]:
    """Titles with each surface of a [shared_offices] title after each of its prefixes ("co-vice
    president" = "Co-Vice President"); a surface listed already keeps its own title ("co-chair")."""
    out = dict(titles)
    offices = frozenset(shared["titles"])
    for surface, canonical in titles.items():
        if canonical not in offices:
            continue
        for prefix in shared["prefixes"]:
            out.setdefault(f"{prefix.lower()}{surface}", f"{prefix.capitalize()}{canonical}")
    return out


def _word_fields(cls: type, raw: dict) -> dict[str, frozenset[str]]:
    """The fields of ``cls`` declared with :func:`kg.nlp.lexicon_groups.words`, read from ``raw``."""
    out = {}
    for f in fields(cls):
        sources = f.metadata.get(WORDS)
        if sources is None:
            continue
        found: set[str] = set()
        for source in sources:
            section, key = source.split(".")
            if key not in raw.get(section, {}):
                raise InputError(f"lexicon: [{section}] lacks {key}")
            found.update(w.lower() for w in raw[section][key])
        out[f.name] = frozenset(found)
    return out


def _build(raw: dict) -> Lexicon:
    def phrases(section: str, key: str) -> tuple[tuple[str, ...], ...]:
        """A list of phrases as word tuples, the longest first (read greedily)."""
        return tuple(sorted((tuple(p.lower().split()) for p in raw[section][key]), key=lambda t: -len(t)))

    layout = raw["layout"]
    titles = _with_plurals(_with_shared({k.lower(): v for k, v in raw["titles"].items()}, raw["shared_offices"]),
                           frozenset(raw["roles"]["qualifier_prepositions"]) | frozenset(raw["roles"]["posting_prepositions"]))
    rel = raw["relations"]
    speech = raw["speech"]
    return Lexicon(
        raw=raw,
        boilerplate_line=_compile(layout["boilerplate_line"], "layout.boilerplate_line"),
        boilerplate_tail=_compile(layout["boilerplate_tail"], "layout.boilerplate_tail"),
        date_line=_compile(layout["date_line"], "layout.date_line"),
        caption_credit=_compile(layout["caption_credit"], "layout.caption_credit"),
        publisher=_with_groups(_compile(layout["publisher_patterns"], "layout.publisher_patterns", flags=0),
                               ("pub",), "layout.publisher_patterns"),
        months=_months(layout["months"]),
        dates=_with_groups(_compile(layout["date_patterns"], "layout.date_patterns", flags=0),
                           ("year", "month", "day"), "layout.date_patterns"),
        dateline=_compile(raw["dateline"]["patterns"], "dateline.patterns", flags=0),
        abbreviations=frozenset(a.lower() for a in raw["sentences"]["abbreviations"]),
        titles=titles,
        title_words=frozenset(w for title in titles for w in title.split()),
        grammar=GrammarWords(
            **_word_fields(GrammarWords, raw),
            list_additions=tuple(tuple(p.lower().split()) for p in raw["grammar"]["list_additions"]),
        ),
        actors=ActorWords(
            **_word_fields(ActorWords, raw),
            locative_phrases=frozenset(tuple(p.lower().split()) for p in raw["actors"]["locative_phrases"]),
            ministry_domains={k.lower(): v for k, v in raw["actors"]["ministry_domains"].items()},
            ministry_acronyms={k.lower(): v for k, v in raw["actors"]["ministry_acronyms"].items()},
            acronym_connectors=tuple(raw["actors"]["acronym_connectors"]),
            media_heads=frozenset(tuple(p.lower().split()) for p in raw["actors"]["media_heads"] + raw["actors"]["body_heads"]),
            media_firsts=frozenset(p.lower().split()[0] for p in raw["actors"]["media_heads"] + raw["actors"]["body_heads"]),
            syllable_letters=int(raw["names"]["syllable_letters"]),
        ),
        roles=RoleWords(
            **_word_fields(RoleWords, raw),
            portfolio_titles=frozenset(raw["roles"]["portfolio_titles"]),
            posted_titles=frozenset(raw["roles"]["posted_titles"]),
            organization_titles=frozenset(raw["roles"]["organization_titles"]),
            sentence_country_titles=frozenset(raw["roles"]["sentence_country_titles"]),
            dateline_country_titles=frozenset(raw["roles"]["dateline_country_titles"]),
            legislature_titles=frozenset(raw["roles"]["legislature_titles"]),
            demonym_domain_titles=frozenset(raw["roles"]["demonym_domain_titles"]),
            counterpart_titles=frozenset(raw["roles"]["counterpart_titles"]),
            delegation_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["delegation_leads"]),
            gapped_delegation_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["gapped_delegation_leads"]),
            list_openers=dict(raw["roles"]["list_openers"]),
            represented_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["represented_leads"]),
            companion_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["companion_leads"]),
            head_leads=tuple((tuple(p.lower().split()), t) for p, t in raw["roles"]["head_leads"].items()),
            group_head_leads=tuple((tuple(p.lower().split()), t) for p, t in raw["roles"]["group_head_leads"].items()),
            head_relatives=tuple((tuple(p.lower().split()), t) for p, t in raw["roles"]["head_relatives"].items()),
            head_verbs=dict(raw["roles"]["head_verbs"]),
            person_relatives=tuple(tuple(p.lower().split()) for p in raw["roles"]["person_relatives"]),
            rank_titles=frozenset(raw["roles"]["rank_titles"]),
            exclusive_offices=frozenset(raw["roles"]["exclusive_offices"]),
            holder_relative_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["holder_relative_leads"]),
            holder_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["holder_leads"]),
            source_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["source_leads"]),
            sender_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["sender_leads"]),
            capacity_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["capacity_leads"]),
        ),
        speech=SpeechWords(
            **_word_fields(SpeechWords, raw),
            impersonal=tuple(tuple(p.split()) for p in speech["impersonal"]),
            min_direct_quote_words=int(speech["min_direct_quote_words"]),
            min_embedded_quote_words=int(speech["min_embedded_quote_words"]),
            organization_voices=tuple(tuple(p.lower().split()) for p in speech["organization_voices"]),
            phrasal_verbs={k.lower(): v.lower() for k, v in speech["phrasal_verbs"].items()},
            agent_participle_suffixes=tuple(speech["agent_participle_suffixes"]),
        ),
        relations=RelationWords(
            **_word_fields(RelationWords, raw),
            cues={k: tuple(v) for k, v in rel.items()
                  if isinstance(v, list) and all(isinstance(p, str) for p in v)},
            min_weak_list_members=int(rel["min_weak_list_members"]),
            list_openers=phrases("relations", "list_openers"),
            member_head_nouns=phrases("relations", "member_head_nouns"),
            participle_suffixes=tuple(raw["relations"]["participle_suffixes"]),
            ordinal_suffixes=tuple(raw["relations"]["ordinal_suffixes"]),
            join_followers=tuple(tuple(p.lower().split()) for p in rel["join_followers"]),
            member_alongside=tuple(tuple(p.lower().split()) for p in rel["member_alongside"]),
            member_with=tuple(tuple(p.lower().split()) for p in rel["member_with"]),
            member_time_preposition=str(rel["member_time_preposition"]),
            besides_leads=tuple(rel["besides_leads"]),
            count_words=tuple(w.lower() for w in raw["relations"]["count_words"]),
        ),
        entities=_entity_ranks(raw["entities"]),
        places=PlaceWords(**_word_fields(PlaceWords, raw)),
        window=_typed(Windows, raw.get("window", {}), "window", int),
        confidence=_typed(Confidences, raw.get("confidence", {}), "confidence", float),
    )


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the lexicon (the packaged one by default)."""
    try:
        if path is None:
            text = resources.files("kg").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"lexicon: cannot read {path or 'kg/data/lexicon.toml'}: {exc}") from None
    try:
        return _build(raw)
    except KeyError as exc:
        raise InputError(f"lexicon: {path or 'kg/data/lexicon.toml'} lacks {exc}") from None


#: A rule's measured precision (kg/data/confidence.toml) replaces its ``[confidence]``
#: prior once the rule was judged at least this many times on the gold articles.
MIN_OBSERVED = 5


@lru_cache(maxsize=1)
def load_calibration() -> dict[str, float]:
    """Rule -> measured confidence, for the rules measured often enough (none if no file)."""
    try:
        text = resources.files("kg").joinpath("data/confidence.toml").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        rules = tomllib.loads(text).get("rules", {})
        return {rule: float(v["confidence"]) for rule, v in rules.items()
                if int(v["right"]) + int(v["wrong"]) >= MIN_OBSERVED}
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(f"kg/data/confidence.toml: {exc}") from None

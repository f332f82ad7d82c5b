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


def _build(raw: dict) -> Lexicon:
    def words(section: str, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw[section][key])

    def phrases(section: str, key: str) -> tuple[tuple[str, ...], ...]:
        """A list of phrases as word tuples, the longest first (read greedily)."""
        return tuple(sorted((tuple(p.lower().split()) for p in raw[section][key]), key=lambda t: -len(t)))

    layout = raw["layout"]
    titles = _with_plurals({k.lower(): v for k, v in raw["titles"].items()},
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
            articles=words("grammar", "articles"),
            indefinite_articles=words("grammar", "indefinite_articles"),
            possessive=words("grammar", "possessive_markers"),
            coordinators=words("grammar", "coordinators"),
            list_additions=tuple(tuple(p.lower().split()) for p in raw["grammar"]["list_additions"]),
        ),
        actors=ActorWords(
            org_heads=words("actors", "organization_heads"),
            place_heads=words("actors", "place_heads"),
            place_of=words("actors", "place_of"),
            connectors=words("actors", "name_connectors"),
            not_names=words("actors", "not_names") | words("names", "honorifics"),
            given_name_not_names=words("actors", "given_name_not_names"),
            metonym_heads=words("actors", "metonym_heads"),
            locative=words("actors", "locative_prepositions"),
            locative_phrases=frozenset(tuple(p.lower().split()) for p in raw["actors"]["locative_phrases"]),
            ministry_domains={k.lower(): v for k, v in raw["actors"]["ministry_domains"].items()},
            ministry_acronyms={k.lower(): v for k, v in raw["actors"]["ministry_acronyms"].items()},
            name_particles=words("names", "particles"),
            acronym_connectors=tuple(raw["actors"]["acronym_connectors"]),
            head_prepositions=words("actors", "head_prepositions"),
            post_heads=words("actors", "post_heads"),
            post_head_prepositions=words("actors", "post_head_prepositions"),
            ministry_country_prepositions=words("actors", "ministry_country_prepositions"),
            ministry_office_domains=words("actors", "ministry_office_domains"),
            nested_name_links=words("actors", "nested_name_links"),
            title_of_gap=words("names", "title_of_gap"),
            title_prepositions=words("names", "title_prepositions"),
            media_heads=frozenset(tuple(p.lower().split()) for p in raw["actors"]["media_heads"]),
            media_firsts=frozenset(p.lower().split()[0] for p in raw["actors"]["media_heads"]),
            event_heads=words("actors", "event_heads"),
            patronymic_particles=words("names", "patronymic_particles"),
            syllable_letters=int(raw["names"]["syllable_letters"]),
            not_syllables=words("names", "not_syllables"),
            honorifics=words("names", "honorifics"),
            inner_honorifics=words("names", "inner_honorifics"),
            adverbs_before_speech=words("names", "adverbs_before_speech"),
            title_name_joins=words("names", "title_name_joins"),
            name_suffixes=words("names", "name_suffixes"),
            pair_prepositions=words("actors", "pair_prepositions"),
        ),
        roles=RoleWords(
            qualifier_prepositions=words("roles", "qualifier_prepositions"),
            portfolio_titles=frozenset(raw["roles"]["portfolio_titles"]),
            portfolio_prepositions=words("roles", "portfolio_prepositions"),
            portfolio_joins=words("roles", "portfolio_joins"),
            seat_prepositions=words("roles", "seat_prepositions"),
            posted_titles=frozenset(raw["roles"]["posted_titles"]),
            organization_titles=frozenset(raw["roles"]["organization_titles"]),
            posting_prepositions=words("roles", "posting_prepositions"),
            staff_links=words("roles", "staff_links"),
            appointing_base_verbs=words("roles", "appointing_base_verbs"),
            contrast_links=words("roles", "contrast_links"),
            sentence_country_titles=frozenset(raw["roles"]["sentence_country_titles"]),
            apposition_closers=words("roles", "apposition_closers"),
            origin_prepositions=words("roles", "origin_prepositions"),
            office_time_determiners=words("roles", "office_time_determiners"),
            office_time_nouns=words("roles", "office_time_nouns"),
            office_remit_prepositions=words("roles", "office_remit_prepositions"),
            counterpart_titles=frozenset(raw["roles"]["counterpart_titles"]),
            counterpart_prepositions=words("roles", "counterpart_prepositions"),
            holder_of=words("roles", "holder_of"),
            not_current=words("roles", "not_current"),
            delegation_nouns=words("roles", "delegation_nouns"),
            delegation_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["delegation_leads"]),
            gapped_delegation_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["gapped_delegation_leads"]),
            list_openers=dict(raw["roles"]["list_openers"]),
            represented_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["represented_leads"]),
            represented_auxiliaries=words("roles", "represented_auxiliaries"),
            holder_copulas=words("roles", "holder_copulas"),
            appointing_verbs=words("roles", "appointing_verbs"),
            appointment_links=words("roles", "appointment_links"),
            appointment_determiners=words("roles", "appointment_determiners"),
            whose_words=words("roles", "whose_words"),
            head_leads=tuple((tuple(p.lower().split()), t) for p, t in raw["roles"]["head_leads"].items()),
            head_relatives=tuple((tuple(p.lower().split()), t) for p, t in raw["roles"]["head_relatives"].items()),
            whose_copulas=words("roles", "whose_copulas"),
            copula_adverbs=words("roles", "copula_adverbs"),
            current_adjectives=words("roles", "current_adjectives"),
            representing_verbs=words("roles", "representing_verbs"),
            representing_auxiliaries=words("roles", "representing_auxiliaries"),
            capital_leads=words("roles", "capital_leads"),
            country_anaphors=words("roles", "country_anaphors"),
            principal_links=words("roles", "principal_links"),
            portfolio_end_nouns=words("roles", "portfolio_end_nouns"),
            portfolio_links=words("roles", "portfolio_links"),
            parliament_nouns=words("roles", "parliament_nouns"),
            legislature_heads=words("roles", "legislature_heads"),
            holder_descriptors=words("roles", "holder_descriptors"),
            future_title_suffixes=words("roles", "future_title_suffixes"),
            domain_adjectives=words("roles", "domain_adjectives"),
            rank_titles=frozenset(raw["roles"]["rank_titles"]),
            exclusive_offices=frozenset(raw["roles"]["exclusive_offices"]),
            possessive_pronouns=words("roles", "possessive_pronouns"),
            own_government_nouns=words("roles", "own_government_nouns"),
            counterpart_possessives=words("roles", "counterpart_possessives"),
            holder_relative_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["holder_relative_leads"]),
            holder_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["holder_leads"]),
            sender_leads=tuple(tuple(p.lower().split()) for p in raw["roles"]["sender_leads"]),
            anaphor_nouns=words("speech", "organization_anaphors") | words("relations", "extra_organization_anaphors"),
        ),
        speech=SpeechWords(
            verbs=words("speech", "verbs"),
            participles=words("speech", "participles"),
            between=words("speech", "between_speaker_and_verb"),
            statement_nouns=words("speech", "statement_nouns"),
            statement_verbs=words("speech", "statement_verbs"),
            impersonal=tuple(tuple(p.split()) for p in speech["impersonal"]),
            org_anaphors=words("speech", "organization_anaphors"),
            cochair_voices=words("speech", "cochair_voices"),
            relative_pronouns=words("speech", "relative_pronouns"),
            relative_antecedent_prepositions=words("speech", "relative_antecedent_prepositions"),
            relative_speech_verbs=words("speech", "relative_speech_verbs"),
            frame_modifiers=words("speech", "frame_modifiers"),
            participle_subject_links=words("speech", "participle_subject_links"),
            auxiliaries_after_apposition=words("speech", "auxiliaries_after_apposition"),
            possessive_voice_pronouns=words("speech", "possessive_voice_pronouns"),
            possessive_voice_heads=words("speech", "possessive_voice_heads"),
            pronouns=words("speech", "person_pronouns"),
            min_direct_quote_words=int(speech["min_direct_quote_words"]),
            min_embedded_quote_words=int(speech["min_embedded_quote_words"]),
            naming_words=words("speech", "naming_words"),
            prepositions=words("reported", "prepositions"),
            trailing_starts=words("reported", "trailing_starts"),
            anaphor_determiners=words("speech", "anaphor_determiners"),
            subject_title_joins=words("speech", "subject_title_joins"),
            recipient_verbs=words("speech", "recipient_verbs"),
            setting_prepositions=words("speech", "setting_prepositions"),
            object_verbs=words("speech", "object_verbs"),
            organization_voices=tuple(tuple(p.lower().split()) for p in speech["organization_voices"]),
            quoting_verbs=words("speech", "quoting_verbs"),
            citing=words("speech", "citing"),
            passive_auxiliaries=words("speech", "passive_auxiliaries"),
            quoting_links=words("speech", "quoting_links"),
            agent_prepositions=words("speech", "agent_prepositions"),
            own_source_possessives=words("reported", "own_source_possessives"),
            own_source_prepositions=words("reported", "own_source_prepositions"),
            statement_adjectives=words("reported", "statement_adjectives"),
            phrasal_verbs={k.lower(): v.lower() for k, v in speech["phrasal_verbs"].items()},
        ),
        relations=RelationWords(
            cues={k: tuple(v) for k, v in rel.items()
                  if isinstance(v, list) and all(isinstance(p, str) for p in v)},
            negations=words("relations", "negations"),
            modal=words("relations", "modal"),
            deploy_objects=words("relations", "deploy_objects"),
            strong_list_cues=words("relations", "strong_list_cues"),
            min_weak_list_members=int(rel["min_weak_list_members"]),
            clause_words=words("relations", "clause_words"),
            speech_complementizers=words("relations", "speech_complementizers"),
            member_subject_gap=words("relations", "member_subject_gap"),
            cochair_subject_gap=words("relations", "cochair_subject_gap"),
            anaphors=words("speech", "organization_anaphors") | words("relations", "extra_organization_anaphors"),
            ministry_anaphors=words("relations", "ministry_anaphors"),
            ministry_rules=words("relations", "ministry_rules"),
            anaphor_determiners=words("relations", "anaphor_determiners"),
            negation_prefixes=words("relations", "negation_prefixes"),
            member_noun_copulas=words("relations", "member_noun_copulas"),
            member_noun_subject_gap=words("relations", "member_noun_subject_gap"),
            bare_membership_nouns=words("relations", "bare_membership_nouns"),
            cochair_object_stops=words("relations", "cochair_object_stops"),
            deploy_prepositions=words("relations", "deploy_prepositions"),
            list_openers=phrases("relations", "list_openers"),
            list_marks=words("relations", "list_marks"),
            member_head_nouns=phrases("relations", "member_head_nouns"),
            composition_links=words("relations", "composition_links"),
            member_list_leads=words("relations", "member_list_leads"),
            participle_suffixes=tuple(raw["relations"]["participle_suffixes"]),
            member_adjectives=words("relations", "member_adjectives"),
            ordinal_suffixes=tuple(raw["relations"]["ordinal_suffixes"]),
            non_member_words=words("relations", "non_member_words"),
            former_member_words=words("relations", "former_member_words"),
            future_member_words=words("relations", "future_member_words"),
            member_becoming=words("relations", "member_becoming"),
            member_time_weekdays=words("relations", "member_time_weekdays"),
            member_head_modifiers=words("relations", "member_head_modifiers"),
            member_apposition_relatives=words("relations", "member_apposition_relatives"),
            member_singling_words=words("relations", "member_singling_words"),
            member_clause_openers=words("relations", "member_clause_openers"),
            join_followers=tuple(tuple(p.lower().split()) for p in rel["join_followers"]),
            member_alongside=tuple(tuple(p.lower().split()) for p in rel["member_alongside"]),
            whose_country_nouns=words("relations", "whose_country_nouns"),
            ally_list_cues=words("relations", "ally_list_cues"),
            member_time_preposition=str(rel["member_time_preposition"]),
            member_time_determiners=words("relations", "member_time_determiners"),
            member_time_periods=words("relations", "member_time_periods"),
            member_pronoun_subjects=words("relations", "member_pronoun_subjects"),
            member_plural_pronoun_subjects=words("relations", "member_plural_pronoun_subjects"),
            member_relative_pronouns=words("relations", "member_relative_pronouns"),
            member_object_leads=words("relations", "member_object_leads"),
            apposition_dashes=words("relations", "apposition_dashes"),
            member_as=words("relations", "member_as"),
            member_quantifiers=words("relations", "member_quantifiers"),
            member_partitives=words("relations", "member_partitives"),
            bare_member_verbs=words("relations", "bare_member_verbs"),
            member_as_verbs=words("relations", "member_as_verbs"),
            members_of_nouns=words("relations", "members_of_nouns"),
            besides_leads=tuple(rel["besides_leads"]),
            members_of_verbs=words("relations", "members_of_verbs"),
            intransitive_joins=words("relations", "intransitive_joins"),
            intransitive_join_closers=words("relations", "intransitive_join_closers"),
            join_time_leads=words("relations", "join_time_leads"),
            join_time_nouns=words("relations", "join_time_nouns"),
            cochair_passive_agents=words("relations", "cochair_passive_agents"),
            member_group_partitives=words("relations", "member_group_partitives"),
            member_possessive_pronouns=words("relations", "member_possessive_pronouns"),
            member_noun_plural_copulas=words("relations", "member_noun_plural_copulas"),
            counted_member_nouns=words("relations", "counted_member_nouns"),
            count_words=tuple(w.lower() for w in raw["relations"]["count_words"]),
            count_pairs=words("relations", "count_pairs"),
            member_since=words("relations", "member_since"),
            example_member_cues=words("relations", "example_member_cues"),
            member_as_nouns=words("relations", "member_as_nouns"),
            admission_welcome_verbs=words("relations", "admission_welcome_verbs"),
            admission_member_nouns=words("relations", "admission_member_nouns"),
            admission_after=words("relations", "admission_after"),
            restored_nouns=words("relations", "restored_nouns"),
            member_relatives=words("relations", "member_relatives"),
            member_relative_copulas=words("relations", "member_relative_copulas"),
            member_clause_adverbs=words("relations", "member_clause_adverbs"),
            member_clause_ends=words("relations", "member_clause_ends"),
            restored_links=words("relations", "restored_links"),
            admission_not_yet=words("relations", "admission_not_yet"),
            admission_as_determiners=words("relations", "admission_as_determiners"),
            list_with_cues=words("relations", "list_with_cues"),
            list_with_words=words("relations", "list_with_words"),
            counting_cues=words("relations", "counting_cues"),
            founding_predicates=words("relations", "founding_predicates"),
            member_coordinated_links=words("relations", "member_coordinated_links"),
            member_coordinated_verbs=words("relations", "member_coordinated_verbs"),
            member_pair_nouns=words("relations", "member_pair_nouns"),
            member_territory_nouns=words("relations", "member_territory_nouns"),
            lifting_verbs=words("relations", "lifting_verbs"),
            lifted_nouns=words("relations", "lifted_nouns"),
            lifted_links=words("relations", "lifted_links"),
            counting_links=words("relations", "counting_links"),
            admission_inserted_openers=words("relations", "admission_inserted_openers"),
            admission_clause_links=words("relations", "admission_clause_links"),
            anaphor_size_nouns=words("relations", "anaphor_size_nouns"),
            list_ends=words("relations", "list_ends"),
            clause_marks=words("relations", "clause_marks"),
            org_member_nouns=words("relations", "org_member_nouns"),
        ),
        entities=_entity_ranks(raw["entities"]),
        places=PlaceWords(words("places", "place_prepositions"), words("places", "not_places"),
                          words("places", "modified_nouns")),
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

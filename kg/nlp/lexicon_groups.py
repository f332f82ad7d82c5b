"""The typed groups of the lexicon (``kg/data/lexicon.toml``), one frozen dataclass each.

:mod:`kg.nlp.lexicon` loads the file into them; the rules read ``lex.window.part_of_gap``,
``lex.confidence.official``, ``lex.speech.verbs`` and the like.  A field added here is a
key the file must have (a missing one is an error at load time); a field of words says where
it is read from (:func:`words`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The key of a field's metadata that names the lexicon lists it is read from.
WORDS = "kg_words"


def words(*sources: str) -> Any:
    """A field the loader fills with the lower-case words of the lexicon lists at ``sources``
    (``"section.key"``; several: their union), so each list's place in the file is named once,
    beside its field (:func:`kg.nlp.lexicon._word_fields`)."""
    return field(metadata={WORDS: sources})


@dataclass(frozen=True)
class Windows:
    """Token (or sentence) distances the rules look across (``[window]``)."""

    negation_before_cue: int
    negation_before_org: int
    clause_comma: int
    counted_list_sentences: int
    pair_sentences: int  # "a member of both blocs": sentences back to the two organizations
    place_list_items: int
    part_of_gap: int
    support_subject: int
    deploy_object_gap: int
    list_descriptor: int
    participle_phrase: int  # tokens of "serving two-year terms" between members and ", among them A, B"
    list_clause: int
    composition_link: int
    possessor_words: int
    anaphor_description: int  # tokens between "the" and the noun of "the 46-nation human rights body"
    speech_time_words: int  # "said on Friday that": words between a speech verb and "that"
    appointee_description: int  # words between "appointed" and its appointee ("Antiguan diplomat X")
    cochair_span: int
    ministry_domain_words: int
    acronym_words: int
    apposition_acronym_gap: int  # "the UN mission in the territory, MINURSO,": noun to comma
    title_name_words: int
    hearer_name_words: int  # "told the Financial Times it …": an unknown hearer's capitalised words
    apposition_name_words: int
    current_adjective_words: int  # "a new de facto leader, X": current adjectives in a row
    apposition_describing_words: int  # "X, a former footballer", "X, a Russian-Armenian billionaire": tokens between "a" and the noun
    apposition_qualifier_words: int  # "X, the de facto leader of Y", "X, the city's former mayor,": qualifiers before the office
    speech_name_words: int
    speech_qualifier_words: int
    age_digits: int
    given_name_apposition: int
    speech_comma: int
    head_apposition: int  # "X, a former minister of Chile, now heads ORG": tokens back to the first comma
    surname_first_names: int
    apposition_office_words: int  # "X, head of A and Vice President of B,": tokens of the first office
    post_name_words: int  # "Special Representative for the Belgrade-Pristina Dialogue, X"
    post_lower_words: int  # "… for the Belgrade-Pristina dialogue, X": lower-case words ending a post after "the"
    surname_after_title: int  # "Foreign Minister A B Wagner": name words before an ambiguous surname
    name_variant_chars: int
    place_variant_chars: int
    place_name_words: int
    speaker_sentences: int
    pronoun_sentences: int
    speaker_steps: int
    speaker_comma: int
    relative_clause_span: int
    whose_apposition_honorifics: int  # "whose commander, Lieutenant General X": words between the comma and the name
    whose_apposition_noun: int  # "whose chief of staff, X": words between "whose" and the comma
    subject_title_words: int
    frame_after: int
    frame_before_colon: int
    inverted_frame_before: int  # 'If not, said X, chairman of Y, a think tank, "…"': tokens back to the verb
    frame_verb_mark: int
    quote_continued_sentences: int
    quote_previous_sentences: int
    quote_colon: int
    speaker_title_words: int
    trailing_lead: int
    that_probe: int
    that_probe_setting: int
    trailing_words: int
    according_comma: int
    reporter_frame_words: int  # "Citing X, the state news agency RIA reported that …"
    own_source_words: int
    statement_words: int
    quoting_link: int
    workplace_remit_words: int  # "vice president for studies at ORG"
    introduced_description: int  # words of "a monitoring mission" before ", EUMA" that "Its" may point to
    statement_agent: int
    statement_noun_words: int
    subject_words: int
    quote_agent: int
    characterized_object: int
    characterized_apposition: int  # description words between a person and a characterizing verb
    meta_line_chars: int
    caption_words: int
    gazetteer_name_tokens: int
    title_domain_words: int
    title_portfolio_words: int
    portfolio_holder_words: int
    title_alias_words: int
    description_name_sentences: int
    token_chars: int
    sentence_chars: int
    org_name_tokens: int
    pronoun_walk_sentences: int


@dataclass(frozen=True)
class Confidences:
    """How sure each rule is (``[confidence]``), kept on the assertions it makes."""

    official: float
    member_list_strong: float
    member_list: float
    member_predicate: float
    member_noun: float
    member_noun_elsewhere: float
    member_composition: float
    member_context: float
    member_as: float
    cochair_span: float
    cochair_person: float
    cochair_by: float
    cochair_predicate: float
    part_of: float
    support: float
    deployed: float
    quote_named: float
    quote_described: float
    quote_statement: float
    quote_it: float
    quote_impersonal: float
    quote_continued: float
    quote_embedded: float
    reported_named: float
    reported_described: float
    according_to: float
    official_apposition: float
    official_coordinated: float
    official_counterpart: float
    official_described: float
    official_neighbour: float
    announced: float


@dataclass(frozen=True, kw_only=True)
class GrammarWords:
    """``[grammar]``: closed-class words every extractor steps over or stops at."""

    articles: frozenset[str] = words("grammar.articles")
    indefinite_articles: frozenset[str] = words("grammar.indefinite_articles")
    possessive: frozenset[str] = words("grammar.possessive_markers")  # "'s", "’s"
    possessive_determiners: frozenset[str] = words("grammar.possessive_determiners")  # "his", "its"
    coordinators: frozenset[str] = words("grammar.coordinators")
    list_additions: tuple[tuple[str, ...], ...]  # phrases as word tuples ("as", "well", "as")
    unnamed_group_nouns: frozenset[str] = words("grammar.unnamed_group_nouns")  # "the Nordic and Baltic states"


@dataclass(frozen=True, kw_only=True)
class ActorWords:
    """``[actors]`` and ``[names]``: what makes a capitalised run an actor."""

    org_heads: frozenset[str] = words("actors.organization_heads")
    qualified_org_heads: frozenset[str] = words("actors.qualified_organization_heads")  # "Guyana Defence Force"
    leading_org_heads: frozenset[str] = words("actors.leading_organization_heads")  # "Operation Atalanta"
    qualified_head_words: frozenset[str] = words("actors.qualified_head_words")  # the word before such a head
    group_heads: frozenset[str] = words("actors.group_heads")  # "the opposition Hayastan faction"
    acronym_body_nouns: frozenset[str] = words("actors.acronym_body_nouns")  # "the UN mission …, MINURSO,"
    inner_possessive_nouns: frozenset[str] = words("actors.inner_possessive_nouns")  # "European People's Party"
    name_participle_endings: frozenset[str] = words("actors.name_participle_endings")  # "States Bordering the Red Sea"
    alias_phrases: frozenset[str] = words("actors.alias_phrases")  # "X, known as the Y": Y is X
    place_heads: frozenset[str] = words("actors.place_heads")
    workplace_holders: frozenset[str] = words("actors.workplace_holders")  # "a fellow at Carnegie Europe"
    member_posts: frozenset[str] = words("actors.member_posts")  # "X, a member of the State Duma who …"
    member_post_prepositions: frozenset[str] = words("actors.member_post_prepositions")
    organization_kind_nouns: frozenset[str] = words("actors.organization_kind_nouns")  # "the grid operator Snam"
    named_kind_nouns: frozenset[str] = words("actors.named_kind_nouns")  # "a movement called X"
    kind_naming_words: frozenset[str] = words("actors.kind_naming_words")  # "called", "named"
    portfolio_minister_words: frozenset[str] = words("actors.portfolio_minister_words")  # "Armed Forces Minister X"
    lower_place_heads: frozenset[str] = words("actors.lower_place_heads")  # "the Naryn river"
    region_place_prepositions: frozenset[str] = words("actors.region_place_prepositions")  # "at X in southern Italy"
    region_directions: frozenset[str] = words("actors.region_directions")  # "in southern Italy"
    place_of: frozenset[str] = words("actors.place_of")
    connectors: frozenset[str] = words("actors.name_connectors")
    not_names: frozenset[str] = words("actors.not_names", "names.honorifics")
    given_name_not_names: frozenset[str] = words("actors.given_name_not_names")  # of not_names: in a name when a name follows
    metonym_heads: frozenset[str] = words("actors.metonym_heads")
    group_metonym_heads: frozenset[str] = words("actors.group_metonym_heads")  # "the M23 rebels said": of an organization only
    locative: frozenset[str] = words("actors.locative_prepositions")
    particle_verbs: frozenset[str] = words("actors.particle_verbs")  # "swore in X": no place after "in"
    name_topic_prepositions: frozenset[str] = words("actors.name_topic_prepositions")  # "Commission of Inquiry on Syria"
    ministry_domains: dict[str, str]  # lower-case domain -> canonical ("defence" -> "Defense")
    ministry_acronyms: dict[str, str]  # "mfa" -> "Foreign Affairs" ("the Armenian MFA")
    name_particles: frozenset[str] = words("names.particles")
    combining_prefixes: frozenset[str] = words("names.combining_prefixes")  # "Euro-Atlantic": no Atlantic
    party_links: frozenset[str] = words("names.party_links")  # "X of the Y Party": a member
    person_leads: frozenset[str] = words("names.person_leads")  # "founded by A and B", "represented by X": persons
    person_nouns: frozenset[str] = words("names.person_nouns")  # "Georgian Dream founder X": a person
    owned_kin_nouns: frozenset[str] = words("names.owned_kin_nouns")  # "Dmitry Kozak's successor": a person
    person_object_verbs: frozenset[str] = words("names.person_object_verbs")  # "who succeeded X": a person
    acronym_connectors: tuple[str, ...]  # in the lexicon's order: they make a regular expression
    acronym_org_leads: frozenset[str] = words("actors.acronym_org_leads")  # "a member of the VCC"
    acronym_org_tails: frozenset[str] = words("actors.acronym_org_tails")  # "a VCC member"
    acronym_org_compounds: frozenset[str] = words("actors.acronym_org_compounds")  # "the 10-member VCC"
    acronym_org_followers: frozenset[str] = words("actors.acronym_org_followers")  # "members of the VCC since"
    head_prepositions: frozenset[str] = words("actors.head_prepositions")
    post_heads: frozenset[str] = words("actors.post_heads")  # "OSCE Mission to Moldova": the name goes on with its post
    post_head_prepositions: frozenset[str] = words("actors.post_head_prepositions")
    ministry_country_prepositions: frozenset[str] = words("actors.ministry_country_prepositions")
    ministry_office_domains: frozenset[str] = words("actors.ministry_office_domains")  # "Pakistan's foreign office"
    nested_name_links: frozenset[str] = words("actors.nested_name_links")
    title_of_gap: frozenset[str] = words("names.title_of_gap")
    title_prepositions: frozenset[str] = words("names.title_prepositions")
    media_heads: frozenset[tuple[str, ...]]  # phrases as word tuples (with [actors] body_heads)
    media_firsts: frozenset[str]  # their first words
    event_heads: frozenset[str] = words("actors.event_heads")
    named_after_heads: frozenset[str] = words("actors.named_after_heads")  # "the Trump Route": no person
    patronymic_particles: frozenset[str] = words("names.patronymic_particles")
    syllable_letters: int  # "Cho Tae-yul": the longest lower-case syllable after a hyphen
    not_syllables: frozenset[str] = words("names.not_syllables")  # "Moscow-led": a compound, not a given name
    honorifics: frozenset[str] = words("names.honorifics")
    person_honorifics: frozenset[str] = words("names.person_honorifics")  # "detained Archbishop X": a person
    inner_honorifics: frozenset[str] = words("names.inner_honorifics")  # "Hassan Sheikh Mohamud"
    adverbs_before_speech: frozenset[str] = words("names.adverbs_before_speech")
    title_name_joins: frozenset[str] = words("names.title_name_joins")
    locative_phrases: frozenset[tuple[str, ...]] = frozenset()  # "out of Libreville": a place
    name_suffixes: frozenset[str] = words("names.name_suffixes")  # "Ferdinand Marcos Jr.": part of the mention
    pair_prepositions: frozenset[str] = words("actors.pair_prepositions")  # "Commission … between the Republic of A and …"


@dataclass(frozen=True, kw_only=True)
class SpeechWords:
    """``[speech]`` and ``[reported]``: how a statement and its speaker are framed."""

    verbs: frozenset[str] = words("speech.verbs")
    possession_verbs: frozenset[str] = words("speech.possession_verbs")  # "have claims": a noun
    participles: frozenset[str] = words("speech.participles")
    clause_participle_endings: frozenset[str] = words("speech.clause_participle_endings")  # '"…", naming X'
    clause_participle_not: frozenset[str] = words("speech.clause_participle_not")  # "according"
    clause_openers: frozenset[str] = words("speech.clause_openers")  # "X visited Baku, and Y called it "…""
    verb_coordinators: frozenset[str] = words("speech.verb_coordinators")  # "X welcomed it but said …"
    between: frozenset[str] = words("speech.between_speaker_and_verb")
    statement_nouns: frozenset[str] = words("speech.statement_nouns")
    statement_verbs: frozenset[str] = words("speech.statement_verbs")
    impersonal: tuple[tuple[str, ...], ...]  # phrases as word tuples
    org_anaphors: frozenset[str] = words("speech.organization_anaphors")
    cochair_voices: frozenset[str] = words("speech.cochair_voices")  # "the co-chairs said": the body they co-chair
    relative_pronouns: frozenset[str] = words("speech.relative_pronouns")  # "X, who met his counterpart, Y, said": X speaks
    possessive_relative_pronouns: frozenset[str] = words("speech.possessive_relative_pronouns")  # "the army, whose commander, Y, …, said"
    pronouns: frozenset[str] = words("speech.person_pronouns")
    min_direct_quote_words: int
    min_embedded_quote_words: int
    naming_words: frozenset[str] = words("speech.naming_words")
    characterizing_verbs: frozenset[str] = words("speech.characterizing_verbs")  # 'X called it "a provocation"'
    prepositions: frozenset[str] = words("reported.prepositions")
    trailing_starts: frozenset[str] = words("reported.trailing_starts")
    anaphor_determiners: frozenset[str] = words("speech.anaphor_determiners")
    subject_title_joins: frozenset[str] = words("speech.subject_title_joins")
    recipient_verbs: frozenset[str] = words("speech.recipient_verbs")  # "told AFP": the hearer follows
    hearer_topic_prepositions: frozenset[str] = words("speech.hearer_topic_prepositions")  # "informed Moscow of the decision"
    informing_verbs: frozenset[str] = words("speech.informing_verbs")  # "informed Moscow of …": a hearer, no statement
    setting_prepositions: frozenset[str] = words("speech.setting_prepositions")  # "said at a press briefing on Monday that"
    clause_finite_verbs: frozenset[str] = words("speech.clause_finite_verbs")  # "said X had shown that …": not the statement's "that"
    complement_prepositions: frozenset[str] = words("speech.complement_prepositions")  # "warned against"
    act_prepositions: frozenset[str] = words("speech.act_prepositions")  # "responded by arresting"
    silence_words: frozenset[str] = words("speech.silence_words")  # "has said little about it"
    silence_followers: frozenset[str] = words("speech.silence_followers")
    demand_verbs: frozenset[str] = words("speech.demand_verbs")  # "insists on the distinction": no speech
    demand_prepositions: frozenset[str] = words("speech.demand_prepositions")
    relative_that_verbs: frozenset[str] = words("speech.relative_that_verbs")  # "a route that would"
    quote_closers: frozenset[str] = words("speech.quote_closers")  # '"…," said X'
    name_closers: frozenset[str] = words("speech.name_closers")  # '…," said X, a …'
    object_verbs: frozenset[str] = words("speech.object_verbs")  # "added": speech only before "that", ":" or ","
    organization_voices: tuple[tuple[str, ...], ...]  # "press service" (of X): X speaks
    inverted_verbs: frozenset[str] = words("speech.inverted_verbs")  # '"…," said X': the speaker after the verb
    quoting_verbs: frozenset[str] = words("speech.quoting_verbs")  # "quotes X", "was quoted as saying"
    citing: frozenset[str] = words("speech.citing")  # "Citing X, …"
    passive_auxiliaries: frozenset[str] = words("speech.passive_auxiliaries")
    quoting_links: frozenset[str] = words("speech.quoting_links")  # "as" of "quoted as saying"
    agent_prepositions: frozenset[str] = words("speech.agent_prepositions")  # "by" of "a statement issued by X"
    agent_participle_suffixes: tuple[str, ...] = ()  # "mediated" of "mediated by X": a passive's participle
    own_source_prepositions: frozenset[str] = words("reported.own_source_prepositions")  # "a statement from his mission"
    statement_adjectives: frozenset[str] = words("reported.statement_adjectives")  # "in a joint statement"
    phrasal_verbs: dict[str, str] = field(default_factory=dict)  # "called" -> "on": speech with its particle
    relative_antecedent_prepositions: frozenset[str] = words("speech.relative_antecedent_prepositions")  # "taken by X, which said"
    relative_speech_verbs: frozenset[str] = words("speech.relative_speech_verbs")  # its "said", not "observed"
    frame_modifiers: frozenset[str] = words("speech.frame_modifiers")  # "…, party chair X said"
    participle_subject_links: frozenset[str] = words("speech.participle_subject_links")  # "with X saying"
    auxiliaries_after_apposition: frozenset[str] = words("speech.auxiliaries_after_apposition")  # "France, the bloc's critic, has said"
    possessive_voice_pronouns: frozenset[str] = words("speech.possessive_voice_pronouns")  # "its government said"
    possessive_voice_heads: frozenset[str] = words("speech.possessive_voice_heads")  # its "government", "foreign ministry"


@dataclass(frozen=True, kw_only=True)
class RelationWords:
    """``[relations]``: cue phrases (matched on tokens) and the words around them."""

    cues: dict[str, tuple[str, ...]]  # lexicon key -> phrases, for the rule table
    negations: frozenset[str] = words("relations.negations")
    denial_verbs: frozenset[str] = words("relations.denial_verbs")  # "X denied that A joined B": negated
    denial_objects: frozenset[str] = words("relations.denial_objects")  # "dismissed reports that …"
    modal: frozenset[str] = words("relations.modal")
    deploy_objects: frozenset[str] = words("relations.deploy_objects")
    date_prepositions: frozenset[str] = words("relations.date_prepositions")  # "joined X in 2001 together with B"
    strong_list_cues: frozenset[str] = words("relations.strong_list_cues")
    min_weak_list_members: int  # members a list needs after a cue not in strong_list_cues
    clause_words: frozenset[str] = words("relations.clause_words")
    speech_complementizers: frozenset[str] = words("relations.speech_complementizers")  # "noted that A …": not a relative "that"
    member_subject_gap: frozenset[str] = words("relations.member_subject_gap")
    cochair_subject_gap: frozenset[str] = words("relations.cochair_subject_gap")
    anaphors: frozenset[str] = words("speech.organization_anaphors", "relations.extra_organization_anaphors")  # "the alliance", "the pact": an organization named before
    founder_list_cues: frozenset[str] = words("relations.founder_list_cues")  # "set up by A and B": two founders or more
    named_only_anaphors: frozenset[str] = words("relations.named_only_anaphors")  # "the summit": only a body named so
    ministry_anaphors: frozenset[str] = words("relations.ministry_anaphors")  # "the ministry": may point back to a ministry
    ministry_rules: frozenset[str] = words("relations.ministry_rules")  # the rules of the ministries the other anaphors skip
    member_body_anaphors: frozenset[str] = words("relations.member_body_anaphors")  # "the bloc": a body of members
    institution_heads: frozenset[str] = words("relations.institution_heads")  # "… Centre for …": no body of members
    institution_anaphors: frozenset[str] = words("relations.institution_anaphors")  # "the agency's director": any institution
    anaphor_determiners: frozenset[str] = words("relations.anaphor_determiners")
    negation_prefixes: frozenset[str] = words("relations.negation_prefixes")  # with their hyphen: "non-"
    member_noun_copulas: frozenset[str] = words("relations.member_noun_copulas")
    member_noun_subject_gap: frozenset[str] = words("relations.member_noun_subject_gap")
    bare_membership_nouns: frozenset[str] = words("relations.bare_membership_nouns")
    coordinated_member_nouns: frozenset[str] = words("relations.coordinated_member_nouns")  # "a member of A and a member of B"
    cochair_object_stops: frozenset[str] = words("relations.cochair_object_stops")
    deploy_prepositions: frozenset[str] = words("relations.deploy_prepositions")
    list_openers: tuple[tuple[str, ...], ...]  # phrases as word tuples ("such", "as")
    list_marks: frozenset[str] = words("relations.list_marks")
    member_head_nouns: tuple[tuple[str, ...], ...]  # phrases as word tuples ("member", "states")
    composition_links: frozenset[str] = words("relations.composition_links")
    member_list_leads: frozenset[str] = words("relations.member_list_leads")
    context_member_adjectives: frozenset[str] = words("relations.context_member_adjectives")  # "the other member states, A, B"
    member_adjectives: frozenset[str] = words("relations.member_adjectives")
    ordinal_suffixes: tuple[str, ...]
    non_member_words: frozenset[str] = words("relations.non_member_words")
    former_member_words: frozenset[str] = words("relations.former_member_words")
    future_member_words: frozenset[str] = words("relations.future_member_words")
    member_becoming: frozenset[str] = words("relations.member_becoming")
    member_time_weekdays: frozenset[str] = words("relations.member_time_weekdays")
    member_head_modifiers: frozenset[str] = words("relations.member_head_modifiers")
    member_apposition_relatives: frozenset[str] = words("relations.member_apposition_relatives")
    member_singling_words: frozenset[str] = words("relations.member_singling_words")
    member_clause_openers: frozenset[str] = words("relations.member_clause_openers")  # "…, and Moldova is also a member."
    join_followers: tuple[tuple[str, ...], ...]
    negated_coordinators: frozenset[str] = words("relations.negated_coordinators")  # "is not a member of X or Y"
    participation_predicates: frozenset[str] = words("relations.participation_predicates")
    member_alongside: tuple[tuple[str, ...], ...]  # "…, alongside B and C"
    member_with: tuple[tuple[str, ...], ...]  # "a member of the G20 with A, B and C"
    whose_country_nouns: frozenset[str] = words("relations.whose_country_nouns")  # "X, whose country is a member of"
    ally_list_cues: frozenset[str] = words("relations.ally_list_cues")  # "several allies, among them A and B"
    member_time_preposition: str
    member_time_determiners: frozenset[str] = words("relations.member_time_determiners")
    member_time_periods: frozenset[str] = words("relations.member_time_periods")
    member_pronoun_subjects: frozenset[str] = words("relations.member_pronoun_subjects")
    contrast_leads: frozenset[str] = words("relations.contrast_leads")  # "Unlike Armenia, Azerbaijan is not a member"
    member_plural_pronoun_subjects: frozenset[str] = words("relations.member_plural_pronoun_subjects")  # "although they belong to X"
    member_other_words: frozenset[str] = words("relations.member_other_words")  # "A and the other members of X"
    member_relative_pronouns: frozenset[str] = words("relations.member_relative_pronouns")  # "Finland, which joined X"
    stranded_memberships: frozenset[str] = words("relations.stranded_memberships")  # "NATO, to which A and B belong"
    stranded_prepositions: frozenset[str] = words("relations.stranded_prepositions")  # its "to"
    member_object_leads: frozenset[str] = words("relations.member_object_leads")  # "a member of both X and Y"
    apposition_dashes: frozenset[str] = words("relations.apposition_dashes")  # "the Quad — A, B and C — met"
    until_words: frozenset[str] = words("relations.until_words")  # "a member of the CIS until 2009"
    past_member_verbs: frozenset[str] = words("relations.past_member_verbs")  # "was a member until 2009"
    past_perfect_auxiliaries: frozenset[str] = words("relations.past_perfect_auxiliaries")  # "had been members"
    past_perfect_participles: frozenset[str] = words("relations.past_perfect_participles")
    perfect_auxiliaries: frozenset[str] = words("relations.perfect_auxiliaries")  # "has been a member"
    org_modifier_nouns: frozenset[str] = words("relations.org_modifier_nouns")  # "joined EU sanctions": no membership
    spaced_dashes: frozenset[str] = words("relations.spaced_dashes")  # "the Quad - A, B and C - met"
    member_as: frozenset[str] = words("relations.member_as")
    member_quantifiers: frozenset[str] = words("relations.member_quantifiers")  # "Turkey and Hungary, both NATO members"
    exclusion_quantifiers: frozenset[str] = words("relations.exclusion_quantifiers")  # "all but A and B belong to X"
    exclusion_links: frozenset[str] = words("relations.exclusion_links")  # the "but"/"except" of it
    member_since: frozenset[str] = words("relations.member_since")  # "Cameroon, a member since 1974"
    example_member_cues: frozenset[str] = words("relations.example_member_cues")  # "members such as A and B" with no organization in the sentence
    member_partitives: frozenset[str] = words("relations.member_partitives")  # "Armenia, one of the bloc's six members"
    bare_member_verbs: frozenset[str] = words("relations.bare_member_verbs")  # "A and B became members last year"
    member_as_verbs: frozenset[str] = words("relations.member_as_verbs")  # "was admitted as the tenth member last year"
    members_of_nouns: frozenset[str] = words("relations.members_of_nouns")  # "The members of the SCO are A, B"
    besides_leads: tuple[str, ...]  # "Besides Russia, the CSTO includes A and B"
    members_of_verbs: frozenset[str] = words("relations.members_of_verbs")
    intransitive_joins: frozenset[str] = words("relations.intransitive_joins")  # "C joined in 2014": the organization spoken of
    intransitive_join_closers: frozenset[str] = words("relations.intransitive_join_closers")
    join_time_leads: frozenset[str] = words("relations.join_time_leads")
    join_time_nouns: frozenset[str] = words("relations.join_time_nouns")
    cochair_passive_agents: frozenset[str] = words("relations.cochair_passive_agents")  # "…, co-chaired by A and B": not the actor before
    member_group_partitives: frozenset[str] = words("relations.member_group_partitives")  # "A and B are among the bloc's members"
    member_possessive_pronouns: frozenset[str] = words("relations.member_possessive_pronouns")  # "A and B are among its members"
    member_noun_plural_copulas: frozenset[str] = words("relations.member_noun_plural_copulas")  # "A and B are among its members"
    counted_member_nouns: frozenset[str] = words("relations.counted_member_nouns")  # "all four countries are members of X"
    counted_org_nouns: frozenset[str] = words("relations.counted_org_nouns")  # "the three companies are members of X"
    count_words: tuple[str, ...]  # count_words[k] is k + 2
    count_pairs: frozenset[str] = words("relations.count_pairs")  # "both countries"
    count_openers: frozenset[str] = words("relations.count_openers")  # "All" of "All nine are members"
    member_as_nouns: frozenset[str] = words("relations.member_as_nouns")  # "as a member state of": still the member predicate's
    anaphor_size_nouns: frozenset[str] = words("relations.anaphor_size_nouns")  # "the 15-nation bloc"
    list_ends: frozenset[str] = words("relations.list_ends")  # "a grouping of A, B and C, …"
    clause_marks: frozenset[str] = words("relations.clause_marks")  # "as a member, X said": another clause
    org_member_nouns: frozenset[str] = words("relations.org_member_nouns")
    admission_welcome_verbs: frozenset[str] = words("relations.admission_welcome_verbs")  # "welcomed X as a full member": only with "as a member"
    admission_member_nouns: frozenset[str] = words("relations.admission_member_nouns")  # "admitted X as a member", not "as an observer"
    admission_after: frozenset[str] = words("relations.admission_after")  # what may follow the admitted ("in 2010", ".")
    restored_nouns: frozenset[str] = words("relations.restored_nouns")  # "restore X's membership in ORG"
    member_relatives: frozenset[str] = words("relations.member_relatives")  # "X, which is also a member,"
    member_relative_copulas: frozenset[str] = words("relations.member_relative_copulas")  # its "is"
    member_clause_adverbs: frozenset[str] = words("relations.member_clause_adverbs")  # its "also"
    member_clause_ends: frozenset[str] = words("relations.member_clause_ends")  # the comma or stop after "a member"
    restored_links: frozenset[str] = words("relations.restored_links")  # the "in" of "membership in ORG"
    admission_not_yet: frozenset[str] = words("relations.admission_not_yet")  # "will admit", "refused to readmit": no fact
    admission_as_determiners: frozenset[str] = words("relations.admission_as_determiners")  # "admitted X as its fifth full member"
    list_with_cues: frozenset[str] = words("relations.list_with_cues")  # "brings together A and B with C": C a member too
    list_with_words: frozenset[str] = words("relations.list_with_words")  # the "with" of list_with_cues
    counting_cues: frozenset[str] = words("relations.counting_cues")  # "counts A and B among its members"
    founding_predicates: frozenset[str] = words("relations.founding_predicates")  # "A and B, which formed ORG": two or more
    member_coordinated_links: frozenset[str] = words("relations.member_coordinated_links")  # "X announced … but remains a member of ORG"
    member_coordinated_verbs: frozenset[str] = words("relations.member_coordinated_verbs")  # its "remains"
    member_pair_nouns: frozenset[str] = words("relations.member_pair_nouns")  # "a member of both blocs"
    member_territory_nouns: frozenset[str] = words("relations.member_territory_nouns")  # "as well as the French territories of A and B"
    lifting_verbs: frozenset[str] = words("relations.lifting_verbs")  # "The AU lifted Gabon's suspension"
    lifted_nouns: frozenset[str] = words("relations.lifted_nouns")  # its "suspension"
    lifted_links: frozenset[str] = words("relations.lifted_links")  # "lifted Gabon's suspension from the AU"
    counting_links: frozenset[str] = words("relations.counting_links")  # "among", "as" after the counted list
    admission_inserted_openers: frozenset[str] = words("relations.admission_inserted_openers")  # "Mercosur, whose members are A, admitted X"
    admission_clause_links: frozenset[str] = words("relations.admission_clause_links")  # "…, while welcoming X as a full member"
    participle_suffixes: tuple[str, ...] = ()  # "serving", "elected": a participle opening that phrase


@dataclass(frozen=True, kw_only=True)
class PlaceWords:
    """``[places]``: when a gazetteer name is not a place."""

    prepositions: frozenset[str] = words("places.place_prepositions")  # after these, a gazetteer name is a place ("in Aleppo")
    dateline_prepositions: frozenset[str] = words("places.dateline_prepositions")  # "ABOARD THE FRIGATE X, Red Sea (AP) -"
    not_places: frozenset[str] = words("places.not_places")  # words towns share with ordinary English
    place_alternatives: frozenset[str] = words("places.place_alternatives")  # "in Doha, Jeddah or Cairo"
    modified_nouns: frozenset[str] = words("places.modified_nouns")  # "the Minsk agreements": the name modifies these


@dataclass(frozen=True, kw_only=True)
class RoleWords:
    """``[roles]``: how a title finds its country or organization and its holder."""

    qualifier_prepositions: frozenset[str] = words("roles.qualifier_prepositions")  # "President of Russia", "spokeswoman for the ministry"
    portfolio_titles: frozenset[str]  # canonical titles that take a portfolio ("Minister for X")
    portfolio_prepositions: frozenset[str] = words("roles.portfolio_prepositions")
    portfolio_lead_words: frozenset[str] = words("roles.portfolio_lead_words")  # "Minister in charge of Trade"
    portfolio_joins: frozenset[str] = words("roles.portfolio_joins")
    portfolio_articles: frozenset[str] = words("roles.portfolio_articles")  # "Minister for the Pacific"
    seat_prepositions: frozenset[str] = words("roles.seat_prepositions")  # "its representative on the council, X"
    posted_titles: frozenset[str]  # canonical titles of an office held abroad ("Ambassador")
    organization_titles: frozenset[str]  # "Secretary General X": only an organization's
    national_body_nouns: frozenset[str] = words("roles.national_body_nouns")  # "the Lebanese army, whose commander, X"
    unnamed_description_prepositions: frozenset[str] = words("roles.unnamed_description_prepositions")  # "chaired by a US general"
    person_relative_pronouns: frozenset[str] = words("roles.person_relative_pronouns")  # "X, a billionaire who"
    office_unit_nouns: frozenset[str] = words("roles.office_unit_nouns")  # "the Horn of Africa project director"
    workplace_prepositions: frozenset[str] = words("roles.workplace_prepositions")  # "vice president at ORG"
    posting_prepositions: frozenset[str] = words("roles.posting_prepositions")  # "Ambassador to the UN": the posting, not the employer
    apposition_closers: frozenset[str] = words("roles.apposition_closers")  # what ends "the French President, Emmanuel Macron,"
    origin_prepositions: frozenset[str] = words("roles.origin_prepositions")  # "Its president, X of the Netherlands, said"
    whereabouts_prepositions: frozenset[str] = words("roles.whereabouts_prepositions")  # "his counterpart, X in Turkey."
    counterpart_titles: frozenset[str]  # canonical titles that take the title of their counterpart
    remit_place_links: frozenset[str] = words("roles.remit_place_links")  # "for normalisation with Armenia, X"
    thing_pronouns: frozenset[str] = words("roles.thing_pronouns")  # "… . It has 200 staff. Its head, X"
    organ_nouns: frozenset[str] = words("roles.organ_nouns")  # "chairman of the Duma's committee on …"
    counterpart_prepositions: frozenset[str] = words("roles.counterpart_prepositions")  # "his counterpart from Azerbaijan"
    holder_of: frozenset[str] = words("roles.holder_of")  # "President Emmanuel Macron of France"
    not_current: frozenset[str] = words("roles.not_current")  # "former President X": the office is not held at the article's time
    tenure_openers: frozenset[str] = words("roles.tenure_openers")  # "president from 2010 to 2015": a past office
    tenure_links: frozenset[str] = words("roles.tenure_links")
    tenure_closers: frozenset[str] = words("roles.tenure_closers")  # "president until 2019"
    delegation_nouns: frozenset[str] = words("roles.delegation_nouns")  # "the delegation of Moldova was led by the Prime Minister X"
    delegation_leads: tuple[tuple[str, ...], ...]  # "led by", as word tuples
    list_openers: dict[str, str]  # what opens the list of holders after a plural title -> what closes it ("" none)
    represented_leads: tuple[tuple[str, ...], ...] = ()  # "Argentina was represented by Foreign Minister X"
    companion_leads: tuple[tuple[str, ...], ...] = ()  # "Papikyan was accompanied by Deputy Minister X"
    represented_auxiliaries: frozenset[str] = words("roles.represented_auxiliaries")  # "was", "is", "will be" before represented_leads
    holder_copulas: frozenset[str] = words("roles.holder_copulas")  # "X is also chairman of the council": X holds the office
    appointing_verbs: frozenset[str] = words("roles.appointing_verbs")  # "Kazakhstan appointed X as its foreign minister"
    appointment_links: frozenset[str] = words("roles.appointment_links")  # the "as" before the office
    appointment_determiners: frozenset[str] = words("roles.appointment_determiners")  # "as its new foreign minister"
    whose_words: frozenset[str] = words("roles.whose_words")  # "the council, whose chair is X": the council's office
    head_leads: tuple[tuple[tuple[str, ...], str], ...] = ()  # "ORG, headed by X": X holds ORG's title
    group_head_leads: tuple[tuple[tuple[str, ...], str], ...] = ()  # "The X faction is led by Y": Y its leader
    head_relatives: tuple[tuple[tuple[str, ...], str], ...] = ()  # "X, who heads ORG": X holds ORG's title
    head_predicates: tuple[tuple[tuple[str, ...], str], ...] = ()  # "X heads ORG": X holds ORG's title
    person_relatives: tuple[tuple[str, ...], ...] = ()  # "X, who served as envoy until January,": X is a person
    whose_copulas: frozenset[str] = words("roles.whose_copulas")  # the "is"/"are" between that office and its holders
    copula_adverbs: frozenset[str] = words("roles.copula_adverbs")  # "also", "now", "currently" after a holder's copula
    current_adjectives: frozenset[str] = words("roles.current_adjectives")  # "X, the current chairman of Y"
    representing_verbs: frozenset[str] = words("roles.representing_verbs")  # "Minister X will represent Armenia"
    representing_auxiliaries: frozenset[str] = words("roles.representing_auxiliaries")
    held_as_leads: frozenset[str] = words("roles.held_as_leads")  # "with X as the forum's chair"
    capital_leads: frozenset[str] = words("roles.capital_leads")  # "In Tehran, Foreign Ministry spokesman X"
    country_anaphors: frozenset[str] = words("roles.country_anaphors")  # "the country's Ecology Minister X"
    ministry_staff_titles: frozenset[str] = words("roles.ministry_staff_titles")  # "Foreign Ministry spokesman X"
    principal_links: frozenset[str] = words("roles.principal_links")  # "a spokeswoman for Prime Minister X"
    portfolio_end_nouns: frozenset[str] = words("roles.portfolio_end_nouns")  # "… Eurasian Affairs James O'Brien"
    portfolio_links: frozenset[str] = words("roles.portfolio_links")  # "Minister of State for Foreign Affairs"
    parliament_nouns: frozenset[str] = words("roles.parliament_nouns")  # "Speaker of Parliament X"
    gapped_delegation_leads: tuple[tuple[str, ...], ...] = ()  # "and the Armenian delegation by X"
    legislature_heads: frozenset[str] = words("roles.legislature_heads")
    upper_house_words: frozenset[str] = words("roles.upper_house_words")  # no bare "Speaker X" heads a senate
    multinational_house_words: frozenset[str] = words("roles.multinational_house_words")  # nor the European Parliament
    holder_descriptors: frozenset[str] = words("roles.holder_descriptors")  # "Its honorary chairman, billionaire X"
    future_title_suffixes: frozenset[str] = words("roles.future_title_suffixes")  # "prime minister-elect": not yet the office
    holder_only_modifiers: frozenset[str] = words("roles.holder_only_modifiers")  # "its junta chief, X": a person, no office
    qualifier_side_adjectives: frozenset[str] = words("roles.qualifier_side_adjectives")  # "a leader of the opposition X"
    domain_adjectives: frozenset[str] = words("roles.domain_adjectives")  # "the U.N. humanitarian chief": a domain, not a qualifier
    rank_titles: frozenset[str] = frozenset()  # canonical titles of a rank: "Defence Minister General X"
    exclusive_offices: frozenset[str] = frozenset()  # two of them are never one person's ("President", "Prime Minister")
    possessive_pronouns: frozenset[str] = words("roles.possessive_pronouns")  # "Its foreign minister, X": the subject's office
    person_possessive_pronouns: frozenset[str] = words("roles.person_possessive_pronouns")  # "her foreign minister, X"
    plural_possessive_pronouns: frozenset[str] = words("roles.plural_possessive_pronouns")  # "Their leader, X"
    plural_subject_pronouns: frozenset[str] = words("roles.plural_subject_pronouns")  # "They seized …"
    own_government_nouns: frozenset[str] = words("roles.own_government_nouns")  # "adviser of Bangladesh's interim government"
    anaphor_nouns: frozenset[str] = words("speech.organization_anaphors", "relations.extra_organization_anaphors")  # "the bloc's chair, X": the organization named before
    anaphor_adjectives: frozenset[str] = words("relations.anaphor_adjectives")  # "The regional bloc's commission president, X"
    plural_counterpart_possessives: frozenset[str] = words("roles.plural_counterpart_possessives")  # "… met their Iranian counterpart Y"
    counterpart_possessives: frozenset[str] = words("roles.counterpart_possessives")  # "His Ethiopian counterpart, Y": of the sentence before
    plural_owner_pronouns: frozenset[str] = words("roles.plural_owner_pronouns")  # "their special envoys, A and B"
    holder_relative_leads: tuple[tuple[str, ...], ...] = ()  # "X, who took over as ECCAS chairman"
    holder_leads: tuple[tuple[str, ...], ...] = ()  # "X was elected president of Peru"
    source_leads: tuple[tuple[str, ...], ...] = ()  # "According to X, the Russian leader …": no apposition
    sender_leads: tuple[tuple[str, ...], ...] = ()  # "China sent a special envoy, X"
    capacity_leads: tuple[tuple[str, ...], ...] = ()  # "in his capacity as Asean chairman"
    office_time_determiners: frozenset[str] = words("roles.office_time_determiners")  # "Its president this year, X": "this"
    office_time_nouns: frozenset[str] = words("roles.office_time_nouns")  # … "year": a time phrase between office and comma
    cabinet_title_words: frozenset[str] = words("roles.cabinet_title_words")  # "… of Armenia X and Minister of Justice Y": "minister"
    office_remit_prepositions: frozenset[str] = words("roles.office_remit_prepositions")  # "its coordinator for Gaza, X": "for"
    staff_links: frozenset[str] = words("roles.staff_links")  # "Personal Envoy of the UN Secretary-General for Sudan, X"
    appointing_base_verbs: frozenset[str] = words("roles.appointing_base_verbs")  # "will name X as foreign minister": a person, no office
    succession_verbs: frozenset[str] = words("roles.succession_verbs")  # "X succeeded Y as foreign minister": X holds it
    contrast_links: frozenset[str] = words("roles.contrast_links")  # "Brazil said …, but Energy Minister X denied"
    sentence_country_titles: frozenset[str] = frozenset()  # "suspended Guinea-Bissau … detained President X"
    dateline_country_titles: frozenset[str] = frozenset()  # "TBILISI, Georgia — … Prime Minister X" (canonical titles)
    legislature_titles: frozenset[str] = frozenset()  # "Deputy Speaker X": of the one legislature named (canonical titles)
    demonym_domain_titles: frozenset[str] = frozenset()  # "The head of Azerbaijani diplomacy, X"
    demonym_domains: frozenset[str] = words("roles.demonym_domains")  # its "diplomacy", "government"


@dataclass(frozen=True)
class EntityRanks:
    """``[entities]``: which reading of a span wins, and a trained pipeline's labels."""

    priority: dict[str, int]  # candidate rule -> priority among overlaps of one length (lower wins)
    surface_kind_rank: dict[str, int]  # knowledge-base surface kind -> rank (lower wins)
    model_types: dict[str, str]  # spaCy entity label -> kg type
    spelling_variants: tuple[tuple[str, ...], ...] = ()  # words spelt either way ("Organisation", "Organization")
    region_prefixes: frozenset[str] = frozenset()  # "South American": a region's adjective, not the country's

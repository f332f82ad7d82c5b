"""kg.nlp.relations on hand-built Docs: member lists, joining, non-members and co-chairs (issue 9).

Every name is invented (the knowledge base knows none of them); each pattern has a
near-miss sentence that must give nothing, or only a negative assertion.
"""
import pytest
from test_nlp_handbuilt import LEX, NLP, hand_doc, key

from kg.nlp.doc import TokMention
from kg.nlp.lists import make_fact
from kg.nlp.relations import cue_matcher, find_relations

MATCHER = cue_matcher(NLP, LEX)
ACTORS = {
    "Norland Pact": "Organization", "Norland Council": "Organization", "Norland Group": "Organization",
    "Veldoria": "Country", "Quessa": "Country", "Tarvin": "Country", "Ostrava": "Country",
    "Ana Lind": "Person", "Bo Dahl": "Person",
}
PACT, COUNCIL, GROUP = (key("Organization", n) for n in ("Norland Pact", "Norland Council", "Norland Group"))


def country(name):
    return key("Country", name)


def read(body, facts=None):
    """{(subject, predicate, object, negated)} of a text (names as keys)."""
    doc = hand_doc(body, ACTORS)
    return {(f.subject, f.predicate, f.object, f.negated) for f in find_relations(doc, MATCHER, LEX, facts)}


def members(org, *names, negated=False):
    return {(country(n), "memberOf", org, negated) for n in names}


# ---------------------------------------------------------------------- lists of members
def test_an_apposition_of_a_union_of_states_and_a_colon_list():
    assert read("Leaders meet at the Norland Pact, a regional economic union of five ex-Soviet states: "
                "Veldoria, Quessa, and Tarvin.") == members(PACT, "Veldoria", "Quessa", "Tarvin")


def test_a_hyphenated_adjective_in_the_apposition():
    assert read("The Norland Pact, a Veldoria-led alliance of six ex-Soviet states including Quessa, met.") == \
        members(PACT, "Quessa")


def test_a_colon_list_not_said_of_the_organization_gives_nothing():
    assert read("The Norland Pact met. Talks of five states: Veldoria, Quessa, and Tarvin.") == set()
    assert read("Leaders met at the Norland Pact after a union of states: Veldoria and Quessa.") == set()


def test_its_members_are_speaks_of_the_organization_of_the_sentence_before():
    facts = find_relations(hand_doc("The Norland Pact was set up in 1991. Its full members are Veldoria, "
                                    "Quessa and Tarvin, while Ostrava holds associate membership.", ACTORS),
                           MATCHER, LEX)
    assert {(f.subject, f.object, f.negated) for f in facts} == {
        (country(n), PACT, False) for n in ("Veldoria", "Quessa", "Tarvin")}
    assert {f.confidence for f in facts} == {LEX.confidence.member_context}


def test_its_members_are_without_an_organization_just_before_gives_nothing():
    assert read("The Norland Pact was set up in 1991. Nothing changed. Then came the war. "
                "Its full members are Veldoria and Quessa.") == set()
    assert read("The Norland Pact was set up. Veldoria said its full members are Quessa and Tarvin.") == set()


def test_the_other_permanent_members_and_a_pronoun_subject():
    got = read("Tarvin can veto any vote as it is a permanent member of the Norland Council. "
               "The other permanent members are Veldoria and Quessa.")
    assert got == members(COUNCIL, "Tarvin", "Veldoria", "Quessa")


def test_the_possessor_of_a_power_as_a_member():
    assert read("With Tarvin's veto power as a permanent member of the Norland Council, the vote failed.") == \
        members(COUNCIL, "Tarvin")
    assert read("With the veto power as a permanent member of the Norland Council, the vote failed.") == set()


def test_a_non_permanent_member_is_a_member():
    assert read("Veldoria is a non-permanent member of the Norland Council.") == members(COUNCIL, "Veldoria")


def test_includes_a_description_then_notably():
    assert read("The Norland Pact — which includes other major producers, notably Quessa — agreed.") == \
        members(PACT, "Quessa")
    # the description must name members: "rules" are not
    assert read("The Norland Pact — which includes new rules, notably Quessa — agreed.") == set()


def test_organization_member_states_including():
    assert read("The plan was backed by several Norland Pact member states including Quessa.") == \
        members(PACT, "Quessa")


def test_a_country_then_a_member_state_in_apposition():
    assert read("The Norland Pact failed its duties toward Quessa, a member state.") == members(PACT, "Quessa")
    assert read("The Norland Pact failed its duties toward Quessa, a former member state.") == \
        members(PACT, "Quessa", negated=True)


def test_the_organization_countries_then_a_list_opener():
    assert read("The Norland Pact countries – Veldoria, Quessa and Tarvin – agreed.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read("The Norland Pact countries met Veldoria and Quessa.") == set()
    assert read("The Norland Pact countries, Veldoria and Quessa signed.") == set()


@pytest.mark.parametrize("cue", ["is made up of", "is composed of", ", comprising"])
def test_made_up_of_composed_of_comprising(cue):
    assert read(f"The Norland Pact {cue} Veldoria, Quessa and Tarvin.".replace(" ,", ",")) == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read(f"The talks {cue} Veldoria, Quessa and Tarvin.".replace(" ,", ",")) == set()


def test_an_adjective_before_the_organization_member():
    assert read("Tarvin, a permanent Norland Council member, vetoed the draft.") == members(COUNCIL, "Tarvin")


def test_is_not_an_organization_member_is_negative():
    assert read("Quessa is not a Norland Pact member, but Veldoria is.") == members(PACT, "Quessa", negated=True)


def test_one_of_the_five_permanent_members():
    assert read("Veldoria is one of the five permanent members of the Norland Council.") == \
        members(COUNCIL, "Veldoria")


# ---------------------------------------------------------------------- not members
def test_a_list_of_non_members_is_negative():
    got = read("The forum gathers the Norland Pact member states, and up to 17 non-Norland Pact countries "
               "who are invited to the summit – namely Veldoria, Quessa and Tarvin.")
    assert got == members(PACT, "Veldoria", "Quessa", "Tarvin", negated=True)


@pytest.mark.parametrize("who", ["candidate countries", "observer states", "partner countries", "former members"])
def test_candidates_observers_partners_and_former_members_are_not_members(who):
    got = read(f"The Norland Pact met its {who}, namely Veldoria and Quessa.")
    assert got == members(PACT, "Veldoria", "Quessa", negated=True)


def test_a_former_or_candidate_member_of_is_negative():
    assert read("Veldoria is a former member of the Norland Pact.") == members(PACT, "Veldoria", negated=True)
    assert read("Veldoria is a candidate member of the Norland Pact.") == members(PACT, "Veldoria", negated=True)


def test_former_soviet_states_are_still_members():
    assert read("The Norland Pact, an alliance of six former Soviet states: Veldoria, Quessa and Tarvin.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")


# ---------------------------------------------------------------------- joining
@pytest.mark.parametrize("body", [
    "Veldoria became the ninth full member of the Norland Pact.",
    "Veldoria became the Norland Pact's 31st member.",
    "Veldoria was admitted to the Norland Pact in 2004.",
    "Veldoria was formally admitted as a member of the Norland Pact.",
    "Veldoria has become a member of the Norland Pact.",
    "Veldoria joins the Norland Pact as its 32nd member.",
    "The Norland Pact met in May. In 2015 Veldoria became the bloc's fifth member.",
])
def test_joining(body):
    assert read(body) == members(PACT, "Veldoria")


@pytest.mark.parametrize("body", [
    "Veldoria hopes to become a member of the Norland Pact.",
    "Veldoria will become a member of the Norland Pact next year.",
])
def test_a_future_membership_is_no_fact(body):
    assert read(body) == set()


def test_readmitted_to_is_joining_and_suspended_is_not():
    assert read("Veldoria was readmitted to the Norland Pact in May.") == members(PACT, "Veldoria")
    assert read("Veldoria has been suspended from the Norland Pact since 2016.") == set()
    assert read("Veldoria returned to the Norland Pact headquarters in May.") == set()
    # "returned to" is joining only when said explicitly: "as a full member"
    assert read("Veldoria returned to the Norland Pact as a full member in May.") == members(PACT, "Veldoria")
    assert read("Veldoria returned to the Norland Pact summit as a guest.") == set()
    assert read("Veldoria will return to the Norland Pact as a full member.") == set()


# ---------------------------------------------------------------------- unseen patterns (issue 9)
def test_a_sized_anaphor_whose_members_include():
    body = ("The Norland Pact met on Sunday. The 15-nation bloc, whose members include Veldoria, Quessa "
            "and Tarvin, has struggled.")
    assert read(body) == members(PACT, "Veldoria", "Quessa", "Tarvin")
    # no organization named before the anaphor: nothing
    assert read("The 15-nation bloc, whose members include Veldoria and Quessa, has struggled.") == set()
    # a size word that is no member noun keeps "the 15-day talks" from being the bloc
    assert read("The Norland Pact met. The 15-day talks, whose members include Veldoria and Quessa, ended.") == set()


def test_sized_council_permanent_and_elected_members():
    body = ("The Norland Council voted. The 15-member council consists of five permanent members - Veldoria, "
            "Quessa and Tarvin - and ten elected members, which this year include Ostrava and Lusia.")
    actors = dict(ACTORS, Lusia="Country")
    doc = hand_doc(body, actors)
    got = {(f.subject, f.object, f.negated) for f in find_relations(doc, MATCHER, LEX)}
    assert got == {(country(n), COUNCIL, False) for n in ("Veldoria", "Quessa", "Tarvin", "Ostrava", "Lusia")}


@pytest.mark.parametrize("body", [
    "The vote was held up by Veldoria and Quessa, both Norland Pact members, whose parliaments balked.",
    "Veldoria and Quessa, both members of the Norland Pact, voiced concern.",
    "Veldoria, Quessa and Tarvin, all Norland Pact members, voiced concern.",
])
def test_both_or_all_members(body):
    got = read(body)
    assert members(PACT, "Veldoria", "Quessa") <= got
    assert all(not neg for *_, neg in got)


@pytest.mark.parametrize("body, expected", [
    # a single actor before "both" is no list
    ("Talks with Veldoria, both Norland Pact members and others, failed.", set()),
    # partners, candidates and former members are no members
    ("Veldoria and Quessa, both Norland Pact partners, voiced concern.", set()),
    ("Veldoria and Quessa, both former members of the Norland Pact, voiced concern.",
     members(PACT, "Veldoria", "Quessa", negated=True)),
    ("Veldoria and Quessa, both candidate members of the Norland Pact, voiced concern.",
     members(PACT, "Veldoria", "Quessa", negated=True)),
    # no comma: "both" is not said of the actors before it
    ("Veldoria and Quessa said both Norland Pact members agreed.", set()),
    ("Veldoria and Quessa, both non-Norland Pact members, voiced concern.", set()),
    ("Veldoria and Quessa, both aspiring Norland Pact members, voiced concern.", set()),
    ("Veldoria and Quessa, both non-members of the Norland Pact, voiced concern.",
     members(PACT, "Veldoria", "Quessa", negated=True)),
    ("Veldoria and Quessa, both aspiring members of the Norland Pact, voiced concern.",
     members(PACT, "Veldoria", "Quessa", negated=True)),
])
def test_both_members_near_misses(body, expected):
    assert read(body) == expected


def test_a_grouping_of_a_list_without_a_colon():
    body = "Ministers of the Norland Group, a grouping of Veldoria, Quessa, Tarvin and Ostrava, met in May."
    assert read(body) == members(GROUP, "Veldoria", "Quessa", "Tarvin", "Ostrava")
    # one actor is no list; a list that goes on into something else is not the group's members
    assert read("Ministers of the Norland Group, a grouping of Veldoria, met in May.") == set()
    assert read("The Norland Group, a grouping of Veldoria and Quessa's opposition parties, met.") == set()
    # a group noun not in apposition to the organization
    assert read("The Norland Group met after a grouping of Veldoria and Quessa formed.") == set()


def test_as_a_full_member_in_a_summit_of_the_one_organization():
    body = "Veldoria took part for the first time as a full member in a summit of the Norland Pact on Monday."
    assert read(body) == members(PACT, "Veldoria")


@pytest.mark.parametrize("body", [
    # two organizations: which one is not said
    "Veldoria took part as a full member in a summit of the Norland Pact and the Norland Council.",
    # the country is an object, not the subject ("The Norland Pact welcomed Veldoria as a full
    # member" is read by member-admitted: tests/test_nlp_relations_admitted.py)
    "Quessa welcomed Veldoria as a new member at the Norland Pact summit.",
    # future or wished-for
    "Veldoria hopes to take part as a full member in the Norland Pact summit.",
    "Veldoria could attend as a member of the Norland Pact delegation next year.",
    # no organization in the sentence
    "Veldoria took part as a full member in the talks.",
    # a guest or an observer is no member
    "Veldoria took part as a guest member in the Norland Pact summit.",
    "Veldoria took part as an observer in the Norland Pact summit.",
    "Veldoria attended the Norland Pact summit as an associate member.",
    # the organization in another clause
    "Veldoria took part as a full member, the Norland Pact said.",
    "Veldoria, which the Norland Pact had suspended, took part as a full member.",
])
def test_as_a_member_near_misses(body):
    assert read(body) == set()


@pytest.mark.parametrize("body", [
    "Veldoria did not take part as a full member in the Norland Pact summit.",
    "Veldoria never took part as a full member in the Norland Pact summit.",
    "Veldoria was not readmitted to the Norland Pact.",
])
def test_as_a_member_or_readmitted_denied_is_negative(body):
    assert read(body) == members(PACT, "Veldoria", negated=True)


# ---------------------------------------------------------------------- co-chairs
def cochairs(*names):
    return {(country(n), "coChairOf", GROUP, False) for n in names}


def officials(body, pairs):
    """The roles' officialOf facts of ``pairs`` (person, country), on the body's first sentence."""
    doc = hand_doc(body, ACTORS)
    return [make_fact(doc._.kg_layout, 1, key("Person", p), "officialOf", country(c), "test", 0.9, title="Envoy")
            for p, c in pairs]


def test_cochair_countries_then_a_dash_list_of_ministers():
    body = ("The Heads of Delegation of the Norland Group Co-Chair countries – Foreign Minister of Veldoria "
            "Ana Lind, Envoy of Quessa Bo Dahl, and Minister of Tarvin – welcome the ceasefire with Ostrava.")
    assert read(body) == cochairs("Veldoria", "Quessa", "Tarvin")


def test_cochairs_of_the_group_then_persons_of_countries_in_brackets():
    body = "The Co-Chairs of the Norland Group (Ana Lind of Veldoria, and Bo Dahl of Quessa) said this."
    assert read(body) == cochairs("Veldoria", "Quessa")


def test_the_country_of_a_cochairing_person():
    body = "The Norland Group is co-chaired by Ana Lind and Bo Dahl."
    facts = officials(body, [("Ana Lind", "Veldoria"), ("Bo Dahl", "Quessa")])
    got = read(body, facts) - {(f.subject, f.predicate, f.object, f.negated) for f in facts}
    assert got == cochairs("Veldoria", "Quessa")
    found = find_relations(hand_doc(body, ACTORS), MATCHER, LEX, facts)
    assert {f.confidence for f in found if f.predicate == "coChairOf"} == {LEX.confidence.cochair_person}
    body = "Ana Lind and Bo Dahl, who co-chair the Norland Group, met."
    facts = officials(body, [("Ana Lind", "Veldoria"), ("Bo Dahl", "Quessa")])
    got = read(body, facts) - {(f.subject, f.predicate, f.object, f.negated) for f in facts}
    assert got == cochairs("Veldoria", "Quessa")


def test_cochairs_then_persons_of_countries_after_a_comma():
    body = "The Norland Group co-chairs, Ana Lind of Veldoria and Bo Dahl of the Quessa, visited Tarvin."
    assert read(body) == cochairs("Veldoria", "Quessa")


def test_the_group_before_its_cochairs_is_not_a_cochair():
    assert read("Tarvin, the Norland Pact chair, and the Norland Group co-chairs met.") == set()


@pytest.mark.parametrize("body", [
    "The Co-Chair countries of the Norland Group call upon Veldoria and Quessa to talk.",
    "After talks with Envoy Ana Lind, the Co-Chairs of the Norland Group are working on it.",
    "The Norland Group co-chairs – who met Veldoria and Quessa – said nothing.",
])
def test_countries_the_cochairs_speak_to_are_not_cochairs(body):
    facts = officials(body, [("Ana Lind", "Veldoria")])
    got = read(body, facts) - {(f.subject, f.predicate, f.object, f.negated) for f in facts}
    assert got == set()


# ---------------------------------------------------------------------- probe patterns (other regions)
@pytest.mark.parametrize("body", [
    "Veldoria, which joined the Norland Pact in 2004, voted against.",
    "Veldoria, which formally rejoined the Norland Pact in May after a decade outside it, voted.",
    "The Norland Pact met in May. Veldoria, which joined the alliance last year, voted.",
])
def test_a_relative_clause_of_joining(body):
    assert read(body) == members(PACT, "Veldoria")


@pytest.mark.parametrize("body", [
    "Veldoria, which hopes to join the Norland Pact, voted.",
    "The summit, which Veldoria joined on Monday, ended.",
])
def test_a_relative_clause_near_misses(body):
    assert read(body) == set()


def test_a_subject_before_an_inserted_phrase_remains_a_member():
    assert read("Veldoria, unlike its three neighbours, remains a member of the Norland Pact.") == \
        members(PACT, "Veldoria")


def test_a_plural_pronoun_is_the_list_that_opens_the_sentence():
    assert read("Veldoria, Quessa and Tarvin remain neutral, although they belong to the Norland Pact.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    # one actor is no list: "they" may be anyone
    assert read("Veldoria remains neutral, although they belong to the Norland Pact.") == set()


def test_founders_and_new_members_of_an_anaphor_two_sentences_on():
    body = ("Leaders of the Norland Pact met on Sunday. Ana Lind hosted the talks. The bloc, founded by "
            "Veldoria and Quessa, grew. Its new members are Tarvin and Ostrava.")
    assert read(body) == members(PACT, "Veldoria", "Quessa", "Tarvin", "Ostrava")


def test_a_forum_anaphor_with_a_count_of_members():
    body = "Leaders of the Norland Pact met on Sunday. The forum's 18 members include Veldoria and Quessa."
    assert read(body) == members(PACT, "Veldoria", "Quessa")


def test_a_member_of_both_of_two_organizations():
    assert read("Veldoria, a member of both the Norland Pact and the Norland Council, voted.") == \
        members(PACT, "Veldoria") | members(COUNCIL, "Veldoria")


def test_a_list_between_dashes_before_a_membership_predicate():
    assert read("All three — Veldoria, Quessa and Tarvin — are now members of the Norland Pact.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    # one actor between the dashes is an aside, not a list
    assert read("The three — led by Veldoria — are now members of the Norland Pact.") == set()


def test_a_list_between_dashes_right_after_an_organization():
    assert read("Leaders of the Norland Pact — Veldoria, Quessa and Tarvin — met on Monday.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    # not closed by the same dash, or not right after the organization: nothing
    assert read("Leaders of the Norland Pact — Veldoria, Quessa and Tarvin met on Monday.") == set()
    assert read("The Norland Pact met on Monday — Veldoria, Quessa and Tarvin — in May.") == set()


def test_an_anaphor_with_a_count_and_an_adjective_before_its_members():
    body = ("The Norland Council voted on Thursday. The remaining 13 council members, including Veldoria "
            "and Quessa, voted in favour.")
    assert read(body) == members(COUNCIL, "Veldoria", "Quessa")


def test_the_commission_whose_members_are_is_the_commission_named_before():
    actors = dict(ACTORS, **{"Norland River Commission": "Organization"})
    doc = hand_doc("The Norland River Commission met in May. The commission, whose members are Veldoria, "
                   "Quessa and Tarvin, said the river was low.", actors)
    facts = {(f.subject, f.predicate, f.object, f.negated) for f in find_relations(doc, MATCHER, LEX)}
    assert facts == members(key("Organization", "Norland River Commission"), "Veldoria", "Quessa", "Tarvin")


def test_the_council_whose_members_are_is_the_council_named_before_not_the_last_organization():
    body = ("The Norland Council met, the first session since all its states became members of the Norland "
            "Pact. The council, whose members are Veldoria, Quessa and Tarvin, has 87 seats.")
    assert read(body) == members(COUNCIL, "Veldoria", "Quessa", "Tarvin")


def test_the_bloc_whose_members_are_is_still_the_last_organization_named():
    body = ("The Norland Council met, the first session since all its states became members of the Norland "
            "Pact. The bloc, whose members are Veldoria, Quessa and Tarvin, has 87 seats.")
    assert read(body) == members(PACT, "Veldoria", "Quessa", "Tarvin")


def test_the_commission_without_an_organization_named_gives_nothing():
    assert read("The commission, whose members are Veldoria, Quessa and Tarvin, said the river was low.") == set()


def test_brings_together_a_list_with_one_more_member():
    assert read("The Norland Group, which brings together Veldoria, Quessa and Tarvin with Ostrava, met.") == \
        members(GROUP, "Veldoria", "Quessa", "Tarvin", "Ostrava")


def test_includes_a_list_with_something_else_gives_no_more_members():
    assert read("The Norland Group includes Veldoria and Quessa with help from Ostrava.") == \
        members(GROUP, "Veldoria", "Quessa")


def test_a_participle_phrase_between_the_members_and_among_them():
    body = ("The Norland Council voted on Monday. The council has ten elected members serving two-year terms, "
            "among them Veldoria, Quessa and Tarvin.")
    assert read(body) == members(COUNCIL, "Veldoria", "Quessa", "Tarvin")


def test_a_phrase_that_names_an_actor_or_is_no_participle_gives_nothing():
    assert read("The Norland Council voted on Monday. The council has ten members serving with Ostrava, "
                "among them Veldoria and Quessa.") == set()
    assert read("The Norland Council voted on Monday. The council has ten members of two-year terms, "
                "among them Veldoria and Quessa.") == set()


def test_counted_lists_members():
    assert read("The Norland Pact, which already counted Veldoria, Quessa and Tarvin, admitted Ostrava.") >= \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read("The Norland Pact counts Veldoria and Quessa among its members.") == members(PACT, "Veldoria", "Quessa")


def test_counted_among_something_else_than_members_gives_nothing():
    assert read("The Norland Pact counted Veldoria and Quessa among its critics on Monday.") == set()
    assert read("The Norland Pact counted Veldoria and Quessa as abstentions.") == set()


def test_became_members_with_no_object_is_of_the_organization_spoken_of():
    body = "The Norland Pact was founded by Veldoria and Quessa. Tarvin and Ostrava became members last year."
    assert read(body) >= members(PACT, "Tarvin", "Ostrava")
    assert read("The Norland Pact met on Monday. Tarvin became its newest member in 2010.") == members(PACT, "Tarvin")
    assert read("The Norland Pact met on Monday. Tarvin became a full member.") == members(PACT, "Tarvin")


def test_bare_members_alongside_others_are_all_members_of_the_organization_spoken_of():
    # "Kazakhstan, Azerbaijan and Uzbekistan are members, alongside Turkey and Kyrgyzstan."
    body = "Ostrava attends the Norland Pact as an observer. Veldoria and Quessa are members, alongside Tarvin."
    assert read(body) >= members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read("Ostrava attends the Norland Pact as an observer. Veldoria is not a member, alongside Tarvin.") \
        & members(PACT, "Tarvin") == set()


def test_joining_what_an_organization_does_is_no_membership():
    # "since Bern joined EU sanctions in 2022": the organization modifies the object
    assert read("Tarvin joined Norland Pact sanctions in 2022.") == set()
    assert read("Tarvin joined Norland Pact exercises last year.") == set()
    assert read("Tarvin joined the Norland Pact in 2022.") == members(PACT, "Tarvin")


def test_has_been_a_member_since_with_no_object_is_of_the_organization_spoken_of():
    # "Azerbaijan is not a member of NATO …; Turkey has been a member since 1952."
    assert read("Quessa is not a member of the Norland Pact; Tarvin has been a member since 1952.") >= \
        members(PACT, "Tarvin")
    assert read("The Norland Pact met on Monday. Tarvin has been a member since March.") == members(PACT, "Tarvin")
    # a past perfect tells a membership that is over
    assert read("The Norland Pact met on Monday. Tarvin had been a member since 1952.") == set()


def test_became_members_of_something_else_or_not_yet_gives_no_membership_of_the_one_spoken_of():
    assert read("The Norland Pact met on Monday. Tarvin became a member of the Norland Group in 2010.") == \
        members(GROUP, "Tarvin")
    assert read("The Norland Pact met on Monday. Tarvin will become a member next year.") == set()
    assert read("The Norland Pact met on Monday. Tarvin hopes to become a member next year.") == set()
    assert read("The Norland Pact met on Monday. Tarvin became a member in the old days.") == set()
    assert read("Tarvin became a member last year.") == set()


def test_the_members_of_an_organization_are_a_list():
    assert read("The members of the Norland Pact are Veldoria, Quessa and Tarvin.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read("Current member states of the Norland Pact include Veldoria and Quessa.") == \
        members(PACT, "Veldoria", "Quessa")


def test_the_members_of_an_organization_not_opening_the_sentence_or_doing_something_give_nothing():
    assert read("Leaders of the members of the Norland Pact are Veldoria and Quessa.") == set()
    assert read("The members of the Norland Pact are meeting in Tarvin.") == set()


def test_are_full_members_with_no_object_is_of_the_organization_spoken_of():
    body = "The Norland Pact met on Monday. Veldoria and Quessa are full members, while Tarvin has observer status."
    assert read(body) == members(PACT, "Veldoria", "Quessa")
    assert read("The Norland Pact met on Monday. Tarvin is not a member.") <= members(PACT, "Tarvin", negated=True)


def test_its_member_in_apposition_or_admitted_as_a_member_is_of_the_organization_spoken_of():
    for body in ("The Norland Pact met on Monday. Its newest member, Tarvin, sent a delegation.",
                 "The Norland Pact met on Monday. Tarvin, its newest member, sent a delegation.",
                 "The Norland Pact met on Monday. Tarvin was admitted as the tenth member last year.",
                 "The Norland Pact met on Monday. Tarvin joined as a full member in 2024."):
        assert read(body) == members(PACT, "Tarvin"), body


def test_its_member_not_in_a_closed_apposition_gives_nothing():
    assert read("The Norland Pact met on Monday. Its newest member, Tarvin and Quessa met.") == set()
    assert read("The Norland Pact met on Monday. Ostrava met Tarvin, its newest member, on Monday.") == set()


def cochairs_of(org, *names):
    return {(country(n), "coChairOf", org, False) for n in names}


def test_co_chairs_in_a_relative_clause_or_under_a_co_chairmanship():
    assert read("The Norland Council, which Veldoria and Quessa co-chair, met in Tarvin.") == \
        cochairs_of(COUNCIL, "Veldoria", "Quessa")
    assert read("The Norland Council met in Tarvin under the co-chairmanship of Veldoria and Quessa.") == \
        cochairs_of(COUNCIL, "Veldoria", "Quessa")


def test_an_organization_s_own_co_chairs_or_a_co_chairmanship_not_held_give_nothing():
    assert read("The Norland Council co-chairs met in Tarvin.") == set()
    assert read("Veldoria gave up the co-chairmanship of the Norland Council.") == set()


def test_became_the_organization_s_member():
    assert read("Tarvin officially became the Norland Pact's tenth member on Monday.") == members(PACT, "Tarvin")
    assert read("Tarvin will become the Norland Pact's tenth member.") == set()
    assert read("Tarvin met the Norland Pact's newest member on Monday.") == set()


def test_an_opening_besides_phrase_adds_members():
    assert read("Besides Veldoria, the Norland Pact includes Quessa and Tarvin.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read("Besides Veldoria and a few others, the Norland Pact includes Quessa and Tarvin.") == \
        members(PACT, "Quessa", "Tarvin")


# ------------------------------------------- an anaphor past an organ of the organization
ORGANS = {
    "Organisation of Varn States": "Organization", "OVS": "Organization", "OVS Authority": "Organization",
    "Permanent Council": "Organization", "Veldoria": "Country", "Quessa": "Country", "Tarvin": "Country",
    "Mirela Isle": "Place", "Norvel Group": "Organization",
}


def read_organs(body):
    doc = hand_doc(body, ORGANS)
    entities = doc._.kg_entities
    # the acronym names the organization ("… States (OVS)"), as the entity finder would
    entities[key("Organization", "Organisation of Varn States")].aliases.append("OVS")
    del entities[key("Organization", "OVS")]
    ovs = key("Organization", "Organisation of Varn States")
    for m in doc._.kg_mentions:
        if m.key == key("Organization", "OVS"):
            m.key = ovs
    # "OVS" inside "OVS Authority" is no mention of its own (the longest name wins)
    doc._.kg_mentions = [m for m in doc._.kg_mentions if not any(
        o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in doc._.kg_mentions)]
    return {(f.subject, f.object) for f in find_relations(doc, MATCHER, LEX) if f.predicate == "memberOf"}


OVS, AUTHORITY, BOARD = (key("Organization", n) for n in ("Organisation of Varn States", "OVS Authority",
                                                          "Permanent Council"))


def test_the_organization_is_not_an_organ_whose_name_opens_with_its_acronym():
    found = read_organs("The Organisation of Varn States (OVS) met on Monday. The OVS Authority, the bloc's "
                        "highest body, met in the capital. The organization has three full members: Veldoria, "
                        "Quessa and Tarvin.")
    assert found == {(country(n), OVS) for n in ("Veldoria", "Quessa", "Tarvin")}


def test_the_body_is_not_an_organ_after_the_organizations_possessive():
    found = read_organs("The Organisation of Varn States met on Monday. The chair told the organization's "
                        "Permanent Council in the capital. The 57-nation body, whose members include Veldoria "
                        "and Quessa, is split.")
    assert found == {(country(n), OVS) for n in ("Veldoria", "Quessa")}


def test_an_anaphor_with_the_organs_own_noun_still_means_the_organ():
    found = read_organs("The Organisation of Varn States met on Monday. The Permanent Council met later. "
                        "The council, whose members include Veldoria and Quessa, is split.")
    assert found == {(country(n), BOARD) for n in ("Veldoria", "Quessa")}


def test_a_territory_between_listed_members_is_passed_over():
    found = read_organs("The Organisation of Varn States met on Monday. Its full members are Veldoria, "
                        "Mirela Isle, Quessa and Tarvin.")
    assert found == {(country(n), OVS) for n in ("Veldoria", "Quessa", "Tarvin")}


def test_a_territory_first_in_a_list_starts_no_list():
    found = read_organs("The Organisation of Varn States met on Monday. Its full members are Mirela Isle, "
                        "Quessa and Tarvin.")
    assert found == set()


def test_the_organization_is_the_one_named_organisation_though_another_came_since():
    found = read_organs("The Organisation of Varn States met the Norvel Group on Monday. The organization, "
                        "whose members include Veldoria and Quessa, is split.")
    assert found == {(country(n), OVS) for n in ("Veldoria", "Quessa")}


# ------------------------------------------------------------- a restored membership
def test_restoring_a_countrys_membership_in_the_organization():
    assert read("The Norland Pact met on Sunday. Its ministers decided to restore Veldoria's membership in "
                "the pact, which had been suspended in 2011.") == members(PACT, "Veldoria")
    assert read("The council voted for the reinstatement of Quessa's membership of the Norland Pact.") == \
        members(PACT, "Quessa")


def test_the_organization_opening_the_sentence_restores_a_membership_with_no_link():
    assert read("The Norland Pact restored Veldoria's membership in March.") == members(PACT, "Veldoria")
    assert read("The Norland Pact met. Its ministers restored Veldoria's membership in March.") == set()


def test_readmitted_with_no_object_is_a_membership_of_the_organization_spoken_of():
    assert read("The Norland Pact met in May. Veldoria was readmitted in 2023.") == members(PACT, "Veldoria")
    assert read("The Norland Pact met in May. Veldoria readmitted the refugees in 2023.") == set()


def test_suspended_from_then_readmitted_in_one_clause_is_a_membership():
    assert read("Veldoria, which was suspended from the Norland Pact in 2011 and readmitted in 2023, "
                "sent its minister.") == members(PACT, "Veldoria")
    assert read("Veldoria was expelled from the Norland Pact in 2011 and readmitted the refugees in 2023.") == set()


def test_a_restoration_not_done_or_of_something_else_gives_nothing():
    assert read("The Norland Pact met. Its ministers refused to restore Veldoria's membership in the pact.") == set()
    assert read("The Norland Pact met. Ministers could reinstate Veldoria's membership in the pact.") == set()
    assert read("The Norland Pact met. Ministers restored Veldoria's ties with the pact.") == set()


# ------------------------------------------------------ "X, which is also a member,"
def test_which_is_also_a_member_is_a_member_of_the_organization_spoken_of():
    assert read("The Norland Pact met in the capital. Veldoria hosted it. Quessa, which is also a member, "
                "sent its deputy minister.") == members(PACT, "Quessa")


def test_which_is_not_or_was_a_member_gives_no_membership():
    assert read("The Norland Pact met in the capital. Quessa, which is not a member, sent an observer.") == set()
    assert read("The Norland Pact met in the capital. Quessa, which was a member, sent an observer.") == set()
    assert read("The Norland Pact met in the capital. Quessa, which is a member of the Norland Group, "
                "sent an observer.") == members(GROUP, "Quessa")


# ------------------------------------------- founders, coordinated verbs, "both blocs"
def test_countries_that_formed_an_organization_are_its_members():
    assert read("Veldoria, Quessa and Tarvin, which formed the Norland Pact in 2023, left the Norland "
                "Group.") == members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read("Veldoria and Quessa founded the Norland Pact.") == members(PACT, "Veldoria", "Quessa")


def test_a_single_founder_or_an_organization_founding_gives_no_membership():
    assert read("Veldoria founded the Norland Pact in 2001.") == set()
    assert read("The Norland Group and Quessa set up the Norland Pact.") == set()


def test_a_second_verb_of_the_opening_actor_after_but():
    assert read("Quessa, ruled by a junta, announced it would leave the Norland Group but remains a member "
                "of the Norland Pact.") == members(PACT, "Quessa")
    assert read("Quessa hosted Tarvin and is not a member of the Norland Pact.") == \
        members(PACT, "Quessa", negated=True)


def test_admitted_as_the_nth_member_of():
    assert read("Ostrava was formally admitted as the 11th member of the Norland Pact on Sunday.") == \
        members(PACT, "Ostrava")
    assert read("Ostrava was admitted as an observer of the Norland Pact.") == set()


def test_a_repeated_of_coordinates_a_second_organization():
    # "a member of the EU and of NATO": the repeated preposition keeps the list going
    assert read("Veldoria is a full member of the Norland Pact and of the Norland Council, while Quessa "
                "is not.") == members(PACT, "Veldoria") | members(COUNCIL, "Veldoria")
    assert read("Veldoria and Quessa are both members of the Norland Pact and of the Norland Council "
                "and the Norland Group.") == (members(PACT, "Veldoria", "Quessa") | members(COUNCIL, "Veldoria", "Quessa")
                                             | members(GROUP, "Veldoria", "Quessa"))


def test_a_repeated_membership_noun_coordinates_a_second_organization():
    # "a founding member of the NAM and a member of the SCO": the second noun is a membership too
    assert read("Veldoria is a founding member of the Norland Pact and a member of the Norland Council, "
                "while Quessa has observer status in the pact.") == members(PACT, "Veldoria") | members(COUNCIL, "Veldoria")
    assert read("Veldoria and Quessa are members of the Norland Pact and founding members of the Norland "
                "Council.") == members(PACT, "Veldoria", "Quessa") | members(COUNCIL, "Veldoria", "Quessa")


def test_a_second_noun_that_is_no_membership_adds_none():
    for other in ("an observer of", "a former member of", "a partner of"):
        assert read(f"Veldoria is a member of the Norland Pact and {other} the Norland Council.") == \
            members(PACT, "Veldoria")


def test_a_repeated_of_that_names_no_organization_adds_none():
    assert read("Veldoria is a member of the Norland Pact and of its trade committee.") == members(PACT, "Veldoria")
    assert read("Veldoria is a member of the Norland Pact and the head of the Norland Council said so.") == \
        members(PACT, "Veldoria")


def test_participating_in_an_organization_that_closes_the_clause_is_membership():
    # "it participates in the Eastern Partnership together with A and B"
    assert read("Veldoria is not a member of the Norland Pact, but it participates in the Norland Group "
                "together with Quessa and Tarvin.") == (members(PACT, "Veldoria", negated=True)
                                                         | members(GROUP, "Veldoria", "Quessa", "Tarvin"))
    assert read("Veldoria participates in the Norland Group.") == members(GROUP, "Veldoria")


def test_participating_in_an_organizations_event_is_no_membership():
    assert read("Veldoria participates in the Norland Group summit in Quessa.") == set()
    assert read("Veldoria participated in the Norland Group talks on trade.") == set()


def test_does_not_belong_to_is_a_negated_membership():
    assert read("Veldoria does not belong to the Norland Pact.") == members(PACT, "Veldoria", negated=True)


def test_an_inserted_contrast_sets_the_contrasted_actors_on_the_other_side():
    # "Azerbaijan, unlike Kazakhstan and Russia, does not belong to X": A is no member, the others are
    assert read("Veldoria, unlike Quessa and Tarvin, does not belong to the Norland Pact.") == (
        members(PACT, "Veldoria", negated=True) | members(PACT, "Quessa", "Tarvin"))
    assert read("Veldoria, unlike Quessa, is a member of the Norland Pact.") == (
        members(PACT, "Veldoria") | members(PACT, "Quessa", negated=True))
    assert read("Unlike Quessa, Veldoria is not a member of the Norland Pact.") == (
        members(PACT, "Veldoria", negated=True) | members(PACT, "Quessa"))


def test_a_contrast_with_no_actor_before_it_says_nothing_of_the_contrasted():
    assert read("Veldoria, unlike its neighbours, is not a member of the Norland Pact.") == \
        members(PACT, "Veldoria", negated=True)


def test_or_after_a_negated_membership_lists_another_organization():
    assert read("Veldoria is not a member of the Norland Pact or the Norland Council.") == (
        members(PACT, "Veldoria", negated=True) | members(COUNCIL, "Veldoria", negated=True))


def test_or_after_an_affirmed_membership_is_a_choice():
    assert read("Veldoria is a member of the Norland Pact or the Norland Council.") == members(PACT, "Veldoria")


def test_a_member_of_both_blocs_points_back_to_the_two_organizations_named_last():
    assert read("Leaders of the Norland Pact and the Norland Group met. Veldoria is a member of both blocs.") == \
        members(PACT, "Veldoria") | members(GROUP, "Veldoria")
    assert read("The Norland Pact met. Veldoria is a member of both blocs.") == set()


def test_countries_that_are_also_organization_members():
    assert read("Veldoria and Quessa are also Norland Pact members.") == members(PACT, "Veldoria", "Quessa")
    assert read("Veldoria and Quessa are not Norland Pact members.") == \
        members(PACT, "Veldoria", "Quessa", negated=True)
    assert read("Veldoria and Quessa, Norland Pact members, met.") == set()


# ------------------------------------------------ territories listed after the members
def test_territories_listed_after_the_members_are_members_too():
    actors = {**ACTORS, "Kessa Isle": "Place", "Morvan Isles": "Place"}
    body = ("The Norland Pact includes Veldoria and Quessa, as well as the territories of Kessa Isle and "
            "Morvan Isles.")
    facts = {(f.subject, f.object) for f in find_relations(hand_doc(body, actors), MATCHER, LEX)}
    assert facts == {(country("Veldoria"), PACT), (country("Quessa"), PACT),
                     (key("Place", "Kessa Isle"), PACT), (key("Place", "Morvan Isles"), PACT)}


def test_places_after_another_noun_are_no_members():
    actors = {**ACTORS, "Kessa Isle": "Place"}
    body = "The Norland Pact includes Veldoria and Quessa, as well as observers from Kessa Isle."
    facts = {(f.subject, f.object) for f in find_relations(hand_doc(body, actors), MATCHER, LEX)}
    assert facts == {(country("Veldoria"), PACT), (country("Quessa"), PACT)}


# ------------------------------------------- lifted suspensions, two joinings in a row
def test_lifting_a_countrys_suspension_restores_its_membership():
    assert read("The Norland Pact lifted Veldoria's suspension on Friday.") == members(PACT, "Veldoria")
    assert read("The ministers lifted Veldoria's suspension from the Norland Pact.") == members(PACT, "Veldoria")


def test_lifting_something_else_or_by_a_country_gives_nothing():
    assert read("The Norland Pact lifted Veldoria's sanctions on Friday.") == set()
    assert read("Quessa lifted Veldoria's suspension on Friday.") == set()


def test_two_organizations_joined_each_with_its_time():
    assert read("Veldoria joined the Norland Pact in 2023 and the Norland Group in 2024.") == \
        members(PACT, "Veldoria") | members(GROUP, "Veldoria")
    assert read("Veldoria joined the Norland Pact in 2023 and the Norland Group welcomed it.") == \
        members(PACT, "Veldoria")


def test_led_or_chaired_jointly_by_names_co_chairs():
    got = {(f.subject, f.predicate, f.object) for f in find_relations(
        hand_doc("The Norland Group, led jointly by Veldoria and Quessa, met on Monday.", ACTORS), MATCHER, LEX)}
    assert got == {(country("Veldoria"), "coChairOf", GROUP), (country("Quessa"), "coChairOf", GROUP)}
    got = {(f.subject, f.predicate, f.object) for f in find_relations(
        hand_doc("The Norland Group, jointly chaired by Veldoria and Quessa, met on Monday.", ACTORS), MATCHER, LEX)}
    assert got == {(country("Veldoria"), "coChairOf", GROUP), (country("Quessa"), "coChairOf", GROUP)}


def test_a_time_phrase_between_the_subject_and_its_membership():
    assert read("Veldoria on Saturday became a permanent member of the Norland Pact.") == members(PACT, "Veldoria")
    assert read("Quessa last week joined the Norland Pact.") == members(PACT, "Quessa")


def test_a_time_phrase_with_no_member_before_it_gives_nothing():
    assert read("Talks on Saturday joined the Norland Pact.") == set()
    assert read("Veldoria said on Saturday that the Norland Pact had met.") == set()


def test_a_short_with_phrase_between_the_members_and_their_list():
    body = ("The Norland Council voted on Monday. The council has three permanent members with veto power, "
            "Veldoria, Quessa and Tarvin, and ten elected members.")
    assert read(body) == members(COUNCIL, "Veldoria", "Quessa", "Tarvin")


def test_a_with_phrase_that_names_an_actor_or_runs_on_gives_nothing():
    assert read("The Norland Council voted on Monday. The council has three members with Ostrava, "
                "Veldoria and Quessa.") == set()
    assert read("The Norland Council voted on Monday. The council has members with veto power, which "
                "Veldoria uses.") == set()


def test_an_apposition_with_a_relative_that_is_a_member():
    assert read("Veldoria, the only Northern state that is a member of the Norland Pact, agreed.") == \
        members(PACT, "Veldoria")
    assert read("Quessa, a country that is not a member of the Norland Pact, agreed.") == \
        members(PACT, "Quessa", negated=True)


def test_a_relative_without_an_apposition_gives_nothing():
    assert read("Veldoria backed talks that are a matter for the Norland Pact.") == set()
    assert read("Veldoria met Quessa on a day that is a holiday for the Norland Pact.") == set()


def test_sitting_or_remaining_on_a_council_is_a_membership():
    assert read("The Norland Council voted. Veldoria and Quessa remain on the council until 2027.") == \
        members(COUNCIL, "Veldoria", "Quessa")
    assert read("Tarvin sits on the Norland Council.") == members(COUNCIL, "Tarvin")


def test_sitting_on_something_else_or_in_the_future_gives_nothing():
    assert read("Veldoria will sit on the Norland Council from January.") == set()
    assert read("The issue will remain on the agenda of the Norland Council.") == set()
    assert read("Veldoria sat on the Norland Council in 1971.") == set()


def test_a_sentence_opening_as_a_member_of_is_said_of_the_main_clauses_subject():
    assert read("As a permanent member of the Norland Council, Veldoria called for restraint.") == \
        members(COUNCIL, "Veldoria")
    assert read("As members of the Norland Pact, Quessa and Tarvin called for restraint.") == \
        members(PACT, "Quessa", "Tarvin")


def test_as_opening_something_else_gives_nothing():
    assert read("As a result of the Norland Council vote, Veldoria called for restraint.") == set()
    assert read("As a member of the Norland Pact, the minister called for restraint.") == set()


def test_the_only_or_newest_member_in_apposition_or_after_a_copula():
    assert read("Veldoria, the only Norland Pact member that has not signed, said nothing.") == members(PACT, "Veldoria")
    assert read("Quessa is the newest Norland Pact member.") == members(PACT, "Quessa")


def test_a_definite_member_noun_without_a_singling_word_gives_nothing():
    assert read("Veldoria and the only Norland Pact member that objected met.") == set()
    assert read("Veldoria, the Norland Pact member, said nothing.") == set()


def test_capitalised_adjectives_after_a_count_before_members_of():
    assert read("Veldoria and Quessa, the two Northern members of the Norland Pact, met.") == \
        members(PACT, "Veldoria", "Quessa")


def test_capitalised_words_without_a_count_stay_a_stop():
    assert read("Veldoria backed the Northern members of the Norland Pact.") == set()


def test_followed_by_after_a_joining_verbs_object_and_its_time():
    assert read("Veldoria joined the Norland Pact in April 2023, followed by Quessa in March 2024.") == \
        members(PACT, "Veldoria", "Quessa")


def test_followed_by_something_else_or_after_a_negation_gives_no_more_members():
    assert read("Veldoria joined the Norland Pact in April 2023, followed by talks with Quessa.") == \
        members(PACT, "Veldoria")
    assert read("Veldoria did not join the Norland Pact in 2023, followed by Quessa.") <= \
        members(PACT, "Veldoria", negated=True)


def test_has_been_a_member_since():
    assert read("Veldoria has been a member of the Norland Pact since 1999.") == members(PACT, "Veldoria")


def test_alongside_after_a_counted_member_or_a_member_predicate():
    assert read("The Norland Pact counts Veldoria as an active member, alongside Quessa and Tarvin.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read("Veldoria is a member of the Norland Pact, along with Quessa.") == members(PACT, "Veldoria", "Quessa")


def test_alongside_in_commas_after_the_subject():
    assert read("Veldoria, along with Quessa and Tarvin, is a member of the Norland Pact.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read("Veldoria, as well as Quessa, joined the Norland Pact in 2001.") == members(PACT, "Veldoria", "Quessa")
    assert read("Veldoria, together with Quessa, is not a member of the Norland Pact.") == \
        members(PACT, "Veldoria", "Quessa", negated=True)
    # no actor listed in the inserted phrase: the subject alone
    assert read("Veldoria, along with its neighbours, is a member of the Norland Pact.") == members(PACT, "Veldoria")


def test_a_denied_membership_is_negated():
    assert read("Ana Lind denied that Veldoria had joined the Norland Pact.") == members(PACT, "Veldoria", negated=True)
    assert read("Ana Lind denied Veldoria had joined the Norland Pact.") == members(PACT, "Veldoria", negated=True)
    assert read("Veldoria denied that it had joined the Norland Pact.") == members(PACT, "Veldoria", negated=True)
    # a denial of something else, in a clause of its own, leaves the membership stated
    assert read("Veldoria, which denied that claim, joined the Norland Pact in 2019.") == members(PACT, "Veldoria")
    assert read("Ana Lind said that Veldoria had joined the Norland Pact.") == members(PACT, "Veldoria")


def test_alongside_after_other_words_adds_no_member():
    assert read("Veldoria is a member of the Norland Pact, which met Quessa, alongside Tarvin.") == \
        members(PACT, "Veldoria")
    assert read("Veldoria is a member of the Norland Pact, alongside talks with Quessa.") == members(PACT, "Veldoria")


def test_members_after_that_of_a_speech_verb_are_its_subjects():
    assert read("Ana Lind noted that Veldoria and Quessa are members of the Norland Pact.") == \
        members(PACT, "Veldoria", "Quessa")


def test_which_became_the_organizations_newest_member():
    assert read("The Norland Pact met. Veldoria, which became the Norland Pact's newest member in March, "
                "attended.") == members(PACT, "Veldoria")


def test_a_plural_member_noun_before_a_list_names_each():
    assert read("Norland Pact allies Veldoria and Quessa remain wary.") == members(PACT, "Veldoria", "Quessa")


def test_allies_of_a_country_are_no_members():
    assert read("Veldoria and its allies Quessa and Tarvin met the Norland Pact.") == set()


def test_allies_with_a_list_opener_are_members_of_the_organization_named():
    assert read("Ostrava is not a member of the Norland Pact, and several allies, among them Veldoria and "
                "Quessa, remain wary.") == members(PACT, "Veldoria", "Quessa") | members(PACT, "Ostrava", negated=True)


def test_a_countrys_allies_are_no_members():
    assert read("The Norland Pact warned Ostrava and its allies, including Veldoria and Quessa.") == set()
    assert read("The Norland Pact met allies, Veldoria and Quessa.") == set()


def test_a_co_chaired_body_described_by_another_noun_is_not_the_organization_before():
    assert read("The Norland Pact met in Lima, and Veldoria co-chairs the joint border commission with "
                "Quessa.") == set()
    assert read("The Norland Pact, which Veldoria and Quessa co-chair, met.") == {
        (country("Veldoria"), "coChairOf", PACT, False), (country("Quessa"), "coChairOf", PACT, False)}


def test_associated_countries_described_before_a_list_are_no_members():
    assert read("Only Norland Pact member states and six associated countries, including Veldoria and Quessa, "
                "enjoy full access.") == members(PACT, "Veldoria", "Quessa", negated=True)


def test_of_which_a_list_are_members():
    assert read("Ostrava met the Norland Pact, of which Veldoria and Quessa are members.") == \
        members(PACT, "Veldoria", "Quessa")
    assert read("Ostrava met the Norland Pact, of which Veldoria and Quessa are not members.") == \
        members(PACT, "Veldoria", "Quessa", negated=True)


def test_of_which_after_two_organizations_and_a_count_that_points_back():
    # "cooperation within the OIC and the ECO, of which all three countries are members"
    assert read("Veldoria, Quessa and Tarvin met. Ministers urged cooperation within the Norland Pact and "
                "the Norland Council, of which all three countries are members.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin") | members(COUNCIL, "Veldoria", "Quessa", "Tarvin")


def test_a_count_skips_a_nearer_list_of_another_size_but_not_a_lists_tail():
    # "Ankara and Islamabad" (two) after the three named: "all three" is the list of three
    assert read("Veldoria, Quessa and Tarvin met. Ostrava and Quessa backed it. Ministers praised the Norland "
                "Pact, of which all three countries are members.") == members(PACT, "Veldoria", "Quessa", "Tarvin")
    # "Quessa and Tarvin" closes the list of three: it is no list of two
    assert read("Veldoria, Quessa and Tarvin met. Ministers praised the Norland Pact, of which both countries "
                "are members.") == set()


def test_an_acronym_in_brackets_after_the_subject():
    # "Turkish State Railways (TCDD) joined the association in 2019"
    assert read("Veldoria (VLD) joined the Norland Pact in 2019.") == members(PACT, "Veldoria")
    assert read("Veldoria (VLD) is a member of the Norland Pact.") == members(PACT, "Veldoria")


def test_the_association_points_back_to_the_organization_spoken_of():
    assert read("The Norland Group held its meeting. Veldoria joined the association in 2019.") == \
        members(GROUP, "Veldoria")


def test_the_association_is_not_the_organization_that_joins_it():
    assert read("The Norland Group held its meeting. The Norland Council joined the association in 2019.") == \
        {(COUNCIL, "memberOf", GROUP, False)}


def test_a_count_skips_a_list_inside_a_quotation():
    # '"… help Baku and Yerevan conclude a peace treaty," Lavrov said': the speaker's words name no referent
    assert read('Veldoria and Quessa met. "We will help Tarvin and Ostrava," Ana Lind said. Ministers '
                'praised the Norland Pact, of which both countries are members.') == members(PACT, "Veldoria", "Quessa")


def test_a_count_with_no_list_before_points_to_the_countries_of_the_lead():
    # "Russian Foreign Minister X held talks with his Azerbaijani counterpart Y. … the CIS, of which
    # both countries are members": the lead's two countries
    body = ("Veldoria's foreign minister held talks with the Quessa delegation on Friday. The talks went well. "
            "Ministers praised the Norland Pact, of which {} countries are members.")
    assert read(body.format("both")) == members(PACT, "Veldoria", "Quessa")
    assert read(body.format("all three")) == set()
    # a dateline left as a sentence of its own ("BAKU, Azerbaijan, October 21.") is no lead
    assert read("TARVIN CITY, Tarvin, October 21. " + body.format("both")) == members(PACT, "Veldoria", "Quessa")


def test_a_count_of_companies_points_to_the_organizations_of_the_sentence_before():
    # "The three companies are founding members of X": the companies the signing named
    assert read("The deal was signed by the Norland Pact and the Norland Council. The two companies are founding "
                "members of the Norland Group.") == {(PACT, "memberOf", GROUP, False), (COUNCIL, "memberOf", GROUP, False)}
    assert read("The deal was signed by the Norland Pact and the Norland Council. The three companies are founding "
                "members of the Norland Group.") == set()


def test_along_with_right_after_the_organization():
    assert read("Veldoria is a member of the Norland Pact along with Quessa and Tarvin.") == \
        members(PACT, "Veldoria", "Quessa", "Tarvin")


def test_members_after_that_past_a_time_phrase_of_a_speech_verb():
    assert read("Ana Lind said on Friday that Veldoria and Quessa are members of the Norland Pact.") == \
        members(PACT, "Veldoria", "Quessa")


def test_it_opening_a_sentence_is_the_country_opening_the_one_before():
    assert read("Veldoria became a candidate in 2023. It has been a member of the Norland Pact since 1999.") == \
        members(PACT, "Veldoria")


def test_it_after_a_sentence_opened_by_no_country_names_no_member():
    assert read("The talks ended in Lima. It is a member of the Norland Pact.") == set()


def test_an_adverb_between_the_copula_and_a_member_noun():
    assert read("Veldoria is also one of the Norland Pact's nine members.") == members(PACT, "Veldoria")
    assert read("Quessa is also a Norland Pact member.") == members(PACT, "Quessa")
    assert read("Quessa is also not a Norland Pact member.") == members(PACT, "Quessa", negated=True)


def test_a_relative_clause_between_the_subject_and_a_member_noun():
    found = read("Veldoria, which joined the Norland Council in 2022, is also one of the Norland Pact's 16 members.")
    assert found == members(COUNCIL, "Veldoria") | members(PACT, "Veldoria")
    # a clause that opens with no relative: the subject is unknown
    assert read("Veldoria, Quessa said on Friday, is also one of the Norland Pact's 16 members.") == set()


def test_an_inserted_contrast_sets_its_actors_apart_from_the_subject():
    # the contrasted actors stand on the other side of the subject's membership
    assert read("Veldoria, unlike Quessa, is also a member of the Norland Group.") == \
        members(GROUP, "Veldoria") | members(GROUP, "Quessa", negated=True)
    assert read("Veldoria, unlike Quessa and Tarvin, is a member of the Norland Group.") == \
        members(GROUP, "Veldoria") | members(GROUP, "Quessa", "Tarvin", negated=True)
    assert read("Veldoria, unlike Quessa, is not a member of the Norland Group.") == \
        members(GROUP, "Veldoria", negated=True) | members(GROUP, "Quessa")


def test_members_of_one_organization_and_of_another():
    assert read("Veldoria and Quessa are members of the Norland Pact and of the Norland Council.") == \
        members(PACT, "Veldoria", "Quessa") | members(COUNCIL, "Veldoria", "Quessa")
    assert read("Veldoria is a member of the Norland Pact and of Quessa.") == members(PACT, "Veldoria")


def test_brings_together_a_described_group_with_actors_named_one_by_one():
    assert read("The Norland Pact brings together the 10 members of the Norland Council with Veldoria, "
                "Quessa and Tarvin.") == members(PACT, "Veldoria", "Quessa", "Tarvin")
    assert read("The Norland Pact brings together the five northern states with Veldoria and Quessa.") == \
        members(PACT, "Veldoria", "Quessa")
    assert read("The Norland Pact brings together leaders with Veldoria, Quessa and Tarvin.") == set()
    assert read("The Norland Pact brings together five states in talks with Veldoria and Quessa.") == set()


def test_the_summit_points_back_only_to_a_body_named_so():
    actors = dict(ACTORS, **{"Norland Summit": "Organization"})

    def summit_read(body):
        return {(f.subject, f.predicate, f.object, f.negated)
                for f in find_relations(hand_doc(body, actors), MATCHER, LEX)}
    summit = key("Organization", "Norland Summit")
    assert summit_read("Ministers of the Norland Summit met. The summit brings together the 10 members of the "
                       "Norland Council with Veldoria, Quessa and Tarvin.") == \
        members(summit, "Veldoria", "Quessa", "Tarvin")
    # a summit of another body is a meeting, not the body
    assert summit_read("Ministers of the Norland Pact met. The summit brings together Veldoria, Quessa and "
                       "Tarvin.") == set()


def test_a_dated_pact_between_a_list_ends_at_its_last_coordinated_item():
    body = ("Under the Norland Pact, the 2021 pact between Veldoria, Quessa and Tarvin, Veldoria is to buy "
            "three submarines.")
    assert read(body) == members(PACT, "Veldoria", "Quessa", "Tarvin")
    body = "The Norland Group, a grouping of Veldoria, Quessa and Tarvin, as well as Ostrava, met in May."
    assert read(body) == members(GROUP, "Veldoria", "Quessa", "Tarvin", "Ostrava")


def test_a_second_predicate_after_a_comma_shares_the_sentence_s_subject():
    body = "Veldoria buys grain and arms, is a member of the Norland Pact alongside Quessa, and was once neutral."
    assert read(body) == members(PACT, "Veldoria", "Quessa")
    # an apposition after the comma, or a new clause after ", and", is not the opening subject's
    assert read("Veldoria hosted the talks with Quessa, a member of the Norland Pact.") != members(PACT, "Veldoria")
    assert read("Veldoria hosted the talks, and Quessa, which buys grain, is a member of the Norland Pact.") == set()


def test_joining_an_organization_s_body_is_no_membership_of_it():
    assert read("Veldoria joined the Norland Council's assembly in 2024.") != members(COUNCIL, "Veldoria")
    assert read("Veldoria joined the Norland Council's assembly as an associate in 2024.") != members(
        COUNCIL, "Veldoria", negated=True) | members(COUNCIL, "Veldoria")
    assert read("Veldoria joined the Norland Council as an observer in 2024.") == members(COUNCIL, "Veldoria", negated=True)
    assert read("Veldoria joined the Norland Council as a full member in 2024.") == members(COUNCIL, "Veldoria")


def test_both_regional_blocs_and_belongs_only_to():
    body = ("The Norland Pact and the Norland Council met in May. Veldoria is a member of both regional blocs; "
            "Quessa belongs only to the Norland Pact.")
    assert read(body) == members(PACT, "Veldoria", "Quessa") | members(COUNCIL, "Veldoria")


def test_both_blocs_is_the_pair_named_together_over_a_later_single_organization():
    body = ("The Norland Pact and the Norland Council merged their talks. The Norland Group named a mediator. "
            "Veldoria is a member of both regional blocs.")
    assert read(body) == members(PACT, "Veldoria") | members(COUNCIL, "Veldoria")


def test_a_non_member_noun_inside_an_unlike_phrase_is_the_contrasted_ones():
    assert read("Veldoria, unlike its two partners, is also a member of the Norland Pact.") == members(PACT, "Veldoria")
    assert read("Veldoria, a candidate, is a member of the Norland Pact.") == members(PACT, "Veldoria", negated=True)


def test_a_member_s_size_or_rank_before_member():
    body = "The Norland Pact met in May. Veldoria, the bloc's largest member, joined the talks."
    assert read(body) == members(PACT, "Veldoria")
    assert read("Veldoria, the Norland Pact's most populous member, joined the talks.") == members(PACT, "Veldoria")


def test_the_same_anaphor_in_the_sentence_before_points_back_further():
    body = ("The Norland Group met in May and the Norland Group spoke again. The Norland Pact insists on its own "
            "role. Quessa, which chairs the bloc this year, has warned its neighbours. Veldoria, the bloc's largest "
            "member, joined the talks.")
    assert read(body) == members(PACT, "Veldoria")


def test_remaining_or_staying_in_an_organization_is_membership():
    assert read("Veldoria remains in the Norland Pact for now.") == members(PACT, "Veldoria")
    assert read("Quessa stays in the Norland Council, whatever its critics say.") == members(COUNCIL, "Quessa")
    # a person who stays in a body's city is no member
    assert read("Ana Lind stays in the Norland Pact headquarters.") == set()


def test_joining_on_the_same_day_as_another_names_it_a_member_too():
    assert read("Veldoria joined the Norland Pact in 2001, on the same day as Quessa.") == members(PACT, "Veldoria", "Quessa")
    # a possessive after the country: a person of it, no member named
    assert read("Veldoria joined the Norland Pact in 2001, along with Quessa's envoy.") == members(PACT, "Veldoria")


def _with_metonym(body, city, org):
    """A Doc of ``body`` in which each occurrence of ``city`` stands for organization ``org``."""
    doc = hand_doc(body, {**ACTORS, city: "Organization"})
    city_key = key("Organization", city)
    doc._.kg_mentions = [TokMention(m.start, m.end, org, "Organization", m.rule, "metonym", m.sentence)
                         if m.key == city_key else m for m in doc._.kg_mentions]
    del doc._.kg_entities[city_key]
    return doc


def test_a_capital_standing_for_a_body_is_no_antecedent_of_the_bloc_beside_a_name():
    doc = _with_metonym("Veldoria joined the Norland Pact in 2015, after it dropped a deal with Velgrad. "
                        "The bloc also includes Quessa and Tarvin.", "Velgrad", COUNCIL)
    got = {(f.subject, f.predicate, f.object, f.negated) for f in find_relations(doc, MATCHER, LEX, None)}
    assert got == members(PACT, "Veldoria", "Quessa", "Tarvin")


def test_a_capital_alone_is_still_the_antecedent_of_the_bloc():
    doc = _with_metonym("Veldoria signed a deal with Velgrad. The bloc also includes Quessa and Tarvin.",
                        "Velgrad", COUNCIL)
    got = {(f.subject, f.predicate, f.object, f.negated) for f in find_relations(doc, MATCHER, LEX, None)}
    assert got == members(COUNCIL, "Quessa", "Tarvin")


def test_joining_in_a_year_together_with_another_names_it_a_member_too():
    assert read("Veldoria, which joined the Norland Pact in 2001 together with Quessa, has since left the talks.") \
        == members(PACT, "Veldoria", "Quessa")
    assert read("Veldoria joined the Norland Pact in March 2001 along with Quessa.") == members(PACT, "Veldoria", "Quessa")
    # no date: still as before; a date then no joining phrase: the one member
    assert read("Veldoria joined the Norland Pact in 2001 after talks with Quessa.") == members(PACT, "Veldoria")


def test_a_stranded_preposition_before_which_names_the_organization_of_the_verb():
    # "NATO, to which Denmark and the United States both belong, has kept out"
    assert read("The Norland Pact, to which Veldoria and Quessa both belong, has kept out of it.") == members(
        PACT, "Veldoria", "Quessa")
    assert read("Veldoria and Quessa belong, he said, in the talks of the Norland Pact.") == set()

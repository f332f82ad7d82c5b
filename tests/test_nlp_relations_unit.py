"""kg.nlp.relations as pure functions: find_relations and the rule table, on hand-built Docs."""
import pytest
from test_nlp_handbuilt import LEX, NLP, hand_doc, key

from kg.nlp.relations import (
    RULES,
    Relation,
    RelationReader,
    RelationRule,
    cue_matcher,
    find_relations,
)

MATCHER = cue_matcher(NLP, LEX)
PACT = {"Norland Pact": "Organization", "Veldoria": "Country", "Quessa": "Country", "Tarvin": "Country"}


def triples(facts):
    return {(f.subject, f.predicate, f.object, f.rule, f.confidence, f.negated) for f in facts}


def test_member_list_after_a_strong_cue():
    doc = hand_doc("The Norland Pact unites Veldoria, Quessa and Tarvin.", PACT)
    pact = key("Organization", "Norland Pact")
    assert triples(find_relations(doc, MATCHER, LEX)) == {
        (key("Country", c), "memberOf", pact, "member-list", LEX.confidence.member_list_strong, False)
        for c in ("Veldoria", "Quessa", "Tarvin")}


def test_member_predicate_negated():
    doc = hand_doc("Quessa is not a member of the Norland Pact.", PACT)
    assert triples(find_relations(doc, MATCHER, LEX)) == {
        (key("Country", "Quessa"), "memberOf", key("Organization", "Norland Pact"), "member-predicate",
         LEX.confidence.member_predicate, True)}


def test_facts_of_earlier_components_come_first_and_are_not_repeated():
    doc = hand_doc("The Norland Pact unites Veldoria and Quessa.", PACT)
    first = find_relations(doc, MATCHER, LEX)
    again = find_relations(doc, MATCHER, LEX, first)
    assert again == first


def test_the_rule_table_names_each_rule_once_and_its_cues_are_in_the_lexicon():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert LEX.relations.cues[rule.cues], rule.name


def test_a_relation_is_one_more_entry_in_the_table():
    def neighbours(ctx, cue):  # "X supports Y" read as a made-up symmetric relation
        a = ctx.nearest_before(cue.sentence, cue.start, ("Country",))
        b = ctx.first_after(cue.sentence, cue.end, ("Country",))
        if a and b:
            yield Relation(a, "neighbourOf", b, "neighbours", 0.5, False)

    rules = (RelationRule("neighbours", "neighbourOf", "support_cues", neighbours),)
    doc = hand_doc("Veldoria supports Quessa.", PACT)
    facts = find_relations(doc, cue_matcher(NLP, LEX, rules), LEX, rules=rules)
    assert triples(facts) == {(key("Country", "Veldoria"), "neighbourOf", key("Country", "Quessa"),
                                "neighbours", 0.5, False)}


def test_the_component_keeps_nothing_of_a_document():
    reader = RelationReader(NLP, LEX)
    before = dict(vars(reader))
    doc = reader(hand_doc("The Norland Pact unites Veldoria, Quessa and Tarvin.", PACT))
    assert len(doc._.kg_facts) == 3
    assert vars(reader) == before


@pytest.mark.parametrize("body, negated", [("Quessa joined the Norland Pact.", False),
                                           ("Quessa never joined the Norland Pact.", True)])
def test_joined(body, negated):
    facts = find_relations(hand_doc(body, PACT), MATCHER, LEX)
    assert [(f.rule, f.negated) for f in facts] == [("member-predicate", negated)]


def test_a_list_addition_of_the_grammar_joins_a_forward_list():
    doc = hand_doc("The Norland Pact unites Veldoria as well as Quessa.", PACT)
    members = {f.subject for f in find_relations(doc, MATCHER, LEX)}
    assert members == {key("Country", "Veldoria"), key("Country", "Quessa")}
    assert ("as", "well", "as") in LEX.grammar.list_additions


@pytest.mark.parametrize("text", ["non-member state Quessa", "non - member state Quessa", "non member state Quessa"])
def test_a_negation_prefix_denies_the_membership_noun_after_it(text):
    doc = hand_doc(f"The Norland Pact welcomed {text} at the summit.", PACT)
    facts = [f for f in find_relations(doc, MATCHER, LEX) if f.subject == key("Country", "Quessa")]
    assert facts and all(f.negated for f in facts)

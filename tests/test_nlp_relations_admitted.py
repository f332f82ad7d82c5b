"""kg.nlp.memberships.member_admitted on hand-built Docs: an organization as the subject that
takes members in ("The Norland Pact voted to readmit Veldoria"), and the near misses that
must give nothing.  Every name is invented."""
import pytest
from test_nlp_relations_members import PACT, members, read


@pytest.mark.parametrize("body", [
    "The Norland Pact voted on Sunday to readmit Veldoria, ending a long suspension.",
    "The Norland Pact admitted Veldoria in 2010.",
    "The Norland Pact formally admitted Veldoria as a full member on Monday.",
    "The Norland Pact welcomed Veldoria as a full member.",
])
def test_the_organization_takes_a_member_in(body):
    assert read(body) == members(PACT, "Veldoria")


def test_a_coordinated_verb_or_an_inserted_phrase_keeps_the_subject():
    assert read("The Norland Pact was founded by Quessa and Tarvin, and admitted Veldoria in 2010.") >= \
        members(PACT, "Veldoria")
    assert read("The Norland Pact, founded by Quessa and Tarvin, admitted Veldoria in 2010.") >= \
        members(PACT, "Veldoria")


def test_the_bloc_as_subject_is_the_organization_named_before():
    assert read("The Norland Pact met in May. The bloc admitted Veldoria in 2010.") == members(PACT, "Veldoria")


@pytest.mark.parametrize("body", [
    "The Norland Pact will admit Veldoria next year.",
    "The Norland Pact refused to readmit Veldoria.",
    "The Norland Pact admitted Veldoria as an observer.",
    "The Norland Pact welcomed Veldoria to the talks.",
    "The Norland Pact welcomed Veldoria's decision.",
    "The Norland Pact admitted Veldoria had broken the rules.",
    "The Norland Pact suspended Veldoria in 2011.",
    "Quessa admitted Veldoria in 2010.",
    "The Norland Pact said Quessa admitted Veldoria in 2010.",
])
def test_no_membership(body):
    assert read(body) == set()


def test_a_relative_clause_between_commas_keeps_the_subject():
    assert read("The Norland Pact, whose full members are Quessa and Tarvin, admitted Veldoria as its fifth "
                "full member in 2024.") == members(PACT, "Quessa", "Tarvin", "Veldoria")


def test_as_its_member_is_a_membership():
    assert read("The Norland Pact admitted Veldoria as its newest member.") == members(PACT, "Veldoria")


@pytest.mark.parametrize("body", [
    "The Norland Pact, whose leaders met in May, will admit Veldoria next year.",
    "The Norland Pact admitted Veldoria as its guest.",
    "The Norland Pact, whose leaders met in May, welcomed Veldoria to the talks.",
])
def test_no_membership_past_a_relative_clause(body):
    assert read(body) == set()

"""kg.nlp.roles on patterns of news from other regions (issue 9): honorifics after a
title, hyphenated modifiers of an employer, and their near misses."""
from test_nlp_roles import titled


def test_honorific_between_title_and_name(read):
    r = read("Russian Foreign Minister Pavel Orlin arrived. Qatar's Foreign Minister Sheikh Omar bin Tarek "
             "told reporters the talks would go on.")
    assert titled(r) == {("Pavel Orlin", "Russia", "Foreign Minister"),
                         ("Omar bin Tarek", "Qatar", "Foreign Minister")}


def test_honorific_without_a_name_gives_the_office_to_no_one(read):
    r = read("Russian Foreign Minister Pavel Orlin arrived. Qatar's Foreign Minister Prince in the morning "
             "told reporters the talks would go on.")
    assert titled(r) == {("Pavel Orlin", "Russia", "Foreign Minister")}


def test_hyphenated_modifier_is_not_the_employer(read):
    r = read("Marta Velinsky, president of the BRICS-founded New Development Bank, told the summit.")
    assert titled(r) == {("Marta Velinsky", "New Development Bank", "President")}


def test_hyphenated_modifier_before_no_actor_is_no_office(read):
    r = read("Ivo Marnet, head of the US-backed council, told the summit.")
    assert titled(r) == set()


def test_hyphenated_name_is_still_the_employer(read):
    r = read("Marta Velinsky, president of the New Development Bank, told the summit.")
    assert titled(r) == {("Marta Velinsky", "New Development Bank", "President")}

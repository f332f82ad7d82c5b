"""kg.nlp on wire copy about other conflicts and their mediators (the thirtieth probe batch's
classes), with invented names the knowledge base does not know."""
from conftest import facts, said


def titled(record):
    names = {e.key: e.label for e in record.entities}
    return {(names[f.subject], names[f.object], f.title) for f in record.facts if f.predicate == "officialOf"}


def test_a_translated_name_keeps_its_original_acronym(read):
    # ELN: Ejército de Liberación Nacional; no letter of the acronym need spell the English name
    r = read("The Zembla Liberation Army (ELZ) resumed talks. The ELZ's chief negotiator, Ivo Marek, "
             "said the talks would go on.")
    assert titled(r) == {("Ivo Marek", "Zembla Liberation Army", "Chief Negotiator")}
    assert said(r) == [("Ivo Marek", "the talks would go on", False)]


def test_a_translated_name_ending_with_its_country_keeps_its_original_acronym(read):
    # FDLR: Forces Démocratiques de Libération du Rwanda; every initial, reordered, the head inside
    r = read("The Democratic Forces for the Liberation of Zembla (FDLZ) remain active. The FDLZ's "
             "spokesman, Ivo Marek, said it would disarm.")
    assert titled(r) == {("Ivo Marek", "Democratic Forces for the Liberation of Zembla", "Spokesperson")}
    # not every initial: no translation
    r = read("The Democratic Forces for the Liberation of Zembla (FDX) remain active.")
    assert "FDX" not in {a for e in r.entities for a in e.aliases}


def test_a_parenthesis_after_a_name_with_no_organization_head_defines_nothing(read):
    r = read("Talks with Ivo Marek (ELZ) resumed on Monday.")
    assert all(e.type != "Organization" for e in r.entities)


def test_an_acronym_in_title_case_names_the_known_organization(read):
    r = read("Both Thailand and Cambodia are members of Asean.")
    assert facts(r, "memberOf") == {("Thailand", "Association of Southeast Asian Nations"),
                                    ("Cambodia", "Association of Southeast Asian Nations")}


def test_an_abbreviated_rank_without_stops_is_no_part_of_the_name(read):
    r = read("Zembla's defence ministry spokeswoman, Lt Gen Ivana Marek, told reporters that the line held.")
    assert said(r) == [("Ivana Marek", "the line held", False)]
    r = read("Maj Gen Ivo Tarvel said the troops had pulled back.")
    assert said(r) == [("Ivo Tarvel", "the troops had pulled back", False)]
    r = read("Gen Ivo Tarvel said the troops had pulled back.")
    assert said(r) == [("Ivo Tarvel", "the troops had pulled back", False)]
    r = read("Gen Z voters said they would stay home.")
    assert said(r) == []


def test_the_kingdom_points_back_to_the_one_country_named_before(read):
    r = read("The Saudi side was led by Ivo Marek, the kingdom's ambassador to Yemen.")
    assert titled(r) == {("Ivo Marek", "Saudi Arabia", "Ambassador")}
    r = read("Morocco sent Ivo Marek, the kingdom's ambassador to Spain.")
    assert titled(r) == {("Ivo Marek", "Morocco", "Ambassador")}
    # two countries before the anaphor and no subject: no office
    r = read("After France and Spain met, a statement came from Ivo Marek, the republic's ambassador.")
    assert titled(r) == set()


def test_a_bare_foreign_ministry_spokesman_is_of_the_ministry_named_just_before(read):
    r = read("Talks will go ahead, the Thai Foreign Ministry said. Foreign Ministry spokesman Ivo Marek "
             "said the offer was welcome.")
    assert titled(r) == {("Ivo Marek", "Ministry of Foreign Affairs of Thailand", "Foreign Ministry Spokesperson")}
    r = read("Thailand's foreign ministry and Cambodia's foreign ministry spoke. Foreign Ministry spokesman "
             "Ivo Marek said the offer was welcome.")
    assert titled(r) == set()  # two ministries: none chosen


def test_a_lower_case_remit_after_an_owned_title_still_reaches_its_holder(read):
    r = read("Norway's special envoy for the Zemblan peace process, Ivo Marek, read a joint statement.")
    assert titled(r) == {("Ivo Marek", "Norway", "Special Envoy")}
    r = read("Norway's envoy to the talks, Ivo Marek, read a joint statement.")
    assert titled(r) == {("Ivo Marek", "Norway", "Envoy")}
    # capitalised adjectives of names the text has not defined, before the lower-case words
    r = read("Norway's special envoy for Upper Zemblan water affairs, Ivo Marek, read a joint statement.")
    assert titled(r) == {("Ivo Marek", "Norway", "Special Envoy")}
    # no owner before the title: the words after the comma need not be a person
    r = read("The minister for the peace talks, Ivo Marek, read it.")
    assert titled(r) == set()


def test_both_countries_after_a_contrast_are_the_two_sentence_openers(read):
    r = read("Guyana is a member of CARICOM. Venezuela is not a member of CARICOM, but both countries "
             "belong to CELAC.")
    assert facts(r, "memberOf") == {("Guyana", "Caribbean Community"),
                                    ("Guyana", "Community of Latin American and Caribbean States"),
                                    ("Venezuela", "Community of Latin American and Caribbean States")}
    # the same country opening both sentences: no pair
    r = read("Guyana met Brazil. Guyana is not a member of CARICOM, but both countries belong to CELAC.")
    assert ("Brazil", "Community of Latin American and Caribbean States") not in facts(r, "memberOf")


def test_whose_office_held_by_the_holder_of_a_second_office_in_apposition(read):
    r = read("CARICOM, whose chairman, Dominica's Prime Minister Ivo Marek, also attended, met on Friday.")
    assert titled(r) == {("Ivo Marek", "Caribbean Community", "Chairman"), ("Ivo Marek", "Dominica", "Prime Minister")}


def test_a_pro_tempore_president_is_an_office_of_the_body(read):
    r = read("Ivo Marek, the pro tempore president of CELAC, said the summit would go ahead.")
    assert titled(r) == {("Ivo Marek", "Community of Latin American and Caribbean States", "Pro Tempore President")}


def test_a_dateline_with_a_country_of_several_words(read):
    r = read("KINGSTOWN, Saint Vincent and the Grenadines, Dec 14, 2023 (AFP) - Leaders met on Thursday.")
    assert ("Kingstown", "Place") in {(e.label, e.type) for e in r.entities}


def test_founders_named_after_founded_by_are_persons(read):
    r = read("The group was founded by Ivo Marek, Ana Lutz and Petr Hola in 1990.")
    assert {e.label for e in r.entities if e.type == "Person"} == {"Ivo Marek", "Ana Lutz", "Petr Hola"}
    r = read("The group was founded by the Ivo Marek Foundation in 1990.")
    assert {e.label for e in r.entities if e.type == "Person"} == set()
    r = read("The bloc was founded by Venezuela and Cuba.")
    assert {e.label for e in r.entities if e.type == "Person"} == set()


def test_a_translated_name_needs_most_of_its_acronym_among_its_initials(read):
    # ELZ of "Zembla Liberation Army": Z and L are initials; "(XQW)" shares none, "(ZLA)" would
    # spell it in order, and "Zembla Rivers Liberation Army (ZLA)" skips a word: no translation
    r = read("The Zembla Liberation Army (XQW) met. The XQW's chief negotiator, Ivo Marek, said it would sign.")
    # the office is of "XQW", an organization of its own, not of the army the letters do not spell
    assert titled(r) == {("Ivo Marek", "XQW", "Chief Negotiator")}


def test_both_countries_prefer_the_pair_that_opens_a_sentence(read):
    r = read("Pakistan and India agreed to a ceasefire, crediting mediation by Saudi Arabia and Qatar. "
             "Talks will follow. Both countries are members of the Shanghai Cooperation Organisation.")
    assert facts(r, "memberOf") == {("Pakistan", "Shanghai Cooperation Organisation"),
                                    ("India", "Shanghai Cooperation Organisation")}


def test_an_unknown_acronym_before_a_title_is_the_organization_of_the_office(read):
    r = read("ZLM-IO spokesman Ivo Marek said the arrest violated the agreement.")
    assert titled(r) == {("Ivo Marek", "ZLM-IO", "Spokesperson")}
    r = read("The US Ambassador Ivo Marek said the arrest violated the agreement.")
    assert titled(r) == {("Ivo Marek", "United States", "Ambassador")}


def test_houthi_names_the_group_but_not_inside_a_person_s_name(read):
    r = read("Yemen's Houthi rebels said on Sunday that the talks had stalled.")
    assert said(r) == [("Houthis", "the talks had stalled", False)]
    r = read("Mohammed Ivo al-Houthi, a senior Houthi official, said the talks had stalled.")
    assert said(r) == [("Mohammed Ivo al-Houthi", "the talks had stalled", False)]


def test_a_special_adviser_with_a_lower_case_remit(read):
    r = read("Brazil's special adviser for international affairs, Ivo Marek, met the envoys. "
             "\"Dialogue is the only path,\" Marek told reporters.")
    assert titled(r) == {("Ivo Marek", "Brazil", "Special Adviser")}
    assert said(r) == [("Ivo Marek", "Dialogue is the only path,", True)]


def test_an_ambiguous_known_name_inside_a_longer_one_is_not_mentioned(read):
    r = read("Opposition leader Ivo Marek of the Congress party demanded a special session.")
    assert {e.label for e in r.entities if e.type == "Organization"} == {"Indian National Congress"}


def test_an_acronym_before_a_title_spelling_an_organization_named_before_is_that_organization(read):
    r = read("Zembla Spearhead Group leaders met. ZSG director-general Ivo Marek said it would meet again.")
    assert titled(r) == {("Ivo Marek", "Zembla Spearhead Group", "Director General")}
    assert [e.label for e in r.entities if e.type == "Organization"] == ["Zembla Spearhead Group"]

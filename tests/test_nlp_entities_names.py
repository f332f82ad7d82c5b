"""kg.nlp.names: person names of every shape (hyphens, initials, particles, appositions),
and the title words that are never names.  Names here are not in the knowledge base."""
from conftest import facts, said


def offices(record):
    """{(person, office-holder body or country, title)} by labels."""
    label = {e.key: e.label for e in record.entities}
    return {(label.get(f.subject), label.get(f.object), f.title) for f in record.facts if f.predicate == "officialOf"}


def persons(record):
    return {e.label for e in record.entities if e.type == "Person"}


def test_hyphenated_surname_after_a_title_and_before_a_speech_verb(read):
    r = read("Ruritanian Ambassador Maren Olsby-Kettering spoke first. Later Tomas Ardley-Vance said the vote failed.")
    assert {"Maren Olsby-Kettering", "Tomas Ardley-Vance"} <= persons(r)


def test_middle_initial_is_part_of_the_name(read):
    r = read("Deputy Secretary of State Harold J. Penwick arrived. Corin T. Maddox said nothing.")
    assert {"Harold J. Penwick", "Corin T. Maddox"} <= persons(r)
    assert "Harold" not in persons(r)


def test_arabic_particle_with_a_hyphen(read):
    r = read("The energy minister Rashed al-Qassimi wrote on Twitter that output would fall.")
    assert "Rashed al-Qassimi" in persons(r)


def test_title_after_a_preposition_and_its_actor(read):
    r = read("US Ambassador to the UN Dora Fenwick-Hale said after the vote that it was over.")
    assert "Dora Fenwick-Hale" in persons(r)


def test_title_of_a_domain_names_no_one(read):
    r = read("The talks were led by Anja Pirelli, Minister of Foreign and European Affairs of Belgium.")
    assert persons(r) == {"Anja Pirelli"}


def test_title_words_are_never_a_name(read):
    r = read("The statement by the President of the Republic of Azerbaijan, Prime Minister of the Republic "
             "of Armenia, and President of the Russian Federation was welcomed.")
    assert persons(r) == set()


def test_capitalised_title_then_comma_then_name(read):
    r = read("The OSCE's Secretary General, Halvard Tostrup, said the move was historic.")
    assert "Halvard Tostrup" in persons(r)


def test_title_then_comma_without_a_closed_apposition_is_no_name(read):
    r = read("He met the Secretary General, then Parliament.")
    assert persons(r) == set()


def test_name_before_a_title_with_its_preposition(read):
    r = read("He met Arvid Kolbenson, special representative of Azerbaijan's president, in Tehran.")
    assert "Arvid Kolbenson" in persons(r)


def test_two_names_coordinated_before_or_after_a_speech_verb_are_both_persons(read):
    r = read("Tomas Vell and Ida Rusk said the deal was dead.")
    assert persons(r) == {"Tomas Vell", "Ida Rusk"}
    assert {speaker for speaker, _, _ in said(r)} == {"Tomas Vell", "Ida Rusk"}
    r = read("The deal is dead, said Tomas Vell and Ida Rusk.")
    assert persons(r) == {"Tomas Vell", "Ida Rusk"}
    assert {speaker for speaker, _, _ in said(r)} == {"Tomas Vell", "Ida Rusk"}


def test_a_coordinated_name_must_open_its_clause(read):
    # the object of "met", not a speaker; a body's name is no person's
    r = read("He met Tomas Vell and Ida Rusk said the deal was dead.")
    assert persons(r) == {"Ida Rusk"}
    r = read("The Lakeside Party and Ida Rusk said the deal was dead.")
    assert persons(r) == {"Ida Rusk"}


def test_a_known_place_that_is_also_a_given_name_opens_a_persons_name(read):
    # "Victoria" (a capital), "Jordan", "Chad": ambiguous known names before an unknown name word
    r = read("Victoria Rusk, a lawyer, said the deal was dead.")
    assert persons(r) == {"Victoria Rusk"}
    assert {e.label for e in r.entities if e.type != "Person"} == set()
    r = read("Chad Velmar, a diplomat, arrived in Chad on Monday.")
    assert persons(r) == {"Chad Velmar"}
    assert "Chad" in {e.label for e in r.entities if e.type == "Country"}
    # the place after a place preposition, a country before a body's head word
    r = read("The talks in Jordan ended. The Jordan Valley was quiet.")
    assert persons(r) == set()


def test_an_ambiguous_place_word_opening_an_unknown_name_after_the_is_not_the_place(read):
    r = read("Ivo Marek heads the Caspian Varnel research centre in Baku.")
    assert "Caspian Sea" not in {e.label for e in r.entities}
    r = read("Ivo Marek sailed on the Caspian Sea and studied the Caspian region.")
    assert "Caspian Sea" in {e.label for e in r.entities}
    r = read("Ivo Marek reported for the Jordan Varnel, a weekly.")
    assert "Jordan" not in {e.label for e in r.entities}


def test_plural_title_before_a_speech_verb_is_no_name(read):
    r = read("The Co-Chairs said that violence must stop.")
    assert persons(r) == set()


def test_a_known_person_spelt_one_letter_apart_is_that_person(read):
    # a transposed typo and a transliteration (doubled letter) of known people
    r = read("Foreign Minister Jeyhun Baryamov met President Kasym-Jomart Tokayev.")
    assert {"Jeyhun Bayramov", "Kassym-Jomart Tokayev"} <= persons(r)
    assert "Jeyhun Baryamov" not in persons(r)


def test_a_name_further_than_one_letter_is_someone_else(read):
    r = read("Foreign Minister Jeyhun Bahramzade met the press.")
    assert "Jeyhun Bahramzade" in persons(r) and "Jeyhun Bayramov" not in persons(r)


def test_patronymic_name_is_later_called_by_the_given_name(read):
    r = read("Ruritanian King Tariq bin Haddad said the talks would go on. "
             "King Tariq’s son, Prince Omar bin Tariq, also said the decision was final.")
    people = {e.label: e for e in r.entities if e.type == "Person"}
    assert set(people) == {"Tariq bin Haddad", "Omar bin Tariq"}
    assert people["Tariq bin Haddad"].mentions == 2


def test_a_single_name_after_a_title_is_the_person_named_in_full_before(read):
    r = read("Minister Halvard Tostrup arrived. Later Minister Tostrup said the talks had failed.")
    assert persons(r) == {"Halvard Tostrup"}


def test_adverb_between_a_new_name_and_its_speech_verb(read):
    r = read("Ilse Marwick also said the vote was fair.")
    assert "Ilse Marwick" in persons(r)
    r = read("The Wider Baltic Council also said the vote was fair.")
    assert persons(r) == set()


def test_names_listed_after_a_person_in_the_same_shape(read):
    r = read("The envoys (Sergey Lavrov of Russia, Olev Tamm of Estonia, and Jonas Pirk of the United States) met.")
    assert {"Olev Tamm", "Jonas Pirk"} <= persons(r)
    # not the same shape: no qualifier after the second name
    r = read("The talks (Sergey Lavrov of Russia and Olev Tamm in person) ended.")
    assert "Olev Tamm" not in persons(r)
    # a list of a person and an organization
    r = read("Sergey Lavrov and Baltic Shipping Company signed it.")
    assert persons(r) == {"Sergey Lavrov"}


def test_two_unknown_names_in_a_row_each_of_a_country_are_persons(read):
    r = read("The envoys (Olev Tamm of Estonia, Jonas Pirk of the United States, and Ramon Altavilla of Peru) met.")
    assert persons(r) == {"Olev Tamm", "Jonas Pirk", "Ramon Altavilla"}
    # one such name alone may be anything
    r = read("The talks with Olev Tamm of Estonia ended.")
    assert persons(r) == set()
    # bodies and titles in the same shape are none
    r = read("The Central Bank of Estonia and the National Bank of Peru met. Foreign Ministers of Estonia and "
             "Peru met.")
    assert persons(r) == set()


def test_a_person_named_in_full_again_without_a_cue_is_the_same_person(read):
    r = read("UN Special Envoy Hans Grundvik met them. The negotiators (Hans Grundvik of the United Nations, "
             "Tim Lenderfeld of the United States, and Omar Abdelsamad of Yemen) met in Muscat.")
    people = {e.label: e for e in r.entities if e.type == "Person"}
    assert set(people) == {"Hans Grundvik", "Tim Lenderfeld", "Omar Abdelsamad"}
    assert people["Hans Grundvik"].mentions == 2
    # the first name alone is not the person
    r = read("UN Special Envoy Hans Grundvik met Hans Olsen.")
    assert {e.label for e in r.entities if e.type == "Person"} == {"Hans Grundvik"}


def test_no_list_person_without_the_qualifier_shape_nor_an_apposition_after_a_place(read):
    r = read("Olaf Scholz and Social Democrats met. In Port Lirien, the president of Mauritius spoke.")
    assert persons(r) == {"Olaf Scholz"}


def test_honorific_after_a_title_is_skipped(read):
    r = read("The Emir, Sheikh Tamir, later said Qatar would mediate.")
    assert persons(r) == {"Tamir"}
    r = read("The Emir, Tamir, later said Qatar would mediate.")
    assert persons(r) == set()


def test_a_clerical_honorific_is_no_part_of_the_name(read):
    # "Archbishop Bagrat Galstanyan", "Father Yesayi Artenyan": the clergy's honorifics
    r = read("The police detained Archbishop Tavor Melikyan, the head of the Lorin diocese. A spokesman for "
             "the church, Father Aram Tessin, said he would appeal.")
    assert persons(r) == {"Tavor Melikyan", "Aram Tessin"}


def test_title_of_an_organization_found_by_rule_then_the_name(read):
    r = read("CEO of Kuwait Northwind Trading Company Halim Saad al-Rashed welcomed the decision.")
    assert "Halim Saad al-Rashed" in persons(r)
    assert not any("Company" in p or "Trading" in p for p in persons(r))


def test_a_company_head_word_ends_the_body_not_the_holders_name(read):
    # "Chairman of Azerbaijan Railways Rovshan Rustamov said": "Railways" closes the body's name
    r = read("Chairman of Borduria Railways Talvo Mendar said the line was open.")
    assert "Talvo Mendar" in persons(r)
    assert not any("Railways" in p for p in persons(r))
    assert ("Talvo Mendar", "Borduria Railways", "Chairman") in offices(r)


def test_a_participle_opening_the_sentence_is_no_part_of_a_body_name(read):
    # "Citing Azerbaijan Airlines spokesman X, RIA reported …": the body is "Azerbaijan Airlines"
    r = read("Citing Borduria Airways spokesman Talvo Mendar, the agency reported that the plane was hit.")
    assert ("Talvo Mendar", "Borduria Airways", "Spokesperson") in offices(r)
    r = read("Following Borduria Railways' decision, the line was closed.")
    assert not any(e.label.startswith("Following") for e in r.entities)


def test_chairman_of_the_board_and_general_director_are_titles_of_the_company(read):
    r = read("The deal was signed by Chairman of the Board of Ruritanian Rail Company Talvo Mendar and "
             "General Director of Borduria Freight Agency Ista Korel.")
    assert {"Talvo Mendar", "Ista Korel"} <= persons(r)
    assert {("Talvo Mendar", "Ruritanian Rail Company", "Chairman of the Board"),
            ("Ista Korel", "Borduria Freight Agency", "General Director")} <= offices(r)
    assert not any(e.label.startswith("Board") for e in r.entities)


def test_a_title_of_a_noun_that_points_back_names_its_holder_in_apposition(read):
    # "The head of the delegation, X," as "the delegation's head, X,"
    r = read("The Veldorian delegation left early. The head of the delegation, Talvo Mendar, arrived in Paris.")
    assert "Talvo Mendar" in persons(r)
    r = read("The head of the delegation, Paris and Rome met.")  # no name closed by a comma
    assert not persons(r)


def test_a_hyphenated_part_is_one_word_of_a_long_name(read):
    r = read("Sudan's U.N. Ambassador Al-Harith Idriss al-Harith Mohamed told the council.")
    assert "Al-Harith Idriss al-Harith Mohamed" in persons(r)


def test_a_lower_case_title_its_country_qualifies_takes_a_name_in_apposition(read):
    r = read("He met Japan's prime minister and Australia's foreign minister, Dora Quillan.")
    assert "Dora Quillan" in persons(r)


def test_an_unqualified_lower_case_title_takes_no_name_in_apposition(read):
    r = read("He met the foreign minister, Dora Quillan.")
    assert "Dora Quillan" not in persons(r)


def test_a_romanised_given_name_with_a_hyphen_and_its_family_name_first(read):
    r = read('Velmarian Foreign Minister Pak Tae-yul hosted the talks. "Our ties will only grow stronger," Pak said.')
    assert persons(r) == {"Pak Tae-yul"}
    assert [(s.speaker, s.direct) for s in r.statements] == [(by_key(r)["Pak Tae-yul"], True)]
    # a compound of a name is no given name
    r = read("Velmarian Foreign Minister Pak Tae-led talks ended.")
    assert "Pak Tae-led" not in persons(r)


def test_an_initial_before_the_name(read):
    r = read("Velmarian Foreign Minister R. Vantakar met the envoy. Ambassador Ana Lind, not A. Lind, came.")
    assert persons(r) == {"R. Vantakar", "Ana Lind"}


def test_a_word_of_a_full_name_before_a_speech_verb_is_that_person(read):
    r = read('Spokesperson Lio Varen rejected the claim. "The claim is false and it must stop now," Lio said.')
    assert persons(r) == {"Lio Varen"}
    assert [s.speaker for s in r.statements] == [by_key(r)["Lio Varen"]]
    # elsewhere the word is left alone, and two people sharing it are neither
    r = read('Envoy Lio Varen and Envoy Lio Tassel met. "The talks went well for all of us," Lio said.')
    assert all(s.speaker not in (by_key(r)["Lio Varen"], by_key(r)["Lio Tassel"]) for s in r.statements)


def by_key(record):
    return {e.label: e.key for e in record.entities}


def test_an_ambiguous_place_after_a_title_is_a_given_name(read):
    r = read("Velmarian President Santiago Orlet said the deal was good.")
    assert persons(r) == {"Santiago Orlet"} and "Chile" not in {e.label for e in r.entities}
    r = read("The envoys met in Santiago on Monday.")
    assert persons(r) == set()


def test_an_honorific_inside_a_name(read):
    r = read("Velmarian President Omar Sheikh Tarabi arrived. Saudi Prince Faisal bin Farhan came too.")
    assert "Omar Sheikh Tarabi" in persons(r) and "Omar" not in persons(r)


def test_a_known_person_s_first_word_before_a_speech_verb(read):
    r = read('Chinese Foreign Minister Wang Yi criticised the meeting. "Small circles will never win any support," Wang said.')
    assert [s.speaker for s in r.statements] == [by_key(r)["Wang Yi"]]


def test_the_last_two_words_of_a_longer_new_name_are_that_person(read):
    r = read("Foreign Minister Tomasz Ravel Ostrowicz arrived on Monday. Ravel Ostrowicz said the talks "
             "would go on.")
    persons = [e for e in r.entities if e.type == "Person"]
    assert [e.label for e in persons] == ["Tomasz Ravel Ostrowicz"]


def test_two_longer_names_that_end_alike_leave_the_short_one_alone(read):
    r = read("Foreign Minister Tomasz Ravel Ostrowicz arrived on Monday. Defence Minister Anna Ravel "
             "Ostrowicz came too. Ravel Ostrowicz said the talks would go on.")
    assert len([e for e in r.entities if e.type == "Person"]) == 3


def test_a_name_in_apposition_to_a_noun_s_title(read):
    r = read("The envoy travelled to see the region's leader, Ivo Marnet. Marnet told state television "
             "that no format would be imposed from outside.")
    assert [s.speaker for s in r.statements] == ["new:Person:ivo marnet"]


def test_a_body_named_with_its_post(read):
    r = read("The OSCE Mission to Moldova acts as a mediator.")
    assert "OSCE Mission to Moldova" in {e.label for e in r.entities}
    r = read("The OSCE Mission met in Moldova.")
    assert "OSCE Mission to Moldova" not in {e.label for e in r.entities}


def test_a_name_after_the_current_title_and_its_comma(read):
    r = read("The plan was presented by the outgoing foreign minister, Ivo Marnet. The chairman, Northern "
             "Lakes Council, said nothing.")
    assert persons(r) == {"Ivo Marnet"}


def test_a_name_after_a_title_elect_holds_no_office_yet(read):
    r = read("Kenya will also contribute. Its prime minister-elect, Ivo Marnet, was not present.")
    assert persons(r) == {"Ivo Marnet"}
    assert not [f for f in r.facts if f.predicate == "officialOf"]


def test_a_country_after_and_is_no_part_of_an_organization_name(read):
    r = read("The Council of Lakes and Malawi signed an agreement on Wednesday.")
    names = {e.label for e in r.entities}
    assert {"Council of Lakes", "Malawi"} <= names
    assert not any("and Malawi" in n for n in names)


def test_a_surname_that_is_a_places_name_after_a_title(read):
    r = read('"We will act," said Secretary-General Ramona Malta, who leaves office in April. '
             'Foreign Minister Tomas Verdugo flew to Malta.')
    names = {(e.label, e.type) for e in r.entities}
    assert ("Ramona Malta", "Person") in names
    assert ("Malta", "Country") in names  # the country named alone stays one
    assert not any(label == "Ramona" for label, _ in names)


def test_a_given_name_that_is_a_months_short_form(read):
    r = read("VELDOR, Jan 22 (AP) - Ruritanian Foreign Minister Jan Morvak said the talks would go on. "
             "The vote is due on Jan 30.")
    assert "Jan Morvak" in persons(r)
    assert not any(p.startswith("Jan ") and p != "Jan Morvak" for p in persons(r))


def test_a_name_after_a_deputy_in_apposition(read):
    r = read("The minister did not attend the talks and sent a deputy, Maren Olsby, in his place.")
    assert "Maren Olsby" in persons(r)


def test_a_region_s_lower_case_office_names_its_holder_but_gives_no_office(read):
    r = read("Greenland's premier, Tomas Pirel, called for full membership.")
    assert persons(r) == {"Tomas Pirel"}
    assert not [f for f in r.facts if f.predicate == "officialOf"]


def test_a_region_s_office_before_an_organization_s_name_names_no_one(read):
    r = read("Greenland's premier, Arctic Council, called for full membership.")
    assert persons(r) == set()


def test_the_first_words_of_a_longer_new_name_are_that_person(read):
    r = read("Somali President Ramon Tomas Altavilla met envoys in Ankara. Ramon Tomas told reporters that "
             "Somalia was ready to cooperate.")
    persons = {e.label for e in r.entities if e.type == "Person"}
    assert persons == {"Ramon Tomas Altavilla"}


def test_the_first_words_of_two_longer_names_are_neither(read):
    r = read("Somali President Ramon Tomas Altavilla met Peru's foreign minister, Ramon Tomas Verdugo, in "
             "Ankara. Ramon Tomas told reporters that Somalia was ready to cooperate.")
    persons = {e.label for e in r.entities if e.type == "Person"}
    assert "Ramon Tomas" in persons


def test_a_person_known_by_one_name_after_a_title_is_that_person_again_later(read):
    r = read("Norvanian Foreign Minister Olsundo said the pact would stay. According to Olsundo, membership "
             "\"does not mean joining any bloc\".")
    said = [(s.speaker, s.text) for s in r.statements if s.direct]
    assert said == [("new:Person:olsundo", "does not mean joining any bloc")]
    # a word the text gives to someone named in full stays that person's
    r = read("Norvanian Foreign Minister Tarek Olsundo said the pact would stay. Minister Olsundo added that "
             "it was firm. According to Olsundo, it \"will stay\".")
    assert {s.speaker for s in r.statements} == {"new:Person:tarek olsundo"}


def test_a_name_after_title_of_an_organization_ending_in_a_country_is_a_person(read):
    r = read("Speaker of the Grand Assembly of Peru Karen Vartanyan said the talks had stalled.")
    assert persons(r) == {"Karen Vartanyan"}
    assert "Grand Assembly of Peru" in {e.label for e in r.entities}
    r = read("Head of the Policy Department of the Presidential Office Tarek Olsundo met the delegation.")
    assert persons(r) == {"Tarek Olsundo"}
    # with no title before it, the longer name stands ("Council of the Baltic Sea States")
    r = read("The Bank of Peru Development Fund Trust said the talks had stalled.")
    assert persons(r) == set()


def test_a_name_appointed_as_an_office_is_a_person(read):
    r = read("Peru on Monday appointed Ramon Altavilla as its new foreign minister. Altavilla thanked the "
             "president.")
    assert "Ramon Altavilla" in persons(r)


def test_a_name_appointed_without_an_office_is_no_person_by_that_cue(read):
    r = read("Peru on Monday appointed Ramon Altavilla to the board. The board met later.")
    assert "Ramon Altavilla" not in persons(r)


def test_an_ambiguous_known_name_after_a_titled_name_ends_that_name(read):
    # "Wagner" is the knowledge base's (ambiguous) short name of the Wagner Group
    r = read("Foreign Minister Maren Kolvaska Wagner said the talks would go on.")
    assert "Maren Kolvaska Wagner" in persons(r)
    assert not any(e.type == "Organization" for e in r.entities)


def test_a_former_office_in_apposition_still_names_a_person(read):
    r = read("The ousted president, Tomas Ardvik, left the country last week.")
    assert persons(r) == {"Tomas Ardvik"}
    assert not [f for f in r.facts if f.predicate == "officialOf"]


def test_staff_after_a_rank_is_no_name(read):
    r = read("Maps of the Ruritanian General Staff were offered, Tomas Ardvik said.")
    assert persons(r) == {"Tomas Ardvik"}


def test_a_name_a_country_will_appoint_is_a_person_without_office(read):
    r = read("Ruritania will name Tomas Ardvik as foreign minister next week.")
    assert "Tomas Ardvik" in persons(r)
    assert not [f for f in r.facts if f.predicate == "officialOf"]


def organizations(record):
    return {e.label for e in record.entities if e.type == "Organization"}


def test_a_bilateral_body_named_with_both_countries(read):
    r = read("The Joint Commission on Water Sharing between the Republic of Armenia and the Republic of "
             "Azerbaijan met on the border.")
    assert organizations(r) == {"Joint Commission on Water Sharing between the Republic of Armenia and the "
                                "Republic of Azerbaijan"}
    r = read("The Commission on Water Sharing of the Republic of Armenia and the Republic of Azerbaijan met.")
    assert organizations(r) == {"Commission on Water Sharing of the Republic of Armenia and the Republic of Azerbaijan"}


def test_a_second_country_not_paired_is_a_second_actor(read):
    r = read("The Commission on Water Sharing of Armenia and Azerbaijan met.")
    assert organizations(r) == {"Commission on Water Sharing of Armenia"}


def test_initials_before_a_name_written_together_or_apart(read):
    r = read("Nepal's prime minister, T.R. Vashmi Ollend, said the plan was slow. "
             "Bhutan's foreign minister, B. K. Tarvel Osk, said nothing.")
    assert {"T.R. Vashmi Ollend", "B. K. Tarvel Osk"} <= persons(r)


def test_a_country_abbreviation_before_a_title_is_no_initial(read):
    r = read("U.S. Ambassador Dora Fenwall said the vote failed.")
    assert persons(r) == {"Dora Fenwall"}


def test_a_short_form_ending_with_an_inner_honorific_is_the_longer_name(read):
    r = read("Ruritanian President Omar Sheikh Tarvelo met reporters. Omar Sheikh told reporters that the "
             "country was ready to cooperate.")
    assert persons(r) == {"Omar Sheikh Tarvelo"}
    assert [s for s, _, _ in said(r)] == ["Omar Sheikh Tarvelo"]


def test_a_romanised_given_name_ends_a_name_before_an_apposition_or_a_speech_verb(read):
    r = read("Pak Sung-mi, Peru's foreign minister, said it was over. Later Wen Hsiu-i said the vote failed.")
    assert {"Pak Sung-mi", "Wen Hsiu-i"} <= persons(r)


def test_a_lower_case_suffix_of_a_place_is_no_given_name(read):
    r = read("The Moscow-led bloc said the vote failed.")
    assert persons(r) == set()


def test_a_name_in_apposition_to_a_senior_adviser_to_an_officer(read):
    r = read("Peru was represented by Tomas Ardvik, a senior adviser to President Ana Velarde, the office said.")
    assert {"Tomas Ardvik", "Ana Velarde"} <= persons(r)


def test_a_name_after_pope(read):
    r = read("Pope Tomasz addressed the session.")
    assert "Tomasz" in persons(r)


def test_a_name_before_a_speech_verb_stops_at_a_title_of_several_words(read):
    r = read("Peru's Human Rights Defender Ana Velarde said the report was ready.")
    assert "Ana Velarde" in persons(r) and not any("Defender" in p for p in persons(r))


def test_an_apostrophe_after_an_initial_letter_is_one_surname(read):
    r = read("U.S. Assistant Secretary of State Tomas O'Ardley met the envoy.")
    assert "Tomas O'Ardley" in persons(r)


def test_a_portfolio_noun_ends_the_portfolio_and_is_no_part_of_the_name(read):
    r = read("The envoy met the U.S. Assistant Secretary of State for European and Eurasian Affairs Tomas Ardley.")
    assert "Tomas Ardley" in persons(r)
    r = read("Deputy Minister of Foreign Affairs Tomas Ardley said it was over.")
    assert persons(r) == {"Tomas Ardley"}


def test_a_name_after_mep_or_mp(read):
    r = read("Its rapporteur on Peru, Latvian MEP Tomas Ardley, told reporters the bloc should act. "
             "Armenian MP Ana Velarde said the vote failed.")
    assert {"Tomas Ardley", "Ana Velarde"} <= persons(r)


def test_a_name_between_an_appointing_verb_and_as_past_a_description(read):
    r = read("The party on Monday nominated former footballer Tomas Ardley as its presidential candidate.")
    assert "Tomas Ardley" in persons(r)


def test_an_organization_between_an_appointing_verb_and_as_is_no_person(read):
    r = read("Leaders named Northern Lakes Council as the host of the talks.")
    assert persons(r) == set()


def test_an_initial_without_its_stop_after_a_title(read):
    r = read("External Affairs Minister T Ardleyan on Friday said the ties were close.")
    assert "T Ardleyan" in persons(r)


def test_a_capitalised_portfolio_closed_by_a_comma_lets_the_holder_name_go(read):
    # no series after the comma: the name starts after the portfolio's last noun
    r = read("The envoy was joined by Deputy Minister of Foreign Affairs Lorin Vasko, and by the team.")
    assert persons(r) == {"Lorin Vasko"}
    r = read("The envoy was joined by Minister of Mineral Resources, Petroleum and Gas, Lorin Vasko.")
    assert persons(r) == {"Lorin Vasko"}


def test_a_capitalised_negotiator_or_director_is_a_title_not_a_name(read):
    r = read("He was joined by the Lead Negotiator, Deputy Minister Lorin Vasko. Ruritanian Security "
             "Service Director Anna Brek arrived.")
    assert persons(r) == {"Lorin Vasko", "Anna Brek"}


def test_an_upper_case_word_with_a_number_opens_an_organization_name(read):
    r = read("He met the chief executive of the GX25 Operating Company, Lorin Vasko.")
    assert {e.label for e in r.entities if e.type == "Organization"} == {"GX25 Operating Company"}
    r = read("He met the chief executive of the Operating Company, Lorin Vasko, in 25 cities.")
    assert {e.label for e in r.entities if e.type == "Organization"} == {"Operating Company"}


def test_two_lower_case_particles_inside_a_name(read):
    r = read("Foreign Minister Juan Ramon de la Varga said the talks failed.")
    assert persons(r) == {"Juan Ramon de la Varga"}
    r = read("Foreign Minister Juan Ramon de la said the talks failed.")
    assert persons(r) == {"Juan Ramon"}


def test_a_surname_said_again_is_the_person_not_a_gazetteer_place_spelt_alike(read):
    r = read("Kremlin spokesman Lorin Vasko met reporters. According to Vasko, the talks went well.")
    assert {(e.label, e.type) for e in r.entities if e.type in ("Person", "Place")} == {("Lorin Vasko", "Person")}
    assert said(r) == [("Lorin Vasko", "the talks went well", False)]


def test_a_name_after_an_inverted_speech_verb_is_a_person(read):
    r = read('"We will win this war in the end," said Ramon Altavilla, a Peruvian analyst.')
    assert ("Ramon Altavilla", "Person") in {(e.label, e.type) for e in r.entities}


def test_a_body_after_an_inverted_speech_verb_is_no_person(read):
    r = read('"We will win this war in the end," said the Lakeland Press Agency.')
    assert not any(e.type == "Person" for e in r.entities)


def test_a_capitalised_word_after_a_verb_with_no_comma_is_no_person(read):
    r = read("Peru said Monday Morning Talks would resume.")
    assert not any(e.type == "Person" for e in r.entities)


def test_a_name_before_an_office_with_an_adjective_after_the_possessive(read):
    r = read("Ramon Altavilla, the UN's humanitarian chief, described conditions in the city as grim.")
    assert ("Ramon Altavilla", "Person") in {(e.label, e.type) for e in r.entities}


def test_a_name_before_a_former_office_is_a_person_without_the_office(read):
    r = read("Ramon Altavilla, a former Peruvian foreign minister, was appointed to the panel.")
    assert ("Ramon Altavilla", "Person") in {(e.label, e.type) for e in r.entities}
    assert not [f for f in r.facts if f.predicate == "officialOf"]


def test_a_name_before_a_capitalised_adjective_and_an_office_with_its_remit(read):
    r = read("In June he met Ramon Altavilla, the Andean commissioner for trade. Altavilla said "
             "afterwards that the door was open.")
    assert ("Ramon Altavilla", "Person") in {(e.label, e.type) for e in r.entities}
    assert said(r) == [("Ramon Altavilla", "the door was open", False)]


def test_a_name_before_who_served_as_is_a_person_without_an_office(read):
    r = read("Ramon Altavilla, who served as Peru's foreign minister until 2020, said the plan would fail.")
    assert ("Ramon Altavilla", "Person") in {(e.label, e.type) for e in r.entities}


def test_a_name_before_a_singular_description_and_who_is_a_person(read):
    r = read("A new bloc led by Ramon Altavilla, a Peruvian billionaire who was arrested last year, has "
             "drawn large crowds.")
    assert ("Ramon Altavilla", "Person") in {(e.label, e.type) for e in r.entities}


def test_who_after_a_plural_noun_of_the_description_names_no_person(read):
    r = read("The rebels joined Altavilla Verdugo, a coalition of fighters who oppose the government.")
    assert not any(e.type == "Person" for e in r.entities)


def test_a_name_before_a_bare_office_in_apposition_is_a_person(read):
    r = read("Ramon Altavilla, the deputy speaker, who also chairs the committee, said the vote was fair.")
    assert ("Ramon Altavilla", "Person") in {(e.label, e.type) for e in r.entities}
    assert said(r) == [("Ramon Altavilla", "the vote was fair", False)]


def test_a_name_before_a_qualified_bare_office_in_apposition_is_a_person(read):
    # a common noun's possessive, past and current qualifiers, a demonym: no speech verb needed
    for body in ("Ramon Altavilla, the city's former mayor, had defended the plant.",
                 "Ramon Altavilla, the de facto leader of Zembla, visited Varno in May.",
                 "Ramon Altavilla, the former European energy commissioner, had praised the deal."):
        r = read(body)
        assert "Ramon Altavilla" in persons(r), body
    assert not any(e.type == "Person" for e in read("Varno, the city's main port, was closed.").entities)


def test_a_place_before_a_noun_in_apposition_is_no_person(read):
    r = read("Paris, the capital, hosted the talks.")
    assert not any(e.type == "Person" for e in r.entities)

    # '"…," said Nino Lomidze, a student': the speaker after the verb, past the closing quotation mark
    r = read('The rally went on. "They cannot take the flag," said Tamar Veldidze, a 24-year-old student. '
             '"Nobody will say it aloud," said Oren Baskadze.')
    assert persons(r) == {"Tamar Veldidze", "Oren Baskadze"}
    assert [s for s, _, _ in said(r)] == ["Tamar Veldidze", "Oren Baskadze"]


def test_no_person_after_a_speech_verb_without_a_quotation_or_before_more_words(read):
    r = read('Officials said Tamar Veldidze would attend. "We will go," said Oren Baskadze Trading Company.')
    assert persons(r) == set()


def test_a_name_after_a_noun_only_a_person_is_is_a_person(read):
    r = read("Northern Accord founder Ivo Marek, the party's honorary chairman, said nothing.")
    assert persons(r) == {"Ivo Marek"}
    r = read("Sanctions hit the billionaire Ivo Marek, who holds no office.")
    assert persons(r) == {"Ivo Marek"}
    r = read("His predecessor, Ana Lutz, who disputes the vote, leads the protests.")
    assert persons(r) == {"Ana Lutz"}
    # no determiner before the noun's comma, a body's head word, a name not closed: none
    r = read("A journalist, Ana Lutz met them. The journalist Union Council protested. "
             "The founder Ivo Marek Foundation sold it.")
    assert persons(r) == set()


def test_a_name_after_represented_by_is_a_person(read):
    r = read("Peru was represented by Ana Lutz. Chile was represented by its ambassador.")
    assert persons(r) == {"Ana Lutz"}


def test_a_place_name_as_the_given_name_of_a_listed_minister(read):
    # "Ararat" is a mountain's name, and the given name of the second minister
    r = read("The foreign ministers of Peru and Chile, Ana Lutz and Ararat Velmar, signed the text.")
    assert persons(r) == {"Ana Lutz", "Ararat Velmar"}
    r = read("The foreign ministers of Peru and Chile, Ana Lutz and Ararat, met.")
    assert persons(r) == {"Ana Lutz"}
    r = read("Peruvian and Chilean Foreign Ministers Ararat Velmar and Ana Lutz met.")
    assert persons(r) == {"Ararat Velmar", "Ana Lutz"}
    # after a title's "of <country>" as right after a title
    r = read("Foreign Minister of Peru Ararat Velmar took part in the meeting.")
    assert persons(r) == {"Ararat Velmar"}


def test_a_name_before_a_title_stops_at_the_title_before_it(read):
    r = read("Japan hosted U.S. Secretary of State Anton Velmar, Indian Minister Ana Lutz and others.")
    assert persons(r) == {"Anton Velmar", "Ana Lutz"}


def test_a_name_with_where_the_person_works_before_a_speech_verb_is_the_speaker(read):
    r = read("Ida Varga of the Institute for the Study of Rivers said the army had gained ground.")
    assert persons(r) == {"Ida Varga"}
    assert [s[0] for s in said(r)] == ["Ida Varga"]
    r = read("Ivo Marek from Chatham House said the talks failed.")
    assert [s[0] for s in said(r)] == ["Ivo Marek"]
    # a body's name with its remit, and a title, are no person
    r = read("The Ministry of Foreign Affairs of Peru said the talks failed.")
    assert persons(r) == set()
    r = read("The Parliamentary Assembly of the Northern Lakes Council said the vote was fair.")
    assert persons(r) == set()


def test_a_name_in_apposition_to_a_possessive_and_a_relation_noun(read):
    # "His predecessor, Kadri Simson, stood beside …": a person (missed)
    r = read("Her predecessor, Tarsk Odelly, had signed the first contract in 2023.")
    assert persons(r) == {"Tarsk Odelly"}
    r = read("His successor, Tamar Veldidze, said the plan would hold.")
    assert "Tamar Veldidze" in persons(r)
    # no possessive: no cue
    r = read("The predecessor, Amber Rock, was a fund.")
    assert persons(r) == set()


def test_a_countrys_security_council_is_its_own(read):
    # "Armenia's Security Council secretary, X": the country's own council, not the UN's (the
    # office of "the secretary of Armenia's Security Council" went to the UN Security Council)
    r = read("The secretary of Peru's Security Council, Tarsk Odelly, said the talks would go on.")
    assert "Security Council of Peru" in {e.label for e in r.entities}
    assert "United Nations Security Council" not in {e.label for e in r.entities}
    r = read("The Security Council met in New York on Monday.")
    assert "United Nations Security Council" in {e.label for e in r.entities}


def test_an_unknown_word_and_a_known_place_after_a_fellow_at_is_an_organization(read):
    # "a senior fellow at Carnegie Europe": an organization, not the place "Europe"
    r = read("Tarsk Odelly, a senior fellow at Velmar Europe, said the talks had stalled.")
    labels_ = {(e.label, e.type) for e in r.entities}
    assert ("Velmar Europe", "Organization") in labels_ and ("Europe", "Place") not in labels_
    # a place's head word: the place itself
    r = read("Tarsk Odelly, a fellow at Lake Sevan, said the water was low.")
    assert ("Lake Sevan", "Place") in {(e.label, e.type) for e in r.entities}


def test_an_unknown_name_after_a_kind_of_organization_is_one(read):
    # "the Italian grid operator Snam", "the Russian government agency Rossotrudnichestvo" (missed)
    r = read("The pipeline is owned by a consortium that includes the Peruvian grid operator Velmar.")
    assert ("Velmar", "Organization") in {(e.label, e.type) for e in r.entities}
    r = read("The radars were made by the state-owned company Tarsk Dynamics, which exports them.")
    assert ("Tarsk Dynamics", "Organization") in {(e.label, e.type) for e in r.entities}
    # a news outlet: "six journalists of the independent investigative outlet Abzas Media"
    r = read("A court jailed six journalists of the independent investigative outlet Velgor Media on Friday.")
    assert ("Velgor Media", "Organization") in {(e.label, e.type) for e in r.entities}
    # no article before: no noun phrase naming it
    r = read("Velmar said the operator Tuesday had failed.")
    assert persons(r) == set() and not any(e.type == "Organization" for e in r.entities)
    # a part of a hyphenated word is no name
    r = read("The news agency Co-Chairs issued a statement.")
    assert not any(e.type == "Organization" for e in r.entities)


def test_its_ministry_after_a_sentence_a_country_opens(read):
    # "Azerbaijan has demanded that the mission leave. Its foreign ministry said …": the
    # country's ministry (missed, and the ministry's statement given to the country)
    r = read("Peru has demanded that the mission leave. Its foreign ministry said the monitors served others.")
    assert "Ministry of Foreign Affairs of Peru" in {e.label for e in r.entities}
    assert [s[0] for s in said(r)] == ["Ministry of Foreign Affairs of Peru"]
    # an organization opens the sentence before: no country's ministry
    r = read("The Andean Community met. Its foreign ministry said so.")
    assert not any(e.label.startswith("Ministry") for e in r.entities)


def test_a_company_name_ending_in_a_company_head_word(read):
    # "made by Bharat Dynamics": a company, by its last word (missed)
    r = read("The system is made by Velmar Dynamics, a state firm, and sold by Tarsk Holdings.")
    found = {(e.label, e.type) for e in r.entities}
    assert {("Velmar Dynamics", "Organization"), ("Tarsk Holdings", "Organization")} <= found
    r = read("Ivo Marnet, a professor at Velmar College who studies the region, said so.")
    assert ("Velmar College", "Organization") in {(e.label, e.type) for e in r.entities}


def test_particles_in_a_row_inside_a_name_read_back_from_its_title(read):
    r = read("He stood beside Ilse van der Marwick, the president of the Northern Lakes Council, in Lima.")
    assert persons(r) == {"Ilse van der Marwick"}


def test_a_name_in_apposition_to_a_former_office_is_a_person(read):
    for body in ("Tarek Olsundo, a former minister, attacked the plan.",
                 "Armed men led by Tarek Olsundo, a former vice-president of the ruling party, attacked the police."):
        r = read(body)
        assert [e.label for e in r.entities if e.type == "Person"] == ["Tarek Olsundo"]
        assert not [f for f in r.facts if f.predicate == "officialOf"]


def test_a_name_after_government_of_is_a_person(read):
    r = read("In Lima, the caretaker government of Tarek Olsundo failed to form a coalition. Olsundo said it was unjust.")
    assert [e.label for e in r.entities if e.type == "Person"] == ["Tarek Olsundo"]
    assert said(r)[0][0] == "Tarek Olsundo"
    r = read("The government of South Sudan met in Juba.")
    assert not [e for e in r.entities if e.type == "Person"]


def test_a_name_before_an_owned_person_noun_in_apposition_is_a_person(read):
    # "X, his nephew and a former deputy mayor of Y, leads …": no speech verb, no title before
    r = read("Dikomo Kokuvik, his nephew and a former deputy mayor of Velmar, leads the campaign.")
    assert ("Dikomo Kokuvik", "Person") in {(e.label, e.type) for e in r.entities}
    r = read("Dikomo Kokuvik, a former deputy mayor of Velmar, leads the campaign.")
    assert ("Dikomo Kokuvik", "Person") in {(e.label, e.type) for e in r.entities}
    # a body's name before the apposition is no person
    r = read("The Velmar Lake Council, its successor, met on Monday.")
    assert all(e.type != "Person" for e in r.entities)


def test_a_name_after_several_current_adjectives_and_a_title_is_a_person(read):
    # "In Abkhazia, a new de facto leader, Badra Gunba, elected in March, …"
    r = read("In Velmar, a new de facto leader, Dikomo Kokuvik, elected in March, has sought more money.")
    assert ("Dikomo Kokuvik", "Person") in {(e.label, e.type) for e in r.entities}


def test_a_name_after_a_kind_of_body_and_called_is_an_organization(read):
    # "founded a movement called Sacred Struggle"
    r = read("He later founded a movement called Velmar Awakening.")
    assert ("Velmar Awakening", "Organization") in {(e.label, e.type) for e in r.entities}
    # without the naming word a bare "the party X" names nothing new; "called on" is no naming
    r = read("The party Velmar Awakening won. The group called on Tarvin Osk to act.")
    assert all(e.type != "Organization" for e in r.entities)


def test_a_name_owning_a_successor_or_a_widow_is_a_person(read):
    r = read("Tavo Merkin met Ivo Marek's successor, Olda Vasq, in Lima.")
    assert "Ivo Marek" in persons(r)
    r = read("Ramon Altavilla's widow said the trial was unfair.")
    assert persons(r) == {"Ramon Altavilla"}
    r = read("The Zembla Union's successor was founded in Lima.")
    assert persons(r) == set()


def test_a_name_before_a_citizen_in_apposition_is_a_person(read):
    r = read("Ramon Altavilla, a Peruvian citizen, was sentenced in Lima in 2025.")
    assert "Ramon Altavilla" in persons(r)


def test_a_name_before_an_indefinite_person_noun_in_apposition_is_a_person(read):
    # "X, a former footballer elected by …, is the president": no speech verb, no title
    r = read("Dikomo Kokuvik, a former footballer elected by an electoral college, is the president.")
    assert ("Dikomo Kokuvik", "Person") in {(e.label, e.type) for e in r.entities}
    r = read("Dikomo Kokuvik, a Velmari-Tarsan billionaire, was arrested in June.")
    assert ("Dikomo Kokuvik", "Person") in {(e.label, e.type) for e in r.entities}
    # a body before the apposition, or a describing run too long, is no person
    r = read("The Velmar Lake Council, a former rival, met on Monday.")
    assert all(e.type != "Person" for e in r.entities)


def test_a_hyphenated_name_before_who_heads_or_who_was_is_a_person(read):
    r = read("Bibeneb Ter-Bimapo, who leads the opposition Velmar National Congress, has taken a different line.")
    assert ("Bibeneb Ter-Bimapo", "Person") in {(e.label, e.type) for e in r.entities}
    r = read("Bibeneb Ter-Bimapo, who was the first president of Velmar, has taken a different line. "
             "He said a treaty was worth it.")
    assert [who for who, _, _ in said(r)] == ["Bibeneb Ter-Bimapo"]
    # a body before ", who was" is no person
    r = read("The Lake Council, who was never consulted, met on Monday.")
    assert all(e.type != "Person" for e in r.entities)


def test_a_name_after_a_clergy_honorific_is_a_person(read):
    r = read("When police detained Archbishop Mikor Ajapel in June, the government said it was enforcing the law.")
    assert ("Mikor Ajapel", "Person") in {(e.label, e.type) for e in r.entities}
    # an honorific after an article opens a name of something else
    r = read("The Archbishop Street Church was closed on Monday.")
    assert all(e.type != "Person" for e in r.entities)


def test_a_regnal_name_after_a_clergy_honorific_is_a_person(read):
    r = read("Its supreme head, Catholicos Karel II, has refused the calls to step down.")
    assert ("Karel II", "Person") in {(e.label, e.type) for e in r.entities}
    r = read("Posts attacking the Catholicos on social media were a gift to the opposition.")
    assert r.entities == []


def test_a_name_before_of_the_party_is_a_member(read):
    r = read("The candidate faces Pavel Dorin of the Liberal Reform Party (LRP), the main opposition party. "
             "Dorin said in an interview that the ruling party had failed.")
    assert "Pavel Dorin" in persons(r)
    assert [s for s, _, _ in said(r)] == ["Pavel Dorin"]


def test_a_part_of_a_party_is_no_person(read):
    r = read("The Youth Wing of the Liberal Reform Party met. The Central Committee of the Communist Party met.")
    assert persons(r) == set()


def test_a_name_after_the_incumbent_or_a_rival_is_a_person(read):
    r = read("Tomas Varga defeated the incumbent Pavel Dorin in October. His rival Ilse Marren said it was over.")
    assert {"Pavel Dorin", "Ilse Marren"} <= persons(r)


def test_a_name_after_a_persons_own_officer_or_a_bare_office_with_who(read):
    r = read("Tomas Verdugo said Lima would act, and his foreign minister, Ana Lutz, repeated the line.")
    assert "Ana Lutz" in persons(r)
    r = read("Peru annulled the deal in 2018, after Ivo Marek, the president who had signed it, left office.")
    assert persons(r) == {"Ivo Marek"}
    assert not any(f.predicate == "officialOf" for f in r.facts)  # no country says whose president


def test_a_place_name_as_the_given_name_before_a_title_apposition(read):
    r = read("Ararat Velmar, Peru's foreign minister, said the closure reflects a new reality.")
    assert persons(r) == {"Ararat Velmar"}
    assert [s[0] for s in said(r)] == ["Ararat Velmar"]
    # after "in" it stays the place
    r = read("Talks in Georgia Velmar, the minister said, went on.")
    assert persons(r) == set() and "Georgia" in {e.label for e in r.entities}


def test_a_defence_force_is_an_organization_a_bare_force_is_not(read):
    r = read("Troops of the Norland Defence Force held exercises with the Veldar Strike Force on Monday.")
    orgs = {e.label for e in r.entities if e.type == "Organization"}
    assert "Norland Defence Force" in orgs
    assert "Veldar Strike Force" not in orgs


def test_a_civilian_or_caretaker_office_in_apposition_names_a_person(read):
    r = read("The coup removed the civilian prime minister, Tovan Reshki, in 2021. Peru's caretaker "
             "president, Orla Brenning, condemned it.")
    people = {e.label for e in r.entities if e.type == "Person"}
    assert {"Tovan Reshki", "Orla Brenning"} <= people


def test_a_name_before_a_country_s_former_office_is_a_person_without_the_office(read):
    r = read("She called Tovan Reshki, Peru's former leader and the father of the minister, an uncle.")
    assert "Tovan Reshki" in {e.label for e in r.entities if e.type == "Person"}
    assert ("Tovan Reshki", "Peru") not in facts(r, "officialOf")


def test_an_acronym_in_apposition_to_a_kind_of_organization_is_one(read):
    r = read("Peru's state oil company, NORPEX, once the region's giant, now produces less.")
    assert "NORPEX" in {e.label for e in r.entities if e.type == "Organization"}
    r = read("Peru's president, NORPEX, said so.")
    assert "NORPEX" not in {e.label for e in r.entities if e.type == "Organization"}


def test_a_domain_before_a_bare_office_in_apposition_names_a_person(read):
    r = read("Lima named Tovan Reshki, a navy commander, as governor in May.")
    assert "Tovan Reshki" in {e.label for e in r.entities if e.type == "Person"}


def test_two_coordinated_offices_in_apposition_name_a_person(read):
    r = read("Tovan Reshki, the parliament speaker and leader of the Norland movement, has acted as the channel.")
    assert "Tovan Reshki" in {e.label for e in r.entities if e.type == "Person"}


def test_swore_in_opens_no_place_before_a_person_in_apposition(read):
    r = read("Peru's president swore in Tovan Reshki, a navy admiral, as governor in May.")
    assert "Tovan Reshki" in {e.label for e in r.entities if e.type == "Person"}


def test_a_person_noun_apposition_closed_by_an_origin(read):
    r = read("The chairman left in February; his successor, Tovan Reshki of Peru, has kept the panel.")
    assert "Tovan Reshki" in {e.label for e in r.entities if e.type == "Person"}


def test_the_name_a_person_succeeded_is_a_person(read):
    r = read("Tovan Reshki, who succeeded Orla Brenning after her death in 2024, said the group would fight on.")
    assert {"Tovan Reshki", "Orla Brenning"} <= {e.label for e in r.entities if e.type == "Person"}
    r = read("The Andean Border Alliance succeeded the Andean Pact Council in 2002.")
    assert not [e for e in r.entities if e.type == "Person"]


def test_the_particle_el_is_part_of_a_surname(read):
    # "Abdel Fattah el-Sissi": like "al-", the lower-case "el-" glues the surname to the name
    r = read("Ruritanian President Tomas Vardel el-Morrik said that the country had lost money.")
    assert persons(r) == {"Tomas Vardel el-Morrik"}


def test_a_cardinal_is_an_honorific_not_part_of_the_name(read):
    r = read("The Holy See's secretary of state, Cardinal Tavio Morrenzi, said the Vatican would help. "
             "His envoy for Peru, Cardinal Orlo Vantessi, has travelled to Lima.")
    assert persons(r) == {"Tavio Morrenzi", "Orlo Vantessi"}
    assert ("Tavio Morrenzi", "Holy See", "Secretary of State") in offices(r)


def test_a_bare_office_in_apposition_that_ends_the_sentence_names_a_person(read):
    # "…, and the Russian one by Vladimir Medinsky, a presidential aide and former culture minister."
    r = read("The delegation was led by Tomas Varnell, a presidential aide and former culture minister.")
    assert persons(r) == {"Tomas Varnell"}
    r = read("The talks were led by Ilse Borrmann, a former foreign minister.")
    assert persons(r) == {"Ilse Borrmann"}
    r = read("The talks opened in Lorian City, the former capital.")
    assert persons(r) == set()


def test_a_name_before_who_resigned_is_a_persons(read):
    # "She replaced Abdoulaye Bathily, who resigned in 2024 complaining that …"
    r = read("She replaced Tomas Varnell, who resigned in 2024 complaining that leaders put their interests first.")
    assert persons(r) == {"Tomas Varnell"}


def test_a_hyphen_glued_head_word_before_a_capitalised_noun_names_no_organization(read):
    r = read("Norvania left the Four-Party Talks in 2009 and has not returned. Members of the "
             "Pro-Unity Party met in Lakeport.")
    orgs = {e.label for e in r.entities if e.type == "Organization"}
    assert "Four-Party" not in orgs
    assert "Pro-Unity Party" in orgs


def test_an_external_or_home_affairs_ministry_is_a_ministry_of_its_country(read):
    r = read("Tomas Verdugo, the spokesman for India's Ministry of External Affairs, said the talks "
             "were over. Botswana's home affairs ministry said the border was closed.")
    orgs = {e.label for e in r.entities if e.type == "Organization"}
    assert {"Ministry of External Affairs of India", "Ministry of Home Affairs of Botswana"} <= orgs
    assert ("Tomas Verdugo", "Ministry of External Affairs of India") in facts(r, "officialOf")


def test_a_head_word_name_after_of_and_a_capitalised_word_is_no_organization_of_its_own(read):
    r = read("Lakeland depends on Norvania under a Compact of Free Association. The Secretary General "
             "of Nordic Trade Association said no.")
    orgs = {e.label for e in r.entities if e.type == "Organization"}
    assert "Free Association" not in orgs
    assert "Nordic Trade Association" in orgs


def test_a_name_suffix_before_the_closing_comma_of_an_apposition_ends_the_name(read):
    r = read("Palau's president, Tomas Verdugo Jr., has become a defender of the island. Verdugo also "
             "said that tourism had collapsed.")
    assert ("Tomas Verdugo", "Palau") in facts(r, "officialOf")
    assert [who for who, _, _ in said(r)] == ["Tomas Verdugo"]

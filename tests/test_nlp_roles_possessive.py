"""kg.nlp.roles: an office after a possessive that points back ("Its foreign minister, X",
"the bloc's chair, X"), with made-up names the knowledge base does not know."""
from conftest import facts, labels, said
from test_nlp_roles import titled


def test_its_opening_a_sentence_is_the_subject_of_the_sentence_before(read):
    r = read("Peru hosted the meeting of the Andean ministers. Its foreign minister, Ramon Altavilla, "
             "said the talks went well.")
    assert ("Ramon Altavilla", "Peru", "Foreign Minister") in titled(r)


def test_its_inside_a_sentence_is_that_sentence_subject(read):
    r = read("Colombia, a founding member of the bloc, sent its foreign minister, Ramon Altavilla.")
    assert ("Ramon Altavilla", "Colombia", "Foreign Minister") in titled(r)


def test_its_after_a_subject_that_is_no_actor_gives_no_office(read):
    r = read("The meeting ended late in Lima. Its foreign minister, Ramon Altavilla, said nothing.")
    assert titled(r) == set()


def test_its_after_a_person_subject_gives_no_office(read):
    r = read("Ramon Altavilla spoke first. Its foreign minister, Tomas Verdugo, said nothing.")
    assert not any(holder == "Tomas Verdugo" for holder, _, _ in titled(r))


def test_an_honorific_after_the_comma_is_no_part_of_the_name(read):
    r = read("Qatar will host the next summit. Its foreign minister, Sheikh Omar bin Tarek, said the "
             "emirate wanted calm.")
    assert ("Omar bin Tarek", "Qatar", "Foreign Minister") in titled(r)


def test_the_anaphor_possessive_is_the_organization_last_named(read):
    r = read("Leaders of the Northern Lakes Council met in Kigali on Monday. The council's secretary "
             "general, Ramon Altavilla, said the plan needed money.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Secretary General") in titled(r)


def test_far_back_the_anaphor_possessive_is_the_only_organization_named(read):
    r = read("Leaders of the Northern Lakes Council met in Kigali on Monday. Rain fell all day. Roads "
             "closed early. The council's secretary general, Ramon Altavilla, said the plan needed money.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Secretary General") in titled(r)


def test_far_back_among_two_organizations_the_anaphor_possessive_is_no_one(read):
    r = read("Leaders of the Northern Lakes Council met in Kigali. Envoys of the Southern Plains Council "
             "came too. Rain fell all day. Roads closed early. The council's secretary general, Ramon "
             "Altavilla, said the plan needed money.")
    assert titled(r) == set()


def test_an_office_in_apposition_to_a_second_office_and_its_name(read):
    r = read("Leaders of the Northern Lakes Council met in Kigali. The council's chair, French President "
             "Ramon Altavilla, said the plan needed money.")
    assert titled(r) == {("Ramon Altavilla", "Northern Lakes Council", "Chairman"),
                         ("Ramon Altavilla", "France", "President")}


def test_an_office_before_a_list_of_persons_is_not_theirs(read):
    r = read("Leaders of the Northern Lakes Council met in Kigali. The council's chair, French President "
             "Ramon Altavilla and Tomas Verdugo attended.")
    assert not any(org == "Northern Lakes Council" for _, org, _ in titled(r))


def test_a_relative_clause_gives_the_office_to_the_person_before_it(read):
    r = read("French President Ramon Altavilla, who took over as NATO chairman at a summit in Kigali, "
             "said the plan needed money.")
    assert ("Ramon Altavilla", "North Atlantic Treaty Organization", "Chairman") in titled(r)


def test_a_past_relative_clause_gives_no_office(read):
    r = read("French President Ramon Altavilla, who was once NATO chairman, said the plan needed money.")
    assert not any(org == "North Atlantic Treaty Organization" for _, org, _ in titled(r))


def test_a_current_adjective_between_the_qualifier_and_the_title(read):
    r = read("Gabon's transitional president, Ramon Altavilla, thanked the leaders. Mali's interim "
             "president Tomas Verdugo said the plan needed money.")
    assert titled(r) == {("Ramon Altavilla", "Gabon", "President"), ("Tomas Verdugo", "Mali", "President")}


def test_a_former_office_before_the_adjective_is_still_no_office(read):
    r = read("Gabon's former transitional president, Ramon Altavilla, thanked the leaders.")
    assert titled(r) == set()


def test_a_title_sent_by_the_subject_is_its_office(read):
    r = read("Qatar, which is not a member of the bloc, sent a special envoy, Ramon Altavilla.")
    assert titled(r) == {("Ramon Altavilla", "Qatar", "Special Envoy")}


def test_a_title_sent_by_a_person_is_no_office_of_a_country(read):
    r = read("Tomas Verdugo of Qatar sent a special envoy, Ramon Altavilla.")
    assert not any(holder == "Ramon Altavilla" for holder, _, _ in titled(r))


def test_a_lower_case_domain_between_the_possessive_and_the_title(read):
    r = read("Peru sent its international relations minister, Ramon Altavilla, to the talks.")
    assert ("Ramon Altavilla", "Peru", "International Relations Minister") in titled(r)
    r = read("Leaders of the Northern Lakes Council met in Kigali. The council's commission president, "
             "Ramon Altavilla, said the plan needed money.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Commission President") in titled(r)


def test_a_word_that_is_no_domain_keeps_the_office_from_the_possessive(read):
    r = read("Peru sent its famous old minister, Ramon Altavilla, to the talks.")
    assert titled(r) == set()


def test_a_demonym_after_the_possessive_is_the_holder_s_nationality(read):
    r = read("The Northern Lakes Council met in Kigali. Its Peruvian chairman, Ramon Altavilla, "
             "said the plan needed money.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Chairman") in titled(r)


def test_a_rank_after_the_comma_is_no_part_of_the_name(read):
    r = read("The Northern Lakes Council met in Kigali. Its chairman, Major General Ramon "
             "Altavilla, said the plan needed money.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Chairman") in titled(r)


def test_a_senior_general_is_a_rank_too(read):
    r = read("Myanmar's military leader, Senior General Ramon Altavilla, attended the summit.")
    assert ("Ramon Altavilla", "Myanmar", "Military Leader") in titled(r)


def test_its_after_a_sentence_opened_by_an_anaphor_is_the_organization_named_before(read):
    r = read("Leaders of the Northern Lakes Council met in Kigali. The council said the plan needed money. "
             "Its chief executive officer, Ramon Altavilla, spoke next.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "CEO") in titled(r)
    r = read("The meeting ended late. The council said the plan needed money. "
             "Its chief executive officer, Ramon Altavilla, spoke next.")
    assert titled(r) == set()


def test_the_anaphor_possessive_after_a_sentence_with_two_organizations_is_its_subject(read):
    r = read("Northern Lakes Council leaders clashed on Monday with the Southern Rivers Group. The bloc's "
             "secretary general, Ramon Altavilla, said the plan needed money.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Secretary General") in titled(r)


def test_far_back_the_anaphor_possessive_is_the_one_organization_named_with_its_noun(read):
    r = read("Ministers of the Northern Lakes Council met in Kigali. The Southern Rivers Group sent an envoy. "
             "Rain fell. Roads closed. The council's director general, Ramon Altavilla, told reporters so.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Director General") in titled(r)


def test_the_bare_apostrophe_of_a_name_ending_in_s_is_a_possessive(read):
    r = read("The Netherlands' foreign minister, Ramon Altavilla, said the talks went well. "
             "The Bahamas’ prime minister, Tomas Verdugo, told reporters the debate was not over.")
    assert ("Ramon Altavilla", "Netherlands", "Foreign Minister") in titled(r)
    assert ("Tomas Verdugo", "Bahamas", "Prime Minister") in titled(r)


def test_who_heads_names_the_person_and_the_office(read):
    r = read("Ramon Altavilla, who heads the Northern Lakes Council, said the talks went well.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Head") in titled(r)


def test_who_heads_the_described_body_points_back_to_the_organization(read):
    r = read("The Northern Lakes Council and Malawi signed a deal. Malawi's president signed it with "
             "Ramon Altavilla, who heads the 46-nation human rights body. According to Altavilla, the "
             "court will sit in Lilongwe.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Head") in titled(r)
    assert any(speaker == "Ramon Altavilla" for speaker, _, _ in said(r))


def test_who_headed_is_a_past_office(read):
    r = read("Ramon Altavilla, who headed the Northern Lakes Council until 2020, said the talks went well.")
    assert titled(r) == set()


def test_external_and_foreign_affairs_ministers(read):
    r = read("Modi stayed away, and India was represented by External Affairs Minister Ramon Altavilla. "
             "Canada's foreign affairs minister, Tomas Verdugo, said the talks went well.")
    assert ("Ramon Altavilla", "India", "External Affairs Minister") in titled(r)
    assert ("Tomas Verdugo", "Canada", "Foreign Minister") in titled(r)


def test_a_delegation_sent_by_the_subject_and_led_by_a_title(read):
    r = read("Turkey, a dialogue partner of the bloc, sent a delegation led by President Ramon Altavilla. "
             "The talks ended with a delegation led by Deputy Foreign Minister Tomas Verdugo.")
    assert ("Ramon Altavilla", "Turkey", "President") in titled(r)
    assert not any(holder == "Tomas Verdugo" for holder, _, _ in titled(r))


def test_a_diplomatic_rank_after_the_comma_is_no_part_of_the_name(read):
    r = read("Ministers met in Kigali on Thursday. Malawi's representative, Ambassador Ramon Altavilla, "
             "thanked member states for their support.")
    assert ("Ramon Altavilla", "Malawi", "Representative") in titled(r)


def test_the_anaphor_possessive_prefers_the_organization_named_with_its_noun(read):
    r = read("NATO welcomed the opening of the Marovian Council in Oslo. The council's president, "
             "Tomas Pirel, told reporters that trade had grown.")
    assert titled(r) == {("Tomas Pirel", "Marovian Council", "President")}


def test_the_community_points_back_to_the_organization_named_before(read):
    r = read("The Marovian Community met in Lima on Monday. Peru hosted the meeting. The community's "
             "secretary general, Tomas Pirel, told reporters that trade had grown.")
    assert titled(r) == {("Tomas Pirel", "Marovian Community", "Secretary General")}


def test_a_time_phrase_between_the_office_and_its_holder(read):
    r = read("The Marovian Council met in Oslo. Its president this year, Tomas Pirel, said the session "
             "would be short.")
    assert titled(r) == {("Tomas Pirel", "Marovian Council", "President")}


def test_a_time_phrase_before_a_second_office_in_apposition(read):
    r = read("The Marovian Council met in Oslo. Its president this year, Icelandic lawmaker Tomas Pirel, "
             "said the session would be short.")
    assert titled(r) == {("Tomas Pirel", "Marovian Council", "President"), ("Tomas Pirel", "Iceland", "Lawmaker")}


def test_a_time_phrase_without_a_name_after_it_gives_no_office(read):
    r = read("The Marovian Council met in Oslo. Its president this year was absent, Tomas Pirel said.")
    assert titled(r) == set()


def test_its_after_an_anaphor_subject_is_the_organization_named_with_its_noun(read):
    r = read("The Marovian Council met, the first session since its states joined NATO. The council has "
             "87 seats. Its president, Tomas Pirel, said the session would be short.")
    assert titled(r) == {("Tomas Pirel", "Marovian Council", "President")}


def test_its_after_a_sentence_whose_last_clause_opens_with_another_organization(read):
    # "The EU pledged …, and the EBRD has financed … . Its managing director, X": the nearer subject
    r = read("The Velmar Council pledged 10 billion euros, and the Northern Lakes Bank (NLB) has financed "
             "new cranes. Its managing director, Tomas Pirel, said a loan was studied.")
    assert titled(r) == {("Tomas Pirel", "Northern Lakes Bank", "Managing Director")}
    # a passive last clause keeps the sentence's subject
    r = read("The Velmar Council met in May, and the Northern Lakes Bank was not invited. Its president, "
             "Tomas Pirel, said so.")
    assert titled(r) == {("Tomas Pirel", "Velmar Council", "President")}


def test_whose_office_then_a_name_in_apposition(read):
    r = read("The Northern Lakes Council, whose secretary general, Ramon Altavilla, attended, backed the "
             "plan. Peru, whose foreign minister, Tomas Verdugo, spoke first, agreed.")
    assert titled(r) == {("Ramon Altavilla", "Northern Lakes Council", "Secretary General"),
                         ("Tomas Verdugo", "Peru", "Foreign Minister")}


def test_whose_office_after_an_anaphor_and_a_former_office_after_the_copula(read):
    # "The alliance, whose leader is the former president X, holds 29 seats"
    r = read("Tomas Verdugo spoke for the Velmar Alliance. The alliance, whose leader is the former "
             "president Ramon Altavilla, holds 29 seats.")
    assert titled(r) == {("Ramon Altavilla", "Velmar Alliance", "Leader")}
    # a former office is no office of its own
    assert ("Ramon Altavilla", "President") not in {(p, t) for p, _, t in titled(r)}


def test_whose_office_then_a_comma_and_no_name_gives_no_holder(read):
    r = read("The Northern Lakes Council, whose secretary general, in a statement, backed the plan, met.")
    assert titled(r) == set()


def test_two_lower_case_offices_of_one_possessor_and_one_name_in_apposition(read):
    r = read("Qatar's prime minister and foreign minister, Sheikh Omar bin Tarek, did not attend.")
    assert titled(r) == {("Omar bin Tarek", "Qatar", "Prime Minister"), ("Omar bin Tarek", "Qatar", "Foreign Minister")}


def test_two_exclusive_offices_and_one_name_give_no_office(read):
    r = read("Qatar's president and prime minister, Omar Tarek, did not attend.")
    assert titled(r) == set()


def test_a_posted_office_with_its_seat_in_the_body_pointed_back_to(read):
    r = read("Leaders of the Northern Lakes Council met in Kigali. Peru's representative on the council, "
             "Ambassador Ramon Altavilla, told reporters that talks could follow.")
    assert ("Ramon Altavilla", "Peru", "Representative") in titled(r)


def test_a_posted_office_before_a_day_is_no_seat(read):
    r = read("Peru's ambassador on Monday, Ramon Altavilla, spoke.")
    assert titled(r) == set()


def test_his_office_sent_by_a_titled_subject_is_of_the_subjects_country(read):
    r = read("Angolan President Ramon Altavilla did not attend and sent his foreign minister, Tomas Verdugo.")
    assert titled(r) == {("Ramon Altavilla", "Angola", "President"), ("Tomas Verdugo", "Angola", "Foreign Minister")}


def test_his_office_sent_by_an_untitled_person_has_no_country(read):
    r = read("Ramon Altavilla sent his foreign minister, Tomas Verdugo.")
    assert titled(r) == set()


def test_represented_by_an_office_then_its_holder_in_apposition(read):
    r = read("Qatar was represented by a minister of state, Tomas Verdugo.")
    assert "Tomas Verdugo" in {e.label for e in r.entities if e.type == "Person"}
    assert titled(r) == {("Tomas Verdugo", "Qatar", "Minister of state")}


def test_an_office_of_an_anaphor_is_of_what_it_points_back_to(read):
    r = read("The Norland Council met on Monday. The chairman of the council, Tarek Olsundo, said it helped.")
    assert titled(r) == {("Tarek Olsundo", "Norland Council", "Chairman")}
    # the one organization named with the noun, though another was named since
    r = read("The board extended the Norland Mission in Veldoria. The mission has staff from the Ostrava Union. "
             "\"We help,\" the head of the mission, Tarek Olsundo, said.")
    assert titled(r) == {("Tarek Olsundo", "Norland Mission", "Head")}


def test_an_office_of_something_else_than_an_anaphor_gives_no_office(read):
    r = read("The Norland Council met on Monday. The chairman of the board, Tarek Olsundo, said it helped.")
    assert titled(r) == set()


def test_a_bare_title_word_speaks_for_the_one_person_whose_title_ends_in_it(read):
    r = read("Foreign Minister of Peru Tarek Olsundo met his counterpart. The minister said that the region "
             "needed peace.")
    assert said(r) == [("Tarek Olsundo", "the region needed peace", False)]
    r = read("President Karen Vartanyan spoke first. The president said that the region needed peace.")
    assert said(r) == [("Karen Vartanyan", "the region needed peace", False)]


def test_a_bare_title_word_two_people_hold_is_read_as_a_pronoun_would_be(read):
    # no description of one holder: the subject of the sentence before, as "he said" would be
    r = read("Foreign Minister Tarek Olsundo met Finance Minister Karen Vartanyan. The minister said that the "
             "region needed peace.")
    assert said(r) == [("Tarek Olsundo", "the region needed peace", False)]
    r = read("Foreign Minister Tarek Olsundo met Finance Minister Karen Vartanyan. He said that the "
             "region needed peace.")
    assert said(r) == [("Tarek Olsundo", "the region needed peace", False)]


def test_the_office_under_an_organizations_officer_is_the_organizations(read):
    r = read("The Northern Lakes Council met in Kigali. Separately, the Northern Lakes Council Secretary "
             "General's Special Envoy for Peru, Ramon Altavilla, briefed the ministers.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Special Envoy") in titled(r)


def test_the_office_under_a_countrys_officer_is_no_office_of_the_country(read):
    r = read("Ramon Altavilla, the Peruvian president's chief of staff, said the talks went well.")
    assert not any(holder == "Ramon Altavilla" for holder, _, _ in titled(r))


def test_appointed_as_its_new_minister_is_the_appointers_office(read):
    r = read("Peru on Monday appointed veteran diplomat Ramon Altavilla as its new foreign minister.")
    assert ("Ramon Altavilla", "Peru", "Foreign Minister") in titled(r)


def test_leaders_of_an_organization_appointed_x_as_director_general(read):
    r = read("Leaders of the Northern Lakes Council on Thursday appointed Peruvian diplomat Ramon Altavilla "
             "as director general.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Director General") in titled(r)


def test_an_appointment_not_made_gives_no_office_of_the_appointer(read):
    r = read("Peru will appoint veteran diplomat Ramon Altavilla as its new foreign minister.")
    assert ("Ramon Altavilla", "Peru", "Foreign Minister") not in titled(r)
    r = read("Peru appointed veteran diplomat Ramon Altavilla as Chile's envoy.")
    assert ("Ramon Altavilla", "Peru", "Envoy") not in titled(r)


def test_a_bare_organization_title_is_of_the_organization_that_gave_it_before(read):
    r = read("Leaders of the Northern Lakes Council appointed Peruvian diplomat Ramon Altavilla as director "
             "general. Altavilla previously served as an envoy to the Southern Reef Forum. Outgoing Director "
             "General Tomas Verdugo said he was pleased.")
    assert ("Tomas Verdugo", "Northern Lakes Council", "Director General") in titled(r)
    assert not any(holder == "Tomas Verdugo" and org == "Southern Reef Forum" for holder, org, _ in titled(r))


def test_a_bare_director_general_is_of_the_one_organization_named_there(read):
    r = read("The Southern Reef Forum met in Lima on Monday. Director General Tomas Verdugo said the talks "
             "went well.")
    assert ("Tomas Verdugo", "Southern Reef Forum", "Director General") in titled(r)


def test_a_country_the_holder_is_from_after_the_name_in_apposition(read):
    r = read("The Northern Lakes Council met in Kigali. Its president, Ramon Altavilla of the Netherlands, "
             "said the council had no other choice.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "President") in titled(r)
    assert [s[0] for s in said(r)] == ["Ramon Altavilla"]
    r = read("The Northern Lakes Council met in Kigali. Its president, Ramon Altavilla of the Northern "
             "Grain Group, said the council had no other choice.")
    assert titled(r) == set()


def test_sworn_in_as_an_office_with_its_qualifier(read):
    r = read("Ramon Altavilla, who was sworn in as Madagascar's president on Friday, said elections would follow.")
    assert titled(r) == {("Ramon Altavilla", "Madagascar", "President")}
    r = read("Ramon Altavilla, who was sworn in as president on Friday, said elections would follow.")
    assert titled(r) == set()


def test_a_new_office_holder_after_a_possessive(read):
    r = read("Ramon Altavilla, Estonia's new foreign minister, said the council would meet in Tallinn.")
    assert titled(r) == {("Ramon Altavilla", "Estonia", "Foreign Minister")}


def test_a_senior_title_and_the_place_it_covers_before_the_holders_comma(read):
    r = read("The African Union's senior humanitarian coordinator for Sudan, Ilse Varnhoff, "
             "welcomed the truce. The UN's envoy to Libya, Corvin Maleth, said the talks would resume.")
    assert facts(r, "officialOf") == {("Ilse Varnhoff", "African Union"), ("Corvin Maleth", "United Nations")}


def test_cabinet_and_trade_secretaries_are_titles(read):
    r = read("Japan's Chief Cabinet Secretary Taro Uzemaki told a regular press conference that "
             "Tokyo welcomed the move. British Business and Trade Secretary Colin Verrow wrote on "
             "social media that tariffs would fall.")
    assert facts(r, "officialOf") == {("Taro Uzemaki", "Japan"), ("Colin Verrow", "United Kingdom")}
    assert "Chief Cabinet" not in set(labels(r).values())


def test_headed_by_a_titled_name_after_another_organization(read):
    r = read("The Chilean foreign ministry said nothing had changed. The Northern Lakes Secretariat, "
             "headed by Secretary-General Ilse Varnhoff, will prepare the next meeting.")
    assert ("Ilse Varnhoff", "Northern Lakes Secretariat") in facts(r, "officialOf")


def test_an_organizations_official_in_apposition(read):
    r = read("A senior Hamas official, Corvin Maleth, said the group had accepted the proposal. "
             "The Northern Lakes Council re-elected Chile's Ilse Varnhoff as its chairwoman.")
    assert facts(r, "officialOf") == {("Corvin Maleth", "Hamas"), ("Ilse Varnhoff", "Northern Lakes Council")}


def test_a_title_of_a_country_s_parliament_in_apposition(read):
    r = read("The speaker of Peru's parliament, Ramon Altavilla, on Tuesday dismissed the criticism.")
    assert ("Ramon Altavilla", "Peru", "Speaker") in titled(r)


def test_a_title_of_an_organization_s_own_body_in_apposition(read):
    r = read("The president of the Northern Lakes Council's Standing Assembly, Ramon Altavilla, called on "
             "Lima to wait.")
    assert {holder for holder, _, _ in titled(r)} == {"Ramon Altavilla"}
    assert "Standing Assembly" in {org for _, org, _ in titled(r)}


def test_a_possessive_before_other_words_names_no_holder(read):
    r = read("The head of Peru's government forces, Ramon Altavilla, met the envoy.")
    assert titled(r) == set()


def test_whose_office_after_a_noun_phrase_in_apposition(read):
    r = read("Peru and Chile are members of the Northern Lakes Council, a regional grouping whose secretary "
             "general, Ramon Altavilla, did not comment.")
    assert ("Ramon Altavilla", "Northern Lakes Council", "Secretary General") in titled(r)


def test_whose_office_after_a_definite_noun_phrase_names_no_owner(read):
    r = read("Peru hosted the Northern Lakes Council at the border, the line whose chairman, Ramon Altavilla, "
             "spoke.")
    assert titled(r) == set()


def test_its_honorary_chairman_and_a_descriptor_before_the_name(read):
    r = read("Peru won the vote. Its honorary chairman, businessman Tomas Ardvik, has accused the envoys.")
    assert titled(r) == {("Tomas Ardvik", "Peru", "Chairman")}


def test_a_descriptor_after_the_comma_without_a_possessive_gives_no_office(read):
    r = read("Peru won the vote. The honorary chairman, businessman Tomas Ardvik, has accused the envoys.")
    assert titled(r) == set()


def test_its_after_a_sentence_a_person_opens_is_the_one_organization_it_names(read):
    r = read("Ramon Altavilla, a senior figure in the Northern Lakes Council, said it would wait. Its chairman, "
             "Tomas Verdugo, said nothing.")
    assert titled(r) == {("Tomas Verdugo", "Northern Lakes Council", "Chairman")}


def test_its_after_a_sentence_a_person_opens_naming_two_actors_gives_no_office(read):
    r = read("Ramon Altavilla spoke in Peru and Chile. Its foreign minister, Tomas Verdugo, said nothing.")
    assert titled(r) == set()


def test_the_country_s_office_is_of_the_country_the_sentence_opens_with(read):
    r = read("Peru will host the summit in November, the country's Ecology Minister Ramon Altavilla said.")
    assert titled(r) == {("Ramon Altavilla", "Peru", "Ecology Minister")}
    assert [s for s, _, _ in said(r)] == ["Ramon Altavilla"]
    r = read("Peru will host the summit. The country's foreign minister, Ramon Altavilla, said it was ready.")
    assert titled(r) == {("Ramon Altavilla", "Peru", "Foreign Minister")}


def test_the_country_s_office_after_no_country_gives_no_office(read):
    r = read("The talks ended. The country's foreign minister, Ramon Altavilla, said it was ready.")
    assert titled(r) == set()


def test_the_ministrys_spokesperson_is_no_alliances(read):
    r = read("Peru is not a member of the Northern Lakes Union or NATO, but cooperates with both, the ministry's "
             "spokesperson Ana Velarde told journalists.")
    assert titled(r) == set()
    r = read("Peru's Ministry of Foreign Affairs summoned the envoy over NATO. The ministry's spokesperson Ana "
             "Velarde said the talks went well.")
    assert titled(r) == {("Ana Velarde", "Ministry of Foreign Affairs of Peru", "Spokesperson")}


def test_foreign_and_economic_affairs_as_lower_case_domains_of_a_possessive_title(read):
    r = read("Peru was represented by its foreign affairs adviser, Ana Velarde. Chile's economic policy "
             "adviser, Ivo Marnet, said it.")
    assert titled(r) == {("Ana Velarde", "Peru", "Foreign Affairs Adviser"),
                         ("Ivo Marnet", "Chile", "Economic Policy Adviser")}


def test_domain_words_without_a_title_give_no_office(read):
    r = read("Peru was represented by its foreign affairs team, Ana Velarde.")
    assert titled(r) == set()


def test_a_junta_or_rebel_leader_after_a_possessive_is_a_person_with_no_office(read):
    r = read("Chile said the envoy had met Peru's junta chief, Ivo Marnet. Bolivia's rebel leader, "
             "Ana Velarde, said it.")
    assert {"Ivo Marnet", "Ana Velarde"} <= set(labels(r).values())
    assert titled(r) == set()
    r = read("Chile said the envoy had met Peru's army chief, Ivo Marnet.")
    assert titled(r) == {("Ivo Marnet", "Peru", "Army Chief")}


def test_its_after_a_clause_subject_and_its_verb_points_to_that_subject(read):
    r = read("Peru's President Ramon Altavilla on Friday accused Chile of stoking tensions, a day after Santiago "
             "recalled its ambassador. Ambassador Tarek Olsundo had been summoned, the ministry said.")
    assert ("Tarek Olsundo", "Peru", "Ambassador") not in titled(r)
    r = read("Colombia sent its deputy foreign minister, Ramon Altavilla, to the talks.")
    assert titled(r) == {("Ramon Altavilla", "Colombia", "Deputy Foreign Minister")}


def test_an_adjective_or_a_size_before_the_anaphor_that_owns_the_office(read):
    r = read("The Andean Forum met in Lima. The regional bloc's commission president, Ramon Altavilla, said "
             "the talks went well.")
    assert titled(r) == {("Ramon Altavilla", "Andean Forum", "Commission President")}
    r = read("The Andean Forum opened in Lima. The 18-member grouping admitted no new members, its secretary "
             "general, Ramon Altavilla, told reporters.")
    assert titled(r) == {("Ramon Altavilla", "Andean Forum", "Secretary General")}


def test_a_lower_case_portfolio_before_minister_after_a_possessive(read):
    r = read("Peru's information minister, Ramon Altavilla, said the talks went well.")
    assert ("Ramon Altavilla", "Peru", "Information Minister") in titled(r)
    r = read("Peru's transport minister, Ramon Altavilla, said the talks went well.")
    assert ("Ramon Altavilla", "Peru", "Transport Minister") in titled(r)


def test_its_office_in_apposition_after_the_holder(read):
    r = read("Peru sent Ramon Altavilla, its foreign minister, to the talks.")
    assert ("Ramon Altavilla", "Peru", "Foreign Minister") in titled(r)
    r = read("Peru was represented by Ramon Altavilla, its foreign minister.")
    assert ("Ramon Altavilla", "Peru", "Foreign Minister") in titled(r)
    # "its" points to no country or organization: no office, though the name is a person's
    r = read("Ramon Altavilla, its foreign minister, spoke.")
    assert titled(r) == set()


def test_top_or_chief_before_a_domain_and_a_title_after_a_possessive(read):
    r = read("Peru's top nuclear envoy, Ramon Altavilla, said the talks went well.")
    assert ("Ramon Altavilla", "Peru", "Nuclear Envoy") in titled(r)
    r = read("Peru's chief nuclear envoy, Ramon Altavilla, said the talks went well.")
    assert ("Ramon Altavilla", "Peru", "Nuclear Envoy") in titled(r)
    r = read("Peru's top envoy, Ramon Altavilla, said the talks went well.")
    assert ("Ramon Altavilla", "Peru", "Envoy") in titled(r)


def test_the_assembly_points_back_to_the_assembly_named_before(read):
    r = read("The Norland Assembly met in Lima. The assembly's co-rapporteur, Ramon Altavilla, said the talks failed.")
    assert ("Ramon Altavilla", "Norland Assembly", "Co-Rapporteur") in titled(r)


def test_a_remit_between_an_office_and_a_second_office_in_apposition(read):
    # "The assembly's co-rapporteur for Azerbaijan, Swedish MP X": the remit is no employer, the
    # name after the second office holds the first too
    r = read("The Norland Assembly met in Lima. The assembly's co-rapporteur for Peru, Chilean MP Ramon "
             "Altavilla, said the talks failed.")
    assert ("Ramon Altavilla", "Norland Assembly", "Co-Rapporteur") in titled(r)
    assert not any(holder == "Ramon Altavilla" and org == "Peru" for holder, org, _ in titled(r))


def test_its_after_an_organization_that_introduces_another_is_the_one_introduced(read):
    r = read("The African Union deployed a civilian monitoring mission, the Lakes Verification Mission, "
             "along the border in 2023. Its head, Ramon Altavilla, oversees 200 monitors.")
    assert titled(r) == {("Ramon Altavilla", "Lakes Verification Mission", "Head")}


def test_its_after_an_organization_that_names_another_as_no_apposition_is_the_subject(read):
    r = read("The Northern Union, which oversees the Southern Council, met on Monday. Its chief, Ramon "
             "Altavilla, said so.")
    assert titled(r) == {("Ramon Altavilla", "Northern Union", "Chief")}


def test_its_after_an_organization_alone_is_that_organization(read):
    r = read("The Northern Union met on Monday. Its chief, Ramon Altavilla, said so.")
    assert titled(r) == {("Ramon Altavilla", "Northern Union", "Chief")}


def test_his_office_in_apposition_is_held_in_the_country_of_the_leader_opening_the_sentence_before(read):
    r = read("Peruvian President Tomas Verdugo spoke. Ramon Altavilla, his foreign minister, said Lima "
             "would not accept it.")
    assert ("Ramon Altavilla", "Peru", "Foreign Minister") in titled(r)


def test_his_office_after_a_sentence_a_country_opens_is_no_ones(read):
    r = read("Peru has threatened an extra tariff. Ramon Altavilla, his foreign minister, said Lima "
             "would not accept it.")
    assert not any(holder == "Ramon Altavilla" for holder, _, _ in titled(r))


def test_his_office_after_a_sentence_naming_two_leaders_is_no_ones(read):
    r = read("Peruvian President Tomas Verdugo met Chilean President Ramon Altavilla. Diego Pirel, his "
             "foreign minister, said the talks went well.")
    assert not any(holder == "Diego Pirel" for holder, _, _ in titled(r))


def test_its_in_apposition_to_the_person_opening_the_sentence_is_the_sentence_befores_subject(read):
    r = read("Peru hosted the talks. Ramon Altavilla, its foreign minister, said Lima was ready.")
    assert titled(r) == {("Ramon Altavilla", "Peru", "Foreign Minister")}


def test_its_in_apposition_after_a_sentence_a_person_opens_is_no_ones(read):
    r = read("Tomas Verdugo hosted the talks. Ramon Altavilla, its foreign minister, said Lima was ready.")
    assert titled(r) == set()


def test_his_opening_a_sentence_after_a_leaders_sentence_is_the_leaders_country(read):
    r = read("Peruvian President Tomas Verdugo arrived on Monday. His foreign minister, Diego Pirel, said "
             "the talks went well.")
    assert ("Diego Pirel", "Peru", "Foreign Minister") in titled(r)


def test_his_opening_a_sentence_after_two_leaders_is_no_ones(read):
    r = read("Peruvian President Tomas Verdugo met Chilean President Ramon Altavilla. His foreign minister, "
             "Diego Pirel, said the talks went well.")
    assert not any(holder == "Diego Pirel" for holder, _, _ in titled(r))


def test_a_second_its_in_a_sentence_an_its_opens(read):
    # "The OSCE is in trouble. Its budget was late, and its secretary general, X, warned": both
    # "its" point back to the sentence before's subject (missed)
    r = read("The Andean Community itself is in trouble. Its budget was approved only in September, and its "
             "secretary general, Tarsk Odelly, warned that it could run out of money.")
    assert titled(r) == {("Tarsk Odelly", "Andean Community", "Secretary General")}


def test_its_after_a_sentence_that_it_opens(read):
    # "The mission was deployed in 2023. It has 200 staff. Its head, X, said": the mission's (missed)
    r = read("The Velmar Monitoring Mission was deployed in 2023. It has about 200 staff and was extended in "
             "January. Its head, Tarsk Odelly, said the monitors had recorded fewer incidents.")
    assert titled(r) == {("Tarsk Odelly", "Velmar Monitoring Mission", "Head")}


def test_its_after_a_body_named_by_an_acronym_in_apposition_is_that_body(read):
    r = read("The UN mission in the territory, MIRVAQ, has monitored a ceasefire since 1991. Its head, "
             "Tomas Wennberg, told the council that his observers could not reach the border.")
    assert "MIRVAQ" in labels(r).values()
    assert titled(r) == {("Tomas Wennberg", "MIRVAQ", "Head")}
    # no body's noun right after the subject: "its" is still the subject's
    r = read("The UN monitored the vote in the territory, with MIRVAQ, from 1991. Its head, Tomas Wennberg, "
             "told the council that the vote was fair.")
    assert ("Tomas Wennberg", "United Nations", "Head") in titled(r)


def test_its_after_an_owned_body_named_by_an_acronym_is_that_body(read):
    r = read("The African Union's stabilisation force in Chad, FORVAQ, has been reinforced. Its commander, "
             "Major General Tomas Wennberg, said the situation was calm.")
    assert "FORVAQ" in labels(r).values()
    assert titled(r) == {("Tomas Wennberg", "FORVAQ", "Commander")}


def test_sending_his_foreign_minister_names_the_sender_s_country_office(read):
    r = read("Angolan President Ramon Altavilla tried to mend ties, sending his foreign minister, Tomas Verdugo, "
             "to Lima in April.")
    assert ("Tomas Verdugo", "Angola", "Foreign Minister") in titled(r)


def test_its_after_a_plural_subject_is_the_one_organization_that_sentence_names(read):
    r = read("The rebels, who are part of a coalition called the Kanem Shield Alliance, signed a declaration in "
             "July. Its leader, Tomas Wennberg, said the talks would go on.")
    assert ("Tomas Wennberg", "Kanem Shield Alliance", "Leader") in titled(r)
    # a singular subject may be what "its" names: no office then
    r = read("The company, a supplier to the Kanem Shield Alliance, grew in July. Its chief executive, Tomas "
             "Wennberg, left.")
    assert not any(p == "Tomas Wennberg" for p, _, _ in titled(r))


def test_the_body_s_officer_is_of_the_body_whose_name_has_the_noun(read):
    # "the bank's regional director": the body named before whose name has "bank"
    r = read('The Velmar Development Bank estimates that trade could triple. "The hardware is coming," '
             "said Sebastian Orvik, the bank's regional director for the lakes.")
    assert ("Sebastian Orvik", "Velmar Development Bank") in facts(r, "officialOf")
    # no body named with the noun: no office
    r = read("The Velmar Development Bank met on Monday. Kudo Marel, the institute's director, said "
             "the vote was fair.")
    assert facts(r, "officialOf") == set()


def test_an_executive_or_managing_office_after_its_is_of_the_body_named_before(read):
    r = read("The Velmar National Committee said the arrests were troubling. Aram Hamparo, its executive "
             "director, said the group had raised the issue.")
    assert ("Aram Hamparo", "Velmar National Committee") in facts(r, "officialOf")


def test_her_after_a_countrys_officer_opening_the_sentence_is_that_countrys(read):
    # "Danish Prime Minister X said …, and her foreign minister, Y, summoned …"
    r = read("Peruvian Prime Minister Ana Borr said that her government would not negotiate, and her "
             "foreign minister, Tomas Varnell, summoned the envoy.")
    assert ("Tomas Varnell", "Peru", "Foreign Minister") in titled(r)


def test_her_after_another_name_gives_no_office(read):
    r = read("Peruvian Prime Minister Ana Borr met Ilse Varden and her foreign minister, Tomas Varnell.")
    assert not any(person == "Tomas Varnell" for person, _, _ in titled(r))
    r = read("Ana Borr said her foreign minister, Tomas Varnell, was away.")
    assert titled(r) == set()


def test_their_opening_a_sentence_is_the_organization_the_sentence_before_opens_with(read):
    # "The Houthis … began attacking ships in November 2023 … Their leader, Abdul-Malik al-Houthi, said"
    r = read("The Lorian Movement, which controls the capital, began attacking ships in 2023. Their leader, "
             "Tomas Varnell, said the group would decide.")
    assert ("Tomas Varnell", "Lorian Movement", "Leader") in titled(r)
    r = read("The Lorian Movement, which controls the capital, began attacking ships in 2023. They seized a "
             "ship that month. Their leader, Tomas Varnell, said the group would decide.")
    assert ("Tomas Varnell", "Lorian Movement", "Leader") in titled(r)
    r = read("Peru and Chile signed the deal. Their leaders, Tomas Varnell and Ana Borr, met.")
    assert titled(r) == set()


def test_the_agency_anaphor_is_the_institution_the_sentence_before_opens_with(read):
    r = read("The Lakeland Press Agency carried a statement by the army. Norvania's Border Security "
             "Service told lawmakers in November that troops had died. The agency's director, Tomas "
             "Verdugo, said more would go.")
    assert ("Tomas Verdugo", "Border Security Service", "Director") in titled(r)
    assert not any(org == "Lakeland Press Agency" for _, org, _ in titled(r))


def test_the_agency_anaphor_after_a_council_is_still_the_agency_named_with_the_noun(read):
    r = read("The Lakeland Press Agency carried a statement by the army. Norvania's Border Security "
             "Council told lawmakers in November that troops had died. The agency's director, Tomas "
             "Verdugo, said more would go.")
    assert ("Tomas Verdugo", "Lakeland Press Agency", "Director") in titled(r)


def test_his_minister_after_a_country_s_president_in_apposition_the_sentence_before(read):
    r = read("Botswana's president, Tomas Verdugo, who took office in January after a disputed "
             "election, has promised talks. His defence minister, Ramon Altavilla, told parliament "
             "that the army had retaken bases.")
    assert ("Ramon Altavilla", "Botswana", "Defense Minister") in titled(r)


def test_his_minister_after_a_president_whose_sentence_names_another_leader_is_no_one_s(read):
    r = read("Botswana's president, Tomas Verdugo, met Zambian President Jon Malkovan. His defence "
             "minister, Ramon Altavilla, told parliament that the army had retaken bases.")
    assert not any(holder == "Ramon Altavilla" for holder, _, _ in titled(r))


def test_his_minister_after_a_president_and_his_predecessor_is_the_president_s(read):
    r = read("Botswana's president, Tomas Verdugo, who took office after his predecessor, Jon "
             "Malkovan, was removed, has promised talks. His defence minister, Ramon Altavilla, told "
             "parliament that the army had retaken bases.")
    assert ("Ramon Altavilla", "Botswana", "Defense Minister") in titled(r)


def test_a_unification_minister_is_an_office(read):
    r = read("Botswana's unification minister, Ramon Altavilla, said the talks would resume.")
    assert ("Ramon Altavilla", "Botswana", "Unification Minister") in titled(r)

"""kg.nlp.roles on patterns of news from other regions (issue 9): honorifics after a
title, hyphenated modifiers of an employer, and their near misses."""
from conftest import facts, said
from test_nlp_roles import titled


def test_honorific_between_title_and_name(read):
    r = read("Russian Foreign Minister Pavel Orlin arrived. Qatar's Foreign Minister Sheikh Omar bin Tarek "
             "told reporters the talks would go on.")
    assert titled(r) == {("Pavel Orlin", "Russia", "Foreign Minister"),
                         ("Omar bin Tarek", "Qatar", "Foreign Minister")}


def test_a_known_name_with_its_honorific_after_a_title_holds_the_office(read_with_kb):
    # "Iran's Supreme Leader Ayatollah Ali Khamenei": the knowledge base names him with the
    # honorific too, so the name starts at the honorific and is not stepped over
    read = read_with_kb('[[actor]]\nid = "kb-ruritania"\nname = "Ruritania"\ntype = "Country"\n\n'
                        '[[actor]]\nid = "kb-tarsk-odelly"\nname = "Tarsk Odelly"\ntype = "Person"\n'
                        'aliases = ["Ayatollah Tarsk Odelly"]\n')
    for text in ("Ruritania's Supreme Leader Ayatollah Tarsk Odelly said the talks had failed.",
                 "Ruritania's Supreme Leader, Ayatollah Tarsk Odelly, said the talks had failed."):
        assert titled(read(text)) == {("Tarsk Odelly", "Ruritania", "Supreme Leader")}, text


def test_honorifics_in_a_row_between_title_and_name(read):
    # Malaysian style: "Foreign Minister Datuk Seri X", "its foreign minister, Datuk Seri X,"
    r = read("Malaysian Foreign Minister Datuk Seri Tarsk Odelly said the talks would resume.")
    assert titled(r) == {("Tarsk Odelly", "Malaysia", "Foreign Minister")}
    r = read("Malaysia's foreign minister, Datuk Seri Tarsk Odelly, said the talks would resume.")
    assert titled(r) == {("Tarsk Odelly", "Malaysia", "Foreign Minister")}


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


def test_two_capitalised_offices_of_one_country(read):
    r = read("Australia's Deputy Prime Minister and Defence Minister Ron Talbot told reporters.")
    assert titled(r) == {("Ron Talbot", "Australia", "Deputy Prime Minister"),
                         ("Ron Talbot", "Australia", "Defense Minister")}


def test_a_lower_case_first_office_may_be_another_person(read):
    r = read("Australia's foreign minister and Defence Minister Ron Talbot told reporters.")
    assert ("Ron Talbot", "Australia", "Foreign Minister") not in titled(r)


def test_a_person_is_also_the_head_of_an_organization_a_country_owns(read):
    r = read("General Ivo Marnet arrived on Monday. Marnet is also chairman of Sudan's Transitional "
             "Sovereignty Council.")
    assert titled(r) == {("Ivo Marnet", "Transitional Sovereignty Council", "Chairman")}


def test_an_office_of_a_countrys_own_government_is_of_the_country(read):
    r = read("Ivo Marnet, the chief adviser of Bangladesh's interim government, said the talks would go on.")
    assert titled(r) == {("Ivo Marnet", "Bangladesh", "Chief Adviser")}
    r = read("Ivo Marnet, the adviser of Bangladesh's government council, said the talks would go on.")
    assert titled(r) == set()


def test_a_past_copula_is_no_office_now(read):
    r = read("General Ivo Marnet arrived on Monday. Marnet was chairman of the New Development Bank.")
    assert titled(r) == set()


def test_a_country_possessive_without_an_actor_after_it_is_no_employer(read):
    r = read("Ivo Marnet, adviser of Russia's president, told reporters.")
    assert titled(r) == set()


def test_a_country_represented_by_a_title(read):
    r = read("Talks resumed on Monday. Argentina was represented by Foreign Minister Dora Velasco.")
    assert titled(r) == {("Dora Velasco", "Argentina", "Foreign Minister")}


def test_represented_without_a_passive_subject_is_no_office(read):
    r = read("Talks resumed on Monday. Argentina praised the plan, represented by Foreign Minister Dora Velasco.")
    assert titled(r) == set()


def test_a_domain_between_an_organization_and_a_title(read):
    r = read("The U.N. humanitarian chief, Ivo Marnet, has warned that famine is spreading.")
    assert titled(r) == {("Ivo Marnet", "United Nations", "Humanitarian Chief")}


def test_two_domain_words_between_a_qualifier_and_a_title(read):
    r = read("Kyrgyz security chief Ivo Marnet signed the protocol. Egypt's water resources minister, "
             "Dora Velasco, was not present.")
    assert ("Ivo Marnet", "Kyrgyzstan", "Security Chief") in titled(r)


def test_an_opposition_leader_holds_no_office_of_the_country(read):
    r = read("The Russian opposition leader, Ivo Marnet, has warned that famine is spreading.")
    assert titled(r) == set()


def test_crown_prince(read):
    r = read("Saudi Crown Prince Khalid bin Omar embraced the guests. Prince Fahd bin Omar arrived later.")
    assert titled(r) == {("Khalid bin Omar", "Saudi Arabia", "Crown Prince")}


def test_a_lower_case_qualified_title_in_apposition(read):
    r = read("He hosted the talks with Japanese Foreign Minister Ken Arata and Australia's foreign minister, "
             "Dora Quillan.")
    assert titled(r) == {("Ken Arata", "Japan", "Foreign Minister"), ("Dora Quillan", "Australia", "Foreign Minister")}


def test_a_rank_between_a_title_and_a_name(read):
    r = read("Defence Minister Pavel Orlin arrived. Egypt's Defence Minister General Omar Tarek told reporters.")
    assert titled(r) == {("Omar Tarek", "Egypt", "Defense Minister")}


def test_a_rank_without_a_name_gives_the_office_to_no_one(read):
    r = read("Defence Minister Pavel Orlin arrived. Egypt's Defence Minister General in the morning told reporters.")
    assert titled(r) == set()


def test_an_abbreviated_honorific_between_a_title_and_a_name(read):
    r = read("Egypt's Health Minister Dr. Omar Tarek told reporters.")
    assert titled(r) == {("Omar Tarek", "Egypt", "Health Minister")}


def test_a_president_and_a_prime_minister_are_two_persons(read):
    r = read("Australia's President and Prime Minister Ron Talbot met the delegation.")
    assert ("Ron Talbot", "Australia", "President") not in titled(r)


def test_a_prime_minister_may_be_foreign_minister_too(read):
    r = read("Qatar's Prime Minister and Foreign Minister Sheikh Omar bin Tarek met the delegation.")
    assert titled(r) == {("Omar bin Tarek", "Qatar", "Prime Minister"), ("Omar bin Tarek", "Qatar", "Foreign Minister")}


def test_whose_office_is_held_by_the_persons_listed_after_the_copula(read):
    r = read("The protocols end the work of the Northern Lakes Council, whose co-chairs are Kazakh Deputy "
             "Foreign Minister Ivo Marnet and Kyrgyz security chief Dora Velasco.")
    assert {("Ivo Marnet", "Northern Lakes Council", "Co-Chair"),
            ("Dora Velasco", "Northern Lakes Council", "Co-Chair"),
            ("Ivo Marnet", "Kazakhstan", "Deputy Foreign Minister"),
            ("Dora Velasco", "Kyrgyzstan", "Security Chief")} == titled(r)
    assert facts(r, "coChairOf") == {("Kazakhstan", "Northern Lakes Council"),
                                     ("Kyrgyzstan", "Northern Lakes Council")}


def test_whose_office_without_a_copula_or_a_person_is_no_one_s(read):
    r = read("The Northern Lakes Council, whose chairman resigned, met Ivo Marnet on Monday.")
    assert titled(r) == set()
    r = read("The Northern Lakes Council, whose co-chairs are Kazakhstan and Kyrgyzstan, met on Monday.")
    assert titled(r) == set()


def test_headed_by_and_chaired_by_give_the_organization_s_office(read):
    r = read("The Northern Lakes Council, headed by Ivo Marnet, acts as a mediator. The Southern Rivers "
             "Group is chaired by Dora Velasco.")
    assert titled(r) == {("Ivo Marnet", "Northern Lakes Council", "Head"),
                         ("Dora Velasco", "Southern Rivers Group", "Chairman")}


def test_headed_by_after_no_organization_or_led_by_is_no_office(read):
    r = read("The talks, chaired by Ivo Marnet, ended. The Northern Lakes Council, led by Dora Velasco, met.")
    assert titled(r) == set()


def test_an_ambassador_at_a_post_in_apposition(read):
    r = read("Ukraine was represented by its ambassador in Paris, Ivo Marnet, at the talks.")
    assert titled(r) == {("Ivo Marnet", "Ukraine", "Ambassador")}


def test_a_lower_case_portfolio_closed_by_the_apposition_comma(read):
    r = read("Vietnam's deputy minister of natural resources, Ivo Marnet, said the drought was severe.")
    assert titled(r) == {("Ivo Marnet", "Vietnam", "Deputy Minister of natural resources")}
    r = read("Vietnam's deputy minister of the interior, Ivo Marnet, said the drought was severe.")
    assert titled(r) == set()


def test_a_country_s_name_as_a_given_name_after_a_title(read):
    r = read("Israel's defence minister, Israel Marnet, said troops would stay. Diplomats visited Israel.")
    assert titled(r) == {("Israel Marnet", "Israel", "Defense Minister")}
    assert {e.label for e in r.entities} == {"Israel", "Israel Marnet"}


def test_an_office_of_a_titled_person_s_country(read):
    r = read("French President Ivo Marnet's envoy to Lebanon, Dora Velasco, met the prime minister.")
    assert titled(r) == {("Ivo Marnet", "France", "President"), ("Dora Velasco", "France", "Envoy")}


def test_an_office_of_an_untitled_person_is_no_one_s(read):
    r = read("Ivo Marnet's envoy, Dora Velasco, met the prime minister.")
    assert titled(r) == set()


def test_a_current_adjective_and_a_domain_then_a_rank_in_apposition(read):
    r = read("Ghana's outgoing navy chief, Rear Admiral Ivo Marnet, said his country would send two ships.")
    assert titled(r) == {("Ivo Marnet", "Ghana", "Navy Chief")}


def test_an_office_for_a_region_is_the_employer_s(read):
    r = read("French President Ivo Marnet's adviser for Africa, Dora Velasco, attended the launch.")
    assert titled(r) == {("Ivo Marnet", "France", "President"), ("Dora Velasco", "France", "Adviser")}


def test_whose_title_is_a_name_after_an_acronym_in_brackets(read):
    r = read("The Northern Lakes Council (NLC), whose commission president is Ivo Marnet, and the Southern "
             "Rivers Group back the plan. Marnet told reporters in Abuja that both blocs would share data.")
    assert titled(r) == {("Ivo Marnet", "Northern Lakes Council", "President")}
    assert [s.speaker for s in r.statements] == ["new:Person:ivo marnet"]


def test_a_lower_case_portfolio_before_the_name_in_apposition(read):
    r = read("Ukraine was represented by its deputy minister of environmental protection, Ivo Marnet.")
    assert titled(r) == {("Ivo Marnet", "Ukraine", "Deputy Minister of environmental protection")}


def test_a_deputy_ambassador_is_an_office_of_the_country_not_of_the_posting(read):
    r = read("Chile's deputy ambassador to the United Nations, Pavel Orlin, said the vote was late. "
             "Ivo Marnet, Chile's deputy permanent representative, agreed.")
    assert titled(r) == {("Pavel Orlin", "Chile", "Deputy Ambassador"),
                         ("Ivo Marnet", "Chile", "Deputy Permanent Representative")}


def test_a_lower_case_portfolio_listed_in_a_series_before_the_name(read):
    r = read("Peru's minister of trade, industry and tourism, Ramon Altavilla, said the talks went well.")
    assert titled(r) == {("Ramon Altavilla", "Peru", "Minister of trade, industry and tourism")}


def test_a_relative_clause_after_a_portfolio_is_no_series(read):
    r = read("Peru's minister of trade, who met Chile and Bolivia, said the talks went well.")
    assert titled(r) == set()


def test_an_office_on_an_officers_staff_is_of_the_officers_organization(read):
    r = read("The Personal Envoy of the UN Secretary-General for Sudan, Ramon Estrada, attended as an observer.")
    assert titled(r) == {("Ramon Estrada", "United Nations", "Personal Envoy")}
    r = read("Special Representative of the Russian President for the Middle East Oleg Varnov met them.")
    assert titled(r) == {("Oleg Varnov", "Russia", "Special Representative")}
    r = read("Adviser to the President of Azerbaijan Tural Hasanli said it was over.")
    assert titled(r) == {("Tural Hasanli", "Azerbaijan", "Adviser")}


def test_an_officer_with_only_a_post_gives_no_office_of_the_post(read):
    r = read("The Special Representative of the Secretary-General for Sudan, Ramon Estrada, attended.")
    assert titled(r) == set()


def test_a_capitalised_portfolio_listed_in_a_series(read):
    r = read("Angola's Minister of Mineral Resources, Petroleum and Gas, Dario Menezes, told state television "
             "that it was over.")
    assert titled(r) == {("Dario Menezes", "Angola", "Minister of Mineral Resources, Petroleum and Gas")}


def test_a_portfolio_series_not_closed_before_a_name_stays_short(read):
    r = read("Angola's Minister of Defence, Dario Menezes, said it was over.")
    assert titled(r) == {("Dario Menezes", "Angola", "Defense Minister")}


def test_an_unqualified_title_opening_a_contrasted_clause_is_of_the_opening_country(read):
    r = read("Brazil said it would join the charter, but Mines and Energy Minister Caio Ferraz denied "
             "that it would cut output.")
    assert titled(r) == {("Caio Ferraz", "Brazil", "Mines and Energy Minister")}


def test_a_contrasted_title_after_another_country_or_without_contrast_stays_bare(read):
    assert titled(read("Brazil hosted Peru, but Foreign Minister Caio Ferraz denied it.")) == set()
    assert titled(read("Brazil said it would join, and Foreign Minister Caio Ferraz agreed.")) == set()


def test_its_after_a_clause_link_points_to_that_clauses_subject(read):
    r = read("The delegation was led by Omar Talib, while the Norland Liberation Front sent its adviser Sami Harb.")
    assert ("Sami Harb", "Norland Liberation Front", "Adviser") in titled(r)
    r = read("Peru hosted the talks, and Chile sent its foreign minister, Ana Velarde.")
    assert titled(r) == {("Ana Velarde", "Chile", "Foreign Minister")}


def test_a_senior_arctic_official_in_apposition(read):
    r = read("Lars Vikdal, Norway's senior Arctic official, said the working groups met online.")
    assert titled(r) == {("Lars Vikdal", "Norway", "Senior Arctic Official")}


def test_a_bare_head_title_is_of_the_one_country_its_sentence_names_before_it(read):
    r = read("The bloc suspended Peru, two days after soldiers detained President Tomas Ardvik.")
    assert titled(r) == {("Tomas Ardvik", "Peru", "President")}


def test_a_bare_head_title_after_the_subject_country_or_two_countries_stays_bare(read):
    assert titled(read("Russia backed President Tomas Ardvik in the war.")) == set()
    assert titled(read("The bloc suspended Chile and Peru after soldiers detained President Tomas Ardvik.")) == set()
    r = read("Peruvian President Tomas Ardvik spoke. The bloc suspended Chile after soldiers detained "
             "President Tomas Ardvik.")
    assert titled(r) == {("Tomas Ardvik", "Peru", "President")}


def test_a_bare_head_title_after_a_country_of_another_actor_stays_bare(read):
    assert titled(read("The delegation of Peru was led by Ana Lind and met Prime Minister Tomas Ardvik.")) == set()


def test_a_place_based_modifier_is_not_the_employer_its_head_is(read):
    r = read("Omar Talib, the prime minister of the Tripoli-based Norland Unity Council, said it was ready.")
    assert titled(r) == {("Omar Talib", "Norland Unity Council", "Prime Minister")}


def test_a_posted_title_for_a_named_post_that_is_no_actor(read):
    r = read("The EU's Special Representative for the Norland-Vessa Dialogue, Tomas Ardvik, said the sides agreed.")
    assert titled(r) == {("Tomas Ardvik", "European Union", "Special Representative")}


def test_a_posts_name_does_not_swallow_the_holders(read):
    r = read("The U.S. Ambassador to Russia Tomas Ardvik said it was over.")
    assert titled(r) == {("Tomas Ardvik", "United States", "Ambassador")}


def test_an_officers_staff_with_a_post_named_by_capitalised_words(read):
    r = read("Special Representative of the President of Azerbaijan for Special Assignments, Tural Hasanli, said "
             "it was over.")
    assert titled(r) == {("Tural Hasanli", "Azerbaijan", "Special Representative")}


def test_an_officers_staff_in_apposition_after_the_name(read):
    r = read("Tural Hasanli, Representative of the President of Azerbaijan on Special Assignments, told "
             "reporters it was over.")
    assert titled(r) == {("Tural Hasanli", "Azerbaijan", "Representative")}
    r = read("Tural Hasanli, Adviser to the President of Azerbaijan, said it was over.")
    assert titled(r) == {("Tural Hasanli", "Azerbaijan", "Adviser")}


def test_an_officers_staff_after_a_name_not_in_apposition_names_no_holder(read):
    r = read("Tural Hasanli met the Representative of the President of Azerbaijan on Special Assignments "
             "on Monday.")
    assert titled(r) == set()


def test_chained_capitalised_offices_one_name_after_the_last(read):
    r = read("Adviser to the President of Azerbaijan, Head of the Norland Policy Department Tural Hasanli, said it.")
    assert titled(r) == {("Tural Hasanli", "Azerbaijan", "Adviser"),
                         ("Tural Hasanli", "Norland Policy Department", "Head")}
    r = read("Foreign Minister of Armenia, Chairman of the Council of Europe Ana Velarde said it was over.")
    assert titled(r) == {("Ana Velarde", "Armenia", "Foreign Minister"), ("Ana Velarde", "Council of Europe", "Chairman")}


def test_a_bare_title_of_the_country_its_holder_represents(read):
    r = read("Deputy Prime Minister Tural Hasanli will represent Peru at the meeting of the Northern Lakes Council.")
    assert titled(r) == {("Tural Hasanli", "Peru", "Deputy Prime Minister")}
    r = read("Foreign Minister Tural Hasanli represented Chile at the talks.")
    assert titled(r) == {("Tural Hasanli", "Chile", "Foreign Minister")}


def test_representing_of_someone_else_gives_no_office(read):
    r = read("Foreign Minister Tural Hasanli met envoys representing Peru at the talks.")
    assert titled(r) == set()


def test_a_bare_head_title_after_a_speaker_qualified_by_a_demonym(read):
    r = read("Chilean presidential aide Tural Hasanli said President Ana Velarde would visit Lima.")
    assert ("Ana Velarde", "Chile", "President") in titled(r)


def test_a_bare_head_title_after_a_speaker_whose_office_phrase_has_the_demonym(read):
    # "The deputy head of the Armenian government's press office, Y, said Prime Minister X had …"
    r = read("The deputy head of the Chilean government's press office, Tural Hasanli, said President Ana "
             "Velarde had been briefed.")
    assert ("Ana Velarde", "Chile", "President") in titled(r)
    r = read("The head of the Chilean delegation met Tural Hasanli, who said President Ana Velarde had been briefed.")
    assert not any(holder == "Ana Velarde" for holder, _, _ in titled(r))


def test_a_demonym_of_no_speaker_gives_a_bare_head_no_country(read):
    r = read("Chilean presidential aide Tural Hasanli met President Ana Velarde on Monday.")
    assert not any(holder == "Ana Velarde" for holder, _, _ in titled(r))
    r = read("Chilean troops detained President Ana Velarde on Monday.")
    assert titled(r) == set()


def test_first_is_part_of_a_deputy_title(read):
    r = read("Tural Hasanli, Peru's first vice foreign minister, told reporters it was over.")
    assert titled(r) == {("Tural Hasanli", "Peru", "First Vice Foreign Minister")}


def test_sent_a_titled_official_of_the_opening_demonym_s_country(read):
    r = read("Peruvian President Ana Velarde did not attend and sent Deputy Prime Minister Tural Hasanli.")
    assert ("Tural Hasanli", "Peru", "Deputy Prime Minister") in titled(r)
    r = read("Peruvian President Ana Velarde sent Foreign Minister Tural Hasanli to the talks.")
    assert ("Tural Hasanli", "Peru", "Foreign Minister") in titled(r)


def test_a_head_in_an_inverted_speech_frame_is_of_the_reported_clauses_country(read):
    r = read("Peru will not attend the summit, a spokeswoman for Prime Minister Ana Velarde said on Thursday.")
    assert ("Ana Velarde", "Peru", "Prime Minister") in titled(r)


def test_a_head_as_the_object_of_the_country_stays_bare(read):
    r = read("Peru backed Prime Minister Ana Velarde, a spokeswoman said.")
    assert titled(r) == set()


def test_the_spokesperson_for_an_officer_is_of_the_officers_country(read):
    r = read('A spokesman for Peruvian President Ana Velarde said the talks were over. "We are done with it '
             'now," spokesman Tural Hasanli said.')
    assert ("Tural Hasanli", "Peru", "Spokesperson") in titled(r)


def test_who_also_chairs_a_party_named_after_adjectives(read):
    r = read("Tural Hasanli, who also chairs the ruling Northern Unity Party, said it was over.")
    assert ("Tural Hasanli", "Northern Unity Party", "Chairman") in titled(r)


def test_who_leads_past_a_preposition_gives_no_office(read):
    r = read("Tural Hasanli, who leads the talks with NATO, said it was over.")
    assert titled(r) == set()


def test_a_contrasted_bare_title_in_a_sentence_set_in_a_capital(read):
    r = read("In Lima, officials said Peru regretted the decision, but Foreign Minister Tural Hasanli said "
             "talks would go on.")
    assert ("Tural Hasanli", "Peru", "Foreign Minister") in titled(r)


def test_a_portfolio_ends_at_its_noun_before_the_holders_name(read):
    r = read("Peru's envoy met EU Commissioner for Energy Tural Hasanli.")
    assert titled(r) == {("Tural Hasanli", "European Union", "Commissioner for Energy")}
    r = read("Peru's Minister of Energy and Natural Resources Tural Hasanli said it was over.")
    assert titled(r) == {("Tural Hasanli", "Peru", "Minister of Energy and Natural Resources")}


def test_a_portfolio_series_without_a_closing_comma_before_the_holder(read):
    r = read("Peru's Minister of Education, Science, Culture and Sports Tural Hasanli met the envoy.")
    assert titled(r) == {("Tural Hasanli", "Peru", "Minister of Education, Science, Culture and Sports")}


def test_minister_of_state_for_foreign_affairs(read):
    r = read("The envoy also met Qatar's Minister of State for Foreign Affairs Tural Hasanli.")
    assert titled(r) == {("Tural Hasanli", "Qatar", "Minister of State for Foreign Affairs")}


def test_speaker_of_parliament_is_of_the_one_legislature_the_article_named(read):
    r = read("The Northern Lakes Assembly adopted a law on Wednesday. Speaker of Parliament Tural Hasanli said "
             "the law was good.")
    assert titled(r) == {("Tural Hasanli", "Northern Lakes Assembly", "Speaker")}


def test_speaker_of_parliament_with_no_legislature_named_is_a_person_without_office(read):
    r = read("Speaker of Parliament Tural Hasanli said the law was good.")
    assert titled(r) == set()
    assert {e.label for e in r.entities if e.type == "Person"} == {"Tural Hasanli"}


def test_a_military_ruler_leads_his_country(read):
    r = read("Peru's military ruler General Tural Hasanli on Saturday said his country would not return.")
    assert titled(r) == {("Tural Hasanli", "Peru", "Leader")}


def test_the_counterpart_of_a_person_with_a_bare_title(read):
    r = read("Defense Minister Tural Hasanli and his Peruvian counterpart Ana Velarde signed the pact.")
    assert titled(r) == {("Ana Velarde", "Peru", "Defense Minister")}


def test_a_second_delegation_led_by_with_the_verb_left_out(read):
    r = read("The Peruvian delegation was led by Deputy Prime Minister Tural Hasanli, and the Chilean delegation "
             "by Deputy Prime Minister Ana Velarde.")
    assert titled(r) == {("Tural Hasanli", "Peru", "Deputy Prime Minister"),
                         ("Ana Velarde", "Chile", "Deputy Prime Minister")}


def test_vice_speaker_and_ra_for_armenia(read):
    r = read("RA Prime Minister Tural Hasanli met Vice Speaker of the Northern Lakes Assembly Ana Velarde.")
    assert titled(r) == {("Tural Hasanli", "Armenia", "Prime Minister"),
                         ("Ana Velarde", "Northern Lakes Assembly", "Vice Speaker")}


def test_a_name_before_was_elected_or_sworn_in_as_a_title(read):
    r = read("Tural Hasanli was elected president of Peru on Sunday.")
    assert titled(r) == {("Tural Hasanli", "Peru", "President")}
    r = read("Ana Velarde was sworn in as Chile's new foreign minister on Monday.")
    assert titled(r) == {("Ana Velarde", "Chile", "Foreign Minister")}


def test_a_country_elected_to_a_chair_is_no_person(read):
    r = read("Peru was elected president of the Northern Lakes Council.")
    assert titled(r) == set()


def test_a_hyphenated_first_vice_president_after_a_possessive(read):
    r = read("Peru's First Vice-President Ana Velarde attended the ceremony.")
    assert titled(r) == {("Ana Velarde", "Peru", "First Vice President")}


def test_a_deputy_foreign_minister_with_a_portfolio_before_the_name(read):
    r = read("Peru's Deputy Foreign Minister for Political Affairs Tural Hasanli met Chilean Foreign Minister "
             "for Economic Affairs Ana Velarde.")
    assert titled(r) == {("Tural Hasanli", "Peru", "Deputy Foreign Minister for Political Affairs"),
                         ("Ana Velarde", "Chile", "Foreign Minister for Economic Affairs")}
    r = read("Tural Hasanli, Deputy Foreign Minister of Peru, arrived.")
    assert titled(r) == {("Tural Hasanli", "Peru", "Deputy Foreign Minister")}


def test_plural_counterparts_of_listed_countries_name_their_holders_after_a_comma(read):
    r = read("Peru's Foreign Minister Tural Hasanli hosted his Chilean and Bolivian counterparts, Ana Velarde "
             "and Ivo Marnet, in Lima.")
    assert titled(r) == {("Tural Hasanli", "Peru", "Foreign Minister"), ("Ana Velarde", "Chile", "Foreign Minister"),
                         ("Ivo Marnet", "Bolivia", "Foreign Minister")}
    r = read("Peru's Foreign Minister Tural Hasanli hosted his counterparts, Ana Velarde and Ivo Marnet.")
    assert titled(r) == {("Tural Hasanli", "Peru", "Foreign Minister")}


def test_a_minister_in_charge_of_a_portfolio(read):
    r = read("Tural Hasanli, Minister in charge of Trade of the Northern Lakes Commission, met the delegation. "
             "Peru's Minister in charge of Integration Ana Velarde attended.")
    assert titled(r) == {("Tural Hasanli", "Northern Lakes Commission", "Minister in charge of Trade"),
                         ("Ana Velarde", "Peru", "Minister in charge of Integration")}
    r = read("Tural Hasanli, Minister in Lima, met the delegation.")
    assert titled(r) == set()


def test_a_shared_office_with_a_co_prefix(read):
    r = read("Peru did not attend. Its co-vice president, Ana Velarde, said it would not. "
             "Chilean Co-President Ivo Marnet said the same.")
    assert titled(r) == {("Ana Velarde", "Peru", "Co-Vice President"), ("Ivo Marnet", "Chile", "Co-President")}


def test_a_co_prefix_makes_no_office_of_a_word_that_is_none(read):
    r = read("Peru did not attend. Its co-sponsor, Ana Velarde, said it would not.")
    assert titled(r) == set()


def test_a_portfolio_opened_by_its_article(read):
    r = read("Peru's Minister for the Pacific, Ana Velarde, said it respected the deal. Chilean Minister "
             "for the Environment Ivo Marnet said it too.")
    assert titled(r) == {("Ana Velarde", "Peru", "Minister for the Pacific"),
                         ("Ivo Marnet", "Chile", "Minister for the Environment")}


def test_an_actor_after_the_article_is_the_qualifier_not_a_portfolio(read):
    r = read("The Velmar Union met. Ana Velarde, Minister for the Velmar Union, said it.")
    assert titled(r) == {("Ana Velarde", "Velmar Union", "Minister")}


def test_plural_posted_titles_pair_their_countries_with_the_names_after_a_comma(read):
    r = read("The special representatives of Peru and Chile, Lorin Vasko and Anna Brek, met in Lima.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Special Representative"),
                         ("Anna Brek", "Chile", "Special Representative")}
    r = read("The special envoys of Peru and Chile Lorin Vasko and Anna Brek met in Lima.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Special Envoy"), ("Anna Brek", "Chile", "Special Envoy")}


def test_a_lower_case_remit_and_the_holders_own_titles_before_the_paired_names(read):
    r = read("The special representatives of Peru and Chile for the normalization process, Deputy Speaker "
             "Lorin Vasko and Ambassador Anna Brek, met in Lima.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Special Representative"),
                         ("Anna Brek", "Chile", "Special Representative")}
    r = read("The special representatives of Peru and Chile for the process, said Lorin Vasko.")
    assert titled(r) == set()


def test_represented_by_after_a_relative_clause_of_the_subject(read):
    r = read("Peru, which has blocked several sanctions packages, was represented by Foreign Minister "
             "Lorin Vasko.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Foreign Minister")}
    r = read("Peruvian President Anna Brek was represented by Foreign Minister Lorin Vasko.")
    assert ("Lorin Vasko", "Peru", "Foreign Minister") in titled(r)
    r = read("The talks, which began on Monday, were represented by Foreign Minister Lorin Vasko.")
    assert titled(r) == set()


def test_the_forces_commander_is_the_task_forces(read):
    r = read("The Multinational Joint Task Force met in Lima. The force's commander, General Lorin Vasko, told "
             "reporters that operations would continue.")
    assert ("Lorin Vasko", "Multinational Joint Task Force", "Commander") in titled(r)


def test_a_capitalised_title_for_an_officer_is_on_the_officers_staff(read):
    r = read("Spokesperson for the EU High Representative Lorin Vasko said the bloc welcomed the talks.")
    assert titled(r) == {("Lorin Vasko", "European Union", "Spokesperson")}
    r = read("Peru will not attend, a spokeswoman for Prime Minister Lorin Vasko said.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Prime Minister")}


def test_a_post_that_lists_places_before_the_holders_name(read):
    r = read("NATO Secretary General's Special Representative for the Caucasus and Central Asia Lorin Vasko "
             "visited Baku.")
    assert titled(r) == {("Lorin Vasko", "North Atlantic Treaty Organization", "Special Representative")}


def test_chiefs_of_army_and_defence_staff_are_titles(read):
    r = read("Peru's Chief of Army Staff General Lorin Vasko met the ministers.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Chief of Army Staff")}
    r = read("Chile's Chief of the Defence Staff, Admiral Anna Brek, said the force was ready.")
    assert titled(r) == {("Anna Brek", "Chile", "Chief of Defence Staff")}


def test_a_source_after_according_to_is_no_apposition_of_the_title_after_its_comma(read):
    r = read("Kremlin spokesman Lorin Vasko met reporters. According to Vasko, the Russian leader "
             "expressed condolences.")
    assert titled(r) == {("Lorin Vasko", "Kremlin", "Spokesperson")}
    r = read("Lorin Vasko, the Peruvian foreign minister, said the talks went well.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Foreign Minister")}


def test_a_deputy_fm_and_the_head_of_a_countrys_diplomacy_or_government(read):
    r = read("Peruvian Deputy FM Lorin Vasko said the talks were useful.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Deputy Foreign Minister")}
    r = read("The head of Peruvian diplomacy, Lorin Vasko, thanked the hosts.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Head of Diplomacy")}
    r = read("The head of the Peruvian government Lorin Vasko said the talks went well.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Head of Government")}
    r = read("The head of Peruvian football, Lorin Vasko, thanked the hosts.")
    assert titled(r) == set()


def test_whose_title_then_the_holders_name(read):
    r = read("Chile took over the presidency from Peru, whose President Lorin Vasko skipped the summit.")
    assert titled(r) == {("Lorin Vasko", "Peru", "President")}
    r = read("Chile took over the presidency from Peru, and President Lorin Vasko skipped the summit.")
    assert titled(r) == set()


def test_prosecutors_envoys_consuls_and_charges_d_affaires_are_titles(read):
    assert titled(read("Peru's Prosecutor General Lorin Vasko said the case was closed.")) == {
        ("Lorin Vasko", "Peru", "Prosecutor General")}
    assert titled(read("Peruvian Presidential Envoy Lorin Vasko arrived.")) == {
        ("Lorin Vasko", "Peru", "Presidential Envoy")}
    assert titled(read("Peru's Charge d'Affaires Lorin Vasko was summoned.")) == {
        ("Lorin Vasko", "Peru", "Chargé d'Affaires")}
    assert titled(read("The Consul General of Peru in Lyon, Lorin Vasko, said the talks failed.")) == {
        ("Lorin Vasko", "Peru", "Consul General")}


def test_a_portfolio_ending_in_an_organization_word_is_no_organization(read):
    r = read("Minister of Territorial Administration and Infrastructure of Peru Lorin Vasko visited Cusco.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Minister of Territorial Administration and Infrastructure")}
    assert not any(e.type == "Organization" for e in r.entities)
    r = read("Deputy Head of the Presidential Administration of Azerbaijan Lorin Vasko received them.")
    assert titled(r) == {("Lorin Vasko", "Presidential Administration of Azerbaijan", "Deputy Head")}
    r = read("The Civil Service Administration said the talks failed.")
    assert {e.label for e in r.entities} == {"Civil Service Administration"}


def test_the_head_of_a_countrys_delegation_posted_to_a_body(read):
    r = read("Head of the Peruvian delegation to PACE Lorin Vasko said the delegation would boycott the session.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Head of Delegation")}
    r = read("The head of the Peruvian delegation, Lorin Vasko, said the talks went well.")
    assert titled(r) == {("Lorin Vasko", "Peru", "Head of Delegation")}


def test_the_office_of_an_unnamed_government_is_of_the_country_represented(read):
    r = read("Peru was represented by Ramon Altavilla, the foreign minister of the military government, "
             "despite objections.")
    assert ("Ramon Altavilla", "Peru", "Foreign Minister") in titled(r)
    # no passive "was represented by": whose government it is stays unsaid
    r = read("Peru criticised Ramon Altavilla, the foreign minister of the military government.")
    assert titled(r) == set()


def test_a_cabinet_secretary_takes_a_portfolio_as_a_minister_does(read):
    r = read("Kenyan Cabinet Secretary for Foreign Affairs Ramon Altavilla said the talks went well.")
    assert ("Ramon Altavilla", "Kenya", "Cabinet Secretary for Foreign Affairs") in titled(r)
    r = read("Ramon Altavilla, Kenya's Cabinet Secretary for Defence, said the talks went well.")
    assert ("Ramon Altavilla", "Kenya", "Cabinet Secretary for Defence") in titled(r)


def test_a_sherpa_is_an_office_at_a_post_of_the_country_before_the_body(read):
    r = read("Peru's G20 sherpa, Ramon Altavilla, said the talks went well.")
    assert titled(r) == {("Ramon Altavilla", "Peru", "Sherpa")}
    r = read("Ramon Altavilla, Peru's G20 sherpa, said the talks went well.")
    assert titled(r) == {("Ramon Altavilla", "Peru", "Sherpa")}


def test_a_portfolio_stops_at_the_holder_before_a_second_office(read):
    # "Minister of Energy X and Iranian Minister of Y Z": the name after the portfolio noun is
    # the first holder's, the "and" opens the second office, not more portfolio
    r = read("Armenian Minister of Territorial Administration and Infrastructure Ana Lind and Iranian "
             "Foreign Minister Bo Dahl met in Tehran.")
    assert titled(r) == {("Ana Lind", "Armenia", "Minister of Territorial Administration and Infrastructure"),
                         ("Bo Dahl", "Iran", "Foreign Minister")}
    r = read("Armenian Minister of Energy Ana Lind and Iranian Foreign Minister Bo Dahl met.")
    assert titled(r) == {("Ana Lind", "Armenia", "Minister of Energy"), ("Bo Dahl", "Iran", "Foreign Minister")}


def test_a_join_right_after_a_portfolio_noun_goes_on_with_the_portfolio(read):
    r = read("Kazakh Minister of Labour and Social Protection Ana Lind spoke.")
    assert titled(r) == {("Ana Lind", "Kazakhstan", "Minister of Labour and Social Protection")}


def test_diplomacy_ends_a_portfolio_before_the_holder(read):
    r = read("Iran's Deputy Foreign Minister for Economic Diplomacy Bo Dahl spoke.")
    assert titled(r) == {("Bo Dahl", "Iran", "Deputy Foreign Minister for Economic Diplomacy")}


def test_a_titles_other_name_in_brackets_before_its_qualifier(read):
    # "Commissioner for Human Rights (Ombudsman) of the Republic of X Y": the bracket is the
    # office's other name, the qualifier after it is the office's
    r = read("Commissioner for Human Rights (Ombudsman) of the Republic of Kazakhstan Ana Lind met the guests.")
    assert titled(r) == {("Ana Lind", "Kazakhstan", "Commissioner for Human Rights")}


def test_a_bracket_not_followed_by_a_qualifier_is_no_title_alias(read):
    r = read("The Commissioner for Human Rights (Ombudsman) met the guests in Kazakhstan.")
    assert titled(r) == set()


def test_a_side_named_by_its_demonym_is_represented_by_a_title(read):
    # "the Iranian side was represented by Deputy Foreign Minister X": the side's country
    r = read("The Armenian delegation was headed by Deputy Foreign Minister Ana Lind, while the Kazakh side "
             "was represented by Deputy Foreign Minister Bo Dahl.")
    assert titled(r) == {("Ana Lind", "Armenia", "Deputy Foreign Minister"),
                         ("Bo Dahl", "Kazakhstan", "Deputy Foreign Minister")}


def test_a_side_of_no_country_represented_by_a_title_gives_no_office(read):
    r = read("Kazakhstan and Uzbekistan met in Tashkent. The other side was represented by Deputy Foreign "
             "Minister Bo Dahl.")
    assert titled(r) == set()


def test_the_head_of_an_organizations_delegation_in_a_country(read):
    # "the head of the ICRC delegation in Azerbaijan, X": the organization's office, posted
    r = read("She met the head of the Norland Relief Agency delegation in Kazakhstan, Ana Lind.")
    assert titled(r) == {("Ana Lind", "Norland Relief Agency", "Head")}


def test_the_head_of_an_organizations_delegation_with_no_name_after_it(read):
    r = read("She said the head of the Norland Relief Agency delegation in Kazakhstan met Ana Lind.")
    assert titled(r) == set()


def test_a_titles_other_name_in_brackets_describes_its_holder_later(read):
    # "… (Ombudsman) of the Republic of X Y … The Ombudsman stressed that …": Y, not the person named last
    r = read("Commissioner for Human Rights (Ombudsman) of the Republic of Kazakhstan Ana Lind met the guests. "
             "The meeting was also attended by Deputy Chairman of the Zembla Commission Bo Dahl. "
             "The Ombudsman stressed that the talks would go on.")
    assert [s for s, _, _ in said(r)] == ["Ana Lind"]


def test_a_bare_speakers_title_is_of_the_one_legislature_named_before(read):
    # "Deputy Speaker X said": Armenia's National Assembly, the one legislature the article named
    r = read("The Norland Parliament met on Monday. Deputy Speaker Ramon Altavilla said the vote would be held.")
    assert ("Ramon Altavilla", "Norland Parliament", "Deputy Speaker") in titled(r)


def test_a_bare_speakers_title_after_two_legislatures_or_before_any_is_of_none(read):
    r = read("The Norland Parliament met the Quessa Assembly. Deputy Speaker Ramon Altavilla said the vote would be held.")
    assert titled(r) == set()
    r = read("Deputy Speaker Ramon Altavilla said the Norland Parliament would vote.")
    assert titled(r) == set()


def test_a_consul_is_posted_in_a_city(read):
    # "the Iranian Consul General in Kapan, X": the city is the post, the holder's name follows it
    r = read("The Chilean Consul General in Kapan, Ramon Altavilla, attended the meeting.")
    assert ("Ramon Altavilla", "Chile", "Consul General") in titled(r)
    r = read("Chilean Consul General in Kapan Ramon Altavilla attended the meeting.")
    assert ("Ramon Altavilla", "Chile", "Consul General") in titled(r)


def test_a_companys_general_manager_is_a_title(read):
    r = read("The pipeline was built by the Borduria Pipeline Company, whose general manager, Ramon Altavilla, "
             "said it could carry more gas.")
    assert ("Ramon Altavilla", "Borduria Pipeline Company", "General Manager") in titled(r)


def test_a_companion_title_is_of_the_country_the_subject_holds_an_office_of(read):
    # "Papikyan was accompanied by Deputy Minister of Defense X": the minister's country, named before
    r = read("Peru's Defence Minister Ramon Altavilla visited Lima. Altavilla was accompanied by Deputy "
             "Minister of Defence Tomas Verdugo.")
    assert ("Tomas Verdugo", "Peru", "Deputy Minister of Defence") in titled(r)


def test_a_companion_of_a_subject_without_one_country_has_no_country(read):
    r = read("Ramon Altavilla arrived in Lima. Altavilla was accompanied by Deputy Minister of Defence Tomas Verdugo.")
    assert titled(r) == set()


def test_a_bare_speaker_heads_no_senate(read):
    r = read("The Norland Senate passed the bill on Friday. Speaker Ramon Altavilla said the House would vote.")
    assert titled(r) == set()


def test_a_posted_title_of_a_country_then_its_post_then_the_name(read):
    # "Consul General of Iran in Kapan X", "Ambassador of Chile to Peru X": the post before the name
    r = read("Consul General of Chile in Kapan Ramon Altavilla attended the meeting.")
    assert ("Ramon Altavilla", "Chile", "Consul General") in titled(r)
    r = read("The Ambassador of Chile in Lima, Ramon Altavilla, attended the meeting.")
    assert ("Ramon Altavilla", "Chile", "Ambassador") in titled(r)


def test_a_bare_speaker_heads_no_assembly_of_many_countries(read):
    # "The European Parliament called for sanctions. … Parliament Speaker X said": a national
    # parliament's speaker; an assembly of many countries has a President
    r = read("The European Parliament called for sanctions. Parliament Speaker Ramon Altavilla said the vote "
             "would be held.")
    assert titled(r) == set()
    r = read("The Norland Parliament met on Monday. Parliament Speaker Ramon Altavilla said the vote would be held.")
    assert ("Ramon Altavilla", "Norland Parliament", "Speaker") in titled(r)


def test_a_lower_case_remit_between_an_owned_title_and_the_holders_name(read):
    # "Turkey's special envoy for the normalisation process, X", "China's special envoy for
    # Central Asian affairs, X": the remit closes with a comma, the name follows
    r = read("Chile's special envoy for the normalisation process, Ramon Altavilla, met the delegation.")
    assert titled(r) == {("Ramon Altavilla", "Chile", "Special Envoy")}
    r = read("Peru's special envoy for Andean water affairs, Tomas Verdugo, attended the ceremony.")
    assert titled(r) == {("Tomas Verdugo", "Peru", "Special Envoy")}
    # a remit that ends in a name is no lower-case remit: no apposition is read past it
    r = read("Chile's special envoy for Peru and Bolivia, Ramon Altavilla, met the delegation.")
    assert ("Ramon Altavilla", "Peru", "Special Envoy") not in titled(r)


def test_a_political_group_led_by_a_person(read):
    # "The Hayastan faction is led by X, a former defence minister": X its leader
    r = read("The opposition Velmar party, led by Tamar Veldidze, boycotted the vote. The Sorin faction is "
             "led by Oren Baskadze, a former minister.")
    assert titled(r) == {("Tamar Veldidze", "Velmar", "Leader"), ("Oren Baskadze", "Sorin", "Leader")}


def test_led_by_gives_no_office_of_a_body_without_a_group_noun(read):
    # delegations and forces are led too
    r = read("The Borduria Forum, led by Tamar Veldidze, met. The Velmar delegation was led by Oren Baskadze.")
    assert titled(r) == set()


def test_the_partys_title_is_of_the_political_group_named_with_the_noun(read):
    # "the ruling X party … In a speech to the congress, the party's chairman, Y, accused …"
    r = read("The ruling Velmar party said it would not open talks. NATO met on Monday. At the congress, "
             "the party's chairman, Tamar Veldidze, accused the West.")
    assert titled(r) == {("Tamar Veldidze", "Velmar", "Chairman")}
    # no party named with the noun: no office
    r = read("NATO met on Monday. The party's chairman, Tamar Veldidze, said it would win.")
    assert titled(r) == set()


def test_a_bare_head_of_governments_title_is_of_the_datelines_country(read):
    # "TBILISI, Georgia — … Prime Minister X told a news conference": several countries named
    r = read("LIMA, Peru — Protesters met again in Peru. Prime Minister Tamar Veldidze told a news conference "
             "that Chile and Bolivia would wait. Parliament Speaker Oren Baskadze agreed.")
    assert titled(r) == {("Tamar Veldidze", "Peru", "Prime Minister"), ("Oren Baskadze", "Peru", "Speaker")}


def test_no_dateline_country_for_a_qualified_holder_or_a_president(read):
    r = read("LIMA, Peru — Protesters met in Peru. Chilean Prime Minister Tamar Veldidze came. Prime Minister "
             "Tamar Veldidze said it is close. President Oren Baskadze of nowhere said so too.")
    assert ("Tamar Veldidze", "Peru", "Prime Minister") not in titled(r)
    assert not any(p == "Oren Baskadze" for p, _, _ in titled(r))


def test_a_plural_title_then_names_each_after_its_countrys_possessive(read):
    # "the two foreign ministers, Armenia's A and Azerbaijan's B,": each the office of its country
    r = read("The text was initialled by the two foreign ministers, Peru's Tamar Veldidze and Chile's Oren "
             "Baskadze, in Lima.")
    assert titled(r) == {("Tamar Veldidze", "Peru", "Foreign Minister"), ("Oren Baskadze", "Chile", "Foreign Minister")}


def test_a_plural_title_then_a_countrys_common_noun_names_no_one(read):
    r = read("The ministers, Peru's delegates and Chile's envoys, met in Lima.")
    assert titled(r) == set()


def test_an_adviser_in_apposition_to_a_named_officer(read):
    # "X, an adviser to Chilean President Y, said": X the adviser, of Y's country; Y the president
    # (Y was taken for the adviser)
    r = read("Tamar Veldidze, an adviser to Chilean President Oren Baskadze, said the vote would be held.")
    assert titled(r) == {("Tamar Veldidze", "Chile", "Adviser"), ("Oren Baskadze", "Chile", "President")}
    r = read("Tamar Veldidze, the foreign policy adviser to Chilean President Oren Baskadze, told reporters.")
    assert titled(r) == {("Tamar Veldidze", "Chile", "Adviser"), ("Oren Baskadze", "Chile", "President")}
    # a capitalised staff title before the name: the name is the adviser's
    r = read("Adviser to the President of Chile Oren Baskadze said the vote would be held.")
    assert titled(r) == {("Oren Baskadze", "Chile", "Adviser")}


def test_an_unnamed_counterpart_gives_its_country_to_no_one(read):
    # "Defence Minister X signed … with his French counterpart": the counterpart is someone else,
    # so X, named with no country, is not France's minister (X was given France's office)
    r = read("Defence Minister Tarsk Odelly signed a new roadmap with his French counterpart in Paris on Tuesday.")
    assert titled(r) == set()
    r = read("Defence Minister Tarsk Odelly met his French counterpart, Ivo Marnet, in Paris.")
    assert titled(r) == {("Ivo Marnet", "France", "Defense Minister")}


def test_a_name_before_a_domain_adviser_to_an_officer(read):
    # "X, the foreign policy adviser to President Y, rejected …": X is a person, the adviser; Y
    # holds the president's office (Y was given the adviser's)
    r = read("Tamar Veldidze, the foreign policy adviser to Chilean President Oren Baskadze, rejected the plan.")
    assert titled(r) == {("Tamar Veldidze", "Chile", "Adviser"), ("Oren Baskadze", "Chile", "President")}


def test_a_remit_with_a_country_after_a_link_before_the_holders_comma(read):
    # "Turkey's special envoy for normalisation with Armenia, X": the remit names a country
    # after "with"; X holds the envoy's office of the possessor (X was not even a person)
    r = read("Peru's special envoy for normalisation with Chile, Tarsk Odelly, met on Monday.")
    assert titled(r) == {("Tarsk Odelly", "Peru", "Special Envoy")}
    r = read("Peru's special envoy for peace in Chile, Tarsk Odelly, met on Monday.")
    assert titled(r) == {("Tarsk Odelly", "Peru", "Special Envoy")}


def test_two_domains_joined_before_an_owned_title(read):
    # "Italy's environment and energy security minister, X": the office is Italy's (missed)
    r = read("Tamar Veldidze, Peru's environment and energy security minister, said Lima was ready.")
    assert titled(r) == {("Tamar Veldidze", "Peru", "Environment and Energy Security Minister")}
    r = read("Peru's environment and energy minister, Tamar Veldidze, said Lima was ready.")
    assert titled(r) == {("Tamar Veldidze", "Peru", "Environment and Energy Minister")}


def test_an_office_held_at_an_organization_past_a_remit_of_two_joined_nouns(read):
    # "X, the vice president for investments and marketing at SOCAR, said": SOCAR's (missed)
    r = read("Tarsk Odelly, the vice president for investments and marketing at the Velmar Energy Foundation, "
             "said it would wait.")
    assert titled(r) == {("Tarsk Odelly", "Velmar Energy Foundation", "Vice President")}


def test_a_dateline_country_the_body_never_names_gives_no_office(read):
    # "VIENNA — … Prime Minister X": the story was filed in Vienna; "Vienna has signed" is the
    # capital standing for someone, not Austria named (X was given Austria's office)
    r = read("VIENNA — Peru and Chile met on Monday. Prime Minister Tarsk Odelly said the talks went well. "
             "Vienna has only now signed the papers.")
    assert titled(r) == set()
    r = read("LIMA — Peru and Chile met on Monday. Prime Minister Tarsk Odelly said the talks went well.")
    assert titled(r) == {("Tarsk Odelly", "Peru", "Prime Minister")}


def test_a_remit_of_two_joined_parts_before_the_holders_comma(read):
    # "The EU's special representative for the South Caucasus and the crisis in Georgia, X,
    # visited …": X holds the EU's office (X was no person)
    r = read("The EU's special representative for the South Caucasus and the crisis in Georgia, Tarsk Odelly, "
             "visited Yerevan in October.")
    assert titled(r) == {("Tarsk Odelly", "European Union", "Special Representative")}


def test_a_demonym_and_a_holders_descriptor_between_an_office_and_its_name(read):
    # "Its head, German police officer X, said": X is a person and holds the head's office (missed)
    r = read("The Velmar Monitoring Mission was deployed in 2023. Its head, German police officer Tarsk Odelly, "
             "said the monitors had recorded fewer incidents.")
    assert titled(r) == {("Tarsk Odelly", "Velmar Monitoring Mission", "Head")}


def test_a_domain_adviser_to_an_unnamed_officer_of_a_country(read):
    # "X, the foreign policy adviser to the Azerbaijani president, welcomed …": X is the adviser,
    # of the officer's country (missed); the officer names no one
    r = read("Tamar Veldidze, the foreign policy adviser to the Chilean president, welcomed the decision.")
    assert titled(r) == {("Tamar Veldidze", "Chile", "Adviser")}


def test_a_name_before_who_headed_is_a_person_with_no_office_now(read):
    # "X, who headed the presidential administration until 2019, was placed under house arrest"
    r = read("Tarsk Odelly, who headed the presidential administration until 2019, was placed under house arrest.")
    assert "Tarsk Odelly" in {e.label for e in r.entities if e.type == "Person"}
    assert titled(r) == set()


def test_an_office_in_an_unnamed_organ_of_an_organization(read):
    # "X, the first deputy chairman of the Duma's committee on CIS affairs, said": the Duma's (missed)
    r = read("Tarsk Odelly, the deputy chairman of the Andean Community's committee on trade, said the talks would go on.")
    assert titled(r) == {("Tarsk Odelly", "Andean Community", "Deputy Chairman")}
    # a country's unnamed committee: no employer read
    r = read("Tarsk Odelly, the chairman of Peru's committee on trade, said so.")
    assert titled(r) == set()


def test_no_dateline_country_after_another_country_opening_the_sentence(read):
    # "MONTEVIDEO — … Italy's position will decide: Prime Minister X's government has said …"
    r = read("LIMA, Peru — The deal was signed in Peru. Chile's position will decide the outcome: Prime "
             "Minister Tamar Veldidze's government has said it will wait.")
    assert ("Tamar Veldidze", "Peru", "Prime Minister") not in titled(r)


def test_a_longer_lower_case_remit_before_at_the_workplace(read):
    r = read('"It is over," said Rino Falvetti, director of the international security programme at the Harlow '
             'Institute in Sydney.')
    assert titled(r) == {("Rino Falvetti", "Harlow Institute", "Director")}


def test_a_high_representative_or_coordinator_for_a_country_is_not_its_official(read):
    # "for" a country names the post an international office covers, not the employer
    for text in ("Tomas Ardvik, the High Representative for Moldova, welcomed the repeal.",
                 "Tomas Ardvik, the special coordinator for Moldova, welcomed the repeal."):
        assert titled(read(text)) == set(), text
    r = read("Moldovan High Representative Tomas Ardvik welcomed the repeal.")
    assert titled(r) == {("Tomas Ardvik", "Moldova", "High Representative")}


def test_the_league_points_back_to_the_league_named_before(read):
    r = read("The Norland League met in May. The league's secretary-general, Tomas Ardvik, said it would help.")
    assert titled(r) == {("Tomas Ardvik", "Norland League", "Secretary General")}


def test_national_legislatures_known_by_their_own_names(read):
    # one-word names of national parliaments are in the knowledge base; "Speaker X" after
    # the one legislature the article named is its speaker
    r = read("The Folketing passed the law on Monday. Speaker Ramon Altavilla said it was historic.")
    assert titled(r) == {("Ramon Altavilla", "Folketing", "Speaker")}
    r = read("Knesset Speaker Ana Velarde said the Sejm and the Bundestag had been told.")
    assert titled(r) == {("Ana Velarde", "Knesset", "Speaker")}
    assert {"Sejm", "Bundestag"} <= {e.label for e in r.entities}


def test_a_successor_holds_the_office_after_as(read):
    # "X succeeded Y as TITLE": X holds it now; Y, a person too, held it before
    r = read("Ida Rusk succeeded Aro Pell as secretary-general of the Lakes Council.")
    assert titled(r) == {("Ida Rusk", "Lakes Council", "Secretary General")}
    assert {"Ida Rusk", "Aro Pell"} <= {e.label for e in r.entities if e.type == "Person"}
    r = read("In March, Aro Pell replaced Ida Rusk as Chile's foreign minister.")
    assert titled(r) == {("Aro Pell", "Chile", "Foreign Minister")}


def test_a_name_before_who_is_or_who_serves_as_is_a_person(read):
    r = read("The talks are led by Ida Rusk, who serves as the African Union's envoy for the Great Lakes.")
    assert titled(r) == {("Ida Rusk", "African Union", "Envoy")}
    r = read("The talks are led by Aro Pell, who is the African Union's envoy.")
    assert titled(r) == {("Aro Pell", "African Union", "Envoy")}


def test_no_dateline_country_after_a_sentence_opened_by_another_country(read):
    # "BAKU — … Armenia's Foreign Ministry called it a sham … Prime Minister X, who faces …"
    for opening in ("Chile's government called", "Chile's Foreign Ministry called", "Chile called"):
        r = read(f"LIMA, Peru — A court in Peru jailed them. {opening} the verdict a sham. "
                 "Prime Minister Tamar Veldidze, who faces an election, has been more cautious.")
        assert ("Tamar Veldidze", "Peru", "Prime Minister") not in titled(r), opening
    # the sentence before names the dateline's country too: still its prime minister
    r = read("LIMA, Peru — A court in Peru jailed them. Chile called the verdict in Peru a sham. "
             "Prime Minister Tamar Veldidze, who faces an election, has been more cautious.")
    assert ("Tamar Veldidze", "Peru", "Prime Minister") in titled(r)


def test_a_bare_head_of_governments_title_is_of_the_country_after_a_datelines_town(read):
    # "ANAKLIA, Georgia - … Prime Minister X": a town that is no capital, then its country
    r = read("VELMARA, Peru - Protesters met again in Peru. Prime Minister Tamar Veldidze told a news "
             "conference that Chile would wait.")
    assert ("Tamar Veldidze", "Peru", "Prime Minister") in titled(r)
    # the country never named in the body: where the story was filed, no office
    r = read("VELMARA, Peru - Protesters met again. Prime Minister Tamar Veldidze told a news conference "
             "that Chile would wait.")
    assert ("Tamar Veldidze", "Peru", "Prime Minister") not in titled(r)


def test_the_outlets_director_is_of_the_outlet_named_before(read):
    # "… the independent investigative outlet Abzas Media … The outlet's director, X, …"
    r = read("A court jailed six journalists of the independent outlet Velgor Media on Friday. The outlet's "
             "director, Tarmo Veldinen, received nine years.")
    assert titled(r) == {("Tarmo Veldinen", "Velgor Media", "Director")}


def test_a_ministry_staff_title_with_no_ministry_is_of_the_country_opening_the_sentence_before(read):
    # "Russia, whose peacekeepers left …, called the case an internal matter. Foreign Ministry
    # spokeswoman X said …"
    r = read("Velgrad rejects it. Peru, whose troops left in 2024, called the case an internal matter. Foreign "
             "Ministry spokeswoman Tamar Veldidze said Lima does not comment.")
    assert titled(r) == {("Tamar Veldidze", "Peru", "Foreign Ministry Spokesperson")}
    # no country opening the sentence before: no office
    r = read("Velgrad rejects it. The talks stalled in Peru. Foreign Ministry spokeswoman Tamar Veldidze said "
             "Lima does not comment.")
    assert titled(r) == set()


def test_an_anaphors_title_with_a_remit_before_the_name(read):
    # "The assembly's rapporteur on political prisoners, X, a German lawmaker, said"
    r = read("The Norland Assembly adopted a resolution in October. The assembly's rapporteur on political "
             "prisoners, Tarmo Veldinen, said the verdict was bad.")
    assert titled(r) == {("Tarmo Veldinen", "Norland Assembly", "Rapporteur")}


def test_its_head_of_delegation_is_an_office_of_the_body_before(read):
    # "The ICRC … declined to comment. Its head of delegation in Baku, X, said …"
    r = read("The Norland Relief Committee declined to comment. Its head of delegation in Lima, Anna Lindqvist, "
             "said in October that it would stay.")
    assert titled(r) == {("Anna Lindqvist", "Norland Relief Committee", "Head of Delegation")}


def test_its_after_a_sentence_whose_last_clause_an_organization_opens(read):
    # "A French team has worked with them, and the EU Mission in Armenia, an unarmed mission,
    # patrols the border. Its head, X, said …"
    r = read("A Chilean team has trained the guards since last year, and the Norland Monitoring Mission, an "
             "unarmed civilian mission, patrols the border. Its head, Tarmo Veldinen, said it had no role there.")
    assert titled(r) == {("Tarmo Veldinen", "Norland Monitoring Mission", "Head")}


def test_a_deputy_spokesperson_is_one_office(read):
    # "The State Department's deputy spokesperson, X, said": not a "Deputy" and a "Spokesperson"
    r = read("Peru was more muted. The Norland Council's deputy spokesperson, Tarmo Veldinen, said it was "
             "following the case.")
    assert titled(r) == {("Tarmo Veldinen", "Norland Council", "Deputy Spokesperson")}


def test_a_person_who_heads_a_body_right_before_the_verb(read):
    # "X heads ORG", also past an apposition; not "heads to Lima", not a body's own name
    r = read("Ida Rusk heads the Lakes Institute.")
    assert titled(r) == {("Ida Rusk", "Lakes Institute", "Head")}
    r = read("Ida Rusk, a former foreign minister of Chile, now heads the Lakes Institute.")
    assert titled(r) == {("Ida Rusk", "Lakes Institute", "Head")}
    r = read("Ida Rusk heads to Lima on Monday. The Lakes Council heads the talks.")
    assert titled(r) == set()


def test_an_office_with_an_ended_tenure_is_not_held(read):
    for tenure in ("from 2010 to 2015", "between 2010 and 2015", "until 2019"):
        r = read(f"Aro Pell, Peru's president {tenure}, signed the accord.")
        assert titled(r) == set()
        assert "Aro Pell" in {e.label for e in r.entities if e.type == "Person"}
    r = read("Aro Pell, Peru's president since 2019, signed the accord.")
    assert titled(r) == {("Aro Pell", "Peru", "President")}


def test_a_then_or_ex_office_in_apposition_names_a_person_with_no_office(read):
    r = read("Peru's then-president, Aro Pell, signed the accord in 2015.")
    assert titled(r) == set()
    assert "Aro Pell" in {e.label for e in r.entities if e.type == "Person"}

"""kg.nlp.roles: officialOf with the position's title, and title descriptions."""
from conftest import facts, said


def titled(record):
    names = {e.key: e.label for e in record.entities}
    return {(names[f.subject], names[f.object], f.title) for f in record.facts if f.predicate == "officialOf"}


def test_demonym_title_name(read):
    r = read("Russian President Vladimir Putin arrived.")
    assert titled(r) == {("Vladimir Putin", "Russia", "President")}


def test_possessive_title_name_lower_case_title(read):
    r = read("Azerbaijan’s president Ilham Aliyev arrived.")
    assert titled(r) == {("Ilham Aliyev", "Azerbaijan", "President")}


def test_organization_title_unknown_name(read):
    r = read("United Nations Secretary General Kofi Mbeki-Larsson spoke.")
    assert titled(r) == {("Kofi Mbeki-Larsson", "United Nations", "Secretary General")}


def test_title_of_country_name(read):
    r = read("The Prime Minister of Georgia Irakli Tsotsoria visited Baku.")
    assert titled(r) == {("Irakli Tsotsoria", "Georgia", "Prime Minister")}


def test_plural_title_pairs_countries_and_names_in_order(read):
    r = read("He met the foreign ministers of Armenia and Azerbaijan Ara Petrosyan and Elchin Guliyev.")
    assert titled(r) == {("Ara Petrosyan", "Armenia", "Foreign Minister"),
                         ("Elchin Guliyev", "Azerbaijan", "Foreign Minister")}


def test_appositive_title(read):
    r = read("Anna Kovalenko, Ukraine's foreign minister, said nothing.")
    assert titled(r) == {("Anna Kovalenko", "Ukraine", "Foreign Minister")}


def test_spokesperson_title(read):
    r = read("Russia's presidential spokesperson Dmitry Peskov declined to comment.")
    assert titled(r) == {("Dmitry Peskov", "Russia", "Presidential Spokesperson")}


def test_description_resolves_to_the_office_holder_of_the_article(read):
    r = read("Turkish Foreign Minister Mevlut Cavusoglu arrived. The Turkish foreign minister said talks "
             "would resume soon.")
    speakers = {s.speaker for s in r.statements}
    assert speakers == {"kb:" + next(e.key[3:] for e in r.entities if e.label == "Mevlut Cavusoglu")}
    assert any(m.rule == "coref-title" for m in r.mentions)


def test_no_office_without_a_name_or_qualifier(read):
    r = read("The president arrived. Many ministers left.")
    assert facts(r, "officialOf") == set()


def test_domain_minister(read):
    r = read("The deal was signed by Ukrainian Infrastructure Minister Oleh Marchenko on Friday.")
    assert titled(r) == {("Oleh Marchenko", "Ukraine", "Infrastructure Minister")}


def test_counterpart_takes_the_title_of_the_person_before(read):
    r = read("Russian President Vladimir Putin thanked his Turkish counterpart Ahmet Yilmazer for his efforts.")
    assert titled(r) == {("Vladimir Putin", "Russia", "President"), ("Ahmet Yilmazer", "Turkey", "President")}


def test_his_counterpart_opening_a_sentence_takes_the_title_of_the_one_person_before(read):
    r = read("Egypt's foreign minister, Omar Tarek, told reporters that talks would go on. His Ethiopian "
             "counterpart, Dawit Alemu, said the dam would be filled as planned.")
    assert ("Dawit Alemu", "Ethiopia", "Foreign Minister") in titled(r)


def test_his_counterpart_after_two_titled_persons_is_no_office(read):
    r = read("Egypt's foreign minister, Omar Tarek, met Sudan's foreign minister, Ali Hamid. His Ethiopian "
             "counterpart, Dawit Alemu, said the dam would be filled as planned.")
    assert not any(holder == "Dawit Alemu" for holder, _, _ in titled(r))


def test_where_the_counterpart_is_after_the_name_closes_the_apposition(read):
    r = read("Peru's foreign minister, Omar Tarek, held talks with his Chilean counterpart, Ramon Altavilla in "
             "Lima. Later, Altavilla said the talks went well.")
    assert ("Ramon Altavilla", "Chile", "Foreign Minister") in titled(r)
    assert [s[0] for s in said(r)] == ["Ramon Altavilla"]
    r = read("Peru's foreign minister, Omar Tarek, held talks with his Chilean counterpart, Ramon Altavilla in "
             "the morning.")  # no place after "in": no closed apposition, no name
    assert not any(holder.startswith("Ramon") for holder, _, _ in titled(r))


def test_counterpart_of_an_untitled_person_is_no_office(read):
    r = read("Vladimir Putin thanked his Turkish counterpart Ahmet Yilmazer for his efforts.")
    assert titled(r) == set()


def test_agency_chief(read):
    r = read("UNHCR chief Marco Bellini said it.")
    assert {(p, t) for p, _, t in titled(r)} == {("Marco Bellini", "Chief")}


def test_an_ambassador_at_the_un_is_an_official_of_the_country(read):
    r = read("Russia's U.N. Ambassador Pavel Smirnov spoke.")
    assert titled(r) == {("Pavel Smirnov", "Russia", "Ambassador")}


def test_abbreviated_titles(read):
    r = read("Armenian PM Aram Sargsyan met the Georgian FM Levan Beridze.")
    assert titled(r) == {("Aram Sargsyan", "Armenia", "Prime Minister"), ("Levan Beridze", "Georgia", "Foreign Minister")}


def test_a_time_is_no_prime_minister(read):
    r = read("The Armenian talks began at 5 pm Moscow time with Aram Sargsyan.")
    assert facts(r, "officialOf") == set()


def test_aides_and_advisers(read):
    r = read("Azerbaijani presidential aide Farid Guliyev said it. Later Anar Rzayev, assistant to the President of "
             "Azerbaijan, said it again.")
    assert titled(r) == {("Farid Guliyev", "Azerbaijan", "Presidential Aide"),
                         ("Anar Rzayev", "Azerbaijan", "Assistant to the President")}


def test_an_apposition_with_an_office_still_held(read):
    r = read("Interior Minister Talia Vornskaya, the current chairman of the Northern Rivers Development "
             "Council (NRDC), arrived.")
    assert ("Talia Vornskaya", "Northern Rivers Development Council", "Chairman") in titled(r)
    r = read("Interior Minister Talia Vornskaya, the former chairman of the Northern Rivers Development "
             "Council (NRDC), arrived.")
    assert not any(org == "Northern Rivers Development Council" for _, org, _ in titled(r))


def test_romanised_and_vice_titles(read):
    r = read("South Korean Vice Foreign Minister Pak Tae-yul met Executive Secretary Lio Varen "
             "of the Northern Rivers Development Council (NRDC).")
    assert titled(r) == {("Pak Tae-yul", "South Korea", "Vice Foreign Minister"),
                         ("Lio Varen", "Northern Rivers Development Council", "Executive Secretary")}


def test_a_government_or_military_spokesperson_of_a_country(read):
    r = read("Rwandan government spokeswoman Ilsa Marrowby said the troops would stay.")
    assert titled(r) == {("Ilsa Marrowby", "Rwanda", "Government Spokesperson")}
    r = read("Sudan's military spokesman Omar Tarabi said the army advanced.")
    assert titled(r) == {("Omar Tarabi", "Sudan", "Military Spokesperson")}


def test_a_country_or_region_an_envoy_covers_is_no_employer(read):
    r = read("The talks ended. U.S. Syria envoy Tarek Olsundo said the groups met.")
    assert titled(r) == {("Tarek Olsundo", "United States", "Syria Envoy")}
    r = read("The talks ended. Peru's Arctic envoy, Tarek Olsundo, said the groups met.")
    assert titled(r) == {("Tarek Olsundo", "Peru", "Arctic Envoy")}
    # one country before the title still employs
    r = read("The talks ended. Peruvian Envoy Tarek Olsundo said the groups met.")
    assert titled(r) == {("Tarek Olsundo", "Peru", "Envoy")}


def test_a_plural_of_a_longer_title_keeps_the_whole_title(read):
    r = read("The talks were led by Deputy Prime Ministers Tarek Olsundo of Peru and Karen Vartanyan of Chile.")
    assert titled(r) == {("Tarek Olsundo", "Peru", "Deputy Prime Minister"),
                         ("Karen Vartanyan", "Chile", "Deputy Prime Minister")}


def test_an_organization_title_with_no_qualifier_is_of_the_one_organization_named_before(read):
    r = read("The General Assembly of the African Union ended in Lima. Secretary General Tarek Olsundo said "
             "the members had agreed.")
    assert titled(r) == {("Tarek Olsundo", "African Union", "Secretary General")}


def test_an_organization_title_with_two_organizations_named_before_gives_no_office(read):
    r = read("The African Union met in Lima with the Arab League. Secretary General Tarek Olsundo said the "
             "members had agreed.")
    assert titled(r) == set()
    r = read("The talks ended in Lima. Secretary General Tarek Olsundo said the members had agreed.")
    assert titled(r) == set()


def test_an_outlet_someone_spoke_to_is_no_employer_of_a_bare_organization_title(read):
    r = read("Envoys of the African Union told Reuters the talks went well. Secretary General "
             "Tarek Olsundo said the members had agreed.")
    assert ("Tarek Olsundo", "African Union", "Secretary General") in titled(r)
    r = read("The African Union met in Lima with Reuters. Secretary General Tarek Olsundo said the "
             "members had agreed.")
    assert titled(r) == set()


def test_kenyas_prime_cabinet_secretary_is_one_title(read):
    r = read("Ramon Altavilla, Kenya's prime cabinet secretary, said Nairobi was a venue.")
    assert titled(r) == {("Ramon Altavilla", "Kenya", "Prime Cabinet Secretary")}


def test_who_heads_after_a_description_in_apposition_is_the_named_persons_office(read):
    r = read("Ramon Altavilla, a senior diplomat who now heads the Lakes Institute, said so.")
    assert titled(r) == {("Ramon Altavilla", "Lakes Institute", "Head")}


def test_who_heads_after_a_definite_description_gives_no_office(read):
    r = read("Ramon Altavilla met Tomas Verdugo, the man who now heads the Lakes Institute, on Monday.")
    assert titled(r) == set()


def test_an_office_at_an_organization_that_closes_the_phrase(read):
    r = read("Ramon Altavilla, vice president for studies at the Lakes Institute in Lima, said so.")
    assert titled(r) == {("Ramon Altavilla", "Lakes Institute", "Vice President")}


def test_an_office_at_an_organizations_meeting_is_not_held_there(read):
    r = read("Ramon Altavilla, the minister at the Lakes Institute meeting, said so.")
    assert not any(org == "Lakes Institute" for _, org, _ in titled(r))


def test_commanded_by_names_the_organizations_commander(read):
    r = read("The Lakes Security Council is commanded by Ramon Altavilla, known as Tito, who was his deputy.")
    assert titled(r) == {("Ramon Altavilla", "Lakes Security Council", "Commander")}


def test_troops_commanded_by_a_person_give_no_office(read):
    r = read("Troops commanded by General Ramon Altavilla crossed the border.")
    assert titled(r) == set()


def test_was_elected_after_a_description_in_apposition_is_the_named_persons_office(read):
    r = read("Ramon Altavilla, a former Chilean diplomat, was elected president of Peru on Sunday.")
    assert titled(r) == {("Ramon Altavilla", "Peru", "President")}


def test_a_regions_unit_director_at_an_organization_in_apposition(read):
    r = read("Ramon Altavilla, the Middle East programme director at the Lakes Institute, said so.")
    assert titled(r) == {("Ramon Altavilla", "Lakes Institute", "Director")}


def test_who_heads_an_organizations_body_holds_the_body_not_the_owner(read):
    r = read("Ramon Altavilla, who heads the Lakes Council's Energy Committee, said so.")
    assert titled(r) == {("Ramon Altavilla", "Energy Committee", "Head")}


def test_a_captain_s_rank_is_no_part_of_the_name(read):
    r = read("Chad's president, Captain Idrissa Kovambe, said the junta would hold elections in 2027.")
    assert titled(r) == {("Idrissa Kovambe", "Chad", "President")}
    assert [e.label for e in r.entities if e.type == "Person"] == ["Idrissa Kovambe"]


def test_a_title_of_the_opposition_or_ruling_organization_is_of_that_organization(read):
    r = read("Nika Gavarel, a leader of the opposition Coalition for Renewal, said no.")
    assert ("Nika Gavarel", "Coalition for Renewal") in facts(r, "officialOf")
    r = read("Nika Gavarel, the chairman of the ruling Velmar Unity Party, said no.")
    assert ("Nika Gavarel", "Velmar Unity Party") in facts(r, "officialOf")
    # "the opposition" alone names no organization
    r = read("Nika Gavarel, a leader of the opposition in Velmar, said no.")
    assert facts(r, "officialOf") == set()


def test_a_commonwealth_brigadier_is_a_rank_not_a_word_of_the_name(read):
    r = read("The Norland Defence Force, whose chief of staff, Brigadier Tovan Reshki, spoke to "
             "reporters, held exercises on Monday. Reshki said his troops were ready.")
    people = {e.label for e in r.entities if e.type == "Person"}
    assert "Tovan Reshki" in people
    assert not any(n.startswith("Brigadier") for n in people)
    assert ("Tovan Reshki", "Norland Defence Force") in facts(r, "officialOf")


def test_irish_offices_in_irish_are_titles(read):
    r = read('Irish Tanaiste Darragh Velmont said Dublin was "proud of our peacekeepers".')
    assert ("Darragh Velmont", "Ireland") in facts(r, "officialOf")
    assert [who for who, _, _ in said(r)] == ["Darragh Velmont"]


def test_an_indefinite_description_is_not_a_person_named_with_the_title(read):
    r = read("The committee, chaired by a US general, met in Lima. Peru's army, whose commander, "
             "General Tovan Reshki, attended, said it would comply.")
    assert ("Tovan Reshki", "United States") not in facts(r, "officialOf")
    r = read("General Tovan Reshki said the talks went well. The US general later left Lima.")
    assert ("Tovan Reshki", "United States") in facts(r, "officialOf")


def test_an_indefinite_subject_description_is_still_the_person_named_after_it(read):
    r = read("Peru will not attend the summit, a Peruvian spokeswoman said on Thursday. "
             '"Nothing has changed," spokeswoman Orla Brenning told reporters.')
    assert ("Orla Brenning", "Peru") in facts(r, "officialOf")


def test_human_rights_and_force_are_domains_of_a_title(read):
    r = read("The UN human rights chief, Tovan Reshki, said the reports were credible. The Norland "
             "Mission's force commander, General Orla Brenning, told reporters in Lima.")
    officials = facts(r, "officialOf")
    assert ("Tovan Reshki", "United Nations") in officials
    assert ("Orla Brenning", "Norland Mission") in officials


def test_whose_office_after_a_demonym_and_army_is_the_country_s(read):
    r = read("Qatar has paid salaries for the Peruvian army, whose commander, General Tovan Reshki, "
             "met the committee in September.")
    assert ("Tovan Reshki", "Peru") in facts(r, "officialOf")
    assert ("Tovan Reshki", "Qatar") not in facts(r, "officialOf")


def test_an_office_in_apposition_past_a_second_office_of_the_holder(read):
    r = read("The Andean Border Alliance's chairman, Prime Minister Tovan Reshki of Peru, said the "
             "bloc stands with Bolivia.")
    officials = facts(r, "officialOf")
    assert {("Tovan Reshki", "Andean Border Alliance"), ("Tovan Reshki", "Peru")} <= officials


def test_head_of_mission_is_a_title(read):
    r = read("The Norland Mission's head of mission, Major General Tovan Reshki, told reporters in Lima.")
    assert ("Tovan Reshki", "Norland Mission") in facts(r, "officialOf")


def test_a_possessive_office_coordinated_with_a_second_one_before_the_name(read):
    r = read("The Norland Mission's head of mission and force commander, Major General Tovan Reshki, "
             "told reporters in Lima.")
    assert ("Tovan Reshki", "Norland Mission") in facts(r, "officialOf")


def test_inspector_is_an_office(read):
    r = read("Peru's navy inspector, Vice Admiral Tovan Reshki, has warned that Chile is testing the limits.")
    assert ("Tovan Reshki", "Peru") in facts(r, "officialOf")


def test_who_heads_after_a_definite_office_in_apposition_is_the_named_persons_office(read):
    # "Rustem Umerov, the former defence minister who now heads the National Security and Defence Council"
    r = read("Talks were led by Ramon Altavilla, the former defence minister who now heads the Lakes Council.")
    assert titled(r) == {("Ramon Altavilla", "Lakes Council", "Head")}
    r = read("Talks were led by Ramon Altavilla, the aide of the minister who heads the Lakes Council.")
    assert titled(r) == set()


def test_a_persons_heads_before_an_organization_that_closes_the_phrase_is_the_office(read):
    # "In Tripoli, Prime Minister Abdulhamid Dbeibah heads the Government of National Unity, which …"
    r = read("In Lima, Prime Minister Ramon Altavilla heads the Lakes Unity Council, which the UN recognises.")
    assert ("Ramon Altavilla", "Lakes Unity Council", "Head") in titled(r)
    r = read("Prime Minister Ramon Altavilla leads the Lakes Unity Council delegation in talks.")
    assert not any(org == "Lakes Unity Council" for _, org, _ in titled(r))


def test_whose_after_an_apposition_with_a_place_is_the_named_bodys(read):
    # "The High Council of State, an advisory body in Tripoli whose chairman, X, has quarrelled …"
    r = read("The Lakes Council of State, an advisory body in Lima whose chairman, Ramon Altavilla, has "
             "quarrelled with the premier, has backed the plan.")
    assert titled(r) == {("Ramon Altavilla", "Lakes Council of State", "Chairman")}


def test_a_special_rapporteur_is_the_qualifiers_office_not_the_topics(read):
    # "The UN special rapporteur on human rights in Myanmar, Tom Andrews,": the UN's, as "special envoy"
    r = read("The UN special rapporteur for Peru, Ramon Altavilla, said that it was over.")
    assert titled(r) == {("Ramon Altavilla", "United Nations", "Special Rapporteur")}


def test_a_deputy_commander_is_one_title(read):
    # "His son Saddam Haftar, the army's deputy commander,"
    r = read("The Lakes Army is commanded by Tomas Varnell. His son Ramon Varnell, the army's deputy commander, "
             "has taken over.")
    assert ("Ramon Varnell", "Lakes Army", "Deputy Commander") in titled(r)


def test_whose_after_a_definite_apposition_in_commas_is_the_named_bodys(read):
    # "Operation Atalanta, the older anti-piracy mission, whose commander, Vice Admiral X, is Spanish."
    r = read("The fleet could merge with Operation Lorian Vela, the older anti-piracy mission, whose commander, "
             "Vice Admiral Ramon Altavilla, is Chilean.")
    assert ("Ramon Altavilla", "Operation Lorian Vela", "Commander") in titled(r)


def test_a_name_before_became_and_an_office_holds_it(read):
    # "When Jens-Frederik Nielsen became Greenland's premier in April, he told …"
    r = read("When Ramon Altavilla became Peru's premier in April, he told the parliament that it was over.")
    assert titled(r) == {("Ramon Altavilla", "Peru", "Prime Minister")}


def test_its_secretary_general_is_no_office_of_a_country_the_sentence_before_opens_with(read):
    # a country has no secretary general: "Its" points further back, or nowhere
    r = read("The Zembla Union has five members. Peru and Hungary are observers. Its secretary general, "
             "Ivo Marek, a former diplomat, said the bloc would grow.")
    assert ("Ivo Marek", "Peru") not in facts(r, "officialOf")
    r = read("Peru hosted the talks. Its foreign minister, Ivo Marek, said the bloc would grow.")
    assert facts(r, "officialOf") == {("Ivo Marek", "Peru")}


def test_an_organization_head_word_before_minister_is_a_portfolio(read):
    r = read("Peruvian Armed Forces Minister Ivo Marek visited Lima in February.")
    assert not any(e.type == "Organization" for e in r.entities)
    assert facts(r, "officialOf") == {("Ivo Marek", "Peru")}


def test_a_central_bank_governor_after_a_country_possessive_is_that_countrys(read):
    r = read("Peru's central bank governor, Ivo Marek, said the banks follow the rules.")
    assert facts(r, "officialOf") == {("Ivo Marek", "Peru")}
